//! Known answers for stages and awards (spec §8) on tables computed by hand: advancing with ties at
//! the cut, a failed pass/fail stage, the weighted final index, the order through eliminated
//! entries, Juara labels with ties and per category, special awards, and the provisional state;
//! and the property that the result does not depend on the order entries, judges or journal
//! lines come in.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop on the spot

use proptest::prelude::*;
use std::collections::BTreeMap;
use tulta_core::judging::competition::{Entry, Stage, StageKind};
use tulta_core::judging::ranking::{JudgeSheets, Kategori, Ranking, Row};
use tulta_core::judging::scoring::Sheet;
use tulta_core::judging::stages::{self, Blocked, Flow};
use tulta_core::model::lomba::{Agregasi, Khusus, Penghargaan, Ref};
use tulta_core::model::risalah::JenisKelompok::{self, Kelurahan, Opd};
use tulta_core::model::rubrik::{default_predikat, Kriteria, Rubrik};

/// Two criteria, K1 weighing 3 and K2 weighing 1; ties break on K2.
fn rubrik() -> Rubrik {
    let k = |id: &str, bobot: f64| Kriteria {
        id: id.into(),
        nama: id.into(),
        langkah: None,
        bobot,
        panduan: vec![],
    };
    Rubrik {
        min: 1.0,
        maks: 5.0,
        kriteria: vec![k("K1", 3.0), k("K2", 1.0)],
        predikat: default_predikat(),
        pemecah_seri: vec!["K2".into()],
    }
}

fn sheet(k1: f64, k2: f64) -> Sheet {
    let mut s = Sheet::default();
    s.skor.insert("K1".into(), k1);
    s.skor.insert("K2".into(), k2);
    s
}

/// A sheet whose index is `x` (both criteria `x`).
fn at(x: f64) -> Sheet {
    sheet(x, x)
}

fn entry(id: &str, jenis: JenisKelompok) -> Entry {
    Entry {
        id: id.into(),
        judul: id.into(),
        opd: format!("OPD {id}"),
        jenis: Some(jenis),
        tahun: Some(2026),
        file: format!("{id}.yaml"),
        error: None,
        lampiran: vec!["sk_kelompok".into()],
        benefits: Default::default(),
    }
}

fn scored(id: &str, bobot: f64, lolos: Option<usize>, juri: &[&str]) -> Stage {
    Stage {
        id: id.into(),
        nama: id.into(),
        kind: StageKind::Nilai {
            rubrik: rubrik(),
            bobot,
            lolos,
            menit: None,
            mulai: None,
            jeda: 0,
            juri: juri.iter().map(|j| j.to_string()).collect(),
        },
    }
}

fn syarat(lampiran: &[&str]) -> Stage {
    Stage {
        id: "adm".into(),
        nama: "Administrasi".into(),
        kind: StageKind::Syarat {
            lampiran: lampiran.iter().map(|l| l.to_string()).collect(),
        },
    }
}

/// Every judge's sheets, by stage: `(stage, judge, entry, sheet)`.
type Scores = Vec<(&'static str, &'static str, &'static str, Sheet)>;

fn sheets_of(scores: &Scores) -> impl Fn(&Stage) -> Vec<JudgeSheets> + '_ {
    move |stage: &Stage| {
        stage
            .judges()
            .iter()
            .map(|j| JudgeSheets {
                juri: j.clone(),
                sheets: scores
                    .iter()
                    .filter(|(s, jj, _, _)| *s == stage.id && jj == j)
                    .map(|(_, _, e, sh)| (e.to_string(), sh.clone()))
                    .collect(),
                barred: Default::default(),
            })
            .collect()
    }
}

struct Case {
    stages: Vec<Stage>,
    entries: Vec<Entry>,
    scores: Scores,
    penghargaan: Penghargaan,
}

impl Case {
    fn flow(&self) -> Flow {
        stages::flow(
            &self.stages,
            &self.entries,
            &sheets_of(&self.scores),
            Agregasi::RataRata,
        )
    }

    fn result(&self) -> Ranking {
        stages::result(
            &self.stages,
            &self.flow(),
            &self.entries,
            &sheets_of(&self.scores),
            &self.penghargaan,
            Agregasi::RataRata,
            Kategori::Semua,
        )
    }
}

fn row<'a>(r: &'a Ranking, id: &str) -> &'a Row {
    r.rows.iter().find(|x| x.id == id).expect(id)
}

