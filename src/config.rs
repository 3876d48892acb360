//! The app's config file (`config.yaml` in the user's config folder): language, theme, default
//! reports folder, mouse, and the judge last chosen. Missing means defaults; a key tulta does not
//! know is named in a warning and the rest is kept; a file that cannot be read at all means
//! defaults and a notice, never a refusal to start.

use std::path::{Path, PathBuf};
use tulta_core::files::read;
use tulta_core::format::settings;
use tulta_core::i18n::{Lang, Localized};

pub const FILE_NAME: &str = "config.yaml";

#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, serde::Serialize)]
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

/// A config as loaded, with what was wrong in it (each text in both languages, see
/// [`Lang::both`]; shown once: in the app's status line, or on stderr by the other commands).
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub notices: Vec<String>,
    /// The config is no regular file within its limit (a FIFO, a device, a link to one, a huge
    /// file): not a slip of the pen to warn about, so the command stops on it (exit 2).
    pub refused: Option<String>,
}

enum Read {
    Missing,
    /// Not a regular file within the limit: said in both languages.
    Refused(String),
    /// The config, its unknown keys, and the text it was read from (kept for saving).
    Parsed(Config, Vec<String>, String),
    Broken(String),
}

fn read(path: &Path) -> Read {
    // The user's own file, maybe a link kept by a dotfiles manager: followed, to a regular file
    // within the limit. A FIFO, a device or a huge file is refused: every command says so.
    let bytes = match read::read(path, read::Kind::Config, read::Links::Follow) {
        Ok(b) => b,
        Err(e) if e.is_missing() => return Read::Missing,
        Err(e) => return Read::Refused(Lang::both(|lang| e.message(lang))),
    };
    // Read as every text file is: a BOM and CRLF as plain UTF-8; UTF-16 or a code page said with
    // how to save it as UTF-8 (T008's words), and the config ignored.
    let text = match tulta_core::files::encoding::decode(&bytes) {
        Ok(t) => t.into_owned(),
        Err(why) => {
            return Read::Broken(Lang::both(|lang| {
                format!(
                    "{}: {} ({})",
                    path.display(),
                    why.text(lang),
                    lang.pick("konfigurasi diabaikan", "config ignored")
                )
            }))
        }
    };
    if text.trim().is_empty() {
        return Read::Missing;
    }
    match settings::parse_lenient::<Config>(&text) {
        Ok((config, unknown)) => Read::Parsed(config, unknown, text),
        Err(e) => Read::Broken(Lang::both(|lang| {
            format!(
                "{}: {} ({})",
                path.display(),
                lang.pick(
                    "tidak terbaca, konfigurasi diabaikan",
                    "unreadable, config ignored"
                ),
                e.message(lang)
            )
        })),
    }
}

impl Config {
    pub fn load(dir: &Path) -> Loaded {
        let path = dir.join(FILE_NAME);
        match read(&path) {
            Read::Missing => Loaded::default(),
            Read::Broken(notice) => Loaded {
                config: Config::default(),
                notices: vec![notice],
                refused: None,
            },
            Read::Refused(why) => Loaded {
                refused: Some(why),
                ..Loaded::default()
            },
            Read::Parsed(config, unknown, _) => {
                let mut notices: Vec<String> = unknown
                    .iter()
                    .map(|key| {
                        Lang::both(|lang| match lang {
                            Lang::Id => format!(
                                "{}: kunci `{key}` tidak dikenal, diabaikan",
                                path.display()
                            ),
                            Lang::En => {
                                format!("{}: unknown key `{key}`, ignored", path.display())
                            }
                        })
                    })
                    .collect();
                if let Some(b) = config
                    .bahasa
                    .as_deref()
                    .filter(|b| b.parse::<Lang>().is_err())
                {
                    notices.push(Lang::both(|lang| {
                        format!(
                            "{}: {}",
                            path.display(),
                            tulta_core::i18n::unknown_lang(b, lang)
                        )
                    }));
                }
                Loaded {
                    config,
                    notices,
                    refused: None,
                }
            }
        }
    }

