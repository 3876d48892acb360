//! The span map: where each node of a YAML document starts, by path.
//!
//! serde_yaml gives positions only for its own errors, so a second, event-level pass (yaml-rust2's
//! parser, which reports a marker per event) records the start of every key and value. The same pass
//! enforces the depth and alias-expansion limits in linear time, so it doubles as the hostile-input guard.

use crate::diag::{Anchor, Path, Pos, Seg};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

#[derive(Debug)]
enum Node {
    Leaf(Pos),
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Box<str>, Pos, Node)>),
}

impl Node {
    fn pos(&self) -> Pos {
        match self {
            Node::Leaf(p) | Node::Seq(p, _) | Node::Map(p, _) => *p,
        }
    }
}

/// Positions of every key and value of a document.
#[derive(Debug)]
pub struct SpanMap {
    root: Option<Node>,
}

/// Why the event pass stopped.
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

enum Open {
    Seq(Pos, Vec<Node>, usize, u64),
    Map(
        Pos,
        Vec<(Box<str>, Pos, Node)>,
        Option<(Box<str>, Pos)>,
        usize,
        u64,
    ),
}

impl SpanMap {
    /// Runs the event pass over `text`, within `limits`.
    pub fn build(text: &str, limits: Limits) -> Result<SpanMap, Stop> {
        let mut parser = Parser::new_from_str(text);
        let mut stack: Vec<Open> = Vec::new();
        let mut root: Option<Node> = None;
        // Expanded size of each anchored node, indexed by anchor id.
        let mut anchor_sizes: Vec<u64> = Vec::new();
        let mut expanded: u64 = 0;
        loop {
            let (event, mark) = match parser.next_token() {
                Ok(ev) => ev,
                Err(e) => {
                    return Err(Stop::Syntax {
                        pos: pos_of(e.marker()),
                        detail: e.info().to_string(),
                    })
                }
            };
            let pos = pos_of(&mark);
            let done: Option<(Node, usize, u64)> = match event {
                Event::StreamEnd => break,
                Event::Nothing | Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => {
                    None
                }
                Event::Scalar(value, _, anchor, _) => {
                    expanded += 1;
                    // A scalar in key position names the next value; it is not a node of its own.
                    if let Some(Open::Map(_, _, pending @ None, _, _)) = stack.last_mut() {
                        *pending = Some((value.into_boxed_str(), pos));
                        record_anchor(&mut anchor_sizes, anchor, 1);
                        None
                    } else {
                        Some((Node::Leaf(pos), anchor, 1))
                    }
                }
                Event::Alias(id) => {
                    let size = anchor_sizes.get(id).copied().unwrap_or(1).max(1);
                    expanded = expanded.saturating_add(size);
                    if expanded > limits.max_expanded_nodes {
                        return Err(Stop::TooManyAliases { pos });
                    }
                    if let Some(Open::Map(_, _, pending @ None, _, _)) = stack.last_mut() {
                        *pending = Some(("*".into(), pos));
                        None
                    } else {
                        Some((Node::Leaf(pos), 0, 0))
                    }
                }
                Event::SequenceStart(anchor, _) => {
                    expanded += 1;
                    stack.push(Open::Seq(pos, Vec::new(), anchor, expanded));
                    if stack.len() > limits.max_depth {
                        return Err(Stop::TooDeep { pos });
                    }
                    None
                }
                Event::MappingStart(anchor, _) => {
                    expanded += 1;
                    stack.push(Open::Map(pos, Vec::new(), None, anchor, expanded));
                    if stack.len() > limits.max_depth {
                        return Err(Stop::TooDeep { pos });
                    }
                    None
                }
                Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                    Some(Open::Seq(p, items, anchor, start)) => {
                        Some((Node::Seq(p, items), anchor, expanded - start + 1))
                    }
                    Some(Open::Map(p, entries, _, anchor, start)) => {
                        // A block mapping's start event is marked at its first `:`; its first key
                        // is where a reader sees it begin.
                        let p = entries
                            .first()
                            .map_or(p, |(_, key_pos, _)| (*key_pos).min(p));
                        Some((Node::Map(p, entries), anchor, expanded - start + 1))
                    }
                    None => None,
                },
            };
            if expanded > limits.max_expanded_nodes {
                return Err(Stop::TooManyAliases { pos });
            }
            if let Some((node, anchor, size)) = done {
                record_anchor(&mut anchor_sizes, anchor, size);
                match stack.last_mut() {
                    Some(Open::Seq(_, items, ..)) => items.push(node),
                    Some(Open::Map(_, entries, pending, ..)) => match pending.take() {
                        Some((key, key_pos)) => entries.push((key, key_pos, node)),
                        // A collection used as a key: keep its position under an empty name.
                        None => *pending = Some(("".into(), node.pos())),
                    },
                    None => {
                        if root.is_none() {
                            root = Some(node);
                        }
                    }
                }
            }
        }
        Ok(SpanMap { root })
    }

    /// Where `path` points; a path that leaves the document points at the deepest node it reached.
    pub(crate) fn locate(&self, path: &Path, anchor: Anchor) -> Pos {
        let Some(mut node) = self.root.as_ref() else {
            return Pos::START;
        };
        let segs = path.segs();
        for (i, seg) in segs.iter().enumerate() {
            let last = i + 1 == segs.len();
            match (seg, node) {
                (Seg::Key(k), Node::Map(_, entries)) => {
                    match entries.iter().rev().find(|(key, _, _)| **key == **k) {
                        Some((_, key_pos, value)) => {
                            if last && anchor == Anchor::Key {
                                return *key_pos;
                            }
                            node = value;
                        }
                        None => return node.pos(),
                    }
                }
                (Seg::Index(n), Node::Seq(_, items)) => match items.get(*n) {
                    Some(item) => node = item,
                    None => return node.pos(),
                },
                _ => return node.pos(),
            }
        }
        node.pos()
    }
}

