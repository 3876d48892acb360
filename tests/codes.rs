//! One test per diagnostic code: each edits a clean risalah so that exactly one kind of mistake
//! appears, and asserts the code and the line and column a reader would look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::borrow::Cow;
use tulta_core::check::{check_file, check_files, Diagnostic};
use tulta_core::files::sources::SourceFile;

const CLEAN: &str = include_str!("fixtures/bersih.yaml");

fn source(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.to_string(),
        bytes: Cow::Owned(text.as_bytes().to_vec()),
        size: text.len() as u64,
    }
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    check_file(&source("uji.yaml", text)).diagnostics
}

/// `CLEAN` with `from` replaced by `to`; `from` must occur exactly once.
fn edit(from: &str, to: &str) -> String {
    assert_eq!(
        CLEAN.matches(from).count(),
        1,
        "fixture must hold `{from}` once"
    );
    CLEAN.replacen(from, to, 1)
}

/// Line and column (1-based, characters) of `token` in the first line containing `line_marker`.
fn pos_of(text: &str, line_marker: &str, token: &str) -> (usize, usize) {
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(line_marker))
        .unwrap_or_else(|| panic!("no line holds `{line_marker}`"));
    let byte = line
        .find(token)
        .unwrap_or_else(|| panic!("`{token}` is not on the line `{line}`"));
    (i + 1, line[..byte].chars().count() + 1)
}

#[track_caller]
fn assert_finding(text: &str, code: &str, line_marker: &str, token: &str) {
    let want = pos_of(text, line_marker, token);
    let found = diagnostics(text);
    let hit = found
        .iter()
        .any(|d| d.code().as_str() == code && (d.pos.line, d.pos.column) == want);
    assert!(
        hit,
        "expected {code} at {}:{}; found:\n{}",
        want.0,
        want.1,
        found
            .iter()
            .map(|d| format!(
                "  {} {}:{} {}",
                d.code(),
                d.pos.line,
                d.pos.column,
                d.message(tulta_core::i18n::Lang::En)
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn codes(text: &str) -> Vec<&'static str> {
    diagnostics(text)
        .iter()
        .map(|d| d.code().as_str())
        .collect()
}

#[test]
fn the_clean_fixture_has_no_finding() {
    assert_eq!(codes(CLEAN), Vec::<&str>::new());
}

#[test]
fn t001_invalid_yaml_at_the_parsers_position() {
    let text = edit("judul: Mempercepat", "judul: : Mempercepat\n  - x");
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code().as_str(), "T001");
    assert_eq!(
        (d[0].pos.line, d[0].pos.column),
        pos_of(&text, "judul:", ": Mem")
    );
}

#[test]
fn t001_invalid_utf8_points_at_the_bad_byte() {
    let mut bytes = CLEAN.as_bytes().to_vec();
    let at = CLEAN.find("Kota Uji").unwrap_or(0);
    bytes[at + 5] = 0xFF;
    let d = check_file(&SourceFile {
        name: "uji.yaml".into(),
        size: bytes.len() as u64,
        bytes: Cow::Owned(bytes),
    })
    .diagnostics;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "T001");
    assert_eq!(
        (d[0].pos.line, d[0].pos.column),
        pos_of(CLEAN, "daerah:", "Uji")
    );
}

#[test]
fn t002_unknown_and_missing_format() {
    let text = edit("format: risalah/1", "format: risalah/2");
    assert_finding(&text, "T002", "format:", "risalah/2");
    let text = edit("format: risalah/1\n", "");
    let d = diagnostics(&text);
    assert_eq!(codes(&text), ["T002"]);
    assert_eq!((d[0].pos.line, d[0].pos.column), (1, 1));
    assert_eq!(codes(""), ["T002"], "an empty file has no format");
}

#[test]
fn t003_unknown_key_with_suggestion() {
    let text = edit("ringkasan:", "ringkasn:");
    assert_finding(&text, "T003", "ringkasn:", "ringkasn");
    let d = diagnostics(&text);
    let msg = d[0].message(tulta_core::i18n::Lang::En);
    assert!(msg.contains("did you mean `ringkasan`"), "{msg}");
}

#[test]
fn t004_wrong_type() {
    let text = edit("tahun: 2026", "tahun: dua ribu dua enam");
    assert_finding(&text, "T004", "tahun:", "dua");
    let text = edit("awal: 60", "awal: \"60\"");
    assert_finding(&text, "T004", "awal:", "\"60\"");
    assert_eq!(
        codes("- a\n- b\n"),
        ["T004"],
        "a list where a mapping belongs"
    );
    assert_eq!(
        codes("just words\n"),
        ["T004"],
        "a scalar where a mapping belongs"
    );
}

#[test]
fn t005_missing_required_key_points_at_its_parent() {
    let text = edit("  nama: Mawar Melati\n", "");
    assert_finding(&text, "T005", "kelompok:", "kelompok");
}

#[test]
fn t006_same_id_in_two_files() {
    let other = CLEAN.replace(
        "id: uji-2026-kelurahan-mawar",
        "id:   uji-2026-kelurahan-mawar",
    );
    let checked = check_files(&[source("a.yaml", CLEAN), source("b.yaml", &other)]);
    assert!(checked[0].diagnostics.is_empty());
    let d = &checked[1].diagnostics;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "T006");
    assert_eq!(
        (d[0].pos.line, d[0].pos.column),
        pos_of(&other, "id:", "uji-")
    );
    assert!(d[0].message(tulta_core::i18n::Lang::En).contains("a.yaml"));
}

