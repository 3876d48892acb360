//! Aggregation across judges, ties, disagreement and categories (spec §6). Pure.

use super::scoring::{predikat, round2, to_100, Sheet};
use crate::model::lomba::Agregasi;
use crate::model::risalah::JenisKelompok;
use crate::model::rubrik::Rubrik;
use std::collections::BTreeMap;

/// When judges' indexes for one entry span more than this, the entry needs discussion.
pub(crate) const DISAGREEMENT_SPAN: f64 = 1.0;

#[derive(Clone, Debug, PartialEq)]
pub struct EntryInfo {
    pub id: String,
    pub opd: String,
    pub jenis: Option<JenisKelompok>,
}

/// One judge's sheets, by entry id.
#[derive(Clone, Debug, Default)]
pub struct JudgeSheets {
    pub juri: String,
    pub sheets: BTreeMap<String, Sheet>,
    /// Entries this judge may not score (conflicts).
    pub barred: std::collections::BTreeSet<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kategori {
    Opd,
    Kelurahan,
    #[default]
    Semua,
}

impl Kategori {
    pub const NAMES: [&'static str; 3] = ["opd", "kelurahan", "semua"];

    pub fn as_str(self) -> &'static str {
        match self {
            Kategori::Opd => "opd",
            Kategori::Kelurahan => "kelurahan",
            Kategori::Semua => "semua",
        }
    }

    pub fn parse(s: &str) -> Option<Kategori> {
        match s.trim().to_lowercase().as_str() {
            "opd" => Some(Kategori::Opd),
            "kelurahan" => Some(Kategori::Kelurahan),
            "semua" | "all" => Some(Kategori::Semua),
            _ => None,
        }
    }

