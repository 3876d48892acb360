//! The walk-through: a stepper of the seven steps on the left, the chosen step on the right.

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

/// The decree that formed the group, when it was formed, and how it met — one line, or `None`
/// when the report states none of it.
fn group_record<'a>(app: &App, r: &Risalah) -> Option<Line<'a>> {
    let th = &app.theme;
    let k = r.kelompok.as_ref()?;
    let mut parts: Vec<String> = Vec::new();
    if let Some(sk) = &k.sk {
        let mut t = format!("SK {}", sk.nomor.as_deref().unwrap_or("—"));
        // A decree dated the day the group was formed says the date once, below.
        if let Some(d) = sk
            .tanggal
            .as_ref()
            .filter(|d| k.dibentuk.as_ref() != Some(*d))
        {
            t.push_str(&format!(" ({d})"));
        }
        parts.push(t);
    }
    if let Some(d) = &k.dibentuk {
        parts.push(format!("{} {d}", app.t("dibentuk", "formed")));
    }
    if let Some(p) = &k.pertemuan {
        let mut t = match p.jumlah {
            Some(n) => format!("{n}× {}", app.t("rapat", "meetings")),
            None => app.t("rapat", "meetings").to_string(),
        };
        let mut how: Vec<String> = Vec::new();
        if let Some(h) = p.kehadiran_persen {
            how.push(match app.lang {
                Lang::Id => format!("hadir {}%", num(h, 1, app.lang)),
                Lang::En => format!("{}% attended", num(h, 1, app.lang)),
            });
        }
        if let Some(m) = p.menit {
            how.push(format!("{} {}", num(m, 0, app.lang), app.t("mnt", "min")));
        }
        if !how.is_empty() {
            t.push_str(&format!(" ({})", how.join(", ")));
        }
        parts.push(t);
    }
    if parts.is_empty() {
        return None;
    }
    // No label: "SK …", "dibentuk …" and "rapat" say what they are, and at 80 columns the line
    // needs the room.
    Some(Line::from(Span::styled(
        tulta_core::text::printable(&parts.join(" · ")).into_owned(),
        th.muted(),
    )))
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
                tools::before_after(frame, content, app, r);
            }
        }
        Tab::Lampiran => draw_attachments(frame, content, app, w),
        Tab::Check => draw_check(frame, content, app, w),
    }
}

