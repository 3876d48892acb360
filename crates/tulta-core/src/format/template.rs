//! The risalah `tulta new` writes: every key with an Indonesian comment saying what belongs there.

/// The template's text (risalah/1).
pub const RISALAH: &str = include_str!("template/risalah.yaml");
