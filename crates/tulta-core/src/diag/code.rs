//! The 39 stable diagnostic codes of spec §5 (three editions) and their severities.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($($code:ident => $sev:ident),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($code),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code)),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$code => Severity::$sev),* }
            }
        }
    };
}

codes! {
    T001 => Error, T002 => Error, T003 => Warning, T004 => Error, T005 => Error, T006 => Error,
    T007 => Error,
    T101 => Error, T102 => Error, T103 => Warning, T104 => Warning,
    T201 => Error, T202 => Warning, T203 => Error, T204 => Error, T205 => Warning, T206 => Error,
    T207 => Error, T208 => Error, T209 => Warning, T210 => Info,
    T301 => Warning, T302 => Error, T303 => Warning, T304 => Error, T305 => Error, T306 => Warning,
    T307 => Info, T308 => Warning, T309 => Info,
    // Second edition: the group's record, the priority matrix, evidence files.
    T105 => Info, T211 => Error, T310 => Warning, T311 => Info,
    T401 => Error, T402 => Error, T403 => Error, T404 => Error,
    // Third edition: names that pass for others.
    T106 => Warning,
    // Third edition: files saved by Windows editors.
    T008 => Error,
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug)]
pub struct UnknownCode(String);

impl crate::i18n::Localized for UnknownCode {
    fn message(&self, lang: crate::i18n::Lang) -> String {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        match lang {
            crate::i18n::Lang::Id => format!(
                "kode temuan `{}` tidak dikenal; yang ada: {}",
                self.0,
                codes.join(", ")
            ),
            crate::i18n::Lang::En => format!(
                "unknown diagnostic code `{}`; known: {}",
                self.0,
                codes.join(", ")
            ),
        }
    }
}
crate::localized_error!(UnknownCode);

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_uppercase();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == wanted)
            .ok_or_else(|| UnknownCode(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_forty_codes_and_they_parse_back() {
        assert_eq!(Code::ALL.len(), 40);
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>().ok(), Some(*code));
        }
        assert_eq!("t203".parse::<Code>().ok(), Some(Code::T203));
        assert!("T999".parse::<Code>().is_err());
    }
}
