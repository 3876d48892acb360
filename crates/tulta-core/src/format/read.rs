//! From a parsed YAML value to the model, reporting unknown keys (T003), wrong types (T004),
//! missing keys (T005) and unknown tools (T208) on the way. Lenient: one bad field never hides the
//! findings of the others.

use crate::diag::msg::{Expected, IdOf};
use crate::diag::{Finding, Msg, Path};
use crate::model::lomba::{Agregasi, Juri, Konflik, Lomba};
use crate::model::names::suggest;
use crate::model::risalah::*;
use crate::model::rubrik::{default_predikat, Kriteria, Predikat, Rubrik};
use crate::model::tools::ToolKind;
use serde_yaml::{Mapping, Value};

/// A mapping and where it stands.
struct Obj<'v> {
    map: &'v Mapping,
    at: Path,
}

#[derive(Default)]
pub struct Reader {
    pub findings: Vec<Finding>,
}

/// A short, language-neutral picture of a value for "must be X, not Y" messages.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("\"{short}…\"")
            } else {
                format!("\"{short}\"")
            }
        }
        Value::Sequence(_) => "[…]".into(),
        Value::Mapping(_) => "{…}".into(),
        Value::Tagged(t) => format!("!{}", t.tag),
    }
}

fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        other => describe(other),
    }
}

use crate::model::names::is_id;

impl Reader {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    fn wrong(&mut self, at: Path, key: &str, expected: Expected, found: &Value) {
        self.push(Finding::value(
            at,
            Msg::WrongType {
                key: key.to_string(),
                expected,
                found: describe(found),
            },
        ));
    }

    fn missing(&mut self, o: &Obj, key: &str) {
        self.push(Finding::key(
            o.at.clone(),
            Msg::MissingKey {
                key: key.to_string(),
            },
        ));
    }

    /// Opens `v` as a mapping with the given keys, reporting any other key.
    fn obj<'v>(&mut self, v: &'v Value, at: Path, name: &str, allowed: &[&str]) -> Option<Obj<'v>> {
        match v {
            Value::Mapping(map) => {
                for k in map.keys() {
                    let known = k.as_str().is_some_and(|s| allowed.contains(&s));
                    if !known {
                        let key = key_text(k);
                        let suggestion = suggest(&key, allowed.iter().copied()).map(String::from);
                        self.push(Finding::key(
                            at.key(&key),
                            Msg::UnknownKey { key, suggestion },
                        ));
                    }
                }
                Some(Obj { map, at })
            }
            other => {
                self.wrong(at, name, Expected::Mapping, other);
                None
            }
        }
    }

    /// A present, non-null value.
    fn get<'v>(o: &Obj<'v>, key: &str) -> Option<&'v Value> {
        o.map.get(key).filter(|v| !v.is_null())
    }

    fn scalar_text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    fn text(&mut self, o: &Obj, key: &str, required: bool) -> Option<String> {
        match Self::get(o, key) {
            Some(v) => match Self::scalar_text(v) {
                Some(s) if !s.is_empty() => Some(s),
                Some(_) => {
                    if required {
                        self.missing(o, key);
                    }
                    None
                }
                None => {
                    self.wrong(o.at.key(key), key, Expected::Text, v);
                    None
                }
            },
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn text_at(&mut self, o: &Obj, key: &str, required: bool) -> Option<Text> {
        self.text(o, key, required).map(|value| Text {
            value,
            at: o.at.key(key),
        })
    }

    fn number(&mut self, o: &Obj, key: &str, required: bool) -> Option<f64> {
        match Self::get(o, key) {
            Some(Value::Number(n)) => n.as_f64().filter(|x| x.is_finite()),
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::Number, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    /// A number, `.nan` and `.inf` included: rubric numbers are judged by T403, not dropped.
    fn number_any(&mut self, o: &Obj, key: &str, required: bool) -> Option<f64> {
        match Self::get(o, key) {
            Some(Value::Number(n)) => n.as_f64(),
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::Number, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn integer(&mut self, o: &Obj, key: &str, required: bool) -> Option<i64> {
        match Self::get(o, key) {
            Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64(),
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::Integer, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn choice(
        &mut self,
        o: &Obj,
        key: &str,
        required: bool,
        names: &'static [&'static str],
    ) -> Option<usize> {
        let raw = self.text(o, key, required)?;
        let found = names.iter().position(|n| *n == raw.to_lowercase());
        if found.is_none() {
            self.push(Finding::value(
                o.at.key(key),
                Msg::WrongType {
                    key: key.to_string(),
                    expected: Expected::OneOf(names),
                    found: format!("\"{raw}\""),
                },
            ));
        }
        found
    }

    /// A list; with `required`, an absent or empty list is reported.
    fn seq<'v>(&mut self, o: &Obj<'v>, key: &str, required: bool) -> Option<&'v [Value]> {
        match Self::get(o, key) {
            Some(Value::Sequence(items)) => {
                if required && items.is_empty() {
                    self.push(Finding::value(
                        o.at.key(key),
                        Msg::EmptyList {
                            key: key.to_string(),
                        },
                    ));
                }
                Some(items.as_slice())
            }
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::List, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn texts(&mut self, o: &Obj, key: &str, required: bool) -> Vec<Text> {
        let at = o.at.key(key);
        let Some(items) = self.seq(o, key, required) else {
            return Vec::new();
        };
        self.text_items(items, &at, key)
    }

    fn text_items(&mut self, items: &[Value], at: &Path, key: &str) -> Vec<Text> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match Self::scalar_text(item) {
                Some(value) => out.push(Text {
                    value,
                    at: at.idx(i),
                }),
                None => self.wrong(at.idx(i), key, Expected::Text, item),
            }
        }
        out
    }

    fn numbers(&mut self, o: &Obj, key: &str, required: bool) -> Vec<f64> {
        let at = o.at.key(key);
        let Some(items) = self.seq(o, key, required) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.as_f64().filter(|x| x.is_finite()) {
                Some(x) => out.push(x),
                None => self.wrong(at.idx(i), key, Expected::Number, item),
            }
        }
        out
    }

    /// Each item of a list of mappings, opened with the given keys.
    fn objs<'v>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        required: bool,
        allowed: &[&str],
    ) -> Vec<Obj<'v>> {
        let at = o.at.key(key);
        let Some(items) = self.seq(o, key, required) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.obj(item, at.idx(i), key, allowed))
            .collect()
    }

    fn sub<'v>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        required: bool,
        allowed: &[&str],
    ) -> Option<Obj<'v>> {
        match Self::get(o, key) {
            Some(v) => self.obj(v, o.at.key(key), key, allowed),
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }
}

