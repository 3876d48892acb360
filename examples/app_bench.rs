//! The app's figures at 1k and 10k generated risalah: first-frame time, time until the overview is
//! filled, and key-to-frame time (p50/p99) while scrolling the overview, walking a report, and
//! typing a search. Frames are drawn on ratatui's TestBackend at 120x40, so the figures are the
//! app's own work (state update + layout + drawing), without the terminal's I/O.
//!
//!     cargo run --release --example app_bench [-- --sizes 1000,10000 --dir /tmp/tulta-app-bench]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tulta::app::library::Library;
use tulta::app::search::IndexState;
use tulta::app::{App, Bg, Options};
use tulta::theme::Theme;
use tulta_core::files::sources::Root;
use tulta_core::i18n::Lang;

fn corpus(dir: &Path, n: usize) {
    let marker = dir.join(".complete");
    if marker.exists() {
        return;
    }
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(
            sub.join(format!("risalah-{i:06}.yaml")),
            tulta_corpus::risalah(2026, i),
        )
        .expect("write");
    }
    std::fs::write(marker, "").expect("marker");
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    terminal
        .draw(|f| {
            app.areas = tulta::ui::draw(f, app);
        })
        .expect("draw");
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE), Instant::now());
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i.min(times.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Runs `steps` keys, drawing after each, and returns (p50, p99) of key+draw.
fn keys_to_frames(
    terminal: &mut Terminal<TestBackend>,
    app: &mut App,
    keys: &[KeyCode],
    rx: Option<&mpsc::Receiver<Bg>>,
) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(keys.len());
    for &k in keys {
        let start = Instant::now();
        key(app, k);
        if let Some(rx) = rx {
            while let Ok(msg) = rx.try_recv() {
                app.on_bg(msg, Instant::now());
            }
            app.tick(Instant::now());
        }
        draw(terminal, app);
        times.push(start.elapsed());
    }
    (percentile(&mut times, 0.5), percentile(&mut times, 0.99))
}

fn bench(n: usize, base: &Path) {
    let dir = base.join(n.to_string());
    corpus(&dir, n);
    let root = Root::Disk(dir.clone());
    let cache = base.join(format!("cache-{n}"));
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, &cache);
    let options = || Options {
        lang: Lang::Id,
        theme: Theme::builtin_default(),
        mouse: true,
        root: Some(root.clone()),
        keymap: Default::default(),
        config_dir: None,
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");

    // Cold: no overview cache (the OS file cache is warm after the corpus was written or read).
    let _ = std::fs::remove_dir_all(&cache);
    let cold_start = Instant::now();
    let _ = Library::load(&root, &|_, _| {});
    let cold = cold_start.elapsed();

    let start = Instant::now();
    let mut app = App::new(options(), Library::default());
    app.loading = Some((0, n));
    draw(&mut terminal, &mut app);
    let first_frame = start.elapsed();
    let library = Library::load(&root, &|_, _| {}).expect("load");
    let rows = library.rows;
    app.on_bg(
        Bg::Rows(tulta::app::library::Batch {
            done: n,
            total: n,
            rows,
        }),
        Instant::now(),
    );
    app.on_bg(Bg::Loaded(Ok(Default::default())), Instant::now());
    draw(&mut terminal, &mut app);
    let filled = start.elapsed();

    let down: Vec<KeyCode> = (0..2000)
        .map(|i| {
            if i % 500 < 250 {
                KeyCode::Down
            } else {
                KeyCode::Up
            }
        })
        .collect();
    let (ov50, ov99) = keys_to_frames(&mut terminal, &mut app, &down, None);

    key(&mut app, KeyCode::Enter);
    let walk: Vec<KeyCode> = (0..700)
        .map(|i| match i % 7 {
            0 => KeyCode::Down,
            1 => KeyCode::Tab,
            2 | 3 => KeyCode::Right,
            4 => KeyCode::Down,
            5 => KeyCode::Left,
            _ => KeyCode::Tab,
        })
        .collect();
    let (w50, w99) = keys_to_frames(&mut terminal, &mut app, &walk, None);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);

    // Search: index in the background (timed), then type while results arrive.
    let (tx, rx) = mpsc::channel();
    let index_start = Instant::now();
    app.connect(tx);
    loop {
        if let Ok(msg) = rx.recv_timeout(Duration::from_secs(600)) {
            app.on_bg(msg, Instant::now());
        }
        if matches!(
            app.search.index,
            IndexState::Ready { .. } | IndexState::Failed(_)
        ) {
            break;
        }
    }
    let indexed = index_start.elapsed();
    key(&mut app, KeyCode::Char('c'));
    let typing: Vec<KeyCode> = "antrean loket pelayanan printer"
        .chars()
        .map(KeyCode::Char)
        .chain(std::iter::repeat_n(KeyCode::Backspace, 31))
        .cycle()
        .take(620)
        .collect();
    // Typing is timed key by key; every few keys (a pause in typing) the results are fetched
    // untimed, so later frames draw real result lists.
    let mut all = Vec::new();
    for chunk in typing.chunks(6) {
        for &k in chunk {
            let t = Instant::now();
            key(&mut app, k);
            while let Ok(msg) = rx.try_recv() {
                app.on_bg(msg, Instant::now());
            }
            draw(&mut terminal, &mut app);
            all.push(t.elapsed());
        }
        app.search.send_now();
        if let Ok(msg) = rx.recv_timeout(Duration::from_secs(5)) {
            app.on_bg(msg, Instant::now());
            draw(&mut terminal, &mut app);
        }
    }
    let (s50, s99) = (percentile(&mut all, 0.5), percentile(&mut all, 0.99));

    println!(
        "| {n} | {} | {} | {} | {} / {} | {} / {} | {} / {} | {:.1} s |",
        ms(first_frame),
        ms(cold),
        ms(filled),
        ms(ov50),
        ms(ov99),
        ms(w50),
        ms(w99),
        ms(s50),
        ms(s99),
        indexed.as_secs_f64()
    );
}

fn main() {
    let mut sizes = vec![1_000, 10_000];
    let mut base = std::env::temp_dir().join("tulta-app-bench");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect()
            }
            "--dir" => base = PathBuf::from(args.next().unwrap_or_default()),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    println!("| risalah | first frame | overview filled, cold | overview filled, warm | overview key→frame p50 / p99 | walk key→frame p50 / p99 | search typing key→frame p50 / p99 | index (background) |");
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes {
        bench(n, &base);
    }
}
