//! Does each step follow from the one before? (T301-T309)

use crate::diag::{Finding, Msg};
use crate::model::names::{norm, same};
use crate::model::risalah::{Calon, Langkah, ParetoItem, Risalah, Text, ToolData};
use crate::model::tools::ToolKind;

/// The vital few of a Pareto end where the cumulative share passes this.
const VITAL_FEW_PERCENT: f64 = 80.0;

fn pareto(step: &Langkah) -> Option<&[ParetoItem]> {
    match &step.tool(ToolKind::DiagramPareto)?.data {
        ToolData::Pareto { butir } => Some(butir),
        _ => None,
    }
}

pub fn check(r: &Risalah, out: &mut Vec<Finding>) {
    let step1 = r.step(1);
    let step3 = r.step(3);
    theme_is_top_item(step1, out);
    if let Some(step3) = step3 {
        dominant_causes(r, step3, out);
    }
    planned_actions(r, out);
    if let Some(step6) = r.step(6) {
        results(step1, step6, out);
    }
    if let Some(step7) = r.step(7) {
        if step7.standar.as_ref().is_none_or(|s| s.is_empty()) {
            out.push(Finding::key(step7.at.key("standar"), Msg::NoStandard));
        }
        if step7.tema_berikutnya.is_none() {
            out.push(Finding::key(
                step7.at.key("tema_berikutnya"),
                Msg::NoNextTheme,
            ));
        }
    }
}

fn theme_is_top_item(step1: Option<&Langkah>, out: &mut Vec<Finding>) {
    let Some(step1) = step1 else { return };
    // Second edition: a priority matrix, when step 1 has one, is what the theme was chosen by.
    if let Some(alat) = step1.tool(ToolKind::MatriksPrioritas) {
        if let (Some(tema), ToolData::Matriks { calon, .. }) = (&step1.tema, &alat.data) {
            theme_is_top_candidate(tema, calon, out);
        }
        return;
    }
    let (Some(tema), Some(items)) = (&step1.tema, pareto(step1)) else {
        return;
    };
    let Some(max) = items.iter().filter_map(|b| b.nilai).reduce(f64::max) else {
        return;
    };
    let tops: Vec<&str> = items
        .iter()
        .filter(|b| b.nilai == Some(max))
        .filter_map(|b| b.label.as_deref())
        .collect();
    if !tops.is_empty() && !tops.iter().any(|top| same(top, &tema.value)) {
        out.push(Finding::value(
            tema.at.clone(),
            Msg::ThemeNotTop {
                tema: tema.value.clone(),
                top: tops[0].to_string(),
            },
        ));
    }
}

fn theme_is_top_candidate(tema: &Text, calon: &[Calon], out: &mut Vec<Finding>) {
    let Some(max) = calon.iter().filter_map(Calon::score).reduce(f64::max) else {
        return;
    };
    let tops: Vec<&str> = calon
        .iter()
        .filter(|c| c.score().is_some_and(|s| (s - max).abs() < 1e-9))
        .filter_map(|c| c.masalah.as_ref().map(|m| m.value.as_str()))
        .collect();
    if !tops.is_empty() && !tops.iter().any(|top| same(top, &tema.value)) {
        out.push(Finding::value(
            tema.at.clone(),
            Msg::ThemeNotTopOfMatrix {
                tema: tema.value.clone(),
                top: tops[0].to_string(),
            },
        ));
    }
}

