//! The real binary in a pseudo-terminal, driven like a person would: open the sample, search a
//! word, open a hit, walk to step 6, quit — then check what the screen showed and that the
//! terminal is back in its normal mode.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use common::Term;
use portable_pty::CommandBuilder;
use std::time::Duration;

#[test]
fn open_search_walk_and_quit_in_a_real_terminal() {
    let cache = tempfile::tempdir().expect("tmp");
    let config = tempfile::tempdir().expect("tmp");
    let data = tempfile::tempdir().expect("tmp");
    let cwd = tempfile::tempdir().expect("tmp");
    // An empty folder: no ./reports, so the sample built into the binary opens.
    let mut screen = Term::start(
        &["--juri", "juri-1"],
        cwd.path(),
        &[
            ("TULTA_CACHE_DIR", cache.path()),
            ("TULTA_CONFIG_DIR", config.path()),
            ("TULTA_DATA_DIR", data.path()),
        ],
        100,
        30,
    );
    // The sample loads in the background: wait for its rows, not just the frame.
    let overview = screen.wait_for("Kelurahan Pandanwangi");
    assert!(
        overview.contains("Lomba Budaya Kerja Kota Tirtanagara 2026"),
        "{overview}"
    );
    assert!(overview.contains("Kelurahan Pandanwangi"), "{overview}");

    screen.send("c");
    screen.wait_for("Cari arsip risalah");
    screen.send("antrean");
    let results = screen.wait_for("cocok dari");
    assert!(
        results.contains("langkah"),
        "hits name their step:\n{results}"
    );

    screen.send("\r");
    let walk = screen.wait_for("Kelompok");
    assert!(
        walk.contains("Nilai"),
        "the scoring panel is beside the walk-through:\n{walk}"
    );

    screen.send("6");
    let step6 = screen.wait_for("Langkah 6");
    assert!(step6.contains("Meneliti hasil perbaikan"), "{step6}");

    screen.send("?");
    screen.wait_for("Bantuan");
    // A key the help does not list leaves it open; `?` closes it, then `q` quits.
    screen.send("x");
    screen.wait_for("Bantuan");
    screen.send("?");
    screen.send("q");

    let status = screen.wait_exit();
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(200));

    // The alternate screen was left and the mouse released, after they were taken.
    let raw = screen.raw.lock().map(|r| r.clone()).unwrap_or_default();
    let raw = String::from_utf8_lossy(&raw);
    let entered = raw
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered);
    assert!(
        raw.rfind("\x1b[?1000l").is_some_and(|i| i > entered),
        "mouse released"
    );

    // The terminal is out of raw mode: a program run on the same terminal sees echo and
    // canonical input again.
    let mut stty = CommandBuilder::new("stty");
    stty.arg("-a");
    let before = screen.raw.lock().map(|r| r.len()).unwrap_or(0);
    let mut probe = screen.pair.slave.spawn_command(stty).expect("stty");
    let _ = probe.wait();
    std::thread::sleep(Duration::from_millis(300));
    let after = screen
        .raw
        .lock()
        .map(|r| r[before..].to_vec())
        .unwrap_or_default();
    let modes = String::from_utf8_lossy(&after);
    assert!(
        modes.contains(" icanon"),
        "canonical mode restored: {modes}"
    );
    assert!(modes.contains(" echo "), "echo restored: {modes}");
}

