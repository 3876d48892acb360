//! A step's lampiran, each with whether it can be opened and why not.

use super::*;

/// The step's evidence files, then the report's general ones: kind, file, note, and whether the
/// system's viewer may open it (or why not), so a refusal is seen before a key is pressed.
pub(super) fn draw_attachments(frame: &mut Frame, area: Rect, app: &App, w: &Walk) {
    let th = &app.theme;
    let root = app.walk_root();
    let list = w.attachments();
    let step = w.step as i64;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let width = usize::from(area.width);
    for (i, l) in list.iter().enumerate() {
        let heading = match (i, l.langkah) {
            (0, Some(_)) => Some(app.t("Lampiran langkah ini", "This step's attachments")),
            (_, None) if i == 0 || list[i - 1].langkah == Some(step) => {
                Some(app.t("Lampiran umum risalah", "The report's general attachments"))
            }
            _ => None,
        };
        if let Some(h) = heading {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(h, th.accent().add_modifier(Modifier::BOLD)));
        }
        let sel = i == w.attachment && w.pane == Pane::Content;
        if sel {
            selected_line = lines.len();
        }
        let jenis = l.jenis.map_or("?".to_string(), |j| {
            app.t(j.label().0, j.label().1).to_string()
        });
        let berkas =
            tulta_core::text::printable(l.berkas.as_ref().map_or("—", |b| b.value.as_str()))
                .into_owned();
        let (mark, style, why) = match w.openable(root.as_deref(), l) {
            Ok(_) => (
                "✓",
                th.success(),
                app.t("bisa dibuka", "can be opened").to_string(),
            ),
            Err(r) => ("✗", th.warning(), r.text(app.lang)),
        };
        let base = if sel { th.selected() } else { Style::default() };
        let head = format!("{}{} ", if sel { "▶ " } else { "  " }, fit(&jenis, 16));
        // Shown whole (wrapping) up to a sane length: a web address is there to be copied.
        lines.push(
            Line::from(vec![
                Span::styled(head, th.accent()),
                Span::raw(fit(&berkas, 240)),
            ])
            .style(base),
        );
        if let Some(k) = l.keterangan.as_deref().filter(|k| !k.trim().is_empty()) {
            lines.push(Line::raw(format!(
                "    {}",
                fit(&tulta_core::text::printable(k), width.saturating_sub(4))
            )));
        }
        lines.push(Line::styled(format!("    {mark} {why}"), style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        match app.lang {
            Lang::Id => format!(
                "Enter/o: buka dengan {} (hanya dokumen dan gambar di folder laporan)",
                app.opener.name()
            ),
            Lang::En => format!(
                "Enter/o: open with {} (documents and pictures in the reports folder only)",
                app.opener.name()
            ),
        },
        th.muted(),
    ));
    // Keep the selected file, its note and its verdict in view, counting rows as they wrap (a
    // long name or web address takes several).
    let upto = (selected_line + 3).min(lines.len());
    let rows = Paragraph::new(lines[..upto].to_vec())
        .wrap(Wrap { trim: false })
        .line_count(area.width);
    let scroll = rows.saturating_sub(usize::from(area.height)) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
