//! Stages and awards (spec §8): which entries reach which stage, the final result with its Juara
//! labels, and the special awards. Pure: the journals are read by the caller, one stage's sheets at
//! a time.

use super::competition::{Entry, Stage, StageKind};
use super::ranking::{
    mean, place, rank, rank_key, Award, EntryInfo, JudgeSheets, Kategori, Ranking, Row,
    StageSummary, Staged,
};
use super::scoring::{predikat, round2, to_100};
use crate::i18n::Lang;
use crate::model::lomba::{Agregasi, Penghargaan};
use std::collections::BTreeMap;

/// One stage, as far as the journals have taken it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageResult {
    pub id: String,
    /// The entries that reached it, by id.
    pub reached: Vec<String>,
    /// A scored stage's ranking among the entries that reached it (every category).
    pub ranking: Option<Ranking>,
    /// Judge × entry pairs not yet finished among the entries that reached it.
    pub remaining: usize,
    /// Every stage before it is final and no judge of it has anything left to finish.
    pub is_final: bool,
    /// The entries that go on to the next stage (none until the stage is final).
    pub advanced: Vec<String>,
}

/// Every stage in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub stages: Vec<StageResult>,
}

/// Why an entry has not reached a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// An earlier stage is still being scored.
    NotFinal { tahap: String, remaining: usize },
    /// It did not advance from an earlier scored stage.
    Eliminated { tahap: String },
    /// It failed a pass/fail stage.
    Failed { tahap: String },
}

impl Blocked {
    /// A few words for a list's column.
    pub fn short(&self, lang: Lang) -> String {
        match (self, lang) {
            (Blocked::NotFinal { .. }, Lang::Id) => "menunggu".into(),
            (Blocked::NotFinal { .. }, Lang::En) => "waiting".into(),
            (Blocked::Eliminated { .. }, Lang::Id) => "gugur".into(),
            (Blocked::Eliminated { .. }, Lang::En) => "out".into(),
            (Blocked::Failed { .. }, Lang::Id) => "gagal".into(),
            (Blocked::Failed { .. }, Lang::En) => "failed".into(),
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Blocked::NotFinal { tahap, remaining }, Lang::Id) => {
                format!("tahap {tahap} belum final: {remaining} penilaian tersisa")
            }
            (Blocked::NotFinal { tahap, remaining }, Lang::En) => {
                format!("stage {tahap} is not final yet: {remaining} scorings left")
            }
            (Blocked::Eliminated { tahap }, Lang::Id) => format!("tidak lolos dari tahap {tahap}"),
            (Blocked::Eliminated { tahap }, Lang::En) => {
                format!("did not advance from stage {tahap}")
            }
            (Blocked::Failed { tahap }, Lang::Id) => format!("gagal di tahap syarat {tahap}"),
            (Blocked::Failed { tahap }, Lang::En) => format!("failed the pass/fail stage {tahap}"),
        }
    }
}

/// Keeps only the sheets (and bars) of the entries that reached a stage: an entry's scores in a
/// stage it never reached count nowhere, z-scores included.
fn only(judges: Vec<JudgeSheets>, reached: &[String]) -> Vec<JudgeSheets> {
    judges
        .into_iter()
        .map(|mut j| {
            j.sheets.retain(|e, _| reached.contains(e));
            j.barred.retain(|e| reached.contains(e));
            j
        })
        .collect()
}

/// Each ranked row's place within its own category (`kelompok.jenis`): 1 + the rows of the same
/// category placed strictly before it, so tied rows share a place and the next one skips.
fn category_places(rows: &[Row]) -> BTreeMap<String, usize> {
    rows.iter()
        .filter_map(|r| {
            let p = r.peringkat?;
            let before = rows
                .iter()
                .filter(|o| o.jenis == r.jenis && o.peringkat.is_some_and(|q| q < p))
                .count();
            Some((r.id.clone(), before + 1))
        })
        .collect()
}

