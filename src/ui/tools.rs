//! Each tool drawn as people read it: a check sheet as a table with its total, a Pareto as sorted
//! bars with the cumulative line and the 80% mark, a fishbone as the effect with its categories and
//! causes, 5W1H as a table, graphs and scatter plots as charts, before/after as paired bars.

use super::text::{fit, num, pad, wrap};
use crate::app::App;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Cell, Chart, Dataset, GraphType, Paragraph, Row, Table, Wrap,
};
use ratatui::Frame;
use tulta_core::model::names::{is_other, norm};
use tulta_core::model::risalah::{Alat, ParetoItem, Risalah, ToolData, FIVE_W_ONE_H};
use tulta_core::model::tools::ToolKind;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    alat: &Alat,
    dominant: &[String],
    scroll: u16,
) {
    match &alat.data {
        ToolData::CurahPendapat { ide } => {
            let lines: Vec<Line> = ide
                .iter()
                .enumerate()
                .map(|(i, t)| Line::raw(format!("{:>2}. {}", i + 1, t.value)))
                .collect();
            text(frame, area, lines, scroll);
        }
        ToolData::LembarPeriksa {
            periode,
            baris,
            total,
        } => check_sheet(frame, area, app, periode.as_deref(), baris, *total, scroll),
        ToolData::Pareto { butir } => pareto(frame, area, app, butir, dominant, scroll),
        ToolData::SebabAkibat { akibat, kategori } => {
            let th = &app.theme;
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} ", app.t("Akibat", "Effect")), th.muted()),
                Span::styled(
                    format!("◀━━ {}", akibat.as_deref().unwrap_or("—")),
                    th.title(),
                ),
            ])];
            let n = kategori.len();
            for (ci, k) in kategori.iter().enumerate() {
                let last_cat = ci + 1 == n;
                lines.push(Line::from(vec![
                    Span::styled(if last_cat { "┗━ " } else { "┣━ " }, th.muted()),
                    Span::styled(k.nama.clone(), th.accent().add_modifier(Modifier::BOLD)),
                ]));
                let m = k.penyebab.len();
                for (pi, p) in k.penyebab.iter().enumerate() {
                    let dom = dominant.contains(&norm(&p.value));
                    let stem = if last_cat { "   " } else { "┃  " };
                    let branch = if pi + 1 == m { "└─ " } else { "├─ " };
                    lines.push(Line::from(vec![
                        Span::styled(format!("{stem}{branch}"), th.muted()),
                        Span::styled(
                            format!("{}{}", p.value, if dom { " ★" } else { "" }),
                            if dom {
                                th.warning().add_modifier(Modifier::BOLD)
                            } else {
                                Style::default()
                            },
                        ),
                    ]));
                }
            }
            if !dominant.is_empty() {
                lines.push(Line::from(Span::styled(
                    app.t(
                        "★ penyebab dominan (langkah 3)",
                        "★ dominant cause (step 3)",
                    ),
                    th.muted(),
                )));
            }
            text(frame, area, lines, scroll);
        }
        ToolData::Histogram { data, kelas } => histogram(frame, area, app, data, *kelas),
        ToolData::Tebar {
            x,
            y,
            label_x,
            label_y,
            korelasi,
        } => scatter(
            frame,
            area,
            app,
            x,
            y,
            label_x.as_deref(),
            label_y.as_deref(),
            *korelasi,
        ),
        ToolData::Grafik {
            seri,
            batas_atas,
            batas_bawah,
        } => {
            let points: Vec<(String, f64)> = seri
                .iter()
                .filter_map(|t| Some((t.label.clone().unwrap_or_default(), t.nilai?)))
                .collect();
            line_chart(frame, area, app, &points, *batas_atas, *batas_bawah);
        }
        ToolData::Rencana { aksi } => plan(frame, area, app, aksi, scroll),
        ToolData::Alir { langkah } => {
            let th = &app.theme;
            let width = langkah
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                .min(usize::from(area.width).saturating_sub(4));
            let mut lines = Vec::new();
            for (i, l) in langkah.iter().enumerate() {
                let body = fit(l, width);
                lines.push(Line::styled(
                    format!("┌{}┐", "─".repeat(width + 2)),
                    th.accent(),
                ));
                lines.push(Line::from(vec![
                    Span::styled("│ ", th.accent()),
                    Span::raw(pad(&body, width)),
                    Span::styled(" │", th.accent()),
                ]));
                lines.push(Line::styled(
                    format!("└{}┘", "─".repeat(width + 2)),
                    th.accent(),
                ));
                if i + 1 < langkah.len() {
                    lines.push(Line::styled(
                        format!("{}↓", " ".repeat(width / 2 + 1)),
                        th.muted(),
                    ));
                }
            }
            text(frame, area, lines, scroll);
        }
        ToolData::Unknown { jenis } => {
            let name = jenis.as_deref().unwrap_or("?");
            text(
                frame,
                area,
                vec![Line::styled(
                    format!("{} `{name}`", app.t("Alat tidak dikenal:", "Unknown tool:")),
                    app.theme.error(),
                )],
                0,
            );
        }
    }
}

