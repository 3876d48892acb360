//! The overview: the competition's entries with OPD, kind, year, title and findings.

use super::text::{fit, severity_count_name};
use crate::app::overview::SortKey;
use crate::app::{App, Areas};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Gauge, Paragraph, Row, Table, TableState};
use ratatui::Frame;
use tulta_core::diag::Severity;
use tulta_core::model::risalah::JenisKelompok;

pub fn jenis_label(app: &App, j: Option<JenisKelompok>) -> &'static str {
    match j {
        Some(JenisKelompok::Opd) => "OPD",
        Some(JenisKelompok::Kelurahan) => "kelurahan",
        None => app.lang.pick("?", "?"),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, areas: &mut Areas) {
    let th = &app.theme;
    let ov = &app.overview;
    let lib = &app.library;
    let show_filter = ov.editing || !ov.filter.value().is_empty();
    let judging = app.judge.as_ref().filter(|j| j.juri.is_some());
    // A journal that is not (wholly) counted must never look like work not yet done.
    let banners: Vec<String> = app
        .judge
        .as_ref()
        .map(|j| {
            // Rules changed after scoring with no amendment (spec §11): no result stands.
            j.judging
                .losses()
                .map(|p| p.banner(app.lang))
                .chain(
                    j.judging
                        .rule_changes(app.lang)
                        .into_iter()
                        .map(|c| format!("⚠ {c}")),
                )
                .collect()
        })
        .unwrap_or_default();
    let [head, banner, filter, table] = Layout::vertical([
        Constraint::Length(if judging.is_some() { 3 } else { 2 }),
        // Two lines each, wrapped: the judge, the line and the command must all be read.
        Constraint::Length(2 * banners.len().min(2) as u16),
        Constraint::Length(u16::from(show_filter)),
        Constraint::Min(1),
    ])
    .areas(area);

    // Header: the competition and its totals, of the rows the list can show.
    let shown: Vec<&crate::app::library::Row> =
        lib.rows.iter().filter(|r| ov.in_scope(r)).collect();
    let opd = shown
        .iter()
        .filter(|r| r.jenis == Some(JenisKelompok::Opd))
        .count();
    let kel = shown
        .iter()
        .filter(|r| r.jenis == Some(JenisKelompok::Kelurahan))
        .count();
    let (e, w, i) = shown.iter().fold((0, 0, 0), |(e, w, i), r| {
        (e + r.errors, w + r.warnings, i + r.infos)
    });
    let archive = match (ov.beside(lib), ov.archive) {
        (0, _) => String::new(),
        (n, false) => format!(" · a: {} (+{n})", app.t("juga arsip", "the archive too")),
        (_, true) => format!(" · a: {}", app.t("peserta lomba saja", "entries only")),
    };
    let title = Line::from(vec![
        Span::styled("tulta", th.accent().add_modifier(Modifier::BOLD)),
        Span::styled(" · ", th.muted()),
        Span::styled(lib.title.clone(), th.title()),
        Span::styled(archive, th.muted()),
    ]);
    let totals = Line::from(vec![
        Span::raw(format!(
            "{} {}  ({} OPD, {} {})   ",
            shown.len(),
            app.t("risalah", "reports"),
            opd,
            kel,
            app.t("kelurahan", "kelurahan"),
        )),
        Span::styled(
            format!("{e} {}", severity_count_name(Severity::Error, e, app.lang)),
            th.error(),
        ),
        Span::raw(", "),
        Span::styled(
            format!(
                "{w} {}",
                severity_count_name(Severity::Warning, w, app.lang)
            ),
            th.warning(),
        ),
        Span::raw(", "),
        Span::styled(format!("{i} info"), th.info()),
        Span::styled(
            format!(
                "   {} {} {}",
                app.t("urut:", "sort:"),
                app.t(ov.sort.label().0, ov.sort.label().1),
                if ov.descending { "↓" } else { "↑" }
            ),
            th.muted(),
        ),
    ]);
    let mut head_lines = vec![title, totals];
    if let Some(j) = judging {
        let juri = j.juri.clone().unwrap_or_default();
        let p = j
            .judging
            .progress(&j.tahap)
            .unwrap_or_default()
            .into_iter()
            .find(|p| p.juri == juri);
        if let Some(p) = p {
            let scorable = (p.finished + p.in_progress + p.untouched).max(1);
            // With stages, the stage being scored: its entries are those the bar counts.
            let stage = if j.staged() {
                format!("· {} {} ", app.t("tahap", "stage"), j.tahap)
            } else {
                String::new()
            };
            let mut spans = vec![Span::styled(
                format!("{} {juri} {stage}", app.t("Juri", "Judge")),
                th.accent(),
            )];
            spans.extend(super::text::gauge(th, p.finished, scorable, 20));
            spans.push(Span::raw(format!(
                " {}/{} {} · {} {} · {} {}",
                p.finished,
                scorable,
                app.t("selesai", "done"),
                p.in_progress,
                app.t("berjalan", "started"),
                p.barred,
                app.t("konflik", "barred")
            )));
            head_lines.push(Line::from(spans));
        }
    }
    frame.render_widget(Paragraph::new(head_lines), head);
    let banner_lines: Vec<Line> = banners
        .into_iter()
        .take(2)
        .map(|b| Line::styled(b, th.error().add_modifier(Modifier::BOLD)))
        .collect();
    frame.render_widget(
        Paragraph::new(banner_lines).wrap(ratatui::widgets::Wrap { trim: true }),
        banner,
    );

    if show_filter {
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{} ", app.t("saring:", "filter:")), th.accent()),
                Span::raw(super::text::with_cursor(&ov.filter, ov.editing)),
                Span::styled(
                    format!("   {} / {}", ov.visible.len(), lib.rows.len()),
                    th.muted(),
                ),
            ])),
            filter,
        );
    }

    // While reading, a line with the count read so far; the rows read are listed below it.
    let table = match app.loading {
        Some((done, total)) => {
            let [line, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(table);
            let msg = app.t(
                "Membaca dan memeriksa risalah…",
                "Reading and checking the reports…",
            );
            let [msg_area, gauge] = Layout::horizontal([
                Constraint::Length(ratatui::text::Span::raw(msg).width() as u16 + 1),
                Constraint::Min(10),
            ])
            .areas(line);
            frame.render_widget(Paragraph::new(msg), msg_area);
            let ratio = if total == 0 {
                0.0
            } else {
                done as f64 / total as f64
            };
            frame.render_widget(
                Gauge::default()
                    .gauge_style(th.accent())
                    .ratio(ratio.clamp(0.0, 1.0))
                    .label(format!("{done}/{total}")),
                gauge,
            );
            if lib.rows.is_empty() {
                return;
            }
            rest
        }
        None => table,
    };
    if let Some(err) = &app.load_error {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                app.lang.pick_half(err),
                th.error(),
            ))),
            table,
        );
        return;
    }
    if ov.visible.is_empty() {
        let msg = if lib.rows.is_empty() {
            app.t(
                "Tidak ada risalah di sini. Buat satu dengan `tulta new`.",
                "No reports here. Write one with `tulta new`.",
            )
        } else {
            app.t(
                "Tidak ada yang cocok dengan saringan.",
                "Nothing matches the filter.",
            )
        };
        frame.render_widget(Paragraph::new(Span::styled(msg, th.muted())), table);
        return;
    }

    let wide = table.width >= 110;
    let sorted = |k: SortKey, text: &str| {
        if ov.sort == k {
            format!("{text}{}", if ov.descending { "↓" } else { "↑" })
        } else {
            text.to_string()
        }
    };
    let mut header = Vec::new();
    if wide {
        header.push(sorted(SortKey::Name, "ID"));
    }
    header.extend([
        sorted(SortKey::Opd, app.t("OPD / kelurahan", "OPD / kelurahan")),
        sorted(SortKey::Jenis, app.t("Jenis", "Kind")),
        sorted(SortKey::Tahun, app.t("Tahun", "Year")),
        sorted(SortKey::Judul, app.t("Judul", "Title")),
        sorted(SortKey::Findings, app.t("Temuan", "Findings")),
    ]);
    if judging.is_some() {
        header.push(app.t("Nilai saya", "My score").to_string());
    }
    let mut widths = Vec::new();
    // The title is what people read a list by: the id and OPD columns give it room.
    if wide {
        widths.push(Constraint::Length(24));
    }
    widths.extend([
        Constraint::Length(if wide { 26 } else { 22 }),
        Constraint::Length(9),
        Constraint::Length(5),
        Constraint::Min(12),
        Constraint::Length(8),
    ]);
    if judging.is_some() {
        widths.push(Constraint::Length(10));
    }
    let block = Block::bordered()
        .border_style(th.muted())
        .title(Span::styled(
            format!(" {} ", app.t("Peserta", "Entries")),
            th.title(),
        ));
    let inner = block.inner(table);
    // Only the rows in view are built: at 10,000 entries building them all costs a frame.
    let height = usize::from(inner.height.saturating_sub(1)).max(1);
    let offset = ov.window(height);
    let rows: Vec<Row> = ov
        .visible
        .iter()
        .skip(offset)
        .take(height)
        .map(|&i| {
            let r = &lib.rows[i];
            let mut cells = Vec::new();
            if wide {
                let id = if r.id.is_empty() {
                    r.name.rsplit('/').next().unwrap_or(&r.name).to_string()
                } else {
                    r.id.clone()
                };
                cells.push(Cell::from(id));
            }
            let opd = if r.opd.is_empty() {
                Span::styled(app.t("(tidak terbaca)", "(unreadable)"), th.error())
            } else {
                Span::raw(r.opd.clone())
            };
            // The gelar day: a drawn entry's slot and its planned start come first.
            let slot = judging.and_then(|j| j.slot(&r.id)).map(|(n, _, at)| {
                Span::styled(
                    match at {
                        Some(t) => format!("{n}·{t} "),
                        None => format!("{n}. "),
                    },
                    th.accent(),
                )
            });
            let opd = Line::from(slot.into_iter().chain([opd]).collect::<Vec<_>>());
            let judul = if r.judul.is_empty() {
                r.name.clone()
            } else {
                r.judul.clone()
            };
            let mut findings = Vec::new();
            if r.errors > 0 {
                findings.push(Span::styled(format!("{}✗ ", r.errors), th.error()));
            }
            if r.warnings > 0 {
                findings.push(Span::styled(format!("{}! ", r.warnings), th.warning()));
            }
            if r.infos > 0 {
                findings.push(Span::styled(format!("{}i", r.infos), th.info()));
            }
            if findings.is_empty() {
                findings.push(Span::styled("✓", th.success()));
            }
            cells.extend([
                Cell::from(opd),
                Cell::from(jenis_label(app, r.jenis)),
                Cell::from(r.tahun.map(|t| t.to_string()).unwrap_or_default()),
                Cell::from(fit(&judul, 200)),
                Cell::from(Line::from(findings)),
            ]);
            let mut greyed = false;
            if let Some(j) = judging {
                let (text, style) = super::judge::entry_status(app, j, &r.id);
                cells.push(Cell::from(Span::styled(text, style)));
                // An entry that has not reached the stage being scored is greyed whole (spec §8).
                greyed = j.is_entry(&r.id) && j.blocked(&r.id).is_some();
            }
            if greyed {
                Row::new(cells).style(th.muted())
            } else {
                Row::new(cells)
            }
        })
        .collect();
    let widget = Table::new(rows, widths)
        .header(Row::new(header).style(th.accent().add_modifier(Modifier::BOLD)))
        .block(block)
        .column_spacing(1)
        .row_highlight_style(th.selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(Some(ov.selected - offset));
    frame.render_stateful_widget(widget, table, &mut state);
    // Rows start under the header line.
    areas.list = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    areas.list_offset = offset + state.offset();
}