fn record_anchor(sizes: &mut Vec<u64>, anchor: usize, size: u64) {
    if anchor == 0 {
        return;
    }
    if sizes.len() <= anchor {
        sizes.resize(anchor + 1, 1);
    }
    sizes[anchor] = size;
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_depth: 64,
        max_expanded_nodes: 100_000,
    };

    fn at(text: &str, path: &Path, anchor: Anchor) -> (usize, usize) {
        let map = SpanMap::build(text, LIMITS).expect("valid yaml");
        let p = map.locate(path, anchor);
        (p.line, p.column)
    }

    #[test]
    fn finds_keys_and_values_in_block_and_flow_style() {
        let text =
            "format: risalah/1\nlangkah:\n  - nomor: 1\n    alat:\n      - {jenis: x, total: 90}\n";
        let total = Path::root()
            .key("langkah")
            .idx(0)
            .key("alat")
            .idx(0)
            .key("total");
        assert_eq!(at(text, &total, Anchor::Value), (5, 27));
        assert_eq!(at(text, &total, Anchor::Key), (5, 20));
        let step = Path::root().key("langkah").idx(0);
        assert_eq!(at(text, &step, Anchor::Value), (3, 5));
        assert_eq!(at(text, &Path::root().key("langkah"), Anchor::Key), (2, 1));
    }

    #[test]
    fn columns_count_characters() {
        let text = "judul: \"\u{e9}\u{e9}\"\nb: [\"\u{e9}\", 7]\n";
        assert_eq!(
            at(text, &Path::root().key("b").idx(1), Anchor::Value),
            (2, 10)
        );
    }

    #[test]
    fn a_missing_path_points_at_the_deepest_node_reached() {
        let text = "a:\n  b: 1\n";
        assert_eq!(
            at(text, &Path::root().key("a").key("zz"), Anchor::Value),
            (2, 3)
        );
    }

    #[test]
    fn refuses_deep_nesting() {
        let text = "[".repeat(100);
        assert!(matches!(
            SpanMap::build(&text, LIMITS),
            Err(Stop::TooDeep { .. })
        ));
    }

    #[test]
    fn refuses_alias_bombs() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='j' {
            text.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        assert!(matches!(
            SpanMap::build(&text, LIMITS),
            Err(Stop::TooManyAliases { .. })
        ));
    }

    #[test]
    fn modest_aliases_pass() {
        let text = "a: &a {x: 1}\nb: *a\nc: *a\n";
        assert!(SpanMap::build(text, LIMITS).is_ok());
    }
}
