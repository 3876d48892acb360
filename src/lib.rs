//! tulta: the terminal side of the TULTA tools — the command line (`cli`), the app's state (`app`),
//! its drawing (`ui`) and the terminal loop (`tui`). Everything else lives in `tulta-core`.
pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod depth;
pub mod memory;
pub mod theme;
pub mod tui;
pub mod ui;
