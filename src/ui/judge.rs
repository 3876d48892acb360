//! Judging on screen: the scoring panel beside the walk-through (with the gelar's clock), each
//! entry's status for the overview, and the judge picker, stage picker and note editor overlays.
//! The ranking screen is in `ranking`, the progress screen in `progress`.

use super::text::{fit, fixed, num, pad};
use crate::app::action::Context;
use crate::app::judge::{JudgeState, PanelRow, Then};
use crate::app::App;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;
use tulta_core::judging::scoring::{Status, Tick};

/// A judge's status for an entry, as a mark and a short text.
pub fn entry_status(app: &App, j: &JudgeState, id: &str) -> (String, Style) {
    let th = &app.theme;
    if !j.is_entry(id) {
        return (String::new(), th.muted());
    }
    if j.juri.is_none() {
        return (String::new(), th.muted());
    }
    if j.bar(id).is_some() {
        return (format!("⊘ {}", app.t("konflik", "conflict")), th.error());
    }
    // An entry that has not reached the stage being scored is greyed, with why (spec §8).
    if let Some(why) = j.blocked(id) {
        return (format!("⊝ {}", why.short(app.lang)), th.muted());
    }
    let rubrik = j.rubrik();
    match j.status(id) {
        Status::Finished => (
            format!(
                "✓ {}",
                j.index(id).map_or("—".into(), |x| fixed(x, 2, app.lang))
            ),
            th.success(),
        ),
        Status::InProgress => (
            format!(
                "◐ {}/{}",
                j.sheet(id).skor.len().min(rubrik.kriteria.len()),
                rubrik.kriteria.len()
            ),
            th.warning(),
        ),
        Status::Untouched => ("·".into(), th.muted()),
    }
}

