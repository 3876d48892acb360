//! What users expect of a command-line tool, through the real binary: completions, a man page,
//! colour by the conventions, "did you mean", help with examples in the user's language, no
//! English in an Indonesian run, a lenient config, a log and a panic report that names it, and
//! folders synced after a new file is made in them.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test conventions`): a split would only add binaries to build, not separate jobs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop on the spot

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CLEAN: &str = include_str!("fixtures/bersih.yaml");

/// A sandbox: its own working folder (no ./reports, so the built-in sample is used) and its own
/// config, data, cache and state folders.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("tmp");
        for sub in ["work", "config", "data", "cache", "state"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        }
        Sandbox { dir }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tulta"));
        c.args(args)
            .current_dir(self.path("work"))
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("TULTA_LOG")
            .env("TULTA_CONFIG_DIR", self.path("config"))
            .env("TULTA_DATA_DIR", self.path("data"))
            .env("TULTA_CACHE_DIR", self.path("cache"))
            .env("TULTA_STATE_DIR", self.path("state"));
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run tulta")
    }

    fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write");
        child.wait_with_output().expect("wait")
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.dir.path().join(rel), text).expect("write");
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn completions_for_bash_zsh_and_fish_are_generated_and_bash_loads_them() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = s.run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", err(&o));
        let text = out(&o);
        assert!(text.contains("tulta") && text.contains("check"), "{shell}");
    }
    let script = s.path("tulta.bash");
    std::fs::write(&script, out(&s.run(&["completions", "bash"]))).expect("write");
    let syntax = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash");
    assert!(syntax.status.success(), "{}", err(&syntax));
    // Loaded for real, the function answers a completion request with the subcommands.
    let probe = format!(
        "source {}; COMP_WORDS=(tulta ch); COMP_CWORD=1; COMP_LINE='tulta ch'; COMP_POINT=8; \
         _tulta tulta ch tulta; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let loaded = Command::new("bash")
        .arg("-c")
        .arg(probe)
        .output()
        .expect("bash");
    assert!(
        out(&loaded).lines().any(|l| l == "check"),
        "{}{}",
        out(&loaded),
        err(&loaded)
    );
    assert_eq!(s.run(&["completions", "tcsh"]).status.code(), Some(2));
}

