//! Trust to the edges (spec §11), through the real binary and as an attacker would try it: the
//! rules a result is scored under, keys planted in a competition folder, anchors left out of a
//! published file, pins deleted, first-edition journals continued, weak keys, names that dodge a
//! conflict, notes that imitate anchors, a judge taken out of a stage, and the reason no entry
//! reached a stage.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop on the spot

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tulta_core::judging::journal::{sha256_hex, Line, GENESIS};
use tulta_core::judging::keys::KeyPair;

const CLEAN: &str = include_str!("fixtures/bersih.yaml");
const CRITERIA: [&str; 8] = ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "P"];
const LOMBA_ID: &str = "uji-tepi";

fn tulta(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(args)
        .env("TULTA_DATA_DIR", data)
        .env("TULTA_CONFIG_DIR", data.join("config"))
        .env("TULTA_CACHE_DIR", data.join("cache"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run tulta")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn out(o: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[track_caller]
fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}", out(o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Exit 1, and what it said on both streams.
#[track_caller]
fn refused(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(1), "{}", out(o));
    out(o)
}

/// Three entries; juri-2 belongs to the OPD of e-b, juri-3 is listed against e-c.
fn competition(dir: &Path) -> PathBuf {
    let root = dir.join("lomba");
    std::fs::create_dir_all(root.join("risalah")).expect("mkdir");
    std::fs::write(
        root.join("lomba.yaml"),
        format!(
            "format: lomba/1\nid: {LOMBA_ID}\nnama: Lomba Tepi\ntahun: 2026\nrisalah: risalah/\njuri:\n  - {{id: juri-1, nama: Satu}}\n  - {{id: juri-2, nama: Dua, opd: Dinas B}}\n  - {{id: juri-3, nama: Tiga}}\nkonflik:\n  - {{juri: juri-3, risalah: e-c}}\n"
        ),
    )
    .expect("lomba");
    for (id, opd) in [
        ("e-a", "Dinas A"),
        ("e-b", "Dinas B"),
        ("e-c", "Kelurahan C"),
    ] {
        entry(&root, id, opd);
    }
    root
}

fn entry(root: &Path, id: &str, opd: &str) {
    let text = CLEAN
        .replace("id: uji-2026-kelurahan-mawar", &format!("id: {id}"))
        .replace("opd: Kelurahan Mawar", &format!("opd: \"{opd}\""));
    std::fs::write(root.join("risalah").join(format!("{id}.yaml")), text).expect("entry");
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
        ],
    )
}

fn score_all(data: &Path, root: &Path, juri: &str, entry: &str, v: &str) {
    for k in CRITERIA {
        ok(&score(data, root, juri, entry, k, v));
    }
}

fn journal(data: &Path, lomba: &str, juri: &str) -> PathBuf {
    data.join(lomba).join(format!("{juri}.jsonl"))
}

fn lines_of(path: &Path) -> Vec<Line> {
    common::journal_lines(path)
}

/// Writes `lines` with a fresh chain (and a matching head), signed with `key` or unsigned, as an
/// attacker with that key (or none) would.
fn rewrite(path: &Path, lines: &mut [Line], key: Option<&KeyPair>) {
    let mut prev = GENESIS.to_string();
    let mut text = String::new();
    for (i, l) in lines.iter_mut().enumerate() {
        l.urutan = i as u64 + 1;
        l.sebelum = prev.clone();
        l.tanda = None;
        l.kunci = match key {
            Some(k) if i == 0 => Some(k.public().text()),
            _ => None,
        };
        if let Some(k) = key {
            let unsigned = serde_json::to_vec(&*l).expect("json");
            l.tanda = Some(k.sign(&unsigned));
        }
        let body = serde_json::to_string(&*l).expect("json");
        prev = sha256_hex(body.as_bytes());
        text.push_str(&body);
        text.push('\n');
    }
    std::fs::write(path, text).expect("write");
    let head = serde_json::json!({"urutan": lines.len(), "hash": prev});
    std::fs::write(path.with_extension("head"), head.to_string()).expect("head");
}

/// The built-in sample with its demo journals (a demonstration, `contoh: true`), copied.
fn sample_copy(dir: &Path) -> PathBuf {
    let root = dir.join("contoh");
    common::sample_copy(&root, true);
    root
}