fn juara() -> Vec<String> {
    ["Juara I", "Juara II", "Juara III", "Harapan I"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Administrasi → reading (the best 2 of each category advance) → gelar; two judges.
/// Reading indexes (both judges alike):
///   OPD:        O1 4.5  O2 4.0  O3 4.0  O4 3.0     (O2 and O3 tied at the cut)
///   kelurahan:  L1 4.0  L2 3.5  L3 3.0
/// O5 fails administrasi (an error); L4 lacks the lampiran the stage asks for.
fn staged_case() -> Case {
    let mut entries: Vec<Entry> = [
        ("O1", Opd),
        ("O2", Opd),
        ("O3", Opd),
        ("O4", Opd),
        ("O5", Opd),
        ("L1", Kelurahan),
        ("L2", Kelurahan),
        ("L3", Kelurahan),
        ("L4", Kelurahan),
    ]
    .iter()
    .map(|(id, j)| entry(id, *j))
    .collect();
    entries[4].error = Some("3:1 T101 langkah 4 tidak ada".into());
    entries[8].lampiran.clear();
    let reading = [
        ("O1", 4.5),
        ("O2", 4.0),
        ("O3", 4.0),
        ("O4", 3.0),
        ("L1", 4.0),
        ("L2", 3.5),
        ("L3", 3.0),
        ("O5", 5.0),
        ("L4", 5.0),
    ];
    let mut scores: Scores = Vec::new();
    for j in ["J1", "J2"] {
        for (e, x) in reading {
            scores.push(("r", j, e, at(x)));
        }
    }
    Case {
        stages: vec![
            syarat(&["sk_kelompok"]),
            scored("r", 60.0, Some(2), &["J1", "J2"]),
            scored("g", 40.0, None, &["J1", "J2"]),
        ],
        entries,
        scores,
        penghargaan: Penghargaan {
            juara: juara(),
            khusus: vec![],
        },
    }
}

fn ids(v: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = v.iter().map(String::as_str).collect();
    out.sort();
    out
}

#[test]
fn the_best_of_each_category_advance_with_everyone_tied_at_the_cut() {
    let case = staged_case();
    let flow = case.flow();
    let adm = flow.stage("adm").unwrap();
    assert_eq!(
        ids(&adm.advanced),
        ["L1", "L2", "L3", "O1", "O2", "O3", "O4"]
    );
    let r = flow.stage("r").unwrap();
    assert!(r.is_final);
    assert_eq!(ids(&r.advanced), ["L1", "L2", "O1", "O2", "O3"]);
    assert_eq!(
        ids(&flow.stage("g").unwrap().reached),
        ["L1", "L2", "O1", "O2", "O3"]
    );
    assert_eq!(
        flow.blocked("O4", "g"),
        Some(Blocked::Eliminated { tahap: "r".into() })
    );
}

#[test]
fn an_entry_failing_administrasi_stops_there_unranked_and_last() {
    let case = staged_case();
    let flow = case.flow();
    for e in ["O5", "L4"] {
        assert_eq!(
            flow.blocked(e, "r"),
            Some(Blocked::Failed {
                tahap: "adm".into()
            })
        );
    }
    let why = case.stages[0]
        .fails(&case.entries[8], tulta_core::i18n::Lang::En)
        .unwrap();
    assert!(why.contains("sk_kelompok"), "{why}");
    let result = case.result();
    let last: Vec<&str> = result.rows[result.rows.len() - 2..]
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(last, ["L4", "O5"]);
    for e in ["O5", "L4"] {
        assert_eq!(row(&result, e).peringkat, None);
        assert_eq!(row(&result, e).berhenti_di.as_deref(), Some("adm"));
        // Their reading scores count nowhere.
        assert!(row(&result, e).nilai_tahap.is_empty());
    }
}

/// The gelar finished by both judges: O1 3.0, O2 4.5, O3 4.0, L1 3.5, L2 4.5.
fn finished_gelar() -> Case {
    let mut case = staged_case();
    for j in ["J1", "J2"] {
        for (e, x) in [
            ("O1", 3.0),
            ("O2", 4.5),
            ("O3", 4.0),
            ("L1", 3.5),
            ("L2", 4.5),
        ] {
            case.scores.push(("g", j, e, at(x)));
        }
    }
    case
}

#[test]
fn the_final_index_weighs_the_stages_and_orders_through_eliminated_entries() {
    let result = finished_gelar().result();
    assert!(!result.sementara);
    // Final = (60 × reading + 40 × gelar) / 100.
    let expect = [
        ("O2", 4.0 * 0.6 + 4.5 * 0.4), // 4.20
        ("L2", 3.5 * 0.6 + 4.5 * 0.4), // 3.90
        ("O3", 4.0 * 0.6 + 4.0 * 0.4), // 4.00
        ("O1", 4.5 * 0.6 + 3.0 * 0.4), // 3.90
        ("L1", 4.0 * 0.6 + 3.5 * 0.4), // 3.80
    ];
    for (e, x) in expect {
        let got = row(&result, e).indeks.unwrap();
        assert!((got - x).abs() < 1e-9, "{e}: {got} ≠ {x}");
        assert_eq!(row(&result, e).berhenti_di, None);
    }
    let order: Vec<(&str, Option<usize>)> = result
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.peringkat))
        .collect();
    // O1 and L2 tie at 3.90; the tie-breaker is the reading's K2 mean: O1 4.5 over L2 3.5.
    // Then the eliminated O4 (3.0) and L3 (3.0) tie, ranks continuing; the failed last.
    assert_eq!(
        order,
        [
            ("O2", Some(1)),
            ("O3", Some(2)),
            ("O1", Some(3)),
            ("L2", Some(4)),
            ("L1", Some(5)),
            ("L3", Some(6)),
            ("O4", Some(6)),
            ("L4", None),
            ("O5", None),
        ]
    );
    assert_eq!(row(&result, "O4").berhenti_di.as_deref(), Some("r"));
    assert_eq!(row(&result, "O4").indeks, None);
    assert_eq!(row(&result, "O4").nilai_tahap.get("r"), Some(&3.0));
    assert!(row(&result, "O4").seri && row(&result, "L3").seri);
}

