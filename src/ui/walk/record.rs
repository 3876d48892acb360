//! The group's record in the header, each step's schedule as plan-vs-actual bars, step 6's
//! benefits in numbers and the results against the target.

use super::*;

/// The decree that formed the group, when it was formed, and how it met — one line, or `None`
/// when the report states none of it.
pub(super) fn group_record<'a>(app: &App, r: &Risalah) -> Option<Line<'a>> {
    let th = &app.theme;
    let k = r.kelompok.as_ref()?;
    let mut parts: Vec<String> = Vec::new();
    if let Some(sk) = &k.sk {
        let mut t = format!("SK {}", sk.nomor.as_deref().unwrap_or("—"));
        // A decree dated the day the group was formed says the date once, below.
        if let Some(d) = sk
            .tanggal
            .as_ref()
            .filter(|d| k.dibentuk.as_ref() != Some(*d))
        {
            t.push_str(&format!(" ({d})"));
        }
        parts.push(t);
    }
    if let Some(d) = &k.dibentuk {
        parts.push(format!("{} {d}", app.t("dibentuk", "formed")));
    }
    if let Some(p) = &k.pertemuan {
        let mut t = match p.jumlah {
            Some(n) => format!("{n}× {}", app.t("rapat", "meetings")),
            None => app.t("rapat", "meetings").to_string(),
        };
        let mut how: Vec<String> = Vec::new();
        if let Some(h) = p.kehadiran_persen {
            how.push(match app.lang {
                Lang::Id => format!("hadir {}%", num(h, 1, app.lang)),
                Lang::En => format!("{}% attended", num(h, 1, app.lang)),
            });
        }
        if let Some(m) = p.menit {
            how.push(format!("{} {}", num(m, 0, app.lang), app.t("mnt", "min")));
        }
        if !how.is_empty() {
            t.push_str(&format!(" ({})", how.join(", ")));
        }
        parts.push(t);
    }
    if parts.is_empty() {
        return None;
    }
    // No label: "SK …", "dibentuk …" and "rapat" say what they are, and at 80 columns the line
    // needs the room.
    Some(Line::from(Span::styled(
        tulta_core::text::printable(&parts.join(" · ")).into_owned(),
        th.muted(),
    )))
}

/// The day range `[from, to]` as day numbers, when both dates read.
fn days(range: &Option<(String, String)>) -> Option<(i32, i32)> {
    let (a, b) = range.as_ref()?;
    Some((iso_day(a)?, iso_day(b)?))
}

/// The step's plan and what happened as two bars on one time scale, the scale of every
/// schedule in the report, so steps read against one another like a Gantt chart.
pub(super) fn schedule_lines<'a>(
    app: &App,
    r: &Risalah,
    j: &Jadwal,
    width: usize,
) -> Vec<Line<'a>> {
    let th = &app.theme;
    let all: Vec<(i32, i32)> = r
        .steps()
        .iter()
        .filter_map(|s| s.jadwal.as_ref())
        .flat_map(|j| [days(&j.rencana), days(&j.realisasi)])
        .flatten()
        .collect();
    let (Some(lo), Some(hi)) = (all.iter().map(|d| d.0).min(), all.iter().map(|d| d.1).max())
    else {
        return Vec::new();
    };
    let label_w = 11;
    let dates_w = 24;
    let bar_w = width.saturating_sub(label_w + dates_w + 4).clamp(8, 48);
    let col = |d: i32| -> usize {
        if hi == lo {
            0
        } else {
            ((d - lo) as f64 / (hi - lo) as f64 * (bar_w - 1) as f64).round() as usize
        }
    };
    let mut lines = vec![Line::styled(
        format!(
            "{} ({} {} … {})",
            app.t("Jadwal", "Schedule"),
            app.t("skala", "scale"),
            short_date(lo),
            short_date(hi)
        ),
        th.accent(),
    )];
    let rows = [
        (app.t("rencana", "plan"), &j.rencana, '░', th.muted()),
        (app.t("realisasi", "actual"), &j.realisasi, '█', th.accent()),
    ];
    for (label, range, fill, style) in rows {
        let Some((a, b)) = days(range) else {
            lines.push(Line::from(vec![
                Span::raw(format!("  {}", pad(label, label_w))),
                Span::styled(app.t("(tidak ditulis)", "(not stated)"), th.muted()),
            ]));
            continue;
        };
        let (ca, cb) = (col(a), col(b));
        let bar: String = (0..bar_w)
            .map(|x| if x >= ca && x <= cb { fill } else { '·' })
            .collect();
        lines.push(Line::from(vec![
            Span::raw(format!("  {}", pad(label, label_w))),
            Span::styled(bar, style),
            Span::raw(format!(" {} → {}", short_date(a), short_date(b))),
        ]));
    }
    if let (Some((_, plan_end)), Some((_, done))) = (days(&j.rencana), days(&j.realisasi)) {
        let late = done - plan_end;
        let (text, style) = match late {
            0 => (
                app.t("selesai tepat waktu", "finished on time").to_string(),
                th.success(),
            ),
            d if d > 0 => (
                match app.lang {
                    Lang::Id => format!("selesai {d} hari terlambat"),
                    Lang::En => format!("finished {d} days late"),
                },
                th.warning(),
            ),
            d => (
                match app.lang {
                    Lang::Id => format!("selesai {} hari lebih awal", -d),
                    Lang::En => format!("finished {} days early", -d),
                },
                th.success(),
            ),
        };
        lines.push(Line::styled(
            format!("  {}{text}", " ".repeat(label_w)),
            style,
        ));
    }
    lines.push(Line::raw(""));
    lines
}

