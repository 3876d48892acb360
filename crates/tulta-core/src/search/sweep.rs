//! Proving an index fresh without reading it whole or stat-ing by path: the files list is read as
//! borrowed text, and each folder below the root is listed and its `*.yaml` files stat-ed
//! relative to the open folder (`statx` asking for size and mtime only), folders in parallel on
//! all cores. It answers one question — does every file on disk match the list, and is every
//! listed file still there? — and stops at the first difference; the full refresh then works out
//! what changed.
//!
//! At 100,000 files the kernel's share (listing, then one `statx` per file) is most of the cost,
//! so the user-space side does little per file and touches memory in order: folders are listed
//! into one buffer with `getdents64` (rustix's `RawDir`; its `Dir` copies every name into a
//! `CString`), a folder's names are sorted and walked beside its rows of the list (which is
//! sorted by key, so they are one run), and the threads share no counter they write per file. A
//! hash map of every key cost a cache miss or three per file.

use rustix::fd::OwnedFd;
use rustix::fs::{AtFlags, FileType, Mode, OFlags, RawDir, StatxFlags, CWD};
use std::ffi::CStr;
use std::mem::MaybeUninit;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// One row of the files list.
struct Row<'a> {
    key: &'a str,
    /// Modification time in ns; 0 means unknown: never fresh.
    mtime: u64,
    size: u64,
}

/// The files list, borrowing its text, in key order.
pub(super) struct View<'a> {
    rows: Vec<Row<'a>>,
    /// Kind letters by row (`I`, `B`, `O`).
    pub kinds: Vec<u8>,
}

/// The next tab-separated field of `row` from byte `at`, and where the one after it starts.
fn field(row: &str, at: usize) -> Option<(&str, usize)> {
    let rest = row.get(at..)?;
    let end = memchr::memchr(b'\t', rest.as_bytes())?;
    Some((&rest[..end], at + end + 1))
}

/// A decimal `u64` as the list writes it: digits only.
fn number(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    digits.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit()
            .then(|| n.checked_mul(10)?.checked_add(u64::from(b - b'0')))
            .flatten()
    })
}

/// Rows of a run of whole lines, with their kind letters; `None` unless every one parses and
/// the keys strictly increase.
fn rows(lines: &str) -> Option<(Vec<Row<'_>>, Vec<u8>)> {
    let guess = lines.len() / 100 + 1;
    let (mut rows, mut kinds) = (Vec::with_capacity(guess), Vec::with_capacity(guess));
    let mut start = 0;
    while start < lines.len() {
        let end =
            memchr::memchr(b'\n', &lines.as_bytes()[start..]).map_or(lines.len(), |i| start + i);
        let line = &lines[start..end];
        start = end + 1;
        // kind \t mtime \t size \t sha256 \t key (the key is the rest: it holds no tab).
        let (kind, at) = field(line, 0)?;
        let &[kind] = kind.as_bytes() else {
            return None;
        };
        let (mtime, at) = field(line, at)?;
        let (size, at) = field(line, at)?;
        let (_sha, at) = field(line, at)?;
        let key = line.get(at..)?;
        if rows.last().is_some_and(|last: &Row| last.key >= key) {
            return None;
        }
        rows.push(Row {
            key,
            mtime: number(mtime)?,
            size: number(size)?,
        });
        kinds.push(kind);
    }
    Some((rows, kinds))
}

