//! `tulta berita-acara`: the final result laid out for A4, for every judge and the organiser to
//! sign (spec §12). Refused while the result is provisional unless `--sementara`, which prints
//! DRAF across every page; refused while a journal is not wholly counted, as `rank` is.

use super::{open, BeritaAcaraArgs};
use crate::cli::{write_stdout, UsageError};
use std::process::ExitCode;
use tulta_core::i18n::Lang;
use tulta_core::judging::export::html;
use tulta_core::judging::ranking::Kategori;

pub fn berita_acara(args: BeritaAcaraArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let tanggal = match &args.tanggal {
        Some(t) => Some(t.parse::<jiff::civil::Date>().map_err(|_| {
            UsageError::Message(match lang {
                Lang::Id => {
                    format!("--tanggal {t}: tulis tanggal sebagai TTTT-BB-HH, mis. 2026-12-05")
                }
                Lang::En => format!("--tanggal {t}: write the date as YYYY-MM-DD, e.g. 2026-12-05"),
            })
        })?),
        None => None,
    };
    let j = open(args.lomba.as_deref(), lang)?;
    if let Some(refusal) = super::rank::rules_refusal(&j, lang) {
        eprintln!("{refusal}");
        return Ok(ExitCode::from(1));
    }
    if let Some(refusal) = super::rank::partial_refusal(&j, false, lang) {
        for line in refusal.lines() {
            eprintln!("tulta: {line}");
        }
        return Ok(ExitCode::from(1));
    }
    let ranking = j.ranking(j.competition.lomba.agregasi, Kategori::Semua);
    if ranking.sementara && !args.sementara {
        eprintln!(
            "tulta: {}",
            lang.pick(
                "hasil masih SEMENTARA (ada juri yang belum selesai): berita acara belum dapat ditandatangani; untuk draf yang dibagikan, pakai --sementara (setiap halaman bertuliskan DRAF)",
                "the result is still PROVISIONAL (some judges have not finished): the minutes cannot be signed yet; for a draft to circulate, use --sementara (every page says DRAFT)",
            )
        );
        return Ok(ExitCode::from(1));
    }
    let mut ctx = j.export_context();
    let mut publication = ctx.publication.take().unwrap_or_else(|| j.publication());
    if let Some(t) = &args.tempat {
        publication.tempat = t.clone();
    }
    if let Some(d) = tanggal {
        publication.tanggal = d;
    }
    let page = html::berita_acara(&ranking, &ctx, &publication, args.nomor.as_deref(), lang);
    match &args.output {
        Some(path) => {
            tulta_core::files::write_output(path, page.as_bytes(), args.force)?;
            eprintln!(
                "{} {}",
                lang.pick("berita acara ditulis ke", "minutes written to"),
                path.display()
            );
        }
        None => write_stdout(page)?,
    }
    Ok(ExitCode::SUCCESS)
}
