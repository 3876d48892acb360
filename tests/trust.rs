//! Trust in the record (spec §10), through the real binary and as an attacker would try it: forged
//! and re-signed journals, a scorer and an import at once, 200 scorers at once, lines the
//! competition does not allow, ids that would be paths, provisional rankings and anchored results.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test trust`): a split would only add binaries to build, not separate jobs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tulta_core::judging::journal::{sha256_hex, Line, GENESIS};
use tulta_core::judging::keys::KeyPair;
use tulta_core::judging::scoring::Change;

const CLEAN: &str = include_str!("fixtures/bersih.yaml");
const CRITERIA: [&str; 8] = ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "P"];
const LOMBA_ID: &str = "uji-percaya";

/// Three entries; juri-2 belongs to the OPD of e-b, juri-3 is listed against e-c.
fn competition(dir: &Path, extra_judge: &str) -> PathBuf {
    let root = dir.join("lomba");
    std::fs::create_dir_all(root.join("risalah")).expect("mkdir");
    std::fs::write(
        root.join("lomba.yaml"),
        format!(
            "format: lomba/1\nid: {LOMBA_ID}\nnama: Lomba Percaya\ntahun: 2026\nrisalah: risalah/\njuri:\n  - {{id: juri-1, nama: Satu}}\n  - {{id: juri-2, nama: Dua, opd: Dinas B}}\n  - {{id: juri-3, nama: Tiga}}\n{extra_judge}konflik:\n  - {{juri: juri-3, risalah: e-c}}\n"
        ),
    )
    .expect("lomba");
    for (id, opd) in [
        ("e-a", "Dinas A"),
        ("e-b", "Dinas B"),
        ("e-c", "Kelurahan C"),
    ] {
        let text = CLEAN
            .replace("id: uji-2026-kelurahan-mawar", &format!("id: {id}"))
            .replace("opd: Kelurahan Mawar", &format!("opd: {opd}"));
        std::fs::write(root.join("risalah").join(format!("{id}.yaml")), text).expect("entry");
    }
    root
}

fn tulta(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(args)
        .env("TULTA_DATA_DIR", data)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run tulta")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn score(data: &Path, root: &Path, juri: &str, entry: &str, k: &str, v: &str) -> Output {
    tulta(
        data,
        &[
            "score",
            s(root),
            "--juri",
            juri,
            "--risalah",
            entry,
            "--kriteria",
            k,
            "--nilai",
            v,
            "--lang",
            "en",
        ],
    )
}

/// Scores every criterion of `entry` in one process.
fn score_all(data: &Path, root: &Path, juri: &str, entry: &str, v: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(["score", s(root), "--juri", juri, "--stdin", "--lang", "en"])
        .env("TULTA_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    for k in CRITERIA {
        writeln!(stdin, "{entry} {k} {v}").expect("write");
    }
    drop(stdin);
    ok(&child.wait_with_output().expect("wait"));
}

fn journal(data: &Path, juri: &str) -> PathBuf {
    data.join(LOMBA_ID).join(format!("{juri}.jsonl"))
}

fn lines_of(path: &Path) -> Vec<Line> {
    common::journal_lines(path)
}

/// Writes `lines` as a journal whose hash chain and head are recomputed: what an attacker with a
/// 20-line script does. With `key`, every line is also re-signed by that key.
fn rewrite(path: &Path, lines: &mut [Line], key: Option<&KeyPair>) {
    let mut prev = GENESIS.to_string();
    let mut out = String::new();
    for (i, l) in lines.iter_mut().enumerate() {
        l.sebelum = prev.clone();
        if let Some(key) = key {
            l.kunci = (i == 0).then(|| key.public().text());
            l.tanda = None;
            let unsigned = serde_json::to_vec(l).expect("json");
            l.tanda = Some(key.sign(&unsigned));
        }
        let body = serde_json::to_string(l).expect("json");
        prev = sha256_hex(body.as_bytes());
        out.push_str(&body);
        out.push('\n');
    }
    std::fs::write(path, out).expect("write");
    std::fs::write(
        path.with_extension("head"),
        format!("{{\"urutan\":{},\"hash\":\"{prev}\"}}", lines.len()),
    )
    .expect("head");
}

fn rank_json(data: &Path, root: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["rank", s(root), "--format", "json"];
    args.extend_from_slice(extra);
    let o = tulta(data, &args);
    let v = serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
    (o.status.code(), v)
}

