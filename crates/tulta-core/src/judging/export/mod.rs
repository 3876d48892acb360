//! A ranking written out: a table for the terminal and Markdown for reports (`text`), JSON for
//! scripts (`json`), CSV and XLSX for spreadsheets with every raw score (`sheets`), and the journal
//! anchors a published file carries (`anchors`). This file: what every format shares.

use crate::i18n::Lang;
use crate::judging::ranking::{Ranking, Row, Staged};
use crate::judging::scoring::{round2, round_to};
use crate::judging::scoring::{Sheet, Tick};
use crate::model::risalah::unit_key;
use crate::text::{csv_cell, decimal, number, pad, printable};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

mod anchors;
pub mod html;
mod json;
mod sheets;
mod text;

pub use anchors::{read_anchors, read_anchors_from, Published};
pub use json::json;
pub use sheets::{csv, xlsx};
pub use text::{markdown, table};

/// Everything an export needs besides the ranking: names, and the raw sheets by judge.
pub struct Context<'a> {
    pub lomba_id: &'a str,
    pub lomba_nama: &'a str,
    pub juri: Vec<String>,
    /// Every scored stage's raw sheets (a competition without stages has one).
    pub raw: Vec<RawStage>,
    /// Each judge's journal as counted: line count and last line's hash (spec §10).
    pub jejak: crate::judging::Anchors,
    /// Judges whose journal was not (wholly) counted: published anyway with `--allow-partial`.
    pub partial: Vec<String>,
    /// Each entry's benefits and cost in numbers, by entry id (see [`benefit_columns`]).
    pub benefits: BTreeMap<String, crate::model::risalah::Benefits>,
    /// Who ran it, where and when, who judged: what the HTML documents say beyond the ranking.
    pub publication: Option<html::Publication>,
    /// A demonstration competition (spec §11): every output says CONTOH / SAMPLE.
    pub contoh: bool,
    /// The rules fingerprint the ranking was computed under (spec §11).
    pub aturan: String,
    /// The coordinator journal's anchor, when there is one.
    pub koordinator: Option<(usize, String)>,
    /// The amendments to the rules, in order.
    pub amendments: Vec<crate::judging::amendments::Amendment>,
}

/// The banner word of a demonstration.
pub fn sample_title(lang: Lang) -> &'static str {
    lang.pick("CONTOH", "SAMPLE")
}

fn sample_note(lang: Lang) -> &'static str {
    lang.pick(
        "CONTOH: lomba peragaan (contoh: true); kunci dan jurnalnya ikut dalam berkas contoh, jadi hasil ini bukan hasil lomba sungguhan",
        "SAMPLE: a demonstration competition (contoh: true); its keys and journals ship with the sample, so this is no real competition's result",
    )
}

/// One line per amendment to the rules (spec §11): number, time, what changed, why.
fn amendment_lines(ctx: &Context, lang: Lang) -> Vec<String> {
    ctx.amendments
        .iter()
        .map(|a| {
            format!(
                "{} {} ({}): {} — {}: {}",
                lang.pick("perubahan aturan", "amendment"),
                a.nomor,
                a.waktu,
                a.what(lang),
                lang.pick("alasan", "reason"),
                a.alasan
            )
        })
        .collect()
}

/// The heading above the amendments.
fn amendment_heading(lang: Lang) -> &'static str {
    lang.pick("Perubahan aturan", "Amendments to the rules")
}

/// The words under a ranking that no CSV row holds: sample, provisional, incomplete, the rules
/// and their amendments.
fn preamble(r: &Ranking, ctx: &Context, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if ctx.contoh {
        out.push(sample_note(lang).to_string());
    }
    if r.sementara {
        out.push(provisional_note(lang).to_string());
    }
    out.extend(partial_note(ctx, lang));
    out.push(format!(
        "{}: {}",
        lang.pick("sidik aturan", "rules fingerprint"),
        ctx.aturan
    ));
    out.extend(amendment_lines(ctx, lang));
    out
}