/// Replaces `from` (which must be there once) by `to` in `file`.
fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from} in {}",
        file.display()
    );
    std::fs::write(file, text.replacen(from, to, 1)).expect("write");
}

fn rank_lang(data: &Path, root: &Path, lang: &str) -> Output {
    tulta(data, &["rank", s(root), "--lang", lang])
}

/// Item 1 and the issue's "done when": every edit of the rules after scoring makes `rank` refuse,
/// naming the change in words in both languages, and `verify` and `verify --jejak` report it,
/// until the coordinator's amendment records it; then every output lists the amendment. Fixing a
/// typo in a judge's name or a guidance item's wording changes nothing.
#[test]
fn rules_edited_after_scoring_are_refused_until_an_amendment_records_them() {
    let dir = tempfile::tempdir().expect("tmp");
    let pristine = sample_copy(dir.path());
    let planted = KeyPair::generate().expect("key").public();
    let edits: Vec<(&str, &str, &str, &str, &str)> = vec![
        (
            "lomba.yaml",
            "  - {id: risalah, nama: Penilaian risalah,",
            "  - {id: pra, nama: Pra-seleksi, rubrik: rubrik.yaml, bobot: 10}\n  - {id: risalah, nama: Penilaian risalah,",
            "lomba: tahap administrasi, risalah, gelar → administrasi, pra, risalah, gelar",
            "competition: tahap administrasi, risalah, gelar → administrasi, pra, risalah, gelar",
        ),
        (
            "lomba.yaml",
            "bobot: 60, lolos: 3}",
            "bobot: 60, lolos: 1}",
            "tahap risalah: lolos 3 → 1",
            "stage risalah: lolos 3 → 1",
        ),
        (
            "rubrik.yaml",
            "bobot: 20",
            "bobot: 60",
            "rubrik.yaml: bobot L6 20 → 60",
            "rubrik.yaml: bobot L6 20 → 60",
        ),
        (
            "lomba.yaml",
            "bobot: 40, menit: 20}",
            "bobot: 40, menit: 20, mulai: \"2026-12-10 08:00\", jeda: 5}",
            "tahap gelar: mulai (tidak ada) → 2026-12-10 08:00",
            "stage gelar: mulai (none) → 2026-12-10 08:00",
        ),
        (
            "lomba.yaml",
            "agregasi: rata_rata",
            "agregasi: median",
            "lomba: agregasi rata_rata → median",
            "competition: agregasi rata_rata → median",
        ),
        (
            "lomba.yaml",
            "  - {juri: juri-3, risalah: tng-2026-karangsari-guyub}",
            "  - {juri: juri-3, risalah: tng-2026-karangsari-guyub}\n  - {juri: juri-1, risalah: tng-2026-dishub-tertib}",
            "lomba: konflik juri-3 × tng-2026-karangsari-guyub → juri-1 × tng-2026-dishub-tertib, juri-3 × tng-2026-karangsari-guyub",
            "competition: konflik juri-3 × tng-2026-karangsari-guyub →",
        ),
        (
            "lomba.yaml",
            "kunci: \"ed25519:Q5tOVXNeYlmX8LxU1g+m/qCVFbjgI1Gea24+nX/Y6kw=\"",
            &*Box::leak(format!("kunci: \"{}\"", planted.text()).into_boxed_str()),
            &*Box::leak(format!("juri juri-2: kunci fe5f-6acb-26aa-3f38 → {}", planted.fingerprint()).into_boxed_str()),
            &*Box::leak(format!("judge juri-2: kunci fe5f-6acb-26aa-3f38 → {}", planted.fingerprint()).into_boxed_str()),
        ),
    ];
    for (n, (file, from, to, words_id, words_en)) in edits.iter().enumerate() {
        let here = dir.path().join(format!("kasus-{n}"));
        let root = sample_copy(&here);
        let data = here.join("data");
        // Published before the edit: the rules fingerprint travels with the anchors.
        let published = here.join("terbit.json");
        std::fs::write(
            &published,
            ok(&tulta(&data, &["rank", s(&root), "--format", "json"])),
        )
        .expect("publish");
        edit(&root.join(file), from, to);
        let id = refused(&rank_lang(&data, &root, "id"));
        assert!(id.contains(words_id), "{words_id}:\n{id}");
        assert!(id.contains("tulta aturan LOMBA --ubah"), "{id}");
        let en = refused(&rank_lang(&data, &root, "en"));
        assert!(en.contains(words_en), "{words_en}:\n{en}");
        assert!(en.contains("the rules changed after scoring began"), "{en}");
        let v = refused(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
        assert!(v.contains(words_en), "{v}");
        let v = refused(&tulta(
            &data,
            &["verify", s(&root), "--jejak", s(&published), "--lang", "en"],
        ));
        assert!(v.contains("rules: MISMATCH"), "{v}");
        // `aturan` names the same change, and `--ubah` needs a reason.
        refused(&tulta(&data, &["aturan", s(&root)]));
        assert_eq!(
            tulta(&data, &["aturan", s(&root), "--ubah"]).status.code(),
            Some(2)
        );
        let amended = ok(&tulta(
            &data,
            &[
                "aturan",
                s(&root),
                "--ubah",
                "--alasan",
                "Keputusan rapat panitia",
            ],
        ));
        assert!(amended.contains("perubahan aturan 2 dicatat"), "{amended}");
        assert!(amended.contains(words_id), "{amended}");
        let table = ok(&rank_lang(&data, &root, "id"));
        assert!(table.contains("perubahan aturan 2"), "{table}");
        assert!(table.contains("Keputusan rapat panitia"), "{table}");
        ok(&tulta(&data, &["verify", s(&root)]));
    }
    // After an amendment every output lists it (the last case's copy: a key replaced).
    let here = dir.path().join(format!("kasus-{}", edits.len() - 1));
    let (root, data) = (here.join("contoh"), here.join("data"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&tulta(&data, &["rank", s(&root), "--format", "json"])))
            .expect("json");
    let list = json["perubahan_aturan"].as_array().expect("amendments");
    assert_eq!(list.len(), 2, "{json}");
    assert_eq!(list[1]["alasan"], "Keputusan rapat panitia");
    assert!(list[1]["isi"][0]
        .as_str()
        .expect("words")
        .starts_with("juri juri-2: kunci"));
    assert_eq!(json["contoh"], true);
    assert_eq!(json["jejak"]["aturan"], json["aturan"]);
    let csv = ok(&tulta(&data, &["rank", s(&root), "--format", "csv"]));
    assert!(csv.contains("perubahan aturan 2"), "{csv}");
    let md = ok(&tulta(
        &data,
        &["rank", s(&root), "--format", "md", "--lang", "en"],
    ));
    assert!(md.contains("amendment 2"), "{md}");
    assert!(md.contains("Keputusan rapat panitia"), "{md}");
    let xlsx = here.join("hasil.xlsx");
    ok(&tulta(&data, &["rank", s(&root), "--output", s(&xlsx)]));
    let cells = xlsx_text(&xlsx);
    assert!(cells.contains("perubahan aturan 2"), "{cells}");
    assert!(cells.contains("CONTOH"), "{cells}");
    let html = here.join("hasil.html");
    ok(&tulta(&data, &["rank", s(&root), "--output", s(&html)]));
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("perubahan aturan 2"), "{page}");
    assert!(page.contains("CONTOH"), "{page}");
    let o = ok(&tulta(
        &data,
        &["verify", s(&root), "--jejak", s(&html), "--lang", "en"],
    ));
    assert!(
        o.contains("rules: published under the rules in force"),
        "{o}"
    );
    // A typo fixed in a judge's name or a guidance item's wording changes no fingerprint.
    let data = dir.path().join("data-nama");
    let before = ok(&tulta(&data, &["aturan", s(&pristine)]));
    edit(
        &pristine.join("lomba.yaml"),
        "nama: \"dr. Bambang Setiawan, MARS\"",
        "nama: \"dr. Bambang Setiawan, M.A.R.S.\"",
    );
    let rubrik = std::fs::read_to_string(pristine.join("rubrik.yaml")).expect("rubrik");
    let guidance = rubrik
        .lines()
        .find(|l| l.trim_start().starts_with("- ") && !l.contains("id:"))
        .expect("a guidance item")
        .to_string();
    edit(
        &pristine.join("rubrik.yaml"),
        &guidance,
        &format!("{guidance} (diperjelas)"),
    );
    let after = ok(&tulta(&data, &["aturan", s(&pristine)]));
    assert_eq!(before.lines().next(), after.lines().next());
    ok(&tulta(&data, &["rank", s(&pristine)]));
}

