//! Queries as people type them — words, "phrases", `field:value`, AND/OR/NOT, year ranges — turned
//! into tantivy queries with our analysis, run against the last commit, and returned with the step
//! that matched and a highlighted snippet. A typo is forgiven by a second, fuzzy pass when the exact
//! one finds little.

use crate::i18n::{Lang, Localized};
use crate::search::indexer::{Archive, SearchError};
use crate::search::schema::Fields;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, EmptyQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::query_grammar::{self};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

mod build;
mod snippet;

use build::{Builder, Vocabulary};
use snippet::Generators;
pub use snippet::Snippet;

/// Fewer exact hits than this, and words of 4+ letters get a second, typo-forgiving pass.
pub(super) const FEW: usize = 3;
/// Shortest word whose typos are forgiven: shorter words have too many neighbours at distance 1.
pub(super) const FUZZY_MIN_CHARS: usize = 4;
/// Corrections tried per word: enough for a typo, few enough to keep the query fast and on topic.
pub(super) const MAX_CORRECTIONS: usize = 8;
pub(super) const SNIPPET_CHARS: usize = 160;

/// A query the user must fix: exit status 2, in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    Syntax,
    UnknownField(String),
    NotAYear(String),
    Unsupported(&'static str),
    UnknownId(String),
}

impl Localized for QueryError {
    fn message(&self, lang: Lang) -> String {
        let fields = crate::search::schema::query_field_names().join(", ");
        match (self, lang) {
            (QueryError::Syntax, Lang::Id) => "kueri tidak dapat dibaca (tanda kutip atau kurung tidak berpasangan?)".into(),
            (QueryError::Syntax, Lang::En) => "cannot read the query (unbalanced quotes or brackets?)".into(),
            (QueryError::UnknownField(f), Lang::Id) => format!("medan `{f}` tidak dikenal; yang ada: {fields}"),
            (QueryError::UnknownField(f), Lang::En) => format!("unknown field `{f}`; known: {fields}"),
            (QueryError::NotAYear(v), Lang::Id) => format!("tahun `{v}` bukan angka tahun (contoh: tahun:2023, tahun:[2020 TO 2023], tahun:>=2021)"),
            (QueryError::NotAYear(v), Lang::En) => format!("year `{v}` is not a year (e.g. tahun:2023, tahun:[2020 TO 2023], tahun:>=2021)"),
            (QueryError::Unsupported(what), Lang::Id) => format!("{what} tidak didukung dalam kueri"),
            (QueryError::Unsupported(what), Lang::En) => format!("{what} is not supported in queries"),
            (QueryError::UnknownId(id), Lang::Id) => format!("tidak ada risalah dengan id `{id}` di indeks"),
            (QueryError::UnknownId(id), Lang::En) => format!("no risalah with id `{id}` in the index"),
        }
    }
}

impl From<QueryError> for SearchError {
    fn from(e: QueryError) -> Self {
        SearchError::Query(e)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: String,
    pub judul: String,
    pub opd: String,
    pub tahun: Option<i64>,
    pub skor: f32,
    /// The step (1-7) whose text matched best; `None` when only the title, summary or other
    /// fields matched.
    pub langkah: Option<usize>,
    pub cuplikan: Snippet,
    /// The file, relative to the reports root.
    pub path: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Words the typo-forgiving pass also searched for, per word typed.
    pub corrections: Vec<(String, Vec<String>)>,
}

/// A searcher on the index's last commit: opened fresh, so it sees what other processes committed.
fn searcher(archive: &Archive) -> Result<Searcher, SearchError> {
    let reader = archive
        .index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .map_err(|err| SearchError::Index {
            path: archive.dir().display().to_string(),
            err,
        })?;
    Ok(reader.searcher())
}

fn tantivy_err(archive: &Archive) -> impl Fn(tantivy::TantivyError) -> SearchError + '_ {
    move |err| SearchError::Index {
        path: archive.dir().display().to_string(),
        err,
    }
}

