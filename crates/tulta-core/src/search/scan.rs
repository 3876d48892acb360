//! What the index knows of the files under a root: the files list (`tulta-files`), the scan of
//! the root, and reading one file that changed.

use super::errors::index_err;
use super::errors::{io_err, SearchError};
use super::generations::write_atomic;
use super::indexer::*;
use super::schema::{self, Fields, FileKey};
use crate::diag::Severity;
use crate::files::read;
use crate::files::sources::{self, Root, SourceFile};
use crate::format::{self, Model};
use crate::text::sha256_hex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use tantivy::TantivyDocument;

/// What the files list remembers of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) kind: EntryKind,
    /// Nanoseconds since the epoch; 0 when unknown (the built-in sample, or a list rebuilt after a
    /// crash): the content hash decides.
    pub(super) mtime: u64,
    pub(super) size: u64,
    pub(super) sha256: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum EntryKind {
    Indexed,
    Broken,
    Other,
}

impl EntryKind {
    pub(super) fn letter(self) -> char {
        match self {
            EntryKind::Indexed => 'I',
            EntryKind::Broken => 'B',
            EntryKind::Other => 'O',
        }
    }
}

/// One file under the root as the scan sees it, before reading it.
pub(super) struct Seen {
    pub(super) path: String,
    pub(super) mtime: u64,
    pub(super) size: u64,
    /// The built-in sample's bytes; disk files are read only when needed.
    pub(super) bytes: Option<std::borrow::Cow<'static, [u8]>>,
    pub(super) disk: Option<PathBuf>,
}

/// One row of the files list, borrowing the list's text.
pub(super) struct ListRow<'a> {
    pub(super) kind: EntryKind,
    pub(super) mtime: u64,
    pub(super) size: u64,
    pub(super) sha256: &'a str,
    pub(super) key: &'a str,
}

/// The rows of the files list `text` (everything after its header line), if the header names
/// commit `opstamp`.
pub(super) fn list_rows(text: &str, opstamp: u64) -> Option<&str> {
    let (header, rows) = text.split_once('\n')?;
    let stamp: u64 = header.strip_prefix(FILES_HEADER)?.trim().parse().ok()?;
    (stamp == opstamp).then_some(rows)
}

/// One line of the list: kind letter, mtime, size, sha256 and key, tab-separated; the key is the
/// rest of the line (a key holds no tab or newline: see [`path_key`]). Fields are found with
/// `memchr`: at 100,000 files, every search parses the whole list before its sweep can start.
pub(super) fn parse_row(line: &str) -> Option<ListRow<'_>> {
    fn field(rest: &str) -> Option<(&str, &str)> {
        let end = memchr::memchr(b'\t', rest.as_bytes())?;
        Some((&rest[..end], &rest[end + 1..]))
    }
    let (kind, rest) = field(line)?;
    let kind = match kind {
        "I" => EntryKind::Indexed,
        "B" => EntryKind::Broken,
        "O" => EntryKind::Other,
        _ => return None,
    };
    let (mtime, rest) = field(rest)?;
    let (size, rest) = field(rest)?;
    let (sha256, key) = field(rest)?;
    Some(ListRow {
        kind,
        mtime: mtime.parse().ok()?,
        size: size.parse().ok()?,
        sha256,
        key,
    })
}

pub(super) fn parse_files(text: &str, opstamp: u64) -> Option<HashMap<String, Entry>> {
    let mut map = HashMap::new();
    for line in list_rows(text, opstamp)?.split_terminator('\n') {
        let row = parse_row(line)?;
        map.insert(
            row.key.to_string(),
            Entry {
                kind: row.kind,
                mtime: row.mtime,
                size: row.size,
                sha256: row.sha256.to_string(),
            },
        );
    }
    Some(map)
}

