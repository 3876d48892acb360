//! The one pass over a file's YAML: yaml-rust2's events become serde_yaml's `Value` (what the
//! readers walk), the span map (where each node stands) and the hostile-input limits, together.
//!
//! serde_yaml (libyaml underneath) is deprecated upstream and reported no positions of its own, so
//! every file with findings used to be parsed twice. The value built here must be the one
//! serde_yaml 0.9 built, scalar for scalar and error for error, or findings would change: the
//! resolution rules below are serde_yaml 0.9's (`de.rs`), copied, and its errors for duplicate keys
//! and oversized integers keep its words and its way of naming where they are.

use super::spans::{Node, SpanMap};
use crate::diag::Pos;
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Number, Value};
use std::num::ParseIntError;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A document read as far as serde_yaml would have: its value and where each node stands.
#[derive(Debug)]
pub struct Loaded {
    pub value: Value,
    pub spans: SpanMap,
}

/// Why the pass stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    Syntax { pos: Pos, detail: String },
    TooDeep { pos: Pos },
    TooManyAliases { pos: Pos },
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_depth: usize,
    /// Nodes the document may have once every alias is expanded.
    pub max_expanded_nodes: u64,
}

fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: m.line().max(1),
        column: m.col() + 1,
    }
}

/// A key read and waiting for its value.
struct Key {
    value: Value,
    /// The name the span map files it under: a scalar's text, `*` for an alias, empty for a collection.
    name: Box<str>,
    pos: Pos,
    /// serde_yaml names a value in its messages by its key's text when the key is a scalar.
    path_name: Option<Box<str>>,
}

enum Body {
    Seq(Vec<Value>, Vec<Node>),
    Map(Mapping, Vec<(Box<str>, Pos, Node)>, Option<Key>),
}

/// A collection being read.
struct Open {
    pos: Pos,
    body: Body,
    anchor: usize,
    /// `expanded` when it opened: its expanded size is what was counted since.
    start: u64,
    /// serde_yaml's tag for a `!local` tag: the value becomes `Value::Tagged`.
    tag: Option<String>,
}

/// A finished node on its way into its parent.
struct Done {
    value: Value,
    node: Node,
    anchor: usize,
    size: u64,
    /// For a scalar in key position: its text, its name in serde_yaml's paths.
    text: Option<Box<str>>,
}

/// yaml-rust2's words for a tab, not a space, between a `:` and a plain value.
const TAB_AFTER_COLON: &str = "':' must be followed by a valid YAML whitespace";
/// Bytes a file may be read again for, in all, while such tabs are taken as spaces: 800 of them
/// in a 10 KB risalah, one in a 5 MB file. Past that the error stands.
const RETRY_BYTES: usize = 8 << 20;

/// Reads `text` in one pass, within `limits`.
///
/// yaml-rust2 refuses a tab between a `:` and a plain value (`judul:<Tab>Teks`, `{a:<Tab>b}`),
/// which YAML allows and libyaml read; a group's file that passed before must not fail now. The
/// scanner says so only where that `:` is an indicator, never inside a quoted or block scalar, so
/// those tabs are taken as the spaces they stand for and the text is read again: one character
/// for one, so no position moves.
pub fn load(text: &str, limits: Limits) -> Result<Loaded, Stop> {
    let mut spaced: Option<String> = None;
    let mut budget = RETRY_BYTES;
    loop {
        let current = spaced.as_deref().unwrap_or(text);
        match load_once(current, limits) {
            Err(Stop::Syntax { pos, detail }) if detail == TAB_AFTER_COLON => {
                let tabs = tabs_after_colon(current, pos);
                if tabs.is_empty() || budget < text.len() {
                    return Err(Stop::Syntax { pos, detail });
                }
                budget -= text.len();
                let respaced = spaced.get_or_insert_with(|| text.to_owned());
                for at in tabs {
                    respaced.replace_range(at..at + 1, " ");
                }
            }
            done => return done,
        }
    }
}

/// Byte offsets of the tabs that stand between a `:` and the character at `at`, when only tabs
/// do; none otherwise.
fn tabs_after_colon(text: &str, at: Pos) -> Vec<usize> {
    let line_start = match at.line {
        0 | 1 => 0,
        n => match text.match_indices('\n').nth(n - 2) {
            Some((i, _)) => i + 1,
            None => return Vec::new(),
        },
    };
    let Some((column, _)) = text[line_start..].char_indices().nth(at.column - 1) else {
        return Vec::new();
    };
    let end = line_start + column;
    let before = &text[..end];
    let start = before.trim_end_matches('\t').len();
    if start == end || !before[..start].ends_with(':') {
        return Vec::new();
    }
    (start..end).collect()
}