impl<'a> View<'a> {
    /// The list's rows, if its header names commit `opstamp`, every row parses and the keys are
    /// strictly increasing (as the list is written; anything else is not taken as fresh).
    pub fn parse(text: &'a str, header: &str, opstamp: u64) -> Option<View<'a>> {
        let (first, body) = text.split_once('\n')?;
        let stamp: u64 = first.strip_prefix(header)?.trim().parse().ok()?;
        if stamp != opstamp {
            return None;
        }
        // In two halves on two threads: at 100,000 files this loop was a sixth of a search,
        // spent before the sweep could start.
        let bytes = body.as_bytes();
        let middle = bytes.len() / 2;
        let cut = memchr::memchr(b'\n', &bytes[middle..]).map_or(bytes.len(), |i| middle + i + 1);
        let (front, back) = body.split_at(cut);
        let (front, back) = rayon::join(|| rows(front), || rows(back));
        let ((mut rows, mut kinds), (back_rows, back_kinds)) = (front?, back?);
        if let (Some(last), Some(next)) = (rows.last(), back_rows.first()) {
            if last.key >= next.key {
                return None;
            }
        }
        rows.extend(back_rows);
        kinds.extend(back_kinds);
        Some(View { rows, kinds })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The rows of the files directly in the folder whose keys start with `prefix`, in order.
    fn direct<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = &'s Row<'a>> {
        let start = self.rows.partition_point(|r| r.key < prefix);
        let below = &self.rows[start..];
        let len = below.partition_point(|r| r.key.starts_with(prefix));
        below[..len]
            .iter()
            .filter(move |r| !r.key[prefix.len()..].contains('/'))
    }
}

struct Sweep<'v> {
    view: &'v View<'v>,
    /// Files found and matched, over all folders.
    files: AtomicUsize,
    stale: AtomicBool,
}

/// The number of YAML files below `dir` when every one matches `view` and none of `view` is
/// missing; `None` at the first difference (or a folder that cannot be listed).
pub(super) fn all_fresh(dir: &Path, view: &View) -> Option<usize> {
    let root = rustix::fs::openat(
        CWD,
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .ok()?;
    let sweep = Sweep {
        view,
        files: AtomicUsize::new(0),
        stale: AtomicBool::new(false),
    };
    rayon::scope(|scope| sweep.visit(scope, root, String::new()));
    let files = sweep.files.load(Ordering::Relaxed);
    // Each row matches at most one file, so as many files as rows means none is missing.
    (!sweep.stale.load(Ordering::Relaxed) && files == view.len()).then_some(files)
}

fn is_yaml(name: &[u8]) -> bool {
    (name.len() > 5 && name.ends_with(b".yaml")) || (name.len() > 4 && name.ends_with(b".yml"))
}

/// Bytes `getdents64` may fill at once: a folder of 1,000 risalah in one or two calls.
const LISTING_BUFFER: usize = 64 * 1024;

/// A YAML file of the folder being swept: its key (escaped, below the folder) and its raw name
/// with its NUL, as ranges of the folder's two buffers.
struct Found {
    key: std::ops::Range<usize>,
    name: std::ops::Range<usize>,
}

impl<'v> Sweep<'v> {
    fn stale(&self) {
        self.stale.store(true, Ordering::Relaxed);
    }

    /// Lists one folder (its key prefix: the escaped path below the root, with a trailing `/`),
    /// checking its files here and handing its subfolders to other threads.
    fn visit<'s>(&'s self, scope: &rayon::Scope<'s>, fd: OwnedFd, prefix: String) {
        if self.stale.load(Ordering::Relaxed) {
            return;
        }
        let mut buffer = vec![MaybeUninit::<u8>::uninit(); LISTING_BUFFER];
        let mut listing = RawDir::new(&fd, &mut buffer);
        let mut keys = String::new();
        let mut names: Vec<u8> = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        while let Some(entry) = listing.next() {
            let Ok(entry) = entry else {
                return self.stale();
            };
            let name = entry.file_name().to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let mut kind = entry.file_type();
            if kind == FileType::Unknown {
                // Some file systems do not fill in the type while listing.
                match rustix::fs::statx(
                    &fd,
                    entry.file_name(),
                    AtFlags::SYMLINK_NOFOLLOW,
                    StatxFlags::TYPE,
                ) {
                    Ok(st) => kind = FileType::from_raw_mode(st.stx_mode.into()),
                    Err(_) => continue,
                }
            }
            if kind == FileType::Directory {
                let Ok(child) = rustix::fs::openat(
                    &fd,
                    entry.file_name(),
                    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC | OFlags::NOFOLLOW,
                    Mode::empty(),
                ) else {
                    return self.stale();
                };
                let mut sub = prefix.clone();
                super::scan::push_key(&mut sub, name);
                sub.push('/');
                scope.spawn(move |scope| self.visit(scope, child, sub));
                continue;
            }
            if kind != FileType::RegularFile || !is_yaml(name) {
                continue;
            }
            let key_start = keys.len();
            super::scan::push_key(&mut keys, name);
            let name_start = names.len();
            names.extend_from_slice(entry.file_name().to_bytes_with_nul());
            found.push(Found {
                key: key_start..keys.len(),
                name: name_start..names.len(),
            });
        }
        found.sort_unstable_by(|a, b| keys[a.key.clone()].cmp(&keys[b.key.clone()]));
        let mut rows = self.view.direct(&prefix);
        for file in &found {
            let Some(row) = rows.next() else {
                return self.stale(); // a new file
            };
            if row.key[prefix.len()..] != keys[file.key.clone()] {
                return self.stale(); // a new file, or a listed one gone
            }
            let Ok(name) = CStr::from_bytes_with_nul(&names[file.name.clone()]) else {
                return self.stale();
            };
            let Ok(st) = rustix::fs::statx(
                &fd,
                name,
                AtFlags::SYMLINK_NOFOLLOW,
                StatxFlags::SIZE | StatxFlags::MTIME,
            ) else {
                return self.stale();
            };
            let mtime = u64::try_from(st.stx_mtime.tv_sec)
                .unwrap_or(0)
                .saturating_mul(1_000_000_000)
                .saturating_add(u64::from(st.stx_mtime.tv_nsec));
            if row.mtime == 0 || row.mtime != mtime || row.size != st.stx_size {
                return self.stale();
            }
        }
        if rows.next().is_some() {
            return self.stale(); // a listed file is gone
        }
        self.files.fetch_add(found.len(), Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_parse_byte_for_byte() {
        let text = "h 7\nB\t0\t5\t\tc.yml\nI\t12\t34\tabc\tdir/a b.yaml\n";
        let view = View::parse(text, "h", 7).expect("parses");
        assert_eq!(view.len(), 2);
        let rows: Vec<_> = view.rows.iter().map(|r| (r.key, r.mtime, r.size)).collect();
        assert_eq!(rows, vec![("c.yml", 0, 5), ("dir/a b.yaml", 12, 34)]);
        assert_eq!(view.kinds, b"BI".to_vec());
        assert!(View::parse(text, "h", 8).is_none(), "another commit");
        let unsorted = "h 7\nI\t1\t3\ts\tb\nI\t1\t3\ts\ta\n";
        let twice = "h 7\nI\t1\t3\ts\ta\nI\t1\t3\ts\ta\n";
        for bad in [
            "h 7\nI\t1x\t3\ts\tp\n",
            "h 7\nIB\t1\t3\ts\tp\n",
            "h 7\nI\t1\t3\n",
            unsorted,
            twice,
        ] {
            assert!(View::parse(bad, "h", 7).is_none(), "{bad:?}");
        }
        assert_eq!(number("18446744073709551615"), Some(u64::MAX));
        assert_eq!(number("18446744073709551616"), None);
    }
}
