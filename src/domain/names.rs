//! Matching of names across steps (spec §5): case, surrounding and repeated spaces do not count.

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
pub fn is_other(label: &str) -> bool {
    matches!(norm(label).as_str(), "lain-lain" | "lainnya" | "lain lain")
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
}
