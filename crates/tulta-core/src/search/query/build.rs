//! From the query people typed to a tantivy query: words analysed as the index analyses them,
//! phrases, `field:value`, year ranges, and the typo-forgiving pass over the index's vocabulary.

use super::{QueryError, FUZZY_MIN_CHARS, MAX_CORRECTIONS};
use crate::search::analyzer;
use crate::search::indexer::SearchError;
use crate::search::schema::Fields;
use std::collections::HashMap;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Searcher;

/// The index's unstemmed vocabulary: where a mistyped word finds what it was meant to be.
pub(super) struct Vocabulary<'a> {
    pub(super) searcher: &'a Searcher,
    pub(super) field: Field,
}

impl Vocabulary<'_> {
    /// Words of the index within one edit (a transposition counts as one) of `word`, most
    /// frequent first.
    pub(super) fn near(&self, word: &str) -> tantivy::Result<Vec<String>> {
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
pub(super) struct Builder<'a> {
    pub(super) fields: &'a Fields,
    pub(super) stemmed: TextAnalyzer,
    pub(super) surface: TextAnalyzer,
    pub(super) vocab: Option<&'a Vocabulary<'a>>,
    /// Positive terms per field (not those under NOT).
    pub(super) terms: Vec<(Field, Vec<Term>)>,
    /// Whether any word could get a fuzzy pass.
    pub(super) fuzzy_candidates: bool,
    pub(super) corrections: Vec<(String, Vec<String>)>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(fields: &'a Fields, vocab: Option<&'a Vocabulary<'a>>) -> Builder<'a> {
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

    pub(super) fn remember(&mut self, field: Field, term: Term) {
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
    pub(super) fn build(
        &mut self,
        ast: &UserInputAst,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        self.build_in(ast, true)
    }

    pub(super) fn build_in(
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

    pub(super) fn targets(&self, name: Option<&str>) -> Result<Vec<(Field, f32)>, QueryError> {
        match name {
            None => Ok(self.fields.defaults()),
            Some(name) => self
                .fields
                .named(name)
                .map(|v| v.into_iter().map(|f| (f, 1.0)).collect())
                .ok_or_else(|| QueryError::UnknownField(name.to_string())),
        }
    }

    pub(super) fn leaf(
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

    pub(super) fn literal(
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
pub(super) fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
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

pub(super) fn tokens_of(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    tokens(analyzer, text).into_iter().map(|(_, t)| t).collect()
}

pub(super) fn year(value: &str) -> Result<i64, QueryError> {
    value
        .trim()
        .parse()
        .map_err(|_| QueryError::NotAYear(value.to_string()))
}

pub(super) fn year_term(f: &Fields, value: &str) -> Result<Term, QueryError> {
    Ok(Term::from_field_i64(f.tahun, year(value)?))
}

/// `tahun:2023`, or a range written the short way: `tahun:2020-2023`, `tahun:2020..2023`.
pub(super) fn year_query(f: &Fields, value: &str) -> Result<Box<dyn Query>, QueryError> {
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