fn text(frame: &mut Frame, area: Rect, lines: Vec<Line>, scroll: u16) {
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn check_sheet(
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

/// Pareto items sorted by value (an "other" item last), with computed percents.
pub fn pareto_rows(butir: &[ParetoItem]) -> Vec<(String, f64, f64, f64)> {
    let mut items: Vec<(String, f64)> = butir
        .iter()
        .map(|b| (b.label.clone().unwrap_or_default(), b.nilai.unwrap_or(0.0)))
        .collect();
    items.sort_by(|a, b| {
        is_other(&a.0)
            .cmp(&is_other(&b.0))
            .then(b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal))
    });
    let total: f64 = items.iter().map(|i| i.1).sum();
    let mut running = 0.0;
    items
        .into_iter()
        .map(|(label, v)| {
            running += v;
            let (p, c) = if total > 0.0 {
                (v / total * 100.0, running / total * 100.0)
            } else {
                (0.0, 0.0)
            };
            (label, v, p, c)
        })
        .collect()
}

/// Horizontal bars (longest first) with a cumulative-percent marker per row, joined into a line,
/// and a rule at 80%.
fn pareto(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    butir: &[ParetoItem],
    dominant: &[String],
    scroll: u16,
) {
    let th = &app.theme;
    let rows = pareto_rows(butir);
    if rows.is_empty() || area.height < 3 {
        return;
    }
    // Every row must fit on one line (a wrapped cum% reads as a row of its own): in a narrow pane
    // the labels give way first, then the plot, never the numbers.
    let nums_w = 14;
    let plot_min = 8;
    let label_w = (usize::from(area.width) * 40 / 100)
        .clamp(8, 44)
        .min(usize::from(area.width).saturating_sub(nums_w + 2 + plot_min))
        .max(4);
    let plot_w = usize::from(area.width)
        .saturating_sub(label_w + nums_w + 2)
        .max(plot_min);
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max);
    let mark80 = (0.8 * plot_w as f64).round() as usize;
    let col = |pct: f64| ((pct / 100.0) * (plot_w - 1) as f64).round() as usize;
    let header = Line::from(vec![
        Span::styled(
            pad(app.t("Butir", "Item"), label_w),
            th.accent().add_modifier(Modifier::BOLD),
        ),
        Span::raw(" "),
        Span::styled(
            pad(
                &format!(
                    "▇ {}  ● {}  ┆ 80%",
                    app.t("nilai", "value"),
                    app.t("kumulatif", "cumulative")
                ),
                plot_w,
            ),
            th.muted(),
        ),
        Span::styled(
            format!(" {:>5} {:>6}", "n", app.t("kum%", "cum%")),
            th.accent(),
        ),
    ]);
    let mut lines = vec![header];
    let mut prev_col: Option<usize> = None;
    for (label, v, _p, c) in &rows {
        let bar_len = if max > 0.0 {
            ((v / max) * plot_w as f64).round() as usize
        } else {
            0
        };
        let dot = col(*c);
        let mut cells: Vec<(char, Style)> = (0..plot_w)
            .map(|x| {
                if x < bar_len {
                    ('▇', Style::default().fg(th.series(0)))
                } else if x == mark80 {
                    ('┆', th.warning())
                } else {
                    (' ', Style::default())
                }
            })
            .collect();
        // The cumulative line: from the previous row's point to this one's, then the point.
        if let Some(pc) = prev_col {
            for cell in cells.iter_mut().take(dot).skip(pc + 1) {
                if cell.0 == ' ' || cell.0 == '┆' {
                    *cell = ('─', Style::default().fg(th.series(1)));
                }
            }
        }
        if let Some(cell) = cells.get_mut(dot) {
            *cell = (
                '●',
                Style::default()
                    .fg(th.series(1))
                    .add_modifier(Modifier::BOLD),
            );
        }
        prev_col = Some(dot);
        let dom = dominant.contains(&norm(label));
        let mut spans = vec![Span::styled(
            pad(&format!("{}{label}", if dom { "★" } else { "" }), label_w),
            if dom {
                th.warning().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            },
        )];
        spans.push(Span::raw(" "));
        // Merge runs of one style into spans.
        let mut run = String::new();
        let mut run_style = cells.first().map(|c| c.1).unwrap_or_default();
        for (ch, st) in cells {
            if st != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = st;
            run.push(ch);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        spans.push(Span::raw(format!(
            " {:>5} {:>6}",
            num(*v, 1, app.lang),
            num(*c, 1, app.lang)
        )));
        lines.push(Line::from(spans));
    }
    // A scale under the plot: 0, 50, 80 and 100 percent of the cumulative line.
    // Marks that would run into one another are left out, the 80% mark last of all.
    let mut scale: Vec<char> = vec![' '; plot_w + 6];
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (pct, text) in [(0.0, "0"), (80.0, "80"), (100.0, "100%"), (50.0, "50")] {
        let at = col(pct);
        let end = at + text.chars().count();
        if taken.iter().any(|&(a, b)| at <= b && a <= end) {
            continue;
        }
        taken.push((at, end));
        for (k, ch) in text.chars().enumerate() {
            if let Some(c) = scale.get_mut(at + k) {
                *c = ch;
            }
        }
    }
    lines.push(Line::from(vec![
        Span::raw(" ".repeat(label_w + 1)),
        Span::styled(scale.into_iter().collect::<String>(), th.muted()),
    ]));
    let total: f64 = rows.iter().map(|r| r.1).sum();
    lines.push(Line::styled(
        format!(
            "{}: {}   ★ {}",
            app.t("Jumlah", "Total"),
            num(total, 2, app.lang),
            app.t("penyebab dominan", "dominant cause")
        ),
        th.muted(),
    ));
    text(frame, area, lines, scroll);
}

fn plan(
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
    let dash = "—".to_string();
    // Beside the scoring panel at 80 columns a table's columns are a few letters wide and words
    // break inside; there each action is a block of labelled lines across the whole width.
    if area.width < 60 {
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

fn line_chart(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    points: &[(String, f64)],
    upper: Option<f64>,
    lower: Option<f64>,
) {
    let th = &app.theme;
    if points.is_empty() {
        return;
    }
    let data: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| (i as f64, *v))
        .collect();
    let last_x = (points.len().saturating_sub(1)).max(1) as f64;
    let mut lo = data.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let mut hi = data.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    for l in [upper, lower].into_iter().flatten() {
        lo = lo.min(l);
        hi = hi.max(l);
    }
    let pad_y = ((hi - lo) * 0.1).max(1.0);
    let (lo, hi) = (
        (lo - pad_y).max(if lo >= 0.0 { 0.0 } else { f64::MIN }),
        hi + pad_y,
    );
    let out: Vec<(f64, f64)> = data
        .iter()
        .copied()
        .filter(|(_, v)| upper.is_some_and(|u| *v > u) || lower.is_some_and(|l| *v < l))
        .collect();
    let upper_line: Vec<(f64, f64)> = upper.map_or(Vec::new(), |u| vec![(0.0, u), (last_x, u)]);
    let lower_line: Vec<(f64, f64)> = lower.map_or(Vec::new(), |l| vec![(0.0, l), (last_x, l)]);
    let mut sets = vec![Dataset::default()
        .name(app.t("nilai", "value"))
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(Style::default().fg(th.series(0)))
        .data(&data)];
    if !upper_line.is_empty() {
        sets.push(
            Dataset::default()
                .name(app.t("batas atas", "upper limit"))
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(th.warning())
                .data(&upper_line),
        );
    }
    if !lower_line.is_empty() {
        sets.push(
            Dataset::default()
                .name(app.t("batas bawah", "lower limit"))
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(th.warning())
                .data(&lower_line),
        );
    }
    if !out.is_empty() {
        sets.push(
            Dataset::default()
                .name(app.t("di luar batas", "out of limits"))
                .marker(Marker::Block)
                .graph_type(GraphType::Scatter)
                .style(th.error())
                .data(&out),
        );
    }
    let first = points.first().map_or("", |p| p.0.as_str());
    let last = points.last().map_or("", |p| p.0.as_str());
    let mid = points.get(points.len() / 2).map_or("", |p| p.0.as_str());
    let x_labels: Vec<Line> = if points.len() > 2 {
        vec![first.into(), mid.into(), last.into()]
    } else {
        vec![first.into(), last.into()]
    };
    let chart = Chart::new(sets)
        .x_axis(
            Axis::default()
                .bounds([0.0, last_x])
                .labels(x_labels)
                .style(th.muted()),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels(vec![
                    Line::from(num(lo, 1, app.lang)),
                    Line::from(num((lo + hi) / 2.0, 1, app.lang)),
                    Line::from(num(hi, 1, app.lang)),
                ])
                .style(th.muted()),
        )
        .legend_position(Some(ratatui::widgets::LegendPosition::TopRight));
    let [values, chart_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let listing: Vec<String> = points
        .iter()
        .map(|(l, v)| format!("{l}: {}", num(*v, 2, app.lang)))
        .collect();
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&listing.join(" · "), usize::from(area.width)),
            th.muted(),
        )),
        values,
    );
    frame.render_widget(chart, chart_area);
}

