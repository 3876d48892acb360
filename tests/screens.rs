//! Every screen, the help overlay and each tool's drawing, rendered on ratatui's TestBackend at
//! 80x24 and 120x40 in both languages, and compared with the snapshots under tests/snapshots.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test screens`): a split would only add binaries to build, not separate jobs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::Instant;
use tulta::app::library::{Library, Origin};
use tulta::app::search::Reply;
use tulta::app::{App, Screen};
use tulta_core::files::sources;
use tulta_core::i18n::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [Lang; 2] = [Lang::Id, Lang::En];

fn app(lang: Lang) -> App {
    App::new(
        common::options(lang, Default::default()),
        common::builtin_library(),
    )
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for &k in keys {
        app.on_key(KeyEvent::new(k, KeyModifiers::NONE), Instant::now());
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &[KeyCode::Char(c)]);
    }
}

/// Renders the app and returns the screen as text, with the clock of draft watch blanked.
fn render(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            app.areas = tulta::ui::draw(f, app);
        })
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    // Nothing may be drawn outside the frame: the buffer is exactly the frame.
    assert_eq!((buffer.area.width, buffer.area.height), (w, h));
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    blank_scores(&blank_clock(&out))
}

/// Blanks search scores: BM25 sums can differ in the last digit between index builds.
fn blank_scores(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("skor ").or_else(|| rest.find("score ")) {
        let word = if rest[i..].starts_with("skor ") { 5 } else { 6 };
        out.push_str(&rest[..i + word]);
        rest = &rest[i + word..];
        let n = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(rest.len());
        if n > 0 {
            out.push('#');
        }
        rest = &rest[n..];
    }
    out.push_str(rest);
    out
}

