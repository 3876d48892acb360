//! Judging on screen: the scoring panel, the ranking, the judges' progress, and the judge picker and
//! note editor overlays.

use super::text::{fit, fixed, num, pad};
use crate::app::judge::{JudgeState, PanelRow, Then};
use crate::app::{App, Areas};
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
    let rubrik = &j.judging.competition.rubrik;
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
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.t("Nilai", "Scores")),
            th.title(),
        ))
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
    let rubrik = &j.judging.competition.rubrik;
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
                    lines.push(Line::styled(
                        fit(&format!("   ✎ {}", note.replace('\n', " ")), width),
                        th.info(),
                    ));
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
                lines.push(
                    Line::from(vec![
                        Span::raw(format!("{marker} ")),
                        Span::styled(format!("{mark} "), mstyle),
                        Span::raw(fit(&c.panduan[b], width.saturating_sub(4))),
                    ])
                    .style(style),
                );
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
            }
        }
    }
    let [head_area, list_area, msg_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head), head_area);
    let h = usize::from(list_area.height).max(1);
    let scroll = cursor_line.saturating_sub(h.saturating_sub(2) / 2);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), list_area);
    let msg = match &j.message {
        Some((true, m)) => Line::styled(format!("✓ {m}"), th.success()),
        Some((false, m)) => Line::styled(format!("✗ {m}"), th.error()),
        None => Line::styled(
            app.t(
                "1-5 nilai · +/- setengah · ] berikut · spasi centang · u batal",
                "1-5 score · +/- half · ] next · space tick · u undo",
            ),
            th.muted(),
        ),
    };
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), msg_area);
}

/// A method or category as `--metode`/`--kategori` spell it, with its meaning in English.
fn glossed(app: &App, name: &str) -> String {
    let gloss = match name {
        "rata_rata" => "mean",
        "rata_rata_terpangkas" => "trimmed mean",
        "z_skor" => "z-score",
        "opd" => "OPD groups",
        "kelurahan" => "kelurahan groups",
        "semua" => "all",
        _ => return name.to_string(),
    };
    match app.lang {
        tulta_core::i18n::Lang::En => format!("{name} ({gloss})"),
        tulta_core::i18n::Lang::Id => name.to_string(),
    }
}

