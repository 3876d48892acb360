//! The keymap is the one truth about keys: on every screen and overlay, a key does something
//! exactly when the help of that screen lists it, and the help lists only keys that do
//! something there. Each key is pressed on a fresh app set up on the screen, so no key's effect
//! hides another's. Also: `tombol:` in the config rebinds keys, and refuses what it cannot apply.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::time::Instant;
use tulta::app::action::{Action, Context, Key, KeyList, Keymap};
use tulta::app::library::Library;
use tulta::app::{App, Outcome};
use tulta_core::i18n::Lang;

/// Read once: each key is pressed on a fresh app, and thousands of apps are made.
fn library() -> Library {
    static LIBRARY: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(common::builtin_library).clone()
}

fn app(lang: Lang, keymap: Keymap) -> App {
    App::new(common::options(lang, keymap), library())
}

fn judging(lang: Lang, juri: Option<&str>, data: &std::path::Path) -> App {
    let mut a = app(lang, Keymap::default());
    static COMP: std::sync::OnceLock<tulta_core::judging::competition::Competition> =
        std::sync::OnceLock::new();
    let comp = COMP
        .get_or_init(|| {
            tulta_core::judging::competition::load(Some(std::path::Path::new("reports")), lang)
                .expect("competition")
        })
        .clone();
    let j = tulta_core::judging::Judging::open_in(comp, data).expect("judging");
    a.set_judge(Some(tulta::app::judge::JudgeState::new(
        j,
        juri.map(str::to_string),
    )));
    a
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(a: &mut App, codes: &[KeyCode]) {
    for &c in codes {
        a.dispatch(key(c), Instant::now());
    }
}

fn open(a: &mut App, id: &str, step: usize) {
    let r = a.library.find_id(id).expect("sample entry");
    a.open_row(r, step);
}

/// Every key a user might try.
fn candidates() -> Vec<KeyEvent> {
    let mut v: Vec<KeyEvent> = (' '..='~').map(|c| key(KeyCode::Char(c))).collect();
    for code in [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ] {
        v.push(key(code));
    }
    v.extend((1..=8).map(|n| key(KeyCode::F(n))));
    v.extend(('a'..='z').map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
    v
}

type Setup = fn(&mut App);

/// (name, judge or none for plain reading, setup)
const STATES: &[(&str, Option<Option<&str>>, Setup)] = &[
    ("overview", None, |_| {}),
    ("overview filter", None, |a| press(a, &[KeyCode::Char('/')])),
    ("walk steps", None, |a| a.open_row(0, 1)),
    ("walk content", None, |a| {
        a.open_row(0, 1);
        press(a, &[KeyCode::Tab]);
    }),
    ("search query", None, |a| press(a, &[KeyCode::F(3)])),
    ("search filter", None, |a| {
        press(a, &[KeyCode::F(3), KeyCode::Tab])
    }),
    ("search results", None, |a| {
        press(a, &[KeyCode::F(3), KeyCode::BackTab])
    }),
    ("help", None, |a| press(a, &[KeyCode::Char('?')])),
    ("picker", Some(None), |_| {}),
    ("judge overview", Some(Some("juri-2")), |_| {}),
    ("judge walk steps", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-dishub-tertib", 1)
    }),
    ("scoring panel", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-dishub-tertib", 1);
        press(a, &[KeyCode::BackTab]);
    }),
    ("barred entry", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-rsud-sigap", 1)
    }),
    ("note editor", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-dishub-tertib", 1);
        press(a, &[KeyCode::BackTab, KeyCode::Char('e')]);
    }),
    ("note prompt", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-dishub-tertib", 1);
        press(
            a,
            &[
                KeyCode::BackTab,
                KeyCode::Char('e'),
                KeyCode::Char('x'),
                KeyCode::Esc,
            ],
        );
    }),
    ("picker over walk", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-dishub-tertib", 1);
        press(a, &[KeyCode::Char('J')]);
    }),
    ("ranking", Some(Some("juri-2")), |a| {
        press(a, &[KeyCode::F(5)])
    }),
    ("export path", Some(Some("juri-2")), |a| {
        press(a, &[KeyCode::F(5), KeyCode::Char('x')])
    }),
    ("progress", Some(Some("juri-2")), |a| {
        press(a, &[KeyCode::F(6)])
    }),
    ("help over the panel", Some(Some("juri-2")), |a| {
        open(a, "tng-2026-dishub-tertib", 1);
        press(a, &[KeyCode::BackTab, KeyCode::F(1)]);
    }),
];

