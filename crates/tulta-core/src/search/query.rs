//! Queries as people type them — words, "phrases", `field:value`, AND/OR/NOT, year ranges — turned
//! into tantivy queries with our analysis, run against the last commit, and returned with the step
//! that matched and a highlighted snippet. A typo is forgiven by a second, fuzzy pass when the exact
//! one finds little.

use super::analyzer;
use super::indexer::{Archive, SearchError};
use super::schema::{Fields, PIECE_SEP};
use crate::i18n::Lang;
use std::collections::{BTreeMap, HashMap};
use std::ops::{Bound, Range};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, MoreLikeThisQuery, Occur,
    PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{
    self, Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption, Term, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument};

/// Fewer exact hits than this, and words of 4+ letters get a second, typo-forgiving pass.
const FEW: usize = 3;
/// Shortest word whose typos are forgiven: shorter words have too many neighbours at distance 1.
const FUZZY_MIN_CHARS: usize = 4;
/// Corrections tried per word: enough for a typo, few enough to keep the query fast and on topic.
const MAX_CORRECTIONS: usize = 8;
const SNIPPET_CHARS: usize = 160;

/// A query the user must fix: exit status 2, in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    Syntax,
    UnknownField(String),
    NotAYear(String),
    Unsupported(&'static str),
    UnknownId(String),
}

impl QueryError {
    pub fn text(&self, lang: Lang) -> String {
        let fields = super::schema::QUERY_FIELDS.join(", ");
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

/// A snippet: plain text and the byte ranges of the matched words in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The text with each highlight between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at || r.end > self.text.len() {
                continue;
            }
            out.push_str(&self.text[at..r.start]);
            out.push_str(open);
            out.push_str(&self.text[r.clone()]);
            out.push_str(close);
            at = r.end;
        }
        out.push_str(&self.text[at..]);
        out
    }

    /// The highlighted words, in order.
    pub fn words(&self) -> Vec<&str> {
        self.highlights
            .iter()
            .filter_map(|r| self.text.get(r.clone()))
            .collect()
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
pub fn in_step(text: &str) -> String {
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
    let searcher = searcher(archive)?;
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
    let query = BooleanQuery::new(vec![
        (Occur::Must, Box::new(mlt) as Box<dyn Query>),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(id_term, IndexRecordOption::Basic)),
        ),
    ]);
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
type QueryTerms = [(Field, Vec<Term>)];

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

/// One snippet generator per field that can be shown, from the query's terms for that field.
struct Generators {
    by_field: HashMap<Field, SnippetGenerator>,
}

impl Generators {
    fn new(searcher: &Searcher, f: &Fields, terms: &QueryTerms) -> tantivy::Result<Generators> {
        let mut by_field = HashMap::new();
        let shown = [f.judul, f.ringkasan]
            .into_iter()
            .chain(f.langkah.iter().copied());
        for field in shown {
            let mut words: BTreeMap<String, f32> = BTreeMap::new();
            for (term_field, field_terms) in terms {
                if *term_field != field {
                    continue;
                }
                for term in field_terms {
                    if let Some(text) = term.value().as_str() {
                        let df = searcher.doc_freq(term)? as f32;
                        words.insert(text.to_string(), 1.0 / (1.0 + df));
                    }
                }
            }
            let mut generator =
                SnippetGenerator::new(words, analyzer::stemmed(), field, SNIPPET_CHARS);
            generator.set_max_num_chars(SNIPPET_CHARS);
            by_field.insert(field, generator);
        }
        Ok(Generators { by_field })
    }

