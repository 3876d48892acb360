//! The app's state and how it changes: keys, mouse, and what background work reports. Nothing here
//! draws; `ui` renders this state, and `tui` runs the terminal. This file routes: the state, the
//! screens' history, which contexts read a key, and typing into text fields; each screen's own
//! actions live in its file (overview, walk, search, judge, note, ranking, progress, stages, mouse).

pub mod action;
mod cache;
pub mod draft;
pub mod judge;
pub mod library;
mod mouse;
mod note;
pub mod opener;
mod overlay;
pub mod overview;
mod panel;
pub mod progress;
mod ranking;
pub mod search;
mod stages;
pub mod walk;
pub mod watch;

use action::{Action, Context, Key, Keymap};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use draft::Draft;
use library::{Library, Opened, Origin};
use overview::Overview;
use ratatui::layout::{Position, Rect};
use search::{Filter, Focus, SearchState};
use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Instant;
use tulta_core::files::sources::Root;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::model::tools::ToolKind;
use walk::{Pane, Walk};

/// What background work reports to the app.
pub enum Bg {
    /// More rows, read while the rest are.
    Rows(library::Batch),
    /// Every file is read (or the folder could not be).
    Loaded(Result<library::Summary, String>),
    /// The competition in the folder, found after the first frame (`None`: there is none), and
    /// what opening it has to tell.
    Judge(Box<Option<judge::JudgeState>>, Vec<String>),
    Search(search::Reply),
    FileChanged,
    /// A journal or a file of the competition changed on disk.
    JudgingChanged(watch::Changed),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Overview,
    Walk,
    Search,
    Draft,
    Ranking,
    Progress,
}

/// A file's text around one line: where a finding's "jump to its line" lands.
#[derive(Clone, Debug)]
pub struct SourceView {
    pub name: String,
    pub text: String,
    pub line: usize,
    pub scroll: u16,
}

/// Where things were drawn last, so a click can be matched to what is under it.
#[derive(Clone, Debug, Default)]
pub struct Areas {
    pub list: Rect,
    /// Index of the first row shown in `list`.
    pub list_offset: usize,
    pub steps: Rect,
    /// (area, tab index) of each tab title.
    pub tabs: Vec<(Rect, usize)>,
    pub content: Rect,
    /// How far the help overlay can scroll, and how many lines it shows at once.
    pub help_max: u16,
    pub help_page: u16,
}

pub struct Options {
    pub lang: Lang,
    pub theme: crate::theme::Theme,
    pub mouse: bool,
    /// What "search" searches, if anything.
    pub root: Option<Root>,
    pub keymap: Keymap,
    /// Where the chosen judge is remembered (the config folder); `None` remembers nothing, as
    /// tests and benchmarks want: they must never write the user's own config.
    pub config_dir: Option<std::path::PathBuf>,
}

/// What a key did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A handler took the action the key is bound to in this context.
    Done(Context, Action),
    /// A text field took the key.
    Typed(Context),
    /// Nothing in view binds the key (an overlay swallows it; elsewhere it is simply ignored).
    Ignored,
}

pub struct App {
    pub lang: Lang,
    pub theme: crate::theme::Theme,
    pub mouse: bool,
    pub root: Option<Root>,
    pub keymap: Keymap,
    config_dir: Option<std::path::PathBuf>,
    pub library: Library,
    /// Progress of reading the reports, until they are all read.
    pub loading: Option<(usize, usize)>,
    pub load_error: Option<String>,
    pub screen: Screen,
    history: Vec<Screen>,
    pub overview: Overview,
    pub walk: Option<Walk>,
    pub search: SearchState,
    pub draft: Option<Draft>,
    /// Scoring, when the folder holds a competition.
    pub judge: Option<judge::JudgeState>,
    pub source: Option<SourceView>,
    pub help: bool,
    /// First line of the help overlay in view; it scrolls when the terminal is short.
    pub help_scroll: u16,
    /// One line for the user: what just happened, or went wrong.
    pub status: Option<String>,
    pub quit: bool,
    pub areas: Areas,
    /// A draft to watch once background work can report (set before the terminal starts).
    pub pending_draft: Option<std::path::PathBuf>,
    bg: Option<Sender<Bg>>,
    last_click: Option<(Instant, Position)>,
    /// What opens an evidence file: the system's opener, or a recorder in tests.
    pub opener: Box<dyn opener::Opener>,
    /// The journals and the competition's files, watched while the app runs.
    judging_watch: Option<watch::JudgingWatch>,
    /// When the overview, sorted other than by file while rows arrive, is next sorted again.
    overview_due: Option<Instant>,
}

