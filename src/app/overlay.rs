//! The overlays that are neither judging nor a screen: the help and a finding's source line.

use super::action::{Action, Binding, Context, Key};
use super::App;

impl App {
    pub(super) fn help_action(&mut self, action: Action) -> bool {
        let page = i32::from(self.areas.help_page.max(1));
        match action {
            Action::Up => self.scroll_help(-1),
            Action::Down => self.scroll_help(1),
            Action::PageUp => self.scroll_help(-page),
            Action::PageDown => self.scroll_help(page),
            Action::Top => self.help_scroll = 0,
            Action::Bottom => self.help_scroll = self.areas.help_max,
            Action::Back | Action::Help => self.help = false,
            _ => return false,
        }
        true
    }

    pub(super) fn source_action(&mut self, action: Action) -> bool {
        let Some(src) = &mut self.source else {
            return false;
        };
        match action {
            Action::Up => src.scroll = src.scroll.saturating_sub(1),
            Action::Down => src.scroll = src.scroll.saturating_add(1),
            Action::PageUp => src.scroll = src.scroll.saturating_sub(10),
            Action::PageDown => src.scroll = src.scroll.saturating_add(10),
            Action::Back => self.source = None,
            Action::Help => self.open_help(),
            _ => return false,
        }
        true
    }

    /// Keys that are the same on every screen: quit, help, the screens, the judge.
    pub(super) fn global_action(&mut self, action: Action) -> bool {
        use super::Screen;
        match action {
            Action::Quit => self.request_quit(),
            Action::Help if self.help => self.help = false,
            Action::Help => self.open_help(),
            Action::ToOverview => self.go(Screen::Overview),
            Action::ToSearch => self.go(Screen::Search),
            Action::ToDraft => self.draft_key(),
            Action::ToRanking => self.show_judging(Screen::Ranking),
            Action::ToProgress => self.show_judging(Screen::Progress),
            Action::ChooseJudge => match &mut self.judge {
                Some(j) => j.open_picker(),
                None => return false,
            },
            Action::ChooseStage => match &mut self.judge {
                Some(j) if j.staged() => j.open_stage_picker(),
                _ => return false,
            },
            _ => return false,
        }
        true
    }

    /// Whether `action` can do anything here: help lists only those, and the handlers take
    /// only those.
    pub fn applies(&self, ctx: Context, action: Action) -> bool {
        match (ctx, action) {
            (_, Action::ChooseJudge) => self.judge.is_some(),
            (_, Action::Archive) => self.overview.beside(&self.library) > 0,
            (_, Action::ChooseStage | Action::StageView) => {
                self.judge.as_ref().is_some_and(|j| j.staged())
            }
            (_, Action::Timer | Action::TimerRestart) => self
                .judge
                .as_ref()
                .is_some_and(|j| j.stage().and_then(|s| s.menit()).is_some()),
            // A panel that refuses scores (not this stage's judge, an entry that has not reached
            // the stage) takes none of its scoring keys, and neither help nor the bar offers them.
            (
                Context::Panel,
                Action::Score(_)
                | Action::Raise
                | Action::Lower
                | Action::Point
                | Action::Tick
                | Action::Note,
            ) => self.scoring_entry().is_some_and(|id| {
                self.judge
                    .as_ref()
                    .is_some_and(|j| j.judges_stage() && j.blocked(&id).is_none())
            }),
            (Context::Walk, Action::Undo) => self.scoring_entry().is_some(),
            (Context::Walk, Action::Redo) => {
                let here = self.scoring_entry();
                here.is_some_and(|id| self.judge.as_ref().is_some_and(|j| j.can_redo(&id)))
            }
            (Context::Walk, Action::NextUnfinished) => {
                self.judge.as_ref().is_some_and(|j| j.juri.is_some())
                    && self.walk.as_ref().is_some_and(|w| w.row.is_some())
            }
            _ => true,
        }
    }
}

/// One line of help: the keys and what they do.
pub type HelpLine = (String, String);

impl Context {
    /// The heading of this context's keys in the help.
    pub fn title(self, lang: tulta_core::i18n::Lang) -> &'static str {
        use Context as C;
        let (id, en) = match self {
            C::Always | C::Screens | C::Global => ("Di mana saja", "Anywhere"),
            C::Overview => ("Ikhtisar", "Overview"),
            C::OverviewFilter => ("Saringan ikhtisar", "Overview filter"),
            C::Walk => ("Langkah demi langkah", "Step by step"),
            C::WalkSteps => ("Panel langkah", "Steps pane"),
            C::WalkContent => ("Panel isi", "Content pane"),
            C::Panel => ("Panel nilai", "Scoring panel"),
            C::Search => ("Cari arsip", "Search the archive"),
            C::SearchQuery => ("Kueri", "Query"),
            C::SearchFilter => ("Saringan", "Filter"),
            C::SearchResults => ("Hasil", "Results"),
            C::Draft => ("Pantau draf", "Draft watch"),
            C::Ranking => ("Peringkat", "Ranking"),
            C::ExportPath => ("Ekspor", "Export"),
            C::Progress => ("Kemajuan juri", "Judges' progress"),
            C::Source => ("Baris sumber", "Source line"),
            C::HelpOverlay => ("Bantuan", "Help"),
            C::Picker => ("Pilih juri", "Choose the judge"),
            C::StagePicker => ("Pilih tahap", "Choose the stage"),
            C::Compare => ("Perbandingan juri", "Judges compared"),
            C::NoteEditor => ("Catatan", "Note"),
            C::Prompt => ("Catatan belum disimpan", "Unsaved note"),
        };
        lang.pick(id, en)
    }
}

