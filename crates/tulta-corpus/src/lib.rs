//! A generator of valid, varied risalah for benchmarks and property tests: realistic Indonesian
//! vocabulary, several years, regions and OPDs, internally consistent numbers (about 10 KB each).
//! Deterministic: the same seed and index give the same file.

use std::fmt::Write;
use std::path::{Path, PathBuf};

/// A small, fast, seedable generator (xorshift64*); no need for cryptographic quality here.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// `n` distinct items, in random order.
    pub fn sample<'a, T>(&mut self, items: &'a [T], n: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        for i in (1..idx.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            idx.swap(i, j);
        }
        idx.into_iter().take(n).map(|i| &items[i]).collect()
    }
}

const REGIONS: &[(&str, &str)] = &[
    ("Kota Tirtanagara", "tng"),
    ("Kabupaten Wanasari", "wns"),
    ("Kota Sukamakmur", "skm"),
    ("Kabupaten Giriwangi", "grw"),
    ("Kota Banyuasri", "bya"),
    ("Kabupaten Pandanrejo", "pdr"),
];

/// (OPD, short id, kind, service)
const OPDS: &[(&str, &str, &str, &str)] = &[
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "disdukcapil",
        "opd",
        "penerbitan akta kelahiran",
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "disdukcapil",
        "opd",
        "pencetakan KTP-el",
    ),
    (
        "Dinas Perpustakaan dan Kearsipan",
        "dispusip",
        "opd",
        "penemuan kembali arsip",
    ),
    (
        "RSUD Tirta Husada",
        "rsud",
        "opd",
        "pelayanan obat rawat jalan",
    ),
    (
        "RSUD Tirta Husada",
        "rsud",
        "opd",
        "penyerahan hasil laboratorium",
    ),
    (
        "Mal Pelayanan Publik",
        "mpp",
        "opd",
        "pelayanan perizinan terpadu",
    ),
    (
        "Dinas Penanaman Modal dan PTSP",
        "dpmptsp",
        "opd",
        "penerbitan izin usaha",
    ),
    (
        "Dinas Perhubungan",
        "dishub",
        "opd",
        "uji berkala kendaraan",
    ),
    (
        "Dinas Sosial",
        "dinsos",
        "opd",
        "pemutakhiran data bantuan sosial",
    ),
    (
        "Dinas Lingkungan Hidup",
        "dlh",
        "opd",
        "penanganan pengaduan sampah",
    ),
    (
        "Puskesmas Tirta Barat",
        "puskesmas",
        "opd",
        "pendaftaran pasien",
    ),
    (
        "Badan Pendapatan Daerah",
        "bapenda",
        "opd",
        "pelayanan pajak bumi dan bangunan",
    ),
    (
        "Kecamatan Sukamulya",
        "kec-sukamulya",
        "opd",
        "legalisasi dokumen kependudukan",
    ),
    (
        "Kelurahan Karangsari",
        "karangsari",
        "kelurahan",
        "penerbitan surat keterangan domisili",
    ),
    (
        "Kelurahan Tegalrejo",
        "tegalrejo",
        "kelurahan",
        "penerbitan surat pengantar nikah",
    ),
    (
        "Kelurahan Pandanwangi",
        "pandanwangi",
        "kelurahan",
        "pelayanan surat pengantar SKCK",
    ),
    (
        "Kelurahan Kebonagung",
        "kebonagung",
        "kelurahan",
        "pendataan warga miskin",
    ),
    (
        "Kelurahan Sidomulyo",
        "sidomulyo",
        "kelurahan",
        "penyampaian SPPT PBB",
    ),
    (
        "Kelurahan Mekarsari",
        "mekarsari",
        "kelurahan",
        "pelayanan surat keterangan usaha",
    ),
];

const GROUP_NAMES: &[&str] = &[
    "Cekatan",
    "Sigap",
    "Lestari",
    "Prima",
    "Tanggap",
    "Guyub",
    "Rukun",
    "Berseri",
    "Gesit",
    "Lancar",
    "Sehat",
    "Tertib",
    "Maju",
    "Amanah",
    "Mandiri",
    "Melati",
    "Cemerlang",
    "Harmoni",
];

