//! A judge's every key does exactly one visible thing (issue 24): through the app's own key
//! handling on the sample competition, after every key the journal is replayed on its own (from
//! the file, not through the app) and every criterion on screen is compared with it. A score
//! typed as `3 . 5`, `4 -` or `4 +` is one line and one undo step; a focus change drops a half
//! waiting for its 5; undo in a window that did not see the newest line withdraws nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};
use tulta::app::App;
use tulta_core::i18n::Lang;

const ENTRY: &str = "tng-2026-kebonagung-maju";
const JURI: &str = "juri-2";

fn judging_app(data: &Path) -> App {
    let mut a = App::new(
        common::options(Lang::Id, Default::default()),
        common::builtin_library(),
    );
    let comp = tulta_core::judging::competition::load(Some(Path::new("reports")), Lang::Id)
        .expect("competition");
    let judging = tulta_core::judging::Judging::open_in(comp, data).expect("judging");
    a.set_judge(Some(tulta::app::judge::JudgeState::new(
        judging,
        Some(JURI.to_string()),
    )));
    a
}

fn open(a: &mut App, id: &str) {
    let r = a.library.find_id(id).expect("sample entry");
    a.open_row(r, 1);
}

fn render(a: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| {
            a.areas = tulta::ui::draw(f, a);
        })
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Every criterion of the stage in view as the scoring panel shows it: `None` for `—`.
fn on_screen(a: &mut App) -> BTreeMap<String, Option<f64>> {
    let ids: Vec<String> = a
        .judge
        .as_ref()
        .expect("judge")
        .kriteria()
        .iter()
        .map(|k| k.id.clone())
        .collect();
    let screen = render(a, 140, 50);
    let mut shown = BTreeMap::new();
    for line in screen.lines() {
        // The panel is the last bordered box of the line.
        let Some(panel) = line.rsplit("││").next() else {
            continue;
        };
        let panel = panel.trim_start_matches(['▶', ' ']);
        for id in &ids {
            if panel.starts_with(&format!("{id} ")) {
                if let (Some(open), Some(close)) = (panel.rfind('['), panel.rfind(']')) {
                    let cell = panel[open + 1..close].trim();
                    let v = (cell != "—").then(|| cell.replace(',', ".").parse().expect(cell));
                    shown.insert(id.clone(), v);
                }
            }
        }
    }
    assert_eq!(
        shown.len(),
        ids.len(),
        "every criterion is on screen:\n{screen}"
    );
    shown
}

/// The judge's journal replayed from the file alone: per criterion of `entry` in `tahap`, the
/// latest score line not withdrawn.
fn replayed(data: &Path, tahap: &str, first: &str, entry: &str) -> BTreeMap<String, f64> {
    let text = std::fs::read_to_string(data.join(format!("{JURI}.jsonl"))).unwrap_or_default();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let withdrawn: BTreeSet<u64> = lines
        .iter()
        .filter(|l| l["perubahan"]["jenis"] == "tarik")
        .filter_map(|l| l["perubahan"]["urutan"].as_u64())
        .collect();
    let mut scores = BTreeMap::new();
    for l in &lines {
        let stage = l["tahap"].as_str().unwrap_or(first);
        let urutan = l["urutan"].as_u64().expect("urutan");
        if stage != tahap
            || l["risalah"] != entry
            || l["perubahan"]["jenis"] != "skor"
            || withdrawn.contains(&urutan)
        {
            continue;
        }
        let k = l["perubahan"]["kriteria"].as_str().expect("kriteria");
        scores.insert(
            k.to_string(),
            l["perubahan"]["nilai"].as_f64().expect("nilai"),
        );
    }
    scores
}