/// Blanks `HH:MM:SS UTC` (draft watch's "checked at") so snapshots do not depend on the time.
fn blank_clock(s: &str) -> String {
    let bytes: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let window: String = bytes[i..bytes.len().min(i + 12)].iter().collect();
        let is_clock = window.len() == 12
            && window.chars().enumerate().all(|(k, c)| match k {
                2 | 5 => c == ':',
                8 => c == ' ',
                9..=11 => "UTC".contains(c),
                _ => c.is_ascii_digit(),
            });
        if is_clock {
            out.push_str("hh:mm:ss UTC");
            i += 12;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn name(lang: Lang, w: u16, h: u16, what: &str) -> String {
    format!("{what}_{}_{w}x{h}", lang.code())
}

fn row_of(app: &App, id: &str) -> usize {
    app.library.find_id(id).expect("sample entry")
}

/// Each scenario: a name and the steps that set the app up from a fresh start.
type Setup = fn(&mut App);

const SCREENS: &[(&str, Setup)] = &[
    ("overview", |_| {}),
    ("overview_filter", |a| {
        press(a, &[KeyCode::Char('/')]);
        typed(a, "kelurahan 2026");
    }),
    ("overview_sorted_by_findings", |a| {
        for _ in 0..5 {
            press(a, &[KeyCode::Char('s')]);
        }
    }),
    ("walk_step1", |a| {
        let r = row_of(a, "tng-2026-pandanwangi-rukun");
        a.open_row(r, 1);
    }),
    ("walk_step3_findings", |a| {
        let r = row_of(a, "tng-2026-pandanwangi-rukun");
        a.open_row(r, 3);
        press(a, &[KeyCode::Char('t')]);
    }),
    ("walk_finding_source_line", |a| {
        let r = row_of(a, "tng-2026-puskesmas-tirta-sehat");
        a.open_row(r, 3);
        press(a, &[KeyCode::Char('t'), KeyCode::Enter]);
    }),
    ("walk_step7_results_vs_target", |a| {
        let r = row_of(a, "tng-2026-kebonagung-maju");
        a.open_row(r, 7);
        press(a, &[KeyCode::Tab]);
    }),
    ("help_overview", |a| press(a, &[KeyCode::Char('?')])),
    ("help_walk", |a| {
        a.open_row(0, 1);
        press(a, &[KeyCode::F(1)]);
    }),
];

#[test]
fn screens() {
    for lang in LANGS {
        for (w, h) in SIZES {
            for (what, setup) in SCREENS {
                let mut a = app(lang);
                setup(&mut a);
                insta::assert_snapshot!(name(lang, w, h, what), render(&mut a, w, h));
            }
        }
    }
}

/// At 80x24 the walk-through's help is taller than the terminal: it scrolls to its last key, says
/// where the rest is, and stays open while scrolling.
#[test]
fn help_scrolls_in_a_short_terminal() {
    for lang in LANGS {
        let mut a = app(lang);
        a.open_row(0, 1);
        press(&mut a, &[KeyCode::F(1)]);
        let last_key = "Ctrl-C Ctrl-Q";
        let top = render(&mut a, 80, 24);
        assert!(!top.contains(last_key), "{top}");
        assert!(top.contains(lang.pick("↓ gulir", "↓ scroll")), "{top}");
        press(&mut a, &[KeyCode::End]);
        let end = render(&mut a, 80, 24);
        assert!(a.help, "End scrolls, it does not close the help");
        assert!(end.contains(last_key), "{end}");
        insta::assert_snapshot!(name(lang, 80, 24, "help_walk_scrolled_to_end"), end);
        // Back to the top; a key the help does not list does nothing, Esc closes it.
        press(&mut a, &[KeyCode::Home]);
        assert_eq!(render(&mut a, 80, 24), top);
        press(&mut a, &[KeyCode::Char('x')]);
        assert!(a.help);
        press(&mut a, &[KeyCode::Esc]);
        assert!(!a.help);
    }
}

/// Every tool kind, each on the sample report that uses it.
#[test]
fn tools() {
    let cases: &[(&str, &str, usize, &str)] = &[
        (
            "curah_pendapat",
            "tng-2026-tegalrejo-resik",
            1,
            "Curah pendapat",
        ),
        (
            "lembar_periksa",
            "tng-2026-tegalrejo-resik",
            3,
            "Lembar periksa",
        ),
        (
            "diagram_pareto",
            "tng-2026-tegalrejo-resik",
            3,
            "Diagram Pareto",
        ),
        (
            "diagram_sebab_akibat",
            "tng-2026-tegalrejo-resik",
            2,
            "Diagram sebab-akibat",
        ),
        (
            "rencana_5w1h",
            "tng-2026-tegalrejo-resik",
            4,
            "Rencana 5W1H",
        ),
        ("grafik", "tng-2026-tegalrejo-resik", 6, "Grafik"),
        (
            "sebelum_sesudah",
            "tng-2026-tegalrejo-resik",
            6,
            "Sebelum/sesudah",
        ),
        (
            "histogram",
            "wns-2025-puskesmas-jatiroto-cermat",
            0,
            "Histogram",
        ),
        ("diagram_tebar", "tng-2026-mpp-prima", 0, "Diagram tebar"),
        (
            "grafik_batas_kendali",
            "tng-2025-bapenda-amanah",
            0,
            "Grafik",
        ),
        ("diagram_alir", "tng-2026-dpmptsp-lancar", 7, "Diagram alir"),
    ];
    for &(what, id, step, tab) in cases {
        for lang in LANGS {
            for (w, h) in SIZES {
                let mut a = app(Lang::Id);
                let r = row_of(&a, id);
                // Find the step that has this tool when the case does not say.
                let steps: Vec<usize> = if step == 0 {
                    (1..=7).collect()
                } else {
                    vec![step]
                };
                let mut found = false;
                for s in steps {
                    a.open_row(r, s);
                    let walk = a.walk.as_mut().expect("opened");
                    let tabs = walk.tabs();
                    for t in 0..tabs.len() {
                        walk.go_tab(t);
                        let title = tab_title_id(walk);
                        if title == tab {
                            found = true;
                            break;
                        }
                    }
                    if found {
                        break;
                    }
                }
                assert!(found, "{id} has no {tab}");
                a.lang = lang;
                a.walk.as_mut().expect("opened").pane = tulta::app::walk::Pane::Content;
                insta::assert_snapshot!(
                    name(lang, w, h, &format!("tool_{what}")),
                    render(&mut a, w, h)
                );
            }
        }
    }
}

/// The Indonesian title of the walk's current tab, as the tests name tools.
fn tab_title_id(walk: &tulta::app::walk::Walk) -> String {
    use tulta::app::walk::Tab;
    match walk.current_tab() {
        Tab::Summary => "Uraian".into(),
        Tab::Tool(i) => walk
            .langkah()
            .and_then(|s| s.alat.get(i))
            .and_then(|a| a.kind)
            .map_or("?".into(), |k| k.label().0.to_string()),
        Tab::BeforeAfter => "Sebelum/sesudah".into(),
        Tab::Lampiran => "Lampiran".into(),
        Tab::Check => "Periksa".into(),
    }
}

#[test]
fn search_screen() {
    let cache = tempfile::tempdir().expect("tmp");
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, cache.path());
    let root = sources::Root::Builtin;
    let dir = tulta_core::search::index_dir(&root).expect("dir");
    let mut archive = tulta_core::search::Archive::open(&dir, false).expect("open");
    let stats = archive.refresh(&root, &|_, _| {}).expect("index");
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut a = app(lang);
            press(&mut a, &[KeyCode::Char('c')]);
            assert_eq!(a.screen, Screen::Search);
            a.search.on_reply(Reply::Ready {
                docs: stats.indexed,
                notices: Vec::new(),
            });
            typed(&mut a, "antrean pelayanan");
            let results = tulta_core::search::search(&archive, &a.search.full_query(), 50)
                .map_err(|e| e.to_string());
            a.search.send_now();
            a.search.on_reply(Reply::Results {
                seq: u64::MAX,
                results,
            });
            let shown = render(&mut a, w, h);
            // Defect 9 of issue 16: at 80 columns every hit still says which step matched.
            let metas: Vec<&str> = shown.lines().filter(|l| l.contains("tng-20")).collect();
            assert!(
                !metas.is_empty()
                    && metas
                        .iter()
                        .all(|l| l.contains(lang.pick("langkah ", "step "))),
                "{shown}"
            );
            insta::assert_snapshot!(name(lang, w, h, "search"), shown);

            // A filter chosen, and the results pane focused.
            press(&mut a, &[KeyCode::Tab, KeyCode::Right, KeyCode::Tab]);
            insta::assert_snapshot!(
                name(lang, w, h, "search_filter_focus"),
                render(&mut a, w, h)
            );
        }
    }
    // Enter on a hit opens the report at the step that matched.
    let mut a = app(Lang::Id);
    press(&mut a, &[KeyCode::Char('c')]);
    let results = tulta_core::search::search(&archive, "antrean", 50).map_err(|e| e.to_string());
    let first = results
        .as_ref()
        .ok()
        .and_then(|r| r.hits.first().cloned())
        .expect("a hit");
    a.search.on_reply(Reply::Results {
        seq: u64::MAX,
        results,
    });
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(a.screen, Screen::Walk);
    let walk = a.walk.as_ref().expect("opened");
    assert_eq!(Some(walk.step), first.langkah.or(Some(1)));
    assert_eq!(
        walk.opened.risalah.as_ref().map(|r| r.id_str().to_string()),
        Some(first.id)
    );
    drop(archive);
}

