//! Every file tulta reads is bounded and regular (issue 27): FIFOs, links to `/dev/zero`, huge
//! files and endless standard input met on every path a file comes in by — a competition's
//! `jurnal/`, the data folder, `--jejak`, `score --stdin`, the config, a named journal. Each run is
//! the real binary, timed, with its peak memory read from the kernel (`wait4`): a hang fails the
//! test after a few seconds instead of hanging it.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop on the spot

use std::io::Read;
mod common;

use common::Env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The most a refusal may take, and the most memory it may use.
const FAST: Duration = Duration::from_secs(2);
const SMALL_KIB: i64 = 100 * 1024;

/// Only this file's tests need the seeded data folder.
impl Env {
    /// The competition's folder in the data folder, made by a first `rank` (which seeds it with
    /// the sample's demo journals).
    fn seeded_data(&self) -> PathBuf {
        let o = run(self.cmd(&["rank", "lomba"]), Stdio::null());
        assert_eq!(o.code, Some(0), "{}", o.stderr);
        let dir = self.path("data/lomba-budaya-kerja-2026-tirtanagara");
        assert!(dir.join("juri-1.jsonl").is_file(), "seeded");
        dir
    }
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let c = std::ffi::CString::new(path.to_str().expect("utf-8")).expect("cstr");
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

fn link_to_zero(path: &Path) {
    let _ = std::fs::remove_file(path);
    std::os::unix::fs::symlink("/dev/zero", path).expect("symlink");
}

/// A sparse file of 2 GiB: no disk, but a size no reader may trust.
fn huge(path: &Path) {
    let _ = std::fs::remove_file(path);
    std::fs::File::create(path)
        .expect("create")
        .set_len(2 << 30)
        .expect("set_len");
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    peak_kib: i64,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs the binary, kills it if it is not done in 10 s, and reads its peak resident memory.
// Reaped by `wait4` below, which also reports its peak memory: `Child::wait` cannot.
#[allow(clippy::zombie_processes)]
fn run(mut cmd: Command, stdin: Stdio) -> Run {
    cmd.stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn");
    let drain = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|r| Box::new(r) as Box<dyn Read + Send>),
    );
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut hung = false;
    loop {
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if start.elapsed() > Duration::from_secs(10) && !hung {
            hung = true;
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    let run = Run {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stdout: out.join().expect("stdout"),
        stderr: err.join().expect("stderr"),
        elapsed,
        // Linux counts KiB, macOS bytes.
        peak_kib: if cfg!(target_os = "macos") {
            usage.ru_maxrss / 1024
        } else {
            usage.ru_maxrss
        },
    };
    assert!(!hung, "hung, killed after 10 s: {}", run.all());
    run
}

/// Refused fast, small, with exit 1 or 2 and a message naming `name`.
fn assert_refused(what: &str, o: &Run, name: &str) {
    assert!(
        matches!(o.code, Some(1 | 2)),
        "{what}: exit {:?}: {}",
        o.code,
        o.all()
    );
    assert!(o.elapsed < FAST, "{what}: took {:?}", o.elapsed);
    assert!(
        o.peak_kib < SMALL_KIB,
        "{what}: peak memory {} KiB",
        o.peak_kib
    );
    assert!(
        o.all().contains(name),
        "{what}: does not name {name}: {}",
        o.all()
    );
}

#[test]
fn a_fifo_or_a_link_to_dev_zero_in_a_competitions_jurnal_folder_is_refused_by_every_judging_command(
) {
    let env = Env::new();
    env.sample();
    let fifo = env.path("lomba/jurnal/juri-9.jsonl");
    let key = env.path("lomba/jurnal/juri-9.key");
    let commands: [&[&str]; 4] = [
        &["rank", "lomba"],
        &["verify", "lomba"],
        &["progress", "lomba"],
        &[
            "score",
            "lomba",
            "--juri",
            "juri-1",
            "--risalah",
            "x",
            "--kriteria",
            "L1",
            "--nilai",
            "3",
        ],
    ];
    mkfifo(&fifo);
    for args in commands {
        let o = run(env.cmd(args), Stdio::null());
        assert_refused(&format!("FIFO, {args:?}"), &o, "juri-9.jsonl");
        assert!(o.stderr.contains("FIFO"), "{}", o.stderr);
    }
    std::fs::remove_file(&fifo).expect("rm");
    link_to_zero(&key);
    for args in commands {
        let o = run(env.cmd(args), Stdio::null());
        assert_refused(&format!("/dev/zero, {args:?}"), &o, "juri-9.key");
    }
}

#[test]
fn a_fifo_or_a_link_in_the_data_folder_is_refused_and_the_judge_not_counted() {
    let env = Env::new();
    let lomba = env.sample();
    // juri-1's key pinned in the data folder (by its first journal), not in lomba.yaml.
    let yaml = std::fs::read_to_string(lomba.join("lomba.yaml")).expect("read");
    let unpinned = yaml.replacen(
        ",\n     kunci: \"ed25519:CktYbvqkbaGGU20JOZPGGbdOozy3RiZXP0HS6+0uw8U=\"}",
        "}",
        1,
    );
    assert_ne!(unpinned, yaml);
    std::fs::write(lomba.join("lomba.yaml"), unpinned).expect("write");
    // Unpinning a judge in lomba.yaml changes the sample's rules (spec §11): recorded, as its
    // coordinator would, before anything is ranked.
    let o = run(
        env.cmd(&[
            "aturan",
            "lomba",
            "--ubah",
            "--alasan",
            "kunci juri-1 di folder data",
        ]),
        Stdio::null(),
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let data = env.seeded_data();
    assert!(data.join("juri-1.kunci").is_file(), "pinned by the seeding");
    // A journal or a head that is a FIFO or 2 GiB, a pinned key linked to /dev/zero.
    for (file, make) in [
        ("juri-1.jsonl", mkfifo as fn(&Path)),
        ("juri-1.jsonl", huge),
        ("juri-1.head", mkfifo),
        ("juri-1.head", huge),
        ("juri-1.kunci", link_to_zero),
    ] {
        let path = data.join(file);
        let saved = std::fs::read(&path).ok();
        make(&path);
        for args in [&["rank", "lomba"][..], &["verify", "lomba"]] {
            let o = run(env.cmd(args), Stdio::null());
            assert_refused(&format!("{file}, {args:?}"), &o, file);
        }
        std::fs::remove_file(&path).expect("rm");
        if let Some(bytes) = saved {
            std::fs::write(&path, bytes).expect("restore");
        }
    }
    // The judge's private key linked to /dev/zero: scoring refuses it, and names it.
    let key = data.join("juri-1.key");
    link_to_zero(&key);
    let o = run(
        env.cmd(&[
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
        ]),
        Stdio::null(),
    );
    assert_refused("a key linked to /dev/zero", &o, "juri-1.key");
}

#[cfg(target_os = "linux")]
#[test]
fn a_private_key_that_is_a_link_is_refused_and_its_target_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.sample();
    let data = env.seeded_data();
    // The key moved elsewhere, readable by others, and a link left in its place.
    let key = data.join("juri-1.key");
    let elsewhere = env.path("elsewhere.key");
    std::fs::rename(&key, &elsewhere).expect("mv");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    std::os::unix::fs::symlink(&elsewhere, &key).expect("symlink");
    let o = run(
        env.cmd(&["kunci", "lomba", "--juri", "juri-1"]),
        Stdio::null(),
    );
    assert_refused("a key that is a link", &o, "juri-1.key");
    let mode = std::fs::metadata(&elsewhere)
        .expect("stat")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "the link's target was not chmod-ed");
}

#[test]
fn jejak_that_is_a_fifo_dev_zero_or_huge_is_refused_fast() {
    let env = Env::new();
    env.sample();
    let jejak = env.path("peringkat.json");
    for (what, make) in [
        ("FIFO", mkfifo as fn(&Path)),
        ("/dev/zero", link_to_zero),
        ("2 GiB", huge),
    ] {
        make(&jejak);
        let o = run(
            env.cmd(&["verify", "lomba", "--jejak", "peringkat.json"]),
            Stdio::null(),
        );
        assert_refused(what, &o, "peringkat.json");
    }
    let o = run(
        env.cmd(&[
            "verify",
            "lomba",
            "--jejak",
            "peringkat.json",
            "--lang",
            "en",
        ]),
        Stdio::null(),
    );
    assert!(o.stderr.contains("64 MiB"), "names the limit: {}", o.stderr);
}

#[test]
fn score_stdin_from_dev_zero_or_with_an_endless_line_is_refused_naming_the_line() {
    let env = Env::new();
    env.sample();
    let args = [
        "score", "lomba", "--juri", "juri-1", "--stdin", "--lang", "en",
    ];
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let o = run(env.cmd(&args), Stdio::from(zero));
    assert_refused("/dev/zero on stdin", &o, "stdin line 1");
    assert!(o.stderr.contains("longer than"), "{}", o.stderr);

    // A good line, then one longer than any real line: the second is named.
    let input = env.path("nilai.txt");
    std::fs::write(&input, format!("# comment\n{}\n", "x".repeat(1 << 20))).expect("write");
    let o = run(
        env.cmd(&args),
        Stdio::from(std::fs::File::open(&input).expect("open")),
    );
    assert_refused("a 1 MiB line", &o, "stdin line 2");
}

#[test]
fn a_config_that_is_a_fifo_dev_zero_or_huge_is_refused_fast_naming_it() {
    let env = Env::new();
    let risalah = env.path("r.yaml");
    std::fs::write(&risalah, include_str!("fixtures/bersih.yaml")).expect("write");
    let config = env.path("config/config.yaml");
    for (what, make) in [
        ("FIFO", mkfifo as fn(&Path)),
        ("/dev/zero", link_to_zero),
        ("2 GiB", huge),
    ] {
        make(&config);
        let o = run(env.cmd(&["check", "r.yaml", "--lang", "en"]), Stdio::null());
        assert!(o.elapsed < FAST, "{what}: took {:?}", o.elapsed);
        assert!(o.peak_kib < SMALL_KIB, "{what}: {} KiB", o.peak_kib);
        assert!(o.stderr.contains("config.yaml"), "{what}: {}", o.stderr);
        // Not a slip of the pen (a broken YAML config is still warned about and ignored): a
        // special or huge file where the config belongs stops every command, saying which.
        assert_eq!(o.code, Some(2), "{what}: {}", o.all());
    }
    assert!(
        run(env.cmd(&["check", "r.yaml", "--lang", "en"]), Stdio::null())
            .stderr
            .contains("256 KiB"),
        "names the limit"
    );
}

#[test]
fn a_named_journal_of_two_gib_is_refused_with_its_limit_not_read_as_intact() {
    let env = Env::new();
    let big = env.path("big.jsonl");
    huge(&big);
    let o = run(
        env.cmd(&["verify", "big.jsonl", "--lang", "en"]),
        Stdio::null(),
    );
    assert_refused("2 GiB of NUL", &o, "big.jsonl");
    assert!(o.stderr.contains("256 MiB"), "{}", o.stderr);
    assert!(!o.stdout.contains("intact"), "{}", o.stdout);
}
