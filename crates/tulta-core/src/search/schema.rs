//! The index's fields (spec §7) and how a risalah becomes one tantivy document.

use super::analyzer;
use crate::model::risalah::{Risalah, ToolData};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};
use tantivy::TantivyDocument;

/// Bumped whenever fields, analysis or the document mapping change: an index written under another
/// version is rebuilt from the YAML, since its terms would not match what queries now produce.
pub(crate) const SCHEMA_VERSION: u32 = 3;

/// Between the pieces of a stored text (one idea, one cause, one action …), so that a snippet can
/// show where one ends and the next begins. Not a letter or digit: the tokenizer splits on it.
pub(crate) const PIECE_SEP: char = '\u{1f}';

/// Steps are numbered 1 to 7 (spec §2); each has its own field so a hit can name its step.
pub(crate) const STEPS: usize = 7;

/// Every field, by role.
#[derive(Clone, Debug)]
pub struct Fields {
    /// Path relative to the root: the key that `delete_term` uses.
    pub path: Field,
    pub sha256: Field,
    pub id: Field,
    pub judul: Field,
    pub tahun: Field,
    pub daerah: Field,
    pub opd: Field,
    pub kelompok: Field,
    pub jenis: Field,
    pub tema: Field,
    pub ringkasan: Field,
    pub nilai: Field,
    pub penyebab: Field,
    pub aksi: Field,
    pub standar: Field,
    /// What each evidence file (`lampiran`) shows, in the group's words.
    pub lampiran: Field,
    /// Tool ids and their aliases, analysed: `alat:pareto` and `alat:diagram_pareto` both work.
    pub alat: Field,
    /// Exact values for facet counts and filters by column.
    pub daerah_facet: Field,
    pub opd_facet: Field,
    pub alat_facet: Field,
    /// Index 0 is step 1.
    pub langkah: [Field; STEPS],
    /// Unstemmed words, docs only: the vocabulary a typo is corrected against.
    pub kata: Field,
}

/// A field users can name in `field:value`: what it stands for in the index, and which keys of
/// a risalah file (`key`, `kelompok.key`, `langkah.key`) its text comes from.
pub(crate) struct QueryField {
    name: &'static str,
    fields: fn(&Fields) -> Vec<Field>,
    // Read only by the test that holds this table against the reader's key lists.
    #[cfg_attr(not(test), allow(dead_code))]
    from: &'static [&'static str],
}

/// Every query field, in the order messages list them (then `langkah1`…`langkah7`). The one
/// table [`Fields::named`] resolves names with; a test holds it against the reader's key lists
/// ([`crate::format::read::risalah`]), so a key added to the format is either searched or listed in
/// `NOT_SEARCHED` on purpose.
pub(crate) const QUERY_FIELDS: &[QueryField] = &[
    QueryField {
        name: "id",
        fields: |f| vec![f.id],
        from: &["id"],
    },
    QueryField {
        name: "judul",
        fields: |f| vec![f.judul],
        from: &["judul"],
    },
    QueryField {
        name: "tahun",
        fields: |f| vec![f.tahun],
        from: &["tahun"],
    },
    QueryField {
        name: "daerah",
        fields: |f| vec![f.daerah],
        from: &["daerah"],
    },
    QueryField {
        name: "opd",
        fields: |f| vec![f.opd],
        from: &["opd"],
    },
    QueryField {
        name: "kelompok",
        fields: |f| vec![f.kelompok],
        from: &["kelompok.nama"],
    },
    QueryField {
        name: "jenis",
        fields: |f| vec![f.jenis],
        from: &["kelompok.jenis"],
    },
    QueryField {
        name: "tema",
        fields: |f| vec![f.tema],
        from: &["langkah.tema"],
    },
    QueryField {
        name: "ringkasan",
        fields: |f| vec![f.ringkasan],
        from: &["ringkasan"],
    },
    QueryField {
        name: "nilai",
        fields: |f| vec![f.nilai],
        from: &["nilai_budaya"],
    },
    QueryField {
        name: "penyebab",
        fields: |f| vec![f.penyebab],
        from: &["langkah.penyebab_dominan", "langkah.alat"],
    },
    QueryField {
        name: "aksi",
        fields: |f| vec![f.aksi],
        from: &["langkah.alat"],
    },
    QueryField {
        name: "standar",
        fields: |f| vec![f.standar],
        from: &["langkah.standar"],
    },
    QueryField {
        name: "lampiran",
        fields: |f| vec![f.lampiran],
        from: &["lampiran"],
    },
    QueryField {
        name: "alat",
        fields: |f| vec![f.alat],
        from: &["langkah.alat"],
    },
    QueryField {
        name: "langkah",
        fields: |f| f.langkah.to_vec(),
        from: &[
            "langkah.uraian",
            "langkah.tema",
            "langkah.target",
            "langkah.alat",
            "langkah.penyebab_dominan",
            "langkah.pelaksanaan",
            "langkah.hasil",
            "langkah.manfaat",
            "langkah.standar",
            "langkah.pemantauan",
            "langkah.tema_berikutnya",
            "lampiran",
        ],
    },
];