fn lines_in(data: &Path) -> usize {
    std::fs::read_to_string(data.join(format!("{JURI}.jsonl")))
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

/// Presses `keys` one by one on `a`; after each, the screen must show what the journal holds.
fn press_checked(a: &mut App, data: &Path, keys: &[KeyCode]) {
    for &k in keys {
        a.dispatch(KeyEvent::new(k, KeyModifiers::NONE), Instant::now());
        same(a, data, &format!("after {k:?}"));
    }
}

fn same(a: &mut App, data: &Path, when: &str) {
    let (tahap, first) = {
        let j = a.judge.as_ref().expect("judge");
        (
            j.tahap.clone(),
            j.judging.competition.first_scored().to_string(),
        )
    };
    let journal = replayed(data, &tahap, &first, ENTRY);
    let screen = on_screen(a);
    for (k, shown) in &screen {
        assert_eq!(
            *shown,
            journal.get(k).copied(),
            "{when}: criterion {k} on screen differs from the journal"
        );
    }
}

fn score(a: &App, k: &str) -> Option<f64> {
    a.judge
        .as_ref()
        .and_then(|j| j.sheet(ENTRY).skor.get(k).copied())
}

fn message(a: &App) -> String {
    a.judge
        .as_ref()
        .and_then(|j| j.message.clone())
        .map(|m| m.1)
        .unwrap_or_default()
}

/// Item 1: `3 . 5`, `4 -`, `4 +` are one line each, and one undo returns the criterion to what
/// it showed before the gesture.
#[test]
fn a_half_is_one_line_and_one_undo_step() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(data.path());
    open(&mut a, ENTRY);
    press_checked(&mut a, data.path(), &[KeyCode::Tab, KeyCode::Tab]);
    let start = lines_in(data.path());
    assert_eq!(score(&a, "paparan"), None);

    press_checked(
        &mut a,
        data.path(),
        &[KeyCode::Char('3'), KeyCode::Char('.'), KeyCode::Char('5')],
    );
    assert_eq!(score(&a, "paparan"), Some(3.5));
    assert_eq!(lines_in(data.path()), start + 1, "3 . 5 is one line");
    press_checked(&mut a, data.path(), &[KeyCode::Char('u')]);
    assert_eq!(score(&a, "paparan"), None, "undo returns to — ");

    press_checked(
        &mut a,
        data.path(),
        &[KeyCode::Char('4'), KeyCode::Char('-')],
    );
    assert_eq!(score(&a, "paparan"), Some(3.5));
    let before = lines_in(data.path());
    press_checked(&mut a, data.path(), &[KeyCode::Char('u')]);
    assert_eq!(lines_in(data.path()), before + 1, "one withdrawal");
    assert_eq!(score(&a, "paparan"), None);

    // On a criterion that already has a score, undo returns to that score.
    press_checked(
        &mut a,
        data.path(),
        &[KeyCode::Char('2'), KeyCode::Char(']')],
    );
    press_checked(&mut a, data.path(), &[KeyCode::Char('[')]);
    assert_eq!(score(&a, "paparan"), Some(2.0));
    press_checked(
        &mut a,
        data.path(),
        &[KeyCode::Char('4'), KeyCode::Char('+')],
    );
    assert_eq!(score(&a, "paparan"), Some(4.5));
    press_checked(&mut a, data.path(), &[KeyCode::Char('u')]);
    assert_eq!(score(&a, "paparan"), Some(2.0));
    assert!(message(&a).starts_with("dibatalkan #"), "{}", message(&a));

    // A digit left alone is saved after a pause, and so says the panel.
    press_checked(&mut a, data.path(), &[KeyCode::Char('5')]);
    assert_eq!(
        score(&a, "paparan"),
        Some(2.0),
        "not yet: a half may follow"
    );
    a.tick(Instant::now() + Duration::from_secs(2));
    same(&mut a, data.path(), "after the pause");
    assert_eq!(score(&a, "paparan"), Some(5.0));
    assert!(message(&a).starts_with("tersimpan #"), "{}", message(&a));

    // `u` while a score is typed drops it and writes nothing.
    let before = lines_in(data.path());
    press_checked(
        &mut a,
        data.path(),
        &[KeyCode::Char('1'), KeyCode::Char('u')],
    );
    assert_eq!(lines_in(data.path()), before);
    assert_eq!(score(&a, "paparan"), Some(5.0));
    // A point then a digit other than 5 is refused and writes nothing.
    press_checked(
        &mut a,
        data.path(),
        &[KeyCode::Char('2'), KeyCode::Char('.'), KeyCode::Char('7')],
    );
    assert_eq!(lines_in(data.path()), before);
    assert!(message(&a).contains("hanya setengah"), "{}", message(&a));
}

