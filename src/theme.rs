//! Colours by meaning, read from theme files (`themes/*.yaml`, built in; or the user's own in the
//! config folder's `themes/`).

use ratatui::style::{Color, Modifier, Style};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use tulta_core::files::read::{self, ReadError};
use tulta_core::format::settings::{self, SettingsError};
use tulta_core::i18n::{Lang, Localized};

const BUILTIN: [(&str, &str); 3] = [
    ("gelap", include_str!("../themes/gelap.yaml")),
    ("terang", include_str!("../themes/terang.yaml")),
    ("kontras", include_str!("../themes/kontras.yaml")),
];

/// English names people may type for the built-in themes.
const ALIASES: [(&str, &str); 4] = [
    ("dark", "gelap"),
    ("light", "terang"),
    ("high-contrast", "kontras"),
    ("kontras-tinggi", "kontras"),
];

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub name: String,
    pub background: Color,
    pub text: Color,
    pub muted: Color,
    pub accent: Color,
    pub error: Color,
    pub warning: Color,
    pub info: Color,
    pub success: Color,
    pub selection: Color,
    pub series: Vec<Color>,
}

/// A theme file. Every colour is needed, unless `dasar` names a built-in theme to start from:
/// then only the colours that differ from it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    nama: Option<String>,
    dasar: Option<String>,
    latar: Option<String>,
    teks: Option<String>,
    redup: Option<String>,
    aksen: Option<String>,
    galat: Option<String>,
    peringatan: Option<String>,
    info: Option<String>,
    sukses: Option<String>,
    pilihan: Option<String>,
    seri: Option<Vec<String>>,
}

/// Why a theme cannot be used. Read before the screen knows which language to show, so the app
/// carries it in both ([`Localized::in_both`]).
#[derive(Debug)]
pub enum ThemeError {
    /// Not a settings file tulta can read (syntax, size, an unknown key).
    Settings(SettingsError),
    NotAColour {
        key: &'static str,
        value: String,
    },
    Missing(&'static str),
    NoBase(String),
    NoSeries,
    Unreadable(ReadError),
    /// Saved as UTF-16 or in a legacy code page (spec §11 "Text files").
    NotUtf8(tulta_core::files::encoding::NotUtf8),
    /// What is wrong in the user's theme file at `path`.
    InFile {
        path: PathBuf,
        why: Box<ThemeError>,
    },
    Unknown(String),
}

impl From<SettingsError> for ThemeError {
    fn from(e: SettingsError) -> Self {
        ThemeError::Settings(e)
    }
}

impl Localized for ThemeError {
    fn message(&self, lang: Lang) -> String {
        use ThemeError::*;
        let names = || BUILTIN.map(|(n, _)| n).join(", ");
        match (self, lang) {
            (Settings(e), lang) => e.message(lang),
            (NotAColour { key, value }, Lang::Id) => format!("`{key}`: `{value}` bukan warna"),
            (NotAColour { key, value }, Lang::En) => format!("`{key}`: `{value}` is not a colour"),
            (Missing(key), Lang::Id) => format!("`{key}` tidak ada (tulis semua warna, atau `dasar: gelap` untuk mulai dari tema bawaan)"),
            (Missing(key), Lang::En) => format!("`{key}` is missing (give every colour, or `dasar: gelap` to start from a built-in theme)"),
            (NoBase(b), Lang::Id) => format!("`dasar`: tidak ada tema bawaan `{b}` ({})", names()),
            (NoBase(b), Lang::En) => format!("`dasar`: no built-in theme `{b}` ({})", names()),
            (NoSeries, Lang::Id) => "`seri`: sebutkan sedikitnya satu warna".into(),
            (NoSeries, Lang::En) => "`seri`: name at least one colour".into(),
            (Unreadable(e), lang) => e.message(lang),
            (NotUtf8(why), lang) => why.text(lang).to_string(),
            (InFile { path, why }, lang) => format!("{}: {}", path.display(), why.message(lang)),
            (Unknown(name), Lang::Id) => format!("tidak ada tema `{name}` (bawaan: {})", names()),
            (Unknown(name), Lang::En) => format!("no theme `{name}` (built in: {})", names()),
        }
    }
}

tulta_core::localized_error!(ThemeError);

fn color(key: &'static str, value: &str) -> Result<Color, ThemeError> {
    Color::from_str(value.trim()).map_err(|_| ThemeError::NotAColour {
        key,
        value: value.to_string(),
    })
}

/// The colour `key` from the file, else from the base theme; without either, an error.
fn pick(
    key: &'static str,
    value: Option<&String>,
    base: Option<Color>,
) -> Result<Color, ThemeError> {
    match (value, base) {
        (Some(v), _) => color(key, v),
        (None, Some(c)) => Ok(c),
        (None, None) => Err(ThemeError::Missing(key)),
    }
}

impl Theme {
    /// Reads a theme file's text.
    pub fn parse(name: &str, text: &str) -> Result<Theme, ThemeError> {
        let raw: Raw = settings::parse(text)?;
        let base = match &raw.dasar {
            Some(b) => Some(Theme::builtin(b).ok_or_else(|| ThemeError::NoBase(b.clone()))??),
            None => None,
        };
        let series = match (&raw.seri, &base) {
            (Some(seri), _) => seri
                .iter()
                .map(|c| color("seri", c))
                .collect::<Result<Vec<_>, _>>()?,
            (None, Some(b)) => b.series.clone(),
            (None, None) => return Err(ThemeError::Missing("seri")),
        };
        if series.is_empty() {
            return Err(ThemeError::NoSeries);
        }
        let b = base.as_ref();
        Ok(Theme {
            name: raw.nama.clone().unwrap_or_else(|| name.to_string()),
            background: pick("latar", raw.latar.as_ref(), b.map(|t| t.background))?,
            text: pick("teks", raw.teks.as_ref(), b.map(|t| t.text))?,
            muted: pick("redup", raw.redup.as_ref(), b.map(|t| t.muted))?,
            accent: pick("aksen", raw.aksen.as_ref(), b.map(|t| t.accent))?,
            error: pick("galat", raw.galat.as_ref(), b.map(|t| t.error))?,
            warning: pick("peringatan", raw.peringatan.as_ref(), b.map(|t| t.warning))?,
            info: pick("info", raw.info.as_ref(), b.map(|t| t.info))?,
            success: pick("sukses", raw.sukses.as_ref(), b.map(|t| t.success))?,
            selection: pick("pilihan", raw.pilihan.as_ref(), b.map(|t| t.selection))?,
            series,
        })
    }

