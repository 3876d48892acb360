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

    /// What people call it (Indonesian, English).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            JenisLampiran::SkKelompok => ("SK kelompok", "group's decree"),
            JenisLampiran::Notulen => ("notulen", "minutes"),
            JenisLampiran::DaftarHadir => ("daftar hadir", "attendance"),
            JenisLampiran::FotoSebelum => ("foto sebelum", "photo before"),
            JenisLampiran::FotoSesudah => ("foto sesudah", "photo after"),
            JenisLampiran::Sop => ("SOP", "SOP"),
            JenisLampiran::Sk => ("SK", "decree"),
            JenisLampiran::Data => ("data", "data"),
            JenisLampiran::Lainnya => ("lainnya", "other"),
        }
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

/// The form two units agree in: trimmed, inner spaces single, case ignored ("Jam " and "jam"
/// agree). Nothing more is guessed: "Rp" and "rupiah", "jam" and "menit" stay apart.
pub fn unit_key(satuan: &str) -> String {
    satuan
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Amounts of one unit added up: the unit as first written, the sum, and how many were added.
#[derive(Clone, Debug, PartialEq)]
pub struct Sum {
    pub satuan: String,
    pub nilai: f64,
    pub count: usize,
}

/// Sums `(value, unit)` pairs where units agree ([`unit_key`]), in the order units first appear.
/// A pair without a number or a unit adds to nothing: a sum of unlike things says nothing.
pub fn sums<'a>(amounts: impl IntoIterator<Item = (Option<f64>, Option<&'a str>)>) -> Vec<Sum> {
    let mut out: Vec<(String, Sum)> = Vec::new();
    for (nilai, satuan) in amounts {
        let (Some(nilai), Some(satuan)) = (nilai, satuan) else {
            continue;
        };
        let key = unit_key(satuan);
        if key.is_empty() || !nilai.is_finite() {
            continue;
        }
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, sum)) => {
                sum.nilai += nilai;
                sum.count += 1;
            }
            None => out.push((
                key,
                Sum {
                    satuan: satuan.trim().to_string(),
                    nilai,
                    count: 1,
                },
            )),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// The day number of an ISO `YYYY-MM-DD` date that exists (Julian day), for drawing and comparing
/// schedules; `None` for anything else (no 2026-02-30).
pub fn iso_day(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let y = s.get(..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse::<u8>().ok()?;
    let d = s.get(8..)?.parse().ok()?;
    time::Month::try_from(m)
        .and_then(|m| time::Date::from_calendar_date(y, m, d))
        .ok()
        .map(|d| d.to_julian_day())
}

/// A day number of [`iso_day`] written as `YYYY-MM-DD` again.
pub fn day_iso(day: i32) -> Option<String> {
    time::Date::from_julian_day(day).ok().map(|d| d.to_string())
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

/// Step 6's benefits in numbers and the cost of the improvement, each summed per unit: what a
/// ranking's export puts in a column per unit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Benefits {
    pub manfaat: Vec<Sum>,
    pub biaya: Vec<Sum>,
}

impl Risalah {
    pub fn benefits(&self) -> Benefits {
        let Some(m) = self.step(6).and_then(|s| s.manfaat.as_ref()) else {
            return Benefits::default();
        };
        Benefits {
            manfaat: m.totals(),
            biaya: sums(
                m.biaya_perbaikan
                    .iter()
                    .map(|b| (b.nilai, b.satuan.as_deref())),
            ),
        }
    }
}

impl Manfaat {
    /// The quantified benefits summed where their units agree.
    pub fn totals(&self) -> Vec<Sum> {
        sums(
            self.kuantitatif
                .iter()
                .map(|k| (k.nilai, k.satuan.as_deref())),
        )
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benefits_are_summed_where_units_agree() {
        let k = |nilai: Option<f64>, satuan: Option<&str>| Kuantitatif {
            uraian: None,
            nilai,
            satuan: satuan.map(str::to_string),
        };
        let m = Manfaat {
            kuantitatif: vec![
                k(Some(120.0), Some("jam/tahun")),
                k(Some(1_500_000.0), Some("Rp/tahun")),
                k(Some(30.0), Some(" Jam/tahun ")),
                k(Some(2.0), Some("rupiah/tahun")),
                k(None, Some("jam/tahun")),
                k(Some(9.0), None),
                k(Some(f64::NAN), Some("jam/tahun")),
            ],
            ..Manfaat::default()
        };
        assert_eq!(
            m.totals(),
            vec![
                Sum {
                    satuan: "jam/tahun".into(),
                    nilai: 150.0,
                    count: 2
                },
                Sum {
                    satuan: "Rp/tahun".into(),
                    nilai: 1_500_000.0,
                    count: 1
                },
                Sum {
                    satuan: "rupiah/tahun".into(),
                    nilai: 2.0,
                    count: 1
                },
            ]
        );
        assert_eq!(unit_key("  Rp   per  Bulan "), "rp per bulan");
    }

    #[test]
    fn iso_days_count_calendar_days() {
        assert_eq!(
            iso_day("2026-03-01")
                .zip(iso_day("2026-02-28"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(iso_day("2026-02-30"), None);
        assert_eq!(
            iso_day("2024-02-29").and_then(day_iso).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(iso_day("2026-2-3"), None);
        assert_eq!(iso_day("２０２６-01-01"), None);
    }
}
