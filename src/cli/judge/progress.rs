//! `tulta progress`: how far each judge is in a stage.

use super::open;
use crate::cli::{write_stdout, UsageError};
use std::path::Path;
use std::process::ExitCode;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::text::printable;

pub fn progress(
    lomba: Option<&Path>,
    tahap: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let j = open(lomba, lang)?;
    let stages: Vec<String> = match tahap {
        Some(t) => vec![t.to_string()],
        None => j
            .competition
            .scored_stages()
            .map(|s| s.id.clone())
            .collect(),
    };
    let staged = !j.competition.lomba.tahap.is_empty();
    let flow = j.flow(j.competition.lomba.agregasi);
    let mut out = String::new();
    for t in &stages {
        let rows = j
            .progress(t)
            .map_err(|e| UsageError::Message(e.message(lang)))?;
        let reached = flow.stage(t).map_or(0, |s| s.reached.len());
        let heading = if staged {
            let stage = flow.stage(t);
            format!(
                "{} — {} {t}{}",
                printable(j.competition.name()),
                lang.pick("tahap", "stage"),
                match stage {
                    Some(s) if s.is_final => format!(" ({})", lang.pick("final", "final")),
                    Some(_) => format!(" ({})", lang.pick("belum final", "not final yet")),
                    None => String::new(),
                }
            )
        } else {
            printable(j.competition.name()).into_owned()
        };
        out.push_str(&format!(
            "{heading} — {reached} {}\n{:<12} {:<34} {:>7} {:>7} {:>7} {:>7}\n",
            lang.pick("risalah", "entries"),
            lang.pick("juri", "judge"),
            lang.pick("nama", "name"),
            lang.pick("selesai", "done"),
            lang.pick("proses", "started"),
            lang.pick("belum", "todo"),
            lang.pick("konflik", "barred"),
        ));
        for p in rows {
            out.push_str(&format!(
                "{:<12} {:<34} {:>7} {:>7} {:>7} {:>7}\n",
                printable(&p.juri),
                printable(&p.nama),
                p.finished,
                p.in_progress,
                p.untouched,
                p.barred
            ));
        }
        if reached == 0 {
            if let Some(why) =
                flow.why_none_reached(j.competition.entries.iter().map(|e| e.id.as_str()), t)
            {
                out.push_str(&format!("  ({})\n", why.describe(lang)));
            }
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
