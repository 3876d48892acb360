//! Judging a competition (spec §6, §10): everything from a lomba.yaml to a published ranking.
//!
//! - `competition`: the lomba, its rubric and its entries, from disk or the built-in sample;
//! - `journal`: a judge's append-only, hash-chained record;
//! - `scoring` and `ranking`: pure arithmetic over what the journals say;
//! - `export`: a ranking as a table, JSON, CSV, XLSX or Markdown;
//! - `problems`: what the API refuses or finds wrong, in both languages;
//! - this file: the API the CLI and the app share. It loads every judge's journal, records one
//!   judge's changes (refusing what the rules forbid before anything is written), and answers
//!   rankings and progress — without its callers knowing any file format.

pub mod amendments;
pub mod competition;
pub mod export;
pub mod gelar;
mod import;
pub mod journal;
pub mod keys;
mod problems;
pub mod ranking;
pub mod rules;
pub mod scoring;
pub mod stages;

use crate::files::paths;
use crate::files::read::{self, ReadError};
use crate::model::lomba::{Agregasi, Juri};
use competition::{Competition, Stage};
pub use import::{import, ImportError, ImportReport, ImportStep, Imported};
use journal::{Breach, Journal, JournalError};
use keys::PublicKey;
pub use problems::{Bar, JournalProblem, Rejected, ScoreError};
use ranking::{JudgeSheets, Kategori, Ranking};
use scoring::{Change, Recorded, Sheet, Status};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What an undo did.
#[derive(Clone, Debug, PartialEq)]
pub enum Undone {
    /// `change` was withdrawn by the line `tarik`.
    Withdrawn { change: Recorded, tarik: Recorded },
    /// Nothing stands on the entry to withdraw.
    Nothing,
    /// The journal's latest change is no longer the one last counted here (`seen`): another
    /// process wrote `newest` (or withdrew `seen`). Nothing was written; the journals were counted
    /// again.
    Changed {
        seen: Recorded,
        newest: Option<Recorded>,
    },
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
    /// The rules in force and the coordinator's amendments (spec §11).
    pub rules: amendments::RulesRecord,
    /// Per judge: rules some lines were written under that no amendment links to those in force
    /// (fingerprint → lines).
    unlinked: BTreeMap<String, BTreeMap<String, usize>>,
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