const PROBLEMS: &[&str] = &[
    "Waktu tunggu {s} terlalu lama",
    "Warga bolak-balik karena berkas {s} tidak lengkap",
    "Antrean {s} menumpuk pada pagi hari",
    "Informasi persyaratan {s} kurang jelas",
    "Kesalahan data pada {s}",
    "Petugas {s} sering tidak di tempat",
    "Pengaduan tentang {s} tidak ditindaklanjuti",
    "Jadwal layanan {s} tidak menentu",
];

/// (category, cause)
const CAUSES: &[(&str, &str)] = &[
    ("manusia", "Petugas belum terlatih memakai aplikasi"),
    ("manusia", "Petugas merangkap pekerjaan lain"),
    ("manusia", "Jumlah petugas loket kurang"),
    ("metode", "Verifikasi berkas dilakukan manual"),
    ("metode", "Tidak ada standar waktu pelayanan"),
    ("metode", "Alur pelayanan berbelit"),
    ("metode", "Paraf pejabat harus menunggu rapat selesai"),
    ("mesin", "Jaringan internet sering putus"),
    ("mesin", "Printer sering macet"),
    ("mesin", "Aplikasi pelayanan lambat"),
    ("material", "Formulir permohonan membingungkan"),
    ("material", "Blangko sering habis"),
    ("lingkungan", "Ruang tunggu sempit dan panas"),
    ("lingkungan", "Papan informasi tidak terbaca"),
    ("pengukuran", "Waktu layanan tidak pernah dicatat"),
];

const ACTIONS: &[&str] = &[
    "Menyusun standar operasional pelayanan baru",
    "Melatih petugas memakai aplikasi pelayanan",
    "Membuka pendaftaran daring sebelum warga datang",
    "Memasang jalur jaringan cadangan",
    "Menjadwalkan perawatan alat setiap pekan",
    "Membuat daftar periksa persyaratan di loket",
    "Melimpahkan paraf kepada pejabat pengganti",
    "Menata ulang ruang tunggu dan papan informasi",
];

const FILLER: &[&str] = &[
    "Data dikumpulkan oleh seluruh anggota kelompok secara bergiliran di loket pelayanan.",
    "Setiap catatan diperiksa ulang oleh ketua kelompok sebelum direkap pada akhir pekan.",
    "Pembahasan dilakukan dalam rapat kelompok yang dihadiri fasilitator dan seluruh anggota.",
    "Kelompok memakai prinsip amati, tiru, modifikasi dari pengalaman OPD lain.",
    "Masukan warga melalui kotak saran dan layanan pesan singkat ikut dipertimbangkan.",
    "Hasil sementara disampaikan kepada pimpinan untuk mendapat arahan dan dukungan.",
    "Semua anggota sepakat bahwa pelayanan harus lebih cepat, lebih tepat dan lebih murah.",
    "Kelompok menjaga nilai integritas, profesional dan melayani, bukan dilayani.",
];

fn filler(rng: &mut Rng, sentences: usize) -> String {
    rng.sample(FILLER, sentences.min(FILLER.len()))
        .into_iter()
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn percent(x: u64, total: u64) -> f64 {
    (x as f64 * 1000.0 / total as f64).round() / 10.0
}

/// Descending counts that sum to `total`, the first well ahead so the vital few are clear.
fn counts(rng: &mut Rng, n: usize) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::with_capacity(n);
    let mut cur = rng.range(30, 60);
    for _ in 0..n {
        v.push(cur);
        cur = (cur * rng.range(45, 80) / 100).max(1);
    }
    v
}

fn write_pareto(out: &mut String, labels: &[String], values: &[u64], stated: bool) {
    let total: u64 = values.iter().sum();
    let _ = writeln!(out, "      - jenis: diagram_pareto\n        butir:");
    let mut running = 0;
    for (label, &v) in labels.iter().zip(values) {
        running += v;
        if stated {
            let _ = writeln!(
                out,
                "          - {{label: {label}, nilai: {v}, persen: {:.1}, kumulatif: {:.1}}}",
                percent(v, total),
                percent(running, total)
            );
        } else {
            let _ = writeln!(out, "          - {{label: {label}, nilai: {v}}}");
        }
    }
}

