//! Judging in the app: who is scoring and in which stage, and the scoring panel beside the
//! walk-through (criteria, guidance ticks, scores, undo and redo). Notes are in `note`, the ranking
//! screen in `ranking`, the progress screen in `progress`. Every change goes straight to the
//! judge's journal through the judging API; nothing is held back unsaved except a note while it is
//! being typed.

pub use super::note::{NoteDraft, NoteEdit, Then};
pub use super::stages::Timer;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::competition::Stage;
use tulta_core::judging::ranking::{Kategori, Ranking};
use tulta_core::judging::scoring::{self, Change, Sheet, Status, Tick};
use tulta_core::judging::stages::{Blocked, Flow};
use tulta_core::judging::{Bar, Judging, Undone};
use tulta_core::model::lomba::Agregasi;
use tulta_core::model::rubrik::{Kriteria, Rubrik};

/// A line of the scoring panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelRow {
    /// A criterion: its score.
    Criterion(usize),
    /// Guidance item `i` of criterion `k`: its tick.
    Item(usize, usize),
    /// The note on the whole entry.
    Note,
}

pub struct JudgeState {
    pub judging: Judging,
    pub juri: Option<String>,
    /// The judge picker, open with this line selected (the last line is "read only").
    pub picker: Option<usize>,
    pub cursor: usize,
    pub note: Option<NoteEdit>,
    /// Simpan / Buang / Batal for a note being edited, and what follows.
    pub prompt: Option<Then>,
    /// What the last change did ("tersimpan #12 …"), or why it was refused.
    pub message: Option<(bool, String)>,
    /// The entry the message is about (`None`: the ranking screen's export): it is shown there
    /// only, so news about one entry never appears on another.
    pub said_on: Option<String>,
    pub metode: Agregasi,
    pub kategori: Kategori,
    pub rank_selected: usize,
    /// An export path being typed on the ranking screen.
    pub export: Option<tui_input::Input>,
    /// A path that exists and that the judge has been asked about: Enter again overwrites it.
    pub overwrite: Option<String>,
    /// The note text last kept as a draft on disk.
    pub(super) draft_kept: Option<String>,
    /// The stage being scored (spec §8): its rubric is the panel's, its entries the overview's.
    pub tahap: String,
    /// The stage picker, open with this line selected.
    pub stage_picker: Option<usize>,
    /// The ranking screen shows this stage's ranking; `None`: the final result.
    pub rank_view: Option<String>,
    pub timer: Timer,
    /// The progress screen: the line selected, the judges whose unfinished entries are listed,
    /// and the entry whose judges are being compared (with the comparison's scroll).
    pub progress_at: usize,
    pub progress_open: std::collections::BTreeSet<String>,
    pub compare: Option<(String, u16)>,
    /// How far the journals have taken each stage, counted after every change.
    flow: Flow,
    /// Changes undone in this session, latest last, with their entry and stage: redo records one
    /// again as a new line. Any other change empties it, as in an editor.
    redo: Vec<(String, String, Change)>,
    /// The ranking last computed, with what it was computed for: the screens draw it several
    /// times a second and every change or refresh drops it.
    pub(super) ranked: std::cell::RefCell<Option<(super::ranking::RankedFor, Ranking)>>,
    /// A score being typed (`3`, `3 .`, `.` on a 3): nothing is written until it is complete, so
    /// that one gesture is one journal line and one undo step.
    pub gesture: Option<Gesture>,
    /// The stage's presentation order drawn by `tulta undian` and kept in the data folder (the
    /// gelar day, spec §8), or why it could not be read.
    pub draw: Result<Option<tulta_core::judging::gelar::Draw>, String>,
    /// News for the status line (a stage became final), taken by the app after the key.
    pub news: Option<String>,
}

/// A score being typed on one criterion of one entry in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Gesture {
    pub risalah: String,
    pub tahap: String,
    /// The criterion's place in the stage's rubric.
    pub kriteria: usize,
    /// A whole score typed, waiting to see whether `.` `5`, `+` or `-` makes it a half.
    pub whole: Option<f64>,
    /// A point typed after `whole` or after the saved score: the score its `5` adds a half to.
    pub point: Option<f64>,
    /// When the last key of the gesture was typed: a whole score left alone is saved after
    /// [`Gesture::PAUSE`].
    pub since: std::time::Instant,
}

impl Gesture {
    /// How long a whole score waits for a half before it is saved as it is.
    pub const PAUSE: std::time::Duration = std::time::Duration::from_millis(1500);

