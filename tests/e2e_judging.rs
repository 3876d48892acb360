//! Judging through the real app in a pseudo-terminal: one judge scores a whole entry by keyboard,
//! undoes one change and quits, and `tulta rank --format json` shows exactly those scores; and an
//! app killed with SIGKILL mid-session keeps every change the screen reported saved.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use common::{competition_copy, Term};
use std::process::Command;

const ENTRY: &str = "tng-2026-dishub-tertib";

fn rank_json(dir: &std::path::Path, data: &std::path::Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(["rank", "--format", "json"])
        .arg(dir)
        .env("TULTA_DATA_DIR", data)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn open_entry(term: &mut Term) {
    term.wait_for("Peserta");
    term.send("/dishub");
    term.send("\r");
    term.send("\r");
    term.wait_for("Memangkas antrean uji berkala");
    // Tab twice: steps → content → scoring panel.
    term.send("\t\t");
}

#[test]
fn a_whole_entry_scored_by_keyboard_with_one_undo() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    let etc = tempfile::tempdir().expect("tmp");
    competition_copy(dir.path());
    let env = [
        ("TULTA_DATA_DIR", data.path()),
        ("TULTA_CONFIG_DIR", etc.path()),
        ("TULTA_CACHE_DIR", etc.path()),
    ];
    let dir_arg = dir.path().display().to_string();
    let mut term = Term::start(&[&dir_arg, "--juri", "juri-1"], dir.path(), &env, 100, 30);
    open_entry(&mut term);

    // L1..L7 and P: a digit each, `]` to the next criterion; P is raised to 3.5 and undone.
    let scores = [4.0, 3.0, 4.0, 5.0, 3.0, 4.0, 4.0, 3.0];
    for (i, s) in scores.iter().enumerate() {
        term.send(&format!("{}", *s as u8));
        term.wait_for(&format!("tersimpan #{}", i + 1));
        if i + 1 < scores.len() {
            term.send("]");
        }
    }
    term.send("+");
    term.wait_for("tersimpan #9");
    term.send("u");
    let shown = term.wait_for("dibatalkan, tersimpan #10");
    assert!(
        shown.contains("Indeks"),
        "the judge's index is shown once all are scored:\n{shown}"
    );
    term.send("q");
    assert!(term.wait_exit().success());

    let rank = rank_json(dir.path(), data.path());
    let row = rank["peringkat"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == ENTRY))
        .cloned()
        .expect("the entry is ranked");
    let comp = tulta_core::judging::competition::load(Some(dir.path()), tulta_core::i18n::Lang::Id)
        .expect("load");
    let weights: Vec<f64> = comp.rubrik.kriteria.iter().map(|k| k.bobot).collect();
    let expected =
        scores.iter().zip(&weights).map(|(s, w)| s * w).sum::<f64>() / weights.iter().sum::<f64>();
    let got = row["juri"]["juri-1"].as_f64().expect("juri-1's index");
    assert!(
        (got - expected).abs() < 0.006,
        "index {got}, expected {expected:.3}"
    );
    assert!(row["peringkat"].is_number(), "finished, so ranked: {row}");
}

#[test]
fn sigkill_mid_session_loses_nothing_reported_saved() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    let etc = tempfile::tempdir().expect("tmp");
    competition_copy(dir.path());
    let env = [
        ("TULTA_DATA_DIR", data.path()),
        ("TULTA_CONFIG_DIR", etc.path()),
        ("TULTA_CACHE_DIR", etc.path()),
    ];
    let dir_arg = dir.path().display().to_string();
    let mut term = Term::start(&[&dir_arg, "--juri", "juri-2"], dir.path(), &env, 100, 30);
    open_entry(&mut term);
    // A burst of changes, the last of them still being typed when the kill comes.
    for _ in 0..6 {
        term.send("+");
    }
    term.send("]");
    for _ in 0..6 {
        term.send(" ");
    }
    let shown = term.text();
    let pid = term.child.process_id().expect("pid");
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let _ = term.wait_exit();

    // The last number the screen reported saved.
    let saved: u64 = shown
        .split("tersimpan #")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("a save was reported");
    let journal = std::fs::read_dir(data.path())
        .expect("data dir")
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .find(|f| f.file_name() == "juri-2.jsonl")
        .expect("journal")
        .path();
    let lines = std::fs::read_to_string(&journal)
        .expect("read")
        .lines()
        .count() as u64;
    assert!(
        lines >= saved,
        "{lines} lines on disk, {saved} reported saved"
    );
    let verify = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .arg("verify")
        .arg(&journal)
        .output()
        .expect("verify");
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

/// SIGTERM while a note is being typed: the next start offers the note back, and saving it
/// journals it.
#[test]
fn a_note_being_typed_at_sigterm_is_offered_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    let etc = tempfile::tempdir().expect("tmp");
    competition_copy(dir.path());
    let env = [
        ("TULTA_DATA_DIR", data.path()),
        ("TULTA_CONFIG_DIR", etc.path()),
        ("TULTA_CACHE_DIR", etc.path()),
    ];
    let dir_arg = dir.path().display().to_string();
    let mut term = Term::start(&[&dir_arg, "--juri", "juri-1"], dir.path(), &env, 100, 30);
    open_entry(&mut term);
    term.send("e");
    term.send("Pareto rapi, target jelas");
    term.wait_for("target jelas");
    let pid = term.child.process_id().expect("pid");
    assert!(Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill")
        .success());
    let _ = term.wait_exit();

    let mut term = Term::start(&[&dir_arg, "--juri", "juri-1"], dir.path(), &env, 100, 30);
    term.wait_for("Pareto rapi, target jelas");
    term.send("\x13"); // Ctrl-S
                       // Journaled: the entry is now in progress for this judge (the overview is on screen).
    term.wait_for("◐ 0/8");
    term.send("q");
    let _ = term.wait_exit();
    let ranking = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(["rank", "--format", "csv"])
        .arg(dir.path())
        .env("TULTA_DATA_DIR", data.path())
        .output()
        .expect("run");
    assert!(ranking.status.success());
    let journal = std::fs::read_dir(data.path())
        .expect("data")
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .find(|f| f.file_name() == "juri-1.jsonl")
        .expect("journal")
        .path();
    let text = std::fs::read_to_string(journal).expect("read");
    assert!(
        text.contains("\"teks\":\"Pareto rapi, target jelas\""),
        "{text}"
    );
    let left = std::fs::read_dir(data.path())
        .expect("data")
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .any(|f| f.file_name().to_string_lossy().ends_with(".draft.json"));
    assert!(!left, "the draft is gone once saved");
}