pub fn ranking(frame: &mut Frame, area: Rect, app: &App, areas: &mut Areas) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    let r = j.ranking();
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{} · ", app.t("Peringkat", "Ranking")), th.title()),
                Span::styled(
                    if r.sementara {
                        format!(
                            "{} · ",
                            tulta_core::judging::export::provisional_title(app.lang)
                        )
                    } else {
                        String::new()
                    },
                    th.warning().add_modifier(Modifier::BOLD),
                ),
                Span::styled(j.judging.competition.name().to_string(), th.title()),
            ]),
            Line::from(vec![
                Span::styled(format!("{} ", app.t("metode", "method")), th.muted()),
                Span::styled(
                    glossed(app, j.metode.as_str()),
                    th.accent().add_modifier(Modifier::BOLD),
                ),
                Span::styled(format!("  {} ", app.t("kategori", "category")), th.muted()),
                Span::styled(
                    glossed(app, j.kategori.as_str()),
                    th.accent().add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!(
                        "  = {}  ! {} ⊘ {} … {}",
                        app.t("seri", "tied"),
                        app.t("perlu diskusi", "discuss"),
                        app.t("konflik", "barred"),
                        app.t("belum", "todo")
                    ),
                    th.muted(),
                ),
            ]),
        ]),
        head,
    );
    let judges: Vec<String> = j
        .judging
        .competition
        .lomba
        .juri
        .iter()
        .map(|x| x.id.clone())
        .collect();
    let wide = body.width >= 110;
    let [table_area, chart_area] = if wide {
        Layout::horizontal([Constraint::Min(60), Constraint::Length(40)]).areas(body)
    } else {
        Layout::horizontal([Constraint::Min(10), Constraint::Length(0)]).areas(body)
    };
    let w = usize::from(table_area.width);
    let judge_w = 7 * judges.len();
    let opd_w = w
        .saturating_sub(4 + 2 + 6 + 6 + 4 + judge_w + 4)
        .clamp(8, 40);
    let mut lines = vec![Line::styled(
        format!(
            "{:>3}  {} {:>5} {:>5} {:<3}{} ",
            "#",
            pad(app.t("OPD / kelurahan", "OPD / kelurahan"), opd_w),
            app.t("indeks", "index"),
            "0-100",
            app.t("prd", "grd"),
            judges
                .iter()
                .map(|x| format!("{:>7}", fit(x, 6)))
                .collect::<String>()
        ),
        th.accent().add_modifier(Modifier::BOLD),
    )];
    let h = usize::from(table_area.height).saturating_sub(1).max(1);
    let offset = j.rank_selected.saturating_sub(h - 1);
    areas.list = Rect::new(
        table_area.x,
        table_area.y + 1,
        table_area.width,
        table_area.height.saturating_sub(1),
    );
    areas.list_offset = offset;
    for (i, row) in r.rows.iter().enumerate().skip(offset).take(h) {
        let sel = i == j.rank_selected;
        let rank = row.peringkat.map_or("–".to_string(), |p| {
            format!("{}{p}", if row.seri { "=" } else { "" })
        });
        let mut spans = vec![
            Span::raw(format!("{rank:>3}  ")),
            Span::raw(pad(&row.opd, opd_w)),
            Span::styled(
                format!(
                    " {:>5}",
                    row.indeks.map_or("—".into(), |x| fixed(x, 2, app.lang))
                ),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!(
                " {:>5}",
                row.nilai_100.map_or("—".into(), |x| fixed(x, 1, app.lang))
            )),
            Span::styled(
                format!(" {:<3}", row.predikat.as_ref().map_or("", |p| p.0.as_str())),
                th.accent(),
            ),
        ];
        for jid in &judges {
            // Barred and not yet finished are never shown the same way (spec §6).
            let cell = match row.juri.get(jid) {
                Some(x) => fixed(*x, 2, app.lang),
                None if row.juri_konflik.contains(jid) => "⊘".into(),
                None => "…".into(),
            };
            spans.push(Span::raw(format!("{cell:>7}")));
        }
        if row.perlu_diskusi {
            spans.push(Span::styled(
                " !",
                th.warning().add_modifier(Modifier::BOLD),
            ));
        }
        let line = Line::from(spans);
        lines.push(if sel { line.style(th.selected()) } else { line });
    }
    frame.render_widget(Paragraph::new(lines), table_area);

    if wide {
        // The top entries as bars on the rubric scale.
        let rubrik = &j.judging.competition.rubrik;
        let bar_w = usize::from(chart_area.width).saturating_sub(20).max(4);
        let mut bars = vec![Line::styled(app.t("Teratas", "Top entries"), th.title())];
        for row in r
            .rows
            .iter()
            .filter(|x| x.indeks.is_some())
            .take(usize::from(chart_area.height).saturating_sub(1) / 2)
        {
            let x = row.indeks.unwrap_or(0.0);
            let n = (((x - rubrik.min) / (rubrik.maks - rubrik.min).max(1e-9)) * bar_w as f64)
                .round() as usize;
            bars.push(Line::styled(
                fit(&row.opd, usize::from(chart_area.width)),
                th.muted(),
            ));
            bars.push(Line::from(vec![
                Span::styled("█".repeat(n.min(bar_w)), Style::default().fg(th.series(0))),
                Span::raw(format!(" {}", fixed(x, 2, app.lang))),
            ]));
        }
        frame.render_widget(Paragraph::new(bars), chart_area);
    }

    let foot_line = if let Some(path) = &j.export {
        Line::from(vec![
            Span::styled(
                format!("{} ", app.t("Ekspor ke:", "Export to:")),
                th.accent(),
            ),
            Span::raw(format!("{path}▏")),
            Span::styled(
                format!(
                    "  {}",
                    app.t("Enter tulis · Esc batal", "Enter write · Esc cancel")
                ),
                th.muted(),
            ),
        ])
    } else {
        match &j.message {
            Some((ok, m)) => Line::styled(m.clone(), if *ok { th.success() } else { th.error() }),
            None => Line::raw(""),
        }
    };
    frame.render_widget(Paragraph::new(foot_line), foot);
}