/// Risalah keys no query field reads: bookkeeping (format, numbers, dates, people, decrees) and
/// the presentation, which says nothing a search for an improvement would look for.
#[cfg(test)]
const NOT_SEARCHED: &[&str] = &[
    "format",
    "penyajian",
    "kelompok.fasilitator",
    "kelompok.ketua",
    "kelompok.anggota",
    "kelompok.sk",
    "kelompok.dibentuk",
    "kelompok.pertemuan",
    "langkah.nomor",
    "langkah.jadwal",
];

/// The names a query may use, as messages list them.
pub(crate) fn query_field_names() -> Vec<String> {
    QUERY_FIELDS
        .iter()
        .map(|q| q.name.to_string())
        .chain((1..=STEPS).map(|n| format!("langkah{n}")))
        .collect()
}

impl Fields {
    /// The fields a word without `field:` searches, with the weight of a match in each.
    pub fn defaults(&self) -> Vec<(Field, f32)> {
        let mut v = vec![
            (self.judul, 3.0),
            (self.tema, 2.0),
            (self.ringkasan, 1.0),
            (self.opd, 1.0),
            (self.daerah, 1.0),
            (self.kelompok, 1.0),
            (self.lampiran, 1.0),
        ];
        v.extend(self.langkah.iter().map(|f| (*f, 1.0)));
        v
    }

    /// The fields a `name:` prefix in a query stands for; `None` for an unknown name.
    pub fn named(&self, name: &str) -> Option<Vec<Field>> {
        let name = name.to_ascii_lowercase();
        if let Some(q) = QUERY_FIELDS.iter().find(|q| q.name == name) {
            return Some((q.fields)(self));
        }
        let n: usize = name.strip_prefix("langkah")?.parse().ok()?;
        (1..=STEPS).contains(&n).then(|| vec![self.langkah[n - 1]])
    }

    /// The step (1-7) a field holds, if it is a step field.
    pub(crate) fn step_of(&self, field: Field) -> Option<usize> {
        self.langkah.iter().position(|f| *f == field).map(|i| i + 1)
    }
}

fn text(stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer::STEMMED)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let kata_indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer::SURFACE)
        .set_index_option(IndexRecordOption::Basic);
    let mut langkah = Vec::with_capacity(STEPS);
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED | FAST),
        sha256: b.add_text_field("sha256", STRING | FAST),
        id: b.add_text_field("id", STRING | STORED),
        judul: b.add_text_field("judul", text(true)),
        tahun: b.add_i64_field(
            "tahun",
            NumericOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast(),
        ),
        daerah: b.add_text_field("daerah", text(true)),
        opd: b.add_text_field("opd", text(true)),
        kelompok: b.add_text_field("kelompok", text(true)),
        jenis: b.add_text_field("jenis", STRING | STORED | FAST),
        tema: b.add_text_field("tema", text(false)),
        ringkasan: b.add_text_field("ringkasan", text(true)),
        nilai: b.add_text_field("nilai", text(false)),
        penyebab: b.add_text_field("penyebab", text(false)),
        aksi: b.add_text_field("aksi", text(false)),
        standar: b.add_text_field("standar", text(false)),
        lampiran: b.add_text_field("lampiran", text(false)),
        alat: b.add_text_field("alat", text(false)),
        daerah_facet: b.add_text_field("daerah_facet", STRING | FAST),
        opd_facet: b.add_text_field("opd_facet", STRING | FAST),
        alat_facet: b.add_text_field("alat_facet", STRING | FAST),
        langkah: {
            for n in 1..=STEPS {
                langkah.push(b.add_text_field(&format!("langkah{n}"), text(true)));
            }
            let mut arr = [langkah[0]; STEPS];
            arr.copy_from_slice(&langkah);
            arr
        },
        kata: b.add_text_field(
            "kata",
            TextOptions::default().set_indexing_options(kata_indexing),
        ),
    };
    (b.build(), fields)
}