/// Runs the stages in order: a pass/fail stage by `check` and the lampiran it asks for, a scored
/// stage by its journals; the best `lolos` of each category advance once a stage is final (all
/// tied at the cut).
pub fn flow(
    stages: &[Stage],
    entries: &[Entry],
    sheets: &dyn Fn(&Stage) -> Vec<JudgeSheets>,
    metode: Agregasi,
) -> Flow {
    let mut reached: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    let mut open = true;
    let mut out = Vec::with_capacity(stages.len());
    for stage in stages {
        let mut result = StageResult {
            id: stage.id.clone(),
            reached: reached.clone(),
            ranking: None,
            remaining: 0,
            is_final: open,
            advanced: Vec::new(),
        };
        match &stage.kind {
            StageKind::Syarat { .. } => {
                result.advanced = entries
                    .iter()
                    .filter(|e| reached.contains(&e.id) && stage.fails(e, Lang::En).is_none())
                    .map(|e| e.id.clone())
                    .collect();
            }
            StageKind::Nilai { rubrik, lolos, .. } => {
                let infos: Vec<EntryInfo> = entries
                    .iter()
                    .filter(|e| reached.contains(&e.id))
                    .map(Entry::info)
                    .collect();
                let judges = only(sheets(stage), &reached);
                let r = rank(rubrik, &infos, &judges, metode, Kategori::Semua);
                result.remaining = r.rows.iter().map(|row| row.juri_belum.len()).sum();
                result.is_final = open && !r.sementara;
                if result.is_final {
                    let places = category_places(&r.rows);
                    result.advanced = r
                        .rows
                        .iter()
                        .filter(|row| {
                            places
                                .get(&row.id)
                                .is_some_and(|p| lolos.is_none_or(|n| *p <= n))
                        })
                        .map(|row| row.id.clone())
                        .collect();
                }
                result.ranking = Some(r);
            }
        }
        open = result.is_final;
        reached = result.advanced.clone();
        out.push(result);
    }
    Flow { stages: out }
}

impl Flow {
    pub fn stage(&self, id: &str) -> Option<&StageResult> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Why `entry` has not reached stage `tahap`; `None` when it has (or the stage is unknown).
    pub fn blocked(&self, entry: &str, tahap: &str) -> Option<Blocked> {
        let at = self.stages.iter().position(|s| s.id == tahap)?;
        if self.stages[at].reached.iter().any(|e| e == entry) {
            return None;
        }
        self.stages[..at]
            .iter()
            .find(|s| {
                s.reached.iter().any(|e| e == entry) && !s.advanced.iter().any(|e| e == entry)
            })
            .map(|s| {
                let tahap = s.id.clone();
                if !s.is_final {
                    Blocked::NotFinal {
                        tahap,
                        remaining: s.remaining,
                    }
                } else if s.ranking.is_none() {
                    Blocked::Failed { tahap }
                } else {
                    Blocked::Eliminated { tahap }
                }
            })
    }

    /// Why no entry has reached stage `tahap`: the reason of the entries that got furthest — a
    /// stage still being scored says more than the one entry that failed before it.
    pub fn why_none_reached<'e>(
        &self,
        entries: impl IntoIterator<Item = &'e str>,
        tahap: &str,
    ) -> Option<Blocked> {
        let at = |t: &str| self.stages.iter().position(|s| s.id == t).unwrap_or(0);
        entries
            .into_iter()
            .filter_map(|e| self.blocked(e, tahap))
            .max_by_key(|b| match b {
                Blocked::NotFinal { tahap, .. } => (at(tahap), 2),
                Blocked::Eliminated { tahap } => (at(tahap), 1),
                Blocked::Failed { tahap } => (at(tahap), 0),
            })
    }

    /// Every stage for people: id, name, weight and whether it is final.
    pub fn summaries(&self, stages: &[Stage]) -> Vec<StageSummary> {
        stages
            .iter()
            .zip(&self.stages)
            .map(|(s, r)| StageSummary {
                id: s.id.clone(),
                nama: s.nama.clone(),
                bobot: match &s.kind {
                    StageKind::Nilai { bobot, .. } => Some(*bobot),
                    StageKind::Syarat { .. } => None,
                },
                is_final: r.is_final,
            })
            .collect()
    }

    /// One scored stage's ranking among the entries that reached it, in `kategori`.
    pub fn stage_ranking(
        &self,
        stage: &Stage,
        entries: &[Entry],
        sheets: Vec<JudgeSheets>,
        stages: &[Stage],
        metode: Agregasi,
        kategori: Kategori,
    ) -> Option<Ranking> {
        let rubrik = stage.rubrik()?;
        let result = self.stage(&stage.id)?;
        let infos: Vec<EntryInfo> = entries
            .iter()
            .filter(|e| result.reached.contains(&e.id))
            .map(Entry::info)
            .collect();
        let mut r = rank(
            rubrik,
            &infos,
            &only(sheets, &result.reached),
            metode,
            kategori,
        );
        r.staged = Some(Staged {
            tahap: Some(stage.id.clone()),
            stages: self.summaries(stages),
            penghargaan: Vec::new(),
        });
        Some(r)
    }
}

