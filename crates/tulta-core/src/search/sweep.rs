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
//!
//! Listing a folder (`getdents64`; on ext4 the kernel hashes and sorts every name) was a quarter
//! of the sweep's system time, and only answers "is a file new or gone?". On Linux file systems
//! that keep a folder's change time (ext2/3/4, XFS, Btrfs, tmpfs, F2FS), any name added to,
//! removed from or renamed in a folder sets its ctime to the current time, and no call can set it
//! back (`utime` moves mtime, and sets ctime to now). So a passing sweep records each folder's
//! (inode, ctime, mtime) in `tulta-dirs`, and the next sweep lists only folders whose stamp moved:
//! an unchanged folder's names are the list's rows, and each of them is still `statx`-ed (an edit
//! in place changes only the file's own stamp). A stamp whose ctime was within [`RACY_NS`] of
//! the moment it was taken is not trusted (a change in the same clock tick could leave it equal);
//! such a folder is listed every time, as every folder is elsewhere (macOS, Windows, FAT, network
//! file systems).

use super::scan::{list_rows, parse_row, EntryKind, ListRow};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

/// The first line of `tulta-dirs`, followed by the commit it goes with and when it was taken.
pub(super) const DIRS_HEADER: &str = "tulta-dirs 1";
/// How long before the sweep that took it a folder's ctime must be for its stamp to be trusted:
/// far more than any of the listed file systems' clock tick.
const RACY_NS: u64 = 1_000_000_000;

/// A folder's identity and change times, as `statx` gives them (read only on Linux).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    ino: u64,
    ctime: u64,
    mtime: u64,
}

/// The folders a passing sweep saw (key prefix, `""` for the root, and its stamp when it may be
/// trusted), in prefix order: every folder, so that an unchanged folder's subfolders are known
/// without listing it.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Stamps {
    folders: Vec<(String, Option<Stamp>)>,
}

impl Stamps {
    /// The stamps of `text` (a `tulta-dirs` file), if it names commit `opstamp`.
    pub fn parse(text: &str, opstamp: u64) -> Option<Stamps> {
        let (header, rows) = text.split_once('\n')?;
        let stamp: u64 = header.strip_prefix(DIRS_HEADER)?.trim().parse().ok()?;
        if stamp != opstamp {
            return None;
        }
        let mut folders = Vec::new();
        for line in rows.split_terminator('\n') {
            let mut parts = line.splitn(4, '\t');
            let (ino, ctime, mtime, prefix) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let stamp = match ino {
                "-" => None,
                _ => Some(Stamp {
                    ino: ino.parse().ok()?,
                    ctime: ctime.parse().ok()?,
                    mtime: mtime.parse().ok()?,
                }),
            };
            folders.push((prefix.to_string(), stamp));
        }
        folders.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Some(Stamps { folders })
    }

    pub fn write(&self, opstamp: u64) -> String {
        let mut text = format!("{DIRS_HEADER} {opstamp}\n");
        for (prefix, stamp) in &self.folders {
            match stamp {
                Some(s) => {
                    text.push_str(&format!("{}\t{}\t{}\t{prefix}\n", s.ino, s.ctime, s.mtime))
                }
                None => text.push_str(&format!("-\t-\t-\t{prefix}\n")),
            }
        }
        text
    }

    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    fn get(&self, prefix: &str) -> Option<&Option<Stamp>> {
        let i = self
            .folders
            .binary_search_by(|(p, _)| p.as_str().cmp(prefix))
            .ok()?;
        Some(&self.folders[i].1)
    }

    /// The names of the folder's direct subfolders, `None` if one needs unescaping.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    fn children<'s>(&'s self, prefix: &str) -> Option<Vec<&'s str>> {
        let mut names = Vec::new();
        for (p, _) in &self.folders {
            let Some(rest) = p.strip_prefix(prefix) else {
                continue;
            };
            let Some(name) = rest.strip_suffix('/') else {
                continue;
            };
            if name.is_empty() || name.contains('/') {
                continue;
            }
            if name.contains('\\') {
                return None;
            }
            names.push(name);
        }
        Some(names)
    }
}

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

// The stamps are taken and used on Linux only.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
struct Sweep<'v> {
    view: &'v View<'v>,
    /// The last passing sweep's folders, when they go with this list.
    stamps: Option<&'v Stamps>,
    /// When this sweep started, ns since 1970.
    taken: u64,
    racy: u64,
    /// Files found and matched, over all folders.
    files: AtomicUsize,
    stale: AtomicBool,
    /// What this sweep saw of each folder, for the next one.
    seen: Mutex<Vec<(String, Option<Stamp>)>>,
}

