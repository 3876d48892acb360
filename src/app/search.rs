//! The search screen's state, and the worker thread that owns the index: it brings the index up to
//! date in the background (reporting progress), then answers queries — always the newest one, so
//! typing never waits for an old answer.

use super::Bg;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};
use tulta_core::files::sources::Root;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::search::{self, Archive, Results};

/// How long typing must pause before a query is sent.
pub const DEBOUNCE: Duration = Duration::from_millis(120);
const LIMIT: usize = 50;

pub enum Job {
    Query {
        seq: u64,
        text: String,
    },
    Similar {
        seq: u64,
        id: String,
        /// The filters on screen: similar reports are looked for among those they admit.
        within: String,
    },
}

#[derive(Debug)]
pub enum Reply {
    Progress {
        done: usize,
        total: usize,
    },
    Ready {
        docs: usize,
        notices: Vec<String>,
    },
    Failed(String),
    Results {
        seq: u64,
        results: Result<Results, String>,
    },
}

/// Where the index stands.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexState {
    Off,
    Indexing { done: usize, total: usize },
    Ready { docs: usize },
    Failed(String),
}

/// The filters beside the query: each a field of the query language and the values seen.
#[derive(Clone, Debug)]
pub struct Filter {
    pub field: &'static str,
    pub label: (&'static str, &'static str),
    /// Values to cycle through; the choice `None` means any.
    pub values: Vec<String>,
    pub chosen: Option<usize>,
}

impl Filter {
    pub fn value(&self) -> Option<&str> {
        self.chosen
            .and_then(|i| self.values.get(i))
            .map(String::as_str)
    }

    pub fn cycle(&mut self, forward: bool) {
        let n = self.values.len();
        if n == 0 {
            return;
        }
        self.chosen = match (self.chosen, forward) {
            (None, true) => Some(0),
            (None, false) => Some(n - 1),
            (Some(i), true) if i + 1 < n => Some(i + 1),
            (Some(i), false) if i > 0 => Some(i - 1),
            _ => None,
        };
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Query,
    Filter(usize),
    Results,
}

pub struct SearchState {
    /// What is typed, with its cursor.
    pub query: tui_input::Input,
    pub filters: Vec<Filter>,
    pub focus: Focus,
    pub results: Option<Results>,
    pub error: Option<String>,
    pub selected: usize,
    /// Showing reports similar to this one instead of a query's.
    pub similar_to: Option<String>,
    pub index: IndexState,
    pub notices: Vec<String>,
    /// When the query last changed and has not been sent yet.
    pub dirty_since: Option<Instant>,
    sent: u64,
    pub shown: u64,
    jobs: Option<Sender<Job>>,
}

impl SearchState {
    pub fn new(filters: Vec<Filter>) -> SearchState {
        SearchState {
            query: tui_input::Input::default(),
            filters,
            focus: Focus::Query,
            results: None,
            error: None,
            selected: 0,
            similar_to: None,
            index: IndexState::Off,
            notices: Vec::new(),
            dirty_since: None,
            sent: 0,
            shown: 0,
            jobs: None,
        }
    }

    /// Starts the worker for `root`; its replies arrive on `bg`.
    pub fn start(&mut self, root: Root, bg: Sender<Bg>) {
        let (tx, rx) = mpsc::channel();
        self.jobs = Some(tx);
        self.index = IndexState::Indexing { done: 0, total: 0 };
        let spawned = std::thread::Builder::new()
            .name("tulta-search".into())
            .spawn(move || worker(root, rx, bg));
        if let Err(e) = spawned {
            self.index = IndexState::Failed(e.to_string());
        }
    }

    pub fn started(&self) -> bool {
        self.jobs.is_some()
    }

    /// The query as sent: what was typed and the filters chosen.
    pub fn full_query(&self) -> String {
        let q = self.query.value().trim();
        let filters = self.filters_query();
        match (q.is_empty(), filters.is_empty()) {
            (_, true) => q.to_string(),
            (true, false) => filters,
            (false, false) => format!("{q} {filters}"),
        }
    }

