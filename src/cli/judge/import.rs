//! `tulta import`: judges' journal files brought into the competition, each checked first.

use super::load;
use crate::cli::{write_stdout, UsageError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tulta_core::files::read;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::{self, Imported};
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
    match judging::import(&dir, &comp, &loaded) {
        Ok(reports) => {
            for r in reports {
                let juri = match &r.outcome {
                    Imported::New { juri, .. }
                    | Imported::Extended { juri, .. }
                    | Imported::AlreadyHere { juri }
                    | Imported::OlderThanHere { juri } => juri.clone(),
                };
                let line = match (r.outcome, lang) {
                    (Imported::New { juri, lines }, Lang::Id) => {
                        format!("{juri}: {lines} baris diimpor")
                    }
                    (Imported::New { juri, lines }, Lang::En) => {
                        format!("{juri}: {lines} lines imported")
                    }
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
                };
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
                write_stdout(printable(&line).into_owned() + "\n")?;
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
