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
