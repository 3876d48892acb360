//! Judging a competition: the library API that the CLI and the app share. It loads every judge's
//! journal, records one judge's changes (refusing what the rules forbid before anything is written),
//! and answers rankings and progress — without its callers knowing any file format.

pub mod competition;
pub mod export;
pub mod journal;
pub mod ranking;
pub mod scoring;

use crate::files::paths;
use crate::i18n::Lang;
use crate::model::lomba::{Agregasi, Juri};
use competition::Competition;
use journal::{Breach, Journal, JournalError};
use ranking::{JudgeSheets, Kategori, Ranking};
use scoring::{Change, Recorded, Sheet, Status};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a judge may not score an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bar {
    /// Listed under `konflik` in lomba.yaml.
    Listed,
    /// The entry comes from the judge's own OPD.
    OwnOpd,
}

impl Bar {
    pub fn describe(&self, lang: Lang) -> &'static str {
        match self {
            Bar::Listed => lang.pick(
                "tercantum sebagai konflik kepentingan di lomba.yaml",
                "listed as a conflict of interest in lomba.yaml",
            ),
            Bar::OwnOpd => lang.pick(
                "risalah dari OPD juri sendiri",
                "an entry of the judge's own OPD",
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("unknown judge `{0}`")]
    UnknownJudge(String),
    #[error("unknown entry `{0}`")]
    UnknownEntry(String),
    #[error("unknown criterion `{0}`")]
    UnknownCriterion(String),
    #[error("score {nilai} is off the scale {min}-{maks} (halves allowed)")]
    OffScale { nilai: f64, min: f64, maks: f64 },
    #[error("judge `{juri}` may not score `{risalah}`: {bar:?}")]
    Conflict {
        juri: String,
        risalah: String,
        bar: Bar,
    },
    #[error("checklist item {butir} does not exist for criterion `{kriteria}`")]
    UnknownItem { kriteria: String, butir: usize },
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl ScoreError {
    pub fn message(&self, lang: Lang) -> String {
        use Lang::*;
        match (self, lang) {
            (ScoreError::UnknownJudge(j), Id) => format!("juri `{j}` tidak ada di lomba.yaml"),
            (ScoreError::UnknownJudge(j), En) => format!("judge `{j}` is not in lomba.yaml"),
            (ScoreError::UnknownEntry(r), Id) => format!("risalah `{r}` bukan peserta lomba ini"),
            (ScoreError::UnknownEntry(r), En) => {
                format!("`{r}` is not an entry of this competition")
            }
            (ScoreError::UnknownCriterion(k), Id) => format!("kriteria `{k}` tidak ada di rubrik"),
            (ScoreError::UnknownCriterion(k), En) => {
                format!("criterion `{k}` is not in the rubric")
            }
            (ScoreError::OffScale { nilai, min, maks }, Id) => {
                format!("nilai {nilai} di luar skala {min}-{maks} (boleh setengah, mis. 3.5)")
            }
            (ScoreError::OffScale { nilai, min, maks }, En) => {
                format!("score {nilai} is off the scale {min}-{maks} (halves allowed, e.g. 3.5)")
            }
            (ScoreError::Conflict { juri, risalah, bar }, Id) => format!(
                "juri `{juri}` tidak boleh menilai `{risalah}`: {}; tidak ada yang dicatat",
                bar.describe(lang)
            ),
            (ScoreError::Conflict { juri, risalah, bar }, En) => format!(
                "judge `{juri}` may not score `{risalah}`: {}; nothing was recorded",
                bar.describe(lang)
            ),
            (ScoreError::UnknownItem { kriteria, butir }, Id) => {
                format!("butir panduan {butir} tidak ada pada kriteria `{kriteria}`")
            }
            (ScoreError::UnknownItem { kriteria, butir }, En) => {
                format!("guidance item {butir} does not exist for criterion `{kriteria}`")
            }
            (ScoreError::Journal(e), _) => e.message(lang),
        }
    }
}

/// Per judge: how far they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub juri: String,
    pub nama: String,
    pub finished: usize,
    pub in_progress: usize,
    pub untouched: usize,
    pub barred: usize,
}

/// A journal that could not be read as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalProblem {
    pub path: String,
    pub breach: Option<Breach>,
    /// A torn last line (a crash mid-write), ignored: its line number.
    pub torn_line: Option<usize>,
}

pub struct Judging {
    pub competition: Competition,
    dir: PathBuf,
    /// Every judge's changes, in journal order.
    changes: BTreeMap<String, Vec<Recorded>>,
    /// Journals opened for writing, by judge.
    writers: BTreeMap<String, Journal>,
    /// What loading found: torn tails (ignored) and broken journals (not counted).
    pub problems: Vec<JournalProblem>,
    /// Sample journals copied into an empty journal folder on first use.
    pub seeded: usize,
}

