//! T404 across files: what a lomba names in other files — the entries of its `konflik`, the rubric
//! files of its stages, the criteria of its special awards — and that its stages' rubrics share one
//! scale. Judged only when the competition's entries were checked along with it: a lomba file
//! checked on its own names nothing it can be held to.

use crate::diag::msg::IdOf;
use crate::diag::{Finding, Msg};
use crate::format::{Document, Model};
use crate::judging::competition::{entries_folder, folder_of, is_inside, join};
use crate::model::lomba::JenisTahap;
use crate::model::rubrik::Rubrik;

/// What a lomba may name in the other files checked along with it: each risalah's file and id,
/// and each rubric by file. Small, so `check` can keep it while it forgets every document.
#[derive(Default)]
pub(super) struct Across {
    entries: Vec<(String, String)>,
    rubrics: Vec<(String, Rubrik)>,
}

impl Across {
    /// Notes what a lomba could name in the file `name`.
    pub(super) fn note(&mut self, name: &str, doc: &Document) {
        match &doc.model {
            Some(Model::Risalah(r)) => {
                if let Some(id) = &r.id {
                    self.entries.push((name.to_string(), id.value.clone()));
                }
            }
            Some(Model::Rubrik(r)) => self.rubrics.push((join("", name), r.clone())),
            _ => {}
        }
    }
}

/// The T404 findings of the lomba file `name` against what was checked along with it.
pub(super) fn judge_lomba(
    name: &str,
    lomba: &crate::model::lomba::Lomba,
    across: &Across,
) -> Vec<Finding> {
    let mut extra: Vec<Finding> = Vec::new();
    let folder = entries_folder(name, lomba);
    let entries: Vec<&str> = across
        .entries
        .iter()
        .filter(|(n, _)| is_inside(&folder, n))
        .map(|(_, id)| id.as_str())
        .collect();
    if entries.is_empty() {
        return extra;
    }
    let unknown = |of, id: &str, at: &crate::diag::Path| {
        Finding::value(
            at.clone(),
            Msg::UnknownRef {
                of,
                id: id.to_string(),
            },
        )
    };
    for k in &lomba.konflik {
        if !entries.contains(&k.risalah.as_str()) {
            extra.push(unknown(IdOf::Risalah, &k.risalah, &k.risalah_at));
        }
    }
    let rubric_of = |rel: &str| -> Option<&Rubrik> {
        let wanted = join(folder_of(name), rel);
        across
            .rubrics
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(_, r)| r)
    };
    let builtin = Rubrik::default();
    let own = match &lomba.rubrik {
        Some(rel) => rubric_of(rel),
        None => Some(&builtin),
    };
    // Each scored stage's rubric, where it could be read.
    let mut rubrics: Vec<(&str, Option<&Rubrik>)> = Vec::new();
    for t in &lomba.tahap {
        if let JenisTahap::Nilai { rubrik, .. } = &t.jenis {
            let found = match rubrik {
                Some(r) => {
                    let found = rubric_of(&r.id);
                    if found.is_none() {
                        extra.push(unknown(IdOf::Rubrik, &r.id, &r.at));
                    }
                    found
                }
                None => own,
            };
            if let (Some(f), Some((_, Some(first)))) = (found, rubrics.first()) {
                if (f.min, f.maks) != (first.min, first.maks) {
                    let at = match rubrik {
                        Some(r) => r.at.clone(),
                        None => crate::diag::Path::root().key("rubrik"),
                    };
                    extra.push(Finding::value(
                        at,
                        Msg::StageScales {
                            tahap: t.id.clone(),
                        },
                    ));
                }
            }
            rubrics.push((&t.id, found));
        }
    }
    if lomba.tahap.is_empty() {
        rubrics.push(("risalah", own));
    }
    for award in &lomba.penghargaan.khusus {
        let Some((_, Some(r))) = rubrics.iter().find(|(id, _)| *id == award.tahap.id) else {
            continue;
        };
        for k in &award.kriteria {
            if !r.kriteria.iter().any(|c| c.id == k.id) {
                extra.push(unknown(IdOf::Kriteria, &k.id, &k.at));
            }
        }
    }
    extra
}

/// [`judge_lomba`] for every lomba among files read together.
pub(super) fn judge(read: &mut [(String, Document, Vec<Finding>)]) {
    let mut across = Across::default();
    for (name, doc, _) in read.iter() {
        across.note(name, doc);
    }
    for (name, doc, findings) in read.iter_mut() {
        if let Some(Model::Lomba(lomba)) = &doc.model {
            findings.extend(judge_lomba(name, lomba, &across));
        }
    }
}