/// Runs `text` as a query and returns the best `limit` hits.
/// `langkah:3 antrean loket` as the README writes it: the other terms are searched in step 3
/// only (`langkah3:antrean langkah3:loket`), instead of looking for the digit 3 in every step.
/// Terms that already name a field, and the operators, are left alone.
pub(crate) fn in_step(text: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut step: Option<u8> = None;
    let mut rest = text.trim();
    while !rest.is_empty() {
        let end = if let Some(quoted) = rest.strip_prefix('"') {
            quoted.find('"').map_or(rest.len(), |i| i + 2)
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        let token = &rest[..end];
        match token
            .strip_prefix("langkah:")
            .and_then(|n| n.parse::<u8>().ok())
        {
            Some(n) if (1..=7).contains(&n) && step.is_none() => step = Some(n),
            _ => parts.push(token.to_string()),
        }
        rest = rest[end..].trim_start();
    }
    let Some(n) = step else {
        return text.to_string();
    };
    if parts.is_empty() {
        return text.to_string();
    }
    parts
        .into_iter()
        .map(|t| {
            let operator = matches!(t.as_str(), "AND" | "OR" | "NOT")
                || t.starts_with(['(', ')', '-', '+'])
                || t.ends_with(')');
            if operator || (t.contains(':') && !t.starts_with('"')) {
                t
            } else {
                format!("langkah{n}:{t}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn search(archive: &Archive, text: &str, limit: usize) -> Result<Results, SearchError> {
    let searcher = searcher(archive)?;
    let text = &in_step(text);
    let ast = query_grammar::parse_query(text).map_err(|_| QueryError::Syntax)?;
    let fields = &archive.fields;
    let mut exact = Builder::new(fields, None);
    let query = exact.build(&ast)?.unwrap_or_else(|| Box::new(EmptyQuery));
    let limit = limit.max(1);
    let (top, total) = searcher
        .search(
            &query,
            &(TopDocs::with_limit(limit).order_by_score(), Count),
        )
        .map_err(tantivy_err(archive))?;
    if total >= FEW.min(limit) || !exact.fuzzy_candidates {
        return collect(archive, &searcher, &exact.terms, top, total, Vec::new());
    }
    let vocab = Vocabulary {
        searcher: &searcher,
        field: fields.kata,
    };
    let mut fuzzy = Builder::new(fields, Some(&vocab));
    let query = fuzzy.build(&ast)?.unwrap_or_else(|| Box::new(EmptyQuery));
    if fuzzy.corrections.iter().all(|(_, c)| c.is_empty()) {
        return collect(archive, &searcher, &exact.terms, top, total, Vec::new());
    }
    let (top, total) = searcher
        .search(
            &query,
            &(TopDocs::with_limit(limit).order_by_score(), Count),
        )
        .map_err(tantivy_err(archive))?;
    let corrections = fuzzy
        .corrections
        .into_iter()
        .filter(|(_, c)| !c.is_empty())
        .collect();
    collect(archive, &searcher, &fuzzy.terms, top, total, corrections)
}

/// Reports like the one with `id` ("more like this"), best first, the report itself left out.
pub fn similar(archive: &Archive, id: &str, limit: usize) -> Result<Results, SearchError> {
    similar_within(archive, id, limit, "")
}

/// [`similar`] among the reports that `within` (a query, e.g. the filters on screen:
/// `tahun:2025 jenis:kelurahan`) matches; an empty `within` is every report.
pub fn similar_within(
    archive: &Archive,
    id: &str,
    limit: usize,
    within: &str,
) -> Result<Results, SearchError> {
    let searcher = searcher(archive)?;
    let within: Option<Box<dyn Query>> = if within.trim().is_empty() {
        None
    } else {
        let ast = query_grammar::parse_query(&in_step(within)).map_err(|_| QueryError::Syntax)?;
        Builder::new(&archive.fields, None).build(&ast)?
    };
    let f = &archive.fields;
    let id_term = Term::from_field_text(f.id, id);
    let (found, _) = searcher
        .search(
            &TermQuery::new(id_term.clone(), IndexRecordOption::Basic),
            &(TopDocs::with_limit(1).order_by_score(), Count),
        )
        .map_err(tantivy_err(archive))?;
    let Some((_, address)) = found.first() else {
        return Err(QueryError::UnknownId(id.to_string()).into());
    };
    let source: TantivyDocument = searcher.doc(*address).map_err(tantivy_err(archive))?;
    // Only what the reports are about: the title, theme, summary and steps; not where or when.
    let mut values = Vec::new();
    for field in [f.judul, f.ringkasan]
        .into_iter()
        .chain(f.langkah.iter().copied())
    {
        let texts: Vec<tantivy::schema::OwnedValue> = source
            .get_all(field)
            .filter_map(|v| v.as_str().map(|s| s.into()))
            .collect();
        if !texts.is_empty() {
            values.push((field, texts));
        }
    }
    let mlt = MoreLikeThisQuery::builder()
        .with_min_doc_frequency(2)
        .with_max_doc_frequency((searcher.num_docs() / 2).max(2))
        .with_min_term_frequency(1)
        .with_max_query_terms(30)
        .with_document_fields(values);
    let mut clauses = vec![
        (Occur::Must, Box::new(mlt) as Box<dyn Query>),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(id_term, IndexRecordOption::Basic)),
        ),
    ];
    clauses.extend(within.map(|q| (Occur::Must, q)));
    let query = BooleanQuery::new(clauses);
    let (top, total) = searcher
        .search(
            &query,
            &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
        )
        .map_err(tantivy_err(archive))?;
    collect(archive, &searcher, &[], top, total, Vec::new())
}

/// The distinct terms of a query, per field, that a hit can contain: what snippets highlight and
/// what decides the matched step.
pub(super) type QueryTerms = [(Field, Vec<Term>)];

fn collect(
    archive: &Archive,
    searcher: &Searcher,
    terms: &QueryTerms,
    top: Vec<(f32, DocAddress)>,
    total: usize,
    corrections: Vec<(String, Vec<String>)>,
) -> Result<Results, SearchError> {
    let f = &archive.fields;
    let generators = Generators::new(searcher, f, terms).map_err(tantivy_err(archive))?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address).map_err(tantivy_err(archive))?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let step = best_step(searcher, f, terms, address).map_err(tantivy_err(archive))?;
        let cuplikan = match step {
            Some(n) => generators.snippet(f.langkah[n - 1], &text(f.langkah[n - 1])),
            None => {
                let ringkasan = generators.snippet(f.ringkasan, &text(f.ringkasan));
                if ringkasan.highlights.is_empty() {
                    let judul = generators.snippet(f.judul, &text(f.judul));
                    if judul.highlights.is_empty() {
                        ringkasan
                    } else {
                        judul
                    }
                } else {
                    ringkasan
                }
            }
        };
        hits.push(Hit {
            id: text(f.id),
            judul: text(f.judul),
            opd: text(f.opd),
            tahun: doc.get_first(f.tahun).and_then(|v| v.as_i64()),
            skor: score,
            langkah: step,
            cuplikan,
            path: text(f.path),
        });
    }
    Ok(Results {
        total,
        hits,
        corrections,
    })
}

/// The step whose field holds the most telling query terms for this document: each term counts
/// its frequency there, weighted by its rarity across the index.
fn best_step(
    searcher: &Searcher,
    f: &Fields,
    terms: &QueryTerms,
    address: DocAddress,
) -> tantivy::Result<Option<usize>> {
    let segment = searcher.segment_reader(address.segment_ord);
    let total_docs = searcher.num_docs().max(1) as f32;
    let mut best: Option<(f32, usize)> = None;
    for (field, field_terms) in terms {
        let Some(step) = f.step_of(*field) else {
            continue;
        };
        let inverted = segment.inverted_index(*field)?;
        let mut score = 0.0;
        for term in field_terms {
            let Some(mut postings) = inverted.read_postings(term, IndexRecordOption::WithFreqs)?
            else {
                continue;
            };
            use tantivy::postings::Postings;
            use tantivy::DocSet;
            // `seek` may only move forward: the postings may already stand past this document.
            let at = if postings.doc() < address.doc_id {
                postings.seek(address.doc_id)
            } else {
                postings.doc()
            };
            if at == address.doc_id {
                let df = searcher.doc_freq(term)? as f32;
                let idf = (1.0 + total_docs / (1.0 + df)).ln();
                score += idf * (postings.term_freq() as f32).sqrt();
            }
        }
        if score > 0.0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, step));
        }
    }
    Ok(best.map(|(_, step)| step))
}