/// The text of every cell of an XLSX (its shared strings), for a test to search.
fn xlsx_text(path: &Path) -> String {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).expect("xlsx");
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            for c in row {
                out.push_str(&c.to_string());
                out.push('\n');
            }
        }
    }
    out
}

/// Item 2: a key and a journal lying in a competition folder that is no demonstration are never
/// installed or pinned; the sample (`contoh: true`) still seeds, and says CONTOH / SAMPLE.
#[test]
fn a_key_planted_in_a_competition_folder_is_never_installed() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    // The attacker scores all 5s for e-a as juri-2 on their own machine, and plants the key and
    // the journal in the competition folder.
    let attacker = dir.path().join("penyerang");
    score_all(&attacker, &root, "juri-2", "e-a", "5");
    let planted = std::fs::read(attacker.join(LOMBA_ID).join("juri-2.key")).expect("key");
    std::fs::create_dir_all(root.join("jurnal")).expect("mkdir");
    std::fs::write(root.join("jurnal/juri-2.key"), &planted).expect("plant key");
    std::fs::copy(
        journal(&attacker, LOMBA_ID, "juri-2"),
        root.join("jurnal/juri-2.jsonl"),
    )
    .expect("plant journal");
    // The real judge scores on a fresh machine: nothing is copied, a key of their own is made.
    let judge = dir.path().join("juri");
    let o = score(&judge, &root, "juri-2", "e-a", "L1", "2");
    ok(&o);
    let said = out(&o);
    assert!(!said.contains("jurnal contoh disalin"), "{said}");
    let own = std::fs::read(judge.join(LOMBA_ID).join("juri-2.key")).expect("own key");
    assert_ne!(own, planted, "the planted key became the judge's");
    assert_eq!(lines_of(&journal(&judge, LOMBA_ID, "juri-2")).len(), 1);
    // A coordinator's fresh folder: nothing seeded, nothing pinned, the forged 5s do not count.
    let coordinator = dir.path().join("koordinator");
    let json: serde_json::Value = serde_json::from_str(&ok(&tulta(
        &coordinator,
        &["rank", s(&root), "--format", "json"],
    )))
    .expect("json");
    assert!(!journal(&coordinator, LOMBA_ID, "juri-2").exists());
    assert!(!coordinator.join(LOMBA_ID).join("juri-2.kunci").exists());
    assert!(json.get("contoh").is_none(), "{json}");
    let a = &json["peringkat"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "e-a")
        .expect("e-a")["juri"];
    assert!(a.get("juri-2").is_none(), "{a}");
    // The judge's real journal then imports and pins.
    ok(&tulta(
        &coordinator,
        &["import", s(&root), s(&journal(&judge, LOMBA_ID, "juri-2"))],
    ));
    // The demonstration still seeds its journals, and says so everywhere.
    let sample = sample_copy(dir.path());
    let data = dir.path().join("data-contoh");
    let o = tulta(&data, &["rank", s(&sample)]);
    let table = ok(&o);
    assert!(out(&o).contains("jurnal contoh disalin"), "{}", out(&o));
    assert!(table.starts_with("CONTOH"), "{table}");
    let en = ok(&tulta(&data, &["rank", s(&sample), "--lang", "en"]));
    assert!(en.contains("SAMPLE"), "{en}");
    let progress = tulta(&data, &["progress", s(&sample)]);
    assert!(out(&progress).contains("CONTOH"), "{}", out(&progress));
}

