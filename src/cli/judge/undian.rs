//! `tulta undian`: a stage's presentation order, drawn reproducibly from a seed.

use super::open;
use crate::cli::{write_stdout, UsageError};
use std::path::Path;
use std::process::ExitCode;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::{self};
use tulta_core::text::printable;

/// `tulta undian`: the presentation order of a stage's entries, drawn from a seed.
pub fn undian(
    lomba: Option<&Path>,
    tahap: &str,
    benih: Option<u64>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let j = open(lomba, lang)?;
    let stage = j
        .competition
        .scored(tahap)
        .map_err(|e| UsageError::Message(e.message(lang)))?;
    let flow = j.flow(j.competition.lomba.agregasi);
    let reached = flow
        .stage(tahap)
        .map(|s| s.reached.clone())
        .unwrap_or_default();
    if reached.is_empty() {
        let why = flow.why_none_reached(j.competition.entries.iter().map(|e| e.id.as_str()), tahap);
        eprintln!(
            "tulta: {}",
            match (why, lang) {
                (Some(w), Lang::Id) => format!(
                    "belum ada peserta yang sampai ke tahap {tahap}: {}",
                    w.describe(lang)
                ),
                (Some(w), Lang::En) => format!(
                    "no entry has reached stage {tahap} yet: {}",
                    w.describe(lang)
                ),
                (None, _) => lang
                    .pick("tidak ada peserta", "there are no entries")
                    .to_string(),
            }
        );
        return Ok(ExitCode::from(1));
    }
    let benih = benih.unwrap_or_else(today_as_seed);
    let order = judging::stages::draw(&reached, benih);
    let mut out = match lang {
        Lang::Id => format!(
            "{} — urutan tampil tahap {} ({}), benih {benih}\n",
            printable(j.competition.name()),
            stage.id,
            printable(&stage.nama)
        ),
        Lang::En => format!(
            "{} — presentation order of stage {} ({}), seed {benih}\n",
            printable(j.competition.name()),
            stage.id,
            printable(&stage.nama)
        ),
    };
    for (i, id) in order.iter().enumerate() {
        let e = j.competition.entry(id);
        out.push_str(&format!(
            "{:>3}. {:<36} {}{}\n",
            i + 1,
            printable(id),
            printable(e.map_or("", |e| e.opd.as_str())),
            stage.menit().map_or(String::new(), |m| format!(
                " ({m} {})",
                lang.pick("menit", "min")
            ))
        ));
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Today's date as `YYYYMMDD` where the draw is held (the machine's time zone, not UTC: a draw
/// at 06:30 WIB is today's, not yesterday's): a seed anyone present can write down.
fn today_as_seed() -> u64 {
    crate::clock::local_today().parse().unwrap_or(0)
}