/// The final result (spec §8): finalists by the weighted final index, then the entries that stopped
/// earlier, later stages first, each by the index of the stage it stopped at; entries never scored
/// and entries that failed a pass/fail stage last, unranked. Juara labels go to finalists by place
/// within their category.
pub fn result(
    stages: &[Stage],
    flow: &Flow,
    entries: &[Entry],
    sheets: &dyn Fn(&Stage) -> Vec<JudgeSheets>,
    penghargaan: &Penghargaan,
    metode: Agregasi,
    kategori: Kategori,
) -> Ranking {
    let scored: Vec<(&Stage, &StageResult)> = stages
        .iter()
        .zip(&flow.stages)
        .filter(|(s, _)| s.rubrik().is_some())
        .collect();
    let row_in = |r: &StageResult, id: &str| -> Option<Row> {
        r.ranking
            .as_ref()?
            .rows
            .iter()
            .find(|x| x.id == id)
            .cloned()
    };
    let first = scored.first();
    let first_judges = first
        .map(|(s, r)| only(sheets(s), &r.reached))
        .unwrap_or_default();
    let weights: Vec<f64> = scored
        .iter()
        .map(|(s, _)| match &s.kind {
            StageKind::Nilai { bobot, .. } => *bobot,
            StageKind::Syarat { .. } => 0.0,
        })
        .collect();
    let total_weight: f64 = weights.iter().sum();
    let mut groups: BTreeMap<usize, Vec<(Vec<f64>, Row)>> = BTreeMap::new();
    let mut unscored: Vec<Row> = Vec::new();
    let mut failed: Vec<Row> = Vec::new();
    for e in entries.iter().filter(|e| kategori.admits(e.jenis)) {
        let stopped_syarat = stages.iter().zip(&flow.stages).find(|(s, r)| {
            s.rubrik().is_none()
                && r.is_final
                && r.reached.contains(&e.id)
                && !r.advanced.contains(&e.id)
        });
        let mut nilai_tahap = BTreeMap::new();
        let mut last: Option<(usize, Row)> = None;
        for (p, (s, r)) in scored.iter().enumerate() {
            if let Some(row) = row_in(r, &e.id) {
                if let Some(ix) = row.indeks {
                    nilai_tahap.insert(s.id.clone(), ix);
                }
                last = Some((p, row));
            }
        }
        let mut row = match &last {
            Some((_, row)) => row.clone(),
            None => blank_row(e),
        };
        row.peringkat = None;
        row.seri = false;
        row.indeks = None;
        row.nilai_100 = None;
        row.predikat = None;
        row.nilai_tahap = nilai_tahap;
        if let Some((s, _)) = stopped_syarat {
            row.berhenti_di = Some(s.id.clone());
            failed.push(row);
            continue;
        }
        let Some((p, _)) = last else {
            unscored.push(row);
            continue;
        };
        let stage_ix = |q: usize| row.nilai_tahap.get(&scored[q].0.id).copied();
        let finalist = p + 1 == scored.len() && stage_ix(p).is_some();
        if finalist {
            let final_ix = if total_weight > 0.0 {
                scored
                    .iter()
                    .zip(&weights)
                    .map(|((s, _), w)| w * row.nilai_tahap.get(&s.id).copied().unwrap_or(0.0))
                    .sum::<f64>()
                    / total_weight
            } else {
                mean(&row.nilai_tahap.values().copied().collect::<Vec<_>>()).unwrap_or(0.0)
            };
            // Numbers too large for a float (a rubric that passed no check) rank no one.
            if !final_ix.is_finite() {
                row.indeks = None;
                unscored.push(row);
                continue;
            }
            let key = match first {
                Some((s, _)) => rank_key(
                    s.rubrik().unwrap_or(&Default::default()),
                    &first_judges,
                    &e.id,
                    final_ix,
                ),
                None => vec![round2(final_ix)],
            };
            if let Some(r) = first.and_then(|(s, _)| s.rubrik()) {
                row.nilai_100 = Some(to_100(r, final_ix));
                row.predikat = predikat(r, final_ix).map(|p| (p.kode.clone(), p.label.clone()));
            }
            row.indeks = Some(final_ix);
            row.berhenti_di = None;
            groups.entry(0).or_default().push((key, row));
            continue;
        }
        // Stopped at stage p: by its index, then the stages before it, then the tie-breakers.
        let mut key: Vec<f64> = (0..=p)
            .rev()
            .map(|q| {
                stage_ix(q)
                    .filter(|ix| ix.is_finite())
                    .map_or(f64::NEG_INFINITY, round2)
            })
            .collect();
        if key.iter().all(|k| *k == f64::NEG_INFINITY) {
            row.berhenti_di = Some(scored[p].0.id.clone());
            unscored.push(row);
            continue;
        }
        if let Some((s, _)) = first {
            let tie = rank_key(
                s.rubrik().unwrap_or(&Default::default()),
                &first_judges,
                &e.id,
                0.0,
            );
            key.extend(tie.into_iter().skip(1));
        }
        row.berhenti_di = Some(scored[p].0.id.clone());
        groups.entry(scored.len() - p).or_default().push((key, row));
    }
    let mut rows: Vec<Row> = Vec::new();
    for (_, mut group) in groups {
        place(&mut group, rows.len());
        rows.extend(group.into_iter().map(|(_, r)| r));
    }
    unscored.sort_by(|a, b| a.id.cmp(&b.id));
    failed.sort_by(|a, b| a.id.cmp(&b.id));
    rows.extend(unscored);
    rows.extend(failed);
    let places = category_places(&rows);
    for row in rows.iter_mut().filter(|r| r.berhenti_di.is_none()) {
        row.juara = places
            .get(&row.id)
            .and_then(|p| penghargaan.juara.get(p - 1))
            .cloned();
    }
    Ranking {
        metode,
        kategori,
        sementara: flow.stages.iter().any(|s| !s.is_final),
        rows,
        staged: Some(Staged {
            tahap: None,
            stages: flow.summaries(stages),
            penghargaan: awards(stages, flow, sheets, penghargaan),
        }),
    }
}