    /// What the gesture has typed so far, as the panel shows it: `3`, `3,` or `3,5`-to-be.
    pub fn typed(&self, lang: Lang) -> String {
        match (self.whole, self.point) {
            (_, Some(base)) => format!(
                "{}{}…",
                tulta_core::text::decimal(base, 0, lang),
                lang.pick(",", ".")
            ),
            (Some(w), None) => format!("{}…", tulta_core::text::decimal(w, 0, lang)),
            (None, None) => String::new(),
        }
    }
}

impl JudgeState {
    pub fn new(judging: Judging, juri: Option<String>) -> JudgeState {
        let metode = judging.competition.lomba.agregasi;
        let known = juri.filter(|j| judging.judge(j).is_some());
        let picker = (known.is_none() && !judging.competition.lomba.juri.is_empty()).then_some(0);
        let flow = judging.flow(metode);
        // A judge opens the stage now being scored: the last one that some entry has reached.
        let tahap = judging
            .competition
            .scored_stages()
            .filter(|s| flow.stage(&s.id).is_some_and(|r| !r.reached.is_empty()))
            .last()
            .map_or_else(
                || judging.competition.first_scored().to_string(),
                |s| s.id.clone(),
            );
        JudgeState {
            judging,
            juri: known,
            picker,
            cursor: 0,
            note: None,
            prompt: None,
            message: None,
            said_on: None,
            metode,
            kategori: Kategori::Semua,
            rank_selected: 0,
            export: None,
            overwrite: None,
            draft_kept: None,
            tahap,
            stage_picker: None,
            rank_view: None,
            timer: Timer::default(),
            progress_at: 0,
            progress_open: Default::default(),
            compare: None,
            flow,
            redo: Vec::new(),
            ranked: Default::default(),
            gesture: None,
            draw: Ok(None),
            news: None,
        }
        .with_draw()
    }

    fn with_draw(mut self) -> JudgeState {
        self.load_draw();
        self
    }

    /// Reads the drawn order of the stage being scored.
    pub fn load_draw(&mut self) {
        self.draw = tulta_core::judging::gelar::kept(self.judging.dir(), &self.tahap);
    }

    /// The drawn order of the stage being scored, if there is one.
    pub fn drawn(&self) -> Option<&tulta_core::judging::gelar::Draw> {
        self.draw.as_ref().ok().and_then(Option::as_ref)
    }

    /// `risalah`'s place in the drawn order: its slot (1-based), how many slots, and the slot's
    /// planned start when the stage gives `mulai`.
    pub fn slot(&self, risalah: &str) -> Option<(usize, usize, Option<String>)> {
        let d = self.drawn()?;
        let i = d.slot(risalah)?;
        Some((
            i + 1,
            d.urutan.len(),
            self.stage().and_then(|s| s.slot_start(i)),
        ))
    }

    /// Counts the stages again: after a change, an import, another process's writes.
    pub fn refresh(&mut self) {
        self.flow = self.judging.flow(self.judging.competition.lomba.agregasi);
        self.ranked.replace(None);
    }

    pub fn stage(&self) -> Option<&Stage> {
        self.judging.competition.stage(&self.tahap)
    }

    /// Whether the competition has more than one stage (the stage shows in titles and keys).
    pub fn staged(&self) -> bool {
        self.judging.competition.stages.len() > 1
    }

    /// The scored stages, for the picker and the ranking's views.
    pub fn scored_stages(&self) -> Vec<&Stage> {
        self.judging.competition.scored_stages().collect()
    }

    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// Why `risalah` has not reached the stage being scored, if it has not.
    pub fn blocked(&self, risalah: &str) -> Option<Blocked> {
        self.flow.blocked(risalah, &self.tahap)
    }

    /// Whether the judge in use scores in the stage being scored.
    pub fn judges_stage(&self) -> bool {
        let juri = self.juri.as_deref();
        self.stage()
            .is_some_and(|s| s.judges().iter().any(|j| Some(j.as_str()) == juri))
    }

    /// The rubric of the stage being scored.
    pub fn rubrik(&self) -> &Rubrik {
        self.stage()
            .and_then(Stage::rubrik)
            .unwrap_or(&self.judging.competition.rubrik)
    }

    pub fn kriteria(&self) -> &[Kriteria] {
        &self.rubrik().kriteria
    }

    pub fn is_entry(&self, risalah: &str) -> bool {
        self.judging.competition.entry(risalah).is_some()
    }

    /// Whether the walk-through of `risalah` has a scoring panel: a judge is chosen and the report
    /// is an entry. Reading without a judge keeps the whole width for the report.
    pub fn has_panel(&self, risalah: &str) -> bool {
        self.juri.is_some() && self.is_entry(risalah)
    }

