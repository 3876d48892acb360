//! A hostile environment through the real binary: outputs that are devices, links or read-only;
//! file content carrying terminal escapes and spreadsheet formulas; FIFOs, devices and unreadable
//! files named or met; standard output that fails; a damaged or busy search index.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test hostile_env`): a split would only add binaries to build, not separate jobs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

struct Env {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Env {
    fn new() -> Env {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().to_path_buf();
        Env { _tmp: tmp, root }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tulta"));
        c.args(args)
            .current_dir(&self.root)
            .env("TULTA_CACHE_DIR", self.path("cache"))
            .env("TULTA_DATA_DIR", self.path("data"))
            .env("TULTA_CONFIG_DIR", self.path("config"))
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run tulta")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The sample competition with its demo journals, copied into `dir`.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("ls") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

fn sample(env: &Env) -> PathBuf {
    let dir = env.path("lomba");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/lomba-2026"),
        &dir,
    );
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).expect("read");
    assert!(s.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).expect("write");
}

fn edit_line(path: &Path, key: &str, value: &str) {
    let s = std::fs::read_to_string(path).expect("read");
    let out: Vec<String> = s
        .lines()
        .map(|l| {
            if l.starts_with(&format!("{key}:")) {
                format!("{key}: {value}")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(path, out.join("\n") + "\n").expect("write");
}

/// The sample's RSUD risalah under another id.
fn entry_as(id: &str) -> String {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("reports/lomba-2026/risalah/tng-2026-rsud-sigap.yaml"),
    )
    .expect("read");
    source.replacen("id: tng-2026-rsud-sigap", &format!("id: {id}"), 1)
}

// ---------------------------------------------------------------------------------------------
// 1. --output

#[cfg(unix)]
#[test]
fn output_keeps_a_device_follows_a_symlink_and_refuses_a_read_only_file() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let env = Env::new();
    let lomba = sample(&env);
    let lomba = lomba.to_str().expect("utf-8");

    // A character device made with mknod (a copy of /dev/null: 1,3).
    let dev = env.path("null-dev");
    let c = std::ffi::CString::new(dev.to_str().expect("utf-8")).expect("cstr");
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    if made == 0 {
        let o = env.run(&["rank", lomba, "--format", "csv", "--output", "null-dev"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let meta = std::fs::symlink_metadata(&dev).expect("stat");
        assert!(
            meta.file_type().is_char_device(),
            "still a character device"
        );
    } else {
        eprintln!("mknod not permitted here; the device case is covered by /dev/full below");
    }
    // A device written as `>` would: /dev/full reports its error, and stays a device.
    let full = env.run(&["rank", lomba, "--format", "csv", "--output", "/dev/full"]);
    assert_eq!(full.status.code(), Some(2), "{}", text(&full.stderr));
    assert!(std::fs::symlink_metadata("/dev/full")
        .expect("stat")
        .file_type()
        .is_char_device());

    // A symlink: its target replaced, the link kept.
    std::fs::write(env.path("target.csv"), "old").expect("write");
    std::os::unix::fs::symlink("target.csv", env.path("link.csv")).expect("symlink");
    let o = env.run(&["rank", lomba, "--format", "csv", "--output", "link.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(std::fs::symlink_metadata(env.path("link.csv"))
        .expect("stat")
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(env.path("target.csv"))
        .expect("read")
        .starts_with("peringkat;"));

    // A read-only file: refused without --force (exit 2, untouched), replaced with it.
    let ro = env.path("ro.csv");
    std::fs::write(&ro, "keep").expect("write");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    for lang in ["id", "en"] {
        let o = env.run(&[
            "rank", lomba, "--format", "csv", "--output", "ro.csv", "--lang", lang,
        ]);
        assert_eq!(o.status.code(), Some(2));
        let err = text(&o.stderr);
        assert!(
            err.contains(if lang == "id" {
                "hanya-baca"
            } else {
                "read-only"
            }),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&ro).expect("read"), "keep");
    }
    let o = env.run(&[
        "rank", lomba, "--format", "csv", "--output", "ro.csv", "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(std::fs::read_to_string(&ro)
        .expect("read")
        .starts_with("peringkat;"));

    // A FIFO is written to, not replaced.
    let fifo = env.path("out.fifo");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("cstr");
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
    };
    let o = env.run(&["rank", lomba, "--format", "csv", "--output", "out.fifo"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(reader.join().expect("reader").starts_with("peringkat;"));
    assert!(std::fs::symlink_metadata(&fifo)
        .expect("stat")
        .file_type()
        .is_fifo());
}

// ---------------------------------------------------------------------------------------------
// 2. and 3. escapes and formulas

/// The sample competition with escapes (ESC[2J, OSC 0, OSC 52, BEL, a C1 CSI) and formula-like
/// text in every field a command prints: competition name and organiser, judge names, a judge
/// id, a band label, an entry's title, OPD and group.
fn hostile_sample(env: &Env) -> PathBuf {
    let dir = sample(env);
    let lomba = dir.join("lomba.yaml");
    edit_line(&lomba, "nama", r#""Lomba \e[2J\e]0;judul\a 2026""#);
    edit_line(&lomba, "penyelenggara", r#""Bagian \e]52;c;aGk=\a""#);
    edit(
        &lomba,
        r#"nama: "Dra. Sri Rahayuningsih, M.Si.""#,
        r#"nama: "Dra. Sri \e]52;c;aGk=\a \x9b31m""#,
    );
    edit(
        &lomba,
        "  - {id: juri-3,",
        "  - {id: \"-juri-4\", nama: \"@SUM(1)\\a\", opd: \"\\e[5mLain\"}\n  - {id: juri-3,",
    );
    edit(
        &dir.join("rubrik.yaml"),
        "label: Pelayanan Prima",
        r#"label: "Pelayanan \e[31mPrima\a""#,
    );
    let entry = dir.join("risalah/tng-2026-rsud-sigap.yaml");
    edit_line(
        &entry,
        "judul",
        r#""Menurunkan \e[2J waktu tunggu \a obat \e]0;x\a""#,
    );
    edit_line(&entry, "opd", r#""=1+1\e[2J | RSUD\nTirta""#);
    edit(&entry, "  nama: Sigap", "  nama: \"Sigap \\e[8m\"");
    // A judge added and OPDs renamed under the sample's scores change its rules (spec §11): the
    // coordinator records that, as a real one would, with words that must stay harmless too.
    let d = dir.to_str().expect("utf-8");
    let o = env.run(&[
        "aturan",
        d,
        "--ubah",
        "--alasan",
        "uji \u{1b}[2J\u{7} alasan",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    dir
}

fn assert_no_escapes(what: &str, bytes: &[u8]) {
    for b in [0x1b, 0x07] {
        assert!(
            !bytes.contains(&b),
            "{what} carries byte {b:#04x}:\n{}",
            text(bytes)
        );
    }
    assert!(
        !text(bytes).contains('\u{9b}'),
        "{what} carries a C1 CSI:\n{}",
        text(bytes)
    );
}

#[test]
fn no_escape_from_a_file_reaches_any_output() {
    let env = Env::new();
    let dir = hostile_sample(&env);
    let d = dir.to_str().expect("utf-8");
    let md = env.path("peringkat.md");
    let csv = env.path("peringkat.csv");
    let runs: Vec<(String, Vec<&str>)> = vec![
        ("summary".into(), vec![d, "--summary"]),
        ("check".into(), vec!["check", d]),
        ("check json".into(), vec!["check", d, "--format", "json"]),
        ("index".into(), vec!["index", "--in", d]),
        ("search".into(), vec!["search", "waktu tunggu", "--in", d]),
        (
            "search json".into(),
            vec!["search", "waktu", "--in", d, "--format", "json"],
        ),
        (
            "similar".into(),
            vec!["search", "--similar", "tng-2026-rsud-sigap", "--in", d],
        ),
        ("rank".into(), vec!["rank", d]),
        ("rank md".into(), vec!["rank", d, "--format", "md"]),
        ("rank csv".into(), vec!["rank", d, "--format", "csv"]),
        ("rank json".into(), vec!["rank", d, "--format", "json"]),
        ("progress".into(), vec!["progress", d]),
        ("verify".into(), vec!["verify", d]),
        (
            // One stage's ranking: its rows carry the predikat labels (the sample's final result
            // has no finalist yet while a hostile judge has not scored).
            "md file".into(),
            vec![
                "rank",
                d,
                "--tahap",
                "risalah",
                "--format",
                "md",
                "--output",
                md.to_str().expect("utf-8"),
            ],
        ),
        (
            "csv file".into(),
            vec![
                "rank",
                d,
                "--format",
                "csv",
                "--output",
                csv.to_str().expect("utf-8"),
            ],
        ),
    ];
    for lang in ["id", "en"] {
        for (what, args) in &runs {
            let mut args = args.clone();
            args.extend(["--lang", lang]);
            let o = env.run(&args);
            assert!(
                o.status.code().is_some_and(|c| c <= 1),
                "{what}: {:?}\n{}",
                o.status,
                text(&o.stderr)
            );
            assert_no_escapes(&format!("{what} ({lang}) stdout"), &o.stdout);
            assert_no_escapes(&format!("{what} ({lang}) stderr"), &o.stderr);
        }
    }
    // The fields are there, shown harmlessly.
    let summary = text(&env.run(&[d, "--summary"]).stdout);
    assert!(summary.contains("Lomba ␛[2J␛]0;judul␇ 2026"), "{summary}");
    assert!(
        summary.contains("Menurunkan ␛[2J waktu tunggu ␇ obat"),
        "{summary}"
    );
    let progress = text(&env.run(&["progress", d]).stdout);
    assert!(progress.contains("Dra. Sri ␛]52;c;aGk=␇"), "{progress}");
    let md = std::fs::read_to_string(&md).expect("md");
    assert_no_escapes("md file", md.as_bytes());
    // `[` is escaped in a Markdown cell: no link or image can start there.
    assert!(md.contains("Pelayanan ␛\\[31mPrima␇"), "{md}");
    // `|` and line breaks stay inside their cell: every table line has the header's cell count.
    let cells = |l: &str| l.matches('|').count() - l.matches("\\|").count();
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert!(table.len() > 3);
    assert!(table.iter().all(|l| cells(l) == cells(table[0])), "{md}");
    assert!(md.contains("=1+1␛\\[2J \\| RSUD<br>Tirta"), "{md}");
    let csv = std::fs::read(&csv).expect("csv");
    assert_no_escapes("csv file", &csv);
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised_and_numbers_stay_numbers() {
    let env = Env::new();
    let dir = hostile_sample(&env);
    let d = dir.to_str().expect("utf-8");
    for (lang, sep) in [("id", ';'), ("en", ',')] {
        let o = env.run(&["rank", d, "--format", "csv", "--lang", lang]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let csv = text(&o.stdout);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sep as u8)
            .has_headers(false)
            .from_reader(csv.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("record").iter().map(String::from).collect())
            .collect();
        for row in &rows {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{lang}: formula-like cell {cell:?} in\n{csv}"
                );
            }
        }
        let header = &rows[0];
        assert!(
            header.contains(&"'indeks_-juri-4".to_string())
                || header.iter().any(|h| h == "indeks_-juri-4")
        );
        assert!(
            // Raw columns: `JURI_KRITERIA`, prefixed by the stage in a competition with stages.
            header
                .iter()
                .any(|h| h.starts_with("'-juri-4_") || h.starts_with("risalah_-juri-4_")),
            "{header:?}"
        );
        let rsud = rows
            .iter()
            .find(|r| r.iter().any(|c| c == "tng-2026-rsud-sigap"))
            .expect("row");
        assert!(rsud.iter().any(|c| c.starts_with("'=1+1")), "{rsud:?}");
        // Indexes stay plain numbers in the language's notation: the reading's, as no entry of
        // the sample has a final index while the hostile judge has not scored.
        let at = header
            .iter()
            .position(|h| h == "nilai_risalah")
            .expect("nilai_risalah");
        let index = &rsud[at];
        let number = if lang == "id" {
            index.replace(',', ".")
        } else {
            index.clone()
        };
        assert!(number.parse::<f64>().is_ok(), "{index:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. special files named on the command line

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_dev_zero_is_refused_fast_with_a_finding() {
    let env = Env::new();
    let fifo = env.path("a.yaml");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("cstr");
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", env.path("z.yaml")).expect("symlink");
    for (name, kind) in [("a.yaml", "FIFO"), ("z.yaml", "character device")] {
        for args in [
            vec!["check", name, "--format", "json", "--lang", "en"],
            vec![name, "--summary", "--lang", "en"],
        ] {
            let start = Instant::now();
            let mut child = env
                .cmd(&args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            let status = loop {
                if let Some(s) = child.try_wait().expect("wait") {
                    break s;
                }
                if start.elapsed() > Duration::from_secs(2) {
                    let _ = child.kill();
                    panic!("{args:?} did not return within 2 s");
                }
                std::thread::sleep(Duration::from_millis(10));
            };
            let o = child.wait_with_output().expect("output");
            let out = text(&o.stdout);
            if args[0] == "check" {
                assert_eq!(status.code(), Some(1), "{out}");
                let json: serde_json::Value = serde_json::from_str(&out).expect("json");
                let d = &json["temuan"][0];
                assert_eq!(d["kode"], "T001", "{out}");
                assert!(
                    d["pesan"].as_str().expect("message").contains(kind),
                    "{out}"
                );
            } else {
                assert_eq!(status.code(), Some(0), "{out}{}", text(&o.stderr));
                assert!(out.contains(name), "{out}");
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_as_a_journal_is_refused_not_waited_on() {
    let env = Env::new();
    let dir = sample(&env);
    let fifo = env.path("j.jsonl");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("cstr");
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let d = dir.to_str().expect("utf-8");
    for args in [
        vec!["verify", "j.jsonl", "--lang", "en"],
        vec!["import", d, "j.jsonl", "--lang", "en"],
    ] {
        let start = Instant::now();
        let mut child = env
            .cmd(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        while child.try_wait().expect("wait").is_none() {
            if start.elapsed() > Duration::from_secs(2) {
                let _ = child.kill();
                panic!("{args:?} did not return within 2 s");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let o = child.wait_with_output().expect("output");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            text(&o.stderr).contains("not a regular file (a FIFO)"),
            "{}",
            text(&o.stderr)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 5. and 9. unreadable files (run as an unprivileged user: root reads anything)

/// Runs as `nobody` when this test runs as root, so that mode 000 means unreadable.
#[cfg(unix)]
fn as_nobody(mut c: Command) -> Command {
    use std::os::unix::process::CommandExt;
    if unsafe { libc::geteuid() } == 0 {
        c.uid(65534).gid(65534);
    }
    c
}

#[cfg(unix)]
fn open_up(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for p in path.ancestors().take(3) {
        let mode = std::fs::metadata(p).expect("stat").permissions().mode();
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode | 0o777)).expect("chmod");
    }
}

#[cfg(unix)]
fn chmod_tree(dir: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    for e in walk(dir) {
        let m = if e.is_dir() { 0o777 } else { mode };
        std::fs::set_permissions(&e, std::fs::Permissions::from_mode(m)).expect("chmod");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for e in std::fs::read_dir(dir).expect("ls").flatten() {
        if e.file_type().expect("type").is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn one_unreadable_file_is_its_own_finding_and_everything_else_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let dir = sample(&env);
    open_up(&env.root);
    chmod_tree(&env.root, 0o666);
    let secret = dir.join("risalah/tng-2026-mpp-prima.yaml");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let d = dir.to_str().expect("utf-8");
    let run = |args: &[&str]| as_nobody(env.cmd(args)).output().expect("run");

    for lang in ["id", "en"] {
        let o = run(&["check", d, "--format", "json", "--lang", lang]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let mine: Vec<&serde_json::Value> = json["temuan"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|d| {
                d["berkas"]
                    .as_str()
                    .is_some_and(|f| f.ends_with("mpp-prima.yaml"))
            })
            .collect();
        assert_eq!(mine.len(), 1, "{json}");
        assert_eq!(mine[0]["kode"], "T001");
        let words = if lang == "id" {
            "izin ditolak"
        } else {
            "permission denied"
        };
        assert!(
            mine[0]["pesan"].as_str().expect("msg").contains(words),
            "{json}"
        );
        assert_eq!(json["berkas"], 16, "every other file checked");
    }
    let o = run(&[d, "--summary", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("mpp-prima.yaml"));
    // The demo journals score the unreadable entry too: those lines name an entry the
    // competition no longer has, so the ranking is published only when asked to be partial.
    let o = run(&["rank", d, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let o = run(&["rank", d, "--allow-partial", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("RSUD Tirta Husada"));
    let o = run(&[
        "score",
        d,
        "--juri",
        "juri-1",
        "--risalah",
        "tng-2026-rsud-sigap",
        "--kriteria",
        "L1",
        "--nilai",
        "4",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    // 9: a file recorded as unreadable is read again once it can be, even with the same stat.
    let search = |q: &str| {
        let o = run(&["search", q, "--in", d, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        json["hasil"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let mtime = std::fs::metadata(&secret)
        .expect("stat")
        .modified()
        .expect("mtime");
    assert!(!search("mpp").contains(&"tng-2026-mpp-prima".to_string()));
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    assert_eq!(
        std::fs::metadata(&secret)
            .expect("stat")
            .modified()
            .expect("mtime"),
        mtime
    );
    assert!(search("mpp").contains(&"tng-2026-mpp-prima".to_string()));
}

#[cfg(unix)]
#[test]
fn two_names_that_look_alike_when_lossy_are_two_files_in_the_index() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let dir = env.path("arsip");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (byte, id) in [(0xffu8, "kembar-ff"), (0xfe, "kembar-fe")] {
        let mut name = b"kembar-".to_vec();
        name.push(byte);
        name.extend(b".yaml");
        let path = dir.join(std::ffi::OsStr::from_bytes(&name));
        std::fs::write(path, entry_as(id)).expect("write");
    }
    let d = dir.to_str().expect("utf-8");
    for round in 0..3 {
        let o = env.run(&["search", "depo farmasi", "--in", d, "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(json["total"], 2, "round {round}: {json}");
        let o = env.run(&["index", "--in", d, "--lang", "en"]);
        let out = text(&o.stdout);
        assert!(
            out.contains(
                "2 risalah indexed from 2 files (0 new, 0 changed, 0 removed, 2 unchanged)"
            ),
            "round {round}: {out}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 6. standard output

#[cfg(unix)]
#[test]
fn a_full_disk_on_stdout_is_exit_2_and_a_closed_pipe_is_a_quiet_success() {
    let env = Env::new();
    let dir = sample(&env);
    let d = dir.to_str().expect("utf-8");
    let commands: Vec<Vec<&str>> = vec![
        vec!["rank", d],
        vec!["search", "antrean", "--in", d],
        vec!["verify", d],
        vec!["progress", d],
        vec!["explain", "T201"],
        vec!["new"],
        vec!["check", d],
        vec!["index", "--in", d],
        vec![d, "--summary"],
        vec![
            "score",
            d,
            "--juri",
            "juri-1",
            "--risalah",
            "tng-2026-rsud-sigap",
            "--kriteria",
            "L1",
            "--nilai",
            "4",
        ],
    ];
    for args in &commands {
        let full = std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = env
            .cmd(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        let err = text(&o.stderr);
        assert_eq!(
            err.lines()
                .filter(|l| l.starts_with("tulta:") && l.contains("keluaran standar"))
                .count(),
            1,
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");

        // A reader that reads nothing and goes away.
        let mut child = env
            .cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait");
        // Quiet success; or, when the whole output fitted in the pipe before it closed, the
        // command's own status.
        let normal = env.run(args).status.code();
        assert!(
            o.status.code() == Some(0) || o.status.code() == normal,
            "{args:?}: {:?} {}",
            o.status,
            text(&o.stderr)
        );
        assert!(
            text(&o.stderr)
                .lines()
                .all(|l| !l.contains("keluaran standar")),
            "{}",
            text(&o.stderr)
        );
        assert!(!text(&o.stderr).contains("panicked"), "{}", text(&o.stderr));
    }
}

// ---------------------------------------------------------------------------------------------
// 7. a damaged index

/// Deterministic noise, so a failure can be replayed.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn hits(o: &Output) -> (u64, Vec<String>) {
    let json: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", text(&o.stdout), text(&o.stderr)));
    let mut ids: Vec<String> = json["hasil"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().unwrap_or("").to_string())
        .collect();
    ids.sort();
    (json["total"].as_u64().expect("total"), ids)
}

/// The folder holding the live index's files.
fn live_index(env: &Env) -> PathBuf {
    let base = env.path("cache/index");
    let key = std::fs::read_dir(&base)
        .expect("ls")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_none() && !p.to_string_lossy().contains(".g"))
        .expect("index key");
    std::fs::canonicalize(key).expect("live index")
}

#[test]
fn random_bytes_in_any_kind_of_index_file_lead_to_a_rebuild_not_a_panic() {
    let env = Env::new();
    let dir = sample(&env);
    let d = dir.to_str().expect("utf-8");
    let queries = ["waktu tunggu", "\"waktu tunggu\"", "opd:rsud", "pendaftarn"];
    let answer = |q: &str| {
        let o = env.run(&["search", q, "--in", d, "--format", "json", "--limit", "50"]);
        (o.status.code(), hits(&o), text(&o.stderr))
    };
    let expected: Vec<(u64, Vec<String>)> = queries.iter().map(|q| answer(q).1).collect();
    assert!(expected.iter().all(|(n, _)| *n > 0), "{expected:?}");
    let kinds = [
        ".term",
        ".idx",
        ".pos",
        ".store",
        ".fast",
        ".fieldnorm",
        "meta.json",
        ".managed.json",
        "tulta-files",
        "tulta-schema",
    ];
    for (k, kind) in kinds.iter().enumerate() {
        let o = env.run(&["index", "--in", d, "--rebuild"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let hit = damage(&env, kind, k as u64 + 7);
        assert!(hit > 0, "no {kind} file in the index");
        for (q, want) in queries.iter().zip(&expected) {
            let (code, got, err) = answer(q);
            assert_eq!(code, Some(0), "{kind} / {q}: {err}");
            assert_eq!(&got, want, "{kind} / {q}: {err}");
            assert!(!err.contains("panicked"), "{kind}: {err}");
            assert!(err.lines().count() <= 1, "{kind}: one line at most: {err}");
        }
        let o = env.run(&["index", "--in", d]);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", text(&o.stderr));
    }
}

/// Every 50th byte of each `kind` file of the live index changed, its footer left whole.
fn damage(env: &Env, kind: &str, seed: u64) -> usize {
    let mut hit = 0;
    for f in walk(&live_index(env)) {
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if f.is_file() && name.ends_with(kind) {
            let mut bytes = std::fs::read(&f).expect("read");
            if kind.starts_with('.') && !kind.ends_with(".json") {
                // A segment file: tantivy opens it and meets the damage while reading it
                // (where it used to panic).
                let body = bytes.len().saturating_sub(200).max(1);
                let n = noise(body, seed);
                for i in (0..body.min(bytes.len())).step_by(50) {
                    bytes[i] ^= n[i] | 1;
                }
            } else {
                bytes = noise(bytes.len().max(16), seed);
            }
            std::fs::write(&f, bytes).expect("corrupt");
            hit += 1;
        }
    }
    hit
}

#[test]
fn the_app_searches_a_damaged_index_after_rebuilding_it_and_quits_cleanly() {
    let env = Env::new();
    let dir = sample(&env);
    let d = dir.to_str().expect("utf-8");
    let o = env.run(&["index", "--in", d]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(damage(&env, ".idx", 11) + damage(&env, ".term", 12) > 0);
    for lang in ["id", "en"] {
        let mut screen = common::Term::start(
            &[d, "--lang", lang, "--juri", "juri-1"],
            &env.root,
            &[
                ("TULTA_CACHE_DIR", &env.path("cache")),
                ("TULTA_CONFIG_DIR", &env.path("config")),
                ("TULTA_DATA_DIR", &env.path("data")),
            ],
            80,
            24,
        );
        screen.wait_for("(8 OPD, 5 kelurahan)");
        screen.send("c");
        screen.send("farmasi");
        let shown = screen.wait_for(if lang == "id" { "cocok dari" } else { "match" });
        assert!(shown.contains("RSUD"), "{shown}");
        screen.send("\x03");
        assert!(screen.wait_exit().success());
    }
}

// ---------------------------------------------------------------------------------------------
// 8. concurrent indexing

#[test]
fn a_search_during_a_first_build_or_a_rebuild_never_answers_from_an_empty_index() {
    let env = Env::new();
    let dir = env.path("arsip");
    std::fs::create_dir_all(&dir).expect("mkdir");
    // Enough files that a build takes a while in a debug build.
    let n = 400;
    for i in 0..n {
        std::fs::write(
            dir.join(format!("r{i:04}.yaml")),
            entry_as(&format!("r{i:04}")),
        )
        .expect("write");
    }
    let d = dir.to_str().expect("utf-8");
    for first in [
        vec!["index", "--in", d],
        vec!["index", "--in", d, "--rebuild"],
    ] {
        let mut builder = env
            .cmd(&first)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // Let the builder take the lock first.
        std::thread::sleep(Duration::from_millis(150));
        let searcher = env.run(&["search", "farmasi", "--in", d, "--format", "json"]);
        let indexer = env.run(&["index", "--in", d, "--lang", "en"]);
        assert!(builder.wait().expect("wait").success());
        assert_eq!(
            searcher.status.code(),
            Some(0),
            "{}",
            text(&searcher.stderr)
        );
        assert_eq!(
            hits(&searcher).0,
            n,
            "{first:?}: {}",
            text(&searcher.stderr)
        );
        let out = text(&indexer.stdout);
        assert!(
            out.starts_with(&format!("{n} risalah indexed")),
            "{first:?}: {out}{}",
            text(&indexer.stderr)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 10. the cheap freshness sweep stays correct

#[test]
fn the_freshness_sweep_sees_edits_in_place_additions_and_deletions_in_subfolders() {
    let env = Env::new();
    let dir = env.path("arsip");
    for (i, sub) in ["2024", "2025/a", "2025/b"].iter().enumerate() {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
        for j in 0..3 {
            let id = format!("r{i}{j}");
            std::fs::write(dir.join(sub).join(format!("{id}.yaml")), entry_as(&id)).expect("write");
        }
    }
    let d = dir.to_str().expect("utf-8");
    let ids = |q: &str| {
        let o = env.run(&["search", q, "--in", d, "--format", "json", "--limit", "50"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        hits(&o).1
    };
    assert_eq!(ids("farmasi").len(), 9);
    assert_eq!(
        ids("farmasi").len(),
        9,
        "unchanged: answered from the index as is"
    );

    // An edit in place that keeps the size: only the mtime tells.
    let edited = dir.join("2025/b/r21.yaml");
    let before = std::fs::read_to_string(&edited).expect("read");
    let after = before.replacen("judul: Menurunkan", "judul: Qwertyuiop", 1);
    assert_ne!(before, after);
    assert_eq!(before.len(), after.len());
    assert!(ids("qwertyuiop").is_empty());
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&edited, after).expect("write");
    assert_eq!(ids("qwertyuiop"), ["r21"]);

    // A new file deep down, and a deleted one elsewhere.
    std::fs::create_dir_all(dir.join("2025/a/baru")).expect("mkdir");
    std::fs::write(dir.join("2025/a/baru/r99.yaml"), entry_as("r99")).expect("write");
    std::fs::remove_file(dir.join("2024/r00.yaml")).expect("rm");
    let now = ids("farmasi");
    assert!(
        now.contains(&"r99".to_string()) && !now.contains(&"r00".to_string()),
        "{now:?}"
    );
    let o = env.run(&["index", "--in", d, "--lang", "en"]);
    assert!(
        text(&o.stdout).starts_with(
            "9 risalah indexed from 9 files (0 new, 0 changed, 0 removed, 9 unchanged)"
        ),
        "{}",
        text(&o.stdout)
    );

    // Names that sort between a folder's files in the files list ('-' and '.' before '/', '0'
    // after): the sweep walks each folder's own rows, so these must neither hide nor be hidden.
    for name in ["2025-x", "2025", "20250"] {
        std::fs::write(dir.join(format!("{name}.yaml")), entry_as(name)).expect("write");
    }
    assert_eq!(ids("farmasi").len(), 12);
    let unchanged = |n: usize| {
        let o = env.run(&["index", "--in", d, "--lang", "en"]);
        let want = format!(
            "{n} risalah indexed from {n} files (0 new, 0 changed, 0 removed, {n} unchanged)"
        );
        assert!(text(&o.stdout).starts_with(&want), "{}", text(&o.stdout));
    };
    unchanged(12);

    // A whole folder gone (none of its rows is listed anywhere), then a rename within a folder.
    std::fs::remove_dir_all(dir.join("2025/b")).expect("rm -r");
    let now = ids("farmasi");
    assert_eq!(now.len(), 9, "{now:?}");
    assert!(!now.contains(&"r21".to_string()), "{now:?}");
    unchanged(9);
    std::fs::rename(
        dir.join("2025/a/r10.yaml"),
        dir.join("2025/a/r10-baru.yaml"),
    )
    .expect("mv");
    assert_eq!(ids("farmasi").len(), 9);
    let o = env.run(&["index", "--in", d, "--lang", "en"]);
    assert!(
        text(&o.stdout).contains("(0 new, 0 changed, 0 removed, 9 unchanged)"),
        "the rename was taken in by the search before: {}",
        text(&o.stdout)
    );
    let o = env.run(&[
        "search", "farmasi", "--in", d, "--format", "json", "--limit", "50",
    ]);
    assert!(
        text(&o.stdout).contains("r10-baru.yaml"),
        "{}",
        text(&o.stdout)
    );
}