#[test]
fn a_rewritten_score_with_a_recomputed_chain_is_caught_and_so_is_a_new_key() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path(), "");
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "3");
    let path = journal(&data, "juri-1");
    let original = lines_of(&path);
    let original_bytes = std::fs::read(&path).expect("read");

    // 1. Rewrite one score, recompute the chain and the head: the signature of that line fails.
    let mut forged = original.clone();
    forged[2].perubahan = Change::Skor {
        kriteria: "L3".into(),
        nilai: 5.0,
    };
    rewrite(&path, &mut forged, None);
    let o = tulta(&data, &["verify", s(&root), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("line 3 was altered"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // rank will not publish without the damaged journal unless told to, and then says so.
    assert_eq!(rank_json(&data, &root, &[]).0, Some(1));
    let (code, v) = rank_json(&data, &root, &["--allow-partial"]);
    assert_eq!(
        (code, &v["tidak_dihitung"]),
        (Some(0), &serde_json::json!(["juri-1"]))
    );

    // 2. Strip every signature too: the judge's key is pinned here, so unsigned lines are refused.
    let mut stripped = forged.clone();
    for l in &mut stripped {
        l.kunci = None;
        l.tanda = None;
    }
    rewrite(&path, &mut stripped, None);
    let o = tulta(&data, &["verify", s(&root), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("line 1 is unsigned"));

    // 3. Re-sign the whole forged journal with a new key for the same judge.
    let pinned = KeyPair::load(&data.join(LOMBA_ID), "juri-1")
        .expect("load")
        .expect("the judge's key")
        .public();
    let intruder = KeyPair::generate().expect("key");
    let mut resigned = forged.clone();
    rewrite(&path, &mut resigned, Some(&intruder));
    let o = tulta(&data, &["verify", s(&root), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains(&intruder.public().fingerprint()) && said.contains(&pinned.fingerprint()),
        "names both fingerprints: {said}"
    );
    // A lone file verifies on its own terms (its signatures are sound), and says it was not
    // compared with a pinned key.
    let o = tulta(&data, &["verify", s(&path), "--lang", "en"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("not compared with a pinned key"));

    // A coordinator who imported the genuine journal first refuses the re-signed one.
    let coord = dir.path().join("koordinator");
    let genuine = dir.path().join("asli.jsonl");
    std::fs::write(&genuine, &original_bytes).expect("genuine");
    let o = tulta(&coord, &["import", s(&root), s(&genuine), "--lang", "en"]);
    assert!(ok(&o).contains("is now pinned here"));
    // The coordinator holds no private key of the judge: scoring as that judge here is refused.
    let before = std::fs::read(journal(&coord, "juri-1")).expect("imported");
    let o = score(&coord, &root, "juri-1", "e-b", "L1", "3");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds no private key"));
    assert_eq!(
        std::fs::read(journal(&coord, "juri-1")).expect("read"),
        before
    );
    assert!(!coord.join(LOMBA_ID).join("juri-1.key").exists());
    let o = tulta(&coord, &["import", s(&root), s(&path), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains(&intruder.public().fingerprint()) && said.contains(&pinned.fingerprint()),
        "{said}"
    );
    // And one whose lomba.yaml pins the judge's key refuses it at the first import.
    let dir2 = tempfile::tempdir().expect("tmp");
    let root2 = competition(dir2.path(), "");
    let yaml = std::fs::read_to_string(root2.join("lomba.yaml")).expect("yaml");
    std::fs::write(
        root2.join("lomba.yaml"),
        yaml.replace(
            "{id: juri-1, nama: Satu}",
            &format!("{{id: juri-1, nama: Satu, kunci: \"{}\"}}", pinned.text()),
        ),
    )
    .expect("pin");
    let o = tulta(&dir2.path().join("data"), &["import", s(&root2), s(&path)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains(&pinned.fingerprint()));
    assert!(!journal(&dir2.path().join("data"), "juri-1").exists());
}

/// Reads `saved #N` lines from a scorer until `n` more arrived.
fn confirmations(lines: &mut impl Iterator<Item = std::io::Result<String>>, n: usize) -> Vec<u64> {
    let mut out = Vec::new();
    while out.len() < n {
        let line = lines.next().expect("scorer still talking").expect("line");
        if let Some(num) = line
            .strip_prefix("saved #")
            .and_then(|r| r.split(':').next())
            .and_then(|x| x.parse().ok())
        {
            out.push(num);
        }
    }
    out
}

/// The judge's journal is imported (brought up to date from the judge's other copy) while a
/// scorer for that judge is running, once with the import landing between the scorer's lines and
/// once with both started together. Every line either reported saved is in the journal after,
/// which verifies.
#[test]
fn a_scorer_and_an_import_at_once_lose_nothing() {
    for together in [false, true] {
        let dir = tempfile::tempdir().expect("tmp");
        let root = competition(dir.path(), "");
        let here = dir.path().join("sini");
        let there = dir.path().join("sana");
        ok(&score(&here, &root, "juri-1", "e-a", "L1", "3"));
        // The judge's other copy (same key), taken from here now, gets three more lines.
        let bring = || {
            let _ = std::fs::remove_dir_all(&there);
            std::fs::create_dir_all(there.join(LOMBA_ID)).expect("mkdir");
            for f in ["juri-1.jsonl", "juri-1.key", "juri-1.head"] {
                std::fs::copy(here.join(LOMBA_ID).join(f), there.join(LOMBA_ID).join(f))
                    .expect("copy");
            }
            for k in ["L2", "L3", "L4"] {
                ok(&score(&there, &root, "juri-1", "e-a", k, "4"));
            }
            let brought = dir.path().join("dibawa.jsonl");
            std::fs::copy(journal(&there, "juri-1"), &brought).expect("copy");
            brought
        };

        let mut scorer = Command::new(env!("CARGO_BIN_EXE_tulta"))
            .args([
                "score",
                s(&root),
                "--juri",
                "juri-1",
                "--stdin",
                "--lang",
                "en",
            ])
            .env("TULTA_DATA_DIR", &here)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = scorer.stdin.take().expect("stdin");
        let mut out = BufReader::new(scorer.stdout.take().expect("stdout")).lines();
        let mut saved = Vec::new();
        let (import, brought) = if together {
            let brought = bring();
            let child = Command::new(env!("CARGO_BIN_EXE_tulta"))
                .args(["import", s(&root), s(&brought), "--lang", "en"])
                .env("TULTA_DATA_DIR", &here)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("import");
            writeln!(stdin, "e-a L5 2").expect("write");
            saved.extend(confirmations(&mut out, 1));
            (child.wait_with_output().expect("import"), brought)
        } else {
            writeln!(stdin, "e-b L5 2").expect("write");
            saved.extend(confirmations(&mut out, 1));
            // The scorer now holds the journal open; the import replaces the file under it with
            // the judge's other copy, which goes on from here.
            let brought = bring();
            (
                tulta(&here, &["import", s(&root), s(&brought), "--lang", "en"]),
                brought,
            )
        };
        let brought_lines = lines_of(&brought);
        for v in ["3", "3.5", "4"] {
            writeln!(stdin, "e-a L6 {v}").expect("write");
            saved.extend(confirmations(&mut out, 1));
        }
        drop(stdin);
        let status = scorer.wait().expect("scorer");
        assert!(status.success(), "together={together}");
        let after = lines_of(&journal(&here, "juri-1"));
        for n in &saved {
            assert!(
                after.iter().any(|l| l.urutan == *n),
                "together={together}: #{n} was reported saved and is gone"
            );
        }
        if import.status.success() {
            for (a, b) in brought_lines.iter().zip(&after) {
                assert_eq!(
                    a, b,
                    "together={together}: the imported lines are all there"
                );
            }
        } else {
            assert!(
                String::from_utf8_lossy(&import.stderr).contains("never merged"),
                "{}",
                String::from_utf8_lossy(&import.stderr)
            );
        }
        let o = tulta(&here, &["verify", s(&root), "--lang", "en"]);
        assert!(
            ok(&o).contains(&format!("intact, {} lines", after.len())),
            "together={together}"
        );
        if !together {
            assert!(import.status.success(), "between lines the import lands");
            assert_eq!(
                after.len(),
                2 + 3 + 3,
                "the scorer continued the imported file"
            );
            assert_eq!(saved, [2, 6, 7, 8]);
        }
    }
}

#[test]
fn two_hundred_scorers_eight_at_a_time_all_land() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path(), "");
    let data = dir.path().join("data");
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if i >= 200 {
                    break;
                }
                let v = format!("{}", 1.0 + (i % 9) as f64 / 2.0);
                let o = score(&data, &root, "juri-1", "e-a", CRITERIA[i % 8], &v);
                if !o.status.success() {
                    failures
                        .lock()
                        .expect("lock")
                        .push(String::from_utf8_lossy(&o.stderr).into_owned());
                }
            });
        }
    });
    assert_eq!(failures.lock().expect("lock").as_slice(), &[] as &[String]);
    let o = tulta(&data, &["verify", s(&root), "--lang", "en"]);
    assert!(ok(&o).contains("intact, 200 lines, signed"));
}