    pub fn bar(&self, risalah: &str) -> Option<Bar> {
        self.juri
            .as_deref()
            .and_then(|j| self.judging.bar(j, risalah))
    }

    pub fn sheet(&self, risalah: &str) -> Sheet {
        self.juri
            .as_deref()
            .map(|j| self.judging.sheet(j, &self.tahap, risalah))
            .unwrap_or_default()
    }

    pub fn status(&self, risalah: &str) -> Status {
        self.sheet(risalah).status(self.rubrik())
    }

    pub fn index(&self, risalah: &str) -> Option<f64> {
        self.sheet(risalah).index(self.rubrik())
    }

    pub fn rows(&self) -> Vec<PanelRow> {
        let mut rows = Vec::new();
        for (k, c) in self.kriteria().iter().enumerate() {
            rows.push(PanelRow::Criterion(k));
            rows.extend((0..c.panduan.len()).map(|i| PanelRow::Item(k, i)));
        }
        rows.push(PanelRow::Note);
        rows
    }

    pub fn current_row(&self) -> PanelRow {
        let rows = self.rows();
        rows.get(self.cursor.min(rows.len().saturating_sub(1)))
            .copied()
            .unwrap_or(PanelRow::Note)
    }

    /// The criterion the cursor is on (directly or through one of its items).
    pub fn current_criterion(&self) -> Option<usize> {
        match self.current_row() {
            PanelRow::Criterion(k) | PanelRow::Item(k, _) => Some(k),
            PanelRow::Note => None,
        }
    }

    pub fn move_cursor(&mut self, delta: i64) {
        let n = self.rows().len() as i64;
        self.cursor = (self.cursor as i64 + delta).clamp(0, (n - 1).max(0)) as usize;
    }

    /// Moves the cursor to the next (or previous) criterion's line.
    pub fn jump_criterion(&mut self, forward: bool) {
        let rows = self.rows();
        let here = self.cursor.min(rows.len().saturating_sub(1));
        let is_crit = |r: &PanelRow| matches!(r, PanelRow::Criterion(_));
        let found = if forward {
            rows.iter()
                .enumerate()
                .skip(here + 1)
                .find(|(_, r)| is_crit(r))
        } else {
            rows.iter()
                .enumerate()
                .take(here)
                .rev()
                .find(|(_, r)| is_crit(r))
        };
        if let Some((i, _)) = found {
            self.cursor = i;
        }
    }

    /// Puts ▶ on the first criterion `risalah` has no score for, if there is one.
    pub fn to_first_unscored(&mut self, risalah: &str) {
        let sheet = self.sheet(risalah);
        let Some(k) = self
            .kriteria()
            .iter()
            .position(|c| !sheet.skor.contains_key(&c.id))
        else {
            return;
        };
        if let Some(i) = self
            .rows()
            .iter()
            .position(|r| *r == PanelRow::Criterion(k))
        {
            self.cursor = i;
        }
    }

    /// Puts the cursor on the criterion of a step, as the judge walks the steps; false when the
    /// rubric ties no criterion to it (a gelar's).
    pub fn follow_step(&mut self, step: usize) -> bool {
        let wanted = self
            .kriteria()
            .iter()
            .position(|k| k.langkah == Some(step as i64));
        let row = wanted.and_then(|k| {
            self.rows()
                .iter()
                .position(|r| *r == PanelRow::Criterion(k))
        });
        if let Some(i) = row {
            self.cursor = i;
        }
        row.is_some()
    }

    /// Says `text` on entry `risalah`'s panel (or, with `None`, on the ranking screen).
    pub fn say(&mut self, risalah: Option<&str>, ok: bool, text: String) {
        self.message = Some((ok, text));
        self.said_on = risalah.map(str::to_string);
    }

    /// The message to show where `risalah` (or the ranking screen, with `None`) is in view.
    pub fn message_on(&self, risalah: Option<&str>) -> Option<&(bool, String)> {
        self.message
            .as_ref()
            .filter(|_| self.said_on.as_deref() == risalah)
    }

    pub(super) fn record(&mut self, risalah: &str, change: Change, lang: Lang) {
        let tahap = self.tahap.clone();
        self.record_in(&tahap, risalah, change, lang);
    }

