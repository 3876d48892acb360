//! The texts behind each code: a one-line hint, and the long explanation `tulta explain` prints with
//! a wrong and a right example. The texts live in `explain/` as plain files, built into the binary.

use super::code::Code;
use crate::i18n::Lang;

const HINTS: &str = include_str!("explain/hints.tsv");

/// The one-line hint for a code, in a language.
pub fn hint(code: Code, lang: Lang) -> Option<&'static str> {
    HINTS.lines().skip(1).find_map(|line| {
        let mut cols = line.split('\t');
        (cols.next()? == code.as_str()).then_some(())?;
        let id = cols.next()?;
        let en = cols.next()?;
        Some(lang.pick(id, en).trim())
    })
}

macro_rules! texts {
    ($($code:ident),* $(,)?) => {
        /// (Indonesian text, English text, wrong YAML, right YAML)
        fn texts(code: Code) -> (&'static str, &'static str, &'static str, &'static str) {
            match code {
                $(Code::$code => (
                    include_str!(concat!("explain/", stringify!($code), ".id.md")),
                    include_str!(concat!("explain/", stringify!($code), ".en.md")),
                    include_str!(concat!("explain/", stringify!($code), ".wrong.yaml")),
                    include_str!(concat!("explain/", stringify!($code), ".right.yaml")),
                )),*
            }
        }
    };
}

texts!(
    T001, T002, T003, T004, T005, T006, T007, T101, T102, T103, T104, T201, T202, T203, T204, T205,
    T206, T207, T208, T209, T210, T301, T302, T303, T304, T305, T306, T307, T308, T309, T105, T211,
    T310, T311, T401, T402, T403, T404, T106, T008,
);

/// What `tulta explain CODE` prints.
pub fn explain(code: Code, lang: Lang) -> String {
    let (id, en, wrong, right) = texts(code);
    let severity = match (code.severity(), lang) {
        (super::Severity::Error, Lang::Id) => "galat",
        (super::Severity::Warning, Lang::Id) => "peringatan",
        (s, _) => s.as_str(),
    };
    let mut out = format!("{code} ({severity})\n\n{}\n", lang.pick(id, en).trim_end());
    if let Some(h) = hint(code, lang) {
        out.push_str(&format!("\n{}: {h}\n", lang.pick("Saran", "Hint")));
    }
    out.push_str(&format!(
        "\n{}\n{}\n\n{}\n{}\n",
        lang.pick("Salah:", "Wrong:"),
        indent(wrong),
        lang.pick("Benar:", "Right:"),
        indent(right)
    ));
    out
}

fn indent(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_hint_and_an_explanation_in_both_languages() {
        for &code in Code::ALL {
            for lang in [Lang::Id, Lang::En] {
                let hint = hint(code, lang);
                assert!(hint.is_some_and(|h| !h.is_empty()), "{code} {lang:?} hint");
                let text = explain(code, lang);
                assert!(text.len() > 200, "{code} {lang:?} explanation is too short");
            }
            let (id, en, wrong, right) = texts(code);
            assert_ne!(id.trim(), en.trim(), "{code}: translate the explanation");
            assert_ne!(
                wrong.trim(),
                right.trim(),
                "{code}: wrong and right examples differ"
            );
        }
    }
}
