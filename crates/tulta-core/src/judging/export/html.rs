//! The result as paper (spec §12): a self-contained results page and the berita acara the judges
//! sign. Both are one HTML file with nothing fetched (a Content-Security-Policy of `default-src
//! 'none'` lets the browser load nothing but the page, even if a name tried), no script to run,
//! black-and-white print styles, and the anchors in a JSON block of their own that `verify
//! --jejak` reads back — a block no judge's words can open, since every name and note is escaped
//! by maud, which writes the markup.

use super::{
    amendment_heading, amendment_lines, anchor_heading, finished_of, provisional_title, Context,
};
use crate::i18n::Lang;
use crate::judging::ranking::{mean, Ranking, Row};
use crate::model::risalah::JenisKelompok;
use crate::text::{decimal, printable};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::collections::BTreeMap;

/// What a document says beyond the ranking: who ran it, where and when, who judged, what was scored.
#[derive(Clone, Debug)]
pub struct Publication {
    pub nama: String,
    pub penyelenggara: String,
    /// The place as a document names it: "Tirtanagara".
    pub tempat: String,
    pub tanggal: jiff::civil::Date,
    pub juri: Vec<Judge>,
    /// The scored stages, in order.
    pub tahap: Vec<StageInfo>,
    /// Each entry's title and group, by id.
    pub peserta: BTreeMap<String, (String, String)>,
    /// Says CONTOH / SAMPLE on the page: a demonstration competition.
    pub contoh: bool,
}

#[derive(Clone, Debug)]
pub struct Judge {
    pub id: String,
    pub nama: String,
    pub opd: String,
}

#[derive(Clone, Debug)]
pub struct StageInfo {
    pub id: String,
    pub nama: String,
    /// Criterion id and name.
    pub kriteria: Vec<(String, String)>,
    pub min: f64,
    pub maks: f64,
}

/// The block `verify --jejak` reads: the ranking's own JSON, anchors and all.
pub const ANCHOR_BLOCK_OPEN: &str = r#"<script type="application/json" id="tulta-jejak">"#;

fn text(s: &str) -> String {
    printable(s).into_owned()
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #000; background: #fff; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: .2em 0; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
.wide { overflow-x: auto; }
th, td { border: 1px solid #000; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.banner { border: 3px solid #000; padding: .4em .8em; font-weight: bold; font-size: 1.2em; margin: .6em 0; }
.meta { margin: 0; }
.small { font-size: 8pt; word-break: break-all; }
figure { margin: .4em 0 1em; break-inside: avoid; }
figcaption { font-size: .9em; }
svg text { font-family: inherit; font-size: 10px; }
.sign { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1.5em 2em; margin-top: 1.5em; }
.sign div { break-inside: avoid; }
.line { border-bottom: 1px solid #000; height: 4.5em; }
.draf { position: fixed; top: 35%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold;
        color: rgba(0,0,0,.13); transform: rotate(-30deg); pointer-events: none; z-index: 10; }
@media print { body { max-width: none; margin: 0; } a { color: #000; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
@page { size: A4; margin: 18mm 16mm; }
"#;

fn page(lang: Lang, title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body { (body) }
        }
    }
    .into_string()
}

/// The date as each language writes it: "7 Desember 2026", "7 December 2026".
pub fn date_written(d: jiff::civil::Date, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year())
}

fn month_name(m: i8, lang: Lang) -> &'static str {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = usize::try_from(m - 1).unwrap_or(0).min(11);
    lang.pick(ID[i], EN[i])
}

fn day_name(d: jiff::civil::Date, lang: Lang) -> &'static str {
    use jiff::civil::Weekday as W;
    match d.weekday() {
        W::Monday => lang.pick("Senin", "Monday"),
        W::Tuesday => lang.pick("Selasa", "Tuesday"),
        W::Wednesday => lang.pick("Rabu", "Wednesday"),
        W::Thursday => lang.pick("Kamis", "Thursday"),
        W::Friday => lang.pick("Jumat", "Friday"),
        W::Saturday => lang.pick("Sabtu", "Saturday"),
        W::Sunday => lang.pick("Minggu", "Sunday"),
    }
}