    /// Records a change in stage `tahap` (a restored note's stage may not be the one in view).
    pub(super) fn record_in(&mut self, tahap: &str, risalah: &str, change: Change, lang: Lang) {
        self.said_on = Some(risalah.to_string());
        let Some(juri) = self.juri.clone() else {
            self.message = Some((
                false,
                lang.pick(
                    "pilih juri dulu (J) untuk menilai",
                    "choose a judge first (J) to score",
                )
                .into(),
            ));
            return;
        };
        let what = describe(&change, lang);
        let finals = self.stage_finals();
        let recorded = self.judging.record(&juri, tahap, risalah, change);
        if recorded.is_ok() {
            self.redo.clear();
        }
        self.refresh();
        // The judge whose change makes a stage final is told too, not only the others.
        self.news = self.opened_since(&finals, lang).or(self.news.take());
        self.message = Some(match recorded {
            Ok(r) => (
                true,
                format!("{} #{} · {what}", lang.pick("tersimpan", "saved"), r.urutan),
            ),
            Err(e) => (false, e.message(lang)),
        });
    }

    /// Sets the score of the criterion under the cursor.
    pub fn set_score(&mut self, risalah: &str, nilai: f64, lang: Lang) {
        let Some(k) = self.current_criterion() else {
            return;
        };
        let kriteria = self.kriteria()[k].id.clone();
        self.record(risalah, Change::Skor { kriteria, nilai }, lang);
    }

    /// Moves the score under the cursor by half a point (starting from the scale's bottom or top).
    pub fn nudge(&mut self, risalah: &str, up: bool, lang: Lang) {
        let Some(k) = self.current_criterion() else {
            return;
        };
        let rubrik = self.rubrik();
        let id = &self.kriteria()[k].id;
        let now = self.sheet(risalah).skor.get(id).copied();
        let next = match (now, up) {
            (Some(v), true) => v + 0.5,
            (Some(v), false) => v - 0.5,
            (None, true) => rubrik.min,
            (None, false) => rubrik.maks,
        };
        let next = next.clamp(rubrik.min, rubrik.maks);
        if now != Some(next) {
            self.set_score(risalah, next, lang);
        }
    }

    /// Cycles the tick of the guidance item under the cursor: ya → sebagian → tidak → ya.
    pub fn toggle_tick(&mut self, risalah: &str, lang: Lang) {
        let PanelRow::Item(k, butir) = self.current_row() else {
            return;
        };
        let kriteria = self.kriteria()[k].id.clone();
        let now = self
            .sheet(risalah)
            .centang
            .get(&(kriteria.clone(), butir))
            .copied();
        let nilai = match now {
            None | Some(Tick::Tidak) => Tick::Ya,
            Some(Tick::Ya) => Tick::Sebagian,
            Some(Tick::Sebagian) => Tick::Tidak,
        };
        self.record(
            risalah,
            Change::Centang {
                kriteria,
                butir,
                nilai,
            },
            lang,
        );
    }

    /// Takes back the last standing change to `risalah` — the one the screen shows — and says
    /// which line it withdrew. When the journal holds something newer than the screen showed (another
    /// window, `tulta score`), the screen is brought up to date and nothing is withdrawn.
    pub fn undo(&mut self, risalah: &str, lang: Lang) {
        let Some(juri) = self.juri.clone() else {
            return;
        };
        let tahap = self.tahap.clone();
        let undone = self.judging.undo(&juri, &tahap, risalah);
        self.refresh();
        let said = match undone {
            Ok(Undone::Withdrawn { change, tarik }) => {
                let text = format!(
                    "{} #{} · {} (#{})",
                    lang.pick("dibatalkan", "undone"),
                    change.urutan,
                    describe(&change.change, lang),
                    tarik.urutan,
                );
                self.redo.push((risalah.to_string(), tahap, change.change));
                (true, text)
            }
            Ok(Undone::Nothing) => (
                false,
                lang.pick(
                    "tidak ada perubahan pada risalah ini untuk dibatalkan",
                    "no change to this report to undo",
                )
                .into(),
            ),
            Ok(Undone::Changed { newest, .. }) => {
                // What the judge would have undone is not the journal's latest any more.
                self.redo.clear();
                let latest = newest.map_or_else(
                    || lang.pick("sudah ditarik", "already withdrawn").to_string(),
                    |r| format!("#{} {}", r.urutan, describe(&r.change, lang)),
                );
                (
                    false,
                    format!(
                        "{}: {latest} · {}",
                        lang.pick(
                            "jurnal berubah di tempat lain",
                            "the journal changed elsewhere"
                        ),
                        lang.pick(
                            "layar diperbarui, tidak ada yang dibatalkan",
                            "screen refreshed, nothing undone"
                        ),
                    ),
                )
            }
            Err(e) => (false, e.message(lang)),
        };
        self.say(Some(risalah), said.0, said.1);
    }

    /// Whether a change undone on `risalah` in this stage can be made again.
    pub fn can_redo(&self, risalah: &str) -> bool {
        self.redo
            .iter()
            .any(|(r, t, _)| r == risalah && *t == self.tahap)
    }

