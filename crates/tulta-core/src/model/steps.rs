//! The seven steps as people name them, and the judge's checklist for each (spec §2).

/// (Indonesian, English) name of step 1..=7.
pub const NAMES: [(&str, &str); 7] = [
    ("Menentukan masalah", "Choose the problem"),
    ("Mencari penyebab", "Find the causes"),
    ("Meneliti penyebab dominan", "Find the dominant causes"),
    ("Menyusun rencana perbaikan", "Plan the countermeasures"),
    ("Melaksanakan perbaikan", "Carry out the plan"),
    ("Meneliti hasil perbaikan", "Check the results"),
    ("Mencegah terulangnya masalah", "Standardise, and plan next"),
];

/// (Indonesian, English) short names, for narrow lists.
pub const SHORT: [(&str, &str); 7] = [
    ("Tema & target", "Theme & target"),
    ("Penyebab", "Causes"),
    ("Penyebab dominan", "Dominant causes"),
    ("Rencana 5W1H", "5W1H plan"),
    ("Pelaksanaan", "Carrying out"),
    ("Hasil", "Results"),
    ("Standardisasi", "Standardising"),
];

/// The name of a step, if `nomor` is 1..=7.
pub fn name(nomor: usize) -> Option<(&'static str, &'static str)> {
    nomor.checked_sub(1).and_then(|i| NAMES.get(i)).copied()
}

/// The judge's checklist of each step: (Indonesian, English) items.
pub const CHECKLIST: [&[(&str, &str)]; 7] = [
    &[
        (
            "Tema dipilih berdasarkan data, bukan pendapat",
            "Theme chosen from data, not opinion",
        ),
        (
            "Tema adalah butir terbesar Pareto",
            "Theme is the largest item of the Pareto",
        ),
        (
            "Target terukur: indikator, satuan, awal, sasaran, batas waktu",
            "Target is measurable: indicator, unit, baseline, goal, deadline",
        ),
    ],
    &[
        (
            "Penyebab dikelompokkan dalam sedikitnya tiga kategori",
            "Causes grouped into at least three categories",
        ),
        (
            "Penyebab adalah sebab, bukan gejala",
            "Causes are causes, not symptoms",
        ),
    ],
    &[
        (
            "Data penyebab dikumpulkan pada periode yang disebut",
            "Cause data collected in a stated period",
        ),
        (
            "Penyebab dominan adalah vital few Pareto (sampai ±80% kumulatif)",
            "Dominant causes are the Pareto's vital few (up to ~80% cumulative)",
        ),
        (
            "Penyebab dominan tercantum di diagram langkah 2",
            "Dominant causes appear in the step-2 diagram",
        ),
    ],
    &[
        (
            "Setiap penyebab dominan punya sedikitnya satu aksi",
            "Every dominant cause has at least one action",
        ),
        (
            "Setiap aksi memuat keenam unsur 5W1H",
            "Every action has all six of 5W1H",
        ),
    ],
    &[
        (
            "Setiap aksi dilaksanakan atau penyimpangannya dijelaskan",
            "Every action carried out or its deviation explained",
        ),
        (
            "Tanggal pelaksanaan dalam jendela rencana",
            "Dates fall in the plan's window",
        ),
    ],
    &[
        (
            "Indikator dan satuan sama dengan langkah 1",
            "Same indicator, same unit as step 1",
        ),
        (
            "Kondisi sebelum dan sesudah ditunjukkan",
            "Before and after shown",
        ),
        (
            "Target tercapai atau selisihnya dijelaskan",
            "Target met or the gap explained",
        ),
    ],
    &[
        (
            "Standar ditetapkan dan disebut",
            "A standard is adopted and named",
        ),
        ("Ada rencana pemantauan", "There is a monitoring plan"),
        ("Tema berikutnya disebut", "The next theme is named"),
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_name_and_a_checklist() {
        for n in 1..=7 {
            assert!(name(n).is_some());
            assert!(!CHECKLIST[n - 1].is_empty());
        }
        assert_eq!(name(0), None);
        assert_eq!(name(8), None);
    }
}
