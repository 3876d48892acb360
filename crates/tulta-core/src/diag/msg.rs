//! What each finding says, in Indonesian and English. One variant per kind of finding; the code and
//! severity follow from the variant, so a message can never be filed under the wrong code.
//!
//! Longer than most files on purpose: it is one table — each variant, its code, and its words in
//! both languages (matched without a catch-all) — and a finding is added or reworded by reading
//! its row across. The small types above `Msg` exist only to fill these texts.

use super::code::Code;
use crate::i18n::Lang;

/// The type a key should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Number,
    Integer,
    List,
    Mapping,
    OneOf(&'static [&'static str]),
    Id,
    /// An ISO calendar date, `YYYY-MM-DD`.
    Date,
    /// A pair of ISO dates, `[from, to]`.
    DateRange,
    PublicKey,
    /// A finite number, zero or more (a stage's weight).
    NonNegative,
    /// A whole number, one or more (how many advance, minutes of a slot).
    Positive,
    /// A whole number, zero or more (minutes between gelar slots).
    NonNegativeInteger,
    /// A local date and time, `YYYY-MM-DD HH:MM` (when a gelar starts).
    DateTime,
}

impl Expected {
    fn describe(self, lang: Lang) -> String {
        match self {
            Expected::Text => lang.pick("teks", "text").into(),
            Expected::Number => lang.pick("angka", "a number").into(),
            Expected::Integer => lang.pick("bilangan bulat", "an integer").into(),
            Expected::List => lang.pick("daftar (list)", "a list").into(),
            Expected::Mapping => lang
                .pick("pemetaan (kunci: nilai)", "a mapping (key: value)")
                .into(),
            Expected::Id => lang
                .pick(
                    "id dari huruf kecil, angka dan tanda hubung ([a-z0-9-]+)",
                    "an id of lower-case letters, digits and hyphens ([a-z0-9-]+)",
                )
                .into(),
            Expected::Date => lang
                .pick(
                    "tanggal ISO yang ada (YYYY-MM-DD)",
                    "an existing ISO date (YYYY-MM-DD)",
                )
                .into(),
            Expected::DateRange => lang
                .pick(
                    "dua tanggal ISO [dari, sampai], yang kedua tidak sebelum yang pertama",
                    "two ISO dates [from, to], the second not before the first",
                )
                .into(),
            Expected::NonNegative => lang
                .pick("angka tidak negatif", "a number, zero or more")
                .into(),
            Expected::Positive => lang
                .pick("bilangan bulat 1 atau lebih", "a whole number, 1 or more")
                .into(),
            Expected::NonNegativeInteger => lang
                .pick("bilangan bulat 0 atau lebih", "a whole number, 0 or more")
                .into(),
            Expected::DateTime => lang
                .pick(
                    "tanggal dan jam setempat `YYYY-MM-DD HH:MM` (mis. \"2026-12-10 08:00\")",
                    "a local date and time `YYYY-MM-DD HH:MM` (e.g. \"2026-12-10 08:00\")",
                )
                .into(),
            Expected::PublicKey => lang
                .pick(
                    "kunci publik `ed25519:BASE64` (cetak dengan `tulta kunci`)",
                    "a public key `ed25519:BASE64` (print it with `tulta kunci`)",
                )
                .into(),
            Expected::OneOf(values) => {
                let list = values.join(" | ");
                match lang {
                    Lang::Id => format!("salah satu dari {list}"),
                    Lang::En => format!("one of {list}"),
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParetoField {
    Persen,
    Kumulatif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Above,
    Below,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Syntax {
        detail: String,
    },
    /// Not read at all: no permission, a FIFO or device, vanished.
    Unreadable(crate::files::Unreadable),
    /// Read, but not UTF-8 text (UTF-16, a legacy code page).
    NotUtf8(crate::files::encoding::NotUtf8),
    FormatMissing,
    FormatUnknown {
        found: String,
        suggestion: Option<&'static str>,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    WrongType {
        key: String,
        expected: Expected,
        found: String,
    },
    NotAMapping {
        found: String,
    },
    MissingKey {
        key: String,
    },
    EmptyList {
        key: String,
    },
    DuplicateId {
        id: String,
        first_file: String,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    TooDeep {
        limit: usize,
    },
    TooManyAliases,
    StepMissing {
        nomor: i64,
    },
    StepDuplicate {
        nomor: i64,
    },
    StepOutOfRange {
        nomor: i64,
    },
    ToolAbsent {
        nomor: i64,
        tool: &'static str,
    },
    StepNoDescription {
        nomor: i64,
    },
    TotalMismatch {
        stated: f64,
        sum: f64,
    },
    ParetoUnsorted {
        label: String,
        value: f64,
        previous: f64,
    },
    ParetoPercent {
        label: String,
        field: ParetoField,
        stated: f64,
        computed: f64,
    },
    BadCount {
        value: f64,
    },
    FishboneNoEffect,
    FishboneFewCategories {
        found: usize,
    },
    ActionMissingElement {
        aksi: String,
        element: &'static str,
    },
    ActionDuplicateId {
        aksi: String,
    },
    ScatterLengths {
        x: usize,
        y: usize,
    },
    ScatterCorrelation {
        stated: f64,
        computed: f64,
    },
    UnknownTool {
        name: String,
        suggestion: Option<&'static str>,
    },
    DuplicateIdea {
        idea: String,
    },
    HistogramFew {
        n: usize,
    },
    OutOfControl {
        label: String,
        value: f64,
        limit: f64,
        side: Limit,
    },
    ThemeNotTop {
        tema: String,
        top: String,
    },
    CauseNotInFishbone {
        cause: String,
    },
    CauseNotVital {
        cause: String,
        before: Option<f64>,
    },
    CauseNoAction {
        cause: String,
    },
    UnplannedAction {
        aksi: String,
    },
    IndicatorDiffers {
        field: &'static str,
        step6: String,
        step1: String,
    },
    TargetMissed {
        sasaran: f64,
        sesudah: f64,
        satuan: String,
    },
    NoStandard,
    NoNextTheme,
    GroupSize {
        people: usize,
    },
    /// A name holding invisible or direction-control characters, or letters of two scripts.
    DeceptiveName {
        name: String,
    },
    StrataTotalMismatch {
        stated: f64,
        sum: f64,
    },
    MatrixScores {
        masalah: String,
        found: usize,
        expected: usize,
    },
    MatrixTotal {
        masalah: String,
        stated: f64,
        sum: f64,
    },
    MatrixOutsideStep1 {
        nomor: i64,
    },
    ThemeNotTopOfMatrix {
        tema: String,
        top: String,
    },
    AttachmentMissing {
        berkas: String,
    },
    AttachmentOutside {
        berkas: String,
    },
    AttachmentHardLinked {
        berkas: String,
        links: u64,
    },
    NoStandardAttachment,
    BadId {
        of: IdOf,
        id: String,
    },
    IdTwice {
        of: IdOf,
        id: String,
    },
    BadScale {
        min: f64,
        maks: f64,
    },
    BadWeight {
        kriteria: String,
        bobot: f64,
    },
    WeightsZero,
    BandOffScale {
        kode: String,
        min: f64,
        maks: f64,
    },
    UnknownRef {
        of: IdOf,
        id: String,
    },
    /// A stage's rubric on another scale than the first scored stage's.
    StageScales {
        tahap: String,
    },
}

/// What kind of thing an id in a lomba or rubrik file names (T401, T402, T404).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOf {
    Juri,
    Tahap,
    Kriteria,
    Predikat,
    Risalah,
    Penghargaan,
    Rubrik,
}

impl IdOf {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            IdOf::Juri => lang.pick("juri", "judge"),
            IdOf::Tahap => lang.pick("tahap", "stage"),
            IdOf::Kriteria => lang.pick("kriteria", "criterion"),
            IdOf::Predikat => lang.pick("kode predikat", "predikat code"),
            IdOf::Risalah => lang.pick("risalah", "entry"),
            IdOf::Penghargaan => lang.pick("penghargaan", "award"),
            IdOf::Rubrik => lang.pick("berkas rubrik", "rubric file"),
        }
    }
}

/// A number as a person writes it: no trailing `.0`, at most two decimals.
pub fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn in_lang(number: String, lang: Lang) -> String {
    match lang {
        Lang::Id => number.replace('.', ","),
        Lang::En => number,
    }
}

fn did_you_mean(lang: Lang, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => match lang {
            Lang::Id => format!(" (maksud Anda `{s}`?)"),
            Lang::En => format!(" (did you mean `{s}`?)"),
        },
        None => String::new(),
    }
}

impl Msg {
    pub fn code(&self) -> Code {
        use Msg::*;
        match self {
            Syntax { .. } | Unreadable(_) => Code::T001,
            NotUtf8(_) => Code::T008,
            FormatMissing | FormatUnknown { .. } => Code::T002,
            UnknownKey { .. } => Code::T003,
            WrongType { .. } | NotAMapping { .. } => Code::T004,
            MissingKey { .. } | EmptyList { .. } => Code::T005,
            DuplicateId { .. } => Code::T006,
            TooLarge { .. } | TooDeep { .. } | TooManyAliases => Code::T007,
            StepMissing { .. } => Code::T101,
            StepDuplicate { .. } | StepOutOfRange { .. } => Code::T102,
            ToolAbsent { .. } => Code::T103,
            StepNoDescription { .. } => Code::T104,
            TotalMismatch { .. } => Code::T201,
            ParetoUnsorted { .. } => Code::T202,
            ParetoPercent { .. } => Code::T203,
            BadCount { .. } => Code::T204,
            FishboneNoEffect | FishboneFewCategories { .. } => Code::T205,
            ActionMissingElement { .. } | ActionDuplicateId { .. } => Code::T206,
            ScatterLengths { .. } | ScatterCorrelation { .. } => Code::T207,
            UnknownTool { .. } => Code::T208,
            DuplicateIdea { .. } | HistogramFew { .. } => Code::T209,
            OutOfControl { .. } => Code::T210,
            ThemeNotTop { .. } => Code::T301,
            CauseNotInFishbone { .. } => Code::T302,
            CauseNotVital { .. } => Code::T303,
            CauseNoAction { .. } => Code::T304,
            UnplannedAction { .. } => Code::T305,
            IndicatorDiffers { .. } => Code::T306,
            TargetMissed { .. } => Code::T307,
            NoStandard => Code::T308,
            NoNextTheme => Code::T309,
            GroupSize { .. } => Code::T105,
            DeceptiveName { .. } => Code::T106,
            StrataTotalMismatch { .. } => Code::T201,
            MatrixScores { .. } | MatrixTotal { .. } | MatrixOutsideStep1 { .. } => Code::T211,
            ThemeNotTopOfMatrix { .. } => Code::T301,
            AttachmentMissing { .. } | AttachmentOutside { .. } | AttachmentHardLinked { .. } => {
                Code::T310
            }
            NoStandardAttachment => Code::T311,
            BadId { .. } => Code::T401,
            IdTwice { .. } => Code::T402,
            BadScale { .. } | BadWeight { .. } | WeightsZero | BandOffScale { .. } => Code::T403,
            UnknownRef { .. } | StageScales { .. } => Code::T404,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        use Msg::*;
        // Indonesian writes 93,4: every number in a message takes the language's decimal sign.
        let num = |x: f64| in_lang(num(x), lang);
        let fixed = |x: f64, places: usize| in_lang(format!("{x:.places$}"), lang);
        match (self, lang) {
            (Syntax { detail }, Id) => {
                format!("YAML tidak sah: {}", super::yaml_words::in_indonesian(detail))
            }
            (Syntax { detail }, En) => format!("not valid YAML: {detail}"),
            (Unreadable(why), lang) => why.text(lang),
            (NotUtf8(why), lang) => why.text(lang),
            (FormatMissing, Id) => "kunci `format:` tidak ada (risalah/1, lomba/1 atau rubrik/1)".into(),
            (FormatMissing, En) => "no `format:` key (risalah/1, lomba/1 or rubrik/1)".into(),
            (FormatUnknown { found, suggestion }, Id) => format!(
                "format `{found}` tidak dikenal{}",
                did_you_mean(lang, *suggestion)
            ),
            (FormatUnknown { found, suggestion }, En) => {
                format!("unknown format `{found}`{}", did_you_mean(lang, *suggestion))
            }
            (UnknownKey { key, suggestion }, Id) => format!(
                "kunci `{key}` tidak dikenal{}",
                did_you_mean(lang, suggestion.as_deref())
            ),
            (UnknownKey { key, suggestion }, En) => format!(
                "unknown key `{key}`{}",
                did_you_mean(lang, suggestion.as_deref())
            ),
            (WrongType { key, expected, found }, Id) => format!(
                "`{key}` harus {}, bukan {found}",
                expected.describe(lang)
            ),
            (WrongType { key, expected, found }, En) => format!(
                "`{key}` must be {}, not {found}",
                expected.describe(lang)
            ),
            (NotAMapping { found }, Id) => format!(
                "isi berkas harus pemetaan (kunci: nilai) dengan `format:` di atas, bukan {found}"
            ),
            (NotAMapping { found }, En) => format!(
                "the file must hold a mapping (key: value) starting with `format:`, not {found}"
            ),
            (MissingKey { key }, Id) => format!("kunci wajib `{key}` tidak ada atau kosong"),
            (MissingKey { key }, En) => format!("required key `{key}` is missing or empty"),
            (EmptyList { key }, Id) => format!("daftar `{key}` kosong"),
            (EmptyList { key }, En) => format!("the list `{key}` is empty"),
            (DuplicateId { id, first_file }, Id) => {
                format!("id `{id}` sudah dipakai di {first_file}")
            }
            (DuplicateId { id, first_file }, En) => {
                format!("id `{id}` is already used in {first_file}")
            }
            (TooLarge { bytes, limit }, Id) => format!(
                "berkas terlalu besar ({bytes} bita; batas {limit} bita), tidak dibaca"
            ),
            (TooLarge { bytes, limit }, En) => {
                format!("file too large ({bytes} bytes; limit {limit} bytes), not read")
            }
            (TooDeep { limit }, Id) => {
                format!("struktur bersarang lebih dalam dari {limit} tingkat, tidak dibaca")
            }
            (TooDeep { limit }, En) => format!("nesting deeper than {limit} levels, not read"),
            (TooManyAliases, Id) => {
                "alias YAML (*nama) mengembang melebihi batas, tidak dibaca".into()
            }
            (TooManyAliases, En) => "YAML aliases (*name) expand beyond the limit, not read".into(),
            (StepMissing { nomor }, Id) => format!("langkah {nomor} tidak ada"),
            (StepMissing { nomor }, En) => format!("step {nomor} is missing"),
            (StepDuplicate { nomor }, Id) => format!("langkah {nomor} muncul dua kali"),
            (StepDuplicate { nomor }, En) => format!("step {nomor} appears twice"),
            (StepOutOfRange { nomor }, Id) => {
                format!("nomor langkah {nomor} di luar 1-7")
            }
            (StepOutOfRange { nomor }, En) => format!("step number {nomor} is outside 1-7"),
            (ToolAbsent { nomor, tool }, Id) => {
                format!("langkah {nomor} tidak memuat alat `{tool}` yang diharapkan")
            }
            (ToolAbsent { nomor, tool }, En) => {
                format!("step {nomor} lacks the expected tool `{tool}`")
            }
            (StepNoDescription { nomor }, Id) => format!("uraian langkah {nomor} kosong"),
            (StepNoDescription { nomor }, En) => format!("step {nomor} has no description"),
            (TotalMismatch { stated, sum }, Id) => format!(
                "total lembar periksa {} berbeda dengan jumlah barisnya {}",
                num(*stated),
                num(*sum)
            ),
            (TotalMismatch { stated, sum }, En) => format!(
                "check sheet total {} differs from the sum of its rows, {}",
                num(*stated),
                num(*sum)
            ),
            (ParetoUnsorted { label, value, previous }, Id) => format!(
                "diagram Pareto tidak urut menurun: `{label}` ({}) sesudah butir bernilai {}",
                num(*value),
                num(*previous)
            ),
            (ParetoUnsorted { label, value, previous }, En) => format!(
                "Pareto items not sorted descending: `{label}` ({}) follows an item of {}",
                num(*value),
                num(*previous)
            ),
            (ParetoPercent { label, field, stated, computed }, Id) => format!(
                "{} `{label}` tertulis {} tetapi hasil hitung {}",
                match field {
                    ParetoField::Persen => "persen",
                    ParetoField::Kumulatif => "persen kumulatif",
                },
                num(*stated),
                fixed(*computed, 1)
            ),
            (ParetoPercent { label, field, stated, computed }, En) => format!(
                "{} of `{label}` is stated as {} but computes to {}",
                match field {
                    ParetoField::Persen => "percent",
                    ParetoField::Kumulatif => "cumulative percent",
                },
                num(*stated),
                fixed(*computed, 1)
            ),
            (BadCount { value }, Id) => format!(
                "jumlah {} bukan bilangan bulat tidak negatif",
                num(*value)
            ),
            (BadCount { value }, En) => {
                format!("count {} is not a non-negative integer", num(*value))
            }
            (FishboneNoEffect, Id) => "diagram sebab-akibat tanpa `akibat`".into(),
            (FishboneNoEffect, En) => "fishbone diagram has no `akibat` (effect)".into(),
            (FishboneFewCategories { found }, Id) => format!(
                "diagram sebab-akibat hanya punya {found} kategori berisi; minimal 3"
            ),
            (FishboneFewCategories { found }, En) => format!(
                "fishbone diagram has only {found} non-empty categories; at least 3 expected"
            ),
            (ActionMissingElement { aksi, element }, Id) => {
                format!("aksi `{aksi}` tidak memuat unsur 5W1H `{element}`")
            }
            (ActionMissingElement { aksi, element }, En) => {
                format!("action `{aksi}` lacks the 5W1H element `{element}`")
            }
            (ActionDuplicateId { aksi }, Id) => format!("id aksi `{aksi}` dipakai dua kali"),
            (ActionDuplicateId { aksi }, En) => format!("action id `{aksi}` is used twice"),
            (ScatterLengths { x, y }, Id) => {
                format!("diagram tebar: x berisi {x} nilai, y berisi {y} nilai")
            }
            (ScatterLengths { x, y }, En) => {
                format!("scatter diagram: x has {x} values, y has {y}")
            }
            (ScatterCorrelation { stated, computed }, Id) => format!(
                "korelasi tertulis {} tetapi r Pearson dari data {}",
                num(*stated),
                fixed(*computed, 2)
            ),
            (ScatterCorrelation { stated, computed }, En) => format!(
                "stated correlation {} but Pearson r of the data is {}",
                num(*stated),
                fixed(*computed, 2)
            ),
            (UnknownTool { name, suggestion }, Id) => format!(
                "alat `{name}` tidak dikenal{}",
                did_you_mean(lang, *suggestion)
            ),
            (UnknownTool { name, suggestion }, En) => {
                format!("unknown tool `{name}`{}", did_you_mean(lang, *suggestion))
            }
            (DuplicateIdea { idea }, Id) => format!("ide `{idea}` ditulis dua kali"),
            (DuplicateIdea { idea }, En) => format!("idea `{idea}` is listed twice"),
            (HistogramFew { n }, Id) => format!("histogram hanya berisi {n} nilai; minimal 5"),
            (HistogramFew { n }, En) => format!("histogram has only {n} values; at least 5"),
            (OutOfControl { label, value, limit, side }, Id) => format!(
                "titik `{label}` ({}) di {} batas {} {}",
                num(*value),
                match side {
                    Limit::Above => "atas",
                    Limit::Below => "bawah",
                },
                match side {
                    Limit::Above => "atas",
                    Limit::Below => "bawah",
                },
                num(*limit)
            ),
            (OutOfControl { label, value, limit, side }, En) => format!(
                "point `{label}` ({}) lies {} the {} control limit {}",
                num(*value),
                match side {
                    Limit::Above => "above",
                    Limit::Below => "below",
                },
                match side {
                    Limit::Above => "upper",
                    Limit::Below => "lower",
                },
                num(*limit)
            ),
            (ThemeNotTop { tema, top }, Id) => format!(
                "tema `{tema}` bukan butir terbesar Pareto langkah 1 (`{top}`)"
            ),
            (ThemeNotTop { tema, top }, En) => format!(
                "theme `{tema}` is not the largest Pareto item of step 1 (`{top}`)"
            ),
            (CauseNotInFishbone { cause }, Id) => format!(
                "penyebab dominan `{cause}` tidak ada di diagram sebab-akibat langkah 2"
            ),
            (CauseNotInFishbone { cause }, En) => format!(
                "dominant cause `{cause}` does not appear in the step-2 fishbone"
            ),
            (CauseNotVital { cause, before: Some(before) }, Id) => format!(
                "penyebab dominan `{cause}` di luar butir vital Pareto (kumulatif sebelumnya {}% > 80%)",
                fixed(*before, 1)
            ),
            (CauseNotVital { cause, before: Some(before) }, En) => format!(
                "dominant cause `{cause}` lies outside the Pareto's vital few (cumulative before it {}% > 80%)",
                fixed(*before, 1)
            ),
            (CauseNotVital { cause, before: None }, Id) => format!(
                "penyebab dominan `{cause}` tidak ada di diagram Pareto langkah 3"
            ),
            (CauseNotVital { cause, before: None }, En) => {
                format!("dominant cause `{cause}` is not an item of the step-3 Pareto")
            }
            (CauseNoAction { cause }, Id) => format!(
                "penyebab dominan `{cause}` tidak punya aksi 5W1H di langkah 4"
            ),
            (CauseNoAction { cause }, En) => {
                format!("dominant cause `{cause}` has no 5W1H action in step 4")
            }
            (UnplannedAction { aksi }, Id) => {
                format!("aksi `{aksi}` tidak direncanakan di langkah 4")
            }
            (UnplannedAction { aksi }, En) => format!("action `{aksi}` is not planned in step 4"),
            (IndicatorDiffers { field, step6, step1 }, Id) => format!(
                "`{field}` langkah 6 (`{step6}`) berbeda dengan target langkah 1 (`{step1}`)"
            ),
            (IndicatorDiffers { field, step6, step1 }, En) => format!(
                "step-6 `{field}` (`{step6}`) differs from the step-1 target (`{step1}`)"
            ),
            (TargetMissed { sasaran, sesudah, satuan }, Id) => format!(
                "target belum tercapai: sasaran {} {satuan}, hasil {} {satuan} (selisih {})",
                num(*sasaran),
                num(*sesudah),
                num((sasaran - sesudah).abs())
            ),
            (TargetMissed { sasaran, sesudah, satuan }, En) => format!(
                "target not met: goal {} {satuan}, result {} {satuan} (gap {})",
                num(*sasaran),
                num(*sesudah),
                num((sasaran - sesudah).abs())
            ),
            (NoStandard, Id) => "langkah 7 tidak menyebut standar (SOP, SK, daftar periksa)".into(),
            (NoStandard, En) => "step 7 names no standard (SOP, decree, checklist)".into(),
            (NoNextTheme, Id) => "langkah 7 tidak menyebut tema berikutnya".into(),
            (NoNextTheme, En) => "step 7 names no next theme".into(),
            (DeceptiveName { name }, Id) => format!(
                "nama \"{}\" memuat karakter tak terlihat atau pengatur arah, atau huruf dari dua aksara (mis. Latin dan Kiril): nama seperti ini dapat menyamar sebagai nama lain, juga dalam konflik kepentingan",
                crate::model::names::shown(name)
            ),
            (DeceptiveName { name }, En) => format!(
                "the name \"{}\" holds invisible or direction-control characters, or letters of two scripts (e.g. Latin and Cyrillic): such a name can pass for another, in conflicts of interest too",
                crate::model::names::shown(name)
            ),
            (GroupSize { people }, Id) => format!(
                "kelompok beranggota {people} orang (ketua + anggota); lazimnya 3 sampai 10"
            ),
            (GroupSize { people }, En) => format!(
                "the group has {people} people (ketua + anggota); 3 to 10 is usual"
            ),
            (StrataTotalMismatch { stated, sum }, Id) => format!(
                "total stratifikasi {} berbeda dengan jumlah barisnya {}",
                num(*stated),
                num(*sum)
            ),
            (StrataTotalMismatch { stated, sum }, En) => format!(
                "stratification total {} differs from the sum of its rows, {}",
                num(*stated),
                num(*sum)
            ),
            (MatrixScores { masalah, found, expected }, Id) => format!(
                "matriks prioritas: `{masalah}` punya {found} nilai, padahal kriterianya {expected}"
            ),
            (MatrixScores { masalah, found, expected }, En) => format!(
                "priority matrix: `{masalah}` has {found} scores for {expected} criteria"
            ),
            (MatrixTotal { masalah, stated, sum }, Id) => format!(
                "matriks prioritas: total `{masalah}` tertulis {} tetapi jumlah nilainya {}",
                num(*stated),
                num(*sum)
            ),
            (MatrixTotal { masalah, stated, sum }, En) => format!(
                "priority matrix: the total of `{masalah}` is stated as {} but its scores sum to {}",
                num(*stated),
                num(*sum)
            ),
            (MatrixOutsideStep1 { nomor }, Id) => format!(
                "matriks prioritas memilih tema, jadi tempatnya di langkah 1, bukan langkah {nomor}"
            ),
            (MatrixOutsideStep1 { nomor }, En) => format!(
                "a priority matrix chooses the theme, so it belongs in step 1, not step {nomor}"
            ),
            (ThemeNotTopOfMatrix { tema, top }, Id) => format!(
                "tema `{tema}` bukan calon bertotal tertinggi di matriks prioritas langkah 1 (`{top}`)"
            ),
            (ThemeNotTopOfMatrix { tema, top }, En) => format!(
                "theme `{tema}` is not the candidate with the highest total in the step-1 priority matrix (`{top}`)"
            ),
            (AttachmentMissing { berkas }, Id) => format!(
                "lampiran `{berkas}` tidak ada (dicari dari folder risalah ini)"
            ),
            (AttachmentMissing { berkas }, En) => format!(
                "attachment `{berkas}` does not exist (looked for from this risalah's folder)"
            ),
            (AttachmentOutside { berkas }, Id) => format!(
                "lampiran `{berkas}` menunjuk ke luar folder laporan; tidak dibuka"
            ),
            (AttachmentOutside { berkas }, En) => format!(
                "attachment `{berkas}` leads outside the reports folder; it is not opened"
            ),
            (AttachmentHardLinked { berkas, links }, Id) => format!(
                "lampiran `{berkas}` adalah berkas dengan {links} nama (tautan keras): nama lainnya bisa di luar folder laporan, jadi tidak dibuka; salin berkasnya ke folder laporan"
            ),
            (AttachmentHardLinked { berkas, links }, En) => format!(
                "attachment `{berkas}` is a file with {links} names (hard links): another of them may be outside the reports folder, so it is not opened; copy the file into the reports folder"
            ),
            (NoStandardAttachment, Id) => {
                "ada lampiran, tetapi tidak satu pun berjenis `sop` atau `sk` untuk standar langkah 7"
                    .into()
            }
            (NoStandardAttachment, En) => {
                "the risalah lists attachments, but none of jenis `sop` or `sk` backs the step-7 standard"
                    .into()
            }
            (BadId { of, id }, Id) => format!(
                "id {} `{id}` tidak sah: hanya huruf kecil, angka dan tanda hubung ([a-z0-9-]+), karena id menjadi nama berkas",
                of.name(lang)
            ),
            (BadId { of, id }, En) => format!(
                "{} id `{id}` is not valid: only lower-case letters, digits and hyphens ([a-z0-9-]+), because ids become file names",
                of.name(lang)
            ),
            (IdTwice { of, id }, Id) => {
                format!("{} `{id}` disebut dua kali dalam berkas ini", of.name(lang))
            }
            (IdTwice { of, id }, En) => {
                format!("{} `{id}` appears twice in this file", of.name(lang))
            }
            (BadScale { min, maks }, Id) => format!(
                "skala tidak dapat dipakai: min {} harus angka terhingga di bawah maks {}, keduanya paling besar 10^6 (tanpa tanda)",
                num(*min),
                num(*maks)
            ),
            (BadScale { min, maks }, En) => format!(
                "unusable scale: min {} must be a finite number below maks {}, both of magnitude at most 10^6",
                num(*min),
                num(*maks)
            ),
            (BadWeight { kriteria, bobot }, Id) => format!(
                "bobot kriteria `{kriteria}` ({}) harus angka terhingga, tidak negatif, dan paling besar 10^6",
                num(*bobot)
            ),
            (BadWeight { kriteria, bobot }, En) => format!(
                "the weight of criterion `{kriteria}` ({}) must be a finite, non-negative number no larger than 10^6",
                num(*bobot)
            ),
            (WeightsZero, Id) => {
                "jumlah bobot semua kriteria 0: tidak ada indeks yang dapat dihitung".into()
            }
            (WeightsZero, En) => {
                "the criteria's weights sum to 0: no index can be computed".into()
            }
            (BandOffScale { kode, min, maks }, Id) => format!(
                "predikat `{kode}` mulai dari {}, di luar skala (maks {})",
                num(*min),
                num(*maks)
            ),
            (BandOffScale { kode, min, maks }, En) => format!(
                "predikat `{kode}` starts at {}, outside the scale (maks {})",
                num(*min),
                num(*maks)
            ),
            (UnknownRef { of, id }, Id) => {
                format!("{} `{id}` tidak ada (dirujuk tetapi tidak didefinisikan)", of.name(lang))
            }
            (UnknownRef { of, id }, En) => {
                format!("{} `{id}` does not exist (referred to, never defined)", of.name(lang))
            }
            (StageScales { tahap }, Id) => format!(
                "rubrik tahap `{tahap}` memakai skala lain dari tahap bernilai pertama: semua tahap harus satu skala"
            ),
            (StageScales { tahap }, En) => format!(
                "stage `{tahap}`'s rubric has another scale than the first scored stage's: every stage must share one"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(num(90.0), "90");
        assert_eq!(num(85.25), "85.25");
        assert_eq!(num(72.8), "72.8");
        assert_eq!(num(-3.0), "-3");
    }
}
