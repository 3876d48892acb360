//! The archive search: a query line, filters, and hits with the step that matched and a snippet.

use super::text::{fit, num};
use crate::app::search::{Focus, IndexState};
use crate::app::{App, Areas};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};
use ratatui::Frame;
use tulta_core::model::steps;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, areas: &mut Areas) {
    let th = &app.theme;
    let s = &app.search;
    let [title, query, filters, status, results] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);

    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("tulta", th.accent().add_modifier(Modifier::BOLD)),
            Span::styled(" · ", th.muted()),
            Span::styled(
                app.t("Cari arsip risalah", "Search the report archive"),
                th.title(),
            ),
            Span::styled(
                format!(
                    "  ({})",
                    app.t("amati, tiru, modifikasi", "observe, imitate, modify")
                ),
                th.muted(),
            ),
        ])),
        title,
    );

    let focused = s.focus == Focus::Query;
    let cursor = if focused { "▏" } else { "" };
    let placeholder = s.query.value().is_empty() && !focused;
    let text = if s.query.value().is_empty() && focused {
        Line::from(vec![
            Span::raw(cursor),
            Span::styled(
                app.t(
                    "ketik kata, \"frasa\", opd:…, tahun:2025, NOT …",
                    "type words, \"phrases\", opd:…, tahun:2025, NOT …",
                ),
                th.muted(),
            ),
        ])
    } else if placeholder {
        Line::styled(app.t("(kosong)", "(empty)"), th.muted())
    } else {
        Line::raw(super::text::with_cursor(&s.query, focused))
    };
    frame.render_widget(
        Paragraph::new(text).block(
            Block::bordered()
                .title(format!(" {} ", app.t("Kueri", "Query")))
                .border_style(if focused { th.accent() } else { th.muted() }),
        ),
        query,
    );

    let mut spans = Vec::new();
    for (i, f) in s.filters.iter().enumerate() {
        let active = s.focus == Focus::Filter(i);
        let value = f.value().unwrap_or(app.t("semua", "all"));
        let style = if active {
            th.selected().fg(th.accent)
        } else if f.value().is_some() {
            th.accent()
        } else {
            th.muted()
        };
        spans.push(Span::styled(
            format!(
                "{}{}: {}{} ",
                if active { "◀ " } else { "" },
                app.t(f.label.0, f.label.1),
                fit(value, 18),
                if active { " ▶" } else { "" }
            ),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), filters);

    // Where the index and the query stand.
    match &s.index {
        IndexState::Indexing { done, total } => {
            let ratio = if *total == 0 {
                0.0
            } else {
                *done as f64 / *total as f64
            };
            frame.render_widget(
                Gauge::default()
                    .gauge_style(th.accent())
                    .ratio(ratio.clamp(0.0, 1.0))
                    .label(format!(
                        "{} {done}/{total}",
                        app.t("mengindeks arsip", "indexing the archive")
                    )),
                status,
            );
        }
        IndexState::Failed(e) => frame.render_widget(
            Paragraph::new(Line::styled(
                format!(
                    "{}: {}",
                    app.t("pencarian tidak tersedia", "search unavailable"),
                    app.lang.pick_half(e)
                ),
                th.error(),
            )),
            status,
        ),
        IndexState::Off => {}
        IndexState::Ready { docs } => {
            let mut line = vec![];
            if let Some(err) = &s.error {
                line.push(Span::styled(
                    app.lang.pick_half(err).to_string(),
                    th.error(),
                ));
            } else if let Some(r) = &s.results {
                let what = match &s.similar_to {
                    Some(id) => format!("{} {id}: ", app.t("serupa dengan", "similar to")),
                    None => String::new(),
                };
                line.push(Span::styled(
                    format!(
                        "{what}{} {} {docs} {}",
                        r.total,
                        app.t(
                            "cocok dari",
                            if r.total == 1 {
                                "match of"
                            } else {
                                "matches of"
                            }
                        ),
                        app.t("risalah", "reports")
                    ),
                    th.muted(),
                ));
                let corrections: Vec<String> = r
                    .corrections
                    .iter()
                    .filter(|(_, alts)| !alts.is_empty())
                    .map(|(w, alts)| format!("{w} → {}", alts.join("/")))
                    .collect();
                if !corrections.is_empty() {
                    line.push(Span::styled(
                        format!(
                            "   {} {}",
                            app.t("juga dicari:", "also searched:"),
                            corrections.join(", ")
                        ),
                        th.info(),
                    ));
                }
            } else {
                line.push(Span::styled(
                    format!("{docs} {}", app.t("risalah terindeks", "reports indexed")),
                    th.muted(),
                ));
            }
            if s.waiting() {
                line.push(Span::styled(" …", th.muted()));
            }
            for n in &s.notices {
                line.push(Span::styled(
                    format!("  {}", app.lang.pick_half(n)),
                    th.warning(),
                ));
            }
            frame.render_widget(Paragraph::new(Line::from(line)), status);
        }
    }

    let Some(r) = &s.results else {
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled(
                    app.t(
                        "Contoh: antrean loket · \"waktu tunggu\" · opd:rsud tahun:2025 · alat:diagram_tebar · tahun:[2024 TO 2026]",
                        "Examples: antrean loket · \"waktu tunggu\" · opd:rsud tahun:2025 · alat:diagram_tebar · tahun:[2024 TO 2026]",
                    ),
                    th.muted(),
                ),
                Line::styled(
                    app.t(
                        "Kata dasar dan salah ketik dimaafkan: pelayanan = layanan = melayani.",
                        "Word forms and typos are forgiven: pelayanan = layanan = melayani.",
                    ),
                    th.muted(),
                ),
            ])
            .wrap(Wrap { trim: true }),
            results,
        );
        return;
    };
    if r.hits.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                app.t("Tidak ada risalah yang cocok.", "No report matches."),
                th.muted(),
            )),
            results,
        );
        return;
    }
    // Three lines per hit: title; id · OPD · year · step; snippet.
    let per_page = (usize::from(results.height) / 3).max(1);
    let offset = s.selected.saturating_sub(per_page - 1);
    areas.list = results;
    areas.list_offset = offset;
    let width = usize::from(results.width);
    let mut lines = Vec::new();
    for (i, h) in r.hits.iter().enumerate().skip(offset).take(per_page) {
        let sel = i == s.selected;
        let base = if sel { th.selected() } else { Style::default() };
        lines.push(
            Line::from(vec![
                Span::styled(if sel { "▶ " } else { "  " }, th.accent()),
                Span::styled(fit(&h.judul, width.saturating_sub(4)), th.title()),
            ])
            .style(base),
        );
        // The step that matched comes first: it is what Enter opens, so a narrow screen cuts the
        // id and OPD before it.
        let step = h
            .langkah
            .and_then(steps::name)
            .map_or(String::new(), |(id, en)| {
                format!(
                    "{} {}: {} · ",
                    app.t("langkah", "step"),
                    h.langkah.unwrap_or(0),
                    app.t(id, en)
                )
            });
        lines.push(Line::styled(
            fit(
                &format!(
                    "  {step}{} · {} · {} · {} {}",
                    h.id,
                    h.opd,
                    h.tahun.map_or("—".into(), |t| t.to_string()),
                    app.t("skor", "score"),
                    num(f64::from(h.skor), 2, app.lang)
                ),
                width,
            ),
            th.muted(),
        ));
        lines.push(snippet_line(app, &h.cuplikan, width.saturating_sub(2)));
    }
    frame.render_widget(Paragraph::new(lines), results);
}