#[test]
fn t007_too_deep() {
    let text = format!("format: risalah/1\nid: {}\n", "[".repeat(20_000));
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "T007");
    // The 65th bracket is one level too many.
    assert_eq!(
        (d[0].pos.line, d[0].pos.column),
        (2, 5 + 64),
        "the 65th bracket"
    );
}

#[test]
fn t007_alias_bomb() {
    let mut text = String::from("format: risalah/1\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in 'b'..='k' {
        text.push_str(&format!(
            "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = name;
    }
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "T007");
    // a=11 nodes, b=111, c=1111, d=11111, e=111111: past the 100,000 budget on line 6.
    assert_eq!(d[0].pos.line, 6, "refused where the budget ran out");
}

#[test]
fn t007_too_large_is_refused_unread() {
    let big = SourceFile {
        name: "besar.yaml".into(),
        bytes: Cow::Owned(Vec::new()),
        size: 6 * 1024 * 1024,
    };
    let d = check_file(&big).diagnostics;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "T007");
    assert_eq!((d[0].pos.line, d[0].pos.column), (1, 1));
}

#[test]
fn t101_missing_step() {
    let start = CLEAN.find("  - nomor: 7").unwrap_or(0);
    let end = CLEAN.find("penyajian:").unwrap_or(0);
    let text = format!("{}{}", &CLEAN[..start], &CLEAN[end..]);
    assert_finding(&text, "T101", "langkah:", "langkah");
}

#[test]
fn t102_duplicate_and_out_of_range_steps() {
    let text = edit("- nomor: 5", "- nomor: 4");
    let (line, _) = pos_of(&text, "uraian: Kedua aksi", "uraian");
    let d = diagnostics(&text);
    assert!(d
        .iter()
        .any(|d| d.code().as_str() == "T102" && d.pos.line == line - 1 && d.pos.column == 12));
    let text = edit("- nomor: 5", "- nomor: 8");
    assert_finding(&text, "T102", "- nomor: 8", "8");
}

#[test]
fn t103_expected_tool_absent() {
    let start = CLEAN.find("      - jenis: grafik").unwrap_or(0);
    let end = CLEAN.find("    hasil:").unwrap_or(0);
    let text = format!("{}{}", &CLEAN[..start], &CLEAN[end..]);
    let (line, _) = pos_of(&text, "uraian: Data April", "uraian");
    let d = diagnostics(&text);
    assert_eq!(codes(&text), ["T103"]);
    assert_eq!((d[0].pos.line, d[0].pos.column), (line + 1, 5));
}

#[test]
fn t104_empty_description() {
    let text = edit("uraian: Cara kerja baru dibakukan.", "uraian: \"\"");
    assert_finding(&text, "T104", "uraian: \"\"", "uraian");
}

#[test]
fn t201_total_differs() {
    let text = edit("total: 50", "total: 52");
    assert_finding(&text, "T201", "total: 52", "52");
    assert_eq!(codes(&text), ["T201"]);
}