#[test]
fn draft_screen() {
    let dir = std::path::Path::new("target/tulta-test-draft");
    std::fs::create_dir_all(dir).expect("mkdir");
    let path = dir.join("draf.yaml");
    let flawed =
        sources::builtin_file("reports/lomba-2026/risalah/tng-2026-puskesmas-tirta-sehat.yaml")
            .expect("sample");
    std::fs::write(&path, &flawed.bytes[..]).expect("write");
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut a = app(lang);
            a.open_draft(&path);
            assert_eq!(a.screen, Screen::Draft);
            insta::assert_snapshot!(name(lang, w, h, "draft"), render(&mut a, w, h));
        }
    }
    // Re-checking sees the file as saved now.
    let mut a = app(Lang::En);
    a.open_draft(&path);
    let text =
        String::from_utf8_lossy(&flawed.bytes).replace("format: risalah/1", "format: risalah/9");
    std::fs::write(&path, text).expect("write");
    press(&mut a, &[KeyCode::Char('r')]);
    let d = a.draft.as_ref().expect("draft");
    assert_eq!(
        d.opened.diagnostics.first().map(|x| x.code().as_str()),
        Some("T002")
    );
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    for (w, h) in [
        (1, 1),
        (10, 3),
        (19, 5),
        (40, 10),
        (80, 24),
        (200, 60),
        (81, 25),
    ] {
        for (_, setup) in SCREENS {
            let mut a = app(Lang::Id);
            setup(&mut a);
            render(&mut a, w, h);
        }
    }
}

/// The app with the sample competition open for judging, journals in a fresh folder (the demo
/// journals are copied in), scoring as `juri` (or asking, with `None`).
fn judging_app(lang: Lang, juri: Option<&str>, data: &std::path::Path) -> App {
    let mut a = app(lang);
    let comp = tulta_core::judging::competition::load(Some(std::path::Path::new("reports")), lang)
        .expect("competition");
    let judging = tulta_core::judging::Judging::open_in(comp, data).expect("judging");
    a.set_judge(Some(tulta::app::judge::JudgeState::new(
        judging,
        juri.map(str::to_string),
    )));
    a
}

const JUDGING: &[(&str, Option<&str>, Setup)] = &[
    ("judge_picker", None, |_| {}),
    ("judge_overview", Some("juri-2"), |_| {}),
    ("judge_panel", Some("juri-2"), |a| {
        let r = row_of(a, "tng-2026-dishub-tertib");
        a.open_row(r, 3);
        press(
            a,
            &[
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Char('4'),
                KeyCode::Down,
                KeyCode::Char(' '),
            ],
        );
    }),
    // Esc at the picker: reading without a judge, so no scoring panel beside the walk-through.
    ("judge_read_only_walk", None, |a| {
        press(a, &[KeyCode::Esc]);
        let r = row_of(a, "tng-2026-dishub-tertib");
        a.open_row(r, 2);
    }),
    ("judge_conflict", Some("juri-2"), |a| {
        let r = row_of(a, "tng-2026-rsud-sigap");
        a.open_row(r, 1);
        press(a, &[KeyCode::Tab, KeyCode::Tab]);
    }),
    ("judge_note_prompt", Some("juri-1"), |a| {
        let r = row_of(a, "tng-2026-mpp-prima");
        a.open_row(r, 1);
        press(a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('e')]);
        typed(a, "Data Pareto rapi");
        press(a, &[KeyCode::Esc]);
    }),
    ("judge_ranking", Some("juri-1"), |a| {
        press(a, &[KeyCode::F(5)])
    }),
    ("judge_ranking_median_kelurahan", Some("juri-1"), |a| {
        press(
            a,
            &[
                KeyCode::F(5),
                KeyCode::Char('m'),
                KeyCode::Char('c'),
                KeyCode::Char('c'),
            ],
        )
    }),
    ("judge_progress", Some("juri-3"), |a| {
        press(a, &[KeyCode::F(6)])
    }),
    // Issue 16: the progress screen drills down to a judge's unfinished entries, and compares the
    // judges on an entry they disagree on.
    ("judge_progress_drill_down", Some("juri-3"), |a| {
        press(a, &[KeyCode::F(6), KeyCode::Down, KeyCode::Enter])
    }),
    ("judge_compare", Some("juri-1"), |a| {
        // The reading, where the Mal Pelayanan Publik is flagged for discussion (1.50 apart).
        press(a, &[KeyCode::F(6), KeyCode::Char('t')]);
        // The first disagreement: after the three judges.
        press(
            a,
            &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Enter],
        );
    }),
    // Stages (spec §8): the picker, the gelar's slot clock in its last minute, one stage's ranking.
    ("judge_stage_picker", Some("juri-2"), |a| {
        press(a, &[KeyCode::Char('T')])
    }),
    ("judge_countdown", Some("juri-1"), |a| {
        let r = row_of(a, "tng-2026-kebonagung-maju");
        a.open_row(r, 1);
        press(a, &[KeyCode::Tab, KeyCode::Tab]);
        if let Some(j) = a.judge.as_mut() {
            j.timer = tulta::app::judge::Timer::paused("tng-2026-kebonagung-maju", 19 * 60 + 25);
        }
    }),
    ("judge_ranking_stage", Some("juri-1"), |a| {
        press(a, &[KeyCode::F(5), KeyCode::Char('t')])
    }),
];