fn fresh(state: &(&str, Option<Option<&str>>, Setup), data: &std::path::Path) -> App {
    let (_, juri, setup) = state;
    let mut a = match juri {
        None => app(Lang::En, Keymap::default()),
        Some(j) => judging(Lang::En, *j, data),
    };
    setup(&mut a);
    // The export's default name is relative to the working folder, the repository under `cargo
    // test`: Enter on that screen must write into the test's own folder instead.
    if let Some(input) = a.judge.as_mut().and_then(|j| j.export.as_mut()) {
        let inside = data.join(input.value());
        *input = tui_input::Input::new(inside.display().to_string());
    }
    a
}

#[test]
fn every_key_that_acts_is_in_the_help_of_its_screen_and_every_key_in_the_help_acts() {
    let data = tempfile::tempdir().expect("tmp");
    for state in STATES {
        let a = fresh(state, data.path());
        let stack = a.contexts();
        let typing = stack.iter().any(|c| c.typing());
        let live: Vec<Key> = a
            .live_bindings(&stack)
            .iter()
            .flat_map(|(_, keys, _)| keys.clone())
            .collect();
        // What the help (or, with the help open, its own bar) shows.
        let help: String = if a.help {
            a.bar_keys().iter().map(|(k, _)| k.clone() + " ").collect()
        } else {
            a.help_sections()
                .iter()
                .flat_map(|(_, lines)| lines.iter().map(|(k, _)| k.clone() + " "))
                .collect()
        };
        // A key that did nothing leaves the app as it was: the next key can try the same one.
        let mut b = fresh(state, data.path());
        for ev in candidates() {
            let k = Key::from_event(ev);
            let bound = live.contains(&k);
            if bound && !a.help {
                let label = k.label(Lang::En);
                let digit_range = matches!(ev.code, KeyCode::Char(c) if c.is_ascii_digit())
                    && (help.contains("0–9") || help.contains("1–7"));
                assert!(
                    help.contains(&label) || digit_range,
                    "{}: {label} is bound but not in the help:\n{help}",
                    state.0
                );
            }
            let outcome = b.dispatch(ev, Instant::now());
            if outcome != Outcome::Ignored {
                b = fresh(state, data.path());
            }
            match outcome {
                Outcome::Done(_, _) => assert!(
                    bound,
                    "{}: {ev:?} acted ({outcome:?}) but is in no help",
                    state.0
                ),
                Outcome::Typed(_) => assert!(typing, "{}: {ev:?} typed", state.0),
                Outcome::Ignored => {
                    assert!(!bound, "{}: {ev:?} is in the help but did nothing", state.0)
                }
            }
        }
    }
}

/// F1 or `?` opens help over every screen and overlay, and the help names that overlay.
#[test]
fn help_opens_on_every_screen_and_overlay() {
    let data = tempfile::tempdir().expect("tmp");
    for state in STATES {
        let mut a = fresh(state, data.path());
        if a.help {
            continue;
        }
        let title = a.contexts()[0].title(Lang::En);
        press(&mut a, &[KeyCode::F(1)]);
        assert!(a.help, "{}: F1 opens the help", state.0);
        let sections = a.help_sections();
        assert_eq!(sections.first().map(|s| s.0), Some(title), "{}", state.0);
        press(&mut a, &[KeyCode::Esc]);
        assert!(!a.help, "{}: one Esc closes it", state.0);
    }
}

