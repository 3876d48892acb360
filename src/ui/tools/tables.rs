//! Tools people read as tables: the check sheet with its total, and the 5W1H plan.

use super::text;
use crate::app::App;
use crate::ui::text::{fit, num, pad, wrap};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};
use ratatui::Frame;
use tulta_core::model::risalah::FIVE_W_ONE_H;

pub(super) fn check_sheet(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    periode: Option<&str>,
    baris: &[tulta_core::model::risalah::Baris],
    total: Option<f64>,
    scroll: u16,
) {
    let th = &app.theme;
    let lang = app.lang;
    let sum: f64 = baris.iter().filter_map(|b| b.jumlah).sum();
    let max = baris
        .iter()
        .filter_map(|b| b.jumlah)
        .fold(0.0_f64, f64::max);
    let name_w = (usize::from(area.width) * 60 / 100).max(10);
    let tally_w = usize::from(area.width)
        .saturating_sub(name_w + 10)
        .clamp(1, 40);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", app.t("Periode", "Period")), th.muted()),
        Span::raw(periode.unwrap_or("—").to_string()),
    ])];
    lines.push(Line::styled(
        format!(
            "{} {:>6}",
            pad(app.t("Butir", "Item"), name_w),
            app.t("Jumlah", "Count")
        ),
        th.accent().add_modifier(Modifier::BOLD),
    ));
    for b in baris {
        let n = b.jumlah.unwrap_or(0.0);
        let marks = if max > 0.0 {
            ((n / max) * tally_w as f64).round() as usize
        } else {
            0
        };
        lines.push(Line::from(vec![
            Span::raw(pad(b.butir.as_deref().unwrap_or("—"), name_w)),
            Span::raw(format!(
                " {:>6} ",
                b.jumlah.map_or("—".into(), |j| num(j, 2, lang))
            )),
            Span::styled("▮".repeat(marks.min(tally_w)), th.accent()),
        ]));
    }
    let mut total_line = vec![Span::styled(
        format!(
            "{} {:>6}",
            pad(app.t("Total", "Total"), name_w),
            num(sum, 2, lang)
        ),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    total_line.extend(super::stated_total(app, total, sum));
    lines.push(Line::from(total_line));
    text(frame, area, lines, scroll);
}

pub(super) fn plan(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    aksi: &[tulta_core::model::risalah::Aksi],
    scroll: u16,
) {
    let th = &app.theme;
    let labels: [(&str, &str); 6] = [
        ("Apa", "What"),
        ("Mengapa", "Why"),
        ("Di mana", "Where"),
        ("Kapan", "When"),
        ("Siapa", "Who"),
        ("Bagaimana", "How"),
    ];
    debug_assert_eq!(labels.len(), FIVE_W_ONE_H.len());
    // Beside the scoring panel at 80 columns a table's columns are a few letters wide and words
    // break inside; there each action is a block of labelled lines across the whole width.
    if area.width < 60 {
        let dash = "—".to_string();
        let w = usize::from(area.width).max(8);
        let mut lines: Vec<Line> = Vec::new();
        for a in aksi {
            let id = a.id.as_ref().map_or(dash.clone(), |t| t.value.clone());
            let cause = a
                .penyebab
                .as_ref()
                .map_or(dash.clone(), |t| t.value.clone());
            for (n, part) in wrap(&format!("{id} · {cause}"), w).into_iter().enumerate() {
                lines.push(if n == 0 {
                    Line::styled(part, th.accent().add_modifier(Modifier::BOLD))
                } else {
                    Line::styled(part, th.accent())
                });
            }
            for (i, (lid, len)) in labels.iter().enumerate() {
                let value = a.unsur[i].clone().unwrap_or_else(|| dash.clone());
                for part in wrap(
                    &format!("{}: {value}", app.t(lid, len)),
                    w.saturating_sub(2),
                ) {
                    lines.push(Line::raw(format!("  {part}")));
                }
            }
            lines.push(Line::raw(""));
        }
        text(frame, area, lines, scroll);
        return;
    }
    let wide = area.width >= 110;
    // Narrow: three columns of labelled elements; wide: one column per element.
    let widths: Vec<Constraint> = if wide {
        vec![
            Constraint::Length(4),
            Constraint::Percentage(16),
            Constraint::Percentage(16),
            Constraint::Percentage(14),
            Constraint::Percentage(10),
            Constraint::Percentage(10),
            Constraint::Percentage(10),
            Constraint::Percentage(20),
        ]
    } else {
        vec![
            Constraint::Length(4),
            Constraint::Percentage(28),
            Constraint::Percentage(36),
            Constraint::Percentage(36),
        ]
    };
    let cols = Layout::horizontal(widths.clone())
        .spacing(1)
        .split(Rect::new(0, 0, area.width, 1));
    let col_w = |i: usize| usize::from(cols.get(i).map_or(10, |r| r.width)).max(1);
    let dash = "—".to_string();
    let mut header = vec!["ID".to_string(), app.t("Penyebab", "Cause").to_string()];
    if wide {
        header.extend(labels.iter().map(|(id, en)| app.t(id, en).to_string()));
    } else {
        header.push(
            app.t("Apa · Mengapa · Bagaimana", "What · Why · How")
                .to_string(),
        );
        header.push(
            app.t("Di mana · Kapan · Siapa", "Where · When · Who")
                .to_string(),
        );
    }
    let rows: Vec<Row> = aksi
        .iter()
        .map(|a| {
            let get = |i: usize| a.unsur[i].clone().unwrap_or_else(|| dash.clone());
            let mut cells: Vec<Vec<String>> = vec![
                vec![a.id.as_ref().map_or(dash.clone(), |t| t.value.clone())],
                wrap(
                    &a.penyebab
                        .as_ref()
                        .map_or(dash.clone(), |t| t.value.clone()),
                    col_w(1),
                ),
            ];
            if wide {
                for i in 0..6 {
                    cells.push(wrap(&get(i), col_w(i + 2)));
                }
            } else {
                let group = |idx: [usize; 3], w: usize| -> Vec<String> {
                    idx.iter()
                        .flat_map(|&i| {
                            let (id, en) = labels[i];
                            wrap(&format!("{}: {}", app.t(id, en), get(i)), w)
                        })
                        .collect()
                };
                cells.push(group([0, 1, 5], col_w(2)));
                cells.push(group([2, 3, 4], col_w(3)));
            }
            let height = cells.iter().map(Vec::len).max().unwrap_or(1) as u16;
            Row::new(cells.into_iter().map(|c| Cell::from(c.join("\n"))))
                .height(height)
                .bottom_margin(1)
        })
        .collect();
    // Scroll by rows: skip the first `scroll` actions.
    let skip = usize::from(scroll).min(rows.len().saturating_sub(1));
    let table = Table::new(rows.into_iter().skip(skip), widths)
        .header(Row::new(header).style(th.accent().add_modifier(Modifier::BOLD)))
        .column_spacing(1);
    frame.render_widget(table, area);
}

/// The priority matrix as people score it on paper: one row per candidate, one column per
/// criterion, the total at the end; the row with the highest total (the theme it chooses, T301)
/// marked ▶. A stated total that is not the sum is shown beside it, as on the check sheet.
pub(super) fn matrix(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    kriteria: &[tulta_core::model::risalah::Text],
    calon: &[tulta_core::model::risalah::Calon],
    scroll: u16,
) {
    let th = &app.theme;
    let lang = app.lang;
    let width = usize::from(area.width);
    let total_w = 7;
    // Criteria columns as wide as their names up to 12, narrower when the candidates need room.
    let mut crit_w: Vec<usize> = kriteria
        .iter()
        .map(|k| k.value.chars().count().clamp(4, 12))
        .collect();
    let fixed = |cw: &[usize]| 2 + cw.iter().map(|w| w + 1).sum::<usize>() + total_w + 1;
    // In a narrow pane the criteria go by their initials (U, S, G), explained under the table.
    let initials = width.saturating_sub(fixed(&crit_w)) < 20;
    if initials {
        crit_w.iter_mut().for_each(|w| *w = 3);
    }
    let name_w = width.saturating_sub(fixed(&crit_w)).max(8);
    let top = calon
        .iter()
        .filter_map(|c| c.score())
        .fold(f64::NEG_INFINITY, f64::max);
    let mut head = format!("  {}", pad(app.t("Masalah", "Problem"), name_w));
    let initial = |k: &str| {
        k.chars()
            .next()
            .map_or(String::new(), |c| c.to_uppercase().collect())
    };
    for (k, w) in kriteria.iter().zip(&crit_w) {
        head.push(' ');
        let name = if initials {
            initial(&k.value)
        } else {
            fit(&k.value, *w)
        };
        head.push_str(&format!("{:>w$}", name, w = *w));
    }
    head.push_str(&format!(" {:>total_w$}", app.t("Total", "Total")));
    let mut lines = vec![
        Line::styled(head, th.accent().add_modifier(Modifier::BOLD)),
        Line::styled("─".repeat(width.min(fixed(&crit_w) + name_w)), th.muted()),
    ];
    for c in calon {
        let score = c.score();
        let chosen = score.is_some_and(|s| (s - top).abs() < 1e-9);
        let mut row = format!(
            "{}{}",
            if chosen { "▶ " } else { "  " },
            pad(c.masalah.as_ref().map_or("—", |m| m.value.as_str()), name_w)
        );
        let nilai = c.nilai.as_deref().unwrap_or(&[]);
        for (i, w) in crit_w.iter().enumerate() {
            let cell = nilai.get(i).map_or("—".into(), |x| num(*x, 2, lang));
            row.push_str(&format!(" {:>w$}", cell, w = *w));
        }
        row.push_str(&format!(
            " {:>total_w$}",
            score.map_or("—".into(), |x| num(x, 2, lang))
        ));
        let style = if chosen {
            th.success().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        };
        let mut spans = vec![Span::styled(row, style)];
        let sum: Option<f64> = c.nilai.as_ref().map(|n| n.iter().sum());
        if let (Some(stated), Some(sum)) = (c.total, sum) {
            if (stated - sum).abs() > 1e-6 {
                spans.push(Span::styled(
                    format!(
                        " ✗ {} {}",
                        app.t("tertulis", "stated"),
                        num(stated, 2, lang)
                    ),
                    th.error(),
                ));
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    if initials {
        let legend: Vec<String> = kriteria
            .iter()
            .map(|k| format!("{} = {}", initial(&k.value), k.value))
            .collect();
        lines.push(Line::styled(legend.join(" · "), th.muted()));
    }
    lines.push(Line::styled(
        app.t(
            "▶ dipilih: total tertinggi menjadi tema (langkah 1)",
            "▶ chosen: the highest total becomes the theme (step 1)",
        ),
        th.muted(),
    ));
    text(frame, area, lines, scroll);
}