#[test]
fn judging_screens() {
    for lang in LANGS {
        for (w, h) in SIZES {
            for (what, juri, setup) in JUDGING {
                let data = tempfile::tempdir().expect("tmp");
                let mut a = judging_app(lang, *juri, data.path());
                setup(&mut a);
                let mut screen = render(&mut a, w, h);
                // The journal's sequence number depends on the demo journals' length only.
                screen = screen.replace('\r', "");
                insta::assert_snapshot!(name(lang, w, h, what), screen);
            }
        }
    }
}

#[test]
fn a_conflict_is_refused_in_the_panel_and_nothing_is_written() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::En, Some("juri-3"), data.path());
    let r = row_of(&a, "tng-2026-karangsari-guyub");
    a.open_row(r, 1);
    let before = a.judge.as_ref().map(|j| j.judging.changes("juri-3").len());
    // The barred panel takes no focus: Tab goes steps → content → steps, and a digit is a step.
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('4')]);
    assert!(a
        .walk
        .as_ref()
        .is_some_and(|w| w.pane != tulta::app::walk::Pane::Panel));
    assert_eq!(a.walk.as_ref().map(|w| w.step), Some(4));
    let j = a.judge.as_ref().expect("judging");
    assert_eq!(Some(j.judging.changes("juri-3").len()), before);
    let shown = render(&mut a, 120, 40);
    assert!(shown.contains("may not score"), "{shown}");
}

/// Defect 6 of issue 16: the guidance item under ▶ is shown whole at 80x24 (it used to be cut
/// at any width), and a long saved note is read whole while its line is under ▶.
#[test]
fn the_guidance_item_and_note_under_the_cursor_are_read_whole() {
    let data = tempfile::tempdir().expect("tmp");
    for lang in LANGS {
        let mut a = judging_app(lang, Some("juri-2"), data.path());
        let r = row_of(&a, "tng-2026-dishub-tertib");
        a.open_row(r, 1);
        press(&mut a, &[KeyCode::BackTab, KeyCode::Down]);
        let item = a.judge.as_ref().expect("judge").kriteria()[0].panduan[0].clone();
        let shown = render(&mut a, 80, 24);
        let flat: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        for word in item.split_whitespace() {
            assert!(flat.contains(word), "{word} of {item:?} missing:\n{shown}");
        }
        assert!(!shown.contains(&format!("{}…", &item[..20])), "{shown}");
        let long = "Analisis Pareto sudah tepat; namun sasaran belum dikaitkan dengan standar pelayanan minimal dan data bulan Maret tidak dilampirkan sama sekali";
        press(&mut a, &[KeyCode::Up, KeyCode::Char('e')]);
        a.on_paste(long, Instant::now());
        a.on_key(
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Instant::now(),
        );
        let shown = render(&mut a, 80, 24);
        assert!(shown.contains("sekali"), "{shown}");
    }
}

/// Defect 15 of issue 16: the judge picker shows every judge's OPD whole (it decides conflicts) at
/// 80 and 120 columns, and at 120 columns the overview's title column is no longer 14 characters.
#[test]
fn the_picker_shows_the_opd_whole_and_the_title_column_has_room() {
    let data = tempfile::tempdir().expect("tmp");
    for (w, h) in SIZES {
        let mut a = judging_app(Lang::Id, None, data.path());
        let shown = render(&mut a, w, h);
        for opd in [
            "Bagian Organisasi Setda Kota Tirtanagara",
            "RSUD Tirta Husada",
            "Biro Organisasi Setda Provinsi",
        ] {
            assert!(shown.contains(opd), "{opd} at {w}x{h}:\n{shown}");
        }
    }
    let mut a = judging_app(Lang::Id, Some("juri-2"), data.path());
    let shown = render(&mut a, 120, 40);
    assert!(shown.contains("Mempercepat penerbitan akta"), "{shown}");
    // The archive beside the competition is a key away (defect 13).
    assert!(!shown.contains("Validasi BPHTB"), "{shown}");
    press(&mut a, &[KeyCode::Char('a')]);
    let shown = render(&mut a, 120, 40);
    assert!(shown.contains("Validasi BPHTB selesai tanpa"), "{shown}");
    assert!(shown.contains("20 risalah"), "{shown}");
}

