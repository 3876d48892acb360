//! The `risalah/1` model: one group's TULTA report. Read leniently: a field that was missing or of the
//! wrong type is `None` (the reader has already reported it), so checks see what is there.

use crate::diag::Path;
use crate::model::tools::ToolKind;

/// A piece of text and where it stands in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub value: String,
    pub at: Path,
}

#[derive(Clone, Debug, Default)]
pub struct Risalah {
    pub id: Option<Text>,
    pub judul: Option<String>,
    pub tahun: Option<i64>,
    pub daerah: Option<String>,
    pub opd: Option<String>,
    /// Boxed: the group's record is large, and most of a risalah's size should be its steps.
    pub kelompok: Option<Box<Kelompok>>,
    pub nilai_budaya: Vec<String>,
    pub ringkasan: Option<String>,
    /// `None` when the key is absent or not a list.
    pub langkah: Option<Vec<Langkah>>,
    pub penyajian: Option<Penyajian>,
    /// Evidence files (§9); empty when the key is absent.
    pub lampiran: Vec<Lampiran>,
}

/// The kinds of evidence a risalah may point to (spec §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JenisLampiran {
    SkKelompok,
    Notulen,
    DaftarHadir,
    FotoSebelum,
    FotoSesudah,
    Sop,
    Sk,
    Data,
    Lainnya,
}

impl JenisLampiran {
    pub const NAMES: &'static [&'static str] = &[
        "sk_kelompok",
        "notulen",
        "daftar_hadir",
        "foto_sebelum",
        "foto_sesudah",
        "sop",
        "sk",
        "data",
        "lainnya",
    ];
    const ALL: [JenisLampiran; 9] = [
        JenisLampiran::SkKelompok,
        JenisLampiran::Notulen,
        JenisLampiran::DaftarHadir,
        JenisLampiran::FotoSebelum,
        JenisLampiran::FotoSesudah,
        JenisLampiran::Sop,
        JenisLampiran::Sk,
        JenisLampiran::Data,
        JenisLampiran::Lainnya,
    ];

    /// By its position in [`Self::NAMES`].
    pub(crate) fn from_index(i: usize) -> Option<JenisLampiran> {
        Self::ALL.get(i).copied()
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .position(|j| *j == self)
            .and_then(|i| Self::NAMES.get(i))
            .copied()
            .unwrap_or("lainnya")
    }
}

/// One evidence file: a path relative to the risalah's folder, or an `https://` address.
#[derive(Clone, Debug)]
pub struct Lampiran {
    pub at: Path,
    pub jenis: Option<JenisLampiran>,
    pub berkas: Option<Text>,
    pub langkah: Option<i64>,
    pub keterangan: Option<String>,
}

/// The decree (SK) that formed the group.
#[derive(Clone, Debug, Default)]
pub struct SkKelompok {
    pub nomor: Option<String>,
    pub tanggal: Option<String>,
}

/// How often the group met, what share of members came, and how long the meetings ran (minutes).
#[derive(Clone, Debug, Default)]
pub struct Pertemuan {
    pub jumlah: Option<i64>,
    pub kehadiran_persen: Option<f64>,
    pub menit: Option<f64>,
}

/// A step's planned and actual dates, ISO `YYYY-MM-DD`.
#[derive(Clone, Debug, Default)]
pub struct Jadwal {
    pub rencana: Option<(String, String)>,
    pub realisasi: Option<(String, String)>,
}

/// One benefit in numbers (step 6).
#[derive(Clone, Debug)]
pub struct Kuantitatif {
    pub uraian: Option<String>,
    pub nilai: Option<f64>,
    pub satuan: Option<String>,
}

/// An amount with its unit (what the improvement cost).
#[derive(Clone, Debug)]
pub struct Jumlah {
    pub nilai: Option<f64>,
    pub satuan: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum JenisKelompok {
    Opd,
    Kelurahan,
}

impl JenisKelompok {
    pub const NAMES: &'static [&'static str] = &["opd", "kelurahan"];

