//! tulta-core: everything tulta knows that is not a terminal — the model, YAML reading with
//! positions, the checks, archive search, judging (competition, journal, scoring, ranking, exports)
//! and the messages in both languages. No UI crate is a dependency of this one, so the compiler
//! proves that nothing here draws or parses a command line.
//!
//! Data flows one way: `files` → `format` → `model` → `check` / `search` / `judging`; `diag` and
//! `i18n` carry what the user reads.
pub mod caught;
pub mod check;
pub mod diag;
pub mod files;
pub mod format;
pub mod i18n;
pub mod judging;
pub mod model;
pub mod search;
pub mod text;

/// The version of every JSON output's schema (`"versi"`, docs/schemas/): raised when a field
/// changes meaning or goes away, not when one is added.
pub const JSON_VERSION: u32 = 1;
