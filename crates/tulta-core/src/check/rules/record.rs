//! The group's record and its evidence, as far as the file itself shows them (T105, T311), and
//! names that can pass for others (T106).

use crate::diag::{Finding, Msg, Path};
use crate::model::risalah::{JenisLampiran, Risalah};

/// Names that can pass for others (T106): the OPD a conflict of interest is judged by, the group's
/// and its people's names.
fn deceptive_names(r: &Risalah, out: &mut Vec<Finding>) {
    let mut names: Vec<(Path, &str)> = Vec::new();
    if let Some(opd) = &r.opd {
        names.push((Path::root().key("opd"), opd));
    }
    if let Some(k) = &r.kelompok {
        let at = Path::root().key("kelompok");
        for (key, v) in [
            ("nama", &k.nama),
            ("fasilitator", &k.fasilitator),
            ("ketua", &k.ketua),
        ] {
            if let Some(v) = v {
                names.push((at.key(key), v));
            }
        }
        for (i, a) in k.anggota.iter().enumerate() {
            names.push((at.key("anggota").idx(i), a));
        }
    }
    for (at, name) in names {
        if crate::model::names::deceptive(name) {
            out.push(Finding::value(
                at,
                Msg::DeceptiveName {
                    name: name.to_string(),
                },
            ));
        }
    }
}

/// A quality circle is usually this many people, ketua included (spec §5, T105).
const GROUP_SIZE: std::ops::RangeInclusive<usize> = 3..=10;

pub fn check(r: &Risalah, out: &mut Vec<Finding>) {
    deceptive_names(r, out);
    if let Some(k) = &r.kelompok {
        // Nobody listed is a record left out, not a group of none: nothing to count.
        let named = k.anggota.iter().filter(|a| !a.trim().is_empty()).count();
        let people = usize::from(k.ketua.is_some()) + named;
        if people > 0 && !GROUP_SIZE.contains(&people) {
            let at = Path::root().key("kelompok");
            let at = if named == 0 { at } else { at.key("anggota") };
            out.push(Finding::key(at, Msg::GroupSize { people }));
        }
    }
    // Only a risalah that lists evidence is asked for the standard's: old ones are left alone.
    if r.lampiran.is_empty() {
        return;
    }
    let names_standard = r
        .step(7)
        .and_then(|s| s.standar.as_ref())
        .is_some_and(|s| !s.is_empty());
    // An unreadable `jenis` (already T004/T005) may have meant `sop`: not reported twice.
    let backed = r
        .lampiran
        .iter()
        .any(|l| matches!(l.jenis, None | Some(JenisLampiran::Sop | JenisLampiran::Sk)));
    if names_standard && !backed {
        out.push(Finding::key(
            Path::root().key("lampiran"),
            Msg::NoStandardAttachment,
        ));
    }
}
