//! The judging commands end to end, through the real binary: scoring, conflicts, ranking and its
//! exports, verification against tampering, import, and a crash in the middle of scoring.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test judging`): a split would only add binaries to build, not separate jobs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const CLEAN: &str = include_str!("fixtures/bersih.yaml");
const CRITERIA: [&str; 8] = ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "P"];

struct Lomba {
    _dir: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
}

/// A competition of four entries (two OPD, two kelurahan), three judges; juri-2 belongs to OPD
/// "Dinas B" (which has an entry) and juri-3 is listed against e-kel-1.
fn lomba() -> Lomba {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path().join("lomba");
    std::fs::create_dir_all(root.join("risalah")).expect("mkdir");
    std::fs::write(
        root.join("lomba.yaml"),
        "format: lomba/1\nid: uji-lomba\nnama: Lomba Uji\ntahun: 2026\nrisalah: risalah/\njuri:\n  - {id: juri-1, nama: Satu, opd: Bagian Organisasi}\n  - {id: juri-2, nama: Dua, opd: Dinas B}\n  - {id: juri-3, nama: Tiga}\nkonflik:\n  - {juri: juri-3, risalah: e-kel-1}\nagregasi: rata_rata\n",
    )
    .expect("write lomba");
    for (id, opd, jenis) in [
        ("e-opd-a", "Dinas A", "opd"),
        ("e-opd-b", "Dinas B", "opd"),
        ("e-kel-1", "Kelurahan Satu", "kelurahan"),
        ("e-kel-2", "Kelurahan Dua", "kelurahan"),
    ] {
        let text = CLEAN
            .replace("id: uji-2026-kelurahan-mawar", &format!("id: {id}"))
            .replace("opd: Kelurahan Mawar", &format!("opd: {opd}"))
            .replace("jenis: kelurahan", &format!("jenis: {jenis}"));
        std::fs::write(root.join("risalah").join(format!("{id}.yaml")), text).expect("write entry");
    }
    let data = dir.path().join("data");
    Lomba {
        _dir: dir,
        root,
        data,
    }
}

fn tulta(l: &Lomba, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(args)
        .env("TULTA_DATA_DIR", &l.data)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run tulta")
}

fn root(l: &Lomba) -> &str {
    l.root.to_str().unwrap_or_default()
}

fn score(l: &Lomba, juri: &str, risalah: &str, k: &str, v: &str) -> Output {
    tulta(
        l,
        &[
            "score",
            root(l),
            "--juri",
            juri,
            "--risalah",
            risalah,
            "--kriteria",
            k,
            "--nilai",
            v,
            "--lang",
            "en",
        ],
    )
}

fn journal(l: &Lomba, juri: &str) -> PathBuf {
    l.data.join("uji-lomba").join(format!("{juri}.jsonl"))
}