/// Pearson's r, when it is defined.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let (x, y) = (&x[..n], &y[..n]);
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx.sqrt() * syy.sqrt()))
}

#[allow(clippy::too_many_arguments)]
fn scatter(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    x: &[f64],
    y: &[f64],
    label_x: Option<&str>,
    label_y: Option<&str>,
    stated: Option<f64>,
) {
    let th = &app.theme;
    let data: Vec<(f64, f64)> = x.iter().copied().zip(y.iter().copied()).collect();
    if data.is_empty() {
        return;
    }
    let bounds = |v: &mut dyn Iterator<Item = f64>| {
        let (lo, hi) = v.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), a| {
            (lo.min(a), hi.max(a))
        });
        let pad = ((hi - lo) * 0.05).max(0.5);
        [lo - pad, hi + pad]
    };
    let bx = bounds(&mut data.iter().map(|p| p.0));
    let by = bounds(&mut data.iter().map(|p| p.1));
    let r = pearson(x, y);
    let r_text = format!(
        "r = {}{}",
        r.map_or("—".into(), |r| num(r, 2, app.lang)),
        stated.map_or(String::new(), |s| format!(
            " ({} {})",
            app.t("tertulis", "stated"),
            num(s, 2, app.lang)
        ))
    );
    let [info, chart_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(Paragraph::new(Line::styled(r_text, th.accent())), info);
    let sets = vec![Dataset::default()
        .marker(Marker::Dot)
        .graph_type(GraphType::Scatter)
        .style(Style::default().fg(th.series(0)))
        .data(&data)];
    let lbl = |b: [f64; 2]| {
        vec![
            Line::from(num(b[0], 1, app.lang)),
            Line::from(num(b[1], 1, app.lang)),
        ]
    };
    let chart = Chart::new(sets)
        .x_axis(
            Axis::default()
                .title(label_x.unwrap_or("x").to_string())
                .bounds(bx)
                .labels(lbl(bx))
                .style(th.muted()),
        )
        .y_axis(
            Axis::default()
                .title(label_y.unwrap_or("y").to_string())
                .bounds(by)
                .labels(lbl(by))
                .style(th.muted()),
        );
    frame.render_widget(chart, chart_area);
}

