//! Each tool drawn as people read it: a check sheet as a table with its total, a Pareto as sorted
//! bars with the cumulative line and the 80% mark, a fishbone as the effect with its categories and
//! causes, 5W1H as a table, graphs and scatter plots as charts, before/after as paired bars, the
//! priority matrix as a scored table with its chosen row, stratification as grouped bars.

use super::text::{fit, pad};
use crate::app::App;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use tulta_core::model::names::norm;
use tulta_core::model::risalah::{Alat, ToolData};

mod charts;
mod tables;

pub use charts::before_after;
use charts::{histogram, line_chart, pareto, scatter, strata};
use tables::{check_sheet, matrix, plan};

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
        ToolData::Matriks { kriteria, calon } => matrix(frame, area, app, kriteria, calon, scroll),
        ToolData::Stratifikasi {
            faktor,
            baris,
            total,
        } => strata(frame, area, app, faktor.as_deref(), baris, *total, scroll),
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

/// Beside a computed total: ✓ when the stated total agrees, ✗ with the stated one when not.
fn stated_total<'a>(app: &App, stated: Option<f64>, sum: f64) -> Option<Span<'a>> {
    let stated = stated?;
    Some(if (stated - sum).abs() > 1e-9 {
        Span::styled(
            format!(
                "  ✗ {} {}",
                app.t("tertulis", "stated"),
                super::text::num(stated, 2, app.lang)
            ),
            app.theme.error(),
        )
    } else {
        Span::styled("  ✓", app.theme.success())
    })
}

fn text(frame: &mut Frame, area: Rect, lines: Vec<Line>, scroll: u16) {
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