/// How often the overview is sorted again while rows arrive in another order than its own.
const RESORT_WHILE_READING: std::time::Duration = std::time::Duration::from_millis(300);

fn filters(library: &Library) -> Vec<Filter> {
    let mut tahun: Vec<i64> = library.rows.iter().filter_map(|r| r.tahun).collect();
    tahun.sort_unstable_by(|a, b| b.cmp(a));
    tahun.dedup();
    let distinct = |f: fn(&library::Row) -> &str| {
        let mut v: Vec<String> = library
            .rows
            .iter()
            .map(f)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    vec![
        Filter {
            field: "tahun",
            label: ("Tahun", "Year"),
            values: tahun.iter().map(i64::to_string).collect(),
            chosen: None,
        },
        Filter {
            field: "daerah",
            label: ("Daerah", "Region"),
            values: distinct(|r| &r.daerah),
            chosen: None,
        },
        Filter {
            field: "opd",
            label: ("OPD", "OPD"),
            values: distinct(|r| &r.opd),
            chosen: None,
        },
        Filter {
            field: "jenis",
            label: ("Jenis", "Kind"),
            values: vec!["opd".into(), "kelurahan".into()],
            chosen: None,
        },
        Filter {
            field: "alat",
            label: ("Alat", "Tool"),
            values: ToolKind::ALL.iter().map(|k| k.id().to_string()).collect(),
            chosen: None,
        },
    ]
}

impl App {
    pub fn new(options: Options, library: Library) -> App {
        let mut app = App {
            lang: options.lang,
            theme: options.theme,
            mouse: options.mouse,
            root: options.root,
            keymap: options.keymap,
            config_dir: options.config_dir,
            search: SearchState::new(filters(&library)),
            library,
            loading: None,
            load_error: None,
            screen: Screen::Overview,
            history: Vec::new(),
            overview: Overview::default(),
            walk: None,
            draft: None,
            judge: None,
            source: None,
            help: false,
            help_scroll: 0,
            status: None,
            quit: false,
            areas: Areas::default(),
            pending_draft: None,
            bg: None,
            last_click: None,
            opener: Box::new(opener::System),
            judging_watch: None,
            overview_due: None,
        };
        app.overview.refresh(&app.library);
        app
    }

    /// Background work (search worker, file watching) reports through this.
    pub fn connect(&mut self, bg: Sender<Bg>) {
        self.bg = Some(bg);
        self.watch_judging();
        if let Some(path) = self.pending_draft.take() {
            self.open_draft(&path);
            // Esc from the draft leads to the overview of this one file, not out of the app.
            self.history.clear();
        }
        // Index in the background from the start (once the rows are read, when they are being),
        // so search is ready when it is wanted.
        if self.root.is_some() && self.loading.is_none() {
            self.start_search();
        }
    }

    pub fn t<'a>(&self, id: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(id, en)
    }

    fn go(&mut self, screen: Screen) {
        if self.screen != screen {
            self.history.push(self.screen);
            self.screen = screen;
        }
        if screen == Screen::Search {
            self.start_search();
        }
        if screen == Screen::Overview {
            self.resort_overview();
        }
    }

    fn back(&mut self) {
        match self.history.pop() {
            Some(s) => self.screen = s,
            None if self.screen != Screen::Overview => self.screen = Screen::Overview,
            None => {}
        }
        if self.screen == Screen::Overview {
            self.resort_overview();
        }
    }

    fn start_search(&mut self) {
        if self.search.started() {
            return;
        }
        match (&self.root, &self.bg) {
            (Some(root), Some(bg)) => self.search.start(root.clone(), bg.clone()),
            _ => {
                self.search.index = search::IndexState::Failed(
                    self.t(
                        "tidak ada arsip untuk dicari (hanya satu berkas dibuka)",
                        "no archive to search (only one file is open)",
                    )
                    .to_string(),
                )
            }
        }
    }

    /// The folder `file` was found under (a file given on its own: its folder), where its
    /// evidence files must lie; `None` for the built-in sample or a file from elsewhere.
    pub fn reports_root(&self, file: &Path) -> Option<std::path::PathBuf> {
        let Some(Root::Disk(root)) = &self.root else {
            return None;
        };
        tulta_core::check::root_of(&file.display().to_string(), std::slice::from_ref(root))
    }

    /// Opens library row `row` at `step`.
    pub fn open_row(&mut self, row: usize, step: usize) {
        let Some(r) = self.library.rows.get(row) else {
            return;
        };
        match Opened::read(&r.name, &r.origin) {
            Ok(opened) => {
                let opened = opened.with_cross_file(&r.cross_file);
                let mut walk = Walk::new(opened, Some(row), step);
                walk.gelar = self.in_gelar(&r.id);
                self.walk = Some(walk);
                if let Some(j) = &mut self.judge {
                    // A new entry on screen: the panel starts on the criterion of the step shown
                    // (in a rubric without steps, on the first one not scored yet), and news
                    // about the last entry stays with it.
                    if !j.follow_step(step) {
                        j.to_first_unscored(&r.id);
                    }
                    j.message = None;
                }
                self.overview.reveal(&self.library, row);
                self.go(Screen::Walk);
            }
            Err(e) => self.status = Some(e.message(self.lang)),
        }
    }

    /// Whether `risalah` is walked in a gelar: a judge scores it (not barred) in a stage with
    /// `menit` that it has reached.
    fn in_gelar(&self, risalah: &str) -> bool {
        self.judge.as_ref().is_some_and(|j| {
            j.has_panel(risalah)
                && j.bar(risalah).is_none()
                && j.blocked(risalah).is_none()
                && j.stage().and_then(|s| s.menit()).is_some()
        })
    }

    /// Opens a search hit at the step that matched.
    /// The contexts that read keys now, innermost first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help {
            return vec![Context::HelpOverlay, Context::Always];
        }
        self.contexts_beneath()
    }

    /// The contexts under the help overlay: what the help describes.
    pub fn contexts_beneath(&self) -> Vec<Context> {
        use Context as C;
        if let Some(j) = &self.judge {
            if j.prompt.is_some() {
                return vec![C::Prompt, C::Always];
            }
            if j.note.is_some() {
                return vec![C::NoteEditor, C::Always];
            }
            if j.picker.is_some() {
                return vec![C::Picker, C::Always];
            }
            if j.stage_picker.is_some() {
                return vec![C::StagePicker, C::Always];
            }
            if j.compare.is_some() {
                return vec![C::Compare, C::Always];
            }
        }
        if self.source.is_some() {
            return vec![C::Source, C::Always];
        }
        let mut v = match self.screen {
            Screen::Overview if self.overview.editing => vec![C::OverviewFilter],
            Screen::Overview => vec![C::Overview],
            Screen::Walk => {
                let pane = self.walk.as_ref().map_or(Pane::Steps, |w| w.pane);
                let inner = match pane {
                    Pane::Steps => C::WalkSteps,
                    Pane::Content => C::WalkContent,
                    Pane::Panel => C::Panel,
                };
                vec![inner, C::Walk]
            }
            Screen::Search => vec![
                match self.search.focus {
                    Focus::Query => C::SearchQuery,
                    Focus::Filter(_) => C::SearchFilter,
                    Focus::Results => C::SearchResults,
                },
                C::Search,
            ],
            Screen::Draft => vec![C::Draft],
            Screen::Ranking if self.judge.as_ref().is_some_and(|j| j.export.is_some()) => {
                vec![C::ExportPath]
            }
            Screen::Ranking => vec![C::Ranking],
            Screen::Progress => vec![C::Progress],
        };
        if !v.iter().any(|c| c.typing()) {
            v.push(C::Global);
        }
        v.push(C::Screens);
        v.push(C::Always);
        v
    }

    /// Routes a key: the contexts in view are asked from the innermost out, and the first whose
    /// keymap binds the key and whose handler takes the action has it. Overlays end the walk.
    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        self.dispatch(key, now);
    }

    /// `on_key`, saying what the key did.
    pub fn dispatch(&mut self, key: KeyEvent, now: Instant) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Ignored;
        }
        self.status = None;
        let k = Key::from_event(key);
        if let Some(done) = self.settle_gesture(Some(k)) {
            return done;
        }
        let outcome = self.route(key, k, now);
        if let Some(news) = self.judge.as_mut().and_then(|j| j.news.take()) {
            self.status = Some(news);
        }
        outcome
    }

    fn route(&mut self, key: KeyEvent, k: Key, now: Instant) -> Outcome {
        for ctx in self.contexts() {
            if let Some(action) = self.keymap.action(ctx, k) {
                let action = action::with_digit(action, k);
                if self.applies(ctx, action) && self.handle(ctx, action, now) {
                    return Outcome::Done(ctx, action);
                }
            }
            if ctx.typing() && self.type_key(ctx, key, now) {
                return Outcome::Typed(ctx);
            }
        }
        Outcome::Ignored
    }

    fn handle(&mut self, ctx: Context, action: Action, now: Instant) -> bool {
        use Context as C;
        match ctx {
            C::Always | C::Screens | C::Global => self.global_action(action),
            C::Overview | C::OverviewFilter => self.overview_action(ctx, action),
            C::Walk | C::WalkSteps | C::WalkContent => self.walk_action(ctx, action),
            C::Panel => self.panel_action(action, now),
            C::Search | C::SearchQuery | C::SearchFilter | C::SearchResults => {
                self.search_action(ctx, action, now)
            }
            C::Draft => self.draft_action(action),
            C::Ranking | C::ExportPath => self.ranking_action(ctx, action),
            C::Progress => self.progress_action(action),
            C::Source => self.source_action(action),
            C::HelpOverlay => self.help_action(action),
            C::Picker => self.picker_action(action),
            C::StagePicker => self.stage_picker_action(action),
            C::Compare => self.compare_action(action),
            C::NoteEditor => self.note_action(action),
            C::Prompt => self.prompt_action(action),
        }
    }

    /// The one-line text field of `ctx`, if it has one.
    fn line_field(&mut self, ctx: Context) -> Option<&mut tui_input::Input> {
        match ctx {
            Context::OverviewFilter => Some(&mut self.overview.filter),
            Context::SearchQuery => Some(&mut self.search.query),
            Context::ExportPath => self.judge.as_mut().and_then(|j| j.export.as_mut()),
            _ => None,
        }
    }

    /// A key typed into the text field of `ctx` (inserting at the cursor, moving it, deleting
    /// words); false when the field has no use for it.
    fn type_key(&mut self, ctx: Context, key: KeyEvent, now: Instant) -> bool {
        // Quitting and help stay reachable from inside any field.
        if self
            .keymap
            .action(Context::Always, Key::from_event(key))
            .is_some()
        {
            return false;
        }
        if ctx == Context::NoteEditor {
            let Some(note) = self.judge.as_mut().and_then(|j| j.note.as_mut()) else {
                return false;
            };
            if matches!(key.code, KeyCode::F(_) | KeyCode::Esc) {
                return false;
            }
            note.editor.input(key);
            return true;
        }
        use tui_input::backend::crossterm::EventHandler;
        let Some(field) = self.line_field(ctx) else {
            return false;
        };
        let Some(change) = field.handle_event(&crossterm::event::Event::Key(key)) else {
            return false;
        };
        if change.value {
            self.text_changed(ctx, now);
        }
        true
    }

    fn text_changed(&mut self, ctx: Context, now: Instant) {
        match ctx {
            Context::OverviewFilter => self.overview.filter_changed(&self.library),
            Context::SearchQuery => self.search.changed(now),
            _ => {}
        }
    }

    /// Text pasted by the terminal (bracketed paste): inserted at the cursor of the field in
    /// view, as text, never read as keys; a one-line field takes line breaks as spaces.
    pub fn on_paste(&mut self, text: &str, now: Instant) {
        self.settle_gesture(None);
        let Some(&ctx) = self.contexts().first() else {
            return;
        };
        if ctx == Context::NoteEditor {
            if let Some(note) = self.judge.as_mut().and_then(|j| j.note.as_mut()) {
                note.editor
                    .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            return;
        }
        let Some(field) = self.line_field(ctx) else {
            return;
        };
        for c in text.replace("\r\n", "\n").chars() {
            let c = if c.is_control() { ' ' } else { c };
            field.handle(tui_input::InputRequest::InsertChar(c));
        }
        self.text_changed(ctx, now);
    }

    /// Watches a file on disk as a draft.
    pub fn open_draft(&mut self, path: &Path) {
        match Draft::open(path, self.bg.clone()) {
            Ok(d) => {
                self.draft = Some(d);
                self.go(Screen::Draft);
            }
            Err(e) => self.status = Some(self.lang.pick_half(&e).to_string()),
        }
    }

    pub fn on_bg(&mut self, bg: Bg, now: Instant) {
        match bg {
            Bg::Rows(batch) => {
                self.loading = Some((batch.done, batch.total));
                // Room for every file at once: a list grown by doubling holds up to twice that.
                let rows = &mut self.library.rows;
                rows.reserve_exact(batch.total.saturating_sub(rows.len()));
                if !batch.rows.is_empty() {
                    let from = self.library.rows.len();
                    self.library.rows.extend(batch.rows);
                    if !self.overview.extend(&self.library, from) {
                        self.overview_due.get_or_insert(now + RESORT_WHILE_READING);
                    }
                }
            }
            Bg::Loaded(Ok(summary)) => {
                self.loading = None;
                self.library.finish(summary);
                self.search.filters = filters(&self.library);
                self.overview_due = None;
                self.overview.refresh(&self.library);
                self.overview.rank(&self.library);
                crate::memory::give_back();
                // Indexing waited for the rows, so both cores went to them first.
                if self.bg.is_some() && self.root.is_some() {
                    self.start_search();
                }
            }
            Bg::Judge(judge, notices) => {
                if let Some(judge) = *judge {
                    self.set_judge(Some(judge));
                    self.watch_judging();
                }
                let lang = self.lang;
                let said = self.status.take().into_iter();
                let said: Vec<String> = said
                    .chain(notices.iter().map(|n| lang.pick_half(n).to_string()))
                    .collect();
                self.status = (!said.is_empty()).then(|| said.join("; "));
            }
            Bg::Loaded(Err(e)) => {
                self.loading = None;
                self.load_error = Some(e);
            }
            Bg::Search(reply) => self.search.on_reply(reply),
            Bg::FileChanged => {
                if let Some(d) = &mut self.draft {
                    d.touched(now);
                }
            }
            Bg::JudgingChanged(changed) => self.judging_changed(changed, now),
        }
    }

    /// Time passing: debounced searches and re-checks.
    pub fn tick(&mut self, now: Instant) {
        if self.overview_due.is_some_and(|due| due <= now) {
            self.overview_due = None;
            self.overview.refresh(&self.library);
        }
        let lang = self.lang;
        if let Some(j) = &mut self.judge {
            j.tick_gesture(now, lang);
            if let Some(news) = j.news.take() {
                self.status = Some(news);
            }
        }
        self.tick_judging(now);
        self.search.tick(now);
        if self.draft.as_mut().is_some_and(|d| d.tick(now)) {
            self.draft_rechecked();
        }
    }

    /// Something is due soon that `tick` will do.
    pub fn wants_tick(&self) -> bool {
        self.overview_due.is_some()
            || self.search.dirty_since.is_some()
            || self.draft.is_some()
            || self.judge.as_ref().is_some_and(|j| j.gesture.is_some())
            || self.judging_watch.as_ref().is_some_and(|w| w.waiting())
    }

    fn draft_key(&mut self) {
        if self.draft.is_some() {
            self.go(Screen::Draft);
            return;
        }
        let path = self
            .overview
            .selected_row()
            .and_then(|i| self.library.rows.get(i))
            .and_then(|r| match &r.origin {
                Origin::Disk(p) => Some(p.clone()),
                Origin::Builtin => None,
            });
        match path {
            Some(p) => self.open_draft(&p),
            None => {
                self.status = Some(
                    self.t(
                        "draf harus berupa berkas di disk (contoh bawaan tidak bisa disunting)",
                        "a draft must be a file on disk (the built-in sample cannot be edited)",
                    )
                    .to_string(),
                )
            }
        }
    }

    /// Saves the chosen judge in the config, so the next start need not ask.
    fn remember_judge(&mut self) {
        let (Some(j), Some(dir)) = (&self.judge, &self.config_dir) else {
            return;
        };
        let dir = dir.clone();
        let mut config = crate::config::Config::load(&dir).config;
        if config.juri == j.juri {
            return;
        }
        config.juri = j.juri.clone();
        if let Err(e) = config.save(&dir) {
            self.status = Some(e);
        }
    }

    /// Quits, unless a note is being edited with changes: then Simpan / Buang / Batal first.
    fn request_quit(&mut self) {
        if let Some(j) = &mut self.judge {
            if j.note.as_ref().is_some_and(|n| n.changed()) {
                j.prompt = Some(judge::Then::Quit);
                return;
            }
        }
        self.quit = true;
    }

    fn show_judging(&mut self, screen: Screen) {
        if self.judge.is_some() {
            self.go(screen);
        } else {
            self.status = Some(
                self.t(
                    "folder ini tidak memuat lomba (lomba.yaml): tidak ada penilaian",
                    "this folder holds no competition (lomba.yaml): nothing to judge",
                )
                .to_string(),
            );
        }
    }

    fn open_help(&mut self) {
        self.help = true;
        self.help_scroll = 0;
    }

    /// Moves the help by `lines`, within what the last frame showed it can scroll.
    fn scroll_help(&mut self, lines: i32) {
        let to = i32::from(self.help_scroll) + lines;
        self.help_scroll = u16::try_from(to.max(0))
            .unwrap_or(u16::MAX)
            .min(self.areas.help_max);
    }
}
