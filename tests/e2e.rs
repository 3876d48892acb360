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