#[test]
fn lines_the_competition_does_not_allow_are_reported_refused_and_not_counted() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path(), "");
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-3", "e-a", "4");
    let path = journal(&data, "juri-3");
    let key = KeyPair::load(&data.join(LOMBA_ID), "juri-3")
        .expect("load")
        .expect("key");
    let mut lines = lines_of(&path);
    let template = lines[0].clone();
    let add = |lines: &mut Vec<Line>, f: &dyn Fn(&mut Line)| {
        let mut l = template.clone();
        l.urutan = lines.len() as u64 + 1;
        l.kunci = None;
        f(&mut l);
        lines.push(l);
    };
    let skor = |k: &str, v: f64| Change::Skor {
        kriteria: k.into(),
        nilai: v,
    };
    add(&mut lines, &|l| l.lomba = Some("lomba-lain".into())); // 9
    add(&mut lines, &|l| l.risalah = "e-tidak-ada".into()); // 10
    add(&mut lines, &|l| l.perubahan = skor("L9", 3.0)); // 11
    add(&mut lines, &|l| l.perubahan = skor("L1", -50.0)); // 12
    add(&mut lines, &|l| l.risalah = "e-c".into()); // 13: juri-3 is barred from e-c
    add(&mut lines, &|l| l.waktu = "2099-01-01T00:00:00Z".into()); // 14
    add(&mut lines, &|l| l.tahap = Some("final".into())); // 15
    add(&mut lines, &|l| l.perubahan = Change::Tarik { urutan: 99 }); // 16
    rewrite(&path, &mut lines, Some(&key));

    let o = tulta(&data, &["verify", s(&root), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    for n in 9..=16 {
        assert!(said.contains(&format!("line {n}: ")), "line {n}: {said}");
    }
    assert!(!said.contains("line 8: "), "{said}");
    assert!(said.contains("competition `lomba-lain`") && said.contains("may not score `e-c`"));

    let coord = dir.path().join("koordinator");
    let o = tulta(&coord, &["import", s(&root), s(&path), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 12: score -50 is off the scale"));
    assert!(!journal(&coord, "juri-3").exists(), "nothing imported");

    // rank refuses to publish while a journal is not wholly counted, unless told to; then the
    // refused lines count for nothing and the output names the judge.
    let (code, _) = rank_json(&data, &root, &[]);
    assert_eq!(code, Some(1));
    let (code, v) = rank_json(&data, &root, &["--allow-partial"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["tidak_dihitung"], serde_json::json!(["juri-3"]));
    let a = v["peringkat"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "e-a")
        .expect("e-a");
    assert_eq!(
        a["juri"]["juri-3"], 4.0,
        "the -50 and the rest never counted"
    );
    let o = tulta(
        &data,
        &["rank", s(&root), "--allow-partial", "--format", "md"],
    );
    assert!(ok(&o).contains("juri-3"));
}

#[test]
fn a_judge_id_that_is_a_path_never_becomes_a_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(
        dir.path(),
        "  - {id: ../../pwned, nama: Jahat}\n  - {id: /tmp/jahat-tulta, nama: Jahat}\n",
    );
    let data = dir.path().join("a").join("b").join("data");
    let o = tulta(
        &data,
        &["check", s(&root.join("lomba.yaml")), "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let codes: Vec<&str> = v["temuan"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["kode"].as_str())
        .collect();
    assert_eq!(codes, ["T401", "T401"]);
    for juri in ["../../pwned", "/tmp/jahat-tulta"] {
        let o = score(&data, &root, juri, "e-a", "L1", "3");
        assert_ne!(o.status.code(), Some(0));
        let o = tulta(&data, &["kunci", s(&root), "--juri", juri]);
        assert_ne!(o.status.code(), Some(0));
    }
    for p in [
        dir.path().join("a").join("pwned.jsonl"),
        dir.path().join("a").join("pwned.key"),
        PathBuf::from("/tmp/jahat-tulta.jsonl"),
        PathBuf::from("/tmp/jahat-tulta.key"),
        PathBuf::from("/tmp/jahat-tulta.lock"),
    ] {
        assert!(!p.exists(), "{} was made", p.display());
    }
    assert!(!data.exists(), "nothing at all was written");
}

#[test]
fn a_ranking_is_provisional_until_every_judge_has_finished() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path(), "");
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    let (code, v) = rank_json(&data, &root, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(v["sementara"], true);
    let row = |v: &serde_json::Value, id: &str| {
        v["peringkat"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .expect("row")
    };
    let a = row(&v, "e-a");
    assert_eq!(a["juri_belum"], serde_json::json!(["juri-2", "juri-3"]));
    assert_eq!(a["juri_konflik"], serde_json::json!([]));
    assert_eq!(
        (a["juri_selesai"].as_u64(), a["juri_wajib"].as_u64()),
        (Some(1), Some(3))
    );
    let b = row(&v, "e-b");
    assert_eq!(b["juri_konflik"], serde_json::json!(["juri-2"]), "own OPD");
    assert_eq!(b["juri_belum"], serde_json::json!(["juri-1", "juri-3"]));
    assert_eq!(
        row(&v, "e-c")["juri_konflik"],
        serde_json::json!(["juri-3"])
    );
    let o = tulta(&data, &["rank", s(&root), "--lang", "en"]);
    let table = ok(&o);
    assert!(table.contains("PROVISIONAL"), "{table}");
    assert!(
        table.contains("barred") && table.contains("todo"),
        "{table}"
    );
    let o = tulta(&data, &["rank", s(&root), "--format", "md"]);
    assert!(ok(&o).contains("SEMENTARA"));
    let o = tulta(
        &data,
        &["rank", s(&root), "--format", "csv", "--lang", "en"],
    );
    let csv = ok(&o);
    assert!(csv.lines().next().expect("header").contains("juri_konflik"));

    for (juri, entries) in [
        ("juri-1", &["e-b", "e-c"][..]),
        ("juri-2", &["e-a", "e-c"][..]),
        ("juri-3", &["e-a", "e-b"][..]),
    ] {
        for e in entries {
            if (juri, *e) != ("juri-3", "e-a") {
                score_all(&data, &root, juri, e, "3.5");
            }
        }
    }
    let (_, v) = rank_json(&data, &root, &[]);
    assert_eq!(v["sementara"], true, "juri-3 still owes e-a");
    score_all(&data, &root, "juri-3", "e-a", "3.5");
    let (_, v) = rank_json(&data, &root, &[]);
    assert_eq!(v["sementara"], false);
    assert!(v["peringkat"]
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["juri_belum"] == serde_json::json!([])));
    let o = tulta(&data, &["rank", s(&root), "--lang", "en"]);
    assert!(!ok(&o).contains("PROVISIONAL"));
}

#[test]
fn a_published_ranking_is_anchored_to_its_journals() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path(), "");
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    score_all(&data, &root, "juri-2", "e-a", "3");
    let json = dir.path().join("peringkat.json");
    let md = dir.path().join("peringkat.md");
    std::fs::write(
        &json,
        ok(&tulta(&data, &["rank", s(&root), "--format", "json"])),
    )
    .expect("json");
    std::fs::write(
        &md,
        ok(&tulta(&data, &["rank", s(&root), "--format", "md"])),
    )
    .expect("md");
    let xlsx = dir.path().join("peringkat.xlsx");
    ok(&tulta(
        &data,
        &["rank", s(&root), "--format", "xlsx", "--output", s(&xlsx)],
    ));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("read")).expect("json");
    assert_eq!(v["jejak"]["juri-1"]["baris"], 8);
    let text = std::fs::read_to_string(&md).expect("md");
    assert!(text.contains("```jejak\njejak:juri-1:8:"), "{text}");
    for f in [&json, &md] {
        let o = tulta(
            &data,
            &["verify", s(&root), "--jejak", s(f), "--lang", "en"],
        );
        assert!(ok(&o).contains("anchor juri-1: the first 8 lines are those published"));
    }
    // More scores afterwards: the journals still begin with what was published.
    ok(&score(&data, &root, "juri-1", "e-b", "L1", "2"));
    for f in [&json, &md, &xlsx] {
        ok(&tulta(&data, &["verify", s(&root), "--jejak", s(f)]));
    }
    // Any covered line changed, even into a journal that is sound on its own: caught.
    let path = journal(&data, "juri-2");
    let key = KeyPair::load(&data.join(LOMBA_ID), "juri-2")
        .expect("load")
        .expect("key");
    let mut lines = lines_of(&path);
    lines[4].waktu = "2026-01-01T00:00:00Z".into();
    rewrite(&path, &mut lines, Some(&key));
    ok(&tulta(&data, &["verify", s(&root)]));
    for f in [&json, &md] {
        let o = tulta(
            &data,
            &["verify", s(&root), "--jejak", s(f), "--lang", "en"],
        );
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stdout).contains("anchor juri-2: MISMATCH"));
    }
}