#[cfg(test)]
mod tests {
    use super::snippet::squeeze;
    use super::*;

    #[test]
    fn langkah_n_restricts_the_other_terms_to_that_step() {
        assert_eq!(
            in_step("langkah:3 antrean loket"),
            "langkah3:antrean langkah3:loket"
        );
        assert_eq!(
            in_step("antrean langkah:6 \"waktu tunggu\" tahun:2025 NOT loket"),
            "langkah6:antrean langkah6:\"waktu tunggu\" tahun:2025 NOT langkah6:loket"
        );
        assert_eq!(in_step("langkah3:antrean"), "langkah3:antrean");
        assert_eq!(in_step("langkah:9 antrean"), "langkah:9 antrean");
        assert_eq!(in_step("langkah:3"), "langkah:3");
    }

    #[test]
    fn squeeze_maps_offsets_through_collapsed_space() {
        let (out, map) = squeeze("  a\n\n  bc  ");
        assert_eq!(out, "a bc");
        assert_eq!(map(2), Some(0));
        assert_eq!(map(7), Some(2));
        assert_eq!(map(9), Some(4));
    }

    #[test]
    fn squeeze_shows_where_one_piece_ends_and_the_next_begins() {
        let (out, map) = squeeze("\u{1f} antrean lama \u{1f}\nloket\u{1f}");
        assert_eq!(out, "antrean lama · loket");
        assert_eq!(&out[map(2).unwrap()..map(9).unwrap()], "antrean");
        assert_eq!(&out[map(17).unwrap()..map(22).unwrap()], "loket");
    }

    #[test]
    fn marking_wraps_each_highlight() {
        let s = Snippet {
            text: "antrean di loket".into(),
            highlights: vec![0..7, 11..16],
        };
        assert_eq!(s.marked("[", "]"), "[antrean] di [loket]");
        assert_eq!(s.words(), ["antrean", "loket"]);
    }
}