/// A day number as `YYYY-MM-DD` again.
fn short_date(day: i32) -> String {
    day_iso(day).unwrap_or_else(|| "?".into())
}

/// Step 6's benefits in numbers (thousands grouped: they are often rupiah), each as written, then summed per unit where two or more share
/// one (the rule is tulta-core's), and what the improvement cost.
pub(super) fn benefit_lines<'a>(app: &App, m: &Manfaat) -> Vec<Line<'a>> {
    let th = &app.theme;
    let lang = app.lang;
    let mut lines = Vec::new();
    if !m.kuantitatif.is_empty() {
        lines.push(Line::styled(
            app.t("  Manfaat terukur:", "  Benefits in numbers:"),
            th.accent(),
        ));
        for k in &m.kuantitatif {
            lines.push(Line::raw(format!(
                "    {}: {} {}",
                k.uraian.as_deref().unwrap_or("—"),
                k.nilai.map_or("—".into(), |x| grouped(x, 2, lang)),
                k.satuan.as_deref().unwrap_or("")
            )));
        }
        let summed: Vec<String> = m
            .totals()
            .into_iter()
            .filter(|t| t.count > 1)
            .map(|t| format!("{} {}", grouped(t.nilai, 2, lang), t.satuan))
            .collect();
        if !summed.is_empty() {
            lines.push(Line::styled(
                format!(
                    "    {}: {}",
                    app.t("Jumlah per satuan", "Total per unit"),
                    summed.join(" · ")
                ),
                Style::default().add_modifier(Modifier::BOLD),
            ));
        }
    }
    if let Some(b) = &m.biaya_perbaikan {
        lines.push(Line::raw(format!(
            "  {}: {} {}",
            app.t("Biaya perbaikan", "Cost of the improvement"),
            b.nilai.map_or("—".into(), |x| grouped(x, 2, lang)),
            b.satuan.as_deref().unwrap_or("")
        )));
    }
    lines
}

/// Results against the target: on step 6 (where they are) and again on step 7 (the closing view).
pub(super) fn result_lines<'a>(app: &App, r: Option<&Risalah>, step: &Langkah) -> Vec<Line<'a>> {
    let th = &app.theme;
    let lang = app.lang;
    let hasil = step
        .hasil
        .as_ref()
        .or_else(|| r.and_then(|r| r.step(6)).and_then(|s| s.hasil.as_ref()));
    let target = r.and_then(|r| r.step(1)).and_then(|s| s.target.as_ref());
    let mut lines = vec![Line::from(Span::styled(
        app.t("Hasil dibanding target:", "Results against the target:"),
        th.accent(),
    ))];
    let Some(h) = hasil else {
        lines.push(Line::from(Span::styled(
            app.t(
                "  (langkah 6 tidak memuat hasil)",
                "  (step 6 states no result)",
            ),
            th.warning(),
        )));
        return lines;
    };
    let satuan = h
        .satuan
        .as_ref()
        .map_or("", |s| s.value.as_str())
        .to_string();
    let v = |x: Option<f64>| x.map_or("—".to_string(), |x| num(x, 2, lang));
    lines.push(Line::raw(format!(
        "  {}: {} → {} {satuan}",
        h.indikator.as_ref().map_or("—", |x| x.value.as_str()),
        v(h.sebelum),
        v(h.sesudah)
    )));
    if let (Some(t), Some(after)) = (target, h.sesudah) {
        if let (Some(awal), Some(sasaran)) = (t.awal, t.sasaran) {
            let lower_is_better = sasaran < awal;
            let met = if lower_is_better {
                after <= sasaran
            } else {
                after >= sasaran
            };
            let (text, style) = if met {
                (
                    format!(
                        "  ✓ {} ({} {} {satuan})",
                        app.t("target tercapai", "target met"),
                        app.t("sasaran", "goal"),
                        num(sasaran, 2, lang)
                    ),
                    th.success(),
                )
            } else {
                (
                    format!(
                        "  ✗ {} {} {satuan} ({} {} {satuan})",
                        app.t("target belum tercapai: selisih", "target missed by"),
                        num((after - sasaran).abs(), 2, lang),
                        app.t("sasaran", "goal"),
                        num(sasaran, 2, lang)
                    ),
                    th.error(),
                )
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
    }
    lines
}
