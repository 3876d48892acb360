//! A ranking written out: a table for the terminal, JSON for scripts, CSV and XLSX for spreadsheets
//! (with every raw score), Markdown for reports.

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
    ctx.jejak
        .iter()
        .map(|(j, (n, h))| format!("jejak:{j}:{n}:{h}"))
        .collect()
}

fn anchor_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Jejak jurnal (jumlah baris dan hash baris terakhir tiap juri; periksa dengan `tulta verify LOMBA --jejak BERKAS`):",
        "Journal anchors (each judge's line count and last line's hash; check with `tulta verify LOMBA --jejak FILE`):",
    )
}

/// The anchors a published ranking file carries: JSON `"jejak"`, the `jejak:…` tokens of Markdown,
/// or those of an XLSX footer (its shared strings).
pub fn read_anchors_from(bytes: &[u8]) -> Option<crate::judging::Anchors> {
    if bytes.starts_with(b"PK") {
        use std::io::Read;
        let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
        let mut text = String::new();
        for name in ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"] {
            if let Ok(mut f) = book.by_name(name) {
                // A footer is a few hundred bytes; a bomb stops here.
                f.by_ref().take(64 << 20).read_to_string(&mut text).ok()?;
            }
        }
        return read_anchors(&text.replace(['<', '>'], " "));
    }
    read_anchors(&String::from_utf8_lossy(bytes))
}

/// The anchors a published ranking carries: JSON `"jejak"`, or `jejak:…` tokens (Markdown, text).
pub fn read_anchors(text: &str) -> Option<crate::judging::Anchors> {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        let map = v.get("jejak")?.as_object()?;
        return map
            .iter()
            .map(|(j, a)| {
                Some((
                    j.clone(),
                    (
                        usize::try_from(a.get("baris")?.as_u64()?).ok()?,
                        a.get("hash")?.as_str()?.to_string(),
                    ),
                ))
            })
            .collect();
    }
    let mut out = crate::judging::Anchors::new();
    for token in text.split(|c: char| c.is_whitespace() || c == '`' || c == '|') {
        let Some(rest) = token.strip_prefix("jejak:") else {
            continue;
        };
        let mut parts = rest.split(':');
        let (Some(j), Some(n), Some(h)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let n: usize = n.parse().ok()?;
        if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        // Judges' notes travel in the same file: a note shaped like an anchor must not pass for
        // (or replace) the real one. Two different anchors for one judge read as none.
        let anchor = (n, h.to_string());
        match out.get(j) {
            Some(there) if *there != anchor => return None,
            _ => {
                out.insert(j.to_string(), anchor);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

#[derive(Serialize)]
struct JsonRow<'a> {
    peringkat: Option<usize>,
    id: &'a str,
    opd: &'a str,
    jenis: Option<&'static str>,
    indeks: Option<f64>,
    nilai_100: Option<f64>,
    predikat: Option<&'a str>,
    juri: BTreeMap<&'a str, f64>,
    juri_selesai: usize,
    juri_wajib: usize,
    juri_konflik: &'a [String],
    juri_belum: &'a [String],
    seri: bool,
    perlu_diskusi: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    nilai_tahap: Option<BTreeMap<&'a str, f64>>,
    /// Present (possibly null) in a final result only.
    #[serde(skip_serializing_if = "Option::is_none")]
    berhenti_di: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    juara: Option<Option<&'a str>>,
    /// What the judges wrote: every note (`kriteria` null for the general note) and every tick.
    catatan: Vec<JsonNote<'a>>,
    centang: Vec<JsonTick<'a>>,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    tahap: &'a str,
    juri: &'a str,
    kriteria: Option<&'a str>,
    teks: &'a str,
}

#[derive(Serialize)]
struct JsonTick<'a> {
    tahap: &'a str,
    juri: &'a str,
    kriteria: &'a str,
    /// Counted from 1, as people number guidance items.
    butir: usize,
    nilai: &'static str,
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

#[derive(Serialize)]
struct JsonStage<'a> {
    id: &'a str,
    nama: &'a str,
    bobot: Option<f64>,
    #[serde(rename = "final")]
    is_final: bool,
}

#[derive(Serialize)]
struct JsonAward<'a> {
    id: &'a str,
    nama: &'a str,
    pemenang: &'a [String],
    nilai: Option<f64>,
}

#[derive(Serialize)]
struct JsonAnchor<'a> {
    baris: usize,
    hash: &'a str,
}