/// A number in words, capitalised as a berita acara writes dates: "Dua Ribu Dua Puluh Enam".
pub fn spelled(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Id => terbilang(n),
        Lang::En => english(n),
    }
}

fn terbilang(n: u64) -> String {
    const ONES: [&str; 12] = [
        "Nol", "Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan",
        "Sepuluh", "Sebelas",
    ];
    let join = |a: String, b: u64| {
        if b == 0 {
            a
        } else {
            format!("{a} {}", terbilang(b))
        }
    };
    match n {
        0..=11 => ONES[n as usize].into(),
        12..=19 => format!("{} Belas", ONES[(n - 10) as usize]),
        20..=99 => join(format!("{} Puluh", ONES[(n / 10) as usize]), n % 10),
        100..=199 => join("Seratus".into(), n - 100),
        200..=999 => join(format!("{} Ratus", ONES[(n / 100) as usize]), n % 100),
        1_000..=1_999 => join("Seribu".into(), n - 1_000),
        2_000..=999_999 => join(format!("{} Ribu", terbilang(n / 1_000)), n % 1_000),
        1_000_000..=999_999_999 => {
            join(format!("{} Juta", terbilang(n / 1_000_000)), n % 1_000_000)
        }
        _ => join(
            format!("{} Miliar", terbilang(n / 1_000_000_000)),
            n % 1_000_000_000,
        ),
    }
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
fn ordinal(day: i8) -> String {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{day}{suffix}")
}

fn english(n: u64) -> String {
    const ONES: [&str; 20] = [
        "Zero",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
    ];
    let join = |a: String, sep: &str, b: u64| {
        if b == 0 {
            a
        } else {
            format!("{a}{sep}{}", english(b))
        }
    };
    match n {
        0..=19 => ONES[n as usize].into(),
        20..=99 => join(TENS[(n / 10) as usize].into(), "-", n % 10),
        100..=999 => join(
            format!("{} Hundred", ONES[(n / 100) as usize]),
            " and ",
            n % 100,
        ),
        1_000..=999_999 => join(format!("{} Thousand", english(n / 1_000)), " ", n % 1_000),
        _ => join(
            format!("{} Million", english(n / 1_000_000)),
            " ",
            n % 1_000_000,
        ),
    }
}

fn banners(r: &Ranking, p: &Publication, lang: Lang) -> Markup {
    html! {
        @if p.contoh {
            p.banner { (lang.pick("CONTOH — lomba peragaan; tanda tangan digitalnya tidak membuktikan apa pun.",
                                  "SAMPLE — a demonstration competition; its signatures prove nothing.")) }
        }
        @if r.sementara {
            p.banner { (provisional_title(lang)) " — " (lang.pick(
                "masih ada juri yang belum selesai menilai peserta yang boleh dinilainya.",
                "some judges have not yet finished entries they may score.")) }
        }
    }
}

fn stage_states(r: &Ranking, lang: Lang) -> Markup {
    let Some(staged) = &r.staged else {
        return html! {};
    };
    html! {
        h2 { (lang.pick("Tahap", "Stages")) }
        table {
            tr { th { (lang.pick("Tahap", "Stage")) } th { (lang.pick("Bobot", "Weight")) } th { (lang.pick("Keadaan", "State")) } }
            @for t in &staged.stages {
                tr {
                    td { (text(&t.nama)) " (" (text(&t.id)) ")" }
                    td.n { @match t.bobot { Some(b) => (decimal(b, 2, lang)), None => (lang.pick("syarat", "pass/fail")) } }
                    td { (if t.is_final { lang.pick("final", "final") } else { lang.pick("belum final", "not final") }) }
                }
            }
        }
    }
}

fn category_name(j: Option<JenisKelompok>, lang: Lang) -> &'static str {
    match j {
        Some(JenisKelompok::Opd) => lang.pick("Kategori OPD", "OPD category"),
        Some(JenisKelompok::Kelurahan) => lang.pick("Kategori kelurahan", "Kelurahan category"),
        None => lang.pick("Tanpa kategori", "No category"),
    }
}

