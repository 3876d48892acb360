//! Indonesian text analysis: words split on anything not a letter or digit, lower-cased, folded to
//! ASCII (so "Kecamatan Ciawi" and typed-without-accents names meet), a few function words dropped,
//! then stemmed with the Tala algorithm so that *melayani, dilayani, pelayanan, layanan* are one term.

use std::borrow::Cow;
use std::collections::HashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// The name the stemmed analyzer is registered under; stored in the schema, so changing what it
/// does means bumping [`super::schema::SCHEMA_VERSION`].
pub(crate) const STEMMED: &str = "tulta_id";
/// Lower-cased and folded but not stemmed: the vocabulary typos are corrected against.
pub(crate) const SURFACE: &str = "tulta_kata";

/// Words so frequent in risalah that they only cost index space and slow every query. Kept short on
/// purpose: "tidak", "belum", "kurang" carry meaning in problem statements and stay.
const STOP_WORDS: &[&str] = &[
    "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "dalam", "ini", "itu", "atau",
    "oleh", "sebagai", "juga", "akan", "telah", "sudah", "adalah", "para", "bagi", "serta",
];

/// Tokens longer than this are noise (hashes, base64, runs of dashes) and are dropped.
const MAX_TOKEN_BYTES: usize = 40;

/// The stemmed analyzer used for every free-text field.
pub(crate) fn stemmed() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|w| w.to_string()),
        ))
        .filter(IndonesianStemmer)
        .build()
}

/// The unstemmed analyzer of the typo vocabulary.
pub(crate) fn surface() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Stems one lower-cased, folded word. Public so query code and tests stem exactly as indexing does.
pub fn stem(word: &str) -> Cow<'_, str> {
    // Digits and codes ("5w1h", "2023", "ktp") are not Indonesian words; the Tala rules would strip
    // "-kan"-like endings from codes that happen to end that way.
    if word.len() < 4 || word.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(word);
    }
    let stemmed = tantivy_stemmers::algorithms::indonesian_tala(word);
    match restore_elided(word, &stemmed) {
        Some(root) => Cow::Owned(root),
        None => stemmed,
    }
}

/// Roots starting with k whose k the meng-/peng- prefix swallows ("mengumpulkan" from "kumpul").
/// Tala cannot tell them from vowel roots ("mengikuti" from "ikut"), so the common ones of
/// public-service writing are listed: keyed by what Tala leaves.
const K_ROOTS: &[(&str, &str)] = &[
    ("umpul", "kumpul"),
    ("irim", "kirim"),
    ("elola", "kelola"),
    ("embang", "kembang"),
    ("urang", "kurang"),
    ("erja", "kerja"),
    ("enal", "kenal"),
    ("eluar", "keluar"),
    ("endali", "kendali"),
    ("unjung", "kunjung"),
    ("ecek", "cek"),
];

/// Tala removes meN-/peN- but does not put back the consonant the prefix replaced: "menunggu" and
/// "penungguan" give "unggu" while "tunggu" stays "tunggu". This restores it, so that forms of one
/// root meet: t after men-/pen- (regular in Indonesian morphology), k after meng-/peng- for the
/// listed roots. `None` leaves Tala's answer as it is.
fn restore_elided(word: &str, stemmed: &str) -> Option<String> {
    let starts_with_vowel = |s: &str| s.starts_with(['a', 'e', 'i', 'o', 'u']);
    if stemmed == "lola" && word.starts_with("kelola") {
        // "kelola" itself loses its "ke-" as if it were the prefix.
        return Some("kelola".into());
    }
    if word.starts_with("meng") || word.starts_with("peng") {
        return K_ROOTS
            .iter()
            .find(|(tala, _)| *tala == stemmed)
            .map(|(_, root)| (*root).to_string());
    }
    let after_prefix = word.get(3..)?;
    if (word.starts_with("men") || word.starts_with("pen"))
        && starts_with_vowel(after_prefix)
        && starts_with_vowel(stemmed)
        && stemmed != word
    {
        return Some(format!("t{stemmed}"));
    }
    None
}

/// Every word of `text` as the index sees it.
#[cfg(test)]
fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// A tantivy token filter around [`stem`]. tantivy-stemmers' own wrapper targets an older
/// tokenizer API, so only its plain function is used.
#[derive(Clone, Copy, Debug, Default)]
pub struct IndonesianStemmer;

impl TokenFilter for IndonesianStemmer {
    type Tokenizer<T: Tokenizer> = StemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemmerFilter<T> {
        StemmerFilter {
            inner: tokenizer,
            cache: HashMap::new(),
        }
    }
}

