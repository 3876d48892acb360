//! The walk-through: a stepper of the seven steps on the left, the chosen step on the right. The
//! group's record, schedules, benefits and results are drawn in `record`, the lampiran in
//! `attachments`.

mod attachments;
mod penyajian;
mod record;

use attachments::draw_attachments;
use record::{benefit_lines, group_record, result_lines, schedule_lines};

use super::text::{fit, num, pad, severity_count_name, severity_name, severity_style, status_mark};
use super::tools;
use crate::app::walk::{Pane, Tab, Walk};
use crate::app::{App, Areas};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui::Frame;
use tulta_core::i18n::Lang;
use tulta_core::model::risalah::{day_iso, iso_day, Jadwal, Langkah, Manfaat, Risalah, Status};
use tulta_core::model::steps;
use tulta_core::text::grouped;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, areas: &mut Areas) {
    let Some(w) = &app.walk else {
        return;
    };
    // The group's record (§9) takes a fourth line when the report states one.
    let record = w.opened.risalah.as_ref().and_then(|r| group_record(app, r));
    let head_h = if record.is_some() { 4 } else { 3 };
    let [head, body] =
        Layout::vertical([Constraint::Length(head_h), Constraint::Min(1)]).areas(area);
    draw_header(frame, head, app, w);
    let id = w.opened.risalah.as_ref().map_or("", |r| r.id_str());
    let scoring = app.judge.as_ref().is_some_and(|j| j.has_panel(id));
    // With the scoring panel beside it, the stepper shrinks to its numbers on narrow screens.
    let (step_w, panel_w) = match (scoring, body.width) {
        (false, x) if x >= 110 => (34, 0),
        (false, _) => (24, 0),
        (true, x) if x >= 150 => (30, 50),
        (true, x) if x >= 110 => (24, 44),
        (true, _) => (7, 36),
    };
    let [left, right, panel_area] = Layout::horizontal([
        Constraint::Length(step_w),
        Constraint::Min(10),
        Constraint::Length(panel_w),
    ])
    .areas(body);
    draw_stepper(frame, left, app, w);
    areas.steps = left;
    draw_step(frame, right, app, w, areas);
    if scoring {
        super::judge::panel(frame, panel_area, app, id, w.pane == Pane::Panel);
    }
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App, w: &Walk) {
    let th = &app.theme;
    let Some(r) = &w.opened.risalah else {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(w.opened.name.clone(), th.title())),
                Line::from(Span::styled(
                    app.t(
                        "Berkas ini tidak terbaca sebagai risalah; lihat temuannya.",
                        "This file could not be read as a risalah; see its findings.",
                    ),
                    th.error(),
                )),
            ]),
            area,
        );
        return;
    };
    let dash = || "—".to_string();
    let kelompok = r
        .kelompok
        .as_ref()
        .and_then(|k| k.nama.clone())
        .unwrap_or_else(dash);
    let step1 = r.step(1);
    let tema = step1
        .and_then(|s| s.tema.as_ref())
        .map_or_else(dash, |t| t.value.clone());
    let target = step1
        .and_then(|s| s.target.as_ref())
        .map_or_else(dash, |t| {
            format!(
                "{}: {} → {} {}{}",
                t.indikator.as_ref().map_or_else(dash, |x| x.value.clone()),
                t.awal.map_or_else(dash, |x| num(x, 2, app.lang)),
                t.sasaran.map_or_else(dash, |x| num(x, 2, app.lang)),
                t.satuan
                    .as_ref()
                    .map_or_else(String::new, |x| x.value.clone()),
                t.batas_waktu
                    .as_ref()
                    .map_or_else(String::new, |b| format!(" ({} {b})", app.t("s.d.", "by"))),
            )
        });
    let lines = vec![
        Line::from(Span::styled(
            r.judul.clone().unwrap_or_else(|| w.opened.name.clone()),
            th.title(),
        )),
        Line::from(vec![
            Span::styled(format!("{} ", app.t("Kelompok", "Group")), th.muted()),
            Span::raw(kelompok),
            Span::styled(" · ", th.muted()),
            Span::raw(r.opd.clone().unwrap_or_else(dash)),
            Span::styled(" · ", th.muted()),
            Span::raw(r.tahun.map_or_else(dash, |t| t.to_string())),
        ]),
        Line::from(vec![
            Span::styled(format!("{} ", app.t("Tema", "Theme")), th.muted()),
            Span::raw(tema),
            Span::styled(format!(" · {} ", app.t("Target", "Target")), th.muted()),
            Span::raw(target),
        ]),
    ];
    let mut lines = lines;
    if let Some(record) = group_record(app, r) {
        lines.push(record);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_stepper(frame: &mut Frame, area: Rect, app: &App, w: &Walk) {
    let th = &app.theme;
    let focused = w.pane == Pane::Steps;
    let title = if area.width < 14 {
        String::new()
    } else {
        format!(" {} ", app.t("Langkah", "Steps"))
    };
    let block = Block::bordered()
        .title(Span::styled(title, th.title()))
        .border_style(if focused { th.accent() } else { th.muted() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let name_w = usize::from(inner.width).saturating_sub(5);
    let compact = inner.width < 10;
    let mut lines = Vec::new();
    for n in 1..=7 {
        let (id, en) = if name_w >= 28 {
            steps::NAMES[n - 1]
        } else {
            steps::SHORT[n - 1]
        };
        let (mark, style) = status_mark(th, w.opened.step_status(n));
        let selected = n == w.step;
        let line_style = if selected {
            th.selected()
        } else {
            Style::default()
        };
        lines.push(
            Line::from(vec![
                Span::styled(format!("{n} "), th.accent()),
                Span::styled(format!("{mark} "), style),
                Span::raw(if compact {
                    String::new()
                } else {
                    fit(app.t(id, en), name_w)
                }),
            ])
            .style(line_style),
        );
    }
    if compact {
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    lines.push(Line::raw(""));
    let counts = [
        (tulta_core::diag::Severity::Error, th.error()),
        (tulta_core::diag::Severity::Warning, th.warning()),
        (tulta_core::diag::Severity::Info, th.info()),
    ];
    for (sev, style) in counts {
        let n = w.opened.count(sev);
        lines.push(Line::from(Span::styled(
            format!("{n} {}", severity_count_name(sev, n, app.lang)),
            if n > 0 { style } else { th.muted() },
        )));
    }
    let outside = w.opened.findings_in(None).len();
    if outside > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "{outside} {}",
                app.t("di luar langkah", "outside the steps")
            ),
            th.muted(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn tab_title(app: &App, w: &Walk, tab: Tab) -> String {
    match tab {
        Tab::Penyajian => app.t("Penyajian", "Presentation").to_string(),
        Tab::Summary => app.t("Uraian", "Summary").to_string(),
        Tab::Tool(i) => w
            .langkah()
            .and_then(|s| s.alat.get(i))
            .map(|a| match a.kind {
                Some(k) => {
                    let (id, en) = k.label();
                    app.t(id, en).to_string()
                }
                None => app.t("alat tak dikenal", "unknown tool").to_string(),
            })
            .unwrap_or_default(),
        Tab::BeforeAfter => app.t("Sebelum/sesudah", "Before/after").to_string(),
        Tab::Lampiran => format!(
            "{} ({})",
            app.t("Lampiran", "Attachments"),
            w.attachments().len()
        ),
        Tab::Check => format!("{} ({})", app.t("Periksa", "Check"), w.findings_here()),
    }
}

fn draw_step(frame: &mut Frame, area: Rect, app: &App, w: &Walk, areas: &mut Areas) {
    let th = &app.theme;
    let focused = w.pane == Pane::Content;
    let (id, en) = steps::NAMES[w.step - 1];
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " {} {} · {} ",
                app.t("Langkah", "Step"),
                w.step,
                app.t(id, en)
            ),
            th.title(),
        ))
        .border_style(if focused { th.accent() } else { th.muted() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [tabs_area, content] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);

    // Tab titles, scrolled so the current one is visible.
    let tabs = w.tabs();
    let titles: Vec<String> = tabs.iter().map(|&t| tab_title(app, w, t)).collect();
    let mut start = 0;
    let width_of = |from: usize, to: usize| -> usize {
        titles[from..=to]
            .iter()
            .map(|t| t.chars().count() + 3)
            .sum()
    };
    // Once scrolled, the "‹ " before the first title takes two columns too.
    let fits = |start: usize| {
        width_of(start, w.tab) + if start > 0 { 2 } else { 0 } <= usize::from(tabs_area.width)
    };
    while start < w.tab && !fits(start) {
        start += 1;
    }
    let mut spans = Vec::new();
    let mut x = tabs_area.x;
    if start > 0 {
        spans.push(Span::styled("‹ ", th.muted()));
        x += 2;
    }
    for (i, title) in titles.iter().enumerate().skip(start) {
        let text = format!(" {title} ");
        let len = text.chars().count() as u16;
        if x + len > tabs_area.right() {
            spans.push(Span::styled("›", th.muted()));
            break;
        }
        let style = if i == w.tab {
            th.selected().fg(th.accent)
        } else {
            th.muted()
        };
        areas.tabs.push((Rect::new(x, tabs_area.y, len, 1), i));
        spans.push(Span::styled(text, style));
        spans.push(Span::styled("│", th.muted()));
        x += len + 1;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), tabs_area);
    areas.content = content;

    let Some(step) = w.langkah() else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                app.t(
                    "Langkah ini tidak ada di risalah.",
                    "This step is missing from the report.",
                ),
                th.error(),
            )),
            content,
        );
        if w.current_tab() == Tab::Check {
            draw_check(frame, content, app, w);
        }
        return;
    };
    match w.current_tab() {
        Tab::Penyajian => penyajian::draw_penyajian(frame, content, app, w),
        Tab::Summary => {
            let lines = summary_lines(app, w, step, usize::from(content.width));
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .scroll((w.scroll, 0)),
                content,
            );
        }
        Tab::Tool(i) => {
            if let Some(alat) = step.alat.get(i) {
                let dominant = dominant_causes(w.opened.risalah.as_ref());
                tools::draw(frame, content, app, alat, &dominant, w.scroll);
            }
        }
        Tab::BeforeAfter => {
            if let Some(r) = &w.opened.risalah {
                tools::before_after(frame, content, app, r, w.scroll);
            }
        }
        Tab::Lampiran => draw_attachments(frame, content, app, w),
        Tab::Check => draw_check(frame, content, app, w),
    }
}

