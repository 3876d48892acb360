//! The judges' progress screen and the comparison of judges on one entry.

use super::judge::keys_hint;
use super::text::{fit, fixed, pad};
use crate::app::action::Context;
use crate::app::progress::Item;
use crate::app::App;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

pub fn progress(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    let progress = j.judging.progress(&j.tahap).unwrap_or_default();
    let total = j.flow().stage(&j.tahap).map_or(0, |s| s.reached.len());
    let width = usize::from(area.width);
    let mut lines = vec![
        Line::styled(
            fit(
                &format!(
                    "{} · {}{}",
                    app.t("Kemajuan juri", "Judges' progress"),
                    j.judging.competition.name(),
                    if j.staged() {
                        format!(
                            " · {} {} ({} {})",
                            app.t("tahap", "stage"),
                            j.tahap,
                            total,
                            app.t("peserta; t tahap lain", "entries; t another stage")
                        )
                    } else {
                        String::new()
                    }
                ),
                width,
            ),
            th.title(),
        ),
        Line::raw(""),
    ];
    let names: std::collections::HashMap<&str, &str> = j
        .judging
        .competition
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.opd.as_str()))
        .collect();
    let disagreements = j.disagreements();
    let items = j.progress_items();
    let at = j.progress_at.min(items.len().saturating_sub(1));
    let bar_w = width.saturating_sub(60).clamp(10, 40);
    let mut cursor_line = 0;
    let mut headed = false;
    for (i, item) in items.iter().enumerate() {
        let here = i == at;
        if here {
            cursor_line = lines.len();
        }
        let mark = if here { "▶" } else { " " };
        let line = match item {
            Item::Judge(juri) => {
                let Some(p) = progress.iter().find(|p| p.juri == *juri) else {
                    continue;
                };
                let scorable = total.saturating_sub(p.barred).max(1);
                let me = j.juri.as_deref() == Some(p.juri.as_str());
                let open = j.progress_open.contains(juri);
                let mut spans = vec![Span::styled(
                    format!("{mark}{}{:<8}", if open { "▾" } else { "▸" }, p.juri),
                    th.accent().add_modifier(Modifier::BOLD),
                )];
                spans.extend(super::text::gauge(th, p.finished, scorable, bar_w));
                spans.push(Span::raw(format!(
                    " {}/{} {}  {} {}  {} {}  {} {}",
                    p.finished,
                    scorable,
                    app.t("selesai", "done"),
                    p.in_progress,
                    app.t("berjalan", "started"),
                    p.untouched,
                    app.t("belum", "untouched"),
                    p.barred,
                    app.t("konflik", "barred"),
                )));
                let line = Line::from(spans);
                lines.push(if here {
                    line.style(th.selected())
                } else {
                    line
                });
                lines.push(Line::styled(
                    format!(
                        "   {}{}",
                        p.nama,
                        if me { app.t(" (Anda)", " (you)") } else { "" }
                    ),
                    th.muted(),
                ));
                // Which entries are started but not finished: what a coordinator chases.
                let started: Vec<String> = j
                    .unfinished(juri)
                    .into_iter()
                    .filter(|(_, s)| *s)
                    .map(|(e, _)| {
                        let sheet = j.judging.sheet(juri, &j.tahap, &e);
                        let n = j.rubrik().kriteria.len();
                        format!("{e} {}/{n}", sheet.skor.len().min(n))
                    })
                    .collect();
                if !open && !started.is_empty() {
                    lines.push(Line::styled(
                        fit(
                            &format!(
                                "   ◐ {}: {}",
                                app.t("berjalan", "started"),
                                started.join(" · ")
                            ),
                            width,
                        ),
                        th.warning(),
                    ));
                }
                continue;
            }
            Item::Todo {
                risalah, started, ..
            } => Line::from(vec![
                Span::raw(format!("{mark}    ")),
                Span::styled(
                    if *started { "◐ " } else { "· " },
                    if *started { th.warning() } else { th.muted() },
                ),
                Span::raw(fit(
                    &format!(
                        "{} — {}",
                        names.get(risalah.as_str()).copied().unwrap_or(risalah),
                        if *started {
                            app.t("berjalan", "started")
                        } else {
                            app.t("belum disentuh", "untouched")
                        }
                    ),
                    width.saturating_sub(7),
                )),
            ]),
            Item::Disagreement(id) => {
                if !headed {
                    headed = true;
                    lines.push(Line::raw(""));
                    lines.push(Line::styled(
                        app.t(
                            "Paling berselisih (rentang indeks antarjuri; Enter membandingkan)",
                            "Where judges disagree most (spread of their indexes; Enter compares)",
                        ),
                        th.title(),
                    ));
                    if i == at {
                        cursor_line = lines.len();
                    }
                }
                let Some((_, span, values)) = disagreements.iter().find(|d| d.0 == *id) else {
                    continue;
                };
                let style = if *span > 1.0 {
                    th.warning()
                } else {
                    Style::default()
                };
                let vals: Vec<String> = values
                    .iter()
                    .map(|(jid, v)| format!("{jid} {}", fixed(*v, 2, app.lang)))
                    .collect();
                let text = format!(
                    "{} {}",
                    pad(names.get(id.as_str()).copied().unwrap_or(id), 28),
                    vals.join(" · ")
                );
                Line::from(vec![
                    Span::styled(
                        format!("{mark} {:>4} ", fixed(*span, 2, app.lang)),
                        style.add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(fit(&text, width.saturating_sub(8))),
                ])
            }
        };
        lines.push(if here {
            line.style(th.selected())
        } else {
            line
        });
    }
    let h = usize::from(area.height).max(1);
    let scroll = cursor_line.saturating_sub(h.saturating_sub(3));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}

