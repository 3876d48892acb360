//! A competition as the judging code sees it: its `lomba.yaml`, its rubric (its own or the built-in
//! default), its stages and its entries, read from a folder on disk or from the built-in sample,
//! and the rules a journal line must keep. Over 600 lines as one job: loading and the rules read
//! the same structures.

use crate::check::{check_files, Checked};
use crate::diag::Severity;
use crate::files::read;
use crate::files::sources::{self, Root, SourceFile};
use crate::format::Model;
use crate::i18n::{Lang, Localized};
use crate::judging::journal::Line;
use crate::judging::ranking::EntryInfo;
use crate::judging::scoring::{self, Change, Recorded};
use crate::judging::{Bar, Rejected, ScoreError};
use crate::model::lomba::{JenisTahap, Lomba};
use crate::model::risalah::JenisKelompok;
use crate::model::rubrik::Rubrik;
use std::path::{Path, PathBuf};

/// One entry of the competition.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub judul: String,
    pub opd: String,
    pub jenis: Option<JenisKelompok>,
    pub tahun: Option<i64>,
    /// The file it was read from, as shown to people.
    pub file: String,
    /// Step 6's benefits and cost in numbers, per unit (exported with the ranking).
    pub benefits: crate::model::risalah::Benefits,
    /// `check`'s first error in it (`line:column CODE message`), if any: a `syarat` stage fails it.
    pub error: Option<String>,
    /// The kinds of its lampiran (spec §9), for a `syarat` stage's list.
    pub lampiran: Vec<String>,
}

impl Entry {
    pub fn info(&self) -> EntryInfo {
        EntryInfo {
            id: self.id.clone(),
            opd: self.opd.clone(),
            jenis: self.jenis,
        }
    }
}

/// One stage as judging sees it (spec §8): a competition without `tahap` has one, `risalah`.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub id: String,
    pub nama: String,
    pub kind: StageKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StageKind {
    Syarat {
        lampiran: Vec<String>,
    },
    Nilai {
        rubrik: Rubrik,
        bobot: f64,
        lolos: Option<usize>,
        menit: Option<u32>,
        /// When the first slot starts (local time) and the minutes between slots.
        mulai: Option<time::PrimitiveDateTime>,
        jeda: u32,
        /// The stage's judges, in the lomba's order.
        juri: Vec<String>,
    },
}

impl Stage {
    pub fn rubrik(&self) -> Option<&Rubrik> {
        match &self.kind {
            StageKind::Nilai { rubrik, .. } => Some(rubrik),
            StageKind::Syarat { .. } => None,
        }
    }

    pub fn judges(&self) -> &[String] {
        match &self.kind {
            StageKind::Nilai { juri, .. } => juri,
            StageKind::Syarat { .. } => &[],
        }
    }

    pub fn menit(&self) -> Option<u32> {
        match &self.kind {
            StageKind::Nilai { menit, .. } => *menit,
            StageKind::Syarat { .. } => None,
        }
    }

    /// The planned start of slot `i` (0-based) of the drawn order, as `HH:MM` local time:
    /// `mulai` and then `menit` + `jeda` minutes a slot. `None` without `mulai` or `menit`.
    pub fn slot_start(&self, i: usize) -> Option<String> {
        let StageKind::Nilai {
            menit: Some(menit),
            mulai: Some(mulai),
            jeda,
            ..
        } = &self.kind
        else {
            return None;
        };
        let step = i64::from(*menit) + i64::from(*jeda);
        let at = mulai.checked_add(time::Duration::minutes(step * i64::try_from(i).ok()?))?;
        Some(format!("{:02}:{:02}", at.hour(), at.minute()))
    }

    /// Why `entry` fails this `syarat` stage, if it does.
    pub fn fails(&self, entry: &Entry, lang: Lang) -> Option<String> {
        let StageKind::Syarat { lampiran } = &self.kind else {
            return None;
        };
        if let Some(e) = &entry.error {
            return Some(format!("{}: {e}", lang.pick("galat", "error")));
        }
        let missing: Vec<&str> = lampiran
            .iter()
            .filter(|k| !entry.lampiran.contains(k))
            .map(String::as_str)
            .collect();
        (!missing.is_empty()).then(|| {
            format!(
                "{}: {}",
                lang.pick("tanpa lampiran", "no lampiran of kind"),
                missing.join(", ")
            )
        })
    }
}

