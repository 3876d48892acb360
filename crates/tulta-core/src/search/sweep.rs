//! Proving an index fresh without reading it whole: the files list is read as borrowed text, and
//! each folder below the root is listed and its `*.yaml` files stat-ed, folders in parallel on all
//! cores. On Linux a file is stat-ed relative to the open folder (`statx` asking for size and
//! mtime only); elsewhere (macOS, Windows) through the standard library's listing, whose entries
//! on Windows already carry size and mtime. It answers one question — does every file on disk match the list, and is every
//! listed file still there? — and stops at the first difference; the full refresh then works out
//! what changed.
//!
//! At 100,000 files the kernel's share (listing, then one `statx` per file) is most of the cost,
//! so the user-space side does little per file and touches memory in order: folders are listed
//! into one buffer with `getdents64` (rustix's `RawDir`; its `Dir` copies every name into a
//! `CString`), a folder's names are sorted and walked beside its rows of the list (which is
//! sorted by key, so they are one run), and the threads share no counter they write per file. A
//! hash map of every key cost a cache miss or three per file.

use super::scan::{list_rows, parse_row, EntryKind, ListRow};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The files list, borrowing its text, in key order.
pub(super) struct View<'a> {
    rows: Vec<ListRow<'a>>,
}

/// The rows of a run of whole lines; `None` unless every one parses and the keys strictly
/// increase.
fn rows(lines: &str) -> Option<Vec<ListRow<'_>>> {
    let mut rows: Vec<ListRow> = Vec::with_capacity(lines.len() / 100 + 1);
    let mut start = 0;
    while start < lines.len() {
        let end =
            memchr::memchr(b'\n', &lines.as_bytes()[start..]).map_or(lines.len(), |i| start + i);
        let row = parse_row(&lines[start..end])?;
        start = end + 1;
        if rows.last().is_some_and(|last| last.key >= row.key) {
            return None;
        }
        rows.push(row);
    }
    Some(rows)
}