/// What stands beside an entry's place: its Juara label, where it stopped, or nothing.
fn standing(row: &Row, lang: Lang) -> String {
    match (&row.juara, &row.berhenti_di) {
        (Some(j), _) => text(j),
        (None, Some(t)) => format!("{} {}", lang.pick("berhenti di", "stopped at"), text(t)),
        (None, None) => String::new(),
    }
}

fn optional(x: Option<f64>, places: usize, lang: Lang) -> String {
    x.map_or_else(|| "–".into(), |v| decimal(v, places, lang))
}

/// The ranking per category (`kelompok.jenis`): the Juara labels are given within each.
fn ranking_tables(r: &Ranking, p: &Publication, lang: Lang, detail: bool) -> Markup {
    let mut categories: Vec<Option<JenisKelompok>> = Vec::new();
    for row in &r.rows {
        if !categories.contains(&row.jenis) {
            categories.push(row.jenis);
        }
    }
    let stages: Vec<&str> = r
        .rows
        .iter()
        .flat_map(|row| row.nilai_tahap.keys().map(String::as_str))
        .fold(Vec::new(), |mut v, s| {
            if !v.contains(&s) {
                v.push(s);
            }
            v
        });
    let ordered: Vec<&str> = p
        .tahap
        .iter()
        .map(|t| t.id.as_str())
        .filter(|t| stages.contains(t))
        .collect();
    html! {
        @for c in &categories {
            h2 { (category_name(*c, lang)) }
            div.wide { table {
                tr {
                    th { (lang.pick("Peringkat", "Rank")) }
                    th { (lang.pick("Keterangan", "Standing")) }
                    th { (lang.pick("Peserta", "Entry")) }
                    th { (lang.pick("Indeks", "Index")) }
                    th { "0–100" }
                    th { (lang.pick("Predikat", "Band")) }
                    @if detail {
                        @for s in &ordered { th { (text(s)) } }
                        th { (lang.pick("Juri", "Judges")) }
                    }
                }
                @for row in r.rows.iter().filter(|row| row.jenis == *c) {
                    tr {
                        td.n { (super::place(row)) }
                        td { (standing(row, lang)) }
                        td {
                            strong { (text(&row.opd)) }
                            @if let Some((judul, _)) = p.peserta.get(&row.id) { br; (text(judul)) }
                        }
                        td.n { (optional(row.indeks, 2, lang)) }
                        td.n { (optional(row.nilai_100, 1, lang)) }
                        td { @if let Some((kode, label)) = &row.predikat { (text(kode)) " " (text(label)) } }
                        @if detail {
                            @for s in &ordered { td.n { (optional(row.nilai_tahap.get(*s).copied(), 2, lang)) } }
                            td.n { (finished_of(row)) }
                        }
                    }
                }
            } }
        }
    }
}

fn awards(r: &Ranking, lang: Lang) -> Markup {
    let Some(staged) = r.staged.as_ref().filter(|s| !s.penghargaan.is_empty()) else {
        return html! {};
    };
    let opd_of = |id: &str| {
        r.rows
            .iter()
            .find(|row| row.id == id)
            .map_or_else(|| text(id), |row| text(&row.opd))
    };
    html! {
        h2 { (lang.pick("Penghargaan khusus", "Special awards")) }
        ul {
            @for a in &staged.penghargaan {
                li {
                    strong { (text(&a.nama)) } ": "
                    @if a.pemenang.is_empty() { (lang.pick("belum ada pemenang", "no winner yet")) }
                    (a.pemenang.iter().map(|w| opd_of(w)).collect::<Vec<_>>().join(", "))
                    @if let Some(v) = a.nilai { " (" (decimal(v, 2, lang)) ")" }
                }
            }
        }
    }
}

fn raw_of<'c>(ctx: &'c Context, stage: &StageInfo) -> Option<&'c super::RawStage> {
    ctx.raw.iter().find(|s| s.tahap == stage.id)
}

/// Per criterion of one stage, the mean of every score any judge gave any entry: the field.
fn field_means(ctx: &Context, stage: &StageInfo) -> Vec<Option<f64>> {
    let Some(raw) = raw_of(ctx, stage) else {
        return Vec::new();
    };
    stage
        .kriteria
        .iter()
        .map(|(k, _)| {
            let all: Vec<f64> = raw
                .sheets
                .iter()
                .flat_map(|(_, sheets)| sheets.values().filter_map(|s| s.skor.get(k).copied()))
                .collect();
            mean(&all)
        })
        .collect()
}

