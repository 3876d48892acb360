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
//! searches the last commit read-only.

use super::analyzer;
use super::schema::{self, Fields, FileKey, SCHEMA_VERSION};
use crate::diag::Severity;
use crate::files::sources::{self, Root, SourceFile};
use crate::format::{self, Model};
use crate::i18n::{Lang, Localized};
use crate::text::{hex, sha256_hex};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, UNIX_EPOCH};
use tantivy::schema::Term;
use tantivy::{Index, IndexWriter, TantivyDocument};

const VERSION_FILE: &str = "tulta-schema";
const FILES_FILE: &str = "tulta-files";
const FILES_HEADER: &str = "tulta-files 1";
/// Memory the writer may use for its in-RAM segments, over all its threads. Larger means fewer
/// segments to merge; this keeps indexing under the memory ceiling.
const WRITER_BUDGET: usize = 96 * 1024 * 1024;

#[derive(Debug)]
pub enum SearchError {
    Io {
        path: String,
        err: std::io::Error,
    },
    Index {
        path: String,
        err: tantivy::TantivyError,
    },
    Source(sources::SourceError),
    /// The user's query is wrong; its message says how.
    Query(super::query::QueryError),
}

impl From<sources::SourceError> for SearchError {
    fn from(e: sources::SourceError) -> Self {
        SearchError::Source(e)
    }
}

impl Localized for SearchError {
    fn message(&self, lang: Lang) -> String {
        match self {
            SearchError::Io { path, err } => format!("{path}: {err}"),
            SearchError::Index { path, err } => format!(
                "{} {path}: {err}",
                lang.pick("indeks pencarian", "search index")
            ),
            SearchError::Source(e) => e.message(lang),
            SearchError::Query(q) => q.message(lang),
        }
    }
}
crate::localized_error!(SearchError);

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
    move |err| SearchError::Io {
        path: path.display().to_string(),
        err,
    }
}

fn index_err(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> SearchError + '_ {
    move |err| SearchError::Index {
        path: path.display().to_string(),
        err,
    }
}

/// Why an index was thrown away and rebuilt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rebuilt {
    /// Written by another version of tulta (`None`: version unknown).
    SchemaChanged { found: Option<u32> },
    /// Could not be opened; the detail is tantivy's.
    Corrupt(String),
    /// `--rebuild`.
    Requested,
}

/// Something the user should be told, on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Rebuilt(Rebuilt),
    /// Another tulta process is updating this index: searching its last commit without updating.
    ReadOnly,
    /// Another tulta process is building this index for the first time: waited for it.
    Waited,
}

impl Localized for Notice {
    fn message(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Notice::Rebuilt(Rebuilt::SchemaChanged { found }), Id) => format!(
                "indeks pencarian dibangun ulang: dibuat oleh versi lain (skema {}, kini {SCHEMA_VERSION})",
                found.map_or("?".into(), |v| v.to_string())
            ),
            (Notice::Rebuilt(Rebuilt::SchemaChanged { found }), En) => format!(
                "search index rebuilt: written by another version (schema {}, now {SCHEMA_VERSION})",
                found.map_or("?".into(), |v| v.to_string())
            ),
            (Notice::Rebuilt(Rebuilt::Corrupt(detail)), Id) => {
                format!("indeks pencarian rusak, dibangun ulang dari YAML ({detail})")
            }
            (Notice::Rebuilt(Rebuilt::Corrupt(detail)), En) => {
                format!("search index was damaged, rebuilt from the YAML ({detail})")
            }
            (Notice::Rebuilt(Rebuilt::Requested), Id) => "indeks pencarian dibangun ulang".into(),
            (Notice::Rebuilt(Rebuilt::Requested), En) => "search index rebuilt".into(),
            (Notice::ReadOnly, Id) => "indeks sedang diperbarui proses tulta lain: hanya-baca, hasil dari pembaruan terakhir".into(),
            (Notice::ReadOnly, En) => "index is being updated by another tulta process: read-only, results from its last update".into(),
            (Notice::Waited, Id) => "menunggu proses tulta lain selesai membangun indeks".into(),
            (Notice::Waited, En) => "waited for another tulta process to finish building the index".into(),
        }
    }
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

