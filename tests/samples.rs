//! The sample competition: clean reports are clean, planted flaws are found exactly, and the copy
//! built into the binary is the one on disk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::path::PathBuf;
use tulta_core::check::check_files;
use tulta_core::files::sources::{builtin_files, collect};

/// The planted flaws: file stem → the one code it must produce.
const PLANTED: [(&str, &str); 3] = [
    ("tng-2026-pandanwangi-rukun", "T203"),
    ("tng-2026-puskesmas-tirta-sehat", "T304"),
    ("tng-2026-kebonagung-maju", "T307"),
];

fn reports() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("reports")
}

#[test]
fn clean_samples_are_clean_and_planted_flaws_are_found_exactly() {
    let files = collect(&[reports()]).expect("reports/ readable");
    let checked = check_files(&files);
    let mut risalah = 0;
    for c in &checked {
        let stem = c
            .name
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".yaml");
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code().as_str()).collect();
        match PLANTED.iter().find(|(s, _)| *s == stem) {
            Some((_, code)) => assert_eq!(codes, [*code], "{}", c.name),
            None => assert!(codes.is_empty(), "{}: {:?}", c.name, c.diagnostics),
        }
        if matches!(c.doc.model, Some(tulta_core::format::Model::Risalah(_))) {
            risalah += 1;
        }
    }
    assert!(
        risalah >= 18,
        "12 competition entries and 6 archive reports at least, found {risalah}"
    );
}

#[test]
fn the_competition_has_three_judges_one_conflict_and_both_kinds_of_group() {
    let comp = tulta_core::judging::competition::load(
        Some(&reports().join("lomba-2026")),
        tulta_core::i18n::Lang::En,
    )
    .expect("sample competition loads");
    assert_eq!(comp.lomba.juri.len(), 3);
    assert!(!comp.lomba.konflik.is_empty());
    assert!(comp.entries.len() >= 12);
    let opd = comp
        .entries
        .iter()
        .filter(|e| e.jenis == Some(tulta_core::model::risalah::JenisKelompok::Opd))
        .count();
    assert!(opd >= 2 && comp.entries.len() - opd >= 2);
}

#[test]
fn the_built_in_sample_is_the_reports_folder() {
    let disk = collect(&[reports()]).expect("reports/ readable");
    let root = reports().display().to_string();
    let mut on_disk: Vec<(String, Vec<u8>)> = disk
        .into_iter()
        .map(|f| (f.name.replacen(&root, "reports", 1), f.bytes.into_owned()))
        .collect();
    on_disk.sort();
    let built_in: Vec<(String, Vec<u8>)> = builtin_files()
        .into_iter()
        .map(|f| (f.name, f.bytes.into_owned()))
        .collect();
    assert_eq!(on_disk.len(), built_in.len());
    assert!(on_disk == built_in, "rebuild after changing reports/");
}
