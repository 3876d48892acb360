//! Tools people read as tables: the check sheet with its total, and the 5W1H plan.

use super::text;
use crate::app::App;
use crate::ui::text::{num, pad, wrap};
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
    if let Some(stated) = total {
        if (stated - sum).abs() > 1e-9 {
            total_line.push(Span::styled(
                format!(
                    "  ✗ {} {}",
                    app.t("tertulis", "stated"),
                    num(stated, 2, lang)
                ),
                th.error(),
            ));
        } else {
            total_line.push(Span::styled("  ✓", th.success()));
        }
    }
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