/// The scoring panel for entry `id`.
pub fn panel(frame: &mut Frame, area: Rect, app: &App, id: &str, focused: bool) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    // The criterion a score key would score is named in the frame, whatever the scrolling.
    let marked = match j.current_row() {
        PanelRow::Criterion(k) | PanelRow::Item(k, _) => j
            .kriteria()
            .get(k)
            .map_or(String::new(), |c| format!("▶ {} ", c.id)),
        PanelRow::Note => format!("▶ {} ", app.t("catatan umum", "general note")),
    };
    let stage = if j.staged() {
        format!("· {} ", j.tahap)
    } else {
        String::new()
    };
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} {stage}{marked}", app.t("Nilai", "Scores")),
            th.title(),
        ))
        .title(
            Line::styled(
                if focused {
                    app.t(" ● fokus ", " ● focus ")
                } else {
                    ""
                },
                th.accent(),
            )
            .right_aligned(),
        )
        .border_style(if focused { th.accent() } else { th.muted() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    // Without a judge there is no panel (the walk-through keeps the width); `J` picks one.
    let Some(juri) = &j.juri else { return };
    if let Some(problem) = j.judging.losses().find(|p| p.juri == *juri) {
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(problem.banner(app.lang), th.error()),
                Line::raw(app.t(
                    "Nilai baru tidak dapat disimpan sampai jurnal dipulihkan.",
                    "New scores cannot be saved until the journal is restored.",
                )),
            ])
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    if let Some(bar) = j.bar(id) {
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(
                    format!("{juri}: {}", app.t("tidak boleh menilai", "may not score")),
                    th.error(),
                ),
                Line::raw(bar.describe(app.lang).to_string()),
            ])
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    // Not this stage's judge, or an entry that has not reached the stage: why, and nothing to score.
    let refusal = if !j.judges_stage() {
        Some((
            format!(
                "{juri}: {} {}",
                app.t("bukan juri tahap", "not a judge of stage"),
                j.tahap
            ),
            app.t("T memilih tahap lain", "T chooses another stage")
                .to_string(),
        ))
    } else {
        j.blocked(id).map(|why| {
            (
                format!(
                    "{} {}",
                    app.t("belum sampai ke tahap", "has not reached stage"),
                    j.tahap
                ),
                why.describe(app.lang),
            )
        })
    };
    if let Some((what, why)) = refusal {
        frame.render_widget(
            Paragraph::new(vec![Line::styled(what, th.warning()), Line::raw(why)])
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let rubrik = j.rubrik();
    let sheet = j.sheet(id);
    let mut head = vec![Line::from(vec![
        Span::styled(format!("{juri} "), th.accent().add_modifier(Modifier::BOLD)),
        Span::styled(
            fit(
                j.judging.judge(juri).map_or("", |x| x.nama.as_str()),
                width.saturating_sub(juri.len() + 1),
            ),
            th.muted(),
        ),
    ])];
    let index_line = match sheet.index(rubrik) {
        Some(x) => format!(
            "{} {} · {} · {}",
            app.t("Indeks", "Index"),
            fixed(x, 2, app.lang),
            fixed(tulta_core::judging::scoring::to_100(rubrik, x), 1, app.lang),
            j.predikat(x).unwrap_or_default()
        ),
        None => format!(
            "{} {}/{} {}",
            app.t("Dinilai", "Scored"),
            sheet.skor.len().min(rubrik.kriteria.len()),
            rubrik.kriteria.len(),
            app.t("kriteria", "criteria")
        ),
    };
    head.push(Line::styled(fit(&index_line, width), th.accent()));
    if let Some(menit) = j.stage().and_then(|s| s.menit()) {
        head.push(countdown(app, j, id, menit, width));
    }

    // The rows, scrolled to keep the cursor in view.
    let rows = j.rows();
    let cursor = j.cursor.min(rows.len().saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    for (i, row) in rows.iter().enumerate() {
        let sel = i == cursor && focused;
        if i == cursor {
            cursor_line = lines.len();
        }
        let style = if sel { th.selected() } else { Style::default() };
        let marker = if i == cursor { "▶" } else { " " };
        match *row {
            PanelRow::Criterion(k) => {
                let c = &rubrik.kriteria[k];
                let score = sheet.skor.get(&c.id).map_or("  —".to_string(), |v| {
                    format!("{:>3}", num(*v, 1, app.lang))
                });
                let label = format!("{marker}{} {}", c.id, c.nama);
                let room = width.saturating_sub(8);
                lines.push(
                    Line::from(vec![
                        Span::styled(pad(&label, room), th.accent().add_modifier(Modifier::BOLD)),
                        Span::styled(
                            format!(" [{score}]"),
                            if sheet.skor.contains_key(&c.id) {
                                th.success().add_modifier(Modifier::BOLD)
                            } else {
                                th.muted()
                            },
                        ),
                    ])
                    .style(style),
                );
                if let Some(note) = sheet.catatan.get(&Some(c.id.clone())) {
                    // A saved note is read whole while its criterion is under ▶.
                    if i == cursor {
                        for part in
                            super::text::wrap(&format!("✎ {note}"), width.saturating_sub(3).max(1))
                        {
                            lines.push(Line::styled(format!("   {part}"), th.info()));
                        }
                    } else {
                        lines.push(Line::styled(
                            fit(&format!("   ✎ {}", note.replace('\n', " ")), width),
                            th.info(),
                        ));
                    }
                }
            }
            PanelRow::Item(k, b) => {
                let c = &rubrik.kriteria[k];
                let tick = sheet.centang.get(&(c.id.clone(), b));
                let (mark, mstyle) = match tick {
                    Some(Tick::Ya) => ("☑", th.success()),
                    Some(Tick::Sebagian) => ("◐", th.warning()),
                    Some(Tick::Tidak) => ("☒", th.error()),
                    None => ("☐", th.muted()),
                };
                // The item under ▶ is shown whole, wrapped; the others fit one line each.
                let room = width.saturating_sub(4);
                let parts = if i == cursor {
                    super::text::wrap(&c.panduan[b], room.max(1))
                } else {
                    vec![fit(&c.panduan[b], room)]
                };
                for (n, part) in parts.into_iter().enumerate() {
                    lines.push(
                        Line::from(vec![
                            Span::raw(if n == 0 {
                                format!("{marker} ")
                            } else {
                                "  ".to_string()
                            }),
                            Span::styled(
                                if n == 0 {
                                    format!("{mark} ")
                                } else {
                                    "  ".into()
                                },
                                mstyle,
                            ),
                            Span::raw(part),
                        ])
                        .style(style),
                    );
                }
            }
            PanelRow::Note => {
                let note = sheet.catatan.get(&None).cloned().unwrap_or_default();
                lines.push(
                    Line::from(vec![
                        Span::raw(format!("{marker}✎ ")),
                        Span::styled(
                            if note.is_empty() {
                                app.t(
                                    "catatan umum (Enter untuk menulis)",
                                    "general note (Enter to write)",
                                )
                                .to_string()
                            } else if i == cursor {
                                // Under ▶ the note is read first line whole; the rest follows.
                                String::new()
                            } else {
                                fit(&note.replace('\n', " "), width.saturating_sub(3))
                            },
                            if note.is_empty() {
                                th.muted()
                            } else {
                                th.info()
                            },
                        ),
                    ])
                    .style(style),
                );
                if i == cursor && !note.is_empty() {
                    for part in super::text::wrap(&note, width.saturating_sub(3).max(1)) {
                        lines.push(Line::styled(format!("   {part}"), th.info()));
                    }
                }
            }
        }
    }
    let [head_area, list_area, msg_area] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head), head_area);
    let h = usize::from(list_area.height).max(1);
    let scroll = cursor_line.saturating_sub(h.saturating_sub(2) / 2);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), list_area);
    // A score being typed is not saved yet: its hint is never marked ✓.
    let typing = j.gesture.as_ref().is_some_and(|g| g.risalah == id);
    let msg = match j.message_on(Some(id)) {
        Some((true, m)) if typing => Line::styled(format!("⌨ {m}"), th.accent()),
        Some((true, m)) => Line::styled(format!("✓ {m}"), th.success()),
        Some((false, m)) => Line::styled(format!("✗ {m}"), th.error()),
        None if focused => Line::styled(
            app.bar_keys_of(&[crate::app::action::Context::Panel])
                .iter()
                .map(|(k, t)| format!("{k} {t}"))
                .collect::<Vec<_>>()
                .join(" · "),
            th.muted(),
        ),
        // Digits are steps until the panel has focus: say so where the judge looks.
        None => Line::styled(
            app.t(
                "Tab ke panel ini untuk menilai ▶",
                "Tab to this panel to score ▶",
            ),
            th.muted(),
        ),
    };
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), msg_area);
}