fn write_check_sheet(out: &mut String, periode: &str, labels: &[String], values: &[u64]) {
    let _ = writeln!(
        out,
        "      - jenis: lembar_periksa\n        periode: {periode}\n        baris:"
    );
    for (label, v) in labels.iter().zip(values) {
        let _ = writeln!(out, "          - {{butir: {label}, jumlah: {v}}}");
    }
    let _ = writeln!(out, "        total: {}", values.iter().sum::<u64>());
}

/// Where the `index`-th file of a corpus lies under `dir`: `DIR/NNN/risalah-NNNNNN.yaml`, a
/// thousand per folder, as an archive sorted by batch would be.
pub fn path(dir: &Path, index: usize) -> PathBuf {
    dir.join(format!("{:03}", index / 1000))
        .join(format!("risalah-{index:06}.yaml"))
}

/// Writes the `index`-th risalah of the corpus seeded with `seed` at [`path`], its folder made if
/// needed; the bytes written. The error names the file.
pub fn write(dir: &Path, seed: u64, index: usize) -> std::io::Result<usize> {
    let path = path(dir, index);
    let text = risalah(seed, index);
    let with_path =
        |e: std::io::Error| std::io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(with_path)?;
    }
    std::fs::write(&path, &text).map_err(with_path)?;
    Ok(text.len())
}

