//! Files: where they come from (`sources`: folders of YAML, the built-in sample), where tulta keeps
//! its own (`paths`), and, here, files written whole or not at all and advisory locks that are not
//! mistaken for held when they are only passing.

pub mod encoding;
pub mod paths;
pub mod read;
pub mod sources;

pub use read::{read_bounded, Bounded};

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Writes `bytes` to `path` through a temporary file beside it, synced before it replaces the old
/// one, so a crash leaves either the old file or the new one. The new file gets the old one's
/// permissions, or those of any new file (0666 less the umask), not the temporary file's 0600:
/// exports and templates are meant to be shared.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    let builder = {
        use std::os::unix::fs::PermissionsExt;
        let mut builder = tempfile::Builder::new();
        builder.permissions(std::fs::Permissions::from_mode(0o666));
        builder
    };
    #[cfg(not(unix))]
    let builder = tempfile::Builder::new();
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if let Some(p) = existing {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_parent(path)
}

/// Makes a new or renamed file's name durable. A file's name lives in its folder, not in the
/// file: after a power cut, a synced file whose folder was not synced can be missing or still
/// carry its old content under the name. So the folder holding `path` is synced too.
pub(crate) fn sync_parent(path: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sync_dir(dir)
}

/// `create_dir_all`, with every folder it makes synced into its parent (see [`sync_parent`]).
pub(crate) fn create_dir_all_durable(dir: &Path) -> std::io::Result<()> {
    let mut missing = Vec::new();
    let mut d = dir;
    while !d.as_os_str().is_empty() && !d.exists() {
        missing.push(d);
        match d.parent() {
            Some(p) => d = p,
            None => break,
        }
    }
    std::fs::create_dir_all(dir)?;
    missing.iter().try_for_each(|m| sync_parent(m))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Elsewhere a folder cannot be opened for syncing; NTFS journals its metadata itself.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Why `--output` did not write.
#[derive(Debug)]
pub enum OutputError {
    ReadOnly(String),
    Folder(String),
    Io { path: String, err: std::io::Error },
}

impl crate::i18n::Localized for OutputError {
    fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            OutputError::ReadOnly(p) => format!(
                "{p}: {}",
                lang.pick(
                    "berkas hanya-baca (pakai --force untuk menggantinya)",
                    "read-only file (use --force to replace it)"
                )
            ),
            OutputError::Folder(p) => {
                format!("{p}: {}", lang.pick("sebuah folder", "is a folder"))
            }
            OutputError::Io { path, err } => format!(
                "{path}: {}: {}",
                lang.pick("tidak dapat ditulis", "cannot be written"),
                crate::i18n::io_error(err, lang)
            ),
        }
    }
}
crate::localized_error!(OutputError);

/// Writes an output the user named, as the shell's `>` would treat the name, but whole or not at
/// all where it can: a symlink is followed and its target replaced (the link stays); a device,
/// FIFO or socket is written to directly (never turned into a regular file); a regular file is
/// replaced atomically ([`write_atomic`]) unless it is read-only and `force` is not given.
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> Result<(), OutputError> {
    let shown = |p: &Path| p.display().to_string();
    let io = |p: &Path| {
        let path = shown(p);
        move |err| OutputError::Io { path, err }
    };
    let target = resolve_links(path).map_err(io(path))?;
    match std::fs::metadata(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            write_atomic(&target, bytes).map_err(io(path))
        }
        Err(e) => Err(io(path)(e)),
        Ok(meta) if meta.is_dir() => Err(OutputError::Folder(shown(path))),
        Ok(meta) if meta.is_file() => {
            if meta.permissions().readonly() && !force {
                return Err(OutputError::ReadOnly(shown(path)));
            }
            write_atomic(&target, bytes).map_err(io(path))
        }
        Ok(_) => {
            // A device or FIFO: written in place, as `>` would; renaming over it would replace it.
            let mut f = File::options()
                .write(true)
                .open(&target)
                .map_err(io(path))?;
            f.write_all(bytes).and_then(|_| f.flush()).map_err(io(path))
        }
    }
}

/// The file a chain of symlinks ends at (which may not exist yet, as `>` would create it).
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // The kernel's own limit on links followed in one lookup.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::from_raw_os_error(40)) // ELOOP
}

