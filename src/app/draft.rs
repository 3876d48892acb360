//! Draft watch: one file on disk, re-checked whenever the group's own editor saves it. Editors
//! often save by writing a new file and renaming it over the old one, so the folder is watched and
//! events are filtered to this file's name.

use super::library::{Opened, Origin};
use super::Bg;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant, SystemTime};
use tulta_core::i18n::Localized;

/// Saves come in bursts (write, rename, chmod); wait for the burst to end.
pub const SETTLE: Duration = Duration::from_millis(150);

pub struct Draft {
    pub path: PathBuf,
    pub opened: Opened,
    /// When the file was last read, for "checked at".
    pub checked_at: SystemTime,
    pub checks: usize,
    /// Why the file could not be read the last time (deleted, unreadable).
    pub error: Option<String>,
    pub selected: usize,
    pending_since: Option<Instant>,
    _watcher: Option<RecommendedWatcher>,
    pub watch_error: Option<String>,
}

impl Draft {
    /// Reads the file and starts watching it; change events arrive on `bg`.
    pub fn open(path: &Path, bg: Option<Sender<Bg>>) -> Result<Draft, String> {
        let opened = read(path)?;
        let mut draft = Draft {
            path: path.to_path_buf(),
            opened,
            checked_at: SystemTime::now(),
            checks: 1,
            error: None,
            selected: 0,
            pending_since: None,
            _watcher: None,
            watch_error: None,
        };
        if let Some(bg) = bg {
            match watch(path, bg) {
                Ok(w) => draft._watcher = Some(w),
                Err(e) => draft.watch_error = Some(e),
            }
        }
        Ok(draft)
    }

    /// A change was seen; the re-check waits for the burst to settle.
    pub fn touched(&mut self, now: Instant) {
        self.pending_since = Some(now);
    }

    /// Re-checks once the file has been quiet for [`SETTLE`]; true when it did.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.pending_since {
            Some(t) if now.duration_since(t) >= SETTLE => {
                self.pending_since = None;
                self.recheck();
                true
            }
            _ => false,
        }
    }

    pub fn recheck(&mut self) {
        match read(&self.path) {
            Ok(opened) => {
                self.opened = opened;
                self.error = None;
                let n = self.opened.diagnostics.len();
                self.selected = self.selected.min(n.saturating_sub(1));
            }
            // Keep showing the last good reading: a save in progress may leave no file for a moment.
            Err(e) => self.error = Some(e),
        }
        self.checked_at = SystemTime::now();
        self.checks += 1;
    }
}

fn read(path: &Path) -> Result<Opened, String> {
    Opened::read(
        &path.display().to_string(),
        &Origin::Disk(path.to_path_buf()),
    )
    .map_err(|e| tulta_core::i18n::Lang::both(|lang| e.message(lang)))
}

fn watch(path: &Path, bg: Sender<Bg>) -> Result<RecommendedWatcher, String> {
    let name = path.file_name().map(|n| n.to_os_string());
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        if event
            .paths
            .iter()
            .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
        {
            let _ = bg.send(Bg::FileChanged);
        }
    })
    .map_err(|e| e.to_string())?;
    watcher
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| e.to_string())?;
    Ok(watcher)
}

impl super::App {
    /// After a re-check, every view of the draft shows the new reading: the walk-through opened
    /// from it (same step) and its row in the overview, not the findings of the old text.
    pub(super) fn draft_rechecked(&mut self) {
        let Some(d) = &self.draft else { return };
        if d.error.is_some() {
            return;
        }
        let name = d.path.display().to_string();
        let path = d.path.clone();
        if let Some(w) = &mut self.walk {
            if w.opened.name == name {
                if let Ok(opened) = read(&path) {
                    w.opened = opened;
                    let n = w.findings_here();
                    w.finding = w.finding.min(n.saturating_sub(1));
                    let tabs = w.tabs().len();
                    w.tab = w.tab.min(tabs.saturating_sub(1));
                }
            }
        }
        if let Some(i) = self.library.rows.iter().position(|r| r.name == name) {
            if let Ok(files) = tulta_core::files::sources::collect(std::slice::from_ref(&path)) {
                let one = super::library::Library::build(
                    &name,
                    &files,
                    &|n| super::library::Origin::Disk(std::path::PathBuf::from(n)),
                    &|_| {},
                );
                if let Some(row) = one.rows.into_iter().next() {
                    self.library.rows[i] = row;
                    self.overview.rows_changed();
                    self.overview.refresh(&self.library);
                }
            }
        }
    }

    pub(super) fn draft_action(&mut self, action: super::action::Action) -> bool {
        use super::action::Action as A;
        use super::library::{Opened, Origin};
        let Some(d) = &mut self.draft else {
            return false;
        };
        let n = d.opened.diagnostics.len();
        match action {
            A::Up => d.selected = d.selected.saturating_sub(1),
            A::Down => d.selected = (d.selected + 1).min(n.saturating_sub(1)),
            A::Top => d.selected = 0,
            A::Bottom => d.selected = n.saturating_sub(1),
            A::Recheck => {
                d.recheck();
                self.draft_rechecked();
            }
            A::Back => self.back(),
            A::Open => {
                let step = d
                    .opened
                    .diagnostics
                    .get(d.selected)
                    .and_then(|x| d.opened.step_of_line(x.pos.line));
                let opened =
                    Opened::read(&d.path.display().to_string(), &Origin::Disk(d.path.clone()));
                match opened {
                    Ok(opened) => {
                        let mut w = super::walk::Walk::new(opened, None, step.unwrap_or(1));
                        if step.is_some() {
                            w.show_findings();
                        }
                        self.walk = Some(w);
                        self.go(super::Screen::Walk);
                    }
                    Err(e) => self.status = Some(e.message(self.lang)),
                }
            }
            _ => return false,
        }
        true
    }
}
