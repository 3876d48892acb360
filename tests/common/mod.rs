//! Running the real binary in a pseudo-terminal and reading its screen, for the end-to-end tests.

#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, PtyPair, PtySize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Term {
    pub pair: PtyPair,
    pub child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    keys: Box<dyn Write + Send>,
}

impl Term {
    /// Starts tulta with `args` in `cwd` on a `cols`x`rows` terminal, with `env` set.
    pub fn start(args: &[&str], cwd: &Path, env: &[(&str, &Path)], cols: u16, rows: u16) -> Term {
        Term::start_program(env!("CARGO_BIN_EXE_tulta"), args, cwd, env, cols, rows)
    }

    /// [`Term::start`] for another program (a shell that runs tulta as a job).
    pub fn start_program(
        program: &str,
        args: &[&str],
        cwd: &Path,
        env: &[(&str, &Path)],
        cols: u16,
        rows: u16,
    ) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        // A test's own TERM or COLORTERM wins over these.
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "id_ID.UTF-8");
        cmd.env_remove("COLORTERM");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = p.lock() {
                    p.process(&buf[..n]);
                }
                if let Ok(mut r) = r.lock() {
                    r.extend_from_slice(&buf[..n]);
                }
            }
        });
        let keys = pair.master.take_writer().expect("writer");
        Term {
            pair,
            child,
            parser,
            raw,
            keys,
        }
    }

    /// Everything the program wrote, escape sequences and all.
    pub fn raw_text(&self) -> String {
        self.raw
            .lock()
            .map(|r| String::from_utf8_lossy(&r).into_owned())
            .unwrap_or_default()
    }

    pub fn text(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `needle`; fails with what it shows instead.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let text = self.text();
            // A frame arrives in pieces: only a screen that shows the needle and has stopped
            // changing is what the user sees, so asserts never look at half a frame.
            if text.contains(needle) && text == last {
                return text;
            }
            last = text.clone();
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "waited for {needle:?}; the screen shows:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Types keys (raw bytes as a terminal sends them), then lets the app draw.
    pub fn send(&mut self, s: &str) {
        self.keys.write_all(s.as_bytes()).expect("write");
        self.keys.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Waits for the process to end; its exit status.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "tulta did not quit"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

/// The sample's files (lomba, rubrics, risalah) written into `dir`.
fn sample_files(dir: &Path) {
    for f in tulta_core::files::sources::builtin_files() {
        let Some(rel) = f.name.strip_prefix("reports/lomba-2026/") else {
            continue;
        };
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, &f.bytes[..]).expect("write");
    }
}

/// The sample competition (lomba, rubric, risalah) written into `dir`, without its demo journals,
/// as a first-edition competition: one stage, no awards (the sample itself has stages, spec §8).
/// The demo keys pinned in its lomba.yaml go where a judge's own key lives, the data folder
/// `data`: keys lying in a competition folder are never installed (spec §11).
pub fn competition_copy(dir: &Path, data: &Path) {
    sample_files(dir);
    std::fs::write(
        dir.join("lomba.yaml"),
        include_str!("../fixtures/lomba-satu-tahap/lomba.yaml"),
    )
    .expect("write");
    // The demo keys pinned in the sample's lomba.yaml, without the demo journals: a judge in the
    // copy starts from an empty journal and can sign it.
    let keys = data.join("lomba-budaya-kerja-2026-tirtanagara");
    for (name, bytes) in tulta_core::files::sources::builtin_journals("reports/lomba-2026/jurnal") {
        if let Some(file) = name
            .strip_prefix("reports/lomba-2026/jurnal/")
            .filter(|n| n.ends_with(".key"))
        {
            std::fs::create_dir_all(&keys).expect("mkdir");
            let path = keys.join(file);
            std::fs::write(&path, bytes).expect("write");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                    .expect("chmod");
            }
        }
    }
}

