//! Archive search (spec §7): a tantivy index of every risalah under a reports root, kept in the
//! user's cache folder and updated incrementally. No terminal or UI code here: the CLI and the TUI
//! both drive it.

mod analyzer;
mod errors;
mod generations;
mod indexer;
mod query;
mod scan;
mod schema;
mod sweep;

pub use generations::index_dir;
pub use indexer::{open_fresh_then, Archive, Notice, Rebuilt, SearchError, Stats};
pub use query::{search, similar, similar_within, Hit, QueryError, Results, Snippet};