#[test]
fn tombol_rebinds_and_refuses_what_it_cannot_apply() {
    let mut tombol = BTreeMap::new();
    tombol.insert("batal".to_string(), KeyList::One("ctrl-z".into()));
    tombol.insert(
        "bantuan".to_string(),
        KeyList::Many(vec!["f1".into(), "h".into()]),
    );
    tombol.insert("terbang".to_string(), KeyList::One("x".into()));
    tombol.insert("simpan".to_string(), KeyList::One("ctrl-ü-x".into()));
    tombol.insert("temuan".to_string(), KeyList::One("n".into()));
    let (map, notices) = Keymap::default().with_overrides(&tombol, Lang::En);
    let z = Key::ctrl('z');
    assert_eq!(map.action(Context::Walk, z), Some(Action::Undo));
    assert_eq!(
        map.action(Context::Walk, Key::ch('u')),
        None,
        "u no longer undoes"
    );
    assert_eq!(
        map.action(Context::Always, Key::plain(KeyCode::F(1))),
        Some(Action::Help)
    );
    let joined = notices.join("\n");
    assert!(joined.contains("tombol.terbang"), "{joined}");
    assert!(joined.contains("tombol.simpan"), "{joined}");
    // `n` already goes to the next report in the walk-through: refused, `t` stays.
    assert!(joined.contains("tombol.temuan: n is already"), "{joined}");
    assert_eq!(
        map.action(Context::Walk, Key::ch('t')),
        Some(Action::Findings)
    );
    // `h` for help: taken where nothing else reads `h`.
    assert_eq!(
        map.action(Context::Global, Key::ch('h')),
        Some(Action::Help)
    );
    assert_eq!(map.action(Context::Global, Key::ch('?')), None);

    // The rebound key works in the app and its help says so.
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging(Lang::En, Some("juri-2"), data.path());
    let (map, _) = Keymap::default().with_overrides(
        &BTreeMap::from([("batal".to_string(), KeyList::One("ctrl-z".into()))]),
        Lang::En,
    );
    a.keymap = map;
    open(&mut a, "tng-2026-dishub-tertib", 1);
    press(&mut a, &[KeyCode::BackTab, KeyCode::Char('4')]);
    let help: String = a
        .help_sections()
        .iter()
        .flat_map(|(_, l)| l.iter().map(|(k, t)| format!("{k} {t}\n")))
        .collect();
    assert!(help.contains("Ctrl-Z undo"), "{help}");
    let out = a.dispatch(
        KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
        Instant::now(),
    );
    assert_eq!(out, Outcome::Done(Context::Walk, Action::Undo));
}

/// Defect 3: the one-line fields (overview filter, search box, export path) edit at the cursor,
/// move by word, and take a paste as text with its line breaks as spaces.
#[test]
fn line_fields_edit_at_the_cursor_and_take_a_paste() {
    let mut a = app(Lang::Id, Keymap::default());
    press(&mut a, &[KeyCode::Char('/')]);
    for c in "antrean loket".chars() {
        press(&mut a, &[KeyCode::Char(c)]);
    }
    press(&mut a, &[KeyCode::Home, KeyCode::Right, KeyCode::Right]);
    press(&mut a, &[KeyCode::Char('X')]);
    assert_eq!(a.overview.filter.value(), "anXtrean loket");
    a.dispatch(
        KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
        Instant::now(),
    );
    a.on_paste("\nq?", Instant::now());
    assert!(!a.help, "a pasted ? is text, not help");
    assert!(!a.quit, "a pasted q is text");
    assert!(
        a.overview.filter.value().contains(" q?"),
        "{}",
        a.overview.filter.value()
    );
    a.dispatch(
        KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL),
        Instant::now(),
    );
    press(&mut a, &[KeyCode::Enter, KeyCode::F(3)]);
    a.on_paste("antrean\r\nloket", Instant::now());
    press(&mut a, &[KeyCode::Left, KeyCode::Left, KeyCode::Backspace]);
    assert_eq!(a.search.query.value(), "antrean loet");
    // Outside a text field a paste does nothing at all.
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    let before = a.search.query.value().to_string();
    a.on_paste("q", Instant::now());
    assert!(!a.quit);
    assert_eq!(a.search.query.value(), before);
}

/// Defect 10: `J` opens the picker on the judge in use, Esc closes it keeping that judge, `r`
/// reads only; one Esc leaves the walk-through from any pane, and the search screen from a filter.
#[test]
fn the_picker_starts_on_the_judge_and_esc_keeps_it_and_one_esc_goes_back() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging(Lang::Id, Some("juri-2"), data.path());
    press(&mut a, &[KeyCode::Char('J')]);
    assert_eq!(a.judge.as_ref().and_then(|j| j.picker), Some(1));
    let bar: String = a
        .bar_keys()
        .iter()
        .map(|(k, t)| format!("{k} {t} "))
        .collect();
    assert!(
        bar.contains("Enter pakai"),
        "the bar shows the picker's keys: {bar}"
    );
    press(&mut a, &[KeyCode::Down, KeyCode::Esc]);
    let j = a.judge.as_ref().expect("judge");
    assert_eq!((j.picker, j.juri.as_deref()), (None, Some("juri-2")));
    press(&mut a, &[KeyCode::Char('J'), KeyCode::Char('r')]);
    assert_eq!(a.judge.as_ref().and_then(|j| j.juri.clone()), None);

    open(&mut a, "tng-2026-dishub-tertib", 1);
    press(&mut a, &[KeyCode::Tab, KeyCode::Esc]);
    assert_eq!(a.screen, tulta::app::Screen::Overview);
    press(&mut a, &[KeyCode::F(3), KeyCode::Tab, KeyCode::Esc]);
    assert_eq!(a.screen, tulta::app::Screen::Overview);
}

