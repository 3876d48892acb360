//! Judging in the app: who is scoring, the scoring panel beside the walk-through (criteria, guidance
//! ticks, scores, notes), and the ranking and progress views. Every change goes straight to the
//! judge's journal through the judging API; nothing is held back unsaved except a note while it is
//! being typed.

use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::ranking::{Kategori, Ranking};
use tulta_core::judging::scoring::{self, Change, Sheet, Status, Tick};
use tulta_core::judging::{Bar, Judging};
use tulta_core::model::lomba::Agregasi;
use tulta_core::model::rubrik::Kriteria;

/// An entry, the span of its judges' indexes, and each judge's index.
pub type Disagreement = (String, f64, Vec<(String, f64)>);

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

/// A note being typed: kept out of the journal until the judge saves it, and kept on disk as a draft
/// meanwhile, so that a stop or a lost terminal never loses it (spec §10).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NoteEdit {
    pub risalah: String,
    pub kriteria: Option<String>,
    pub text: String,
    pub original: String,
}

impl NoteEdit {
    pub fn changed(&self) -> bool {
        self.text != self.original
    }
}

/// What to do once an unsaved note is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    CloseEditor,
    Quit,
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
    pub metode: Agregasi,
    pub kategori: Kategori,
    pub rank_selected: usize,
    /// An export path being typed on the ranking screen.
    pub export: Option<String>,
    /// The note text last kept as a draft on disk.
    draft_kept: Option<String>,
}

impl JudgeState {
    pub fn new(judging: Judging, juri: Option<String>) -> JudgeState {
        let metode = judging.competition.lomba.agregasi;
        let known = juri.filter(|j| judging.judge(j).is_some());
        let picker = (known.is_none() && !judging.competition.lomba.juri.is_empty()).then_some(0);
        JudgeState {
            judging,
            juri: known,
            picker,
            cursor: 0,
            note: None,
            prompt: None,
            message: None,
            metode,
            kategori: Kategori::Semua,
            rank_selected: 0,
            export: None,
            draft_kept: None,
        }
    }

    /// `<journal dir>/<juri>.draft.json`: the note being typed, if any.
    fn draft_path(&self) -> Option<std::path::PathBuf> {
        let juri = self.juri.as_deref()?;
        Some(self.judging.dir().join(format!("{juri}.draft.json")))
    }

