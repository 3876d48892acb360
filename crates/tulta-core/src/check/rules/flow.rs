//! Does each step follow from the one before? (T301-T309)

use crate::diag::{Finding, Msg};
use crate::model::names::{norm, same};
use crate::model::risalah::{Langkah, ParetoItem, Risalah, Text, ToolData};
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
    let Some(tema) = &step1.tema else { return };
    // Second edition: a priority matrix, when step 1 has one, is what the theme was chosen by.
    if let Some(alat) = step1.tool(ToolKind::MatriksPrioritas) {
        if let ToolData::Matriks { calon, .. } = &alat.data {
            let scored = calon
                .iter()
                .map(|c| (c.masalah.as_ref().map(|m| m.value.as_str()), c.score()));
            theme_is_top(tema, scored, out, |tema, top| Msg::ThemeNotTopOfMatrix {
                tema,
                top,
            });
        }
        return;
    }
    let Some(items) = pareto(step1) else { return };
    let scored = items.iter().map(|b| (b.label.as_deref(), b.nilai));
    theme_is_top(tema, scored, out, |tema, top| Msg::ThemeNotTop {
        tema,
        top,
    });
}

/// T301: the theme is one of the (label, value) pairs with the largest value.
fn theme_is_top<'a>(
    tema: &Text,
    scored: impl Iterator<Item = (Option<&'a str>, Option<f64>)> + Clone,
    out: &mut Vec<Finding>,
    msg: impl FnOnce(String, String) -> Msg,
) {
    let Some(max) = scored.clone().filter_map(|(_, v)| v).reduce(f64::max) else {
        return;
    };
    let tops: Vec<&str> = scored
        .filter(|(_, v)| v.is_some_and(|v| (v - max).abs() < 1e-9))
        .filter_map(|(label, _)| label)
        .collect();
    if !tops.is_empty() && !tops.iter().any(|top| same(top, &tema.value)) {
        out.push(Finding::value(
            tema.at.clone(),
            msg(tema.value.clone(), tops[0].to_string()),
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
