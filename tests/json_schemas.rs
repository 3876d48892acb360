//! Every JSON output is a contract: real outputs of the binary, on the sample and on a
//! one-stage competition, in both languages, are validated against the schemas in docs/schemas/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn tulta(home: &Path, args: &[&str]) -> Output {
    common::tulta_at(home, args)
}

fn validator(name: &str) -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(repo(&format!("docs/schemas/{name}.schema.json"))).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

/// Validates one run's standard output against the schema, naming every violation.
fn holds(schema: &jsonschema::Validator, what: &str, o: &Output) -> serde_json::Value {
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{what}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let value: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
    let errors: Vec<String> = schema
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
    assert_eq!(value["versi"], 1, "{what}");
    value
}

#[test]
fn check_output_follows_its_schema() {
    let home = tempfile::tempdir().expect("tmp");
    let schema = validator("check");
    for lang in ["id", "en"] {
        let reports = repo("reports").display().to_string();
        let o = tulta(
            home.path(),
            &["check", &reports, "--format", "json", "--lang", lang],
        );
        let v = holds(&schema, &format!("check ({lang})"), &o);
        // The planted flaws of the sample: findings of each severity are there to validate.
        let levels: Vec<&str> = v["temuan"]
            .as_array()
            .expect("temuan")
            .iter()
            .filter_map(|d| d["tingkat"].as_str())
            .collect();
        assert!(
            levels.contains(&"galat") && levels.contains(&"info"),
            "{levels:?}"
        );
    }
}

#[test]
fn search_output_follows_its_schema() {
    let home = tempfile::tempdir().expect("tmp");
    let schema = validator("search");
    let reports = repo("reports").display().to_string();
    for args in [
        vec![
            "search",
            "antrean loket",
            "--format",
            "json",
            "--in",
            &reports,
        ],
        vec![
            "search",
            "\"waktu tunggu\" tahun:>=2025",
            "--format",
            "json",
            "--in",
            &reports,
        ],
        vec![
            "search",
            "--similar",
            "tng-2026-dishub-tertib",
            "--format",
            "json",
            "--in",
            &reports,
        ],
        vec![
            "search",
            "tidakadasamasekali",
            "--format",
            "json",
            "--in",
            &reports,
        ],
    ] {
        let v = holds(&schema, &args.join(" "), &tulta(home.path(), &args));
        for hit in v["hasil"].as_array().expect("hasil") {
            let text: Vec<char> = hit["cuplikan"]
                .as_str()
                .expect("cuplikan")
                .chars()
                .collect();
            for r in hit["sorotan"].as_array().expect("sorotan") {
                let (a, b) = (r[0].as_u64().expect("a"), r[1].as_u64().expect("b"));
                assert!(a < b && b as usize <= text.len(), "{r} outside {text:?}");
            }
        }
    }
}

#[test]
fn rank_output_follows_its_schema() {
    let home = tempfile::tempdir().expect("tmp");
    let schema = validator("rank");
    // The sample: stages, awards, demo journals with notes and ticks.
    let sample = repo("reports/lomba-2026").display().to_string();
    // A first-edition competition: one stage, no awards, nobody has scored. It has the sample's
    // id, so it gets a data folder of its own (the sample's journals are seeded into the other).
    let plain_home = tempfile::tempdir().expect("tmp");
    let plain = plain_home.path().join("satu-tahap");
    common::competition_copy(&plain, &plain_home.path().join("data"));
    let plain = plain.display().to_string();
    for args in [
        vec!["rank", &sample, "--format", "json"],
        vec!["rank", &sample, "--format", "json", "--tahap", "risalah"],
        vec![
            "rank", &sample, "--format", "json", "--tahap", "gelar", "--lang", "en",
        ],
        vec![
            "rank",
            &sample,
            "--format",
            "json",
            "--metode",
            "z_skor",
            "--kategori",
            "opd",
        ],
        vec![
            "rank",
            &plain,
            "--format",
            "json",
            "--kategori",
            "kelurahan",
        ],
    ] {
        let home = if args[1] == plain {
            plain_home.path()
        } else {
            home.path()
        };
        let v = holds(&schema, &args.join(" "), &tulta(home, &args));
        assert!(!v["peringkat"].as_array().expect("peringkat").is_empty());
    }
}
