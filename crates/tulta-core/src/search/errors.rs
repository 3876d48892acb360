//! What can go wrong with the index and what the user is told about it: errors (in both
//! languages) and one-line notices such as "rebuilt".

use super::schema::SCHEMA_VERSION;
use crate::files::sources;
use crate::i18n::{Lang, Localized};
use std::path::Path;

#[derive(Debug)]
pub enum SearchError {
    Io {
        path: String,
        err: std::io::Error,
    },
    Index {
        path: String,
        err: tantivy::TantivyError,
    },
    Source(sources::SourceError),
    /// tantivy panicked on the index's files (the panic's message).
    Damaged(String),
    /// The user's query is wrong; its message says how.
    Query(super::query::QueryError),
}

impl From<sources::SourceError> for SearchError {
    fn from(e: sources::SourceError) -> Self {
        SearchError::Source(e)
    }
}

impl Localized for SearchError {
    fn message(&self, lang: Lang) -> String {
        match self {
            SearchError::Io { path, err } => {
                format!("{path}: {}", crate::i18n::io_error(err, lang))
            }
            SearchError::Index { path, err } => format!(
                "{} {path}: {err}",
                lang.pick("indeks pencarian", "search index")
            ),
            SearchError::Damaged(detail) => format!(
                "{}: {detail}",
                lang.pick("indeks pencarian rusak", "search index damaged")
            ),
            SearchError::Source(e) => e.message(lang),
            SearchError::Query(q) => q.message(lang),
        }
    }
}
crate::localized_error!(SearchError);

impl SearchError {
    /// A failure of the index itself (its files, tantivy), which rebuilding from the YAML cures;
    /// not the user's query nor a reports folder that cannot be read.
    pub(super) fn is_damage(&self) -> bool {
        matches!(
            self,
            SearchError::Io { .. } | SearchError::Index { .. } | SearchError::Damaged(_)
        )
    }
}

pub(super) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
    move |err| SearchError::Io {
        path: path.display().to_string(),
        err,
    }
}

pub(super) fn index_err(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> SearchError + '_ {
    move |err| SearchError::Index {
        path: path.display().to_string(),
        err,
    }
}

/// Why an index was thrown away and rebuilt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rebuilt {
    /// Written by another version of tulta (`None`: version unknown).
    SchemaChanged { found: Option<u32> },
    /// Could not be opened; the detail is tantivy's.
    Corrupt(String),
    /// `--rebuild`.
    Requested,
}

/// Something the user should be told, on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Rebuilt(Rebuilt),
    /// Another tulta process is updating this index: searching its last commit without updating.
    ReadOnly,
    /// Another tulta process is building this index for the first time: waited for it.
    Waited,
}

impl Localized for Notice {
    fn message(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Notice::Rebuilt(Rebuilt::SchemaChanged { found }), Id) => format!(
                "indeks pencarian dibangun ulang: dibuat oleh versi lain (skema {}, kini {SCHEMA_VERSION})",
                found.map_or("?".into(), |v| v.to_string())
            ),
            (Notice::Rebuilt(Rebuilt::SchemaChanged { found }), En) => format!(
                "search index rebuilt: written by another version (schema {}, now {SCHEMA_VERSION})",
                found.map_or("?".into(), |v| v.to_string())
            ),
            (Notice::Rebuilt(Rebuilt::Corrupt(detail)), Id) => {
                format!("indeks pencarian rusak, dibangun ulang dari YAML ({detail})")
            }
            (Notice::Rebuilt(Rebuilt::Corrupt(detail)), En) => {
                format!("search index was damaged, rebuilt from the YAML ({detail})")
            }
            (Notice::Rebuilt(Rebuilt::Requested), Id) => "indeks pencarian dibangun ulang".into(),
            (Notice::Rebuilt(Rebuilt::Requested), En) => "search index rebuilt".into(),
            (Notice::ReadOnly, Id) => "indeks sedang diperbarui proses tulta lain: hanya-baca, hasil dari pembaruan terakhir".into(),
            (Notice::ReadOnly, En) => "index is being updated by another tulta process: read-only, results from its last update".into(),
            (Notice::Waited, Id) => "menunggu proses tulta lain selesai membangun indeks".into(),
            (Notice::Waited, En) => "waited for another tulta process to finish building the index".into(),
        }
    }
}

pub(super) fn first_line(err: &dyn std::fmt::Display) -> String {
    let text = err.to_string();
    let line = text.lines().next().unwrap_or("").trim();
    line.chars().take(160).collect()
}