/// `man` comes from man-db; where it is missing the page is still checked for its roff
/// structure, and the test says that it skipped the rendering.
#[test]
fn the_man_page_renders_with_man() {
    let s = Sandbox::new();
    let o = s.run(&["man", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let page = out(&o);
    assert!(
        page.starts_with(".ie") || page.contains(".TH tulta"),
        "{page}"
    );
    let path = s.path("tulta.1");
    std::fs::write(&path, &page).expect("write");
    let o = s.run(&["man", "--dir", s.path("man1").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(s.path("man1/tulta-check.1").is_file());
    let man = Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(&path)
        .env("MANWIDTH", "80")
        .output();
    match man {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "SKIPPED: `man` is not installed (apt-get install man-db); roff checked only"
            );
        }
        Err(e) => panic!("man: {e}"),
        Ok(m) => {
            assert!(m.status.success(), "{}", err(&m));
            let text = out(&m);
            assert!(text.contains("NAME") && text.contains("tulta"), "{text}");
            assert!(
                text.contains("completions") && text.contains("Examples:"),
                "{text}"
            );
        }
    }
}

fn coloured(o: &Output) -> bool {
    o.stdout.contains(&0x1b)
}

#[test]
fn colour_follows_the_flag_no_color_and_clicolor_force() {
    let s = Sandbox::new();
    s.write("work/x.yaml", &CLEAN.replace("total: 50", "total: 51"));
    let check = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = s.command(&[&["check", "x.yaml"], args].concat());
        for (k, v) in env {
            c.env(k, v);
        }
        coloured(&c.output().expect("run"))
    };
    assert!(!check(&[], &[]), "a pipe is not a terminal: no colour");
    assert!(check(&["--color", "always"], &[]));
    assert!(
        check(&["--color=always"], &[("NO_COLOR", "1")]),
        "the flag wins"
    );
    assert!(!check(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(check(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!check(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(
        check(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]),
        "an empty NO_COLOR does not count"
    );
    assert!(!check(&[], &[("CLICOLOR_FORCE", "0")]));
    let o = s.run(&["check", "x.yaml", "--color", "sometimes"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_mistyped_command_is_suggested_not_opened_as_a_path() {
    let s = Sandbox::new();
    let o = s.run(&["chek"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("maksud Anda `tulta check`?"),
        "{}",
        err(&o)
    );
    let o = s.run(&["--lang", "en", "serch", "antrean"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("did you mean `tulta search`?"),
        "{}",
        err(&o)
    );
    // A real folder of that name is opened, not second-guessed.
    std::fs::create_dir_all(s.path("work/chek")).expect("mkdir");
    let o = s.run(&["chek", "--summary"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

const SUBCOMMANDS: [&str; 15] = [
    "check",
    "explain",
    "score",
    "rank",
    "verify",
    "kunci",
    "progress",
    "import",
    "index",
    "search",
    "draft",
    "new",
    "completions",
    "man",
    "help",
];

#[test]
fn every_subcommands_help_has_examples_and_exit_statuses_in_the_users_language() {
    let s = Sandbox::new();
    for sub in SUBCOMMANDS {
        let id = out(&s.run(&[sub, "--help"]));
        assert!(id.contains("Contoh:\n  tulta"), "{sub}: {id}");
        assert!(id.contains("Status keluar:"), "{sub}: {id}");
        assert!(
            id.contains("Pemakaian:") && id.contains("Opsi:"),
            "{sub}: {id}"
        );
        assert!(id.contains("Tampilkan bantuan"), "{sub}: {id}");
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Print help",
            "Examples:",
        ] {
            assert!(!id.contains(english), "{sub}: `{english}` in {id}");
        }
        let en = out(&s.run(&[sub, "--help", "--lang", "en"]));
        assert!(
            en.contains("Examples:\n  tulta") && en.contains("Exit status:"),
            "{sub}: {en}"
        );
    }
    let top = out(&s.run(&["--help"]));
    assert!(
        top.contains("Perintah:") && top.contains("Periksa berkas risalah"),
        "{top}"
    );
    // The config's language chooses the help too.
    s.write("config/config.yaml", "bahasa: en\n");
    let top = out(&s.run(&["--help"]));
    assert!(
        top.contains("Commands:") && top.contains("Examples:"),
        "{top}"
    );
    let o = s.run(&["help", "rank"]);
    assert!(out(&o).contains("--metode"), "{}", out(&o));
}

/// Words that mark English text; none is an Indonesian word.
const ENGLISH: &[&str] = &[
    "the",
    "no",
    "such",
    "file",
    "directory",
    "unknown",
    "give",
    "expected",
    "line",
    "is",
    "not",
    "number",
    "theme",
    "error",
    "usage",
    "cannot",
    "invalid",
    "value",
    "argument",
    "mean",
    "did",
    "binary",
    "found",
    "or",
    "and",
    "of",
    "use",
    "missing",
    "print",
    "options",
    "language",
];

fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

#[test]
fn indonesian_runs_say_nothing_in_english() {
    let s = Sandbox::new();
    s.write(
        "work/x.yaml",
        &CLEAN.replace("persen: 60.0", "persen: 61.3"),
    );
    let runs: Vec<(Vec<&str>, Option<&str>, i32)> = vec![
        (vec!["score", "--juri", "juri-1"], None, 2),
        (
            vec!["score", "--juri", "juri-1", "--stdin"],
            Some("R1 L1\n"),
            2,
        ),
        (
            vec!["score", "--juri", "juri-1", "--stdin"],
            Some("R1 L1 banyak\n"),
            2,
        ),
        (vec!["rank", "--kategori", "desa"], None, 2),
        (vec!["rank", "--metode", "modus"], None, 2),
        (
            vec![
                "rank",
                "--format",
                "csv",
                "--output",
                "/nonexistent-tulta/x/p.csv",
            ],
            None,
            2,
        ),
        (vec!["import", "lomba.yaml", "hilang.jsonl"], None, 2),
        (vec!["explain", "T999"], None, 2),
        (vec!["check", "x.yaml"], None, 1),
        (vec!["check", "hilang.yaml"], None, 2),
        (vec!["check", "--format", "xml"], None, 2),
        (vec!["--lang", "jawa", "check"], None, 2),
        (vec!["chek"], None, 2),
        (vec!["verify", "hilang.jsonl"], None, 2),
    ];
    for (args, stdin, code) in runs {
        let mut full = args.clone();
        if !args.contains(&"--lang") {
            full.extend(["--lang", "id"]);
        }
        let o = match stdin {
            Some(text) => s.run_with_stdin(&full, text),
            None => s.run(&full),
        };
        // The sandbox's random folder name is no one's language.
        let said =
            format!("{}{}", out(&o), err(&o)).replace(&s.dir.path().display().to_string(), "");
        assert_eq!(o.status.code(), Some(code), "{args:?}: {said}");
        assert!(!said.trim().is_empty(), "{args:?} said nothing");
        let found = english_words(&said);
        assert!(found.is_empty(), "{args:?}: English {found:?} in: {said}");
    }
    let o = s.run(&["check", "x.yaml"]);
    assert!(
        out(&o).contains("tertulis 61,3 tetapi hasil hitung 60,0"),
        "{}",
        out(&o)
    );
    let o = s.run(&["check", "x.yaml", "--lang", "en"]);
    assert!(
        out(&o).contains("stated as 61.3 but computes to 60.0"),
        "{}",
        out(&o)
    );
}

#[test]
fn an_unknown_config_key_is_named_and_the_rest_is_kept() {
    let s = Sandbox::new();
    s.write("config/config.yaml", "keys:\n  quit: x\nbahasa: en\n");
    s.write("work/x.yaml", CLEAN);
    let o = s.run(&["check", "x.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        out(&o).trim(),
        "1 file checked: 0 errors, 0 warnings, 0 info",
        "bahasa kept"
    );
    assert!(
        err(&o).contains("unknown key `keys`, ignored"),
        "{}",
        err(&o)
    );
    let o = s.run(&["check", "x.yaml", "--lang", "id"]);
    assert!(
        err(&o).contains("kunci `keys` tidak dikenal, diabaikan"),
        "{}",
        err(&o)
    );
}

#[test]
fn the_log_is_written_where_the_state_goes_at_the_level_asked() {
    let s = Sandbox::new();
    s.write("work/x.yaml", CLEAN);
    let log = s.path("state/tulta.log");
    let o = s.run(&["check", "x.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(&log).expect("log written");
    assert!(text.contains("start") && text.contains("check"), "{text}");
    assert!(
        !text.contains("checked"),
        "debug lines only when asked: {text}"
    );
    assert!(err(&o).is_empty(), "nothing on stderr without --verbose");
    let o = s
        .command(&["check", "x.yaml"])
        .env("TULTA_LOG", "debug")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&log)
        .expect("log")
        .contains("checked files=1"));
    assert!(err(&o).is_empty());
    let o = s.run(&["check", "x.yaml", "--verbose"]);
    assert!(err(&o).contains("checked files=1"), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), 1, "stdout unchanged: {}", out(&o));
}

/// The deliberate panic exists only in debug builds, which the tests run.
#[test]
fn a_panic_says_where_the_log_is() {
    let s = Sandbox::new();
    let o = s
        .command(&["check"])
        .env("TULTA_DEBUG_PANIC", "1")
        .output()
        .expect("run");
    assert_ne!(o.status.code(), Some(0));
    let log = s.path("state/tulta.log");
    let said = err(&o);
    assert!(
        said.contains("galat internal") && said.contains(&log.display().to_string()),
        "{said}"
    );
    assert!(std::fs::read_to_string(&log)
        .expect("log")
        .contains("panic"));
}

/// Runs tulta under strace and returns (the folders opened, with their descriptors, and the
/// descriptors synced), or None where strace cannot run here.
/// Folders opened (path, descriptor) and descriptors fsynced, from one traced run.
type Trace = (Vec<(String, String)>, Vec<String>);

fn traced(s: &Sandbox, args: &[&str]) -> Option<Trace> {
    let trace = s.path("trace.txt");
    let c = s.command(&[]);
    let tulta = env!("CARGO_BIN_EXE_tulta");
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-e", "trace=openat,fsync", "-o"])
        .arg(&trace)
        .arg(tulta)
        .args(args)
        .current_dir(s.path("work"));
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    // strace itself may be barred from tracing (no ptrace in some containers): then skip.
    let probe = Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        eprintln!("SKIPPED: strace could not trace here: {}", err(&probe));
        return None;
    }
    let o = cmd.output().expect("strace");
    assert!(o.status.success(), "{args:?}: {}", err(&o));
    let text = std::fs::read_to_string(&trace).expect("trace");
    let mut opened = Vec::new();
    let mut synced = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.split("openat(AT_FDCWD, \"").nth(1) {
            let (path, tail) = rest.split_once('"').unwrap_or_default();
            if let Some(fd) = tail.rsplit("= ").next() {
                opened.push((path.to_string(), fd.trim().to_string()));
            }
        } else if let Some(rest) = line.split("fsync(").nth(1) {
            synced.push(rest.split(')').next().unwrap_or_default().to_string());
        }
    }
    Some((opened, synced))
}

fn folder_synced(opened: &[(String, String)], synced: &[String], folder: &Path) -> bool {
    let folder = folder.display().to_string();
    opened
        .iter()
        .any(|(p, fd)| p.trim_end_matches('/') == folder && synced.contains(fd))
}

#[test]
fn new_journals_and_exports_have_their_folder_synced() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("SKIPPED: strace is not installed");
        return;
    }
    let s = Sandbox::new();
    let Some((opened, synced)) = traced(
        &s,
        &[
            "rank",
            "--format",
            "csv",
            "--output",
            s.path("work/p.csv").to_str().unwrap(),
        ],
    ) else {
        return;
    };
    assert!(
        folder_synced(&opened, &synced, &s.path("work")),
        "export folder not synced: {opened:?} {synced:?}"
    );
    let Some((opened, synced)) = traced(
        &s,
        &[
            "score",
            "--juri",
            "juri-1",
            "--risalah",
            "tng-2026-karangsari-guyub",
            "--kriteria",
            "L1",
            "--nilai",
            "3",
        ],
    ) else {
        return;
    };
    let journal_dir = std::fs::read_dir(s.path("data"))
        .expect("data")
        .map(|e| e.expect("entry").path())
        .find(|p| p.join("juri-1.jsonl").is_file())
        .expect("juri-1's journal");
    assert!(
        folder_synced(&opened, &synced, &journal_dir),
        "journal folder not synced: {opened:?} {synced:?}"
    );
}

#[test]
fn juri_is_remembered_in_the_config_and_a_bad_theme_is_said_in_indonesian() {
    let s = Sandbox::new();
    common::competition_copy(&s.path("work/lomba"), &s.path("data"));
    s.write("config/config.yaml", "# dibuat tangan\ntetikus: true\n");
    let (data, config, cache, state) = (
        s.path("data"),
        s.path("config"),
        s.path("cache"),
        s.path("state"),
    );
    let env = [
        ("TULTA_DATA_DIR", data.as_path()),
        ("TULTA_CONFIG_DIR", config.as_path()),
        ("TULTA_CACHE_DIR", cache.as_path()),
        ("TULTA_STATE_DIR", state.as_path()),
    ];
    let mut term = common::Term::start(
        &["lomba", "--juri", "juri-1", "--theme", "nope"],
        &s.path("work"),
        &env,
        80,
        24,
    );
    let screen = term.wait_for("tidak ada tema `nope`");
    assert!(!screen.contains("no theme"), "{screen}");
    term.send("q");
    assert!(term.wait_exit().success());
    let text = std::fs::read_to_string(s.path("config/config.yaml")).expect("config");
    assert_eq!(
        text, "# dibuat tangan\ntetikus: true\njuri: juri-1\n",
        "only the judge's line is added"
    );
}

/// The program's source files (not its tests), each with the text before its `#[cfg(test)]` module.
fn program_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("src"), root.join("crates/tulta-core/src")];
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("ls").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                let program = text
                    .split("#[cfg(test)]\nmod tests")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                out.push((path, program));
            }
        }
    }
    out
}

#[test]
fn every_file_is_read_through_the_one_reader() {
    // The one module that opens files for reading: regular files only, bounded, links refused
    // where tulta keeps its own files (crates/tulta-core/src/files/).
    let allowed = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/tulta-core/src/files");
    let direct = [
        "fs::read(",
        "fs::read_to_string(",
        "File::open(",
        ".read(true)",
        ".lines()",
        "io::stdin().read",
        "read_to_end(",
    ];
    let sources = program_sources();
    assert!(sources.len() > 50, "found the sources");
    let mut found = Vec::new();
    for (path, text) in &sources {
        if path.starts_with(&allowed) {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for pattern in direct {
                // `str::lines()` on text already in memory is not a read.
                if pattern == ".lines()" && !code.contains("stdin") {
                    continue;
                }
                if code.contains(pattern) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "read through tulta_core::files::read instead:\n{}",
        found.join("\n")
    );
}