    /// Saves the settings that differ from the file's, editing only their own lines: comments,
    /// keys tulta does not know and the order stay as the user wrote them. A config that cannot
    /// be read is not overwritten. Written through a temporary file, so a crash leaves the old one.
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        let path = dir.join(FILE_NAME);
        let (old, mut text) = match read(&path) {
            Read::Missing => (Config::default(), String::new()),
            Read::Broken(notice) | Read::Refused(notice) => return Err(notice),
            Read::Parsed(old, _, text) => (old, text),
        };
        let new_entries = settings::to_text(self).map_err(|e| e.in_both())?;
        let old_entries = settings::to_text(&old).map_err(|e| e.in_both())?;
        for key in KEYS {
            let new = entry(&new_entries, key);
            if new != entry(&old_entries, key) {
                text = replace_entry(&text, key, new.as_deref());
            }
        }
        match settings::parse_lenient::<Config>(&text) {
            Ok((saved, _)) if saved == *self => {}
            _ => {
                return Err(Lang::both(|lang| {
                    format!(
                        "{}: {}",
                        path.display(),
                        lang.pick(
                            "tidak dapat diperbarui tanpa mengubah isi lainnya",
                            "cannot be updated without changing the rest"
                        )
                    )
                }))
            }
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        tulta_core::files::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn lang(&self) -> Option<Lang> {
        self.bahasa.as_deref().and_then(|b| b.parse().ok())
    }
}

const KEYS: [&str; 5] = ["bahasa", "tema", "laporan", "tetikus", "juri"];

/// Whether `line` starts the top-level entry `key:`.
fn starts_entry(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// Whether `line` continues the entry above it (indented, or blank).
fn continues(line: &str) -> bool {
    line.trim().is_empty() || line.starts_with([' ', '\t'])
}

/// The lines of top-level entry `key` in `text`, as written.
fn entry(text: &str, key: &str) -> Option<String> {
    let mut lines = text.lines().skip_while(|l| !starts_entry(l, key));
    let first = lines.next()?;
    let mut out = format!("{first}\n");
    for line in lines.take_while(|l| continues(l) && !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// `text` with the top-level entry `key` replaced by `new` (appended if absent, removed if `None`).
fn replace_entry(text: &str, key: &str, new: Option<&str>) -> String {
    let mut out = String::new();
    let mut found = false;
    let mut skipping = false;
    for line in text.lines() {
        if skipping && continues(line) && !line.trim().is_empty() {
            continue;
        }
        skipping = false;
        if !found && starts_entry(line, key) {
            found = true;
            skipping = true;
            out.push_str(new.unwrap_or(""));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    if !found {
        out.push_str(new.unwrap_or(""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_default_and_broken_is_default_with_a_notice() {
        let dir = tempfile::tempdir().expect("tmp");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config, Config::default());
        assert!(loaded.notices.is_empty());

        std::fs::write(dir.path().join(FILE_NAME), "bahasa: en\ntetikus: false\n").expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config.lang(), Some(Lang::En));
        assert_eq!(loaded.config.tetikus, Some(false));

        std::fs::write(dir.path().join(FILE_NAME), "bahasa: [en\n").expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config, Config::default());
        assert_eq!(loaded.notices.len(), 1);
    }

    /// Issue 25: a config Notepad saved with a BOM and CRLF reads as plain UTF-8; one saved as
    /// UTF-16 is ignored with a notice saying how to save it as UTF-8.
    #[test]
    fn a_config_from_notepad_reads_and_utf16_says_how_to_save_it() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "\u{feff}bahasa: en\r\ntetikus: false\r\n").expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config.lang(), Some(Lang::En));
        assert_eq!(loaded.config.tetikus, Some(false));
        assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);

        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("bahasa: en\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        std::fs::write(&path, utf16).expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config, Config::default());
        assert_eq!(loaded.notices.len(), 1);
        assert!(
            loaded.notices[0].contains("UTF-16") && loaded.notices[0].contains("Save As"),
            "{:?}",
            loaded.notices
        );
    }

    #[test]
    fn an_unknown_key_is_named_and_the_rest_kept() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join(FILE_NAME),
            "keys:\n  quit: x\nbahasa: en\ntema: terang\n",
        )
        .expect("w");
        let loaded = Config::load(dir.path());
        assert_eq!(loaded.config.lang(), Some(Lang::En));
        assert_eq!(loaded.config.tema.as_deref(), Some("terang"));
        assert_eq!(loaded.notices.len(), 1);
        assert!(Lang::Id
            .pick_half(&loaded.notices[0])
            .contains("kunci `keys` tidak dikenal"));
        assert!(Lang::En
            .pick_half(&loaded.notices[0])
            .contains("unknown key `keys`"));
    }

    #[test]
    fn saving_edits_only_the_changed_lines() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE_NAME);
        let original =
            "# mine\nbahasa: en   # English please\nkeys:\n  quit: x\njuri: lama\ntema: terang\n";
        std::fs::write(&path, original).expect("w");
        let mut config = Config::load(dir.path()).config;
        config.juri = Some("J2".into());
        config.save(dir.path()).expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text, original.replace("juri: lama", "juri: J2"));

        config.tetikus = Some(false);
        config.juri = None;
        config.save(dir.path()).expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(!text.contains("juri"), "{text}");
        assert!(text.ends_with("tetikus: false\n"), "{text}");
        assert!(text.contains("# English please") && text.contains("  quit: x"));
        assert_eq!(Config::load(dir.path()).config, config);

        std::fs::write(&path, "bahasa: [\n").expect("w");
        assert!(
            config.save(dir.path()).is_err(),
            "a broken config is not overwritten"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "bahasa: [\n");

        let fresh = tempfile::tempdir().expect("tmp");
        let config = Config {
            juri: Some("J1".into()),
            ..Config::default()
        };
        config.save(&fresh.path().join("new")).expect("save new");
        assert_eq!(Config::load(&fresh.path().join("new")).config, config);
    }
}