/// The folder of a competition's journals: `<data dir>/<lomba id>/`.
pub fn journal_dir(competition: &Competition) -> PathBuf {
    paths::data_dir().join(competition.id())
}

impl Judging {
    /// Opens a competition's journals in the user's data folder.
    pub fn open(competition: Competition) -> Result<Judging, JournalError> {
        let dir = journal_dir(&competition);
        Judging::open_in(competition, &dir)
    }

    /// Opens the journals in `dir`. When it holds none and the competition ships journals (the
    /// sample's demo scores), those are verified and copied in first.
    pub fn open_in(competition: Competition, dir: &Path) -> Result<Judging, JournalError> {
        let mut seeded = 0;
        let has_journals = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .any(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
            })
            .unwrap_or(false);
        if !has_journals {
            for (name, bytes) in &competition.shipped_journals {
                let read = journal::parse(bytes, None, None);
                let Some(juri) = read.judge().map(str::to_string) else {
                    continue;
                };
                let known = competition.lomba.juri.iter().any(|j| j.id == juri);
                if read.breach.is_none() && read.torn.is_none() && known {
                    journal::install(dir, &juri, bytes, &read.lines).map_err(|err| {
                        JournalError::Io {
                            path: name.clone(),
                            err,
                        }
                    })?;
                    seeded += 1;
                }
            }
        }
        let mut judging = Judging {
            competition,
            dir: dir.to_path_buf(),
            changes: BTreeMap::new(),
            writers: BTreeMap::new(),
            problems: Vec::new(),
            seeded,
        };
        judging.reload();
        Ok(judging)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Re-reads every judge's journal (another process may have written).
    pub fn reload(&mut self) {
        self.changes.clear();
        self.problems.clear();
        for j in &self.competition.lomba.juri {
            let path = Journal::path_for(&self.dir, &j.id);
            if let Some(w) = self.writers.get(&j.id) {
                self.changes.insert(j.id.clone(), w.recorded());
                continue;
            }
            let Ok(read) = journal::read(&path, Some(&j.id)) else {
                continue;
            };
            if read.breach.is_some() || read.torn.is_some() {
                self.problems.push(JournalProblem {
                    path: path.display().to_string(),
                    breach: read.breach.clone(),
                    torn_line: read.torn.map(|t| t.0),
                });
            }
            // A broken journal counts up to its breach only if nothing is wrong: better no scores
            // than altered ones.
            if read.breach.is_none() {
                self.changes.insert(j.id.clone(), read.recorded());
            }
        }
    }

    pub fn judge(&self, id: &str) -> Option<&Juri> {
        self.competition.lomba.juri.iter().find(|j| j.id == id)
    }

    /// Why `juri` may not score `risalah`, if they may not.
    pub fn bar(&self, juri: &str, risalah: &str) -> Option<Bar> {
        let lomba = &self.competition.lomba;
        if lomba
            .konflik
            .iter()
            .any(|k| k.juri == juri && k.risalah == risalah)
        {
            return Some(Bar::Listed);
        }
        let own = self.judge(juri).and_then(|j| j.opd.as_deref())?;
        let entry = self.competition.entry(risalah)?;
        crate::model::names::same(own, &entry.opd).then_some(Bar::OwnOpd)
    }

