//! A ranking for spreadsheets: CSV and XLSX, with every raw score, note and tick.

use super::*;

/// The ranking's columns in spreadsheets, then each judge's index.
fn rank_columns(r: &Ranking, ctx: &Context) -> Vec<String> {
    let mut columns: Vec<String> = [
        "peringkat",
        "seri",
        "id",
        "opd",
        "jenis",
        "indeks",
        "nilai_100",
        "predikat",
        "perlu_diskusi",
        "sementara",
        "juri_selesai",
        "juri_wajib",
        "juri_konflik",
        "juri_belum",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    columns.extend(ctx.juri.iter().map(|j| format!("indeks_{j}")));
    if final_result(r).is_some() {
        columns.extend(stage_ids(r).iter().map(|t| format!("nilai_{t}")));
        columns.push("berhenti_di".into());
        columns.push("juara".into());
    }
    columns
}

/// A final result's own cells, in [`rank_columns`]' order: each stage's index, where it stopped,
/// its label.
fn result_cells(r: &Ranking, row: &Row, lang: Lang) -> Vec<String> {
    if final_result(r).is_none() {
        return Vec::new();
    }
    let mut cells: Vec<String> = stage_ids(r)
        .iter()
        .map(|t| {
            row.nilai_tahap
                .get(*t)
                .map_or(String::new(), |x| decimal(*x, 2, lang))
        })
        .collect();
    cells.push(csv_text(row.berhenti_di.as_deref().unwrap_or("")));
    cells.push(csv_text(row.juara.as_deref().unwrap_or("")));
    cells
}

/// Every (stage, judge, criterion) of the raw scores.
fn raw_columns<'c>(stages: &[&'c RawStage]) -> Vec<(&'c RawStage, &'c str, &'c str)> {
    stages
        .iter()
        .flat_map(|s| {
            s.sheets.iter().flat_map(move |(j, _)| {
                s.kriteria.iter().map(move |k| (*s, j.as_str(), k.as_str()))
            })
        })
        .collect()
}