/// The sample competition as shipped (a demonstration, `contoh: true`, with its stages), written
/// into `dir` with its demo keys in `jurnal/` (a demonstration installs them, so a judge in the
/// copy can sign), and with the demo journals only when `journals` (then the gelar is under way;
/// without them every stage starts unscored).
pub fn sample_copy(dir: &Path, journals: bool) {
    sample_files(dir);
    for (name, bytes) in tulta_core::files::sources::builtin_journals("reports/lomba-2026/jurnal") {
        if let Some(rel) = name
            .strip_prefix("reports/lomba-2026/")
            .filter(|n| n.ends_with(".key") || (journals && n.ends_with(".jsonl")))
        {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, bytes).expect("write");
        }
    }
}

/// The sample with its demo journals, its gelar starting at 08:00 with 5 minutes between slots
/// (the gelar day, spec §8).
pub fn gelar_copy(dir: &Path) {
    sample_copy(dir, true);
    let lomba = dir.join("lomba.yaml");
    let text = std::fs::read_to_string(&lomba).expect("lomba").replace(
        "bobot: 40, menit: 20}",
        "bobot: 40, menit: 20, mulai: \"2026-12-10 08:00\", jeda: 5}",
    );
    assert!(text.contains("jeda: 5"), "the sample's gelar stage changed");
    std::fs::write(&lomba, text).expect("write");
}

/// The app's options as the in-process tests (keys, screens) start it: the built-in theme, the
/// mouse on, no reports root, and no config folder, so that no test writes the user's config.
pub fn options(
    lang: tulta_core::i18n::Lang,
    keymap: tulta::app::action::Keymap,
) -> tulta::app::Options {
    tulta::app::Options {
        lang,
        theme: tulta::theme::Theme::builtin_default(),
        mouse: true,
        root: None,
        keymap,
        config_dir: None,
    }
}

/// The library of the sample built into the binary, as the app opens it with no folder.
pub fn builtin_library() -> tulta::app::library::Library {
    use tulta::app::library::{Library, Origin};
    let files = tulta_core::files::sources::builtin_files();
    Library::build("reports", &files, &|_| Origin::Builtin, &|_| {})
}

/// Runs tulta with every folder of its own (data, config, cache, state) inside `home`, and no
/// locale from the environment: Indonesian unless `--lang` says otherwise.
pub fn tulta_at(home: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(args)
        .env("TULTA_DATA_DIR", home.join("data"))
        .env("TULTA_CONFIG_DIR", home.join("config"))
        .env("TULTA_CACHE_DIR", home.join("cache"))
        .env("TULTA_STATE_DIR", home.join("state"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run tulta")
}

/// A folder for every folder tulta keeps (cache, data, config, state) and a working folder, so
/// the binary runs as a user would without touching theirs.
pub struct Env {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().to_path_buf();
        for sub in ["cache", "data", "config", "state"] {
            std::fs::create_dir_all(root.join(sub)).expect("mkdir");
        }
        Env { _tmp: tmp, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// tulta with `args` in the working folder, on this environment's folders, no locale.
    pub fn cmd(&self, args: &[&str]) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_tulta"));
        c.args(args)
            .current_dir(&self.root)
            .env("TULTA_CACHE_DIR", self.path("cache"))
            .env("TULTA_DATA_DIR", self.path("data"))
            .env("TULTA_CONFIG_DIR", self.path("config"))
            .env("TULTA_STATE_DIR", self.path("state"))
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(std::process::Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd(args).output().expect("run tulta")
    }

    /// The sample competition with its demo journals, as `lomba/`.
    pub fn sample(&self) -> PathBuf {
        let dir = self.path("lomba");
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/lomba-2026"),
            &dir,
        );
        dir
    }
}

/// `from` copied into `to`, folders and all.
pub fn copy_tree(from: &Path, to: &Path) {
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

/// A journal's lines as written, for tests that read or rewrite one as an attacker would.
pub fn journal_lines(path: &Path) -> Vec<tulta_core::judging::journal::Line> {
    std::fs::read_to_string(path)
        .expect("journal")
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect()
}