/// What a passing sweep found.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Fresh {
    pub files: usize,
    /// The folders' stamps to keep for the next sweep, when they differ from those it was given.
    pub stamps: Option<Stamps>,
}

/// The number of YAML files below `dir` when every one matches `view` and none of `view` is
/// missing; `None` at the first difference (or a folder that cannot be listed). `stamps`, from
/// the last passing sweep over the same list, spare listing the folders that did not change.
pub(super) fn all_fresh(dir: &Path, view: &View, stamps: Option<&Stamps>) -> Option<Fresh> {
    sweep(
        dir,
        view,
        stamps,
        !cfg!(feature = "portable-sweep"),
        RACY_NS,
    )
}

/// [`all_fresh`] by the Linux fast path when `fast` (elsewhere there is none), else by the
/// portable sweep.
/// `racy`: how old a folder's ctime must be for its stamp to be trusted ([`RACY_NS`]).
fn sweep(dir: &Path, view: &View, stamps: Option<&Stamps>, fast: bool, racy: u64) -> Option<Fresh> {
    let taken = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    let sweep = Sweep {
        view,
        stamps,
        taken,
        racy,
        files: AtomicUsize::new(0),
        stale: AtomicBool::new(false),
        seen: Mutex::new(Vec::new()),
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
            let stamped = linux::keeps_folder_times(&root);
            rayon::scope(|scope| sweep.visit(scope, root, String::new(), stamped));
        }
    }
    let files = sweep.files.load(Ordering::Relaxed);
    // Each row matches at most one file, so as many files as rows means none is missing.
    if sweep.stale.load(Ordering::Relaxed) || files != view.len() {
        return None;
    }
    let mut seen = sweep.seen.into_inner().unwrap_or_else(|e| e.into_inner());
    seen.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let seen = Stamps { folders: seen };
    let changed = !seen.folders.is_empty() && stamps != Some(&seen);
    Some(Fresh {
        files,
        stamps: changed.then_some(seen),
    })
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
    use super::{is_yaml, Stamp, Sweep};
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

    /// Whether the folder is on a file system known to set a folder's ctime whenever a name in
    /// it changes, at a fine clock tick (ext2/3/4, XFS, Btrfs, tmpfs, F2FS).
    pub(super) fn keeps_folder_times(fd: &OwnedFd) -> Option<u64> {
        const KNOWN: [u64; 5] = [0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0xF2F5_2010];
        let fs = rustix::fs::fstatfs(fd).ok()?;
        #[allow(clippy::unnecessary_cast)] // the field's type differs between architectures
        let kind = fs.f_type as u64;
        if !KNOWN.contains(&kind) {
            return None;
        }
        let st = rustix::fs::fstat(fd).ok()?;
        #[allow(clippy::unnecessary_cast)]
        Some(st.st_dev as u64)
    }

    /// The folder's stamp, when it is on device `dev`.
    fn stamp_of(fd: &OwnedFd, dev: u64) -> Option<Stamp> {
        let st = rustix::fs::statx(
            fd,
            "",
            AtFlags::EMPTY_PATH,
            StatxFlags::INO | StatxFlags::CTIME | StatxFlags::MTIME,
        )
        .ok()?;
        let same_dev = rustix::fs::makedev(st.stx_dev_major, st.stx_dev_minor) == dev;
        same_dev.then(|| Stamp {
            ino: st.stx_ino,
            ctime: ns(st.stx_ctime),
            mtime: ns(st.stx_mtime),
        })
    }

    fn ns(t: rustix::fs::StatxTimestamp) -> u64 {
        u64::try_from(t.tv_sec)
            .unwrap_or(0)
            .saturating_mul(1_000_000_000)
            .saturating_add(u64::from(t.tv_nsec))
    }

    /// (mtime in ns, size) of the regular file `name` in the folder.
    fn file_stat<P: rustix::path::Arg>(fd: &OwnedFd, name: P) -> Option<(u64, u64)> {
        let st = rustix::fs::statx(
            fd,
            name,
            AtFlags::SYMLINK_NOFOLLOW,
            StatxFlags::TYPE | StatxFlags::SIZE | StatxFlags::MTIME,
        )
        .ok()?;
        (FileType::from_raw_mode(st.stx_mode.into()) == FileType::RegularFile)
            .then(|| (ns(st.stx_mtime), st.stx_size))
    }

    /// Bytes `getdents64` may fill at once: a folder of 1,000 risalah in one or two calls.
    const LISTING_BUFFER: usize = 64 * 1024;

    impl Sweep<'_> {
        /// Checks one folder (its key prefix: the escaped path below the root, with a trailing
        /// `/`) — from the list alone when its stamp is unchanged, else by listing it — and hands
        /// its subfolders to other threads. `dev`: the root's device, when its file system keeps
        /// folder times.
        pub(super) fn visit<'s>(
            &'s self,
            scope: &rayon::Scope<'s>,
            fd: OwnedFd,
            prefix: String,
            dev: Option<u64>,
        ) {
            if self.stale.load(Ordering::Relaxed) {
                return;
            }
            // Taken before the listing: a change after it moves the ctime past this stamp.
            let now = dev.and_then(|dev| stamp_of(&fd, dev));
            let trusted = now.filter(|s| s.ctime.saturating_add(self.racy) < self.taken);
            if let Some(stamp) = trusted {
                let recorded = self.stamps.and_then(|s| s.get(&prefix)).copied().flatten();
                if recorded == Some(stamp) && self.unchanged_folder(scope, &fd, &prefix, dev) {
                    self.record(prefix, trusted);
                    return;
                }
            }
            self.list(scope, fd, prefix, dev, trusted);
        }

        fn record(&self, prefix: String, stamp: Option<Stamp>) {
            if let Ok(mut seen) = self.seen.lock() {
                seen.push((prefix, stamp));
            }
        }

        /// A folder whose names are as when its stamp was recorded: its files are the list's
        /// rows and its subfolders the recorded ones. False (nothing done) when a name needs
        /// unescaping; then the folder is listed.
        fn unchanged_folder<'s>(
            &'s self,
            scope: &rayon::Scope<'s>,
            fd: &OwnedFd,
            prefix: &str,
            dev: Option<u64>,
        ) -> bool {
            let Some(children) = self.stamps.and_then(|s| s.children(prefix)) else {
                return false;
            };
            let rows: Vec<&str> = self
                .view
                .direct(prefix)
                .map(|r| &r.key[prefix.len()..])
                .collect();
            if rows.iter().any(|name| name.contains('\\')) {
                return false;
            }
            for name in children {
                let Ok(child) = rustix::fs::openat(
                    fd,
                    name,
                    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC | OFlags::NOFOLLOW,
                    Mode::empty(),
                ) else {
                    self.stale();
                    return true;
                };
                let sub = format!("{prefix}{name}/");
                scope.spawn(move |scope| self.visit(scope, child, sub, dev));
            }
            let mut count = 0;
            for (row, name) in self.view.direct(prefix).zip(rows) {
                match file_stat(fd, name) {
                    Some((mtime, size))
                        if row.mtime != 0 && row.mtime == mtime && row.size == size =>
                    {
                        count += 1
                    }
                    _ => {
                        self.stale();
                        return true;
                    }
                }
            }
            self.files.fetch_add(count, Ordering::Relaxed);
            true
        }

        /// Lists one folder, checking its files here and handing its subfolders on.
        fn list<'s>(
            &'s self,
            scope: &rayon::Scope<'s>,
            fd: OwnedFd,
            prefix: String,
            dev: Option<u64>,
            stamp: Option<Stamp>,
        ) {
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
                    scope.spawn(move |scope| self.visit(scope, child, sub, dev));
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
                file_stat(&fd, CStr::from_bytes_with_nul(&names[name.clone()]).ok()?)
            });
            if !fresh {
                return self.stale();
            }
            self.files.fetch_add(found.len(), Ordering::Relaxed);
            self.record(prefix, stamp);
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
        let both = |view: &View| {
            let files = |fast| sweep(root, view, None, fast, RACY_NS).map(|f| f.files);
            (files(true), files(false))
        };
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

    /// The list of `keys` below `root` as the index writes it (for the folder-stamp tests, which
    /// run where folder stamps exist).
    #[cfg(target_os = "linux")]
    fn list_of(root: &Path, keys: &[&str]) -> String {
        let mut rows: Vec<String> = keys
            .iter()
            .filter_map(|key| {
                let meta = std::fs::metadata(root.join(key)).ok()?;
                let mtime = super::super::scan::mtime_ns(&meta);
                Some(format!("I\t{mtime}\t{}\tx\t{key}\n", meta.len()))
            })
            .collect();
        rows.sort_by(|a, b| a.rsplit('\t').next().cmp(&b.rsplit('\t').next()));
        format!("tulta-files 1 7\n{}", rows.concat())
    }

    /// Folder stamps spare listing unchanged folders, and still every file is stat-ed and every
    /// added, removed or renamed name is seen, even with the folder's mtime set back.
    #[cfg(target_os = "linux")]
    #[test]
    fn unchanged_folders_are_not_listed_and_changed_ones_are() {
        let dir = tempfile::tempdir().expect("tmp");
        let root = dir.path();
        let keys = ["a.yaml", "sub/b.yml", "sub/deeper/c.yaml"];
        for key in keys {
            let path = root.join(key);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "isi").expect("write");
        }
        std::fs::create_dir(root.join("kosong")).expect("mkdir");
        if linux::keeps_folder_times(&linux::open_folder(root).expect("open")).is_none() {
            eprintln!("temporary folder on a file system without folder stamps: skipped");
            return;
        }
        // Past any clock tick: the stamps taken next are trusted with a racy margin of 0.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let text = list_of(root, &keys);
        let view = View::parse(&text, 7).expect("parses");
        let run = |stamps: Option<&Stamps>| sweep(root, &view, stamps, true, 0);
        let first = run(None).expect("fresh");
        let stamps = first.stamps.expect("stamps taken");
        assert_eq!(first.files, 3);
        assert_eq!(stamps.folders.len(), 4, "{stamps:?}");
        assert!(
            stamps.folders.iter().all(|(_, s)| s.is_some()),
            "{stamps:?}"
        );
        let again = Stamps::parse(&stamps.write(7), 7).expect("reads back");
        assert_eq!(again, stamps);
        assert!(
            Stamps::parse(&stamps.write(7), 8).is_none(),
            "another commit"
        );
        assert_eq!(
            run(Some(&stamps)),
            Some(Fresh {
                files: 3,
                stamps: None
            })
        );

        // Trusted, not listed: a record that leaves out a folder hides its files (so the
        // sweep, missing rows, answers stale).
        let without_deeper = Stamps {
            folders: stamps
                .folders
                .iter()
                .filter(|(p, _)| p != "sub/deeper/")
                .cloned()
                .collect(),
        };
        assert_eq!(run(Some(&without_deeper)), None);
        // Not trusted when a folder's ctime is within the racy margin: every folder is listed.
        let racy = sweep(root, &view, Some(&without_deeper), true, u64::MAX / 2);
        assert_eq!(racy.map(|f| f.files), Some(3));

        // An edit in place keeping the size: the file's own stamp tells.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(root.join("sub/b.yml"), "ISI").expect("write");
        assert_eq!(run(Some(&stamps)), None, "an edit in place");
        std::fs::write(root.join("sub/b.yml"), "isi").expect("write");
        let text = list_of(root, &keys);
        let view = View::parse(&text, 7).expect("parses");
        let run = |stamps: Option<&Stamps>| sweep(root, &view, stamps, true, 0);
        let stamps = run(Some(&stamps)).expect("fresh").stamps.unwrap_or(stamps);
        assert_eq!(run(Some(&stamps)).map(|f| f.files), Some(3));

        // A new file, with the folder's mtime set back: the ctime moved all the same.
        let sub = root.join("sub");
        let mtime = std::fs::metadata(&sub)
            .expect("stat")
            .modified()
            .expect("mtime");
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(sub.join("baru.yaml"), "x").expect("write");
        std::fs::File::open(&sub)
            .and_then(|f| f.set_modified(mtime))
            .expect("set mtime back");
        assert_eq!(run(Some(&stamps)), None, "a new file");
        // Gone again: the listing agrees with the list, and the new stamp is kept.
        std::fs::remove_file(sub.join("baru.yaml")).expect("rm");
        let now = run(Some(&stamps)).expect("fresh");
        assert_eq!(now.files, 3);
        let stamps = now.stamps.expect("the folder's new stamp");
        // A rename, a file in a folder that had none, a removal: each noticed, each undone.
        type Step = (
            &'static str,
            fn(&Path) -> std::io::Result<()>,
            fn(&Path) -> std::io::Result<()>,
        );
        let steps: [Step; 3] = [
            (
                "a rename",
                |r| std::fs::rename(r.join("a.yaml"), r.join("z.yaml")),
                |r| std::fs::rename(r.join("z.yaml"), r.join("a.yaml")),
            ),
            (
                "a file in an empty folder",
                |r| std::fs::write(r.join("kosong/k.yaml"), "k"),
                |r| std::fs::remove_file(r.join("kosong/k.yaml")),
            ),
            (
                "a file gone",
                |r| std::fs::rename(r.join("sub/deeper/c.yaml"), r.join("c.txt")),
                |r| std::fs::rename(r.join("c.txt"), r.join("sub/deeper/c.yaml")),
            ),
        ];
        let mut stamps = stamps;
        for (what, change, undo) in steps {
            std::thread::sleep(std::time::Duration::from_millis(20));
            change(root).expect(what);
            assert_eq!(run(Some(&stamps)), None, "{what}");
            undo(root).expect(what);
            std::thread::sleep(std::time::Duration::from_millis(20));
            let now = run(Some(&stamps)).expect("fresh once undone");
            assert_eq!(now.files, 3, "{what}");
            stamps = now.stamps.expect("a folder changed");
            assert_eq!(run(Some(&stamps)).map(|f| f.files), Some(3), "{what}");
        }
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
