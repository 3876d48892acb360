//! Tools people read as pictures: Pareto bars with the cumulative line, graphs, scatter,
//! histogram, and the before/after of step 6. Over 600 lines as one job: each chart is a few dozen
//! lines sharing the same scaling and labelling helpers.

use super::text;
use crate::app::App;
use crate::ui::text::{fit, num, pad};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph};
use ratatui::Frame;
use tulta_core::model::names::norm;
use tulta_core::model::risalah::{ParetoItem, Risalah, ToolData};
use tulta_core::model::stats::{pareto_rows, pearson};
use tulta_core::model::tools::ToolKind;

/// Horizontal bars (longest first) with a cumulative-percent marker per row, joined into a line,
/// and a rule at 80%.
pub(super) fn pareto(
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

pub(super) fn line_chart(
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
        // The legend is a line under the chart, naming each limit with its value: drawn over the
        // plot it covered the upper limit line, and in a narrow pane it was left out.
        .legend_position(None);
    let has_legend = upper.is_some() || lower.is_some();
    let mut legend = Vec::new();
    if has_legend {
        legend = vec![
            Span::styled("⣀ ", Style::default().fg(th.series(0))),
            Span::raw(app.t("nilai", "value")),
        ];
        for (name, v) in [
            (app.t("batas atas", "upper limit"), upper),
            (app.t("batas bawah", "lower limit"), lower),
        ] {
            if let Some(v) = v {
                legend.push(Span::styled("  ⠒ ", th.warning()));
                legend.push(Span::raw(format!("{name} {}", num(v, 2, app.lang))));
            }
        }
        if !out.is_empty() {
            legend.push(Span::styled("  █ ", th.error()));
            legend.push(Span::raw(app.t("di luar batas", "out of limits")));
        }
    }
    // Wrapped where the pane is narrow, so that no limit loses its label.
    let legend = Paragraph::new(Line::from(legend)).wrap(ratatui::widgets::Wrap { trim: true });
    let legend_h = if has_legend {
        u16::try_from(legend.line_count(area.width))
            .unwrap_or(1)
            .min(3)
    } else {
        0
    };
    let [values, chart_area, legend_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(legend_h),
    ])
    .areas(area);
    frame.render_widget(legend, legend_area);
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

#[allow(clippy::too_many_arguments)]
pub(super) fn scatter(
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

pub(super) fn histogram(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    data: &[f64],
    kelas: Option<i64>,
) {
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
pub fn before_after(frame: &mut Frame, area: Rect, app: &App, r: &Risalah, scroll: u16) {
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
        let head = app.t("Penyebab: ", "Causes: ");
        let first = app.t("langkah 3 (sebelum)  ", "step 3 (before)  ");
        let second = app.t("langkah 6 (sesudah)", "step 6 (after)");
        let mut legend = vec![
            Span::styled(head, th.accent().add_modifier(Modifier::BOLD)),
            Span::styled("▆ ", Style::default().fg(th.series(1))),
            Span::raw(first),
        ];
        let second_spans = vec![
            Span::styled("▆ ", Style::default().fg(th.series(0))),
            Span::raw(second),
        ];
        // The second label goes under the first when the two do not fit side by side.
        let whole = head.chars().count() + first.chars().count() + second.chars().count() + 4;
        if whole <= usize::from(area.width) {
            legend.extend(second_spans);
            lines.push(Line::from(legend));
        } else {
            lines.push(Line::from(legend));
            let mut under = vec![Span::raw(" ".repeat(head.chars().count()))];
            under.extend(second_spans);
            lines.push(Line::from(under));
        }
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
    // Scrolled by ↑↓ as the bar says, never past the last line.
    let most = lines.len().saturating_sub(usize::from(area.height));
    let scroll = scroll.min(u16::try_from(most).unwrap_or(u16::MAX));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

/// One bar of a stratification: the item within its group (none for an ungrouped row), its count.
type Stratum = (Option<String>, f64);

/// Stratification as grouped bars: an item written `stratum / item` (`Loket 1 / KTP-el`) is drawn
/// in its stratum's group with the group's subtotal, and one item name keeps one colour in every
/// group, so the strata compare at a glance. Items without a `/` are groups of their own.
pub(super) fn strata(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    faktor: Option<&str>,
    baris: &[tulta_core::model::risalah::Baris],
    total: Option<f64>,
    scroll: u16,
) {
    let th = &app.theme;
    let lang = app.lang;
    let split = |b: &str| -> (String, Option<String>) {
        match b.split_once(" / ") {
            Some((g, i)) => (g.trim().to_string(), Some(i.trim().to_string())),
            None => (b.trim().to_string(), None),
        }
    };
    // Groups in the order they first appear; items keep their order within a group.
    let mut groups: Vec<(String, Vec<Stratum>)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for b in baris {
        let (g, item) = split(b.butir.as_deref().unwrap_or("—"));
        let n = b.jumlah.unwrap_or(0.0);
        if let Some(i) = &item {
            if !names.contains(i) {
                names.push(i.clone());
            }
        }
        match groups.iter_mut().find(|(name, _)| *name == g) {
            Some((_, items)) => items.push((item, n)),
            None => groups.push((g, vec![(item, n)])),
        }
    }
    let sum: f64 = baris.iter().filter_map(|b| b.jumlah).sum();
    let max = baris
        .iter()
        .filter_map(|b| b.jumlah)
        .fold(0.0_f64, f64::max);
    let width = usize::from(area.width);
    let label_w = groups
        .iter()
        .flat_map(|(g, items)| {
            items.iter().map(move |(i, _)| {
                i.as_ref()
                    .map_or(g.chars().count(), |i| i.chars().count() + 2)
            })
        })
        .max()
        .unwrap_or(4)
        .clamp(4, (width * 40 / 100).max(4));
    let nums_w = 14;
    let bar_w = width.saturating_sub(label_w + nums_w + 2).max(4);
    let bar = |n: f64| -> String {
        let len = if max > 0.0 {
            ((n / max) * bar_w as f64).round() as usize
        } else {
            0
        };
        "█".repeat(len.min(bar_w))
    };
    let share = |n: f64| {
        if sum > 0.0 {
            format!("{}%", num(n / sum * 100.0, 1, lang))
        } else {
            String::new()
        }
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{} ", app.t("Dipilah menurut", "Split by")),
            th.muted(),
        ),
        Span::styled(faktor.unwrap_or("—").to_string(), th.title()),
    ])];
    for (g, items) in &groups {
        let grouped = items.iter().any(|(i, _)| i.is_some());
        if grouped {
            let sub: f64 = items.iter().map(|(_, n)| n).sum();
            lines.push(Line::from(vec![
                Span::styled(
                    pad(&fit(g, label_w), label_w),
                    th.accent().add_modifier(Modifier::BOLD),
                ),
                Span::styled(
                    format!(
                        " {} {} ({})",
                        app.t("subtotal", "subtotal"),
                        num(sub, 2, lang),
                        share(sub)
                    ),
                    th.muted(),
                ),
            ]));
        }
        for (item, n) in items {
            let (label, colour) = match item {
                Some(i) => (
                    format!("  {i}"),
                    th.series(names.iter().position(|x| x == i).unwrap_or(0)),
                ),
                None => (g.clone(), th.series(0)),
            };
            let b = bar(*n);
            let rest = bar_w.saturating_sub(b.chars().count());
            lines.push(Line::from(vec![
                Span::raw(pad(&fit(&label, label_w), label_w)),
                Span::raw(" "),
                Span::styled(b, Style::default().fg(colour)),
                Span::raw(" ".repeat(rest)),
                Span::raw(format!(" {:>5} {:>6}", num(*n, 2, lang), share(*n))),
            ]));
        }
    }
    let mut total_line = vec![Span::styled(
        format!("{} {}", app.t("Total", "Total"), num(sum, 2, lang)),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    total_line.extend(super::stated_total(app, total, sum));
    lines.push(Line::from(total_line));
    text(frame, area, lines, scroll);
}