/// Defect 7 of issue 16: after the draft is saved again, the step view opened from it and its row
/// in the overview show the new reading, not the old findings and count.
#[test]
fn draft_watch_refreshes_the_step_view_and_the_overview_row() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("draf.yaml");
    let clean = sources::builtin_file("reports/lomba-2026/risalah/tng-2026-dishub-tertib.yaml")
        .expect("sample");
    std::fs::write(&path, &clean.bytes[..]).expect("write");
    let name = path.display().to_string();
    let files = sources::collect(std::slice::from_ref(&path)).expect("collect");
    let library = Library::build(&name, &files, &|n| Origin::Disk(n.into()), &|_| {});
    let mut a = App::new(common::options(Lang::En, Default::default()), library);
    a.open_draft(&path);
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(a.screen, Screen::Walk);
    assert_eq!(a.walk.as_ref().map(|w| w.opened.diagnostics.len()), Some(0));
    let broken =
        String::from_utf8_lossy(&clean.bytes).replace("format: risalah/1", "format: risalah/9");
    std::fs::write(&path, broken).expect("write");
    let now = Instant::now();
    if let Some(d) = &mut a.draft {
        d.touched(now);
    }
    a.tick(now + std::time::Duration::from_millis(500));
    let w = a.walk.as_ref().expect("walk");
    assert!(
        w.opened
            .diagnostics
            .iter()
            .any(|x| x.code().as_str() == "T002"),
        "the step view shows the new finding"
    );
    assert!(
        a.library.rows[0].errors > 0,
        "the overview row is read again"
    );
}

/// Defect 9 of issue 16: beside the scoring panel at 80x24 a Pareto row keeps its cumulative
/// percent on its own line and the scale's marks do not run together; the 5W1H plan breaks no word.
#[test]
fn pareto_and_5w1h_fit_beside_the_panel_at_80x24() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::Id, Some("juri-2"), data.path());
    let r = row_of(&a, "tng-2026-dishub-tertib");
    a.open_row(r, 3);
    press(&mut a, &[KeyCode::Tab, KeyCode::Right, KeyCode::Right]);
    let shown = render(&mut a, 80, 24);
    assert!(
        shown
            .lines()
            .any(|l| l.contains(" 48 ") && l.contains("44,4")),
        "{shown}"
    );
    assert!(!shown.contains("5080"), "{shown}");
    press(&mut a, &[KeyCode::Char('4'), KeyCode::Right]);
    let shown = render(&mut a, 80, 24);
    assert!(shown.contains("Pendaftaran dan pembayaran"), "{shown}");
    assert!(!shown.contains("Pendaftar\n"), "{shown}");
}

/// Defect 6 of issue 16: one checklist. While a judge scores the entry, the Check tab points to
/// the panel's guidance items instead of showing a second list that cannot be ticked.
#[test]
fn the_check_tab_shows_no_second_checklist_while_scoring() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::En, Some("juri-2"), data.path());
    let r = row_of(&a, "tng-2026-dishub-tertib");
    a.open_row(r, 1);
    press(&mut a, &[KeyCode::Char('t')]);
    let shown = render(&mut a, 120, 40);
    assert!(shown.contains("ticked in the Scores panel"), "{shown}");
    let content: String = shown
        .lines()
        .map(|l| l.split('│').nth(3).unwrap_or_default().to_string() + "\n")
        .collect();
    assert!(!content.contains('☐'), "{content}");
    // Reading without a judge keeps the checklist.
    let mut a = app(Lang::En);
    let r = row_of(&a, "tng-2026-dishub-tertib");
    a.open_row(r, 1);
    press(&mut a, &[KeyCode::Char('t')]);
    assert!(render(&mut a, 120, 40).contains('☐'));
}

/// Defect 14 of issue 16: the progress screen says which entries each judge has started and not
/// finished, with how many criteria are scored — in the stage being scored (the sample's gelar).
#[test]
fn progress_names_the_entries_in_progress() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::Id, Some("juri-2"), data.path());
    press(&mut a, &[KeyCode::F(6)]);
    let shown = render(&mut a, 120, 40);
    assert!(
        shown.contains("◐ berjalan: tng-2026-karangsari-guyub 3/7"),
        "{shown}"
    );
}

/// A journal altered behind the app's back is not shown as work not yet done: the overview and the
/// scoring panel name the judge, the line and the command, in both languages.
#[test]
fn a_damaged_journal_is_loud_in_the_app() {
    for (lang, words) in [
        (Lang::Id, ["juri-1", "baris 3", "tulta verify"]),
        (Lang::En, ["juri-1", "line 3", "tulta verify"]),
    ] {
        let data = tempfile::tempdir().expect("tmp");
        let mut a = judging_app(lang, Some("juri-1"), data.path());
        let dir = a
            .judge
            .as_ref()
            .expect("judging")
            .judging
            .dir()
            .to_path_buf();
        let path = dir.join("juri-1.jsonl");
        let text = std::fs::read_to_string(&path).expect("journal");
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines[2] = lines[2].replacen("\"nilai\":", "\"nilai\":1", 1);
        std::fs::write(&path, lines.join("\n") + "\n").expect("write");
        if let Some(j) = a.judge.as_mut() {
            j.judging.reload();
        }
        let shown = render(&mut a, 100, 30).replace('\n', " ");
        for w in words {
            assert!(shown.contains(w), "{lang:?} overview lacks `{w}`: {shown}");
        }
        let r = row_of(&a, "tng-2026-dishub-tertib");
        a.open_row(r, 1);
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
        let shown = render(&mut a, 120, 40);
        assert!(
            shown.contains(lang.pick("tidak dapat disimpan", "cannot be saved")),
            "{shown}"
        );
    }
}