#[test]
fn t202_pareto_unsorted() {
    let text = edit(
        "{label: Printer sering macet, nilai: 3}\n          - {label: Surat diketik ulang manual, nilai: 2}",
        "{label: Printer sering macet, nilai: 2}\n          - {label: Surat diketik ulang manual, nilai: 3}",
    );
    assert_finding(
        &text,
        "T202",
        "{label: Surat diketik ulang manual, nilai: 3}",
        "3",
    );
    assert_eq!(codes(&text), ["T202"]);
}

#[test]
fn t202_catch_all_may_close_the_list() {
    let text = edit(
        "{label: Printer sering macet, nilai: 3}\n          - {label: Surat diketik ulang manual, nilai: 2}",
        "{label: Printer sering macet, nilai: 2}\n          - {label: Lain-lain, nilai: 3}",
    );
    assert!(!codes(&text).contains(&"T202"));
}

#[test]
fn t203_pareto_percent_wrong() {
    let text = edit("kumulatif: 84.0", "kumulatif: 86.0");
    assert_finding(&text, "T203", "kumulatif: 86.0", "86.0");
    assert_eq!(codes(&text), ["T203"]);
}

#[test]
fn t204_bad_count() {
    let text = edit(
        "{butir: Formulir membingungkan, jumlah: 8}",
        "{butir: Formulir membingungkan, jumlah: 8.5}",
    );
    assert_finding(&text, "T204", "jumlah: 8.5", "8.5");
}

#[test]
fn t205_fishbone_too_few_categories() {
    let text = edit("          mesin: [Printer sering macet]\n", "");
    assert_finding(&text, "T205", "        kategori:", "kategori");
    assert_eq!(codes(&text), ["T205"]);
}

#[test]
fn t206_action_lacks_an_element() {
    let text = edit("            siapa: Lurah\n", "");
    assert_finding(&text, "T206", "- id: A2", "id");
    assert_eq!(codes(&text), ["T206"]);
}

#[test]
fn t207_scatter_lengths_and_correlation() {
    let scatter = "      - jenis: diagram_tebar\n        label_x: antrean\n        label_y: menit\n        x: [1, 2, 3, 4]\n        y: [2, 4, 6]\n      - jenis: grafik";
    let text = edit("      - jenis: grafik", scatter);
    assert_finding(&text, "T207", "y: [2, 4, 6]", "y");
    let scatter = "      - jenis: diagram_tebar\n        x: [1, 2, 3, 4]\n        y: [2, 4, 6, 8]\n        korelasi: 0.5\n      - jenis: grafik";
    let text = edit("      - jenis: grafik", scatter);
    assert_finding(&text, "T207", "korelasi: 0.5", "0.5");
    assert_eq!(codes(&text), ["T207"]);
}

#[test]
fn t208_unknown_tool() {
    let text = edit("jenis: grafik", "jenis: grafikk");
    assert_finding(&text, "T208", "jenis: grafikk", "grafikk");
    assert_eq!(
        codes(&text),
        ["T208"],
        "not also T103 for the grafik it meant"
    );
    assert!(diagnostics(&text).iter().any(|d| d
        .message(tulta_core::i18n::Lang::En)
        .contains("did you mean `grafik`")));
}

#[test]
fn t209_duplicate_idea_and_short_histogram() {
    let text = edit(
        "- Formulir membingungkan",
        "- Formulir membingungkan\n          - surat pengantar  LAMA",
    );
    assert_finding(&text, "T209", "- surat pengantar  LAMA", "surat");
    let histogram = "      - jenis: histogram\n        data: [1, 2, 3]\n      - jenis: grafik";
    let text = edit("      - jenis: grafik", histogram);
    assert_finding(&text, "T209", "data: [1, 2, 3]", "data");
}

#[test]
fn t210_point_outside_control_limits() {
    let text = edit("{label: 2026-03, nilai: 30}", "{label: 2026-03, nilai: 75}");
    assert_finding(&text, "T210", "nilai: 75", "75");
    assert_eq!(codes(&text), ["T210"]);
}