/// Per criterion of one stage: its name, the entry's mean score over its judges, and the field's
/// mean (from [`field_means`], made once per stage).
fn criterion_means(
    ctx: &Context,
    stage: &StageInfo,
    field: &[Option<f64>],
    entry: &str,
) -> Vec<(String, Option<f64>, Option<f64>)> {
    let Some(raw) = raw_of(ctx, stage) else {
        return Vec::new();
    };
    stage
        .kriteria
        .iter()
        .enumerate()
        .map(|(i, (k, nama))| {
            let mine: Vec<f64> = raw
                .sheets
                .iter()
                .filter_map(|(_, sheets)| sheets.get(entry)?.skor.get(k).copied())
                .collect();
            (nama.clone(), mean(&mine), field.get(i).copied().flatten())
        })
        .collect()
}

/// A small bar chart, drawn in grey and black so that it prints in black and white: a bar for the
/// entry's mean per criterion, a black line where the field's mean stands.
fn chart(rows: &[(String, Option<f64>, Option<f64>)], stage: &StageInfo, lang: Lang) -> Markup {
    const LABEL: f64 = 175.0;
    const BAR: f64 = 220.0;
    const ROW: f64 = 16.0;
    let span = (stage.maks - stage.min).max(f64::EPSILON);
    let x = |v: f64| LABEL + BAR * ((v - stage.min) / span).clamp(0.0, 1.0);
    let height = ROW * rows.len() as f64 + 4.0;
    let label = lang.pick("rata-rata semua peserta", "the field's mean");
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(LABEL + BAR + 50.0) height=(height) role="img"
            aria-label=(format!("{} — {}", text(&stage.nama), label)) {
            @for (i, (nama, mine, all)) in rows.iter().enumerate() {
                @let y = ROW * i as f64 + 2.0;
                text x="0" y=(y + 11.0) { (crate::text::fit(&text(nama), 28)) }
                rect x=(LABEL) y=(y + 2.0) width=(BAR) height="10" fill="none" stroke="#999" stroke-width="0.5" {}
                @if let Some(m) = mine {
                    rect x=(LABEL) y=(y + 2.0) width=(x(*m) - LABEL) height="10" fill="#8c8c8c" {}
                    text x=(LABEL + BAR + 4.0) y=(y + 11.0) { (decimal(*m, 2, lang)) }
                }
                @if let Some(a) = all {
                    line x1=(x(*a)) x2=(x(*a)) y1=(y) y2=(y + 14.0) stroke="#000" stroke-width="2" {}
                }
            }
        }
    }
}

fn charts(r: &Ranking, ctx: &Context, p: &Publication, lang: Lang) -> Markup {
    html! {
        h2 { (lang.pick("Nilai per kriteria", "Scores by criterion")) }
        p { (lang.pick("Batang: rata-rata nilai peserta dari para jurinya; garis hitam: rata-rata semua peserta tahap itu.",
                       "Bar: the entry's mean score from its judges; black line: the mean of every entry of that stage.")) }
        @let fields: Vec<Vec<Option<f64>>> = p.tahap.iter().map(|s| field_means(ctx, s)).collect();
        @for row in &r.rows {
            @for (stage, field) in p.tahap.iter().zip(&fields) {
                @let rows = criterion_means(ctx, stage, field, &row.id);
                @if rows.iter().any(|(_, mine, _)| mine.is_some()) {
                    figure {
                        figcaption { strong { (text(&row.opd)) } " · " (text(&stage.nama)) }
                        (chart(&rows, stage, lang))
                    }
                }
            }
        }
    }
}

