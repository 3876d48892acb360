//! The terminal side of the app: raw mode and the alternate screen, the event loop, background
//! loading, and putting the terminal back however the app ends — quit, panic, Ctrl-C, SIGTERM —
//! with a note being typed kept as a draft; and, on Unix, handing it back to the shell on Ctrl-Z.

use crate::app::{App, Bg};
use crate::depth::{Depth, Limited};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Undoes what [`enter`] did; safe to call twice.
fn leave() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        crossterm::event::DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

type Screen = Terminal<Limited<CrosstermBackend<Stdout>>>;

/// Raw mode, the alternate screen, pasting, and the mouse if wanted: what [`leave`] undoes.
fn take_terminal(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    // Pasted text arrives whole, as text: a note pasted with line breaks is never read as keys.
    execute!(
        out,
        EnterAlternateScreen,
        crossterm::event::EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

fn enter(mouse: bool, depth: Depth, background: ratatui::style::Color) -> io::Result<Screen> {
    take_terminal(mouse)?;
    Terminal::new(Limited {
        inner: CrosstermBackend::new(io::stdout()),
        depth,
        background,
    })
}

/// Ctrl-Z: the terminal goes back to the shell as it was (line mode, no mouse capture, the main
/// screen), the process stops as a shell expects, and `fg` finds the app redrawn whole.
#[cfg(unix)]
fn suspend(terminal: &mut Screen, mouse: bool) -> io::Result<()> {
    leave();
    // With no handler of its own for SIGTSTP the process stops here, until SIGCONT.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_terminal(mouse)?;
    // The screen cleared here, then a blank frame: the next draw sends every cell again.
    // (ratatui's own `clear` first asks the terminal where its cursor is, which not every
    // terminal answers.)
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    terminal
        .draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))
        .map(|_| ())
}

/// The signals that end the app, each ending it with 128 + its number as a shell reports it.
#[cfg(unix)]
const ENDING: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];
#[cfg(not(unix))]
const ENDING: [i32; 2] = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

/// The exit status for the signal `stop` recorded (0: none).
fn ended_by(stop: &AtomicUsize) -> Option<i32> {
    match stop.load(Ordering::Relaxed) {
        0 => None,
        n => Some(128 + i32::try_from(n).unwrap_or(0)),
    }
}

/// Restores the terminal when dropped: on return, on `?`, and while a panic unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// What reads the reports (and finds a competition among them) on its own thread, telling the
/// app as it goes: the first frame never waits for it.
pub type Loader = Box<dyn FnOnce(&mpsc::Sender<Bg>) + Send>;

/// Runs the app until the user quits. `load` reads the reports in the background meanwhile.
pub fn run(mut app: App, load: Option<Loader>, depth: Depth) -> io::Result<()> {
    // A panic message printed on the alternate screen would vanish: restore first, then report.
    // A panic on any thread ends the app: a background thread (search, watcher, loader) that
    // died would otherwise leave the app running on a restored, cooked terminal. Panics that
    // tulta-core catches and recovers from (a damaged search index) are not the app's end.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if tulta_core::caught::catching() {
            return;
        }
        leave();
        default_hook(info);
        std::process::exit(101);
    }));
    // The number of the signal that ended the app, 0 while none has.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in ENDING {
        let number = usize::try_from(signal).unwrap_or(0);
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), number)?;
    }

    // crossterm can spin inside its reader once the terminal hangs up, never returning to this
    // loop; so a signal is also honoured from outside it.
    let watched = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("tulta-signals".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(100));
            if let Some(status) = ended_by(&watched) {
                // Give the event loop a moment to end cleanly first.
                std::thread::sleep(Duration::from_millis(700));
                leave();
                std::process::exit(status);
            }
        })?;

    let (tx, rx) = mpsc::channel();
    if load.is_some() {
        app.loading = Some((0, 0));
    }
    app.connect(tx.clone());
    if let Some(load) = load {
        let tx = tx.clone();
        std::thread::Builder::new()
            .name("tulta-load".into())
            .spawn(move || load(&tx))?;
    }

    let mut terminal = enter(app.mouse, depth, app.theme.background)?;
    let _guard = Guard;
    loop {
        terminal.draw(|frame| {
            app.areas = crate::ui::draw(frame, &app);
        })?;
        if app.quit || ended_by(&stop).is_some() {
            break;
        }
        let busy = app.wants_tick() || app.loading.is_some() || app.search.waiting();
        let timeout = if busy {
            Duration::from_millis(30)
        } else {
            Duration::from_millis(250)
        };
        if uninterrupted(event::poll(timeout), false)? {
            // Take every event already waiting before drawing again, so fast typing and
            // scrolling never queue up frames.
            // Bounded, and watching the stop flag: a terminal that hung up may report events forever.
            for _ in 0..256 {
                let now = Instant::now();
                match uninterrupted(event::read().map(Some), None)? {
                    None => {}
                    #[cfg(unix)]
                    Some(Event::Key(key)) if is_suspend(&key) => suspend(&mut terminal, app.mouse)?,
                    Some(Event::Key(key)) => app.on_key(key, now),
                    Some(Event::Mouse(m)) => app.on_mouse(m, now),
                    Some(Event::Paste(text)) => app.on_paste(&text, now),
                    Some(_) => {}
                }
                if app.quit
                    || ended_by(&stop).is_some()
                    || !uninterrupted(event::poll(Duration::ZERO), false)?
                {
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
    if let Some(status) = ended_by(&stop) {
        leave();
        std::process::exit(status);
    }
    Ok(())
}

/// `instead` where waiting for the terminal was cut short: after a stop and `fg` (SIGCONT),
/// Linux ends a wait in progress with EINTR even where no handler ran; nothing is lost.
fn uninterrupted<T>(result: io::Result<T>, instead: T) -> io::Result<T> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(instead),
        other => other,
    }
}

/// Ctrl-Z as the terminal sends it in raw mode (where it no longer raises SIGTSTP itself).
#[cfg(unix)]
fn is_suspend(key: &crossterm::event::KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    key.kind == KeyEventKind::Press
        && key.modifiers == KeyModifiers::CONTROL
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
}
