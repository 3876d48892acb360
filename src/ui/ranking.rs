//! The ranking screen: the final result or one stage's ranking, its Juara labels and awards.

use super::judge::keys_hint;
use super::text::{fit, fixed, pad};
use crate::app::{App, Areas};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

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
                    match r.staged.as_ref().map(|s| s.tahap.as_deref()) {
                        Some(None) => format!("{} · ", app.t("hasil akhir", "final result")),
                        Some(Some(t)) => format!("{} {t} · ", app.t("tahap", "stage")),
                        None => String::new(),
                    },
                    th.accent().add_modifier(Modifier::BOLD),
                ),
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
    // A final result shows each stage's index and the place label; a stage's ranking, its judges.
    let result = r.staged.as_ref().filter(|s| s.tahap.is_none());
    let columns: Vec<String> = match result {
        Some(s) => s
            .stages
            .iter()
            .filter(|t| t.bobot.is_some())
            .map(|t| t.id.clone())
            .collect(),
        None => j
            .judging
            .competition
            .lomba
            .juri
            .iter()
            .map(|x| x.id.clone())
            .collect(),
    };
    let awards: Vec<String> = result.map_or(Vec::new(), |s| {
        s.penghargaan
            .iter()
            .map(|a| {
                format!(
                    "★ {}: {}{}",
                    a.nama,
                    if a.pemenang.is_empty() {
                        app.t("belum ada", "none yet").to_string()
                    } else {
                        a.pemenang
                            .iter()
                            .map(|e| {
                                j.judging
                                    .competition
                                    .entry(e)
                                    .map_or(e.clone(), |x| x.opd.clone())
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    a.nilai
                        .map_or(String::new(), |x| format!(" ({})", fixed(x, 2, app.lang)))
                )
            })
            .collect()
    });
    let [body, awards_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(awards.len() as u16)]).areas(body);
    let wide = body.width >= 110;
    let [table_area, chart_area] = if wide {
        Layout::horizontal([Constraint::Min(60), Constraint::Length(40)]).areas(body)
    } else {
        Layout::horizontal([Constraint::Min(10), Constraint::Length(0)]).areas(body)
    };
    let w = usize::from(table_area.width);
    let label_w = if result.is_some() { 14 } else { 0 };
    // Stage names are read whole (a judge id fits 6).
    let col_w = if result.is_some() {
        columns
            .iter()
            .map(|c| c.chars().count() + 1)
            .max()
            .unwrap_or(7)
            .max(7)
    } else {
        7
    };
    // The final result also shows, where there is room, how many judges finished each entry's
    // last stage and their indexes (the CLI table and a stage's ranking show them too).
    let stage_w = col_w * columns.len();
    let all_judges: Vec<String> = j
        .judging
        .competition
        .lomba
        .juri
        .iter()
        .map(|x| x.id.clone())
        .collect();
    let extra_w = 6 + 7 * all_judges.len();
    let judges: Vec<String> =
        if result.is_some() && w >= 4 + 2 + 6 + 6 + 4 + stage_w + extra_w + 4 + label_w + 20 {
            all_judges
        } else {
            Vec::new()
        };
    let judge_w = stage_w + if judges.is_empty() { 0 } else { extra_w };
    let judge_cell = |row: &tulta_core::judging::ranking::Row, col: &str| match row.juri.get(col) {
        Some(x) => fixed(*x, 2, app.lang),
        None if row.juri_konflik.iter().any(|c| c == col) => "⊘".into(),
        None => "…".into(),
    };
    let opd_w = w
        .saturating_sub(4 + 2 + 6 + 6 + 4 + judge_w + 4 + label_w)
        .clamp(8, 40);
    let mut lines = vec![Line::styled(
        format!(
            "{:>3}  {} {:>5} {:>5} {:<3}{} {}",
            "#",
            pad(app.t("OPD / kelurahan", "OPD / kelurahan"), opd_w),
            app.t("indeks", "index"),
            "0-100",
            app.t("prd", "grd"),
            columns
                .iter()
                .map(|x| format!("{:>col_w$}", fit(x, col_w - 1)))
                .chain((!judges.is_empty()).then(|| format!("{:>6}", app.t("juri", "jdg"))))
                .chain(judges.iter().map(|x| format!("{:>7}", fit(x, 6))))
                .collect::<String>(),
            if result.is_some() {
                app.t("juara", "place")
            } else {
                ""
            }
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
        for col in &columns {
            // Barred and not yet finished are never shown the same way (spec §6).
            let cell = if result.is_some() {
                row.nilai_tahap
                    .get(col)
                    .map_or("—".into(), |x| fixed(*x, 2, app.lang))
            } else {
                judge_cell(row, col)
            };
            spans.push(Span::raw(format!("{cell:>col_w$}")));
        }
        if !judges.is_empty() {
            let n_of_m = format!("{}/{}", row.juri.len(), row.juri_wajib());
            spans.push(Span::raw(format!("{n_of_m:>6}")));
            for col in &judges {
                spans.push(Span::raw(format!("{:>7}", judge_cell(row, col))));
            }
        }
        if result.is_some() {
            use tulta_core::judging::ranking::Outcome;
            match r.outcome(row) {
                Some(Outcome::Juara(label)) => spans.push(Span::styled(
                    format!(" {}", fit(label, label_w)),
                    th.success().add_modifier(Modifier::BOLD),
                )),
                // Stopped at a final stage, or still waiting in one that is not final.
                Some(Outcome::Stopped(t)) => spans.push(Span::styled(
                    format!(" {}", fit(&format!("✗ {t}"), label_w)),
                    th.muted(),
                )),
                Some(Outcome::Waiting(t)) => spans.push(Span::styled(
                    format!(" {}", fit(&format!("… {t}"), label_w)),
                    th.muted(),
                )),
                None => {}
            }
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
    frame.render_widget(
        Paragraph::new(
            awards
                .iter()
                .map(|a| Line::styled(fit(a, usize::from(awards_area.width)), th.success()))
                .collect::<Vec<_>>(),
        ),
        awards_area,
    );
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
            Span::raw(super::text::with_cursor(path, true)),
            match (&j.overwrite, j.message_on(None)) {
                // The file exists: the question is what the judge must see.
                (Some(_), Some((_, m))) => Span::styled(format!("  {m}"), th.warning()),
                _ => Span::styled(
                    format!(
                        "  {}",
                        keys_hint(app, crate::app::action::Context::ExportPath)
                    ),
                    th.muted(),
                ),
            },
        ])
    } else {
        match j.message_on(None) {
            Some((ok, m)) => Line::styled(m.clone(), if *ok { th.success() } else { th.error() }),
            None => Line::raw(""),
        }
    };
    frame.render_widget(Paragraph::new(foot_line), foot);
}