fn load_once(text: &str, limits: Limits) -> Result<Loaded, Stop> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<(Value, Node)> = None;
    // The finished value and expanded size of each anchored node, indexed by anchor id.
    let mut anchors: Vec<Option<(Value, u64)>> = Vec::new();
    let mut expanded: u64 = 0;
    let mut ended = false;
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(ev) => ev,
            Err(_) if ended => return Err(more_than_one_document()),
            Err(e) => {
                let mut pos = pos_of(e.marker());
                if e.info().contains("tab") {
                    pos = first_indenting_tab(text, pos).unwrap_or(pos);
                } else if e.info().contains("did not find expected") {
                    pos = key_of_colon(text, pos).unwrap_or(pos);
                }
                return Err(Stop::Syntax {
                    pos,
                    detail: e.info().to_string(),
                });
            }
        };
        let pos = pos_of(&mark);
        let done: Option<Done> = match event {
            Event::StreamEnd => break,
            // serde_yaml reads the first document and refuses a stream with another after it,
            // whatever that one holds.
            Event::DocumentStart if ended => return Err(more_than_one_document()),
            Event::DocumentEnd => {
                ended = true;
                None
            }
            Event::Nothing | Event::StreamStart | Event::DocumentStart => None,
            Event::Scalar(value, style, anchor, tag) => {
                expanded += 1;
                let in_key = matches!(
                    stack.last(),
                    Some(Open {
                        body: Body::Map(_, _, None),
                        ..
                    })
                );
                let resolved = match scalar(&value, style, tag.as_ref()) {
                    Ok(v) => v,
                    Err(message) => {
                        return Err(Stop::Syntax {
                            pos,
                            detail: with_path(&stack, &message),
                        })
                    }
                };
                let text = in_key.then(|| value.into_boxed_str());
                Some(Done {
                    value: resolved,
                    node: Node::Leaf(pos),
                    anchor,
                    size: 1,
                    text,
                })
            }
            Event::Alias(id) => {
                let Some(Some((value, size))) = anchors.get(id) else {
                    // An alias inside its own anchor: serde_yaml follows it until its recursion
                    // limit.
                    return Err(Stop::TooDeep { pos });
                };
                expanded = expanded.saturating_add((*size).max(1));
                if expanded > limits.max_expanded_nodes {
                    return Err(Stop::TooManyAliases { pos });
                }
                Some(Done {
                    value: value.clone(),
                    node: Node::Leaf(pos),
                    anchor: 0,
                    size: 0,
                    text: Some("*".into()),
                })
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                expanded += 1;
                let body = match event {
                    Event::SequenceStart(..) => Body::Seq(Vec::new(), Vec::new()),
                    _ => Body::Map(Mapping::new(), Vec::new(), None),
                };
                stack.push(Open {
                    pos,
                    body,
                    anchor,
                    start: expanded,
                    tag: local_tag(tag.as_ref()),
                });
                if stack.len() > limits.max_depth {
                    return Err(Stop::TooDeep { pos });
                }
                reserve_anchor(&mut anchors, anchor);
                None
            }
            Event::SequenceEnd | Event::MappingEnd => stack.pop().map(|open| {
                let size = expanded - open.start + 1;
                let (value, node) = match open.body {
                    Body::Seq(items, nodes) => (Value::Sequence(items), Node::Seq(open.pos, nodes)),
                    Body::Map(map, entries, _) => {
                        let pos = block_map_pos(open.pos, &entries);
                        (Value::Mapping(map), Node::Map(pos, entries))
                    }
                };
                let value = match open.tag {
                    Some(tag) => Value::Tagged(Box::new(TaggedValue {
                        tag: Tag::new(tag),
                        value,
                    })),
                    None => value,
                };
                Done {
                    value,
                    node,
                    anchor: open.anchor,
                    size,
                    text: None,
                }
            }),
        };
        if expanded > limits.max_expanded_nodes {
            return Err(Stop::TooManyAliases { pos });
        }
        let Some(done) = done else { continue };
        if done.anchor != 0 {
            reserve_anchor(&mut anchors, done.anchor);
            anchors[done.anchor] = Some((done.value.clone(), done.size));
        }
        let Some(open) = stack.last_mut() else {
            if root.is_none() {
                root = Some((done.value, done.node));
            }
            continue;
        };
        match &mut open.body {
            Body::Seq(items, nodes) => {
                items.push(done.value);
                nodes.push(done.node);
            }
            Body::Map(map, entries, pending) => match pending.take() {
                Some(key) => {
                    map.insert(key.value, done.value);
                    entries.push((key.name, key.pos, done.node));
                }
                None => {
                    if map.contains_key(&done.value) {
                        let pos = block_map_pos(open.pos, entries);
                        let message = duplicate_key(&done.value);
                        let depth = stack.len() - 1;
                        return Err(Stop::Syntax {
                            pos,
                            detail: with_path(&stack[..depth], &message),
                        });
                    }
                    let name = done.text.clone().unwrap_or_default();
                    let path_name = done.text.filter(|t| &**t != "*");
                    *pending = Some(Key {
                        value: done.value,
                        name,
                        pos: done.node.pos(),
                        path_name,
                    });
                }
            },
        }
    }
    let (value, node) = root.map_or((Value::Null, None), |(v, n)| (v, Some(n)));
    Ok(Loaded {
        value,
        spans: SpanMap { root: node },
    })
}