    pub(crate) fn admits(self, jenis: Option<JenisKelompok>) -> bool {
        match self {
            Kategori::Semua => true,
            Kategori::Opd => jenis == Some(JenisKelompok::Opd),
            Kategori::Kelurahan => jenis == Some(JenisKelompok::Kelurahan),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// `None` for an entry no judge has finished.
    pub peringkat: Option<usize>,
    pub id: String,
    pub opd: String,
    pub jenis: Option<JenisKelompok>,
    pub indeks: Option<f64>,
    pub nilai_100: Option<f64>,
    pub predikat: Option<(String, String)>,
    /// Each judge's index for this entry, for judges who finished it.
    pub juri: BTreeMap<String, f64>,
    /// Shares its rank with another entry after every tie-breaker.
    pub seri: bool,
    pub perlu_diskusi: bool,
    /// Judges barred from this entry (conflicts), and judges allowed who have not finished it.
    pub juri_konflik: Vec<String>,
    pub juri_belum: Vec<String>,
    /// Final results (spec §8): each scored stage's index, the stage it stopped at (`None` for a
    /// finalist) and its place label.
    pub nilai_tahap: BTreeMap<String, f64>,
    pub berhenti_di: Option<String>,
    pub juara: Option<String>,
}

impl Row {
    /// Judges allowed to score this entry: those who finished it and those who have not.
    pub fn juri_wajib(&self) -> usize {
        self.juri.len() + self.juri_belum.len()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub metode: Agregasi,
    pub kategori: Kategori,
    pub rows: Vec<Row>,
    /// Some judge still has an entry of this ranking to finish (spec §6, "Provisional").
    pub sementara: bool,
    /// For a competition with stages or awards (spec §8): its stages, which one this ranking is
    /// (`None`: the final result) and the special awards.
    pub staged: Option<Staged>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Staged {
    pub tahap: Option<String>,
    pub stages: Vec<StageSummary>,
    pub penghargaan: Vec<Award>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageSummary {
    pub id: String,
    pub nama: String,
    /// `None` for a `syarat` stage.
    pub bobot: Option<f64>,
    pub is_final: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Award {
    pub id: String,
    pub nama: String,
    pub pemenang: Vec<String>,
    pub nilai: Option<f64>,
}

pub(crate) fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Sample standard deviation (n − 1); `None` below two values.
fn sample_sd(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    let var = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() - 1) as f64;
    Some(var.sqrt())
}

fn median(xs: &[f64]) -> Option<f64> {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

fn trimmed_mean(xs: &[f64]) -> Option<f64> {
    if xs.len() < 4 {
        return mean(xs);
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    mean(&v[1..v.len() - 1])
}

/// Each finished judge × entry index: `indexes[entry][judge]`.
pub fn judge_indexes(
    rubrik: &Rubrik,
    judges: &[JudgeSheets],
) -> BTreeMap<String, BTreeMap<String, f64>> {
    let mut out: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    for j in judges {
        for (entry, sheet) in &j.sheets {
            if let Some(ix) = sheet.index(rubrik) {
                out.entry(entry.clone())
                    .or_default()
                    .insert(j.juri.clone(), ix);
            }
        }
    }
    out
}

/// The aggregate index of every entry some judge finished.
pub fn aggregate(
    metode: Agregasi,
    indexes: &BTreeMap<String, BTreeMap<String, f64>>,
) -> BTreeMap<String, f64> {
    let values = |by_judge: &BTreeMap<String, f64>| by_judge.values().copied().collect::<Vec<_>>();
    match metode {
        Agregasi::RataRata => indexes
            .iter()
            .filter_map(|(e, j)| Some((e.clone(), mean(&values(j))?)))
            .collect(),
        Agregasi::Median => indexes
            .iter()
            .filter_map(|(e, j)| Some((e.clone(), median(&values(j))?)))
            .collect(),
        Agregasi::RataRataTerpangkas => indexes
            .iter()
            .filter_map(|(e, j)| Some((e.clone(), trimmed_mean(&values(j))?)))
            .collect(),
        Agregasi::ZSkor => {
            // Each judge's own mean and spread over the entries they finished.
            let mut by_judge: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
            let mut all = Vec::new();
            for judges in indexes.values() {
                for (j, &ix) in judges {
                    by_judge.entry(j.as_str()).or_default().push(ix);
                    all.push(ix);
                }
            }
            let stats: BTreeMap<&str, (f64, Option<f64>)> = by_judge
                .iter()
                .map(|(j, xs)| (*j, (mean(xs).unwrap_or(0.0), sample_sd(xs))))
                .collect();
            let mu = mean(&all).unwrap_or(0.0);
            let sigma = sample_sd(&all).unwrap_or(0.0);
            indexes
                .iter()
                .filter_map(|(e, judges)| {
                    let zs: Vec<f64> = judges
                        .iter()
                        .map(|(j, &ix)| match stats.get(j.as_str()) {
                            Some(&(m, Some(sd))) if sd > 0.0 => (ix - m) / sd,
                            _ => 0.0,
                        })
                        .collect();
                    Some((e.clone(), mu + sigma * mean(&zs)?))
                })
                .collect()
        }
    }
}

/// The mean score of a criterion over the judges who finished the entry (a tie-breaker).
fn criterion_mean(rubrik: &Rubrik, judges: &[JudgeSheets], entry: &str, kriteria: &str) -> f64 {
    let scores: Vec<f64> = judges
        .iter()
        .filter_map(|j| j.sheets.get(entry))
        .filter(|s| s.is_finished(rubrik))
        .filter_map(|s| s.skor.get(kriteria).copied())
        .collect();
    mean(&scores).unwrap_or(0.0)
}

pub fn rank(
    rubrik: &Rubrik,
    entries: &[EntryInfo],
    judges: &[JudgeSheets],
    metode: Agregasi,
    kategori: Kategori,
) -> Ranking {
    let indexes = judge_indexes(rubrik, judges);
    let aggregates = aggregate(metode, &indexes);
    let mut ranked: Vec<(Vec<f64>, Row)> = Vec::new();
    let mut unranked: Vec<Row> = Vec::new();
    for e in entries.iter().filter(|e| kategori.admits(e.jenis)) {
        let juri = indexes.get(&e.id).cloned().unwrap_or_default();
        let spread = match (
            juri.values().copied().reduce(f64::max),
            juri.values().copied().reduce(f64::min),
        ) {
            (Some(hi), Some(lo)) => hi - lo,
            _ => 0.0,
        };
        // An index that overflowed (weights or a scale no check allowed) ranks no one.
        let indeks = aggregates.get(&e.id).copied().filter(|ix| ix.is_finite());
        // Sorted, so that the lists never depend on the order judges are given in.
        let judges_where = |wanted: &dyn Fn(&JudgeSheets) -> bool| {
            let mut ids: Vec<String> = judges
                .iter()
                .filter(|j| wanted(j))
                .map(|j| j.juri.clone())
                .collect();
            ids.sort();
            ids
        };
        let row = Row {
            peringkat: None,
            id: e.id.clone(),
            opd: e.opd.clone(),
            jenis: e.jenis,
            indeks,
            nilai_100: indeks.map(|ix| to_100(rubrik, ix)),
            predikat: indeks
                .and_then(|ix| predikat(rubrik, ix))
                .map(|p| (p.kode.clone(), p.label.clone())),
            juri_konflik: judges_where(&|j| j.barred.contains(&e.id)),
            juri_belum: judges_where(&|j| !j.barred.contains(&e.id) && !juri.contains_key(&j.juri)),
            juri,
            seri: false,
            perlu_diskusi: spread > DISAGREEMENT_SPAN + 1e-9,
            nilai_tahap: BTreeMap::new(),
            berhenti_di: None,
            juara: None,
        };
        match indeks {
            Some(ix) => ranked.push((rank_key(rubrik, judges, &e.id, ix), row)),
            None => unranked.push(row),
        }
    }
    place(&mut ranked, 0);
    unranked.sort_by(|a, b| a.id.cmp(&b.id));
    let mut rows: Vec<Row> = ranked.into_iter().map(|(_, r)| r).collect();
    rows.extend(unranked);
    Ranking {
        metode,
        kategori,
        sementara: rows.iter().any(|r| !r.juri_belum.is_empty()),
        rows,
        staged: None,
    }
}

/// Sorts by key, best first (then by id), and gives places from `before + 1`: equal keys share a
/// place, the next place skips, and both are marked tied.
pub(crate) fn place(ranked: &mut [(Vec<f64>, Row)], before: usize) {
    ranked.sort_by(|(ka, a), (kb, b)| {
        kb.iter()
            .zip(ka.iter())
            .map(|(x, y)| x.total_cmp(y))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.id.cmp(&b.id))
    });
    for i in 0..ranked.len() {
        let tied_with_previous = i > 0 && ranked[i - 1].0 == ranked[i].0;
        let place = if tied_with_previous {
            ranked[i - 1].1.peringkat
        } else {
            Some(before + i + 1)
        };
        ranked[i].1.peringkat = place;
        if tied_with_previous {
            ranked[i].1.seri = true;
            ranked[i - 1].1.seri = true;
        }
    }
}

/// The key an entry is ranked by: its index, then the rubric's tie-breakers, each to 2 decimals
/// (compared as shown).
pub(crate) fn rank_key(rubrik: &Rubrik, judges: &[JudgeSheets], entry: &str, ix: f64) -> Vec<f64> {
    let mut key = vec![round2(ix)];
    key.extend(
        rubrik
            .pemecah_seri
            .iter()
            .map(|k| round2(criterion_mean(rubrik, judges, entry, k))),
    );
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_that_overflowed_ranks_no_one() {
        let mut rubrik = Rubrik::default();
        for k in &mut rubrik.kriteria {
            k.bobot = 1e308;
        }
        let mut sheets = BTreeMap::new();
        for id in ["a", "b"] {
            let mut sheet = Sheet::default();
            for k in &rubrik.kriteria {
                sheet.skor.insert(k.id.clone(), 3.0);
            }
            sheets.insert(id.to_string(), sheet);
        }
        let judges = [JudgeSheets {
            juri: "juri-1".into(),
            sheets,
            barred: Default::default(),
        }];
        let entries: Vec<EntryInfo> = ["a", "b"]
            .map(|id| EntryInfo {
                id: id.into(),
                opd: "x".into(),
                jenis: None,
            })
            .to_vec();
        let r = rank(
            &rubrik,
            &entries,
            &judges,
            Agregasi::RataRata,
            Kategori::Semua,
        );
        assert_eq!(r.rows.len(), 2);
        for row in &r.rows {
            assert_eq!(row.peringkat, None, "{}", row.id);
            assert_eq!(row.indeks, None, "{}", row.id);
        }
    }

    #[test]
    fn statistics() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(trimmed_mean(&[1.0, 2.0, 3.0]), Some(2.0));
        assert_eq!(trimmed_mean(&[1.0, 2.0, 3.0, 10.0]), Some(2.5));
        assert_eq!(sample_sd(&[2.0]), None);
        let sd = sample_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap_or(0.0);
        assert!((sd - 2.138_089_935).abs() < 1e-6);
    }
}
