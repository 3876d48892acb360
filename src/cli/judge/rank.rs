//! `tulta rank`: the ranking in the format asked for, refused while a journal is not wholly counted.

use super::{open, RankArgs, RankFormat};
use crate::cli::{write_stdout, UsageError};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::export;
use tulta_core::judging::ranking::Kategori;
use tulta_core::model::lomba::Agregasi;
use tulta_core::text::printable;

impl From<RankFormat> for export::OutputKind {
    fn from(f: RankFormat) -> Self {
        match f {
            RankFormat::Table => export::OutputKind::Table,
            RankFormat::Json => export::OutputKind::Json,
            RankFormat::Csv => export::OutputKind::Csv,
            RankFormat::Md => export::OutputKind::Md,
            RankFormat::Xlsx => export::OutputKind::Xlsx,
            RankFormat::Html => export::OutputKind::Html,
        }
    }
}

/// The format to write: `--format` when given (and not contradicted by the file's extension),
/// else the extension's, else the table.
fn rank_format(
    format: Option<RankFormat>,
    output: Option<&Path>,
    lang: Lang,
) -> Result<export::OutputKind, UsageError> {
    let by_name = output.and_then(export::OutputKind::of_path);
    // Without --format, a name whose extension promises another format (hasil.pdf) would get a
    // text table that is not what its name says: refused, naming the ones tulta writes. With
    // --format the user chose (a pipe, `out.fifo`, a name of their own).
    if let Some(ext) = output
        .filter(|_| by_name.is_none() && format.is_none())
        .and_then(|p| p.extension())
    {
        let ext = ext.to_string_lossy();
        let ext = tulta_core::text::printable(&ext);
        return Err(UsageError::Message(match lang {
            Lang::Id => format!(
                "--output: tulta tidak menulis berkas .{ext}; pakai .txt, .md, .csv, .json, .html atau .xlsx"
            ),
            Lang::En => format!(
                "--output: tulta does not write .{ext} files; use .txt, .md, .csv, .json, .html or .xlsx"
            ),
        }));
    }
    match (format.map(export::OutputKind::from), by_name) {
        (Some(f), Some(n)) if f != n => Err(UsageError::Message(match lang {
            Lang::Id => format!(
                "--format {} tidak cocok dengan nama berkas {}: samakan keduanya",
                f.name(),
                output.map_or(String::new(), |p| p.display().to_string())
            ),
            Lang::En => format!(
                "--format {} does not match the file name {}: make them agree",
                f.name(),
                output.map_or(String::new(), |p| p.display().to_string())
            ),
        })),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => Ok(export::OutputKind::Table),
    }
}

pub fn rank(args: RankArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let RankArgs {
        lomba,
        metode,
        kategori,
        tahap,
        format,
        output,
        allow_partial,
        force,
    } = args;
    let output = output.as_deref();
    let format = rank_format(format, output, lang)?;
    let j = open(lomba.as_deref(), lang)?;
    let metode = metode.map_or(j.competition.lomba.agregasi, Agregasi::from);
    let kategori = Kategori::from(kategori);
    // The rules are part of the record (spec §11): a change after scoring began that no
    // amendment records would move results unseen. No `--allow-partial` covers it.
    if let Some(refusal) = rules_refusal(&j, lang) {
        eprintln!("{refusal}");
        return Ok(ExitCode::from(1));
    }
    if let Some(refusal) = partial_refusal(&j, true, lang).filter(|_| !allow_partial) {
        for line in refusal.lines() {
            eprintln!("tulta: {line}");
        }
        return Ok(ExitCode::from(1));
    }
    let ranking = match &tahap {
        Some(t) => match j.stage_ranking(t, metode, kategori) {
            Ok(r) => r,
            Err(e) => return Err(UsageError::Message(e.message(lang))),
        },
        None => j.ranking(metode, kategori),
    };
    let ctx = j.export_context();
    if format.is_binary() && output.is_none() && std::io::stdout().is_terminal() {
        return Err(UsageError::Message(
            lang.pick(
                "XLSX adalah berkas biner, tidak untuk layar: beri --output BERKAS.xlsx (atau alihkan keluaran standar)",
                "XLSX is binary, not for a terminal: give --output FILE.xlsx (or redirect standard output)",
            )
            .into(),
        ));
    }
    let bytes =
        export::render(format, &ranking, &ctx, lang).map_err(|e| export_failed(&e, lang))?;
    match output {
        Some(path) => {
            tulta_core::files::write_output(path, &bytes, force)?;
            eprintln!(
                "{} {}",
                lang.pick("peringkat ditulis ke", "ranking written to"),
                path.display()
            );
        }
        None => write_stdout(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Why a result cannot be published yet: journals not wholly counted would make it wrong.
/// `rank` may publish it anyway (`--allow-partial`, said in its output); the berita acara never.
/// Why no result may be published while the rules changed after scoring began with no
/// amendment recording it (spec §11): each change in words, a line each.
pub(super) fn rules_refusal(j: &tulta_core::judging::Judging, lang: Lang) -> Option<String> {
    let changes = j.rule_changes(lang);
    (!changes.is_empty()).then(|| {
        changes
            .iter()
            .map(|c| format!("tulta: {}", printable(c)))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub(super) fn partial_refusal(
    j: &tulta_core::judging::Judging,
    allow_hint: bool,
    lang: Lang,
) -> Option<String> {
    let lost: Vec<String> = j.losses().map(|p| p.juri.clone()).collect();
    if lost.is_empty() {
        return None;
    }
    // Which file and what is wrong with it, before what that means for the ranking.
    let mut said: String = j
        .losses()
        .map(|p| format!("{}\n", printable(&p.describe(lang))))
        .collect();
    said += &match lang {
        Lang::Id => format!(
            "jurnal {} tidak dihitung seluruhnya, jadi peringkat ini akan salah; pulihkan jurnalnya (`tulta verify`)",
            lost.join(", ")
        ),
        Lang::En => format!(
            "the journals of {} are not wholly counted, so this ranking would be wrong; restore them (`tulta verify`)",
            lost.join(", ")
        ),
    };
    if allow_hint {
        said.push_str(lang.pick(
            ", atau terbitkan juga dengan --allow-partial (keluarannya menyebut hal ini)",
            ", or publish anyway with --allow-partial (the output says so)",
        ));
    }
    Some(said)
}

/// The spreadsheet writers' own errors are English; the user is told in their language what failed.
fn export_failed(detail: &str, lang: Lang) -> UsageError {
    tracing::error!(detail, "export failed");
    UsageError::Message(
        lang.pick(
            "ekspor gagal (rinciannya di log: tulta --verbose)",
            "export failed (details in the log: tulta --verbose)",
        )
        .into(),
    )
}