#[test]
fn t301_theme_is_not_the_largest_item() {
    let text = edit("tema: Surat pengantar lama", "tema: Loket sering kosong");
    assert_finding(&text, "T301", "tema: Loket", "Loket");
}

#[test]
fn t302_dominant_cause_not_in_fishbone() {
    let text = edit(
        "metode: [Surat diketik ulang manual, Tanda tangan menunggu lurah]",
        "metode: [Surat diketik ulang manual, Formulir rumit]",
    );
    assert_finding(
        &text,
        "T302",
        "      - Tanda tangan menunggu lurah",
        "Tanda",
    );
    assert_eq!(codes(&text), ["T302"]);
}

#[test]
fn t303_dominant_cause_outside_the_vital_few() {
    let text = edit(
        "      - Tanda tangan menunggu lurah\n  - nomor: 4",
        "      - Tanda tangan menunggu lurah\n      - Petugas merangkap tugas lain\n  - nomor: 4",
    );
    assert_finding(&text, "T303", "      - Petugas merangkap", "Petugas");
}

#[test]
fn t304_dominant_cause_without_action() {
    let text = edit(
        "      - Tanda tangan menunggu lurah\n  - nomor: 4",
        "      - Tanda tangan menunggu lurah\n      - Printer sering macet\n  - nomor: 4",
    );
    assert_finding(&text, "T304", "      - Printer sering macet", "Printer");
    assert_eq!(codes(&text), ["T304"]);
}

#[test]
fn t305_unplanned_action() {
    let text = edit("{aksi: A2, tanggal", "{aksi: A3, tanggal");
    assert_finding(&text, "T305", "aksi: A3", "A3");
    assert_eq!(codes(&text), ["T305"]);
}

#[test]
fn t306_indicator_or_unit_differs() {
    let text = edit(
        "      satuan: menit\n      sebelum",
        "      satuan: jam\n      sebelum",
    );
    assert_finding(&text, "T306", "satuan: jam", "jam");
    assert_eq!(codes(&text), ["T306"]);
}

#[test]
fn t307_target_missed_both_directions() {
    let text = edit("sesudah: 14", "sesudah: 20");
    assert_finding(&text, "T307", "sesudah: 20", "20");
    assert_eq!(codes(&text), ["T307"]);
    // Higher is better when the goal is above the start.
    let text = edit("awal: 60\n      sasaran: 15", "awal: 10\n      sasaran: 15");
    assert_finding(&text, "T307", "sesudah: 14", "14");
}

#[test]
fn t308_no_standard() {
    let text = edit(
        "    standar:\n      - {jenis: SOP, nomor: SOP-KEL-03/2026, judul: Penerbitan Surat Pengantar}\n",
        "",
    );
    assert_finding(&text, "T308", "- nomor: 7", "nomor");
    assert_eq!(codes(&text), ["T308"]);
}

#[test]
fn t309_no_next_theme() {
    let text = edit("    tema_berikutnya: Loket sering kosong\n", "");
    assert_finding(&text, "T309", "- nomor: 7", "nomor");
    assert_eq!(codes(&text), ["T309"]);
}