/// Item 3: a published file without the anchor of a judge who had lines then is a finding, even
/// when that judge's journal was cut back afterwards.
#[test]
fn a_published_file_missing_a_judges_anchor_is_a_finding() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    score_all(&data, &root, "juri-2", "e-a", "3");
    let json = ok(&tulta(&data, &["rank", s(&root), "--format", "json"]));
    let mut v: serde_json::Value = serde_json::from_str(&json).expect("json");
    // Every judge is anchored, even one who has not begun.
    assert_eq!(v["jejak"]["juri-3"]["baris"], 0);
    // Cut juri-2's journal back (head and all, as its own judge could) and drop its anchor.
    let path = journal(&data, LOMBA_ID, "juri-2");
    let key = KeyPair::load(&data.join(LOMBA_ID), "juri-2")
        .expect("load")
        .expect("key");
    let mut lines = lines_of(&path);
    lines.truncate(3);
    rewrite(&path, &mut lines, Some(&key));
    ok(&tulta(&data, &["verify", s(&root)]));
    v["jejak"].as_object_mut().expect("jejak").remove("juri-2");
    let published = dir.path().join("terbit.json");
    std::fs::write(&published, v.to_string()).expect("write");
    let o = refused(&tulta(
        &data,
        &["verify", s(&root), "--jejak", s(&published), "--lang", "en"],
    ));
    assert!(o.contains("anchor juri-2: MISSING"), "{o}");
    // An empty `jejak` says nothing for anyone.
    v["jejak"] = serde_json::json!({});
    std::fs::write(&published, v.to_string()).expect("write");
    let o = refused(&tulta(
        &data,
        &["verify", s(&root), "--jejak", s(&published), "--lang", "en"],
    ));
    assert!(o.contains("anchor juri-1: MISSING"), "{o}");
}

