//! The terminal side of the app: raw mode and the alternate screen, the event loop, background
//! loading, and putting the terminal back however the app ends — quit, panic, Ctrl-C, SIGTERM —
//! with a note being typed kept as a draft.

use crate::app::library::Library;
use crate::app::{App, Bg};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tulta_core::files::sources::Root;
use tulta_core::i18n::Localized;

/// Undoes what [`enter`] did; safe to call twice.
fn leave() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn enter(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Restores the terminal when dropped: on return, on `?`, and while a panic unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// Runs the app until the user quits. `load` reads the reports in the background first.
pub fn run(mut app: App, load: Option<Root>) -> io::Result<()> {
    // A panic message printed on the alternate screen would vanish: restore first, then report.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        default_hook(info);
    }));
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }

    // crossterm can spin inside its reader once the terminal hangs up, never returning to this
    // loop; so a signal is also honoured from outside it.
    let watched = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("tulta-signals".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(100));
            if watched.load(Ordering::Relaxed) {
                // Give the event loop a moment to end cleanly first.
                std::thread::sleep(Duration::from_millis(700));
                leave();
                std::process::exit(130);
            }
        })?;

    let (tx, rx) = mpsc::channel();
    app.connect(tx.clone());
    if let Some(root) = load {
        app.loading = Some((0, 0));
        let tx = tx.clone();
        std::thread::Builder::new()
            .name("tulta-load".into())
            .spawn(move || {
                let last = std::sync::Mutex::new(Instant::now());
                let result = Library::load(&root, &|done, total| {
                    // A progress message per file would flood the channel at 10k files.
                    if let Ok(mut t) = last.lock() {
                        if t.elapsed() >= Duration::from_millis(50) || done == total {
                            *t = Instant::now();
                            let _ = tx.send(Bg::LoadProgress { done, total });
                        }
                    }
                });
                let _ =
                    tx.send(Bg::Loaded(result.map_err(|e| {
                        tulta_core::i18n::Lang::both(|lang| e.message(lang))
                    })));
            })?;
    }

    let mut terminal = enter(app.mouse)?;
    let _guard = Guard;
    loop {
        terminal.draw(|frame| {
            app.areas = crate::ui::draw(frame, &app);
        })?;
        if app.quit || stop.load(Ordering::Relaxed) {
            break;
        }
        let busy = app.wants_tick() || app.loading.is_some() || app.search.waiting();
        let timeout = if busy {
            Duration::from_millis(30)
        } else {
            Duration::from_millis(250)
        };
        if event::poll(timeout)? {
            // Take every event already waiting before drawing again, so fast typing and
            // scrolling never queue up frames.
            // Bounded, and watching the stop flag: a terminal that hung up may report events forever.
            for _ in 0..256 {
                let now = Instant::now();
                match event::read()? {
                    Event::Key(key) => app.on_key(key, now),
                    Event::Mouse(m) => app.on_mouse(m, now),
                    Event::Resize(_, _) => {}
                    _ => {}
                }
                if app.quit || stop.load(Ordering::Relaxed) || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        let now = Instant::now();
        while let Ok(msg) = rx.try_recv() {
            app.on_bg(msg, now);
        }
        app.tick(now);
        // Before the next stop check: a note typed so far is on disk whatever ends the app.
        if let Some(j) = app.judge.as_mut() {
            j.keep_draft();
        }
    }
    drop(terminal);
    Ok(())
}