/// Item 3: a half waiting for its 5 is dropped by a focus change; the 5 typed back in the panel
/// is a score of its own.
#[test]
fn a_focus_change_drops_a_half_waiting_for_its_five() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(data.path());
    open(&mut a, ENTRY);
    press_checked(&mut a, data.path(), &[KeyCode::Tab, KeyCode::Tab]);
    press_checked(
        &mut a,
        data.path(),
        &[
            KeyCode::Char('4'),
            KeyCode::Char('.'),
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Char('5'),
            KeyCode::Char(']'),
        ],
    );
    assert_eq!(score(&a, "paparan"), Some(5.0), "never 4.5");
    let text = std::fs::read_to_string(data.path().join(format!("{JURI}.jsonl"))).expect("j");
    let here: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(ENTRY) && l.contains("\"tahap\":\"gelar\""))
        .collect();
    assert_eq!(here.len(), 1, "one line, the 5: {here:?}");
    assert!(here[0].contains("\"nilai\":5.0"), "{here:?}");
}

/// Item 4: two windows as one judge. Undo in the one that did not see the newest line withdraws
/// nothing and shows the journal as it is; the next undo withdraws the line now shown.
#[test]
fn undo_in_a_stale_window_withdraws_nothing_and_refreshes() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(data.path());
    let mut b = judging_app(data.path());
    for w in [&mut a, &mut b] {
        open(w, ENTRY);
        press_checked(w, data.path(), &[KeyCode::Tab, KeyCode::Tab]);
    }
    // B scores paparan; A has not seen it.
    press_checked(
        &mut b,
        data.path(),
        &[KeyCode::Char('3'), KeyCode::Char(']')],
    );
    // A scores paparan too (its own, newer line); B has not seen that.
    press_keys(&mut a, &[KeyCode::Char('4'), KeyCode::Char(']')]);
    let before = lines_in(data.path());
    // B's undo would have withdrawn its own 3, which is not the journal's latest any more.
    press_keys(&mut b, &[KeyCode::Char('u')]);
    assert_eq!(lines_in(data.path()), before, "nothing withdrawn");
    assert!(message(&b).contains("jurnal berubah"), "{}", message(&b));
    same(&mut b, data.path(), "B after its refused undo");
    assert_eq!(score(&b, "paparan"), Some(4.0), "B now shows A's line");
    // Now B undoes what it shows: A's 4, back to B's 3.
    press_checked(&mut b, data.path(), &[KeyCode::Char('u')]);
    assert_eq!(lines_in(data.path()), before + 1);
    assert_eq!(score(&b, "paparan"), Some(3.0));
    assert!(message(&b).starts_with("dibatalkan #"), "{}", message(&b));
}

/// Item 9: after `n`, ▶ is on the new entry's first unscored criterion, not on the criterion
/// the last entry was left at (juri-2's gelar sheet of Karangsari has its first three).
#[test]
fn the_next_entry_opens_on_its_first_unscored_criterion() {
    const NEXT: &str = "tng-2026-karangsari-guyub";
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(data.path());
    let target = a.library.find_id(NEXT).expect("sample entry");
    let at = a
        .overview
        .visible
        .iter()
        .position(|&r| r == target)
        .expect("listed");
    assert!(at > 0, "an entry comes before it");
    let before = a.overview.visible[at - 1];
    a.open_row(before, 1);
    press_keys(
        &mut a,
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::End, KeyCode::Char('[')],
    );
    press_keys(&mut a, &[KeyCode::Char('n')]);
    let j = a.judge.as_ref().expect("judge");
    let shown = a.walk.as_ref().and_then(|w| w.row);
    assert_eq!(shown, Some(target));
    let sheet = j.sheet(NEXT);
    assert!(sheet.skor.contains_key("paparan"));
    let first = j
        .kriteria()
        .iter()
        .position(|k| !sheet.skor.contains_key(&k.id));
    assert_eq!(first, Some(3));
    assert_eq!(j.current_criterion(), first);
}

