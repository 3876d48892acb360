//! The user's language: Indonesian by default, English on request.

use std::str::FromStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Picks `id` or `en` text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The language a POSIX locale string (`LANG`, `LC_ALL`) asks for, if it is one we speak.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let l = locale.trim().to_ascii_lowercase();
        if l.starts_with("en") {
            Some(Lang::En)
        } else if l.starts_with("id") || l.starts_with("in_") {
            Some(Lang::Id)
        } else {
            None
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "indonesia" | "indonesian" => Ok(Lang::Id),
            "en" | "english" | "inggris" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (use id or en)")),
        }
    }
}