#[derive(Clone, Debug)]
pub struct Competition {
    /// The lomba file, as shown to people.
    pub file: String,
    /// The folder holding the lomba file on disk; `None` for the built-in sample.
    pub dir: Option<PathBuf>,
    pub lomba: Lomba,
    /// The first scored stage's rubric.
    pub rubrik: Rubrik,
    /// Every stage in order; at least one is scored.
    pub stages: Vec<Stage>,
    pub entries: Vec<Entry>,
    /// Journals shipped beside the lomba file (`jurnal/*.jsonl`), e.g. the sample's demo scores,
    /// and the demo keys that signed them (`jurnal/*.key`).
    pub shipped_journals: Vec<(String, Vec<u8>)>,
}

#[derive(Debug)]
pub enum CompetitionError {
    Source(sources::SourceError),
    NoLomba(String),
    /// `message` is written in the language `load` was given.
    Invalid {
        file: String,
        message: String,
    },
    /// A file of the competition's `jurnal/` folder that cannot be read (a FIFO, a link, too large).
    Read(crate::files::read::ReadError),
}

impl From<sources::SourceError> for CompetitionError {
    fn from(e: sources::SourceError) -> Self {
        CompetitionError::Source(e)
    }
}

impl Localized for CompetitionError {
    fn message(&self, lang: Lang) -> String {
        match self {
            CompetitionError::Source(e) => e.message(lang),
            CompetitionError::Read(e) => e.message(lang),
            CompetitionError::NoLomba(p) => format!(
                "{p}: {}",
                lang.pick(
                    "tidak ada lomba.yaml (format: lomba/1)",
                    "no lomba.yaml (format: lomba/1) found"
                )
            ),
            CompetitionError::Invalid { file, message } => format!("{file}: {message}"),
        }
    }
}
crate::localized_error!(CompetitionError);

impl Competition {
    pub fn id(&self) -> &str {
        self.lomba.id.as_deref().unwrap_or("lomba")
    }

    pub fn name(&self) -> &str {
        self.lomba.nama.as_deref().unwrap_or(self.id())
    }