/// `N` opens the next entry the judge has not finished (skipping finished and barred ones).
#[test]
fn n_goes_to_the_next_unfinished_entry() {
    use tulta_core::judging::scoring::Status;
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging(Lang::Id, Some("juri-2"), data.path());
    open(&mut a, "tng-2026-disdukcapil-cekatan", 1);
    let first = a.walk.as_ref().and_then(|w| w.row);
    press(&mut a, &[KeyCode::BackTab, KeyCode::Char('N')]);
    let w = a.walk.as_ref().expect("walk");
    assert_eq!(
        w.pane,
        tulta::app::walk::Pane::Panel,
        "scoring goes on in the panel"
    );
    assert_ne!(w.row, first);
    let id = w
        .opened
        .risalah
        .as_ref()
        .expect("risalah")
        .id_str()
        .to_string();
    let j = a.judge.as_ref().expect("judge");
    assert_ne!(j.status(&id), Status::Finished, "{id}");
    assert!(j.bar(&id).is_none());
    press(&mut a, &[KeyCode::Esc]);
    assert_eq!(a.screen, tulta::app::Screen::Overview);
}

/// Defect 14: the export's default name says the method and category, an existing file is
/// replaced only on a second Enter, and the message names the absolute path.
#[test]
fn export_names_the_method_and_category_and_never_overwrites_silently() {
    let data = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("tmp");
    let mut a = judging(Lang::En, Some("juri-2"), data.path());
    press(
        &mut a,
        &[
            KeyCode::F(5),
            KeyCode::Char('m'),
            KeyCode::Char('c'),
            KeyCode::Char('x'),
        ],
    );
    let name = a
        .judge
        .as_ref()
        .and_then(|j| j.export.as_ref())
        .map(|i| i.value().to_string());
    assert_eq!(
        name.as_deref(),
        Some("peringkat-lomba-budaya-kerja-2026-tirtanagara-median-opd.xlsx")
    );
    let target = out.path().join("r.csv");
    std::fs::write(&target, "keep me").expect("w");
    press(&mut a, &[KeyCode::Esc, KeyCode::Char('x')]);
    a.dispatch(
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
        Instant::now(),
    );
    a.on_paste(&target.display().to_string(), Instant::now());
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(std::fs::read_to_string(&target).expect("r"), "keep me");
    let said = a
        .judge
        .as_ref()
        .and_then(|j| j.message.clone())
        .expect("asked");
    assert!(said.1.contains("Enter again overwrites"), "{said:?}");
    press(&mut a, &[KeyCode::Enter]);
    assert_ne!(std::fs::read_to_string(&target).expect("r"), "keep me");
    let said = a
        .judge
        .as_ref()
        .and_then(|j| j.message.clone())
        .expect("said");
    assert!(
        said.0 && said.1.contains(&target.display().to_string()),
        "{said:?}"
    );
}

/// docs/keys.md is the keymap written out: it fails here when the two drift apart, and
/// `TULTA_BLESS_DOCS=1 cargo test --test keys reference` writes it again.
#[test]
fn the_keys_reference_is_the_keymap() {
    let made = Keymap::default().reference();
    let path = std::path::Path::new("docs/keys.md");
    if std::env::var_os("TULTA_BLESS_DOCS").is_some() {
        std::fs::write(path, &made).expect("write docs/keys.md");
    }
    let written = std::fs::read_to_string(path).expect("docs/keys.md");
    assert!(
        written == made,
        "docs/keys.md differs from the keymap: run TULTA_BLESS_DOCS=1 cargo test --test keys reference"
    );
}
