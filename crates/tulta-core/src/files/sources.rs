//! Where files come from: paths on disk (folders searched for `*.yaml` / `*.yml`), or the sample
//! competition built into the binary.

use crate::i18n::{Lang, Localized};
use include_dir::{include_dir, Dir};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../reports");

/// The folder of the built-in sample, as it appears in file names.
pub(crate) const SAMPLE_ROOT: &str = "reports";

/// One file to read: a name to show and its bytes.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub bytes: Cow<'static, [u8]>,
    /// The size on disk; larger than `bytes` when the file was too large to load.
    pub size: u64,
    /// Set when the file could not be read (no permission, a FIFO, …): a finding, not a stop.
    pub unreadable: Option<super::Unreadable>,
}

#[derive(Debug)]
pub enum SourceError {
    NotFound(String),
    Io { path: String, err: std::io::Error },
}

impl Localized for SourceError {
    fn message(&self, lang: Lang) -> String {
        match self {
            SourceError::NotFound(p) => format!(
                "{p}: {}",
                lang.pick("berkas atau folder itu tidak ada", "no such file or folder")
            ),
            SourceError::Io { path, err } => {
                format!(
                    "{path}: {}: {}",
                    lang.pick("tidak dapat dibaca", "cannot read"),
                    crate::i18n::io_error(err, lang)
                )
            }
        }
    }
}
crate::localized_error!(SourceError);

/// Where tulta looks when no path is given: `./reports` if present, else the built-in sample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Root {
    Disk(PathBuf),
    Builtin,
}

impl Root {
    pub fn default_root() -> Root {
        let local = PathBuf::from(SAMPLE_ROOT);
        if local.is_dir() {
            Root::Disk(local)
        } else {
            Root::Builtin
        }
    }

    pub fn files(&self) -> Result<Vec<SourceFile>, SourceError> {
        match self {
            Root::Disk(path) => collect(std::slice::from_ref(path)),
            Root::Builtin => Ok(builtin_files()),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Root::Disk(path) => path.display().to_string(),
            Root::Builtin => format!("{SAMPLE_ROOT} (built-in)"),
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml") | Some("yml")
    )
}

/// The built-in sample's YAML files, sorted by name.
pub fn builtin_files() -> Vec<SourceFile> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<SourceFile>) {
        for file in dir.files() {
            if is_yaml(file.path()) {
                out.push(SourceFile {
                    name: format!("{SAMPLE_ROOT}/{}", file.path().display()),
                    bytes: Cow::Borrowed(file.contents()),
                    size: file.contents().len() as u64,
                    unreadable: None,
                });
            }
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    walk(&SAMPLE, &mut out);
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The built-in sample's `*.jsonl` journals and `*.key` demo keys directly inside `folder` (a name
/// like `reports/x/jurnal`).
pub fn builtin_journals(folder: &str) -> Vec<(String, Vec<u8>)> {
    let rel = folder
        .strip_prefix(&format!("{SAMPLE_ROOT}/"))
        .unwrap_or(folder);
    let Some(dir) = SAMPLE.get_dir(rel) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = dir
        .files()
        .filter(|f| {
            f.path()
                .extension()
                .is_some_and(|x| x == "jsonl" || x == "key")
        })
        .map(|f| {
            (
                format!("{SAMPLE_ROOT}/{}", f.path().display()),
                f.contents().to_vec(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A path as file names are shown, compared and joined (`competition::join`): folders separated by
/// `/` on every system, so Windows gives the same names, JSON and joins as Linux (a Windows name
/// cannot hold `\` itself, and Windows takes `/` wherever it takes `\`).
pub fn path_name(path: &Path) -> String {
    let shown = path.display().to_string();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown
    }
}

/// Pairs of file names that differ only in case (`Tim-A.yaml`, `tim-a.yaml`): Windows and macOS
/// folders cannot hold both, so copying such a folder to a judge's laptop loses one. What each
/// pair says, in `lang`.
pub fn case_twins<'a>(names: impl IntoIterator<Item = &'a str>, lang: Lang) -> Vec<String> {
    let mut by_folded: Vec<(String, &str)> = names
        .into_iter()
        .map(|name| (name.to_lowercase(), name))
        .collect();
    by_folded.sort();
    by_folded
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].1 != w[1].1)
        .map(|w| {
            let (a, b) = (w[0].1, w[1].1);
            match lang {
                Lang::Id => format!(
                    "peringatan: `{a}` dan `{b}` hanya berbeda huruf besar/kecil; folder di Windows \
                     dan macOS tidak dapat memuat keduanya, jadi satu hilang saat disalin: ganti nama salah satunya"
                ),
                Lang::En => format!(
                    "warning: `{a}` and `{b}` differ only in case; a folder on Windows or macOS \
                     cannot hold both, so one is lost when copied there: rename one of them"
                ),
            }
        })
        .collect()
}

/// Every file named, and every `*.yaml` / `*.yml` below every folder named, in a stable order.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<SourceFile>, SourceError> {
    Ok(collect_paths(paths)?
        .iter()
        .map(|p| read_source(p))
        .collect())
}

/// The files [`collect`] would read, without reading them: `check` reads them a chunk at a time.
pub fn collect_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, SourceError> {
    let mut names = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => SourceError::NotFound(path.display().to_string()),
            _ => SourceError::Io {
                path: path.display().to_string(),
                err,
            },
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk_dir(path, &mut found)?;
            found.sort();
            names.extend(found);
        } else {
            names.push(path.clone());
        }
    }
    Ok(names)
}