    pub fn as_str(self) -> &'static str {
        match self {
            JenisKelompok::Opd => "opd",
            JenisKelompok::Kelurahan => "kelurahan",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Kelompok {
    pub nama: Option<String>,
    pub jenis: Option<JenisKelompok>,
    pub fasilitator: Option<String>,
    pub ketua: Option<String>,
    pub anggota: Vec<String>,
    pub sk: Option<SkKelompok>,
    pub dibentuk: Option<String>,
    pub pertemuan: Option<Pertemuan>,
}

#[derive(Clone, Debug, Default)]
pub struct Penyajian {
    pub yel_yel: Option<String>,
    pub fragmen: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Langkah {
    pub at: Path,
    pub nomor: Option<i64>,
    pub uraian: Option<String>,
    pub alat: Vec<Alat>,
    pub tema: Option<Text>,
    pub target: Option<Target>,
    /// `None` when the key is absent.
    pub penyebab_dominan: Option<Vec<Text>>,
    pub pelaksanaan: Option<Vec<Pelaksanaan>>,
    pub hasil: Option<Hasil>,
    pub manfaat: Option<Manfaat>,
    pub standar: Option<Vec<Standar>>,
    pub pemantauan: Option<String>,
    pub tema_berikutnya: Option<String>,
    pub jadwal: Option<Jadwal>,
}

impl Langkah {
    /// The first tool of a kind in this step.
    pub fn tool(&self, kind: ToolKind) -> Option<&Alat> {
        self.alat.iter().find(|a| a.kind == Some(kind))
    }
}

#[derive(Clone, Debug, Default)]
pub struct Target {
    pub at: Path,
    pub indikator: Option<Text>,
    pub satuan: Option<Text>,
    pub awal: Option<f64>,
    pub sasaran: Option<f64>,
    pub batas_waktu: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Selesai,
    Sebagian,
    Batal,
}

impl Status {
    pub const NAMES: &'static [&'static str] = &["selesai", "sebagian", "batal"];
}

#[derive(Clone, Debug, Default)]
pub struct Pelaksanaan {
    pub at: Path,
    pub aksi: Option<Text>,
    pub tanggal: Option<String>,
    pub status: Option<Status>,
    pub catatan: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Hasil {
    pub at: Path,
    pub indikator: Option<Text>,
    pub satuan: Option<Text>,
    pub sebelum: Option<f64>,
    pub sesudah: Option<f64>,
}

#[derive(Clone, Debug, Default)]
pub struct Manfaat {
    pub lebih_cepat: Option<String>,
    pub lebih_tepat: Option<String>,
    pub lebih_murah: Option<String>,
    pub kuantitatif: Vec<Kuantitatif>,
    pub biaya_perbaikan: Option<Jumlah>,
}

#[derive(Clone, Debug, Default)]
pub struct Standar {
    pub jenis: Option<String>,
    pub nomor: Option<String>,
    pub judul: Option<String>,
}

/// One tool of a step. `kind` is `None` for an unknown `jenis` (already reported).
#[derive(Clone, Debug)]
pub struct Alat {
    pub at: Path,
    pub kind: Option<ToolKind>,
    pub data: ToolData,
}

#[derive(Clone, Debug)]
pub enum ToolData {
    CurahPendapat {
        ide: Vec<Text>,
    },
    LembarPeriksa {
        periode: Option<String>,
        baris: Vec<Baris>,
        total: Option<f64>,
    },
    Pareto {
        butir: Vec<ParetoItem>,
    },
    SebabAkibat {
        akibat: Option<String>,
        kategori: Vec<Kategori>,
    },
    Histogram {
        data: Vec<f64>,
        kelas: Option<i64>,
    },
    Tebar {
        x: Vec<f64>,
        y: Vec<f64>,
        label_x: Option<String>,
        label_y: Option<String>,
        korelasi: Option<f64>,
    },
    Grafik {
        seri: Vec<Titik>,
        batas_atas: Option<f64>,
        batas_bawah: Option<f64>,
    },
    Rencana {
        aksi: Vec<Aksi>,
    },
    Alir {
        langkah: Vec<String>,
    },
    /// A priority (USG) matrix: candidates scored on each criterion.
    Matriks {
        kriteria: Vec<Text>,
        calon: Vec<Calon>,
    },
    /// Counts split by one factor (shift, counter, village …), checked like a check sheet.
    Stratifikasi {
        faktor: Option<String>,
        baris: Vec<Baris>,
        total: Option<f64>,
    },
    /// A `jenis` that names no known tool (reported as T208).
    Unknown {
        jenis: Option<String>,
    },
}

#[derive(Clone, Debug)]
pub struct Baris {
    pub at: Path,
    pub butir: Option<String>,
    pub jumlah: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct ParetoItem {
    pub at: Path,
    pub label: Option<String>,
    pub nilai: Option<f64>,
    pub persen: Option<f64>,
    pub kumulatif: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct Kategori {
    pub nama: String,
    pub penyebab: Vec<Text>,
}

#[derive(Clone, Debug)]
pub struct Titik {
    pub at: Path,
    pub label: Option<String>,
    pub nilai: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct Calon {
    pub at: Path,
    pub masalah: Option<Text>,
    /// `None` when absent or when an item was not a number (already reported as T004).
    pub nilai: Option<Vec<f64>>,
    pub total: Option<f64>,
}

impl Calon {
    /// The total people rank by: the sum of the scores, or the stated total when the scores are unusable.
    pub fn score(&self) -> Option<f64> {
        self.nilai
            .as_ref()
            .filter(|n| !n.is_empty())
            .map(|n| n.iter().sum())
            .or(self.total)
    }
}

/// The six elements of a 5W1H action, in the order people recite them.
pub const FIVE_W_ONE_H: [&str; 6] = ["apa", "mengapa", "dimana", "kapan", "siapa", "bagaimana"];

#[derive(Clone, Debug)]
pub struct Aksi {
    pub at: Path,
    pub id: Option<Text>,
    pub penyebab: Option<Text>,
    /// In the order of [`FIVE_W_ONE_H`]; `None` when absent or empty.
    pub unsur: [Option<String>; 6],
}

impl Risalah {
    pub fn steps(&self) -> &[Langkah] {
        self.langkah.as_deref().unwrap_or(&[])
    }

    /// The first step with this number.
    pub fn step(&self, nomor: i64) -> Option<&Langkah> {
        self.steps().iter().find(|s| s.nomor == Some(nomor))
    }

    pub fn id_str(&self) -> &str {
        self.id.as_ref().map_or("", |t| t.value.as_str())
    }

    pub fn jenis(&self) -> Option<JenisKelompok> {
        self.kelompok.as_ref().and_then(|k| k.jenis)
    }
}
