//! The main job until the app lands: a plain-text summary of the competition in a reports folder —
//! entries by OPD and kind, and the findings of each.

use std::fmt::Write;
use tulta_core::check::{self, Checked};
use tulta_core::diag::Severity;
use tulta_core::files::sources::SourceFile;
use tulta_core::format::Model;
use tulta_core::i18n::Lang;
use tulta_core::judging::competition;
use tulta_core::model::lomba::Lomba;
use tulta_core::model::risalah::{JenisKelompok, Risalah};

struct Entry<'a> {
    checked: &'a Checked,
    risalah: &'a Risalah,
}

pub fn summarise(root: &str, files: &[SourceFile], lang: Lang) -> String {
    let checked = check::check_files(files);
    let mut out = String::new();
    let competitions: Vec<(&Checked, &Lomba)> = checked
        .iter()
        .filter_map(|c| match &c.doc.model {
            Some(Model::Lomba(l)) => Some((c, l)),
            _ => None,
        })
        .collect();
    let risalah: Vec<Entry> = checked
        .iter()
        .filter_map(|c| match &c.doc.model {
            Some(Model::Risalah(r)) => Some(Entry {
                checked: c,
                risalah: r,
            }),
            _ => None,
        })
        .collect();
    let _ = writeln!(
        out,
        "{} {root}: {} {}",
        lang.pick("Folder", "Folder"),
        risalah.len(),
        lang.pick("risalah", "reports")
    );
    let mut shown = vec![false; risalah.len()];
    // The newest competition first: that is the one people are working on.
    let mut competitions = competitions;
    competitions.sort_by_key(|(_, l)| std::cmp::Reverse(l.tahun));
    for (c, lomba) in competitions {
        let folder = competition::entries_folder(&c.name, lomba);
        let entries: Vec<usize> = risalah
            .iter()
            .enumerate()
            .filter(|(_, e)| competition::is_inside(&folder, &e.checked.name))
            .map(|(i, _)| i)
            .collect();
        let _ = writeln!(
            out,
            "\n{} ({})",
            lomba.nama.as_deref().unwrap_or("?"),
            c.name
        );
        if let Some(p) = &lomba.penyelenggara {
            let _ = writeln!(out, "{}: {p}", lang.pick("Penyelenggara", "Organiser"));
        }
        let opd = entries
            .iter()
            .filter(|&&i| risalah[i].risalah.jenis() == Some(JenisKelompok::Opd))
            .count();
        let kel = entries
            .iter()
            .filter(|&&i| risalah[i].risalah.jenis() == Some(JenisKelompok::Kelurahan))
            .count();
        let _ = writeln!(
            out,
            "{}: {} ({opd} OPD, {kel} {}) · {} {} · {}: {}",
            lang.pick("Peserta", "Entries"),
            entries.len(),
            lang.pick("kelurahan", "kelurahan"),
            lomba.juri.len(),
            lang.pick("juri", "judges"),
            lang.pick("agregasi", "aggregation"),
            lomba.agregasi.as_str()
        );
        let list: Vec<&Entry> = entries.iter().map(|&i| &risalah[i]).collect();
        table(&mut out, &list, lang);
        for i in entries {
            shown[i] = true;
        }
    }
    let rest: Vec<&Entry> = risalah
        .iter()
        .zip(&shown)
        .filter(|(_, s)| !**s)
        .map(|(e, _)| e)
        .collect();
    if !rest.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({} {})",
            lang.pick("Arsip", "Archive"),
            rest.len(),
            lang.pick("risalah", "reports")
        );
        table(&mut out, &rest, lang);
    }
    let broken: Vec<&Checked> = checked.iter().filter(|c| c.doc.model.is_none()).collect();
    if !broken.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "Berkas yang tidak dapat dibaca (lihat `tulta check`):",
                "Files that could not be read (see `tulta check`):"
            )
        );
        for b in broken {
            let _ = writeln!(out, "  {}", b.name);
        }
    }
    let totals = check::Totals::of(&checked);
    let _ = writeln!(out, "\n{}", crate::cli::check_cmd::closing(&totals, lang));
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Rincian temuan: tulta check; penjelasan kode: tulta explain T201",
            "Details: tulta check; what a code means: tulta explain T201"
        )
    );
    out
}

fn table(out: &mut String, entries: &[&Entry], lang: Lang) {
    let mut rows: Vec<&&Entry> = entries.iter().collect();
    rows.sort_by(|a, b| {
        (a.risalah.jenis().map(|j| j as u8), a.risalah.opd.as_deref())
            .cmp(&(b.risalah.jenis().map(|j| j as u8), b.risalah.opd.as_deref()))
    });
    let _ = writeln!(
        out,
        "  {} {} {} {:>4} {:>4} {:>4}",
        tulta_core::text::pad(lang.pick("OPD / kelurahan", "OPD / kelurahan"), 34),
        tulta_core::text::pad(lang.pick("jenis", "kind"), 9),
        tulta_core::text::pad(lang.pick("tahun", "year"), 5),
        lang.pick("gal", "err"),
        lang.pick("per", "warn"),
        "info"
    );
    for e in rows {
        let r = e.risalah;
        let _ = writeln!(
            out,
            "  {} {} {} {:>4} {:>4} {:>4}   {}",
            tulta_core::text::pad(r.opd.as_deref().unwrap_or("?"), 34),
            tulta_core::text::pad(r.jenis().map_or("?", |j| j.as_str()), 9),
            tulta_core::text::pad(&r.tahun.map_or("?".into(), |t| t.to_string()), 5),
            e.checked.count(Severity::Error),
            e.checked.count(Severity::Warning),
            e.checked.count(Severity::Info),
            r.judul.as_deref().unwrap_or("")
        );
    }
}