/// Issue 18 through the real binary and the real opener path: `xdg-open` (and macOS's `open`) on
/// PATH is a script that writes down what it was given. Of a good picture, `../../../etc/passwd`,
/// a `.desktop` file and a web address, only the picture reaches it — as one canonical argument.
#[cfg(unix)]
#[test]
fn only_a_document_inside_the_folder_reaches_the_system_opener() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("laporan");
    std::fs::create_dir_all(root.join("lampiran")).expect("mkdir");
    std::fs::write(root.join("lampiran/foto.png"), b"\x89PNG").expect("write");
    std::fs::write(
        root.join("lampiran/jalan.desktop"),
        b"[Desktop Entry]\nExec=true\n",
    )
    .expect("write");
    let mut text = include_str!("fixtures/bersih.yaml").to_string();
    text.push_str(
        "lampiran:\n  - {jenis: foto_sesudah, berkas: lampiran/foto.png}\n  - {jenis: data, berkas: \"../../../etc/passwd\"}\n  - {jenis: data, berkas: lampiran/jalan.desktop}\n  - {jenis: data, berkas: \"https://contoh.go.id/x.pdf\"}\n",
    );
    std::fs::write(root.join("r.yaml"), text).expect("write");
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let log = tmp.path().join("dibuka.log");
    for name in ["xdg-open", "open"] {
        let script = bin.join(name);
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\n",
                log.display()
            ),
        )
        .expect("write");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let path = std::path::PathBuf::from(format!("{}:/usr/bin:/bin", bin.display()));
    let dirs: Vec<std::path::PathBuf> = ["c", "d", "k", "s"]
        .iter()
        .map(|d| tmp.path().join(d))
        .collect();
    let mut screen = Term::start(
        &["--lang", "en", root.to_str().expect("utf-8")],
        tmp.path(),
        &[
            ("PATH", path.as_path()),
            ("TULTA_CONFIG_DIR", &dirs[0]),
            ("TULTA_DATA_DIR", &dirs[1]),
            ("TULTA_CACHE_DIR", &dirs[2]),
            ("TULTA_STATE_DIR", &dirs[3]),
        ],
        100,
        30,
    );
    screen.wait_for("Kelurahan Mawar");
    screen.send("\r");
    screen.wait_for("Step 1");
    screen.send("o");
    screen.wait_for("Attachments (4)");
    screen.send("o");
    screen.wait_for("opened with");
    for (key, why) in [
        ("j", "leads outside the reports folder"),
        ("j", "only documents and pictures"),
        ("j", "web addresses are not opened"),
    ] {
        screen.send(key);
        screen.send("o");
        screen.wait_for(&format!("not opened: {why}"));
    }
    screen.send("q");
    let status = screen.wait_exit();
    assert!(status.success(), "{status:?}");
    // The opener runs detached: give the script a moment to write.
    let good = root
        .join("lampiran/foto.png")
        .canonicalize()
        .expect("canonical");
    let mut seen = String::new();
    for _ in 0..50 {
        seen = std::fs::read_to_string(&log).unwrap_or_default();
        if !seen.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(seen, format!("{}\n", good.display()));
}

/// The app on the built-in sample in an empty folder, with `env` and `args`, drawn to its first
/// full frame.
fn sample_app(args: &[&str], env: &[(&str, &std::path::Path)]) -> (Term, Vec<tempfile::TempDir>) {
    let dirs: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().expect("tmp")).collect();
    let mut all = vec![
        ("TULTA_CACHE_DIR", dirs[0].path()),
        ("TULTA_CONFIG_DIR", dirs[1].path()),
        ("TULTA_DATA_DIR", dirs[2].path()),
    ];
    all.extend_from_slice(env);
    let args: Vec<&str> = [&["--juri", "juri-1"], args].concat();
    let screen = Term::start(&args, dirs[3].path(), &all, 80, 24);
    screen.wait_for("(8 OPD");
    (screen, dirs)
}

