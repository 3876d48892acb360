//! Judging a competition (spec §6, §10): everything from a lomba.yaml to a published ranking.
//!
//! - `competition`: the lomba, its rubric and its entries, from disk or the built-in sample;
//! - `journal`: a judge's append-only, hash-chained record;
//! - `scoring` and `ranking`: pure arithmetic over what the journals say;
//! - `export`: a ranking as a table, JSON, CSV, XLSX or Markdown;
//! - this file: the API the CLI and the app share. It loads every judge's journal, records one
//!   judge's changes (refusing what the rules forbid before anything is written), and answers
//!   rankings and progress — without its callers knowing any file format.

pub mod competition;
pub mod export;
pub mod journal;
pub mod keys;
pub mod ranking;
pub mod scoring;

use crate::files::paths;
use crate::i18n::{Lang, Localized};
use crate::model::lomba::{Agregasi, Juri};
use competition::Competition;
use journal::{Breach, Journal, JournalError};
use keys::PublicKey;
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

#[derive(Debug)]
pub enum ScoreError {
    UnknownJudge(String),
    UnknownEntry(String),
    UnknownCriterion(String),
    OffScale {
        nilai: f64,
        min: f64,
        maks: f64,
    },
    Conflict {
        juri: String,
        risalah: String,
        bar: Bar,
    },
    UnknownItem {
        kriteria: String,
        butir: usize,
    },
    Barred {
        juri: String,
        risalah: String,
        bar: Bar,
    },
    OtherLomba(String),
    UnknownStage(String),
    BadTime(String),
    WithdrawsNothing(u64),
    Journal(JournalError),
}

impl From<JournalError> for ScoreError {
    fn from(e: JournalError) -> Self {
        ScoreError::Journal(e)
    }
}
crate::localized_error!(ScoreError);

impl Localized for ScoreError {
    fn message(&self, lang: Lang) -> String {
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
            (ScoreError::Barred { juri, risalah, bar }, Id) => format!(
                "juri `{juri}` tidak boleh menilai `{risalah}`: {}",
                bar.describe(lang)
            ),
            (ScoreError::OtherLomba(l), Id) => {
                format!("ditulis untuk lomba `{l}`, bukan lomba ini")
            }
            (ScoreError::UnknownStage(t), Id) => format!("tahap `{t}` tidak ada di lomba ini"),
            (ScoreError::BadTime(w), Id) => {
                format!("waktu `{w}` bukan waktu yang sah, atau ada di masa depan")
            }
            (ScoreError::WithdrawsNothing(u), Id) => {
                format!("menarik baris {u}, yang tidak ada sebelumnya")
            }
            (ScoreError::Barred { juri, risalah, bar }, En) => format!(
                "judge `{juri}` may not score `{risalah}`: {}",
                bar.describe(lang)
            ),
            (ScoreError::OtherLomba(l), En) => {
                format!("written for competition `{l}`, not this one")
            }
            (ScoreError::UnknownStage(t), En) => {
                format!("stage `{t}` does not exist in this competition")
            }
            (ScoreError::BadTime(w), En) => {
                format!("time `{w}` is not a time, or lies in the future")
            }
            (ScoreError::WithdrawsNothing(u), En) => {
                format!("withdraws line {u}, which does not come before it")
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

/// A journal line the competition does not allow (spec §10): reported, never counted.
#[derive(Debug)]
pub struct Rejected {
    pub line: usize,
    pub why: ScoreError,
}

impl Rejected {
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{} {}: {}",
            lang.pick("baris", "line"),
            self.line,
            self.why.message(lang)
        )
    }
}

/// A journal that could not be counted as a whole.
#[derive(Debug)]
pub struct JournalProblem {
    pub juri: String,
    pub path: String,
    pub breach: Option<Breach>,
    /// A torn last line (a crash mid-write), ignored: its line number.
    pub torn_line: Option<usize>,
    /// Lines the competition does not allow; not counted.
    pub rejected: Vec<Rejected>,
}

impl JournalProblem {
    /// Whether scores may be missing from the ranking because of it (a torn line never was saved).
    pub fn loses_scores(&self) -> bool {
        self.breach.is_some() || !self.rejected.is_empty()
    }