/// What identifies a file's version in the index.
pub struct FileKey<'a> {
    pub path: &'a str,
    pub sha256: &'a str,
}

/// Collects a step's pieces of text once each: check sheets and Pareto charts repeat the same labels,
/// which would only inflate term frequencies and snippets.
#[derive(Default)]
struct Pieces {
    seen: std::collections::HashSet<String>,
    out: String,
}

impl Pieces {
    fn add(&mut self, text: Option<&str>) {
        let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
            return;
        };
        if self.seen.insert(text.to_string()) {
            if !self.out.is_empty() {
                self.out.push(PIECE_SEP);
            }
            self.out.push_str(text);
        }
    }
}

/// Text pulled out of one step, for its own field and for the cross-step fields.
#[derive(Default)]
struct StepText {
    all: Pieces,
    causes: Vec<String>,
    actions: Vec<String>,
    standards: Vec<String>,
}

fn step_text(step: &crate::model::risalah::Langkah) -> StepText {
    let mut t = StepText::default();
    let p = &mut t.all;
    p.add(step.uraian.as_deref());
    p.add(step.tema.as_ref().map(|x| x.value.as_str()));
    if let Some(target) = &step.target {
        p.add(target.indikator.as_ref().map(|x| x.value.as_str()));
    }
    for alat in &step.alat {
        match &alat.data {
            ToolData::CurahPendapat { ide } => ide.iter().for_each(|i| p.add(Some(&i.value))),
            ToolData::LembarPeriksa { baris, .. } => {
                baris.iter().for_each(|b| p.add(b.butir.as_deref()))
            }
            ToolData::Pareto { butir } => butir.iter().for_each(|b| p.add(b.label.as_deref())),
            ToolData::SebabAkibat { akibat, kategori } => {
                p.add(akibat.as_deref());
                for k in kategori {
                    for c in &k.penyebab {
                        p.add(Some(&c.value));
                        t.causes.push(c.value.clone());
                    }
                }
            }
            ToolData::Tebar {
                label_x, label_y, ..
            } => {
                p.add(label_x.as_deref());
                p.add(label_y.as_deref());
            }
            ToolData::Grafik { seri, .. } => seri.iter().for_each(|s| p.add(s.label.as_deref())),
            ToolData::Rencana { aksi } => {
                for a in aksi {
                    p.add(a.penyebab.as_ref().map(|x| x.value.as_str()));
                    for u in a.unsur.iter().flatten() {
                        p.add(Some(u));
                    }
                    if let Some(apa) = &a.unsur[0] {
                        t.actions.push(apa.clone());
                    }
                }
            }
            ToolData::Alir { langkah } => langkah.iter().for_each(|l| p.add(Some(l))),
            ToolData::Matriks { calon, .. } => calon
                .iter()
                .for_each(|c| p.add(c.masalah.as_ref().map(|m| m.value.as_str()))),
            ToolData::Stratifikasi { faktor, baris, .. } => {
                p.add(faktor.as_deref());
                baris.iter().for_each(|b| p.add(b.butir.as_deref()));
            }
            ToolData::Histogram { .. } | ToolData::Unknown { .. } => {}
        }
    }
    for cause in step.penyebab_dominan.iter().flatten() {
        p.add(Some(&cause.value));
        t.causes.push(cause.value.clone());
    }
    for done in step.pelaksanaan.iter().flatten() {
        p.add(done.catatan.as_deref());
    }
    if let Some(h) = &step.hasil {
        p.add(h.indikator.as_ref().map(|x| x.value.as_str()));
    }
    if let Some(m) = &step.manfaat {
        p.add(m.lebih_cepat.as_deref());
        p.add(m.lebih_tepat.as_deref());
        p.add(m.lebih_murah.as_deref());
    }
    for s in step.standar.iter().flatten() {
        let line = [&s.jenis, &s.nomor, &s.judul]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        p.add(Some(&line));
        t.standards.push(line);
    }
    p.add(step.pemantauan.as_deref());
    p.add(step.tema_berikutnya.as_deref());
    t
}

