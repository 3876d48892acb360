//! `tulta check`: read every file, run the checks, find ids used twice, and place every finding.

use crate::diag::{Code, Finding, Msg, Path, Pos, Severity};
use crate::files::sources::SourceFile;
use crate::format::{self, Document, Kind, Model};
use crate::i18n::Lang;
use rayon::prelude::*;

mod references;
mod rules;
/// What the app may open of a risalah's `lampiran`: T310's path rule plus a list of extensions.
pub use rules::evidence::{openable, Refusal, OPENABLE};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One finding, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub msg: Msg,
}

impl Diagnostic {
    pub fn code(&self) -> Code {
        self.msg.code()
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }

    pub fn message(&self, lang: Lang) -> String {
        self.msg.text(lang)
    }
}

/// One file after checking.
#[derive(Debug)]
pub struct Checked {
    pub name: String,
    pub doc: Document,
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }
}

/// `root`: the reports root the file was found under, when it is on disk (T310 looks there).
fn findings_of(file: &SourceFile, root: Option<&std::path::Path>) -> (Document, Vec<Finding>) {
    let mut doc = if let Some(why) = &file.unreadable {
        format::unreadable(why.clone())
    } else if file.size > format::MAX_BYTES {
        format::too_large(file.size)
    } else {
        format::read_document(&file.bytes)
    };
    let mut findings = std::mem::take(&mut doc.findings);
    if let Some(Model::Risalah(r)) = &doc.model {
        findings.extend(rules::check(r));
        if let Some(root) = root {
            rules::evidence::check(r, std::path::Path::new(&file.name), root, &mut findings);
        }
    }
    (doc, findings)
}

fn place(doc: &Document, findings: Vec<Finding>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = findings
        .into_iter()
        .map(|f| Diagnostic {
            pos: doc.position(&f.loc),
            msg: f.msg,
        })
        .collect();
    // Stable: findings at one place keep the order the checks gave them.
    out.sort_by_key(|d| d.pos);
    out
}

/// Checks one file on its own (no cross-file checks).
pub fn check_file(file: &SourceFile) -> Checked {
    let (doc, findings) = findings_of(file, None);
    let diagnostics = place(&doc, findings);
    Checked {
        name: file.name.clone(),
        doc,
        diagnostics,
    }
}

/// The T006 rule, for any list of ids in file order: for each item, the index of the first earlier
/// item with the same key (that file holds the id; this one repeats it).
pub fn first_holders<K: Eq + std::hash::Hash>(keys: &[Option<K>]) -> Vec<Option<usize>> {
    let mut first: HashMap<&K, usize> = HashMap::new();
    keys.iter()
        .enumerate()
        .map(|(i, key)| {
            let key = key.as_ref()?;
            match first.get(key) {
                Some(&earlier) => Some(earlier),
                None => {
                    first.insert(key, i);
                    None
                }
            }
        })
        .collect()
}

/// The id a file holds, by kind: two files of one kind may not share it (T006).
fn id_key(doc: &Document) -> Option<(Kind, String)> {
    match &doc.model {
        Some(Model::Risalah(r)) => Some((Kind::Risalah, r.id.as_ref()?.value.clone())),
        Some(Model::Lomba(l)) => Some((Kind::Lomba, l.id.clone()?)),
        _ => None,
    }
}

/// T006 on the file that repeats `id`, naming the file that held it first.
fn duplicate_id(id: &str, first_file: String) -> Finding {
    Finding::value(
        Path::root().key("id"),
        Msg::DuplicateId {
            id: id.to_string(),
            first_file,
        },
    )
}

/// Checks many files in parallel, then reports ids used by two files of the same kind (T006).
/// The files' `lampiran` are not looked for on disk: see [`check_files_under`].
pub fn check_files(files: &[SourceFile]) -> Vec<Checked> {
    check_files_with_progress(files, &[], &|_| {})
}

/// [`check_files`] for files on disk, as [`crate::files::sources::collect`] found them under
/// `roots` (the folders or files `check` was given): each file's `lampiran` must exist inside the
/// root it was found under (T310). A file given by name has its own folder as its root.
pub fn check_files_under(files: &[SourceFile], roots: &[PathBuf]) -> Vec<Checked> {
    check_files_with_progress(files, roots, &|_| {})
}

/// The root a file was found under: the first of `roots` its name lies in.
pub fn root_of(name: &str, roots: &[PathBuf]) -> Option<PathBuf> {
    let file = std::path::Path::new(name);
    roots.iter().find_map(|r| {
        if r.is_dir() {
            file.starts_with(r).then(|| r.clone())
        } else if file == r.as_path() {
            Some(match r.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            })
        } else {
            None
        }
    })
}

