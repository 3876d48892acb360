//! Where tulta keeps things: the user's config, data and cache folders (directories crate), each
//! overridable by an environment variable for tests and for judges working from a USB stick.

use directories::ProjectDirs;
use std::path::PathBuf;

/// Overrides: `TULTA_CONFIG_DIR`, `TULTA_DATA_DIR`, `TULTA_CACHE_DIR`.
pub(crate) const CONFIG_ENV: &str = "TULTA_CONFIG_DIR";
pub(crate) const DATA_ENV: &str = "TULTA_DATA_DIR";
pub const CACHE_ENV: &str = "TULTA_CACHE_DIR";
/// Where the log goes: `TULTA_STATE_DIR`, else beside an overridden cache, else the platform's
/// state folder (`~/.local/state/tulta` on Linux), else its cache folder.
const STATE_ENV: &str = "TULTA_STATE_DIR";
const LOG_FILE: &str = "tulta.log";

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("id.go", "budaya-kerja", "tulta")
}

fn from_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Falls back to `./.tulta/<kind>` where the platform has no home folder (e.g. a bare container).
fn fallback(kind: &str) -> PathBuf {
    PathBuf::from(".tulta").join(kind)
}

pub fn config_dir() -> PathBuf {
    from_env(CONFIG_ENV)
        .or_else(|| project().map(|p| p.config_dir().to_path_buf()))
        .unwrap_or_else(|| fallback("config"))
}

pub fn data_dir() -> PathBuf {
    from_env(DATA_ENV)
        .or_else(|| project().map(|p| p.data_dir().to_path_buf()))
        .unwrap_or_else(|| fallback("data"))
}

pub fn cache_dir() -> PathBuf {
    from_env(CACHE_ENV)
        .or_else(|| project().map(|p| p.cache_dir().to_path_buf()))
        .unwrap_or_else(|| fallback("cache"))
}

/// What `tulta paths` prints: each folder, what tulta keeps there, and the variable that moves it.
pub fn describe(lang: crate::i18n::Lang) -> String {
    let rows = [
        (
            lang.pick("konfigurasi", "config"),
            config_dir(),
            lang.pick("config.yaml, tema", "config.yaml, themes"),
            CONFIG_ENV,
        ),
        (
            "data",
            data_dir(),
            lang.pick("kunci dan jurnal juri", "judges' keys and journals"),
            DATA_ENV,
        ),
        (
            "cache",
            cache_dir(),
            lang.pick("indeks pencarian", "search index"),
            CACHE_ENV,
        ),
        (
            "log",
            log_file(),
            lang.pick("catatan jalannya tulta", "what tulta did"),
            STATE_ENV,
        ),
    ];
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(name, path, what, var)| {
            format!(
                "{name:width$}  {}\n{:width$}  ({what}; {var})\n",
                path.display(),
                ""
            )
        })
        .collect()
}

pub fn log_file() -> PathBuf {
    from_env(STATE_ENV)
        .or_else(|| from_env(CACHE_ENV))
        .or_else(|| project().and_then(|p| p.state_dir().map(|d| d.to_path_buf())))
        .unwrap_or_else(cache_dir)
        .join(LOG_FILE)
}
