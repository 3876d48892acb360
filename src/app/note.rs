//! Notes in the app: the note editor, its Simpan/Buang/Batal question, and the draft kept on disk
//! while a note is typed, so that a stop or a lost terminal never loses it (spec §10).

use super::action::Action;
use super::judge::JudgeState;
use super::App;
use tulta_core::files::read;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::scoring::Change;

/// A note being typed, as kept on disk (`<juri>.draft.json`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NoteDraft {
    pub risalah: String,
    /// The stage the note belongs to; a draft kept before stages were named has none, and is
    /// read as the first scored stage's, as a journal line without `tahap` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahap: Option<String>,
    pub kriteria: Option<String>,
    pub text: String,
    pub original: String,
}

/// A note being typed: kept out of the journal until the judge saves it, and kept on disk as a draft
/// ([`NoteDraft`]) meanwhile, so that a stop or a lost terminal never loses it (spec §10).
#[derive(Clone, Debug)]
pub struct NoteEdit {
    pub risalah: String,
    /// The stage the note is saved in, whatever stage is in view when it is saved.
    pub tahap: String,
    pub kriteria: Option<String>,
    /// The text being written: a multi-line editor with a cursor, word moves and undo.
    pub editor: ratatui_textarea::TextArea<'static>,
    pub original: String,
    /// Why the note cannot be saved where it belongs (shown in the editor; the draft is kept).
    pub problem: Option<String>,
}

impl NoteEdit {
    pub fn new(risalah: &str, tahap: &str, kriteria: Option<String>, original: String) -> NoteEdit {
        let mut editor =
            ratatui_textarea::TextArea::new(original.split('\n').map(str::to_string).collect());
        // Writing goes on where the note ends.
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEdit {
            risalah: risalah.to_string(),
            tahap: tahap.to_string(),
            kriteria,
            editor,
            original,
            problem: None,
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// What is kept on disk while the note is typed.
    pub fn draft(&self) -> NoteDraft {
        NoteDraft {
            risalah: self.risalah.clone(),
            tahap: Some(self.tahap.clone()),
            kriteria: self.kriteria.clone(),
            text: self.text(),
            original: self.original.clone(),
        }
    }

    /// A kept draft back in the editor, the cursor at its end.
    pub fn from_draft(d: NoteDraft, first_scored: &str) -> NoteEdit {
        let tahap = d.tahap.as_deref().unwrap_or(first_scored);
        let mut note = NoteEdit::new(&d.risalah, tahap, d.kriteria, d.original);
        note.editor =
            ratatui_textarea::TextArea::new(d.text.split('\n').map(str::to_string).collect());
        note.editor
            .move_cursor(ratatui_textarea::CursorMove::Bottom);
        note.editor.move_cursor(ratatui_textarea::CursorMove::End);
        note
    }

    pub fn changed(&self) -> bool {
        self.text() != self.original
    }
}

/// What to do once an unsaved note is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    CloseEditor,
    Quit,
}

impl JudgeState {
    /// `<journal dir>/<juri>.draft.json`: the note being typed, if any.
    pub(super) fn draft_path(&self) -> Option<std::path::PathBuf> {
        let juri = self.juri.as_deref()?;
        Some(self.judging.dir().join(format!("{juri}.draft.json")))
    }

    /// Opens the editor on a note left unsaved by a session that was stopped (SIGTERM, SIGHUP, a
    /// closed terminal), naming its entry, stage and criterion: the judge saves it there (Ctrl-S)
    /// or discards it. A draft that can no longer be saved where it belongs is still shown, with
    /// the reason, and stays on disk.
    pub fn offer_draft(&mut self, lang: Lang) {
        let Some(path) = self.draft_path() else {
            return;
        };
        let Ok(bytes) = read::read(&path, read::Kind::Draft, read::Links::Refuse) else {
            return;
        };
        let first = self.judging.competition.first_scored().to_string();
        let Some(mut note) = serde_json::from_slice::<NoteDraft>(&bytes)
            .ok()
            .map(|d| NoteEdit::from_draft(d, &first))
        else {
            self.say(
                None,
                false,
                format!(
                    "{} {}",
                    lang.pick(
                        "draf catatan tidak terbaca, dibiarkan di",
                        "a note draft could not be read; left at"
                    ),
                    path.display()
                ),
            );
            return;
        };
        note.problem = self.where_note_fails(&note, lang);
        self.draft_kept = Some(note.text());
        let risalah = note.risalah.clone();
        let text = match &note.problem {
            None => lang
                .pick(
                    "catatan yang belum tersimpan dari sesi sebelumnya dipulihkan: Ctrl-S menyimpan",
                    "a note left unsaved by the last session is back: Ctrl-S saves it",
                )
                .to_string(),
            Some(p) => p.clone(),
        };
        let ok = note.problem.is_none();
        self.note = Some(note);
        self.say(Some(&risalah), ok, text);
    }