/// The colour parameters of every SGR sequence written: `38;…` and `48;…` (set foreground and
/// background), as (kind, palette index or `rgb`).
fn colour_codes(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    for seq in raw.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..=end] != "m" {
            continue;
        }
        let params: Vec<&str> = seq[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            match (params[i], params.get(i + 1)) {
                ("38" | "48", Some(&"2")) => {
                    found.push("rgb".to_string());
                    i += 5;
                }
                ("38" | "48", Some(&"5")) => {
                    found.push(params.get(i + 2).unwrap_or(&"?").to_string());
                    i += 3;
                }
                (p, _)
                    if p.len() == 2
                        && (p.starts_with('3') || p.starts_with('4'))
                        && p != "39"
                        && p != "49" =>
                {
                    found.push(p.to_string());
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    found
}

/// Issue 25: a terminal that does not announce 24-bit colour gets 256 or 16; `--color never`
/// and `TERM=dumb` get none at all on the first frame (they used to get 134 24-bit codes).
#[test]
fn colours_follow_what_the_terminal_announces_and_never_means_none() {
    let path = std::path::Path::new;
    type Env<'a> = &'a [(&'a str, &'a std::path::Path)];
    let cases: [(&[&str], Env, &str); 5] = [
        (&[], &[("COLORTERM", path("truecolor"))], "truecolor"),
        (&[], &[], "256"),
        (&[], &[("TERM", path("xterm"))], "16"),
        (
            &["--color", "never"],
            &[("COLORTERM", path("truecolor"))],
            "none",
        ),
        (
            &[],
            &[("TERM", path("dumb")), ("COLORTERM", path("truecolor"))],
            "none",
        ),
    ];
    for (args, env, want) in cases {
        let (mut screen, _dirs) = sample_app(args, env);
        let codes = colour_codes(&screen.raw_text());
        screen.send("q");
        let status = screen.wait_exit();
        assert!(status.success(), "{want}: {status:?}");
        let rgb = codes.iter().filter(|c| *c == "rgb").count();
        let indexed: Vec<u32> = codes.iter().filter_map(|c| c.parse().ok()).collect();
        match want {
            "truecolor" => assert!(rgb > 0, "{codes:?}"),
            "256" => assert!(rgb == 0 && indexed.iter().any(|&i| i >= 16), "{codes:?}"),
            "16" => assert!(
                rgb == 0
                    && !indexed.is_empty()
                    && indexed.iter().all(|&i| i < 16 || (30..=47).contains(&i)),
                "{codes:?}"
            ),
            _ => assert!(
                codes.is_empty(),
                "{want}: {} colour codes: {:?}",
                codes.len(),
                &codes[..codes.len().min(10)]
            ),
        }
    }
}

/// Issue 25: a signal ends the app with 128 + its number, the terminal given back first.
#[cfg(unix)]
#[test]
fn a_signal_ends_the_app_with_128_plus_its_number() {
    for (signal, status) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let (mut screen, _dirs) = sample_app(&[], &[]);
        let pid = screen.child.process_id().expect("pid") as libc::pid_t;
        // SAFETY: a plain kill(2) of the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let exit = screen.wait_exit();
        assert_eq!(exit.exit_code(), status, "signal {signal}");
        std::thread::sleep(Duration::from_millis(200));
        let raw = screen.raw_text();
        assert!(
            raw.rfind("\x1b[?1049l") > raw.rfind("\x1b[?1049h"),
            "left the alternate screen"
        );
    }
}

/// Issue 25: Ctrl-Z hands the terminal back to the shell as it was (main screen, line mode, mouse
/// released) and stops the app; `fg` brings it back drawn whole, and it still quits cleanly.
/// Run under a shell with job control, as a user would (a process that is its own session is
/// never stopped by SIGTSTP).
#[cfg(unix)]
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let dirs: Vec<tempfile::TempDir> = (0..4).map(|_| tempfile::tempdir().expect("tmp")).collect();
    let script = "set -m; \"$0\" \"$@\"; echo; stty -a; echo DIHENTIKAN; fg; echo \"SELESAI:$?\"";
    let mut screen = Term::start_program(
        "bash",
        &[
            "--norc",
            "--noprofile",
            "-i",
            "-c",
            script,
            env!("CARGO_BIN_EXE_tulta"),
            "--juri",
            "juri-1",
        ],
        dirs[3].path(),
        &[
            ("TULTA_CACHE_DIR", dirs[0].path()),
            ("TULTA_CONFIG_DIR", dirs[1].path()),
            ("TULTA_DATA_DIR", dirs[2].path()),
        ],
        80,
        24,
    );
    // The judge's column too: the app has finished loading.
    screen.wait_for("Nilai saya");
    screen.send("\x1a");
    // The shell says so and runs `fg` at once: what it printed is read from the raw output.
    let start = std::time::Instant::now();
    while !screen.raw_text().contains("DIHENTIKAN") {
        assert!(start.elapsed() < Duration::from_secs(30), "not stopped");
        std::thread::sleep(Duration::from_millis(50));
    }
    let raw = screen.raw_text();
    let stopped_at = raw.rfind("DIHENTIKAN").expect("stopped");
    let before = &raw[..stopped_at];
    assert!(
        before.rfind("\x1b[?1049l") > before.rfind("\x1b[?1049h"),
        "main screen"
    );
    assert!(
        before.rfind("\x1b[?1000l") > before.rfind("\x1b[?1000h"),
        "mouse released"
    );
    let modes = &raw[before.rfind("speed").unwrap_or(0)..stopped_at];
    assert!(
        modes.contains(" icanon") && modes.contains(" echo "),
        "line mode: {modes}"
    );
    // `fg`: the app takes the terminal again and draws its whole screen, not only what changed.
    let after = screen.wait_for("(8 OPD");
    assert!(after.contains("Lomba Budaya Kerja"), "{after}");
    let resumed = &screen.raw_text()[stopped_at..];
    assert!(resumed.contains("\x1b[?1049h"), "alternate screen again");
    assert!(resumed.contains("\x1b[?1000h"), "mouse again");
    screen.send("q");
    screen.wait_for("SELESAI:0");
}