/// A judge's note that looks like an anchor (their own first line's) travels in the published
/// Markdown and XLSX; it must not pass for the real anchor, which would let the judge rewrite every
/// later line of their journal unseen — nor void the genuine publication (spec §11): anchors live
/// where notes cannot, and the file verifies by its own anchors.
#[test]
fn a_note_shaped_like_an_anchor_does_not_pass_for_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path(), "");
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    let first = lines_of(&journal(&data, "juri-1"))[0].clone();
    let body = serde_json::to_vec(&first).expect("line");
    let forged = format!("jejak:juri-1:1:{}", tulta_core::text::sha256_hex(&body));
    let note = tulta(
        &data,
        &[
            "score",
            s(&root),
            "--juri",
            "juri-1",
            "--risalah",
            "e-a",
            "--kriteria",
            "L1",
            "--nilai",
            "4",
            "--catatan",
            &forged,
        ],
    );
    ok(&note);
    let md = dir.path().join("peringkat.md");
    let xlsx = dir.path().join("peringkat.xlsx");
    ok(&tulta(&data, &["rank", s(&root), "--output", s(&md)]));
    ok(&tulta(&data, &["rank", s(&root), "--output", s(&xlsx)]));
    assert!(
        std::fs::read_to_string(&md).expect("md").contains(&forged),
        "the note is published"
    );
    for f in [&md, &xlsx] {
        let o = tulta(
            &data,
            &["verify", s(&root), "--jejak", s(f), "--lang", "en"],
        );
        let out = ok(&o);
        assert!(
            out.contains("anchor juri-1: the first 10 lines are those published"),
            "the file's own anchor, not the note's: {out}"
        );
    }
    // The judge rewrites history after line 1 (keeping the first line the note anchors): the
    // published anchor, not the note, catches it.
    let path = journal(&data, "juri-1");
    let key = KeyPair::load(&data.join(LOMBA_ID), "juri-1")
        .expect("load")
        .expect("key");
    let mut lines = lines_of(&path);
    lines[5].waktu = "2026-01-01T00:00:00Z".into();
    rewrite(&path, &mut lines, Some(&key));
    for f in [&md, &xlsx] {
        let o = tulta(
            &data,
            &["verify", s(&root), "--jejak", s(f), "--lang", "en"],
        );
        assert_eq!(o.status.code(), Some(1), "{}", ok_or_err(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("anchor juri-1: MISMATCH"));
    }
}

fn ok_or_err(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The sample's demo journals are signed and their keys pinned in its lomba.yaml; `kunci` prints a
/// judge's key and fingerprint.
#[test]
fn the_sample_is_signed_and_pinned_and_kunci_prints_the_key() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tulta"))
            .args(args)
            .current_dir(dir.path())
            .env("TULTA_DATA_DIR", &data)
            .output()
            .expect("run")
    };
    ok(&run(&["progress"]));
    let said = ok(&run(&["verify", "--lang", "en"]));
    assert_eq!(
        said.matches("signed with the pinned key").count(),
        3,
        "{said}"
    );
    let said = ok(&run(&["kunci", "--juri", "juri-1", "--lang", "en"]));
    let key = said
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("juri-1: "))
        .expect("the key line");
    let public = tulta_core::judging::keys::PublicKey::parse(key).expect("a public key");
    assert!(said.contains(&format!("fingerprint: {}", public.fingerprint())));
    assert!(
        said.contains("this is the key pinned for this judge"),
        "{said}"
    );
}