/// Item 4: with the pin file deleted, the judge's own key beside it stands for the pin; a journal
/// re-signed with another key, or with every signature stripped, is refused.
#[test]
fn a_deleted_pin_is_restored_by_the_judges_own_key() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    let path = journal(&data, LOMBA_ID, "juri-1");
    let original = lines_of(&path);
    std::fs::remove_file(data.join(LOMBA_ID).join("juri-1.kunci")).expect("unpin");
    let mut lines = original.clone();
    lines[2].perubahan = tulta_core::judging::scoring::Change::Skor {
        kriteria: "L3".into(),
        nilai: 1.0,
    };
    rewrite(&path, &mut lines, Some(&KeyPair::generate().expect("key")));
    let o = refused(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
    assert!(o.contains("not the key pinned for this judge"), "{o}");
    refused(&tulta(&data, &["rank", s(&root)]));
    let mut lines = original.clone();
    rewrite(&path, &mut lines, None);
    let o = refused(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
    assert!(o.contains("line 1 is unsigned"), "{o}");
    // Put back as it was: it verifies again.
    let key = KeyPair::load(&data.join(LOMBA_ID), "juri-1")
        .expect("load")
        .expect("key");
    let mut lines = original;
    rewrite(&path, &mut lines, Some(&key));
    ok(&tulta(&data, &["verify", s(&root)]));
}

/// Item 5: a first-edition (unsigned) journal verifies, and goes on signed after one `score`:
/// verify, rank and the next score all succeed. Signed, then unsigned, is refused.
#[test]
fn a_first_edition_journal_goes_on_signed() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    let here = data.join(LOMBA_ID);
    let path = journal(&data, LOMBA_ID, "juri-1");
    // As a first-edition machine left it: no key, no pin, no signature.
    let mut lines = lines_of(&path);
    for l in &mut lines {
        l.aturan = None;
    }
    rewrite(&path, &mut lines, None);
    std::fs::remove_file(here.join("juri-1.key")).expect("no key");
    std::fs::remove_file(here.join("juri-1.kunci")).expect("no pin");
    let o = ok(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
    assert!(o.contains("unsigned (a first-edition journal)"), "{o}");
    // The judge makes a key to send the organiser: the unsigned journal now stands only if it goes
    // on signed by that key, which the next score does.
    ok(&tulta(&data, &["kunci", s(&root), "--juri", "juri-1"]));
    refused(&tulta(&data, &["verify", s(&root)]));
    ok(&score(&data, &root, "juri-1", "e-b", "L1", "3"));
    let o = ok(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
    assert!(o.contains("its first 8 lines are unsigned"), "{o}");
    ok(&tulta(&data, &["rank", s(&root)]));
    ok(&score(&data, &root, "juri-1", "e-b", "L2", "3"));
    // The reverse: an unsigned line after signed ones.
    let mut lines = lines_of(&path);
    let mut tail = lines.pop().expect("last");
    let text = std::fs::read_to_string(&path).expect("read");
    let kept: Vec<&str> = text.lines().take(lines.len()).collect();
    tail.tanda = None;
    tail.sebelum = sha256_hex(kept.last().expect("line").as_bytes());
    let body = serde_json::to_string(&tail).expect("json");
    std::fs::write(&path, format!("{}\n{body}\n", kept.join("\n"))).expect("write");
    std::fs::write(
        path.with_extension("head"),
        serde_json::json!({"urutan": tail.urutan, "hash": sha256_hex(body.as_bytes())}).to_string(),
    )
    .expect("head");
    let o = refused(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
    assert!(
        o.contains("is unsigned where this journal must be signed"),
        "{o}"
    );
}

/// Item 8: a journal "signed" by the identity point (a small-order key, whose signature
/// identity ‖ zeros holds for any line under lax verification) is refused by verify and import,
/// and pins nothing.
#[test]
fn a_weak_key_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    score_all(&dir.path().join("juri"), &root, "juri-1", "e-a", "5");
    let mut lines = lines_of(&journal(&dir.path().join("juri"), LOMBA_ID, "juri-1"));
    // The identity point (1, then zeros), and identity ‖ 32 zero bytes as every signature.
    let identity = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let sig =
        "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
    let mut prev = GENESIS.to_string();
    let mut text = String::new();
    for (i, l) in lines.iter_mut().enumerate() {
        l.sebelum = prev.clone();
        l.kunci = (i == 0).then(|| format!("ed25519:{identity}"));
        l.tanda = Some(sig.to_string());
        let body = serde_json::to_string(&*l).expect("json");
        prev = sha256_hex(body.as_bytes());
        text.push_str(&body);
        text.push('\n');
    }
    let forged = dir.path().join("juri-1.jsonl");
    std::fs::write(&forged, text).expect("write");
    let o = refused(&tulta(&data, &["verify", s(&forged), "--lang", "en"]));
    assert!(o.contains("weak"), "{o}");
    refused(&tulta(&data, &["import", s(&root), s(&forged)]));
    assert!(!data.join(LOMBA_ID).join("juri-1.kunci").exists());
    assert!(!journal(&data, LOMBA_ID, "juri-1").exists());
}

/// Item 6: an OPD written with a zero-width space, a Cyrillic letter or a trailing full stop
/// still bars the judge of that OPD; `check` warns (T106) about the disguised names.
#[test]
fn a_disguised_opd_still_bars_the_judge() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    for (n, opd) in [
        "Dinas B\u{200b}",
        "Dinas В",
        "Dinas B.",
        "  DINAS\u{202e}  b ",
    ]
    .iter()
    .enumerate()
    {
        let id = format!("e-b{n}");
        entry(&root, &id, opd);
        let o = refused(&score(&data, &root, "juri-2", &id, "L1", "4"));
        assert!(o.contains("risalah dari OPD juri sendiri"), "{opd:?}: {o}");
    }
    assert!(
        !journal(&data, LOMBA_ID, "juri-2").exists(),
        "nothing written"
    );
    let o = tulta(
        &data,
        &["check", s(&root.join("risalah")), "--format", "json"],
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(text.matches("T106").count(), 3, "{text}");
}

/// Item 7: a general note shaped like an anchor, published in Markdown and XLSX, neither passes
/// for an anchor nor voids the genuine file.
#[test]
fn a_note_cannot_void_a_genuine_publication() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    score_all(&data, &root, "juri-1", "e-a", "4");
    let fake = format!("jejak:juri-1:1:{}", "0".repeat(64));
    // The general note, as the app's panel writes it: the judge's own signed line.
    {
        use tulta_core::judging::journal::{Context, Journal};
        let context = Context {
            lomba: Some(LOMBA_ID.into()),
            pinned: None,
            aturan: None,
        };
        let mut j = Journal::open(&data.join(LOMBA_ID), "juri-1", context).expect("open");
        j.append(
            "e-a",
            tulta_core::judging::scoring::Change::Catatan {
                kriteria: None,
                teks: fake.clone(),
            },
        )
        .expect("note");
    }
    let md = dir.path().join("hasil.md");
    let xlsx = dir.path().join("hasil.xlsx");
    ok(&tulta(&data, &["rank", s(&root), "--output", s(&md)]));
    ok(&tulta(&data, &["rank", s(&root), "--output", s(&xlsx)]));
    assert!(std::fs::read_to_string(&md).expect("md").contains(&fake));
    for f in [&md, &xlsx] {
        let o = ok(&tulta(
            &data,
            &["verify", s(&root), "--jejak", s(f), "--lang", "en"],
        ));
        assert!(
            o.contains("anchor juri-1: the first 9 lines are those published"),
            "{o}"
        );
        assert!(
            o.contains("rules: published under the rules in force"),
            "{o}"
        );
    }
}

/// Item 10: a judge who will not finish, taken out of a stage's `juri` by an amendment: the
/// judge's lines there are shown as not counted because of it, and no longer make the result
/// partial.
#[test]
fn a_judge_taken_out_of_a_stage_by_an_amendment_no_longer_holds_the_result() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = competition(dir.path());
    let data = dir.path().join("data");
    edit(
        &root.join("lomba.yaml"),
        "konflik:",
        "tahap:\n  - {id: risalah, nama: Penilaian risalah, juri: [juri-1, juri-2, juri-3]}\nkonflik:",
    );
    for e in ["e-a", "e-b", "e-c"] {
        score_all(&data, &root, "juri-1", e, "4");
    }
    // juri-2 is barred from e-b (its own OPD); juri-3 begins and will not finish.
    score_all(&data, &root, "juri-2", "e-a", "3");
    score_all(&data, &root, "juri-2", "e-c", "3");
    ok(&score(&data, &root, "juri-3", "e-a", "L1", "2"));
    let o = tulta(&data, &["rank", s(&root), "--lang", "en"]);
    assert!(ok(&o).contains("PROVISIONAL"), "{}", out(&o));
    edit(
        &root.join("lomba.yaml"),
        "juri: [juri-1, juri-2, juri-3]}",
        "juri: [juri-1, juri-2]}",
    );
    let o = refused(&tulta(&data, &["rank", s(&root), "--lang", "en"]));
    assert!(
        o.contains("stage risalah: juri juri-1, juri-2, juri-3 → juri-1, juri-2"),
        "{o}"
    );
    ok(&tulta(
        &data,
        &[
            "aturan",
            s(&root),
            "--ubah",
            "--alasan",
            "Juri 3 sakit dan tidak dapat menyelesaikan penilaian",
        ],
    ));
    let o = tulta(&data, &["rank", s(&root), "--lang", "en"]);
    let table = ok(&o);
    assert!(
        out(&o).contains("not counted because of amendment 1"),
        "{}",
        out(&o)
    );
    assert!(!table.contains("PROVISIONAL"), "{table}");
    let v = ok(&tulta(&data, &["verify", s(&root), "--lang", "en"]));
    assert!(v.contains("not counted because of amendment 1"), "{v}");
}

