//! The real binary in a pseudo-terminal, driven like a person would: open the sample, search a
//! word, open a hit, walk to step 6, quit — then check what the screen showed and that the
//! terminal is back in its normal mode.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const COLS: u16 = 100;
const ROWS: u16 = 30;

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `needle`; fails with what it shows instead.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "waited for {needle:?}; the screen shows:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn open_search_walk_and_quit_in_a_real_terminal() {
    let cache = tempfile::tempdir().expect("tmp");
    let config = tempfile::tempdir().expect("tmp");
    let cwd = tempfile::tempdir().expect("tmp");
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tulta"));
    // An empty folder: no ./reports, so the sample built into the binary opens.
    cmd.cwd(cwd.path());
    cmd.env("TULTA_CACHE_DIR", cache.path());
    cmd.env("TULTA_CONFIG_DIR", config.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "id_ID.UTF-8");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");

    let screen = Screen {
        parser: Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0))),
        raw: Arc::new(Mutex::new(Vec::new())),
    };
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (parser, raw) = (Arc::clone(&screen.parser), Arc::clone(&screen.raw));
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = parser.lock() {
                p.process(&buf[..n]);
            }
            if let Ok(mut r) = raw.lock() {
                r.extend_from_slice(&buf[..n]);
            }
        }
    });
    let mut keys = pair.master.take_writer().expect("writer");
    let mut send = |s: &str| {
        keys.write_all(s.as_bytes()).expect("write");
        keys.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(150));
    };

    let overview = screen.wait_for("Peserta");
    assert!(
        overview.contains("Lomba Budaya Kerja Kota Tirtanagara 2026"),
        "{overview}"
    );
    assert!(overview.contains("Kelurahan Pandanwangi"), "{overview}");

    send("c");
    screen.wait_for("Cari arsip risalah");
    send("antrean");
    let results = screen.wait_for("cocok dari");
    assert!(
        results.contains("langkah"),
        "hits name their step:\n{results}"
    );

    send("\r");
    let walk = screen.wait_for("Tema & target");
    assert!(walk.contains("Kelompok"), "{walk}");

    send("6");
    let step6 = screen.wait_for("Langkah 6");
    assert!(step6.contains("Meneliti hasil perbaikan"), "{step6}");

    send("?");
    screen.wait_for("Bantuan");
    send("x");
    send("q");

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "tulta did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
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
    let mut probe = pair.slave.spawn_command(stty).expect("stty");
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
