//! One test per diagnostic code: each edits a clean risalah so that exactly one kind of mistake
//! appears, and asserts the code and the line and column a reader would look at.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test codes`): a split would only add binaries to build, not separate jobs.
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
        unreadable: None,
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

fn file_of(bytes: Vec<u8>) -> SourceFile {
    SourceFile {
        name: "uji.yaml".into(),
        size: bytes.len() as u64,
        unreadable: None,
        bytes: Cow::Owned(bytes),
    }
}

#[test]
fn t008_a_legacy_code_page_points_at_the_bad_byte() {
    let mut bytes = CLEAN.as_bytes().to_vec();
    let at = CLEAN.find("Kota Uji").unwrap_or(0);
    bytes[at + 5] = 0xE9; // "é" as Windows-1252 writes it
    let d = check_file(&file_of(bytes)).diagnostics;
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code().as_str(), "T008");
    assert_eq!(
        (d[0].pos.line, d[0].pos.column),
        pos_of(CLEAN, "daerah:", "Uji")
    );
    assert!(d[0].message(tulta_core::i18n::Lang::En).contains("UTF-8"));
}

/// Spec §11 "Text files": a file Notepad saved as "UTF-8 with BOM" with CRLF line ends reads
/// exactly as the plain file, and a finding in it lands on the same line and column.
#[test]
fn t008_a_mark_and_crlf_are_read_as_plain_utf8_with_the_same_positions() {
    let text = edit("tahun: 2026", "tahun: dua");
    let plain = diagnostics(&text);
    assert_eq!(plain.len(), 1, "{plain:?}");
    let want = pos_of(&text, "tahun:", "dua");
    for (what, bytes) in [
        (
            "BOM",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("CRLF", text.replace('\n', "\r\n").into_bytes()),
        (
            "BOM+CRLF",
            [
                b"\xEF\xBB\xBF".as_slice(),
                text.replace('\n', "\r\n").as_bytes(),
            ]
            .concat(),
        ),
    ] {
        let d = check_file(&file_of(bytes)).diagnostics;
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.code().as_str(), d.pos.line, d.pos.column))
            .collect();
        assert_eq!(got, [("T004", want.0, want.1)], "{what}");
        assert_eq!(
            d[0].message(tulta_core::i18n::Lang::En),
            plain[0].message(tulta_core::i18n::Lang::En),
            "{what}"
        );
    }
    // A finding at the end of a line (a value missing) does not count the CR.
    let text = edit("judul: Mempercepat", "judul: : Mempercepat\n  - x");
    let plain = diagnostics(&text);
    let crlf = check_file(&file_of(text.replace('\n', "\r\n").into_bytes())).diagnostics;
    assert_eq!(
        crlf.iter()
            .map(|d| (d.pos.line, d.pos.column))
            .collect::<Vec<_>>(),
        plain
            .iter()
            .map(|d| (d.pos.line, d.pos.column))
            .collect::<Vec<_>>()
    );
    // And the clean file stays clean either way.
    assert!(
        check_file(&file_of(CLEAN.replace('\n', "\r\n").into_bytes()))
            .diagnostics
            .is_empty()
    );
}

#[test]
fn t008_utf16_with_or_without_its_mark_says_how_to_save_as_utf8() {
    for bom in [true, false] {
        let mut bytes: Vec<u8> = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(CLEAN.encode_utf16().flat_map(u16::to_le_bytes));
        let d = check_file(&file_of(bytes)).diagnostics;
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code().as_str(), "T008");
        assert_eq!((d[0].pos.line, d[0].pos.column), (1, 1));
        let en = d[0].message(tulta_core::i18n::Lang::En);
        let id = d[0].message(tulta_core::i18n::Lang::Id);
        assert!(en.contains("UTF-16") && en.contains("Save As"), "{en}");
        assert!(
            id.contains("UTF-16") && id.contains("Simpan Sebagai"),
            "{id}"
        );
    }
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

/// Defect 8 of issue 16: a key written with nothing after it is pointed at, not its parent.
#[test]
fn t005_an_empty_value_points_at_its_key() {
    let text = edit("id: uji-2026-kelurahan-mawar", "id: \"\"");
    assert_finding(&text, "T005", "id: \"\"", "id");
    let text = edit("tema: Surat pengantar lama", "tema:");
    assert_finding(&text, "T005", "tema:", "tema");
}

