//! Where an index lives and how a rebuilt one replaces the old: one folder per reports root in
//! the cache, reached through a symlink (`key`) to its live generation (`key.gNANOS`). A rebuild
//! writes a new generation and switches the link in one rename, so a reader never sees half an
//! index.

use super::errors::{io_err, SearchError};
use super::indexer::VERSION_FILE;
use crate::files::read;
use crate::files::sources::{self, Root};
use crate::text::hex;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

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

pub(super) fn read_version(dir: &Path) -> Option<u32> {
    // An unreadable version file is an unknown version: the index is rebuilt.
    let bytes = read::read(
        &dir.join(VERSION_FILE),
        read::Kind::IndexVersion,
        read::Links::Refuse,
    )
    .ok()?;
    std::str::from_utf8(&bytes).ok()?.trim().parse().ok()
}

pub(super) fn has_index(dir: &Path) -> bool {
    dir.join("meta.json").exists()
}

/// A new, empty generation folder beside `key`: `<key>.g<nanoseconds>`.
pub(super) fn new_generation(key: &Path) -> Result<PathBuf, SearchError> {
    let stamp = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut name = key.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".g{stamp}"));
    let dir = key.with_file_name(name);
    std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    Ok(dir)
}

/// Points `key` at the generation `dir` in one step (a new symlink renamed over the old one), so
/// a reader finds either the old index or the new one, never none or half of one; then removes
/// the generations no one can reach any more. Called with the writer lock held.
pub(super) fn switch(key: &Path, dir: &Path) -> Result<(), SearchError> {
    let target = dir.file_name().unwrap_or_default();
    let link = key.with_extension("link");
    let _ = std::fs::remove_file(&link);
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, &link).map_err(io_err(&link))?;
    #[cfg(not(unix))]
    let _ = target;
    if std::fs::symlink_metadata(key).is_ok_and(|m| m.is_dir()) {
        // An index folder from before generations: gone a moment before its successor appears.
        std::fs::remove_dir_all(key).map_err(io_err(key))?;
    }
    #[cfg(unix)]
    std::fs::rename(&link, key).map_err(io_err(key))?;
    #[cfg(not(unix))]
    std::fs::rename(dir, key).map_err(io_err(key))?;
    remove_stale_generations(key);
    Ok(())
}

/// Removes `<key>.g*` folders other than the one `key` points at: earlier generations, and
/// builds cut short by a crash. Best effort: a folder still in use is removed next time.
pub(super) fn remove_stale_generations(key: &Path) {
    let live = std::fs::read_link(key).ok();
    let (Some(parent), Some(name)) = (key.parent(), key.file_name()) else {
        return;
    };
    let mut prefix = name.to_os_string();
    prefix.push(".g");
    let prefix = prefix.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let n = file_name.to_string_lossy();
        if n.starts_with(&prefix) && live.as_deref() != Some(Path::new(&file_name)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Writes a small file whole or not at all.
pub(super) fn write_atomic(path: &Path, text: &str) -> Result<(), SearchError> {
    crate::files::write_atomic(path, text.as_bytes()).map_err(io_err(path))
}