/// yaml-rust2 reports a tab in indentation at the scalar before it or just after it; the tab
/// itself (where libyaml pointed) is the first one indenting a line from there on.
fn first_indenting_tab(text: &str, from: Pos) -> Option<Pos> {
    text.lines()
        .enumerate()
        .skip(from.line - 1)
        .find_map(|(i, line)| {
            let column = line
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .position(|c| c == '\t')?;
            Some(Pos {
                line: i + 1,
                column: column + 1,
            })
        })
}

/// A key indented where no mapping can take it is reported by yaml-rust2 at its `:`; the user
/// sees, and libyaml pointed at, where the key starts on that line.
fn key_of_colon(text: &str, at: Pos) -> Option<Pos> {
    let line = text.lines().nth(at.line - 1)?;
    if line.chars().nth(at.column - 1)? != ':' {
        return None;
    }
    let column = line.chars().position(|c| c != ' ')?;
    Some(Pos {
        line: at.line,
        column: column + 1,
    })
}

fn more_than_one_document() -> Stop {
    Stop::Syntax {
        pos: Pos::START,
        detail: "deserializing from YAML containing more than one document is not supported".into(),
    }
}

/// A block mapping's start event is marked at its first `:`; its first key is where a reader sees
/// it begin (and where libyaml marked it).
fn block_map_pos(pos: Pos, entries: &[(Box<str>, Pos, Node)]) -> Pos {
    entries
        .first()
        .map_or(pos, |(_, key_pos, _)| (*key_pos).min(pos))
}

fn reserve_anchor(anchors: &mut Vec<Option<(Value, u64)>>, anchor: usize) {
    if anchor != 0 && anchors.len() <= anchor {
        anchors.resize(anchor + 1, None);
    }
}

/// serde_yaml's message for an error at the node being read, prefixed by the node's path in its
/// own notation (`langkah[0].alat`, `.[2]` for an item of a top-level list, `?` under a key that is
/// not a scalar).
fn with_path(stack: &[Open], message: &str) -> String {
    let mut path = String::new();
    let mut at_root = true;
    for open in stack {
        match &open.body {
            Body::Seq(items, _) => {
                if at_root {
                    path.push('.');
                }
                path.push_str(&format!("[{}]", items.len()));
            }
            // A key being read is named by its mapping's path.
            Body::Map(_, _, None) => continue,
            Body::Map(_, _, Some(key)) => {
                if !at_root {
                    path.push('.');
                }
                path.push_str(key.path_name.as_deref().unwrap_or("?"));
            }
        }
        at_root = false;
    }
    if at_root {
        message.to_string()
    } else {
        format!("{path}: {message}")
    }
}

fn duplicate_key(key: &Value) -> String {
    match key {
        Value::Null => "duplicate entry with null key".into(),
        Value::Bool(b) => format!("duplicate entry with key `{b}`"),
        Value::Number(n) => format!("duplicate entry with key {n}"),
        Value::String(s) => format!("duplicate entry with key {s:?}"),
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => {
            "duplicate entry in YAML map".into()
        }
    }
}

fn full_tag(tag: &yaml_rust2::parser::Tag) -> String {
    format!("{}{}", tag.handle, tag.suffix)
}

