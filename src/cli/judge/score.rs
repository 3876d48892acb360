//! `tulta score`: one score from the flags, or many from standard input, each saved and said.

use super::{open, ScoreArgs};
use crate::cli::{write_stdout, UsageError};
use std::process::ExitCode;
use tulta_core::files::read;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::scoring::Change;
use tulta_core::judging::{Judging, ScoreError};
use tulta_core::text::printable;

fn saved(lang: Lang, juri: &str, risalah: &str, what: &str, urutan: u64) -> String {
    match lang {
        Lang::Id => format!("tersimpan #{urutan}: {juri} · {risalah} · {what}"),
        Lang::En => format!("saved #{urutan}: {juri} · {risalah} · {what}"),
    }
}

/// Who scores in which stage: the judge and the stage of a `score` run.
struct Scorer<'a> {
    juri: &'a str,
    tahap: &'a str,
}

fn record_one(
    j: &mut Judging,
    lang: Lang,
    who: &Scorer,
    risalah: &str,
    kriteria: &str,
    nilai: f64,
    catatan: Option<&str>,
) -> Result<(), Recorded> {
    let Scorer { juri, tahap } = *who;
    let r = j.score(juri, tahap, risalah, kriteria, nilai)?;
    said(saved(
        lang,
        juri,
        risalah,
        &format!("{kriteria} = {nilai}"),
        r.urutan,
    ))?;
    if let Some(text) = catatan {
        let r = j.record(
            juri,
            tahap,
            risalah,
            Change::Catatan {
                kriteria: Some(kriteria.to_string()),
                teks: text.to_string(),
            },
        )?;
        said(saved(
            lang,
            juri,
            risalah,
            lang.pick("catatan", "note"),
            r.urutan,
        ))?;
    }
    Ok(())
}

/// One line on stdout, flushed: a judge piping scores in sees each saved as it is saved.
fn said(line: String) -> Result<(), Recorded> {
    write_stdout(line + "\n").map_err(Recorded::Output)
}

/// A score refused, or saved but not reported.
enum Recorded {
    Refused(ScoreError),
    Output(UsageError),
}

impl From<ScoreError> for Recorded {
    fn from(e: ScoreError) -> Self {
        Recorded::Refused(e)
    }
}

pub fn score(args: ScoreArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let mut j = open(args.lomba.as_deref(), lang)?;
    let tahap = args
        .tahap
        .clone()
        .unwrap_or_else(|| j.competition.first_scored().to_string());
    let who = Scorer {
        juri: &args.juri,
        tahap: &tahap,
    };
    let fail = |e: Recorded| match e {
        Recorded::Refused(e) => {
            eprintln!("tulta: {}", printable(&e.message(lang)));
            Ok(ExitCode::from(1))
        }
        Recorded::Output(e) => Err(e),
    };
    if args.stdin {
        // One score a line: RISALAH KRITERIA NILAI [CATATAN…]; stops at the first refusal.
        // Lines of a bounded length: a stream with no line ends (`/dev/zero`) is refused at the
        // first over-long line, not held in memory.
        let lines = read::bounded_lines(std::io::stdin().lock(), read::MAX_LINE);
        for (n, line) in lines.enumerate() {
            let line = line.map_err(|e| {
                UsageError::Message(match read::is_line_too_long(&e) {
                    Some(max) => match lang {
                        Lang::Id => format!(
                            "masukan standar baris {}: lebih panjang dari {} byte; satu baris berisi RISALAH KRITERIA NILAI [CATATAN]",
                            n + 1,
                            max
                        ),
                        Lang::En => format!(
                            "stdin line {}: longer than {} bytes; a line holds RISALAH KRITERIA NILAI [CATATAN]",
                            n + 1,
                            max
                        ),
                    },
                    None => format!(
                        "{}: {}",
                        lang.pick("masukan standar", "stdin"),
                        tulta_core::i18n::io_error(&e, lang)
                    ),
                })
            })?;
            let mut parts = line.split_whitespace();
            let (Some(risalah), Some(kriteria), Some(nilai)) =
                (parts.next(), parts.next(), parts.next())
            else {
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                return Err(UsageError::Message(match lang {
                    Lang::Id => format!(
                        "masukan standar baris {}: bentuknya RISALAH KRITERIA NILAI [CATATAN]",
                        n + 1
                    ),
                    Lang::En => format!(
                        "stdin line {}: expected RISALAH KRITERIA NILAI [CATATAN]",
                        n + 1
                    ),
                }));
            };
            let nilai: f64 = nilai.replace(',', ".").parse().map_err(|_| {
                UsageError::Message(match lang {
                    Lang::Id => {
                        format!("masukan standar baris {}: `{nilai}` bukan angka", n + 1)
                    }
                    Lang::En => format!("stdin line {}: `{nilai}` is not a number", n + 1),
                })
            })?;
            let note: Vec<&str> = parts.collect();
            let note = (!note.is_empty()).then(|| note.join(" "));
            if let Err(e) = record_one(
                &mut j,
                lang,
                &who,
                risalah,
                kriteria,
                nilai,
                note.as_deref(),
            ) {
                return fail(e);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(risalah), Some(kriteria), Some(nilai)) = (args.risalah, args.kriteria, args.nilai)
    else {
        return Err(UsageError::Message(
            lang.pick(
                "berikan --risalah, --kriteria dan --nilai (atau --stdin)",
                "give --risalah, --kriteria and --nilai (or --stdin)",
            )
            .into(),
        ));
    };
    match record_one(
        &mut j,
        lang,
        &who,
        &risalah,
        &kriteria,
        nilai,
        args.catatan.as_deref(),
    ) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => fail(e),
    }
}
