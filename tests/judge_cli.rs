//! Issue 24 through the real binary: `score --stdin` names the line it stopped at and what it
//! did not read, takes `3,5` as `--stdin` does and echoes it in the user's language; `rank`
//! refuses an output name whose extension it does not write; an entry in a stage that is not
//! final is waiting there, not stopped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop on the spot

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn tulta(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(args)
        .env("TULTA_DATA_DIR", data)
        .env("TULTA_CONFIG_DIR", data.join("config"))
        .env("TULTA_CACHE_DIR", data.join("cache"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tulta");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ENTRY: &str = "tng-2026-dishub-tertib";

/// `tulta score LOMBA --juri juri-1 --stdin` with `input`.
fn score_stdin(data: &Path, lomba: &Path, input: &str, lang: &str) -> Output {
    tulta(
        data,
        &[
            "score",
            s(lomba),
            "--juri",
            "juri-1",
            "--stdin",
            "--lang",
            lang,
        ],
        Some(input),
    )
}

/// Item 7: the line that stopped a `--stdin` run is named, and so are the lines not read.
#[test]
fn score_stdin_names_the_line_it_stopped_at_and_what_it_skipped() {
    let dir = tempfile::tempdir().expect("tmp");
    common::competition_copy(dir.path(), &dir.path().join("data"));
    let data = dir.path().join("data");
    let score = |input: &str, lang: &str| score_stdin(&data, dir.path(), input, lang);
    // A refusal (no such criterion) on line 3 of 5, with a comment among the lines after it.
    let input = format!("{ENTRY} L1 4\n# komentar\n{ENTRY} X9 4\n{ENTRY} L2 4\n\n{ENTRY} L3 4\n");
    let o = score(&input, "id");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("baris 3"), "{}", err(&o));
    assert!(
        err(&o).contains("2 baris sesudahnya tidak dibaca"),
        "{}",
        err(&o)
    );
    assert!(out(&o).contains("L1 = 4"), "{}", out(&o));
    // A line that is not a score at all, in English.
    let o = score(&format!("{ENTRY} L4\n{ENTRY} L5 4\n"), "en");
    assert!(!o.status.success());
    assert!(err(&o).contains("stdin line 1"), "{}", err(&o));
    assert!(err(&o).contains("1 later line(s) not read"), "{}", err(&o));
}

/// Item 7: `--nilai 3,5` is 3.5, as `--stdin` reads it, and the echo writes it as the user's
/// language does.
#[test]
fn a_decimal_comma_is_taken_and_echoed_in_the_user_s_language() {
    let dir = tempfile::tempdir().expect("tmp");
    common::competition_copy(dir.path(), &dir.path().join("data"));
    let data = dir.path().join("data");
    let one = |k: &str, v: &str, lang: &str| {
        tulta(
            &data,
            &[
                "score",
                s(dir.path()),
                "--juri",
                "juri-1",
                "--risalah",
                ENTRY,
                "--kriteria",
                k,
                "--nilai",
                v,
                "--lang",
                lang,
            ],
            None,
        )
    };
    let o = one("L1", "3,5", "id");
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("L1 = 3,5"), "{}", out(&o));
    let o = one("L2", "4.5", "en");
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("L2 = 4.5"), "{}", out(&o));
    let o = score_stdin(&data, dir.path(), &format!("{ENTRY} L3 2,5\n"), "id");
    assert!(out(&o).contains("L3 = 2,5"), "{}", out(&o));
    let journal = std::fs::read_dir(&data)
        .expect("data")
        .flatten()
        .map(|d| d.path().join("juri-1.jsonl"))
        .find(|p| p.exists())
        .expect("journal");
    let text = std::fs::read_to_string(journal).expect("read");
    assert!(text.contains("\"kriteria\":\"L1\",\"nilai\":3.5"), "{text}");
    let o = one("L4", "tiga", "id");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
}

/// Item 8: `rank --output hasil.pdf` is refused and writes nothing.
#[test]
fn an_output_name_with_an_extension_tulta_does_not_write_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    common::competition_copy(dir.path(), &dir.path().join("data"));
    let data = dir.path().join("data");
    let pdf = dir.path().join("hasil.pdf");
    let o = tulta(
        &data,
        &["rank", s(dir.path()), "--output", s(&pdf), "--lang", "id"],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains(".pdf"), "{}", err(&o));
    assert!(!pdf.exists());
    let txt = dir.path().join("hasil.txt");
    let o = tulta(&data, &["rank", s(dir.path()), "--output", s(&txt)], None);
    assert!(o.status.success(), "{}", err(&o));
    assert!(txt.exists());
}