    /// One line for people: the judge, the file and what is wrong.
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{} `{}`: {}: {}",
            lang.pick("juri", "judge"),
            self.juri,
            self.path,
            self.what(lang)
        )
    }

    /// What is wrong, with the line it starts at.
    pub fn what(&self, lang: Lang) -> String {
        match (&self.breach, self.rejected.first()) {
            (Some(b), _) => b.describe(lang),
            (None, Some(r)) if self.rejected.len() == 1 => r.describe(lang),
            (None, Some(r)) => match lang {
                Lang::Id => format!(
                    "{} baris ditolak, a.l. {}",
                    self.rejected.len(),
                    r.describe(lang)
                ),
                Lang::En => format!(
                    "{} lines refused, e.g. {}",
                    self.rejected.len(),
                    r.describe(lang)
                ),
            },
            (None, None) => match (self.torn_line, lang) {
                (Some(l), Lang::Id) => {
                    format!("baris {l} terpotong (kemungkinan mati listrik), diabaikan")
                }
                (Some(l), Lang::En) => format!("line {l} is cut short (likely a crash), ignored"),
                (None, _) => String::new(),
            },
        }
    }

    /// The app's banner: the judge, the line, and the command that says more.
    pub fn banner(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!(
                "⚠ Jurnal juri {} bermasalah: {} — nilainya tidak dihitung; jalankan `tulta verify`",
                self.juri,
                self.what(lang)
            ),
            Lang::En => format!(
                "⚠ Judge {}'s journal has a problem: {} — its scores are not counted; run `tulta verify`",
                self.juri,
                self.what(lang)
            ),
        }
    }
}

