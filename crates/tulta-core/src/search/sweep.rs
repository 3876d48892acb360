//! Proving an index fresh without reading it whole or stat-ing by path: the files list is read as
//! borrowed text into a hash map, and each folder below the root is listed and its `*.yaml` files
//! stat-ed relative to the open folder (`statx` asking for size and mtime only), folders in
//! parallel on all cores. It answers one question — does every file on disk match the list, and
//! is every listed file still there? — and stops at the first difference; the full refresh then
//! works out what changed.

use rustc_hash::FxHashMap;
use rustix::fd::{AsFd, OwnedFd};
use rustix::fs::{AtFlags, FileType, Mode, OFlags, StatxFlags, CWD};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The files list as stat pairs, borrowing the list's text.
pub(super) struct View<'a> {
    index: FxHashMap<&'a str, usize>,
    /// (mtime in ns, size) by position; mtime 0 means unknown: never fresh.
    stats: Vec<(u64, u64)>,
    /// Kind letters by position (`I`, `B`, `O`).
    pub kinds: Vec<u8>,
}

impl<'a> View<'a> {
    /// The list's rows, if its header names commit `opstamp` and every row parses.
    pub fn parse(text: &'a str, header: &str, opstamp: u64) -> Option<View<'a>> {
        let mut lines = text.lines();
        let stamp: u64 = lines.next()?.strip_prefix(header)?.trim().parse().ok()?;
        if stamp != opstamp {
            return None;
        }
        let rows = text.len() / 100 + 1;
        let mut view = View {
            index: FxHashMap::with_capacity_and_hasher(rows, Default::default()),
            stats: Vec::with_capacity(rows),
            kinds: Vec::with_capacity(rows),
        };
        for line in lines {
            let mut parts = line.splitn(5, '\t');
            let kind = *parts.next()?.as_bytes().first()?;
            let mtime = parts.next()?.parse().ok()?;
            let size = parts.next()?.parse().ok()?;
            let _sha = parts.next()?;
            let path = parts.next()?;
            view.index.insert(path, view.stats.len());
            view.stats.push((mtime, size));
            view.kinds.push(kind);
        }
        Some(view)
    }

    pub fn len(&self) -> usize {
        self.stats.len()
    }
}

struct Sweep<'v> {
    view: &'v View<'v>,
    present: Vec<AtomicBool>,
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
        present: (0..view.len()).map(|_| AtomicBool::new(false)).collect(),
        files: AtomicUsize::new(0),
        stale: AtomicBool::new(false),
    };
    rayon::scope(|scope| sweep.visit(scope, root, String::new()));
    let fresh = !sweep.stale.load(Ordering::Relaxed)
        && sweep.present.iter().all(|p| p.load(Ordering::Relaxed));
    fresh.then(|| sweep.files.load(Ordering::Relaxed))
}

fn is_yaml(name: &[u8]) -> bool {
    (name.len() > 5 && name.ends_with(b".yaml")) || (name.len() > 4 && name.ends_with(b".yml"))
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
        let Ok(mut dir) = rustix::fs::Dir::read_from(fd.as_fd()) else {
            return self.stale();
        };
        let mut key = prefix.clone();
        while let Some(entry) = dir.read() {
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
                super::indexer::push_key(&mut sub, name);
                sub.push('/');
                scope.spawn(move |scope| self.visit(scope, child, sub));
                continue;
            }
            if kind != FileType::RegularFile || !is_yaml(name) {
                continue;
            }
            self.files.fetch_add(1, Ordering::Relaxed);
            key.truncate(prefix.len());
            super::indexer::push_key(&mut key, name);
            let Some(&at) = self.view.index.get(key.as_str()) else {
                return self.stale(); // a new file
            };
            self.present[at].store(true, Ordering::Relaxed);
            let st = match rustix::fs::statx(
                &fd,
                entry.file_name(),
                AtFlags::SYMLINK_NOFOLLOW,
                StatxFlags::SIZE | StatxFlags::MTIME,
            ) {
                Ok(st) => st,
                Err(_) => return self.stale(),
            };
            let mtime = u64::try_from(st.stx_mtime.tv_sec)
                .unwrap_or(0)
                .saturating_mul(1_000_000_000)
                .saturating_add(u64::from(st.stx_mtime.tv_nsec));
            let (known_mtime, known_size) = self.view.stats[at];
            if known_mtime == 0 || known_mtime != mtime || known_size != st.stx_size {
                return self.stale();
            }
        }
    }
}