/// serde_yaml's `parse_tag`: a tag that starts with `!` makes a `Value::Tagged`, named without it.
fn local_tag(tag: Option<&yaml_rust2::parser::Tag>) -> Option<String> {
    let full = full_tag(tag?);
    let rest = full.strip_prefix('!')?;
    Some(if rest.is_empty() {
        full.clone()
    } else {
        rest.to_string()
    })
}

const CORE: &str = "tag:yaml.org,2002:";

/// serde_yaml's `visit_scalar` for a value deserialized as `Value`.
fn scalar(
    text: &str,
    style: TScalarStyle,
    tag: Option<&yaml_rust2::parser::Tag>,
) -> Result<Value, String> {
    let plain = style == TScalarStyle::Plain;
    if let Some(local) = local_tag(tag) {
        let value = if plain {
            untagged(text)?
        } else {
            Value::String(text.to_string())
        };
        return Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(local),
            value,
        })));
    }
    let core = tag.map(full_tag);
    match core.as_deref().and_then(|t| t.strip_prefix(CORE)) {
        Some("bool") => parse_bool(text)
            .map(Value::Bool)
            .ok_or_else(|| invalid_value(text, "a boolean")),
        Some("int") => match int(text) {
            Some(v) => v,
            None => Err(invalid_value(text, "an integer")),
        },
        Some("float") => parse_f64(text)
            .map(|f| Value::Number(f.into()))
            .ok_or_else(|| invalid_value(text, "a float")),
        Some("null") => match parse_null(text) {
            true => Ok(Value::Null),
            false => Err(invalid_value(text, "null")),
        },
        _ if core.is_none() && plain => untagged(text),
        _ => Ok(Value::String(text.to_string())),
    }
}

fn invalid_value(text: &str, expected: &str) -> String {
    format!("invalid value: string {text:?}, expected {expected}")
}

/// serde_yaml's `visit_untagged_scalar`.
fn untagged(text: &str) -> Result<Value, String> {
    if text.is_empty() || parse_null(text) {
        return Ok(Value::Null);
    }
    if let Some(b) = parse_bool(text) {
        return Ok(Value::Bool(b));
    }
    if let Some(v) = int(text) {
        return v;
    }
    if !digits_but_not_number(text) {
        if let Some(f) = parse_f64(text) {
            return Ok(Value::Number(f.into()));
        }
    }
    Ok(Value::String(text.to_string()))
}

/// serde_yaml's `visit_int` into a `Value`, whose visitor takes no 128-bit integer.
fn int(text: &str) -> Option<Result<Value, String>> {
    let too_wide = |n: String, ty: &str| {
        Err(format!(
            "invalid type: integer `{n}` as {ty}, expected any YAML value"
        ))
    };
    if let Some(n) = parse_unsigned_int(text, u64::from_str_radix) {
        return Some(Ok(Value::Number(Number::from(n))));
    }
    if let Some(n) = parse_negative_int(text, i64::from_str_radix) {
        return Some(Ok(Value::Number(Number::from(n))));
    }
    if let Some(n) = parse_unsigned_int(text, u128::from_str_radix) {
        return Some(too_wide(n.to_string(), "u128"));
    }
    if let Some(n) = parse_negative_int(text, i128::from_str_radix) {
        return Some(too_wide(n.to_string(), "i128"));
    }
    None
}

