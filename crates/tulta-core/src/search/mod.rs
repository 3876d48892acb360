//! Archive search (spec §7): a tantivy index of every risalah under a reports root, kept in the
//! user's cache folder and updated incrementally. No terminal or UI code here: the CLI and the TUI
//! both drive it.

mod analyzer;
mod indexer;
mod query;
mod schema;

pub use indexer::{index_dir, Archive, Notice, Rebuilt, SearchError, Stats};
pub use query::{search, similar, Hit, QueryError, Results, Snippet};
