//! `tulta import`: journals brought from judges' machines, taken whole or not at all — checked,
//! pinned, compared with what is here, and installed under every judge's lock.

use super::competition::Competition;
use super::journal::{self, Breach, Journal, JournalError};
use super::keys::{self, PublicKey};
use super::{read_for, Rejected};
use crate::files::read;
use crate::i18n::{Lang, Localized};
use std::path::Path;

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
        /// Lines the two journals share from the start; then each holds its own.
        common: usize,
        here: usize,
        there: usize,
    },
    Rejected {
        file: String,
        rejected: Vec<Rejected>,
    },
    Journal(JournalError),
    /// Installing the imported journal in this folder failed.
    Io {
        dir: String,
        err: std::io::Error,
    },
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
                format!(
                    "{file}: {}: {}",
                    lang.pick("tidak dapat dibaca", "cannot read"),
                    crate::i18n::io_error(err, lang)
                )
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
            Diverges {
                file,
                juri,
                local,
                common,
                here,
                there,
            } => match lang {
                Lang::Id => format!(
                    "{file}: jurnal juri `{juri}` bercabang dari yang ada di sini ({local}): sama sampai baris {common}, sesudahnya {} baris di sini dan {} baris di berkas berbeda; tidak ada yang diimpor. Jurnal tidak pernah digabung: simpan kedua berkas, periksa masing-masing dengan `tulta verify BERKAS.jsonl`, dan tanyakan kepada juri mana yang benar; yang dipakai diimpor ke folder data yang kosong untuk juri ini",
                    here - common,
                    there - common
                ),
                Lang::En => format!(
                    "{file}: judge `{juri}`'s journal forks from the one here ({local}): the same up to line {common}, after which {} line(s) here and {} in the file differ; nothing was imported. Journals are never merged: keep both files, check each with `tulta verify FILE.jsonl`, and ask the judge which is right; the one kept is imported into a data folder without this judge's journal",
                    here - common,
                    there - common
                ),
            },
            Io { dir, err } => format!("{dir}: {}", crate::i18n::io_error(err, lang)),
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

/// What an import is doing, as it does it.
#[derive(Debug)]
pub enum ImportStep<'a> {
    /// Every file checked and compared, nothing written yet: what each judge's journal will
    /// become.
    Plan(&'a [ImportReport]),
    /// One judge's journal installed (and its key pinned): on disk before the next is started.
    Taken(&'a ImportReport),
}

/// Takes journals brought from other machines. Every file is checked (chain, signatures against
/// the pinned key, every line against the competition) before any is installed: one bad file
/// imports nothing. Each judge's journal is replaced under the same lock scoring takes.
///
/// Files are installed one by one, each atomically: a process killed half-way leaves some judges'
/// journals taken and the others untouched, never half a file. `step` hears the plan before the
/// first is written and each one as it is taken, so the user knows exactly which were; the same
/// import run again takes the rest (those already taken are "already here").
pub fn import(
    dir: &Path,
    competition: &Competition,
    files: &[(String, Vec<u8>)],
    step: &mut dyn FnMut(ImportStep<'_>),
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
        // The coordinator's journal of amendments (spec §11) travels like a judge's.
        let coordinator = juri == super::amendments::KOORDINATOR;
        if (competition.judge(&juri).is_none() && !coordinator) || !journal::valid_id(&juri) {
            return Err(ImportError::UnknownJudge {
                file: file.clone(),
                juri,
            });
        }
        let (pinned, read) =
            read_for(competition, dir, &juri, bytes).map_err(JournalError::Read)?;
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
        let rejected = if coordinator {
            Vec::new()
        } else {
            competition.check_lines(&juri, &read.lines).1
        };
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
        let local = read::read_if_any(&local_path, read::Kind::Journal, read::Links::Refuse)
            .map_err(JournalError::Read)?
            .filter(|b| !b.is_empty());
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
            Some(local) => {
                let here = journal::parse(&local, &journal::Expect::default()).lines;
                let there = &p.read.lines;
                return Err(ImportError::Diverges {
                    file: p.file.to_string(),
                    juri: juri.clone(),
                    local: local_path.display().to_string(),
                    common: here.iter().zip(there).take_while(|(a, b)| a == b).count(),
                    here: here.len(),
                    there: there.len(),
                });
            }
        };
        installs.push(matches!(
            outcome,
            Imported::New { .. } | Imported::Extended { .. }
        ));
        reports.push(ImportReport {
            outcome,
            key: p.read.key.as_ref().map(PublicKey::fingerprint),
            pinned_now: !p.pinned && p.read.key.is_some(),
        });
    }
    let io = |err: std::io::Error| ImportError::Io {
        dir: dir.display().to_string(),
        err,
    };
    step(ImportStep::Plan(&reports));
    for ((p, install), report) in plan.iter().zip(installs).zip(&reports) {
        // The key first: a journal never lands here without the key it is checked against.
        if let (false, Some(k)) = (p.pinned, &p.read.key) {
            keys::pin(dir, &p.juri, k).map_err(io)?;
        }
        if install {
            journal::install(dir, &p.juri, p.bytes, &p.read).map_err(io)?;
            step(ImportStep::Taken(report));
        }
    }
    drop(locks);
    Ok(reports)
}