/// Every judge's scores on one entry side by side, criterion by criterion, with their notes: what a
/// coordinator reads before the judges discuss it.
pub fn compare(frame: &mut Frame, area: Rect, app: &App, id: &str, scroll: u16) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    let judges: Vec<String> = j.stage().map_or(Vec::new(), |s| s.judges().to_vec());
    let rubrik = j.rubrik();
    let sheets: Vec<_> = judges
        .iter()
        .map(|x| j.judging.sheet(x, &j.tahap, id))
        .collect();
    let name = j
        .judging
        .competition
        .entry(id)
        .map_or(id.to_string(), |e| e.opd.clone());
    let width = area.width.saturating_sub(4).min(120);
    let label_w = usize::from(width)
        .saturating_sub(4 + 8 * judges.len())
        .clamp(12, 40);
    let mut lines = vec![
        Line::styled(format!("{name} · {id}"), th.title()),
        Line::raw(""),
        Line::styled(
            format!(
                "{}{}",
                pad(app.t("kriteria", "criterion"), label_w),
                judges
                    .iter()
                    .map(|x| format!("{:>8}", fit(x, 7)))
                    .collect::<String>()
            ),
            th.accent().add_modifier(Modifier::BOLD),
        ),
    ];
    for k in &rubrik.kriteria {
        let scores: Vec<Option<f64>> = sheets.iter().map(|s| s.skor.get(&k.id).copied()).collect();
        let given: Vec<f64> = scores.iter().flatten().copied().collect();
        let spread = given.iter().copied().fold(f64::MIN, f64::max)
            - given.iter().copied().fold(f64::MAX, f64::min);
        let mut spans = vec![Span::raw(pad(&format!("{} {}", k.id, k.nama), label_w))];
        for (x, judge) in scores.iter().zip(&judges) {
            let cell = match x {
                Some(v) => fixed(*v, 1, app.lang),
                None if j.judging.bar(judge, id).is_some() => "⊘".into(),
                None => "…".into(),
            };
            spans.push(Span::raw(format!("{cell:>8}")));
        }
        // A criterion where judges are 1.5 points or more apart is the first thing to discuss.
        let line = Line::from(spans);
        lines.push(if given.len() >= 2 && spread >= 1.5 {
            line.style(th.warning())
        } else {
            line
        });
    }
    let mut index = vec![Span::styled(
        pad(app.t("indeks", "index"), label_w),
        th.accent(),
    )];
    for s in &sheets {
        let cell = s
            .index(rubrik)
            .map_or("—".into(), |x| fixed(x, 2, app.lang));
        index.push(Span::styled(format!("{cell:>8}"), th.accent()));
    }
    lines.push(Line::from(index));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        app.t("Catatan juri", "Judges' notes"),
        th.title(),
    ));
    let mut any = false;
    for (juri, s) in judges.iter().zip(&sheets) {
        for (k, note) in &s.catatan {
            any = true;
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "{juri} · {}: ",
                        k.as_deref().unwrap_or(app.t("umum", "general"))
                    ),
                    th.accent(),
                ),
                Span::styled(note.replace('\n', " "), th.info()),
            ]));
        }
    }
    if !any {
        lines.push(Line::styled(app.t("(tidak ada)", "(none)"), th.muted()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys_hint(app, Context::Compare), th.muted()));
    let height = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let popup = super::centred(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .style(th.base())
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(
                Block::bordered()
                    .title(format!(
                        " {} ",
                        app.t("Perbandingan juri", "Judges compared")
                    ))
                    .border_style(th.accent()),
            ),
        popup,
    );
}
