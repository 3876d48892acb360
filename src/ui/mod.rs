//! Drawing the app's state. Every screen fits any frame from 80x24 up and never draws outside it.

pub mod draft;
pub mod judge;
pub mod overview;
pub mod progress;
pub mod ranking;
pub mod search;
pub mod text;
pub mod tools;
pub mod walk;

use crate::app::{App, Areas, Screen};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// Draws the whole app; returns where things landed (for the mouse).
pub fn draw(frame: &mut Frame, app: &App) -> Areas {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base()), area);
    if area.width < 20 || area.height < 6 {
        frame.render_widget(
            Paragraph::new(app.t("jendela terlalu kecil", "window too small"))
                .wrap(Wrap { trim: true }),
            area,
        );
        return Areas::default();
    }
    let [body, bar] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut areas = Areas::default();
    match app.screen {
        Screen::Overview => overview::draw(frame, body, app, &mut areas),
        Screen::Walk => walk::draw(frame, body, app, &mut areas),
        Screen::Search => search::draw(frame, body, app, &mut areas),
        Screen::Draft => draft::draw(frame, body, app, &mut areas),
        Screen::Ranking => ranking::ranking(frame, body, app, &mut areas),
        Screen::Progress => progress::progress(frame, body, app),
    }
    draw_bar(frame, bar, app);
    if let Some(src) = &app.source {
        draw_source(frame, area, app, src);
    }
    judge::overlays(frame, area, app);
    if app.help {
        (areas.help_max, areas.help_page) = draw_help(frame, area, app);
    }
    areas
}

/// The bottom bar: the status line when there is news, else the main keys of the screen.
/// A demonstration competition (spec §11) says so on every screen, before anything else in the bar.
fn draw_bar(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    let mut spans = Vec::new();
    if app
        .judge
        .as_ref()
        .is_some_and(|j| j.judging.competition.lomba.contoh)
    {
        spans.push(Span::styled(
            format!(" {} ", app.t("CONTOH", "SAMPLE")),
            th.warning()
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ));
        spans.push(Span::raw(" "));
    }
    if let Some(status) = &app.status {
        spans.push(Span::styled(status.as_str(), th.warning()));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    // Whole keys only: when they do not all fit beside the banner, the screen's last ones give
    // way, and help and quit (the bar's last two) always stay.
    let banner = spans.len();
    let banner_width: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    let mut keys = app.bar_keys();
    let width = |keys: &[(String, &str)]| -> usize {
        banner_width
            + keys
                .iter()
                .map(|(k, t)| k.chars().count() + 1 + t.chars().count())
                .sum::<usize>()
            + 2 * keys.len().saturating_sub(1)
    };
    while width(&keys) > usize::from(area.width) && keys.len() > 2 {
        keys.remove(keys.len() - 3);
    }
    for (key, short) in keys {
        if spans.len() > banner {
            spans.push(Span::styled("  ", th.muted()));
        }
        spans.push(Span::styled(
            key,
            Style::default().fg(th.accent).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {short}"), th.muted()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A rectangle of `w`x`h` centred in `area`, shrunk to fit.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws the help overlay; returns how far it can scroll and how many lines it shows.
fn draw_help(frame: &mut Frame, area: Rect, app: &App) -> (u16, u16) {
    let th = &app.theme;
    let sections = app.help_sections();
    let title = sections.first().map_or("", |(t, _)| *t);
    let mut lines = vec![Line::from(Span::styled(
        format!("{} — {title}", app.t("Tombol", "Keys")),
        th.title(),
    ))];
    for (i, (heading, keys)) in sections.iter().enumerate() {
        lines.push(Line::raw(""));
        if i > 0 {
            lines.push(Line::from(Span::styled(*heading, th.title())));
        }
        for (key, text) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("{key:>20}  "), th.accent()),
                Span::raw(text.clone()),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        app.t(
            "↑↓ PgUp PgDn menggulir · Esc ? q menutup bantuan ini.",
            "↑↓ PgUp PgDn scroll · Esc ? q close this help.",
        ),
        th.muted(),
    )));
    let width = area.width.min(76);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = u16::try_from(text.line_count(width.saturating_sub(2))).unwrap_or(u16::MAX);
    let popup = centred(area, width, total.saturating_add(2));
    let page = popup.height.saturating_sub(2);
    let max = total.saturating_sub(page);
    let scroll = app.help_scroll.min(max);
    let mut block = Block::bordered()
        .title(format!(" {} ", app.t("Bantuan", "Help")))
        .border_style(th.accent());
    if max > 0 {
        // The overlay is cut by a short terminal: say where the rest is.
        let more = match (scroll > 0, scroll < max) {
            (true, true) => "↑↓",
            (false, _) => "↓",
            (true, false) => "↑",
        };
        block = block.title_bottom(
            Line::from(format!(
                " {more} {} {}/{} ",
                app.t("gulir", "scroll"),
                scroll + page,
                total
            ))
            .right_aligned(),
        );
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        text.block(block).style(th.base()).scroll((scroll, 0)),
        popup,
    );
    (max, page)
}

fn draw_source(frame: &mut Frame, area: Rect, app: &App, src: &crate::app::SourceView) {
    let th = &app.theme;
    let popup = centred(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(4),
    );
    let inner_h = popup.height.saturating_sub(2) as usize;
    // Centre the line in view, then apply the user's scrolling.
    let first = src
        .line
        .saturating_sub(inner_h / 2)
        .max(1)
        .saturating_add(usize::from(src.scroll));
    let width = src.text.lines().count().to_string().len();
    let lines: Vec<Line> = src
        .text
        .lines()
        .enumerate()
        .skip(first - 1)
        .take(inner_h)
        .map(|(i, l)| {
            let n = i + 1;
            let style = if n == src.line {
                th.selected()
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(format!("{n:>width$} │ "), th.muted()),
                Span::styled(l.replace('\t', "    "), style),
            ])
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).style(th.base()).block(
            Block::bordered()
                .title(format!(" {}:{} ", src.name, src.line))
                .border_style(th.accent()),
        ),
        popup,
    );
}
