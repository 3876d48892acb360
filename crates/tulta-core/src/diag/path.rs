//! Paths into a YAML document: how the model and the checks name a place without knowing its position.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(Box<str>),
    Index(usize),
}

/// A path from the document root, e.g. `langkah[2].alat[0].total`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(Vec<Seg>);

impl Path {
    pub fn root() -> Self {
        Path(Vec::new())
    }

    pub fn key(&self, key: &str) -> Path {
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(Seg::Key(key.into()));
        Path(segs)
    }

    pub fn idx(&self, index: usize) -> Path {
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(Seg::Index(index));
        Path(segs)
    }

    pub(crate) fn segs(&self) -> &[Seg] {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Which part of a mapping entry a finding points at: its key (`total:`) or its value (`90`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Key,
    Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_a_selector() {
        let p = Path::root()
            .key("langkah")
            .idx(2)
            .key("alat")
            .idx(0)
            .key("total");
        assert_eq!(p.to_string(), "langkah[2].alat[0].total");
    }
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };
}
