//! Small YAML files of the app's own — the config and themes — read into plain structs. Same
//! limits as risalah files, so a hostile config cannot hang the app either.

use super::load::{load, Stop};
use crate::i18n::{Lang, Localized};
use serde::de::DeserializeOwned;

/// Config and theme files are a few hundred bytes; anything much larger is a mistake.
const MAX_SETTINGS_BYTES: usize = 256 * 1024;

/// Why a settings file cannot be read (or a value written). Each says where, when it is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    TooLarge {
        kib: usize,
    },
    Syntax {
        detail: String,
        line: usize,
        column: usize,
    },
    TooDeep {
        line: usize,
        column: usize,
    },
    TooManyAliases {
        line: usize,
        column: usize,
    },
    /// serde_yaml's own words (a key of the wrong type, say), which are English.
    Invalid(String),
}

impl Localized for SettingsError {
    fn message(&self, lang: Lang) -> String {
        use SettingsError::*;
        match (self, lang) {
            (TooLarge { kib }, Lang::Id) => format!("lebih besar dari {kib} KiB"),
            (TooLarge { kib }, Lang::En) => format!("larger than {kib} KiB"),
            (
                Syntax {
                    detail,
                    line,
                    column,
                },
                Lang::Id,
            ) => {
                // The parser's detail is English: the Indonesian sentence says what and where first.
                format!("YAML tidak sah pada {line}:{column}: {detail}")
            }
            (
                Syntax {
                    detail,
                    line,
                    column,
                },
                Lang::En,
            ) => format!("{detail} at {line}:{column}"),
            (TooDeep { line, column }, Lang::Id) => {
                format!("bersarang terlalu dalam pada {line}:{column}")
            }
            (TooDeep { line, column }, Lang::En) => {
                format!("nested too deeply at {line}:{column}")
            }
            (TooManyAliases { line, column }, Lang::Id) => {
                format!("alias mengembang terlalu jauh pada {line}:{column}")
            }
            (TooManyAliases { line, column }, Lang::En) => {
                format!("aliases expand too far at {line}:{column}")
            }
            (Invalid(detail), Lang::Id) => format!("isinya tidak sesuai: {detail}"),
            (Invalid(detail), Lang::En) => detail.clone(),
        }
    }
}

crate::localized_error!(SettingsError);

/// Reads a settings file; the error names what is wrong (with line and column when known).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, SettingsError> {
    guard(text)?;
    serde_yaml::from_str(text).map_err(|e| SettingsError::Invalid(e.to_string()))
}

/// Like [`parse`], but keys the type does not know are left out and named (`a.b` for nested
/// ones) instead of failing the whole file: one stray key must not cost the user every setting.
pub fn parse_lenient<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<String>), SettingsError> {
    guard(text)?;
    let mut unknown = Vec::new();
    let value = serde_ignored::deserialize(serde_yaml::Deserializer::from_str(text), |path| {
        unknown.push(path.to_string())
    })
    .map_err(|e| SettingsError::Invalid(e.to_string()))?;
    Ok((value, unknown))
}

fn guard(text: &str) -> Result<(), SettingsError> {
    if text.len() > MAX_SETTINGS_BYTES {
        return Err(SettingsError::TooLarge {
            kib: MAX_SETTINGS_BYTES / 1024,
        });
    }
    if let Err(stop) = load(text, super::LIMITS) {
        return Err(match stop {
            Stop::Syntax { pos, detail } => SettingsError::Syntax {
                detail,
                line: pos.line,
                column: pos.column,
            },
            Stop::TooDeep { pos } => SettingsError::TooDeep {
                line: pos.line,
                column: pos.column,
            },
            Stop::TooManyAliases { pos } => SettingsError::TooManyAliases {
                line: pos.line,
                column: pos.column,
            },
        });
    }
    Ok(())
}

/// Writes a settings value as YAML.
pub fn to_text<T: serde::Serialize>(value: &T) -> Result<String, SettingsError> {
    serde_yaml::to_string(value).map_err(|e| SettingsError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Conf {
        bahasa: Option<String>,
    }

    #[test]
    fn reads_and_refuses_clearly() {
        assert_eq!(
            parse::<Conf>("bahasa: en\n"),
            Ok(Conf {
                bahasa: Some("en".into())
            })
        );
        assert!(parse::<Conf>("bahasa: [\n").is_err());
        assert!(parse::<Conf>(&"[".repeat(10_000)).is_err());
        assert!(parse::<Conf>("- a\n").is_err());
    }

    #[test]
    fn a_refusal_is_said_in_both_languages() {
        // Deeper than the limit, within what the YAML parser itself accepts.
        let deep = parse::<Conf>(&"[".repeat(200)).expect_err("too deep");
        assert!(deep
            .message(Lang::Id)
            .starts_with("bersarang terlalu dalam pada 1:"));
        assert!(deep
            .message(Lang::En)
            .starts_with("nested too deeply at 1:"));
        let broken = parse::<Conf>("bahasa: [\n").expect_err("syntax");
        assert!(
            broken.message(Lang::Id).starts_with("YAML tidak sah pada "),
            "{broken}"
        );
        assert!(broken.message(Lang::En).contains(" at "), "{broken}");
        let big = parse::<Conf>(&"#".repeat(300 * 1024)).expect_err("too large");
        assert_eq!(big.message(Lang::Id), "lebih besar dari 256 KiB");
        assert_eq!(big.message(Lang::En), "larger than 256 KiB");
    }

    #[test]
    fn lenient_reading_keeps_known_keys_and_names_the_rest() {
        let (conf, unknown) =
            parse_lenient::<Conf>("keys: {a: 1}\nbahasa: en\nwarna: biru\n").expect("parses");
        assert_eq!(conf.bahasa.as_deref(), Some("en"));
        assert_eq!(unknown, vec!["keys".to_string(), "warna".to_string()]);
        assert!(parse_lenient::<Conf>(&"[".repeat(10_000)).is_err());
    }
}
