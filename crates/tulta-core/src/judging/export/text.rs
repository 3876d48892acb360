//! A ranking as a table for the terminal and as Markdown for reports.

use super::*;

pub fn table(r: &Ranking, ctx: &Context, lang: Lang) -> String {
    let mut out = String::new();
    if ctx.contoh {
        let _ = writeln!(out, "{}", sample_note(lang));
    }
    if r.sementara {
        let _ = writeln!(out, "{}", provisional_note(lang));
    }
    if let Some(note) = partial_note(ctx, lang) {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(
        out,
        "{} — {} ({}: {}, {}: {})",
        printable(ctx.lomba_nama),
        title(r, ctx, lang),
        lang.pick("metode", "method"),
        r.metode.as_str(),
        lang.pick("kategori", "category"),
        r.kategori.as_str()
    );
    let mut header = format!(
        "{:>4}  {} {} {:>6} {:>6}  {} {:>5}",
        "#",
        pad(lang.pick("OPD / kelurahan", "OPD / kelurahan"), 34),
        pad(lang.pick("jenis", "kind"), 9),
        lang.pick("indeks", "index"),
        "0-100",
        pad(lang.pick("predikat", "band"), 26),
        lang.pick("juri", "jdg")
    );
    let stages = stage_ids(r);
    for t in &stages {
        let _ = write!(header, " {:>7}", pad(&printable(t), 7));
    }
    for j in &ctx.juri {
        let _ = write!(header, " {:>7}", pad(&printable(j), 7));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for row in &r.rows {
        let predikat = row
            .predikat
            .as_ref()
            .map_or(String::new(), |(k, l)| format!("{k} {l}"));
        let mut line = format!(
            "{:>4}  {} {} {:>6} {:>6}  {} {:>5}",
            place(row),
            pad(&printable(&row.opd), 34),
            pad(row.jenis.map_or("?", |j| j.as_str()), 9),
            row.indeks.map_or("-".into(), |x| decimal(x, 2, lang)),
            row.nilai_100.map_or("-".into(), |x| decimal(x, 1, lang)),
            pad(&printable(&predikat), 26),
            finished_of(row)
        );
        for t in &stages {
            let _ = write!(line, " {:>7}", stage_cell(row, t, lang));
        }
        for j in &ctx.juri {
            let _ = write!(line, " {:>7}", judge_cell(row, j, lang));
        }
        if row.perlu_diskusi {
            line.push_str(lang.pick("  ! perlu diskusi", "  ! discuss"));
        }
        let outcome = outcome_cell(r, row, lang);
        if !outcome.is_empty() {
            let _ = write!(line, "  {}", printable(&outcome));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for l in result_lines(r, lang) {
        let _ = writeln!(out, "{}", printable(&l));
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "= seri setelah pemecah seri · ! indeks antarjuri berselisih lebih dari 1,0 · - belum dinilai lengkap · juri n/m: selesai dari yang boleh menilai · konflik: juri terhalang · belum: juri belum selesai",
            "= tied after the tie-breakers · ! judges' indexes differ by more than 1.0 · - not fully scored yet · jdg n/m: finished of those allowed · barred: judge in conflict · todo: judge not finished"
        )
    );
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick("sidik aturan", "rules fingerprint"),
        ctx.aturan
    );
    if !ctx.amendments.is_empty() {
        let _ = writeln!(out, "{}:", amendment_heading(lang));
        for l in amendment_lines(ctx, lang) {
            let _ = writeln!(out, "  {}", printable(&l));
        }
    }
    out
}

pub fn markdown(r: &Ranking, ctx: &Context, lang: Lang) -> String {
    let mut out = format!(
        "## {} — {}\n\n{}: `{}` · {}: `{}`\n\n",
        md_cell(ctx.lomba_nama),
        title(r, ctx, lang),
        lang.pick("Metode", "Method"),
        r.metode.as_str(),
        lang.pick("Kategori", "Category"),
        r.kategori.as_str()
    );
    if ctx.contoh {
        let _ = writeln!(out, "**{}**\n", sample_note(lang));
    }
    if r.sementara {
        let _ = writeln!(out, "**{}**\n", provisional_note(lang));
    }
    if let Some(note) = partial_note(ctx, lang) {
        let _ = writeln!(out, "**{note}**\n");
    }
    let mut header = format!(
        "| # | {} | OPD | {} | {} | 0-100 | {} | {} |",
        lang.pick("Risalah", "Entry"),
        lang.pick("Jenis", "Kind"),
        lang.pick("Indeks", "Index"),
        lang.pick("Predikat", "Band"),
        lang.pick("Juri", "Judges")
    );
    let mut rule = "|---|---|---|---|---:|---:|---|---:|".to_string();
    let stages = stage_ids(r);
    for t in &stages {
        let _ = write!(header, " {} |", md_cell(t));
        rule.push_str("---:|");
    }
    for j in &ctx.juri {
        let _ = write!(header, " {} |", md_cell(j));
        rule.push_str("---:|");
    }
    header.push_str(&format!(" {} |", lang.pick("Catatan", "Notes")));
    rule.push_str("---|");
    let _ = writeln!(out, "{header}\n{rule}");
    for row in &r.rows {
        let mut line = format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            place(row),
            md_cell(&row.id),
            md_cell(&row.opd),
            row.jenis.map_or("", |j| j.as_str()),
            row.indeks.map_or("–".into(), |x| decimal(x, 2, lang)),
            row.nilai_100.map_or("–".into(), |x| decimal(x, 1, lang)),
            row.predikat
                .as_ref()
                .map_or(String::new(), |(k, l)| md_cell(&format!("{k} {l}"))),
            finished_of(row)
        );
        for t in &stages {
            let _ = write!(line, " {} |", stage_cell(row, t, lang));
        }
        for j in &ctx.juri {
            let _ = write!(line, " {} |", judge_cell(row, j, lang));
        }
        let flag = [
            if row.perlu_diskusi {
                lang.pick("perlu diskusi", "discuss").to_string()
            } else {
                String::new()
            },
            md_cell(&outcome_cell(r, row, lang)),
        ]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let _ = writeln!(out, "{line} {flag} |");
    }
    let lines = result_lines(r, lang);
    if !lines.is_empty() {
        out.push('\n');
        for l in lines {
            let _ = writeln!(out, "- {}", md_cell(&l));
        }
    }
    // What the judges wrote, entry by entry, in the ranking's order.
    let raw = raw_stages(r, ctx);
    let notes: Vec<(&Row, Vec<_>)> = r
        .rows
        .iter()
        .map(|row| (row, notes_on(&raw, &row.id)))
        .filter(|(_, n)| !n.is_empty())
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(
            out,
            "\n### {}\n",
            lang.pick("Catatan juri", "Judges' notes")
        );
        for (row, list) in notes {
            for (tahap, juri, kriteria, teks) in list {
                let _ = writeln!(
                    out,
                    "- {} · {}{} · {}: {}",
                    md_cell(&row.id),
                    md_cell(juri),
                    if raw.len() > 1 {
                        format!(" ({})", md_cell(tahap))
                    } else {
                        String::new()
                    },
                    md_cell(kriteria.unwrap_or(lang.pick("umum", "general"))),
                    md_cell(teks)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "\n### {}\n\n{}: `{}`\n",
        amendment_heading(lang),
        lang.pick("Sidik aturan", "Rules fingerprint"),
        ctx.aturan
    );
    for l in amendment_lines(ctx, lang) {
        let _ = writeln!(out, "- {}", md_cell(&l));
    }
    if ctx.amendments.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Tidak ada perubahan aturan.", "No amendments.")
        );
    }
    // The anchors in a fenced block of their own: judges' words are table cells and list items,
    // never a line of their own, so none can stand in the block or open another.
    let _ = writeln!(out, "\n{}\n\n```{}", anchor_heading(lang), anchors::BLOCK);
    for t in anchor_tokens(ctx) {
        let _ = writeln!(out, "{t}");
    }
    out.push_str("```\n");
    out
}