    fn validate(&self, juri: &str, risalah: &str, change: &Change) -> Result<(), ScoreError> {
        if self.judge(juri).is_none() {
            return Err(ScoreError::UnknownJudge(juri.into()));
        }
        if self.competition.entry(risalah).is_none() {
            return Err(ScoreError::UnknownEntry(risalah.into()));
        }
        if let Some(bar) = self.bar(juri, risalah) {
            return Err(ScoreError::Conflict {
                juri: juri.into(),
                risalah: risalah.into(),
                bar,
            });
        }
        let rubrik = &self.competition.rubrik;
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

    fn writer(&mut self, juri: &str) -> Result<&mut Journal, JournalError> {
        if !self.writers.contains_key(juri) {
            let journal = Journal::open(&self.dir, juri)?;
            self.writers.insert(juri.to_string(), journal);
        }
        self.writers
            .get_mut(juri)
            .ok_or_else(|| JournalError::Locked {
                path: self.dir.display().to_string(),
            })
    }

    /// Records one change for one judge; returns once it is on disk. Refused changes write nothing.
    pub fn record(
        &mut self,
        juri: &str,
        risalah: &str,
        change: Change,
    ) -> Result<Recorded, ScoreError> {
        self.validate(juri, risalah, &change)?;
        let writer = self.writer(juri)?;
        let recorded = writer.append(risalah, change)?;
        let all = writer.recorded();
        self.changes.insert(juri.to_string(), all);
        Ok(recorded)
    }

    pub fn score(
        &mut self,
        juri: &str,
        risalah: &str,
        kriteria: &str,
        nilai: f64,
    ) -> Result<Recorded, ScoreError> {
        self.record(
            juri,
            risalah,
            Change::Skor {
                kriteria: kriteria.into(),
                nilai,
            },
        )
    }

    /// Takes back this judge's last change that still stands, as a new journal line.
    /// Takes back the judge's latest standing change to `risalah` (never another entry's: a judge
    /// undoing on one entry must not reach into another). Returns the change taken back and the
    /// `tarik` line that did it; `None` writes nothing.
    pub fn undo(
        &mut self,
        juri: &str,
        risalah: &str,
    ) -> Result<Option<(Recorded, Recorded)>, ScoreError> {
        let here: Vec<Recorded> = self
            .changes(juri)
            .iter()
            .filter(|r| r.risalah == risalah)
            .cloned()
            .collect();
        match scoring::last_undoable(&here).cloned() {
            Some(r) => self
                .record(juri, risalah, Change::Tarik { urutan: r.urutan })
                .map(|t| Some((r, t))),
            None => Ok(None),
        }
    }

    pub fn changes(&self, juri: &str) -> &[Recorded] {
        self.changes.get(juri).map_or(&[], Vec::as_slice)
    }

    pub fn sheets(&self, juri: &str) -> BTreeMap<String, Sheet> {
        scoring::replay(self.changes(juri))
    }

    pub fn sheet(&self, juri: &str, risalah: &str) -> Sheet {
        self.sheets(juri).remove(risalah).unwrap_or_default()
    }

    fn all_sheets(&self) -> Vec<JudgeSheets> {
        self.competition
            .lomba
            .juri
            .iter()
            .map(|j| JudgeSheets {
                juri: j.id.clone(),
                sheets: self
                    .sheets(&j.id)
                    .into_iter()
                    // A barred judge's sheet never counts, even if a journal was edited to hold one.
                    .filter(|(e, _)| self.bar(&j.id, e).is_none())
                    .collect(),
            })
            .collect()
    }

    pub fn ranking(&self, metode: Agregasi, kategori: Kategori) -> Ranking {
        ranking::rank(
            &self.competition.rubrik,
            &self.competition.infos(),
            &self.all_sheets(),
            metode,
            kategori,
        )
    }

    /// What an export needs besides the ranking: names, and every judge's raw sheets.
    pub fn export_context(&self) -> crate::judging::export::Context<'_> {
        let comp = &self.competition;
        crate::judging::export::Context {
            lomba_id: comp.id(),
            lomba_nama: comp.name(),
            juri: comp.lomba.juri.iter().map(|x| x.id.clone()).collect(),
            kriteria: comp.rubrik.kriteria.iter().map(|k| k.id.clone()).collect(),
            sheets: comp
                .lomba
                .juri
                .iter()
                .map(|x| (x.id.clone(), self.sheets(&x.id)))
                .collect(),
        }
    }

