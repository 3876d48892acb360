//! The judging commands, one file each: score, rank, verify (and kunci), progress, undian,
//! import. This file holds their arguments and the opening of a competition they share.

mod aturan;
mod berita_acara;
mod import;
mod progress;
mod rank;
mod score;
mod undian;
mod verify;

pub use aturan::aturan;
pub use berita_acara::berita_acara;
pub use import::import;
pub use progress::progress;
pub use rank::rank;
pub use score::score;
pub use undian::undian;
pub use verify::{kunci, verify};

use super::UsageError;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::competition::{self, Competition};
use tulta_core::judging::ranking::Kategori;
use tulta_core::judging::Judging;
use tulta_core::model::lomba::Agregasi;
use tulta_core::text::printable;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum RankFormat {
    Table,
    Json,
    Csv,
    Md,
    Xlsx,
    Html,
}

/// Loads the competition; a demonstration says so on every command (spec §11).
fn load(path: Option<&Path>, lang: Lang) -> Result<Competition, UsageError> {
    let comp = competition::load(path, lang).map_err(|e| UsageError::Message(e.message(lang)))?;
    if comp.lomba.contoh {
        eprintln!(
            "{}",
            lang.pick(
                "CONTOH: lomba peragaan (contoh: true) — kunci dan jurnalnya ikut dalam berkas contoh",
                "SAMPLE: a demonstration competition (contoh: true) — its keys and journals ship with it"
            )
        );
    }
    Ok(comp)
}

fn open(path: Option<&Path>, lang: Lang) -> Result<Judging, UsageError> {
    let comp = load(path, lang)?;
    let judging = Judging::open(comp).map_err(|e| UsageError::Message(e.message(lang)))?;
    if judging.seeded > 0 {
        eprintln!(
            "{}",
            match lang {
                Lang::Id => format!(
                    "catatan: {} jurnal contoh disalin ke {}",
                    judging.seeded,
                    judging.dir().display()
                ),
                Lang::En => format!(
                    "note: {} sample journals copied to {}",
                    judging.seeded,
                    judging.dir().display()
                ),
            }
        );
    }
    if let Some(e) = &judging.rules.unreadable {
        eprintln!(
            "{}: {} — {}",
            lang.pick("peringatan", "warning"),
            printable(&e.message(lang)),
            lang.pick(
                "tidak ada perubahan aturan yang dipercaya",
                "no amendment is trusted"
            )
        );
    }
    if let Some(b) = &judging.rules.breach {
        eprintln!(
            "{}: {} — {}",
            lang.pick("peringatan", "warning"),
            printable(&b.describe(lang)),
            lang.pick(
                "jurnal koordinator rusak: tidak ada perubahan aturan yang dipercaya",
                "the coordinator's journal is broken: no amendment is trusted"
            )
        );
    }
    for p in &judging.problems {
        eprintln!(
            "{}: {} — {}",
            lang.pick("peringatan", "warning"),
            printable(&p.describe(lang)),
            if p.loses_scores() {
                lang.pick(
                    "tidak dihitung; periksa dengan `tulta verify`",
                    "not counted; see `tulta verify`",
                )
            } else {
                lang.pick("tidak ada nilai yang hilang", "no score is lost")
            }
        );
    }
    Ok(judging)
}