    /// The filters on screen as query clauses (`tahun:2025 jenis:kelurahan`).
    pub fn filters_query(&self) -> String {
        let mut q = String::new();
        for f in &self.filters {
            if let Some(v) = f.value() {
                if !q.is_empty() {
                    q.push(' ');
                }
                if v.contains(' ') {
                    q.push_str(&format!("{}:\"{}\"", f.field, v.replace('"', "")));
                } else {
                    q.push_str(&format!("{}:{v}", f.field));
                }
            }
        }
        q
    }

    pub fn changed(&mut self, now: Instant) {
        self.similar_to = None;
        self.dirty_since = Some(now);
    }

    /// Sends the query once typing has paused; true when something was sent.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.dirty_since {
            Some(t) if now.duration_since(t) >= DEBOUNCE => {
                self.dirty_since = None;
                self.send_now();
                true
            }
            _ => false,
        }
    }

    /// Sends the current query at once (Enter, a filter change, the index becoming ready).
    pub fn send_now(&mut self) {
        self.dirty_since = None;
        let text = self.full_query();
        if text.is_empty() {
            self.results = None;
            self.error = None;
            self.sent += 1;
            self.shown = self.sent;
            return;
        }
        self.sent += 1;
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Query {
                seq: self.sent,
                text,
            });
        }
    }

    pub fn similar(&mut self, id: &str) {
        self.sent += 1;
        self.similar_to = Some(id.to_string());
        self.dirty_since = None;
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Similar {
                seq: self.sent,
                id: id.to_string(),
                within: self.filters_query(),
            });
        }
    }

    pub fn on_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Progress { done, total } => self.index = IndexState::Indexing { done, total },
            Reply::Ready { docs, notices } => {
                self.index = IndexState::Ready { docs };
                self.notices = notices;
                if let Some(id) = self.similar_to.clone() {
                    self.similar(&id);
                } else if !self.full_query().is_empty() {
                    self.send_now();
                }
            }
            Reply::Failed(e) => self.index = IndexState::Failed(e),
            Reply::Results { seq, results } => {
                // An answer to an older query than the one shown is of no use.
                if seq < self.shown {
                    return;
                }
                self.shown = seq;
                // The same query answered again (the index caught up with a changed file) keeps
                // the hit selected; a new answer starts at its top.
                let was = self
                    .results
                    .as_ref()
                    .and_then(|r| r.hits.get(self.selected))
                    .map(|h| h.id.clone());
                match results {
                    Ok(r) => {
                        self.results = Some(r);
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
                self.selected = was
                    .and_then(|id| {
                        self.results
                            .as_ref()
                            .and_then(|r| r.hits.iter().position(|h| h.id == id))
                    })
                    .unwrap_or(0);
            }
        }
    }

    pub fn hits_len(&self) -> usize {
        self.results.as_ref().map_or(0, |r| r.hits.len())
    }

    pub fn waiting(&self) -> bool {
        self.dirty_since.is_some() || self.shown < self.sent
    }
}

fn worker(root: Root, jobs: Receiver<Job>, bg: Sender<Bg>) {
    let send = |r: Reply| {
        let _ = bg.send(Bg::Search(r));
    };
    let mut archive = match open(&root, &|done, total| {
        send(Reply::Progress { done, total });
    }) {
        Ok((archive, docs)) => {
            send(Reply::Ready {
                docs,
                notices: archive
                    .notices
                    .iter()
                    .map(|n| Lang::both(|lang| n.message(lang)))
                    .collect(),
            });
            archive
        }
        Err(e) => {
            send(Reply::Failed(e));
            return;
        }
    };
    // Questions wait for this, not the other way round: the writer's memory is let go before
    // the app settles into reading (after a cold build of 100,000 files the app held 229 MB idle
    // with the writer kept, 80 MB without; system allocator).
    if let Err(e) = archive.settle() {
        tracing::warn!(error = %e.in_both(), "the search index's merges did not finish");
    }
    crate::memory::give_back();
    while let Ok(mut job) = jobs.recv() {
        // Only the newest question matters.
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
        }
        let (seq, results) = match job {
            Job::Query { seq, text } => (seq, search::search(&archive, &text, LIMIT)),
            Job::Similar { seq, id, within } => {
                (seq, search::similar_within(&archive, &id, LIMIT, &within))
            }
        };
        send(Reply::Results {
            seq,
            results: results.map_err(|e| e.in_both()),
        });
    }
    let _ = archive.finish();
}