/// The step's evidence files, then the report's general ones: kind, file, note, and whether the
/// system's viewer may open it (or why not), so a refusal is seen before a key is pressed.
fn draw_attachments(frame: &mut Frame, area: Rect, app: &App, w: &Walk) {
    let th = &app.theme;
    let root = app.walk_root();
    let list = w.attachments();
    let step = w.step as i64;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let width = usize::from(area.width);
    for (i, l) in list.iter().enumerate() {
        let heading = match (i, l.langkah) {
            (0, Some(_)) => Some(app.t("Lampiran langkah ini", "This step's attachments")),
            (_, None) if i == 0 || list[i - 1].langkah == Some(step) => {
                Some(app.t("Lampiran umum risalah", "The report's general attachments"))
            }
            _ => None,
        };
        if let Some(h) = heading {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(h, th.accent().add_modifier(Modifier::BOLD)));
        }
        let sel = i == w.attachment && w.pane == Pane::Content;
        if sel {
            selected_line = lines.len();
        }
        let jenis = l.jenis.map_or("?".to_string(), |j| {
            app.t(j.label().0, j.label().1).to_string()
        });
        let berkas =
            tulta_core::text::printable(l.berkas.as_ref().map_or("—", |b| b.value.as_str()))
                .into_owned();
        let (mark, style, why) = match w.openable(root.as_deref(), l) {
            Ok(_) => (
                "✓",
                th.success(),
                app.t("bisa dibuka", "can be opened").to_string(),
            ),
            Err(r) => ("✗", th.warning(), r.text(app.lang)),
        };
        let base = if sel { th.selected() } else { Style::default() };
        let head = format!("{}{} ", if sel { "▶ " } else { "  " }, fit(&jenis, 16));
        // Shown whole (wrapping) up to a sane length: a web address is there to be copied.
        lines.push(
            Line::from(vec![
                Span::styled(head, th.accent()),
                Span::raw(fit(&berkas, 240)),
            ])
            .style(base),
        );
        if let Some(k) = l.keterangan.as_deref().filter(|k| !k.trim().is_empty()) {
            lines.push(Line::raw(format!(
                "    {}",
                fit(&tulta_core::text::printable(k), width.saturating_sub(4))
            )));
        }
        lines.push(Line::styled(format!("    {mark} {why}"), style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        match app.lang {
            Lang::Id => format!(
                "Enter/o: buka dengan {} (hanya dokumen dan gambar di folder laporan)",
                app.opener.name()
            ),
            Lang::En => format!(
                "Enter/o: open with {} (documents and pictures in the reports folder only)",
                app.opener.name()
            ),
        },
        th.muted(),
    ));
    // Keep the selected file, its note and its verdict in view, counting rows as they wrap (a
    // long name or web address takes several).
    let upto = (selected_line + 3).min(lines.len());
    let rows = Paragraph::new(lines[..upto].to_vec())
        .wrap(Wrap { trim: false })
        .line_count(area.width);
    let scroll = rows.saturating_sub(usize::from(area.height)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
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

/// The day range `[from, to]` as day numbers, when both dates read.
fn days(range: &Option<(String, String)>) -> Option<(i32, i32)> {
    let (a, b) = range.as_ref()?;
    Some((iso_day(a)?, iso_day(b)?))
}

/// The step's plan and what happened as two bars on one time scale, the scale of every
/// schedule in the report, so steps read against one another like a Gantt chart.
fn schedule_lines<'a>(app: &App, r: &Risalah, j: &Jadwal, width: usize) -> Vec<Line<'a>> {
    let th = &app.theme;
    let all: Vec<(i32, i32)> = r
        .steps()
        .iter()
        .filter_map(|s| s.jadwal.as_ref())
        .flat_map(|j| [days(&j.rencana), days(&j.realisasi)])
        .flatten()
        .collect();
    let (Some(lo), Some(hi)) = (all.iter().map(|d| d.0).min(), all.iter().map(|d| d.1).max())
    else {
        return Vec::new();
    };
    let label_w = 11;
    let dates_w = 24;
    let bar_w = width.saturating_sub(label_w + dates_w + 4).clamp(8, 48);
    let col = |d: i32| -> usize {
        if hi == lo {
            0
        } else {
            ((d - lo) as f64 / (hi - lo) as f64 * (bar_w - 1) as f64).round() as usize
        }
    };
    let mut lines = vec![Line::styled(
        format!(
            "{} ({} {} … {})",
            app.t("Jadwal", "Schedule"),
            app.t("skala", "scale"),
            short_date(lo),
            short_date(hi)
        ),
        th.accent(),
    )];
    let rows = [
        (app.t("rencana", "plan"), &j.rencana, '░', th.muted()),
        (app.t("realisasi", "actual"), &j.realisasi, '█', th.accent()),
    ];
    for (label, range, fill, style) in rows {
        let Some((a, b)) = days(range) else {
            lines.push(Line::from(vec![
                Span::raw(format!("  {}", pad(label, label_w))),
                Span::styled(app.t("(tidak ditulis)", "(not stated)"), th.muted()),
            ]));
            continue;
        };
        let (ca, cb) = (col(a), col(b));
        let bar: String = (0..bar_w)
            .map(|x| if x >= ca && x <= cb { fill } else { '·' })
            .collect();
        lines.push(Line::from(vec![
            Span::raw(format!("  {}", pad(label, label_w))),
            Span::styled(bar, style),
            Span::raw(format!(" {} → {}", short_date(a), short_date(b))),
        ]));
    }
    if let (Some((_, plan_end)), Some((_, done))) = (days(&j.rencana), days(&j.realisasi)) {
        let late = done - plan_end;
        let (text, style) = match late {
            0 => (
                app.t("selesai tepat waktu", "finished on time").to_string(),
                th.success(),
            ),
            d if d > 0 => (
                match app.lang {
                    Lang::Id => format!("selesai {d} hari terlambat"),
                    Lang::En => format!("finished {d} days late"),
                },
                th.warning(),
            ),
            d => (
                match app.lang {
                    Lang::Id => format!("selesai {} hari lebih awal", -d),
                    Lang::En => format!("finished {} days early", -d),
                },
                th.success(),
            ),
        };
        lines.push(Line::styled(
            format!("  {}{text}", " ".repeat(label_w)),
            style,
        ));
    }
    lines.push(Line::raw(""));
    lines
}

/// A day number as `YYYY-MM-DD` again.
fn short_date(day: i32) -> String {
    day_iso(day).unwrap_or_else(|| "?".into())
}

/// Step 6's benefits in numbers (thousands grouped: they are often rupiah), each as written, then summed per unit where two or more share
/// one (the rule is tulta-core's), and what the improvement cost.
fn benefit_lines<'a>(app: &App, m: &Manfaat) -> Vec<Line<'a>> {
    let th = &app.theme;
    let lang = app.lang;
    let mut lines = Vec::new();
    if !m.kuantitatif.is_empty() {
        lines.push(Line::styled(
            app.t("  Manfaat terukur:", "  Benefits in numbers:"),
            th.accent(),
        ));
        for k in &m.kuantitatif {
            lines.push(Line::raw(format!(
                "    {}: {} {}",
                k.uraian.as_deref().unwrap_or("—"),
                k.nilai.map_or("—".into(), |x| grouped(x, 2, lang)),
                k.satuan.as_deref().unwrap_or("")
            )));
        }
        let summed: Vec<String> = m
            .totals()
            .into_iter()
            .filter(|t| t.count > 1)
            .map(|t| format!("{} {}", grouped(t.nilai, 2, lang), t.satuan))
            .collect();
        if !summed.is_empty() {
            lines.push(Line::styled(
                format!(
                    "    {}: {}",
                    app.t("Jumlah per satuan", "Total per unit"),
                    summed.join(" · ")
                ),
                Style::default().add_modifier(Modifier::BOLD),
            ));
        }
    }
    if let Some(b) = &m.biaya_perbaikan {
        lines.push(Line::raw(format!(
            "  {}: {} {}",
            app.t("Biaya perbaikan", "Cost of the improvement"),
            b.nilai.map_or("—".into(), |x| grouped(x, 2, lang)),
            b.satuan.as_deref().unwrap_or("")
        )));
    }
    lines
}

/// Results against the target: on step 6 (where they are) and again on step 7 (the closing view).
fn result_lines<'a>(app: &App, r: Option<&Risalah>, step: &Langkah) -> Vec<Line<'a>> {
    let th = &app.theme;
    let lang = app.lang;
    let hasil = step
        .hasil
        .as_ref()
        .or_else(|| r.and_then(|r| r.step(6)).and_then(|s| s.hasil.as_ref()));
    let target = r.and_then(|r| r.step(1)).and_then(|s| s.target.as_ref());
    let mut lines = vec![Line::from(Span::styled(
        app.t("Hasil dibanding target:", "Results against the target:"),
        th.accent(),
    ))];
    let Some(h) = hasil else {
        lines.push(Line::from(Span::styled(
            app.t(
                "  (langkah 6 tidak memuat hasil)",
                "  (step 6 states no result)",
            ),
            th.warning(),
        )));
        return lines;
    };
    let satuan = h
        .satuan
        .as_ref()
        .map_or("", |s| s.value.as_str())
        .to_string();
    let v = |x: Option<f64>| x.map_or("—".to_string(), |x| num(x, 2, lang));
    lines.push(Line::raw(format!(
        "  {}: {} → {} {satuan}",
        h.indikator.as_ref().map_or("—", |x| x.value.as_str()),
        v(h.sebelum),
        v(h.sesudah)
    )));
    if let (Some(t), Some(after)) = (target, h.sesudah) {
        if let (Some(awal), Some(sasaran)) = (t.awal, t.sasaran) {
            let lower_is_better = sasaran < awal;
            let met = if lower_is_better {
                after <= sasaran
            } else {
                after >= sasaran
            };
            let (text, style) = if met {
                (
                    format!(
                        "  ✓ {} ({} {} {satuan})",
                        app.t("target tercapai", "target met"),
                        app.t("sasaran", "goal"),
                        num(sasaran, 2, lang)
                    ),
                    th.success(),
                )
            } else {
                (
                    format!(
                        "  ✗ {} {} {satuan} ({} {} {satuan})",
                        app.t("target belum tercapai: selisih", "target missed by"),
                        num((after - sasaran).abs(), 2, lang),
                        app.t("sasaran", "goal"),
                        num(sasaran, 2, lang)
                    ),
                    th.error(),
                )
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
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
