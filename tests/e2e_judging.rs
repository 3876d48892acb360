//! Judging through the real app in a pseudo-terminal: one judge scores a whole entry by keyboard,
//! undoes one change and quits, and `tulta rank --format json` shows exactly those scores; and an
//! app killed with SIGKILL mid-session keeps every change the screen reported saved.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use common::{competition_copy, Term};
use std::process::Command;
use tulta_core::judging::scoring::Sheet;

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

/// A copy of the competition, and fresh data and config folders.
fn folders() -> (tempfile::TempDir, tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    competition_copy(dir.path(), data.path());
    (dir, data, tempfile::tempdir().expect("tmp"))
}

fn env<'a>(
    data: &'a tempfile::TempDir,
    etc: &'a tempfile::TempDir,
) -> [(&'static str, &'a std::path::Path); 3] {
    [
        ("TULTA_DATA_DIR", data.path()),
        ("TULTA_CONFIG_DIR", etc.path()),
        ("TULTA_CACHE_DIR", etc.path()),
    ]
}

fn open_entry(term: &mut Term) {
    // The competition is found once the list is read: the judge's line says it is open.
    term.wait_for("selesai ·");
    term.send("/dishub");
    term.send("\r");
    term.send("\r");
    term.wait_for("Memangkas antrean uji berkala");
    // Tab twice: steps → content → scoring panel.
    term.send("\t\t");
}

