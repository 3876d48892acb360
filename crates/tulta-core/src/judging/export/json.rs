//! A ranking as JSON for scripts: the §6 contract, and §8's stages, places and awards.

use super::*;

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

/// One amendment to the rules (spec §11).
#[derive(Serialize)]
struct JsonAmendment<'a> {
    nomor: usize,
    waktu: &'a str,
    lama: &'a str,
    baru: &'a str,
    /// What changed, in words (Indonesian, as the journal's own words are).
    isi: Vec<String>,
    alasan: &'a str,
}

/// `"jejak"`: each judge's anchor by id, the coordinator's under `koordinator` (no judge may take
/// that id) and the rules fingerprint under `aturan`.
#[derive(Serialize)]
struct JsonAnchors<'a> {
    #[serde(flatten)]
    juri: BTreeMap<&'a str, JsonAnchor<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    koordinator: Option<JsonAnchor<'a>>,
    aturan: &'a str,
}

#[derive(Serialize)]
struct JsonRanking<'a> {
    /// The schema's version (docs/schemas/rank.schema.json).
    versi: u32,
    lomba: &'a str,
    /// A demonstration (spec §11): present, and true, only then.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    contoh: bool,
    metode: &'static str,
    kategori: &'static str,
    sementara: bool,
    /// The rules fingerprint (spec §11) and the amendments made to the rules.
    aturan: &'a str,
    perubahan_aturan: Vec<JsonAmendment<'a>>,
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
    jejak: JsonAnchors<'a>,
}

pub fn json(r: &Ranking, ctx: &Context) -> String {
    let raw = raw_stages(r, ctx);
    let staged = r.staged.as_ref();
    let result = staged.filter(|s| s.tahap.is_none());
    let doc = JsonRanking {
        versi: crate::JSON_VERSION,
        lomba: ctx.lomba_id,
        contoh: ctx.contoh,
        metode: r.metode.as_str(),
        kategori: r.kategori.as_str(),
        sementara: r.sementara,
        aturan: &ctx.aturan,
        perubahan_aturan: ctx
            .amendments
            .iter()
            .map(|a| JsonAmendment {
                nomor: a.nomor,
                waktu: &a.waktu,
                lama: &a.lama,
                baru: &a.baru,
                isi: a.isi.iter().map(|c| c.describe(Lang::Id)).collect(),
                alasan: &a.alasan,
            })
            .collect(),
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
        jejak: JsonAnchors {
            juri: ctx
                .jejak
                .iter()
                .map(|(j, (n, h))| (j.as_str(), JsonAnchor { baris: *n, hash: h }))
                .collect(),
            koordinator: ctx
                .koordinator
                .as_ref()
                .map(|(n, h)| JsonAnchor { baris: *n, hash: h }),
            aturan: &ctx.aturan,
        },
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
    crate::text::json_escaped(serde_json::to_string_pretty(&doc).unwrap_or_default())
}