/// Lists the root's YAML files with their stat, reading none of them.
pub(super) fn scan(root: &Root) -> Result<Vec<Seen>, SearchError> {
    match root {
        Root::Builtin => Ok(sources::builtin_files()
            .into_iter()
            .map(
                |SourceFile {
                     name, bytes, size, ..
                 }| Seen {
                    path: name,
                    mtime: 0,
                    size,
                    bytes: Some(bytes),
                    disk: None,
                },
            )
            .collect()),
        Root::Disk(dir) => {
            let files = if dir.is_file() {
                vec![(dir.clone(), std::fs::metadata(dir).map_err(io_err(dir))?)]
            } else {
                sources::yaml_files_with_metadata(dir)?
            };
            let mut seen: Vec<Seen> = files
                .into_iter()
                .map(|(p, meta)| {
                    let rel = match p.strip_prefix(dir) {
                        Ok(rel) if !rel.as_os_str().is_empty() => rel,
                        _ => Path::new(p.file_name().unwrap_or_default()),
                    };
                    Seen {
                        path: path_key(rel),
                        mtime: mtime_ns(&meta),
                        size: meta.len(),
                        bytes: None,
                        disk: Some(p),
                    }
                })
                .collect();
            // Files go to the index in a fixed order, so equal scores rank the same on every build.
            seen.sort_unstable_by(|a, b| a.path.cmp(&b.path));
            Ok(seen)
        }
    }
}

/// The key of a file in the files list and the index: its path below the root, its names joined
/// by `/` on every system (so an index and its list mean the same on Windows), byte for byte.
/// Text stays as it is; a backslash, tab or newline is escaped (`\\`, `\t`, `\n`) and a byte
/// that is not UTF-8 is written `\xNN`, so two names never share a key (as they would when
/// shown lossily, both ending in `�`) and one key never spans two lines of the list.
pub(super) fn path_key(rel: &Path) -> String {
    let mut out = String::with_capacity(rel.as_os_str().len());
    for (i, name) in rel.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        push_name_key(&mut out, name);
    }
    out
}

/// Appends the key form of one name (see [`path_key`]).
pub(super) fn push_name_key(out: &mut String, name: &std::ffi::OsStr) {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        push_key(out, name.as_bytes());
    }
    #[cfg(not(unix))]
    push_key(out, name.to_string_lossy().as_bytes());
}

/// A file's modification time as the files list records it: nanoseconds since 1970, 0 unknown.
pub(super) fn mtime_ns(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Appends the key form of a name's raw bytes (see [`path_key`]).
pub(super) fn push_key(out: &mut String, bytes: &[u8]) {
    // Most names need no escape: copied whole (the freshness sweep does this per file).
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.bytes().any(|b| matches!(b, b'\\' | b'\t' | b'\n')) {
            out.push_str(text);
            return;
        }
    }
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            use std::fmt::Write;
            let _ = write!(out, "\\x{b:02x}");
        }
    }
}

pub(super) enum Outcome {
    Same,
    Added(Entry),
    Updated(Entry),
    /// Was a risalah, now broken or another kind.
    Removed(Entry),
    /// Broken or not a risalah, as before.
    Skipped(Entry),
}

pub(super) enum Read {
    /// Same content as indexed: only the stat changed.
    Same,
    /// New or changed: its entry, and its document when it is a readable risalah.
    New {
        entry: Entry,
        doc: Option<TantivyDocument>,
    },
}

