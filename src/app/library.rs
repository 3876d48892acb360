//! What the app shows, read from files: one light row per risalah for the overview, and one fully
//! read report (model, findings, where each step starts) for the walk-through, read when opened.

use super::cache;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use tulta_core::check::{self, Checked, Diagnostic};
use tulta_core::diag::{Anchor, Loc, Msg, Pos, Severity};
use tulta_core::files::read;
use tulta_core::files::sources::{self, Root, SourceError, SourceFile};
use tulta_core::format::Model;
use tulta_core::model::risalah::{JenisKelompok, Risalah};

/// Where a file came from, so it can be read again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    Disk(PathBuf),
    Builtin,
}

/// One risalah (or a file that should have been one) in the overview.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub name: String,
    pub origin: Origin,
    pub id: String,
    pub judul: String,
    pub opd: String,
    pub daerah: String,
    pub tahun: Option<i64>,
    pub jenis: Option<JenisKelompok>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings only the whole folder can see (an id used twice), carried into the walk-through.
    #[serde(skip)]
    pub cross_file: Vec<Diagnostic>,
}

/// The reports the app was opened on.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// The competition's name, or the folder's.
    pub title: String,
    pub rows: Vec<Row>,
    /// Files that are competitions or rubrics (not listed as entries).
    pub other_files: usize,
    /// How many of those are `lomba/1`: without one, the folder holds no competition.
    pub lombas: usize,
}

impl Library {
    /// Checks every file and keeps one row per file that is not a `lomba/1` or `rubrik/1`.
    pub fn build(
        root_name: &str,
        files: &[SourceFile],
        origin: &(dyn Fn(&str) -> Origin + Sync),
        progress: &(dyn Fn(usize) + Sync),
    ) -> Library {
        let done = AtomicUsize::new(0);
        let read: Vec<Read> = files
            .par_iter()
            .map(|f| {
                let r = read_one(f, origin);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                r
            })
            .collect();
        let mut library = Library::assemble(root_name, read.into_iter());
        library.mark_duplicates(&|name| {
            files
                .iter()
                .find(|f| f.name == name)
                .map(|f| tulta_core::format::read_document(&f.bytes))
        });
        library
    }