/// CSV for spreadsheets: `;` between fields and `,` in decimals for Indonesian, `,` and `.` for English.
pub fn csv(r: &Ranking, ctx: &Context, lang: Lang) -> Result<String, csv::Error> {
    let delimiter = match lang {
        Lang::Id => b';',
        Lang::En => b',',
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let stages = raw_stages(r, ctx);
    let raw = raw_columns(&stages);
    let mut header = rank_columns(r, ctx);
    header.extend(
        raw.iter()
            .map(|(s, j, k)| raw_name(&stages, &s.tahap, &format!("{j}_{k}"))),
    );
    // What judges wrote beside the scores: the general note and the guidance ticks.
    for s in &stages {
        for (j, _) in &s.sheets {
            header.push(raw_name(&stages, &s.tahap, &format!("{j}_catatan_umum")));
            header.push(raw_name(&stages, &s.tahap, &format!("{j}_centang")));
        }
    }
    let benefits = benefit_columns(ctx);
    header.extend(benefits.iter().map(|c| c.header.clone()));
    w.write_record(header.iter().map(|h| csv_text(h)))?;
    for row in &r.rows {
        let mut rec: Vec<String> = vec![
            row.peringkat.map_or(String::new(), |p| p.to_string()),
            if row.seri { "=".into() } else { String::new() },
            csv_text(&row.id),
            csv_text(&row.opd),
            row.jenis.map_or(String::new(), |j| j.as_str().into()),
            row.indeks.map_or(String::new(), |x| decimal(x, 2, lang)),
            row.nilai_100.map_or(String::new(), |x| decimal(x, 1, lang)),
            row.predikat
                .as_ref()
                .map_or(String::new(), |p| csv_text(&p.0)),
            if row.perlu_diskusi {
                "ya".into()
            } else {
                String::new()
            },
            if r.sementara {
                "ya".into()
            } else {
                String::new()
            },
            row.juri.len().to_string(),
            row.juri_wajib().to_string(),
            csv_text(&row.juri_konflik.join(" ")),
            csv_text(&row.juri_belum.join(" ")),
        ];
        rec.extend(ctx.juri.iter().map(|j| {
            match row.juri.get(j) {
                Some(x) => decimal(*x, 2, lang),
                // A judge not of this row's stage: an empty cell, as spreadsheets read nothing.
                None => Some(judge_cell(row, j, lang))
                    .filter(|c| c != "-")
                    .unwrap_or_default(),
            }
        }));
        rec.extend(result_cells(r, row, lang));
        rec.extend(raw.iter().map(|(s, j, k)| {
            s.sheets
                .iter()
                .find(|(x, _)| x == j)
                .and_then(|(_, s)| s.get(&row.id))
                .and_then(|s| s.skor.get(*k))
                .map_or(String::new(), |x| decimal(*x, 1, lang))
        }));
        for s in &stages {
            for (_, sheets) in &s.sheets {
                let sheet = sheets.get(&row.id);
                // A judge's words go through the same guard as every other text cell.
                rec.push(csv_text(
                    sheet
                        .and_then(|s| s.catatan.get(&None))
                        .map_or("", String::as_str),
                ));
                rec.push(csv_text(&sheet.map(ticks_cell).unwrap_or_default()));
            }
        }
        rec.extend(
            benefits.iter().map(|c| {
                benefit_value(ctx, &row.id, c).map_or(String::new(), |x| number(x, 2, lang))
            }),
        );
        w.write_record(&rec)?;
    }
    // Below the table, after an empty row, what no row says: the rules and their amendments,
    // sample, provisional, incomplete — in the first cell, the rows as wide as the others so that
    // every CSV reader takes the file.
    let width = header.len();
    let row_of =
        |first: String| std::iter::once(first).chain(std::iter::repeat_n(String::new(), width - 1));
    w.write_record(row_of(String::new()))?;
    for line in preamble(r, ctx, lang) {
        w.write_record(row_of(csv_text(&line)))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// An XLSX workbook: the ranking on the first sheet, every raw score and note (the general note
/// too) on the second, the guidance ticks on the third.
pub fn xlsx(r: &Ranking, ctx: &Context, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("0.00");
    let one = Format::new().set_num_format("0.0");
    {
        let sheet = book.add_worksheet();
        sheet.set_name(lang.pick("Peringkat", "Ranking"))?;
        let headers = rank_columns(r, ctx);
        header_row(sheet, &headers, &bold)?;
        let benefits = benefit_columns(ctx);
        let first_benefit = headers.len() as u16;
        for (c, b) in benefits.iter().enumerate() {
            sheet.write_string_with_format(0, first_benefit + c as u16, &b.header, &bold)?;
        }
        for (i, row) in r.rows.iter().enumerate() {
            let y = i as u32 + 1;
            if let Some(p) = row.peringkat {
                sheet.write_number(y, 0, p as f64)?;
            }
            if row.seri {
                sheet.write_string(y, 1, "=")?;
            }
            sheet.write_string(y, 2, &row.id)?;
            sheet.write_string(y, 3, &row.opd)?;
            sheet.write_string(y, 4, row.jenis.map_or("", |j| j.as_str()))?;
            if let Some(x) = row.indeks {
                sheet.write_number_with_format(y, 5, round2(x), &two)?;
            }
            if let Some(x) = row.nilai_100 {
                sheet.write_number_with_format(y, 6, round_to(x, 1), &one)?;
            }
            if let Some((k, l)) = &row.predikat {
                sheet.write_string(y, 7, format!("{k} {l}"))?;
            }
            if row.perlu_diskusi {
                sheet.write_string(y, 8, "ya")?;
            }
            if r.sementara {
                sheet.write_string(y, 9, "ya")?;
            }
            sheet.write_number(y, 10, row.juri.len() as f64)?;
            sheet.write_number(y, 11, row.juri_wajib() as f64)?;
            sheet.write_string(y, 12, row.juri_konflik.join(" "))?;
            sheet.write_string(y, 13, row.juri_belum.join(" "))?;
            for (c, j) in ctx.juri.iter().enumerate() {
                let col = 14 + c as u16;
                match row.juri.get(j) {
                    Some(x) => sheet.write_number_with_format(y, col, round2(*x), &two)?,
                    None => sheet.write_string(y, col, judge_cell(row, j, lang))?,
                };
            }
            let mut col = 14 + ctx.juri.len() as u16;
            if final_result(r).is_some() {
                for t in stage_ids(r) {
                    if let Some(x) = row.nilai_tahap.get(t) {
                        sheet.write_number_with_format(y, col, round2(*x), &two)?;
                    }
                    col += 1;
                }
                sheet.write_string(y, col, row.berhenti_di.as_deref().unwrap_or(""))?;
                sheet.write_string(y, col + 1, row.juara.as_deref().unwrap_or(""))?;
            }
            for (c, b) in benefits.iter().enumerate() {
                if let Some(x) = benefit_value(ctx, &row.id, b) {
                    sheet.write_number(y, first_benefit + c as u16, x)?;
                }
            }
        }
        sheet.autofit();
        // The footer: what this ranking is (provisional, incomplete) and what it was computed from.
        let banner: Vec<&str> = [
            ctx.contoh.then(|| sample_title(lang)),
            r.sementara.then(|| provisional_note(lang)),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !banner.is_empty() {
            sheet.set_header(format!("&C{}", banner.join(" — ")));
        }
        let mut notes = preamble(r, ctx, lang);
        notes.extend(result_lines(r, lang));
        notes.push(anchor_heading(lang).into());
        notes.extend(anchor_tokens(ctx));
        for (y, n) in (r.rows.len() as u32 + 2..).zip(notes) {
            sheet.write_string(y, 0, n)?;
        }
    }
    // The anchors where no judge's words can go: a document property `verify --jejak` reads.
    // The footer above shows the same tokens to people.
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_custom_property(anchors::BLOCK, anchor_tokens(ctx).join(" ").as_str()),
    );
    let stages = raw_stages(r, ctx);
    for stage in &stages {
        let named = |base: &str| {
            let name = raw_name(&stages, &stage.tahap, base);
            // Excel's limit on a sheet name.
            name.chars().take(31).collect::<String>()
        };
        let sheet = book.add_worksheet();
        sheet.set_name(named(lang.pick("Nilai", "Scores")))?;
        header_row(
            sheet,
            &["risalah", "juri", "kriteria", "nilai", "catatan"],
            &bold,
        )?;
        let mut y = 1u32;
        for (row, j, sheet_of) in sheets_by_row(r, stage) {
            for k in &stage.kriteria {
                let score = sheet_of.skor.get(k);
                let note = sheet_of.catatan.get(&Some(k.clone()));
                if score.is_none() && note.is_none() {
                    continue;
                }
                sheet.write_string(y, 0, &row.id)?;
                sheet.write_string(y, 1, j)?;
                sheet.write_string(y, 2, k)?;
                if let Some(x) = score {
                    sheet.write_number_with_format(y, 3, *x, &one)?;
                }
                if let Some(n) = note {
                    sheet.write_string(y, 4, n)?;
                }
                y += 1;
            }
            if let Some(n) = sheet_of.catatan.get(&None) {
                sheet.write_string(y, 0, &row.id)?;
                sheet.write_string(y, 1, j)?;
                sheet.write_string(y, 2, lang.pick("(umum)", "(general)"))?;
                sheet.write_string(y, 4, n)?;
                y += 1;
            }
        }
        sheet.autofit();
        let sheet = book.add_worksheet();
        sheet.set_name(named(lang.pick("Centang", "Ticks")))?;
        header_row(
            sheet,
            &["risalah", "juri", "kriteria", "butir", "centang"],
            &bold,
        )?;
        let mut y = 1u32;
        for (row, j, sheet_of) in sheets_by_row(r, stage) {
            for ((k, b), t) in &sheet_of.centang {
                sheet.write_string(y, 0, &row.id)?;
                sheet.write_string(y, 1, j)?;
                sheet.write_string(y, 2, k)?;
                sheet.write_number(y, 3, (*b + 1) as f64)?;
                sheet.write_string(y, 4, tick_word(*t))?;
                y += 1;
            }
        }
        sheet.autofit();
    }
    book.save_to_buffer()
}

/// Column headers in bold along the first row.
fn header_row(
    sheet: &mut rust_xlsxwriter::Worksheet,
    headers: &[impl AsRef<str>],
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h.as_ref(), bold)?;
    }
    Ok(())
}

/// Every judge's sheet on each entry of the ranking, in the ranking's order.
fn sheets_by_row<'a>(
    r: &'a Ranking,
    stage: &'a RawStage,
) -> impl Iterator<Item = (&'a Row, &'a String, &'a Sheet)> {
    r.rows.iter().flat_map(move |row| {
        stage
            .sheets
            .iter()
            .filter_map(move |(j, sheets)| Some((row, j, sheets.get(&row.id)?)))
    })
}