#[test]
fn names_match_across_steps_ignoring_case_and_spaces() {
    let text = edit(
        "      - Tanda tangan menunggu lurah\n  - nomor: 4",
        "      -   TANDA tangan   menunggu lurah \n  - nomor: 4",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
}

const LOMBA: &str = "format: lomba/1\nid: uji-lomba\nnama: Lomba Uji\ntahun: 2026\nrisalah: risalah/\njuri:\n  - {id: juri-1, nama: Satu}\n  - {id: juri-2, nama: Dua}\nkonflik:\n  - {juri: juri-2, risalah: uji-2026-kelurahan-mawar}\n";

const RUBRIK: &str = "format: rubrik/1\nskala: {min: 1, maks: 5}\nkriteria:\n  - {id: L1, nama: Masalah, bobot: 60}\n  - {id: L2, nama: Penyebab, bobot: 40}\npredikat:\n  - {min: 4, kode: A, label: Baik}\n  - {min: 0, kode: B, label: Cukup}\npemecah_seri: [L1]\n";

fn lomba_edit(from: &str, to: &str) -> String {
    assert_eq!(LOMBA.matches(from).count(), 1, "`{from}`");
    LOMBA.replacen(from, to, 1)
}

fn rubrik_edit(from: &str, to: &str) -> String {
    assert_eq!(RUBRIK.matches(from).count(), 1, "`{from}`");
    RUBRIK.replacen(from, to, 1)
}

#[test]
fn the_lomba_and_rubrik_fixtures_are_clean() {
    assert_eq!(codes(LOMBA), Vec::<&str>::new());
    assert_eq!(codes(RUBRIK), Vec::<&str>::new());
}

#[test]
fn t401_ids_that_are_not_file_names() {
    for bad in ["../../pwned", "/etc/evil", "Juri-1", "juri 1"] {
        let text = lomba_edit(
            "{id: juri-1, nama: Satu}",
            &format!("{{id: \"{bad}\", nama: Satu}}"),
        );
        assert_finding(&text, "T401", bad, &format!("\"{bad}"));
    }
    let text = rubrik_edit("{id: L2,", "{id: L2/x,");
    assert_finding(&text, "T401", "L2/x", "L2/x");
    assert_eq!(codes(&text), ["T401"]);
}

#[test]
fn t402_the_same_id_twice_in_one_file() {
    let text = lomba_edit("{id: juri-2, nama: Dua}", "{id: juri-1, nama: Dua}");
    assert_finding(&text, "T402", "nama: Dua", "juri-1");
    let text = rubrik_edit("{id: L2,", "{id: l1,");
    assert_finding(&text, "T402", "l1", "l1");
    let text = rubrik_edit("kode: B,", "kode: A,");
    assert_finding(&text, "T402", "min: 0", "A");
}

#[test]
fn t403_unusable_rubric_numbers() {
    let text = rubrik_edit("{min: 1, maks: 5}", "{min: 5, maks: 1}");
    assert_finding(&text, "T403", "skala", "5");
    let text = rubrik_edit("{min: 1, maks: 5}", "{min: 1, maks: .inf}");
    assert_finding(&text, "T403", "skala", "1");
    let text = rubrik_edit("bobot: 60", "bobot: .nan");
    assert_finding(&text, "T403", "Masalah", ".nan");
    let text = rubrik_edit("bobot: 40", "bobot: -40");
    assert_finding(&text, "T403", "Penyebab", "-40");
    let text = rubrik_edit("bobot: 60", "bobot: 0").replace("bobot: 40", "bobot: 0");
    assert_finding(&text, "T403", "kriteria:", "kriteria");
    let text = rubrik_edit("{min: 4, kode: A", "{min: 6, kode: A");
    assert_finding(&text, "T403", "kode: A", "6");
}

#[test]
fn t404_references_to_nothing() {
    let text = lomba_edit("{juri: juri-2,", "{juri: juri-02,");
    assert_finding(&text, "T404", "juri-02", "juri-02");
    let text = rubrik_edit("pemecah_seri: [L1]", "pemecah_seri: [L9]");
    assert_finding(&text, "T404", "pemecah_seri", "L9");
    // An entry the competition does not have, when its entries are checked along with it.
    let lomba = lomba_edit(
        "risalah: uji-2026-kelurahan-mawar}",
        "risalah: uji-2026-tidak-ada}",
    );
    let checked = check_files(&[
        source("lomba/lomba.yaml", &lomba),
        source("lomba/risalah/mawar.yaml", CLEAN),
    ]);
    let (line, column) = pos_of(&lomba, "uji-2026-tidak-ada", "uji-2026-tidak-ada");
    assert!(
        checked[0]
            .diagnostics
            .iter()
            .any(|d| d.code().as_str() == "T404" && (d.pos.line, d.pos.column) == (line, column)),
        "{:?}",
        checked[0].diagnostics
    );
    let fine = check_files(&[
        source("lomba/lomba.yaml", LOMBA),
        source("lomba/risalah/mawar.yaml", CLEAN),
    ]);
    assert!(fine[0].diagnostics.is_empty(), "{:?}", fine[0].diagnostics);
}

#[test]
fn every_code_has_a_test_here() {
    let me = include_str!("codes.rs");
    for code in tulta_core::diag::Code::ALL {
        let name = format!("fn {}_", code.as_str().to_lowercase());
        assert!(me.contains(&name), "no test named {name}…");
    }
}