/// The folder that holds the index of `root`: one per root, keyed by its canonical path (or, for
/// the built-in sample, by its contents, which change only with the binary).
pub fn index_dir(root: &Root) -> Result<PathBuf, SearchError> {
    let base = crate::files::paths::cache_dir().join("index");
    let key = match root {
        Root::Disk(path) => {
            let canonical = path
                .canonicalize()
                .map_err(|_| sources::SourceError::NotFound(path.display().to_string()))?;
            let name: String = canonical
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .take(32)
                .collect();
            let hash = Sha256::digest(canonical.to_string_lossy().as_bytes());
            format!("{name}-{}", &hex(&hash)[..16])
        }
        Root::Builtin => {
            let mut h = Sha256::new();
            for f in sources::builtin_files() {
                h.update(f.name.as_bytes());
                h.update([0]);
                h.update(&f.bytes);
            }
            format!("builtin-{}", &hex(&h.finalize())[..16])
        }
    };
    Ok(base.join(key))
}

/// What the files list remembers of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    kind: EntryKind,
    /// Nanoseconds since the epoch; 0 when unknown (the built-in sample, or a list rebuilt after a
    /// crash): the content hash decides.
    mtime: u64,
    size: u64,
    sha256: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntryKind {
    Indexed,
    Broken,
    Other,
}

impl EntryKind {
    fn letter(self) -> char {
        match self {
            EntryKind::Indexed => 'I',
            EntryKind::Broken => 'B',
            EntryKind::Other => 'O',
        }
    }
}

/// One file under the root as the scan sees it, before reading it.
struct Seen {
    path: String,
    mtime: u64,
    size: u64,
    /// The built-in sample's bytes; disk files are read only when needed.
    bytes: Option<std::borrow::Cow<'static, [u8]>>,
    disk: Option<PathBuf>,
}