#[test]
fn a_whole_entry_scored_by_keyboard_with_one_undo() {
    let (dir, data, etc) = folders();
    let env = env(&data, &etc);
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
    let shown = term.wait_for("dibatalkan #9 · P = 3,5");
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

/// The judge's sheet for `entry` as the journal holds it.
fn sheet(data: &std::path::Path, dir: &std::path::Path, juri: &str, entry: &str) -> Sheet {
    let comp = tulta_core::judging::competition::load(Some(dir), tulta_core::i18n::Lang::Id)
        .expect("load");
    let judging =
        tulta_core::judging::Judging::open_in(comp.clone(), &data.join(comp.id())).expect("open");
    judging.sheet(juri, judging.competition.first_scored(), entry)
}

fn changes(data: &std::path::Path, dir: &std::path::Path, juri: &str, entry: &str) -> usize {
    let comp = tulta_core::judging::competition::load(Some(dir), tulta_core::i18n::Lang::Id)
        .expect("load");
    let judging =
        tulta_core::judging::Judging::open_in(comp.clone(), &data.join(comp.id())).expect("open");
    judging
        .changes(juri)
        .iter()
        .filter(|r| r.risalah == entry)
        .count()
}

/// Defects 0, 1, 2 and 11 of issue 16: opened on the lomba.yaml itself, a judge scores a whole
/// entry moving focus every way a judge does — jump to a step, Tab out and back, BackTab, next
/// entry and back, `g` to the top — undoes on an entry with nothing to undo and on this one,
/// and the journal holds exactly the scores meant, nothing on the other entry.
#[test]
fn every_score_lands_on_the_criterion_marked_whatever_the_focus_did() {
    let (dir, data, etc) = folders();
    let env = env(&data, &etc);
    let lomba = dir.path().join("lomba.yaml").display().to_string();
    let mut term = Term::start(&[&lomba, "--juri", "juri-1"], dir.path(), &env, 100, 30);
    // Defect 0: the competition file opens the competition's entries, not an empty list.
    // The competition is found once the list is read: the judge's line says it is open.
    term.wait_for("selesai ·");
    term.send("/tng-2026-dis\r");
    term.wait_for("3 / 13");
    term.send("\x1b[B\r");
    term.wait_for("Memangkas antrean uji berkala");
    const OTHER: &str = "tng-2026-dispusip-lestari";
    let other_before = changes(data.path(), dir.path(), "juri-1", OTHER);

    // Jump to step 3 from the steps pane: the panel's ▶ follows to L3; Tab twice to the panel.
    term.send("3");
    term.wait_for("Langkah 3 ·");
    term.send("\t\t");
    term.wait_for("Nilai ▶ L3");
    term.send("4");
    term.wait_for("L3 = 4,0");
    // Tab all the way round and back: the ▶ stays on L3; `]` moves it to L4.
    term.send("\t\t\t]");
    term.wait_for("Nilai ▶ L4");
    term.send("5");
    term.wait_for("L4 = 5,0");
    // Out to the steps, a digit is a step there (6), BackTab back into the panel.
    term.send("\t6");
    term.wait_for("Nilai ▶ L6");
    term.send("\x1b[Z");
    term.wait_for("● fokus");
    term.send("3");
    term.wait_for("L6 = 3,0");
    term.send("]2");
    term.wait_for("L7 = 2,0");
    term.send("]4");
    term.wait_for("P = 4,0");
    // The reported defect: on P, Tab out and back, `+` raised L1. It must raise P.
    term.send("\t\t\t+");
    term.wait_for("P = 4,5");
    // The next entry opens on its first unscored criterion (issue 24: the first digit typed
    // there must not land on the last criterion left here); `u` there has nothing of this
    // judge's to take back.
    term.send("n");
    term.wait_for("Mempercepat penemuan kembali arsip");
    term.send("u");
    let there = term.wait_for("tidak ada perubahan");
    assert!(there.contains("Nilai ▶ L1"), "{there}");
    // Back: the other entry's message does not follow (defect 11).
    term.send("p");
    let back = term.wait_for("Memangkas antrean uji berkala");
    assert!(!back.contains("tidak ada perubahan"), "{back}");
    term.send("g4");
    term.wait_for("L1 = 4,0");
    term.send("]3");
    term.wait_for("L2 = 3,0");
    term.send("\t5");
    term.wait_for("Nilai ▶ L5");
    term.send("\x1b[Z3");
    term.wait_for("L5 = 3,0");
    // Undo takes back this entry's last change and says which.
    term.send("u");
    let undone = term.wait_for("dibatalkan #");
    assert!(undone.contains("L5 = 3,0"), "{undone}");
    term.send("2");
    term.wait_for("L5 = 2,0");
    term.send("q");
    assert!(term.wait_exit().success());

    let got = sheet(data.path(), dir.path(), "juri-1", ENTRY).skor;
    let want: std::collections::BTreeMap<String, f64> = [
        ("L1", 4.0),
        ("L2", 3.0),
        ("L3", 4.0),
        ("L4", 5.0),
        ("L5", 2.0),
        ("L6", 3.0),
        ("L7", 2.0),
        ("P", 4.5),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(got, want);
    assert_eq!(
        changes(data.path(), dir.path(), "juri-1", OTHER),
        other_before,
        "nothing was written on the other entry"
    );
}

/// Defect 1: on an entry barred for the judge, `u` writes nothing (it used to withdraw the
/// judge's last change on another entry).
#[test]
fn undo_on_a_barred_entry_writes_nothing() {
    let (dir, data, etc) = folders();
    let env = env(&data, &etc);
    let dir_arg = dir.path().display().to_string();
    let mut term = Term::start(&[&dir_arg, "--juri", "juri-3"], dir.path(), &env, 100, 30);
    // The competition is found once the list is read: the judge's line says it is open.
    term.wait_for("selesai ·");
    // A change on one entry first, so there is something undo could wrongly reach.
    term.send("/dishub\r\r");
    term.wait_for("Memangkas antrean uji berkala");
    term.send("\t\t4");
    term.wait_for("L1 = 4,0");
    term.send("\x1b[D");
    term.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    term.send("/");
    term.send("\x15karangsari\r\r");
    term.wait_for("tidak boleh menilai");
    let before: usize = ["tng-2026-dishub-tertib", "tng-2026-karangsari-guyub"]
        .iter()
        .map(|e| changes(data.path(), dir.path(), "juri-3", e))
        .sum();
    term.send("u");
    std::thread::sleep(std::time::Duration::from_millis(400));
    term.send("q");
    assert!(term.wait_exit().success());
    let after: usize = ["tng-2026-dishub-tertib", "tng-2026-karangsari-guyub"]
        .iter()
        .map(|e| changes(data.path(), dir.path(), "juri-3", e))
        .sum();
    assert_eq!(before, after, "u on a barred entry wrote something");
    assert_eq!(
        sheet(data.path(), dir.path(), "juri-3", "tng-2026-dishub-tertib")
            .skor
            .get("L1"),
        Some(&4.0)
    );
}

/// Defect 3: the note editor inserts at the cursor (← and Home move it) and takes a bracketed
/// paste whole, line breaks and all; the journal holds exactly the text on screen.
#[test]
fn the_note_editor_inserts_at_the_cursor_and_takes_a_paste() {
    let (dir, data, etc) = folders();
    let env = env(&data, &etc);
    let dir_arg = dir.path().display().to_string();
    let mut term = Term::start(&[&dir_arg, "--juri", "juri-1"], dir.path(), &env, 100, 30);
    open_entry(&mut term);
    term.wait_for("Nilai ▶ L1");
    term.send("e");
    term.wait_for("risalah · L1");
    term.send("Risalah baik.");
    term.send("\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D");
    term.send("cukup ");
    term.wait_for("Risalah cukup baik.");
    // Home, then a word at the start; End, then a paste with a line break and a key-like `q`.
    term.send("\x1b[HSangat: ");
    term.send("\x1b[F");
    term.send("\x1b[200~ Tempel q\r\nbaris dua\x1b[201~");
    term.wait_for("baris dua");
    term.send("\x13");
    term.wait_for("catatan L1");
    term.send("q");
    assert!(term.wait_exit().success());
    let got = sheet(data.path(), dir.path(), "juri-1", ENTRY)
        .catatan
        .get(&Some("L1".to_string()))
        .cloned();
    assert_eq!(
        got.as_deref(),
        Some("Sangat: Risalah cukup baik. Tempel q\nbaris dua")
    );
}

/// Defect 4: XLSX asked for on a terminal is refused, in the user's language, and nothing binary
/// reaches the screen.
#[test]
fn xlsx_to_a_terminal_is_refused() {
    let (dir, data, etc) = folders();
    let env = env(&data, &etc);
    let dir_arg = dir.path().display().to_string();
    let term = Term::start(
        &["rank", &dir_arg, "--format", "xlsx"],
        dir.path(),
        &env,
        100,
        30,
    );
    let shown = term.wait_for("berkas biner");
    let mut term = term;
    assert!(!term.wait_exit().success());
    assert!(!shown.contains("PK"), "{shown}");
    assert!(
        !term.raw.lock().expect("raw").windows(2).any(|w| w == b"PK"),
        "no zip bytes written"
    );
}

#[test]
fn sigkill_mid_session_loses_nothing_reported_saved() {
    let (dir, data, etc) = folders();
    let env = env(&data, &etc);
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
    competition_copy(dir.path(), data.path());
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

/// Every score `juri` may give in the risalah stage, as `score --stdin` lines (all 4s).
fn risalah_lines(dir: &std::path::Path, juri: &str) -> String {
    let comp = tulta_core::judging::competition::load(Some(dir), tulta_core::i18n::Lang::Id)
        .expect("load");
    let scratch = tempfile::tempdir().expect("tmp");
    let judging = tulta_core::judging::Judging::open_in(comp, scratch.path()).expect("open");
    let flow = judging.flow(judging.competition.lomba.agregasi);
    let mut out = String::new();
    for e in &judging.competition.entries {
        if judging.bar(juri, &e.id).is_some() || flow.blocked(&e.id, "risalah").is_some() {
            continue;
        }
        for k in &judging.competition.rubrik.kriteria {
            out.push_str(&format!("{} {} 4\n", e.id, k.id));
        }
    }
    out
}

fn score_stdin(dir: &std::path::Path, data: &std::path::Path, juri: &str, lines: &str) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .arg("score")
        .arg(dir)
        .args(["--juri", juri, "--stdin"])
        .env("TULTA_DATA_DIR", data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(lines.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 24, item 5: with the app open on the progress screen, the other judges fill the risalah
/// stage with `tulta score --stdin`; the screen follows within a second or so, and when the
/// stage becomes final the judge is told that the gelar is open.
#[test]
fn the_app_shows_what_other_judges_write_and_says_when_the_next_stage_opens() {
    let dir = tempfile::tempdir().expect("tmp");
    common::sample_copy(dir.path(), false);
    let data = tempfile::tempdir().expect("tmp");
    let etc = tempfile::tempdir().expect("tmp");
    let env = env(&data, &etc);
    let dir_arg = dir.path().display().to_string();
    let mut term = Term::start(&[&dir_arg, "--juri", "juri-1"], dir.path(), &env, 100, 30);
    // The competition is found once the list is read: the judge's line says it is open.
    term.wait_for("selesai ·");
    term.send("p");
    term.wait_for("0/10 selesai");
    let journals = data.path();
    score_stdin(
        dir.path(),
        journals,
        "juri-2",
        &risalah_lines(dir.path(), "juri-2"),
    );
    let shown = term.wait_for("10/10 selesai");
    assert!(
        shown.contains("0/11 selesai"),
        "juri-1 has not scored:\n{shown}"
    );
    score_stdin(
        dir.path(),
        journals,
        "juri-3",
        &risalah_lines(dir.path(), "juri-3"),
    );
    score_stdin(
        dir.path(),
        journals,
        "juri-1",
        &risalah_lines(dir.path(), "juri-1"),
    );
    let shown = term.wait_for("tahap gelar dibuka");
    assert!(shown.contains("11/11 selesai"), "{shown}");
    // The overview shows the gelar open: its entries are no longer waiting for the risalah.
    term.send("\x1b");
    term.send("T");
    term.send("\x1b[B\r");
    let shown = term.wait_for("tahap gelar");
    assert!(!shown.contains("menunggu"), "{shown}");
    term.send("q");
    let _ = term.wait_exit();
}

/// Issue 24, item 2: a note typed in the risalah stage, the app stopped with SIGTERM and opened
/// again — on the gelar, the stage now being scored: the editor names the note's entry, stage and
/// criterion, and Ctrl-S saves it there (the journal line is the risalah's, not the gelar's).
#[test]
fn a_restored_note_is_saved_in_its_own_stage() {
    let cwd = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    let etc = tempfile::tempdir().expect("tmp");
    let env = env(&data, &etc);
    // No folder named: the built-in sample, whose demo journals have the gelar under way.
    let mut term = Term::start(&["--juri", "juri-1"], cwd.path(), &env, 100, 30);
    term.wait_for("tahap gelar");
    // The list is read in the background: Enter opens an entry once it is there.
    term.wait_for("Dinas Kependudukan");
    term.send("T");
    term.send("\x1b[A\r");
    term.wait_for("tahap risalah");
    term.send("\r");
    term.wait_for("Mempercepat penerbitan akta");
    term.send("\t\t");
    term.send("e");
    term.send("Catatan dari tahap risalah");
    term.wait_for("Catatan dari tahap risalah");
    let pid = term.child.process_id().expect("pid");
    assert!(Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill")
        .success());
    let _ = term.wait_exit();

    let mut term = Term::start(&["--juri", "juri-1"], cwd.path(), &env, 100, 30);
    let shown = term.wait_for("Catatan dari tahap risalah");
    assert!(
        shown.contains("tng-2026-disdukcapil-cekatan · risalah · L1"),
        "{shown}"
    );
    term.send("\x13"); // Ctrl-S
    term.wait_for("tersimpan");
    term.send("q");
    let _ = term.wait_exit();
    let journal = data
        .path()
        .join("lomba-budaya-kerja-2026-tirtanagara")
        .join("juri-1.jsonl");
    let text = std::fs::read_to_string(journal).expect("journal");
    let line = text
        .lines()
        .find(|l| l.contains("Catatan dari tahap risalah"))
        .expect("the note is journaled");
    assert!(
        !line.contains("\"tahap\""),
        "a risalah line names no stage: {line}"
    );
    assert!(
        line.contains("\"risalah\":\"tng-2026-disdukcapil-cekatan\""),
        "{line}"
    );
    assert!(line.contains("\"kriteria\":\"L1\""), "{line}");
}

/// Issue 24, item 12: opened on the competition's own folder inside the reports folder, `a` adds
/// the archive beside the entries (the reports folder above it) and the help lists it.
#[test]
fn the_archive_is_the_reports_folder_above_the_competition() {
    let cwd = tempfile::tempdir().expect("tmp");
    common::sample_copy(&cwd.path().join("reports/lomba-2026"), false);
    std::fs::create_dir_all(cwd.path().join("reports/arsip")).expect("mkdir");
    std::fs::write(
        cwd.path().join("reports/arsip/lama.yaml"),
        include_str!("fixtures/bersih.yaml"),
    )
    .expect("write");
    let data = tempfile::tempdir().expect("tmp");
    let etc = tempfile::tempdir().expect("tmp");
    let env = env(&data, &etc);
    let mut term = Term::start(
        &["reports/lomba-2026", "--juri", "juri-1"],
        cwd.path(),
        &env,
        100,
        30,
    );
    term.wait_for("a: juga arsip (+1)");
    term.send("a");
    term.wait_for("Mawar");
    term.send("?");
    let help = term.wait_for("arsip di sampingnya");
    assert!(help.contains("peserta lomba saja"), "{help}");
    term.send("\x1b");
    term.send("q");
    let _ = term.wait_exit();
}
