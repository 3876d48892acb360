//! The walk-through of one report: which step, which pane, which tab of the step, how far scrolled.

use super::library::{Opened, Origin};
use tulta_core::check::Refusal;
use tulta_core::i18n::Lang;
use tulta_core::model::risalah::{Lampiran, Langkah, ToolData};
use tulta_core::model::tools::ToolKind;

/// What a step's right-hand pane can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// In a gelar (a stage with `menit`): the group's slot, its clock and its `penyajian`
    /// (yel-yel, fragmen), beside the scoring panel (spec §8, the gelar day).
    Penyajian,
    /// The step's text and its own fields (theme, target, causes, log, results, standards).
    Summary,
    /// The step's `i`-th tool.
    Tool(usize),
    /// Step 6: the cause counts of step 3 against those of step 6, and the indicator before/after.
    BeforeAfter,
    /// The evidence files of the step, then those of the whole report.
    Lampiran,
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
    /// Selected evidence file in the Lampiran tab.
    pub attachment: usize,
    /// The report is walked in a gelar: its presentation comes first.
    pub gelar: bool,
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
            attachment: 0,
            gelar: false,
        }
    }

    pub fn langkah(&self) -> Option<&Langkah> {
        self.opened.risalah.as_ref()?.step(self.step as i64)
    }

    pub fn tabs(&self) -> Vec<Tab> {
        let mut tabs = Vec::new();
        if self.gelar
            && self
                .opened
                .risalah
                .as_ref()
                .is_some_and(|r| r.penyajian.is_some())
        {
            tabs.push(Tab::Penyajian);
        }
        tabs.push(Tab::Summary);
        if let Some(step) = self.langkah() {
            tabs.extend((0..step.alat.len()).map(Tab::Tool));
        }
        if self.step == 6 && self.has_before_after() {
            tabs.push(Tab::BeforeAfter);
        }
        if !self.attachments().is_empty() {
            tabs.push(Tab::Lampiran);
        }
        tabs.push(Tab::Check);
        tabs
    }

    pub fn current_tab(&self) -> Tab {
        let tabs = self.tabs();
        tabs.get(self.tab).copied().unwrap_or(Tab::Summary)
    }

    /// The evidence files shown with this step: its own (`langkah: n`), then the report's general
    /// ones (no `langkah`), so the group's decree is at hand from any step.
    pub fn attachments(&self) -> Vec<&Lampiran> {
        let Some(r) = &self.opened.risalah else {
            return Vec::new();
        };
        let step = self.step as i64;
        let own = r.lampiran.iter().filter(|l| l.langkah == Some(step));
        let general = r.lampiran.iter().filter(|l| l.langkah.is_none());
        own.chain(general).collect()
    }

    /// The file the system's opener may be given for `l`, or why not: tulta-core's rule, with the
    /// root the report was found under.
    pub fn openable(
        &self,
        root: Option<&std::path::Path>,
        l: &Lampiran,
    ) -> Result<std::path::PathBuf, Refusal> {
        let berkas = l.berkas.as_ref().map_or("", |b| b.value.as_str());
        if berkas.is_empty() {
            return Err(Refusal::Missing);
        }
        let on_disk = match (&self.opened.origin, root) {
            (Origin::Disk(file), Some(root)) => Some((root, file.as_path())),
            _ => None,
        };
        tulta_core::check::openable(on_disk, berkas)
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
            // A step opens on its summary; the gelar's presentation stays one ← away.
            self.tab = usize::from(self.tabs().first() == Some(&Tab::Penyajian));
            self.scroll = 0;
            self.finding = 0;
            self.attachment = 0;
        }
    }

    pub fn go_tab(&mut self, tab: usize) {
        let n = self.tabs().len();
        let tab = tab.min(n.saturating_sub(1));
        if tab != self.tab {
            self.tab = tab;
            self.scroll = 0;
            self.finding = 0;
            self.attachment = 0;
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

    /// Shows the Lampiran tab of the step, if it has one.
    pub fn show_attachments(&mut self) -> bool {
        match self.tabs().iter().position(|&t| t == Tab::Lampiran) {
            Some(i) => {
                self.go_tab(i);
                self.pane = Pane::Content;
                true
            }
            None => false,
        }
    }

    /// Moves within the content: the finding selection on the Check tab, the file on the
    /// Lampiran tab, else the scroll.
    pub fn move_by(&mut self, delta: i32) {
        if self.current_tab() == Tab::Lampiran {
            let n = self.attachments().len() as i32;
            self.attachment = (self.attachment as i32 + delta).clamp(0, (n - 1).max(0)) as usize;
        } else if self.current_tab() == Tab::Check && self.findings_here() > 0 {
            let n = self.findings_here() as i32;
            self.finding = (self.finding as i32 + delta).clamp(0, n - 1) as usize;
        } else {
            self.scroll = (i32::from(self.scroll) + delta).clamp(0, 2000) as u16;
        }
    }
}

impl super::App {
    /// Whether the walk-through's entry has a scoring panel that takes focus.
    fn panel_open(&self) -> bool {
        let Some(id) = self
            .walk
            .as_ref()
            .and_then(|w| w.opened.risalah.as_ref())
            .map(|r| r.id_str())
        else {
            return false;
        };
        self.judge
            .as_ref()
            .is_some_and(|j| j.has_panel(id) && j.bar(id).is_none())
    }

    /// Shows step `n`; the panel's ▶ moves to that step's criterion only when the step changes,
    /// so it never moves without the step moving on screen with it.
    pub(super) fn walk_to_step(&mut self, n: usize) {
        let Some(w) = &mut self.walk else { return };
        let before = w.step;
        w.go_step(n);
        let after = w.step;
        if after != before {
            if let Some(j) = &mut self.judge {
                if j.note.is_none() {
                    let _ = j.follow_step(after);
                }
            }
        }
    }

    /// The next (or previous) report of the overview's list, at the same step, pane and
    /// criterion: a judge going through the entries criterion by criterion keeps the place.
    fn next_entry(&mut self, forward: bool) {
        let Some(w) = &self.walk else { return };
        let (step, pane) = (w.step, w.pane);
        let Some(row) = w.row else { return };
        let ov = &self.overview;
        let Some(pos) = ov.visible.iter().position(|&i| i == row) else {
            return;
        };
        let next = if forward {
            pos + 1
        } else {
            pos.wrapping_sub(1)
        };
        let Some(&next_row) = ov.visible.get(next) else {
            return;
        };
        self.open_keeping_place(next_row, step, pane);
    }

    /// Opens `row` at `step`, keeping the pane and the panel's criterion, so scoring goes on
    /// where it was (the content pane when the new entry has no panel).
    fn open_keeping_place(&mut self, row: usize, step: usize, pane: Pane) {
        let cursor = self.judge.as_ref().map(|j| j.cursor);
        self.open_row(row, step);
        let opened = self.scoring_entry();
        if let (Some(j), Some(cursor)) = (&mut self.judge, cursor) {
            j.cursor = cursor;
            // The first digit typed on the new entry must not land on a criterion it already
            // has: ▶ goes to its first unscored one (the same one, going criterion by criterion).
            if let Some(id) = opened {
                j.to_first_unscored(&id);
            }
        }
        let panel = self.panel_open();
        if let Some(w) = &mut self.walk {
            w.pane = match pane {
                Pane::Panel if !panel => Pane::Content,
                pane => pane,
            };
        }
    }

    /// The next entry in the overview's order (wrapping round) that this judge may score and
    /// has not finished; says so when there is none.
    fn next_unfinished(&mut self) {
        let (Some(w), Some(j)) = (&self.walk, &self.judge) else {
            return;
        };
        let Some(row) = w.row else { return };
        let ov = &self.overview;
        let here = ov.visible.iter().position(|&i| i == row).unwrap_or(0);
        let n = ov.visible.len();
        let found = (1..=n).map(|d| ov.visible[(here + d) % n]).find(|&i| {
            self.library.rows.get(i).is_some_and(|r| {
                // Only what the judge can score now: not barred, and in the stage being scored.
                j.has_panel(&r.id)
                    && j.bar(&r.id).is_none()
                    && j.blocked(&r.id).is_none()
                    && j.status(&r.id) != tulta_core::judging::scoring::Status::Finished
            })
        });
        match found {
            // Like `n`: the same step, pane and criterion, so scoring goes on where it was.
            Some(i) if i != row => {
                let (step, pane) = (w.step, w.pane);
                self.open_keeping_place(i, step, pane);
            }
            _ => {
                self.status = Some(
                    self.t(
                        "tidak ada risalah lain yang belum Anda selesaikan di daftar ini",
                        "no other report in this list is unfinished for you",
                    )
                    .to_string(),
                )
            }
        }
    }

    /// The root the walk's report was found under, if it is a file on disk.
    pub fn walk_root(&self) -> Option<std::path::PathBuf> {
        match &self.walk.as_ref()?.opened.origin {
            Origin::Disk(file) => self.reports_root(file),
            Origin::Builtin => None,
        }
    }

    /// Hands the selected evidence file to the opener, or says why it is not (in the status line).
    fn open_attachment(&mut self) {
        let root = self.walk_root();
        let Some(w) = &self.walk else { return };
        let list = w.attachments();
        let Some(l) = list.get(w.attachment) else {
            return;
        };
        // The status line names the file short; the list above shows it whole.
        let berkas = l.berkas.as_ref().map_or("", |b| b.value.as_str());
        let short = berkas.rsplit('/').find(|p| !p.is_empty()).unwrap_or(berkas);
        let shown = tulta_core::text::fit(&tulta_core::text::printable(short), 32);
        let lang = self.lang;
        let said = match w.openable(root.as_deref(), l) {
            Ok(path) => match self.opener.open(&path, lang) {
                Ok(()) => match lang {
                    Lang::Id => format!("{shown}: dibuka dengan {}", self.opener.name()),
                    Lang::En => format!("{shown}: opened with {}", self.opener.name()),
                },
                Err(e) => match lang {
                    Lang::Id => format!("{shown}: tidak dapat dibuka: {e}"),
                    Lang::En => format!("{shown}: could not be opened: {e}"),
                },
            },
            Err(why) => match lang {
                Lang::Id => format!("{shown}: tidak dibuka: {}", why.text(lang)),
                Lang::En => format!("{shown}: not opened: {}", why.text(lang)),
            },
        };
        self.status = Some(said);
    }

    pub(super) fn walk_action(
        &mut self,
        ctx: super::action::Context,
        action: super::action::Action,
    ) -> bool {
        use super::action::{Action as A, Context as C};
        let panel = self.panel_open();
        let Some(w) = &mut self.walk else {
            return false;
        };
        match (ctx, action) {
            (C::Walk, A::Step(n)) => self.walk_to_step(usize::from(n)),
            (C::Walk, A::FocusNext | A::FocusPrev) => {
                let forward = action == A::FocusNext;
                w.pane = match (w.pane, forward, panel) {
                    (Pane::Steps, true, _) => Pane::Content,
                    (Pane::Content, true, true) => Pane::Panel,
                    (Pane::Content, true, false) => Pane::Steps,
                    (Pane::Panel, true, _) => Pane::Steps,
                    (Pane::Steps, false, true) => Pane::Panel,
                    (Pane::Steps, false, false) => Pane::Content,
                    (Pane::Content, false, _) => Pane::Steps,
                    (Pane::Panel, false, _) => Pane::Content,
                }
            }
            (C::Walk, A::Undo) => return self.undo_here(),
            (C::Walk, A::Redo) => return self.redo_here(),
            (C::Walk, A::Findings) => w.show_findings(),
            // On the Lampiran tab it opens the selected file; elsewhere it shows that tab first.
            (C::Walk, A::OpenAttachment) => {
                if w.current_tab() == Tab::Lampiran {
                    self.open_attachment();
                } else if !w.show_attachments() {
                    self.status = Some(
                        self.t(
                            "langkah ini dan risalahnya tidak mencantumkan lampiran",
                            "neither this step nor the report lists attachments",
                        )
                        .to_string(),
                    );
                }
            }
            (C::Walk, A::NextEntry) => self.next_entry(true),
            (C::Walk, A::PrevEntry) => self.next_entry(false),
            (C::Walk, A::NextUnfinished) => self.next_unfinished(),
            (C::Walk, A::Similar) => {
                let id = w
                    .opened
                    .risalah
                    .as_ref()
                    .map(|r| r.id_str().to_string())
                    .unwrap_or_default();
                if !id.is_empty() {
                    self.go(super::Screen::Search);
                    self.search.focus = super::search::Focus::Results;
                    self.search.similar(&id);
                }
            }
            // One Esc goes back, whichever pane has focus.
            (C::Walk, A::Back) => self.back(),
            (C::WalkSteps, A::Up) => {
                let n = w.step.saturating_sub(1);
                self.walk_to_step(n)
            }
            (C::WalkSteps, A::Down) => {
                let n = w.step + 1;
                self.walk_to_step(n)
            }
            (C::WalkSteps, A::Top) => self.walk_to_step(1),
            (C::WalkSteps, A::Bottom) => self.walk_to_step(7),
            (C::WalkSteps, A::Open) => w.pane = Pane::Content,
            (C::WalkSteps | C::WalkContent, A::PageDown) => w.move_by(10),
            (C::WalkSteps | C::WalkContent, A::PageUp) => w.move_by(-10),
            (C::WalkContent, A::Up) => w.move_by(-1),
            (C::WalkContent, A::Down) => w.move_by(1),
            (C::WalkContent, A::Top) => {
                w.scroll = 0;
                w.finding = 0;
                w.attachment = 0;
            }
            (C::WalkContent, A::Bottom) => w.move_by(1000),
            (C::WalkContent, A::Right) => w.next_tab(true),
            (C::WalkContent, A::Left) => {
                if w.tab == 0 {
                    w.pane = Pane::Steps;
                } else {
                    w.next_tab(false);
                }
            }
            (C::WalkContent, A::Open) if w.current_tab() == Tab::Lampiran => self.open_attachment(),
            (C::WalkContent, A::Open) => {
                if w.current_tab() == Tab::Check {
                    let findings = w.opened.findings_in(Some(w.step));
                    if let Some(d) = findings.get(w.finding) {
                        self.source = Some(super::SourceView {
                            name: w.opened.name.clone(),
                            text: w.opened.text.clone(),
                            line: d.pos.line,
                            scroll: 0,
                        });
                    }
                }
            }
            _ => return false,
        }
        true
    }
}
