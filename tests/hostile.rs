//! Hostile input is normal input: each of these ends in a clear diagnostic, fast, through the real
//! binary, never a panic or a hang.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A guard against hangs and blow-ups, not a speed target (those live in examples/): the longest
/// input here costs the debug binary about 1 s of CPU (0.2 s in release), and a loaded 2-core
/// machine stretched that past 2 s of wall time, while a quadratic parse of it would take minutes.
const LIMIT: Duration = Duration::from_secs(10);

struct Run {
    status: i32,
    codes: Vec<String>,
    took: Duration,
    stderr: String,
}

fn check(name: &str, bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write input");
    check_path(&path)
}

fn check_path(path: &Path) -> Run {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(["check", "--format", "json", "--lang", "en"])
        .arg(path)
        .output()
        .expect("run tulta");
    let took = start.elapsed();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let codes = json["temuan"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d["kode"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Run {
        status: out.status.code().unwrap_or(-1),
        codes,
        took,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[track_caller]
fn assert_refused(run: &Run, code: &str) {
    assert!(run.stderr.is_empty(), "stderr: {}", run.stderr);
    assert_eq!(run.codes, [code]);
    assert_eq!(run.status, 1, "an error exits 1");
    assert!(run.took < LIMIT, "took {:?}", run.took);
}

#[test]
fn a_file_over_five_mebibytes() {
    let mut text = String::from("format: risalah/1\nringkasan: \"");
    text.push_str(&"x".repeat(6 * 1024 * 1024));
    text.push_str("\"\n");
    assert_refused(&check("besar.yaml", text.as_bytes()), "T007");
}

#[test]
fn twenty_thousand_nested_brackets() {
    let text = format!("format: risalah/1\nid: {}\n", "[".repeat(20_000));
    assert_refused(&check("kurung.yaml", text.as_bytes()), "T007");
    let text = format!("format: risalah/1\nid: {}\n", "{a: ".repeat(20_000));
    assert_refused(&check("kurawal.yaml", text.as_bytes()), "T007");
}

#[test]
fn deep_block_nesting() {
    let mut text = String::from("format: risalah/1\n");
    for depth in 0..2_000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("a:\n");
    }
    assert_refused(&check("dalam.yaml", text.as_bytes()), "T007");
    let text = format!("format: risalah/1\nlangkah:\n{}x\n", "- ".repeat(5_000));
    assert_refused(&check("strip.yaml", text.as_bytes()), "T007");
}

#[test]
fn an_alias_bomb() {
    let mut text = String::from("format: risalah/1\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    let mut prev = 'a';
    for name in 'b'..='i' {
        text.push_str(&format!(
            "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = name;
    }
    assert_refused(&check("bom.yaml", text.as_bytes()), "T007");
}

#[test]
fn binary_garbage() {
    let bytes: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_refused(&check("sampah.yaml", &bytes), "T001");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    assert_refused(&check("gambar.yaml", &png), "T001");
}

#[test]
fn empty_and_blank_files() {
    assert_refused(&check("kosong.yaml", b""), "T002");
    assert_refused(&check("spasi.yaml", b"  \n\n   \n"), "T002");
    assert_refused(&check("komentar.yaml", b"# hanya komentar\n"), "T002");
}

#[test]
fn wrong_shapes() {
    assert_refused(
        &check("daftar.yaml", b"- format: risalah/1\n- id: x\n"),
        "T004",
    );
    assert_refused(&check("skalar.yaml", b"risalah\n"), "T004");
    let run = check(
        "bentuk.yaml",
        b"format: risalah/1\nid: x\njudul: j\ntahun: 2026\ndaerah: d\nopd: o\nkelompok: []\nlangkah: tujuh\n",
    );
    assert_eq!(run.codes, ["T004", "T004"]);
    assert!(run.took < LIMIT);
    let run = check(
        "nomor.yaml",
        b"format: risalah/1\nlangkah: [1, [2], {a: 3}]\n",
    );
    assert!(run.codes.iter().all(|c| c.starts_with('T')));
    assert!(run.codes.contains(&"T004".to_string()));
}

#[test]
fn a_long_single_line_within_the_limit() {
    let mut text = String::from("format: risalah/1\nringkasan: ");
    text.push_str(&"kata ".repeat(900_000));
    text.push('\n');
    let run = check("panjang.yaml", text.as_bytes());
    assert_eq!(run.status, 1);
    assert!(run.codes.contains(&"T005".to_string()));
    assert!(run.took < LIMIT, "took {:?}", run.took);
}

#[test]
fn many_small_aliases_are_fine() {
    let mut text = String::from("format: risalah/1\nnilai_budaya: &nb [melayani]\n");
    for i in 0..500 {
        text.push_str(&format!("x{i}: *nb\n"));
    }
    let run = check("alias.yaml", text.as_bytes());
    assert!(
        run.codes.iter().all(|c| c == "T003" || c == "T005"),
        "{:?}",
        run.codes
    );
    assert!(run.took < LIMIT);
}