impl App {
    /// The help of what is in view (under the help overlay), generated from the keymap: a
    /// section per context, innermost first, the keys that work anywhere last.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<HelpLine>)> {
        let lang = self.lang;
        let mut out: Vec<(&'static str, Vec<HelpLine>)> = Vec::new();
        let stack = self.contexts_beneath();
        let live = self.live_bindings(&stack);
        for ctx in stack {
            let mut lines: Vec<HelpLine> = live
                .iter()
                .filter(|(c, _, _)| *c == ctx)
                .map(|(_, keys, b)| {
                    (
                        keys_label(keys, b.action, lang),
                        lang.pick(b.help.0, b.help.1).to_string(),
                    )
                })
                .collect();
            if ctx == Context::Overview && self.mouse {
                lines.push((
                    lang.pick("klik / gulir", "click / scroll").to_string(),
                    lang.pick(
                        "pilih; klik lagi untuk membuka",
                        "select; click again to open",
                    )
                    .to_string(),
                ));
            }
            if ctx.typing() {
                lines.push((
                    lang.pick("ketik / tempel", "type / paste").to_string(),
                    lang.pick(
                        "di kursor; ← → Home End, Ctrl-← → per kata, Backspace Del, Ctrl-W hapus kata",
                        "at the cursor; ← → Home End, Ctrl-← → by word, Backspace Del, Ctrl-W deletes a word",
                    )
                    .to_string(),
                ));
                if ctx == Context::NoteEditor {
                    lines.push((
                        "Enter ↑ ↓".to_string(),
                        lang.pick(
                            "baris baru; pindah baris (Ctrl-Z urung ketikan)",
                            "new line; move between lines (Ctrl-Z undoes typing)",
                        )
                        .to_string(),
                    ));
                }
            }
            let title = ctx.title(lang);
            match out.iter_mut().find(|(t, _)| *t == title) {
                Some((_, l)) => l.extend(lines),
                None => out.push((title, lines)),
            }
        }
        out.retain(|(_, l)| !l.is_empty());
        out
    }

    /// The bindings that a key reaches in `stack`, each with the keys of it that an inner
    /// context does not take first (a digit in the scoring panel is a score, not a step).
    pub fn live_bindings(&self, stack: &[Context]) -> Vec<(Context, Vec<Key>, &Binding)> {
        let mut taken: Vec<Key> = Vec::new();
        let mut out = Vec::new();
        for &ctx in stack {
            for b in self.keymap.of(ctx) {
                if !self.applies(ctx, b.action) {
                    continue;
                }
                let keys: Vec<Key> = b
                    .keys
                    .iter()
                    .filter(|k| !taken.contains(k))
                    .copied()
                    .collect();
                taken.extend(keys.iter().copied());
                if !keys.is_empty() {
                    out.push((ctx, keys, b));
                }
            }
        }
        out
    }

    /// The main keys of what is in view, for the bottom bar: (key, short text).
    pub fn bar_keys(&self) -> Vec<(String, &'static str)> {
        self.bar_keys_of(&self.contexts())
    }

    /// The main keys of the contexts in `stack`.
    pub fn bar_keys_of(&self, stack: &[Context]) -> Vec<(String, &'static str)> {
        let lang = self.lang;
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for (_, keys, b) in self.live_bindings(stack) {
            let Some(short) = b.bar else { continue };
            let Some(first) = keys.first() else { continue };
            let key = match b.action {
                Action::Step(_) | Action::Score(_) => keys_label(&keys, b.action, lang),
                // The pair reads as one: ↑↓.
                Action::Up if first.code == crossterm::event::KeyCode::Up => "↑↓".to_string(),
                _ => first.label(lang),
            };
            let text = lang.pick(short.0, short.1);
            // `?` and F1 both say "help": the bar names it once.
            if !out.iter().any(|(_, seen)| *seen == text) {
                out.push((key, text));
            }
        }
        out
    }
}

/// The keys of a binding as help names them: a run of digits as a range.
pub fn keys_label(keys: &[Key], action: Action, lang: tulta_core::i18n::Lang) -> String {
    if matches!(action, Action::Step(_) | Action::Score(_)) {
        if let (Some(a), Some(b)) = (keys.first(), keys.last()) {
            return format!("{}–{}", a.label(lang), b.label(lang));
        }
    }
    keys.iter()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join(" ")
}