/// Item 11: when no entry has reached a stage, `undian` and `progress` give the reason of the
/// entries that got furthest (the stage before is not final), not the first entry's.
#[test]
fn undian_and_progress_say_why_no_entry_reached_the_stage() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = sample_copy(dir.path());
    for f in std::fs::read_dir(root.join("jurnal"))
        .expect("ls")
        .flatten()
    {
        if f.path().extension().is_some_and(|x| x == "jsonl") {
            std::fs::remove_file(f.path()).expect("rm");
        }
    }
    // The first entry by id fails the pass/fail stage.
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join("risalah"))
        .expect("ls")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let first = std::fs::read_to_string(&entries[0]).expect("read");
    let id = first
        .lines()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("id")
        .to_string();
    let ids: Vec<String> = entries
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .ok()?
                .lines()
                .find_map(|l| l.strip_prefix("id: ").map(str::to_string))
        })
        .collect();
    assert_eq!(ids.iter().min(), Some(&id), "the first entry by id");
    std::fs::write(&entries[0], first.replacen("nomor: 7", "nomor: 8", 1)).expect("break");
    let data = dir.path().join("data");
    let o = refused(&tulta(
        &data,
        &["undian", s(&root), "--tahap", "gelar", "--benih", "1"],
    ));
    assert!(o.contains("tahap risalah belum final"), "{o}");
    assert!(!o.contains("administrasi"), "{o}");
    let p = ok(&tulta(&data, &["progress", s(&root), "--tahap", "gelar"]));
    assert!(p.contains("tahap risalah belum final"), "{p}");
}

