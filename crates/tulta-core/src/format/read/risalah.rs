//! Reading a `risalah/1` file onto the model: the group, the seven steps, their tools, and the
//! second edition's record, schedules, benefits and evidence.

use super::{key_text, Obj, Reader};
use crate::diag::msg::Expected;
use crate::diag::{Finding, Msg, Path};
use crate::model::names::is_id;
use crate::model::names::suggest;
use crate::model::risalah::*;
use crate::model::tools::ToolKind;
use serde_yaml::Value;

pub(crate) const RISALAH_KEYS: &[&str] = &[
    "format",
    "id",
    "judul",
    "tahun",
    "daerah",
    "opd",
    "kelompok",
    "nilai_budaya",
    "ringkasan",
    "langkah",
    "penyajian",
    "lampiran",
];
pub(crate) const KELOMPOK_KEYS: &[&str] = &[
    "nama",
    "jenis",
    "fasilitator",
    "ketua",
    "anggota",
    "sk",
    "dibentuk",
    "pertemuan",
];
/// Keys every step may have.
pub(crate) const COMMON_STEP_KEYS: &[&str] = &["nomor", "uraian", "alat", "jadwal"];
/// Keys only one step has (spec §2), by step number: the one list both the reader's "unknown key"
/// check and the search index's coverage test read.
pub(crate) const OWN_STEP_KEYS: [&[&str]; 7] = [
    &["tema", "target"],
    &[],
    &["penyebab_dominan"],
    &[],
    &["pelaksanaan"],
    &["hasil", "manfaat"],
    &["standar", "pemantauan", "tema_berikutnya"],
];

/// The keys a step numbered `nomor` may have; every step key when the number is missing or out of
/// range (the number's own finding says what is wrong, not one per key).
pub(crate) fn step_keys(nomor: Option<i64>) -> Vec<&'static str> {
    let own: Vec<&'static str> = match nomor {
        Some(n @ 1..=7) => OWN_STEP_KEYS[n as usize - 1].to_vec(),
        _ => OWN_STEP_KEYS
            .iter()
            .flat_map(|k| k.iter().copied())
            .collect(),
    };
    COMMON_STEP_KEYS.iter().copied().chain(own).collect()
}

