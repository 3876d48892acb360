//! Keeping one index per reports root up to date: open (rebuilding a stale or broken index), scan
//! the root, and re-index only what changed, in one commit.
//!
//! Beside tantivy's files the index folder holds two of ours:
//! - `tulta-schema`: the [`SCHEMA_VERSION`] the index was written with;
//! - `tulta-files`: per file, its modification time, size and SHA-256 as of the last commit, so that
//!   reopening an unchanged root reads no YAML. It names the commit it describes; if it does not
//!   match the index (a crash between commit and write), it is rebuilt from the index's own fields.
//!
//! A lock file beside the folder serialises writers across processes; a process that cannot take it
//! searches the last commit read-only. Where the folder is and how a rebuild replaces it:
//! generations.rs; the files list: scan.rs.

use super::analyzer;
use super::errors::{first_line, index_err, io_err};
pub use super::errors::{Notice, Rebuilt, SearchError};
use super::generations::{
    has_index, new_generation, read_version, remove_stale_generations, switch, write_atomic,
};
use super::scan::*;
use super::schema::{self, Fields, SCHEMA_VERSION};
use crate::caught;
use crate::files::sources::Root;
use rayon::prelude::*;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tantivy::schema::Term;
use tantivy::{Index, IndexWriter};

pub(super) const VERSION_FILE: &str = "tulta-schema";
pub(super) const FILES_FILE: &str = "tulta-files";
pub(super) const FILES_HEADER: &str = "tulta-files 1";
/// The folders' stamps of the last passing freshness sweep (sweep.rs).
pub(super) const DIRS_FILE: &str = "tulta-dirs";
/// Memory the writer may use for its in-RAM segments, over all its threads. Larger means fewer
/// segments to merge; this keeps indexing under the memory ceiling.
const WRITER_BUDGET: usize = 96 * 1024 * 1024;

/// Opens the index `key` of `root`, brings it up to date and runs `then` on it (a query). Any
/// failure of the index — an error, or a panic inside tantivy on a damaged file, while opening,
/// updating or reading it — throws it away and does it all once more on an index rebuilt from
/// the YAML, with a one-line notice naming what went wrong.
pub fn open_fresh_then<T>(
    key: &Path,
    root: &Root,
    rebuild: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
    then: impl Fn(&Archive) -> Result<T, SearchError> + Sync,
) -> Result<(Archive, Stats, T), SearchError>
where
    T: Send,
{
    let attempt = |rebuild: bool| {
        quietly(|| -> Result<(Archive, Stats, T), SearchError> {
            let mut archive = Archive::open(key, rebuild)?;
            // Usually nothing changed: prove it while the question is already being answered
            // from the index as it is, the two sharing both cores (at 100,000 files the proof
            // is most of a search, a phrase query a fifth). When something did change, that
            // answer is dropped and the question asked again after the update. Both run on the
            // pool's threads, which must catch (and keep quiet) a panic too.
            let start = Instant::now();
            let (fresh, early) = rayon::join(
                || quietly(|| archive.fresh_as_listed(root)),
                || quietly(|| then(&archive)),
            );
            if let Some(stats) = fresh? {
                let elapsed = start.elapsed();
                return Ok((archive, Stats { elapsed, ..stats }, early?));
            }
            let stats = archive.update(root, progress, start)?;
            let answer = then(&archive)?;
            Ok((archive, stats, answer))
        })
    };
    match attempt(rebuild) {
        Err(e) if e.is_damage() && !rebuild => {}
        done => return done,
    }
    // Once more as it is: a reader whose index was switched for a new generation under it finds
    // the new one; damage found while opening is rebuilt there (with its own notice).
    let damage = match attempt(false) {
        Err(e) if e.is_damage() => first_line(&e),
        done => return done,
    };
    let (mut archive, stats, answer) = attempt(true)?;
    for notice in &mut archive.notices {
        if *notice == Notice::Rebuilt(Rebuilt::Requested) {
            *notice = Notice::Rebuilt(Rebuilt::Corrupt(damage.clone()));
        }
    }
    Ok((archive, stats, answer))
}

/// `f`, with a panic (tantivy's, on a damaged file) caught quietly and turned into damage.
fn quietly<T>(f: impl FnOnce() -> Result<T, SearchError>) -> Result<T, SearchError> {
    caught::catch(f).unwrap_or_else(|panic| Err(SearchError::Damaged(first_line(&panic))))
}

