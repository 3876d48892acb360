//! The one way tulta reads a file. Every file the program reads comes through here (a test in
//! `tests/conventions.rs` fails when code elsewhere opens one for reading), so each read is:
//!
//! - of a regular file only: opened without blocking (a FIFO with no writer would hang a plain
//!   open), then checked on the opened handle, so a FIFO, a device or a folder is refused before a
//!   byte is read and nothing can swap the file between the check and the read;
//! - bounded: each [`Kind`] of file has a limit, and at most `limit + 1` bytes are read whatever
//!   the metadata claims (a file growing while it is read, a `/proc` file that claims 0 bytes);
//! - through links only where the user named the path ([`Links::Follow`]). The files tulta finds
//!   for itself in the data folder or a competition's `jurnal/` folder — keys, pins, heads,
//!   journals — are opened with [`Links::Refuse`]: a link planted there is refused, not followed
//!   to `/dev/zero` or to another user's file (and a key's mode is set on the opened handle, never
//!   by path, so a link cannot turn a chmod onto its target);
//! - one error, [`ReadError`], that names the file, the kind and, when over it, the limit, in the
//!   user's language.
//!
//! Bytes come back as they are: decoding (BOM, line ends, UTF-16) is the caller's.
//!
//! On Windows there are no FIFOs in the file system and `O_NONBLOCK` has no counterpart; a link is
//! refused there by looking at the name before opening it (no `O_NOFOLLOW`): a documented weaker
//! path, since the name could be swapped between the look and the open.

use super::{special_kind, Unreadable};
use crate::i18n::{Lang, Localized};
use std::fs::File;
use std::io::{BufRead, Read};
use std::path::Path;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// What a file is to tulta, and so how large it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A risalah, `lomba.yaml` or rubric.
    Yaml,
    /// `config.yaml`.
    Config,
    /// A theme of the user's (`themes/NAME.yaml`).
    Theme,
    /// A judge's journal (`*.jsonl`), in the data folder, a competition's `jurnal/` or named.
    Journal,
    /// A judge's private key (`*.key`).
    Key,
    /// A public key pinned for a judge (`*.kunci`).
    Pin,
    /// A journal's head file (`*.head`): its line count and last hash.
    Head,
    /// A published ranking read back for its journal anchors (`verify --jejak`).
    Anchors,
    /// A judge's note left unsaved by a stopped session (`*.draft.json`).
    Draft,
    /// A stage's drawn presentation order (`undian-*.json`).
    Draw,
    /// A rule set the data folder keeps by fingerprint (`aturan/*.json`, spec §11).
    Rules,
    /// The overview's cache of checked files.
    Cache,
    /// The search index's own list of files.
    IndexList,
    /// The search index's schema version file.
    IndexVersion,
}

impl Kind {
    /// The most bytes a file of this kind may hold. Each is far above any real file of the kind
    /// and far below what would hurt a laptop.
    pub const fn limit(self) -> u64 {
        match self {
            // The spec's limit on a risalah (T-code for files too large).
            Kind::Yaml => 5 * MIB,
            // A few hundred bytes in practice.
            Kind::Config | Kind::Theme => 256 * KIB,
            // A few hundred bytes a score: a competition of 1,000 entries, 30 criteria and 10
            // stages is under 10 MiB a judge.
            Kind::Journal => 256 * MIB,
            // One line each.
            Kind::Key | Kind::Pin | Kind::Head | Kind::IndexVersion => 4 * KIB,
            // A published ranking: JSON, Markdown or XLSX of a few thousand rows.
            Kind::Anchors => 64 * MIB,
            // One note.
            Kind::Draft => 4 * MIB,
            // A list of entry ids.
            Kind::Draw => 4 * MIB,
            // A few hundred facts of a few dozen bytes.
            Kind::Rules => 4 * MIB,
            // About 12 MB at 100,000 files.
            Kind::Cache | Kind::IndexList => 256 * MIB,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Kind::Yaml => lang.pick("berkas YAML", "YAML file"),
            Kind::Config => lang.pick("konfigurasi", "config"),
            Kind::Theme => lang.pick("tema", "theme"),
            Kind::Journal => lang.pick("jurnal", "journal"),
            Kind::Key => lang.pick("kunci rahasia", "private key"),
            Kind::Pin => lang.pick("kunci yang disematkan", "pinned key"),
            Kind::Head => lang.pick("kepala jurnal", "journal head"),
            Kind::Anchors => lang.pick("peringkat terbitan (jejak)", "published ranking (anchors)"),
            Kind::Draft => lang.pick("draf catatan", "note draft"),
            Kind::Draw => lang.pick("urutan undian", "drawn order"),
            Kind::Rules => lang.pick("aturan yang disimpan", "kept rules"),
            Kind::Cache => lang.pick("cache ringkasan", "overview cache"),
            Kind::IndexList => lang.pick("daftar berkas indeks", "index file list"),
            Kind::IndexVersion => lang.pick("versi indeks", "index version"),
        }
    }
}