/// Records what it was asked to open and opens nothing: no test ever starts a viewer.
struct Recorder(std::sync::Arc<std::sync::Mutex<Vec<std::path::PathBuf>>>);

impl tulta::app::opener::Opener for Recorder {
    fn open(&self, path: &std::path::Path, _: Lang) -> Result<(), String> {
        self.0.lock().unwrap().push(path.to_path_buf());
        Ok(())
    }
    fn name(&self) -> &'static str {
        "xdg-open"
    }
}

type Calls = std::sync::Arc<std::sync::Mutex<Vec<std::path::PathBuf>>>;

/// The app on a folder on disk, as `tulta app FOLDER` opens it, with the opener recorded.
fn disk_app(lang: Lang, root: &std::path::Path) -> (App, Calls) {
    let files = sources::collect(&[root.to_path_buf()]).expect("collect");
    let library = Library::build(
        &root.display().to_string(),
        &files,
        &|name| Origin::Disk(name.into()),
        &|_| {},
    );
    let options = tulta::app::Options {
        root: Some(sources::Root::Disk(root.to_path_buf())),
        ..common::options(lang, Default::default())
    };
    let mut a = App::new(options, library);
    let calls = Calls::default();
    a.opener = Box::new(Recorder(calls.clone()));
    (a, calls)
}

/// Shows the tab whose Indonesian title is `title` on the open report's current step.
fn go_tab_titled(a: &mut App, title: &str) {
    let walk = a.walk.as_mut().expect("opened");
    for t in 0..walk.tabs().len() {
        walk.go_tab(t);
        if tab_title_id(walk) == title {
            walk.pane = tulta::app::walk::Pane::Content;
            return;
        }
    }
    panic!("no tab {title}");
}

