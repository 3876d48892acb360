//! The span map: where each node of a YAML document starts, by path.
//!
//! The readers and checks name places by path (`langkah[2].alat[0].total`), never by position, so
//! they stay free of YAML; this tree of positions, built by the same pass that builds the value
//! (`format::load`), turns a path into the line and column a user sees. It is a few times the size
//! of the text, which is why `Document` keeps it only for files the reader found fault with.

use crate::diag::{Anchor, Path, Pos, Seg};

#[derive(Debug)]
pub(super) enum Node {
    Leaf(Pos),
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Box<str>, Pos, Node)>),
}

impl Node {
    pub(super) fn pos(&self) -> Pos {
        match self {
            Node::Leaf(p) | Node::Seq(p, _) | Node::Map(p, _) => *p,
        }
    }
}

/// Positions of every key and value of a document.
#[derive(Debug)]
pub struct SpanMap {
    pub(super) root: Option<Node>,
}

impl SpanMap {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::load::{load, Limits, Stop};

    const LIMITS: Limits = Limits {
        max_depth: 64,
        max_expanded_nodes: 100_000,
    };

    fn at(text: &str, path: &Path, anchor: Anchor) -> (usize, usize) {
        let map = load(text, LIMITS).expect("valid yaml").spans;
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
            load(&text, LIMITS).map(|l| l.spans),
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
            load(&text, LIMITS).map(|l| l.spans),
            Err(Stop::TooManyAliases { .. })
        ));
    }

    #[test]
    fn modest_aliases_pass() {
        let text = "a: &a {x: 1}\nb: *a\nc: *a\n";
        assert!(load(text, LIMITS).is_ok());
    }
}
