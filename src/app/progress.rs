//! The judges' progress screen: each judge of the stage being scored, drilled down to the entries
//! they have not finished, and the entries where judges disagree most, each opening a comparison of
//! every judge's scores and notes.

use super::action::Action;
use super::judge::JudgeState;
use super::{App, Screen};
use tulta_core::judging::ranking::Kategori;
use tulta_core::judging::scoring::Status;

/// An entry, the span of its judges' indexes, and each judge's index.
pub type Disagreement = (String, f64, Vec<(String, f64)>);

/// A line of the progress screen that the cursor can be on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A judge of the stage: Enter lists (or hides) their unfinished entries.
    Judge(String),
    /// An entry a judge has not finished (`in progress` when started): Enter opens it.
    Todo {
        juri: String,
        risalah: String,
        started: bool,
    },
    /// An entry where the judges' indexes lie far apart: Enter compares the judges.
    Disagreement(String),
}

/// How many disagreements the screen lists.
const DISAGREEMENTS: usize = 8;

impl JudgeState {
    /// Entries of the stage being scored where the judges' indexes lie furthest apart, widest first.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        let ranking = self
            .judging
            .stage_ranking(&self.tahap, self.metode, Kategori::Semua)
            .unwrap_or_else(|_| self.judging.ranking(self.metode, Kategori::Semua));
        let mut out: Vec<Disagreement> = ranking
            .rows
            .iter()
            .filter(|r| r.juri.len() >= 2)
            .map(|r| {
                let values: Vec<f64> = r.juri.values().copied().collect();
                let hi = values.iter().copied().fold(f64::MIN, f64::max);
                let lo = values.iter().copied().fold(f64::MAX, f64::min);
                (
                    r.id.clone(),
                    hi - lo,
                    r.juri.iter().map(|(j, v)| (j.clone(), *v)).collect(),
                )
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// The entries of the stage being scored that `juri` may score and has not finished.
    pub fn unfinished(&self, juri: &str) -> Vec<(String, bool)> {
        let reached = self
            .flow()
            .stage(&self.tahap)
            .map_or(Vec::new(), |s| s.reached.clone());
        let sheets = self.judging.sheets(juri, &self.tahap);
        let rubrik = self.rubrik();
        self.judging
            .competition
            .entries
            .iter()
            .filter(|e| reached.contains(&e.id) && self.judging.bar(juri, &e.id).is_none())
            .filter_map(|e| match sheets.get(&e.id).map(|s| s.status(rubrik)) {
                Some(Status::Finished) => None,
                Some(Status::InProgress) => Some((e.id.clone(), true)),
                _ => Some((e.id.clone(), false)),
            })
            .collect()
    }

    /// The lines the cursor moves over, in screen order.
    pub fn progress_items(&self) -> Vec<Item> {
        let mut items = Vec::new();
        let judges: Vec<String> = self.stage().map_or(Vec::new(), |s| s.judges().to_vec());
        for juri in judges {
            let open = self.progress_open.contains(&juri);
            items.push(Item::Judge(juri.clone()));
            if open {
                items.extend(
                    self.unfinished(&juri)
                        .into_iter()
                        .map(|(risalah, started)| Item::Todo {
                            juri: juri.clone(),
                            risalah,
                            started,
                        }),
                );
            }
        }
        items.extend(
            self.disagreements()
                .into_iter()
                .take(DISAGREEMENTS)
                .map(|(id, _, _)| Item::Disagreement(id)),
        );
        items
    }
}

impl App {
    pub(super) fn progress_action(&mut self, action: Action) -> bool {
        let Some(j) = &mut self.judge else {
            return false;
        };
        let items = j.progress_items();
        let at = j.progress_at.min(items.len().saturating_sub(1));
        match action {
            Action::ToRanking => self.show_judging(Screen::Ranking),
            Action::Up => j.progress_at = at.saturating_sub(1),
            Action::Down => j.progress_at = (at + 1).min(items.len().saturating_sub(1)),
            Action::Open => match items.get(at) {
                Some(Item::Judge(juri)) if !j.progress_open.remove(juri) => {
                    j.progress_open.insert(juri.clone());
                }
                Some(Item::Judge(_)) => {}
                Some(Item::Todo { risalah, .. }) => {
                    let id = risalah.clone();
                    if let Some(row) = self.library.find_id(&id) {
                        self.open_row(row, 1);
                    }
                }
                Some(Item::Disagreement(id)) => j.compare = Some((id.clone(), 0)),
                None => {}
            },
            Action::StageView => {
                let ids: Vec<String> = j.scored_stages().iter().map(|s| s.id.clone()).collect();
                let at = ids.iter().position(|t| *t == j.tahap).unwrap_or(0);
                if let Some(next) = ids.get((at + 1) % ids.len().max(1)).cloned() {
                    j.choose_stage(&next);
                    j.progress_at = 0;
                }
            }
            Action::Back => self.back(),
            _ => return false,
        }
        true
    }

    /// The comparison of every judge's scores and notes on one entry.
    pub(super) fn compare_action(&mut self, action: Action) -> bool {
        let Some(j) = &mut self.judge else {
            return false;
        };
        let Some((_, scroll)) = &mut j.compare else {
            return false;
        };
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::PageDown => *scroll = scroll.saturating_add(10),
            Action::Back => j.compare = None,
            Action::Help => self.open_help(),
            _ => return false,
        }
        true
    }
}