/// The `index`-th risalah of the corpus seeded with `seed`: valid, with no finding.
pub fn risalah(seed: u64, index: usize) -> String {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x0100_0000_01B3));
    let (daerah, prefix) = *rng.pick(REGIONS);
    let (opd, short, jenis, service) = *rng.pick(OPDS);
    let group = *rng.pick(GROUP_NAMES);
    let tahun = rng.range(2017, 2026);
    let id = format!("{prefix}-{tahun}-{short}-{}-{index}", group.to_lowercase());

    let n_problems = rng.range(4, 6) as usize;
    let problems: Vec<String> = rng
        .sample(PROBLEMS, n_problems)
        .into_iter()
        .map(|p| p.replace("{s}", service))
        .collect();
    let problem_counts = counts(&mut rng, n_problems);
    let tema = problems[0].clone();

    let n_causes = rng.range(5, 8) as usize;
    let causes: Vec<(&str, &str)> = rng.sample(CAUSES, n_causes).into_iter().copied().collect();
    let cause_counts = counts(&mut rng, n_causes);
    let cause_labels: Vec<String> = causes.iter().map(|(_, c)| c.to_string()).collect();
    let total_causes: u64 = cause_counts.iter().sum();
    // Dominant causes: the items whose cumulative share before them is at most 80%, two to four.
    let mut dominant = Vec::new();
    let mut running = 0;
    for (label, &v) in cause_labels.iter().zip(&cause_counts) {
        if running * 100 > total_causes * 80 || dominant.len() == 4 {
            break;
        }
        dominant.push(label.clone());
        running += v;
    }

    let awal = rng.range(20, 90);
    let sasaran = awal * rng.range(20, 50) / 100;
    let sesudah = sasaran.saturating_sub(rng.range(0, 3)).max(1);
    let satuan = *rng.pick(&["menit", "hari", "jam"]);
    let indikator = format!("rata-rata waktu {service}");

    let mut out = String::with_capacity(12 * 1024);
    let _ = writeln!(out, "# Risalah sintetis untuk uji kinerja tulta.");
    let _ = writeln!(out, "format: risalah/1\nid: {id}");
    let _ = writeln!(out, "judul: Menurunkan {indikator} di {opd}");
    let _ = writeln!(out, "tahun: {tahun}\ndaerah: {daerah}\nopd: {opd}");
    let members = rng.range(4, 8);
    let _ = writeln!(
        out,
        "kelompok:\n  nama: {group}\n  jenis: {jenis}\n  fasilitator: Kepala Bagian Pelayanan\n  ketua: Koordinator Loket\n  anggota:"
    );
    for m in 1..=members {
        let _ = writeln!(out, "    - Anggota pelaksana {m}");
    }
    let _ = writeln!(out, "nilai_budaya: [integritas, profesional, melayani]");
    let _ = writeln!(
        out,
        "ringkasan: >\n  {tema} menjadi keluhan utama warga. {} Hasilnya {indikator} turun dari {awal} menjadi {sesudah} {satuan}.",
        filler(&mut rng, 3)
    );
    let _ = writeln!(out, "langkah:");

    // Step 1
    let _ = writeln!(
        out,
        "  - nomor: 1\n    uraian: >\n      Kelompok mengumpulkan keluhan warga tentang {service} selama satu bulan. {}",
        filler(&mut rng, 4)
    );
    let _ = writeln!(
        out,
        "    alat:\n      - jenis: curah_pendapat\n        ide:"
    );
    for p in &problems {
        let _ = writeln!(out, "          - {p}");
    }
    write_check_sheet(&mut out, &format!("{tahun}-01"), &problems, &problem_counts);
    write_pareto(&mut out, &problems, &problem_counts, true);
    let _ = writeln!(
        out,
        "    tema: {tema}\n    target:\n      indikator: {indikator}\n      satuan: {satuan}\n      awal: {awal}\n      sasaran: {sasaran}\n      batas_waktu: {tahun}-09-30"
    );

    // Step 2
    let _ = writeln!(
        out,
        "  - nomor: 2\n    uraian: >\n      Curah pendapat seluruh anggota tentang penyebab masalah. {}",
        filler(&mut rng, 3)
    );
    let _ = writeln!(
        out,
        "    alat:\n      - jenis: diagram_sebab_akibat\n        akibat: {tema}\n        kategori:"
    );
    let mut categories: Vec<&str> = Vec::new();
    for (cat, _) in &causes {
        if !categories.contains(cat) {
            categories.push(cat);
        }
    }
    for extra in ["manusia", "metode", "lingkungan"] {
        if categories.len() >= 3 {
            break;
        }
        if !categories.contains(&extra) {
            categories.push(extra);
        }
    }
    for cat in &categories {
        let _ = writeln!(out, "          {cat}:");
        let mut any = false;
        for (c, cause) in &causes {
            if c == cat {
                let _ = writeln!(out, "            - {cause}");
                any = true;
            }
        }
        if !any {
            let _ = writeln!(out, "            - Kurang koordinasi bidang {cat}");
        }
    }

    // Step 3
    let _ = writeln!(
        out,
        "  - nomor: 3\n    uraian: >\n      Setiap keterlambatan dicatat penyebabnya selama satu bulan. {}",
        filler(&mut rng, 3)
    );
    let _ = writeln!(out, "    alat:");
    write_check_sheet(
        &mut out,
        &format!("{tahun}-02"),
        &cause_labels,
        &cause_counts,
    );
    write_pareto(&mut out, &cause_labels, &cause_counts, true);
    let _ = writeln!(out, "    penyebab_dominan:");
    for d in &dominant {
        let _ = writeln!(out, "      - {d}");
    }

    // Step 4
    let _ = writeln!(
        out,
        "  - nomor: 4\n    uraian: Rencana perbaikan untuk setiap penyebab dominan. {}\n    alat:\n      - jenis: rencana_5w1h\n        aksi:",
        filler(&mut rng, 2)
    );
    for (i, d) in dominant.iter().enumerate() {
        let action = rng.pick(ACTIONS);
        let _ = writeln!(
            out,
            "          - id: A{n}\n            penyebab: {d}\n            apa: {action}\n            mengapa: Menghilangkan penyebab {d_lower}\n            dimana: Ruang pelayanan {opd}\n            kapan: {tahun}-03-01 s.d. {tahun}-03-31\n            siapa: Anggota kelompok {group}\n            bagaimana: Dikerjakan bertahap dan dipantau ketua kelompok setiap pekan",
            n = i + 1,
            d_lower = d.to_lowercase()
        );
    }

    // Step 5
    let _ = writeln!(
        out,
        "  - nomor: 5\n    uraian: Rencana dilaksanakan pada bulan Maret.\n    pelaksanaan:"
    );
    for i in 0..dominant.len() {
        let day = rng.range(2, 28);
        let status = if rng.range(0, 9) == 0 {
            "sebagian"
        } else {
            "selesai"
        };
        let _ = writeln!(
            out,
            "      - {{aksi: A{}, tanggal: {tahun}-03-{day:02}, status: {status}, catatan: Dilaksanakan sesuai rencana}}",
            i + 1
        );
    }

    // Step 6
    let _ = writeln!(
        out,
        "  - nomor: 6\n    uraian: >\n      Data sesudah perbaikan dibandingkan dengan data sebelumnya. {}",
        filler(&mut rng, 3)
    );
    let _ = writeln!(out, "    alat:");
    let after: Vec<u64> = cause_counts.iter().map(|c| (c / 4).max(1)).collect();
    let mut after_sorted: Vec<(String, u64)> = cause_labels
        .iter()
        .cloned()
        .zip(after.iter().copied())
        .collect();
    after_sorted.sort_by_key(|item| std::cmp::Reverse(item.1));
    let (labels_after, values_after): (Vec<String>, Vec<u64>) = after_sorted.into_iter().unzip();
    write_check_sheet(
        &mut out,
        &format!("{tahun}-06"),
        &labels_after,
        &values_after,
    );
    write_pareto(&mut out, &labels_after, &values_after, false);
    let _ = writeln!(
        out,
        "      - jenis: grafik\n        batas_atas: {}\n        batas_bawah: 0\n        seri:",
        awal + 10
    );
    let months = 6;
    for m in 0..months {
        let v = awal - (awal - sesudah) * m / (months - 1);
        let _ = writeln!(
            out,
            "          - {{label: {tahun}-{:02}, nilai: {v}}}",
            m + 1
        );
    }
    let _ = writeln!(
        out,
        "    hasil:\n      indikator: {indikator}\n      satuan: {satuan}\n      sebelum: {awal}\n      sesudah: {sesudah}"
    );
    let _ = writeln!(
        out,
        "    manfaat:\n      lebih_cepat: Dari {awal} menjadi {sesudah} {satuan}\n      lebih_tepat: Kesalahan berkas berkurang\n      lebih_murah: Warga tidak perlu datang berulang kali"
    );

    // Step 7
    let next = problems.get(1).cloned().unwrap_or_else(|| tema.clone());
    let _ = writeln!(
        out,
        "  - nomor: 7\n    uraian: Cara kerja baru dibakukan dan dipantau. {}\n    standar:\n      - {{jenis: SOP, nomor: SOP-{}/{tahun}, judul: Pelayanan {service}}}\n    pemantauan: Waktu layanan dilaporkan setiap bulan kepada pimpinan.\n    tema_berikutnya: {next}",
        filler(&mut rng, 2),
        rng.range(1, 99)
    );
    let _ = writeln!(
        out,
        "penyajian:\n  yel_yel: \"{group}! Cepat, tepat, ramah, melayani!\"\n  fragmen: Warga yang dulu bolak-balik kini cukup datang sekali."
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use tulta_core::check::check_file;
    use tulta_core::files::sources::SourceFile;

    #[test]
    fn generated_risalah_are_clean_and_about_ten_kilobytes() {
        let mut sizes = Vec::new();
        for i in 0..200 {
            let text = risalah(7, i);
            sizes.push(text.len());
            let checked = check_file(&SourceFile {
                name: format!("gen-{i}.yaml"),
                size: text.len() as u64,
                bytes: Cow::Owned(text.clone().into_bytes()),
                unreadable: None,
            });
            assert!(
                checked.diagnostics.is_empty(),
                "generated file {i} has findings: {:?}\n{text}",
                checked.diagnostics
            );
        }
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((6_000..14_000).contains(&mean), "mean size {mean}");
    }

    #[test]
    fn same_seed_same_file() {
        assert_eq!(risalah(1, 5), risalah(1, 5));
        assert_ne!(risalah(1, 5), risalah(1, 6));
    }
}