/// One file as `check` reads it: bounded, and a file that cannot be read is that file's finding;
/// the others go on.
pub fn read_source(path: &Path) -> SourceFile {
    let name = path_name(path);
    match super::read_bounded(path, crate::format::MAX_BYTES) {
        Ok(read) => SourceFile {
            name,
            bytes: Cow::Owned(read.bytes),
            size: read.size,
            unreadable: None,
        },
        Err(why) => SourceFile {
            name,
            bytes: Cow::Borrowed(&[]),
            size: 0,
            unreadable: Some(why),
        },
    }
}

/// Every `*.yaml` / `*.yml` below `dir`, sorted, without reading them: the search index only reads
/// files whose size or modification time changed.
pub fn yaml_paths(dir: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let mut found = Vec::new();
    walk_dir(dir, &mut found)?;
    found.sort();
    Ok(found)
}

/// Every `*.yaml` / `*.yml` below `dir` with its metadata, in no particular order. The stat comes
/// from the directory entry (one `statx` relative to the open folder, no path lookup), on all
/// cores: it is most of the cost of a no-change reopen of a large archive.
pub(crate) fn yaml_files_with_metadata(
    dir: &Path,
) -> Result<Vec<(PathBuf, std::fs::Metadata)>, SourceError> {
    use rayon::prelude::*;
    let mut found = Vec::new();
    walk_dir_entries(dir, &mut found)?;
    Ok(found
        .into_par_iter()
        // Deleted between the listing and the stat: as if it had not been listed.
        .filter_map(|entry| Some((entry.path(), entry.metadata().ok()?)))
        .collect())
}

fn walk_dir_entries(dir: &Path, out: &mut Vec<std::fs::DirEntry>) -> Result<(), SourceError> {
    let entries = std::fs::read_dir(dir).map_err(|err| SourceError::Io {
        path: dir.display().to_string(),
        err,
    })?;
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk_dir_entries(&entry.path(), out)?;
        } else if kind.is_file() && is_yaml(Path::new(&entry.file_name())) {
            out.push(entry);
        }
    }
    Ok(())
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), SourceError> {
    let entries = std::fs::read_dir(dir).map_err(|err| SourceError::Io {
        path: dir.display().to_string(),
        err,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            // A subfolder that cannot be listed is named like a file: reading it fails the same
            // way, and that is its finding.
            if walk_dir(&path, out).is_err() {
                out.push(path);
            }
        } else if kind.is_file() && is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// One file of the built-in sample, by the name [`builtin_files`] gives it.
pub fn builtin_file(name: &str) -> Option<SourceFile> {
    let rel = name.strip_prefix(&format!("{SAMPLE_ROOT}/"))?;
    let file = SAMPLE.get_file(rel)?;
    Some(SourceFile {
        name: name.to_string(),
        bytes: Cow::Borrowed(file.contents()),
        size: file.contents().len() as u64,
        unreadable: None,
    })
}
