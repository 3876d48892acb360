//! Draft watch: one file's stepper and findings, re-checked on every save.

use super::text::{severity_count_name, severity_name, severity_style, source_window, status_mark};
use crate::app::{App, Areas};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use tulta_core::diag::Severity;
use tulta_core::model::steps;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, areas: &mut Areas) {
    let th = &app.theme;
    let Some(d) = &app.draft else {
        return;
    };
    let o = &d.opened;
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let clock = crate::clock::local_clock(d.checked_at);
    let mut status = vec![
        Span::styled(format!("{} ", app.t("diperiksa", "checked")), th.muted()),
        Span::raw(format!("{clock} (#{})  ", d.checks)),
        Span::styled(
            count(o.count(Severity::Error), Severity::Error, app),
            th.error(),
        ),
        Span::raw(", "),
        Span::styled(
            count(o.count(Severity::Warning), Severity::Warning, app),
            th.warning(),
        ),
        Span::raw(", "),
        Span::styled(format!("{} info", o.count(Severity::Info)), th.info()),
    ];
    if let Some(e) = &d.error {
        status.push(Span::styled(
            format!("  {}", app.lang.pick_half(e)),
            th.error(),
        ));
    } else if let Some(e) = &d.watch_error {
        status.push(Span::styled(
            format!(
                "  {} ({e})",
                app.t("tidak dipantau; tekan r", "not watched; press r")
            ),
            th.warning(),
        ));
    } else {
        status.push(Span::styled(
            format!(
                "  {}",
                app.t(
                    "menunggu simpanan berikutnya…",
                    "waiting for the next save…"
                )
            ),
            th.muted(),
        ));
    }
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{} ", app.t("Draf", "Draft")), th.title()),
                Span::raw(d.path.display().to_string()),
            ]),
            Line::from(status),
        ]),
        head,
    );

    let [left, right] =
        Layout::horizontal([Constraint::Length(24), Constraint::Min(10)]).areas(body);
    let mut lines = Vec::new();
    for n in 1..=7 {
        let (id, en) = steps::SHORT[n - 1];
        let (mark, style) = status_mark(th, o.step_status(n));
        lines.push(Line::from(vec![
            Span::styled(format!("{n} "), th.accent()),
            Span::styled(format!("{mark} "), style),
            Span::raw(super::text::fit(app.t(id, en), 17)),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(format!(" {} ", app.t("Langkah", "Steps")))
                .border_style(th.muted()),
        ),
        left,
    );

    let block = Block::bordered()
        .title(format!(
            " {} ({}) ",
            app.t("Temuan", "Findings"),
            o.diagnostics.len()
        ))
        .border_style(th.accent());
    let inner = block.inner(right);
    frame.render_widget(block, right);
    if o.diagnostics.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                app.t(
                    "✓ Tidak ada temuan. Risalah siap dikirim.",
                    "✓ No findings. The report is ready to submit.",
                ),
                th.success(),
            )),
            inner,
        );
        return;
    }
    // One line per finding; the selected one also shows its source line and hint below the list.
    let detail_h = 7u16.min(inner.height / 2);
    let [list, detail] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(detail_h)]).areas(inner);
    let per_page = usize::from(list.height).max(1);
    let offset = d.selected.saturating_sub(per_page - 1);
    areas.list = list;
    areas.list_offset = offset;
    let lines: Vec<Line> = o
        .diagnostics
        .iter()
        .enumerate()
        .skip(offset)
        .take(per_page)
        .map(|(i, x)| {
            let step = o
                .step_of_line(x.pos.line)
                .map_or("  ".to_string(), |n| format!("L{n}"));
            let line = Line::from(vec![
                Span::styled(format!("{step} "), th.accent()),
                Span::styled(
                    format!("{} {:<10}", x.code(), severity_name(x.severity(), app.lang)),
                    severity_style(th, x.severity()),
                ),
                Span::styled(
                    format!("{:>4}:{:<3} ", x.pos.line, x.pos.column),
                    th.muted(),
                ),
                Span::raw(x.message(app.lang)),
            ]);
            if i == d.selected {
                line.style(th.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(x) = o.diagnostics.get(d.selected) {
        let mut lines = vec![Line::styled(
            x.message(app.lang),
            severity_style(th, x.severity()),
        )];
        // A long source line is shown as a window around the column, so the marker stays under it.
        let (shown, caret) = source_window(
            o.line(x.pos.line),
            x.pos.column,
            usize::from(detail.width.saturating_sub(7)),
        );
        lines.push(Line::from(vec![
            Span::styled(format!("{:>4} │ ", x.pos.line), th.muted()),
            Span::raw(shown),
        ]));
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(7 + caret)),
            Span::styled(
                "^",
                severity_style(th, x.severity()).add_modifier(Modifier::BOLD),
            ),
        ]));
        if let Some(h) = tulta_core::diag::catalog::hint(x.code(), app.lang) {
            lines.push(Line::styled(
                format!("{}: {h}", app.t("saran", "hint")),
                th.muted(),
            ));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            detail,
        );
    }
}

fn count(n: usize, s: Severity, app: &App) -> String {
    format!("{n} {}", severity_count_name(s, n, app.lang))
}