fn dominant_causes(r: &Risalah, step3: &Langkah, out: &mut Vec<Finding>) {
    let Some(causes) = &step3.penyebab_dominan else {
        return;
    };
    let fishbone: Option<Vec<String>> = r
        .step(2)
        .and_then(|s| s.tool(ToolKind::SebabAkibat))
        .and_then(|a| match &a.data {
            ToolData::SebabAkibat { kategori, .. } => Some(
                kategori
                    .iter()
                    .flat_map(|k| k.penyebab.iter().map(|p| norm(&p.value)))
                    .collect(),
            ),
            _ => None,
        });
    // Cumulative share before each item, by normalised label.
    let vital: Option<Vec<(String, f64)>> = pareto(step3).and_then(|items| {
        let total: f64 = items.iter().filter_map(|b| b.nilai).sum();
        (total > 0.0).then(|| {
            let mut running = 0.0;
            items
                .iter()
                .map(|b| {
                    let before = running / total * 100.0;
                    running += b.nilai.unwrap_or(0.0);
                    (norm(b.label.as_deref().unwrap_or("")), before)
                })
                .collect()
        })
    });
    let step4 = r.step(4);
    let action_causes: Vec<String> = step4
        .map(|s| {
            s.alat
                .iter()
                .filter_map(|a| match &a.data {
                    ToolData::Rencana { aksi } => Some(aksi),
                    _ => None,
                })
                .flatten()
                .filter_map(|a| a.penyebab.as_ref().map(|p| norm(&p.value)))
                .collect()
        })
        .unwrap_or_default();
    for cause in causes {
        let key = norm(&cause.value);
        if let Some(fishbone) = &fishbone {
            if !fishbone.contains(&key) {
                out.push(Finding::value(
                    cause.at.clone(),
                    Msg::CauseNotInFishbone {
                        cause: cause.value.clone(),
                    },
                ));
            }
        }
        if let Some(vital) = &vital {
            let before = vital
                .iter()
                .find(|(label, _)| *label == key)
                .map(|(_, b)| *b);
            if before.is_none_or(|b| b > VITAL_FEW_PERCENT + 1e-9) {
                out.push(Finding::value(
                    cause.at.clone(),
                    Msg::CauseNotVital {
                        cause: cause.value.clone(),
                        before,
                    },
                ));
            }
        }
        if step4.is_some() && !action_causes.contains(&key) {
            out.push(Finding::value(
                cause.at.clone(),
                Msg::CauseNoAction {
                    cause: cause.value.clone(),
                },
            ));
        }
    }
}

fn planned_actions(r: &Risalah, out: &mut Vec<Finding>) {
    let plans: Vec<String> = r
        .step(4)
        .into_iter()
        .flat_map(|s| &s.alat)
        .filter_map(|a| match &a.data {
            ToolData::Rencana { aksi } => Some(aksi),
            _ => None,
        })
        .flatten()
        .filter_map(|a| a.id.as_ref().map(|id| norm(&id.value)))
        .collect();
    let has_plan = r
        .step(4)
        .is_some_and(|s| s.tool(ToolKind::Rencana5w1h).is_some());
    if !has_plan {
        return;
    }
    let Some(done) = r.step(5).and_then(|s| s.pelaksanaan.as_ref()) else {
        return;
    };
    for p in done {
        if let Some(aksi) = &p.aksi {
            if !plans.contains(&norm(&aksi.value)) {
                out.push(Finding::value(
                    aksi.at.clone(),
                    Msg::UnplannedAction {
                        aksi: aksi.value.clone(),
                    },
                ));
            }
        }
    }
}

fn results(step1: Option<&Langkah>, step6: &Langkah, out: &mut Vec<Finding>) {
    let (Some(target), Some(hasil)) = (step1.and_then(|s| s.target.as_ref()), &step6.hasil) else {
        return;
    };
    let pairs = [
        ("indikator", &hasil.indikator, &target.indikator),
        ("satuan", &hasil.satuan, &target.satuan),
    ];
    for (field, step6_value, step1_value) in pairs {
        if let (Some(now), Some(then)) = (step6_value, step1_value) {
            if !same(&now.value, &then.value) {
                out.push(Finding::value(
                    now.at.clone(),
                    Msg::IndicatorDiffers {
                        field,
                        step6: now.value.clone(),
                        step1: then.value.clone(),
                    },
                ));
            }
        }
    }
    let (Some(awal), Some(sasaran), Some(sesudah)) = (target.awal, target.sasaran, hasil.sesudah)
    else {
        return;
    };
    let lower_is_better = sasaran < awal;
    let met = if lower_is_better {
        sesudah <= sasaran
    } else {
        sesudah >= sasaran
    };
    if !met {
        out.push(Finding::value(
            hasil.at.key("sesudah"),
            Msg::TargetMissed {
                sasaran,
                sesudah,
                satuan: target
                    .satuan
                    .as_ref()
                    .map(|s| s.value.clone())
                    .unwrap_or_default(),
            },
        ));
    }
}