fn histogram(frame: &mut Frame, area: Rect, app: &App, data: &[f64], kelas: Option<i64>) {
    let th = &app.theme;
    if data.is_empty() {
        return;
    }
    let lo = data.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = data.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Sturges' rule when the report names no bin count.
    let k = kelas
        .filter(|&k| k > 0)
        .map_or_else(
            || (1.0 + (data.len() as f64).log2()).ceil() as usize,
            |k| k as usize,
        )
        .clamp(1, 30);
    let width = if hi > lo { (hi - lo) / k as f64 } else { 1.0 };
    let mut counts = vec![0u64; k];
    for &v in data {
        let i = (((v - lo) / width) as usize).min(k - 1);
        counts[i] += 1;
    }
    let bar_w = ((usize::from(area.width) / k).saturating_sub(1)).clamp(1, 12) as u16;
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            Bar::default()
                .value(c)
                .label(Line::from(num(lo + width * i as f64, 1, app.lang)))
                .style(Style::default().fg(th.series(0)))
        })
        .collect();
    let [info, chart_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "n = {}, {} {k}, {} {}–{}",
                data.len(),
                app.t("kelas", "bins"),
                app.t("rentang", "range"),
                num(lo, 2, app.lang),
                num(hi, 2, app.lang)
            ),
            th.muted(),
        )),
        info,
    );
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(bar_w)
            .bar_gap(1),
        chart_area,
    );
}