    fn snippet(&self, field: Field, text: &str) -> Snippet {
        let Some(generator) = self.by_field.get(&field) else {
            return Snippet::default();
        };
        let s = generator.snippet(text);
        if s.is_empty() {
            // Nothing of the query in this text: its opening is the best summary.
            return Snippet {
                text: squeeze(&truncate(text, SNIPPET_CHARS)).0,
                highlights: Vec::new(),
            };
        }
        let (text, map) = squeeze(s.fragment());
        let highlights = s
            .highlighted()
            .iter()
            .filter_map(|r| Some(map(r.start)?..map(r.end)?))
            .collect();
        Snippet { text, highlights }
    }
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Collapses runs of whitespace into single spaces and a run that holds a piece separator into
/// " · ", and gives a function from byte offsets in the input to offsets in the output.
#[allow(clippy::type_complexity)]
fn squeeze(text: &str) -> (String, Box<dyn Fn(usize) -> Option<usize>>) {
    const SEP: &str = " · ";
    let is_gap = |c: char| c.is_whitespace() || c == PIECE_SEP;
    let mut out = String::with_capacity(text.len());
    let mut map = vec![0usize; text.len() + 1];
    // Where the current gap's output starts, and whether it holds a separator.
    let mut gap: Option<(usize, bool)> = None;
    let trimmed_start = text.len() - text.trim_start_matches(is_gap).len();
    for (i, c) in text.char_indices() {
        for slot in map.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = out.len();
        }
        if i < trimmed_start {
            continue;
        }
        if is_gap(c) {
            match gap {
                None => {
                    gap = Some((out.len(), c == PIECE_SEP));
                    out.push_str(if c == PIECE_SEP { SEP } else { " " });
                }
                Some((start, false)) if c == PIECE_SEP => {
                    out.truncate(start);
                    out.push_str(SEP);
                    gap = Some((start, true));
                }
                Some(_) => {}
            }
        } else {
            out.push(c);
            gap = None;
        }
    }
    map[text.len()] = out.len();
    if let Some((start, _)) = gap {
        out.truncate(start);
    }
    let trimmed = out.len();
    (out, Box::new(move |i| map.get(i).map(|&o| o.min(trimmed))))
}

/// The index's unstemmed vocabulary: where a mistyped word finds what it was meant to be.
struct Vocabulary<'a> {
    searcher: &'a Searcher,
    field: Field,
}

impl Vocabulary<'_> {
    /// Words of the index within one edit (a transposition counts as one) of `word`, most
    /// frequent first.
    fn near(&self, word: &str) -> tantivy::Result<Vec<String>> {
        let fuzzy = FuzzyTermQuery::new(Term::from_field_text(self.field, word), 1, true);
        let automaton = fuzzy.automaton()?;
        let mut found: HashMap<String, u32> = HashMap::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(self.field)?;
            let mut stream = inverted.terms().search(&automaton).into_stream()?;
            while stream.advance() {
                if let Ok(text) = std::str::from_utf8(stream.key()) {
                    *found.entry(text.to_string()).or_default() += stream.value().doc_freq;
                }
            }
        }
        let mut v: Vec<(String, u32)> = found.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(v.into_iter()
            .map(|(w, _)| w)
            .take(MAX_CORRECTIONS)
            .collect())
    }
}

/// Turns the parsed query into a tantivy query, remembering the terms it searches for.
struct Builder<'a> {
    fields: &'a Fields,
    stemmed: TextAnalyzer,
    surface: TextAnalyzer,
    vocab: Option<&'a Vocabulary<'a>>,
    /// Positive terms per field (not those under NOT).
    terms: Vec<(Field, Vec<Term>)>,
    /// Whether any word could get a fuzzy pass.
    fuzzy_candidates: bool,
    corrections: Vec<(String, Vec<String>)>,
}

