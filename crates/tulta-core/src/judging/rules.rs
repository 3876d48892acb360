//! The rules a result is scored under (spec §11): the rules fingerprint (*sidik aturan*), made from
//! a canonical list of every fact that decides a result and nothing that does not (names, wording,
//! comments, key order, layout), and a change between two rule sets said in words.
//!
//! A fact is (part, item, value): `("tahap:risalah", "lolos", "3")`. The fingerprint is the SHA-256
//! of the facts sorted, so the order things are written in never matters, while the order of the
//! stages, which does, is a fact of its own.

use crate::files::read::{Kind, Links};
use crate::i18n::Lang;
use crate::judging::competition::{Competition, StageKind};
use crate::judging::keys::PublicKey;
use crate::model::lomba::JenisTahap;
use crate::model::rubrik::Rubrik;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One fact of a rule set.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Fact {
    /// `lomba`, `juri:ID`, `tahap:ID`, `penghargaan`, `penghargaan:ID`, `koordinator`,
    /// `rubrik:FILE`.
    pub bagian: String,
    pub butir: String,
    pub nilai: String,
}

/// A rule set: its facts, sorted, and its fingerprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    pub facts: Vec<Fact>,
    /// `9f2c-07ab-51e3-c4d0`: the first 16 hex digits of the facts' SHA-256.
    pub sidik: String,
}

/// What is written where nothing is given (no `lolos`, no key).
const NONE: &str = "-";

/// A number as people write it in YAML: `20`, `2.5`.
fn num(x: f64) -> String {
    format!("{x}")
}

