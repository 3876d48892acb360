//! The overview's table: which rows show (filter), in which order (sort), which is selected.

use super::library::{Library, Row};
use std::cmp::Ordering;
use tulta_core::model::names::norm;
use tulta_core::model::risalah::JenisKelompok;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Opd,
    Jenis,
    Tahun,
    Judul,
    Findings,
    /// The judge's own status: in progress, untouched, finished, then what they may not score.
    MyStatus,
    /// The judge's own index, highest first when reversed.
    MyIndex,
    /// The presentation order drawn for the stage being scored (the gelar day, spec §8).
    Undian,
}

/// The judge's mark on an entry for sorting: status rank (in progress 0, untouched 1, finished 2,
/// barred or not reached 3) and index.
pub type Mark = (u8, Option<f64>);

impl SortKey {
    pub const ALL: [SortKey; 9] = [
        SortKey::Undian,
        SortKey::Name,
        SortKey::Opd,
        SortKey::Jenis,
        SortKey::Tahun,
        SortKey::Judul,
        SortKey::Findings,
        SortKey::MyStatus,
        SortKey::MyIndex,
    ];

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            SortKey::Name => ("berkas", "file"),
            SortKey::Opd => ("OPD", "OPD"),
            SortKey::Jenis => ("jenis", "kind"),
            SortKey::Tahun => ("tahun", "year"),
            SortKey::Judul => ("judul", "title"),
            SortKey::Findings => ("temuan", "findings"),
            SortKey::MyStatus => ("status saya", "my status"),
            SortKey::MyIndex => ("nilai saya", "my score"),
            SortKey::Undian => ("urutan tampil", "presentation order"),
        }
    }

    /// The next key; the judge's own keys only while someone is judging, the drawn order only
    /// when the stage has one.
    fn next(self, judging: bool, drawn: bool) -> SortKey {
        let i = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        let next = SortKey::ALL[(i + 1) % SortKey::ALL.len()];
        match next {
            SortKey::MyStatus | SortKey::MyIndex if !judging => {
                if drawn {
                    SortKey::Undian
                } else {
                    SortKey::Name
                }
            }
            SortKey::Undian if !drawn => SortKey::Name,
            next => next,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Overview {
    /// The filter typed after `/`, with its cursor.
    pub filter: tui_input::Input,
    pub editing: bool,
    pub sort: SortKey,
    pub descending: bool,
    /// Indexes into the library's rows, in display order.
    pub visible: Vec<usize>,
    pub selected: usize,
    /// First row shown, kept between frames so the list scrolls only when the selection leaves it.
    pub offset: std::cell::Cell<usize>,
    /// The judge's marks by entry id, for the judge's own sort keys; empty without a judge.
    pub mine: std::collections::HashMap<String, Mark>,
    /// With a competition open beside an archive: its entries' ids. The list shows only them
    /// unless `archive` is on (`a`).
    pub scope: Option<std::collections::HashSet<String>>,
    pub archive: bool,
    /// The drawn order of the stage being scored: each drawn entry's slot (0-based).
    pub drawn: std::collections::HashMap<String, usize>,
}

impl Default for Overview {
    fn default() -> Self {
        Overview {
            filter: tui_input::Input::default(),
            editing: false,
            sort: SortKey::Name,
            descending: false,
            visible: Vec::new(),
            selected: 0,
            offset: std::cell::Cell::new(0),
            mine: std::collections::HashMap::new(),
            scope: None,
            archive: false,
            drawn: std::collections::HashMap::new(),
        }
    }
}

fn jenis_name(j: Option<JenisKelompok>) -> &'static str {
    j.map_or("", JenisKelompok::as_str)
}

fn compare(
    key: SortKey,
    (mine, drawn): (
        &std::collections::HashMap<String, Mark>,
        &std::collections::HashMap<String, usize>,
    ),
    a: &Row,
    b: &Row,
) -> Ordering {
    let findings = |r: &Row| (r.errors, r.warnings, r.infos);
    // Reports that are not entries of the competition come after every entry.
    let mark = |r: &Row| mine.get(&r.id).copied().unwrap_or((4, None));
    match key {
        SortKey::MyStatus => mark(a).0.cmp(&mark(b).0),
        SortKey::MyIndex => {
            let ix = |r: &Row| mark(r).1.unwrap_or(f64::NEG_INFINITY);
            ix(a).total_cmp(&ix(b))
        }
        SortKey::Name => a.name.cmp(&b.name),
        SortKey::Opd => norm(&a.opd).cmp(&norm(&b.opd)),
        SortKey::Jenis => jenis_name(a.jenis).cmp(jenis_name(b.jenis)),
        SortKey::Tahun => a.tahun.cmp(&b.tahun),
        SortKey::Judul => norm(&a.judul).cmp(&norm(&b.judul)),
        SortKey::Findings => findings(a).cmp(&findings(b)),
        // Drawn entries in their slots, then every other row.
        SortKey::Undian => {
            let slot = |r: &Row| drawn.get(&r.id).copied().unwrap_or(usize::MAX);
            slot(a).cmp(&slot(b))
        }
    }
    .then_with(|| a.name.cmp(&b.name))
}

/// Every word of the filter must occur in the row's id, title, OPD, region, kind, year or file.
fn matches(row: &Row, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let hay = norm(&format!(
        "{} {} {} {} {} {} {}",
        row.id,
        row.judul,
        row.opd,
        row.daerah,
        jenis_name(row.jenis),
        row.tahun.map(|t| t.to_string()).unwrap_or_default(),
        row.name
    ));
    words.iter().all(|w| hay.contains(w.as_str()))
}

impl Overview {
    /// The first row to show in a window of `height` rows so that the selection is visible.
    pub fn window(&self, height: usize) -> usize {
        let height = height.max(1);
        let mut offset = self.offset.get();
        if self.selected < offset {
            offset = self.selected;
        } else if self.selected >= offset + height {
            offset = self.selected + 1 - height;
        }
        offset = offset.min(self.visible.len().saturating_sub(height));
        self.offset.set(offset);
        offset
    }

    /// Recomputes the visible rows, keeping the same row selected when it is still shown.
    pub fn refresh(&mut self, library: &Library) {
        let keep = self.visible.get(self.selected).copied();
        let words: Vec<String> = norm(self.filter.value())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut visible: Vec<usize> = (0..library.rows.len())
            .filter(|&i| self.in_scope(&library.rows[i]) && matches(&library.rows[i], &words))
            .collect();
        visible.sort_by(|&a, &b| {
            let keys = (&self.mine, &self.drawn);
            let o = compare(self.sort, keys, &library.rows[a], &library.rows[b]);
            if self.descending {
                o.reverse()
            } else {
                o
            }
        });
        self.selected = keep
            .and_then(|k| visible.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.visible = visible;
    }

    /// How many reports lie beside the competition's entries (0 without a competition).
    pub fn beside(&self, library: &Library) -> usize {
        self.scope.as_ref().map_or(0, |ids| {
            library.rows.iter().filter(|r| !ids.contains(&r.id)).count()
        })
    }

    /// Whether the list shows `row`: every row, or only the competition's entries.
    pub fn in_scope(&self, row: &Row) -> bool {
        self.archive || self.scope.as_ref().is_none_or(|ids| ids.contains(&row.id))
    }

    pub fn selected_row(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.visible.len().saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: i64) {
        let n = self.visible.len() as i64;
        if n == 0 {
            return;
        }
        self.selected = (self.selected as i64 + delta).clamp(0, n - 1) as usize;
    }

    pub fn cycle_sort(&mut self, library: &Library) {
        self.sort = self
            .sort
            .next(!self.mine.is_empty(), !self.drawn.is_empty());
        self.descending = matches!(self.sort, SortKey::Findings | SortKey::MyIndex);
        self.refresh(library);
    }

    pub fn reverse(&mut self, library: &Library) {
        self.descending = !self.descending;
        self.refresh(library);
    }

    /// Selects the row of `row` (a library index), showing it even if the filter hid it.
    pub fn reveal(&mut self, library: &Library, row: usize) {
        if !self.visible.contains(&row) {
            self.filter.reset();
            if library.rows.get(row).is_some_and(|r| !self.in_scope(r)) {
                self.archive = true;
            }
            self.refresh(library);
        }
        if let Some(p) = self.visible.iter().position(|&i| i == row) {
            self.selected = p;
        }
    }
}

impl super::judge::JudgeState {
    /// The judge's mark on every entry, for the overview's own sort keys (empty without a judge).
    pub fn marks(&self) -> std::collections::HashMap<String, Mark> {
        if self.juri.is_none() {
            return Default::default();
        }
        self.judging
            .competition
            .entries
            .iter()
            .map(|e| {
                let rank = if self.bar(&e.id).is_some() || self.blocked(&e.id).is_some() {
                    3
                } else {
                    match self.status(&e.id) {
                        tulta_core::judging::scoring::Status::InProgress => 0,
                        tulta_core::judging::scoring::Status::Untouched => 1,
                        tulta_core::judging::scoring::Status::Finished => 2,
                    }
                };
                (e.id.clone(), (rank, self.index(&e.id)))
            })
            .collect()
    }
}

impl super::App {
    /// Attaches a competition being judged: the overview then lists its entries, the archive
    /// beside it a key away.
    pub fn set_judge(&mut self, judge: Option<super::judge::JudgeState>) {
        // The library may still be loading: the scope is the entries' ids, whatever lies beside.
        self.overview.scope = judge.as_ref().map(|j| {
            j.judging
                .competition
                .entries
                .iter()
                .map(|e| e.id.clone())
                .collect()
        });
        self.judge = judge;
        self.overview.refresh(&self.library);
        self.sync_draw();
    }

    /// The overview follows the stage's drawn order (the gelar day): listed in it as soon as
    /// there is one, back to the file order when there is none.
    pub(super) fn sync_draw(&mut self) {
        let drawn: std::collections::HashMap<String, usize> = self
            .judge
            .as_ref()
            .and_then(|j| j.drawn())
            .map(|d| {
                d.urutan
                    .iter()
                    .enumerate()
                    .map(|(i, id)| (id.clone(), i))
                    .collect()
            })
            .unwrap_or_default();
        let had = !self.overview.drawn.is_empty();
        let has = !drawn.is_empty();
        self.overview.drawn = drawn;
        match (had, has, self.overview.sort) {
            (_, true, SortKey::Name) | (false, true, _) => {
                self.overview.sort = SortKey::Undian;
                self.overview.descending = false;
            }
            (_, false, SortKey::Undian) => self.overview.sort = SortKey::Name,
            _ => {}
        }
        self.overview.refresh(&self.library);
        // The stage may have changed: the walk shows the presentation in a gelar only.
        let id = self
            .walk
            .as_ref()
            .and_then(|w| w.opened.risalah.as_ref())
            .map(|r| r.id_str().to_string());
        let gelar = id.is_some_and(|id| self.in_gelar(&id));
        if let Some(w) = self.walk.as_mut().filter(|w| w.gelar != gelar) {
            w.gelar = gelar;
            w.tab = 0;
        }
    }

    /// Sorted by the judge's own marks, the overview is sorted again whenever it comes back into
    /// view: scores given meanwhile move entries.
    pub(super) fn resort_overview(&mut self) {
        if matches!(self.overview.sort, SortKey::MyStatus | SortKey::MyIndex) {
            self.overview.mine = self.judge.as_ref().map(|j| j.marks()).unwrap_or_default();
            self.overview.refresh(&self.library);
        }
    }

    pub(super) fn overview_action(
        &mut self,
        ctx: super::action::Context,
        action: super::action::Action,
    ) -> bool {
        use super::action::{Action as A, Context as C};
        use super::Screen;
        let ov = &mut self.overview;
        if ctx == C::OverviewFilter {
            match action {
                A::Open => ov.editing = false,
                // One Esc leaves the filter and clears it.
                A::Back => {
                    ov.editing = false;
                    ov.filter.reset();
                }
                A::Up => ov.move_by(-1),
                A::Down => ov.move_by(1),
                A::ClearText => ov.filter.reset(),
                _ => return false,
            }
            ov.refresh(&self.library);
            return true;
        }
        match action {
            A::Up => ov.move_by(-1),
            A::Down => ov.move_by(1),
            A::PageUp => ov.move_by(-10),
            A::PageDown => ov.move_by(10),
            A::Top => ov.select(0),
            A::Bottom => ov.select(usize::MAX),
            A::Filter => ov.editing = true,
            A::Archive if ov.beside(&self.library) > 0 => {
                ov.archive = !ov.archive;
                ov.refresh(&self.library);
            }
            A::Sort => {
                ov.mine = self.judge.as_ref().map(|j| j.marks()).unwrap_or_default();
                ov.cycle_sort(&self.library);
            }
            A::SortReverse => ov.reverse(&self.library),
            A::ToSearch => self.go(Screen::Search),
            A::WatchDraft => self.draft_key(),
            A::ToRanking => self.show_judging(Screen::Ranking),
            A::ToProgress => self.show_judging(Screen::Progress),
            A::Back if !ov.filter.value().is_empty() => {
                ov.filter.reset();
                ov.refresh(&self.library);
            }
            A::Back => self.back(),
            A::Open => {
                if let Some(row) = ov.selected_row() {
                    self.open_row(row, 1);
                }
            }
            _ => return false,
        }
        true
    }
}