    /// Why a note cannot be saved where it belongs, if it cannot: the entry, the stage, the
    /// criterion or the judge's place in the stage is gone.
    fn where_note_fails(&self, note: &NoteEdit, lang: Lang) -> Option<String> {
        let juri = self.juri.as_deref()?;
        let change = Change::Catatan {
            kriteria: note.kriteria.clone(),
            teks: note.text(),
        };
        let why = self
            .judging
            .competition
            .validate(juri, &note.tahap, &note.risalah, &change)
            .err()?;
        Some(format!(
            "{}: {} — {}",
            lang.pick("catatan tidak dapat disimpan", "the note cannot be saved"),
            why.message(lang),
            lang.pick("draf tetap disimpan", "the draft is kept"),
        ))
    }

    /// Keeps the note being typed on disk (or removes the draft once the note is saved or
    /// discarded). Called after every batch of input, so what was typed is there at any stop.
    pub fn keep_draft(&mut self) {
        let Some(path) = self.draft_path() else {
            return;
        };
        match self.note.as_ref().filter(|n| n.changed()) {
            Some(n) if self.draft_kept.as_deref() != Some(n.text().as_str()) => {
                if let Ok(bytes) = serde_json::to_vec(&n.draft()) {
                    if tulta_core::files::write_atomic(&path, &bytes).is_ok() {
                        self.draft_kept = Some(n.text());
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
        self.note = Some(NoteEdit::new(risalah, &self.tahap, kriteria, original));
    }

    /// Saves the note being edited in its own entry, stage and criterion. When that is refused
    /// the editor stays open with the reason, and the draft stays on disk.
    pub fn save_note(&mut self, lang: Lang) {
        self.prompt = None;
        let Some(mut n) = self.note.take() else {
            return;
        };
        if !n.changed() {
            return;
        }
        let change = Change::Catatan {
            kriteria: n.kriteria.clone(),
            teks: n.text(),
        };
        let tahap = n.tahap.clone();
        self.record_in(&tahap, &n.risalah, change, lang);
        if let Some((false, why)) = &self.message {
            n.problem = Some(format!(
                "{} — {}",
                why,
                lang.pick("draf tetap disimpan", "the draft is kept")
            ));
            self.note = Some(n);
        }
    }

    pub fn discard_note(&mut self, lang: Lang) {
        if let Some(n) = self.note.take().filter(NoteEdit::changed) {
            self.say(
                Some(&n.risalah),
                true,
                lang.pick("catatan dibuang", "note discarded").into(),
            );
        }
        self.prompt = None;
    }
}

impl App {
    /// The note editor's own actions; the text itself is typed through `type_note`.
    pub(super) fn note_action(&mut self, action: Action) -> bool {
        let lang = self.lang;
        let Some(j) = &mut self.judge else {
            return false;
        };
        let Some(note) = &mut j.note else {
            return false;
        };
        match action {
            Action::Save => {
                j.save_note(lang);
                self.say_saved_elsewhere();
            }
            Action::Back => {
                if note.changed() {
                    j.prompt = Some(Then::CloseEditor);
                } else {
                    j.note = None;
                }
            }
            Action::ClearText => note.editor = ratatui_textarea::TextArea::default(),
            _ => return false,
        }
        true
    }

    /// A note saved on an entry that is not in view (a restored draft) is said in the status
    /// line, naming the entry, since the entry's panel is not there to say it.
    fn say_saved_elsewhere(&mut self) {
        let in_view = self.scoring_entry();
        let Some(j) = &self.judge else { return };
        if j.note.is_some() {
            return;
        }
        if let (Some((true, m)), Some(r)) = (&j.message, &j.said_on) {
            if in_view.as_deref() != Some(r.as_str()) {
                self.status = Some(format!("{r}: {m}"));
            }
        }
    }

    /// Simpan / Buang / Batal for an unsaved note.
    pub(super) fn prompt_action(&mut self, action: Action) -> bool {
        let lang = self.lang;
        let Some(j) = &mut self.judge else {
            return false;
        };
        let Some(then) = j.prompt else {
            return false;
        };
        match action {
            Action::Save => j.save_note(lang),
            Action::Discard => j.discard_note(lang),
            Action::Back => {
                j.prompt = None;
                return true;
            }
            Action::Help => {
                self.open_help();
                return true;
            }
            _ => return false,
        }
        // A note that could not be saved keeps the app open on it.
        let kept = j.note.is_some();
        if action == Action::Save {
            self.say_saved_elsewhere();
        }
        if then == Then::Quit && !kept {
            self.quit = true;
        }
        true
    }
}
