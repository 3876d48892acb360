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
    fn suggests_close_names_only() {
        let keys = ["judul", "tahun", "daerah"];
        assert_eq!(suggest("judl", keys), Some("judul"));
        assert_eq!(suggest("Tahun", keys), Some("tahun"));
        assert_eq!(suggest("kecamatan", keys), None);
    }
}