fn open(root: &Root, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<(Archive, usize), String> {
    let dir = search::index_dir(root).map_err(|e| e.in_both())?;
    // A damaged index is rebuilt here rather than panicking the search thread later.
    let (archive, stats, ()) = search::open_fresh_then(&dir, root, false, progress, |_| Ok(()))
        .map_err(|e| e.in_both())?;
    Ok((archive, stats.indexed))
}

impl super::App {
    pub(super) fn search_action(
        &mut self,
        ctx: super::action::Context,
        action: super::action::Action,
        now: Instant,
    ) -> bool {
        use super::action::{Action as A, Context as C};
        let s = &mut self.search;
        let n_filters = s.filters.len();
        let last = s.hits_len().saturating_sub(1);
        match (ctx, action) {
            // The results are one Tab from the query; the filters follow them.
            (C::Search, A::FocusNext) => {
                s.focus = match s.focus {
                    Focus::Query => Focus::Results,
                    Focus::Results if n_filters > 0 => Focus::Filter(0),
                    Focus::Filter(i) if i + 1 < n_filters => Focus::Filter(i + 1),
                    Focus::Results | Focus::Filter(_) => Focus::Query,
                }
            }
            (C::Search, A::FocusPrev) => {
                s.focus = match s.focus {
                    Focus::Query if n_filters > 0 => Focus::Filter(n_filters - 1),
                    Focus::Query | Focus::Filter(0) => Focus::Results,
                    Focus::Filter(i) => Focus::Filter(i - 1),
                    Focus::Results => Focus::Query,
                }
            }
            // One Esc leaves the screen; the query stays for the next visit.
            (C::Search, A::Back) => self.back(),
            (C::Search | C::SearchResults, A::Up) => s.selected = s.selected.saturating_sub(1),
            (C::Search | C::SearchResults, A::Down) => s.selected = (s.selected + 1).min(last),
            (C::Search, A::PageUp) => s.selected = s.selected.saturating_sub(10),
            (C::Search, A::PageDown) => s.selected = (s.selected + 10).min(last),
            (C::Search, A::Open) => {
                if s.waiting() && s.focus == Focus::Query {
                    s.send_now();
                } else {
                    self.open_hit();
                }
            }
            (C::Search | C::SearchResults, A::Similar) => self.similar_of_selected(),
            (C::SearchQuery, A::ClearText) => {
                s.query.reset();
                s.changed(now);
            }
            (C::SearchFilter, A::Right | A::Left | A::ClearFilter) => {
                if let Focus::Filter(i) = s.focus {
                    match action {
                        A::Right => s.filters[i].cycle(true),
                        A::Left => s.filters[i].cycle(false),
                        _ => s.filters[i].chosen = None,
                    }
                    s.send_now();
                }
            }
            (C::SearchResults, A::Top) => s.selected = 0,
            (C::SearchResults, A::Bottom) => s.selected = last,
            (C::SearchResults, A::FocusQuery) => s.focus = Focus::Query,
            _ => return false,
        }
        true
    }
}

use super::library::{Opened, Origin};
use super::walk::{Pane, Walk};
use super::Screen;

impl super::App {
    /// Opens the hit selected, at the step that matched.
    pub(super) fn open_hit(&mut self) {
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
                // Hits name their file from the searched folder (the archive beside a competition).
                let path = match &self.root {
                    Some(Root::Disk(dir)) if std::path::Path::new(&hit.path).is_relative() => {
                        dir.join(&hit.path).display().to_string()
                    }
                    _ => hit.path.clone(),
                };
                let origin = Origin::Disk(path.clone().into());
                match Opened::read(&path, &origin) {
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
        // Back from the hit, keys go on in the results, at the hit that was opened.
        self.search.focus = Focus::Results;
    }

    pub(super) fn similar_of_selected(&mut self) {
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
}
