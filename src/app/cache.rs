//! The overview's memory between starts: per file, its size and modification time and what
//! checking it gave. A file whose stamp is unchanged is not read again, so a folder of 10,000
//! reports opens in the time it takes to look at their stamps. A missing, old or damaged cache is
//! simply rebuilt.

use super::library::Read;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use tulta_core::files::read;

/// Bump when [`Read`] or the checks change, so old results are not shown as new.
const VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: u128,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let mtime_ns = meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Stamp {
            size: meta.len(),
            mtime_ns,
        })
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
pub struct Cached {
    pub stamp: Stamp,
    pub read: Read,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct File {
    version: u32,
    tulta: String,
    files: HashMap<String, Cached>,
}

/// One cache file per reports folder, named by a hash of its absolute path.
pub fn file_for(root: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let digest = tulta_core::text::sha256_hex(abs.display().to_string().as_bytes());
    let hex = &digest[..16];
    tulta_core::files::paths::cache_dir()
        .join("overview")
        .join(format!("{hex}.json"))
}

pub fn load(path: &Path) -> HashMap<String, Cached> {
    // tulta's own file in its cache folder: a link, a FIFO or a huge file is no cache.
    let Ok(bytes) = read::read(path, read::Kind::Cache, read::Links::Refuse) else {
        return HashMap::new();
    };
    match serde_json::from_slice::<File>(&bytes) {
        Ok(f) if f.version == VERSION && f.tulta == env!("CARGO_PKG_VERSION") => f.files,
        _ => HashMap::new(),
    }
}

/// Writes through a temporary file and a rename, so a crash never leaves half a cache. Failing to
/// write a cache only costs time at the next start, so errors are ignored.
pub fn save(path: &Path, read: &[(String, Read, Stamp)]) {
    let files = read
        .iter()
        .map(|(name, r, stamp)| {
            (
                name.clone(),
                Cached {
                    stamp: *stamp,
                    read: r.clone(),
                },
            )
        })
        .collect();
    let file = File {
        version: VERSION,
        tulta: env!("CARGO_PKG_VERSION").to_string(),
        files,
    };
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Ok(bytes) = serde_json::to_vec(&file) {
        let _ = tulta_core::files::write_atomic(path, &bytes);
    }
}
