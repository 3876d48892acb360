//! `tulta undian`: a stage's presentation order, drawn reproducibly from a seed.

use super::open;
use crate::cli::{write_stdout, UsageError};
use std::path::Path;
use std::process::ExitCode;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::{self, gelar};
use tulta_core::text::printable;

/// `tulta undian`: the presentation order of a stage's entries, drawn from a seed.
pub fn undian(
    lomba: Option<&Path>,
    tahap: &str,
    benih: Option<u64>,
    ulang: bool,
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
    // A kept order is the order (spec §8, third edition): shown again as it is, or drawn again
    // with --ulang, saying what changed.
    let kept = gelar::kept(j.dir(), tahap).map_err(UsageError::Message)?;
    let (draw, changed) = match kept {
        Some(k) if !ulang => {
            if let Some(b) = benih.filter(|b| *b != k.benih) {
                return Err(UsageError::Message(match lang {
                    Lang::Id => format!(
                        "urutan tahap {tahap} sudah diundi dengan benih {}; untuk mengundi lagi dengan benih {b} tambahkan --ulang",
                        k.benih
                    ),
                    Lang::En => format!(
                        "the order of stage {tahap} was drawn with seed {}; to draw again with seed {b} add --ulang",
                        k.benih
                    ),
                }));
            }
            (k, None)
        }
        old => {
            let benih = benih.unwrap_or_else(today_as_seed);
            let new = gelar::Draw {
                tahap: tahap.to_string(),
                benih,
                urutan: judging::stages::draw(&reached, benih),
            };
            gelar::keep(j.dir(), &new).map_err(|e| {
                UsageError::Message(format!(
                    "{}: {}",
                    gelar::path(j.dir(), tahap).display(),
                    tulta_core::i18n::io_error(&e, lang)
                ))
            })?;
            let changed = old.map(|o| gelar::changes(&o, &new));
            (new, Some(changed))
        }
    };
    let benih = draw.benih;
    let order = &draw.urutan;
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
            "{:>3}. {}{:<36} {}{}\n",
            i + 1,
            stage
                .slot_start(i)
                .map_or(String::new(), |t| format!("{t}  ")),
            printable(id),
            printable(e.map_or("", |e| e.opd.as_str())),
            stage.menit().map_or(String::new(), |m| format!(
                " ({m} {})",
                lang.pick("menit", "min")
            ))
        ));
    }
    let file = gelar::path(j.dir(), tahap).display().to_string();
    out.push_str(&match (&changed, lang) {
        (None, Lang::Id) => {
            format!("urutan yang sudah diundi, disimpan di {file}; --ulang untuk mengundi lagi\n")
        }
        (None, Lang::En) => {
            format!("the order already drawn, kept in {file}; --ulang draws again\n")
        }
        (Some(None), Lang::Id) => format!("disimpan di {file}\n"),
        (Some(None), Lang::En) => format!("kept in {file}\n"),
        (Some(Some(c)), _) if c.is_empty() => lang
            .pick(
                "diundi lagi: tidak ada yang berubah\n",
                "drawn again: nothing changed\n",
            )
            .to_string(),
        (Some(Some(c)), _) => {
            let slot = |s: &Option<usize>| s.map_or("—".to_string(), |n| n.to_string());
            let moves: Vec<String> = c
                .iter()
                .map(|(id, a, b)| format!("{} {} → {}", printable(id), slot(a), slot(b)))
                .collect();
            format!(
                "{} ({}): {}\n",
                lang.pick("diundi lagi, berubah", "drawn again, changed"),
                c.len(),
                moves.join("; ")
            )
        }
    });
    // Entries that reached the stage after the order was drawn are not in it.
    let missing: Vec<&String> = reached.iter().filter(|r| !order.contains(r)).collect();
    if !missing.is_empty() {
        out.push_str(&match lang {
            Lang::Id => format!(
                "belum ada di urutan ini (sampai ke tahap sesudah diundi): {} — --ulang untuk mengundi lagi\n",
                missing.iter().map(|m| printable(m)).collect::<Vec<_>>().join(", ")
            ),
            Lang::En => format!(
                "not in this order (they reached the stage after the draw): {} — --ulang draws again\n",
                missing.iter().map(|m| printable(m)).collect::<Vec<_>>().join(", ")
            ),
        });
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Today's date as `YYYYMMDD` where the draw is held (the machine's time zone, not UTC: a draw
/// at 06:30 WIB is today's, not yesterday's): a seed anyone present can write down.
fn today_as_seed() -> u64 {
    crate::clock::local_today().parse().unwrap_or(0)
}