/// One spreadsheet column of quantified benefits: `manfaat_<unit>` or `biaya_perbaikan_<unit>`.
struct BenefitColumn {
    cost: bool,
    /// The unit as [`unit_key`] compares it.
    key: String,
    header: String,
}

/// A column per unit any entry states, benefits first, in the order units first appear. Units
/// agree as step 6 sums them ([`unit_key`]); "Rp" and "rupiah" stay two columns.
fn benefit_columns(ctx: &Context) -> Vec<BenefitColumn> {
    let mut out: Vec<BenefitColumn> = Vec::new();
    for cost in [false, true] {
        for b in ctx.benefits.values() {
            for s in if cost { &b.biaya } else { &b.manfaat } {
                let key = unit_key(&s.satuan);
                if !out.iter().any(|c| c.cost == cost && c.key == key) {
                    let word = if cost { "biaya_perbaikan" } else { "manfaat" };
                    out.push(BenefitColumn {
                        cost,
                        header: format!("{word}_{}", s.satuan),
                        key,
                    });
                }
            }
        }
    }
    out
}

/// An entry's amount in a benefit column, if it states one in that unit.
fn benefit_value(ctx: &Context, id: &str, c: &BenefitColumn) -> Option<f64> {
    let b = ctx.benefits.get(id)?;
    let sums = if c.cost { &b.biaya } else { &b.manfaat };
    sums.iter()
        .find(|s| unit_key(&s.satuan) == c.key)
        .map(|s| s.nilai)
}

/// One scored stage's criteria and each of its judges' sheets, by entry.
pub struct RawStage {
    pub tahap: String,
    pub kriteria: Vec<String>,
    /// By judge, in the lomba's order.
    pub sheets: Vec<(String, BTreeMap<String, Sheet>)>,
}

/// The title word of a provisional ranking, and its explanation.
pub fn provisional_title(lang: Lang) -> &'static str {
    lang.pick("SEMENTARA", "PROVISIONAL")
}

fn provisional_note(lang: Lang) -> &'static str {
    lang.pick(
        "PERINGKAT SEMENTARA: masih ada juri yang belum selesai menilai peserta yang boleh dinilainya",
        "PROVISIONAL RANKING: some judges have not yet finished entries they may score",
    )
}

fn partial_note(ctx: &Context, lang: Lang) -> Option<String> {
    (!ctx.partial.is_empty()).then(|| match lang {
        Lang::Id => format!(
            "TIDAK LENGKAP: jurnal {} tidak dihitung seluruhnya (diterbitkan dengan --allow-partial; lihat `tulta verify`)",
            ctx.partial.join(", ")
        ),
        Lang::En => format!(
            "INCOMPLETE: the journals of {} are not wholly counted (published with --allow-partial; see `tulta verify`)",
            ctx.partial.join(", ")
        ),
    })
}

/// A judge's cell for an entry: the index, or why there is none — barred and unfinished are never
/// shown the same way.
fn judge_cell(row: &Row, j: &str, lang: Lang) -> String {
    match row.juri.get(j) {
        Some(x) => decimal(*x, 2, lang),
        None if row.juri_konflik.iter().any(|k| k == j) => lang.pick("konflik", "barred").into(),
        None if row.juri_belum.iter().any(|k| k == j) => lang.pick("belum", "todo").into(),
        // Not a judge of the stage this row describes (or an entry no stage scored).
        None => "-".into(),
    }
}

/// `n/m`: judges who finished the entry of those allowed to score it.
fn finished_of(row: &Row) -> String {
    format!("{}/{}", row.juri.len(), row.juri_wajib())
}

/// One token per judge, `jejak:ID:LINES:SHA256`, that `tulta verify --jejak` reads back from
/// Markdown and XLSX.
fn anchor_tokens(ctx: &Context) -> Vec<String> {
    let mut out: Vec<String> = ctx
        .jejak
        .iter()
        .map(|(j, (n, h))| format!("jejak:{j}:{n}:{h}"))
        .collect();
    if let Some((n, h)) = &ctx.koordinator {
        out.push(format!(
            "jejak:{}:{n}:{h}",
            crate::judging::amendments::KOORDINATOR
        ));
    }
    out.push(format!("aturan:{}", ctx.aturan));
    out
}