/// Item 6: before the risalah stage is final, an entry scored there is waiting in it, not
/// stopped at it (the two that failed the administrasi stage, which is final, did stop there).
#[test]
fn before_a_stage_is_final_an_entry_is_waiting_not_stopped() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path().join("lomba");
    common::competition_copy(&root, &dir.path().join("data"));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/lomba-2026/lomba.yaml"),
        root.join("lomba.yaml"),
    )
    .expect("staged lomba");
    let data = dir.path().join("data");
    let lines: String = ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "P"]
        .iter()
        .map(|k| format!("{ENTRY} {k} 4\n"))
        .collect();
    let o = tulta(
        &data,
        &["score", s(&root), "--juri", "juri-1", "--stdin"],
        Some(&lines),
    );
    assert!(o.status.success(), "{}", err(&o));
    for (lang, waiting, stopped) in [
        ("id", "menunggu di risalah", "berhenti di risalah"),
        ("en", "waiting in risalah", "stopped at risalah"),
    ] {
        let o = tulta(&data, &["rank", s(&root), "--lang", lang], None);
        assert!(o.status.success(), "{}", err(&o));
        let table = out(&o);
        assert!(table.contains(waiting), "{table}");
        assert!(!table.contains(stopped), "{table}");
        assert!(table.contains("administrasi"), "{table}");
    }
}

/// The sample with its gelar day in `dir/lomba`.
fn gelar_copy(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("lomba");
    common::gelar_copy(&root);
    root
}

/// The gelar day: a drawn order is kept with its seed and shown again as it is; another seed
/// needs --ulang, which says what changed; each slot has its planned start.
#[test]
fn a_drawn_order_is_kept_and_drawing_again_needs_ulang() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = gelar_copy(dir.path());
    let data = dir.path().join("data");
    let undian = |extra: &[&str]| {
        let mut args = vec!["undian", s(&root), "--tahap", "gelar", "--lang", "id"];
        args.extend_from_slice(extra);
        tulta(&data, &args, None)
    };
    let first = undian(&["--benih", "7"]);
    assert!(first.status.success(), "{}", err(&first));
    let text = out(&first);
    assert!(text.contains("benih 7"), "{text}");
    assert!(text.contains("  1. 08:00  "), "{text}");
    assert!(
        text.contains("  2. 08:25  "),
        "slots of 20 minutes, 5 between: {text}"
    );
    assert!(text.contains("disimpan di"), "{text}");
    let kept = std::fs::read_dir(&data)
        .expect("data")
        .flatten()
        .map(|d| d.path().join("undian-gelar.json"))
        .find(|p| p.exists())
        .expect("kept in the data folder");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&kept).expect("read")).expect("json");
    assert_eq!(saved["benih"], 7);

    // Without a seed, the kept order again (not today's date's draw).
    let again = undian(&[]);
    assert!(again.status.success(), "{}", err(&again));
    let order = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| {
                l.trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            })
            .map(str::to_string)
            .collect()
    };
    assert_eq!(order(&out(&again)), order(&text));
    assert!(
        out(&again).contains("--ulang untuk mengundi lagi"),
        "{}",
        out(&again)
    );

    // Another seed is refused without --ulang, and the kept order stays.
    let refused = undian(&["--benih", "8"]);
    assert_eq!(refused.status.code(), Some(2), "{}", err(&refused));
    assert!(err(&refused).contains("--ulang"), "{}", err(&refused));
    let redrawn = undian(&["--benih", "8", "--ulang"]);
    assert!(redrawn.status.success(), "{}", err(&redrawn));
    assert!(out(&redrawn).contains("diundi lagi"), "{}", out(&redrawn));
    assert!(out(&redrawn).contains(" → "), "{}", out(&redrawn));
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&kept).expect("read")).expect("json");
    assert_eq!(saved["benih"], 8);
}

/// A `mulai` that is not a local date and time is a T004 finding of the lomba file.
#[test]
fn a_gelar_start_that_is_not_a_date_and_time_is_reported() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = gelar_copy(dir.path());
    let lomba = root.join("lomba.yaml");
    let text = std::fs::read_to_string(&lomba)
        .expect("lomba")
        .replace("2026-12-10 08:00", "besok pagi");
    std::fs::write(&lomba, text).expect("write");
    let data = dir.path().join("data");
    let o = tulta(&data, &["check", s(&lomba), "--lang", "id"], None);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(out(&o).contains("T004"), "{}", out(&o));
    assert!(out(&o).contains("YYYY-MM-DD HH:MM"), "{}", out(&o));
}