/// Why a file named for reading was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// A FIFO, device, socket: reading it could block forever or never end.
    NotRegular(SpecialKind),
    PermissionDenied,
    /// A symbolic link where tulta keeps its own files: planted, so not followed.
    Link,
    /// Any other error, as `i18n::io_error` says it in each language.
    Other {
        id: String,
        en: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialKind {
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Folder,
    Other,
}

impl Unreadable {
    pub(crate) fn of(err: &std::io::Error) -> Unreadable {
        match err.kind() {
            std::io::ErrorKind::PermissionDenied => Unreadable::PermissionDenied,
            _ => Unreadable::Other {
                id: crate::i18n::io_error(err, crate::i18n::Lang::Id),
                en: crate::i18n::io_error(err, crate::i18n::Lang::En),
            },
        }
    }

    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::*;
        use SpecialKind::*;
        match (self, lang) {
            (Unreadable::NotRegular(kind), Id) => format!(
                "tidak dapat dibaca: bukan berkas biasa ({}), tidak dibuka",
                match kind {
                    Fifo => "FIFO",
                    CharDevice => "perangkat karakter",
                    BlockDevice => "perangkat blok",
                    Socket => "soket",
                    Folder => "folder",
                    Other => "jenis lain",
                }
            ),
            (Unreadable::NotRegular(kind), En) => format!(
                "cannot be read: not a regular file (a {}), not opened",
                match kind {
                    Fifo => "FIFO",
                    CharDevice => "character device",
                    BlockDevice => "block device",
                    Socket => "socket",
                    Folder => "folder",
                    Other => "special file",
                }
            ),
            (Unreadable::Link, Id) => {
                "tidak dibuka: tautan simbolik di tempat tulta menyimpan berkasnya sendiri".into()
            }
            (Unreadable::Link, En) => {
                "not opened: a symbolic link where tulta keeps its own files".into()
            }
            (Unreadable::PermissionDenied, Id) => "tidak dapat dibaca: izin ditolak".into(),
            (Unreadable::PermissionDenied, En) => "cannot be read: permission denied".into(),
            (Unreadable::Other { id, .. }, Id) => format!("tidak dapat dibaca: {id}"),
            (Unreadable::Other { en, .. }, En) => format!("cannot be read: {en}"),
        }
    }
}

pub(crate) fn special_kind(meta: &std::fs::Metadata) -> SpecialKind {
    if meta.is_dir() {
        return SpecialKind::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return SpecialKind::Fifo;
        }
        if t.is_char_device() {
            return SpecialKind::CharDevice;
        }
        if t.is_block_device() {
            return SpecialKind::BlockDevice;
        }
        if t.is_socket() {
            return SpecialKind::Socket;
        }
    }
    let _ = meta;
    SpecialKind::Other
}

/// Takes the lock if it is free or becomes free within 0.2 s (see [`retry_while_held`]).
pub(crate) fn try_lock_briefly(file: &File) -> Result<(), TryLockError> {
    retry_while_held(
        || file.try_lock(),
        |e| matches!(e, TryLockError::WouldBlock),
    )
}

/// Tries `attempt` again for up to 0.2 s while it fails because a lock is `held`. A lock can look
/// held for a moment after its holder let go: a child process forked by another thread keeps a
/// copy of the descriptor until it execs, and the lock goes only with the last copy.
pub(crate) fn retry_while_held<T, E>(
    attempt: impl FnMut() -> Result<T, E>,
    held: impl Fn(&E) -> bool,
) -> Result<T, E> {
    retry_for(Duration::from_millis(200), attempt, held)
}

/// Takes the lock, waiting up to `patience` for another writer to finish: writers queue, they do
/// not give up at the first sight of one another.
pub(crate) fn lock_within(file: &File, patience: Duration) -> Result<(), TryLockError> {
    retry_for(
        patience,
        || file.try_lock(),
        |e| matches!(e, TryLockError::WouldBlock),
    )
}

/// Tries `attempt` again every 10-20 ms while it fails because a lock is `held`, for `patience`.
fn retry_for<T, E>(
    patience: Duration,
    mut attempt: impl FnMut() -> Result<T, E>,
    held: impl Fn(&E) -> bool,
) -> Result<T, E> {
    let deadline = std::time::Instant::now() + patience;
    let mut pause = Duration::from_millis(10);
    loop {
        match attempt() {
            Err(e) if held(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause + Duration::from_millis(2)).min(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_like_any_new_file_and_keep_an_old_files_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("peringkat.csv");
        write_atomic(&path, b"a").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"a");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        File::create(&plain).expect("create");
        assert_eq!(
            mode(&path),
            mode(&plain),
            "not the temporary file's private 0600"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&path, b"b").expect("rewrite");
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read(&path).expect("read"), b"b");
    }

    #[test]
    fn a_lock_held_throughout_is_reported_held() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.lock");
        let holder = File::create(&path).expect("create");
        holder.lock().expect("lock");
        let other = File::open(&path).expect("open");
        assert!(matches!(
            try_lock_briefly(&other),
            Err(TryLockError::WouldBlock)
        ));
        drop(holder);
        assert!(try_lock_briefly(&other).is_ok());
    }
}
