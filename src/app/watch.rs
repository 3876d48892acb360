//! The competition as it is now: the journals in the data folder and the competition's own files
//! are watched, so that what other judges (another laptop's import, `tulta score`, a second
//! window) write shows within a second in progress, ranking, stage states and the overview, and a
//! judge is told when a stage becomes final and the next one opens.

use super::judge::JudgeState;
use super::{App, Bg};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};
use tulta_core::i18n::{Lang, Localized};

/// Writes come in bursts (a line, then its head file); wait for the burst to end.
const SETTLE: Duration = Duration::from_millis(150);

/// What changed on disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// A journal (`*.jsonl`) in the data folder.
    pub journals: bool,
    /// A file of the competition (lomba, rubrics, entries).
    pub competition: bool,
}

/// The watchers, and changes seen but not yet read.
#[derive(Default)]
pub struct JudgingWatch {
    _watchers: Vec<RecommendedWatcher>,
    pending: Option<(Instant, Changed)>,
    /// Why watching could not start, for the status line.
    pub error: Option<String>,
}

impl JudgingWatch {
    /// Starts watching `j`'s data folder and its competition's folder.
    pub fn start(j: &JudgeState, bg: &Sender<Bg>) -> JudgingWatch {
        let mut w = JudgingWatch::default();
        let data = j.judging.dir().to_path_buf();
        // The data folder may not exist before the first change: then its parent is watched
        // for it, and the journals once it appears (events name paths, which are filtered).
        let data_watched = nearest_existing(&data);
        let journals = {
            let bg = bg.clone();
            // Some systems report the folder by its real path (macOS: /private/var/…).
            let real = std::fs::canonicalize(&data).unwrap_or_else(|_| data.clone());
            let data = data.clone();
            move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                if event.kind.is_access() {
                    return;
                }
                // The journals, and the drawn orders kept beside them.
                let journal = event.paths.iter().any(|p| {
                    (p.starts_with(&data) || p.starts_with(&real))
                        && (p.extension().is_some_and(|x| x == "jsonl")
                            || p.file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with("undian-")))
                });
                if journal {
                    let _ = bg.send(Bg::JudgingChanged(Changed {
                        journals: true,
                        competition: false,
                    }));
                }
            }
        };
        let recursive = if data_watched == data {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        };
        match watcher_on(&data_watched, recursive, journals) {
            Ok(x) => w._watchers.push(x),
            Err(e) => w.error = Some(e),
        }
        if let Some(dir) = &j.judging.competition.dir {
            let bg = bg.clone();
            let files = move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                if event.kind.is_access() {
                    return;
                }
                let ours = event.paths.iter().any(|p| {
                    p.extension().is_some_and(|x| {
                        x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml")
                    })
                });
                if ours {
                    let _ = bg.send(Bg::JudgingChanged(Changed {
                        journals: false,
                        competition: true,
                    }));
                }
            };
            match watcher_on(dir, RecursiveMode::Recursive, files) {
                Ok(x) => w._watchers.push(x),
                Err(e) => w.error = Some(e),
            }
        }
        w
    }

    fn seen(&mut self, changed: Changed, now: Instant) {
        let (_, mut all) = self.pending.unwrap_or((now, Changed::default()));
        all.journals |= changed.journals;
        all.competition |= changed.competition;
        self.pending = Some((now, all));
    }

    /// What changed, once the burst has been quiet for [`SETTLE`].
    fn due(&mut self, now: Instant) -> Option<Changed> {
        match self.pending {
            Some((t, c)) if now.duration_since(t) >= SETTLE => {
                self.pending = None;
                Some(c)
            }
            _ => None,
        }
    }

    pub fn waiting(&self) -> bool {
        self.pending.is_some()
    }
}

fn nearest_existing(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    while !p.is_dir() {
        match p.parent() {
            Some(up) if !up.as_os_str().is_empty() => p = up.to_path_buf(),
            _ => return path.to_path_buf(),
        }
    }
    p
}