/// Each judge's journal as counted: its line count and the hash of its last line (spec §10,
/// "jejak"), so a published ranking names exactly what it was computed from.
pub type Anchors = BTreeMap<String, (usize, String)>;

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
    anchors: Anchors,
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
        let io = |name: &str| {
            let name = name.to_string();
            move |err| JournalError::Io { path: name, err }
        };
        for (name, bytes) in &competition.shipped_journals {
            // The sample's demo keys, so that its judges can go on scoring the sample.
            let Some(juri) = name.strip_suffix(".key").and_then(|n| n.rsplit('/').next()) else {
                continue;
            };
            if competition.judge(juri).is_some() && journal::valid_id(juri) {
                keys::KeyPair::install(dir, juri, bytes).map_err(io(name))?;
            }
        }
        if !has_journals {
            for (name, bytes) in &competition.shipped_journals {
                if !name.ends_with(".jsonl") {
                    continue;
                }
                let first = journal::parse(bytes, &journal::Expect::default());
                let Some(juri) = first.judge().map(str::to_string) else {
                    continue;
                };
                if competition.judge(&juri).is_none() || !journal::valid_id(&juri) {
                    continue;
                }
                let (_, read) = read_for(&competition, dir, &juri, bytes);
                if read.breach.is_none() && read.torn.is_none() {
                    let _lock = journal::lock(dir, &juri)?;
                    journal::install(dir, &juri, bytes, &read).map_err(io(name))?;
                    if let Some(k) = &read.key {
                        keys::pin(dir, &juri, k).map_err(io(name))?;
                    }
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
            anchors: Anchors::new(),
        };
        judging.reload();
        Ok(judging)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key a judge's journal must be signed with here, if one is pinned.
    pub fn pinned(&self, juri: &str) -> Option<PublicKey> {
        pinned_key(&self.competition, &self.dir, juri)
    }

    /// Re-reads every judge's journal (another process may have written), counting only the lines
    /// the competition allows.
    pub fn reload(&mut self) {
        self.changes.clear();
        self.problems.clear();
        self.anchors.clear();
        let judges: Vec<String> = self
            .competition
            .lomba
            .juri
            .iter()
            .map(|j| j.id.clone())
            .collect();
        for juri in judges {
            self.load_one(&juri);
        }
    }

    /// Counts one judge's journal again: from this process's writer, or from disk.
    fn load_one(&mut self, juri: &str) {
        self.changes.remove(juri);
        self.anchors.remove(juri);
        self.problems.retain(|p| p.juri != juri);
        let path = Journal::path_for(&self.dir, juri);
        let problem_of = |breach: Option<Breach>, torn_line: Option<usize>| JournalProblem {
            juri: juri.to_string(),
            path: path.display().to_string(),
            breach,
            torn_line,
            rejected: Vec::new(),
        };
        let (lines, hash, mut problem) = match self.writers.get(juri) {
            Some(w) => (w.lines().to_vec(), w.last_hash().to_string(), None),
            None => {
                let pinned = self.pinned(juri);
                let Ok(read) = journal::read(&path, Some(juri), pinned.as_ref()) else {
                    return;
                };
                let problem = (read.breach.is_some() || read.torn.is_some())
                    .then(|| problem_of(read.breach.clone(), read.torn.map(|t| t.0)));
                // A broken journal is not counted at all: better no scores than altered ones.
                if read.breach.is_some() {
                    self.problems.extend(problem);
                    return;
                }
                let hash = read.last_hash().to_string();
                (read.lines, hash, problem)
            }
        };
        let (counted, rejected) = self.competition.check_lines(juri, &lines);
        if !rejected.is_empty() {
            problem
                .get_or_insert_with(|| problem_of(None, None))
                .rejected = rejected;
        }
        self.problems.extend(problem);
        self.anchors.insert(juri.to_string(), (lines.len(), hash));
        self.changes.insert(juri.to_string(), counted);
    }

    /// What each judge's journal held when it was counted (spec §10, "jejak").
    pub fn anchors(&self) -> &Anchors {
        &self.anchors
    }

    /// Problems that leave scores out of the ranking.
    pub fn losses(&self) -> impl Iterator<Item = &JournalProblem> {
        self.problems.iter().filter(|p| p.loses_scores())
    }

    pub fn judge(&self, id: &str) -> Option<&Juri> {
        self.competition.lomba.juri.iter().find(|j| j.id == id)
    }

    /// Why `juri` may not score `risalah`, if they may not.
    pub fn bar(&self, juri: &str, risalah: &str) -> Option<Bar> {
        self.competition.bar(juri, risalah)
    }

    fn validate(&self, juri: &str, risalah: &str, change: &Change) -> Result<(), ScoreError> {
        self.competition.validate(juri, risalah, change)
    }

    fn writer(&mut self, juri: &str) -> Result<&mut Journal, JournalError> {
        if !self.writers.contains_key(juri) {
            if self.judge(juri).is_none() {
                return Err(JournalError::BadId(juri.to_string()));
            }
            let context = journal::Context {
                lomba: Some(self.competition.id().to_string()),
                pinned: self.pinned(juri),
            };
            let journal = Journal::open(&self.dir, juri, context)?;
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
        // The writer may have continued a journal an import put in place: count it all again.
        self.load_one(juri);
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
    pub fn undo(&mut self, juri: &str) -> Result<Option<Recorded>, ScoreError> {
        let last = self
            .changes
            .get(juri)
            .and_then(|c| scoring::last_undoable(c))
            .cloned();
        match last {
            Some(r) => self
                .record(juri, &r.risalah, Change::Tarik { urutan: r.urutan })
                .map(Some),
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
                barred: self
                    .competition
                    .entries
                    .iter()
                    .filter(|e| self.bar(&j.id, &e.id).is_some())
                    .map(|e| e.id.clone())
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
            jejak: self.anchors.clone(),
            partial: self.losses().map(|p| p.juri.clone()).collect(),
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

#[derive(Debug)]
pub enum ImportError {
    Read {
        file: String,
        err: std::io::Error,
    },
    Broken {
        file: String,
        breach: Breach,
    },
    Torn {
        file: String,
        line: usize,
    },
    Empty {
        file: String,
    },
    UnknownJudge {
        file: String,
        juri: String,
    },
    TwoForOneJudge {
        juri: String,
        first: String,
        second: String,
    },
    Diverges {
        file: String,
        juri: String,
        local: String,
    },
    Rejected {
        file: String,
        rejected: Vec<Rejected>,
    },
    Journal(JournalError),
    /// Writing the imported journal here failed; the text is already in the user's language.
    Io(String),
}

impl From<JournalError> for ImportError {
    fn from(e: JournalError) -> Self {
        ImportError::Journal(e)
    }
}

impl Localized for ImportError {
    fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        let nothing = lang.pick("tidak ada yang diimpor", "nothing imported");
        match self {
            Read { file, err } => {
                format!("{file}: {}: {err}", lang.pick("tidak dapat dibaca", "cannot read"))
            }
            Broken { file, breach } => format!(
                "{file}: {} ({}); {nothing}",
                lang.pick("jurnal rusak", "the journal is broken"),
                breach.describe(lang)
            ),
            Torn { file, line } => match lang {
                Lang::Id => format!("{file}: baris terakhir terpotong (baris {line}); {nothing}"),
                Lang::En => format!("{file}: the last line is cut short (line {line}); {nothing}"),
            },
            Empty { file } => format!(
                "{file}: {}; {nothing}",
                lang.pick("jurnal kosong", "empty journal")
            ),
            UnknownJudge { file, juri } => match lang {
                Lang::Id => format!("{file}: juri `{juri}` tidak ada di lomba.yaml; {nothing}"),
                Lang::En => format!("{file}: judge `{juri}` is not in lomba.yaml; {nothing}"),
            },
            TwoForOneJudge { juri, first, second } => match lang {
                Lang::Id => format!(
                    "{first} dan {second} sama-sama jurnal juri `{juri}`; impor salah satunya"
                ),
                Lang::En => format!(
                    "{first} and {second} are both journals of judge `{juri}`; import one of them"
                ),
            },
            Diverges { file, juri, local } => match lang {
                Lang::Id => format!(
                    "{file}: juri `{juri}` sudah punya jurnal lain di sini ({local}); jurnal tidak pernah digabung"
                ),
                Lang::En => format!(
                    "{file}: judge `{juri}` already has a different journal here ({local}); journals are never merged"
                ),
            },
            Io(text) => text.clone(),
            Rejected { file, rejected } => format!(
                "{file}: {} {} ({}); {nothing}",
                rejected.len(),
                lang.pick(
                    "baris tidak diizinkan lomba ini",
                    "line(s) this competition does not allow"
                ),
                rejected
                    .iter()
                    .map(|r| r.describe(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Journal(e) => e.message(lang),
        }
    }
}
crate::localized_error!(ImportError);

/// The key a judge's journals must carry in `dir`: `kunci` in lomba.yaml, else the key pinned there
/// by the first import (or by the judge's own first change).
pub fn pinned_key(competition: &Competition, dir: &Path, juri: &str) -> Option<PublicKey> {
    competition
        .judge(juri)
        .and_then(|j| j.kunci.as_deref())
        .and_then(PublicKey::parse)
        .or_else(|| keys::pinned_here(dir, juri))
}

/// Journal text brought from elsewhere, read as `juri`'s against the key pinned for them here.
fn read_for(
    competition: &Competition,
    dir: &Path,
    juri: &str,
    bytes: &[u8],
) -> (Option<PublicKey>, journal::JournalRead) {
    let pinned = pinned_key(competition, dir, juri);
    let read = journal::parse(
        bytes,
        &journal::Expect {
            juri: Some(juri),
            pinned: pinned.as_ref(),
            head: None,
        },
    );
    (pinned, read)
}

/// One import's outcome for a judge, and what it learnt about the judge's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    pub outcome: Imported,
    /// The journal's key fingerprint, or `None` for an unsigned (first-edition) journal.
    pub key: Option<String>,
    /// The key was pinned by this import (the first seen for the judge here).
    pub pinned_now: bool,
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

/// Takes journals brought from other machines. Every file is checked (chain, signatures against
/// the pinned key, every line against the competition) before any is installed: one bad file
/// imports nothing. Each judge's journal is replaced under the same lock scoring takes.
pub fn import(
    dir: &Path,
    competition: &Competition,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<ImportReport>, ImportError> {
    struct Planned<'a> {
        juri: String,
        file: &'a str,
        bytes: &'a [u8],
        read: journal::JournalRead,
        pinned: bool,
    }
    let mut plan: Vec<Planned> = Vec::new();
    for (file, bytes) in files {
        let first = journal::parse(bytes, &journal::Expect::default());
        let Some(juri) = first.judge().map(str::to_string) else {
            return Err(match first.breach {
                Some(breach) => ImportError::Broken {
                    file: file.clone(),
                    breach,
                },
                None => ImportError::Empty { file: file.clone() },
            });
        };
        if competition.judge(&juri).is_none() || !journal::valid_id(&juri) {
            return Err(ImportError::UnknownJudge {
                file: file.clone(),
                juri,
            });
        }
        let (pinned, read) = read_for(competition, dir, &juri, bytes);
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
        let (_, rejected) = competition.check_lines(&juri, &read.lines);
        if !rejected.is_empty() {
            return Err(ImportError::Rejected {
                file: file.clone(),
                rejected,
            });
        }
        if let Some(p) = plan.iter().find(|p| p.juri == juri) {
            return Err(ImportError::TwoForOneJudge {
                juri,
                first: p.file.to_string(),
                second: file.clone(),
            });
        }
        plan.push(Planned {
            juri,
            file: file.as_str(),
            bytes: bytes.as_slice(),
            read,
            pinned: pinned.is_some(),
        });
    }
    // Every judge's lock first, then every comparison, then every install: nothing is written
    // while any journal could still refuse.
    let mut locks = Vec::new();
    for p in &plan {
        locks.push(journal::lock(dir, &p.juri)?);
    }
    let mut reports = Vec::new();
    let mut installs = Vec::new();
    for p in &plan {
        let juri = &p.juri;
        let local_path = Journal::path_for(dir, juri);
        let local = std::fs::read(&local_path).ok().filter(|b| !b.is_empty());
        let outcome = match local {
            None => Imported::New {
                juri: juri.clone(),
                lines: p.read.lines.len(),
            },
            Some(local) if local.as_slice() == p.bytes => {
                Imported::AlreadyHere { juri: juri.clone() }
            }
            Some(local) if p.bytes.starts_with(&local) => Imported::Extended {
                juri: juri.clone(),
                from: journal::parse(&local, &journal::Expect::default())
                    .lines
                    .len(),
                to: p.read.lines.len(),
            },
            Some(local) if local.starts_with(p.bytes) => {
                Imported::OlderThanHere { juri: juri.clone() }
            }
            Some(_) => {
                return Err(ImportError::Diverges {
                    file: p.file.to_string(),
                    juri: juri.clone(),
                    local: local_path.display().to_string(),
                })
            }
        };
        if matches!(outcome, Imported::New { .. } | Imported::Extended { .. }) {
            installs.push(p);
        }
        reports.push(ImportReport {
            outcome,
            key: p.read.key.as_ref().map(PublicKey::fingerprint),
            pinned_now: !p.pinned && p.read.key.is_some(),
        });
    }
    let io = |e: std::io::Error| ImportError::Io(format!("{}: {e}", dir.display()));
    for p in installs {
        journal::install(dir, &p.juri, p.bytes, &p.read).map_err(io)?;
    }
    for p in &plan {
        if let (false, Some(k)) = (p.pinned, &p.read.key) {
            keys::pin(dir, &p.juri, k).map_err(io)?;
        }
    }
    drop(locks);
    Ok(reports)
}
