//! The overview's memory between starts: per file, its size and modification time and what
//! checking it gave. A file whose stamp is unchanged is not read again, so a folder of 100,000
//! reports opens in the time it takes to look at their stamps. A missing, old or damaged cache is
//! simply rebuilt.
//!
//! Files are kept in the order the overview lists them (by name), so a start walks the cache
//! beside the folder's listing, moving each entry out as its file comes: nothing is held twice,
//! and the new cache is written as the rows go by rather than gathered first.

use super::library::Read;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use tulta_core::files::read;

/// Bump when [`Read`] or the checks change, so old results are not shown as new.
const VERSION: u32 = 2;

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
    pub name: String,
    pub stamp: Stamp,
    pub read: Read,
}

#[derive(serde::Deserialize)]
struct File {
    version: u32,
    tulta: String,
    /// Sorted by name.
    files: Vec<Cached>,
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

/// The cached files, sorted by name; empty when there is no usable cache.
pub fn load(path: &Path) -> Vec<Cached> {
    // tulta's own file in its cache folder: a link, a FIFO or a huge file is no cache.
    let Ok(bytes) = read::read(path, read::Kind::Cache, read::Links::Refuse) else {
        return Vec::new();
    };
    match serde_json::from_slice::<File>(&bytes) {
        Ok(f)
            if f.version == VERSION
                && f.tulta == env!("CARGO_PKG_VERSION")
                && f.files.windows(2).all(|w| w[0].name < w[1].name) =>
        {
            f.files
        }
        _ => Vec::new(),
    }
}

/// The next cache, written file by file into a temporary file beside the old one, and put in its
/// place by a rename only when something changed, so a crash never leaves half a cache. Failing
/// to write a cache only costs time at the next start, so errors just stop the writing.
pub struct Writer {
    out: Option<(PathBuf, std::io::BufWriter<tempfile::NamedTempFile>)>,
    first: bool,
}

impl Writer {
    pub fn new(path: &Path) -> Writer {
        let out = path.parent().and_then(|dir| {
            std::fs::create_dir_all(dir).ok()?;
            let tmp = tempfile::NamedTempFile::new_in(dir).ok()?;
            let mut w = std::io::BufWriter::with_capacity(1 << 16, tmp);
            write!(
                w,
                "{{\"version\":{VERSION},\"tulta\":\"{}\",\"files\":[",
                env!("CARGO_PKG_VERSION")
            )
            .ok()?;
            Some((path.to_path_buf(), w))
        });
        Writer { out, first: true }
    }

    /// Adds the next file, in name order.
    pub fn push(&mut self, name: &str, stamp: Stamp, read: &Read) {
        #[derive(serde::Serialize)]
        struct Entry<'a> {
            name: &'a str,
            stamp: Stamp,
            read: &'a Read,
        }
        let Some((_, w)) = &mut self.out else { return };
        let sep: &[u8] = if self.first { b"" } else { b"," };
        self.first = false;
        let ok = w.write_all(sep).is_ok()
            && serde_json::to_writer(&mut *w, &Entry { name, stamp, read }).is_ok();
        if !ok {
            self.out = None;
        }
    }

    /// Puts the new cache in place of the old one when `changed`, else forgets it.
    pub fn finish(self, changed: bool) {
        let Some((path, mut w)) = self.out else {
            return;
        };
        if !changed || w.write_all(b"]}").is_err() {
            return;
        }
        if let Ok(tmp) = w.into_inner() {
            if tmp.as_file().sync_all().is_ok() {
                let _ = tmp.persist(&path);
            }
        }
    }
}