/// What one refresh found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// YAML files under the root.
    pub files: usize,
    /// Risalah in the index after the refresh.
    pub indexed: usize,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Files skipped for a T00x error (unreadable, not YAML, wrong format, …).
    pub broken: usize,
    /// Lomba, rubrik: valid, but not risalah.
    pub other: usize,
    pub elapsed: Duration,
}

impl Stats {
    pub fn changed(&self) -> bool {
        self.added + self.updated + self.removed > 0
    }
}

/// An open index: searchable, and updatable unless another process holds the writer.
pub struct Archive {
    /// Where readers find the index: a symlink to the live generation (or, as written by
    /// earlier versions, the index folder itself).
    key: PathBuf,
    /// Where this archive's files are: the live generation, or a new one being built.
    pub(super) folder: PathBuf,
    /// A new generation not yet switched in: readers still see the previous one.
    pub(super) pending: bool,
    pub(crate) index: Index,
    pub(crate) fields: Fields,
    writer: Option<IndexWriter>,
    /// Held while this process may write; `None` in read-only mode.
    lock: Option<File>,
    pub notices: Vec<Notice>,
}

impl std::fmt::Debug for Archive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("key", &self.key)
            .field("folder", &self.folder)
            .field("read_only", &self.lock.is_none())
            .finish()
    }
}

fn register(index: &Index) {
    index
        .tokenizers()
        .register(analyzer::STEMMED, analyzer::stemmed());
    index
        .tokenizers()
        .register(analyzer::SURFACE, analyzer::surface());
}

impl Archive {
    /// Opens the index in `dir`, creating it, or rebuilding it when it was written under another
    /// schema version, cannot be opened, or `rebuild` asks. Never fails for a damaged index; fails
    /// only when the folder itself cannot be used.
    pub fn open(key: &Path, rebuild: bool) -> Result<Archive, SearchError> {
        if let Some(parent) = key.parent() {
            std::fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        let lock_path = key.with_extension("lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_err(&lock_path))?;
        let mut notices = Vec::new();
        match crate::files::try_lock_briefly(&lock) {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                // Someone is writing. The last index switched in is searchable as long as it is
                // ours and sound (a rebuild goes to a new folder, so this is never half built);
                // if there is none yet (a first build under way), wait for it rather than race it.
                if !rebuild && read_version(key) == Some(SCHEMA_VERSION) {
                    if let Ok(Ok(index)) = caught::catch(|| Self::open_existing(key)) {
                        let (_, fields) = schema::build();
                        return Ok(Archive {
                            key: key.to_path_buf(),
                            folder: key.to_path_buf(),
                            pending: false,
                            index,
                            fields,
                            writer: None,
                            lock: None,
                            notices: vec![Notice::ReadOnly],
                        });
                    }
                }
                notices.push(Notice::Waited);
                lock.lock().map_err(io_err(&lock_path))?;
            }
            Err(std::fs::TryLockError::Error(err)) => {
                return Err(SearchError::Io {
                    path: lock_path.display().to_string(),
                    err,
                })
            }
        }
        let (schema, fields) = schema::build();
        let reason = if rebuild {
            Some(Rebuilt::Requested)
        } else if !has_index(key) {
            None
        } else {
            match read_version(key) {
                Some(SCHEMA_VERSION) => None,
                found => Some(Rebuilt::SchemaChanged { found }),
            }
        };
        let existing = match reason {
            Some(reason) => {
                if has_index(key) || reason == Rebuilt::Requested {
                    notices.push(Notice::Rebuilt(reason));
                }
                None
            }
            None if !has_index(key) => None,
            // A damaged file can make tantivy panic rather than fail: either way, rebuild.
            None => match caught::catch(|| Self::open_existing(key)) {
                Ok(Ok(index)) if index.schema() == schema => Some(index),
                Ok(Ok(_)) => {
                    notices.push(Notice::Rebuilt(Rebuilt::SchemaChanged {
                        found: Some(SCHEMA_VERSION),
                    }));
                    None
                }
                Ok(Err(err)) => {
                    notices.push(Notice::Rebuilt(Rebuilt::Corrupt(first_line(&err))));
                    None
                }
                Err(panic) => {
                    notices.push(Notice::Rebuilt(Rebuilt::Corrupt(first_line(&panic))));
                    None
                }
            },
        };
        remove_stale_generations(key);
        let (dir, index, pending) = match existing {
            Some(index) => (key.to_path_buf(), index, false),
            None => {
                let dir = new_generation(key)?;
                (dir.clone(), Self::create(&dir, &schema)?, true)
            }
        };
        Ok(Archive {
            key: key.to_path_buf(),
            folder: dir,
            pending,
            index,
            fields,
            writer: None,
            lock: Some(lock),
            notices,
        })
    }

    /// Opens an index and proves it readable: every segment's files must open.
    fn open_existing(dir: &Path) -> tantivy::Result<Index> {
        let index = Index::open_in_dir(dir)?;
        register(&index);
        // Used once, here: no reload policy, so no file-watching threads are started.
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        // Opening each segment's term dictionaries and stores touches every file the commit names.
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            for (field, _) in index.schema().fields() {
                segment.inverted_index(field)?;
            }
        }
        Ok(index)
    }

