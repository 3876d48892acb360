//! Notes in the app: the note editor, its Simpan/Buang/Batal question, and the draft kept on disk
//! while a note is typed, so that a stop or a lost terminal never loses it (spec §10).

use super::action::Action;
use super::judge::JudgeState;
use super::App;
use tulta_core::files::read;
use tulta_core::i18n::Lang;
use tulta_core::judging::scoring::Change;

/// A note being typed, as kept on disk (`<juri>.draft.json`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NoteDraft {
    pub risalah: String,
    pub kriteria: Option<String>,
    pub text: String,
    pub original: String,
}

/// A note being typed: kept out of the journal until the judge saves it, and kept on disk as a draft
/// ([`NoteDraft`]) meanwhile, so that a stop or a lost terminal never loses it (spec §10).
#[derive(Clone, Debug)]
pub struct NoteEdit {
    pub risalah: String,
    pub kriteria: Option<String>,
    /// The text being written: a multi-line editor with a cursor, word moves and undo.
    pub editor: ratatui_textarea::TextArea<'static>,
    pub original: String,
}

impl NoteEdit {
    pub fn new(risalah: &str, kriteria: Option<String>, original: String) -> NoteEdit {
        let mut editor =
            ratatui_textarea::TextArea::new(original.split('\n').map(str::to_string).collect());
        // Writing goes on where the note ends.
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEdit {
            risalah: risalah.to_string(),
            kriteria,
            editor,
            original,
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// What is kept on disk while the note is typed.
    pub fn draft(&self) -> NoteDraft {
        NoteDraft {
            risalah: self.risalah.clone(),
            kriteria: self.kriteria.clone(),
            text: self.text(),
            original: self.original.clone(),
        }
    }

    /// A kept draft back in the editor, the cursor at its end.
    pub fn from_draft(d: NoteDraft) -> NoteEdit {
        let mut note = NoteEdit::new(&d.risalah, d.kriteria, d.original);
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
    /// closed terminal): the judge saves it (Ctrl-S) or discards it.
    pub fn offer_draft(&mut self, lang: Lang) {
        let Some(path) = self.draft_path() else {
            return;
        };
        let Some(note) = read::read(&path, read::Kind::Draft, read::Links::Refuse)
            .ok()
            .and_then(|b| serde_json::from_slice::<NoteDraft>(&b).ok())
            .filter(|n| self.is_entry(&n.risalah))
            .map(NoteEdit::from_draft)
        else {
            return;
        };
        self.draft_kept = Some(note.text());
        let risalah = note.risalah.clone();
        self.note = Some(note);
        self.say(
            Some(&risalah),
            true,
            lang.pick(
                "catatan yang belum tersimpan dari sesi sebelumnya dipulihkan: Ctrl-S menyimpan",
                "a note left unsaved by the last session is back: Ctrl-S saves it",
            )
            .into(),
        );
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
        self.note = Some(NoteEdit::new(risalah, kriteria, original));
    }

    pub fn save_note(&mut self, lang: Lang) {
        if let Some(n) = self.note.take() {
            if n.changed() {
                let teks = n.text();
                self.record(
                    &n.risalah,
                    Change::Catatan {
                        kriteria: n.kriteria,
                        teks,
                    },
                    lang,
                );
            }
        }
        self.prompt = None;
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
            Action::Save => j.save_note(lang),
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
        if then == Then::Quit {
            self.quit = true;
        }
        true
    }
}
