//! The seven steps are all there, once each, described, with their expected tools (T101-T104).

use crate::diag::{Finding, Msg, Path};
use crate::domain::risalah::Risalah;
use crate::domain::tools::expected_tools;

pub fn check(r: &Risalah, out: &mut Vec<Finding>) {
    let Some(steps) = &r.langkah else {
        return;
    };
    let mut seen = [false; 8];
    for step in steps {
        let Some(nomor) = step.nomor else { continue };
        let nomor_at = step.at.key("nomor");
        if !(1..=7).contains(&nomor) {
            out.push(Finding::value(nomor_at, Msg::StepOutOfRange { nomor }));
            continue;
        }
        if std::mem::replace(&mut seen[nomor as usize], true) {
            out.push(Finding::value(nomor_at, Msg::StepDuplicate { nomor }));
            continue;
        }
        if step.uraian.is_none() {
            out.push(Finding::key(step.at.key("uraian"), Msg::StepNoDescription { nomor }));
        }
        for &tool in expected_tools(nomor) {
            if step.tool(tool).is_none() {
                out.push(Finding::key(
                    step.at.key("alat"),
                    Msg::ToolAbsent {
                        nomor,
                        tool: tool.id(),
                    },
                ));
            }
        }
    }
    let langkah_at = Path::root().key("langkah");
    for nomor in 1..=7 {
        if !seen[nomor as usize] {
            out.push(Finding::key(langkah_at.clone(), Msg::StepMissing { nomor }));
        }
    }
}