/// The snippet with its matched words highlighted, cut to one line around the first match.
fn snippet_line<'a>(app: &App, sn: &tulta_core::search::Snippet, width: usize) -> Line<'a> {
    let th = &app.theme;
    let text = &sn.text;
    let start = sn
        .highlights
        .first()
        .map_or(0, |r| r.start)
        .saturating_sub(width / 3);
    // Move to a char boundary at or before the chosen start.
    let mut start = start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut spans = vec![Span::raw("  ")];
    if start > 0 {
        spans.push(Span::styled("…", th.muted()));
    }
    let mut pos = start;
    let mut used = 0usize;
    let hl = th.warning().add_modifier(Modifier::BOLD);
    let push = |spans: &mut Vec<Span<'a>>, s: &str, style: Style, used: &mut usize| {
        let room = width.saturating_sub(*used);
        let piece: String = s.chars().take(room).collect();
        *used += piece.chars().count();
        if !piece.is_empty() {
            spans.push(Span::styled(piece, style));
        }
    };
    for r in &sn.highlights {
        if r.end <= pos || r.start > text.len() || r.end > text.len() {
            continue;
        }
        let s = r.start.max(pos);
        if !text.is_char_boundary(s) || !text.is_char_boundary(r.end) {
            continue;
        }
        push(&mut spans, &text[pos..s], Style::default(), &mut used);
        push(&mut spans, &text[s..r.end], hl, &mut used);
        pos = r.end;
    }
    if pos < text.len() {
        push(&mut spans, &text[pos..], Style::default(), &mut used);
    }
    Line::from(spans)
}
