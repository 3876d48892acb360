//! One judge's scores for one entry (spec §6): what a change is, how a journal's changes add up to a
//! score sheet, the judge's index and its predikat. Pure: the journal's file format lives in `store`.

use crate::model::rubrik::{Predikat, Rubrik};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A checklist answer for one guidance item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tick {
    Ya,
    Tidak,
    Sebagian,
}

/// What one journal line changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "lowercase")]
pub enum Change {
    /// A criterion's score.
    Skor { kriteria: String, nilai: f64 },
    /// A note, on a criterion or (without one) on the whole entry.
    Catatan {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kriteria: Option<String>,
        teks: String,
    },
    /// A checklist tick on guidance item `butir` (0-based) of a criterion.
    Centang {
        kriteria: String,
        butir: usize,
        nilai: Tick,
    },
    /// Takes back the change recorded under sequence number `urutan`.
    Tarik { urutan: u64 },
    /// An amendment to the rules (spec §11), in the coordinator's journal only: from rules `lama`
    /// to rules `baru`, what changed, and why.
    Aturan {
        lama: String,
        baru: String,
        isi: Vec<crate::judging::rules::Change>,
        alasan: String,
    },
}

/// A change as it stands in a journal.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    pub urutan: u64,
    /// The stage (spec §8); once counted, always named (the first scored stage when the line has none).
    pub tahap: Option<String>,
    pub risalah: String,
    pub change: Change,
}

/// What one judge has given one entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub skor: BTreeMap<String, f64>,
    pub catatan: BTreeMap<Option<String>, String>,
    pub centang: BTreeMap<(String, usize), Tick>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Untouched,
    InProgress,
    Finished,
}

impl Sheet {
    pub fn is_empty(&self) -> bool {
        self.skor.is_empty() && self.catatan.is_empty() && self.centang.is_empty()
    }

    pub fn status(&self, rubrik: &Rubrik) -> Status {
        if self.is_finished(rubrik) {
            Status::Finished
        } else if self.is_empty() {
            Status::Untouched
        } else {
            Status::InProgress
        }
    }

    /// Every criterion scored.
    pub(crate) fn is_finished(&self, rubrik: &Rubrik) -> bool {
        !rubrik.kriteria.is_empty()
            && rubrik
                .kriteria
                .iter()
                .all(|k| self.skor.contains_key(&k.id))
    }

    /// Σ(bobot × skor) / Σ(bobot) on the rubric's scale; `None` until every criterion is scored.
    pub fn index(&self, rubrik: &Rubrik) -> Option<f64> {
        if !self.is_finished(rubrik) {
            return None;
        }
        let weight: f64 = rubrik.kriteria.iter().map(|k| k.bobot).sum();
        if weight <= 0.0 {
            return None;
        }
        let sum: f64 = rubrik
            .kriteria
            .iter()
            .map(|k| k.bobot * self.skor.get(&k.id).copied().unwrap_or(0.0))
            .sum();
        Some(sum / weight)
    }
}

/// The sequence numbers that later lines took back.
fn withdrawn(changes: &[Recorded]) -> std::collections::HashSet<u64> {
    changes
        .iter()
        .filter_map(|r| match r.change {
            Change::Tarik { urutan } => Some(urutan),
            _ => None,
        })
        .collect()
}

/// Replays one judge's changes, in journal order, into a sheet per entry. A withdrawn change counts
/// as never made: the field shows the latest change to it that still stands.
pub(crate) fn replay(changes: &[Recorded]) -> BTreeMap<String, Sheet> {
    let withdrawn = withdrawn(changes);
    let mut sheets: BTreeMap<String, Sheet> = BTreeMap::new();
    for r in changes {
        if withdrawn.contains(&r.urutan) {
            continue;
        }
        let sheet = sheets.entry(r.risalah.clone()).or_default();
        match &r.change {
            Change::Skor { kriteria, nilai } => {
                sheet.skor.insert(kriteria.clone(), *nilai);
            }
            Change::Catatan { kriteria, teks } => {
                if teks.trim().is_empty() {
                    sheet.catatan.remove(kriteria);
                } else {
                    sheet.catatan.insert(kriteria.clone(), teks.clone());
                }
            }
            Change::Centang {
                kriteria,
                butir,
                nilai,
            } => {
                sheet.centang.insert((kriteria.clone(), *butir), *nilai);
            }
            Change::Tarik { .. } | Change::Aturan { .. } => {}
        }
    }
    sheets.retain(|_, s| !s.is_empty());
    sheets
}

/// The latest change of a journal that can still be taken back (undo).
pub(crate) fn last_undoable(changes: &[Recorded]) -> Option<&Recorded> {
    let withdrawn = withdrawn(changes);
    changes.iter().rev().find(|r| {
        !matches!(r.change, Change::Tarik { .. } | Change::Aturan { .. })
            && !withdrawn.contains(&r.urutan)
    })
}