/// The tantivy document of one risalah.
pub(crate) fn document(f: &Fields, key: &FileKey, r: &Risalah) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.path, key.path);
    doc.add_text(f.sha256, key.sha256);
    doc.add_text(f.id, r.id_str());
    let mut surface = String::new();
    let mut both = |doc: &mut TantivyDocument, field: Field, value: &str| {
        doc.add_text(field, value);
        surface.push_str(value);
        surface.push('\n');
    };
    if let Some(judul) = &r.judul {
        both(&mut doc, f.judul, judul);
    }
    if let Some(tahun) = r.tahun {
        doc.add_i64(f.tahun, tahun);
    }
    if let Some(daerah) = &r.daerah {
        both(&mut doc, f.daerah, daerah);
        doc.add_text(f.daerah_facet, daerah);
    }
    if let Some(opd) = &r.opd {
        both(&mut doc, f.opd, opd);
        doc.add_text(f.opd_facet, opd);
    }
    if let Some(k) = &r.kelompok {
        if let Some(nama) = &k.nama {
            both(&mut doc, f.kelompok, nama);
        }
    }
    if let Some(jenis) = r.jenis() {
        doc.add_text(f.jenis, jenis.as_str());
    }
    if let Some(ringkasan) = &r.ringkasan {
        both(&mut doc, f.ringkasan, ringkasan);
    }
    if !r.nilai_budaya.is_empty() {
        doc.add_text(f.nilai, r.nilai_budaya.join(&PIECE_SEP.to_string()));
    }
    let mut tools = Vec::new();
    for step in r.steps() {
        for alat in &step.alat {
            if let Some(kind) = alat.kind {
                if !tools.contains(&kind) {
                    tools.push(kind);
                }
            }
        }
        let text = step_text(step);
        if let Some(tema) = &step.tema {
            doc.add_text(f.tema, &tema.value);
        }
        for c in &text.causes {
            doc.add_text(f.penyebab, c);
        }
        for a in &text.actions {
            doc.add_text(f.aksi, a);
        }
        for s in &text.standards {
            doc.add_text(f.standar, s);
        }
        let Some(n) = step.nomor.filter(|n| (1..=STEPS as i64).contains(n)) else {
            continue;
        };
        let mut text = text;
        // A step's evidence reads as part of the step: a hit on it names the step.
        for l in r.lampiran.iter().filter(|l| l.langkah == Some(n)) {
            text.all.add(l.keterangan.as_deref());
        }
        if !text.all.out.is_empty() {
            both(&mut doc, f.langkah[n as usize - 1], &text.all.out);
        }
    }
    for l in &r.lampiran {
        if let Some(k) = &l.keterangan {
            doc.add_text(f.lampiran, k);
            surface.push_str(k);
            surface.push('\n');
        }
    }
    for kind in tools {
        doc.add_text(f.alat, kind.names().join(" "));
        doc.add_text(f.alat_facet, kind.id());
    }
    doc.add_text(f.kata, unique_words(&surface));
    doc
}

/// Each distinct word once: the vocabulary field needs no frequencies, and this keeps it small.
fn unique_words(text: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() >= 4 && seen.insert(word.to_lowercase()) {
            out.push_str(word);
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_field_resolves() {
        let (_, f) = build();
        for name in query_field_names() {
            assert!(f.named(&name).is_some(), "{name}");
        }
        assert!(f.named("langkah8").is_none());
        assert!(f.named("warna").is_none());
        assert_eq!(f.named("langkah").map(|v| v.len()), Some(STEPS));
    }

    /// Every key of the risalah format, as the reader knows it, with its path.
    fn risalah_keys() -> Vec<String> {
        use crate::format::read::risalah::{step_keys, KELOMPOK_KEYS, RISALAH_KEYS};
        let mut keys: Vec<String> = RISALAH_KEYS.iter().map(|k| k.to_string()).collect();
        keys.extend(KELOMPOK_KEYS.iter().map(|k| format!("kelompok.{k}")));
        keys.extend(step_keys(None).iter().map(|k| format!("langkah.{k}")));
        keys
    }

    #[test]
    fn the_query_fields_and_the_risalah_keys_do_not_drift() {
        let keys = risalah_keys();
        let read: Vec<&str> = QUERY_FIELDS
            .iter()
            .flat_map(|q| q.from.iter().copied())
            .collect();
        for source in read.iter().chain(NOT_SEARCHED) {
            assert!(
                keys.iter().any(|k| k == source),
                "`{source}` is not a risalah key any more"
            );
        }
        // A key with keys under it (kelompok, langkah) is covered by its children.
        for key in &keys {
            let covered = |s: &&str| *s == key || s.starts_with(&format!("{key}."));
            assert!(
                read.iter().any(covered) || NOT_SEARCHED.iter().any(covered),
                "risalah key `{key}` is neither searched (QUERY_FIELDS) nor in NOT_SEARCHED"
            );
        }
    }
}
