//! The app's config file (`config.yaml` in the user's config folder): language, theme, default
//! reports folder, mouse, and the judge last chosen. Missing means defaults; broken means defaults
//! and a notice, never a refusal to start.

use std::path::{Path, PathBuf};
use tulta_core::format::settings;
use tulta_core::i18n::Lang;

pub const FILE_NAME: &str = "config.yaml";

#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `id` or `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bahasa: Option<String>,
    /// A theme name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tema: Option<String>,
    /// The reports folder opened when none is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laporan: Option<PathBuf>,
    /// Mouse on (default) or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tetikus: Option<bool>,
    /// The judge this machine scores as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub juri: Option<String>,
    /// Keys rebound by action name: `batal: ctrl-z` or `kembali: [esc, backspace]`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub tombol: std::collections::BTreeMap<String, crate::app::action::KeyList>,
}

/// A config as loaded, with what went wrong (to show once, in the status line).
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub notice: Option<String>,
}

impl Config {
    pub fn load(dir: &Path) -> Loaded {
        let path = dir.join(FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    config: Config::default(),
                    notice: Some(format!("{}: {e}", path.display())),
                }
            }
        };
        if text.trim().is_empty() {
            return Loaded::default();
        }
        match settings::parse::<Config>(&text) {
            Ok(config) => {
                let bad_lang = config
                    .bahasa
                    .as_deref()
                    .is_some_and(|b| b.parse::<Lang>().is_err());
                Loaded {
                    notice: bad_lang
                        .then(|| format!("{}: `bahasa` must be id or en", path.display())),
                    config,
                }
            }
            Err(e) => Loaded {
                config: Config::default(),
                notice: Some(format!("{}: {e}", path.display())),
            },
        }
    }

    /// Saves the config (through a temporary file, so a crash leaves the old one whole).
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        let text = settings::to_text(self)?;
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(FILE_NAME);
        tulta_core::files::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn lang(&self) -> Option<Lang> {
        self.bahasa.as_deref().and_then(|b| b.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_default_and_broken_is_default_with_a_notice() {
        let dir = tempfile::tempdir().expect("tmp");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config, Config::default());
        assert!(loaded.notice.is_none());

        std::fs::write(dir.path().join(FILE_NAME), "bahasa: en\ntetikus: false\n").expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config.lang(), Some(Lang::En));
        assert_eq!(loaded.config.tetikus, Some(false));

        std::fs::write(dir.path().join(FILE_NAME), "bahasa: [en\n").expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config, Config::default());
        assert!(loaded.notice.is_some());

        std::fs::write(dir.path().join(FILE_NAME), "warna: biru\n").expect("w");
        assert!(Config::load(dir.path()).notice.is_some(), "unknown key");
    }
}
