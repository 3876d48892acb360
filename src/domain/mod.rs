//! The domain: the three formats' models and the checks. Pure: no I/O, no YAML, no terminal.
pub mod checks;
pub mod lomba;
pub mod names;
pub mod ranking;
pub mod risalah;
pub mod rubrik;
pub mod scoring;
pub mod steps;
pub mod tools;
