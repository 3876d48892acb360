//! Reading a `lomba/1` file: the competition, its judges (ids checked before any path is made
//! from them), conflicts and keys.

use super::{Obj, Reader};
use crate::diag::msg::{Expected, IdOf};
use crate::diag::{Finding, Msg, Path};
use crate::model::lomba::{
    Agregasi, JenisTahap, Juri, Khusus, Konflik, Koordinator, Lomba, Penghargaan, Ref, Tahap,
};
use crate::model::names::is_id;
use crate::model::risalah::*;
use serde_yaml::Value;

pub(super) const LOMBA_KEYS: &[&str] = &[
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
    "tahap",
    "penghargaan",
    "contoh",
    "koordinator",
];

const TAHAP_KEYS: &[&str] = &[
    "id", "nama", "jenis", "rubrik", "bobot", "lolos", "menit", "mulai", "jeda", "juri", "lampiran",
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
        let tahap = self.stages(&o, &juri);
        let penghargaan = self.awards(&o, &tahap);
        let contoh = match Self::get(&o, "contoh") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => {
                self.wrong(
                    o.at.key("contoh"),
                    "contoh",
                    Expected::OneOf(&["true", "false"]),
                    v,
                );
                false
            }
        };
        let koordinator = self.coordinator(&o);
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
            tahap,
            penghargaan,
            contoh,
            koordinator,
        })
    }

    /// `koordinator: {nama, kunci}` (spec §11): the key that signs amendments to the rules.
    fn coordinator(&mut self, o: &Obj) -> Option<Koordinator> {
        let k = self.sub(o, "koordinator", false, &["nama", "kunci"])?;
        let nama = self.text(&k, "nama", false);
        let kunci = self.text_at(&k, "kunci", false).and_then(|t| {
            if crate::judging::keys::PublicKey::parse(&t.value).is_some() {
                Some(t.value)
            } else {
                self.wrong(
                    t.at,
                    "kunci",
                    Expected::PublicKey,
                    &Value::String(t.value.clone()),
                );
                None
            }
        });
        Some(Koordinator { nama, kunci })
    }

    /// The stages (spec §8): ids checked like judges' (T401, T402), judges named by a stage must be
    /// the lomba's (T404). Rubric files are judged with the other files (`check`).
    fn stages(&mut self, o: &Obj, judges: &[Juri]) -> Vec<Tahap> {
        let mut out: Vec<Tahap> = Vec::new();
        for t in self.objs(o, "tahap", false, TAHAP_KEYS) {
            let id = self.text_at(&t, "id", true);
            let nama = self.text(&t, "nama", true);
            let syarat = self.choice(&t, "jenis", false, &["nilai", "syarat"]) == Some(1);
            let jenis = if syarat {
                let lampiran = self
                    .texts(&t, "lampiran", false)
                    .into_iter()
                    .filter_map(|l| {
                        let known = JenisLampiran::NAMES.contains(&l.value.as_str());
                        if !known {
                            self.push(Finding::value(
                                l.at,
                                Msg::WrongType {
                                    key: "lampiran".into(),
                                    expected: Expected::OneOf(JenisLampiran::NAMES),
                                    found: format!("\"{}\"", l.value),
                                },
                            ));
                        }
                        known.then_some(l.value)
                    })
                    .collect();
                JenisTahap::Syarat { lampiran }
            } else {
                let bobot = match self.number_any(&t, "bobot", false) {
                    Some(b) if !(b.is_finite() && b >= 0.0) => {
                        self.wrong(
                            t.at.key("bobot"),
                            "bobot",
                            Expected::NonNegative,
                            &Value::from(b),
                        );
                        None
                    }
                    b => b,
                };
                let lolos = self.positive(&t, "lolos");
                let menit = self.positive(&t, "menit");
                let mulai = self.text_at(&t, "mulai", false).and_then(|m| {
                    if crate::judging::gelar::parse_mulai(&m.value).is_some() {
                        Some(m.value)
                    } else {
                        self.wrong(
                            t.at.key("mulai"),
                            "mulai",
                            Expected::DateTime,
                            &Value::String(m.value),
                        );
                        None
                    }
                });
                let jeda = self.integer(&t, "jeda", false).and_then(|n| {
                    if n < 0 {
                        self.wrong(
                            t.at.key("jeda"),
                            "jeda",
                            Expected::NonNegativeInteger,
                            &Value::from(n),
                        );
                    }
                    u32::try_from(n).ok()
                });
                let juri = Self::get(&t, "juri").is_some().then(|| {
                    self.texts(&t, "juri", true)
                        .into_iter()
                        .map(|j| {
                            if !judges.iter().any(|x| x.id == j.value) {
                                self.push(Finding::value(
                                    j.at.clone(),
                                    Msg::UnknownRef {
                                        of: IdOf::Juri,
                                        id: j.value.clone(),
                                    },
                                ));
                            }
                            Ref {
                                id: j.value,
                                at: j.at,
                            }
                        })
                        .collect()
                });
                JenisTahap::Nilai {
                    rubrik: self.text_at(&t, "rubrik", false).map(|r| Ref {
                        id: r.value,
                        at: r.at,
                    }),
                    bobot: bobot.unwrap_or(1.0),
                    lolos: lolos.and_then(|n| usize::try_from(n).ok()),
                    menit: menit.and_then(|n| u32::try_from(n).ok()),
                    mulai,
                    jeda,
                    juri,
                }
            };
            let Some(id) = id else { continue };
            let (valid, taken) = (is_id(&id.value), out.iter().any(|x| x.id == id.value));
            let Some(id) = self.list_id(id, IdOf::Tahap, valid, taken) else {
                continue;
            };
            out.push(Tahap {
                nama: nama.unwrap_or_else(|| id.clone()),
                id,
                jenis,
            });
        }
        out
    }

    /// A whole number of one or more (T004 otherwise).
    fn positive(&mut self, o: &Obj, key: &str) -> Option<i64> {
        let n = self.integer(o, key, false)?;
        if n < 1 {
            self.wrong(o.at.key(key), key, Expected::Positive, &Value::from(n));
            return None;
        }
        Some(n)
    }

    /// The awards: place labels and special prizes, whose stage must be a scored stage of this
    /// lomba (T404); their criteria are judged against the stage's rubric with the other files.
    fn awards(&mut self, o: &Obj, stages: &[Tahap]) -> Penghargaan {
        let Some(p) = self.sub(o, "penghargaan", false, &["juara", "khusus"]) else {
            return Penghargaan::default();
        };
        let juara = self
            .texts(&p, "juara", false)
            .into_iter()
            .map(|t| t.value)
            .collect();
        let mut khusus: Vec<Khusus> = Vec::new();
        for k in self.objs(&p, "khusus", false, &["id", "nama", "tahap", "kriteria"]) {
            let id = self.text_at(&k, "id", true);
            let nama = self.text(&k, "nama", true);
            let tahap = self.text_at(&k, "tahap", false);
            let kriteria = self.texts(&k, "kriteria", true);
            let tahap = match tahap {
                Some(t) => Ref {
                    id: t.value,
                    at: t.at,
                },
                // Without stages, or without naming one: the first scored stage.
                None => Ref {
                    id: stages
                        .iter()
                        .find(|s| s.is_scored())
                        .map_or("risalah".into(), |s| s.id.clone()),
                    at: k.at.clone(),
                },
            };
            let known = if stages.is_empty() {
                tahap.id == "risalah"
            } else {
                stages.iter().any(|s| s.id == tahap.id && s.is_scored())
            };
            if !known {
                self.push(Finding::value(
                    tahap.at.clone(),
                    Msg::UnknownRef {
                        of: IdOf::Tahap,
                        id: tahap.id.clone(),
                    },
                ));
            }
            let Some(id) = id else { continue };
            let (valid, taken) = (is_id(&id.value), khusus.iter().any(|x| x.id == id.value));
            let Some(id) = self.list_id(id, IdOf::Penghargaan, valid, taken) else {
                continue;
            };
            khusus.push(Khusus {
                nama: nama.unwrap_or_else(|| id.clone()),
                id,
                tahap,
                kriteria: kriteria
                    .into_iter()
                    .map(|t| Ref {
                        id: t.value,
                        at: t.at,
                    })
                    .collect(),
            });
        }
        Penghargaan { juara, khusus }
    }
}

impl Reader {
    /// An id of a lomba or rubrik list: T401 when it is not `valid`, T402 when `taken` already;
    /// either way left out (`None`), so that nothing is ever built from it.
    pub(super) fn list_id(
        &mut self,
        id: Text,
        of: IdOf,
        valid: bool,
        taken: bool,
    ) -> Option<String> {
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
    pub(super) fn judges(&mut self, o: &Obj) -> Vec<Juri> {
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
            for (key, name) in [("nama", Some(&nama)), ("opd", opd.as_ref())] {
                if let Some(name) = name.filter(|n| crate::model::names::deceptive(n)) {
                    self.push(Finding::value(
                        j.at.key(key),
                        Msg::DeceptiveName { name: name.clone() },
                    ));
                }
            }
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
pub(super) fn is_criterion_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}