#[derive(Serialize)]
struct JsonRanking<'a> {
    lomba: &'a str,
    metode: &'static str,
    kategori: &'static str,
    sementara: bool,
    /// Judges whose journal was not wholly counted (`--allow-partial`).
    tidak_dihitung: &'a [String],
    /// The stages (spec §8), and which one this ranking is (`null`: the final result).
    #[serde(skip_serializing_if = "Option::is_none")]
    tahap: Option<Vec<JsonStage<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    peringkat_tahap: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    penghargaan: Option<Vec<JsonAward<'a>>>,
    peringkat: Vec<JsonRow<'a>>,
    jejak: BTreeMap<&'a str, JsonAnchor<'a>>,
}

/// The ways a ranking is written out: one dispatch for the CLI and the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    Table,
    Json,
    Csv,
    Md,
    Xlsx,
}

impl OutputKind {
    pub fn name(self) -> &'static str {
        match self {
            OutputKind::Table => "table",
            OutputKind::Json => "json",
            OutputKind::Csv => "csv",
            OutputKind::Md => "md",
            OutputKind::Xlsx => "xlsx",
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
    })
}

pub fn json(r: &Ranking, ctx: &Context) -> String {
    let raw = raw_stages(r, ctx);
    let staged = r.staged.as_ref();
    let result = staged.filter(|s| s.tahap.is_none());
    let doc = JsonRanking {
        lomba: ctx.lomba_id,
        metode: r.metode.as_str(),
        kategori: r.kategori.as_str(),
        sementara: r.sementara,
        tidak_dihitung: &ctx.partial,
        tahap: staged.map(|s| {
            s.stages
                .iter()
                .map(|t| JsonStage {
                    id: &t.id,
                    nama: &t.nama,
                    bobot: t.bobot,
                    is_final: t.is_final,
                })
                .collect()
        }),
        peringkat_tahap: staged.map(|s| s.tahap.as_deref()),
        penghargaan: result.map(|s| {
            s.penghargaan
                .iter()
                .map(|a| JsonAward {
                    id: &a.id,
                    nama: &a.nama,
                    pemenang: &a.pemenang,
                    nilai: a.nilai.map(round2),
                })
                .collect()
        }),
        jejak: ctx
            .jejak
            .iter()
            .map(|(j, (n, h))| (j.as_str(), JsonAnchor { baris: *n, hash: h }))
            .collect(),
        peringkat: r
            .rows
            .iter()
            .map(|row| JsonRow {
                peringkat: row.peringkat,
                id: &row.id,
                opd: &row.opd,
                jenis: row.jenis.map(|j| j.as_str()),
                indeks: row.indeks.map(round2),
                nilai_100: row.nilai_100.map(round2),
                predikat: row.predikat.as_ref().map(|p| p.0.as_str()),
                juri: row
                    .juri
                    .iter()
                    .map(|(j, &ix)| (j.as_str(), round2(ix)))
                    .collect(),
                juri_selesai: row.juri.len(),
                juri_wajib: row.juri_wajib(),
                juri_konflik: &row.juri_konflik,
                juri_belum: &row.juri_belum,
                seri: row.seri,
                perlu_diskusi: row.perlu_diskusi,
                nilai_tahap: result.map(|_| {
                    row.nilai_tahap
                        .iter()
                        .map(|(t, &ix)| (t.as_str(), round2(ix)))
                        .collect()
                }),
                berhenti_di: result.map(|_| row.berhenti_di.as_deref()),
                juara: result.map(|_| row.juara.as_deref()),
                catatan: notes_on(&raw, &row.id)
                    .into_iter()
                    .map(|(tahap, juri, kriteria, teks)| JsonNote {
                        tahap,
                        juri,
                        kriteria,
                        teks,
                    })
                    .collect(),
                centang: raw
                    .iter()
                    .flat_map(|s| {
                        s.sheets.iter().flat_map(move |(j, sheets)| {
                            sheets.get(&row.id).into_iter().flat_map(move |sheet| {
                                sheet.centang.iter().map(move |((k, b), t)| JsonTick {
                                    tahap: &s.tahap,
                                    juri: j,
                                    kriteria: k,
                                    butir: b + 1,
                                    nilai: tick_word(*t),
                                })
                            })
                        })
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn place(row: &Row) -> String {
    match row.peringkat {
        Some(p) if row.seri => format!("{p}="),
        Some(p) => p.to_string(),
        None => "-".into(),
    }
}

/// A Markdown table cell: controls shown, `|` escaped, `<` written as an entity (no raw HTML
/// from a title), line breaks as `<br>`.
fn md_cell(s: &str) -> String {
    let s = s
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('|', "\\|")
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

/// What a final result says of a row: its Juara label, or the stage it stopped at.
fn outcome_cell(row: &Row, lang: Lang) -> String {
    match (&row.juara, &row.berhenti_di) {
        (Some(j), _) => j.clone(),
        (None, Some(t)) => format!("{} {t}", lang.pick("berhenti di", "stopped at")),
        (None, None) => String::new(),
    }
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
fn title(r: &Ranking, lang: Lang) -> String {
    let what = match &r.staged {
        Some(Staged { tahap: Some(t), .. }) => {
            format!("{} {t}", lang.pick("peringkat tahap", "ranking of stage"))
        }
        Some(_) => lang.pick("hasil akhir", "final result").into(),
        None => lang.pick("peringkat", "ranking").into(),
    };
    if r.sementara {
        format!("{what} {}", provisional_title(lang))
    } else {
        what
    }
}

pub fn table(r: &Ranking, ctx: &Context, lang: Lang) -> String {
    let mut out = String::new();
    if r.sementara {
        let _ = writeln!(out, "{}", provisional_note(lang));
    }
    if let Some(note) = partial_note(ctx, lang) {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(
        out,
        "{} — {} ({}: {}, {}: {})",
        printable(ctx.lomba_nama),
        title(r, lang),
        lang.pick("metode", "method"),
        r.metode.as_str(),
        lang.pick("kategori", "category"),
        r.kategori.as_str()
    );
    let mut header = format!(
        "{:>4}  {} {} {:>6} {:>6}  {} {:>5}",
        "#",
        pad(lang.pick("OPD / kelurahan", "OPD / kelurahan"), 34),
        pad(lang.pick("jenis", "kind"), 9),
        lang.pick("indeks", "index"),
        "0-100",
        pad(lang.pick("predikat", "band"), 26),
        lang.pick("juri", "jdg")
    );
    let stages = stage_ids(r);
    for t in &stages {
        let _ = write!(header, " {:>7}", pad(&printable(t), 7));
    }
    for j in &ctx.juri {
        let _ = write!(header, " {:>7}", pad(&printable(j), 7));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for row in &r.rows {
        let predikat = row
            .predikat
            .as_ref()
            .map_or(String::new(), |(k, l)| format!("{k} {l}"));
        let mut line = format!(
            "{:>4}  {} {} {:>6} {:>6}  {} {:>5}",
            place(row),
            pad(&printable(&row.opd), 34),
            pad(row.jenis.map_or("?", |j| j.as_str()), 9),
            row.indeks.map_or("-".into(), |x| decimal(x, 2, lang)),
            row.nilai_100.map_or("-".into(), |x| decimal(x, 1, lang)),
            pad(&printable(&predikat), 26),
            finished_of(row)
        );
        for t in &stages {
            let _ = write!(line, " {:>7}", stage_cell(row, t, lang));
        }
        for j in &ctx.juri {
            let _ = write!(line, " {:>7}", judge_cell(row, j, lang));
        }
        if row.perlu_diskusi {
            line.push_str(lang.pick("  ! perlu diskusi", "  ! discuss"));
        }
        let outcome = outcome_cell(row, lang);
        if !outcome.is_empty() {
            let _ = write!(line, "  {}", printable(&outcome));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for l in result_lines(r, lang) {
        let _ = writeln!(out, "{}", printable(&l));
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "= seri setelah pemecah seri · ! indeks antarjuri berselisih lebih dari 1,0 · - belum dinilai lengkap · juri n/m: selesai dari yang boleh menilai · konflik: juri terhalang · belum: juri belum selesai",
            "= tied after the tie-breakers · ! judges' indexes differ by more than 1.0 · - not fully scored yet · jdg n/m: finished of those allowed · barred: judge in conflict · todo: judge not finished"
        )
    );
    out
}

pub fn markdown(r: &Ranking, ctx: &Context, lang: Lang) -> String {
    let mut out = format!(
        "## {} — {}\n\n{}: `{}` · {}: `{}`\n\n",
        md_cell(ctx.lomba_nama),
        title(r, lang),
        lang.pick("Metode", "Method"),
        r.metode.as_str(),
        lang.pick("Kategori", "Category"),
        r.kategori.as_str()
    );
    if r.sementara {
        let _ = writeln!(out, "**{}**\n", provisional_note(lang));
    }
    if let Some(note) = partial_note(ctx, lang) {
        let _ = writeln!(out, "**{note}**\n");
    }
    let mut header = format!(
        "| # | {} | OPD | {} | {} | 0-100 | {} | {} |",
        lang.pick("Risalah", "Entry"),
        lang.pick("Jenis", "Kind"),
        lang.pick("Indeks", "Index"),
        lang.pick("Predikat", "Band"),
        lang.pick("Juri", "Judges")
    );
    let mut rule = "|---|---|---|---|---:|---:|---|---:|".to_string();
    let stages = stage_ids(r);
    for t in &stages {
        let _ = write!(header, " {} |", md_cell(t));
        rule.push_str("---:|");
    }
    for j in &ctx.juri {
        let _ = write!(header, " {} |", md_cell(j));
        rule.push_str("---:|");
    }
    header.push_str(&format!(" {} |", lang.pick("Catatan", "Notes")));
    rule.push_str("---|");
    let _ = writeln!(out, "{header}\n{rule}");
    for row in &r.rows {
        let mut line = format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            place(row),
            md_cell(&row.id),
            md_cell(&row.opd),
            row.jenis.map_or("", |j| j.as_str()),
            row.indeks.map_or("–".into(), |x| decimal(x, 2, lang)),
            row.nilai_100.map_or("–".into(), |x| decimal(x, 1, lang)),
            row.predikat
                .as_ref()
                .map_or(String::new(), |(k, l)| md_cell(&format!("{k} {l}"))),
            finished_of(row)
        );
        for t in &stages {
            let _ = write!(line, " {} |", stage_cell(row, t, lang));
        }
        for j in &ctx.juri {
            let _ = write!(line, " {} |", judge_cell(row, j, lang));
        }
        let flag = [
            if row.perlu_diskusi {
                lang.pick("perlu diskusi", "discuss").to_string()
            } else {
                String::new()
            },
            md_cell(&outcome_cell(row, lang)),
        ]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let _ = writeln!(out, "{line} {flag} |");
    }
    let lines = result_lines(r, lang);
    if !lines.is_empty() {
        out.push('\n');
        for l in lines {
            let _ = writeln!(out, "- {}", md_cell(&l));
        }
    }
    // What the judges wrote, entry by entry, in the ranking's order.
    let raw = raw_stages(r, ctx);
    let notes: Vec<(&Row, Vec<_>)> = r
        .rows
        .iter()
        .map(|row| (row, notes_on(&raw, &row.id)))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(
            out,
            "\n### {}\n",
            lang.pick("Catatan juri", "Judges' notes")
        );
        for (row, list) in notes {
            for (tahap, juri, kriteria, teks) in list {
                let _ = writeln!(
                    out,
                    "- {} · {}{} · {}: {}",
                    md_cell(&row.id),
                    md_cell(juri),
                    if raw.len() > 1 {
                        format!(" ({})", md_cell(tahap))
                    } else {
                        String::new()
                    },
                    md_cell(kriteria.unwrap_or(lang.pick("umum", "general"))),
                    md_cell(teks)
                );
            }
        }
    }
    let _ = writeln!(out, "\n{}\n", anchor_heading(lang));
    for t in anchor_tokens(ctx) {
        let _ = writeln!(out, "- `{t}`");
    }
    out
}

/// The ranking's columns in spreadsheets, then each judge's index.
fn rank_columns(r: &Ranking, ctx: &Context) -> Vec<String> {
    let mut columns: Vec<String> = [
        "peringkat",
        "seri",
        "id",
        "opd",
        "jenis",
        "indeks",
        "nilai_100",
        "predikat",
        "perlu_diskusi",
        "sementara",
        "juri_selesai",
        "juri_wajib",
        "juri_konflik",
        "juri_belum",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    columns.extend(ctx.juri.iter().map(|j| format!("indeks_{j}")));
    if final_result(r).is_some() {
        columns.extend(stage_ids(r).iter().map(|t| format!("nilai_{t}")));
        columns.push("berhenti_di".into());
        columns.push("juara".into());
    }
    columns
}

/// A final result's own cells, in [`rank_columns`]' order: each stage's index, where it stopped,
/// its label.
fn result_cells(r: &Ranking, row: &Row, lang: Lang) -> Vec<String> {
    if final_result(r).is_none() {
        return Vec::new();
    }
    let mut cells: Vec<String> = stage_ids(r)
        .iter()
        .map(|t| {
            row.nilai_tahap
                .get(*t)
                .map_or(String::new(), |x| decimal(*x, 2, lang))
        })
        .collect();
    cells.push(csv_text(row.berhenti_di.as_deref().unwrap_or("")));
    cells.push(csv_text(row.juara.as_deref().unwrap_or("")));
    cells
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

/// Every (stage, judge, criterion) of the raw scores.
fn raw_columns<'c>(stages: &[&'c RawStage]) -> Vec<(&'c RawStage, &'c str, &'c str)> {
    stages
        .iter()
        .flat_map(|s| {
            s.sheets.iter().flat_map(move |(j, _)| {
                s.kriteria.iter().map(move |k| (*s, j.as_str(), k.as_str()))
            })
        })
        .collect()
}

/// CSV for spreadsheets: `;` between fields and `,` in decimals for Indonesian, `,` and `.` for English.
pub fn csv(r: &Ranking, ctx: &Context, lang: Lang) -> Result<String, csv::Error> {
    let delimiter = match lang {
        Lang::Id => b';',
        Lang::En => b',',
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let stages = raw_stages(r, ctx);
    let raw = raw_columns(&stages);
    let mut header = rank_columns(r, ctx);
    header.extend(
        raw.iter()
            .map(|(s, j, k)| raw_name(&stages, &s.tahap, &format!("{j}_{k}"))),
    );
    // What judges wrote beside the scores: the general note and the guidance ticks.
    for s in &stages {
        for (j, _) in &s.sheets {
            header.push(raw_name(&stages, &s.tahap, &format!("{j}_catatan_umum")));
            header.push(raw_name(&stages, &s.tahap, &format!("{j}_centang")));
        }
    }
    let benefits = benefit_columns(ctx);
    header.extend(benefits.iter().map(|c| c.header.clone()));
    w.write_record(header.iter().map(|h| csv_text(h)))?;
    for row in &r.rows {
        let mut rec: Vec<String> = vec![
            row.peringkat.map_or(String::new(), |p| p.to_string()),
            if row.seri { "=".into() } else { String::new() },
            csv_text(&row.id),
            csv_text(&row.opd),
            row.jenis.map_or(String::new(), |j| j.as_str().into()),
            row.indeks.map_or(String::new(), |x| decimal(x, 2, lang)),
            row.nilai_100.map_or(String::new(), |x| decimal(x, 1, lang)),
            row.predikat
                .as_ref()
                .map_or(String::new(), |p| csv_text(&p.0)),
            if row.perlu_diskusi {
                "ya".into()
            } else {
                String::new()
            },
            if r.sementara {
                "ya".into()
            } else {
                String::new()
            },
            row.juri.len().to_string(),
            row.juri_wajib().to_string(),
            csv_text(&row.juri_konflik.join(" ")),
            csv_text(&row.juri_belum.join(" ")),
        ];
        rec.extend(ctx.juri.iter().map(|j| {
            match row.juri.get(j) {
                Some(x) => decimal(*x, 2, lang),
                // A judge not of this row's stage: an empty cell, as spreadsheets read nothing.
                None => Some(judge_cell(row, j, lang))
                    .filter(|c| c != "-")
                    .unwrap_or_default(),
            }
        }));
        rec.extend(result_cells(r, row, lang));
        rec.extend(raw.iter().map(|(s, j, k)| {
            s.sheets
                .iter()
                .find(|(x, _)| x == j)
                .and_then(|(_, s)| s.get(&row.id))
                .and_then(|s| s.skor.get(*k))
                .map_or(String::new(), |x| decimal(*x, 1, lang))
        }));
        for s in &stages {
            for (_, sheets) in &s.sheets {
                let sheet = sheets.get(&row.id);
                // A judge's words go through the same guard as every other text cell.
                rec.push(csv_text(
                    sheet
                        .and_then(|s| s.catatan.get(&None))
                        .map_or("", String::as_str),
                ));
                rec.push(csv_text(&sheet.map(ticks_cell).unwrap_or_default()));
            }
        }
        rec.extend(
            benefits.iter().map(|c| {
                benefit_value(ctx, &row.id, c).map_or(String::new(), |x| number(x, 2, lang))
            }),
        );
        w.write_record(&rec)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// An XLSX workbook: the ranking on the first sheet, every raw score and note (the general note
/// too) on the second, the guidance ticks on the third.
pub fn xlsx(r: &Ranking, ctx: &Context, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("0.00");
    let one = Format::new().set_num_format("0.0");
    {
        let sheet = book.add_worksheet();
        sheet.set_name(lang.pick("Peringkat", "Ranking"))?;
        let headers = rank_columns(r, ctx);
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold)?;
        }
        let benefits = benefit_columns(ctx);
        let first_benefit = headers.len() as u16;
        for (c, b) in benefits.iter().enumerate() {
            sheet.write_string_with_format(0, first_benefit + c as u16, &b.header, &bold)?;
        }
        for (i, row) in r.rows.iter().enumerate() {
            let y = i as u32 + 1;
            if let Some(p) = row.peringkat {
                sheet.write_number(y, 0, p as f64)?;
            }
            if row.seri {
                sheet.write_string(y, 1, "=")?;
            }
            sheet.write_string(y, 2, &row.id)?;
            sheet.write_string(y, 3, &row.opd)?;
            sheet.write_string(y, 4, row.jenis.map_or("", |j| j.as_str()))?;
            if let Some(x) = row.indeks {
                sheet.write_number_with_format(y, 5, round2(x), &two)?;
            }
            if let Some(x) = row.nilai_100 {
                sheet.write_number_with_format(y, 6, round_to(x, 1), &one)?;
            }
            if let Some((k, l)) = &row.predikat {
                sheet.write_string(y, 7, format!("{k} {l}"))?;
            }
            if row.perlu_diskusi {
                sheet.write_string(y, 8, "ya")?;
            }
            if r.sementara {
                sheet.write_string(y, 9, "ya")?;
            }
            sheet.write_number(y, 10, row.juri.len() as f64)?;
            sheet.write_number(y, 11, row.juri_wajib() as f64)?;
            sheet.write_string(y, 12, row.juri_konflik.join(" "))?;
            sheet.write_string(y, 13, row.juri_belum.join(" "))?;
            for (c, j) in ctx.juri.iter().enumerate() {
                let col = 14 + c as u16;
                match row.juri.get(j) {
                    Some(x) => sheet.write_number_with_format(y, col, round2(*x), &two)?,
                    None => sheet.write_string(y, col, judge_cell(row, j, lang))?,
                };
            }
            let mut col = 14 + ctx.juri.len() as u16;
            if final_result(r).is_some() {
                for t in stage_ids(r) {
                    if let Some(x) = row.nilai_tahap.get(t) {
                        sheet.write_number_with_format(y, col, round2(*x), &two)?;
                    }
                    col += 1;
                }
                sheet.write_string(y, col, row.berhenti_di.as_deref().unwrap_or(""))?;
                sheet.write_string(y, col + 1, row.juara.as_deref().unwrap_or(""))?;
            }
            for (c, b) in benefits.iter().enumerate() {
                if let Some(x) = benefit_value(ctx, &row.id, b) {
                    sheet.write_number(y, first_benefit + c as u16, x)?;
                }
            }
        }
        sheet.autofit();
        // The footer: what this ranking is (provisional, incomplete) and what it was computed from.
        let mut notes: Vec<String> = Vec::new();
        if r.sementara {
            notes.push(provisional_note(lang).into());
            sheet.set_header(format!("&C{}", provisional_note(lang)));
        }
        notes.extend(partial_note(ctx, lang));
        notes.extend(result_lines(r, lang));
        notes.push(anchor_heading(lang).into());
        notes.extend(anchor_tokens(ctx));
        for (y, n) in (r.rows.len() as u32 + 2..).zip(notes) {
            sheet.write_string(y, 0, n)?;
        }
    }
    let stages = raw_stages(r, ctx);
    for stage in &stages {
        let named = |base: &str| {
            let name = raw_name(&stages, &stage.tahap, base);
            // Excel's limit on a sheet name.
            name.chars().take(31).collect::<String>()
        };
        let sheet = book.add_worksheet();
        sheet.set_name(named(lang.pick("Nilai", "Scores")))?;
        for (c, h) in ["risalah", "juri", "kriteria", "nilai", "catatan"]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        let mut y = 1u32;
        for row in &r.rows {
            for (j, sheets) in &stage.sheets {
                let Some(sheet_of) = sheets.get(&row.id) else {
                    continue;
                };
                for k in &stage.kriteria {
                    let score = sheet_of.skor.get(k);
                    let note = sheet_of.catatan.get(&Some(k.clone()));
                    if score.is_none() && note.is_none() {
                        continue;
                    }
                    sheet.write_string(y, 0, &row.id)?;
                    sheet.write_string(y, 1, j)?;
                    sheet.write_string(y, 2, k)?;
                    if let Some(x) = score {
                        sheet.write_number_with_format(y, 3, *x, &one)?;
                    }
                    if let Some(n) = note {
                        sheet.write_string(y, 4, n)?;
                    }
                    y += 1;
                }
                if let Some(n) = sheet_of.catatan.get(&None) {
                    sheet.write_string(y, 0, &row.id)?;
                    sheet.write_string(y, 1, j)?;
                    sheet.write_string(y, 2, lang.pick("(umum)", "(general)"))?;
                    sheet.write_string(y, 4, n)?;
                    y += 1;
                }
            }
        }
        sheet.autofit();
        let sheet = book.add_worksheet();
        sheet.set_name(named(lang.pick("Centang", "Ticks")))?;
        for (c, h) in ["risalah", "juri", "kriteria", "butir", "centang"]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        let mut y = 1u32;
        for row in &r.rows {
            for (j, sheets) in &stage.sheets {
                let Some(sheet_of) = sheets.get(&row.id) else {
                    continue;
                };
                for ((k, b), t) in &sheet_of.centang {
                    sheet.write_string(y, 0, &row.id)?;
                    sheet.write_string(y, 1, j)?;
                    sheet.write_string(y, 2, k)?;
                    sheet.write_number(y, 3, (*b + 1) as f64)?;
                    sheet.write_string(y, 4, tick_word(*t))?;
                    y += 1;
                }
            }
        }
        sheet.autofit();
    }
    book.save_to_buffer()
}