    /// Reads and checks every file of a root: [`Library::stream`] gathered.
    pub fn load(
        root: &Root,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Library, SourceError> {
        let mut library = Library::default();
        let summary = Library::stream(root, &mut |batch| {
            progress(batch.done, batch.total);
            library.rows.extend(batch.rows);
        })?;
        library.finish(summary);
        Ok(library)
    }

    /// Adds what only the whole root could tell, once every row is in.
    pub fn finish(&mut self, summary: Summary) {
        self.title = summary.title;
        self.other_files = summary.other_files;
        self.lombas = summary.lombas;
        for (i, d) in summary.duplicates {
            if let Some(row) = self.rows.get_mut(i) {
                row.errors += 1;
                row.cross_file.push(d);
            }
        }
    }

    /// Reads and checks every file of a root a chunk at a time, handing on each chunk's rows in
    /// the overview's order (by name) as soon as they are read, so the app lists them while the
    /// rest are read and nothing but the rows is kept. On disk, files whose size and modification
    /// time are unchanged since the last start are taken from the cache instead of being read.
    pub fn stream(root: &Root, send: &mut dyn FnMut(Batch)) -> Result<Summary, SourceError> {
        let dir = match root {
            Root::Builtin => {
                let files = root.files()?;
                let total = files.len();
                let library =
                    Library::build(&root.describe(), &files, &|_| Origin::Builtin, &|_| {});
                send(Batch {
                    done: total,
                    total,
                    rows: library.rows,
                });
                return Ok(Summary {
                    title: library.title,
                    other_files: library.other_files,
                    lombas: library.lombas,
                    duplicates: Vec::new(),
                });
            }
            Root::Disk(dir) => dir,
        };
        let paths = if dir.is_dir() {
            sources::yaml_paths(dir)?
        } else {
            vec![dir.clone()]
        };
        let mut named: Vec<(String, PathBuf)> = paths
            .into_iter()
            .map(|p| (sources::path_name(&p), p))
            .collect();
        named.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let total = named.len();
        send(Batch {
            done: 0,
            total,
            rows: Vec::new(),
        });
        let cache_file = cache::file_for(dir);
        let cached = cache::load(&cache_file);
        let mut changed = cached.len() != total;
        let mut cached = cached.into_iter().peekable();
        let mut writer = cache::Writer::new(&cache_file);
        let mut tally = Tally::default();
        let mut ids = Ids::default();
        let mut duplicates = Vec::new();
        let mut rows_sent = 0;
        let mut done = 0;
        for chunk in named.chunks(CHUNK) {
            // Both lists are sorted by name: each file's cached entry is the next one, if any.
            let work: Vec<(&String, &PathBuf, Option<cache::Cached>)> = chunk
                .iter()
                .map(|(name, path)| {
                    while cached.next_if(|c| c.name < *name).is_some() {}
                    (name, path, cached.next_if(|c| c.name == *name))
                })
                .collect();
            let read: Vec<(Read, cache::Stamp, bool)> = work
                .into_par_iter()
                .map(|(_, path, hit)| {
                    // Taken before reading: a file changed while it is read is read again next time.
                    let stamp = cache::Stamp::of(path);
                    match (hit, stamp) {
                        (Some(c), Some(stamp)) if c.stamp == stamp => (c.read, stamp, false),
                        _ => {
                            let file = sources::read_source(path);
                            let read = read_one(&file, &|n| Origin::Disk(PathBuf::from(n)));
                            (read, stamp.unwrap_or_default(), true)
                        }
                    }
                })
                .collect();
            let mut rows = Vec::new();
            for ((name, path), (read, stamp, missed)) in chunk.iter().zip(read) {
                changed |= missed;
                writer.push(name, stamp, &read);
                let Some(row) = tally.entry(read) else {
                    continue;
                };
                let reread = || {
                    read::read(path, read::Kind::Yaml, read::Links::Follow)
                        .ok()
                        .map(|bytes| tulta_core::format::read_document(&bytes))
                };
                if let Some(d) = ids.see(&row, reread) {
                    duplicates.push((rows_sent + rows.len(), d));
                }
                rows.push(row);
            }
            done += chunk.len();
            rows_sent += rows.len();
            send(Batch { done, total, rows });
        }
        writer.finish(changed);
        Ok(Summary {
            title: tally.title.unwrap_or_else(|| root.describe()),
            other_files: tally.other_files,
            lombas: tally.lombas,
            duplicates,
        })
    }

    fn assemble(root_name: &str, read: impl Iterator<Item = Read>) -> Library {
        let mut tally = Tally::default();
        let mut rows: Vec<Row> = read.filter_map(|r| tally.entry(r)).collect();
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        Library {
            title: tally.title.unwrap_or_else(|| root_name.to_string()),
            rows,
            other_files: tally.other_files,
            lombas: tally.lombas,
        }
    }

    /// T006 needs the whole folder: every row after the first with an id gets the finding.
    fn mark_duplicates(&mut self, reread: &dyn Fn(&str) -> Option<tulta_core::format::Document>) {
        let mut ids = Ids::default();
        for row in &mut self.rows {
            if let Some(d) = ids.see(row, || reread(&row.name)) {
                row.errors += 1;
                row.cross_file.push(d);
            }
        }
    }

    pub fn find_id(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    pub fn find_name(&self, name: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.name == name)
    }
}

/// Files read and checked at a time: enough to keep both cores busy, few enough that rows reach
/// the screen every few tens of milliseconds.
const CHUNK: usize = 256;

/// Rows as they are read.
#[derive(Debug)]
pub struct Batch {
    pub done: usize,
    pub total: usize,
    /// The entries among the files just read, in order after every row sent before.
    pub rows: Vec<Row>,
}

/// What only the whole root tells, known once every file is read.
#[derive(Debug, Default)]
pub struct Summary {
    /// The competition's name, or the folder's.
    pub title: String,
    pub other_files: usize,
    /// How many files are `lomba/1`: without one, the folder holds no competition.
    pub lombas: usize,
    /// (row, finding) for every row whose id an earlier row holds (T006).
    pub duplicates: Vec<(usize, Diagnostic)>,
}

/// What the files that are not entries tell: the first competition's name, and how many.
#[derive(Default)]
struct Tally {
    title: Option<String>,
    other_files: usize,
    lombas: usize,
}

impl Tally {
    /// The row a file gave, if it is an entry; a competition or a rubric is counted instead.
    fn entry(&mut self, read: Read) -> Option<Row> {
        match read {
            Read::Entry(row) => return Some(row),
            Read::Lomba { nama } => {
                self.lombas += 1;
                if self.title.is_none() {
                    self.title = nama;
                }
            }
            Read::Rubrik => {}
        }
        self.other_files += 1;
        None
    }
}

/// Ids seen so far, with the file holding each first, for T006 as rows go by in name order.
#[derive(Default)]
struct Ids(HashMap<String, String>);

impl Ids {
    /// T006 when an earlier row holds `row`'s id, placed where the id is written in the file
    /// `reread` reads again (a duplicate is rare); else the id is now `row`'s.
    fn see(
        &mut self,
        row: &Row,
        reread: impl FnOnce() -> Option<tulta_core::format::Document>,
    ) -> Option<Diagnostic> {
        if row.id.is_empty() {
            return None;
        }
        let Some(first_file) = self.0.get(&row.id) else {
            self.0.insert(row.id.clone(), row.name.clone());
            return None;
        };
        let at = Loc::Path(tulta_core::diag::Path::root().key("id"), Anchor::Value);
        Some(Diagnostic {
            pos: reread().map_or(Pos::START, |doc| doc.position(&at)),
            msg: Msg::DuplicateId {
                id: row.id.clone(),
                first_file: first_file.clone(),
            },
        })
    }
}

/// What one file contributes to the library.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum Read {
    Entry(Row),
    Lomba { nama: Option<String> },
    Rubrik,
}

