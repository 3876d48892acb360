//! From a parsed YAML value to the model, reporting unknown keys (T003), wrong types (T004),
//! missing keys (T005) and unknown tools (T208) on the way. Lenient: one bad field never hides the
//! findings of the others.

use crate::diag::msg::Expected;
use crate::diag::{Finding, Msg, Path};
use crate::model::names::suggest;
use crate::model::risalah::*;
use serde_yaml::{Mapping, Value};

mod lomba;
pub(crate) mod risalah;
mod rubrik;

/// A mapping and where it stands.
struct Obj<'v> {
    map: &'v Mapping,
    at: Path,
}

#[derive(Default)]
pub struct Reader {
    pub findings: Vec<Finding>,
}

/// A short, language-neutral picture of a value for "must be X, not Y" messages.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("\"{short}…\"")
            } else {
                format!("\"{short}\"")
            }
        }
        Value::Sequence(_) => "[…]".into(),
        Value::Mapping(_) => "{…}".into(),
        Value::Tagged(t) => format!("!{}", t.tag),
    }
}

fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        other => describe(other),
    }
}

impl Reader {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    fn wrong(&mut self, at: Path, key: &str, expected: Expected, found: &Value) {
        self.push(Finding::value(
            at,
            Msg::WrongType {
                key: key.to_string(),
                expected,
                found: describe(found),
            },
        ));
    }

    /// T005: at the key when it is written with nothing after it (`id: ""`, `tema:`), else at
    /// the mapping that lacks it.
    fn missing(&mut self, o: &Obj, key: &str) {
        let at = if o.map.contains_key(key) {
            o.at.key(key)
        } else {
            o.at.clone()
        };
        self.push(Finding::key(
            at,
            Msg::MissingKey {
                key: key.to_string(),
            },
        ));
    }

    /// Opens `v` as a mapping with the given keys, reporting any other key.
    fn obj<'v>(&mut self, v: &'v Value, at: Path, name: &str, allowed: &[&str]) -> Option<Obj<'v>> {
        match v {
            Value::Mapping(map) => {
                for k in map.keys() {
                    let known = k.as_str().is_some_and(|s| allowed.contains(&s));
                    if !known {
                        let key = key_text(k);
                        let suggestion = suggest(&key, allowed.iter().copied()).map(String::from);
                        self.push(Finding::key(
                            at.key(&key),
                            Msg::UnknownKey { key, suggestion },
                        ));
                    }
                }
                Some(Obj { map, at })
            }
            other => {
                self.wrong(at, name, Expected::Mapping, other);
                None
            }
        }
    }

    /// A present, non-null value.
    fn get<'v>(o: &Obj<'v>, key: &str) -> Option<&'v Value> {
        o.map.get(key).filter(|v| !v.is_null())
    }

    fn scalar_text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    fn text(&mut self, o: &Obj, key: &str, required: bool) -> Option<String> {
        match Self::get(o, key) {
            Some(v) => match Self::scalar_text(v) {
                Some(s) if !s.is_empty() => Some(s),
                Some(_) => {
                    if required {
                        self.missing(o, key);
                    }
                    None
                }
                None => {
                    self.wrong(o.at.key(key), key, Expected::Text, v);
                    None
                }
            },
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn text_at(&mut self, o: &Obj, key: &str, required: bool) -> Option<Text> {
        self.text(o, key, required).map(|value| Text {
            value,
            at: o.at.key(key),
        })
    }

    fn number(&mut self, o: &Obj, key: &str, required: bool) -> Option<f64> {
        match Self::get(o, key) {
            Some(Value::Number(n)) => n.as_f64().filter(|x| x.is_finite()),
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::Number, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    /// A number, `.nan` and `.inf` included: rubric numbers are judged by T403, not dropped.
    fn number_any(&mut self, o: &Obj, key: &str, required: bool) -> Option<f64> {
        match Self::get(o, key) {
            Some(Value::Number(n)) => n.as_f64(),
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::Number, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn integer(&mut self, o: &Obj, key: &str, required: bool) -> Option<i64> {
        match Self::get(o, key) {
            Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64(),
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::Integer, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn choice(
        &mut self,
        o: &Obj,
        key: &str,
        required: bool,
        names: &'static [&'static str],
    ) -> Option<usize> {
        let raw = self.text(o, key, required)?;
        let found = names.iter().position(|n| *n == raw.to_lowercase());
        if found.is_none() {
            self.push(Finding::value(
                o.at.key(key),
                Msg::WrongType {
                    key: key.to_string(),
                    expected: Expected::OneOf(names),
                    found: format!("\"{raw}\""),
                },
            ));
        }
        found
    }

    /// A list; with `required`, an absent or empty list is reported.
    fn seq<'v>(&mut self, o: &Obj<'v>, key: &str, required: bool) -> Option<&'v [Value]> {
        match Self::get(o, key) {
            Some(Value::Sequence(items)) => {
                if required && items.is_empty() {
                    self.push(Finding::value(
                        o.at.key(key),
                        Msg::EmptyList {
                            key: key.to_string(),
                        },
                    ));
                }
                Some(items.as_slice())
            }
            Some(v) => {
                self.wrong(o.at.key(key), key, Expected::List, v);
                None
            }
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }

    fn texts(&mut self, o: &Obj, key: &str, required: bool) -> Vec<Text> {
        let at = o.at.key(key);
        let Some(items) = self.seq(o, key, required) else {
            return Vec::new();
        };
        self.text_items(items, &at, key)
    }

    fn text_items(&mut self, items: &[Value], at: &Path, key: &str) -> Vec<Text> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match Self::scalar_text(item) {
                Some(value) => out.push(Text {
                    value,
                    at: at.idx(i),
                }),
                None => self.wrong(at.idx(i), key, Expected::Text, item),
            }
        }
        out
    }

    fn numbers(&mut self, o: &Obj, key: &str, required: bool) -> Vec<f64> {
        let at = o.at.key(key);
        let Some(items) = self.seq(o, key, required) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.as_f64().filter(|x| x.is_finite()) {
                Some(x) => out.push(x),
                None => self.wrong(at.idx(i), key, Expected::Number, item),
            }
        }
        out
    }

    /// Each item of a list of mappings, opened with the given keys.
    fn objs<'v>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        required: bool,
        allowed: &[&str],
    ) -> Vec<Obj<'v>> {
        let at = o.at.key(key);
        let Some(items) = self.seq(o, key, required) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.obj(item, at.idx(i), key, allowed))
            .collect()
    }

    fn sub<'v>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        required: bool,
        allowed: &[&str],
    ) -> Option<Obj<'v>> {
        match Self::get(o, key) {
            Some(v) => self.obj(v, o.at.key(key), key, allowed),
            None => {
                if required {
                    self.missing(o, key);
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::risalah::is_iso_date;
    use super::*;

    #[test]
    fn describes_values_briefly() {
        assert_eq!(describe(&Value::String("abc".into())), "\"abc\"");
        assert_eq!(describe(&Value::Sequence(vec![])), "[…]");
    }

    #[test]
    fn iso_dates_must_exist() {
        assert!(is_iso_date("2026-02-28"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("2026-1-01"));
        assert!(!is_iso_date("1 Maret 2026"));
        assert!(!is_iso_date("２０２６-01-01"));
    }
}