/// The anchors for people (small print) and for `verify --jejak` (the ranking's JSON).
fn anchors(r: &Ranking, ctx: &Context, lang: Lang) -> Markup {
    // Nothing in the block can close it or open another: every `<` is written `\u003c`, which
    // JSON reads as the same character (it stands only inside strings).
    let json = super::json(r, ctx).replace('<', "\\u003c");
    html! {
        // The rules the result was computed under, and every amendment to them (spec §11).
        h2 { (amendment_heading(lang)) }
        p.small { (lang.pick("Sidik aturan", "Rules fingerprint")) ": " (ctx.aturan) }
        @if ctx.amendments.is_empty() {
            p.small { (lang.pick("Tidak ada perubahan aturan.", "No amendments.")) }
        } @else {
            ul.small {
                @for l in amendment_lines(ctx, lang) {
                    li { (text(&l)) }
                }
            }
        }
        h2 { (lang.pick("Jejak jurnal", "Journal anchors")) }
        p.small { (anchor_heading(lang)) }
        table.small {
            tr { th { (lang.pick("Juri", "Judge")) } th { (lang.pick("Baris", "Lines")) } th { "SHA-256" } }
            @for (j, (n, h)) in &ctx.jejak {
                tr { td { (text(j)) } td.n { (n) } td { (h) } }
            }
        }
        (PreEscaped(ANCHOR_BLOCK_OPEN)) (PreEscaped(json)) (PreEscaped("</script>"))
    }
}

fn header(p: &Publication, lang: Lang) -> Markup {
    html! {
        h1 { (text(&p.nama)) }
        p.meta { (text(&p.penyelenggara)) }
        p.meta { (text(&p.tempat)) ", " (date_written(p.tanggal, lang)) }
    }
}

/// `rank --output hasil.html`: the result page.
pub fn results_page(r: &Ranking, ctx: &Context, p: &Publication, lang: Lang) -> String {
    let title = format!(
        "{} — {}",
        text(&p.nama),
        match r.staged.as_ref().map(|s| s.tahap.as_deref()) {
            Some(Some(t)) => format!(
                "{} {}",
                lang.pick("peringkat tahap", "ranking of stage"),
                text(t)
            ),
            Some(None) => lang.pick("hasil akhir", "final result").into(),
            None => lang.pick("peringkat", "ranking").into(),
        }
    );
    let body = html! {
        (banners(r, p, lang))
        (header(p, lang))
        p { strong { (title) } }
        (stage_states(r, lang))
        (ranking_tables(r, p, lang, true))
        (awards(r, lang))
        h2 { (lang.pick("Tim juri", "Judging panel")) }
        table {
            tr { th { (lang.pick("Juri", "Judge")) } th { (lang.pick("Nama", "Name")) } th { "OPD" } }
            @for j in &p.juri { tr { td { (text(&j.id)) } td { (text(&j.nama)) } td { (text(&j.opd)) } } }
        }
        (charts(r, ctx, p, lang))
        (anchors(r, ctx, lang))
    };
    page(lang, &title, body)
}