/// `tulta berita-acara`: the signed paper of the result (spec §12).
#[derive(clap::Args, Debug)]
pub struct BeritaAcaraArgs {
    /// The competition (lomba.yaml or its folder). Default: ./reports, else the built-in sample.
    pub lomba: Option<PathBuf>,
    /// Write to FILE.html instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The document's number, as the organiser's register gives it.
    #[arg(long, value_name = "NOMOR")]
    pub nomor: Option<String>,
    /// Where it is signed. Default: the city or regency in the organiser's name.
    #[arg(long, value_name = "TEMPAT")]
    pub tempat: Option<String>,
    /// The date it is signed, YYYY-MM-DD. Default: today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub tanggal: Option<String>,
    /// Lay out a provisional result as a draft: every page says DRAF.
    #[arg(long)]
    pub sementara: bool,
    /// Replace FILE even if it is read-only.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct ScoreArgs {
    /// The competition: its lomba.yaml or a folder holding it. Default: ./reports, else the built-in sample.
    pub lomba: Option<PathBuf>,
    /// The judge's id in lomba.yaml.
    #[arg(long)]
    pub juri: String,
    /// The entry's id.
    #[arg(long)]
    pub risalah: Option<String>,
    /// The criterion's id in the rubric (e.g. L3).
    #[arg(long)]
    pub kriteria: Option<String>,
    /// The score, on the rubric's scale; halves allowed (3.5, or 3,5 as written in Indonesian).
    #[arg(long, value_parser = parse_nilai, allow_hyphen_values = true)]
    pub nilai: Option<f64>,
    /// A note on this criterion.
    #[arg(long)]
    pub catatan: Option<String>,
    /// Read many scores from standard input, one a line: RISALAH KRITERIA NILAI [CATATAN].
    #[arg(long, conflicts_with_all = ["risalah", "kriteria", "nilai", "catatan"])]
    pub stdin: bool,
    /// The stage (spec §8). Default: the first scored stage.
    #[arg(long, value_name = "ID")]
    pub tahap: Option<String>,
}

/// A score as typed: a decimal point or an Indonesian decimal comma (`3.5`, `3,5`).
pub fn parse_nilai(text: &str) -> Result<f64, String> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("`{text}`: bukan angka / not a number (3, 3.5, 3,5)"))
}

/// How judges' indexes are combined (spec §6).
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Metode {
    #[value(name = "rata_rata")]
    RataRata,
    Median,
    #[value(name = "rata_rata_terpangkas")]
    RataRataTerpangkas,
    #[value(name = "z_skor")]
    ZSkor,
}

impl From<Metode> for Agregasi {
    fn from(m: Metode) -> Self {
        match m {
            Metode::RataRata => Agregasi::RataRata,
            Metode::Median => Agregasi::Median,
            Metode::RataRataTerpangkas => Agregasi::RataRataTerpangkas,
            Metode::ZSkor => Agregasi::ZSkor,
        }
    }
}

/// Which groups a ranking lists.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum KategoriArg {
    Opd,
    Kelurahan,
    #[value(alias = "all")]
    Semua,
}

impl From<KategoriArg> for Kategori {
    fn from(k: KategoriArg) -> Self {
        match k {
            KategoriArg::Opd => Kategori::Opd,
            KategoriArg::Kelurahan => Kategori::Kelurahan,
            KategoriArg::Semua => Kategori::Semua,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct RankArgs {
    /// The competition (lomba.yaml or its folder). Default: ./reports, else the built-in sample.
    pub lomba: Option<PathBuf>,
    /// Aggregation. Default: the competition's.
    #[arg(long, value_enum)]
    pub metode: Option<Metode>,
    /// Which groups.
    #[arg(long, value_enum, default_value = "semua")]
    pub kategori: KategoriArg,
    /// One stage's ranking (spec §8) instead of the final result.
    #[arg(long, value_name = "ID")]
    pub tahap: Option<String>,
    /// table for people, json for scripts, csv or xlsx for spreadsheets, md for reports, html
    /// for the results page.
    /// Default: told by the --output file's extension, else table.
    #[arg(long, value_enum)]
    pub format: Option<RankFormat>,
    /// Write to FILE instead of standard output (a symlink's target is replaced, a device or
    /// FIFO written to as `>` would).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Publish even when a journal is damaged or has lines the competition refuses (exit 1
    /// otherwise); the output then names the judges not wholly counted.
    #[arg(long)]
    pub allow_partial: bool,
    /// Replace FILE even if it is read-only.
    #[arg(long, requires = "output")]
    pub force: bool,
}