fn score_all(l: &Lomba, juri: &str, risalah: &str, v: &str) {
    for k in CRITERIA {
        let o = score(l, juri, risalah, k, v);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

fn rank_json(l: &Lomba, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["rank", root(l), "--format", "json"];
    args.extend_from_slice(extra);
    let o = tulta(l, &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("json")
}

#[test]
fn scores_are_saved_and_ranked() {
    let l = lomba();
    let o = score(&l, "juri-1", "e-opd-a", "L1", "4.5");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("saved #1"));
    score_all(&l, "juri-1", "e-opd-a", "4");
    score_all(&l, "juri-3", "e-opd-a", "3");
    score_all(&l, "juri-1", "e-kel-2", "5");
    let v = rank_json(&l, &[]);
    assert_eq!(v["lomba"], "uji-lomba");
    assert_eq!(v["metode"], "rata_rata");
    assert_eq!(v["kategori"], "semua");
    let rows = v["peringkat"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["id"], "e-kel-2");
    assert_eq!(rows[0]["peringkat"], 1);
    assert_eq!(rows[0]["indeks"], 5.0);
    assert_eq!(rows[0]["nilai_100"], 100.0);
    assert_eq!(rows[0]["predikat"], "A");
    assert_eq!(rows[1]["id"], "e-opd-a");
    assert_eq!(rows[1]["indeks"], 3.5);
    assert_eq!(rows[1]["juri"]["juri-1"], 4.0);
    assert_eq!(rows[1]["juri"]["juri-3"], 3.0);
    assert_eq!(rows[1]["perlu_diskusi"], false);
    assert_eq!(
        rows[2]["peringkat"],
        serde_json::Value::Null,
        "unfinished entries last"
    );
    let keys: Vec<&str> = rows[0]
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for k in [
        "peringkat",
        "id",
        "opd",
        "jenis",
        "indeks",
        "nilai_100",
        "predikat",
        "juri",
        "seri",
        "perlu_diskusi",
    ] {
        assert!(keys.contains(&k), "missing {k}");
    }
    let v = rank_json(&l, &["--kategori", "opd"]);
    assert_eq!(v["peringkat"].as_array().map(Vec::len), Some(2));
    let v = rank_json(&l, &["--metode", "z_skor"]);
    assert_eq!(v["metode"], "z_skor");
}

#[test]
fn refusals_record_nothing() {
    let l = lomba();
    score(&l, "juri-2", "e-opd-a", "L1", "4");
    let before = std::fs::read(journal(&l, "juri-2")).expect("journal");
    for (juri, risalah, k, v, why) in [
        ("juri-2", "e-opd-b", "L1", "4", "own OPD"),
        ("juri-3", "e-kel-1", "L1", "4", "listed conflict"),
        ("juri-9", "e-opd-a", "L1", "4", "unknown judge"),
        ("juri-2", "e-tidak-ada", "L1", "4", "unknown entry"),
        ("juri-2", "e-opd-a", "L9", "4", "unknown criterion"),
        ("juri-2", "e-opd-a", "L1", "5.5", "off the scale"),
        ("juri-2", "e-opd-a", "L1", "3.25", "not a half"),
    ] {
        let o = score(&l, juri, risalah, k, v);
        assert_eq!(o.status.code(), Some(1), "{why}");
        assert!(!o.stderr.is_empty(), "{why}: says why");
    }
    assert_eq!(std::fs::read(journal(&l, "juri-2")).ok(), Some(before));
    assert!(!journal(&l, "juri-3").exists());
    let o = score(&l, "juri-2", "e-opd-b", "L1", "4");
    assert!(String::from_utf8_lossy(&o.stderr).contains("own OPD"));
    let o = score(&l, "juri-3", "e-kel-1", "L1", "4");
    assert!(String::from_utf8_lossy(&o.stderr).contains("conflict of interest"));
}

#[test]
fn progress_counts_each_state() {
    let l = lomba();
    score_all(&l, "juri-1", "e-opd-a", "4");
    score(&l, "juri-1", "e-opd-b", "L1", "3");
    let o = tulta(&l, &["progress", root(&l), "--lang", "en"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let line = |j: &str| {
        out.lines()
            .find(|x| x.starts_with(j))
            .map(|x| x.split_whitespace().rev().take(4).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    // columns reversed: barred, todo, started, done
    assert_eq!(line("juri-1"), ["0", "2", "1", "1"]);
    assert_eq!(line("juri-2"), ["1", "3", "0", "0"]);
    assert_eq!(line("juri-3"), ["1", "3", "0", "0"]);
}

#[test]
fn verify_catches_editing_deleting_and_swapping() {
    let l = lomba();
    score_all(&l, "juri-1", "e-opd-a", "4");
    let o = tulta(&l, &["verify", root(&l), "--lang", "en"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let path = journal(&l, "juri-1");
    let original = std::fs::read_to_string(&path).expect("read");
    let lines: Vec<String> = original.lines().map(String::from).collect();
    let put = |ls: &[String]| std::fs::write(&path, ls.join("\n") + "\n").expect("write");
    let verify = || {
        let o = tulta(
            &l,
            &["verify", path.to_str().unwrap_or_default(), "--lang", "en"],
        );
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    for k in 0..lines.len() {
        let mut ls = lines.clone();
        ls[k] = ls[k].replace("\"nilai\":4.0", "\"nilai\":5.0");
        put(&ls);
        let (code, out) = verify();
        assert_eq!(code, Some(1), "edit of line {}", k + 1);
        assert!(
            out.contains(&format!("line {} was altered", k + 1)),
            "{out}"
        );
        let mut ls = lines.clone();
        ls.remove(k);
        put(&ls);
        let (code, out) = verify();
        assert_eq!(code, Some(1));
        assert!(
            out.contains(&format!("line {} was removed", k + 1)),
            "{out}"
        );
    }
    for k in 0..lines.len() - 1 {
        let mut ls = lines.clone();
        ls.swap(k, k + 1);
        put(&ls);
        let (code, out) = verify();
        assert_eq!(code, Some(1));
        assert!(
            out.contains(&format!("reordered at line {}", k + 1)),
            "{out}"
        );
    }
    put(&lines);
    assert_eq!(verify().0, Some(0));
}

#[test]
fn import_takes_good_journals_and_refuses_bad_ones() {
    let a = lomba();
    score_all(&a, "juri-1", "e-opd-a", "4");
    let brought = a.data.join("uji-lomba").join("juri-1.jsonl");
    let b = lomba();
    let o = tulta(
        &b,
        &[
            "import",
            root(&b),
            brought.to_str().unwrap_or_default(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("8 lines imported"));
    assert_eq!(rank_json(&b, &[])["peringkat"][0]["id"], "e-opd-a");
    let o = tulta(
        &b,
        &[
            "import",
            root(&b),
            brought.to_str().unwrap_or_default(),
            "--lang",
            "en",
        ],
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("already here"));

    let dir = tempfile::tempdir().expect("tmp");
    let text = std::fs::read_to_string(&brought).expect("read");
    let broken = dir.path().join("rusak.jsonl");
    std::fs::write(&broken, text.replacen("\"nilai\":4.0", "\"nilai\":5.0", 1)).expect("write");
    let c = lomba();
    let o = tulta(
        &c,
        &["import", root(&c), broken.to_str().unwrap_or_default()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!journal(&c, "juri-1").exists(), "nothing imported");
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("jurnal rusak (") && said.contains("baris 1 diubah)"),
        "the breach in the user's words: {said}"
    );
    let copy = dir.path().join("salinan.jsonl");
    std::fs::write(&copy, &text).expect("write");
    let o = tulta(
        &c,
        &[
            "import",
            root(&c),
            brought.to_str().unwrap_or_default(),
            copy.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "two journals for one judge");
    assert!(String::from_utf8_lossy(&o.stderr).contains("sama-sama jurnal juri `juri-1`"));
    // A sound journal of a judge this competition does not have.
    let elsewhere = tempfile::tempdir().expect("tmp");
    let mut j = tulta_core::judging::journal::Journal::open(
        elsewhere.path(),
        "juri-x",
        tulta_core::judging::journal::Context::default(),
    )
    .expect("open");
    j.append(
        "e-opd-a",
        tulta_core::judging::scoring::Change::Skor {
            kriteria: "L1".into(),
            nilai: 4.0,
        },
    )
    .expect("append");
    drop(j);
    let stranger = dir.path().join("asing.jsonl");
    std::fs::copy(elsewhere.path().join("juri-x.jsonl"), &stranger).expect("copy");
    let o = tulta(
        &c,
        &["import", root(&c), stranger.to_str().unwrap_or_default()],
    );
    assert_eq!(o.status.code(), Some(1), "unknown judge");
    assert!(String::from_utf8_lossy(&o.stderr).contains("juri `juri-x` tidak ada di lomba.yaml"));
    assert!(!journal(&c, "juri-1").exists());
}

/// Defect 14 of issue 16: a journal that forks from the one here is refused saying where the two
/// part and what to do.
#[test]
fn an_import_that_forks_says_where_and_what_to_do() {
    use tulta_core::judging::journal::{Context, Journal};
    use tulta_core::judging::scoring::Change;
    let one = tempfile::tempdir().expect("tmp");
    let ctx = || Context {
        lomba: Some("uji-lomba".into()),
        pinned: None,
        aturan: None,
    };
    let skor = |k: &str, v: f64| Change::Skor {
        kriteria: k.into(),
        nilai: v,
    };
    let mut j = Journal::open(one.path(), "juri-1", ctx()).expect("open");
    for k in ["L1", "L2", "L3"] {
        j.append("e-opd-a", skor(k, 4.0)).expect("append");
    }
    drop(j);
    // The same journal copied to a second machine with its key; each goes on its own way.
    let two = tempfile::tempdir().expect("tmp");
    for f in ["juri-1.jsonl", "juri-1.key", "juri-1.head"] {
        std::fs::copy(one.path().join(f), two.path().join(f)).expect("copy");
    }
    let mut j = Journal::open(one.path(), "juri-1", ctx()).expect("open");
    j.append("e-opd-a", skor("L4", 4.0)).expect("append");
    drop(j);
    let mut j = Journal::open(two.path(), "juri-1", ctx()).expect("open");
    j.append("e-opd-a", skor("L4", 2.0)).expect("append");
    j.append("e-opd-a", skor("L5", 2.0)).expect("append");
    drop(j);
    let l = lomba();
    let first = one.path().join("juri-1.jsonl");
    let o = tulta(
        &l,
        &["import", root(&l), first.to_str().unwrap_or_default()],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let before = std::fs::read(journal(&l, "juri-1")).expect("journal");
    let second = two.path().join("juri-1.jsonl");
    for (lang, says) in [
        (
            "id",
            "sama sampai baris 3, sesudahnya 1 baris di sini dan 2 baris di berkas berbeda",
        ),
        (
            "en",
            "the same up to line 3, after which 1 line(s) here and 2 in the file differ",
        ),
    ] {
        let o = tulta(
            &l,
            &[
                "import",
                root(&l),
                second.to_str().unwrap_or_default(),
                "--lang",
                lang,
            ],
        );
        assert_eq!(o.status.code(), Some(1));
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(said.contains(says), "{said}");
        assert!(said.contains("tulta verify"), "{said}");
    }
    assert_eq!(
        std::fs::read(journal(&l, "juri-1")).expect("journal"),
        before
    );
}

#[test]
fn exports_csv_markdown_and_xlsx() {
    use calamine::{open_workbook, DataType, Reader, Xlsx};
    let l = lomba();
    score_all(&l, "juri-1", "e-opd-a", "4.5");
    score_all(&l, "juri-3", "e-opd-a", "3.5");
    let out = l.root.join("peringkat.xlsx");
    let o = tulta(
        &l,
        &[
            "rank",
            root(&l),
            "--format",
            "xlsx",
            "--output",
            out.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&out).expect("xlsx opens");
    assert_eq!(book.sheet_names(), ["Peringkat", "Nilai", "Centang"]);
    let ranking = book.worksheet_range("Peringkat").expect("sheet");
    assert_eq!(
        ranking.get_value((1, 2)).map(|c| c.to_string()),
        Some("e-opd-a".into())
    );
    assert_eq!(
        ranking.get_value((1, 5)).and_then(|c| c.get_float()),
        Some(4.0)
    );
    let raw = book.worksheet_range("Nilai").expect("sheet");
    assert_eq!(raw.height(), 1 + 16, "a header and 2 judges x 8 criteria");

    let o = tulta(&l, &["rank", root(&l), "--format", "csv"]);
    let csv = String::from_utf8_lossy(&o.stdout);
    let first = csv.lines().nth(1).unwrap_or_default();
    assert!(
        first.starts_with("1;;e-opd-a;Dinas A;opd;4,00;75,0;B;"),
        "{first}"
    );
    assert!(csv.lines().next().unwrap_or_default().contains("juri-1_L6"));
    let o = tulta(&l, &["rank", root(&l), "--format", "csv", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&o.stdout)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .starts_with("1,,e-opd-a,Dinas A,opd,4.00,75.0,B,"));
    let o = tulta(&l, &["rank", root(&l), "--format", "md"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("| 1 | e-opd-a | Dinas A | opd | 4,00 |"));
    let o = tulta(&l, &["rank", root(&l)]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("B Baik"));
}

/// Defects 4 and 5 of issue 16: `--output`'s extension picks the format when `--format` is not
/// given (and a contradiction is refused), and the general note and the guidance ticks reach the
/// CSV and the XLSX.
#[test]
fn the_extension_picks_the_format_and_exports_carry_notes_and_ticks() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    use tulta_core::judging::scoring::{Change, Tick};
    let l = lomba();
    score_all(&l, "juri-1", "e-opd-a", "4.5");
    {
        let comp =
            tulta_core::judging::competition::load(Some(&l.root), tulta_core::i18n::Lang::Id)
                .expect("load");
        let dir = l.data.join(comp.id());
        let mut j = tulta_core::judging::Judging::open_in(comp, &dir).expect("open");
        j.record(
            "juri-1",
            "risalah",
            "e-opd-a",
            Change::Catatan {
                kriteria: None,
                teks: "Rapi; \"data\" lengkap".into(),
            },
        )
        .expect("note");
        j.record(
            "juri-1",
            "risalah",
            "e-opd-a",
            Change::Centang {
                kriteria: "L1".into(),
                butir: 1,
                nilai: Tick::Sebagian,
            },
        )
        .expect("tick");
    }
    let xlsx = l.root.join("hasil.xlsx");
    let o = tulta(
        &l,
        &[
            "rank",
            root(&l),
            "--output",
            xlsx.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(&xlsx).expect("written");
    assert!(
        bytes.starts_with(b"PK"),
        "an XLSX (zip), not the text table"
    );
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("xlsx opens");
    let raw = book.worksheet_range("Nilai").expect("sheet");
    let general = raw
        .rows()
        .find(|r| r.get(2) == Some(&Data::String("(umum)".into())))
        .expect("a general-note row");
    assert_eq!(
        general.get(4),
        Some(&Data::String("Rapi; \"data\" lengkap".into()))
    );
    let ticks = book.worksheet_range("Centang").expect("sheet");
    let row: Vec<String> = ticks
        .rows()
        .nth(1)
        .expect("a tick")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(row, ["e-opd-a", "juri-1", "L1", "2", "sebagian"]);

    let csv = l.root.join("hasil.csv");
    let o = tulta(
        &l,
        &[
            "rank",
            root(&l),
            "--output",
            csv.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&csv).expect("csv");
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.contains("juri-1_catatan_umum;juri-1_centang"),
        "{header}"
    );
    assert!(
        text.contains("\"Rapi; \"\"data\"\" lengkap\";L1.2=sebagian"),
        "{text}"
    );
    // JSON and Markdown carry them too (defect 5).
    let v: serde_json::Value =
        serde_json::from_slice(&tulta(&l, &["rank", root(&l), "--format", "json"]).stdout)
            .expect("json");
    let row = &v["peringkat"][0];
    assert_eq!(row["catatan"][0]["teks"], "Rapi; \"data\" lengkap");
    assert_eq!(row["catatan"][0]["kriteria"], serde_json::Value::Null);
    assert_eq!(row["centang"][0]["butir"], 2);
    assert_eq!(row["centang"][0]["nilai"], "sebagian");
    let md = String::from_utf8_lossy(&tulta(&l, &["rank", root(&l), "--format", "md"]).stdout)
        .into_owned();
    assert!(
        md.contains("- e-opd-a · juri-1 · umum: Rapi; \"data\" lengkap"),
        "{md}"
    );

    let o = tulta(
        &l,
        &[
            "rank",
            root(&l),
            "--format",
            "csv",
            "--output",
            xlsx.to_str().unwrap_or_default(),
        ],
    );
    assert_ne!(o.status.code(), Some(0), "refused");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("tidak cocok"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A judge scores in a loop; the process is killed (SIGKILL) mid-stream. Every change it reported
/// saved must be in the journal, and the journal must verify.
#[test]
fn a_kill_mid_scoring_loses_nothing_reported_saved() {
    let l = lomba();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args([
            "score",
            root(&l),
            "--juri",
            "juri-1",
            "--stdin",
            "--lang",
            "en",
        ])
        .env("TULTA_DATA_DIR", &l.data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        for i in 0..100_000u32 {
            let v = 1.0 + (i % 9) as f64 / 2.0;
            let k = CRITERIA[(i % 8) as usize];
            if writeln!(stdin, "e-opd-a {k} {v}").is_err() {
                break;
            }
        }
    });
    let mut confirmed = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    while let Some(Ok(line)) = lines.next() {
        if let Some(n) = line
            .strip_prefix("saved #")
            .and_then(|r| r.split(':').next())
            .and_then(|n| n.parse::<u64>().ok())
        {
            confirmed.push(n);
        }
        if confirmed.len() == 60 {
            child.kill().expect("SIGKILL");
            break;
        }
    }
    let _ = child.wait();
    let _ = writer.join();
    assert_eq!(confirmed.len(), 60);
    let path = journal(&l, "juri-1");
    let o = tulta(
        &l,
        &["verify", path.to_str().unwrap_or_default(), "--lang", "en"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let text = std::fs::read_to_string(&path).expect("journal");
    let seqs: Vec<u64> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["urutan"].as_u64())
        .collect();
    for n in &confirmed {
        assert!(
            seqs.contains(n),
            "change #{n} was reported saved but is not in the journal"
        );
    }
    // The journal can be reopened and written after the crash.
    assert_eq!(
        score(&l, "juri-1", "e-opd-b", "L1", "3").status.code(),
        Some(0)
    );
    assert_eq!(tulta(&l, &["verify", root(&l)]).status.code(), Some(0));
}

/// Issue 18: step 6's benefits in numbers go out with the ranking, a column per unit (summed
/// where units agree, "Jam" and "jam" being one unit), and a unit that looks like a formula is
/// neutralised in the CSV header like every other text cell.
#[test]
fn quantified_benefits_are_exported_a_column_per_unit() {
    use calamine::{open_workbook, DataType, Reader, Xlsx};
    let l = lomba();
    let entry = l.root.join("risalah/e-opd-a.yaml");
    let text = std::fs::read_to_string(&entry).unwrap().replace(
        "      lebih_murah: Kertas hemat\n",
        "      lebih_murah: Kertas hemat\n      kuantitatif:\n        - {uraian: Waktu warga, nilai: 30, satuan: jam/bulan}\n        - {uraian: Waktu petugas, nilai: 12.5, satuan: Jam/bulan}\n        - {uraian: Kertas, nilai: 2, satuan: \"=HYPERLINK(1)\"}\n      biaya_perbaikan: {nilai: 350000, satuan: Rp}\n",
    );
    assert!(text.contains("kuantitatif"));
    std::fs::write(&entry, text).unwrap();
    let o = tulta(&l, &["check", l.root.join("risalah").to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    score_all(&l, "juri-1", "e-opd-a", "4.5");
    score_all(&l, "juri-1", "e-opd-b", "3.5");

    let o = tulta(&l, &["rank", root(&l), "--format", "csv", "--lang", "en"]);
    let csv = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    let (hours, paper, cost) = (
        col("manfaat_jam/bulan"),
        col("manfaat_=HYPERLINK(1)"),
        col("biaya_perbaikan_Rp"),
    );
    // No cell a spreadsheet would compute: the unit never starts a header.
    assert!(
        header.iter().all(|h| !h.starts_with(['=', '+', '-', '@'])),
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let a = rows.iter().find(|r| &r[2] == "e-opd-a").unwrap();
    let b = rows.iter().find(|r| &r[2] == "e-opd-b").unwrap();
    assert_eq!((&a[hours], &a[paper], &a[cost]), ("42.5", "2", "350000"));
    assert_eq!((&b[hours], &b[paper], &b[cost]), ("", "", ""));
    // Indonesian: decimal comma.
    let o = tulta(&l, &["rank", root(&l), "--format", "csv"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(";42,5;"));

    let out = l.root.join("manfaat.xlsx");
    let o = tulta(&l, &["rank", root(&l), "--output", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&out).expect("xlsx opens");
    let sheet = book.worksheet_range("Peringkat").expect("sheet");
    let header: Vec<String> = (0..sheet.width())
        .map(|c| {
            sheet
                .get_value((0, c as u32))
                .map(|v| v.to_string())
                .unwrap_or_default()
        })
        .collect();
    let x = header
        .iter()
        .position(|h| h == "manfaat_jam/bulan")
        .expect("column");
    let row = (1..sheet.height() as u32)
        .find(|&y| sheet.get_value((y, 2)).map(|v| v.to_string()) == Some("e-opd-a".into()))
        .expect("row");
    assert_eq!(
        sheet.get_value((row, x as u32)).and_then(|c| c.get_float()),
        Some(42.5)
    );
    assert!(
        header.iter().any(|h| h == "manfaat_=HYPERLINK(1)"),
        "{header:?}"
    );
}