pub(super) fn read_one(
    s: &Seen,
    known: Option<&Entry>,
    fields: &Fields,
) -> Result<Read, SearchError> {
    let owned;
    // What was read, not what the scan's stat said: the file may have grown since.
    let mut size = s.size;
    let bytes: &[u8] = match (&s.bytes, &s.disk) {
        (Some(b), _) => b,
        (None, Some(path)) => match crate::files::read_bounded(path, format::MAX_BYTES) {
            Ok(read) => {
                size = read.size;
                owned = read.bytes;
                &owned
            }
            Err(_) => {
                // Deleted, unreadable or replaced by a FIFO since the scan: broken for now, and
                // with no stat remembered, so the next refresh reads it again whatever its stat.
                return Ok(Read::New {
                    entry: Entry {
                        kind: EntryKind::Broken,
                        mtime: 0,
                        size: s.size,
                        sha256: String::new(),
                    },
                    doc: None,
                });
            }
        },
        (None, None) => &[],
    };
    let sha256 = sha256_hex(bytes);
    if known.is_some_and(|e| e.sha256 == sha256) {
        return Ok(Read::Same);
    }
    let doc = if size > format::MAX_BYTES {
        format::too_large(size)
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

/// The files list as the archive reads and writes it, beside the index's own files.
impl Archive {
    /// The common case made cheap: when the files list describes the last commit and every file
    /// below the root still has the size and mtime it lists (and none is new or gone), nothing
    /// is read or written. `None` when anything differs: the full refresh then finds what.
    pub(super) fn fresh_as_listed(&self, root: &Root) -> Result<Option<Stats>, SearchError> {
        let Root::Disk(dir) = root else {
            return Ok(None);
        };
        if self.read_only() || self.pending || !dir.is_dir() {
            return Ok(None);
        }
        let opstamp = self
            .index
            .load_metas()
            .map_err(index_err(&self.folder))?
            .opstamp;
        // Mapped, not read: at 100,000 files a fresh 12 MB buffer, zeroed by the kernel and
        // then copied into, cost about a tenth of a search.
        let Ok(file) = read::open(
            &self.folder.join(FILES_FILE),
            read::Kind::IndexList,
            read::Links::Refuse,
        ) else {
            return Ok(None);
        };
        // SAFETY: the files list is only ever replaced whole by a rename (`write_atomic`),
        // never written in place, so the mapped bytes cannot change while they are read;
        // tantivy maps its own files in this folder the same way.
        let Ok(map) = (unsafe { memmap2::MmapOptions::new().populate().map(&file) }) else {
            return Ok(None);
        };
        let Ok(text) = std::str::from_utf8(&map) else {
            return Ok(None);
        };
        let Some(view) = super::sweep::View::parse(text, opstamp) else {
            return Ok(None);
        };
        // The folders' stamps are small (one line a folder) and read whole.
        let dirs = self.folder.join(DIRS_FILE);
        let stamps = read::read(&dirs, read::Kind::IndexList, read::Links::Refuse)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| super::sweep::Stamps::parse(&text, opstamp));
        let Some(fresh) = super::sweep::all_fresh(dir, &view, stamps.as_ref()) else {
            return Ok(None);
        };
        let files = fresh.files;
        if let Some(stamps) = fresh.stamps {
            // Only a cache: a failed write costs the next search a listing, nothing more.
            let _ = write_atomic(&dirs, &stamps.write(opstamp));
        }
        Ok(Some(Stats {
            files,
            indexed: view.count(EntryKind::Indexed),
            broken: view.count(EntryKind::Broken),
            other: view.count(EntryKind::Other),
            unchanged: files,
            ..Stats::default()
        }))
    }

    /// The files list and whether it describes the current commit.
    pub(super) fn load_files(&self) -> Result<(HashMap<String, Entry>, bool), SearchError> {
        let opstamp = self
            .index
            .load_metas()
            .map_err(index_err(&self.folder))?
            .opstamp;
        if let Some(map) = read::read(
            &self.folder.join(FILES_FILE),
            read::Kind::IndexList,
            read::Links::Refuse,
        )
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| parse_files(&text, opstamp))
        {
            return Ok((map, true));
        }
        // No list, or one from another commit: the index itself knows which files it holds and
        // their hashes; their stat is unknown, so each will be hashed once.
        Ok((self.files_from_index()?, false))
    }

    fn files_from_index(&self) -> Result<HashMap<String, Entry>, SearchError> {
        let reader = self.index.reader().map_err(index_err(&self.folder))?;
        let searcher = reader.searcher();
        let mut map = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let paths = fast.str("path").map_err(index_err(&self.folder))?;
            let hashes = fast.str("sha256").map_err(index_err(&self.folder))?;
            let (Some(paths), Some(hashes)) = (paths, hashes) else {
                continue;
            };
            for doc in segment.doc_ids_alive() {
                let (mut path, mut sha) = (String::new(), String::new());
                if let Some(ord) = paths.term_ords(doc).next() {
                    paths
                        .ord_to_str(ord, &mut path)
                        .map_err(io_err(&self.folder))?;
                }
                if let Some(ord) = hashes.term_ords(doc).next() {
                    hashes
                        .ord_to_str(ord, &mut sha)
                        .map_err(io_err(&self.folder))?;
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

    pub(super) fn save_files(
        &self,
        known: &HashMap<String, Entry>,
        opstamp: u64,
    ) -> Result<(), SearchError> {
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
        // The folders' stamps went with the list being replaced: the next passing sweep takes
        // them again.
        match std::fs::remove_file(self.folder.join(DIRS_FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(io_err(&self.folder.join(DIRS_FILE))(e))
            }
            _ => {}
        }
        write_atomic(&self.folder.join(FILES_FILE), &text)
    }
}
