//! The app's state and how it changes: keys, mouse, and what background work reports. Nothing here
//! draws; `ui` renders this state, and `tui` runs the terminal.

mod cache;
pub mod draft;
pub mod judge;
pub mod keys;
pub mod library;
pub mod overview;
pub mod search;
pub mod walk;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
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
#[derive(Debug)]
pub enum Bg {
    LoadProgress { done: usize, total: usize },
    Loaded(Result<Library, String>),
    Search(search::Reply),
    FileChanged,
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
}

pub struct App {
    pub lang: Lang,
    pub theme: crate::theme::Theme,
    pub mouse: bool,
    pub root: Option<Root>,
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
}

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
        };
        app.overview.refresh(&app.library);
        app
    }

    /// Background work (search worker, file watching) reports through this.
    pub fn connect(&mut self, bg: Sender<Bg>) {
        self.bg = Some(bg);
        if let Some(path) = self.pending_draft.take() {
            self.open_draft(&path);
            // Esc from the draft leads to the overview of this one file, not out of the app.
            self.history.clear();
        }
        // Index in the background from the start, so search is ready when it is wanted.
        if self.root.is_some() {
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
    }

    fn back(&mut self) {
        match self.history.pop() {
            Some(s) => self.screen = s,
            None if self.screen != Screen::Overview => self.screen = Screen::Overview,
            None => {}
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

    /// Opens library row `row` at `step`.
    pub fn open_row(&mut self, row: usize, step: usize) {
        let Some(r) = self.library.rows.get(row) else {
            return;
        };
        match Opened::read(&r.name, &r.origin) {
            Ok(opened) => {
                let opened = opened.with_cross_file(&r.cross_file);
                self.walk = Some(Walk::new(opened, Some(row), step));
                self.overview.reveal(&self.library, row);
                self.go(Screen::Walk);
            }
            Err(e) => self.status = Some(e.message(self.lang)),
        }
    }

    /// Opens a search hit at the step that matched.
    fn open_hit(&mut self) {
        let Some(hit) = self
            .search
            .results
            .as_ref()
            .and_then(|r| r.hits.get(self.search.selected))
        else {
            return;
        };
        let step = hit.langkah.unwrap_or(1);
        let row = self
            .library
            .find_id(&hit.id)
            .or_else(|| self.library.find_name(&hit.path));
        match row {
            Some(row) => self.open_row(row, step),
            None => {
                let origin = Origin::Disk(hit.path.clone().into());
                match Opened::read(&hit.path, &origin) {
                    Ok(opened) => {
                        self.walk = Some(Walk::new(opened, None, step));
                        self.go(Screen::Walk);
                    }
                    Err(e) => self.status = Some(e.message(self.lang)),
                }
            }
        }
        if let Some(w) = &mut self.walk {
            w.pane = Pane::Content;
        }
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
            Bg::LoadProgress { done, total } => self.loading = Some((done, total)),
            Bg::Loaded(Ok(library)) => {
                self.loading = None;
                self.search.filters = filters(&library);
                self.library = library;
                self.overview.refresh(&self.library);
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
        }
    }

    /// Time passing: debounced searches and re-checks.
    pub fn tick(&mut self, now: Instant) {
        self.search.tick(now);
        if let Some(d) = &mut self.draft {
            d.tick(now);
        }
    }

    /// Something is due soon that `tick` will do.
    pub fn wants_tick(&self) -> bool {
        self.search.dirty_since.is_some() || self.draft.is_some()
    }

    fn typing(&self) -> bool {
        (self.screen == Screen::Overview && self.overview.editing)
            || (self.screen == Screen::Search && self.search.focus == Focus::Query)
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q')) {
            self.request_quit();
            return;
        }
        self.status = None;
        if self.judge_modal_key(key) {
            return;
        }
        if self.help {
            // Keys that move scroll the help; q still quits; any other key closes it.
            let page = i32::from(self.areas.help_page.max(1));
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => self.scroll_help(-1),
                KeyCode::Down | KeyCode::Char('j') => self.scroll_help(1),
                KeyCode::PageUp => self.scroll_help(-page),
                KeyCode::PageDown => self.scroll_help(page),
                KeyCode::Home => self.help_scroll = 0,
                KeyCode::End => self.help_scroll = self.areas.help_max,
                KeyCode::Char('q') => {
                    self.help = false;
                    self.request_quit();
                }
                _ => self.help = false,
            }
            return;
        }
        if let Some(src) = &mut self.source {
            match key.code {
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') | KeyCode::Backspace => {
                    self.source = None
                }
                KeyCode::Up | KeyCode::Char('k') => src.scroll = src.scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => src.scroll = src.scroll.saturating_add(1),
                KeyCode::PageUp => src.scroll = src.scroll.saturating_sub(10),
                KeyCode::PageDown => src.scroll = src.scroll.saturating_add(10),
                KeyCode::F(1) | KeyCode::Char('?') => self.open_help(),
                _ => {}
            }
            return;
        }
        match key.code {
            KeyCode::F(1) => {
                self.open_help();
                return;
            }
            KeyCode::F(2) => {
                self.go(Screen::Overview);
                return;
            }
            KeyCode::F(3) => {
                self.go(Screen::Search);
                return;
            }
            KeyCode::F(4) => {
                self.draft_key();
                return;
            }
            KeyCode::F(5) => {
                self.show_judging(Screen::Ranking);
                return;
            }
            KeyCode::F(6) => {
                self.show_judging(Screen::Progress);
                return;
            }
            _ => {}
        }
        if !self.typing() {
            match key.code {
                KeyCode::Char('?') => {
                    self.open_help();
                    return;
                }
                KeyCode::Char('q') => {
                    self.request_quit();
                    return;
                }
                KeyCode::Char('J') if self.judge.is_some() => {
                    if let Some(j) = &mut self.judge {
                        j.picker = Some(0);
                    }
                    return;
                }
                _ => {}
            }
        }
        match self.screen {
            Screen::Overview => self.overview_key(key),
            Screen::Walk => {
                self.walk_key(key);
                self.follow_step();
            }
            Screen::Search => self.search_key(key, now),
            Screen::Draft => self.draft_screen_key(key),
            Screen::Ranking => self.ranking_key(key),
            Screen::Progress => match key.code {
                KeyCode::Esc | KeyCode::Backspace => self.back(),
                KeyCode::Char('r') => self.show_judging(Screen::Ranking),
                _ => {}
            },
        }
    }

    /// The scoring panel's cursor follows the step in view while the judge is not in the panel.
    fn follow_step(&mut self) {
        if let (Some(w), Some(j)) = (&self.walk, &mut self.judge) {
            if w.pane != Pane::Panel && j.note.is_none() {
                j.follow_step(w.step);
            }
        }
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

    fn overview_key(&mut self, key: KeyEvent) {
        let ov = &mut self.overview;
        if ov.editing {
            match key.code {
                KeyCode::Esc => {
                    ov.editing = false;
                    ov.filter.clear();
                }
                KeyCode::Enter => ov.editing = false,
                KeyCode::Backspace => {
                    ov.filter.pop();
                }
                KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    ov.filter.clear()
                }
                KeyCode::Up => ov.move_by(-1),
                KeyCode::Down => ov.move_by(1),
                KeyCode::Char(c) => ov.filter.push(c),
                _ => return,
            }
            ov.refresh(&self.library);
            return;
        }
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => ov.move_by(-1),
            KeyCode::Down | KeyCode::Char('j') => ov.move_by(1),
            KeyCode::PageUp => ov.move_by(-10),
            KeyCode::PageDown => ov.move_by(10),
            KeyCode::Home | KeyCode::Char('g') => ov.select(0),
            KeyCode::End | KeyCode::Char('G') => ov.select(usize::MAX),
            KeyCode::Char('/') => ov.editing = true,
            KeyCode::Char('s') => ov.cycle_sort(&self.library),
            KeyCode::Char('S') => ov.reverse(&self.library),
            KeyCode::Char('c') => self.go(Screen::Search),
            KeyCode::Char('d') => self.draft_key(),
            KeyCode::Char('r') => self.show_judging(Screen::Ranking),
            KeyCode::Char('p') => self.show_judging(Screen::Progress),
            KeyCode::Esc if !ov.filter.is_empty() => {
                ov.filter.clear();
                ov.refresh(&self.library);
            }
            KeyCode::Esc => self.back(),
            KeyCode::Enter | KeyCode::Char('l') | KeyCode::Right => {
                if let Some(row) = ov.selected_row() {
                    self.open_row(row, 1);
                }
            }
            _ => {}
        }
    }

    fn walk_key(&mut self, key: KeyEvent) {
        // A barred entry's panel only gives the reason: it takes no focus and no keys.
        let barred = self.walk_barred();
        let Some(w) = &mut self.walk else {
            self.back();
            return;
        };
        match key.code {
            _ if w.pane == Pane::Panel
                && self.judge.is_some()
                && Self::panel_key(w, self.judge.as_mut(), key, self.lang) => {}
            KeyCode::Char(c @ '1'..='7') => w.go_step(c as usize - '0' as usize),
            KeyCode::Tab | KeyCode::BackTab => {
                let forward = key.code == KeyCode::Tab;
                let panel = !barred
                    && self.judge.as_ref().is_some_and(|j| {
                        j.has_panel(w.opened.risalah.as_ref().map_or("", |r| r.id_str()))
                    });
                w.pane = match (w.pane, forward, panel) {
                    (Pane::Steps, true, _) => Pane::Content,
                    (Pane::Content, true, true) => Pane::Panel,
                    (Pane::Content, true, false) => Pane::Steps,
                    (Pane::Panel, true, _) => Pane::Steps,
                    (Pane::Steps, false, true) => Pane::Panel,
                    (Pane::Steps, false, false) => Pane::Content,
                    (Pane::Content, false, _) => Pane::Steps,
                    (Pane::Panel, false, _) => Pane::Content,
                }
            }
            KeyCode::Char('u') => {
                if let Some(j) = &mut self.judge {
                    j.undo(self.lang);
                }
            }
            KeyCode::Char('t') => w.show_findings(),
            KeyCode::Char('n') | KeyCode::Char('p') => {
                let forward = key.code == KeyCode::Char('n');
                let step = w.step;
                if let Some(row) = w.row {
                    let ov = &self.overview;
                    if let Some(pos) = ov.visible.iter().position(|&i| i == row) {
                        let next = if forward {
                            pos + 1
                        } else {
                            pos.wrapping_sub(1)
                        };
                        if let Some(&next_row) = ov.visible.get(next) {
                            let pane = w.pane;
                            self.open_row(next_row, step);
                            let barred = self.walk_barred();
                            if let Some(w) = &mut self.walk {
                                w.pane = match pane {
                                    Pane::Panel if barred => Pane::Content,
                                    pane => pane,
                                };
                            }
                            if let Some(j) = &mut self.judge {
                                j.cursor = 0;
                            }
                            // Stay on this screen rather than stacking one per report.
                            self.history.pop();
                        }
                    }
                }
            }
            KeyCode::Char('m') => {
                let id = w
                    .opened
                    .risalah
                    .as_ref()
                    .map(|r| r.id_str().to_string())
                    .unwrap_or_default();
                if !id.is_empty() {
                    self.go(Screen::Search);
                    self.search.focus = Focus::Results;
                    self.search.similar(&id);
                }
            }
            KeyCode::Esc | KeyCode::Backspace => {
                if w.pane != Pane::Steps {
                    w.pane = Pane::Steps;
                } else {
                    self.back();
                }
            }
            _ => match w.pane {
                Pane::Steps => match key.code {
                    KeyCode::Up | KeyCode::Char('k') => w.go_step(w.step.saturating_sub(1)),
                    KeyCode::Down | KeyCode::Char('j') => w.go_step(w.step + 1),
                    KeyCode::Home | KeyCode::Char('g') => w.go_step(1),
                    KeyCode::End | KeyCode::Char('G') => w.go_step(7),
                    KeyCode::Right | KeyCode::Char('l') | KeyCode::Enter => w.pane = Pane::Content,
                    KeyCode::PageDown => w.move_by(10),
                    KeyCode::PageUp => w.move_by(-10),
                    _ => {}
                },
                Pane::Panel => {}
                Pane::Content => match key.code {
                    KeyCode::Up | KeyCode::Char('k') => w.move_by(-1),
                    KeyCode::Down | KeyCode::Char('j') => w.move_by(1),
                    KeyCode::PageUp => w.move_by(-10),
                    KeyCode::PageDown => w.move_by(10),
                    KeyCode::Home | KeyCode::Char('g') => {
                        w.scroll = 0;
                        w.finding = 0;
                    }
                    KeyCode::End | KeyCode::Char('G') => w.move_by(1000),
                    KeyCode::Right | KeyCode::Char('l') => w.next_tab(true),
                    KeyCode::Left | KeyCode::Char('h') => {
                        if w.tab == 0 {
                            w.pane = Pane::Steps;
                        } else {
                            w.next_tab(false);
                        }
                    }
                    KeyCode::Enter if w.current_tab() == walk::Tab::Check => {
                        let findings = w.opened.findings_in(Some(w.step));
                        if let Some(d) = findings.get(w.finding) {
                            self.source = Some(SourceView {
                                name: w.opened.name.clone(),
                                text: w.opened.text.clone(),
                                line: d.pos.line,
                                scroll: 0,
                            });
                        }
                    }
                    _ => {}
                },
            },
        }
    }

    /// Keys of the scoring panel; false when the key is not the panel's (it falls through).
    fn panel_key(
        w: &mut Walk,
        judge: Option<&mut judge::JudgeState>,
        key: KeyEvent,
        lang: Lang,
    ) -> bool {
        let Some(j) = judge else { return false };
        let Some(id) = w.opened.risalah.as_ref().map(|r| r.id_str().to_string()) else {
            return false;
        };
        let rubrik_max = j.judging.competition.rubrik.maks;
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => j.move_cursor(-1),
            KeyCode::Down | KeyCode::Char('j') => j.move_cursor(1),
            KeyCode::PageUp => j.move_cursor(-8),
            KeyCode::PageDown => j.move_cursor(8),
            KeyCode::Home | KeyCode::Char('g') => j.cursor = 0,
            KeyCode::End | KeyCode::Char('G') => j.move_cursor(1000),
            KeyCode::Char(c @ '0'..='9')
                if f64::from(c as u8 - b'0') <= rubrik_max && j.current_criterion().is_some() =>
            {
                j.set_score(&id, f64::from(c as u8 - b'0'), lang)
            }
            KeyCode::Char(']') => j.jump_criterion(true),
            KeyCode::Char('[') => j.jump_criterion(false),
            KeyCode::Char('+') | KeyCode::Char('=') => j.nudge(&id, true, lang),
            KeyCode::Char('-') => j.nudge(&id, false, lang),
            KeyCode::Char(' ') => j.toggle_tick(&id, lang),
            KeyCode::Enter | KeyCode::Char('e') => j.edit_note(&id),
            _ => return false,
        }
        true
    }

    /// The judge picker, the note editor and its Simpan/Buang/Batal prompt take every key while open.
    fn judge_modal_key(&mut self, key: KeyEvent) -> bool {
        let lang = self.lang;
        let Some(j) = &mut self.judge else {
            return false;
        };
        if let Some(then) = j.prompt {
            match key.code {
                KeyCode::Char('s') | KeyCode::Char('S') | KeyCode::Enter => j.save_note(lang),
                KeyCode::Char('b')
                | KeyCode::Char('B')
                | KeyCode::Char('d')
                | KeyCode::Char('D') => j.discard_note(lang),
                KeyCode::Esc | KeyCode::Char('c') | KeyCode::Char('C') => {
                    j.prompt = None;
                    return true;
                }
                _ => return true,
            }
            if then == judge::Then::Quit {
                self.quit = true;
            }
            return true;
        }
        if let Some(note) = &mut j.note {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Char('s') if ctrl => j.save_note(lang),
                KeyCode::Esc => {
                    if note.changed() {
                        j.prompt = Some(judge::Then::CloseEditor);
                    } else {
                        j.note = None;
                    }
                }
                KeyCode::Enter => note.text.push('\n'),
                KeyCode::Backspace => {
                    note.text.pop();
                }
                KeyCode::Char('u') if ctrl => note.text.clear(),
                KeyCode::Char(c) if !ctrl => note.text.push(c),
                _ => {}
            }
            return true;
        }
        if let Some(sel) = j.picker {
            let judges = j.judging.competition.lomba.juri.clone();
            let n = judges.len() + 1;
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => j.picker = Some(sel.saturating_sub(1)),
                KeyCode::Down | KeyCode::Char('j') => j.picker = Some((sel + 1).min(n - 1)),
                KeyCode::Enter => {
                    j.picker = None;
                    j.juri = judges.get(sel).map(|x| x.id.clone());
                    self.remember_judge();
                }
                KeyCode::Esc => {
                    j.picker = None;
                }
                KeyCode::Char('q') => self.quit = true,
                _ => {}
            }
            return true;
        }
        false
    }

    /// Saves the chosen judge in the config, so the next start need not ask.
    fn remember_judge(&mut self) {
        let Some(j) = &self.judge else { return };
        let dir = tulta_core::files::paths::config_dir();
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

    fn ranking_key(&mut self, key: KeyEvent) {
        let lang = self.lang;
        let Some(j) = &mut self.judge else {
            self.back();
            return;
        };
        if let Some(path) = &mut j.export {
            match key.code {
                KeyCode::Esc => j.export = None,
                KeyCode::Enter => {
                    let p = path.clone();
                    j.export = None;
                    j.message = Some(match j.export(&p, lang) {
                        Ok(written) => (
                            true,
                            format!("{} {written}", lang.pick("ditulis ke", "written to")),
                        ),
                        Err(e) => (false, e),
                    });
                }
                KeyCode::Backspace => {
                    path.pop();
                }
                KeyCode::Char(c) => path.push(c),
                _ => {}
            }
            return;
        }
        let n = j.ranking().rows.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => j.rank_selected = j.rank_selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                j.rank_selected = (j.rank_selected + 1).min(n.saturating_sub(1))
            }
            KeyCode::Char('m') => j.cycle_metode(),
            KeyCode::Char('c') => j.cycle_kategori(),
            KeyCode::Char('x') => {
                j.export = Some(format!("peringkat-{}.xlsx", j.judging.competition.id()))
            }
            KeyCode::Enter => {
                let id = j.ranking().rows.get(j.rank_selected).map(|r| r.id.clone());
                if let Some(row) = id.and_then(|id| self.library.find_id(&id)) {
                    self.open_row(row, 1);
                }
            }
            KeyCode::Esc | KeyCode::Backspace => self.back(),
            _ => {}
        }
    }

    fn search_key(&mut self, key: KeyEvent, now: Instant) {
        let s = &mut self.search;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let n_filters = s.filters.len();
        match key.code {
            KeyCode::Tab => {
                s.focus = match s.focus {
                    Focus::Query => Focus::Filter(0),
                    Focus::Filter(i) if i + 1 < n_filters => Focus::Filter(i + 1),
                    Focus::Filter(_) => Focus::Results,
                    Focus::Results => Focus::Query,
                };
                return;
            }
            KeyCode::BackTab => {
                s.focus = match s.focus {
                    Focus::Query => Focus::Results,
                    Focus::Filter(0) => Focus::Query,
                    Focus::Filter(i) => Focus::Filter(i - 1),
                    Focus::Results => Focus::Filter(n_filters.saturating_sub(1)),
                };
                return;
            }
            KeyCode::Esc => {
                if s.focus != Focus::Query {
                    s.focus = Focus::Query;
                } else if !s.query.is_empty() {
                    s.query.clear();
                    s.changed(now);
                } else {
                    self.back();
                }
                return;
            }
            KeyCode::Up => {
                s.selected = s.selected.saturating_sub(1);
                return;
            }
            KeyCode::Down => {
                s.selected = (s.selected + 1).min(s.hits_len().saturating_sub(1));
                return;
            }
            KeyCode::PageUp => {
                s.selected = s.selected.saturating_sub(10);
                return;
            }
            KeyCode::PageDown => {
                s.selected = (s.selected + 10).min(s.hits_len().saturating_sub(1));
                return;
            }
            KeyCode::Enter => {
                if s.waiting() && s.focus == Focus::Query {
                    s.send_now();
                } else {
                    self.open_hit();
                }
                return;
            }
            KeyCode::Char('s') if ctrl => {
                self.similar_of_selected();
                return;
            }
            _ => {}
        }
        match s.focus {
            Focus::Query => match key.code {
                KeyCode::Backspace => {
                    s.query.pop();
                    s.changed(now);
                }
                KeyCode::Char('u') if ctrl => {
                    s.query.clear();
                    s.changed(now);
                }
                KeyCode::Char('w') if ctrl => {
                    let trimmed = s.query.trim_end().len();
                    s.query.truncate(trimmed);
                    let cut = s.query.rfind(' ').map_or(0, |i| i + 1);
                    s.query.truncate(cut);
                    s.changed(now);
                }
                KeyCode::Char(c) if !ctrl => {
                    s.query.push(c);
                    s.changed(now);
                }
                _ => {}
            },
            Focus::Filter(i) => match key.code {
                KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => {
                    s.filters[i].cycle(true);
                    s.send_now();
                }
                KeyCode::Left | KeyCode::Char('h') => {
                    s.filters[i].cycle(false);
                    s.send_now();
                }
                KeyCode::Backspace | KeyCode::Delete => {
                    s.filters[i].chosen = None;
                    s.send_now();
                }
                _ => {}
            },
            Focus::Results => match key.code {
                KeyCode::Char('k') => s.selected = s.selected.saturating_sub(1),
                KeyCode::Char('j') => {
                    s.selected = (s.selected + 1).min(s.hits_len().saturating_sub(1))
                }
                KeyCode::Home | KeyCode::Char('g') => s.selected = 0,
                KeyCode::End | KeyCode::Char('G') => s.selected = s.hits_len().saturating_sub(1),
                KeyCode::Char('m') => self.similar_of_selected(),
                KeyCode::Char('/') => s.focus = Focus::Query,
                _ => {}
            },
        }
    }

    fn similar_of_selected(&mut self) {
        let id = self
            .search
            .results
            .as_ref()
            .and_then(|r| r.hits.get(self.search.selected))
            .map(|h| h.id.clone());
        if let Some(id) = id {
            self.search.similar(&id);
            self.search.focus = Focus::Results;
        }
    }

    fn draft_screen_key(&mut self, key: KeyEvent) {
        let Some(d) = &mut self.draft else {
            self.back();
            return;
        };
        let n = d.opened.diagnostics.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => d.selected = d.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                d.selected = (d.selected + 1).min(n.saturating_sub(1))
            }
            KeyCode::Home | KeyCode::Char('g') => d.selected = 0,
            KeyCode::End | KeyCode::Char('G') => d.selected = n.saturating_sub(1),
            KeyCode::Char('r') => d.recheck(),
            KeyCode::Esc => self.back(),
            KeyCode::Enter => {
                let step = d
                    .opened
                    .diagnostics
                    .get(d.selected)
                    .and_then(|x| d.opened.step_of_line(x.pos.line));
                let opened =
                    Opened::read(&d.path.display().to_string(), &Origin::Disk(d.path.clone()));
                match opened {
                    Ok(opened) => {
                        let mut w = Walk::new(opened, None, step.unwrap_or(1));
                        if step.is_some() {
                            w.show_findings();
                        }
                        self.walk = Some(w);
                        self.go(Screen::Walk);
                    }
                    Err(e) => self.status = Some(e.message(self.lang)),
                }
            }
            _ => {}
        }
    }

    pub fn on_mouse(&mut self, m: MouseEvent, now: Instant) {
        if self.help && self.mouse {
            match m.kind {
                MouseEventKind::ScrollUp => self.scroll_help(-3),
                MouseEventKind::ScrollDown => self.scroll_help(3),
                MouseEventKind::Down(_) => self.help = false,
                _ => {}
            }
            return;
        }
        if !self.mouse || self.source.is_some() {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                self.help = false;
                self.source = None;
            }
            return;
        }
        let at = Position::new(m.column, m.row);
        let scroll = match m.kind {
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::ScrollDown => 3,
            _ => 0,
        };
        let clicked = matches!(m.kind, MouseEventKind::Down(MouseButton::Left));
        let double = clicked
            && self
                .last_click
                .is_some_and(|(t, p)| p == at && now.duration_since(t).as_millis() < 500);
        if clicked {
            self.last_click = Some((now, at));
        }
        let areas = self.areas.clone();
        match self.screen {
            Screen::Overview => {
                if scroll != 0 {
                    self.overview.move_by(scroll);
                } else if clicked && areas.list.contains(at) {
                    let i = areas.list_offset + usize::from(at.y - areas.list.y);
                    if i < self.overview.visible.len() {
                        let again = self.overview.selected == i;
                        self.overview.select(i);
                        if again || double {
                            if let Some(row) = self.overview.selected_row() {
                                self.open_row(row, 1);
                            }
                        }
                    }
                }
            }
            Screen::Walk => {
                let Some(w) = &mut self.walk else { return };
                if scroll != 0 {
                    if areas.steps.contains(at) {
                        w.go_step((w.step as i64 + scroll.signum()).clamp(1, 7) as usize);
                    } else {
                        w.move_by(scroll as i32);
                    }
                } else if clicked {
                    if areas.steps.contains(at) {
                        // Each step takes one line, after the pane's border.
                        let n = usize::from(at.y.saturating_sub(areas.steps.y));
                        if (1..=7).contains(&n) {
                            w.go_step(n);
                            w.pane = Pane::Steps;
                        }
                    } else if let Some(&(_, t)) = areas.tabs.iter().find(|(r, _)| r.contains(at)) {
                        w.go_tab(t);
                        w.pane = Pane::Content;
                    } else if areas.content.contains(at) {
                        w.pane = Pane::Content;
                    }
                }
            }
            Screen::Search => {
                let s = &mut self.search;
                if scroll != 0 {
                    s.selected = (s.selected as i64 + scroll.signum())
                        .clamp(0, s.hits_len().saturating_sub(1) as i64)
                        as usize;
                } else if clicked && areas.list.contains(at) {
                    // Each hit takes three lines.
                    let i = areas.list_offset + usize::from(at.y - areas.list.y) / 3;
                    if i < s.hits_len() {
                        let again = s.selected == i && s.focus == Focus::Results;
                        s.selected = i;
                        s.focus = Focus::Results;
                        if again || double {
                            self.open_hit();
                        }
                    }
                }
            }
            Screen::Ranking | Screen::Progress => {}
            Screen::Draft => {
                if let Some(d) = &mut self.draft {
                    let n = d.opened.diagnostics.len();
                    if scroll != 0 {
                        d.selected = (d.selected as i64 + scroll.signum())
                            .clamp(0, n.saturating_sub(1) as i64)
                            as usize;
                    } else if clicked && areas.list.contains(at) {
                        let i = areas.list_offset + usize::from(at.y - areas.list.y);
                        if i < n {
                            d.selected = i;
                        }
                    }
                }
            }
        }
    }

    /// Is the report in the walk-through one the judge may not score (its panel has no keys)?
    fn walk_barred(&self) -> bool {
        let id = self
            .walk
            .as_ref()
            .and_then(|w| w.opened.risalah.as_ref())
            .map(|r| r.id_str());
        match (id, &self.judge) {
            (Some(id), Some(j)) => j.bar(id).is_some(),
            _ => false,
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

    /// The keys of the screen in view (for help and the bottom bar).
    pub fn keys(&self) -> &'static [keys::Key] {
        if self.source.is_some() {
            return keys::SOURCE;
        }
        match self.screen {
            Screen::Overview => keys::OVERVIEW,
            Screen::Walk if self.walk.as_ref().is_some_and(|w| w.pane == Pane::Panel) => {
                keys::PANEL
            }
            Screen::Walk => keys::WALK,
            Screen::Search => keys::SEARCH,
            Screen::Draft => keys::DRAFT,
            Screen::Ranking => keys::RANKING,
            Screen::Progress => keys::PROGRESS,
        }
    }
}