impl Reader {
    pub fn risalah(&mut self, root: &Value) -> Option<Risalah> {
        let o = self.obj(root, Path::root(), "risalah", RISALAH_KEYS)?;
        let id = self.text_at(&o, "id", true);
        if let Some(id) = &id {
            if !is_id(&id.value) {
                self.push(Finding::value(
                    id.at.clone(),
                    Msg::WrongType {
                        key: "id".into(),
                        expected: Expected::Id,
                        found: format!("\"{}\"", id.value),
                    },
                ));
            }
        }
        let judul = self.text(&o, "judul", true);
        let tahun = self.integer(&o, "tahun", true);
        let daerah = self.text(&o, "daerah", true);
        let opd = self.text(&o, "opd", true);
        let kelompok = self.sub(&o, "kelompok", true, KELOMPOK_KEYS).map(|k| {
            let nama = self.text(&k, "nama", true);
            let jenis = self
                .choice(&k, "jenis", true, JenisKelompok::NAMES)
                .map(|i| {
                    if i == 0 {
                        JenisKelompok::Opd
                    } else {
                        JenisKelompok::Kelurahan
                    }
                });
            Box::new(Kelompok {
                nama,
                jenis,
                fasilitator: self.text(&k, "fasilitator", false),
                ketua: self.text(&k, "ketua", false),
                anggota: self
                    .texts(&k, "anggota", false)
                    .into_iter()
                    .map(|t| t.value)
                    .collect(),
                sk: self
                    .sub(&k, "sk", false, &["nomor", "tanggal"])
                    .map(|sk| SkKelompok {
                        nomor: self.text(&sk, "nomor", false),
                        tanggal: self.date(&sk, "tanggal", false),
                    }),
                dibentuk: self.date(&k, "dibentuk", false),
                pertemuan: self
                    .sub(
                        &k,
                        "pertemuan",
                        false,
                        &["jumlah", "kehadiran_persen", "menit"],
                    )
                    .map(|p| Pertemuan {
                        jumlah: self.integer(&p, "jumlah", false),
                        kehadiran_persen: self.number(&p, "kehadiran_persen", false),
                        menit: self.number(&p, "menit", false),
                    }),
            })
        });
        let nilai_budaya = self
            .texts(&o, "nilai_budaya", false)
            .into_iter()
            .map(|t| t.value)
            .collect();
        let ringkasan = self.text(&o, "ringkasan", false);
        let langkah_at = o.at.key("langkah");
        let langkah = self.seq(&o, "langkah", true).map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.step(v, langkah_at.idx(i)))
                .collect()
        });
        let penyajian = self
            .sub(&o, "penyajian", false, &["yel_yel", "fragmen"])
            .map(|p| Penyajian {
                yel_yel: self.text(&p, "yel_yel", false),
                fragmen: self.text(&p, "fragmen", false),
            });
        let lampiran = self
            .objs(
                &o,
                "lampiran",
                false,
                &["jenis", "berkas", "langkah", "keterangan"],
            )
            .into_iter()
            .map(|l| Lampiran {
                jenis: self
                    .choice(&l, "jenis", true, JenisLampiran::NAMES)
                    .and_then(JenisLampiran::from_index),
                berkas: self.text_at(&l, "berkas", true),
                langkah: self.step_number(&l, "langkah"),
                keterangan: self.text(&l, "keterangan", false),
                at: l.at,
            })
            .collect();
        Some(Risalah {
            id,
            judul,
            tahun,
            daerah,
            opd,
            kelompok,
            nilai_budaya,
            ringkasan,
            langkah,
            penyajian,
            lampiran,
        })
    }

    /// An optional ISO date (`YYYY-MM-DD`, a day that exists); anything else is T004.
    pub(super) fn date(&mut self, o: &Obj, key: &str, required: bool) -> Option<String> {
        let raw = self.text(o, key, required)?;
        if is_iso_date(&raw) {
            Some(raw)
        } else {
            self.wrong(o.at.key(key), key, Expected::Date, &Value::String(raw));
            None
        }
    }

    /// An optional step number, 1 to 7.
    pub(super) fn step_number(&mut self, o: &Obj, key: &str) -> Option<i64> {
        const STEPS: &[&str] = &["1", "2", "3", "4", "5", "6", "7"];
        let n = self.integer(o, key, false)?;
        if (1..=7).contains(&n) {
            Some(n)
        } else {
            self.wrong(
                o.at.key(key),
                key,
                Expected::OneOf(STEPS),
                &Value::Number(n.into()),
            );
            None
        }
    }

    /// `[from, to]`: two ISO dates, the second not before the first.
    pub(super) fn date_range(&mut self, o: &Obj, key: &str) -> Option<(String, String)> {
        let v = Self::get(o, key)?;
        let pair = match v {
            Value::Sequence(items) if items.len() == 2 => {
                let from = Self::scalar_text(&items[0]).filter(|s| is_iso_date(s));
                let to = Self::scalar_text(&items[1]).filter(|s| is_iso_date(s));
                // ISO dates compare as text in calendar order.
                from.zip(to).filter(|(a, b)| a <= b)
            }
            _ => None,
        };
        if pair.is_none() {
            self.wrong(o.at.key(key), key, Expected::DateRange, v);
        }
        pair
    }

    pub(super) fn step(&mut self, v: &Value, at: Path) -> Option<Langkah> {
        let nomor_hint = v.get("nomor").and_then(Value::as_i64);
        let allowed = step_keys(nomor_hint);
        let o = self.obj(v, at, "langkah", &allowed)?;
        let nomor = self.integer(&o, "nomor", true);
        let uraian = match Self::get(&o, "uraian") {
            Some(v) => match Self::scalar_text(v) {
                Some(s) if !s.is_empty() => Some(s),
                Some(_) => None,
                None => {
                    self.wrong(o.at.key("uraian"), "uraian", Expected::Text, v);
                    None
                }
            },
            None => None,
        };
        let alat_at = o.at.key("alat");
        let alat = match self.seq(&o, "alat", false) {
            Some(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| self.tool(v, alat_at.idx(i)))
                .collect(),
            None => Vec::new(),
        };
        let has = |k: &str| allowed.contains(&k);
        let jadwal = self
            .sub(&o, "jadwal", false, &["rencana", "realisasi"])
            .map(|j| Jadwal {
                rencana: self.date_range(&j, "rencana"),
                realisasi: self.date_range(&j, "realisasi"),
            });
        let mut step = Langkah {
            at: o.at.clone(),
            nomor,
            uraian,
            alat,
            jadwal,
            ..Langkah::default()
        };
        if has("tema") {
            let required = nomor == Some(1);
            step.tema = self.text_at(&o, "tema", required);
            step.target = self
                .sub(
                    &o,
                    "target",
                    required,
                    &["indikator", "satuan", "awal", "sasaran", "batas_waktu"],
                )
                .map(|t| Target {
                    indikator: self.text_at(&t, "indikator", true),
                    satuan: self.text_at(&t, "satuan", true),
                    awal: self.number(&t, "awal", true),
                    sasaran: self.number(&t, "sasaran", true),
                    batas_waktu: self.text(&t, "batas_waktu", true),
                    at: t.at,
                });
        }
        if has("penyebab_dominan") {
            let required = nomor == Some(3);
            if Self::get(&o, "penyebab_dominan").is_some() || required {
                step.penyebab_dominan = Some(self.texts(&o, "penyebab_dominan", required));
            }
        }
        if has("pelaksanaan") {
            let required = nomor == Some(5);
            if Self::get(&o, "pelaksanaan").is_some() || required {
                let items = self.objs(
                    &o,
                    "pelaksanaan",
                    required,
                    &["aksi", "tanggal", "status", "catatan"],
                );
                step.pelaksanaan = Some(
                    items
                        .into_iter()
                        .map(|p| Pelaksanaan {
                            aksi: self.text_at(&p, "aksi", true),
                            tanggal: self.text(&p, "tanggal", true),
                            status: self
                                .choice(&p, "status", true, Status::NAMES)
                                .map(|i| [Status::Selesai, Status::Sebagian, Status::Batal][i]),
                            catatan: self.text(&p, "catatan", false),
                            at: p.at,
                        })
                        .collect(),
                );
            }
        }
        if has("hasil") {
            let required = nomor == Some(6);
            step.hasil = self
                .sub(
                    &o,
                    "hasil",
                    required,
                    &["indikator", "satuan", "sebelum", "sesudah"],
                )
                .map(|h| Hasil {
                    indikator: self.text_at(&h, "indikator", true),
                    satuan: self.text_at(&h, "satuan", true),
                    sebelum: self.number(&h, "sebelum", true),
                    sesudah: self.number(&h, "sesudah", true),
                    at: h.at,
                });
            step.manfaat = self
                .sub(
                    &o,
                    "manfaat",
                    false,
                    &[
                        "lebih_cepat",
                        "lebih_tepat",
                        "lebih_murah",
                        "kuantitatif",
                        "biaya_perbaikan",
                    ],
                )
                .map(|m| Manfaat {
                    lebih_cepat: self.text(&m, "lebih_cepat", false),
                    lebih_tepat: self.text(&m, "lebih_tepat", false),
                    lebih_murah: self.text(&m, "lebih_murah", false),
                    kuantitatif: self
                        .objs(&m, "kuantitatif", false, &["uraian", "nilai", "satuan"])
                        .into_iter()
                        .map(|k| Kuantitatif {
                            uraian: self.text(&k, "uraian", true),
                            nilai: self.number(&k, "nilai", true),
                            satuan: self.text(&k, "satuan", true),
                        })
                        .collect(),
                    biaya_perbaikan: self
                        .sub(&m, "biaya_perbaikan", false, &["nilai", "satuan"])
                        .map(|b| Jumlah {
                            nilai: self.number(&b, "nilai", true),
                            satuan: self.text(&b, "satuan", true),
                        }),
                });
        }
        if has("standar") {
            if Self::get(&o, "standar").is_some() {
                let items = self.objs(&o, "standar", false, &["jenis", "nomor", "judul"]);
                step.standar = Some(
                    items
                        .into_iter()
                        .map(|s| Standar {
                            jenis: self.text(&s, "jenis", true),
                            nomor: self.text(&s, "nomor", false),
                            judul: self.text(&s, "judul", true),
                        })
                        .collect(),
                );
            }
            step.pemantauan = self.text(&o, "pemantauan", false);
            step.tema_berikutnya = self.text(&o, "tema_berikutnya", false);
        }
        Some(step)
    }

    pub(super) fn tool(&mut self, v: &Value, at: Path) -> Option<Alat> {
        let jenis_raw = v.get("jenis").and_then(Self::scalar_text);
        let kind = jenis_raw.as_deref().and_then(ToolKind::parse);
        let mut allowed = vec!["jenis"];
        match kind {
            Some(k) => allowed.extend_from_slice(k.keys()),
            // An unknown tool's keys cannot be judged; accept them rather than pile up findings.
            None => {
                if let Value::Mapping(m) = v {
                    allowed.extend(m.keys().filter_map(Value::as_str));
                }
            }
        }
        let o = self.obj(v, at, "alat", &allowed)?;
        let jenis = self.text(&o, "jenis", true);
        let Some(kind) = kind else {
            if let Some(name) = jenis {
                let suggestion = suggest(&name, ToolKind::all_names());
                self.push(Finding::value(
                    o.at.key("jenis"),
                    Msg::UnknownTool { name, suggestion },
                ));
            }
            return Some(Alat {
                at: o.at,
                kind: None,
                data: ToolData::Unknown { jenis: jenis_raw },
            });
        };
        let data = match kind {
            ToolKind::CurahPendapat => ToolData::CurahPendapat {
                ide: self.texts(&o, "ide", true),
            },
            ToolKind::LembarPeriksa => ToolData::LembarPeriksa {
                periode: self.text(&o, "periode", true),
                baris: self.count_rows(&o),
                total: self.number(&o, "total", false),
            },
            ToolKind::DiagramPareto => ToolData::Pareto {
                butir: self
                    .objs(
                        &o,
                        "butir",
                        true,
                        &["label", "nilai", "persen", "kumulatif"],
                    )
                    .into_iter()
                    .map(|b| ParetoItem {
                        label: self.text(&b, "label", true),
                        nilai: self.number(&b, "nilai", true),
                        persen: self.number(&b, "persen", false),
                        kumulatif: self.number(&b, "kumulatif", false),
                        at: b.at,
                    })
                    .collect(),
            },
            ToolKind::SebabAkibat => {
                let akibat = self.text(&o, "akibat", false);
                let mut kategori = Vec::new();
                if let Some(v) = Self::get(&o, "kategori") {
                    let at = o.at.key("kategori");
                    match v {
                        Value::Mapping(m) => {
                            for (name, causes) in m {
                                let nama = key_text(name);
                                let cat_at = at.key(&nama);
                                let penyebab = match causes {
                                    Value::Sequence(items) => {
                                        self.text_items(items, &cat_at, &nama)
                                    }
                                    Value::Null => Vec::new(),
                                    other => {
                                        self.wrong(cat_at, &nama, Expected::List, other);
                                        Vec::new()
                                    }
                                };
                                kategori.push(Kategori { nama, penyebab });
                            }
                        }
                        other => self.wrong(at, "kategori", Expected::Mapping, other),
                    }
                }
                ToolData::SebabAkibat { akibat, kategori }
            }
            ToolKind::Histogram => ToolData::Histogram {
                data: self.numbers(&o, "data", true),
                kelas: self.integer(&o, "kelas", false),
            },
            ToolKind::DiagramTebar => ToolData::Tebar {
                x: self.numbers(&o, "x", true),
                y: self.numbers(&o, "y", true),
                label_x: self.text(&o, "label_x", false),
                label_y: self.text(&o, "label_y", false),
                korelasi: self.number(&o, "korelasi", false),
            },
            ToolKind::Grafik => ToolData::Grafik {
                seri: self
                    .objs(&o, "seri", true, &["label", "nilai"])
                    .into_iter()
                    .map(|t| Titik {
                        label: self.text(&t, "label", true),
                        nilai: self.number(&t, "nilai", true),
                        at: t.at,
                    })
                    .collect(),
                batas_atas: self.number(&o, "batas_atas", false),
                batas_bawah: self.number(&o, "batas_bawah", false),
            },
            ToolKind::Rencana5w1h => {
                let mut keys = vec!["id", "penyebab"];
                keys.extend_from_slice(&FIVE_W_ONE_H);
                let aksi = self
                    .objs(&o, "aksi", true, &keys)
                    .into_iter()
                    .map(|a| {
                        let id = self.text_at(&a, "id", true);
                        let penyebab = self.text_at(&a, "penyebab", true);
                        // Absent or empty elements are T206 (checked later), not T005.
                        let unsur = FIVE_W_ONE_H.map(|k| self.text(&a, k, false));
                        Aksi {
                            at: a.at,
                            id,
                            penyebab,
                            unsur,
                        }
                    })
                    .collect();
                ToolData::Rencana { aksi }
            }
            ToolKind::DiagramAlir => ToolData::Alir {
                langkah: self
                    .texts(&o, "langkah", true)
                    .into_iter()
                    .map(|t| t.value)
                    .collect(),
            },
            ToolKind::MatriksPrioritas => ToolData::Matriks {
                kriteria: self.texts(&o, "kriteria", true),
                calon: self
                    .objs(&o, "calon", true, &["masalah", "nilai", "total"])
                    .into_iter()
                    .map(|c| {
                        let listed = Self::get(&c, "nilai")
                            .and_then(Value::as_sequence)
                            .map(Vec::len);
                        let nilai = self.numbers(&c, "nilai", true);
                        Calon {
                            masalah: self.text_at(&c, "masalah", true),
                            // A score that was not a number is T004 already; counting the rest
                            // would add a T211 for the same mistake.
                            nilai: (listed == Some(nilai.len())).then_some(nilai),
                            total: self.number(&c, "total", false),
                            at: c.at,
                        }
                    })
                    .collect(),
            },
            ToolKind::Stratifikasi => ToolData::Stratifikasi {
                faktor: self.text(&o, "faktor", true),
                baris: self.count_rows(&o),
                total: self.number(&o, "total", false),
            },
        };
        Some(Alat {
            at: o.at,
            kind: Some(kind),
            data,
        })
    }
}

impl Reader {
    /// `baris: [{butir, jumlah}]`, shared by the check sheet and stratification.
    pub(super) fn count_rows(&mut self, o: &Obj) -> Vec<Baris> {
        self.objs(o, "baris", true, &["butir", "jumlah"])
            .into_iter()
            .map(|b| Baris {
                butir: self.text(&b, "butir", true),
                jumlah: self.number(&b, "jumlah", true),
                at: b.at,
            })
            .collect()
    }
}

/// `YYYY-MM-DD` naming a day that exists (no 2026-02-30).
pub(super) fn is_iso_date(s: &str) -> bool {
    crate::model::risalah::iso_day(s).is_some()
}
