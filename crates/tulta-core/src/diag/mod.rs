//! Findings: what a check found, where, and how it reads in each language.
pub mod catalog;
pub mod code;
pub(crate) mod msg;
mod path;
mod yaml_words;

pub use code::{Code, Severity};
pub use msg::Msg;
pub use path::{Anchor, Path, Pos, Seg};

/// Where a finding points: a position the parser gave, or a path the span map resolves later.
#[derive(Clone, Debug, PartialEq)]
pub enum Loc {
    At(Pos),
    Path(Path, Anchor),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub loc: Loc,
    pub msg: Msg,
}

impl Finding {
    pub fn at(pos: Pos, msg: Msg) -> Self {
        Finding {
            loc: Loc::At(pos),
            msg,
        }
    }

    pub fn key(path: Path, msg: Msg) -> Self {
        Finding {
            loc: Loc::Path(path, Anchor::Key),
            msg,
        }
    }

    pub fn value(path: Path, msg: Msg) -> Self {
        Finding {
            loc: Loc::Path(path, Anchor::Value),
            msg,
        }
    }

    pub fn code(&self) -> Code {
        self.msg.code()
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }
}