    /// Whether the competition has stages or awards (spec §8): its ranking is then the final result.
    pub fn staged(&self) -> bool {
        !self.lomba.tahap.is_empty()
            || !self.lomba.penghargaan.juara.is_empty()
            || !self.lomba.penghargaan.khusus.is_empty()
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    pub fn scored_stages(&self) -> impl Iterator<Item = &Stage> {
        self.stages.iter().filter(|s| s.rubrik().is_some())
    }

    /// The stage a journal line without `tahap` belongs to.
    pub fn first_scored(&self) -> &str {
        self.scored_stages()
            .next()
            .map_or("risalah", |s| s.id.as_str())
    }

    /// A scored stage by id, or why there is none.
    pub fn scored(&self, tahap: &str) -> Result<&Stage, ScoreError> {
        match self.stage(tahap) {
            Some(s) if s.rubrik().is_some() => Ok(s),
            Some(_) => Err(ScoreError::NotScored(tahap.into())),
            None => Err(ScoreError::UnknownStage(tahap.into())),
        }
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn infos(&self) -> Vec<EntryInfo> {
        self.entries.iter().map(Entry::info).collect()
    }

    pub fn judge(&self, id: &str) -> Option<&crate::model::lomba::Juri> {
        self.lomba.juri.iter().find(|j| j.id == id)
    }

    /// Why `juri` may not score `risalah`, if they may not.
    pub fn bar(&self, juri: &str, risalah: &str) -> Option<Bar> {
        if self
            .lomba
            .konflik
            .iter()
            .any(|k| k.juri == juri && k.risalah == risalah)
        {
            return Some(Bar::Listed);
        }
        let own = self.judge(juri).and_then(|j| j.opd.as_deref())?;
        let entry = self.entry(risalah)?;
        crate::model::names::same_party(own, &entry.opd).then_some(Bar::OwnOpd)
    }

    /// Whether the rules allow `juri` this change to `risalah` in stage `tahap`. Whether the entry
    /// has reached the stage depends on every journal: [`crate::judging::Judging::record`] asks that.
    pub fn validate(
        &self,
        juri: &str,
        tahap: &str,
        risalah: &str,
        change: &Change,
    ) -> Result<(), ScoreError> {
        if self.judge(juri).is_none() {
            return Err(ScoreError::UnknownJudge(juri.into()));
        }
        let stage = self.scored(tahap)?;
        if !stage.judges().iter().any(|j| j == juri) {
            return Err(ScoreError::NotStageJudge {
                juri: juri.into(),
                tahap: tahap.into(),
            });
        }
        if self.entry(risalah).is_none() {
            return Err(ScoreError::UnknownEntry(risalah.into()));
        }
        if let Some(bar) = self.bar(juri, risalah) {
            return Err(ScoreError::Conflict {
                juri: juri.into(),
                risalah: risalah.into(),
                bar,
            });
        }
        let rubrik = stage.rubrik().unwrap_or(&self.rubrik);
        let criterion = |k: &str| {
            rubrik
                .kriteria
                .iter()
                .find(|c| c.id == k)
                .ok_or_else(|| ScoreError::UnknownCriterion(k.into()))
        };
        match change {
            Change::Skor { kriteria, nilai } => {
                criterion(kriteria)?;
                if !scoring::valid_score(rubrik, *nilai) {
                    return Err(ScoreError::OffScale {
                        nilai: *nilai,
                        min: rubrik.min,
                        maks: rubrik.maks,
                    });
                }
            }
            Change::Catatan {
                kriteria: Some(k), ..
            } => {
                criterion(k)?;
            }
            Change::Catatan { kriteria: None, .. } | Change::Tarik { .. } => {}
            // Only the coordinator amends the rules, in the coordinator's own journal.
            Change::Aturan { .. } => return Err(ScoreError::NotJudgesChange),
            Change::Centang {
                kriteria, butir, ..
            } => {
                if *butir >= criterion(kriteria)?.panduan.len() {
                    return Err(ScoreError::UnknownItem {
                        kriteria: kriteria.clone(),
                        butir: *butir,
                    });
                }
            }
        }
        Ok(())
    }

    /// Replays a judge's journal lines against the competition (spec §10): the lines it allows, as
    /// changes, and every other line with why. A line of another competition, an unknown entry,
    /// criterion or stage, a score off the scale, an entry barred for the judge, a time that is
    /// not one or lies more than a day ahead, a withdrawal of nothing before it: never counted.
    pub fn check_lines(&self, juri: &str, lines: &[Line]) -> (Vec<Recorded>, Vec<Rejected>) {
        let mut counted = Vec::with_capacity(lines.len());
        let mut rejected = Vec::new();
        let horizon = std::time::SystemTime::now() + std::time::Duration::from_secs(86_400);
        for (i, line) in lines.iter().enumerate() {
            let check = || -> Result<(), ScoreError> {
                if let Some(l) = line.lomba.as_deref().filter(|l| *l != self.id()) {
                    return Err(ScoreError::OtherLomba(l.to_string()));
                }
                match humantime::parse_rfc3339(&line.waktu) {
                    Ok(t) if t <= horizon => {}
                    _ => return Err(ScoreError::BadTime(line.waktu.clone())),
                }
                if let Change::Tarik { urutan } = line.perubahan {
                    if urutan >= line.urutan {
                        return Err(ScoreError::WithdrawsNothing(urutan));
                    }
                }
                let tahap = line.tahap.as_deref().unwrap_or(self.first_scored());
                match self.validate(juri, tahap, &line.risalah, &line.perubahan) {
                    Err(ScoreError::Conflict { juri, risalah, bar }) => {
                        Err(ScoreError::Barred { juri, risalah, bar })
                    }
                    other => other,
                }
            };
            match check() {
                Ok(()) => counted.push(Recorded {
                    tahap: Some(
                        line.tahap
                            .clone()
                            .unwrap_or_else(|| self.first_scored().into()),
                    ),
                    ..line.recorded()
                }),
                Err(why) => rejected.push(Rejected {
                    line: i + 1,
                    why,
                    amended: None,
                }),
            }
        }
        (counted, rejected)
    }
}

/// The folder a competition's entries live in, as source files are named: the lomba's `risalah`
/// key read from the lomba file's own folder. This rule, with [`is_inside`], says which risalah
/// take part in a competition, for every caller.
pub fn entries_folder(lomba_file: &str, lomba: &Lomba) -> String {
    join(
        folder_of(lomba_file),
        lomba.risalah.as_deref().unwrap_or("."),
    )
}

/// Whether the source file `name` lies in `folder` or below it.
pub fn is_inside(folder: &str, name: &str) -> bool {
    let f = join("", folder_of(name));
    folder.is_empty() || f == folder || f.starts_with(&format!("{folder}/"))
}

pub(crate) fn folder_of(name: &str) -> &str {
    name.rfind('/').map_or("", |i| &name[..i])
}

/// `rel` read from `folder`, with `.` and `..` resolved; an absolute `rel` stands alone.
pub(crate) fn join(folder: &str, rel: &str) -> String {
    let whole = if rel.starts_with('/') || folder.is_empty() {
        rel.to_string()
    } else {
        format!("{folder}/{rel}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in whole.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if whole.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

fn first_error(c: &Checked, lang: Lang) -> Option<String> {
    c.diagnostics
        .iter()
        .find(|d| d.severity() == Severity::Error)
        .map(|d| {
            format!(
                "{}:{} {} {}",
                d.pos.line,
                d.pos.column,
                d.code(),
                d.message(lang)
            )
        })
}

/// The files of a folder that the competition in it is made of: every file that could be a
/// `lomba/1`, and for the one that wins (the newest), the entries' folder and its rubrics. The rest
/// of a large archive is read once for a few bytes and never parsed or kept: a folder of 100,000
/// risalah without a competition answers "none" in about a second instead of holding gigabytes.
/// With a file `named`, it wins if it is a competition, else the first one in the folder.
fn folder_files(dir: &Path, named: Option<&Path>) -> Result<Vec<SourceFile>, sources::SourceError> {
    use rayon::prelude::*;
    let paths = sources::collect_paths(&[dir.to_path_buf()])?;
    let candidates: Vec<(usize, SourceFile)> = paths
        .par_iter()
        .enumerate()
        .map(|(i, p)| (i, sources::read_source(p)))
        .filter(|(_, f)| may_declare_lomba(&f.bytes))
        .collect();
    let mut lombas: Vec<(usize, Lomba)> = candidates
        .iter()
        .filter_map(
            |(i, f)| match crate::format::read_document(&f.bytes).model {
                Some(Model::Lomba(l)) => Some((*i, l)),
                _ => None,
            },
        )
        .collect();
    // The same choice `load` makes below, in the same (path) order.
    match named {
        Some(p) => lombas.sort_by_key(|(i, _)| {
            let name = sources::path_name(&paths[*i]);
            name != sources::path_name(p) && !same_file(&name, p)
        }),
        None => lombas.sort_by_key(|(_, l)| std::cmp::Reverse(l.tahun)),
    }
    let Some((chosen, lomba)) = lombas.first() else {
        return Ok(candidates.into_iter().map(|(_, f)| f).collect());
    };
    let lomba_name = sources::path_name(&paths[*chosen]);
    let base = folder_of(&lomba_name).to_string();
    let entries = entries_folder(&lomba_name, lomba);
    let rubrics: Vec<String> = lomba
        .rubrik
        .iter()
        .chain(lomba.tahap.iter().filter_map(|t| match &t.jenis {
            JenisTahap::Nilai {
                rubrik: Some(r), ..
            } => Some(&r.id),
            _ => None,
        }))
        .map(|rel| join(&base, rel))
        .collect();
    let is_candidate = |i: usize| candidates.binary_search_by_key(&i, |(j, _)| *j).is_ok();
    let mut files: Vec<(usize, SourceFile)> = paths
        .par_iter()
        .enumerate()
        .filter(|&(i, p)| {
            let name = sources::path_name(p);
            !is_candidate(i) && (is_inside(&entries, &name) || rubrics.contains(&join("", &name)))
        })
        .map(|(i, p)| (i, sources::read_source(p)))
        .collect();
    files.extend(candidates);
    // In path order, as the whole folder would have been.
    files.sort_by_key(|(i, _)| *i);
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// Whether a file's bytes could hold `format: lomba/1`. A YAML value holds only what its text
/// spells, unless a double-quoted escape (`\x6c`) spells it: so a file with neither the words nor
/// a backslash is no competition, and need not be parsed to know it.
fn may_declare_lomba(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"lomba/1").is_some() || memchr::memchr(b'\\', bytes).is_some()
}

/// Loads the competition at `path` (a lomba file, or a folder holding one, searched recursively; the
/// newest by `tahun` wins), or with no path the default root.
pub fn load(path: Option<&Path>, lang: Lang) -> Result<Competition, CompetitionError> {
    let (files, journals_from): (Vec<SourceFile>, Option<PathBuf>) = match path {
        Some(p) if p.is_file() => {
            let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            let mut files = folder_files(&dir, Some(p))?;
            // The named lomba file first, so it wins over any other below the same folder.
            let wanted = sources::path_name(p);
            files.sort_by_key(|f| f.name != wanted && !same_file(&f.name, p));
            (files, Some(dir))
        }
        Some(p) => (folder_files(p, None)?, Some(p.to_path_buf())),
        None => match Root::default_root() {
            Root::Disk(dir) => (folder_files(&dir, None)?, Some(dir)),
            Root::Builtin => (sources::builtin_files(), None),
        },
    };
    let shown = path.map_or_else(
        || Root::default_root().describe(),
        |p| p.display().to_string(),
    );
    let checked = check_files(&files);
    let mut lombas: Vec<(usize, &Lomba)> = checked
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match &c.doc.model {
            Some(Model::Lomba(l)) => Some((i, l)),
            _ => None,
        })
        .collect();
    if path.is_some_and(Path::is_file) {
        lombas.truncate(1);
    }
    lombas.sort_by_key(|(_, l)| std::cmp::Reverse(l.tahun));
    let Some(&(index, lomba)) = lombas.first() else {
        return Err(CompetitionError::NoLomba(shown));
    };
    let lomba_file = &checked[index];
    if let Some(message) = first_error(lomba_file, lang) {
        return Err(CompetitionError::Invalid {
            file: lomba_file.name.clone(),
            message,
        });
    }
    let reserved = crate::judging::amendments::KOORDINATOR;
    if lomba.juri.iter().any(|j| j.id == reserved) {
        return Err(CompetitionError::Invalid {
            file: lomba_file.name.clone(),
            message: match lang {
                Lang::Id => format!(
                    "`{reserved}` tidak boleh menjadi id juri: jurnal koordinator memakai nama itu"
                ),
                Lang::En => format!(
                    "`{reserved}` may not be a judge's id: the coordinator's journal has that name"
                ),
            },
        });
    }
    let base = folder_of(&lomba_file.name).to_string();
    let rubric_file = |rel: &str| rubric_at(&checked, &base, rel, &lomba_file.name, lang);
    let rubrik = match &lomba.rubrik {
        None => Rubrik::default(),
        Some(rel) => rubric_file(rel)?,
    };
    let mut stages = Vec::new();
    for t in &lomba.tahap {
        let kind = match &t.jenis {
            JenisTahap::Syarat { lampiran } => StageKind::Syarat {
                lampiran: lampiran.clone(),
            },
            JenisTahap::Nilai {
                rubrik: own,
                bobot,
                lolos,
                menit,
                mulai,
                jeda,
                juri,
            } => StageKind::Nilai {
                rubrik: match own {
                    Some(r) => rubric_file(&r.id)?,
                    None => rubrik.clone(),
                },
                bobot: *bobot,
                lolos: *lolos,
                menit: *menit,
                mulai: mulai
                    .as_deref()
                    .and_then(crate::judging::gelar::parse_mulai),
                jeda: jeda.unwrap_or(0),
                juri: match juri {
                    Some(list) => lomba
                        .juri
                        .iter()
                        .filter(|j| list.iter().any(|r| r.id == j.id))
                        .map(|j| j.id.clone())
                        .collect(),
                    None => lomba.juri.iter().map(|j| j.id.clone()).collect(),
                },
            },
        };
        stages.push(Stage {
            id: t.id.clone(),
            nama: t.nama.clone(),
            kind,
        });
    }
    if !stages.iter().any(|s| s.rubrik().is_some()) {
        // No stage is scored (or none is listed): the first edition's one reading.
        stages.push(Stage {
            id: "risalah".into(),
            nama: lang.pick("Penilaian risalah", "Reading the risalah").into(),
            kind: StageKind::Nilai {
                rubrik: rubrik.clone(),
                bobot: 1.0,
                lolos: None,
                menit: None,
                mulai: None,
                jeda: 0,
                juri: lomba.juri.iter().map(|j| j.id.clone()).collect(),
            },
        });
    }
    let rubrik = stages
        .iter()
        .find_map(|s| s.rubrik().cloned())
        .unwrap_or(rubrik);
    let folder = entries_folder(&lomba_file.name, lomba);
    let mut entries: Vec<Entry> = checked
        .iter()
        .filter(|c| is_inside(&folder, &c.name))
        .filter_map(|c| match &c.doc.model {
            Some(Model::Risalah(r)) => Some(Entry {
                id: r.id.as_ref()?.value.clone(),
                judul: r.judul.clone().unwrap_or_default(),
                opd: r.opd.clone().unwrap_or_default(),
                jenis: r.jenis(),
                tahun: r.tahun,
                file: c.name.clone(),
                benefits: r.benefits(),
                error: first_error(c, lang),
                lampiran: r
                    .lampiran
                    .iter()
                    .filter_map(|l| l.jenis.map(|j| j.as_str().to_string()))
                    .collect(),
            }),
            _ => None,
        })
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    entries.dedup_by(|a, b| a.id == b.id);
    let journal_folder = join(&base, "jurnal");
    let shipped_journals = match &journals_from {
        Some(_) => read_journal_dir(Path::new(&journal_folder)).map_err(CompetitionError::Read)?,
        None => sources::builtin_journals(&journal_folder),
    };
    Ok(Competition {
        file: lomba_file.name.clone(),
        dir: journals_from.map(|_| PathBuf::from(if base.is_empty() { "." } else { &base })),
        lomba: lomba.clone(),
        rubrik,
        stages,
        entries,
        shipped_journals,
    })
}

/// The rubric file `rel` (relative to the lomba's folder `base`), read and checked with the rest.
fn rubric_at(
    checked: &[Checked],
    base: &str,
    rel: &str,
    lomba_file: &str,
    lang: Lang,
) -> Result<Rubrik, CompetitionError> {
    let wanted = join(base, rel);
    let Some(c) = checked.iter().find(|c| join("", &c.name) == wanted) else {
        return Err(CompetitionError::Invalid {
            file: lomba_file.to_string(),
            message: match lang {
                Lang::Id => format!("rubrik `{rel}` tidak ditemukan"),
                Lang::En => format!("rubrik `{rel}` not found"),
            },
        });
    };
    match (&c.doc.model, first_error(c, lang)) {
        (Some(Model::Rubrik(r)), None) => Ok(r.clone()),
        (_, Some(message)) => Err(CompetitionError::Invalid {
            file: c.name.clone(),
            message,
        }),
        _ => Err(CompetitionError::Invalid {
            file: c.name.clone(),
            message: lang
                .pick("bukan berkas rubrik/1", "not a rubrik/1 file")
                .into(),
        }),
    }
}

fn same_file(name: &str, p: &Path) -> bool {
    match (std::fs::canonicalize(name), std::fs::canonicalize(p)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The journals and demo keys shipped in a competition's `jurnal/` folder. Found, not named: a
/// link there is refused like a FIFO or a file over its limit, and any of them stops the load
/// with the file's name (a journal silently left out would change the ranking).
fn read_journal_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, read::ReadError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for path in entries.flatten().map(|e| e.path()) {
        let kind = match path.extension().and_then(|x| x.to_str()) {
            Some("jsonl") => read::Kind::Journal,
            Some("key") => read::Kind::Key,
            _ => continue,
        };
        // Gone between the listing and the read: as if it had not been listed.
        if let Some(bytes) = read::read_if_any(&path, kind, read::Links::Refuse)? {
            out.push((sources::path_name(&path), bytes));
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_paths() {
        assert_eq!(
            join("reports/lomba-2026", "risalah/"),
            "reports/lomba-2026/risalah"
        );
        assert_eq!(join("a/b", "../c"), "a/c");
        assert_eq!(join("", "./x"), "x");
        assert_eq!(join("/tmp/a", "b"), "/tmp/a/b");
        assert_eq!(join("", "/tmp/a/b"), "/tmp/a/b");
        assert_eq!(join("a", "/etc/x"), "/etc/x");
    }
}
