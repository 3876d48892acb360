//! Files: where they come from (`sources`: folders of YAML, the built-in sample), where tulta keeps
//! its own (`paths`), and, here, files written whole or not at all and advisory locks that are not
//! mistaken for held when they are only passing.

pub mod paths;
pub mod sources;

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::Path;
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
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
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
pub fn sync_parent(path: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sync_dir(dir)
}

/// `create_dir_all`, with every folder it makes synced into its parent (see [`sync_parent`]).
pub fn create_dir_all_durable(dir: &Path) -> std::io::Result<()> {
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