fn parse_null(text: &str) -> bool {
    matches!(text, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_unsigned_int<T>(
    scalar: &str,
    from_str_radix: fn(&str, radix: u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    let unpositive = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(int) = from_str_radix(rest, radix) {
                return Some(int);
            }
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unpositive, 10).ok()
}

fn parse_negative_int<T>(
    scalar: &str,
    from_str_radix: fn(&str, radix: u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = scalar.strip_prefix(prefix) {
            if let Ok(int) = from_str_radix(&format!("-{rest}"), radix) {
                return Some(int);
            }
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(scalar, 10).ok()
}

fn parse_f64(scalar: &str) -> Option<f64> {
    let unpositive = match scalar.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => scalar,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = scalar {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = scalar {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Leading zeros followed by digits make a string in YAML 1.2.
fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_depth: 64,
        max_expanded_nodes: 100_000,
    };

    /// What serde_yaml 0.9 (still here for the settings) makes of `text`: the value, or its
    /// message without the position and the position.
    fn serde(text: &str) -> Result<Value, (String, (usize, usize))> {
        serde_yaml::from_str::<Value>(text).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or("").to_string();
            let at = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            (message, at)
        })
    }

    fn ours(text: &str) -> Result<Value, (String, (usize, usize))> {
        load(text, LIMITS)
            .map(|l| l.value)
            .map_err(|stop| match stop {
                Stop::Syntax { pos, detail } => (detail, (pos.line, pos.column)),
                other => (format!("{other:?}"), (0, 0)),
            })
    }

    /// The texts among `texts` that this pass reads otherwise than serde_yaml did.
    fn differing<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<String> {
        texts
            .into_iter()
            .filter_map(|text| {
                let (ours, theirs) = (ours(text), serde(text));
                (ours != theirs).then(|| format!("{text:?}: {ours:?} / serde_yaml: {theirs:?}"))
            })
            .collect()
    }

    #[test]
    fn a_tab_after_a_colon_is_read_as_libyaml_read_it() {
        let texts = [
            "judul:\tTeks",
            "judul:\t\tTeks panjang\nid:\tx-1\n",
            "a: {b:\tc, d:\t-1}",
            "a:\t-1\nb: \"c:\td\"\ne: |\n  f:\tg\n",
            "- a:\tb\n- c:\td\n",
        ];
        assert_eq!(differing(texts), Vec::<String>::new());
        // Where a tab is really wrong (indentation), the error stands, at the tab.
        assert!(ours("a:\n\t- b:\tc\n").is_err());
        // Bounded: past the re-read budget the error stands rather than the file being read
        // once per tab.
        let many: String = (0..RETRY_BYTES / 50)
            .map(|i| format!("k{i}:\tv\n"))
            .collect();
        let (detail, _) = ours(&many).expect_err("too many to take as spaces");
        assert_eq!(detail, TAB_AFTER_COLON);
    }

    #[test]
    fn plain_scalars_resolve_as_serde_yaml_resolved_them() {
        let texts = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "false",
            "False",
            "FALSE",
            "yes",
            "no",
            "on",
            "0",
            "-0",
            "+0",
            "7",
            "+7",
            "-7",
            "007",
            "-007",
            "+007",
            "0x1F",
            "0X1F",
            "-0x1F",
            "+0x1F",
            "0x-1",
            "0o17",
            "-0o17",
            "0b101",
            "-0b101",
            "0b2",
            "18446744073709551615",
            "-9223372036854775808",
            "9223372036854775808",
            "1.5",
            "-1.5",
            "+1.5",
            "1e3",
            "1E-3",
            "-1.5e+3",
            ".5",
            "5.",
            "1_000",
            ".inf",
            ".Inf",
            ".INF",
            "+.inf",
            "-.inf",
            "-.Inf",
            ".nan",
            ".NaN",
            ".NAN",
            "inf",
            "nan",
            "infinity",
            "NaN",
            "1e400",
            "++1",
            "+-1",
            "0.0",
            "00.5",
            "2026-12-02",
            "12:30",
            "1,5",
            "x y",
            "risalah/1",
        ]
        .iter()
        .flat_map(|s| [format!("v: {s}\n"), format!("- {s}\n")])
        .collect::<Vec<_>>();
        assert_eq!(
            differing(texts.iter().map(String::as_str)),
            Vec::<String>::new()
        );
    }

    #[test]
    fn quoted_block_and_tagged_scalars_too() {
        let texts = [
            "v: '7'\n",
            "v: \"true\"\n",
            "v: ''\n",
            "v: |\n  7\n",
            "v: >\n  null\n",
            "v: !!str 7\n",
            "v: !!str\n",
            "v: !!int '7'\n",
            "v: !!int 0x10\n",
            "v: !!float 1\n",
            "v: !!bool true\n",
            "v: !!null ~\n",
            "v: !!binary aGk=\n",
            "v: !foo 7\n",
            "v: !foo '7'\n",
            "v: !foo\n",
            "v: ! 7\n",
            "v: !foo [1, {a: 2}]\n",
            "v: !!seq [1]\n",
            "v: !!map {a: 1}\n",
            "v: !<tag:x> 1\n",
            "!foo 1\n",
        ];
        assert_eq!(differing(texts), Vec::<String>::new());
    }

    /// yaml-rust2's scanner runs ahead of its events: inside an unclosed `{` it may stop on the
    /// next line's `-` before the mapping was reported, in its own words but at libyaml's place.
    #[test]
    fn an_unclosed_bracket_is_found_where_libyaml_found_it() {
        let text = "a:\n  - {b: 1, c: 2    # x\n  - {d: 3}\n";
        let Err(Stop::Syntax { pos, detail }) = load(text, LIMITS) else {
            panic!("{text:?} must not read");
        };
        assert_eq!(
            Err((pos.line, pos.column)),
            serde(text).map_err(|(_, at)| at)
        );
        let said = crate::diag::Msg::Syntax { detail }.text(crate::i18n::Lang::Id);
        assert!(!said.contains("only valid"), "{said}");
    }

    /// Where a syntax error points, this pass against serde_yaml, for texts whose words differ.
    fn moved<'t>(texts: impl IntoIterator<Item = &'t str>) -> Vec<String> {
        let at = |read: Result<Value, (String, (usize, usize))>| read.map_err(|(_, at)| at);
        texts
            .into_iter()
            .filter(|text| at(ours(text)) != at(serde(text)))
            .map(|text| format!("{text:?}: {:?} / serde_yaml: {:?}", ours(text), serde(text)))
            .collect()
    }

    #[test]
    fn a_tab_in_indentation_or_a_key_out_of_place_is_pointed_at_as_libyaml_did() {
        let texts = [
            "a:\n\t- 1\n",
            "a:\n  b: 1\n\tc: 2\n",
            "a: 1\n\tb: 2\n",
            "a:\n  - x\n\t- y\n",
            "a:\n  b: 1\n     c: 2\n",
            "a:\n  - x\n   c: 2\n",
            "a: 1\n b: 2\n",
        ];
        assert_eq!(moved(texts), Vec::<String>::new());
    }

    /// yaml-rust2 marks a node where its content starts, libyaml where its tag or anchor does; an
    /// error serde_yaml placed at a node keeps its words and moves past the `!tag` or `&anchor`.
    #[test]
    fn errors_at_a_tagged_or_anchored_node_point_past_the_tag() {
        for (text, at) in [
            ("v: !!bool maybe\n", (1, 11)),
            ("v: !!int x\n", (1, 10)),
            ("v: !!float x\n", (1, 12)),
            ("v: !!null x\n", (1, 11)),
            ("&k a: 1\n*k : 2\n", (1, 4)),
        ] {
            let theirs = serde(text).map_err(|(message, _)| (message, at));
            assert_eq!(ours(text), theirs, "{text:?}");
        }
    }

    #[test]
    fn documents_keys_and_aliases_too() {
        let texts = [
            "",
            "# only a comment\n",
            "---\n",
            "a: 1\n...\n",
            "- a\n- b\n",
            "just words\n",
            "---\na: 1\n---\nb: 2\n",
            "a: 1\n---\n",
            "a: 1\n--- [\n",
            "a: &x {b: [1, 2]}\nc: *x\n",
            "a: &k b\n*k : 2\n",
            "? [a, b]\n: 1\n",
            "? {a: 1}\n: 2\n",
            "1: a\n'1': b\ntrue: c\n~: d\n",
            "a: 1\na: 2\n",
            "a:\n  x: 1\n  x: 2\n",
            "- {a: 1, a: 2}\n",
            "l:\n- - m: {x: 1, x: 2}\n",
            "1: a\n1: b\n",
            "true: a\nTrue: b\n",
            "~: a\nnull: b\n",
            "[a]: 1\n[a]: 2\n",
            "a: {b: 99999999999999999999}\n",
            "- -99999999999999999999\n",
            "99999999999999999999: a\n",
            "x:\n  - 1\n  - 0x1ffffffffffffffff\n",
            "? 99999999999999999999\n: a\n",
            "a: &x 1\n*x : 2\n",
        ];
        assert_eq!(differing(texts), Vec::<String>::new());
    }

    #[test]
    fn every_yaml_file_of_the_repository_reads_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut dirs = vec![root.join("tests"), root.join("crates/tulta-core/src")];
        let mut texts = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    // The limits are this pass's own; serde_yaml has others.
                    let limited = matches!(
                        load(&text, LIMITS),
                        Err(Stop::TooDeep { .. } | Stop::TooManyAliases { .. })
                    );
                    if !limited {
                        texts.push(text);
                    }
                }
            }
        }
        assert!(texts.len() > 50, "{}", texts.len());
        // A syntax error is said in each parser's own words; where it points must not move.
        assert_eq!(
            moved(texts.iter().map(String::as_str)),
            Vec::<String>::new()
        );
    }
}