/// Issue 18: the lampiran list, the priority matrix, stratification as grouped bars, and a
/// step's plan-vs-actual bar with step 6's benefits in numbers, on the sample folder on disk.
#[test]
fn evidence_and_second_edition_tools() {
    let reports = std::path::Path::new("reports");
    type Case = (&'static str, &'static str, usize, Option<&'static str>);
    let cases: &[Case] = &[
        ("lampiran", "tng-2026-karangsari-guyub", 1, Some("Lampiran")),
        (
            "matriks_prioritas",
            "tng-2026-karangsari-guyub",
            1,
            Some("Matriks prioritas"),
        ),
        (
            "stratifikasi",
            "tng-2026-rsud-sigap",
            3,
            Some("Stratifikasi"),
        ),
        ("jadwal_manfaat", "tng-2026-karangsari-guyub", 6, None),
    ];
    for &(what, id, step, tab) in cases {
        for lang in LANGS {
            for (w, h) in SIZES {
                let (mut a, calls) = disk_app(lang, reports);
                let r = row_of(&a, id);
                a.open_row(r, step);
                match tab {
                    Some(t) => go_tab_titled(&mut a, t),
                    None => a.walk.as_mut().expect("opened").pane = tulta::app::walk::Pane::Content,
                }
                let shown = render(&mut a, w, h);
                insta::assert_snapshot!(name(lang, w, h, what), shown);
                assert!(calls.lock().unwrap().is_empty());
                // Tiny and odd terminals draw these too, without a panic.
                for (tw, th) in [(1, 1), (10, 3), (19, 5), (40, 10), (81, 25)] {
                    render(&mut a, tw, th);
                }
            }
        }
    }
}

/// The opener is given a file only when it lies inside the reports folder and is a document or a
/// picture; a crafted risalah's `../../../etc/passwd`, `.desktop` file, missing file, link leading
/// outside or web address is refused with the reason, in the user's language, and never opened.
#[test]
fn attachments_open_only_documents_and_pictures_inside_the_reports_folder() {
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("rahasia.pdf"), b"%PDF").expect("write");
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path().join("laporan");
    std::fs::create_dir_all(root.join("lampiran")).expect("mkdir");
    std::fs::write(root.join("lampiran/baik.pdf"), b"%PDF-1.4").expect("write");
    std::fs::write(root.join("lampiran/FOTO.PNG"), b"\x89PNG").expect("write");
    std::fs::write(
        root.join("lampiran/jalan.desktop"),
        b"[Desktop Entry]\nExec=sh -c 'touch /tmp/pwned'\n",
    )
    .expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("rahasia.pdf"),
        root.join("lampiran/tautan.pdf"),
    )
    .expect("symlink");
    // A hard link: another name, inside the folder, for the file outside it.
    std::fs::hard_link(
        outside.path().join("rahasia.pdf"),
        root.join("lampiran/keras.pdf"),
    )
    .expect("hard link");
    let berkas = [
        "lampiran/baik.pdf",
        "../../../etc/passwd",
        "lampiran/jalan.desktop",
        "lampiran/hilang.pdf",
        "lampiran/tautan.pdf",
        "https://contoh.go.id/sop.pdf",
        "lampiran/keras.pdf",
        "lampiran/FOTO.PNG",
    ];
    let mut text = include_str!("fixtures/bersih.yaml").to_string();
    text.push_str("lampiran:\n");
    for b in berkas {
        text.push_str(&format!("  - {{jenis: data, berkas: \"{b}\"}}\n"));
    }
    std::fs::write(root.join("r.yaml"), text).expect("write");
    let good = root.join("lampiran/baik.pdf").canonicalize().unwrap();
    let picture = root.join("lampiran/FOTO.PNG").canonicalize().unwrap();
    for lang in LANGS {
        let (mut a, calls) = disk_app(lang, &root);
        a.open_row(0, 2);
        // `o` away from the list shows it; on the list it opens the selected file.
        press(&mut a, &[KeyCode::Char('o')]);
        assert!(calls.lock().unwrap().is_empty());
        let expected: [Option<(&str, &str)>; 8] = [
            None,
            Some(("ke luar folder laporan", "outside the reports folder")),
            Some(("hanya dokumen dan gambar", "only documents and pictures")),
            Some(("berkas tidak ada", "does not exist")),
            Some(("ke luar folder laporan", "outside the reports folder")),
            Some(("alamat web tidak dibuka", "web addresses are not opened")),
            Some(("tautan keras", "hard links")),
            None,
        ];
        for (i, refused) in expected.iter().enumerate() {
            let before = calls.lock().unwrap().len();
            press(&mut a, &[KeyCode::Char('o')]);
            let status = a.status.clone().unwrap_or_default();
            match refused {
                Some(why) => {
                    assert_eq!(
                        calls.lock().unwrap().len(),
                        before,
                        "{}: {status}",
                        berkas[i]
                    );
                    assert!(
                        status.contains(lang.pick("tidak dibuka", "not opened")),
                        "{status}"
                    );
                    assert!(status.contains(lang.pick(why.0, why.1)), "{status}");
                }
                None => {
                    assert_eq!(
                        calls.lock().unwrap().len(),
                        before + 1,
                        "{}: {status}",
                        berkas[i]
                    );
                    assert!(status.contains("xdg-open"), "{status}");
                }
            }
            // The reason is on screen too, before any key.
            if let Some(why) = refused {
                assert!(render(&mut a, 120, 40).contains(lang.pick(why.0, why.1)));
            }
            press(&mut a, &[KeyCode::Down]);
        }
        assert_eq!(*calls.lock().unwrap(), vec![good.clone(), picture.clone()]);
        // Enter on the list opens too.
        press(&mut a, &[KeyCode::Home, KeyCode::Enter]);
        assert_eq!(calls.lock().unwrap().last(), Some(&good));
    }
    // The built-in sample is not on disk: nothing of it is ever opened.
    let mut a = app(Lang::En);
    let calls = Calls::default();
    a.opener = Box::new(Recorder(calls.clone()));
    let r = row_of(&a, "tng-2026-karangsari-guyub");
    a.open_row(r, 1);
    press(&mut a, &[KeyCode::Char('o'), KeyCode::Char('o')]);
    assert!(calls.lock().unwrap().is_empty());
    assert!(a.status.unwrap_or_default().contains("not opened"));
}

/// Issue 16's conveniences: redo records again, as a new line, the change undone on the entry in
/// view; another change in between leaves nothing to redo.
#[test]
fn redo_records_the_undone_change_again() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::En, Some("juri-2"), data.path());
    let r = row_of(&a, "tng-2026-kebonagung-maju");
    a.open_row(r, 1);
    let lines = |a: &App| {
        a.judge
            .as_ref()
            .map_or(0, |j| j.judging.changes("juri-2").len())
    };
    let before = lines(&a);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('3')]);
    press(&mut a, &[KeyCode::Char('u')]);
    press(&mut a, &[KeyCode::Char('U')]);
    assert_eq!(
        lines(&a),
        before + 3,
        "score, its withdrawal, the score again"
    );
    let j = a.judge.as_ref().expect("judge");
    assert_eq!(
        j.sheet("tng-2026-kebonagung-maju").skor.get("paparan"),
        Some(&3.0)
    );
    assert!(render(&mut a, 120, 40).contains("redone"));
    // Nothing left to redo: the key writes nothing.
    press(&mut a, &[KeyCode::Char('U')]);
    assert_eq!(lines(&a), before + 3);
    press(
        &mut a,
        &[KeyCode::Char('u'), KeyCode::Char('4'), KeyCode::Char('U')],
    );
    assert_eq!(
        lines(&a),
        before + 5,
        "a change after the undo empties the redo list"
    );
}