/// Defect 8 of issue 16: the parser's own words are said in Indonesian too.
#[test]
fn t001_the_parsers_words_are_said_in_the_users_language() {
    for text in [
        "format: risalah/1\nid: [a, b\n",
        "format: risalah/1\nid: a: b\n",
        "format: risalah/1\njudul: \"tidak ditutup\n",
    ] {
        let d = diagnostics(text);
        assert_eq!(d[0].code().as_str(), "T001", "{text}");
        let id = d[0].message(tulta_core::i18n::Lang::Id);
        for english in ["did not", "while ", "found ", "not allowed", "expected"] {
            assert!(!id.contains(english), "{id}");
        }
        let en = d[0].message(tulta_core::i18n::Lang::En);
        assert_ne!(id, en);
    }
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
        unreadable: None,
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

/// Step 1's Pareto and check sheet of the fixture, and what to put in their place.
const STEP1_PARETO: &str = "      - jenis: diagram_pareto\n        butir:\n          - {label: Surat pengantar lama, nilai: 30, persen: 60.0, kumulatif: 60.0}\n";

fn with_matrix(rows: &str) -> String {
    let matrix = format!(
        "      - jenis: matriks_prioritas\n        kriteria: [urgensi, keseriusan, perkembangan]\n        calon:\n{rows}{STEP1_PARETO}"
    );
    edit(STEP1_PARETO, &matrix)
}

#[test]
fn t106_names_that_pass_for_others() {
    // A zero-width space in the OPD, a Cyrillic а in the group's name, a right-to-left override
    // in the ketua's: each a warning where the name stands.
    let text = edit("opd: Kelurahan Mawar", "opd: \"Kelurahan Mawar\\u200b\"");
    assert_finding(&text, "T106", "opd: \"Kelurahan", "\"Kelurahan");
    assert_eq!(codes(&text), ["T106"]);
    let found = diagnostics(&text);
    assert!(found[0]
        .message(tulta_core::i18n::Lang::En)
        .contains("Kelurahan Mawar\\u{200b}"));
    let text = edit("  nama: Mawar Melati", "  nama: Mаwar Melati");
    assert_finding(&text, "T106", "Mаwar", "Mаwar");
    let text = edit(
        "  ketua: Sekretaris Kelurahan",
        "  ketua: \"Sekretaris \\u202eKelurahan\"",
    );
    assert_finding(&text, "T106", "ketua:", "\"Sekretaris");
    // A judge's name or OPD in lomba.yaml.
    let text = lomba_edit(
        "{id: juri-2, nama: Dua}",
        "{id: juri-2, nama: Dua, opd: \"Dinas В\"}",
    );
    assert_finding(&text, "T106", "Dinas В", "\"Dinas");
    // Letters of one script with digits and punctuation are no finding.
    let text = edit(
        "opd: Kelurahan Mawar",
        "opd: \"Kelurahan Mawar (RW 02) – Timur\"",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn t105_group_of_fewer_than_3_or_more_than_10() {
    let text = edit(
        "anggota: [Kasi Pemerintahan, Staf pelayanan, Operator komputer]",
        "anggota: [Kasi Pemerintahan]",
    );
    assert_finding(&text, "T105", "anggota: [Kasi", "anggota");
    assert_eq!(codes(&text), ["T105"]);
    let many: Vec<String> = (1..=10).map(|i| format!("Staf {i}")).collect();
    let text = edit(
        "anggota: [Kasi Pemerintahan, Staf pelayanan, Operator komputer]",
        &format!("anggota: [{}]", many.join(", ")),
    );
    assert_finding(&text, "T105", "anggota: [Staf 1", "anggota");
    assert!(diagnostics(&text)[0]
        .message(tulta_core::i18n::Lang::En)
        .contains("11 people"));
    // Ten is fine; nobody listed is a record left out, not a group of none.
    let text = edit("  ketua: Sekretaris Kelurahan\n", "");
    let nine: Vec<String> = (1..=9).map(|i| format!("Staf {i}")).collect();
    let ten = text.replace(
        "anggota: [Kasi Pemerintahan, Staf pelayanan, Operator komputer]",
        &format!("anggota: [Kasi, {}]", nine.join(", ")),
    );
    assert_eq!(codes(&ten), Vec::<&str>::new());
    let nobody = text.replace(
        "  anggota: [Kasi Pemerintahan, Staf pelayanan, Operator komputer]\n",
        "",
    );
    assert_eq!(codes(&nobody), Vec::<&str>::new());
}

#[test]
fn t211_priority_matrix_scores_and_totals() {
    let text = with_matrix(
        "          - {masalah: Surat pengantar lama, nilai: [5, 5, 4], total: 15}\n          - {masalah: Loket sering kosong, nilai: [4, 3]}\n",
    );
    assert_finding(&text, "T211", "nilai: [5, 5, 4], total: 15", "15");
    assert_finding(&text, "T211", "nilai: [4, 3]}", "[4, 3]");
    assert_eq!(codes(&text), ["T211", "T211"]);
    // A score that is not a number is T004 alone, not also a count mismatch.
    let text = with_matrix("          - {masalah: Surat pengantar lama, nilai: [5, tinggi, 4]}\n");
    assert_finding(&text, "T004", "nilai: [5, tinggi", "tinggi");
    assert_eq!(codes(&text), ["T004"]);
    // Fractions (averaged raters) add up within rounding.
    let text = with_matrix(
        "          - {masalah: Surat pengantar lama, nilai: [4.7, 4.3, 3.1], total: 12.1}\n",
    );
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn t211_priority_matrix_outside_step_1() {
    let matrix = "      - jenis: USG\n        kriteria: [urgensi, keseriusan]\n        calon:\n          - {masalah: Printer sering macet, nilai: [3, 2], total: 5}\n      - jenis: rencana_5w1h";
    let text = edit("      - jenis: rencana_5w1h", matrix);
    assert_finding(&text, "T211", "jenis: USG", "USG");
    assert_eq!(codes(&text), ["T211"]);
}

#[test]
fn t301_theme_is_the_top_of_the_priority_matrix_when_there_is_one() {
    // The matrix ranks another problem first: the theme must follow the matrix.
    let text = with_matrix(
        "          - {masalah: Surat pengantar lama, nilai: [3, 3, 3]}\n          - {masalah: Loket sering kosong, nilai: [5, 4, 4], total: 13}\n",
    );
    assert_finding(&text, "T301", "tema: Surat", "Surat");
    assert!(diagnostics(&text)[0]
        .message(tulta_core::i18n::Lang::En)
        .contains("priority matrix"));
    assert_eq!(codes(&text), ["T301"]);
    // Chosen by the matrix, the theme need not be the Pareto's largest item.
    let text = with_matrix(
        "          - {masalah: Surat pengantar lama, nilai: [3, 3, 3]}\n          - {masalah: loket  SERING kosong, nilai: [5, 4, 4]}\n",
    )
    .replace("tema: Surat pengantar lama", "tema: Loket sering kosong");
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn t301_a_matrix_replaces_the_step_1_pareto() {
    let start = CLEAN.find(STEP1_PARETO).unwrap();
    let end = CLEAN.find("    tema: Surat pengantar lama").unwrap();
    let matrix = "      - jenis: matriks_usg\n        kriteria: [U, S, G]\n        calon:\n          - {masalah: Surat pengantar lama, nilai: [5, 5, 5], total: 15}\n          - {masalah: Loket sering kosong, nilai: [3, 4, 2], total: 9}\n";
    let text = format!("{}{matrix}{}", &CLEAN[..start], &CLEAN[end..]);
    assert_eq!(codes(&text), Vec::<&str>::new(), "no T103 for the Pareto");
}

#[test]
fn t201_t204_stratification_is_checked_like_a_check_sheet() {
    let strat = "      - jenis: stratification\n        faktor: loket\n        baris:\n          - {butir: Loket 1, jumlah: 12}\n          - {butir: Loket 2, jumlah: 7.5}\n        total: 20\n      - jenis: diagram_pareto\n        butir:\n          - {label: Surat diketik";
    let text = edit(
        "      - jenis: diagram_pareto\n        butir:\n          - {label: Surat diketik",
        strat,
    );
    assert_finding(&text, "T204", "{butir: Loket 2, jumlah: 7.5}", "7.5");
    let text = text.replace("jumlah: 7.5", "jumlah: 7");
    assert_finding(&text, "T201", "        total: 20", "20");
    assert!(diagnostics(&text)[0]
        .message(tulta_core::i18n::Lang::En)
        .contains("stratification total"));
    assert_eq!(codes(&text), ["T201"]);
    assert_eq!(
        codes(&text.replace("total: 20", "total: 19")),
        Vec::<&str>::new()
    );
}

#[test]
fn control_chart_and_bar_chart_aliases_are_graphs() {
    for alias in ["peta_kendali", "Diagram_Batang"] {
        let text = edit("      - jenis: grafik", &format!("      - jenis: {alias}"));
        assert_eq!(codes(&text), Vec::<&str>::new(), "{alias}");
    }
    // A bar chart holds labelled values now, not histogram data.
    let text = edit(
        "      - jenis: grafik",
        "      - jenis: diagram_batang\n        data: [1, 2, 3, 4, 5]\n      - jenis: grafik",
    );
    assert_finding(&text, "T003", "data: [1, 2", "data");
}

/// The fixture with `extra` appended at the top level, the group's record and a step-6 benefit.
const RECORD: &str = "  sk: {nomor: 12/KEL-MWR/2025, tanggal: 2025-12-01}\n  dibentuk: 2025-12-01\n  pertemuan: {jumlah: 9, kehadiran_persen: 88.5, menit: 9}\n";

fn second_edition(lampiran: &str) -> String {
    let text = edit(
        "  ketua: Sekretaris Kelurahan\n",
        &format!("  ketua: Sekretaris Kelurahan\n{RECORD}"),
    );
    let text = text.replace(
        "  - nomor: 2\n",
        "    jadwal: {rencana: [2026-01-05, 2026-01-31], realisasi: [2026-01-05, 2026-02-07]}\n  - nomor: 2\n",
    );
    let text = text.replace(
        "    tema_berikutnya: Loket sering kosong\n",
        "    tema_berikutnya: Loket sering kosong\n    jadwal:\n      rencana: [2026-05-01, 2026-05-31]\n",
    );
    format!("{text}lampiran:\n{lampiran}")
}

#[test]
fn the_group_record_schedules_and_benefits_read_clean() {
    let text =
        second_edition("  - {jenis: sop, berkas: \"https://contoh.go.id/sop.pdf\", langkah: 7}\n");
    let text = text.replace(
        "      lebih_cepat:",
        "      kuantitatif:\n        - {uraian: Waktu layanan per surat, nilai: 45, satuan: menit}\n        - {uraian: Kertas, nilai: 1200000, satuan: rupiah/tahun}\n      biaya_perbaikan: {nilai: 350000, satuan: rupiah}\n      lebih_cepat:",
    );
    assert!(text.contains("kuantitatif"), "the fixture has a manfaat");
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn t004_for_the_new_keys_of_the_wrong_type() {
    let base = second_edition("  - {jenis: sop, berkas: \"https://contoh.go.id/sop.pdf\"}\n");
    let cases = [
        (
            "tanggal: 2025-12-01}",
            "tanggal: 1 Desember 2025}",
            "tanggal: 1 Des",
            "1 Des",
        ),
        (
            "dibentuk: 2025-12-01",
            "dibentuk: 2025-02-30",
            "dibentuk:",
            "2025-02-30",
        ),
        ("jumlah: 9,", "jumlah: sembilan,", "pertemuan:", "sembilan"),
        (
            "rencana: [2026-01-05, 2026-01-31]",
            "rencana: [2026-01-31, 2026-01-05]",
            "rencana: [2026-01-31",
            "[2026-01-31",
        ),
        (
            "rencana: [2026-05-01, 2026-05-31]",
            "rencana: 2026-05-01",
            "rencana: 2026-05-01",
            "2026-05-01",
        ),
        (
            "{jenis: sop, berkas",
            "{jenis: foto, berkas",
            "{jenis: foto",
            "foto",
        ),
        (
            "berkas: \"https://contoh.go.id/sop.pdf\"}",
            "berkas: \"https://contoh.go.id/sop.pdf\", langkah: 8}",
            "langkah: 8",
            "8",
        ),
        (
            "sk: {nomor: 12/KEL-MWR/2025, tanggal: 2025-12-01}",
            "sk: 12/KEL-MWR/2025",
            "sk: 12",
            "12/KEL",
        ),
        (
            "      lebih_cepat:",
            "      biaya_perbaikan: {nilai: tiga ratus ribu, satuan: rupiah}\n      lebih_cepat:",
            "biaya_perbaikan:",
            "tiga",
        ),
    ];
    for (from, to, line, token) in cases {
        assert_eq!(base.matches(from).count(), 1, "{from}");
        let text = base.replacen(from, to, 1);
        assert_finding(&text, "T004", line, token);
        assert_eq!(codes(&text), ["T004"], "{to}");
    }
    let text = base.replace("jadwal: {rencana", "jadwal: {rencan");
    assert_finding(&text, "T003", "jadwal: {rencan", "rencan");
    let text = format!("{}lampiran: sk.pdf\n", CLEAN);
    assert_finding(&text, "T004", "lampiran: sk.pdf", "sk.pdf");
}

#[test]
fn t311_listed_evidence_lacks_the_step_7_standard() {
    let text =
        second_edition("  - {jenis: sk_kelompok, berkas: \"https://contoh.go.id/sk.pdf\"}\n");
    assert_finding(&text, "T311", "lampiran:", "lampiran");
    assert_eq!(codes(&text), ["T311"]);
    let text = second_edition("  - {jenis: SK, berkas: \"https://contoh.go.id/sk.pdf\"}\n");
    assert_eq!(codes(&text), Vec::<&str>::new());
    // No lampiran: an older risalah is not asked for evidence.
    assert_eq!(codes(CLEAN), Vec::<&str>::new());
}

/// A reports root on disk holding `2026/uji.yaml` (the fixture with `lampiran`) and one real file.
fn on_disk(lampiran: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("laporan");
    std::fs::create_dir_all(root.join("2026/lampiran")).unwrap();
    std::fs::write(root.join("2026/lampiran/sop.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(dir.path().join("rahasia.txt"), b"di luar akar").unwrap();
    let text = second_edition(lampiran);
    std::fs::write(root.join("2026/uji.yaml"), &text).unwrap();
    (dir, root, text)
}

fn checked_on_disk(root: &std::path::Path) -> Vec<Diagnostic> {
    let files = tulta_core::files::sources::collect(&[root.to_path_buf()]).unwrap();
    let checked = tulta_core::check::check_files_under(&files, &[root.to_path_buf()]);
    checked.into_iter().next().unwrap().diagnostics
}

#[track_caller]
fn assert_at(found: &[Diagnostic], text: &str, code: &str, line_marker: &str, token: &str) {
    let want = pos_of(text, line_marker, token);
    assert!(
        found
            .iter()
            .any(|d| d.code().as_str() == code && (d.pos.line, d.pos.column) == want),
        "expected {code} at {want:?}; found {found:?}"
    );
}

#[test]
fn t310_missing_or_outside_attachments() {
    let (dir, root, text) = on_disk(concat!(
        "  - {jenis: sop, berkas: lampiran/sop.pdf, langkah: 7}\n",
        "  - {jenis: notulen, berkas: lampiran/notulen.pdf}\n",
        "  - {jenis: data, berkas: ../../../../../../etc/passwd}\n",
        "  - {jenis: data, berkas: ../../rahasia.txt}\n",
        "  - {jenis: data, berkas: /etc/passwd}\n",
        "  - {jenis: lainnya, berkas: \"https://contoh.go.id/tidak-diperiksa.pdf\"}\n",
        "  - {jenis: foto_sesudah, berkas: ../2026/lampiran/sop.pdf}\n",
    ));
    let d = checked_on_disk(&root);
    assert_at(
        &d,
        &text,
        "T310",
        "berkas: lampiran/notulen.pdf",
        "lampiran/notulen",
    );
    assert_at(&d, &text, "T310", "etc/passwd}", "../../../../");
    assert_at(&d, &text, "T310", "berkas: ../../rahasia", "../../rahasia");
    assert_at(&d, &text, "T310", "berkas: /etc/passwd", "/etc/passwd");
    let codes: Vec<&str> = d.iter().map(|d| d.code().as_str()).collect();
    assert_eq!(codes, ["T310"; 4], "{d:?}");
    let outside = d
        .iter()
        .filter(|d| d.message(tulta_core::i18n::Lang::En).contains("outside"))
        .count();
    assert_eq!(outside, 3, "missing and outside are told apart");
    // The same risalah checked on its own (no root known) is not looked for on disk.
    assert!(diagnostics(&text).is_empty());
    drop(dir);
}

/// A risalah written on Windows names its evidence with `\\` and sometimes a drive: judged by
/// the same steps on Linux, macOS and Windows (this test runs on each).
#[test]
fn t310_backslashes_and_drive_letters_are_judged_the_same_on_every_system() {
    let (dir, root, text) = on_disk(concat!(
        "  - {jenis: sop, berkas: 'lampiran\\sop.pdf', langkah: 7}\n",
        "  - {jenis: notulen, berkas: 'lampiran\\notulen.pdf'}\n",
        "  - {jenis: data, berkas: '..\\..\\rahasia.txt'}\n",
        "  - {jenis: data, berkas: 'C:\\Users\\juri\\rahasia.txt'}\n",
        "  - {jenis: data, berkas: 'D:lampiran\\sop.pdf'}\n",
        "  - {jenis: data, berkas: '\\\\server\\berbagi\\sop.pdf'}\n",
        "  - {jenis: data, berkas: 'lampiran\\sop.pdf:tersembunyi'}\n",
        "  - {jenis: foto_sesudah, berkas: '..\\2026\\lampiran/sop.pdf'}\n",
        "  - {jenis: data, berkas: 'lampiran\\SOP.PDF'}\n",
    ));
    let d = checked_on_disk(&root);
    let en = |d: &Diagnostic| d.message(tulta_core::i18n::Lang::En);
    let found: Vec<_> = d
        .iter()
        .map(|d| (d.pos.line, d.pos.column, en(d).contains("outside")))
        .collect();
    let at = |marker: &str, outside: bool| {
        let (line, column) = pos_of(&text, marker, "'");
        (line, column, outside)
    };
    assert_eq!(
        found,
        [
            at("notulen.pdf", false),
            at("rahasia.txt'}", true),
            at("C:", true),
            at("D:", true),
            at("server", true),
            at("tersembunyi", true),
            // Windows and macOS would find `SOP.PDF` as `sop.pdf`; Linux would not: missing on all.
            at("SOP.PDF", false),
        ],
        "{d:?}"
    );
    assert!(d.iter().all(|d| d.code().as_str() == "T310"));
    drop(dir);
}

#[cfg(unix)]
#[test]
fn t310_a_symbolic_link_leading_outside_the_root() {
    let (dir, root, text) = on_disk("  - {jenis: sop, berkas: lampiran/tautan.pdf, langkah: 7}\n");
    std::os::unix::fs::symlink(
        dir.path().join("rahasia.txt"),
        root.join("2026/lampiran/tautan.pdf"),
    )
    .unwrap();
    let d = checked_on_disk(&root);
    assert_at(
        &d,
        &text,
        "T310",
        "berkas: lampiran/tautan.pdf",
        "lampiran/tautan",
    );
    assert!(d[0].message(tulta_core::i18n::Lang::Id).contains("luar"));
    // A link that stays inside is fine.
    std::fs::remove_file(root.join("2026/lampiran/tautan.pdf")).unwrap();
    std::os::unix::fs::symlink("sop.pdf", root.join("2026/lampiran/tautan.pdf")).unwrap();
    assert!(checked_on_disk(&root).is_empty());
}

#[test]
fn the_spec_example_checks_clean() {
    let text = include_str!("fixtures/risalah-example.yaml");
    assert_eq!(codes(text), Vec::<&str>::new());
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
    // Magnitudes over 10^6 (third edition): their sums and products overflow to inf and NaN.
    let text = rubrik_edit("{min: 1, maks: 5}", "{min: 1, maks: 1e308}");
    assert_finding(&text, "T403", "skala", "1");
    let text = rubrik_edit("{min: 1, maks: 5}", "{min: -2000000, maks: 5}");
    assert_finding(&text, "T403", "skala", "-2000000");
    let text = rubrik_edit("bobot: 60", "bobot: 1e308");
    assert_finding(&text, "T403", "Masalah", "1e308");
    let text = rubrik_edit("bobot: 60", "bobot: 1000000");
    assert!(!codes(&text).contains(&"T403"), "10^6 itself is allowed");
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

/// A staged lomba (spec §8) over `LOMBA`: a pass/fail stage, the reading, a gelar with its own
/// rubric and two judges, place labels and a special award.
fn staged(tail: &str) -> String {
    format!(
        "{LOMBA}tahap:\n  - {{id: administrasi, nama: Administrasi, jenis: syarat, lampiran: [sk_kelompok]}}\n  - {{id: risalah, nama: Risalah, bobot: 60, lolos: 3}}\n  - {{id: gelar, nama: Gelar, rubrik: rubrik-gelar.yaml, bobot: 40, menit: 20, juri: [juri-1, juri-2]}}\npenghargaan:\n  juara: [Juara I, Juara II, Juara III, Harapan I]\n  khusus:\n    - {{id: kbk-kreatif, nama: KBK Kreatif, tahap: gelar, kriteria: [L2]}}\n{tail}"
    )
}

/// The staged lomba checked with its rubrics and an entry, as `tulta check` on its folder does.
fn staged_findings(lomba: &str, gelar: Option<&str>) -> Vec<Diagnostic> {
    let mut files = vec![
        source("lomba/lomba.yaml", lomba),
        source("lomba/risalah/mawar.yaml", CLEAN),
    ];
    if let Some(g) = gelar {
        files.push(source("lomba/rubrik-gelar.yaml", g));
    }
    check_files(&files).remove(0).diagnostics
}

fn has(found: &[Diagnostic], code: &str, at: (usize, usize)) -> bool {
    found
        .iter()
        .any(|d| d.code().as_str() == code && (d.pos.line, d.pos.column) == at)
}

#[test]
fn t404_stages_and_awards_refer_to_what_exists() {
    let lomba = staged("");
    assert_eq!(codes(&lomba), Vec::<&str>::new());
    assert!(staged_findings(&lomba, Some(RUBRIK)).is_empty());
    // A stage's judge that the lomba does not have.
    let text = lomba.replace("juri: [juri-1, juri-2]}", "juri: [juri-1, juri-9]}");
    assert_finding(&text, "T404", "juri-9", "juri-9");
    // An award's stage that does not exist, or that is not scored.
    let text = lomba.replace("tahap: gelar, kriteria", "tahap: final, kriteria");
    assert_finding(&text, "T404", "tahap: final", "final");
    let text = lomba.replace("tahap: gelar, kriteria", "tahap: administrasi, kriteria");
    assert_finding(
        &text,
        "T404",
        "tahap: administrasi, kriteria",
        "administrasi, kriteria",
    );
    // A stage's rubric file that is not there, with the entries checked along.
    let found = staged_findings(&lomba, None);
    assert!(
        has(
            &found,
            "T404",
            pos_of(&lomba, "rubrik-gelar", "rubrik-gelar")
        ),
        "{found:?}"
    );
    // An award's criterion the stage's rubric does not have.
    let text = lomba.replace("kriteria: [L2]", "kriteria: [yel-yel]");
    let found = staged_findings(&text, Some(RUBRIK));
    assert!(
        has(&found, "T404", pos_of(&text, "yel-yel", "yel-yel")),
        "{found:?}"
    );
    // Stages whose rubrics have different scales.
    let found = staged_findings(&lomba, Some(&rubrik_edit("maks: 5", "maks: 10")));
    assert!(
        has(
            &found,
            "T404",
            pos_of(&lomba, "rubrik-gelar", "rubrik-gelar")
        ),
        "{found:?}"
    );
}

#[test]
fn t401_t402_and_t004_in_stages() {
    let lomba = staged("");
    let text = lomba.replace("{id: gelar,", "{id: Gelar/2,");
    assert_finding(&text, "T401", "Gelar/2", "Gelar/2");
    let text = lomba.replace("{id: gelar,", "{id: risalah,");
    assert_finding(&text, "T402", "rubrik-gelar", "risalah");
    let text = lomba.replace("lolos: 3", "lolos: 0");
    assert_finding(&text, "T004", "lolos", "0}");
    let text = lomba.replace("bobot: 40", "bobot: -40");
    assert_finding(&text, "T004", "bobot: -40", "-40");
    let text = lomba.replace("lampiran: [sk_kelompok]", "lampiran: [ijazah]");
    assert_finding(&text, "T004", "ijazah", "ijazah");
    let text = lomba.replace("jenis: syarat", "jenis: lisan");
    assert_finding(&text, "T004", "lisan", "lisan");
}

#[test]
fn every_code_has_a_test_here() {
    let me = include_str!("codes.rs");
    for code in tulta_core::diag::Code::ALL {
        let name = format!("fn {}_", code.as_str().to_lowercase());
        assert!(me.contains(&name), "no test named {name}…");
    }
}