impl<'a> View<'a> {
    /// The list's rows, if its header names commit `opstamp`, every row parses and the keys are
    /// strictly increasing (as the list is written; anything else is not taken as fresh).
    pub fn parse(text: &'a str, opstamp: u64) -> Option<View<'a>> {
        let body = list_rows(text, opstamp)?;
        // In two halves on two threads: at 100,000 files this loop was a sixth of a search,
        // spent before the sweep could start.
        let bytes = body.as_bytes();
        let middle = bytes.len() / 2;
        let cut = memchr::memchr(b'\n', &bytes[middle..]).map_or(bytes.len(), |i| middle + i + 1);
        let (front, back) = body.split_at(cut);
        let (front, back) = rayon::join(|| rows(front), || rows(back));
        let (mut rows, back) = (front?, back?);
        if let (Some(last), Some(next)) = (rows.last(), back.first()) {
            if last.key >= next.key {
                return None;
            }
        }
        rows.extend(back);
        Some(View { rows })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// How many files of the list are of `kind`.
    pub fn count(&self, kind: EntryKind) -> usize {
        self.rows.iter().filter(|r| r.kind == kind).count()
    }

    /// The rows of the files directly in the folder whose keys start with `prefix`, in order.
    fn direct<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = &'s ListRow<'a>> {
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
    sweep(dir, view, !cfg!(feature = "portable-sweep"))
}

/// [`all_fresh`] by the Linux fast path when `fast` (elsewhere there is none), else by the
/// portable sweep.
fn sweep(dir: &Path, view: &View, fast: bool) -> Option<usize> {
    let sweep = Sweep {
        view,
        files: AtomicUsize::new(0),
        stale: AtomicBool::new(false),
    };
    #[cfg(target_os = "linux")]
    let portable = !fast;
    #[cfg(not(target_os = "linux"))]
    let portable = {
        let _ = fast;
        true
    };
    if portable {
        let root = dir.to_path_buf();
        rayon::scope(|scope| sweep.visit_portable(scope, root, String::new()));
    } else {
        #[cfg(target_os = "linux")]
        {
            let root = linux::open_folder(dir)?;
            rayon::scope(|scope| sweep.visit(scope, root, String::new()));
        }
    }
    let files = sweep.files.load(Ordering::Relaxed);
    // Each row matches at most one file, so as many files as rows means none is missing.
    (!sweep.stale.load(Ordering::Relaxed) && files == view.len()).then_some(files)
}

fn is_yaml(name: &[u8]) -> bool {
    (name.len() > 5 && name.ends_with(b".yaml")) || (name.len() > 4 && name.ends_with(b".yml"))
}

impl Sweep<'_> {
    fn stale(&self) {
        self.stale.store(true, Ordering::Relaxed);
    }

    /// Walks a folder's found files (sorted by key) beside its rows of the list; `stat` gives a
    /// file's (mtime in ns, size). False at the first difference.
    fn matches<T>(
        &self,
        prefix: &str,
        keys: &str,
        found: &[(std::ops::Range<usize>, T)],
        stat: impl Fn(&T) -> Option<(u64, u64)>,
    ) -> bool {
        let mut rows = self.view.direct(prefix);
        for (key, file) in found {
            let Some(row) = rows.next() else {
                return false; // a new file
            };
            if row.key[prefix.len()..] != keys[key.clone()] {
                return false; // a new file, or a listed one gone
            }
            let Some((mtime, size)) = stat(file) else {
                return false;
            };
            if row.mtime == 0 || row.mtime != mtime || row.size != size {
                return false;
            }
        }
        // Anything left is a listed file that is gone.
        rows.next().is_none()
    }

    /// The portable sweep: one folder by its path, with the standard library's listing.
    fn visit_portable<'s>(
        &'s self,
        scope: &rayon::Scope<'s>,
        dir: std::path::PathBuf,
        prefix: String,
    ) {
        if self.stale.load(Ordering::Relaxed) {
            return;
        }
        let Ok(listing) = std::fs::read_dir(&dir) else {
            return self.stale();
        };
        let mut keys = String::new();
        let mut found: Vec<(std::ops::Range<usize>, std::fs::DirEntry)> = Vec::new();
        for entry in listing {
            let Ok(entry) = entry else {
                return self.stale();
            };
            // The entry's own type: a symlink is neither a folder nor a file here, as in the scan.
            let Ok(kind) = entry.file_type() else {
                return self.stale();
            };
            let name = entry.file_name();
            if kind.is_dir() {
                let mut sub = prefix.clone();
                super::scan::push_name_key(&mut sub, &name);
                sub.push('/');
                let path = entry.path();
                scope.spawn(move |scope| self.visit_portable(scope, path, sub));
                continue;
            }
            let bytes = name.as_encoded_bytes();
            if !kind.is_file() || !is_yaml(bytes) {
                continue;
            }
            let start = keys.len();
            super::scan::push_name_key(&mut keys, &name);
            found.push((start..keys.len(), entry));
        }
        found.sort_unstable_by(|a, b| keys[a.0.clone()].cmp(&keys[b.0.clone()]));
        let fresh = self.matches(&prefix, &keys, &found, |entry| {
            let meta = entry.metadata().ok()?;
            Some((super::scan::mtime_ns(&meta), meta.len()))
        });
        if !fresh {
            return self.stale();
        }
        self.files.fetch_add(found.len(), Ordering::Relaxed);
    }
}

/// The Linux fast path: folders listed with `getdents64` and files stat-ed with `statx`
/// relative to the open folder.
#[cfg(target_os = "linux")]
mod linux {
    use super::{is_yaml, Sweep};
    use rustix::fd::OwnedFd;
    use rustix::fs::{AtFlags, FileType, Mode, OFlags, RawDir, StatxFlags, CWD};
    use std::ffi::CStr;
    use std::mem::MaybeUninit;
    use std::path::Path;
    use std::sync::atomic::Ordering;

