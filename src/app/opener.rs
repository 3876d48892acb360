//! Handing an evidence file to the system's opener (xdg-open, open, the Windows shell). Which files may be handed
//! over is tulta-core's rule ([`tulta_core::check::openable`]); this is only the hand-over, behind
//! a trait so tests put a recorder in its place and no test ever starts a viewer.

use std::path::Path;
#[cfg(not(windows))]
use std::process::{Command, Stdio};
use tulta_core::i18n::Lang;

pub trait Opener {
    /// Starts the viewer for `path` (canonical, absolute) and returns without waiting for it.
    fn open(&self, path: &Path, lang: Lang) -> Result<(), String>;
    /// The program's name, as the status line says it.
    fn name(&self) -> &'static str;
}

/// The desktop's own opener: `open` on macOS, the shell's own open call (`ShellExecuteW`, as a
/// double click does) on Windows, `xdg-open` elsewhere.
pub struct System;

impl Opener for System {
    #[cfg(windows)]
    fn open(&self, path: &Path, _lang: Lang) -> Result<(), String> {
        // Never `cmd /c start`: cmd would parse the path, and `&` or `^` in a name is a command.
        opener::open(path).map_err(|e| format!("{}: {e}", self.name()))
    }

    #[cfg(not(windows))]
    fn open(&self, path: &Path, lang: Lang) -> Result<(), String> {
        // No shell: the path is one argument, never parsed. The viewer must not draw over the
        // terminal the app owns, so its output goes nowhere.
        let mut child = Command::new(self.name())
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{}: {}", self.name(), tulta_core::i18n::io_error(&e, lang)))?;
        // Reaped in the background, so no finished opener lingers as a zombie.
        std::thread::spawn(move || child.wait());
        Ok(())
    }

    fn name(&self) -> &'static str {
        if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "ShellExecute"
        } else {
            "xdg-open"
        }
    }
}