#[test]
fn juara_labels_go_to_finalists_by_place_within_their_category() {
    let result = finished_gelar().result();
    let label = |e: &str| row(&result, e).juara.clone();
    assert_eq!(label("O2").as_deref(), Some("Juara I"));
    assert_eq!(label("O3").as_deref(), Some("Juara II"));
    assert_eq!(label("O1").as_deref(), Some("Juara III"));
    assert_eq!(label("L2").as_deref(), Some("Juara I"));
    assert_eq!(label("L1").as_deref(), Some("Juara II"));
    // Eliminated entries get no label, even when places are left.
    assert_eq!(label("L3"), None);
    assert_eq!(label("O4"), None);
}

#[test]
fn tied_finalists_share_a_label_and_the_next_is_skipped() {
    // One stage, four finalists of one category at 4.5, 4.0, 4.0, 3.5: places 1, 2, 2, 4.
    let entries: Vec<Entry> = ["A", "B", "C", "D"]
        .iter()
        .map(|id| entry(id, Opd))
        .collect();
    let scores: Scores = [("A", 4.5), ("B", 4.0), ("C", 4.0), ("D", 3.5)]
        .into_iter()
        .map(|(e, x)| ("r", "J1", e, at(x)))
        .collect();
    let case = Case {
        stages: vec![scored("r", 1.0, None, &["J1"])],
        entries,
        scores,
        penghargaan: Penghargaan {
            juara: juara(),
            khusus: vec![],
        },
    };
    let result = case.result();
    let labels: Vec<(&str, Option<usize>, Option<&str>)> = result
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.peringkat, r.juara.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("A", Some(1), Some("Juara I")),
            ("B", Some(2), Some("Juara II")),
            ("C", Some(2), Some("Juara II")),
            ("D", Some(4), Some("Harapan I")),
        ]
    );
}

#[test]
fn a_special_award_is_the_best_mean_of_its_criteria_ties_sharing() {
    let mut case = finished_gelar();
    // On K2 alone in the gelar: J1 and J2 agree except on L2, where J2 gives 5.0.
    case.scores
        .retain(|(s, j, e, _)| !(*s == "g" && *j == "J2" && *e == "L2"));
    case.scores.push(("g", "J2", "L2", sheet(4.5, 5.0)));
    let award = |kriteria: &[&str]| Khusus {
        id: "kreatif".into(),
        nama: "KBK Kreatif".into(),
        tahap: Ref {
            id: "g".into(),
            ..Default::default()
        },
        kriteria: kriteria
            .iter()
            .map(|k| Ref {
                id: k.to_string(),
                ..Default::default()
            })
            .collect(),
    };
    case.penghargaan.khusus = vec![award(&["K2"])];
    let result = case.result();
    let won = &result.staged.as_ref().unwrap().penghargaan[0];
    // L2: (4.5 + 5.0) / 2 = 4.75 beats O2's 4.5.
    assert_eq!(won.pemenang, ["L2"]);
    assert_eq!(won.nilai, Some(4.75));
    // On K1 alone, L2 and O2 both have 4.5 from both judges.
    case.penghargaan.khusus = vec![award(&["K1"])];
    let won = case.result().staged.unwrap().penghargaan[0].clone();
    assert_eq!(won.pemenang, ["L2", "O2"], "ties share the award");
    assert_eq!(won.nilai, Some(4.5));
}

