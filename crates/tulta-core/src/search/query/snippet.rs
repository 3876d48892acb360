//! Snippets: the stretch of a field that matched, with the matched words marked, and how a
//! stored text is squeezed into one line for them.

use super::{QueryTerms, SNIPPET_CHARS};
use crate::search::analyzer;
use crate::search::schema::{Fields, PIECE_SEP};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

/// A snippet: plain text and the byte ranges of the matched words in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The text in pieces, each marked whether it is a highlight, with its control characters
    /// shown, never passed on (see [`crate::text::printable`]).
    fn pieces(&self) -> Vec<(bool, std::borrow::Cow<'_, str>)> {
        use crate::text::printable;
        let mut out = Vec::with_capacity(2 * self.highlights.len() + 1);
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at || r.end > self.text.len() {
                continue;
            }
            out.push((false, printable(&self.text[at..r.start])));
            out.push((true, printable(&self.text[r.clone()])));
            at = r.end;
        }
        out.push((false, printable(&self.text[at..])));
        out
    }

    /// The text with each highlight between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        for (lit, piece) in self.pieces() {
            if lit {
                out.push_str(open);
            }
            out.push_str(&piece);
            if lit {
                out.push_str(close);
            }
        }
        out
    }

    /// The text as shown, and where each highlight lies in it as `[start, end)` counted in
    /// characters (Unicode scalar values, as Python's `str` and Rust's `chars` count): what a
    /// script needs to mark the words itself, with no markup inside the text.
    pub fn positioned(&self) -> (String, Vec<[usize; 2]>) {
        let mut text = String::with_capacity(self.text.len());
        let mut ranges = Vec::with_capacity(self.highlights.len());
        let mut chars = 0;
        for (lit, piece) in self.pieces() {
            let n = piece.chars().count();
            if lit {
                ranges.push([chars, chars + n]);
            }
            chars += n;
            text.push_str(&piece);
        }
        (text, ranges)
    }

    /// The highlighted words, in order.
    pub fn words(&self) -> Vec<&str> {
        self.highlights
            .iter()
            .filter_map(|r| self.text.get(r.clone()))
            .collect()
    }
}

/// One snippet generator per field that can be shown, from the query's terms for that field.
pub(super) struct Generators {
    pub(super) by_field: HashMap<Field, SnippetGenerator>,
}

impl Generators {
    pub(super) fn new(
        searcher: &Searcher,
        f: &Fields,
        terms: &QueryTerms,
    ) -> tantivy::Result<Generators> {
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

    pub(super) fn snippet(&self, field: Field, text: &str) -> Snippet {
        let Some(generator) = self.by_field.get(&field) else {
            return Snippet::default();
        };
        let s = generator.snippet(text);
        if s.is_empty() {
            // Nothing of the query in this text: its opening is the best summary.
            return Snippet {
                text: squeeze(&crate::text::fit(text, SNIPPET_CHARS)).0,
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

/// Collapses runs of whitespace into single spaces and a run that holds a piece separator into
/// " · ", and gives a function from byte offsets in the input to offsets in the output.
#[allow(clippy::type_complexity)]
pub(super) fn squeeze(text: &str) -> (String, Box<dyn Fn(usize) -> Option<usize>>) {
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
