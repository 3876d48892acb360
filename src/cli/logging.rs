//! Diagnostics for whoever has to find out what went wrong: a log file in the state folder
//! (`TULTA_LOG` sets its level, as `RUST_LOG` would), `--verbose` to see the same lines on stderr,
//! and a panic report that says where the log is.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use tracing_subscriber::filter::{EnvFilter, LevelFilter};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;
use tulta_core::i18n::Lang;

pub const LEVEL_ENV: &str = "TULTA_LOG";

/// A log past this size is moved to `tulta.log.old` at the next start, so it never grows unbounded.
const MAX_LOG_BYTES: u64 = 4 * 1024 * 1024;

/// Starts logging: to the log file always (when it can be opened), to stderr too with `verbose`.
/// Returns the log file's path when it is being written.
pub fn init(verbose: bool) -> Option<PathBuf> {
    let path = tulta_core::files::paths::log_file();
    let file = open_log(&path);
    let level = if verbose { "debug" } else { "info" };
    let file_filter = match std::env::var(LEVEL_ENV) {
        Ok(v) if !v.trim().is_empty() => {
            EnvFilter::try_new(v.trim()).unwrap_or_else(|_| EnvFilter::new(level))
        }
        _ => EnvFilter::new(level),
    };
    let file_layer = file.map(|f| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(f))
            .with_filter(file_filter)
    });
    let stderr_layer = verbose.then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_target(false)
            .without_time()
            .with_filter(LevelFilter::DEBUG)
    });
    let _ = tracing_subscriber::registry()
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    path.is_file().then_some(path)
}

fn open_log(path: &Path) -> Option<std::fs::File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).ok()?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        let _ = std::fs::rename(path, path.with_extension("log.old"));
    }
    OpenOptions::new().create(true).append(true).open(path).ok()
}

/// What a panic tells the user, after the standard report: that it is a bug, and where the log is.
pub fn panic_note(lang: Lang, log: Option<&Path>) -> String {
    match (lang, log) {
        (Lang::Id, Some(p)) => format!(
            "tulta berhenti karena galat internal. Mohon laporkan, dengan log ini: {}",
            p.display()
        ),
        (Lang::Id, None) => {
            "tulta berhenti karena galat internal. Mohon laporkan (log tidak dapat dibuka).".into()
        }
        (Lang::En, Some(p)) => format!(
            "tulta stopped on an internal error. Please report it, with this log: {}",
            p.display()
        ),
        (Lang::En, None) => {
            "tulta stopped on an internal error. Please report it (no log could be opened).".into()
        }
    }
}

/// Logs a panic and, after the standard report, says where the log is. The app's own hook (in
/// `tui`) runs before this one, so the terminal is restored before anything is printed.
pub fn install_panic_hook(lang: Lang, log: Option<PathBuf>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!(%info, "panic");
        previous(info);
        eprintln!("{}", panic_note(lang, log.as_deref()));
    }));
}

/// A deliberate panic in debug builds only, so the tests can see the panic report through the
/// real binary. Release builds do not have it.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
pub fn debug_panic_on_request() {
    if std::env::var_os("TULTA_DEBUG_PANIC").is_some() {
        panic!("TULTA_DEBUG_PANIC is set");
    }
}

#[cfg(not(debug_assertions))]
pub fn debug_panic_on_request() {}
