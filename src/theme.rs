//! Colours by meaning, read from theme files (`themes/*.yaml`, built in; or the user's own in the
//! config folder's `themes/`).

use ratatui::style::{Color, Modifier, Style};
use std::path::Path;
use std::str::FromStr;
use tulta_core::format::settings;

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

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    nama: Option<String>,
    latar: String,
    teks: String,
    redup: String,
    aksen: String,
    galat: String,
    peringatan: String,
    info: String,
    sukses: String,
    pilihan: String,
    seri: Vec<String>,
}

fn color(key: &str, value: &str) -> Result<Color, String> {
    Color::from_str(value.trim()).map_err(|_| format!("`{key}`: `{value}` is not a colour"))
}

impl Theme {
    /// Reads a theme file's text.
    pub fn parse(name: &str, text: &str) -> Result<Theme, String> {
        let raw: Raw = settings::parse(text)?;
        let series = raw
            .seri
            .iter()
            .map(|c| color("seri", c))
            .collect::<Result<Vec<_>, _>>()?;
        if series.is_empty() {
            return Err("`seri`: name at least one colour".into());
        }
        Ok(Theme {
            name: raw.nama.unwrap_or_else(|| name.to_string()),
            background: color("latar", &raw.latar)?,
            text: color("teks", &raw.teks)?,
            muted: color("redup", &raw.redup)?,
            accent: color("aksen", &raw.aksen)?,
            error: color("galat", &raw.galat)?,
            warning: color("peringatan", &raw.peringatan)?,
            info: color("info", &raw.info)?,
            success: color("sukses", &raw.sukses)?,
            selection: color("pilihan", &raw.pilihan)?,
            series,
        })
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
    pub fn find(name: &str, user_dir: &Path) -> Result<Theme, String> {
        let user = user_dir.join(format!("{name}.yaml"));
        if user.is_file() {
            let text =
                std::fs::read_to_string(&user).map_err(|e| format!("{}: {e}", user.display()))?;
            return Theme::parse(name, &text).map_err(|e| format!("{}: {e}", user.display()));
        }
        let wanted = ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, real)| real);
        BUILTIN
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(n, text)| Theme::parse(n, text))
            .unwrap_or_else(|| {
                Err(format!(
                    "no theme `{name}` (built in: {})",
                    BUILTIN.map(|(n, _)| n).join(", ")
                ))
            })
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
                Theme::find(name, none).map(|t| t.name),
                Ok(name.to_string())
            );
        }
        assert_eq!(
            Theme::find("high-contrast", none).map(|t| t.name),
            Ok("kontras".into())
        );
        assert!(Theme::find("ungu", none).is_err());
    }

    #[test]
    fn bad_theme_files_say_what_is_wrong() {
        let text = BUILTIN[0].1.replace("\"#ef6b73\"", "merahh");
        let err = Theme::parse("x", &text).err().unwrap_or_default();
        assert!(err.contains("galat"), "{err}");
        assert!(Theme::parse("x", "latar: [").is_err());
    }
}
