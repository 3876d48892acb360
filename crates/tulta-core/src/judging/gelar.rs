//! The gelar day (spec §8, third edition): the presentation order drawn by lot is kept in the data
//! folder with its seed, so that every screen and every later `undian` shows the same order;
//! drawing again is a deliberate act that says what changed. Each slot's planned start comes
//! from the stage's `mulai`, `menit` and `jeda` (see [`super::competition::Stage::slot_start`]).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A stage's drawn order, as kept on disk (`undian-<tahap>.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draw {
    pub tahap: String,
    pub benih: u64,
    /// The entries in the order they present.
    pub urutan: Vec<String>,
}

impl Draw {
    /// The 0-based slot of `risalah`, if it was drawn.
    pub fn slot(&self, risalah: &str) -> Option<usize> {
        self.urutan.iter().position(|r| r == risalah)
    }
}

/// `<data folder>/undian-<tahap>.json`. `tahap` is a validated id (`[a-z0-9-]+`).
pub fn path(dir: &Path, tahap: &str) -> PathBuf {
    dir.join(format!("undian-{tahap}.json"))
}

/// The order kept for `tahap`, if one was drawn. A file that cannot be read as a draw of this
/// stage is an error, never silently a fresh draw.
pub fn kept(dir: &Path, tahap: &str) -> Result<Option<Draw>, String> {
    use crate::files::read::{read_if_any, Kind, Links};
    use crate::i18n::Localized;
    let file = path(dir, tahap);
    let bytes = match read_if_any(&file, Kind::Draw, Links::Refuse) {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(None),
        Err(e) => return Err(e.in_both()),
    };
    match serde_json::from_slice::<Draw>(&bytes) {
        Ok(d) if d.tahap == tahap => Ok(Some(d)),
        Ok(d) => Err(format!(
            "{}: tahap `{}` / stage `{}`",
            file.display(),
            d.tahap,
            tahap
        )),
        Err(e) => Err(format!("{}: {e}", file.display())),
    }
}

/// Keeps `draw` in `dir` (atomically: a crash leaves the old draw or the new one).
pub fn keep(dir: &Path, draw: &Draw) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let bytes = serde_json::to_vec_pretty(draw).map_err(std::io::Error::other)?;
    crate::files::write_atomic(&path(dir, &draw.tahap), &bytes)
}

/// How a new draw differs from the kept one: each entry whose slot changed, with its old and new
/// slot (1-based; `None`: not in that draw).
pub fn changes(old: &Draw, new: &Draw) -> Vec<(String, Option<usize>, Option<usize>)> {
    let mut ids: Vec<&String> = new.urutan.iter().collect();
    ids.extend(old.urutan.iter().filter(|r| !new.urutan.contains(r)));
    ids.into_iter()
        .filter_map(|id| {
            let (a, b) = (old.slot(id).map(|s| s + 1), new.slot(id).map(|s| s + 1));
            (a != b).then(|| (id.clone(), a, b))
        })
        .collect()
}

/// A stage's `mulai`: `YYYY-MM-DD HH:MM` (a `T` between them is taken too), local time.
pub fn parse_mulai(text: &str) -> Option<time::PrimitiveDateTime> {
    let text = text.trim();
    let (date, clock) = text.split_once([' ', 'T'])?;
    let mut d = date.splitn(3, '-');
    let (y, m, day) = (d.next()?, d.next()?, d.next()?);
    let (h, min) = clock.trim().split_once(':')?;
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = time::Date::from_calendar_date(y.parse().ok()?, month, day.parse().ok()?).ok()?;
    let at = time::Time::from_hms(h.parse().ok()?, min.parse().ok()?, 0).ok()?;
    Some(time::PrimitiveDateTime::new(date, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mulai_is_a_local_date_and_time() {
        assert!(parse_mulai("2026-12-10 08:00").is_some());
        assert!(parse_mulai("2026-12-10T08:00").is_some());
        assert!(parse_mulai("2026-02-30 08:00").is_none());
        assert!(parse_mulai("2026-12-10 25:00").is_none());
        assert!(parse_mulai("08:00").is_none());
    }

    #[test]
    fn a_draw_is_kept_and_its_changes_named() {
        let dir = tempfile::tempdir().expect("tmp");
        assert_eq!(kept(dir.path(), "gelar"), Ok(None));
        let old = Draw {
            tahap: "gelar".into(),
            benih: 1,
            urutan: vec!["a".into(), "b".into(), "c".into()],
        };
        keep(dir.path(), &old).expect("keep");
        assert_eq!(kept(dir.path(), "gelar"), Ok(Some(old.clone())));
        let new = Draw {
            tahap: "gelar".into(),
            benih: 2,
            urutan: vec!["b".into(), "a".into(), "c".into()],
        };
        assert_eq!(
            changes(&old, &new),
            vec![
                ("b".to_string(), Some(2), Some(1)),
                ("a".to_string(), Some(1), Some(2))
            ]
        );
    }
}
