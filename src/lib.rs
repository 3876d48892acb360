//! tulta: validate, search and judge TULTA work-culture reports (risalah).
pub mod check;
pub mod cli;
pub mod competition;
pub mod corpus;
pub mod diag;
pub mod domain;
pub mod export;
pub mod format;
pub mod i18n;
pub mod judging;
pub mod paths;
pub mod render;
pub mod search;
pub mod search_cli;
pub mod sources;
pub mod store;
pub mod summary;