/// An entry with nothing from any judge yet.
fn blank_row(e: &Entry) -> Row {
    Row {
        peringkat: None,
        id: e.id.clone(),
        opd: e.opd.clone(),
        jenis: e.jenis,
        indeks: None,
        nilai_100: None,
        predikat: None,
        juri: BTreeMap::new(),
        seri: false,
        perlu_diskusi: false,
        juri_konflik: Vec::new(),
        juri_belum: Vec::new(),
        nilai_tahap: BTreeMap::new(),
        berhenti_di: None,
        juara: None,
    }
}

/// Special awards: per entry that took part in the award's stage, the mean over the judges who
/// finished it of the weighted mean of the named criteria; the highest wins, across categories,
/// ties sharing.
fn awards(
    stages: &[Stage],
    flow: &Flow,
    sheets: &dyn Fn(&Stage) -> Vec<JudgeSheets>,
    penghargaan: &Penghargaan,
) -> Vec<Award> {
    penghargaan
        .khusus
        .iter()
        .map(|k| {
            let mut award = Award {
                id: k.id.clone(),
                nama: k.nama.clone(),
                pemenang: Vec::new(),
                nilai: None,
            };
            let found = stages
                .iter()
                .zip(&flow.stages)
                .find(|(s, _)| s.id == k.tahap.id);
            let Some((stage, result)) = found else {
                return award;
            };
            let Some(rubrik) = stage.rubrik() else {
                return award;
            };
            let named: Vec<(&str, f64)> = rubrik
                .kriteria
                .iter()
                .filter(|c| k.kriteria.iter().any(|r| r.id == c.id))
                .map(|c| (c.id.as_str(), c.bobot))
                .collect();
            let weight: f64 = named.iter().map(|(_, w)| w).sum();
            let judges = only(sheets(stage), &result.reached);
            let mut values: Vec<(String, f64)> = Vec::new();
            for entry in &result.reached {
                let per_judge: Vec<f64> = judges
                    .iter()
                    .filter_map(|j| j.sheets.get(entry))
                    .filter(|s| s.is_finished(rubrik))
                    .filter_map(|s| {
                        let scores: Vec<(f64, f64)> = named
                            .iter()
                            .map(|(c, w)| Some((*w, *s.skor.get(*c)?)))
                            .collect::<Option<_>>()?;
                        if weight > 0.0 {
                            Some(scores.iter().map(|(w, x)| w * x).sum::<f64>() / weight)
                        } else {
                            mean(&scores.iter().map(|(_, x)| *x).collect::<Vec<_>>())
                        }
                    })
                    .collect();
                if let Some(v) = mean(&per_judge) {
                    values.push((entry.clone(), v));
                }
            }
            let best = values.iter().map(|(_, v)| round2(*v)).reduce(f64::max);
            if let Some(best) = best {
                award.nilai = Some(best);
                award.pemenang = values
                    .iter()
                    .filter(|(_, v)| round2(*v) == best)
                    .map(|(e, _)| e.clone())
                    .collect();
                award.pemenang.sort();
            }
            award
        })
        .collect()
}

/// The presentation order drawn by lot from `benih` (spec §8, "Gelar aids"): the entries sorted by
/// id, then shuffled by Fisher–Yates from the last place down, place `i` swapped with
/// `next_u64() mod (i + 1)` of ChaCha8 seeded by `seed_from_u64(benih)`. Anyone can redo the draw.
pub fn draw(entries: &[String], benih: u64) -> Vec<String> {
    use rand_chacha::rand_core::{RngCore, SeedableRng};
    let mut order = entries.to_vec();
    order.sort();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(benih);
    for i in (1..order.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}