    fn create(dir: &Path, schema: &tantivy::schema::Schema) -> Result<Index, SearchError> {
        let index = Index::create_in_dir(dir, schema.clone()).map_err(index_err(dir))?;
        register(&index);
        write_atomic(&dir.join(VERSION_FILE), &format!("{SCHEMA_VERSION}\n"))?;
        Ok(index)
    }

    /// Where the index is found (the same path before and after a rebuild).
    pub fn dir(&self) -> &Path {
        &self.key
    }

    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Risalah in the last commit.
    pub(crate) fn doc_count(&self) -> Result<usize, SearchError> {
        let reader = self.index.reader().map_err(index_err(&self.folder))?;
        Ok(reader.searcher().num_docs() as usize)
    }

    /// The writer, created on first need: an unchanged root never pays for it.
    fn writer(&mut self) -> Result<Option<&IndexWriter>, SearchError> {
        if self.lock.is_none() {
            return Ok(None);
        }
        if self.writer.is_none() {
            // Half the cores index, the other half read and parse YAML for them (rayon): on two
            // cores one indexing thread builds 100k risalah in three quarters of the time two
            // threads take, with half as many segments to merge.
            let threads =
                std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).clamp(1, 4));
            let budget = WRITER_BUDGET.max(threads * 16_000_000);
            // tantivy's own lock can look held for a moment, as ours can.
            let attempt = crate::files::retry_while_held(
                || self.index.writer_with_num_threads(threads, budget),
                |e| matches!(e, tantivy::TantivyError::LockFailure(..)),
            );
            match attempt {
                Ok(w) => self.writer = Some(w),
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    // Not our lock file but tantivy's: a process of another tulta build, or a
                    // tool. Same answer: do not write.
                    self.lock = None;
                    self.notices.push(Notice::ReadOnly);
                    return Ok(None);
                }
                Err(err) => return Err(index_err(&self.folder)(err)),
            }
        }
        Ok(self.writer.as_ref())
    }

    /// Brings the index in line with `root`: reads only files whose modification time or size
    /// changed (and re-indexes them only if their content did), drops deleted ones, and commits
    /// once. `progress(done, total)` is called as files are read. Read-only archives are left as
    /// they are and report what their last commit holds.
    pub fn refresh(
        &mut self,
        root: &Root,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Stats, SearchError> {
        let start = Instant::now();
        if let Some(stats) = self.fresh_as_listed(root)? {
            return Ok(Stats {
                elapsed: start.elapsed(),
                ..stats
            });
        }
        self.update(root, progress, start)
    }

    /// The refresh once the cheap check has found a difference (or could not tell).
    fn update(
        &mut self,
        root: &Root,
        progress: &(dyn Fn(usize, usize) + Sync),
        start: Instant,
    ) -> Result<Stats, SearchError> {
        let seen = scan(root)?;
        let mut stats = Stats {
            files: seen.len(),
            ..Stats::default()
        };
        if self.read_only() {
            stats.indexed = self.doc_count()?;
            stats.elapsed = start.elapsed();
            return Ok(stats);
        }
        let (mut known, trusted) = self.load_files()?;

        // Which files need reading: new ones, and ones whose stat changed (or is unknown).
        let mut todo: Vec<&Seen> = Vec::new();
        for s in &seen {
            match known.get(&s.path) {
                Some(e) if trusted && e.mtime != 0 && e.mtime == s.mtime && e.size == s.size => {}
                _ => todo.push(s),
            }
        }
        let mut gone: Vec<String> = {
            let present: std::collections::HashSet<&str> =
                seen.iter().map(|s| s.path.as_str()).collect();
            known
                .keys()
                .filter(|k| !present.contains(k.as_str()))
                .cloned()
                .collect()
        };
        gone.sort();

        let total = todo.len();
        if total + gone.len() > 0 && self.writer()?.is_none() {
            // Lost the writer to another process: report what the index holds, change nothing.
            stats.indexed = self.doc_count()?;
            stats.elapsed = start.elapsed();
            return Ok(stats);
        }
        let writer = self.writer.as_ref();
        let path_field = self.fields.path;
        let done = AtomicUsize::new(0);
        // Documents go to the writer as they are made: holding a whole cold build's documents
        // would cost gigabytes. Per file, the delete precedes the add, so the add survives it.
        let outcomes: Vec<Result<Outcome, SearchError>> = todo
            .par_iter()
            .map(|s| {
                let previous = known.get(&s.path);
                let r = read_one(s, previous, &self.fields);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                let (entry, doc) = match r? {
                    Read::Same => return Ok(Outcome::Same),
                    Read::New { entry, doc } => (entry, doc),
                };
                let was_indexed = previous.is_some_and(|p| p.kind == EntryKind::Indexed);
                let has_doc = doc.is_some();
                if let Some(w) = writer {
                    if was_indexed {
                        w.delete_term(Term::from_field_text(path_field, &s.path));
                    }
                    if let Some(doc) = doc {
                        w.add_document(doc).map_err(index_err(&self.folder))?;
                    }
                }
                Ok(match (was_indexed, has_doc) {
                    (true, true) => Outcome::Updated(entry),
                    (true, false) => Outcome::Removed(entry),
                    (false, true) => Outcome::Added(entry),
                    (false, false) => Outcome::Skipped(entry),
                })
            })
            .collect();

        let mut list_dirty = !trusted || !gone.is_empty();
        for (s, outcome) in todo.iter().zip(outcomes) {
            let entry = match outcome? {
                Outcome::Same => {
                    // Touched, not changed: remember the new stat so it is not hashed again.
                    stats.unchanged += 1;
                    if let Some(e) = known.get_mut(&s.path) {
                        e.mtime = s.mtime;
                        e.size = s.size;
                    }
                    list_dirty = true;
                    continue;
                }
                Outcome::Added(e) => {
                    stats.added += 1;
                    e
                }
                Outcome::Updated(e) => {
                    stats.updated += 1;
                    e
                }
                Outcome::Removed(e) => {
                    stats.removed += 1;
                    e
                }
                Outcome::Skipped(e) => e,
            };
            known.insert(s.path.clone(), entry);
            list_dirty = true;
        }
        if let Some(w) = writer {
            for path in &gone {
                if known
                    .get(path)
                    .is_some_and(|e| e.kind == EntryKind::Indexed)
                {
                    stats.removed += 1;
                    w.delete_term(Term::from_field_text(path_field, path));
                }
            }
        }
        for path in &gone {
            known.remove(path);
        }
        stats.unchanged += seen.len() - total;

        let mut opstamp = None;
        if stats.changed() {
            let dir = self.folder.clone();
            if let Some(w) = self.writer.as_mut() {
                opstamp = Some(w.commit().map_err(index_err(&dir))?);
            }
        } else if let Some(w) = self.writer.as_mut() {
            // Files were read but none changed the index (broken or other files only).
            w.rollback().map_err(index_err(&self.folder))?;
        }
        if list_dirty || opstamp.is_some() {
            let stamp = match opstamp {
                Some(s) => s,
                None => {
                    self.index
                        .load_metas()
                        .map_err(index_err(&self.folder))?
                        .opstamp
                }
            };
            self.save_files(&known, stamp)?;
        }
        if self.pending {
            switch(&self.key, &self.folder)?;
            self.pending = false;
        }
        for e in known.values() {
            match e.kind {
                EntryKind::Indexed => stats.indexed += 1,
                EntryKind::Broken => stats.broken += 1,
                EntryKind::Other => stats.other += 1,
            }
        }
        stats.elapsed = start.elapsed();
        Ok(stats)
    }

    /// Waits for background merges, so the index is compact when the process ends.
    pub fn finish(mut self) -> Result<(), SearchError> {
        self.settle()
    }

    /// Lets the writer go once its merges are done: a process that goes on reading (the app)
    /// holds no indexing memory or threads, while keeping the lock. A later update makes a new one.
    pub fn settle(&mut self) -> Result<(), SearchError> {
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads().map_err(index_err(&self.folder))?;
        }
        Ok(())
    }
}