fn watcher_on(
    dir: &Path,
    mode: RecursiveMode,
    handler: impl notify::EventHandler,
) -> Result<RecommendedWatcher, String> {
    let mut watcher = notify::recommended_watcher(handler).map_err(|e| e.to_string())?;
    watcher.watch(dir, mode).map_err(|e| e.to_string())?;
    Ok(watcher)
}

impl JudgeState {
    /// Reads the journals again (and, when its files changed, the competition), and says what
    /// a stage becoming final opened.
    pub fn reread(&mut self, changed: Changed, lang: Lang) -> Option<String> {
        let before: Vec<(String, bool)> = self.stage_finals();
        let mut problem = None;
        if changed.competition {
            match self.reload_competition(lang) {
                Ok(()) => {}
                Err(e) => problem = Some(e),
            }
        } else {
            self.judging.reload();
        }
        self.load_draw();
        self.refresh();
        problem.or_else(|| self.opened_since(&before, lang))
    }

    /// What became final since `before` (from [`Self::stage_finals`]), and what it opened.
    pub(super) fn opened_since(&self, before: &[(String, bool)], lang: Lang) -> Option<String> {
        let after = self.stage_finals();
        let opened: Vec<String> = after
            .iter()
            .zip(after.iter().skip(1))
            .filter(|((id, now_final), _)| {
                *now_final && before.iter().any(|(b, was)| b == id && !was)
            })
            .map(|((id, _), (next, _))| match lang {
                Lang::Id => {
                    format!("tahap {id} sudah final: tahap {next} dibuka (T memilih tahap)")
                }
                Lang::En => {
                    format!("stage {id} is final: stage {next} is open (T chooses the stage)")
                }
            })
            .collect();
        (!opened.is_empty()).then(|| opened.join("; "))
    }

    /// Each stage, in order, and whether it is final.
    pub(super) fn stage_finals(&self) -> Vec<(String, bool)> {
        self.judging
            .competition
            .stages
            .iter()
            .map(|s| {
                let is_final = self.flow().stage(&s.id).is_some_and(|r| r.is_final);
                (s.id.clone(), is_final)
            })
            .collect()
    }

    /// The competition read again from its files, its journals with it; the stage in view is
    /// kept when it still exists.
    fn reload_competition(&mut self, lang: Lang) -> Result<(), String> {
        let comp = &self.judging.competition;
        let Some(dir) = comp.dir.clone() else {
            return Ok(());
        };
        let file = PathBuf::from(&comp.file);
        let path = if file.is_file() { file } else { dir };
        let competition = tulta_core::judging::competition::load(Some(&path), lang)
            .map_err(|e| e.message(lang))?;
        let judging = tulta_core::judging::Judging::open_in(competition, self.judging.dir())
            .map_err(|e| e.message(lang))?;
        self.judging = judging;
        if self.stage().is_none() {
            self.tahap = self.judging.competition.first_scored().to_string();
        }
        Ok(())
    }
}

impl App {
    /// Starts watching the competition, once background work can report.
    pub(super) fn watch_judging(&mut self) {
        let (Some(j), Some(bg)) = (&self.judge, &self.bg) else {
            return;
        };
        let w = JudgingWatch::start(j, bg);
        if let Some(e) = &w.error {
            tracing::warn!(error = %e, "the competition cannot be watched");
        }
        self.judging_watch = Some(w);
    }

    pub(super) fn judging_changed(&mut self, changed: Changed, now: Instant) {
        if let Some(w) = &mut self.judging_watch {
            w.seen(changed, now);
        }
    }

    /// Reads what changed once the burst of writes is over.
    pub(super) fn tick_judging(&mut self, now: Instant) {
        let Some(changed) = self.judging_watch.as_mut().and_then(|w| w.due(now)) else {
            return;
        };
        let lang = self.lang;
        let Some(j) = &mut self.judge else { return };
        if let Some(news) = j.reread(changed, lang) {
            self.status = Some(news);
        }
        self.sync_draw();
        self.resort_overview();
    }
}
