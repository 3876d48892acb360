//! Reading a `lomba/1` file: the competition, its judges (ids checked before any path is made
//! from them), conflicts and keys.

use super::{Obj, Reader};
use crate::diag::msg::{Expected, IdOf};
use crate::diag::{Finding, Msg, Path};
use crate::model::lomba::{Agregasi, Juri, Konflik, Lomba};
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
