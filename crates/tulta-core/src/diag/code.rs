//! The 30 stable diagnostic codes of spec §5 and their severities.

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
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown diagnostic code `{0}` (codes are T001-T007, T101-T104, T201-T210, T301-T309)")]
pub struct UnknownCode(String);

impl UnknownCode {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Id => format!(
                "kode diagnostik `{}` tidak dikenal (kodenya T001-T007, T101-T104, T201-T210, T301-T309)",
                self.0
            ),
            crate::i18n::Lang::En => self.to_string(),
        }
    }
}

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
    fn there_are_thirty_codes_and_they_parse_back() {
        assert_eq!(Code::ALL.len(), 30);
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>().ok(), Some(*code));
        }
        assert_eq!("t203".parse::<Code>().ok(), Some(Code::T203));
        assert!("T999".parse::<Code>().is_err());
    }
}