/// The slot's clock during a gelar: time left of `menit`, in the warning colour in the last
/// minute and the error colour once over.
fn countdown(app: &App, j: &JudgeState, id: &str, menit: u32, width: usize) -> Line<'static> {
    let th = &app.theme;
    let left = j.timer.left(id, menit, std::time::Instant::now());
    let shown = format!(
        "{}{}:{:02}",
        if left < 0 { "-" } else { "" },
        left.abs() / 60,
        left.abs() % 60
    );
    let running = j.timer.running() && j.timer.risalah.as_deref() == Some(id);
    let state = if running {
        app.t("w jeda", "w pauses")
    } else {
        app.t("w mulai", "w starts")
    };
    let style = if left < 0 {
        th.error().add_modifier(Modifier::BOLD)
    } else if left <= 60 {
        th.warning().add_modifier(Modifier::BOLD)
    } else {
        th.accent()
    };
    Line::styled(
        fit(&format!("⏱ {shown} / {menit}:00 · {state}"), width),
        style,
    )
}

/// An overlay's own keys in one line, from the keymap as the bottom bar shows them.
pub(super) fn keys_hint(app: &App, ctx: crate::app::action::Context) -> String {
    app.bar_keys_of(&[ctx, crate::app::action::Context::Always])
        .iter()
        .map(|(k, t)| format!("{k} {t}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The stage picker: every stage in order, scored ones selectable, each with how far it is.
fn stage_picker(frame: &mut Frame, area: Rect, app: &App, j: &JudgeState, sel: usize) {
    let th = &app.theme;
    let width = area.width.saturating_sub(4).min(90);
    let room = usize::from(width.saturating_sub(2));
    let mut lines = vec![
        Line::styled(
            app.t("Tahap mana yang dinilai?", "Which stage are you scoring?"),
            th.title(),
        ),
        Line::raw(""),
    ];
    let scored: Vec<String> = j.scored_stages().iter().map(|s| s.id.clone()).collect();
    for (stage, result) in j.judging.competition.stages.iter().zip(&j.flow().stages) {
        let pos = scored.iter().position(|t| *t == stage.id);
        let here = pos == Some(sel);
        let state = match (stage.rubrik(), result.is_final) {
            (None, _) => format!(
                "{} · {} {}",
                app.t("syarat", "pass/fail"),
                result.advanced.len(),
                app.t("lolos", "passed")
            ),
            (Some(_), true) => format!(
                "{} {} · {}",
                result.reached.len(),
                app.t("peserta", "entries"),
                app.t("final", "final")
            ),
            (Some(_), false) if result.reached.is_empty() => {
                app.t("belum dimulai", "not started").to_string()
            }
            (Some(_), false) => format!(
                "{} {} · {} {}",
                result.reached.len(),
                app.t("peserta", "entries"),
                result.remaining,
                app.t("penilaian tersisa", "scorings left")
            ),
        };
        let mine = if stage.judges().iter().any(|x| Some(x) == j.juri.as_ref()) || pos.is_none() {
            ""
        } else {
            app.t(" · bukan juri tahap ini", " · not a judge here")
        };
        let menit = stage.menit().map_or(String::new(), |m| {
            format!(" · {m} {}", app.t("menit", "min"))
        });
        let text = format!(
            "{} {} — {}{menit} ({state}{mine})",
            if here { "▶" } else { " " },
            stage.id,
            stage.nama
        );
        let line = Line::raw(fit(&text, room));
        lines.push(match (here, pos) {
            (true, _) => line.style(th.selected()),
            (false, None) => line.style(th.muted()),
            (false, Some(_)) if stage.id == j.tahap => line.style(th.accent()),
            _ => line,
        });
    }
    let title = app.t("Tahap", "Stage");
    picker_popup(
        frame,
        area,
        app,
        (lines, width, title),
        Context::StagePicker,
    );
}

/// A picker's lines in a centred, framed popup, its keys underneath.
fn picker_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (mut lines, width, title): (Vec<Line>, u16, &str),
    keys: Context,
) {
    let th = &app.theme;
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys_hint(app, keys), th.muted()));
    let popup = super::centred(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).style(th.base()).block(
            Block::bordered()
                .title(format!(" {title} "))
                .border_style(th.accent()),
        ),
        popup,
    );
}