/// The coordinator's journal travels like a judge's: imported into another data folder it brings
/// the amendments along; one signed with any key but the `koordinator:` key of lomba.yaml is
/// refused.
#[test]
fn the_coordinators_journal_imports_and_a_forged_one_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = sample_copy(dir.path());
    let here = dir.path().join("koordinator");
    ok(&tulta(&here, &["rank", s(&root)]));
    edit(
        &root.join("lomba.yaml"),
        "bobot: 60, lolos: 3}",
        "bobot: 60, lolos: 4}",
    );
    ok(&tulta(
        &here,
        &["aturan", s(&root), "--ubah", "--alasan", "Empat finalis"],
    ));
    let theirs = journal(&here, "lomba-budaya-kerja-2026-tirtanagara", "koordinator");
    assert_eq!(lines_of(&theirs).len(), 2);
    // Another coordinator's machine: refused until the amendment arrives, then counted.
    let other = dir.path().join("lain");
    refused(&tulta(&other, &["rank", s(&root)]));
    ok(&tulta(&other, &["import", s(&root), s(&theirs)]));
    let table = ok(&tulta(&other, &["rank", s(&root)]));
    assert!(table.contains("Empat finalis"), "{table}");
    // The same amendments signed with another key: refused, nothing imported.
    let forged = dir.path().join("koordinator.jsonl");
    std::fs::copy(&theirs, &forged).expect("copy");
    let mut lines = lines_of(&forged);
    rewrite(
        &forged,
        &mut lines,
        Some(&KeyPair::generate().expect("key")),
    );
    let third = dir.path().join("ketiga");
    refused(&tulta(&third, &["rank", s(&root)]));
    let o = refused(&tulta(
        &third,
        &["import", s(&root), s(&forged), "--lang", "en"],
    ));
    assert!(o.contains("not the key pinned"), "{o}");
    refused(&tulta(&third, &["rank", s(&root)]));
}

