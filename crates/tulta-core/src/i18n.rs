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

    /// One text in both languages (joined by U+001F), for a message made where the language is
    /// not known; the screen shows its half with [`Lang::pick_half`].
    pub fn both(say: impl Fn(Lang) -> String) -> String {
        format!("{}\u{1f}{}", say(Lang::Id), say(Lang::En))
    }

    /// This language's half of a text made by [`Lang::both`]; any other text as it is.
    pub fn pick_half(self, text: &str) -> &str {
        match text.split_once('\u{1f}') {
            Some((id, en)) => self.pick(id, en),
            None => text,
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

/// An operating-system error as the user reads it: std's own text is English only, so the common
/// kinds are said in Indonesian and the rest by their OS code.
pub fn io_error(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind::*;
    if lang == Lang::En {
        return e.to_string();
    }
    let said = match e.kind() {
        NotFound => "berkas atau folder itu tidak ada",
        PermissionDenied => "tidak ada izin",
        AlreadyExists => "sudah ada",
        IsADirectory => "itu sebuah folder, bukan berkas",
        NotADirectory => "bagian jalurnya bukan folder",
        ReadOnlyFilesystem => "media hanya dapat dibaca",
        StorageFull | QuotaExceeded => "ruang penyimpanan penuh",
        DirectoryNotEmpty => "folder tidak kosong",
        InvalidData | InvalidInput => "isi atau nama tidak sah",
        UnexpectedEof => "berkas berakhir sebelum waktunya",
        Interrupted | TimedOut | WouldBlock => "terputus, coba lagi",
        _ => "galat sistem",
    };
    match e.raw_os_error() {
        Some(code) => format!("{said} (kode OS {code})"),
        None => said.to_string(),
    }
}

/// `--lang`'s and `bahasa:`'s refusal in both languages (the language is what failed to be chosen).
pub fn unknown_lang(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("bahasa `{value}` tidak dikenal (pakai id atau en)"),
        Lang::En => format!("unknown language `{value}` (use id or en)"),
    }
}

/// What the user reads of a value — above all of an error — in either language. Every error type of
/// tulta implements it with one arm per variant (never a catch-all), so a new variant cannot stay
/// in one language; its `Display` is the English text, made by [`localized_error!`].
pub trait Localized {
    fn message(&self, lang: Lang) -> String;

    /// Both languages in one text, for a screen that picks one with [`Lang::pick_half`].
    fn in_both(&self) -> String {
        Lang::both(|lang| self.message(lang))
    }
}

/// `Display` (the English message) and `std::error::Error` for a [`Localized`] type, so its English
/// text is written once, in its `message`.
#[macro_export]
macro_rules! localized_error {
    ($t:ty) => {
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::i18n::Localized::message(
                    self,
                    $crate::i18n::Lang::En,
                ))
            }
        }
        impl ::std::error::Error for $t {}
    };
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "indonesia" | "indonesian" => Ok(Lang::Id),
            "en" | "english" | "inggris" => Ok(Lang::En),
            other => Err(unknown_lang(other, Lang::En)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_both_languages_shows_the_one_asked_for() {
        let e = crate::files::sources::SourceError::NotFound("a.yaml".into());
        let both = Lang::both(|lang| e.message(lang));
        assert_eq!(
            Lang::Id.pick_half(&both),
            "a.yaml: berkas atau folder itu tidak ada"
        );
        assert_eq!(Lang::En.pick_half(&both), "a.yaml: no such file or folder");
    }

    #[test]
    fn os_errors_are_said_in_indonesian() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(
            io_error(&e, Lang::Id),
            "berkas atau folder itu tidak ada (kode OS 2)"
        );
        assert!(io_error(&e, Lang::En).contains("No such file"));
    }
}