/// An open index: searchable, and updatable unless another process holds the writer.
pub struct Archive {
    dir: PathBuf,
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
            .field("dir", &self.dir)
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

fn read_version(dir: &Path) -> Option<u32> {
    std::fs::read_to_string(dir.join(VERSION_FILE))
        .ok()?
        .trim()
        .parse()
        .ok()
}

fn has_index(dir: &Path) -> bool {
    dir.join("meta.json").exists()
}

/// Empties the index folder (ours and tantivy's files), keeping the folder.
fn wipe(dir: &Path) -> Result<(), SearchError> {
    let entries = std::fs::read_dir(dir).map_err(io_err(dir))?;
    for entry in entries {
        let path = entry.map_err(io_err(dir))?.path();
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(io_err(&path))?;
    }
    Ok(())
}

/// Writes a small file whole or not at all.
fn write_atomic(path: &Path, text: &str) -> Result<(), SearchError> {
    crate::files::write_atomic(path, text.as_bytes()).map_err(io_err(path))
}

impl Archive {
    /// Opens the index in `dir`, creating it, or rebuilding it when it was written under another
    /// schema version, cannot be opened, or `rebuild` asks. Never fails for a damaged index; fails
    /// only when the folder itself cannot be used.
    pub fn open(dir: &Path, rebuild: bool) -> Result<Archive, SearchError> {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        let lock_path = dir.with_extension("lock");
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
                // Someone is writing. Its last commit is searchable as long as it is ours and sound;
                // if not (first build under way), wait for it rather than race it.
                if !rebuild && read_version(dir) == Some(SCHEMA_VERSION) {
                    if let Ok(index) = Self::open_existing(dir) {
                        let (_, fields) = schema::build();
                        return Ok(Archive {
                            dir: dir.to_path_buf(),
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
        } else if !has_index(dir) {
            None
        } else {
            match read_version(dir) {
                Some(SCHEMA_VERSION) => None,
                found => Some(Rebuilt::SchemaChanged { found }),
            }
        };
        let index = match reason {
            Some(reason) => {
                if has_index(dir) || reason == Rebuilt::Requested {
                    notices.push(Notice::Rebuilt(reason));
                }
                Self::create(dir, &schema)?
            }
            None if !has_index(dir) => Self::create(dir, &schema)?,
            None => match Self::open_existing(dir) {
                Ok(index) if index.schema() == schema => index,
                Ok(_) => {
                    notices.push(Notice::Rebuilt(Rebuilt::SchemaChanged {
                        found: Some(SCHEMA_VERSION),
                    }));
                    Self::create(dir, &schema)?
                }
                Err(err) => {
                    notices.push(Notice::Rebuilt(Rebuilt::Corrupt(first_line(&err))));
                    Self::create(dir, &schema)?
                }
            },
        };
        Ok(Archive {
            dir: dir.to_path_buf(),
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
        let reader = index.reader()?;
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
        wipe(dir)?;
        let index = Index::create_in_dir(dir, schema.clone()).map_err(index_err(dir))?;
        register(&index);
        write_atomic(&dir.join(VERSION_FILE), &format!("{SCHEMA_VERSION}\n"))?;
        Ok(index)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Risalah in the last commit.
    pub(crate) fn doc_count(&self) -> Result<usize, SearchError> {
        let reader = self.index.reader().map_err(index_err(&self.dir))?;
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
                Err(err) => return Err(index_err(&self.dir)(err)),
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
                        w.add_document(doc).map_err(index_err(&self.dir))?;
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
            let dir = self.dir.clone();
            if let Some(w) = self.writer.as_mut() {
                opstamp = Some(w.commit().map_err(index_err(&dir))?);
            }
        } else if let Some(w) = self.writer.as_mut() {
            // Files were read but none changed the index (broken or other files only).
            w.rollback().map_err(index_err(&self.dir))?;
        }
        if list_dirty || opstamp.is_some() {
            let stamp = match opstamp {
                Some(s) => s,
                None => {
                    self.index
                        .load_metas()
                        .map_err(index_err(&self.dir))?
                        .opstamp
                }
            };
            self.save_files(&known, stamp)?;
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
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads().map_err(index_err(&self.dir))?;
        }
        Ok(())
    }

    /// The files list and whether it describes the current commit.
    fn load_files(&self) -> Result<(HashMap<String, Entry>, bool), SearchError> {
        let opstamp = self
            .index
            .load_metas()
            .map_err(index_err(&self.dir))?
            .opstamp;
        if let Some(map) = std::fs::read_to_string(self.dir.join(FILES_FILE))
            .ok()
            .and_then(|text| parse_files(&text, opstamp))
        {
            return Ok((map, true));
        }
        // No list, or one from another commit: the index itself knows which files it holds and
        // their hashes; their stat is unknown, so each will be hashed once.
        Ok((self.files_from_index()?, false))
    }

    fn files_from_index(&self) -> Result<HashMap<String, Entry>, SearchError> {
        let reader = self.index.reader().map_err(index_err(&self.dir))?;
        let searcher = reader.searcher();
        let mut map = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let paths = fast.str("path").map_err(index_err(&self.dir))?;
            let hashes = fast.str("sha256").map_err(index_err(&self.dir))?;
            let (Some(paths), Some(hashes)) = (paths, hashes) else {
                continue;
            };
            for doc in segment.doc_ids_alive() {
                let (mut path, mut sha) = (String::new(), String::new());
                if let Some(ord) = paths.term_ords(doc).next() {
                    paths
                        .ord_to_str(ord, &mut path)
                        .map_err(io_err(&self.dir))?;
                }
                if let Some(ord) = hashes.term_ords(doc).next() {
                    hashes
                        .ord_to_str(ord, &mut sha)
                        .map_err(io_err(&self.dir))?;
                }
                map.insert(
                    path,
                    Entry {
                        kind: EntryKind::Indexed,
                        mtime: 0,
                        size: 0,
                        sha256: sha,
                    },
                );
            }
        }
        Ok(map)
    }

    fn save_files(&self, known: &HashMap<String, Entry>, opstamp: u64) -> Result<(), SearchError> {
        let mut rows: Vec<(&String, &Entry)> = known.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut text = String::with_capacity(rows.len() * 120);
        text.push_str(&format!("{FILES_HEADER} {opstamp}\n"));
        for (path, e) in rows {
            text.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                e.kind.letter(),
                e.mtime,
                e.size,
                e.sha256,
                path
            ));
        }
        write_atomic(&self.dir.join(FILES_FILE), &text)
    }
}

fn first_line(err: &dyn std::fmt::Display) -> String {
    let text = err.to_string();
    let line = text.lines().next().unwrap_or("").trim();
    line.chars().take(160).collect()
}

fn parse_files(text: &str, opstamp: u64) -> Option<HashMap<String, Entry>> {
    let mut lines = text.lines();
    let header = lines.next()?;
    let stamp: u64 = header.strip_prefix(FILES_HEADER)?.trim().parse().ok()?;
    if stamp != opstamp {
        return None;
    }
    let mut map = HashMap::new();
    for line in lines {
        let mut parts = line.splitn(5, '\t');
        let kind = match parts.next()? {
            "I" => EntryKind::Indexed,
            "B" => EntryKind::Broken,
            "O" => EntryKind::Other,
            _ => return None,
        };
        let mtime = parts.next()?.parse().ok()?;
        let size = parts.next()?.parse().ok()?;
        let sha256 = parts.next()?.to_string();
        let path = parts.next()?.to_string();
        map.insert(
            path,
            Entry {
                kind,
                mtime,
                size,
                sha256,
            },
        );
    }
    Some(map)
}

/// Lists the root's YAML files with their stat, reading none of them.
fn scan(root: &Root) -> Result<Vec<Seen>, SearchError> {
    match root {
        Root::Builtin => Ok(sources::builtin_files()
            .into_iter()
            .map(|SourceFile { name, bytes, size }| Seen {
                path: name,
                mtime: 0,
                size,
                bytes: Some(bytes),
                disk: None,
            })
            .collect()),
        Root::Disk(dir) => {
            let files = if dir.is_file() {
                vec![(dir.clone(), std::fs::metadata(dir).map_err(io_err(dir))?)]
            } else {
                sources::yaml_files_with_metadata(dir)?
            };
            let mut seen: Vec<Seen> = files
                .into_iter()
                .filter_map(|(p, meta)| {
                    let rel = p.strip_prefix(dir).unwrap_or(&p).to_string_lossy();
                    // A newline or tab in a name would break the files list; such names are not
                    // something a risalah folder has, so they are left out.
                    if rel.contains(['\n', '\t']) {
                        return None;
                    }
                    let rel = if rel.is_empty() {
                        p.file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into())
                    } else {
                        rel.into_owned()
                    };
                    Some(Seen {
                        path: rel,
                        mtime: meta
                            .modified()
                            .ok()
                            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                            .map_or(0, |d| d.as_nanos() as u64),
                        size: meta.len(),
                        bytes: None,
                        disk: Some(p),
                    })
                })
                .collect();
            // Files go to the index in a fixed order, so equal scores rank the same on every build.
            seen.sort_unstable_by(|a, b| a.path.cmp(&b.path));
            Ok(seen)
        }
    }
}

enum Outcome {
    Same,
    Added(Entry),
    Updated(Entry),
    /// Was a risalah, now broken or another kind.
    Removed(Entry),
    /// Broken or not a risalah, as before.
    Skipped(Entry),
}

enum Read {
    /// Same content as indexed: only the stat changed.
    Same,
    /// New or changed: its entry, and its document when it is a readable risalah.
    New {
        entry: Entry,
        doc: Option<TantivyDocument>,
    },
}

fn read_one(s: &Seen, known: Option<&Entry>, fields: &Fields) -> Result<Read, SearchError> {
    let owned;
    let bytes: &[u8] = match (&s.bytes, &s.disk) {
        (Some(b), _) => b,
        (None, Some(path)) => {
            if s.size > format::MAX_BYTES {
                owned = Vec::new();
            } else {
                // Deleted or unreadable since the scan: treated as broken, not fatal.
                owned = std::fs::read(path).unwrap_or_default();
            }
            &owned
        }
        (None, None) => &[],
    };
    let sha256 = sha256_hex(bytes);
    if known.is_some_and(|e| e.sha256 == sha256) {
        return Ok(Read::Same);
    }
    let doc = if s.size > format::MAX_BYTES {
        format::too_large(s.size)
    } else {
        format::read_document(bytes)
    };
    let fatal = doc
        .findings
        .iter()
        .any(|f| f.severity() == Severity::Error && f.code().as_str().starts_with("T00"));
    let entry = |kind| Entry {
        kind,
        mtime: s.mtime,
        size: s.size,
        sha256: sha256.clone(),
    };
    Ok(match (&doc.model, fatal) {
        (Some(Model::Risalah(r)), false) => Read::New {
            entry: entry(EntryKind::Indexed),
            doc: Some(schema::document(
                fields,
                &FileKey {
                    path: &s.path,
                    sha256: &sha256,
                },
                r,
            )),
        },
        (Some(_), false) => Read::New {
            entry: entry(EntryKind::Other),
            doc: None,
        },
        _ => Read::New {
            entry: entry(EntryKind::Broken),
            doc: None,
        },
    })
}