/// The dominant causes of step 3, which the fishbone and Pareto highlight.
pub fn dominant_causes(r: Option<&Risalah>) -> Vec<String> {
    r.and_then(|r| r.step(3))
        .and_then(|s| s.penyebab_dominan.as_ref())
        .map(|v| {
            v.iter()
                .map(|t| tulta_core::model::names::norm(&t.value))
                .collect()
        })
        .unwrap_or_default()
}

fn field<'a>(app: &App, label: &'a str, value: String) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), app.theme.accent()),
        Span::raw(value),
    ])
}

fn summary_lines<'a>(app: &'a App, w: &'a Walk, step: &'a Langkah, width: usize) -> Vec<Line<'a>> {
    let th = &app.theme;
    let lang = app.lang;
    let dash = || "—".to_string();
    let mut lines = Vec::new();
    match step.uraian.as_deref() {
        Some(u) if !u.trim().is_empty() => {
            for l in u.trim().lines() {
                lines.push(Line::raw(l.to_string()));
            }
        }
        _ => lines.push(Line::from(Span::styled(
            app.t("(uraian kosong)", "(no description)"),
            th.warning(),
        ))),
    }
    lines.push(Line::raw(""));
    if let (Some(j), Some(r)) = (&step.jadwal, &w.opened.risalah) {
        lines.extend(schedule_lines(app, r, j, width));
    }
    if !step.alat.is_empty() {
        let names: Vec<String> = step
            .alat
            .iter()
            .map(|a| match a.kind {
                Some(k) => app.t(k.label().0, k.label().1).to_string(),
                None => "?".into(),
            })
            .collect();
        lines.push(field(app, app.t("Alat", "Tools"), names.join(", ")));
    }
    if let Some(t) = &step.tema {
        lines.push(field(app, app.t("Tema", "Theme"), t.value.clone()));
    }
    if let Some(t) = &step.target {
        lines.push(field(
            app,
            app.t("Indikator", "Indicator"),
            t.indikator.as_ref().map_or_else(dash, |x| x.value.clone()),
        ));
        lines.push(field(
            app,
            app.t("Awal → sasaran", "Baseline → goal"),
            format!(
                "{} → {} {}",
                t.awal.map_or_else(dash, |x| num(x, 2, lang)),
                t.sasaran.map_or_else(dash, |x| num(x, 2, lang)),
                t.satuan
                    .as_ref()
                    .map_or_else(String::new, |x| x.value.clone())
            ),
        ));
        lines.push(field(
            app,
            app.t("Batas waktu", "Deadline"),
            t.batas_waktu.clone().unwrap_or_else(dash),
        ));
    }
    if let Some(causes) = &step.penyebab_dominan {
        lines.push(Line::from(Span::styled(
            app.t("Penyebab dominan:", "Dominant causes:"),
            th.accent(),
        )));
        for c in causes {
            lines.push(Line::raw(format!("  ★ {}", c.value)));
        }
    }
    if let Some(log) = &step.pelaksanaan {
        lines.push(Line::from(Span::styled(
            app.t("Pelaksanaan:", "What was done:"),
            th.accent(),
        )));
        for p in log {
            let (mark, style) = match p.status {
                Some(Status::Selesai) => (app.t("selesai", "done"), th.success()),
                Some(Status::Sebagian) => (app.t("sebagian", "partly"), th.warning()),
                Some(Status::Batal) => (app.t("batal", "cancelled"), th.error()),
                None => ("?", th.muted()),
            };
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "  {} {} ",
                    p.aksi.as_ref().map_or_else(dash, |a| a.value.clone()),
                    p.tanggal.clone().unwrap_or_else(dash)
                )),
                Span::styled(format!("[{mark}]"), style),
                Span::raw(
                    p.catatan
                        .as_ref()
                        .map_or_else(String::new, |c| format!(" {c}")),
                ),
            ]));
        }
    }
    if step.hasil.is_some() || (w.step == 7 && w.opened.risalah.is_some()) {
        lines.extend(result_lines(app, w.opened.risalah.as_ref(), step));
    }
    if let Some(m) = &step.manfaat {
        lines.push(Line::from(Span::styled(
            app.t("Manfaat:", "Benefits:"),
            th.accent(),
        )));
        for (label, v) in [
            (app.t("lebih cepat", "faster"), &m.lebih_cepat),
            (app.t("lebih tepat", "more accurate"), &m.lebih_tepat),
            (app.t("lebih murah", "cheaper"), &m.lebih_murah),
        ] {
            if let Some(v) = v {
                lines.push(Line::raw(format!("  {label}: {v}")));
            }
        }
        lines.extend(benefit_lines(app, m));
    }
    if let Some(std) = &step.standar {
        lines.push(Line::from(Span::styled(
            app.t("Standar yang ditetapkan:", "Standards adopted:"),
            th.accent(),
        )));
        for s in std {
            lines.push(Line::raw(format!(
                "  {} {} — {}",
                s.jenis.clone().unwrap_or_else(dash),
                s.nomor.clone().unwrap_or_default(),
                s.judul.clone().unwrap_or_else(dash)
            )));
        }
    }
    if let Some(p) = &step.pemantauan {
        lines.push(field(app, app.t("Pemantauan", "Monitoring"), p.clone()));
    }
    if let Some(t) = &step.tema_berikutnya {
        lines.push(field(
            app,
            app.t("Tema berikutnya", "Next theme"),
            t.clone(),
        ));
    }
    lines
}

