//! `tulta import`: judges' journal files brought into the competition, each checked first.

use super::load;
use crate::cli::{write_stdout, UsageError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tulta_core::files::read;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::{self, ImportReport, ImportStep, Imported};
use tulta_core::text::printable;

pub fn import(lomba: &Path, files: &[PathBuf], lang: Lang) -> Result<ExitCode, UsageError> {
    let comp = load(Some(lomba), lang)?;
    let dir = judging::journal_dir(&comp);
    let mut loaded = Vec::new();
    for f in files {
        let bytes = read::read(f, read::Kind::Journal, read::Links::Follow)
            .map_err(|e| UsageError::Message(e.message(lang)))?;
        loaded.push((f.display().to_string(), bytes));
    }
    // The plan is said before anything is written, and each journal as it is taken: if the
    // process is stopped half-way, the lines printed are exactly the journals taken, and the same
    // command run again takes the rest.
    let mut said: Result<(), UsageError> = Ok(());
    let mut step = |step: ImportStep<'_>| {
        let text = match step {
            ImportStep::Plan(reports) => plan(reports, lang),
            ImportStep::Taken(r) => outcome(r, lang),
        };
        if said.is_ok() {
            said = write_stdout(printable(&text).into_owned() + "\n");
        }
    };
    let result = judging::import(&dir, &comp, &loaded, &mut step);
    said?;
    match result {
        Ok(reports) => {
            for r in reports {
                let juri = juri_of(&r);
                if !matches!(r.outcome, Imported::New { .. } | Imported::Extended { .. }) {
                    write_stdout(printable(&outcome(&r, lang)).into_owned() + "\n")?;
                }
                let notice = match (&r.key, r.pinned_now, lang) {
                    (Some(fp), true, Lang::Id) => Some(format!(
                        "{juri}: kunci {fp} kini disematkan di sini; jurnal juri ini dengan kunci lain akan ditolak"
                    )),
                    (Some(fp), true, Lang::En) => Some(format!(
                        "{juri}: key {fp} is now pinned here; this judge's journals under any other key will be refused"
                    )),
                    (None, _, Lang::Id) => Some(format!(
                        "{juri}: catatan: jurnal tidak bertanda tangan (edisi pertama)"
                    )),
                    (None, _, Lang::En) => Some(format!(
                        "{juri}: notice: the journal is unsigned (first edition)"
                    )),
                    _ => None,
                };
                if let Some(notice) = notice {
                    write_stdout(printable(&notice).into_owned() + "\n")?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("tulta: {}", printable(&e.message(lang)));
            Ok(ExitCode::from(1))
        }
    }
}

fn juri_of(r: &ImportReport) -> &str {
    match &r.outcome {
        Imported::New { juri, .. }
        | Imported::Extended { juri, .. }
        | Imported::AlreadyHere { juri }
        | Imported::OlderThanHere { juri } => juri,
    }
}

/// What the import will take, before it takes anything.
fn plan(reports: &[ImportReport], lang: Lang) -> String {
    let taken: Vec<String> = reports
        .iter()
        .filter_map(|r| match (&r.outcome, lang) {
            (Imported::New { juri, lines }, Lang::Id) => {
                Some(format!("{juri} (baru, {lines} baris)"))
            }
            (Imported::New { juri, lines }, Lang::En) => {
                Some(format!("{juri} (new, {lines} lines)"))
            }
            (Imported::Extended { juri, from, to }, _) => Some(format!("{juri} ({from} → {to})")),
            _ => None,
        })
        .collect();
    match (taken.is_empty(), lang) {
        (true, Lang::Id) => "tidak ada yang akan diambil".into(),
        (true, Lang::En) => "nothing to take".into(),
        (false, Lang::Id) => format!("akan diambil: {}", taken.join(", ")),
        (false, Lang::En) => format!("to be taken: {}", taken.join(", ")),
    }
}

/// One judge's outcome, as a line.
fn outcome(r: &ImportReport, lang: Lang) -> String {
    match (&r.outcome, lang) {
        (Imported::New { juri, lines }, Lang::Id) => format!("{juri}: {lines} baris diimpor"),
        (Imported::New { juri, lines }, Lang::En) => format!("{juri}: {lines} lines imported"),
        (Imported::Extended { juri, from, to }, Lang::Id) => {
            format!("{juri}: diperbarui dari {from} menjadi {to} baris")
        }
        (Imported::Extended { juri, from, to }, Lang::En) => {
            format!("{juri}: brought up from {from} to {to} lines")
        }
        (Imported::AlreadyHere { juri }, Lang::Id) => {
            format!("{juri}: sudah sama, tidak ada perubahan")
        }
        (Imported::AlreadyHere { juri }, Lang::En) => {
            format!("{juri}: already here, nothing changed")
        }
        (Imported::OlderThanHere { juri }, Lang::Id) => {
            format!("{juri}: jurnal di sini lebih baru, tidak diubah")
        }
        (Imported::OlderThanHere { juri }, Lang::En) => {
            format!("{juri}: the journal here is newer, left as is")
        }
    }
}