fn fingerprint_of(facts: &[Fact]) -> String {
    let text = serde_json::to_string(facts).unwrap_or_default();
    let hex = crate::text::sha256_hex(text.as_bytes());
    hex.as_bytes()[..16]
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

impl Rules {
    pub fn from_facts(mut facts: Vec<Fact>) -> Rules {
        facts.sort();
        facts.dedup();
        let sidik = fingerprint_of(&facts);
        Rules { facts, sidik }
    }

    /// The rules of `comp` as they stand now.
    pub fn of(comp: &Competition) -> Rules {
        let lomba = &comp.lomba;
        let mut facts = Vec::new();
        let mut fact = |bagian: &str, butir: &str, nilai: String| {
            facts.push(Fact {
                bagian: bagian.into(),
                butir: butir.into(),
                nilai,
            })
        };
        let key = |k: Option<&str>| {
            k.and_then(PublicKey::parse)
                .map_or(NONE.to_string(), |k| k.fingerprint())
        };
        fact("lomba", "id", comp.id().into());
        fact("lomba", "agregasi", lomba.agregasi.as_str().into());
        fact(
            "lomba",
            "juri",
            lomba
                .juri
                .iter()
                .map(|j| j.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        for j in &lomba.juri {
            let part = format!("juri:{}", j.id);
            fact(
                &part,
                "opd",
                j.opd
                    .as_deref()
                    .map_or(NONE.into(), crate::model::names::clean),
            );
            fact(&part, "kunci", key(j.kunci.as_deref()));
        }
        let mut konflik: Vec<String> = lomba
            .konflik
            .iter()
            .map(|k| format!("{} × {}", k.juri, k.risalah))
            .collect();
        konflik.sort();
        konflik.dedup();
        fact(
            "lomba",
            "konflik",
            if konflik.is_empty() {
                NONE.into()
            } else {
                konflik.join(", ")
            },
        );
        fact(
            "lomba",
            "tahap",
            comp.stages
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        let mut rubrics: BTreeMap<String, &Rubrik> = BTreeMap::new();
        for s in &comp.stages {
            let part = format!("tahap:{}", s.id);
            match &s.kind {
                StageKind::Syarat { lampiran } => {
                    fact(&part, "jenis", "syarat".into());
                    fact(
                        &part,
                        "lampiran",
                        if lampiran.is_empty() {
                            NONE.into()
                        } else {
                            lampiran.join(", ")
                        },
                    );
                }
                StageKind::Nilai {
                    rubrik,
                    bobot,
                    lolos,
                    menit,
                    juri,
                    mulai,
                    jeda,
                } => {
                    let file = rubric_file(comp, &s.id);
                    fact(&part, "jenis", "nilai".into());
                    fact(&part, "rubrik", file.clone());
                    fact(&part, "bobot", num(*bobot));
                    fact(&part, "lolos", lolos.map_or(NONE.into(), |n| n.to_string()));
                    fact(&part, "menit", menit.map_or(NONE.into(), |n| n.to_string()));
                    fact(&part, "juri", juri.join(", "));
                    // The gelar day's schedule (spec §8) counts only where it is set, so rules
                    // written before it keep their fingerprint.
                    if let Some(m) = mulai {
                        fact(
                            &part,
                            "mulai",
                            format!("{} {:02}:{:02}", m.date(), m.hour(), m.minute()),
                        );
                    }
                    if *jeda != 0 {
                        fact(&part, "jeda", jeda.to_string());
                    }
                    rubrics.insert(file, rubrik);
                }
            }
        }
        let awards = &lomba.penghargaan;
        fact(
            "penghargaan",
            "juara",
            if awards.juara.is_empty() {
                NONE.into()
            } else {
                awards.juara.join(" | ")
            },
        );
        for k in &awards.khusus {
            let part = format!("penghargaan:{}", k.id);
            fact(&part, "tahap", k.tahap.id.clone());
            fact(
                &part,
                "kriteria",
                k.kriteria
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        fact(
            "koordinator",
            "kunci",
            key(lomba.koordinator.as_ref().and_then(|k| k.kunci.as_deref())),
        );
        for (file, r) in rubrics {
            let part = format!("rubrik:{file}");
            fact(&part, "skala", format!("{}–{}", num(r.min), num(r.maks)));
            fact(
                &part,
                "kriteria",
                r.kriteria
                    .iter()
                    .map(|k| k.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            for k in &r.kriteria {
                fact(&part, &format!("bobot {}", k.id), num(k.bobot));
                fact(
                    &part,
                    &format!("langkah {}", k.id),
                    k.langkah.map_or(NONE.into(), |n| n.to_string()),
                );
                fact(
                    &part,
                    &format!("panduan {}", k.id),
                    k.panduan.len().to_string(),
                );
            }
            fact(
                &part,
                "pemecah_seri",
                if r.pemecah_seri.is_empty() {
                    NONE.into()
                } else {
                    r.pemecah_seri.join(", ")
                },
            );
            fact(
                &part,
                "predikat",
                r.predikat
                    .iter()
                    .map(|p| format!("{} ≥ {}", p.kode, num(p.min)))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        Rules::from_facts(facts)
    }

    /// What changed from `old` to `self`, one item per changed fact.
    pub fn changes_from(&self, old: &Rules) -> Vec<Change> {
        let before: BTreeMap<(&str, &str), &str> = old
            .facts
            .iter()
            .map(|f| ((f.bagian.as_str(), f.butir.as_str()), f.nilai.as_str()))
            .collect();
        let after: BTreeMap<(&str, &str), &str> = self
            .facts
            .iter()
            .map(|f| ((f.bagian.as_str(), f.butir.as_str()), f.nilai.as_str()))
            .collect();
        let mut keys: Vec<(&str, &str)> = before.keys().chain(after.keys()).copied().collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|k| {
                let (a, b) = (before.get(&k).copied(), after.get(&k).copied());
                (a != b).then(|| Change {
                    bagian: k.0.into(),
                    butir: k.1.into(),
                    lama: a.map(str::to_string),
                    baru: b.map(str::to_string),
                })
            })
            .collect()
    }

    /// The rule set as people read it: one line per fact, part by part.
    pub fn describe(&self, lang: Lang) -> Vec<String> {
        self.facts
            .iter()
            .map(|f| format!("{}: {} {}", part_name(&f.bagian, lang), f.butir, f.nilai))
            .collect()
    }
}

/// The rubric file a scored stage uses, as lomba.yaml names it (`bawaan` for the built-in one).
fn rubric_file(comp: &Competition, stage: &str) -> String {
    let own = comp
        .lomba
        .tahap
        .iter()
        .find(|t| t.id == stage)
        .and_then(|t| match &t.jenis {
            JenisTahap::Nilai { rubrik, .. } => rubrik.as_ref().map(|r| r.id.clone()),
            JenisTahap::Syarat { .. } => None,
        });
    own.or_else(|| comp.lomba.rubrik.clone())
        .unwrap_or_else(|| "bawaan".into())
}

/// A part of the rules, named in `lang`.
pub fn part_name(bagian: &str, lang: Lang) -> String {
    let (kind, id) = bagian.split_once(':').unwrap_or((bagian, ""));
    let word = match kind {
        "lomba" => lang.pick("lomba", "competition"),
        "juri" => lang.pick("juri", "judge"),
        "tahap" => lang.pick("tahap", "stage"),
        "penghargaan" => lang.pick("penghargaan", "award"),
        "koordinator" => lang.pick("koordinator", "coordinator"),
        // A rubric is named by its file, as lomba.yaml names it.
        "rubrik" => return id.to_string(),
        other => other,
    };
    if id.is_empty() {
        word.to_string()
    } else {
        format!("{word} {id}")
    }
}

/// One changed fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub bagian: String,
    pub butir: String,
    /// `None`: the fact was not there.
    pub lama: Option<String>,
    pub baru: Option<String>,
}

impl Change {
    /// `tahap risalah: lolos 3 → 1`, `rubrik.yaml: bobot L3 20 → 60`.
    pub fn describe(&self, lang: Lang) -> String {
        let none = lang.pick("(tidak ada)", "(none)");
        format!(
            "{}: {} {} → {}",
            part_name(&self.bagian, lang),
            self.butir,
            self.lama.as_deref().unwrap_or(none),
            self.baru.as_deref().unwrap_or(none)
        )
    }
}

/// `<dir>/aturan/`: each canonical rule set the data folder has seen, by fingerprint, so that a
/// change can later be named in words.
fn kept_dir(dir: &Path) -> PathBuf {
    dir.join("aturan")
}

fn kept_path(dir: &Path, sidik: &str) -> Option<PathBuf> {
    // A fingerprint from a journal is data: only its own shape may become a file name.
    let valid = sidik.len() == 19
        && sidik
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b) || b == b'-');
    valid.then(|| kept_dir(dir).join(format!("{sidik}.json")))
}

/// Keeps `rules` in `dir` (once per fingerprint).
pub fn keep(dir: &Path, rules: &Rules) -> std::io::Result<()> {
    let Some(path) = kept_path(dir, &rules.sidik) else {
        return Ok(());
    };
    if path.exists() {
        return Ok(());
    }
    crate::files::create_dir_all_durable(&kept_dir(dir))?;
    let text = serde_json::to_vec_pretty(&rules.facts).map_err(std::io::Error::other)?;
    crate::files::write_atomic(&path, &text)
}

/// The rule set kept in `dir` under `sidik`, if it was seen there and is what its name says.
pub fn kept(dir: &Path, sidik: &str) -> Option<Rules> {
    let path = kept_path(dir, sidik)?;
    let bytes = crate::files::read::read(&path, Kind::Rules, Links::Refuse).ok()?;
    let facts: Vec<Fact> = serde_json::from_slice(&bytes).ok()?;
    Some(Rules::from_facts(facts)).filter(|r| r.sidik == sidik)
}
