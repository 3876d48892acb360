//! The walk-through of one report: which step, which pane, which tab of the step, how far scrolled.

use super::library::Opened;
use tulta_core::model::risalah::{Langkah, ToolData};
use tulta_core::model::tools::ToolKind;

/// What a step's right-hand pane can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The step's text and its own fields (theme, target, causes, log, results, standards).
    Summary,
    /// The step's `i`-th tool.
    Tool(usize),
    /// Step 6: the cause counts of step 3 against those of step 6, and the indicator before/after.
    BeforeAfter,
    /// The judge's checklist and the findings located in the step.
    Check,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Steps,
    Content,
    /// The scoring panel (when a judge is scoring this entry).
    Panel,
}

#[derive(Debug)]
pub struct Walk {
    pub opened: Opened,
    /// The overview row it was opened from, for next / previous.
    pub row: Option<usize>,
    /// 1..=7.
    pub step: usize,
    pub pane: Pane,
    pub tab: usize,
    pub scroll: u16,
    /// Selected finding in the Check tab.
    pub finding: usize,
}

impl Walk {
    pub fn new(opened: Opened, row: Option<usize>, step: usize) -> Walk {
        Walk {
            opened,
            row,
            step: step.clamp(1, 7),
            pane: Pane::Steps,
            tab: 0,
            scroll: 0,
            finding: 0,
        }
    }

    pub fn langkah(&self) -> Option<&Langkah> {
        self.opened.risalah.as_ref()?.step(self.step as i64)
    }

    pub fn tabs(&self) -> Vec<Tab> {
        let mut tabs = vec![Tab::Summary];
        if let Some(step) = self.langkah() {
            tabs.extend((0..step.alat.len()).map(Tab::Tool));
        }
        if self.step == 6 && self.has_before_after() {
            tabs.push(Tab::BeforeAfter);
        }
        tabs.push(Tab::Check);
        tabs
    }

    pub fn current_tab(&self) -> Tab {
        let tabs = self.tabs();
        tabs.get(self.tab).copied().unwrap_or(Tab::Summary)
    }

    fn has_before_after(&self) -> bool {
        let r = self.opened.risalah.as_ref();
        let pareto = |n| {
            r.and_then(|r| r.step(n))
                .and_then(|s| s.tool(ToolKind::DiagramPareto))
                .is_some_and(|a| matches!(a.data, ToolData::Pareto { .. }))
        };
        let hasil = r
            .and_then(|r| r.step(6))
            .and_then(|s| s.hasil.as_ref())
            .is_some_and(|h| h.sebelum.is_some() && h.sesudah.is_some());
        (pareto(3) && pareto(6)) || hasil
    }

    pub fn go_step(&mut self, step: usize) {
        let step = step.clamp(1, 7);
        if step != self.step {
            self.step = step;
            self.tab = 0;
            self.scroll = 0;
            self.finding = 0;
        }
    }

    pub fn go_tab(&mut self, tab: usize) {
        let n = self.tabs().len();
        let tab = tab.min(n.saturating_sub(1));
        if tab != self.tab {
            self.tab = tab;
            self.scroll = 0;
            self.finding = 0;
        }
    }

    pub fn next_tab(&mut self, forward: bool) {
        let n = self.tabs().len();
        let t = if forward {
            (self.tab + 1) % n
        } else {
            (self.tab + n - 1) % n
        };
        self.go_tab(t);
    }

    /// Opens the Check tab of the step (where findings are listed).
    pub fn show_findings(&mut self) {
        let last = self.tabs().len().saturating_sub(1);
        self.go_tab(last);
        self.pane = Pane::Content;
    }

    pub fn findings_here(&self) -> usize {
        self.opened.findings_in(Some(self.step)).len()
    }

    /// Moves within the content: the finding selection on the Check tab, else the scroll.
    pub fn move_by(&mut self, delta: i32) {
        if self.current_tab() == Tab::Check && self.findings_here() > 0 {
            let n = self.findings_here() as i32;
            self.finding = (self.finding as i32 + delta).clamp(0, n - 1) as usize;
        } else {
            self.scroll = (i32::from(self.scroll) + delta).clamp(0, 2000) as u16;
        }
    }
}
