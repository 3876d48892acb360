//! The semantic checks of a risalah (T101-T311). Reading (T001-T007, T208) happens in `format`.

pub(crate) mod evidence;
mod flow;
mod record;
mod steps;
mod tools;

use crate::diag::Finding;
use crate::model::risalah::Risalah;

/// Every finding of the checks on one risalah, in the order of the steps.
pub fn check(r: &Risalah) -> Vec<Finding> {
    let mut out = Vec::new();
    steps::check(r, &mut out);
    for step in r.steps() {
        for alat in &step.alat {
            tools::check(alat, &mut out);
        }
    }
    flow::check(r, &mut out);
    record::check(r, &mut out);
    out
}
