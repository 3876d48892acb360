//! Amendments to the rules (spec §11): the coordinator's journal (`koordinator.jsonl`, the same
//! line format, chain, head and signatures as a judge's), which links the rules lines were scored
//! under to the rules in force, and the check that every line is so linked.

use super::competition::Competition;
use super::journal::{self, Breach, Journal, JournalError, Line};
use super::keys::{self, PublicKey};
use super::rules::{self, Rules};
use super::scoring::Change;
use crate::files::read::{self, ReadError};
use crate::i18n::Lang;
use std::collections::BTreeMap;
use std::path::Path;

/// The coordinator's journal is `<dir>/koordinator.jsonl`; no judge may take this id.
pub const KOORDINATOR: &str = "koordinator";

/// One amendment, numbered from 1 in the coordinator's journal.
#[derive(Clone, Debug, PartialEq)]
pub struct Amendment {
    pub nomor: usize,
    pub waktu: String,
    pub lama: String,
    pub baru: String,
    pub isi: Vec<rules::Change>,
    pub alasan: String,
}

impl Amendment {
    /// What changed, in words (`tahap risalah: lolos 3 → 1; …`).
    pub fn what(&self, lang: Lang) -> String {
        if self.isi.is_empty() {
            return match lang {
                Lang::Id => format!("aturan {} → {}", self.lama, self.baru),
                Lang::En => format!("rules {} → {}", self.lama, self.baru),
            };
        }
        self.isi
            .iter()
            .map(|c| c.describe(lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// How the rules a line was written under stand to the rules in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The same rules.
    Current,
    /// Linked by amendments, the last of them number N (the change that set a line aside).
    Amended(usize),
    /// Changed, and no amendment records it.
    Unlinked,
}

/// The rules in force and the coordinator's record of their changes.
#[derive(Clone, Debug)]
pub struct RulesRecord {
    pub current: Rules,
    pub amendments: Vec<Amendment>,
    /// The coordinator's journal as read: (lines, last line's hash); `None` when there is none.
    pub anchor: Option<(usize, String)>,
    /// The coordinator's journal is broken: no amendment in it is trusted.
    pub breach: Option<Breach>,
    /// The coordinator's journal, pin or key cannot be read (a link, a FIFO, over its limit): no
    /// amendment is trusted either.
    pub unreadable: Option<ReadError>,
    /// The key the coordinator's journal must be signed with here, if one is known.
    pub pinned: Option<PublicKey>,
}

/// The coordinator's key in `dir`: `koordinator.kunci` of lomba.yaml, else the one pinned here,
/// else the coordinator's own key here.
pub fn coordinator_key(comp: &Competition, dir: &Path) -> Result<Option<PublicKey>, ReadError> {
    if let Some(k) = comp
        .lomba
        .koordinator
        .as_ref()
        .and_then(|k| k.kunci.as_deref())
        .and_then(PublicKey::parse)
    {
        return Ok(Some(k));
    }
    match keys::pinned_here(dir, KOORDINATOR)? {
        Some(k) => Ok(Some(k)),
        None => keys::own_here(dir, KOORDINATOR),
    }
}

impl RulesRecord {
    /// Reads the rules of `comp` and the coordinator's journal in `dir`.
    pub fn load(comp: &Competition, dir: &Path) -> RulesRecord {
        let current = Rules::of(comp);
        let mut record = RulesRecord {
            current,
            amendments: Vec::new(),
            anchor: None,
            breach: None,
            unreadable: None,
            pinned: None,
        };
        let path = Journal::path_for(dir, KOORDINATOR);
        let read = coordinator_key(comp, dir).and_then(|pinned| {
            record.pinned = pinned;
            journal::read(
                &path,
                read::Links::Refuse,
                Some(KOORDINATOR),
                record.pinned.as_ref(),
            )
        });
        let read = match read {
            Ok(read) => read,
            Err(e) if e.is_missing() && e.path == path.display().to_string() => return record,
            Err(e) => {
                record.unreadable = Some(e);
                return record;
            }
        };
        if let Some(b) = read.breach {
            record.breach = Some(b);
            return record;
        }
        record.anchor = Some((read.lines.len(), read.last_hash().to_string()));
        record.amendments = amendments_in(&read.lines);
        record
    }

    /// How rules `from` stand to the rules in force: each amendment, in order, moves the rules
    /// from its `lama` to its `baru`.
    pub fn link(&self, from: &str) -> Link {
        if from == self.current.sidik {
            return Link::Current;
        }
        let mut at = from;
        let mut last = None;
        for a in &self.amendments {
            if a.lama == at {
                at = &a.baru;
                last = Some(a.nomor);
            }
        }
        match last {
            Some(n) if at == self.current.sidik => Link::Amended(n),
            _ => Link::Unlinked,
        }
    }

    /// The keys (fingerprints) an amendment replaced for judge `juri`: a journal signed with one
    /// of them was pinned before the amendment and still counts (spec §11).
    pub fn retired_keys(&self, juri: &str) -> Vec<String> {
        let part = format!("juri:{juri}");
        self.amendments
            .iter()
            .flat_map(|a| &a.isi)
            .filter(|c| c.bagian == part && c.butir == "kunci")
            .filter_map(|c| c.lama.clone())
            .collect()
    }

    /// How far the amendments carry rules `from`: the rules the last amendment in its chain
    /// leads to (`from` itself when none starts from it). A later change is named from there.
    pub fn reach<'a>(&'a self, from: &'a str) -> &'a str {
        let mut at = from;
        for a in &self.amendments {
            if a.lama == at {
                at = &a.baru;
            }
        }
        at
    }

    /// The rules each line was written under (spec §11): its own `aturan`, else that of the first
    /// later line carrying one, else the rules in force.
    pub fn under<'l>(&'l self, lines: &'l [Line]) -> Vec<&'l str> {
        let mut out = vec![self.current.sidik.as_str(); lines.len()];
        let mut next = self.current.sidik.as_str();
        for (i, l) in lines.iter().enumerate().rev() {
            if let Some(a) = l.aturan.as_deref() {
                next = a;
            }
            out[i] = next;
        }
        out
    }

    /// The rules sets, other than those in force, that some lines were written under with no
    /// amendment recording the change: by fingerprint (as far as amendments carry it, see
    /// [`Self::reach`]), the number of such lines.
    pub fn unlinked(&self, lines: &[Line]) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for a in self.under(lines) {
            if self.link(a) == Link::Unlinked {
                *out.entry(self.reach(a).to_string()).or_insert(0) += 1;
            }
        }
        out
    }

    /// The amendments that carry rules `from` to those in force, in order (empty when none do).
    fn chain(&self, from: &str) -> Vec<&Amendment> {
        let mut at = from;
        let mut out = Vec::new();
        for a in &self.amendments {
            if a.lama == at {
                at = &a.baru;
                out.push(a);
            }
        }
        if at == self.current.sidik {
            out
        } else {
            Vec::new()
        }
    }

    /// Lines refused under the rules in force, written under rules an amendment changed in the
    /// very part that refuses them (a judge taken out of a stage, a conflict added, a criterion
    /// or a stage removed): set aside by that amendment, not lost (spec §11). A line refused for
    /// anything else (an entry gone, a bad time) stays a fault.
    pub fn mark_amended(&self, lines: &[Line], rejected: &mut [super::Rejected]) {
        let under = self.under(lines);
        for r in rejected {
            let Some(from) = under.get(r.line.wrapping_sub(1)) else {
                continue;
            };
            r.amended = self
                .chain(from)
                .iter()
                .rev()
                .find(|a| a.isi.iter().any(|c| caused_by(&r.why, c)))
                .map(|a| a.nomor);
        }
    }

    /// What changed from rules `from` to those in force, in words, as kept in `dir`.
    pub fn changes_since(&self, dir: &Path, from: &str) -> Option<Vec<rules::Change>> {
        rules::kept(dir, from).map(|old| self.current.changes_from(&old))
    }
}

/// The amendments among a coordinator journal's lines, numbered from 1.
fn amendments_in(lines: &[Line]) -> Vec<Amendment> {
    lines
        .iter()
        .filter_map(|l| match &l.perubahan {
            Change::Aturan {
                lama,
                baru,
                isi,
                alasan,
            } => Some((l, lama, baru, isi, alasan)),
            _ => None,
        })
        .enumerate()
        .map(|(i, (l, lama, baru, isi, alasan))| Amendment {
            nomor: i + 1,
            waktu: l.waktu.clone(),
            lama: lama.clone(),
            baru: baru.clone(),
            isi: isi.clone(),
            alasan: alasan.clone(),
        })
        .collect()
}

/// A change of the rules said in words: what changed since rules `from` (or that it cannot be
/// told, when this data folder never saw them), for `rank` and `verify`.
pub fn describe_unlinked(
    record: &RulesRecord,
    dir: &Path,
    from: &str,
    lines: usize,
    lang: Lang,
) -> String {
    let what = match record.changes_since(dir, from) {
        Some(changes) if !changes.is_empty() => changes
            .iter()
            .map(|c| c.describe(lang))
            .collect::<Vec<_>>()
            .join("; "),
        _ => lang
            .pick(
                "aturan lama tidak tersimpan di folder data ini, jadi rinciannya tidak dapat disebutkan",
                "the old rules were never seen in this data folder, so what changed cannot be named",
            )
            .to_string(),
    };
    match lang {
        Lang::Id => format!(
            "aturan berubah sesudah penilaian dimulai ({lines} baris dinilai dengan aturan {from}, kini {}): {what}; catat perubahannya dengan `tulta aturan LOMBA --ubah --alasan TEKS`",
            record.current.sidik
        ),
        Lang::En => format!(
            "the rules changed after scoring began ({lines} lines were scored under rules {from}, now {}): {what}; record the change with `tulta aturan LOMBA --ubah --alasan TEXT`",
            record.current.sidik
        ),
    }
}

/// Records amendments in the coordinator's journal in `dir`: from each of `olds` to the rules in
/// force, with `alasan`. Returns the amendments written.
pub fn amend(
    comp: &Competition,
    dir: &Path,
    record: &RulesRecord,
    olds: &[String],
    alasan: &str,
) -> Result<Vec<Amendment>, JournalError> {
    let context = journal::Context {
        lomba: Some(comp.id().to_string()),
        pinned: record.pinned.clone(),
        aturan: Some(record.current.sidik.clone()),
    };
    let mut writer = Journal::open(dir, KOORDINATOR, context)?;
    let mut out = Vec::new();
    let before = amendments_in(writer.lines()).len();
    for (i, old) in olds.iter().enumerate() {
        let isi = record.changes_since(dir, old).unwrap_or_default();
        let change = Change::Aturan {
            lama: old.clone(),
            baru: record.current.sidik.clone(),
            isi: isi.clone(),
            alasan: alasan.to_string(),
        };
        writer.append("", change)?;
        out.push(Amendment {
            nomor: before + i + 1,
            waktu: writer
                .lines()
                .last()
                .map_or(String::new(), |l| l.waktu.clone()),
            lama: old.clone(),
            baru: record.current.sidik.clone(),
            isi,
            alasan: alasan.to_string(),
        });
    }
    Ok(out)
}

/// Whether changed fact `c` can be why a line is refused with `why`.
fn caused_by(why: &super::ScoreError, c: &rules::Change) -> bool {
    use super::ScoreError as E;
    let part = c.bagian.as_str();
    match why {
        E::NotStageJudge { tahap, .. } => {
            c.butir == "juri" && (part == format!("tahap:{tahap}") || part == "lomba")
        }
        E::Barred { juri, .. } => {
            (part == "lomba" && c.butir == "konflik")
                || (part == format!("juri:{juri}") && c.butir == "opd")
        }
        E::UnknownStage(_) | E::NotScored(_) => {
            (part == "lomba" && c.butir == "tahap") || part.starts_with("tahap:")
        }
        E::UnknownCriterion(_) | E::OffScale { .. } | E::UnknownItem { .. } => {
            part.starts_with("rubrik:") || (part.starts_with("tahap:") && c.butir == "rubrik")
        }
        _ => false,
    }
}