    /// Records again the latest change undone on `risalah` in this stage, as a new line.
    pub fn redo(&mut self, risalah: &str, lang: Lang) {
        let at = self
            .redo
            .iter()
            .rposition(|(r, t, _)| r == risalah && *t == self.tahap);
        let Some(at) = at else {
            let text = lang
                .pick(
                    "tidak ada perubahan yang dibatalkan pada risalah ini untuk diulang",
                    "no undone change to this report to redo",
                )
                .into();
            self.say(Some(risalah), false, text);
            return;
        };
        let (_, _, change) = self.redo.remove(at);
        // What is left to redo survives this change (`record` empties it for any other).
        let rest = std::mem::take(&mut self.redo);
        self.record(risalah, change, lang);
        self.redo = rest;
        if let Some((true, m)) = &mut self.message {
            *m = format!("{} · {m}", lang.pick("diulang", "redone"));
        }
    }

    /// Opens the judge picker on the judge in use (or on "read only" when there is none).
    pub fn open_picker(&mut self) {
        let judges = &self.judging.competition.lomba.juri;
        let at = self
            .juri
            .as_deref()
            .and_then(|j| judges.iter().position(|x| x.id == j))
            .unwrap_or(judges.len());
        self.picker = Some(at);
    }

    pub fn predikat(&self, index: f64) -> Option<String> {
        scoring::predikat(self.rubrik(), index).map(|p| format!("{} {}", p.kode, p.label))
    }
}

fn describe(change: &Change, lang: Lang) -> String {
    match change {
        Change::Skor { kriteria, nilai } => {
            format!(
                "{kriteria} = {}",
                tulta_core::text::decimal(*nilai, 1, lang)
            )
        }
        Change::Catatan { kriteria, .. } => format!(
            "{} {}",
            lang.pick("catatan", "note"),
            kriteria.as_deref().unwrap_or(lang.pick("umum", "general"))
        ),
        Change::Centang {
            kriteria,
            butir,
            nilai,
        } => format!(
            "{kriteria} {} {}: {}",
            lang.pick("butir", "item"),
            butir + 1,
            match nilai {
                Tick::Ya => lang.pick("ya", "yes"),
                Tick::Sebagian => lang.pick("sebagian", "partly"),
                Tick::Tidak => lang.pick("tidak", "no"),
            }
        ),
        Change::Tarik { urutan } => format!("{} #{urutan}", lang.pick("tarik", "withdraw")),
        Change::Aturan { lama, baru, .. } => {
            format!(
                "{} {lama} → {baru}",
                lang.pick("perubahan aturan", "rules amended")
            )
        }
    }
}

use super::action::Action;
use super::App;

impl App {
    /// The id of the entry in the walk-through, when a judge may score it here.
    pub(super) fn scoring_entry(&self) -> Option<String> {
        let id = self
            .walk
            .as_ref()?
            .opened
            .risalah
            .as_ref()?
            .id_str()
            .to_string();
        let j = self.judge.as_ref()?;
        (j.has_panel(&id) && j.bar(&id).is_none()).then_some(id)
    }

    /// Undo on the entry in view only; elsewhere there is nothing it may take back.
    pub(super) fn undo_here(&mut self) -> bool {
        let lang = self.lang;
        let Some(id) = self.scoring_entry() else {
            return false;
        };
        if let Some(j) = &mut self.judge {
            j.undo(&id, lang);
        }
        true
    }

    /// Redo on the entry in view only.
    pub(super) fn redo_here(&mut self) -> bool {
        let lang = self.lang;
        let Some(id) = self.scoring_entry() else {
            return false;
        };
        if let Some(j) = &mut self.judge {
            j.redo(&id, lang);
        }
        true
    }

    /// The judge picker: Enter scores as the judge chosen, `r` reads only, Esc keeps the judge.
    pub(super) fn picker_action(&mut self, action: Action) -> bool {
        let Some(j) = &mut self.judge else {
            return false;
        };
        let Some(sel) = j.picker else {
            return false;
        };
        let judges = j.judging.competition.lomba.juri.clone();
        let n = judges.len() + 1;
        match action {
            Action::Up => j.picker = Some(sel.saturating_sub(1)),
            Action::Down => j.picker = Some((sel + 1).min(n - 1)),
            Action::Open => {
                j.picker = None;
                j.juri = judges.get(sel).map(|x| x.id.clone());
                self.remember_judge();
            }
            Action::ReadOnly => {
                j.picker = None;
                j.juri = None;
            }
            Action::Back => j.picker = None,
            Action::Help => self.open_help(),
            _ => return false,
        }
        true
    }
}
