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
    /// Stages, in order (spec §8); empty: one scored stage `risalah` with the lomba's rubric.
    pub tahap: Vec<Tahap>,
    pub penghargaan: Penghargaan,
    /// A demonstration (spec §11): only then are keys and journals shipped in its `jurnal/`
    /// folder installed, and every screen and output says CONTOH / SAMPLE.
    pub contoh: bool,
    /// The coordinator, whose key signs amendments to the rules (spec §11).
    pub koordinator: Option<Koordinator>,
}

/// The coordinator (spec §11): the key that signs amendments (`ed25519:BASE64`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Koordinator {
    pub nama: Option<String>,
    pub kunci: Option<String>,
}

/// An id another part of the file refers to, with where it stands (for T404).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ref {
    pub id: String,
    pub at: crate::diag::Path,
}

/// What a stage decides (spec §8).
#[derive(Clone, Debug, PartialEq)]
pub enum JenisTahap {
    /// Pass or fail: no error from `check`, and a lampiran of each listed kind.
    Syarat { lampiran: Vec<String> },
    /// Scored with a rubric by judges.
    Nilai {
        /// Rubric file relative to the lomba file; `None` for the lomba's own rubric.
        rubrik: Option<Ref>,
        bobot: f64,
        /// The best N of each category advance; `None`: everyone who took part.
        lolos: Option<usize>,
        /// Minutes of each group's slot (a gelar).
        menit: Option<u32>,
        /// When the first slot starts, local time `YYYY-MM-DD HH:MM` (the gelar day, spec §8).
        mulai: Option<String>,
        /// Minutes between slots.
        jeda: Option<u32>,
        /// The stage's judges; `None`: every judge of the lomba.
        juri: Option<Vec<Ref>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tahap {
    pub id: String,
    pub nama: String,
    pub jenis: JenisTahap,
}

impl Tahap {
    pub(crate) fn is_scored(&self) -> bool {
        matches!(self.jenis, JenisTahap::Nilai { .. })
    }
}

/// A special prize: the best mean of some criteria of one stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Khusus {
    pub id: String,
    pub nama: String,
    pub tahap: Ref,
    pub kriteria: Vec<Ref>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Penghargaan {
    /// Place labels per category, in order: `Juara I`, `Juara II`, …
    pub juara: Vec<String>,
    pub khusus: Vec<Khusus>,
}
