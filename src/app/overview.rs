//! The overview's table: which rows show (filter), in which order (sort), which is selected.

use super::library::{Library, Row};
use std::cmp::Ordering;
use std::collections::HashSet;
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
    /// The filter (normalised) the visible rows were chosen by.
    filtered_by: String,
    ranks: Ranks,
}

/// Each row's place among all rows by a text column, normalised as people compare it: made once
/// (about 40 ms at 100,000 rows) and kept while the rows stay the same, so sorting by OPD or
/// title compares two numbers rather than normalising text in every comparison.
#[derive(Clone, Debug, Default)]
struct Ranks {
    /// For the OPD and the title: the rank of every row, and how many rows there were.
    opd: Option<Vec<u32>>,
    judul: Option<Vec<u32>>,
}

impl Ranks {
    fn of(&mut self, key: SortKey, rows: &[Row]) -> &[u32] {
        use rayon::prelude::*;
        let slot = if key == SortKey::Opd {
            &mut self.opd
        } else {
            &mut self.judul
        };
        if slot.as_ref().is_none_or(|r| r.len() != rows.len()) {
            let text = |r: &Row| {
                norm(if key == SortKey::Opd {
                    &r.opd
                } else {
                    &r.judul
                })
            };
            let mut order: Vec<(String, usize)> = rows
                .par_iter()
                .enumerate()
                .map(|(i, r)| (text(r), i))
                .collect();
            order.par_sort_unstable();
            let mut ranks = vec![0u32; rows.len()];
            let mut rank = 0u32;
            for (k, (t, i)) in order.iter().enumerate() {
                if k > 0 && order[k - 1].0 != *t {
                    rank += 1;
                }
                ranks[*i] = rank;
            }
            *slot = Some(ranks);
        }
        slot.as_deref().unwrap_or(&[])
    }
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
            filtered_by: String::new(),
            ranks: Ranks::default(),
        }
    }
}

fn jenis_name(j: Option<JenisKelompok>) -> &'static str {
    j.map_or("", JenisKelompok::as_str)
}

fn in_scope(archive: bool, scope: &Option<HashSet<String>>, row: &Row) -> bool {
    archive || scope.as_ref().is_none_or(|ids| ids.contains(&row.id))
}