    /// Opens the editor on a note left unsaved by a session that was stopped (SIGTERM, SIGHUP, a
    /// closed terminal): the judge saves it (Ctrl-S) or discards it.
    pub fn offer_draft(&mut self, lang: Lang) {
        let Some(path) = self.draft_path() else {
            return;
        };
        let Some(note) = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<NoteEdit>(&b).ok())
            .filter(|n| self.is_entry(&n.risalah))
        else {
            return;
        };
        self.draft_kept = Some(note.text.clone());
        self.note = Some(note);
        self.message = Some((
            true,
            lang.pick(
                "catatan yang belum tersimpan dari sesi sebelumnya dipulihkan: Ctrl-S menyimpan",
                "a note left unsaved by the last session is back: Ctrl-S saves it",
            )
            .into(),
        ));
    }

    /// Keeps the note being typed on disk (or removes the draft once the note is saved or
    /// discarded). Called after every batch of input, so what was typed is there at any stop.
    pub fn keep_draft(&mut self) {
        let Some(path) = self.draft_path() else {
            return;
        };
        match self.note.as_ref().filter(|n| n.changed()) {
            Some(n) if self.draft_kept.as_deref() != Some(n.text.as_str()) => {
                if let Ok(bytes) = serde_json::to_vec(n) {
                    if tulta_core::files::write_atomic(&path, &bytes).is_ok() {
                        self.draft_kept = Some(n.text.clone());
                    }
                }
            }
            Some(_) => {}
            None => {
                if self.draft_kept.take().is_some() {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
    }

    pub fn kriteria(&self) -> &[Kriteria] {
        &self.judging.competition.rubrik.kriteria
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
            .map(|j| self.judging.sheet(j, risalah))
            .unwrap_or_default()
    }

    pub fn status(&self, risalah: &str) -> Status {
        self.sheet(risalah).status(&self.judging.competition.rubrik)
    }

    pub fn index(&self, risalah: &str) -> Option<f64> {
        self.sheet(risalah).index(&self.judging.competition.rubrik)
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

    /// Puts the cursor on the criterion of a step, as the judge walks the steps.
    pub fn follow_step(&mut self, step: usize) {
        let wanted = self
            .kriteria()
            .iter()
            .position(|k| k.langkah == Some(step as i64));
        if let Some(k) = wanted {
            if let Some(i) = self
                .rows()
                .iter()
                .position(|r| *r == PanelRow::Criterion(k))
            {
                self.cursor = i;
            }
        }
    }

    fn record(&mut self, risalah: &str, change: Change, lang: Lang) {
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
        self.message = Some(match self.judging.record(&juri, risalah, change) {
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
        let rubrik = &self.judging.competition.rubrik;
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

    pub fn undo(&mut self, lang: Lang) {
        let Some(juri) = self.juri.clone() else {
            return;
        };
        self.message = Some(match self.judging.undo(&juri) {
            Ok(Some(r)) => (
                true,
                format!(
                    "{} #{} ({} {})",
                    lang.pick("dibatalkan, tersimpan", "undone, saved"),
                    r.urutan,
                    lang.pick("risalah", "entry"),
                    r.risalah
                ),
            ),
            Ok(None) => (
                false,
                lang.pick("tidak ada yang bisa dibatalkan", "nothing to undo")
                    .into(),
            ),
            Err(e) => (false, e.message(lang)),
        });
    }

    /// Starts editing the note of the criterion under the cursor (or of the whole entry).
    pub fn edit_note(&mut self, risalah: &str) {
        let kriteria = self
            .current_criterion()
            .map(|k| self.kriteria()[k].id.clone());
        let original = self
            .sheet(risalah)
            .catatan
            .get(&kriteria)
            .cloned()
            .unwrap_or_default();
        self.note = Some(NoteEdit {
            risalah: risalah.to_string(),
            kriteria,
            text: original.clone(),
            original,
        });
    }

    pub fn save_note(&mut self, lang: Lang) {
        if let Some(n) = self.note.take() {
            if n.changed() {
                self.record(
                    &n.risalah,
                    Change::Catatan {
                        kriteria: n.kriteria,
                        teks: n.text,
                    },
                    lang,
                );
            }
        }
        self.prompt = None;
    }

    pub fn discard_note(&mut self, lang: Lang) {
        if self.note.take().is_some_and(|n| n.changed()) {
            self.message = Some((true, lang.pick("catatan dibuang", "note discarded").into()));
        }
        self.prompt = None;
    }

    pub fn ranking(&self) -> Ranking {
        self.judging.ranking(self.metode, self.kategori)
    }

    pub fn cycle_metode(&mut self) {
        let i = Agregasi::NAMES
            .iter()
            .position(|n| *n == self.metode.as_str())
            .unwrap_or(0);
        let next = Agregasi::NAMES[(i + 1) % Agregasi::NAMES.len()];
        self.metode = Agregasi::parse(next).unwrap_or_default();
    }

    pub fn cycle_kategori(&mut self) {
        self.kategori = match self.kategori {
            Kategori::Semua => Kategori::Opd,
            Kategori::Opd => Kategori::Kelurahan,
            Kategori::Kelurahan => Kategori::Semua,
        };
        self.rank_selected = 0;
    }

    /// Writes the ranking to `path`, the format told by its extension.
    pub fn export(&self, path: &str, lang: Lang) -> Result<String, String> {
        let path = std::path::Path::new(path.trim());
        let ranking = self.ranking();
        let ctx = self.judging.export_context();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        let bytes = match ext.as_str() {
            "xlsx" => tulta_core::judging::export::xlsx(&ranking, &ctx, lang)
                .map_err(|e| e.to_string())?,
            "csv" => tulta_core::judging::export::csv(&ranking, &ctx, lang)
                .map_err(|e| e.to_string())?
                .into_bytes(),
            "md" => tulta_core::judging::export::markdown(&ranking, &ctx, lang).into_bytes(),
            _ => {
                return Err(lang
                    .pick(
                        "akhiri nama berkas dengan .xlsx, .csv atau .md",
                        "end the file name with .xlsx, .csv or .md",
                    )
                    .into())
            }
        };
        tulta_core::files::write_atomic(path, &bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path.display().to_string())
    }

    /// Entries where the judges' indexes lie furthest apart, widest first.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        let ranking = self.judging.ranking(self.metode, Kategori::Semua);
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
        out.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
        out
    }

    pub fn predikat(&self, index: f64) -> Option<String> {
        scoring::predikat(&self.judging.competition.rubrik, index)
            .map(|p| format!("{} {}", p.kode, p.label))
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
    }
}