/// [`check_files_under`], calling `progress` with the number of files read so far (from any thread).
pub(crate) fn check_files_with_progress(
    files: &[SourceFile],
    roots: &[PathBuf],
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Checked> {
    let done = AtomicUsize::new(0);
    let mut read: Vec<(String, Document, Vec<Finding>)> = files
        .par_iter()
        .map(|f| {
            let root = root_of(&f.name, roots);
            let (doc, findings) = findings_of(f, root.as_deref());
            progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            (f.name.clone(), doc, findings)
        })
        .collect();
    let keys: Vec<Option<(Kind, String)>> = read.iter().map(|(_, doc, _)| id_key(doc)).collect();
    for (i, first) in first_holders(&keys).into_iter().enumerate() {
        if let (Some(first), Some((_, id))) = (first, &keys[i]) {
            let first_file = read[first].0.clone();
            read[i].2.push(duplicate_id(id, first_file));
        }
    }
    references::judge(&mut read);
    read.into_par_iter()
        .map(|(name, doc, findings)| {
            let diagnostics = place(&doc, findings);
            Checked {
                name,
                doc,
                diagnostics,
            }
        })
        .collect()
}

/// `tulta check` over any number of files in bounded memory: files are read and checked a chunk at
/// a time on every core, and each is handed to `render` in file order and then forgotten, so what
/// stays is what `render` keeps (a few hundred bytes of output) and what crosses files: every id
/// for T006, and for T404 each risalah's id and each rubric. A lomba is rendered last, once every
/// file it may name was seen; the files after it wait as rendered output, not as documents.
pub fn check_streaming<R: Send>(
    paths: &[PathBuf],
    roots: &[PathBuf],
    render: &(dyn Fn(&Checked) -> R + Sync),
    mut emit: impl FnMut(R),
) {
    const CHUNK: usize = 256;
    let mut first: HashMap<(Kind, String), String> = HashMap::new();
    let mut across = references::Across::default();
    let mut lombas: Vec<(usize, String, Document, Vec<Finding>)> = Vec::new();
    let mut waiting: std::collections::BTreeMap<usize, R> = std::collections::BTreeMap::new();
    let mut next = 0;
    for (c, chunk) in paths.chunks(CHUNK).enumerate() {
        let read: Vec<(String, Document, Vec<Finding>)> = chunk
            .par_iter()
            .map(|path| {
                let file = crate::files::sources::read_source(path);
                let root = root_of(&file.name, roots);
                let (doc, findings) = findings_of(&file, root.as_deref());
                (file.name, doc, findings)
            })
            .collect();
        let mut done = Vec::with_capacity(read.len());
        for (k, (name, doc, mut findings)) in read.into_iter().enumerate() {
            let i = c * CHUNK + k;
            if let Some(key) = id_key(&doc) {
                match first.get(&key) {
                    Some(first_file) => findings.push(duplicate_id(&key.1, first_file.clone())),
                    None => {
                        first.insert(key, name.clone());
                    }
                }
            }
            across.note(&name, &doc);
            if matches!(doc.model, Some(Model::Lomba(_))) {
                lombas.push((i, name, doc, findings));
            } else {
                done.push((i, name, doc, findings));
            }
        }
        let rendered: Vec<(usize, R)> = done
            .into_par_iter()
            .map(|(i, name, doc, findings)| {
                let diagnostics = place(&doc, findings);
                (
                    i,
                    render(&Checked {
                        name,
                        doc,
                        diagnostics,
                    }),
                )
            })
            .collect();
        waiting.extend(rendered);
        while let Some(r) = waiting.remove(&next) {
            emit(r);
            next += 1;
        }
    }
    for (i, name, doc, mut findings) in lombas {
        if let Some(Model::Lomba(lomba)) = &doc.model {
            findings.extend(references::judge_lomba(&name, lomba, &across));
        }
        let diagnostics = place(&doc, findings);
        waiting.insert(
            i,
            render(&Checked {
                name,
                doc,
                diagnostics,
            }),
        );
    }
    for (_, r) in waiting {
        emit(r);
    }
}

/// Totals over a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Totals {
    pub fn of(checked: &[Checked]) -> Totals {
        let mut t = Totals {
            files: checked.len(),
            ..Totals::default()
        };
        for c in checked {
            t.errors += c.count(Severity::Error);
            t.warnings += c.count(Severity::Warning);
            t.infos += c.count(Severity::Info);
        }
        t
    }

    /// The exit status `check` owes: 1 on any error (or warning, when strict).
    pub fn failed(&self, strict: bool) -> bool {
        self.errors > 0 || (strict && self.warnings > 0)
    }
}