impl<'a> Builder<'a> {
    fn new(fields: &'a Fields, vocab: Option<&'a Vocabulary<'a>>) -> Builder<'a> {
        Builder {
            fields,
            stemmed: analyzer::stemmed(),
            surface: analyzer::surface(),
            vocab,
            terms: Vec::new(),
            fuzzy_candidates: false,
            corrections: Vec::new(),
        }
    }

    fn remember(&mut self, field: Field, term: Term) {
        match self.terms.iter_mut().find(|(f, _)| *f == field) {
            Some((_, v)) => {
                if !v.contains(&term) {
                    v.push(term)
                }
            }
            None => self.terms.push((field, vec![term])),
        }
    }

    /// `None`: the part matches no term at all (only function words, say) and is left out.
    fn build(&mut self, ast: &UserInputAst) -> Result<Option<Box<dyn Query>>, SearchError> {
        self.build_in(ast, true)
    }

    fn build_in(
        &mut self,
        ast: &UserInputAst,
        positive: bool,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        match ast {
            UserInputAst::Leaf(leaf) => self.leaf(leaf, positive),
            UserInputAst::Boost(inner, boost) => Ok(self
                .build_in(inner, positive)?
                .map(|q| Box::new(BoostQuery::new(q, boost.0 as f32)) as Box<dyn Query>)),
            UserInputAst::Clause(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, part) in parts {
                    // Words side by side must all match: what people expect of a search box.
                    let occur = occur.unwrap_or(Occur::Must);
                    let negated = occur == Occur::MustNot;
                    if let Some(q) = self.build_in(part, positive != negated)? {
                        clauses.push((occur, q));
                    }
                }
                if clauses.is_empty() {
                    return Ok(None);
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
                    return Ok(clauses.pop().map(|(_, q)| q));
                }
                Ok(Some(Box::new(BooleanQuery::new(clauses))))
            }
        }
    }