fn press_keys(a: &mut App, keys: &[KeyCode]) {
    for &k in keys {
        a.dispatch(KeyEvent::new(k, KeyModifiers::NONE), Instant::now());
    }
}

/// Item 2: a draft that can no longer be saved where it belongs (its criterion is gone from the
/// rubric) opens naming its entry, stage and criterion with the reason; Ctrl-S keeps it on disk
/// and says why, and writes nothing.
#[test]
fn a_draft_that_cannot_be_saved_where_it_belongs_is_kept_with_the_reason() {
    let data = tempfile::tempdir().expect("tmp");
    std::fs::write(
        data.path().join(format!("{JURI}.draft.json")),
        format!(
            r#"{{"risalah":"{ENTRY}","tahap":"risalah","kriteria":"L9","text":"Catatan lama","original":""}}"#
        ),
    )
    .expect("draft");
    let mut a = judging_app(data.path());
    if let Some(j) = a.judge.as_mut() {
        j.offer_draft(Lang::Id);
    }
    let screen = render(&mut a, 120, 40);
    assert!(
        screen.contains(&format!("{ENTRY} · risalah · L9")),
        "{screen}"
    );
    assert!(screen.contains("tidak dapat disimpan"), "{screen}");
    let before = lines_in(data.path());
    a.dispatch(
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
        Instant::now(),
    );
    if let Some(j) = a.judge.as_mut() {
        j.keep_draft();
    }
    assert_eq!(lines_in(data.path()), before, "nothing written");
    assert!(
        a.judge.as_ref().is_some_and(|j| j.note.is_some()),
        "still open"
    );
    assert!(
        data.path().join(format!("{JURI}.draft.json")).exists(),
        "kept"
    );
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("draf tetap disimpan"), "{screen}");
}

/// Item 6 in the app: the final result's rows for entries in a stage that is not final read
/// `… risalah` (waiting), not `✗ risalah` (stopped).
#[test]
fn the_ranking_screen_shows_entries_waiting_not_stopped() {
    let dir = tempfile::tempdir().expect("tmp");
    common::sample_copy(dir.path(), false);
    let data = tempfile::tempdir().expect("tmp");
    let comp = tulta_core::judging::competition::load(Some(dir.path()), Lang::Id).expect("load");
    let mut judging = tulta_core::judging::Judging::open_in(comp, data.path()).expect("open");
    for k in ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "P"] {
        judging
            .score("juri-3", "risalah", ENTRY, k, 4.0)
            .expect("score");
    }
    let mut a = App::new(
        common::options(Lang::Id, Default::default()),
        common::builtin_library(),
    );
    a.set_judge(Some(tulta::app::judge::JudgeState::new(
        judging,
        Some("juri-3".to_string()),
    )));
    press_keys(&mut a, &[KeyCode::F(5)]);
    let screen = render(&mut a, 160, 40);
    assert!(screen.contains("… risalah"), "{screen}");
    assert!(!screen.contains("✗ risalah"), "{screen}");
}

/// Item 10: the final result shows each entry's judges n/m and each judge's index where there
/// is room (at 200 columns), and keeps to the stages at 80.
#[test]
fn the_final_result_shows_judges_where_there_is_room() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(data.path());
    press_keys(&mut a, &[KeyCode::F(5)]);
    let wide = render(&mut a, 200, 40);
    let head = wide
        .lines()
        .find(|l| l.contains("OPD / kelurahan"))
        .expect("header");
    for id in ["juri-1", "juri-2", "juri-3", "risalah", "gelar"] {
        assert!(head.contains(id), "{head}");
    }
    let tegalrejo = wide
        .lines()
        .find(|l| l.contains("Kelurahan Tegalrejo"))
        .expect("row");
    let after = tegalrejo.split("3/3").nth(1).expect("3/3 judges");
    let indexes = after
        .split_whitespace()
        .take(3)
        .filter(|c| c.contains(','))
        .count();
    assert_eq!(indexes, 3, "each judge's gelar index: {tegalrejo}");
    let narrow = render(&mut a, 80, 24);
    assert!(!narrow.contains("juri-1 "), "{narrow}");
}