fn anchor_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Jejak jurnal (jumlah baris dan hash baris terakhir tiap juri; periksa dengan `tulta verify LOMBA --jejak BERKAS`):",
        "Journal anchors (each judge's line count and last line's hash; check with `tulta verify LOMBA --jejak FILE`):",
    )
}

/// Every note the judges wrote on `entry`, stage by stage, judge by judge: (stage, judge,
/// criterion or `None` for the general note, text).
fn notes_on<'c>(
    stages: &[&'c RawStage],
    entry: &str,
) -> Vec<(&'c str, &'c str, Option<&'c str>, &'c str)> {
    let mut out = Vec::new();
    for s in stages {
        for (j, sheets) in &s.sheets {
            if let Some(sheet) = sheets.get(entry) {
                for (k, t) in &sheet.catatan {
                    out.push((s.tahap.as_str(), j.as_str(), k.as_deref(), t.as_str()));
                }
            }
        }
    }
    out
}

/// The ways a ranking is written out: one dispatch for the CLI and the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    Table,
    Json,
    Csv,
    Md,
    Xlsx,
    /// The results page (spec §12).
    Html,
}

impl OutputKind {
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Table => "table",
            OutputKind::Json => "json",
            OutputKind::Csv => "csv",
            OutputKind::Md => "md",
            OutputKind::Xlsx => "xlsx",
            OutputKind::Html => "html",
        }
    }

    /// The kind a file's extension names, if it names one.
    pub fn of_path(path: &std::path::Path) -> Option<OutputKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(OutputKind::Xlsx),
            "csv" => Some(OutputKind::Csv),
            "md" => Some(OutputKind::Md),
            "json" => Some(OutputKind::Json),
            "txt" => Some(OutputKind::Table),
            "html" | "htm" => Some(OutputKind::Html),
            _ => None,
        }
    }

    /// Whether the bytes are for a file only (never a terminal).
    pub fn is_binary(self) -> bool {
        self == OutputKind::Xlsx
    }
}

/// The ranking written as `kind`. A spreadsheet writer's own error comes back as its (English)
/// text, for the log: the caller tells the user in their language that the export failed.
pub fn render(kind: OutputKind, r: &Ranking, ctx: &Context, lang: Lang) -> Result<Vec<u8>, String> {
    Ok(match kind {
        OutputKind::Table => table(r, ctx, lang).into_bytes(),
        OutputKind::Json => (json(r, ctx) + "\n").into_bytes(),
        OutputKind::Md => markdown(r, ctx, lang).into_bytes(),
        OutputKind::Csv => csv(r, ctx, lang).map_err(|e| e.to_string())?.into_bytes(),
        OutputKind::Xlsx => xlsx(r, ctx, lang).map_err(|e| e.to_string())?,
        OutputKind::Html => match &ctx.publication {
            Some(p) => html::results_page(r, ctx, p, lang).into_bytes(),
            None => return Err("no publication details for the results page".into()),
        },
    })
}

fn place(row: &Row) -> String {
    match row.peringkat {
        Some(p) if row.seri => format!("{p}="),
        Some(p) => p.to_string(),
        None => "-".into(),
    }
}

/// A Markdown table cell: controls shown, `|` escaped, `<` written as an entity (no raw HTML
/// from a title), line breaks as `<br>`, and `[`, `]`, `(`, `!` escaped, so that a name like
/// `[a](javascript:…)` or `![i](http://…)` is read as the text it is, never a live link or image.
fn md_cell(s: &str) -> String {
    let s = s
        .replace('\\', "\\\\")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('|', "\\|")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('(', "\\(")
        .replace('!', "\\!")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>");
    printable(&s).into_owned()
}

/// A CSV text cell: controls shown, formulas neutralised ([`csv_cell`]).
fn csv_text(s: &str) -> String {
    csv_cell(&printable(s)).into_owned()
}

/// A final result's stages and awards (spec §8); `None` for a one-stage ranking.
fn final_result(r: &Ranking) -> Option<&Staged> {
    r.staged.as_ref().filter(|s| s.tahap.is_none())
}