/// Issue 16's conveniences: the overview sorts by the judge's own status and own score, and sorts
/// again when the judge comes back to it.
#[test]
fn the_overview_sorts_by_my_status_and_my_score() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::En, Some("juri-3"), data.path());
    let order = |a: &App| -> Vec<String> {
        a.overview
            .visible
            .iter()
            .map(|&i| a.library.rows[i].id.clone())
            .collect()
    };
    // file → OPD → kind → year → title → findings → my status.
    press(&mut a, &[KeyCode::Char('s'); 6]);
    assert!(render(&mut a, 120, 40).contains("sort: my status"));
    let o = order(&a);
    // In the gelar juri-3 has Dishub in progress, Kebonagung untouched, then the finished ones.
    assert_eq!(o[0], "tng-2026-dishub-tertib", "{o:?}");
    assert_eq!(o[1], "tng-2026-kebonagung-maju", "{o:?}");
    press(&mut a, &[KeyCode::Char('s')]);
    assert!(render(&mut a, 120, 40).contains("sort: my score"));
    let o = order(&a);
    // Highest first: juri-3's gelar index of Tegalrejo is 4.57.
    assert_eq!(o[0], "tng-2026-tegalrejo-resik", "{o:?}");
    // Finishing Kebonagung with 5s moves it to the top when the judge comes back.
    let r = row_of(&a, "tng-2026-kebonagung-maju");
    a.open_row(r, 1);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    for _ in 0..7 {
        press(&mut a, &[KeyCode::Char('5'), KeyCode::Char(']')]);
    }
    press(&mut a, &[KeyCode::Esc]);
    assert_eq!(order(&a)[0], "tng-2026-kebonagung-maju");
}

/// `N` goes to the next entry the judge can score now: an entry that has not reached the stage is
/// not "unfinished" (found in a tmux pass: it went to an eliminated entry).
#[test]
fn next_unfinished_skips_entries_that_have_not_reached_the_stage() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::En, Some("juri-2"), data.path());
    let r = row_of(&a, "tng-2026-kebonagung-maju");
    a.open_row(r, 1);
    press(&mut a, &[KeyCode::Char('N')]);
    let shown = a
        .walk
        .as_ref()
        .and_then(|w| w.row)
        .map(|i| a.library.rows[i].id.clone());
    assert_eq!(shown.as_deref(), Some("tng-2026-karangsari-guyub"));
}

/// Found in a tmux pass as a new judge would type it: `3.5` recorded 3 and then 5. A point after a
/// score now waits for its `5`: 3 . 5 is 3.5; `,` as Indonesians write it works the same.
#[test]
fn typing_three_point_five_scores_three_and_a_half() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(Lang::Id, Some("juri-2"), data.path());
    let r = row_of(&a, "tng-2026-kebonagung-maju");
    a.open_row(r, 1);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    press(
        &mut a,
        &[KeyCode::Char('3'), KeyCode::Char('.'), KeyCode::Char('5')],
    );
    let score = |a: &App, k: &str| {
        a.judge
            .as_ref()
            .and_then(|j| j.sheet("tng-2026-kebonagung-maju").skor.get(k).copied())
    };
    assert_eq!(score(&a, "paparan"), Some(3.5));
    press(
        &mut a,
        &[
            KeyCode::Char(']'),
            KeyCode::Char('4'),
            KeyCode::Char(','),
            KeyCode::Char('5'),
        ],
    );
    assert_eq!(score(&a, "penguasaan-materi"), Some(4.5));
    // A point then another digit is refused, and says why; 5 . 5 would be off the scale.
    press(
        &mut a,
        &[
            KeyCode::Char(']'),
            KeyCode::Char('2'),
            KeyCode::Char('.'),
            KeyCode::Char('7'),
        ],
    );
    assert_eq!(score(&a, "tanya-jawab"), Some(2.0));
    assert!(render(&mut a, 120, 40).contains("hanya setengah"));
    press(
        &mut a,
        &[KeyCode::Char('5'), KeyCode::Char('.'), KeyCode::Char('5')],
    );
    assert_eq!(score(&a, "tanya-jawab"), Some(5.0));
}

/// The README's picture of the app is a frame the app draws, never a drawing: this test compares
/// them, and `TULTA_BLESS_README=1 cargo test --test screens readme` writes the frame in.
#[test]
fn the_readme_shows_the_app_as_it_draws_itself() {
    let data = tempfile::tempdir().expect("tmp");
    let (_, juri, setup) = JUDGING
        .iter()
        .find(|(name, _, _)| *name == "judge_panel")
        .expect("the panel's setup");
    let mut a = judging_app(Lang::En, *juri, data.path());
    setup(&mut a);
    let frame = render(&mut a, 120, 36);
    let (start, end) = ("<!-- frame:start -->\n```text\n", "```\n<!-- frame:end -->");
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let from = readme.find(start).expect("the frame's start marker") + start.len();
    let to = readme[from..].find(end).expect("the frame's end marker") + from;
    if std::env::var_os("TULTA_BLESS_README").is_some() {
        let mut updated = readme[..from].to_string();
        updated.push_str(&frame);
        updated.push_str(&readme[to..]);
        std::fs::write("README.md", updated).expect("write README.md");
    } else {
        assert_eq!(
            readme[from..to],
            frame,
            "the README's frame differs from what the app draws: run \
             TULTA_BLESS_README=1 cargo test --test screens readme"
        );
    }
}
