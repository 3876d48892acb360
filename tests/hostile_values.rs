//! Values an attacker would write into a competition (issue 27, items 7-11), through the real
//! binary: numbers too large to rank by, text that reorders or drives what a reader sees, an
//! import stopped half-way, a hard link out of the reports root, and messages that must name the
//! real cause.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop on the spot

mod common;

use common::Env;

use std::path::Path;

fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).expect("read");
    assert!(s.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).expect("write");
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// ---------------------------------------------------------------------------------------------
// 7. Numbers

#[test]
fn magnitudes_over_a_million_are_t403_and_nothing_is_ranked_by_them() {
    for (from, to) in [
        ("skala: {min: 1, maks: 5}", "skala: {min: 1, maks: 1e308}"),
        ("bobot: 10", "bobot: 1e308"),
    ] {
        let env = Env::new();
        let lomba = env.sample();
        let rubrik = lomba.join("rubrik.yaml");
        edit(&rubrik, from, to);
        if to.starts_with("bobot") {
            // Two of them: their sum is inf, and every index NaN.
            edit(&rubrik, "bobot: 10", to);
        }
        let check = env.run(&["check", "lomba/rubrik.yaml", "--lang", "en"]);
        assert_eq!(
            check.status.code(),
            Some(1),
            "{to}: {}",
            text(&check.stdout)
        );
        assert!(
            text(&check.stdout).contains("T403"),
            "{}",
            text(&check.stdout)
        );
        assert!(
            text(&check.stdout).contains("10^6"),
            "{}",
            text(&check.stdout)
        );
        for format in ["json", "csv"] {
            let rank = env.run(&["rank", "lomba", "--format", format]);
            assert_eq!(rank.status.code(), Some(2), "{to}: {}", text(&rank.stdout));
            assert!(
                rank.stdout.is_empty(),
                "no ranks handed out: {}",
                text(&rank.stdout)
            );
            assert!(text(&rank.stderr).contains("T40"), "{}", text(&rank.stderr));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 8. Text

const C1: char = '\u{9b}';
const RLO: char = '\u{202e}';

#[test]
fn c1_is_escaped_in_json_direction_controls_never_reach_a_reader_and_markdown_links_are_dead() {
    let env = Env::new();
    let lomba = env.sample();
    let risalah = lomba.join("risalah/tng-2026-rsud-sigap.yaml");
    let hostile =
        format!("\"RSUD {C1}31m [a](javascript:alert(1)) ![i](http://x.test/i.png) {RLO}gnp.exe\"");
    edit(
        &risalah,
        "opd: RSUD Tirta Husada",
        &format!("opd: {hostile}"),
    );
    edit(
        &risalah,
        "judul: Menurunkan waktu tunggu obat",
        &format!("judul: Menurunkan waktu {C1}2J{RLO}tunggu obat"),
    );
    let clean = |what: &str, out: &str| {
        assert!(!out.contains(C1), "{what}: raw C1 in {out}");
        assert!(!out.contains(RLO), "{what}: raw U+202E in {out}");
    };
    // JSON: escaped, and the same text once parsed.
    for args in [
        vec!["rank", "lomba", "--format", "json"],
        vec!["search", "waktu", "--in", "lomba", "--format", "json"],
    ] {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        clean(&format!("{args:?}"), &out);
        assert!(out.contains("\\u009b"), "{args:?}: {out}");
        let value: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert!(value.to_string().contains(C1), "the same text once parsed");
    }
    // Every human-readable output: the table, CSV, Markdown, the summary.
    for args in [
        vec!["rank", "lomba"],
        vec!["rank", "lomba", "--format", "csv"],
        vec!["rank", "lomba", "--format", "md"],
        vec!["lomba", "--summary"],
        vec!["search", "waktu", "--in", "lomba"],
    ] {
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
        clean(&format!("{args:?}"), &text(&o.stdout));
    }
    let md = text(&env.run(&["rank", "lomba", "--format", "md"]).stdout);
    assert!(!md.contains("[a]("), "a live link: {md}");
    assert!(!md.contains("![i]"), "a live image: {md}");
    assert!(md.contains("\\[a\\]\\(javascript:alert\\(1))"), "{md}");
}

// ---------------------------------------------------------------------------------------------
// 9. An import stopped half-way

#[test]
fn import_says_what_it_will_take_then_each_file_as_taken_and_a_rerun_finishes_the_job() {
    let env = Env::new();
    env.sample();
    let journal = |j: &str| format!("lomba/jurnal/{j}.jsonl");
    let (j1, j2, j3) = (journal("juri-1"), journal("juri-2"), journal("juri-3"));
    // As a run stopped after its first journal leaves it: juri-1 taken, the others not.
    let first = env.run(&["import", "lomba", &j1, "--lang", "en"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let lines: Vec<String> = text(&first.stdout).lines().map(str::to_string).collect();
    assert!(
        lines[0].starts_with("to be taken: juri-1 (new, "),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("juri-1: ") && lines[1].ends_with("lines imported"),
        "{lines:?}"
    );
    // The same three-file command again: the plan names only what is left, before any of it.
    let again = env.run(&["import", "lomba", &j1, &j2, &j3, "--lang", "en"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    let out = text(&again.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("to be taken: juri-2 (new, ") && lines[0].contains(", juri-3 (new, "),
        "{out}"
    );
    assert!(!lines[0].contains("juri-1"), "{out}");
    assert!(
        lines[1].starts_with("juri-2: ") && lines[2].starts_with("juri-3: "),
        "{out}"
    );
    assert!(out.contains("juri-1: already here"), "{out}");
    // The sample's scores were given under rules its coordinator later amended (spec §11): the
    // coordinator's journal comes along, as it would from the coordinator's own machine.
    let amended = env.run(&["import", "lomba", "lomba/jurnal/koordinator.jsonl"]);
    assert_eq!(amended.status.code(), Some(0), "{}", text(&amended.stderr));
    let verify = env.run(&["verify", "lomba", "--lang", "en"]);
    assert_eq!(verify.status.code(), Some(0), "{}", text(&verify.stdout));
    // Nothing left: said so, and nothing written.
    let third = env.run(&["import", "lomba", &j1, &j2, &j3, "--lang", "en"]);
    assert!(
        text(&third.stdout).starts_with("nothing to take\n"),
        "{}",
        text(&third.stdout)
    );
}

// ---------------------------------------------------------------------------------------------
// 10. A hard link out of the reports root

#[cfg(unix)]
#[test]
fn a_hard_link_to_a_file_outside_the_root_is_t310_and_says_why() {
    let env = Env::new();
    let outside = env.path("rahasia.pdf");
    std::fs::write(&outside, b"%PDF-1.4 secret").expect("write");
    let root = env.path("laporan");
    std::fs::create_dir_all(root.join("lampiran")).expect("mkdir");
    std::fs::hard_link(&outside, root.join("lampiran/keras.pdf")).expect("hard link");
    std::fs::write(root.join("lampiran/baik.pdf"), b"%PDF-1.4").expect("write");
    let mut risalah = include_str!("fixtures/bersih.yaml").to_string();
    risalah.push_str(
        "lampiran:\n  - {jenis: data, berkas: lampiran/keras.pdf}\n  - {jenis: sk, berkas: lampiran/baik.pdf}\n",
    );
    std::fs::write(root.join("r.yaml"), risalah).expect("write");
    for (lang, why) in [("en", "hard links"), ("id", "tautan keras")] {
        let o = env.run(&["check", "laporan", "--lang", lang]);
        let out = text(&o.stdout);
        assert!(out.contains("T310") && out.contains(why), "{lang}: {out}");
        assert!(
            out.contains("keras.pdf") && !out.contains("baik.pdf"),
            "{out}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 11. Messages that name the real cause

#[test]
fn a_corrupt_key_is_named_as_a_corrupt_key_not_as_the_journal() {
    let env = Env::new();
    env.sample();
    let seed = env.run(&["rank", "lomba"]);
    assert_eq!(seed.status.code(), Some(0), "{}", text(&seed.stderr));
    let key = env.path("data/lomba-budaya-kerja-2026-tirtanagara/juri-1.key");
    assert!(key.is_file(), "seeded");
    std::fs::write(&key, "ed25519-rahasia:bukan-base64!!\n").expect("write");
    let o = env.run(&[
        "score",
        "lomba",
        "--juri",
        "juri-1",
        "--risalah",
        "tng-2026-rsud-sigap",
        "--kriteria",
        "L1",
        "--nilai",
        "3",
        "--lang",
        "en",
    ]);
    let err = text(&o.stderr);
    assert!(matches!(o.status.code(), Some(1 | 2)), "{err}");
    assert!(
        err.contains("juri-1.key") && err.contains("corrupt"),
        "{err}"
    );
    assert!(!err.contains("juri-1.jsonl"), "{err}");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().expect("utf-8")).expect("cstr");
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[cfg(unix)]
#[test]
fn draft_of_a_fifo_says_it_is_a_fifo_not_that_it_does_not_exist() {
    let env = Env::new();
    mkfifo(&env.path("draf.yaml"));
    for (lang, said) in [
        ("en", "not a regular file (a FIFO)"),
        ("id", "bukan berkas biasa (FIFO)"),
    ] {
        let o = env.run(&["draft", "draf.yaml", "--lang", lang]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("draf.yaml") && err.contains(said), "{err}");
        assert!(
            !err.contains("does not exist") && !err.contains("tidak ada"),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_theme_that_cannot_be_read_is_named_not_called_unknown() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("config/themes")).expect("mkdir");
    mkfifo(&env.path("config/themes/pipa.yaml"));
    std::fs::write(
        env.path("config/themes/rusak.yaml"),
        b"latar: \xff\xfe\x00\n",
    )
    .expect("write");
    let dirs = ["config", "data", "cache", "state"].map(|d| env.path(d));
    let vars = [
        ("TULTA_CONFIG_DIR", dirs[0].as_path()),
        ("TULTA_DATA_DIR", dirs[1].as_path()),
        ("TULTA_CACHE_DIR", dirs[2].as_path()),
        ("TULTA_STATE_DIR", dirs[3].as_path()),
    ];
    for (theme, said) in [("pipa", "(FIFO)"), ("rusak", "bukan teks")] {
        std::fs::write(env.path("r.yaml"), include_str!("fixtures/bersih.yaml")).expect("write");
        let mut term = common::Term::start(
            &["draft", "r.yaml", "--theme", theme],
            &env.root,
            &vars,
            200,
            30,
        );
        let screen = term.wait_for(said);
        assert!(screen.contains(&format!("{theme}.yaml")), "{screen}");
        assert!(!screen.contains("tidak ada tema"), "{screen}");
        term.send("q");
        assert!(term.wait_exit().success());
    }
}
