//! Each tool's own arithmetic and completeness (T201-T210).

use crate::diag::msg::{Limit, ParetoField};
use crate::diag::{Finding, Msg};
use crate::model::names::{is_other, norm};
use crate::model::risalah::{Alat, ToolData, FIVE_W_ONE_H};
use crate::model::stats::pearson;
use std::collections::HashSet;

/// Stated percentages may be this far from the computed ones (rounding).
const PERCENT_TOLERANCE: f64 = 0.5;
const CORRELATION_TOLERANCE: f64 = 0.05;

pub fn check(alat: &Alat, out: &mut Vec<Finding>) {
    match &alat.data {
        ToolData::CurahPendapat { ide } => {
            let mut seen = HashSet::new();
            for idea in ide {
                if !seen.insert(norm(&idea.value)) {
                    out.push(Finding::value(
                        idea.at.clone(),
                        Msg::DuplicateIdea {
                            idea: idea.value.clone(),
                        },
                    ));
                }
            }
        }
        ToolData::LembarPeriksa { baris, total, .. } => {
            for b in baris {
                if let Some(n) = b.jumlah {
                    if n < 0.0 || n.fract() != 0.0 {
                        out.push(Finding::value(
                            b.at.key("jumlah"),
                            Msg::BadCount { value: n },
                        ));
                    }
                }
            }
            if let Some(stated) = *total {
                if stated < 0.0 || stated.fract() != 0.0 {
                    out.push(Finding::value(
                        alat.at.key("total"),
                        Msg::BadCount { value: stated },
                    ));
                } else if baris.iter().all(|b| b.jumlah.is_some()) {
                    let sum: f64 = baris.iter().filter_map(|b| b.jumlah).sum();
                    if (sum - stated).abs() > 1e-9 {
                        out.push(Finding::value(
                            alat.at.key("total"),
                            Msg::TotalMismatch { stated, sum },
                        ));
                    }
                }
            }
        }
        ToolData::Pareto { butir } => pareto(butir, out),
        ToolData::SebabAkibat { akibat, kategori } => {
            if akibat.is_none() {
                out.push(Finding::key(alat.at.key("akibat"), Msg::FishboneNoEffect));
            }
            let found = kategori.iter().filter(|k| !k.penyebab.is_empty()).count();
            if found < 3 {
                out.push(Finding::key(
                    alat.at.key("kategori"),
                    Msg::FishboneFewCategories { found },
                ));
            }
        }
        ToolData::Histogram { data, .. } => {
            if data.len() < 5 {
                out.push(Finding::key(
                    alat.at.key("data"),
                    Msg::HistogramFew { n: data.len() },
                ));
            }
        }
        ToolData::Tebar { x, y, korelasi, .. } => {
            if x.len() != y.len() {
                out.push(Finding::key(
                    alat.at.key("y"),
                    Msg::ScatterLengths {
                        x: x.len(),
                        y: y.len(),
                    },
                ));
            } else if let (Some(stated), Some(computed)) = (*korelasi, pearson(x, y)) {
                if (stated - computed).abs() > CORRELATION_TOLERANCE {
                    out.push(Finding::value(
                        alat.at.key("korelasi"),
                        Msg::ScatterCorrelation { stated, computed },
                    ));
                }
            }
        }
        ToolData::Grafik {
            seri,
            batas_atas,
            batas_bawah,
        } => {
            for titik in seri {
                let Some(value) = titik.nilai else { continue };
                let side = match (*batas_atas, *batas_bawah) {
                    (Some(hi), _) if value > hi => Some((hi, Limit::Above)),
                    (_, Some(lo)) if value < lo => Some((lo, Limit::Below)),
                    _ => None,
                };
                if let Some((limit, side)) = side {
                    out.push(Finding::value(
                        titik.at.key("nilai"),
                        Msg::OutOfControl {
                            label: titik.label.clone().unwrap_or_default(),
                            value,
                            limit,
                            side,
                        },
                    ));
                }
            }
        }
        ToolData::Rencana { aksi } => {
            let mut ids = HashSet::new();
            for a in aksi {
                let name = a.id.as_ref().map_or("?", |t| t.value.as_str());
                if let Some(id) = &a.id {
                    if !ids.insert(norm(&id.value)) {
                        out.push(Finding::value(
                            id.at.clone(),
                            Msg::ActionDuplicateId {
                                aksi: id.value.clone(),
                            },
                        ));
                    }
                }
                for (element, value) in FIVE_W_ONE_H.iter().zip(&a.unsur) {
                    if value.is_none() {
                        out.push(Finding::key(
                            a.at.key(element),
                            Msg::ActionMissingElement {
                                aksi: name.to_string(),
                                element,
                            },
                        ));
                    }
                }
            }
        }
        ToolData::Alir { .. } | ToolData::Unknown { .. } => {}
    }
}

fn pareto(butir: &[crate::model::risalah::ParetoItem], out: &mut Vec<Finding>) {
    for b in butir {
        if let Some(n) = b.nilai.filter(|n| *n < 0.0) {
            out.push(Finding::value(
                b.at.key("nilai"),
                Msg::BadCount { value: n },
            ));
        }
    }
    // Sorted descending, but the catch-all item may close the list whatever its size.
    let mut previous: Option<f64> = None;
    for (i, b) in butir.iter().enumerate() {
        let Some(value) = b.nilai else { continue };
        let label = b.label.as_deref().unwrap_or("");
        let catch_all_last = i + 1 == butir.len() && is_other(label);
        if let Some(prev) = previous {
            if value > prev && !catch_all_last {
                out.push(Finding::value(
                    b.at.key("nilai"),
                    Msg::ParetoUnsorted {
                        label: label.to_string(),
                        value,
                        previous: prev,
                    },
                ));
                break;
            }
        }
        previous = Some(value);
    }
    if butir.iter().any(|b| b.nilai.is_none()) {
        return;
    }
    let total: f64 = butir.iter().filter_map(|b| b.nilai).sum();
    if total <= 0.0 {
        return;
    }
    let mut running = 0.0;
    for b in butir {
        let value = b.nilai.unwrap_or(0.0);
        running += value;
        let label = b.label.clone().unwrap_or_default();
        let checks = [
            (
                b.persen,
                value / total * 100.0,
                ParetoField::Persen,
                "persen",
            ),
            (
                b.kumulatif,
                running / total * 100.0,
                ParetoField::Kumulatif,
                "kumulatif",
            ),
        ];
        for (stated, computed, field, key) in checks {
            if let Some(stated) = stated {
                if (stated - computed).abs() > PERCENT_TOLERANCE {
                    out.push(Finding::value(
                        b.at.key(key),
                        Msg::ParetoPercent {
                            label: label.clone(),
                            field,
                            stated,
                            computed,
                        },
                    ));
                }
            }
        }
    }
}