/// The overlays: judge picker, stage picker, note editor, Simpan/Buang/Batal.
pub fn overlays(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    if let Some(sel) = j.picker {
        let judges = &j.judging.competition.lomba.juri;
        let mut lines = vec![
            Line::styled(app.t("Siapa yang menilai?", "Who is scoring?"), th.title()),
            Line::raw(""),
        ];
        let width = area.width.saturating_sub(4).min(110);
        let room = usize::from(width.saturating_sub(2));
        for (i, x) in judges.iter().enumerate() {
            let head = format!("{} {:<8}", if i == sel { "▶" } else { " " }, x.id);
            let opd = x.opd.clone().unwrap_or_default();
            // The OPD decides conflicts: when it does not fit beside the name it gets its own line.
            let beside =
                head.chars().count() + x.nama.chars().count() + 3 + opd.chars().count() <= room;
            let mut spans = vec![Span::styled(head, th.accent()), Span::raw(x.nama.clone())];
            if beside && !opd.is_empty() {
                spans.push(Span::styled(format!(" · {opd}"), th.muted()));
            }
            let style = if i == sel {
                th.selected()
            } else {
                Style::default()
            };
            lines.push(Line::from(spans).style(style));
            if !beside && !opd.is_empty() {
                let text = format!("           {}", fit(&opd, room.saturating_sub(11)));
                lines.push(Line::from(Span::styled(text, th.muted())).style(style));
            }
        }
        let ro = Line::from(Span::raw(format!(
            "{} {}",
            if sel == judges.len() { "▶" } else { " " },
            app.t("Hanya membaca (koordinator)", "Read only (coordinator)")
        )));
        lines.push(if sel == judges.len() {
            ro.style(th.selected())
        } else {
            ro
        });
        let title = app.t("Juri", "Judge");
        picker_popup(frame, area, app, (lines, width, title), Context::Picker);
    }
    if let Some(sel) = j.stage_picker {
        stage_picker(frame, area, app, j, sel);
    }
    if let Some((id, scroll)) = &j.compare {
        super::progress::compare(frame, area, app, id, *scroll);
    }
    if let Some(note) = &j.note {
        let popup = super::centred(area, 70, 12);
        // Where the note will be saved, whatever is in view behind the editor.
        let title = format!(
            " {} · {} · {} · {} ",
            app.t("Catatan", "Note"),
            note.risalah,
            note.tahap,
            note.kriteria.as_deref().unwrap_or(app.t("umum", "general"))
        );
        let title = fit(&title, usize::from(popup.width.saturating_sub(2)));
        let problem = note.problem.as_ref().map(|p| {
            Paragraph::new(Line::styled(format!("✗ {p}"), th.error())).wrap(Wrap { trim: true })
        });
        let problem_h = problem.as_ref().map_or(0, |p| {
            p.line_count(popup.width.saturating_sub(2)).min(4) as u16
        });
        let [body, problem_area, foot] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(problem_h),
            Constraint::Length(1),
        ])
        .areas(Block::bordered().inner(popup));
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Block::bordered()
                .title(title)
                .border_style(th.accent())
                .style(th.base()),
            popup,
        );
        // The editor keeps its own scroll, following the cursor.
        let mut editor = note.editor.clone();
        editor.set_style(th.base());
        editor.set_cursor_line_style(Style::default());
        editor.set_cursor_style(th.selected());
        frame.render_widget(&editor, body);
        if let Some(p) = problem {
            frame.render_widget(p, problem_area);
        }
        frame.render_widget(
            Paragraph::new(Line::styled(
                keys_hint(app, crate::app::action::Context::NoteEditor),
                th.muted(),
            )),
            foot,
        );
    }
    if let Some(then) = j.prompt {
        let popup = super::centred(area, 60, 5);
        frame.render_widget(Clear, popup);
        let question = match then {
            Then::Quit => app.t(
                "Catatan belum disimpan. Keluar setelah:",
                "The note is not saved. Before quitting:",
            ),
            Then::CloseEditor => app.t("Catatan belum disimpan.", "The note is not saved."),
        };
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(question),
                Line::raw(""),
                Line::from(vec![
                    Span::styled(" [S] ", th.success().add_modifier(Modifier::BOLD)),
                    Span::raw(app.t("Simpan   ", "Save   ")),
                    Span::styled(
                        app.t(" [B] ", " [D] "),
                        th.error().add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(app.t("Buang   ", "Discard   ")),
                    Span::styled(" [Esc] ", th.accent().add_modifier(Modifier::BOLD)),
                    Span::raw(app.t("Batal", "Cancel")),
                ]),
            ])
            .style(th.base())
            .block(Block::bordered().border_style(th.warning())),
            popup,
        );
    }
}
