//! A ranking written out: a table for the terminal, JSON for scripts, CSV and XLSX for spreadsheets
//! (with every raw score), Markdown for reports.

use crate::i18n::Lang;
use crate::judging::ranking::{Ranking, Row};
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
    pub kriteria: Vec<String>,
    pub sheets: BTreeMap<String, BTreeMap<String, Sheet>>,
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
        None => lang.pick("belum", "todo").into(),
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
        out.insert(j.to_string(), (n, h.to_string()));
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
    let doc = JsonRanking {
        lomba: ctx.lomba_id,
        metode: r.metode.as_str(),
        kategori: r.kategori.as_str(),
        sementara: r.sementara,
        tidak_dihitung: &ctx.partial,
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
        "{} — {}{} ({}: {}, {}: {})",
        printable(ctx.lomba_nama),
        lang.pick("peringkat", "ranking"),
        if r.sementara {
            format!(" {}", provisional_title(lang))
        } else {
            String::new()
        },
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
    for j in &ctx.juri {
        let _ = write!(header, " {:>7}", pad(&printable(j), 7));
    }
    let _ = writeln!(out, "{header}");
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
        for j in &ctx.juri {
            let _ = write!(line, " {:>7}", judge_cell(row, j, lang));
        }
        if row.perlu_diskusi {
            line.push_str(lang.pick("  ! perlu diskusi", "  ! discuss"));
        }
        let _ = writeln!(out, "{}", line.trim_end());
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
        "## {} — {}{}\n\n{}: `{}` · {}: `{}`\n\n",
        md_cell(ctx.lomba_nama),
        lang.pick("Peringkat", "Ranking"),
        if r.sementara {
            format!(" {}", provisional_title(lang))
        } else {
            String::new()
        },
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
        for j in &ctx.juri {
            let _ = write!(line, " {} |", judge_cell(row, j, lang));
        }
        let flag = if row.perlu_diskusi {
            lang.pick("perlu diskusi", "discuss")
        } else {
            ""
        };
        let _ = writeln!(out, "{line} {flag} |");
    }
    let _ = writeln!(out, "\n{}\n", anchor_heading(lang));
    for t in anchor_tokens(ctx) {
        let _ = writeln!(out, "- `{t}`");
    }
    out
}

/// The ranking's columns in spreadsheets, then each judge's index.
fn rank_columns(ctx: &Context) -> Vec<String> {
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
    columns
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

fn raw_columns(ctx: &Context) -> Vec<(String, String)> {
    ctx.juri
        .iter()
        .flat_map(|j| ctx.kriteria.iter().map(move |k| (j.clone(), k.clone())))
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
    let raw = raw_columns(ctx);
    let mut header = rank_columns(ctx);
    header.extend(raw.iter().map(|(j, k)| format!("{j}_{k}")));
    // What judges wrote beside the scores: the general note and the guidance ticks.
    for j in &ctx.juri {
        header.push(format!("{j}_catatan_umum"));
        header.push(format!("{j}_centang"));
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
        rec.extend(ctx.juri.iter().map(|j| match row.juri.get(j) {
            Some(x) => decimal(*x, 2, lang),
            None => judge_cell(row, j, lang),
        }));
        rec.extend(raw.iter().map(|(j, k)| {
            ctx.sheets
                .get(j)
                .and_then(|s| s.get(&row.id))
                .and_then(|s| s.skor.get(k))
                .map_or(String::new(), |x| decimal(*x, 1, lang))
        }));
        for j in &ctx.juri {
            let sheet = ctx.sheets.get(j).and_then(|s| s.get(&row.id));
            // A judge's words go through the same guard as every other text cell.
            rec.push(csv_text(
                sheet
                    .and_then(|s| s.catatan.get(&None))
                    .map_or("", String::as_str),
            ));
            rec.push(csv_text(&sheet.map(ticks_cell).unwrap_or_default()));
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
        let headers = rank_columns(ctx);
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
        notes.push(anchor_heading(lang).into());
        notes.extend(anchor_tokens(ctx));
        for (y, n) in (r.rows.len() as u32 + 2..).zip(notes) {
            sheet.write_string(y, 0, n)?;
        }
    }
    {
        let sheet = book.add_worksheet();
        sheet.set_name(lang.pick("Nilai", "Scores"))?;
        for (c, h) in ["risalah", "juri", "kriteria", "nilai", "catatan"]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        let mut y = 1u32;
        for row in &r.rows {
            for j in &ctx.juri {
                let Some(sheet_of) = ctx.sheets.get(j).and_then(|s| s.get(&row.id)) else {
                    continue;
                };
                for k in &ctx.kriteria {
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
    }
    {
        let sheet = book.add_worksheet();
        sheet.set_name(lang.pick("Centang", "Ticks"))?;
        for (c, h) in ["risalah", "juri", "kriteria", "butir", "centang"]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        let mut y = 1u32;
        for row in &r.rows {
            for j in &ctx.juri {
                let Some(sheet_of) = ctx.sheets.get(j).and_then(|s| s.get(&row.id)) else {
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
