//! Small YAML files of the app's own — the config and themes — read into plain structs. Same
//! limits as risalah files, so a hostile config cannot hang the app either.

use super::spans::{SpanMap, Stop};
use serde::de::DeserializeOwned;

/// Config and theme files are a few hundred bytes; anything much larger is a mistake.
const MAX_SETTINGS_BYTES: usize = 256 * 1024;

/// Reads a settings file; the error is one line naming what is wrong (with line and column when known).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    guard(text)?;
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

/// Like [`parse`], but keys the type does not know are left out and named (`a.b` for nested
/// ones) instead of failing the whole file: one stray key must not cost the user every setting.
pub fn parse_lenient<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<String>), String> {
    guard(text)?;
    let mut unknown = Vec::new();
    let value = serde_ignored::deserialize(serde_yaml::Deserializer::from_str(text), |path| {
        unknown.push(path.to_string())
    })
    .map_err(|e| e.to_string())?;
    Ok((value, unknown))
}

fn guard(text: &str) -> Result<(), String> {
    if text.len() > MAX_SETTINGS_BYTES {
        return Err(format!("larger than {} KiB", MAX_SETTINGS_BYTES / 1024));
    }
    if let Err(stop) = SpanMap::build(text, super::LIMITS) {
        return Err(match stop {
            Stop::Syntax { pos, detail } => format!("{detail} at {}:{}", pos.line, pos.column),
            Stop::TooDeep { pos } => format!("nested too deeply at {}:{}", pos.line, pos.column),
            Stop::TooManyAliases { pos } => {
                format!("aliases expand too far at {}:{}", pos.line, pos.column)
            }
        });
    }
    Ok(())
}

/// Writes a settings value as YAML.
pub fn to_text<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
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
    fn lenient_reading_keeps_known_keys_and_names_the_rest() {
        let (conf, unknown) =
            parse_lenient::<Conf>("keys: {a: 1}\nbahasa: en\nwarna: biru\n").expect("parses");
        assert_eq!(conf.bahasa.as_deref(), Some("en"));
        assert_eq!(unknown, vec!["keys".to_string(), "warna".to_string()]);
        assert!(parse_lenient::<Conf>(&"[".repeat(10_000)).is_err());
    }
}