/// A folder is read for a competition without parsing every file: only a file holding the bytes
/// `lomba/1` or a backslash can say `format: lomba/1`. An attacker's spelling with a YAML escape
/// is still found; a competition deep in an archive folder still wins by its year; the archive's
/// other files are not entries.
#[test]
fn a_competition_is_found_however_its_format_is_spelled() {
    use tulta_core::judging::competition;
    let dir = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    let nested = dir.path().join("arsip/2026/lomba");
    std::fs::create_dir_all(&nested).expect("mkdir");
    common::competition_copy(&nested, data.path());
    let lomba = nested.join("lomba.yaml");
    let text = std::fs::read_to_string(&lomba).expect("lomba");
    assert!(text.contains("format: lomba/1"));
    std::fs::write(
        &lomba,
        text.replace("format: lomba/1", r#"format: "lomb\x61/1""#),
    )
    .expect("write");
    // The archive beside it: risalah that are no entries of this competition.
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("arsip/r{i:02}.yaml")),
            tulta_corpus::risalah(7, i),
        )
        .expect("write");
    }
    let comp = competition::load(Some(dir.path()), tulta_core::i18n::Lang::Id).expect("found");
    assert_eq!(
        comp.lomba.id.as_deref(),
        Some("lomba-budaya-kerja-2026-tirtanagara")
    );
    let whole =
        competition::load(Some(&nested), tulta_core::i18n::Lang::Id).expect("found in its folder");
    assert_eq!(
        comp.entries.iter().map(|e| &e.id).collect::<Vec<_>>(),
        whole.entries.iter().map(|e| &e.id).collect::<Vec<_>>(),
        "the same entries, none from the archive"
    );
    assert!(!comp.entries.is_empty());

    // Without the escape's backslash and without the words, no file is a competition.
    std::fs::write(&lomba, text.replace("format: lomba/1", "format: risalah/1")).expect("write");
    assert!(matches!(
        competition::load(Some(dir.path()), tulta_core::i18n::Lang::Id),
        Err(competition::CompetitionError::NoLomba(_))
    ));
}