    /// A built-in theme by its name or English alias.
    fn builtin(name: &str) -> Option<Result<Theme, ThemeError>> {
        let wanted = ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, real)| real);
        BUILTIN
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(n, text)| Theme::parse(n, text))
    }

    /// The default theme (dark).
    pub fn builtin_default() -> Theme {
        Theme::parse(BUILTIN[0].0, BUILTIN[0].1).unwrap_or_else(|_| Theme::plain())
    }

    /// Terminal colours only: the fallback that cannot fail.
    pub fn plain() -> Theme {
        Theme {
            name: "polos".into(),
            background: Color::Reset,
            text: Color::Reset,
            muted: Color::DarkGray,
            accent: Color::Cyan,
            error: Color::Red,
            warning: Color::Yellow,
            info: Color::Blue,
            success: Color::Green,
            selection: Color::DarkGray,
            series: vec![Color::Cyan, Color::Yellow, Color::Magenta],
        }
    }

    /// Finds a theme by name: the user's `themes/NAME.yaml` first, then the built-in ones.
    pub fn find(name: &str, user_dir: &Path) -> Result<Theme, ThemeError> {
        let user = user_dir.join(format!("{name}.yaml"));
        // A file by that name that cannot be read (a FIFO, a device, too large) is said as such,
        // not taken for a theme that does not exist.
        if let Some(bytes) = read::read_if_any(&user, read::Kind::Theme, read::Links::Follow)
            .map_err(ThemeError::Unreadable)?
        {
            let in_file = |why| ThemeError::InFile {
                path: user.clone(),
                why: Box::new(why),
            };
            let text = tulta_core::files::encoding::decode(&bytes)
                .map_err(|why| in_file(ThemeError::NotUtf8(why)))?;
            return Theme::parse(name, &text).map_err(in_file);
        }
        Theme::builtin(name).unwrap_or_else(|| Err(ThemeError::Unknown(name.to_string())))
    }

    pub fn names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    pub fn base(&self) -> Style {
        Style::default().fg(self.text).bg(self.background)
    }

    pub fn muted(&self) -> Style {
        Style::default().fg(self.muted)
    }

    pub fn accent(&self) -> Style {
        Style::default().fg(self.accent)
    }

    pub fn title(&self) -> Style {
        Style::default()
            .fg(self.accent)
            .add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::default()
            .bg(self.selection)
            .add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        Style::default().fg(self.error)
    }

    pub fn warning(&self) -> Style {
        Style::default().fg(self.warning)
    }

    pub fn info(&self) -> Style {
        Style::default().fg(self.info)
    }

    pub fn success(&self) -> Style {
        Style::default().fg(self.success)
    }

    pub fn series(&self, i: usize) -> Color {
        self.series[i % self.series.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_parse_and_aliases_resolve() {
        let none = Path::new("/nonexistent-tulta-themes");
        for name in Theme::names() {
            assert_eq!(
                Theme::find(name, none).map(|t| t.name).ok(),
                Some(name.to_string())
            );
        }
        assert_eq!(
            Theme::find("high-contrast", none).map(|t| t.name).ok(),
            Some("kontras".into())
        );
        assert!(Theme::find("ungu", none).is_err());
    }

    #[test]
    fn bad_theme_files_say_what_is_wrong() {
        let text = BUILTIN[0].1.replace("\"#ef6b73\"", "merahh");
        let err = Theme::parse("x", &text).expect_err("bad colour");
        assert!(err.message(Lang::Id).contains("galat"), "{err}");
        assert!(Theme::parse("x", "latar: [").is_err());
        let err = Theme::parse("x", "teks: red\n").expect_err("missing colours");
        assert!(err.message(Lang::En).contains("dasar"), "{err}");
        assert!(err.message(Lang::Id).contains("tulis semua warna"), "{err}");
    }

    #[test]
    fn a_user_theme_may_start_from_a_built_in_one() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("saya.yaml"),
            "dasar: terang\ngalat: \"#ff0000\"\n",
        )
        .expect("w");
        let mine = Theme::find("saya", dir.path()).expect("theme");
        let light = Theme::find("terang", dir.path()).expect("built in");
        assert_eq!(mine.error, Color::from_str("#ff0000").expect("colour"));
        assert_eq!(mine.background, light.background);
        assert_eq!(mine.series, light.series);
        assert_eq!(mine.name, "saya");
        std::fs::write(dir.path().join("salah.yaml"), "dasar: ungu\n").expect("w");
        let err = Theme::find("salah", dir.path()).expect_err("no such base");
        assert!(
            err.message(Lang::Id)
                .contains("tidak ada tema bawaan `ungu`"),
            "{err}"
        );
        assert!(
            err.message(Lang::En).contains("no built-in theme `ungu`"),
            "{err}"
        );
    }
}
