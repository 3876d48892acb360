//! The seven steps are all there, once each, described, with their expected tools (T101-T104);
//! a priority matrix only in step 1 (T211).

use crate::diag::{Finding, Msg, Path};
use crate::model::names::suggest;
use crate::model::risalah::{Risalah, ToolData};
use crate::model::tools::{expected_tools, ToolKind};

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
            out.push(Finding::key(
                step.at.key("uraian"),
                Msg::StepNoDescription { nomor },
            ));
        }
        // A misspelt tool is reported once, as T208, not again as the tool that is missing.
        let misspelt: Vec<&str> = step
            .alat
            .iter()
            .filter_map(|a| match &a.data {
                ToolData::Unknown { jenis: Some(j) } => suggest(j, ToolKind::all_names()),
                _ => None,
            })
            .collect();
        let by_matrix = step.tool(ToolKind::MatriksPrioritas).is_some();
        if nomor != 1 {
            for alat in step
                .alat
                .iter()
                .filter(|a| a.kind == Some(ToolKind::MatriksPrioritas))
            {
                out.push(Finding::value(
                    alat.at.key("jenis"),
                    Msg::MatrixOutsideStep1 { nomor },
                ));
            }
        }
        for &tool in expected_tools(nomor) {
            let meant = misspelt
                .iter()
                .any(|name| ToolKind::parse(name) == Some(tool));
            // Second edition: a theme chosen by priority matrix needs no Pareto to be chosen from.
            let replaced = nomor == 1 && by_matrix && tool == ToolKind::DiagramPareto;
            if step.tool(tool).is_none() && !meant && !replaced {
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