/// Item 13 at 80x24: step 6's before/after chart scrolls to its last row and its legend's
/// second label is whole; the control chart names its limits with their values; the bottom bar
/// shows whole keys, ending with help and quit; a panel that refuses scores does not offer them.
#[test]
fn at_80x24_charts_scroll_and_are_labelled_and_the_bar_is_whole() {
    let data = tempfile::tempdir().expect("tmp");
    let mut a = judging_app(data.path());
    let r = a.library.find_id("tng-2026-dishub-tertib").expect("entry");
    a.open_row(r, 6);
    // In the gelar the presentation comes first, then the summary and step 6's tools.
    press_keys(
        &mut a,
        &[
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
        ],
    );
    let chart = render(&mut a, 80, 24);
    assert!(chart.contains("batas atas 200"), "{chart}");
    assert!(
        chart.contains("bawah 60"),
        "the legend wraps, whole: {chart}"
    );
    let bar = chart
        .lines()
        .last()
        .unwrap_or_default()
        .trim_end()
        .to_string();
    assert!(bar.ends_with("q keluar"), "{bar}");
    press_keys(&mut a, &[KeyCode::Right]);
    let top = render(&mut a, 80, 24);
    assert!(top.contains("langkah 6 (sesudah)"), "{top}");
    assert!(
        !top.contains("Lain-lain"),
        "the last rows need a scroll:\n{top}"
    );
    press_keys(&mut a, &[KeyCode::Down; 12]);
    let end = render(&mut a, 80, 24);
    assert!(end.contains("Lain-lain"), "{end}");

    // An entry that did not reach the gelar: its panel refuses, and offers no score key.
    let r = a.library.find_id("tng-2026-mpp-prima").expect("entry");
    a.open_row(r, 1);
    press_keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    let refused = render(&mut a, 80, 24);
    assert!(refused.contains("belum sampai ke tahap"), "{refused}");
    assert!(!refused.contains("0–9 nilai"), "{refused}");
    let before = lines_in(data.path());
    press_keys(&mut a, &[KeyCode::Char('4')]);
    assert_eq!(lines_in(data.path()), before);
}

