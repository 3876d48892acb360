//! The model: the three formats' types and the domain's fixed tables (steps, tools, names). Pure:
//! no I/O, no YAML, no terminal.
pub mod lomba;
pub mod names;
pub mod risalah;
pub mod rubrik;
pub mod stats;
pub mod steps;
pub mod tools;
