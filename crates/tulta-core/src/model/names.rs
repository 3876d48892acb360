//! Matching of names across steps (spec §5): case, surrounding and repeated spaces do not count.

/// An id that may become part of a file name (spec §4): `[a-z0-9-]+`.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The form two names are compared in.
pub fn norm(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn same(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

/// Characters that show nothing or steer the text's direction (zero-width spaces and joiners,
/// bidi controls, the BOM, soft hyphens, variation selectors, tags): a name holding one looks like
/// another name it is not.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{E0000}'..='\u{E0FFF}')
        || (c.is_control() && !c.is_whitespace())
}

/// A name with what does not show made visible (`\u{200b}`), for a message about it.
pub fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if is_invisible(c) {
                format!("\\u{{{:04x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A name as shown and kept in the rules fingerprint: NFKC, without invisible characters, its
/// spaces collapsed.
pub fn clean(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    visible
        .nfkc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The form names are compared in for conflicts of interest (spec §11): NFKC, case folded,
/// without invisible and direction-control characters, letters that only look alike (a Cyrillic
/// `а` for a Latin `a`) taken as one, and every run of spaces and punctuation as one space.
pub fn conflict_form(name: &str) -> String {
    // Each character folded, then mapped to the prototype it looks like (UTS #39). A capital may
    // look like a Latin letter its small form does not (Cyrillic `В` like `B`, `в` like nothing):
    // then the capital's prototype, folded, is taken.
    let fold = caseless::default_case_fold_str;
    let mut form = String::new();
    for c in clean(name).chars() {
        let c = c.to_string();
        let lower_first: String = unicode_security::skeleton(&fold(&c)).collect();
        let upper_first = fold(&unicode_security::skeleton(&c).collect::<String>());
        form.push_str(if !lower_first.is_ascii() && upper_first.is_ascii() {
            &upper_first
        } else {
            &lower_first
        });
    }
    fold(&form)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two names are one for a conflict of interest.
pub fn same_party(a: &str, b: &str) -> bool {
    let (a, b) = (conflict_form(a), conflict_form(b));
    !a.is_empty() && a == b
}

/// Why a name may pass for another (T106): it holds invisible or direction-control characters,
/// or letters of two scripts.
pub fn deceptive(name: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    if name.chars().any(is_invisible) {
        return true;
    }
    let mut seen: Option<Script> = None;
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        let s = c.script();
        if matches!(s, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        match seen {
            Some(x) if x != s => return true,
            _ => seen = Some(s),
        }
    }
    false
}

/// "Lain-lain" / "lainnya": the catch-all Pareto item that may come last.
pub(crate) fn is_other(label: &str) -> bool {
    matches!(norm(label).as_str(), "lain-lain" | "lainnya" | "lain lain")
}

/// The closest candidate, when it is close enough to be a likely typo.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&name, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_and_spacing() {
        assert!(same("  Jaringan  SIAK lambat ", "jaringan siak LAMBAT"));
        assert!(!same("Jaringan SIAK lambat", "Jaringan SIAK"));
        assert!(is_other("Lain-lain"));
        assert!(is_other(" LAINNYA"));
    }

    #[test]
    fn conflict_names_ignore_what_does_not_show() {
        let base = "RSUD Tirta Husada";
        for dodge in [
            "RSUD Tirta Husada\u{200b}",
            "RSUD Tirtа Husada", // Cyrillic а
            "RSUD Tirta Нusada", // Cyrillic Н
            "RSUD Tirta Husada.",
            "rsud  TIRTA\u{202e} husada",
            "ＲＳＵＤ Tirta Husada",
        ] {
            assert!(same_party(base, dodge), "{dodge:?}");
        }
        assert!(!same_party(base, "RSUD Tirta Medika"));
        assert!(deceptive("RSUD Tirtа Husada"));
        assert!(deceptive("RSUD\u{200b}"));
        assert!(!deceptive("Kelurahan Mawar 2"));
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["judul", "tahun", "daerah"];
        assert_eq!(suggest("judl", keys), Some("judul"));
        assert_eq!(suggest("Tahun", keys), Some("tahun"));
        assert_eq!(suggest("kecamatan", keys), None);
    }
}