/// Whether a link at the path is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// The user named the path (on the command line, or their own config and themes): a link goes
    /// where they meant it to, and what it ends at must still be a regular file.
    Follow,
    /// A file tulta found for itself in its data folder or a competition's `jurnal/`: a link there
    /// was planted, not made by tulta, and is refused.
    Refuse,
}

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// There is no file by that name (for most kinds, simply "none yet").
    Missing,
    /// Larger than its kind's limit; not read past it.
    TooLarge,
    Unreadable(Unreadable),
}

/// A file not read: which, what kind, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub kind: Kind,
    pub why: Why,
}

impl ReadError {
    pub fn is_missing(&self) -> bool {
        self.why == Why::Missing
    }

    /// What is wrong, without the file's name (for messages that name it already).
    pub fn reason(&self, lang: Lang) -> String {
        let kind = self.kind.name(lang);
        match &self.why {
            Why::Missing => format!("{kind} {}", lang.pick("tidak ada", "does not exist")),
            Why::TooLarge => match lang {
                Lang::Id => format!(
                    "{kind} lebih besar dari batasnya, {}; tidak dibaca",
                    size_text(self.kind.limit())
                ),
                Lang::En => format!(
                    "{kind} larger than its limit of {}; not read",
                    size_text(self.kind.limit())
                ),
            },
            Why::Unreadable(u) => format!("{kind} {}", u.text(lang)),
        }
    }
}

impl Localized for ReadError {
    fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.reason(lang))
    }
}
crate::localized_error!(ReadError);

/// `256 KiB`, `5 MiB`: limits are whole units.
pub fn size_text(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} B")
    }
}

/// Reads a whole file of `kind`: regular, within its limit.
pub fn read(path: &Path, kind: Kind, links: Links) -> Result<Vec<u8>, ReadError> {
    let mut file = open(path, kind, links)?;
    read_from(&mut file, path, kind)
}

/// Reads a file of `kind` if there is one: `Ok(None)` when there is none.
pub fn read_if_any(path: &Path, kind: Kind, links: Links) -> Result<Option<Vec<u8>>, ReadError> {
    match read(path, kind, links) {
        Err(e) if e.is_missing() => Ok(None),
        other => other.map(Some),
    }
}

/// Opens a file of `kind` for reading: a regular file within its limit as its metadata says (the
/// read itself is bounded again by [`read_from`]).
pub fn open(path: &Path, kind: Kind, links: Links) -> Result<File, ReadError> {
    let mut options = File::options();
    options.read(true);
    open_with(&mut options, path, kind, links)
}

/// Opens a journal for reading and appending, made if missing: never through a link, and only a
/// regular file within the journal limit.
pub fn open_journal_for_update(path: &Path) -> Result<File, ReadError> {
    let mut options = File::options();
    options.read(true).write(true).create(true).truncate(false);
    open_with(&mut options, path, Kind::Journal, Links::Refuse)
}

/// Reads an opened file of `kind` to its end, at most its limit.
pub fn read_from(file: &mut File, path: &Path, kind: Kind) -> Result<Vec<u8>, ReadError> {
    let limit = kind.limit();
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(path, kind, Why::Unreadable(Unreadable::of(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(error(path, kind, Why::TooLarge));
    }
    Ok(bytes)
}

fn error(path: &Path, kind: Kind, why: Why) -> ReadError {
    ReadError {
        path: path.display().to_string(),
        kind,
        why,
    }
}

fn open_with(
    options: &mut std::fs::OpenOptions,
    path: &Path,
    kind: Kind,
    links: Links,
) -> Result<File, ReadError> {
    let file = open_regular(options, path, links).map_err(|f| error(path, kind, f.into()))?;
    let too_large = file.metadata().is_ok_and(|m| m.len() > kind.limit());
    if too_large {
        return Err(error(path, kind, Why::TooLarge));
    }
    Ok(file)
}

/// Why [`open_regular`] kept no handle.
enum Failed {
    Missing,
    Unreadable(Unreadable),
}

impl From<Failed> for Why {
    fn from(f: Failed) -> Why {
        match f {
            Failed::Missing => Why::Missing,
            Failed::Unreadable(u) => Why::Unreadable(u),
        }
    }
}

/// Opens `path` without blocking and keeps the handle only if it is a regular file.
fn open_regular(
    options: &mut std::fs::OpenOptions,
    path: &Path,
    links: Links,
) -> Result<File, Failed> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = match links {
            Links::Follow => 0,
            Links::Refuse => libc::O_NOFOLLOW,
        };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow);
    }
    // Elsewhere (Windows) the link is looked at by name before the open: weaker, as the name
    // could change in between, but opening the reparse point itself instead would also open a
    // OneDrive placeholder as its stub, not its content.
    #[cfg(not(unix))]
    if links == Links::Refuse
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(Failed::Unreadable(Unreadable::Link));
    }
    let file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            return Failed::Missing;
        }
        #[cfg(unix)]
        if links == Links::Refuse && e.raw_os_error() == Some(libc::ELOOP) {
            return Failed::Unreadable(Unreadable::Link);
        }
        Failed::Unreadable(Unreadable::of(&e))
    })?;
    let meta = file
        .metadata()
        .map_err(|e| Failed::Unreadable(Unreadable::of(&e)))?;
    if !meta.is_file() {
        return Err(Failed::Unreadable(Unreadable::NotRegular(special_kind(
            &meta,
        ))));
    }
    Ok(file)
}

