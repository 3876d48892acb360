//! The gelar day beside the scoring panel (spec §8): the group's slot in the drawn order and its
//! planned start, its clock, the next group, and what it presents (yel-yel, fragmen).

use crate::app::walk::Walk;
use crate::app::App;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw_penyajian(frame: &mut Frame, area: Rect, app: &App, w: &Walk) {
    let th = &app.theme;
    let (Some(j), Some(r)) = (&app.judge, &w.opened.risalah) else {
        return;
    };
    let id = r.id_str();
    let mut lines = Vec::new();
    let slot = j.slot(id);
    lines.push(Line::styled(
        match &slot {
            Some((n, m, Some(at))) => format!(
                "{} {n} {} {m} · {} {at}",
                app.t("Giliran", "Slot"),
                app.t("dari", "of"),
                app.t("mulai", "starts")
            ),
            Some((n, m, None)) => format!(
                "{} {n} {} {m}",
                app.t("Giliran", "Slot"),
                app.t("dari", "of")
            ),
            None => match &j.draw {
                Err(e) => format!(
                    "{}: {e}",
                    app.t("undian tidak terbaca", "the draw is unreadable")
                ),
                Ok(_) => app
                    .t(
                        "belum diundi (tulta undian … --tahap)",
                        "not drawn yet (tulta undian … --tahap)",
                    )
                    .to_string(),
            },
        },
        th.accent().add_modifier(Modifier::BOLD),
    ));
    if let Some(menit) = j.stage().and_then(|s| s.menit()) {
        let left = j.timer.left(id, menit, std::time::Instant::now());
        let running = j.timer.running() && j.timer.risalah.as_deref() == Some(id);
        lines.push(Line::raw(format!(
            "⏱ {}{}:{:02} / {menit}:00 · {} · W {}",
            if left < 0 { "-" } else { "" },
            left.abs() / 60,
            left.abs() % 60,
            if running {
                app.t("w jeda", "w pauses")
            } else {
                app.t("w mulai", "w starts")
            },
            app.t("mulai ulang", "restarts"),
        )));
    }
    // The next group, one key away.
    if let (Some((n, _, _)), Some(d)) = (&slot, j.drawn()) {
        if let Some(next) = d.urutan.get(*n) {
            let opd = j
                .judging
                .competition
                .entry(next)
                .map_or(next.as_str(), |e| e.opd.as_str());
            let at = j
                .stage()
                .and_then(|s| s.slot_start(*n))
                .map_or(String::new(), |t| format!(" · {t}"));
            lines.push(Line::styled(
                format!("{}: {}. {opd}{at} (n)", app.t("Berikutnya", "Next"), n + 1),
                th.muted(),
            ));
        }
    }
    let p = r.penyajian.as_ref();
    for (title, text) in [
        ("Yel-yel", p.and_then(|p| p.yel_yel.as_deref())),
        ("Fragmen", p.and_then(|p| p.fragmen.as_deref())),
    ] {
        lines.push(Line::raw(""));
        lines.push(Line::styled(title, th.title()));
        match text {
            Some(t) => lines.extend(t.lines().map(|l| Line::raw(l.to_string()))),
            None => lines.push(Line::styled(app.t("(tidak ada)", "(none)"), th.muted())),
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((w.scroll, 0)),
        area,
    );
}