/// Step 6's comparison: each cause's count in step 3 against step 6, and the indicator before and
/// after against the goal — pairs of bars on one scale.
pub fn before_after(frame: &mut Frame, area: Rect, app: &App, r: &Risalah) {
    let th = &app.theme;
    let pareto_of = |n: i64| -> Vec<(String, f64, f64, f64)> {
        r.step(n)
            .and_then(|s| s.tool(ToolKind::DiagramPareto))
            .map(|a| match &a.data {
                ToolData::Pareto { butir } => pareto_rows(butir),
                _ => Vec::new(),
            })
            .unwrap_or_default()
    };
    let before = pareto_of(3);
    let after = pareto_of(6);
    let mut pairs: Vec<(String, Option<f64>, Option<f64>)> = before
        .iter()
        .map(|(l, v, _, _)| {
            let a = after.iter().find(|x| norm(&x.0) == norm(l)).map(|x| x.1);
            (l.clone(), Some(*v), a)
        })
        .collect();
    for (l, v, _, _) in &after {
        if !pairs.iter().any(|p| norm(&p.0) == norm(l)) {
            pairs.push((l.clone(), None, Some(*v)));
        }
    }
    let hasil = r.step(6).and_then(|s| s.hasil.as_ref());
    let target = r.step(1).and_then(|s| s.target.as_ref());
    let mut lines = Vec::new();
    let label_w = (usize::from(area.width) * 35 / 100).clamp(8, 40);
    let bar_w = usize::from(area.width).saturating_sub(label_w + 10).max(5);
    let bar = |v: f64, max: f64| -> String {
        let n = if max > 0.0 {
            ((v / max) * bar_w as f64).round() as usize
        } else {
            0
        };
        "█".repeat(n.min(bar_w))
    };
    if let Some(h) = hasil {
        let satuan = h.satuan.as_ref().map_or("", |s| s.value.as_str());
        lines.push(Line::styled(
            format!(
                "{} ({satuan})",
                h.indikator.as_ref().map_or("—", |s| s.value.as_str())
            ),
            th.accent().add_modifier(Modifier::BOLD),
        ));
        let goal = target.and_then(|t| t.sasaran);
        let max = [h.sebelum, h.sesudah, goal]
            .into_iter()
            .flatten()
            .fold(0.0_f64, f64::max);
        for (label, v, color) in [
            (app.t("sebelum", "before"), h.sebelum, th.series(1)),
            (app.t("sesudah", "after"), h.sesudah, th.series(0)),
            (app.t("sasaran", "goal"), goal, th.success),
        ] {
            if let Some(v) = v {
                lines.push(Line::from(vec![
                    Span::raw(pad(label, label_w)),
                    Span::raw(" "),
                    Span::styled(bar(v, max), Style::default().fg(color)),
                    Span::raw(format!(" {}", num(v, 2, app.lang))),
                ]));
            }
        }
        lines.push(Line::raw(""));
    }
    if !pairs.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(
                app.t("Penyebab: ", "Causes: "),
                th.accent().add_modifier(Modifier::BOLD),
            ),
            Span::styled("▆ ", Style::default().fg(th.series(1))),
            Span::raw(app.t("langkah 3 (sebelum)  ", "step 3 (before)  ")),
            Span::styled("▆ ", Style::default().fg(th.series(0))),
            Span::raw(app.t("langkah 6 (sesudah)", "step 6 (after)")),
        ]));
        let max = pairs
            .iter()
            .flat_map(|p| [p.1, p.2])
            .flatten()
            .fold(0.0_f64, f64::max);
        for (label, b, a) in &pairs {
            lines.push(Line::from(vec![
                Span::raw(pad(label, label_w)),
                Span::raw(" "),
                Span::styled(
                    bar(b.unwrap_or(0.0), max),
                    Style::default().fg(th.series(1)),
                ),
                Span::raw(format!(
                    " {}",
                    b.map_or("—".into(), |v| num(v, 2, app.lang))
                )),
            ]));
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_w + 1)),
                Span::styled(
                    bar(a.unwrap_or(0.0), max),
                    Style::default().fg(th.series(0)),
                ),
                Span::raw(format!(
                    " {}",
                    a.map_or("—".into(), |v| num(v, 2, app.lang))
                )),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