// ---------------------------------------------------------------- risalah/1

const RISALAH_KEYS: &[&str] = &[
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
];
const KELOMPOK_KEYS: &[&str] = &["nama", "jenis", "fasilitator", "ketua", "anggota"];
const COMMON_STEP_KEYS: &[&str] = &["nomor", "uraian", "alat"];
const ALL_STEP_KEYS: &[&str] = &[
    "nomor",
    "uraian",
    "alat",
    "tema",
    "target",
    "penyebab_dominan",
    "pelaksanaan",
    "hasil",
    "manfaat",
    "standar",
    "pemantauan",
    "tema_berikutnya",
];

fn step_keys(nomor: Option<i64>) -> Vec<&'static str> {
    let own: &[&str] = match nomor {
        Some(1) => &["tema", "target"],
        Some(2) | Some(4) => &[],
        Some(3) => &["penyebab_dominan"],
        Some(5) => &["pelaksanaan"],
        Some(6) => &["hasil", "manfaat"],
        Some(7) => &["standar", "pemantauan", "tema_berikutnya"],
        _ => return ALL_STEP_KEYS.to_vec(),
    };
    COMMON_STEP_KEYS.iter().chain(own).copied().collect()
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
            Kelompok {
                nama,
                jenis,
                fasilitator: self.text(&k, "fasilitator", false),
                ketua: self.text(&k, "ketua", false),
                anggota: self
                    .texts(&k, "anggota", false)
                    .into_iter()
                    .map(|t| t.value)
                    .collect(),
            }
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
        })
    }

    fn step(&mut self, v: &Value, at: Path) -> Option<Langkah> {
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
        let mut step = Langkah {
            at: o.at.clone(),
            nomor,
            uraian,
            alat,
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
                    &["lebih_cepat", "lebih_tepat", "lebih_murah"],
                )
                .map(|m| Manfaat {
                    lebih_cepat: self.text(&m, "lebih_cepat", false),
                    lebih_tepat: self.text(&m, "lebih_tepat", false),
                    lebih_murah: self.text(&m, "lebih_murah", false),
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

    fn tool(&mut self, v: &Value, at: Path) -> Option<Alat> {
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
                baris: self
                    .objs(&o, "baris", true, &["butir", "jumlah"])
                    .into_iter()
                    .map(|b| Baris {
                        butir: self.text(&b, "butir", true),
                        jumlah: self.number(&b, "jumlah", true),
                        at: b.at,
                    })
                    .collect(),
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
        };
        Some(Alat {
            at: o.at,
            kind: Some(kind),
            data,
        })
    }
}

// ---------------------------------------------------------------- lomba/1

const LOMBA_KEYS: &[&str] = &[
    "format",
    "id",
    "nama",
    "tahun",
    "penyelenggara",
    "risalah",
    "rubrik",
    "juri",
    "konflik",
    "agregasi",
];

impl Reader {
    pub fn lomba(&mut self, root: &Value) -> Option<Lomba> {
        let o = self.obj(root, Path::root(), "lomba", LOMBA_KEYS)?;
        let id = self.text_at(&o, "id", true);
        if let Some(id) = &id {
            if !is_id(&id.value) {
                self.wrong(
                    id.at.clone(),
                    "id",
                    Expected::Id,
                    &Value::String(id.value.clone()),
                );
            }
        }
        let juri = self.judges(&o);
        let konflik = self
            .objs(&o, "konflik", false, &["juri", "risalah"])
            .into_iter()
            .filter_map(|k| {
                let juri_at = self.text_at(&k, "juri", true);
                let risalah = self.text_at(&k, "risalah", true);
                let (juri_at, risalah) = (juri_at?, risalah?);
                Some(Konflik {
                    juri: juri_at.value,
                    juri_at: juri_at.at,
                    risalah: risalah.value,
                    risalah_at: risalah.at,
                })
            })
            .collect::<Vec<_>>();
        for k in &konflik {
            if !juri.iter().any(|j: &Juri| j.id == k.juri) {
                self.push(Finding::value(
                    k.juri_at.clone(),
                    Msg::UnknownRef {
                        of: IdOf::Juri,
                        id: k.juri.clone(),
                    },
                ));
            }
        }
        let agregasi = self
            .choice(&o, "agregasi", false, Agregasi::NAMES)
            .and_then(|i| Agregasi::parse(Agregasi::NAMES[i]))
            .unwrap_or_default();
        Some(Lomba {
            id: id.map(|t| t.value),
            nama: self.text(&o, "nama", true),
            tahun: self.integer(&o, "tahun", true),
            penyelenggara: self.text(&o, "penyelenggara", false),
            risalah: self.text(&o, "risalah", true),
            rubrik: self.text(&o, "rubrik", false),
            juri,
            konflik,
            agregasi,
        })
    }
}

impl Reader {
    /// An id of a lomba or rubrik list: T401 when it is not `valid`, T402 when `taken` already;
    /// either way left out (`None`), so that nothing is ever built from it.
    fn list_id(&mut self, id: Text, of: IdOf, valid: bool, taken: bool) -> Option<String> {
        let msg = if !valid {
            Msg::BadId { of, id: id.value }
        } else if taken {
            Msg::IdTwice { of, id: id.value }
        } else {
            return Some(id.value);
        };
        self.push(Finding::value(id.at, msg));
        None
    }

    /// The judges, with T401 for an id that is not `[a-z0-9-]+` and T402 for one used twice. A judge
    /// whose id is not valid is left out of the model, so that no path is ever built from it.
    fn judges(&mut self, o: &Obj) -> Vec<Juri> {
        let mut out: Vec<Juri> = Vec::new();
        for j in self.objs(o, "juri", true, &["id", "nama", "opd", "kunci"]) {
            let id = self.text_at(&j, "id", true);
            let nama = self.text(&j, "nama", true);
            let opd = self.text(&j, "opd", false);
            let kunci = self.text_at(&j, "kunci", false);
            let Some(id) = id else { continue };
            let (valid, taken) = (is_id(&id.value), out.iter().any(|x| x.id == id.value));
            let Some(id) = self.list_id(id, IdOf::Juri, valid, taken) else {
                continue;
            };
            let kunci = kunci.and_then(|k| {
                if crate::judging::keys::PublicKey::parse(&k.value).is_some() {
                    Some(k.value)
                } else {
                    self.wrong(
                        k.at,
                        "kunci",
                        Expected::PublicKey,
                        &Value::String(k.value.clone()),
                    );
                    None
                }
            });
            let Some(nama) = nama else { continue };
            out.push(Juri {
                id,
                nama,
                opd,
                kunci,
            });
        }
        out
    }
}

/// A criterion id: like any id, but capitals are allowed (`L1`, `P`).
fn is_criterion_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

// ---------------------------------------------------------------- rubrik/1

impl Reader {
    pub fn rubrik(&mut self, root: &Value) -> Option<Rubrik> {
        let o = self.obj(
            root,
            Path::root(),
            "rubrik",
            &["format", "skala", "kriteria", "predikat", "pemecah_seri"],
        )?;
        let defaults = Rubrik::default();
        let (min, maks) = match self.sub(&o, "skala", false, &["min", "maks"]) {
            Some(s) => {
                let min = self.number_any(&s, "min", true);
                let maks = self.number_any(&s, "maks", true);
                let (min, maks) = (min.unwrap_or(defaults.min), maks.unwrap_or(defaults.maks));
                if !(min.is_finite() && maks.is_finite() && min < maks) {
                    self.push(Finding::value(s.at.key("min"), Msg::BadScale { min, maks }));
                }
                (min, maks)
            }
            None => (defaults.min, defaults.maks),
        };
        let mut kriteria: Vec<Kriteria> = Vec::new();
        let mut weights_seen = false;
        for k in self.objs(
            &o,
            "kriteria",
            true,
            &["id", "nama", "langkah", "bobot", "panduan"],
        ) {
            let id = self.text_at(&k, "id", true);
            let nama = self.text(&k, "nama", true);
            let langkah = self.integer(&k, "langkah", false);
            let bobot = self.number_any(&k, "bobot", true);
            let panduan = self
                .texts(&k, "panduan", false)
                .into_iter()
                .map(|t| t.value)
                .collect();
            let Some(id) = id else { continue };
            let valid = is_criterion_id(&id.value);
            let taken = kriteria
                .iter()
                .any(|x| x.id.eq_ignore_ascii_case(&id.value));
            let Some(id) = self.list_id(id, IdOf::Kriteria, valid, taken) else {
                continue;
            };
            if let Some(b) = bobot {
                weights_seen = true;
                if !(b.is_finite() && b >= 0.0) {
                    self.push(Finding::value(
                        k.at.key("bobot"),
                        Msg::BadWeight {
                            kriteria: id.clone(),
                            bobot: b,
                        },
                    ));
                }
            }
            let (Some(nama), Some(bobot)) = (nama, bobot) else {
                continue;
            };
            kriteria.push(Kriteria {
                id,
                nama,
                langkah,
                bobot,
                panduan,
            });
        }
        let total: f64 = kriteria.iter().map(|k| k.bobot).sum();
        if weights_seen && !kriteria.is_empty() && total.is_finite() && total <= 0.0 {
            self.push(Finding::key(o.at.key("kriteria"), Msg::WeightsZero));
        }
        let predikat = if Self::get(&o, "predikat").is_some() {
            let mut bands: Vec<Predikat> = Vec::new();
            for p in self.objs(&o, "predikat", true, &["min", "kode", "label"]) {
                let band_min = self.number_any(&p, "min", true);
                let kode = self.text_at(&p, "kode", true);
                let label = self.text(&p, "label", true);
                let (Some(band_min), Some(kode), Some(label)) = (band_min, kode, label) else {
                    continue;
                };
                if bands.iter().any(|b| b.kode == kode.value) {
                    self.push(Finding::value(
                        kode.at.clone(),
                        Msg::IdTwice {
                            of: IdOf::Predikat,
                            id: kode.value.clone(),
                        },
                    ));
                }
                if !band_min.is_finite() || band_min > maks {
                    self.push(Finding::value(
                        p.at.key("min"),
                        Msg::BandOffScale {
                            kode: kode.value.clone(),
                            min: band_min,
                            maks,
                        },
                    ));
                }
                bands.push(Predikat {
                    min: band_min,
                    kode: kode.value,
                    label,
                });
            }
            bands
        } else {
            default_predikat()
        };
        let pemecah_seri: Vec<String> = self
            .texts(&o, "pemecah_seri", false)
            .into_iter()
            .map(|t| {
                if !kriteria.iter().any(|k| k.id == t.value) {
                    self.push(Finding::value(
                        t.at.clone(),
                        Msg::UnknownRef {
                            of: IdOf::Kriteria,
                            id: t.value.clone(),
                        },
                    ));
                }
                t.value
            })
            .collect();
        Some(Rubrik {
            min,
            maks,
            kriteria,
            predikat,
            pemecah_seri,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_values_briefly() {
        assert_eq!(describe(&Value::String("abc".into())), "\"abc\"");
        assert_eq!(describe(&Value::Sequence(vec![])), "[…]");
    }
}
