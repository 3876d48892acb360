//! The `rubrik/1` model: what judges score, and the built-in default rubric (spec §4, §6).

#[derive(Clone, Debug, PartialEq)]
pub struct Kriteria {
    pub id: String,
    pub nama: String,
    pub langkah: Option<i64>,
    pub bobot: f64,
    pub panduan: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Predikat {
    pub min: f64,
    pub kode: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rubrik {
    pub min: f64,
    pub maks: f64,
    pub kriteria: Vec<Kriteria>,
    /// Highest band first.
    pub predikat: Vec<Predikat>,
    pub pemecah_seri: Vec<String>,
}

fn k(id: &str, nama: &str, langkah: Option<i64>, bobot: f64, panduan: &[&str]) -> Kriteria {
    Kriteria {
        id: id.into(),
        nama: nama.into(),
        langkah,
        bobot,
        panduan: panduan.iter().map(|s| s.to_string()).collect(),
    }
}

/// The default predikat bands of the 1-5 index.
pub fn default_predikat() -> Vec<Predikat> {
    [
        (4.51, "A", "Pelayanan Prima"),
        (4.01, "A-", "Sangat Baik"),
        (3.51, "B", "Baik"),
        (3.01, "B-", "Baik (dengan catatan)"),
        (2.51, "C", "Cukup"),
        (2.01, "C-", "Cukup (dengan catatan)"),
        (1.51, "D", "Buruk"),
        (0.0, "E", "Sangat Buruk"),
    ]
    .into_iter()
    .map(|(min, kode, label)| Predikat {
        min,
        kode: kode.into(),
        label: label.into(),
    })
    .collect()
}

impl Default for Rubrik {
    /// The built-in rubric: weights follow common quality-circle contest practice.
    fn default() -> Self {
        Rubrik {
            min: 1.0,
            maks: 5.0,
            kriteria: vec![
                k(
                    "L1",
                    "Menentukan masalah",
                    Some(1),
                    15.0,
                    &[
                        "Masalah dipilih berdasarkan data, bukan pendapat",
                        "Tema adalah butir terbesar diagram Pareto",
                        "Target terukur (indikator, satuan, awal, sasaran, batas waktu)",
                    ],
                ),
                k(
                    "L2",
                    "Mencari penyebab",
                    Some(2),
                    10.0,
                    &[
                        "Penyebab dikelompokkan dalam sedikitnya tiga kategori",
                        "Yang ditulis adalah penyebab, bukan gejala",
                    ],
                ),
                k(
                    "L3",
                    "Meneliti penyebab paling berpengaruh",
                    Some(3),
                    15.0,
                    &[
                        "Data penyebab dikumpulkan dalam periode yang jelas",
                        "Penyebab dominan adalah butir vital diagram Pareto",
                        "Penyebab dominan ada di diagram sebab-akibat langkah 2",
                    ],
                ),
                k(
                    "L4",
                    "Menyusun rencana perbaikan",
                    Some(4),
                    10.0,
                    &[
                        "Setiap penyebab dominan punya aksi perbaikan",
                        "Setiap aksi lengkap 5W1H",
                    ],
                ),
                k(
                    "L5",
                    "Melaksanakan perbaikan",
                    Some(5),
                    10.0,
                    &["Setiap aksi dilaksanakan atau penyimpangannya dijelaskan"],
                ),
                k(
                    "L6",
                    "Meneliti hasil perbaikan",
                    Some(6),
                    20.0,
                    &[
                        "Indikator dan satuan sama dengan target langkah 1",
                        "Data sebelum dan sesudah ditampilkan",
                        "Target tercapai, atau selisihnya dijelaskan",
                    ],
                ),
                k(
                    "L7",
                    "Mencegah terulangnya masalah",
                    Some(7),
                    10.0,
                    &[
                        "Standar baru ditetapkan dan disebut namanya",
                        "Ada rencana pemantauan dan tema berikutnya",
                    ],
                ),
                k(
                    "P",
                    "Penyajian (paparan, yel-yel, fragmen)",
                    None,
                    10.0,
                    &[
                        "Paparan runtut dan jelas",
                        "Yel-yel dan fragmen menyampaikan pesan budaya kerja",
                    ],
                ),
            ],
            predikat: default_predikat(),
            pemecah_seri: vec!["L6".into(), "L3".into()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rubric_matches_the_spec() {
        let r = Rubrik::default();
        assert_eq!(r.kriteria.len(), 8);
        assert_eq!(r.kriteria.iter().map(|k| k.bobot).sum::<f64>(), 100.0);
        assert_eq!(r.predikat.first().map(|p| p.kode.as_str()), Some("A"));
        assert_eq!(r.pemecah_seri, ["L6", "L3"]);
    }
}