/// The scored stages whose index a final result shows in its own column.
fn stage_ids(r: &Ranking) -> Vec<&str> {
    final_result(r).map_or(Vec::new(), |s| {
        s.stages
            .iter()
            .filter(|t| t.bobot.is_some())
            .map(|t| t.id.as_str())
            .collect()
    })
}

/// A stage's index in a final result's row, or `-`.
fn stage_cell(row: &Row, tahap: &str, lang: Lang) -> String {
    row.nilai_tahap
        .get(tahap)
        .map_or("-".into(), |x| decimal(*x, 2, lang))
}

/// What a final result says of a row: its Juara label, or the stage it stopped (or waits) at.
fn outcome_cell(r: &Ranking, row: &Row, lang: Lang) -> String {
    r.outcome(row).map(|o| o.text(lang)).unwrap_or_default()
}

/// Lines under a final result: each stage and whether it is final, then each special award.
fn result_lines(r: &Ranking, lang: Lang) -> Vec<String> {
    let Some(s) = final_result(r) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in &s.stages {
        out.push(format!(
            "{} {} ({}){}: {}",
            lang.pick("tahap", "stage"),
            t.id,
            t.nama,
            t.bobot.map_or(String::new(), |b| format!(
                ", {} {}",
                lang.pick("bobot", "weight"),
                decimal(b, 0, lang)
            )),
            if t.is_final {
                lang.pick("final", "final")
            } else {
                lang.pick("belum final", "not final yet")
            }
        ));
    }
    for a in &s.penghargaan {
        out.push(format!(
            "{} {}: {}{}",
            lang.pick("penghargaan", "award"),
            a.nama,
            if a.pemenang.is_empty() {
                lang.pick("belum ada", "none yet").to_string()
            } else {
                a.pemenang.join(", ")
            },
            a.nilai
                .map_or(String::new(), |x| format!(" ({})", decimal(x, 2, lang)))
        ));
    }
    out
}

/// The title of a ranking: the final result's, one stage's, or the one reading's.
fn title(r: &Ranking, ctx: &Context, lang: Lang) -> String {
    let what = match &r.staged {
        Some(Staged { tahap: Some(t), .. }) => {
            format!("{} {t}", lang.pick("peringkat tahap", "ranking of stage"))
        }
        Some(_) => lang.pick("hasil akhir", "final result").into(),
        None => lang.pick("peringkat", "ranking").into(),
    };
    let what = if r.sementara {
        format!("{what} {}", provisional_title(lang))
    } else {
        what
    };
    if ctx.contoh {
        format!("{} {what}", sample_title(lang))
    } else {
        what
    }
}

/// The stages whose raw sheets go with a ranking: one stage's, or every scored stage's.
fn raw_stages<'c>(r: &Ranking, ctx: &'c Context) -> Vec<&'c RawStage> {
    let only = r.staged.as_ref().and_then(|s| s.tahap.as_deref());
    ctx.raw
        .iter()
        .filter(|s| only.is_none_or(|t| t == s.tahap))
        .collect()
}

/// A raw column's name: `JURI_KRITERIA`, prefixed with the stage when there are several.
fn raw_name(stages: &[&RawStage], tahap: &str, rest: &str) -> String {
    if stages.len() > 1 {
        format!("{tahap}_{rest}")
    } else {
        rest.to_string()
    }
}

/// A tick as the journal names it: the same word in both languages, like the journal itself.
fn tick_word(t: Tick) -> &'static str {
    match t {
        Tick::Ya => "ya",
        Tick::Sebagian => "sebagian",
        Tick::Tidak => "tidak",
    }
}

/// A judge's ticks on one entry in one cell: `L1.1=ya L3.2=sebagian` (items counted from 1).
fn ticks_cell(sheet: &Sheet) -> String {
    sheet
        .centang
        .iter()
        .map(|((k, b), t)| format!("{k}.{}={}", b + 1, tick_word(*t)))
        .collect::<Vec<_>>()
        .join(" ")
}
