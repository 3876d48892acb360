//! The `lomba/1` model: one competition.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Agregasi {
    #[default]
    RataRata,
    Median,
    RataRataTerpangkas,
    ZSkor,
}

impl Agregasi {
    pub const NAMES: &'static [&'static str] =
        &["rata_rata", "median", "rata_rata_terpangkas", "z_skor"];

    pub fn parse(s: &str) -> Option<Agregasi> {
        match s.trim() {
            "rata_rata" => Some(Agregasi::RataRata),
            "median" => Some(Agregasi::Median),
            "rata_rata_terpangkas" => Some(Agregasi::RataRataTerpangkas),
            "z_skor" => Some(Agregasi::ZSkor),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        Agregasi::NAMES[self as usize]
    }
}

#[derive(Clone, Debug, Default)]
pub struct Juri {
    pub id: String,
    pub nama: String,
    pub opd: Option<String>,
    /// The judge's public key (`ed25519:BASE64`), pinned by the organiser (spec §10).
    pub kunci: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Konflik {
    pub juri: String,
    pub risalah: String,
    /// Where each id stands in the file, for T404.
    pub juri_at: crate::diag::Path,
    pub risalah_at: crate::diag::Path,
}

#[derive(Clone, Debug, Default)]
pub struct Lomba {
    pub id: Option<String>,
    pub nama: Option<String>,
    pub tahun: Option<i64>,
    pub penyelenggara: Option<String>,
    /// Folder of entries, relative to the lomba file.
    pub risalah: Option<String>,
    /// Rubric file, relative to the lomba file; `None` for the built-in default.
    pub rubrik: Option<String>,
    pub juri: Vec<Juri>,
    pub konflik: Vec<Konflik>,
    pub agregasi: Agregasi,
}
