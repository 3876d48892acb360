//! The app at archive scale (issue 28): the first frame comes while the folder is still being
//! read, not after. No timing bound here (a loaded machine would make one flaky): on Linux the
//! kernel's count of bytes the process has read (`rchar` in /proc/PID/io) when the first frame
//! arrives is compared with what the folder holds. The time bounds live in `examples/app_bench`.
//!
//!     cargo test --test app_scale
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use common::{Env, Term};
use std::time::{Duration, Instant};

/// A few thousand: enough that reading them all takes a while, few enough to write quickly.
const COUNT: usize = 3000;
const GAUGE: &str = "Membaca dan memeriksa";

/// Bytes the process has read so far, by any means that counts (read, pread; not a mapping).
#[cfg(target_os = "linux")]
fn read_so_far(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).expect("/proc/PID/io");
    io.lines()
        .find_map(|l| l.strip_prefix("rchar:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("rchar in /proc/PID/io")
}

fn has_header(screen: &str) -> bool {
    screen
        .lines()
        .any(|l| l.trim_start().starts_with("tulta ·"))
}

/// Polls the screen until `done` holds of it; fails with what it shows after `limit`.
fn poll(term: &Term, what: &str, limit: Duration, done: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = term.text();
        if done(&text) {
            return text;
        }
        assert!(
            start.elapsed() < limit,
            "waited {limit:?} for {what}; the screen shows:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn the_first_frame_comes_before_a_large_folder_is_read() {
    let env = Env::new();
    let dir = env.path("arsip");
    let bytes: u64 = (0..COUNT)
        .map(|i| tulta_corpus::write(&dir, 2026, i).expect("write") as u64)
        .sum();
    let (cache, data, config, state) = (
        env.path("cache"),
        env.path("data"),
        env.path("config"),
        env.path("state"),
    );
    let folder = dir.to_str().expect("utf-8 path");
    let mut term = Term::start(
        &[folder],
        &env.root,
        &[
            ("TULTA_CACHE_DIR", &cache),
            ("TULTA_DATA_DIR", &data),
            ("TULTA_CONFIG_DIR", &config),
            ("TULTA_STATE_DIR", &state),
        ],
        120,
        40,
    );
    let pid = term.child.process_id().expect("pid");

    // The moment the header is drawn, what the process has read so far.
    poll(
        &term,
        "the first frame",
        Duration::from_secs(120),
        has_header,
    );
    #[cfg(target_os = "linux")]
    let at_first_frame = read_so_far(pid);
    #[cfg(not(target_os = "linux"))]
    let _ = (pid, bytes);
    // The rest of that frame (a frame may arrive in pieces) shows reading under way, with its
    // gauge, before every row is listed.
    let all = format!("{COUNT} risalah");
    let complete = |s: &str| s.contains(&all) && !s.contains(GAUGE);
    let first = poll(&term, "the gauge", Duration::from_secs(180), |s| {
        s.contains(GAUGE) || complete(s)
    });
    assert!(
        first.contains(GAUGE),
        "every row was listed with no gauge ever shown while reading:\n{first}"
    );
    poll(
        &term,
        "every row listed",
        Duration::from_secs(180),
        complete,
    );
    #[cfg(target_os = "linux")]
    {
        let total = read_so_far(pid);
        // The count really measures reading the folder (a reader that mapped the files instead
        // would make the bound below say nothing).
        assert!(
            total >= bytes,
            "tulta read {total} bytes in all, less than the {bytes} of the folder"
        );
        assert!(
            at_first_frame < bytes / 2,
            "when the first frame was drawn tulta had already read {at_first_frame} bytes, of the \
             {bytes} the {COUNT} risalah hold: the frame waited for the folder to be read"
        );
    }
    term.send("q");
    assert!(term.wait_exit().success());
}