    pub fn progress(&self) -> Vec<Progress> {
        let rubrik = &self.competition.rubrik;
        self.competition
            .lomba
            .juri
            .iter()
            .map(|j| {
                let sheets = self.sheets(&j.id);
                let mut p = Progress {
                    juri: j.id.clone(),
                    nama: j.nama.clone(),
                    finished: 0,
                    in_progress: 0,
                    untouched: 0,
                    barred: 0,
                };
                for e in &self.competition.entries {
                    if self.bar(&j.id, &e.id).is_some() {
                        p.barred += 1;
                        continue;
                    }
                    match sheets
                        .get(&e.id)
                        .map_or(Status::Untouched, |s| s.status(rubrik))
                    {
                        Status::Finished => p.finished += 1,
                        Status::InProgress => p.in_progress += 1,
                        Status::Untouched => p.untouched += 1,
                    }
                }
                p
            })
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {err}")]
    Read { file: String, err: std::io::Error },
    #[error("{file}: the journal is broken ({}); nothing imported", breach.describe(Lang::En))]
    Broken { file: String, breach: Breach },
    #[error("{file}: the last line is cut short (line {line}); nothing imported")]
    Torn { file: String, line: usize },
    #[error("{file}: empty journal; nothing imported")]
    Empty { file: String },
    #[error("{file}: judge `{juri}` is not in lomba.yaml; nothing imported")]
    UnknownJudge { file: String, juri: String },
    #[error("{first} and {second} are both journals of judge `{juri}`; import one of them")]
    TwoForOneJudge {
        juri: String,
        first: String,
        second: String,
    },
    #[error("{file}: judge `{juri}` already has a different journal here ({local}); journals are never merged")]
    Diverges {
        file: String,
        juri: String,
        local: String,
    },
    #[error("{0}")]
    Io(String),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        match (self, lang) {
            (Read { file, err }, Lang::Id) => format!("{file}: tidak dapat dibaca: {err}"),
            (Broken { file, breach }, Lang::Id) => format!(
                "{file}: jurnal rusak ({}); tidak ada yang diimpor",
                breach.describe(lang)
            ),
            (Torn { file, line }, Lang::Id) => format!(
                "{file}: baris terakhir terpotong (baris {line}); tidak ada yang diimpor"
            ),
            (Empty { file }, Lang::Id) => format!("{file}: jurnal kosong; tidak ada yang diimpor"),
            (UnknownJudge { file, juri }, Lang::Id) => format!(
                "{file}: juri `{juri}` tidak ada di lomba.yaml; tidak ada yang diimpor"
            ),
            (TwoForOneJudge { juri, first, second }, Lang::Id) => format!(
                "{first} dan {second} sama-sama jurnal juri `{juri}`; impor salah satunya"
            ),
            (Diverges { file, juri, local }, Lang::Id) => format!(
                "{file}: juri `{juri}` sudah punya jurnal lain di sini ({local}); jurnal tidak pernah digabung"
            ),
            _ => self.to_string(),
        }
    }
}

/// What importing did with one journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    New {
        juri: String,
        lines: usize,
    },
    Extended {
        juri: String,
        from: usize,
        to: usize,
    },
    AlreadyHere {
        juri: String,
    },
    OlderThanHere {
        juri: String,
    },
}

/// Takes journals brought from other machines. Every file is checked before any is installed:
/// one bad file imports nothing.
pub fn import(
    dir: &Path,
    competition: &Competition,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<Imported>, ImportError> {
    let mut plan: Vec<(String, &str, &[u8], Vec<journal::Line>)> = Vec::new();
    for (file, bytes) in files {
        let read = journal::parse(bytes, None, None);
        if let Some(breach) = read.breach {
            return Err(ImportError::Broken {
                file: file.clone(),
                breach,
            });
        }
        if let Some((line, _)) = read.torn {
            return Err(ImportError::Torn {
                file: file.clone(),
                line,
            });
        }
        let Some(juri) = read.judge().map(str::to_string) else {
            return Err(ImportError::Empty { file: file.clone() });
        };
        if !competition.lomba.juri.iter().any(|j| j.id == juri) {
            return Err(ImportError::UnknownJudge {
                file: file.clone(),
                juri,
            });
        }
        if let Some((_, first, _, _)) = plan.iter().find(|(j, ..)| *j == juri) {
            return Err(ImportError::TwoForOneJudge {
                juri,
                first: first.to_string(),
                second: file.clone(),
            });
        }
        plan.push((juri, file.as_str(), bytes.as_slice(), read.lines));
    }
    let mut outcomes = Vec::new();
    let mut installs = Vec::new();
    for (juri, file, bytes, lines) in &plan {
        let local_path = Journal::path_for(dir, juri);
        let local = std::fs::read(&local_path).ok().filter(|b| !b.is_empty());
        let outcome = match local {
            None => Imported::New {
                juri: juri.clone(),
                lines: lines.len(),
            },
            Some(local) if local.as_slice() == *bytes => {
                Imported::AlreadyHere { juri: juri.clone() }
            }
            Some(local) if bytes.starts_with(&local) => Imported::Extended {
                juri: juri.clone(),
                from: journal::parse(&local, Some(juri), None).lines.len(),
                to: lines.len(),
            },
            Some(local) if local.starts_with(bytes) => {
                Imported::OlderThanHere { juri: juri.clone() }
            }
            Some(_) => {
                return Err(ImportError::Diverges {
                    file: file.to_string(),
                    juri: juri.clone(),
                    local: local_path.display().to_string(),
                })
            }
        };
        if matches!(outcome, Imported::New { .. } | Imported::Extended { .. }) {
            installs.push((juri, *bytes, lines));
        }
        outcomes.push(outcome);
    }
    for (juri, bytes, lines) in installs {
        journal::install(dir, juri, bytes, lines)
            .map_err(|e| ImportError::Io(format!("{}: {e}", dir.display())))?;
    }
    Ok(outcomes)
}