    pub(super) fn open_folder(dir: &Path) -> Option<OwnedFd> {
        rustix::fs::openat(
            CWD,
            dir,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .ok()
    }

    /// Bytes `getdents64` may fill at once: a folder of 1,000 risalah in one or two calls.
    const LISTING_BUFFER: usize = 64 * 1024;

    impl Sweep<'_> {
        /// Lists one folder (its key prefix: the escaped path below the root, with a trailing `/`),
        /// checking its files here and handing its subfolders to other threads.
        pub(super) fn visit<'s>(&'s self, scope: &rayon::Scope<'s>, fd: OwnedFd, prefix: String) {
            if self.stale.load(Ordering::Relaxed) {
                return;
            }
            let mut buffer = vec![MaybeUninit::<u8>::uninit(); LISTING_BUFFER];
            let mut listing = RawDir::new(&fd, &mut buffer);
            let mut keys = String::new();
            let mut names: Vec<u8> = Vec::new();
            // Each YAML file: its key (escaped, below the folder) and its raw name with its NUL, as
            // ranges of the folder's two buffers.
            let mut found: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
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
                    crate::search::scan::push_key(&mut sub, name);
                    sub.push('/');
                    scope.spawn(move |scope| self.visit(scope, child, sub));
                    continue;
                }
                if kind != FileType::RegularFile || !is_yaml(name) {
                    continue;
                }
                let key_start = keys.len();
                crate::search::scan::push_key(&mut keys, name);
                let name_start = names.len();
                names.extend_from_slice(entry.file_name().to_bytes_with_nul());
                found.push((key_start..keys.len(), name_start..names.len()));
            }
            found.sort_unstable_by(|a, b| keys[a.0.clone()].cmp(&keys[b.0.clone()]));
            let fresh = self.matches(&prefix, &keys, &found, |name| {
                let name = CStr::from_bytes_with_nul(&names[name.clone()]).ok()?;
                let st = rustix::fs::statx(
                    &fd,
                    name,
                    AtFlags::SYMLINK_NOFOLLOW,
                    StatxFlags::SIZE | StatxFlags::MTIME,
                )
                .ok()?;
                let mtime = u64::try_from(st.stx_mtime.tv_sec)
                    .unwrap_or(0)
                    .saturating_mul(1_000_000_000)
                    .saturating_add(u64::from(st.stx_mtime.tv_nsec));
                Some((mtime, st.stx_size))
            });
            if !fresh {
                return self.stale();
            }
            self.files.fetch_add(found.len(), Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The portable sweep (macOS, Windows) and the Linux fast path agree, file for file.
    #[test]
    fn both_sweeps_see_the_same_folder() {
        let dir = tempfile::tempdir().expect("tmp");
        let root = dir.path();
        for (name, text) in [
            ("a.yaml", "a"),
            ("sub/b.yml", "bb"),
            ("sub/deeper/c.yaml", "ccc"),
            ("catatan.txt", "not yaml"),
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        let list = |root: &Path| {
            let mut rows: Vec<String> = ["a.yaml", "sub/b.yml", "sub/deeper/c.yaml"]
                .iter()
                .filter_map(|key| {
                    let meta = std::fs::metadata(root.join(key)).ok()?;
                    let mtime = super::super::scan::mtime_ns(&meta);
                    Some(format!("I\t{mtime}\t{}\tx\t{key}\n", meta.len()))
                })
                .collect();
            rows.sort_by(|a, b| a.rsplit('\t').next().cmp(&b.rsplit('\t').next()));
            format!("tulta-files 1 7\n{}", rows.concat())
        };
        let text = list(root);
        let view = View::parse(&text, 7).expect("parses");
        let both = |view: &View| (sweep(root, view, true), sweep(root, view, false));
        assert_eq!(both(&view), (Some(3), Some(3)));
        std::fs::write(root.join("sub/b.yml"), "changed").expect("write");
        assert_eq!(both(&view), (None, None), "a changed file");
        let text = list(root);
        let view = View::parse(&text, 7).expect("parses");
        assert_eq!(both(&view), (Some(3), Some(3)));
        std::fs::write(root.join("sub/new.yaml"), "n").expect("write");
        assert_eq!(both(&view), (None, None), "a new file");
        std::fs::remove_file(root.join("sub/new.yaml")).expect("rm");
        std::fs::remove_file(root.join("a.yaml")).expect("rm");
        assert_eq!(both(&view), (None, None), "a file gone");
    }

    #[test]
    fn rows_parse_byte_for_byte() {
        let text = "tulta-files 1 7\nB\t0\t5\t\tc.yml\nI\t12\t34\tabc\tdir/a b.yaml\n";
        let view = View::parse(text, 7).expect("parses");
        assert_eq!(view.len(), 2);
        let rows: Vec<_> = view.rows.iter().map(|r| (r.key, r.mtime, r.size)).collect();
        assert_eq!(rows, vec![("c.yml", 0, 5), ("dir/a b.yaml", 12, 34)]);
        assert_eq!(
            (
                view.count(EntryKind::Broken),
                view.count(EntryKind::Indexed)
            ),
            (1, 1)
        );
        assert!(View::parse(text, 8).is_none(), "another commit");
        let unsorted = "tulta-files 1 7\nI\t1\t3\ts\tb\nI\t1\t3\ts\ta\n";
        let twice = "tulta-files 1 7\nI\t1\t3\ts\ta\nI\t1\t3\ts\ta\n";
        for bad in [
            "tulta-files 1 7\nI\t1x\t3\ts\tp\n",
            "tulta-files 1 7\nIB\t1\t3\ts\tp\n",
            "tulta-files 1 7\nI\t1\t3\n",
            "tulta-files 1 7\nI\t18446744073709551616\t3\ts\tp\n",
            unsorted,
            twice,
        ] {
            assert!(View::parse(bad, 7).is_none(), "{bad:?}");
        }
        let max = "tulta-files 1 7\nI\t18446744073709551615\t3\ts\tp\n";
        assert_eq!(View::parse(max, 7).map(|v| v.rows[0].mtime), Some(u64::MAX));
    }
}