fn draw_check(frame: &mut Frame, area: Rect, app: &App, w: &Walk) {
    let th = &app.theme;
    let mut lines = vec![Line::from(Span::styled(
        app.t("Daftar periksa juri", "Judge's checklist"),
        th.accent().add_modifier(Modifier::BOLD),
    ))];
    // One checklist: while a judge scores this entry, the rubric's guidance items in the panel
    // are the ones that are ticked, so this tab points there instead of a list that cannot be.
    let scoring = w.opened.risalah.as_ref().is_some_and(|r| {
        app.judge
            .as_ref()
            .is_some_and(|j| j.has_panel(r.id_str()) && j.bar(r.id_str()).is_none())
    });
    if scoring {
        lines.push(Line::styled(
            app.t(
                "  butir panduan dicentang di panel Nilai → (Tab, lalu spasi)",
                "  guidance items are ticked in the Scores panel → (Tab, then Space)",
            ),
            th.muted(),
        ));
    } else {
        for (id, en) in steps::CHECKLIST[w.step - 1] {
            lines.push(Line::raw(format!("  ☐ {}", app.t(id, en))));
        }
    }
    lines.push(Line::raw(""));
    let findings = w.opened.findings_in(Some(w.step));
    lines.push(Line::from(Span::styled(
        format!(
            "{} ({})",
            app.t("Temuan di langkah ini", "Findings in this step"),
            findings.len()
        ),
        th.accent().add_modifier(Modifier::BOLD),
    )));
    if findings.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t("  ✓ tidak ada temuan", "  ✓ no findings"),
            th.success(),
        )));
    }
    let mut selected_line = 0;
    for (i, d) in findings.iter().enumerate() {
        let sel = i == w.finding && w.pane == Pane::Content;
        if sel {
            selected_line = lines.len();
        }
        let base = if sel { th.selected() } else { Style::default() };
        lines.push(
            Line::from(vec![
                Span::raw(if sel { "▶ " } else { "  " }),
                Span::styled(
                    format!("{} {}", d.code(), severity_name(d.severity(), app.lang)),
                    severity_style(th, d.severity()),
                ),
                Span::styled(format!(" {}:{} ", d.pos.line, d.pos.column), th.muted()),
                Span::raw(d.message(app.lang)),
            ])
            .style(base),
        );
        if let Some(h) = tulta_core::diag::catalog::hint(d.code(), app.lang) {
            lines.push(Line::from(Span::styled(
                format!("    {}: {h}", app.t("saran", "hint")),
                th.muted(),
            )));
        }
    }
    if !findings.is_empty() {
        lines.push(Line::from(Span::styled(
            app.t(
                "Enter: lihat baris temuan di berkas",
                "Enter: see the finding's line in the file",
            ),
            th.muted(),
        )));
    }
    // Keep the selected finding in view.
    let h = usize::from(area.height);
    let scroll = selected_line.saturating_sub(h.saturating_sub(3)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