/// What [`read_bounded`] got: the bytes, or only the size when it is over `limit`.
pub struct Bounded {
    pub bytes: Vec<u8>,
    /// The size read (or, when over the limit, at least `limit + 1`).
    pub size: u64,
}

/// Reads a file the user named for checking (a risalah, `lomba.yaml`, a rubric) up to `limit`:
/// like [`read`], but a file over the limit is not an error here, only its size is kept, for
/// `check` to report as a finding of that file.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Bounded, Unreadable> {
    let mut options = File::options();
    options.read(true);
    let file = open_regular(&mut options, path, Links::Follow).map_err(|f| match f {
        Failed::Missing => Unreadable::of(&std::io::Error::from(std::io::ErrorKind::NotFound)),
        Failed::Unreadable(u) => u,
    })?;
    let claimed = file.metadata().map(|m| m.len()).unwrap_or(0);
    if claimed > limit {
        return Ok(Bounded {
            bytes: Vec::new(),
            size: claimed,
        });
    }
    read_stream_bounded(file, limit).map_err(|e| Unreadable::of(&e))
}

/// Reads a stream (standard input for `check -`) as [`read_bounded`] reads a file: at most
/// `limit + 1` bytes, whatever comes, and over the limit only the size is kept.
pub fn read_stream_bounded(stream: impl Read, limit: u64) -> std::io::Result<Bounded> {
    let mut bytes = Vec::new();
    stream.take(limit + 1).read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        bytes = Vec::new();
    }
    Ok(Bounded { bytes, size })
}

/// The longest line [`BoundedLines`] takes; longer is an error, not a larger buffer.
pub const MAX_LINE: usize = 64 * 1024;

/// Lines of a stream (standard input) as `BufRead::lines` gives them, but none longer than
/// `max` bytes: a stream without line ends (`/dev/zero`) stops at the first `max + 1` bytes with
/// an error of kind `InvalidData` ([`is_line_too_long`]) instead of filling memory.
pub struct BoundedLines<R> {
    reader: R,
    max: usize,
    done: bool,
}

pub fn bounded_lines<R: BufRead>(reader: R, max: usize) -> BoundedLines<R> {
    BoundedLines {
        reader,
        max,
        done: false,
    }
}

#[derive(Debug)]
struct LineTooLong(usize);

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line longer than {} bytes", self.0)
    }
}

impl std::error::Error for LineTooLong {}

/// Whether an error of [`BoundedLines`] is a line over its limit; the limit if so.
pub fn is_line_too_long(e: &std::io::Error) -> Option<usize> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<LineTooLong>())
        .map(|t| t.0)
}

impl<R: BufRead> Iterator for BoundedLines<R> {
    type Item = std::io::Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let read = (&mut self.reader)
            .take(self.max as u64 + 2)
            .read_until(b'\n', &mut line);
        match read {
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
            Ok(0) => None,
            Ok(_) => {
                if line.last() == Some(&b'\n') {
                    line.pop();
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                }
                if line.len() > self.max {
                    self.done = true;
                    return Some(Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        LineTooLong(self.max),
                    )));
                }
                Some(String::from_utf8(line).map_err(|_| {
                    self.done = true;
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "stream did not contain valid UTF-8",
                    )
                }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_its_limit_is_refused_and_names_the_limit() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("x.head");
        std::fs::write(&path, vec![b'a'; 5000]).expect("write");
        let e = read(&path, Kind::Head, Links::Refuse).expect_err("too large");
        assert_eq!(e.why, Why::TooLarge);
        assert!(e.message(Lang::En).contains("4 KiB"), "{e}");
        assert!(e.message(Lang::Id).contains("kepala jurnal"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_only_when_asked() {
        let dir = tempfile::tempdir().expect("tmp");
        let target = dir.path().join("t");
        std::fs::write(&target, b"k").expect("write");
        let link = dir.path().join("j.key");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert_eq!(read(&link, Kind::Key, Links::Follow).expect("read"), b"k");
        let e = read(&link, Kind::Key, Links::Refuse).expect_err("refused");
        assert_eq!(e.why, Why::Unreadable(Unreadable::Link));
    }

    #[test]
    fn lines_stop_at_the_limit_and_keep_their_numbers() {
        let text = format!("a b c\r\n{}\nd\n", "x".repeat(20));
        let lines: Vec<_> = bounded_lines(text.as_bytes(), 10).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].as_ref().expect("first"), "a b c");
        assert_eq!(
            is_line_too_long(lines[1].as_ref().expect_err("long")),
            Some(10)
        );
        let exact: Vec<_> = bounded_lines("0123456789\n".as_bytes(), 10).collect();
        assert_eq!(exact[0].as_ref().expect("fits"), "0123456789");
    }
}
