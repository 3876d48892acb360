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

pub(super) fn judge(read: &mut [(String, Document, Vec<Finding>)]) {
    let mut extra: Vec<(usize, Finding)> = Vec::new();
    for (i, (name, doc, _)) in read.iter().enumerate() {
        let Some(Model::Lomba(lomba)) = &doc.model else {
            continue;
        };
        let folder = entries_folder(name, lomba);
        let entries: Vec<&str> = read
            .iter()
            .filter(|(n, ..)| is_inside(&folder, n))
            .filter_map(|(_, d, _)| match &d.model {
                Some(Model::Risalah(r)) => r.id.as_ref().map(|t| t.value.as_str()),
                _ => None,
            })
            .collect();
        if entries.is_empty() {
            continue;
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
                extra.push((i, unknown(IdOf::Risalah, &k.risalah, &k.risalah_at)));
            }
        }
        let rubric_of = |rel: &str| -> Option<&Rubrik> {
            let wanted = join(folder_of(name), rel);
            read.iter()
                .find(|(n, ..)| join("", n) == wanted)
                .and_then(|(_, d, _)| match &d.model {
                    Some(Model::Rubrik(r)) => Some(r),
                    _ => None,
                })
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
                            extra.push((i, unknown(IdOf::Rubrik, &r.id, &r.at)));
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
                        extra.push((
                            i,
                            Finding::value(
                                at,
                                Msg::StageScales {
                                    tahap: t.id.clone(),
                                },
                            ),
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
                    extra.push((i, unknown(IdOf::Kriteria, &k.id, &k.at)));
                }
            }
        }
    }
    for (i, f) in extra {
        read[i].2.push(f);
    }
}