    fn targets(&self, name: Option<&str>) -> Result<Vec<(Field, f32)>, QueryError> {
        match name {
            None => Ok(self.fields.defaults()),
            Some(name) => self
                .fields
                .named(name)
                .map(|v| v.into_iter().map(|f| (f, 1.0)).collect())
                .ok_or_else(|| QueryError::UnknownField(name.to_string())),
        }
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        positive: bool,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        let f = self.fields;
        match leaf {
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            UserInputLeaf::Literal(lit) => self.literal(lit, positive),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => {
                let targets = self.targets(field.as_deref())?;
                if targets.iter().any(|(t, _)| *t != f.tahun) {
                    return Err(QueryError::Unsupported(
                        "rentang selain tahun / a range on a field other than tahun",
                    )
                    .into());
                }
                let bound = |b: &UserInputBound| -> Result<Bound<Term>, QueryError> {
                    Ok(match b {
                        UserInputBound::Inclusive(v) => Bound::Included(year_term(f, v)?),
                        UserInputBound::Exclusive(v) => Bound::Excluded(year_term(f, v)?),
                        UserInputBound::Unbounded => Bound::Unbounded,
                    })
                };
                Ok(Some(Box::new(RangeQuery::new(
                    bound(lower)?,
                    bound(upper)?,
                ))))
            }
            UserInputLeaf::Set { field, elements } => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for e in elements {
                    let lit = UserInputLiteral {
                        field_name: field.clone(),
                        phrase: e.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    if let Some(q) = self.literal(&lit, positive)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                Ok((!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
            }
            UserInputLeaf::Exists { .. } => {
                Err(QueryError::Unsupported("field:* (ada / exists)").into())
            }
            UserInputLeaf::Regex { .. } => Err(QueryError::Unsupported("regex").into()),
        }
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        positive: bool,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        let f = self.fields;
        let targets = self.targets(lit.field_name.as_deref())?;
        let phrase = lit.phrase.trim();
        if targets.len() == 1 && targets[0].0 == f.tahun {
            return Ok(Some(year_query(f, phrase)?));
        }
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Raw fields (id, jenis) match the value whole.
        for &(field, _) in targets.iter().filter(|(t, _)| *t == f.id || *t == f.jenis) {
            let value = if field == f.jenis {
                phrase.to_lowercase()
            } else {
                phrase.to_string()
            };
            let term = Term::from_field_text(field, &value);
            per_field.push((
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        let text_targets: Vec<(Field, f32)> = targets
            .into_iter()
            .filter(|(t, _)| *t != f.id && *t != f.jenis && *t != f.tahun)
            .collect();
        if !text_targets.is_empty() {
            let tokens = tokens(&mut self.stemmed, phrase);
            let word_like = lit.delimiter == Delimiter::None && tokens.len() == 1;
            let eligible = word_like
                && phrase.chars().count() >= FUZZY_MIN_CHARS
                && phrase.chars().all(char::is_alphabetic);
            self.fuzzy_candidates |= eligible && positive;
            let mut stems: Vec<String> = tokens
                .first()
                .map(|t| vec![t.1.clone()])
                .unwrap_or_default();
            if let (true, true, Some(vocab)) = (eligible, positive, self.vocab) {
                let surface = tokens_of(&mut self.surface, phrase);
                let typed = surface.first().cloned().unwrap_or_default();
                let near = vocab.near(&typed).map_err(|err| SearchError::Index {
                    path: String::new(),
                    err,
                })?;
                let near: Vec<String> = near.into_iter().filter(|w| *w != typed).collect();
                for w in &near {
                    let s = analyzer::stem(w).into_owned();
                    if !stems.contains(&s) {
                        stems.push(s);
                    }
                }
                self.corrections.push((phrase.to_string(), near));
            }
            for (field, boost) in text_targets {
                let q: Option<Box<dyn Query>> = if tokens.is_empty() {
                    None
                } else if word_like {
                    let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                    for s in &stems {
                        let term = Term::from_field_text(field, s);
                        if positive {
                            self.remember(field, term.clone());
                        }
                        alts.push((
                            Occur::Should,
                            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                        ));
                    }
                    if alts.len() == 1 {
                        alts.pop().map(|(_, q)| q)
                    } else {
                        Some(Box::new(BooleanQuery::new(alts)))
                    }
                } else {
                    let terms: Vec<(usize, Term)> = tokens
                        .iter()
                        .map(|(pos, text)| (*pos, Term::from_field_text(field, text)))
                        .collect();
                    if positive {
                        for (_, t) in &terms {
                            self.remember(field, t.clone());
                        }
                    }
                    if terms.len() == 1 {
                        terms.into_iter().next().map(|(_, t)| {
                            Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
                                as Box<dyn Query>
                        })
                    } else {
                        let mut pq = PhraseQuery::new_with_offset(terms);
                        pq.set_slop(lit.slop);
                        Some(Box::new(pq))
                    }
                };
                if let Some(q) = q {
                    let q: Box<dyn Query> = if (boost - 1.0).abs() > f32::EPSILON {
                        Box::new(BoostQuery::new(q, boost))
                    } else {
                        q
                    };
                    per_field.push((Occur::Should, q));
                }
            }
        }
        Ok(match per_field.len() {
            0 => None,
            1 => per_field.pop().map(|(_, q)| q),
            _ => Some(Box::new(BooleanQuery::new(per_field))),
        })
    }
}

/// (position, term text) of each token, positions relative to the first so phrases keep the gaps
/// that dropped function words leave.
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    use tantivy::tokenizer::TokenStream;
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.position, t.text.clone()));
    }
    if let Some(first) = out.first().map(|t| t.0) {
        for t in &mut out {
            t.0 -= first;
        }
    }
    out
}

fn tokens_of(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    tokens(analyzer, text).into_iter().map(|(_, t)| t).collect()
}

fn year(value: &str) -> Result<i64, QueryError> {
    value
        .trim()
        .parse()
        .map_err(|_| QueryError::NotAYear(value.to_string()))
}

fn year_term(f: &Fields, value: &str) -> Result<Term, QueryError> {
    Ok(Term::from_field_i64(f.tahun, year(value)?))
}

/// `tahun:2023`, or a range written the short way: `tahun:2020-2023`, `tahun:2020..2023`.
fn year_query(f: &Fields, value: &str) -> Result<Box<dyn Query>, QueryError> {
    let range = value
        .split_once("..")
        .or_else(|| value.split_once('-'))
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty());
    Ok(match range {
        Some((a, b)) => Box::new(RangeQuery::new(
            Bound::Included(year_term(f, a)?),
            Bound::Included(year_term(f, b)?),
        )),
        None => Box::new(TermQuery::new(
            year_term(f, value)?,
            IndexRecordOption::Basic,
        )),
    })
}

#[cfg(test)]
mod tests {
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