/// `tulta berita-acara`: the result laid out for A4, with the opening sentence, signature blocks
/// for every judge and the coordinator, and the anchors in small print.
pub fn berita_acara(
    r: &Ranking,
    ctx: &Context,
    p: &Publication,
    nomor: Option<&str>,
    lang: Lang,
) -> String {
    let d = p.tanggal;
    let (title, heading) = match lang {
        Lang::Id => (
            "Berita Acara Hasil Penilaian",
            "BERITA ACARA HASIL PENILAIAN",
        ),
        Lang::En => (
            "Minutes of the Judging Result",
            "MINUTES OF THE JUDGING RESULT",
        ),
    };
    let judged = r.rows.iter().filter(|row| !row.juri.is_empty()).count();
    let stages: Vec<String> = p.tahap.iter().map(|t| text(&t.nama)).collect();
    let (day, date, month, year) = (
        day_name(d, lang),
        match lang {
            Lang::Id => spelled(u64::try_from(d.day()).unwrap_or(0), lang),
            Lang::En => ordinal(d.day()),
        },
        month_name(d.month(), lang),
        spelled(u64::try_from(d.year()).unwrap_or(0), lang),
    );
    let (place, name, stages, by, rules) = (
        text(&p.tempat),
        text(&p.nama),
        stages.join(", "),
        text(&p.penyelenggara),
        text(&ctx.aturan),
    );
    let opening = match lang {
        Lang::Id => format!(
            "Pada hari ini {day} tanggal {date} bulan {month} tahun {year}, bertempat di {place}, kami \
             yang bertanda tangan di bawah ini, Tim Juri {name}, telah melaksanakan penilaian terhadap \
             {judged} risalah budaya kerja peserta ({stages}), sesuai dengan aturan lomba yang \
             ditetapkan oleh {by} (sidik aturan {rules}), dengan hasil sebagai berikut:"
        ),
        Lang::En => format!(
            "On this day, {day} the {date} of {month} in the year {year}, at {place}, we the \
             undersigned, the Judging Panel of {name}, have judged {judged} work-culture reports \
             ({stages}), under the competition rules set by {by} (rules fingerprint {rules}), with \
             the following result:"
        ),
    };
    let body = html! {
        @if r.sementara { div.draf aria-hidden="true" { (lang.pick("DRAF", "DRAFT")) } }
        (banners(r, p, lang))
        h1 style="text-align:center" { (heading) br; (text(&p.nama).to_uppercase()) }
        p style="text-align:center" { (lang.pick("Nomor", "Number")) ": " (nomor.map_or_else(|| "……………………".into(), text)) }
        p style="text-align:justify" { (opening) }
        (ranking_tables(r, p, lang, false))
        (awards(r, lang))
        p { (lang.pick("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
                       "These minutes were drawn up truthfully, to be used as is proper.")) }
        p { (text(&p.tempat)) ", " (date_written(d, lang)) }
        p { strong { (lang.pick("Tim Juri", "Judging Panel")) } }
        div.sign {
            @for (i, j) in p.juri.iter().enumerate() {
                div {
                    (lang.pick("Juri", "Judge")) " " (i + 1)
                    div.line {}
                    strong { (text(&j.nama)) } br;
                    (text(&j.opd))
                }
            }
        }
        p style="margin-top:2em" { strong { (lang.pick("Mengetahui, penyelenggara", "Acknowledged by the organiser")) } }
        div.sign {
            div {
                (text(&p.penyelenggara))
                div.line {}
                (lang.pick("Nama dan NIP:", "Name and staff number:"))
            }
        }
        (anchors(r, ctx, lang))
    };
    page(lang, &format!("{title} — {}", text(&p.nama)), body)
}

/// The anchors block of an HTML file, if it has exactly one: the JSON inside it.
pub fn anchor_block(html: &str) -> Option<&str> {
    let mut blocks = html.match_indices(ANCHOR_BLOCK_OPEN);
    let (at, _) = blocks.next()?;
    if blocks.next().is_some() {
        return None;
    }
    let rest = &html[at + ANCHOR_BLOCK_OPEN.len()..];
    rest.find("</script>").map(|end| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_are_written_as_a_berita_acara_writes_them() {
        assert_eq!(spelled(2026, Lang::Id), "Dua Ribu Dua Puluh Enam");
        assert_eq!(spelled(5, Lang::Id), "Lima");
        assert_eq!(spelled(11, Lang::Id), "Sebelas");
        assert_eq!(spelled(17, Lang::Id), "Tujuh Belas");
        assert_eq!(
            spelled(1945, Lang::Id),
            "Seribu Sembilan Ratus Empat Puluh Lima"
        );
        assert_eq!(spelled(100, Lang::Id), "Seratus");
        assert_eq!(spelled(31, Lang::En), "Thirty-One");
        assert_eq!(spelled(2026, Lang::En), "Two Thousand Twenty-Six");
        assert_eq!(
            [1, 2, 3, 11, 12, 13, 21, 22, 31].map(ordinal).join(" "),
            "1st 2nd 3rd 11th 12th 13th 21st 22nd 31st"
        );
        let d = jiff::civil::date(2026, 12, 5);
        assert_eq!(day_name(d, Lang::Id), "Sabtu");
        assert_eq!(date_written(d, Lang::Id), "5 Desember 2026");
        assert_eq!(date_written(d, Lang::En), "5 December 2026");
    }

    #[test]
    fn only_one_anchor_block_is_read() {
        let one = format!("<p>x</p>{ANCHOR_BLOCK_OPEN}{{\"jejak\":{{}}}}</script>");
        assert_eq!(anchor_block(&one), Some("{\"jejak\":{}}"));
        let two = format!("{one}{one}");
        assert_eq!(anchor_block(&two), None);
    }
}