/// The filter's words (normalised: lower case, no spaces), each ready to be looked for.
struct Words(Vec<memchr::memmem::Finder<'static>>);

impl Words {
    fn new(filter: &str) -> Words {
        Words(
            norm(filter)
                .split_whitespace()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
        )
    }

    /// Every word occurs in the row's id, title, OPD, region, kind, year or file, in lower case
    /// as `norm` has them. `hay` is a buffer reused from row to row: at 100,000 rows a key must
    /// not allocate for every row.
    fn match_row(&self, hay: &mut String, row: &Row) -> bool {
        if self.0.is_empty() {
            return true;
        }
        hay.clear();
        let mut year = itoa::Buffer::new();
        let tahun = row.tahun.map_or("", |t| year.format(t));
        let fields = [
            row.id.as_str(),
            &row.judul,
            &row.opd,
            &row.daerah,
            jenis_name(row.jenis),
            tahun,
            &row.name,
        ];
        for field in fields {
            // A word has no white space, so it never runs from one field into the next.
            if field.is_ascii() {
                let from = hay.len();
                hay.push_str(field);
                hay[from..].make_ascii_lowercase();
            } else {
                hay.push_str(&field.to_lowercase());
            }
            hay.push('\n');
        }
        self.0.iter().all(|w| w.find(hay.as_bytes()).is_some())
    }
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
        // Sorted by their place, or by a key made once per row (`refresh`).
        SortKey::Name | SortKey::Opd | SortKey::Judul => Ordering::Equal,
        SortKey::Jenis => jenis_name(a.jenis).cmp(jenis_name(b.jenis)),
        SortKey::Tahun => a.tahun.cmp(&b.tahun),
        SortKey::Findings => findings(a).cmp(&findings(b)),
        // Drawn entries in their slots, then every other row.
        SortKey::Undian => {
            let slot = |r: &Row| drawn.get(&r.id).copied().unwrap_or(usize::MAX);
            slot(a).cmp(&slot(b))
        }
    }
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
        use rayon::prelude::*;
        let words = Words::new(self.filter.value());
        let rows = &library.rows;
        let (archive, scope) = (self.archive, &self.scope);
        let mut visible: Vec<usize> = (0..rows.len())
            .into_par_iter()
            .map_init(String::new, |hay, i| {
                (in_scope(archive, scope, &rows[i]) && words.match_row(hay, &rows[i])).then_some(i)
            })
            .flatten()
            .collect();
        // Rows are kept in name order, so a row's index breaks ties as its name would.
        match self.sort {
            SortKey::Name => {}
            // Text compared as people read it (normalised), through each row's rank.
            key @ (SortKey::Opd | SortKey::Judul) => {
                let ranks = self.ranks.of(key, rows);
                visible.par_sort_unstable_by_key(|&i| (ranks[i], i));
            }
            key => visible.par_sort_unstable_by(|&a, &b| {
                compare(key, (&self.mine, &self.drawn), &rows[a], &rows[b]).then(a.cmp(&b))
            }),
        }
        if self.descending {
            visible.reverse();
        }
        self.show(visible);
    }

    /// The filter's text changed. A filter that only grew (a letter or a word more) shows a part
    /// of what is shown, in the same order: only that part is looked at again, and nothing is
    /// sorted, so typing stays quick at 100,000 rows.
    pub fn filter_changed(&mut self, library: &Library) {
        let now = norm(self.filter.value());
        if self.filtered_by.is_empty() || !now.starts_with(&self.filtered_by) {
            return self.refresh(library);
        }
        use rayon::prelude::*;
        let words = Words::new(self.filter.value());
        let rows = &library.rows;
        let visible = self
            .visible
            .par_iter()
            .map_init(String::new, |hay, &i| {
                words.match_row(hay, &rows[i]).then_some(i)
            })
            .flatten()
            .collect();
        self.show(visible);
    }

    fn show(&mut self, visible: Vec<usize>) {
        let keep = self.visible.get(self.selected).copied();
        self.selected = keep
            .and_then(|k| visible.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.visible = visible;
        self.filtered_by = norm(self.filter.value());
    }

    /// Takes in the rows added to the library from `from` on, while it is read. They arrive in
    /// name order, so in that order they only go to the end; in any other order the list must be
    /// sorted again, which is left to the caller (false), to do now and then rather than for every
    /// few hundred rows.
    pub fn extend(&mut self, library: &Library, from: usize) -> bool {
        if self.sort != SortKey::Name || self.descending {
            return false;
        }
        let words = Words::new(self.filter.value());
        let rows = &library.rows;
        let mut hay = String::new();
        let new: Vec<usize> = (from..rows.len())
            .filter(|&i| self.in_scope(&rows[i]) && words.match_row(&mut hay, &rows[i]))
            .collect();
        self.visible.extend(new);
        true
    }

    /// Ranks every row by OPD and by title before a key asks for it (once all rows are in).
    pub fn rank(&mut self, library: &Library) {
        self.ranks.of(SortKey::Opd, &library.rows);
        self.ranks.of(SortKey::Judul, &library.rows);
    }

    /// A row changed in place (a draft read again): what was worked out from the rows is stale.
    pub fn rows_changed(&mut self) {
        self.ranks = Ranks::default();
    }

    /// How many reports lie beside the competition's entries (0 without a competition).
    pub fn beside(&self, library: &Library) -> usize {
        self.scope.as_ref().map_or(0, |ids| {
            library.rows.iter().filter(|r| !ids.contains(&r.id)).count()
        })
    }

    /// Whether the list shows `row`: every row, or only the competition's entries.
    pub fn in_scope(&self, row: &Row) -> bool {
        in_scope(self.archive, &self.scope, row)
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
                    ov.refresh(&self.library);
                }
                A::Up => ov.move_by(-1),
                A::Down => ov.move_by(1),
                A::ClearText => {
                    ov.filter.reset();
                    ov.refresh(&self.library);
                }
                _ => return false,
            }
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
