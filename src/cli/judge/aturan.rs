//! `tulta aturan`: the rules fingerprint and what it is made from (spec §11), the amendments, and
//! with `--ubah --alasan` the coordinator's signed record of a change.

use super::open;
use crate::cli::{write_stdout, UsageError};
use std::path::Path;
use std::process::ExitCode;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::amendments;
use tulta_core::text::printable;

pub fn aturan(
    lomba: Option<&Path>,
    ubah: bool,
    alasan: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let j = open(lomba, lang)?;
    let record = &j.rules;
    let mut out = format!(
        "{}: {}\n",
        lang.pick("sidik aturan", "rules fingerprint"),
        record.current.sidik
    );
    if ubah {
        let alasan = alasan
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| {
                UsageError::Message(
                lang.pick(
                    "--ubah perlu --alasan TEKS: setiap perubahan aturan dicatat dengan alasannya",
                    "--ubah needs --alasan TEXT: every amendment is recorded with its reason",
                )
                .into(),
            )
            })?;
        if let Some(b) = &record.breach {
            return Err(UsageError::Message(match lang {
                Lang::Id => format!(
                    "jurnal koordinator rusak ({}); pulihkan dulu (`tulta verify`)",
                    b.describe(lang)
                ),
                Lang::En => format!(
                    "the coordinator's journal is broken ({}); restore it first (`tulta verify`)",
                    b.describe(lang)
                ),
            }));
        }
        let olds = j.unamended();
        if olds.is_empty() {
            out.push_str(lang.pick(
                "tidak ada yang dicatat: semua baris jurnal dinilai dengan aturan yang berlaku, atau sudah ditautkan oleh perubahan aturan\n",
                "nothing recorded: every journal line was scored under the rules in force, or is already linked to them by an amendment\n",
            ));
            write_stdout(&out)?;
            return Ok(ExitCode::SUCCESS);
        }
        let made = amendments::amend(&j.competition, j.dir(), record, &olds, alasan)
            .map_err(|e| UsageError::Message(e.message(lang)))?;
        for a in &made {
            out.push_str(&format!(
                "{} {} {}: {} — {}: {}\n",
                lang.pick("perubahan aturan", "amendment"),
                a.nomor,
                lang.pick("dicatat", "recorded"),
                printable(&a.what(lang)),
                lang.pick("alasan", "reason"),
                printable(&a.alasan)
            ));
        }
        write_stdout(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    out.push_str(lang.pick(
        "dibuat dari (nama, uraian, kata-kata panduan dan tata letak tidak termasuk):\n",
        "made from (names, descriptions, guidance wording and layout are left out):\n",
    ));
    for line in record.current.describe(lang) {
        out.push_str(&format!("  {}\n", printable(&line)));
    }
    if !record.amendments.is_empty() {
        out.push_str(&format!(
            "{}:\n",
            lang.pick("perubahan aturan", "amendments")
        ));
        for a in &record.amendments {
            out.push_str(&format!(
                "  {} ({}): {} — {}: {}\n",
                a.nomor,
                a.waktu,
                printable(&a.what(lang)),
                lang.pick("alasan", "reason"),
                printable(&a.alasan)
            ));
        }
    }
    let changes = j.rule_changes(lang);
    for c in &changes {
        out.push_str(&format!("{}\n", printable(c)));
    }
    write_stdout(&out)?;
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