pub fn progress(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    let progress = j.judging.progress();
    let total = j.judging.competition.entries.len();
    let mut lines = vec![
        Line::styled(
            format!(
                "{} · {}",
                app.t("Kemajuan juri", "Judges' progress"),
                j.judging.competition.name()
            ),
            th.title(),
        ),
        Line::raw(""),
    ];
    let bar_w = usize::from(area.width).saturating_sub(60).clamp(10, 40);
    for p in &progress {
        let scorable = total.saturating_sub(p.barred).max(1);
        let done = (p.finished * bar_w) / scorable;
        let me = j.juri.as_deref() == Some(p.juri.as_str());
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{:<8}", if me { "▶" } else { " " }, p.juri),
                th.accent().add_modifier(Modifier::BOLD),
            ),
            Span::styled("█".repeat(done), th.success()),
            Span::styled("░".repeat(bar_w - done.min(bar_w)), th.muted()),
            Span::raw(format!(
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
            )),
        ]));
        lines.push(Line::styled(format!("  {}", p.nama), th.muted()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        app.t(
            "Paling berselisih (rentang indeks antarjuri)",
            "Where judges disagree most (spread of their indexes)",
        ),
        th.title(),
    ));
    let names: std::collections::HashMap<&str, &str> = j
        .judging
        .competition
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.opd.as_str()))
        .collect();
    for (id, span, values) in j.disagreements().into_iter().take(8) {
        let style = if span > 1.0 {
            th.warning()
        } else {
            Style::default()
        };
        let vals: Vec<String> = values
            .iter()
            .map(|(jid, v)| format!("{jid} {}", fixed(*v, 2, app.lang)))
            .collect();
        let line = format!(
            "{} {}",
            pad(names.get(id.as_str()).copied().unwrap_or(&id), 28),
            vals.join(" · ")
        );
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:>4} ", fixed(span, 2, app.lang)),
                style.add_modifier(Modifier::BOLD),
            ),
            Span::raw(fit(&line, usize::from(area.width).saturating_sub(8))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The overlays: judge picker, note editor, Simpan/Buang/Batal.
pub fn overlays(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let Some(j) = &app.judge else { return };
    if let Some(sel) = j.picker {
        let judges = &j.judging.competition.lomba.juri;
        let mut lines = vec![
            Line::styled(app.t("Siapa yang menilai?", "Who is scoring?"), th.title()),
            Line::raw(""),
        ];
        for (i, x) in judges.iter().enumerate() {
            let line = Line::from(vec![
                Span::styled(
                    format!("{} {:<8}", if i == sel { "▶" } else { " " }, x.id),
                    th.accent(),
                ),
                Span::raw(x.nama.clone()),
                Span::styled(
                    x.opd.as_ref().map_or(String::new(), |o| format!(" · {o}")),
                    th.muted(),
                ),
            ]);
            lines.push(if i == sel {
                line.style(th.selected())
            } else {
                line
            });
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
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            app.t(
                "↑↓ pilih · Enter pakai (diingat) · Esc hanya membaca",
                "↑↓ select · Enter use (remembered) · Esc read only",
            ),
            th.muted(),
        ));
        let popup = super::centred(area, 76, lines.len() as u16 + 2);
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines).style(th.base()).block(
                Block::bordered()
                    .title(format!(" {} ", app.t("Juri", "Judge")))
                    .border_style(th.accent()),
            ),
            popup,
        );
    }
    if let Some(note) = &j.note {
        let popup = super::centred(area, 70, 12);
        let title = format!(
            " {} {} ",
            app.t("Catatan", "Note"),
            note.kriteria.as_deref().unwrap_or(app.t("umum", "general"))
        );
        let mut text: Vec<Line> = note
            .text
            .split('\n')
            .map(|l| Line::raw(l.to_string()))
            .collect();
        if let Some(last) = text.last_mut() {
            last.spans.push(Span::styled("▏", th.accent()));
        }
        let [body, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)])
            .areas(Block::bordered().inner(popup));
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Block::bordered()
                .title(title)
                .border_style(th.accent())
                .style(th.base()),
            popup,
        );
        let h = usize::from(body.height);
        let scroll = text.len().saturating_sub(h) as u16;
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0)),
            body,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(
                app.t(
                    "Enter baris baru · Ctrl-S simpan · Esc selesai",
                    "Enter new line · Ctrl-S save · Esc done",
                ),
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