fn read_one(file: &SourceFile, origin: &(dyn Fn(&str) -> Origin + Sync)) -> Read {
    let c = check::check_file(file);
    match &c.doc.model {
        Some(Model::Lomba(l)) => Read::Lomba {
            nama: l.nama.clone(),
        },
        Some(Model::Rubrik(_)) => Read::Rubrik,
        _ => Read::Entry(row_of(c, origin)),
    }
}

fn row_of(c: Checked, origin: &(dyn Fn(&str) -> Origin + Sync)) -> Row {
    let count = |s| c.count(s);
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let origin = origin(&c.name);
    let r = match &c.doc.model {
        Some(Model::Risalah(r)) => Some(r),
        _ => None,
    };
    let text = |f: fn(&Risalah) -> Option<&String>| r.and_then(f).cloned().unwrap_or_default();
    Row {
        id: r.map(|r| r.id_str().to_string()).unwrap_or_default(),
        judul: text(|r| r.judul.as_ref()),
        opd: text(|r| r.opd.as_ref()),
        daerah: text(|r| r.daerah.as_ref()),
        tahun: r.and_then(|r| r.tahun),
        jenis: r.and_then(|r| r.jenis()),
        name: c.name,
        origin,
        errors,
        warnings,
        infos,
        cross_file: Vec::new(),
    }
}

/// How a step fares in the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StepStatus {
    Clean,
    Info,
    Warnings,
    Errors,
    /// The file has no such step.
    Missing,
}

/// One report, read whole for the walk-through or the draft watch.
#[derive(Debug)]
pub struct Opened {
    pub name: String,
    pub origin: Origin,
    pub text: String,
    pub risalah: Option<Risalah>,
    /// Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// (step number, first line), sorted by line.
    step_lines: Vec<(usize, usize)>,
}

impl Opened {
    /// Reads one file again (so an edited file shows as it is now).
    pub fn read(name: &str, origin: &Origin) -> Result<Opened, SourceError> {
        let file = match origin {
            Origin::Disk(path) => sources::collect(std::slice::from_ref(path))?
                .into_iter()
                .next()
                .ok_or_else(|| SourceError::NotFound(name.to_string()))?,
            Origin::Builtin => sources::builtin_file(name)
                .ok_or_else(|| SourceError::NotFound(name.to_string()))?,
        };
        Ok(Opened::from_file(&file, origin.clone()))
    }

    pub fn from_file(file: &SourceFile, origin: Origin) -> Opened {
        let checked = check::check_file(file);
        let risalah = match checked.doc.model {
            Some(Model::Risalah(ref r)) => Some(r.clone()),
            _ => None,
        };
        let mut step_lines: Vec<(usize, usize)> = risalah
            .as_ref()
            .map(|r| {
                r.steps()
                    .iter()
                    .filter_map(|s| {
                        let n = usize::try_from(s.nomor?).ok()?;
                        let pos = checked
                            .doc
                            .position(&Loc::Path(s.at.clone(), tulta_core::diag::Anchor::Key));
                        Some((n, pos.line))
                    })
                    .collect()
            })
            .unwrap_or_default();
        step_lines.sort_by_key(|&(_, line)| line);
        Opened {
            name: checked.name.clone(),
            origin,
            text: checked.doc.text().to_string(),
            risalah,
            diagnostics: checked.diagnostics,
            step_lines,
        }
    }

    /// Adds what only the whole folder could see.
    pub fn with_cross_file(mut self, extra: &[Diagnostic]) -> Opened {
        for d in extra {
            if !self.diagnostics.contains(d) {
                self.diagnostics.push(d.clone());
            }
        }
        self.diagnostics.sort_by_key(|d| d.pos);
        self
    }

    /// The step a line belongs to (the last step starting at or before it).
    pub fn step_of_line(&self, line: usize) -> Option<usize> {
        self.step_lines
            .iter()
            .take_while(|&&(_, start)| start <= line)
            .last()
            .map(|&(n, _)| n)
    }

    /// The findings located in step `n`, or outside every step for `None`.
    pub fn findings_in(&self, n: Option<usize>) -> Vec<&Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| self.step_of_line(d.pos.line) == n)
            .collect()
    }

    pub fn step_status(&self, n: usize) -> StepStatus {
        let present = self
            .risalah
            .as_ref()
            .is_some_and(|r| r.step(n as i64).is_some());
        if !present {
            return StepStatus::Missing;
        }
        self.findings_in(Some(n))
            .iter()
            .map(|d| match d.severity() {
                Severity::Error => StepStatus::Errors,
                Severity::Warning => StepStatus::Warnings,
                Severity::Info => StepStatus::Info,
            })
            .max()
            .unwrap_or(StepStatus::Clean)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }

    /// The text of a 1-based line.
    pub fn line(&self, line: usize) -> &str {
        self.text.lines().nth(line.saturating_sub(1)).unwrap_or("")
    }
}
