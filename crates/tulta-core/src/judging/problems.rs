//! What judging refuses or finds wrong, said in both languages: a score the rules forbid
//! ([`ScoreError`], and [`Bar`] for a conflict of interest), a journal line refused on replay
//! ([`Rejected`]) and a journal not wholly counted ([`JournalProblem`]).

use super::journal::{Breach, JournalError};
use super::stages;
use crate::i18n::{Lang, Localized};

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
    /// A `syarat` stage: nothing to score.
    NotScored(String),
    NotStageJudge {
        juri: String,
        tahap: String,
    },
    /// The entry has not reached the stage (spec §8, "Advancing").
    NotReached {
        risalah: String,
        tahap: String,
        why: stages::Blocked,
    },
    BadTime(String),
    WithdrawsNothing(u64),
    /// An amendment to the rules in a judge's journal: only the coordinator's journal holds those.
    NotJudgesChange,
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
            (ScoreError::NotScored(t), Id) => {
                format!("tahap `{t}` adalah tahap syarat (lolos/gagal oleh `check`), tidak dinilai juri")
            }
            (ScoreError::NotScored(t), En) => {
                format!(
                    "stage `{t}` is a pass/fail stage (decided by `check`), not scored by judges"
                )
            }
            (ScoreError::NotStageJudge { juri, tahap }, Id) => {
                format!("juri `{juri}` bukan juri tahap `{tahap}`")
            }
            (ScoreError::NotStageJudge { juri, tahap }, En) => {
                format!("judge `{juri}` is not a judge of stage `{tahap}`")
            }
            (
                ScoreError::NotReached {
                    risalah,
                    tahap,
                    why,
                },
                _,
            ) => format!(
                "{}: {}",
                match lang {
                    Id => format!("`{risalah}` belum boleh dinilai di tahap `{tahap}`"),
                    En => format!("`{risalah}` may not be scored in stage `{tahap}` yet"),
                },
                why.describe(lang)
            ),
            (ScoreError::NotJudgesChange, Id) => {
                "perubahan aturan hanya dicatat di jurnal koordinator".into()
            }
            (ScoreError::NotJudgesChange, En) => {
                "an amendment to the rules belongs in the coordinator's journal only".into()
            }
            (ScoreError::Journal(e), _) => e.message(lang),
        }
    }
}

/// A journal line the competition does not allow (spec §10): reported, never counted.
#[derive(Debug)]
pub struct Rejected {
    pub line: usize,
    pub why: ScoreError,
    /// The amendment (spec §11, numbered from 1) that changed the rules the line was written
    /// under: the line is then set aside by it, not lost.
    pub amended: Option<usize>,
}

impl Rejected {
    pub fn describe(&self, lang: Lang) -> String {
        let by = self.amended.map_or(String::new(), |n| match lang {
            Lang::Id => format!(" (tidak dihitung karena perubahan aturan {n})"),
            Lang::En => format!(" (not counted because of amendment {n})"),
        });
        format!(
            "{} {}: {}{by}",
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
    /// The journal, its head or its pinned key could not be read (a FIFO, a link, over its
    /// limit): none of it is counted.
    pub unreadable: Option<crate::files::read::ReadError>,
}

impl JournalProblem {
    /// Whether scores may be missing from the ranking because of it (a torn line never was saved).
    pub fn loses_scores(&self) -> bool {
        self.breach.is_some()
            || self.rejected.iter().any(|r| r.amended.is_none())
            || self.unreadable.is_some()
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
        if let Some(e) = &self.unreadable {
            return e.reason(lang);
        }
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