/// An index on the rubric's scale shown as 0-100.
pub fn to_100(rubrik: &Rubrik, index: f64) -> f64 {
    let span = rubrik.maks - rubrik.min;
    if span <= 0.0 {
        return 0.0;
    }
    (index - rubrik.min) / span * 100.0
}

/// The band an index falls in (bands are compared on the index rounded to 2 decimals, as shown).
pub fn predikat(rubrik: &Rubrik, index: f64) -> Option<&Predikat> {
    let shown = round2(index);
    let mut bands: Vec<&Predikat> = rubrik.predikat.iter().collect();
    bands.sort_by(|a, b| b.min.total_cmp(&a.min));
    bands.into_iter().find(|p| shown >= p.min - 1e-9)
}

pub(crate) fn round2(x: f64) -> f64 {
    round_to(x, 2)
}

/// Rounds half away from zero at `places` decimals. Every number shown or exported goes through
/// this, so a table, a screen and the JSON never disagree in the last digit (`format!`'s own
/// rounding would show 3.525 as 3.52 where this gives 3.53).
pub(crate) fn round_to(x: f64, places: usize) -> f64 {
    let p = 10f64.powi(i32::try_from(places).unwrap_or(i32::MAX).min(15));
    (x * p).round() / p
}

/// Is `nilai` a score the rubric allows: within the scale, in steps of one half.
pub(crate) fn valid_score(rubrik: &Rubrik, nilai: f64) -> bool {
    nilai.is_finite()
        && nilai >= rubrik.min - 1e-9
        && nilai <= rubrik.maks + 1e-9
        && ((nilai * 2.0).round() - nilai * 2.0).abs() < 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(urutan: u64, risalah: &str, change: Change) -> Recorded {
        Recorded {
            urutan,
            tahap: None,
            risalah: risalah.into(),
            change,
        }
    }

    fn skor(k: &str, v: f64) -> Change {
        Change::Skor {
            kriteria: k.into(),
            nilai: v,
        }
    }

    #[test]
    fn index_is_the_weighted_mean_once_finished() {
        let r = Rubrik::default();
        let mut changes: Vec<Recorded> = r
            .kriteria
            .iter()
            .enumerate()
            .map(|(i, k)| rec(i as u64 + 1, "e", skor(&k.id, 4.0)))
            .collect();
        changes.pop();
        let sheets = replay(&changes);
        assert_eq!(sheets["e"].index(&r), None, "P not scored yet");
        assert_eq!(sheets["e"].status(&r), Status::InProgress);
        changes.push(rec(9, "e", skor("P", 2.0)));
        changes.push(rec(10, "e", skor("L6", 5.0)));
        let sheets = replay(&changes);
        // (15+10+15+10+10+10)*4 + 20*5 + 10*2 = 280 + 100 + 20 = 400; /100
        assert_eq!(sheets["e"].index(&r), Some(4.0));
        assert_eq!(to_100(&r, 4.0), 75.0);
    }

    #[test]
    fn withdrawal_restores_the_previous_value() {
        let changes = vec![
            rec(1, "e", skor("L1", 3.0)),
            rec(2, "e", skor("L1", 4.5)),
            rec(3, "e", Change::Tarik { urutan: 2 }),
        ];
        assert_eq!(replay(&changes)["e"].skor["L1"], 3.0);
        assert_eq!(last_undoable(&changes).map(|r| r.urutan), Some(1));
        let changes = vec![
            rec(1, "e", skor("L1", 3.0)),
            rec(2, "e", Change::Tarik { urutan: 1 }),
        ];
        assert!(!replay(&changes).contains_key("e"), "nothing left");
        assert_eq!(last_undoable(&changes), None);
    }

    #[test]
    fn predikat_bands_at_their_boundaries() {
        let r = Rubrik::default();
        let code = |x: f64| predikat(&r, x).map(|p| p.kode.clone()).unwrap_or_default();
        assert_eq!(code(5.0), "A");
        assert_eq!(code(4.51), "A");
        assert_eq!(code(4.5), "A-");
        assert_eq!(code(4.509), "A", "shown as 4.51");
        assert_eq!(code(4.01), "A-");
        assert_eq!(code(4.0), "B");
        assert_eq!(code(3.51), "B");
        assert_eq!(code(3.01), "B-");
        assert_eq!(code(2.51), "C");
        assert_eq!(code(2.01), "C-");
        assert_eq!(code(1.51), "D");
        assert_eq!(code(1.5), "E");
        assert_eq!(code(1.0), "E");
    }

    #[test]
    fn scores_are_halves_within_the_scale() {
        let r = Rubrik::default();
        assert!(valid_score(&r, 1.0));
        assert!(valid_score(&r, 4.5));
        assert!(valid_score(&r, 5.0));
        assert!(!valid_score(&r, 5.5));
        assert!(!valid_score(&r, 0.5));
        assert!(!valid_score(&r, 3.25));
        assert!(!valid_score(&r, f64::NAN));
    }
}