    /// Opens the journals in `dir`. When it holds none and the competition is a demonstration
    /// (`contoh: true`) shipping journals (the sample's demo scores), those are verified and copied
    /// in first. Keys and journals lying in any other competition's folder are never installed:
    /// keys come only from people (spec §11).
    pub fn open_in(competition: Competition, dir: &Path) -> Result<Judging, JournalError> {
        let mut seeded = 0;
        let shipped: &[(String, Vec<u8>)] = if competition.lomba.contoh {
            &competition.shipped_journals
        } else {
            &[]
        };
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
        for (name, bytes) in shipped {
            // The sample's demo keys, so that its judges can go on scoring the sample.
            let Some(juri) = name.strip_suffix(".key").and_then(|n| n.rsplit('/').next()) else {
                continue;
            };
            let known = competition.judge(juri).is_some() || juri == amendments::KOORDINATOR;
            if known && journal::valid_id(juri) {
                keys::KeyPair::install(dir, juri, bytes).map_err(io(name))?;
            }
        }
        if !has_journals {
            for (name, bytes) in shipped {
                if !name.ends_with(".jsonl") {
                    continue;
                }
                let first = journal::parse(bytes, &journal::Expect::default());
                let Some(juri) = first.judge().map(str::to_string) else {
                    continue;
                };
                let coordinator = juri == amendments::KOORDINATOR;
                if (competition.judge(&juri).is_none() && !coordinator) || !journal::valid_id(&juri)
                {
                    continue;
                }
                let (_, read) = read_for(&competition, dir, &juri, bytes)?;
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
        let rules = amendments::RulesRecord::load(&competition, dir);
        // The data folder keeps every rule set it has seen, so a later change can be named in
        // words (spec §11). A folder that cannot be written only loses those words.
        let _ = rules::keep(dir, &rules.current);
        let mut judging = Judging {
            competition,
            dir: dir.to_path_buf(),
            changes: BTreeMap::new(),
            writers: BTreeMap::new(),
            problems: Vec::new(),
            seeded,
            anchors: Anchors::new(),
            rules,
            unlinked: BTreeMap::new(),
        };
        judging.reload();
        Ok(judging)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key a judge's journal must be signed with here, if one is pinned.
    pub fn pinned(&self, juri: &str) -> Result<Option<PublicKey>, ReadError> {
        pinned_key(&self.competition, &self.dir, juri)
    }

    /// Re-reads every judge's journal (another process may have written), counting only the lines
    /// the competition allows.
    pub fn reload(&mut self) {
        // The coordinator's journal too: an amendment may have landed meanwhile.
        self.rules = amendments::RulesRecord::load(&self.competition, &self.dir);
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
        self.unlinked.remove(juri);
        self.problems.retain(|p| p.juri != juri);
        let path = Journal::path_for(&self.dir, juri);
        let problem_of = |breach: Option<Breach>, torn_line: Option<usize>| JournalProblem {
            juri: juri.to_string(),
            path: path.display().to_string(),
            breach,
            torn_line,
            rejected: Vec::new(),
            unreadable: None,
        };
        // This process's writer first reads what others wrote since; one that cannot (the file
        // was replaced by another key's, or broken) is let go, and the file is read as it is.
        if self
            .writers
            .get_mut(juri)
            .is_some_and(|w| w.refresh().is_err())
        {
            self.writers.remove(juri);
        }
        let (lines, hash, mut problem) = match self.writers.get(juri) {
            Some(w) => (w.lines().to_vec(), w.last_hash().to_string(), None),
            None => {
                let retired = self.rules.retired_keys(juri);
                let read = self.pinned(juri).and_then(|pinned| {
                    journal::read_with(
                        &path,
                        read::Links::Refuse,
                        Some(juri),
                        pinned.as_ref(),
                        &retired,
                    )
                });
                let read = match read {
                    Ok(read) => read,
                    // No journal yet: the judge has not scored.
                    Err(e) if e.is_missing() && e.path == path.display().to_string() => return,
                    // One that cannot be read is not counted, and says so: its scores are lost
                    // to the ranking as surely as an altered journal's.
                    Err(e) => {
                        self.problems.push(JournalProblem {
                            path: e.path.clone(),
                            unreadable: Some(e),
                            ..problem_of(None, None)
                        });
                        return;
                    }
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
        let (counted, mut rejected) = self.competition.check_lines(juri, &lines);
        self.rules.mark_amended(&lines, &mut rejected);
        let unlinked = self.rules.unlinked(&lines);
        if !unlinked.is_empty() {
            self.unlinked.insert(juri.to_string(), unlinked);
        }
        if !rejected.is_empty() {
            problem
                .get_or_insert_with(|| problem_of(None, None))
                .rejected = rejected;
        }
        self.problems.extend(problem);
        self.anchors.insert(juri.to_string(), (lines.len(), hash));
        self.changes.insert(juri.to_string(), counted);
    }

    /// The changes of the rules after scoring began that no amendment records, in words, one per
    /// judge and old rule set (spec §11): while there is one, no result may be published.
    pub fn rule_changes(&self, lang: crate::i18n::Lang) -> Vec<String> {
        let mut by_rules: BTreeMap<&str, usize> = BTreeMap::new();
        for per in self.unlinked.values() {
            for (from, n) in per {
                *by_rules.entry(from).or_insert(0) += n;
            }
        }
        by_rules
            .into_iter()
            .map(|(from, n)| amendments::describe_unlinked(&self.rules, &self.dir, from, n, lang))
            .collect()
    }

    /// The old rule sets that some lines were scored under with no amendment linking them to
    /// those in force: what `tulta aturan --ubah` records.
    pub fn unamended(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .unlinked
            .values()
            .flat_map(|m| m.keys().cloned())
            .collect();
        out.sort();
        out.dedup();
        out
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

    /// Whether the rules allow the change: the competition's own rules, then whether the entry has
    /// reached the stage (which depends on every judge's journal).
    fn validate(
        &self,
        juri: &str,
        tahap: &str,
        risalah: &str,
        change: &Change,
    ) -> Result<(), ScoreError> {
        self.competition.validate(juri, tahap, risalah, change)?;
        if self.competition.stages.len() > 1 {
            let flow = self.flow(self.competition.lomba.agregasi);
            if let Some(why) = flow.blocked(risalah, tahap) {
                return Err(ScoreError::NotReached {
                    risalah: risalah.into(),
                    tahap: tahap.into(),
                    why,
                });
            }
        }
        Ok(())
    }

    fn writer(&mut self, juri: &str) -> Result<&mut Journal, JournalError> {
        if !self.writers.contains_key(juri) {
            if self.judge(juri).is_none() {
                return Err(JournalError::BadId(juri.to_string()));
            }
            let context = journal::Context {
                lomba: Some(self.competition.id().to_string()),
                pinned: self.pinned(juri)?,
                aturan: Some(self.rules.current.sidik.clone()),
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
        tahap: &str,
        risalah: &str,
        change: Change,
    ) -> Result<Recorded, ScoreError> {
        self.validate(juri, tahap, risalah, &change)?;
        // The first scored stage is not named: a competition without stages writes as before.
        let named = (tahap != self.competition.first_scored()).then_some(tahap);
        let writer = self.writer(juri)?;
        let recorded = writer.append_in(named, risalah, change)?;
        // The writer may have continued a journal an import put in place: count it all again.
        self.load_one(juri);
        Ok(recorded)
    }

    pub fn score(
        &mut self,
        juri: &str,
        tahap: &str,
        risalah: &str,
        kriteria: &str,
        nilai: f64,
    ) -> Result<Recorded, ScoreError> {
        self.record(
            juri,
            tahap,
            risalah,
            Change::Skor {
                kriteria: kriteria.into(),
                nilai,
            },
        )
    }

    /// Takes back the judge's latest standing change to `risalah` in stage `tahap` (never another
    /// entry's or stage's: a judge undoing on one entry must not reach into another) — the one
    /// this `Judging` counted last, and only if the journal, read again under the lock, still has
    /// it as the latest: another window or `tulta score` may have written meanwhile, and undo must
    /// never withdraw a line its caller never saw. Then nothing is written and the journals are
    /// counted again.
    pub fn undo(&mut self, juri: &str, tahap: &str, risalah: &str) -> Result<Undone, ScoreError> {
        let here = |changes: &[Recorded]| -> Option<Recorded> {
            let mine: Vec<Recorded> = changes
                .iter()
                .filter(|r| r.tahap.as_deref() == Some(tahap) && r.risalah == risalah)
                .cloned()
                .collect();
            scoring::last_undoable(&mine).cloned()
        };
        let seen = here(self.changes(juri));
        let Some(seen) = seen else {
            return Ok(Undone::Nothing);
        };
        let tarik = Change::Tarik {
            urutan: seen.urutan,
        };
        self.validate(juri, tahap, risalah, &tarik)?;
        let named = (tahap != self.competition.first_scored()).then_some(tahap);
        self.writer(juri)?;
        let comp = &self.competition;
        let Some(writer) = self.writers.get_mut(juri) else {
            return Ok(Undone::Nothing);
        };
        let mut newest = None;
        let written = writer.append_if(named, risalah, |lines| {
            let (counted, _) = comp.check_lines(juri, lines);
            newest = here(&counted);
            (newest.as_ref().map(|r| r.urutan) == Some(seen.urutan)).then_some(tarik)
        })?;
        self.load_one(juri);
        Ok(match written {
            Some(tarik) => Undone::Withdrawn {
                change: seen,
                tarik,
            },
            None => Undone::Changed { seen, newest },
        })
    }

    pub fn changes(&self, juri: &str) -> &[Recorded] {
        self.changes.get(juri).map_or(&[], Vec::as_slice)
    }

    /// A judge's counted changes in one stage.
    fn stage_changes<'a>(
        &'a self,
        juri: &str,
        tahap: &'a str,
    ) -> impl Iterator<Item = &'a Recorded> + 'a {
        self.changes(juri)
            .iter()
            .filter(move |r| r.tahap.as_deref() == Some(tahap))
    }

    /// A judge's sheets in one stage, by entry.
    pub fn sheets(&self, juri: &str, tahap: &str) -> BTreeMap<String, Sheet> {
        let changes: Vec<Recorded> = self.stage_changes(juri, tahap).cloned().collect();
        scoring::replay(&changes)
    }

    pub fn sheet(&self, juri: &str, tahap: &str, risalah: &str) -> Sheet {
        self.sheets(juri, tahap).remove(risalah).unwrap_or_default()
    }

    /// Every sheet of a stage's judges in that stage, without the entries each may not score.
    fn stage_sheets(&self, stage: &Stage) -> Vec<JudgeSheets> {
        stage
            .judges()
            .iter()
            .map(|j| JudgeSheets {
                juri: j.clone(),
                sheets: self
                    .sheets(j, &stage.id)
                    .into_iter()
                    // A barred judge's sheet never counts, even if a journal was edited to hold one.
                    .filter(|(e, _)| self.bar(j, e).is_none())
                    .collect(),
                barred: self
                    .competition
                    .entries
                    .iter()
                    .filter(|e| self.bar(j, &e.id).is_some())
                    .map(|e| e.id.clone())
                    .collect(),
            })
            .collect()
    }

    /// How far the journals have taken each stage (spec §8).
    pub fn flow(&self, metode: Agregasi) -> stages::Flow {
        stages::flow(
            &self.competition.stages,
            &self.competition.entries,
            &|s| self.stage_sheets(s),
            metode,
        )
    }

    /// The ranking: with stages or awards the final result (spec §8), else the one reading's (§6).
    pub fn ranking(&self, metode: Agregasi, kategori: Kategori) -> Ranking {
        let comp = &self.competition;
        if comp.staged() {
            // Each stage's journals replayed once, for the flow, the tie-breakers and the awards.
            let table: BTreeMap<&str, Vec<JudgeSheets>> = comp
                .stages
                .iter()
                .map(|s| (s.id.as_str(), self.stage_sheets(s)))
                .collect();
            let sheets = |s: &Stage| table.get(s.id.as_str()).cloned().unwrap_or_default();
            let flow = stages::flow(&comp.stages, &comp.entries, &sheets, metode);
            return stages::result(
                &comp.stages,
                &flow,
                &comp.entries,
                &sheets,
                &comp.lomba.penghargaan,
                metode,
                kategori,
            );
        }
        let first = comp.first_scored();
        let sheets = comp
            .stage(first)
            .map(|s| self.stage_sheets(s))
            .unwrap_or_default();
        ranking::rank(&comp.rubrik, &comp.infos(), &sheets, metode, kategori)
    }

    /// One scored stage's ranking among the entries that reached it.
    pub fn stage_ranking(
        &self,
        tahap: &str,
        metode: Agregasi,
        kategori: Kategori,
    ) -> Result<Ranking, ScoreError> {
        let comp = &self.competition;
        let stage = comp.scored(tahap)?;
        let flow = self.flow(metode);
        flow.stage_ranking(
            stage,
            &comp.entries,
            self.stage_sheets(stage),
            &comp.stages,
            metode,
            kategori,
        )
        .ok_or_else(|| ScoreError::UnknownStage(tahap.into()))
    }

    /// The anchors a ranking publishes: every judge's, `0` lines for one who has not begun, so
    /// that a file lacking a judge's anchor is a finding (spec §11). A journal too broken to be
    /// counted has none: the file names its judge as not counted.
    fn published_anchors(&self) -> Anchors {
        let broken: Vec<&str> = self
            .problems
            .iter()
            .filter(|p| p.breach.is_some())
            .map(|p| p.juri.as_str())
            .collect();
        self.competition
            .lomba
            .juri
            .iter()
            .filter(|j| !broken.contains(&j.id.as_str()))
            .map(|j| {
                let anchor = self
                    .anchors
                    .get(&j.id)
                    .cloned()
                    .unwrap_or_else(|| (0, journal::GENESIS.to_string()));
                (j.id.clone(), anchor)
            })
            .collect()
    }

    /// What an export needs besides the ranking: names, and every judge's raw sheets.
    pub fn export_context(&self) -> crate::judging::export::Context<'_> {
        let comp = &self.competition;
        crate::judging::export::Context {
            lomba_id: comp.id(),
            lomba_nama: comp.name(),
            juri: comp.lomba.juri.iter().map(|x| x.id.clone()).collect(),
            raw: comp
                .scored_stages()
                .map(|s| crate::judging::export::RawStage {
                    tahap: s.id.clone(),
                    kriteria: s
                        .rubrik()
                        .map(|r| r.kriteria.iter().map(|k| k.id.clone()).collect())
                        .unwrap_or_default(),
                    sheets: s
                        .judges()
                        .iter()
                        .map(|j| (j.clone(), self.sheets(j, &s.id)))
                        .collect(),
                })
                .collect(),
            jejak: self.published_anchors(),
            partial: self.losses().map(|p| p.juri.clone()).collect(),
            contoh: comp.lomba.contoh,
            aturan: self.rules.current.sidik.clone(),
            koordinator: self.rules.anchor.clone(),
            amendments: self.rules.amendments.clone(),
            benefits: comp
                .entries
                .iter()
                .map(|e| (e.id.clone(), e.benefits.clone()))
                .collect(),
            publication: Some(self.publication()),
        }
    }

    /// What the HTML documents say beyond the ranking, with today's date where the machine is and
    /// the place named by the organiser (the caller may set both from the command line).
    pub fn publication(&self) -> crate::judging::export::html::Publication {
        use crate::judging::export::html::{Judge, Publication, StageInfo};
        let comp = &self.competition;
        let penyelenggara = comp.lomba.penyelenggara.clone().unwrap_or_default();
        Publication {
            nama: comp.name().to_string(),
            tempat: place_of(&penyelenggara).unwrap_or(comp.name()).to_string(),
            penyelenggara,
            tanggal: jiff::ZonedDateTime::now().date(),
            juri: comp
                .lomba
                .juri
                .iter()
                .map(|j| Judge {
                    id: j.id.clone(),
                    nama: j.nama.clone(),
                    opd: j.opd.clone().unwrap_or_default(),
                })
                .collect(),
            tahap: comp
                .scored_stages()
                .filter_map(|s| {
                    let r = s.rubrik()?;
                    Some(StageInfo {
                        id: s.id.clone(),
                        nama: s.nama.clone(),
                        kriteria: r
                            .kriteria
                            .iter()
                            .map(|k| (k.id.clone(), k.nama.clone()))
                            .collect(),
                        min: r.min,
                        maks: r.maks,
                    })
                })
                .collect(),
            peserta: comp
                .entries
                .iter()
                .map(|e| (e.id.clone(), (e.judul.clone(), e.opd.clone())))
                .collect(),
            contoh: comp.lomba.contoh,
        }
    }

    /// Per judge of stage `tahap`: how far they are with the entries that reached it.
    pub fn progress(&self, tahap: &str) -> Result<Vec<Progress>, ScoreError> {
        let comp = &self.competition;
        let stage = comp.scored(tahap)?;
        let rubrik = stage.rubrik().unwrap_or(&comp.rubrik);
        let flow = self.flow(comp.lomba.agregasi);
        let reached = flow
            .stage(tahap)
            .map(|r| r.reached.clone())
            .unwrap_or_default();
        Ok(stage
            .judges()
            .iter()
            .filter_map(|j| self.judge(j))
            .map(|j| {
                let sheets = self.sheets(&j.id, tahap);
                let mut p = Progress {
                    juri: j.id.clone(),
                    nama: j.nama.clone(),
                    finished: 0,
                    in_progress: 0,
                    untouched: 0,
                    barred: 0,
                };
                for e in comp.entries.iter().filter(|e| reached.contains(&e.id)) {
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
            .collect())
    }
}

/// The key a judge's journals must carry in `dir`: `kunci` in lomba.yaml, else the key pinned there
/// by the first import (or by the judge's own first change), else the judge's own key there — a
/// deleted pin file does not make a re-signed or unsigned journal acceptable (spec §11).
pub fn pinned_key(
    competition: &Competition,
    dir: &Path,
    juri: &str,
) -> Result<Option<PublicKey>, ReadError> {
    if let Some(k) = competition
        .judge(juri)
        .and_then(|j| j.kunci.as_deref())
        .and_then(PublicKey::parse)
    {
        return Ok(Some(k));
    }
    match keys::pinned_here(dir, juri)? {
        Some(k) => Ok(Some(k)),
        None => keys::own_here(dir, juri),
    }
}

/// Journal text brought from elsewhere, read as `juri`'s (or the coordinator's) against the key
/// pinned for them here.
fn read_for(
    competition: &Competition,
    dir: &Path,
    juri: &str,
    bytes: &[u8],
) -> Result<(Option<PublicKey>, journal::JournalRead), ReadError> {
    let pinned = if juri == amendments::KOORDINATOR {
        amendments::coordinator_key(competition, dir)?
    } else {
        pinned_key(competition, dir, juri)?
    };
    let read = journal::parse(
        bytes,
        &journal::Expect {
            juri: Some(juri),
            pinned: pinned.as_ref(),
            retired: &[],
            head: None,
        },
    );
    Ok((pinned, read))
}

/// The place a document is dated at, from the organiser's name: "Bagian Organisasi Setda Kota
/// Tirtanagara" is in Tirtanagara. `None` when the name says no city or regency.
fn place_of(penyelenggara: &str) -> Option<&str> {
    ["Kota ", "Kabupaten ", "Kab. "]
        .iter()
        .filter_map(|w| {
            penyelenggara
                .rfind(w)
                .map(|i| &penyelenggara[i + w.len()..])
        })
        .map(str::trim)
        .find(|p| !p.is_empty())
}