/// The gelar day in the app: with an order drawn, the overview lists the stage in it with each
/// slot's planned start; the walk opens on the group's presentation (slot, start, clock, next
/// group, yel-yel and fragmen) beside the panel; `W` restarts the clock; `n` is the next group.
#[test]
fn the_gelar_is_listed_and_walked_in_the_drawn_order() {
    let dir = tempfile::tempdir().expect("tmp");
    common::gelar_copy(dir.path());
    let data = tempfile::tempdir().expect("tmp");
    let order = [
        "tng-2026-karangsari-guyub",
        "tng-2026-tegalrejo-resik",
        "tng-2026-dishub-tertib",
        "tng-2026-rsud-sigap",
        "tng-2026-disdukcapil-cekatan",
        ENTRY,
    ];
    tulta_core::judging::gelar::keep(
        data.path(),
        &tulta_core::judging::gelar::Draw {
            tahap: "gelar".into(),
            benih: 1,
            urutan: order.iter().map(|s| s.to_string()).collect(),
        },
    )
    .expect("keep");
    let comp = tulta_core::judging::competition::load(Some(dir.path()), Lang::Id).expect("load");
    let judging = tulta_core::judging::Judging::open_in(comp, data.path()).expect("open");
    let mut a = App::new(
        common::options(Lang::Id, Default::default()),
        common::builtin_library(),
    );
    a.set_judge(Some(tulta::app::judge::JudgeState::new(
        judging,
        Some("juri-3".to_string()),
    )));
    let listed: Vec<String> = a
        .overview
        .visible
        .iter()
        .take(6)
        .map(|&i| a.library.rows[i].id.clone())
        .collect();
    assert_eq!(listed, order);
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("3·08:50 Dinas Perhubungan"), "{screen}");

    press_keys(
        &mut a,
        &[KeyCode::Home, KeyCode::Down, KeyCode::Down, KeyCode::Enter],
    );
    let walk = render(&mut a, 120, 40);
    assert!(walk.contains("Giliran 3 dari 6 · mulai 08:50"), "{walk}");
    assert!(
        walk.contains("Berikutnya: 4. RSUD Tirta Husada · 09:15 (n)"),
        "{walk}"
    );
    assert!(
        walk.contains("Yel-yel") && walk.contains("Fragmen"),
        "{walk}"
    );
    // The clock: w starts it, W starts it again from zero.
    press_keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    let t0 = Instant::now();
    a.dispatch(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE), t0);
    let later = t0 + Duration::from_secs(90);
    let left = |a: &App, now: Instant| {
        a.judge
            .as_ref()
            .map(|j| j.timer.left("tng-2026-dishub-tertib", 20, now))
    };
    assert_eq!(left(&a, later), Some(20 * 60 - 90));
    a.dispatch(KeyEvent::new(KeyCode::Char('W'), KeyModifiers::NONE), later);
    assert_eq!(left(&a, later), Some(20 * 60), "restarted");
    assert!(a.judge.as_ref().is_some_and(|j| j.timer.running()));
    // The next group is one key away.
    press_keys(&mut a, &[KeyCode::Char('n')]);
    let shown = a
        .walk
        .as_ref()
        .and_then(|w| w.opened.risalah.as_ref())
        .map(|r| r.id_str().to_string());
    assert_eq!(shown.as_deref(), Some("tng-2026-rsud-sigap"));
    // And the help lists the clock's keys.
    let help: String = a
        .help_sections()
        .iter()
        .flat_map(|(_, l)| l.iter().map(|(k, t)| format!("{k} {t}\n")))
        .collect();
    assert!(
        help.contains("W waktu tampil kelompok: mulai ulang"),
        "{help}"
    );
}

/// Item 5: the judge whose own score makes a stage final is told that the next one is open (the
/// others are told by the journal watch, tested in a pty).
#[test]
fn the_judge_who_finishes_a_stage_is_told_the_next_is_open() {
    let dir = tempfile::tempdir().expect("tmp");
    common::sample_copy(dir.path(), false);
    let data = tempfile::tempdir().expect("tmp");
    let comp = tulta_core::judging::competition::load(Some(dir.path()), Lang::Id).expect("load");
    let mut judging = tulta_core::judging::Judging::open_in(comp, data.path()).expect("open");
    let flow = judging.flow(judging.competition.lomba.agregasi);
    let entries: Vec<String> = judging
        .competition
        .entries
        .iter()
        .map(|e| e.id.clone())
        .filter(|e| flow.blocked(e, "risalah").is_none())
        .collect();
    let kriteria: Vec<String> = judging
        .competition
        .rubrik
        .kriteria
        .iter()
        .map(|k| k.id.clone())
        .collect();
    for juri in ["juri-1", "juri-2", "juri-3"] {
        let mine: Vec<&String> = entries
            .iter()
            .filter(|e| judging.bar(juri, e).is_none())
            .collect();
        for e in mine {
            for k in &kriteria {
                // juri-1 leaves the last criterion of the entry typed below.
                if juri == "juri-1" && e == ENTRY && k == "P" {
                    continue;
                }
                judging.score(juri, "risalah", e, k, 4.0).expect("score");
            }
        }
    }
    let mut a = App::new(
        common::options(Lang::Id, Default::default()),
        common::builtin_library(),
    );
    a.set_judge(Some(tulta::app::judge::JudgeState::new(
        judging,
        Some("juri-1".to_string()),
    )));
    open(&mut a, ENTRY);
    press_keys(
        &mut a,
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::End, KeyCode::Char('[')],
    );
    assert_eq!(a.status, None);
    press_keys(&mut a, &[KeyCode::Char('4'), KeyCode::Char(']')]);
    let status = a.status.clone().unwrap_or_default();
    assert!(
        status.contains("tahap risalah sudah final: tahap gelar dibuka"),
        "{status:?}"
    );
}