#[test]
fn provisional_until_every_judge_of_the_stage_has_finished() {
    let mut case = staged_case();
    // J2 has not finished O4 in the reading.
    case.scores
        .retain(|(s, j, e, _)| !(*s == "r" && *j == "J2" && *e == "O4"));
    let mut partial = Sheet::default();
    partial.skor.insert("K1".into(), 3.0);
    case.scores.push(("r", "J2", "O4", partial));
    let flow = case.flow();
    let r = flow.stage("r").unwrap();
    assert!(!r.is_final);
    assert_eq!(r.remaining, 1);
    assert!(r.advanced.is_empty());
    assert_eq!(
        flow.blocked("O1", "g"),
        Some(Blocked::NotFinal {
            tahap: "r".into(),
            remaining: 1
        })
    );
    let result = case.result();
    assert!(result.sementara);
    assert!(result.rows.iter().all(|r| r.juara.is_none()));
    let stage_r = result
        .staged
        .as_ref()
        .unwrap()
        .stages
        .iter()
        .find(|s| s.id == "r")
        .unwrap();
    assert!(!stage_r.is_final);
    // A judge who will not finish is taken off the stage's list: the stage is final.
    case.stages[1] = scored("r", 60.0, Some(2), &["J1"]);
    assert!(case.flow().stage("r").unwrap().is_final);
}

#[test]
fn the_draw_is_the_same_for_a_seed_and_another_for_another_seed() {
    let entries: Vec<String> = (1..=12).map(|i| format!("e{i:02}")).collect();
    let a = stages::draw(&entries, 20261202);
    assert_eq!(a, stages::draw(&entries, 20261202));
    let mut shuffled = entries.clone();
    shuffled.reverse();
    assert_eq!(
        a,
        stages::draw(&shuffled, 20261202),
        "the input order does not matter"
    );
    assert_ne!(a, stages::draw(&entries, 20261203));
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(sorted, entries, "a permutation of the entries");
}

/// Place, label and stopping stage of an entry.
type Outcome = (Option<usize>, Option<String>, Option<String>);

proptest! {
    /// Shuffling the entries, the judges and the order their journal lines are replayed in
    /// changes nothing in the final result.
    #[test]
    fn the_result_does_not_depend_on_order(
        reading in proptest::collection::vec((1u8..=10, 1u8..=10), 8),
        gelar in proptest::collection::vec((1u8..=10, 1u8..=10), 8),
        seed in any::<u64>(),
    ) {
        let half = |n: u8| f64::from(n) / 2.0;
        let names = ["A", "B", "C", "D", "E", "F", "G", "H"];
        let mut scores: Scores = Vec::new();
        for (i, e) in names.iter().enumerate() {
            for (k, j) in ["J1", "J2"].iter().enumerate() {
                let (a, b) = reading[i];
                scores.push(("r", j, e, sheet(half(a), half(b.saturating_add(k as u8).min(10)))));
                let (c, d) = gelar[i];
                scores.push(("g", j, e, sheet(half(c), half(d))));
            }
        }
        let entries: Vec<Entry> = names
            .iter()
            .enumerate()
            .map(|(i, id)| entry(id, if i % 2 == 0 { Opd } else { Kelurahan }))
            .collect();
        let case = Case {
            stages: vec![
                scored("r", 60.0, Some(2), &["J1", "J2"]),
                scored("g", 40.0, None, &["J1", "J2"]),
            ],
            entries,
            scores,
            penghargaan: Penghargaan { juara: juara(), khusus: vec![] },
        };
        let before = case.result();
        let order = stages::draw(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>(), seed);
        let mut moved = Case {
            stages: vec![
                scored("r", 60.0, Some(2), &["J2", "J1"]),
                scored("g", 40.0, None, &["J2", "J1"]),
            ],
            entries: order
                .iter()
                .map(|id| case.entries.iter().find(|e| &e.id == id).unwrap().clone())
                .collect(),
            scores: case.scores.clone(),
            penghargaan: case.penghargaan.clone(),
        };
        moved.scores.reverse();
        let after = moved.result();
        let key = |r: &Ranking| -> BTreeMap<String, Outcome> {
            r.rows
                .iter()
                .map(|x| (x.id.clone(), (x.peringkat, x.juara.clone(), x.berhenti_di.clone())))
                .collect()
        };
        prop_assert_eq!(key(&before), key(&after));
        let listed = |r: &Ranking| r.rows.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(listed(&before), listed(&after));
    }
}
