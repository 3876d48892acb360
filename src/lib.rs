//! tulta: validate, search and judge TULTA work-culture reports (risalah).
pub mod check;
pub mod cli;
pub mod corpus;
pub mod diag;
pub mod domain;
pub mod format;
pub mod i18n;
pub mod paths;
pub mod render;
pub mod search;
pub mod search_cli;
pub mod sources;
pub mod summary;