/// Words remembered per analyzer before the memory is given back: a corpus's vocabulary is a few
/// tens of thousands of words, and Tala is a tenth of a cold build's time without this cache.
const STEM_CACHE_WORDS: usize = 100_000;

#[derive(Clone)]
pub struct StemmerFilter<T> {
    inner: T,
    /// Word → its stem when it differs from the word.
    cache: HashMap<String, Option<String>>,
}

impl<T: Tokenizer> Tokenizer for StemmerFilter<T> {
    type TokenStream<'a> = StemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() > STEM_CACHE_WORDS {
            self.cache = HashMap::new();
        }
        StemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
            text,
            previous_end: 0,
        }
    }
}

/// Positions skipped where one piece of a stored text ends and the next begins, so that a phrase
/// never runs from the end of one cause into the start of the next.
const PIECE_GAP: usize = 8;

pub struct StemmerStream<'a, S> {
    tail: S,
    cache: &'a mut HashMap<String, Option<String>>,
    text: &'a str,
    previous_end: usize,
}

impl<S: TokenStream> TokenStream for StemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let between = self.text.get(self.previous_end..token.offset_from);
        if between.is_some_and(|b| b.contains(super::schema::PIECE_SEP)) {
            // The tokenizer counts on from the position it last handed out, so the jump carries
            // over to every later token (the test below holds it to that).
            token.position += PIECE_GAP;
        }
        self.previous_end = token.offset_to;
        let stemmed = match self.cache.get(&token.text) {
            Some(known) => known.clone(),
            None => {
                let fresh = match stem(&token.text) {
                    Cow::Owned(s) => Some(s),
                    Cow::Borrowed(_) => None,
                };
                self.cache.insert(token.text.clone(), fresh.clone());
                fresh
            }
        };
        if let Some(stemmed) = stemmed {
            token.text = stemmed;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(word: &str) -> String {
        let t = terms(&mut stemmed(), word);
        assert_eq!(t.len(), 1, "{word} gave {t:?}");
        t[0].clone()
    }

    #[test]
    fn positions_jump_between_pieces() {
        let text = format!(
            "loket ramai{}antrean panjang",
            super::super::schema::PIECE_SEP
        );
        let mut analyzer = stemmed();
        let mut stream = analyzer.token_stream(&text);
        let mut positions = Vec::new();
        while stream.advance() {
            positions.push(stream.token().position);
        }
        assert_eq!(positions, [0, 1, 2 + PIECE_GAP, 3 + PIECE_GAP]);
    }

    #[test]
    fn the_forms_the_issue_names_meet() {
        for group in [
            &["melayani", "dilayani", "pelayanan", "layanan"][..],
            &["perbaikan", "memperbaiki", "diperbaiki"],
            &["penyebab", "menyebabkan", "penyebabnya"],
            &["mengumpulkan", "dikumpulkan", "pengumpulan", "kumpul"],
            &["menunggu", "penungguan", "tunggu", "ditunggu"],
            &["penerbitan", "menerbitkan", "terbit"],
            &["mengelola", "pengelolaan", "kelola", "dikelola"],
            &["mengirim", "pengiriman", "kirim", "dikirim"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| one(w)).collect();
            assert!(
                stems.windows(2).all(|w| w[0] == w[1]),
                "{group:?} -> {stems:?}"
            );
        }
    }

    #[test]
    fn vowel_roots_keep_their_vowel() {
        assert_eq!(one("mengikuti"), "ikut");
        assert_eq!(one("mengurus"), "urus");
        assert_eq!(one("pengantar"), "antar");
        assert_eq!(one("penuh"), "penuh");
    }

    #[test]
    fn case_and_accents_fold() {
        assert_eq!(one("PELAYANAN"), one("pelayanan"));
        assert_eq!(one("Café"), "cafe");
    }

    #[test]
    fn codes_and_numbers_are_left_alone() {
        assert_eq!(
            terms(&mut stemmed(), "5W1H 2023 KTP-el"),
            ["5w1h", "2023", "ktp", "el"]
        );
    }

    #[test]
    fn function_words_are_dropped_but_keep_their_place() {
        let mut a = stemmed();
        let mut stream = a.token_stream("antrean di loket");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().text.clone(), stream.token().position));
        }
        assert_eq!(seen, [("antre".to_string(), 0), ("loket".to_string(), 2)]);
    }
}
