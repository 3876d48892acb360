//! What a key means: one `Action` enum and one keymap of (context, keys, action, help text). The
//! handlers of each screen and overlay receive actions, never keys, and the help overlay and the
//! bottom bar are generated from the same keymap, so what the help says is what the keys do.
//! The config's `tombol:` rebinds an action's keys (key names parsed by crokey). One file on
//! purpose: the keymap is one table, read whole when a key is added or rebound.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use tulta_core::i18n::Lang;

/// Everything a key can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Help,
    ToOverview,
    ToSearch,
    ToDraft,
    ToRanking,
    ToProgress,
    ChooseJudge,
    ChooseStage,
    StageView,
    Timer,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    Open,
    Filter,
    Archive,
    Sort,
    SortReverse,
    WatchDraft,
    FocusNext,
    FocusPrev,
    Step(u8),
    Findings,
    OpenAttachment,
    NextEntry,
    PrevEntry,
    NextUnfinished,
    Similar,
    Undo,
    Redo,
    Score(u8),
    Raise,
    Lower,
    Point,
    NextCriterion,
    PrevCriterion,
    Tick,
    Note,
    Recheck,
    Method,
    Category,
    Export,
    Save,
    Discard,
    ClearText,
    FocusQuery,
    ClearFilter,
    ReadOnly,
}

impl Action {
    /// The name `tombol:` in the config uses for this action.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "keluar",
            Action::Help => "bantuan",
            Action::ToOverview => "ke-ikhtisar",
            Action::ToSearch => "ke-cari",
            Action::ToDraft => "ke-draf",
            Action::ToRanking => "ke-peringkat",
            Action::ToProgress => "ke-kemajuan",
            Action::ChooseJudge => "pilih-juri",
            Action::ChooseStage => "pilih-tahap",
            Action::StageView => "tahap-berikut",
            Action::Timer => "waktu",
            Action::Back => "kembali",
            Action::Up => "atas",
            Action::Down => "bawah",
            Action::PageUp => "halaman-atas",
            Action::PageDown => "halaman-bawah",
            Action::Top => "awal",
            Action::Bottom => "akhir",
            Action::Left => "kiri",
            Action::Right => "kanan",
            Action::Open => "buka",
            Action::Filter => "saring",
            Action::Archive => "arsip",
            Action::Sort => "urutkan",
            Action::SortReverse => "balik-urutan",
            Action::WatchDraft => "pantau-draf",
            Action::FocusNext => "panel-berikut",
            Action::FocusPrev => "panel-sebelum",
            Action::Step(_) => "langkah",
            Action::Findings => "temuan",
            Action::OpenAttachment => "buka-lampiran",
            Action::NextEntry => "risalah-berikut",
            Action::PrevEntry => "risalah-sebelum",
            Action::NextUnfinished => "belum-selesai",
            Action::Similar => "serupa",
            Action::Undo => "batal",
            Action::Redo => "ulangi",
            Action::Score(_) => "nilai",
            Action::Raise => "naik-setengah",
            Action::Lower => "turun-setengah",
            Action::Point => "koma",
            Action::NextCriterion => "kriteria-berikut",
            Action::PrevCriterion => "kriteria-sebelum",
            Action::Tick => "centang",
            Action::Note => "catatan",
            Action::Recheck => "periksa-ulang",
            Action::Method => "metode",
            Action::Category => "kategori",
            Action::Export => "ekspor",
            Action::Save => "simpan",
            Action::Discard => "buang",
            Action::ClearText => "hapus-teks",
            Action::FocusQuery => "ke-kueri",
            Action::ClearFilter => "hapus-saringan",
            Action::ReadOnly => "hanya-membaca",
        }
    }
}

/// Where a key is read. The app asks the contexts in view from the innermost out; the first
/// that binds the key gets its action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Quitting and help: even inside a text field or a modal.
    Always,
    /// Screen switches: everywhere but in modals.
    Screens,
    /// Single-letter keys of every screen: not while typing, not in modals.
    Global,
    Overview,
    OverviewFilter,
    /// The walk-through, whichever pane has focus.
    Walk,
    WalkSteps,
    WalkContent,
    Panel,
    Search,
    SearchQuery,
    SearchFilter,
    SearchResults,
    Draft,
    Ranking,
    ExportPath,
    Progress,
    Source,
    HelpOverlay,
    Picker,
    StagePicker,
    Compare,
    NoteEditor,
    Prompt,
}

impl Context {
    /// Whether printable keys not bound here are typed into a text field.
    pub fn typing(self) -> bool {
        matches!(
            self,
            Context::OverviewFilter
                | Context::SearchQuery
                | Context::ExportPath
                | Context::NoteEditor
        )
    }

    /// Overlays take every key: what they do not bind does nothing.
    pub fn modal(self) -> bool {
        matches!(
            self,
            Context::Source
                | Context::HelpOverlay
                | Context::Picker
                | Context::StagePicker
                | Context::Compare
                | Context::NoteEditor
                | Context::Prompt
        )
    }
}

/// A key as bindings compare it: the character already says whether Shift was held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    pub fn from_event(e: KeyEvent) -> Key {
        let mut mods = e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match e.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Tab if e.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => {
                if !matches!(other, KeyCode::Char(_)) {
                    mods |= e.modifiers & KeyModifiers::SHIFT;
                }
                other
            }
        };
        Key { code, mods }
    }

    /// A key name from the config (`ctrl-s`, `f2`, `shift-j`, `?`), through crokey.
    pub fn parse(s: &str) -> Result<Key, String> {
        let combo = crokey::parse(s.trim()).map_err(|e| e.to_string())?;
        if !combo.is_ansi_compatible() {
            return Err(format!("{s}: one key at a time"));
        }
        let event: KeyEvent = combo.into();
        Ok(Key::from_event(event))
    }

    /// The key's name as help shows it.
    pub fn label(self, lang: Lang) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => lang.pick("spasi", "Space").into(),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out.push_str(&base);
        out
    }
}

/// One line of the keymap: in `context`, `keys` ask for `action`.
#[derive(Clone, Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    /// What help says it does (Indonesian, English).
    pub help: (&'static str, &'static str),
    /// The short form in the bottom bar, if it is one of the main keys.
    pub bar: Option<(&'static str, &'static str)>,
}

/// Every binding of the app, in the order help lists them.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// The action `key` asks for in `context`.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action)
    }

    pub fn of(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The keys as a Markdown reference (docs/keys.md), one table per context in the order the
    /// keymap lists them: the document is made from this table, so it cannot say another thing.
    pub fn reference(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|");
        let mut out = String::from(
            "# Tombol / Keys\n\n\
             Dibuat dari tabel tombol aplikasi (`src/app/action.rs`); jangan disunting dengan tangan.\n\
             Generated from the app's keymap (`src/app/action.rs`); do not edit by hand:\n\
             `TULTA_BLESS_DOCS=1 cargo test --test keys reference` writes it again.\n\n\
             The name in the second column is what `tombol:` in config.yaml rebinds \
             (see configuration.md). A context is where the key is read; the app asks the \
             contexts in view from the innermost out.\n",
        );
        let mut seen: Vec<Context> = Vec::new();
        for context in self.bindings.iter().map(|b| b.context) {
            if seen.contains(&context) {
                continue;
            }
            seen.push(context);
            out.push_str(&format!(
                "\n## {context:?}\n\n| tombol / key | `tombol:` | arti | meaning |\n|---|---|---|---|\n"
            ));
            for b in self.of(context) {
                let keys: Vec<String> = b
                    .keys
                    .iter()
                    .map(|k| format!("`{}`", k.label(Lang::En)))
                    .collect();
                out.push_str(&format!(
                    "| {} | `{}` | {} | {} |\n",
                    cell(&keys.join(" ")),
                    b.action.name(),
                    cell(b.help.0),
                    cell(b.help.1)
                ));
            }
        }
        out
    }

    /// Applies `tombol:` from the config: each named action gets the keys given, in every
    /// context where it is bound. What cannot be applied is said, in the user's language, and
    /// leaves the default in place.
    pub fn with_overrides(
        mut self,
        tombol: &BTreeMap<String, KeyList>,
        lang: Lang,
    ) -> (Keymap, Vec<String>) {
        let mut notices = Vec::new();
        for (name, keys) in tombol {
            let targets: Vec<usize> = (0..self.bindings.len())
                .filter(|&i| self.bindings[i].action.name() == name.as_str())
                .collect();
            if matches!(name.as_str(), "langkah" | "nilai") {
                notices.push(match lang {
                    Lang::Id => format!("tombol.{name}: tombol angka tidak bisa diganti"),
                    Lang::En => format!("tombol.{name}: the digit keys cannot be rebound"),
                });
                continue;
            }
            if targets.is_empty() {
                notices.push(match lang {
                    Lang::Id => format!("tombol.{name}: tidak ada aksi bernama begitu"),
                    Lang::En => format!("tombol.{name}: no action has that name"),
                });
                continue;
            }
            let parsed: Result<Vec<Key>, String> =
                keys.as_slice().iter().map(|k| Key::parse(k)).collect();
            let parsed = match parsed {
                Ok(p) if !p.is_empty() => p,
                Ok(_) => continue,
                Err(e) => {
                    notices.push(match lang {
                        Lang::Id => format!("tombol.{name}: nama tombol tidak dikenal ({e})"),
                        Lang::En => format!("tombol.{name}: unknown key name ({e})"),
                    });
                    continue;
                }
            };
            // A key already doing something else where the action lives would shadow one of
            // the two without a word: refuse it instead.
            let clash = targets.iter().find_map(|&i| {
                let ctx = self.bindings[i].context;
                self.bindings.iter().find_map(|b| {
                    let shares = b.context == ctx
                        || (ctx.typing() && b.context == Context::Always)
                        || (!ctx.modal() && b.context == Context::Global);
                    (shares && b.action.name() != name.as_str())
                        .then(|| parsed.iter().find(|k| b.keys.contains(k)))
                        .flatten()
                        .map(|k| (*k, b.action.name()))
                })
            });
            if let Some((k, other)) = clash {
                notices.push(match lang {
                    Lang::Id => format!(
                        "tombol.{name}: {} sudah dipakai untuk {other}",
                        k.label(lang)
                    ),
                    Lang::En => format!("tombol.{name}: {} is already {other}", k.label(lang)),
                });
                continue;
            }
            for i in targets {
                self.bindings[i].keys = parsed.clone();
            }
        }
        (self, notices)
    }
}

/// One key name or several, as `tombol:` gives them.
#[derive(Clone, Debug, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    pub fn as_slice(&self) -> &[String] {
        match self {
            KeyList::One(s) => std::slice::from_ref(s),
            KeyList::Many(v) => v,
        }
    }
}

#[rustfmt::skip]
fn defaults() -> Vec<Binding> {
    use Action as A;
    use Context as C;
    use KeyCode as K;
    let p = Key::plain;
    let c = Key::ch;
    let mut v: Vec<Binding> = Vec::new();
    let mut b = |context: Context,
                 keys: Vec<Key>,
                 action: Action,
                 help: (&'static str, &'static str),
                 bar: Option<(&'static str, &'static str)>| {
        v.push(Binding {
            context,
            keys,
            action,
            help,
            bar,
        })
    };
    let up = vec![p(K::Up), c('k')];
    let down = vec![p(K::Down), c('j')];
    let top = vec![p(K::Home), c('g')];
    let bottom = vec![p(K::End), c('G')];

    // Overview.
    b(C::Overview, up.clone(), A::Up, ("risalah sebelumnya", "previous report"), Some(("pilih", "select")));
    b(C::Overview, down.clone(), A::Down, ("risalah berikutnya", "next report"), None);
    b(C::Overview, vec![p(K::PageUp)], A::PageUp, ("halaman sebelumnya", "page up"), None);
    b(C::Overview, vec![p(K::PageDown)], A::PageDown, ("halaman berikutnya", "page down"), None);
    b(C::Overview, top.clone(), A::Top, ("ke awal daftar", "to the top"), None);
    b(C::Overview, bottom.clone(), A::Bottom, ("ke akhir daftar", "to the bottom"), None);
    b(C::Overview, vec![p(K::Enter), c('l'), p(K::Right)], A::Open, ("buka langkah demi langkah", "open step by step"), Some(("buka", "open")));
    b(C::Overview, vec![c('/')], A::Filter, ("saring daftar", "filter the list"), Some(("saring", "filter")));
    b(C::Overview, vec![c('a')], A::Archive, ("peserta lomba saja / juga arsip di sampingnya", "the competition's entries only / the archive beside them too"), None);
    b(C::Overview, vec![c('s')], A::Sort, ("urutkan menurut kolom berikutnya", "sort by the next column"), Some(("urut", "sort")));
    b(C::Overview, vec![c('S')], A::SortReverse, ("balik urutan", "reverse the order"), None);
    b(C::Overview, vec![c('c')], A::ToSearch, ("cari di arsip", "search the archive"), Some(("cari", "search")));
    b(C::Overview, vec![c('d')], A::WatchDraft, ("pantau berkas ini sebagai draf", "watch this file as a draft"), None);
    b(C::Overview, vec![c('r')], A::ToRanking, ("peringkat lomba", "the competition's ranking"), None);
    b(C::Overview, vec![c('p')], A::ToProgress, ("kemajuan juri", "judges' progress"), None);
    b(C::Overview, vec![p(K::Esc)], A::Back, ("hapus saringan / kembali", "clear the filter / back"), None);

    b(C::OverviewFilter, vec![p(K::Enter)], A::Open, ("selesai menyaring", "done filtering"), Some(("selesai", "done")));
    b(C::OverviewFilter, vec![p(K::Esc)], A::Back, ("hapus saringan dan selesai", "clear the filter and stop"), Some(("batal", "cancel")));
    b(C::OverviewFilter, vec![p(K::Up)], A::Up, ("risalah sebelumnya", "previous report"), None);
    b(C::OverviewFilter, vec![p(K::Down)], A::Down, ("risalah berikutnya", "next report"), None);
    b(C::OverviewFilter, vec![Key::ctrl('u')], A::ClearText, ("hapus saringan", "clear the filter"), None);

    // Walk-through, any pane.
    b(C::Walk, (1..=7).map(|n| c(char::from(b'0' + n))).collect(), A::Step(0), ("langsung ke langkah (di luar panel nilai)", "go to step (outside the scoring panel)"), Some(("ke langkah", "go to step")));
    b(C::Walk, vec![p(K::Tab)], A::FocusNext, ("panel berikutnya (langkah → isi → nilai)", "next pane (steps → content → scores)"), Some(("panel", "pane")));
    b(C::Walk, vec![p(K::BackTab)], A::FocusPrev, ("panel sebelumnya", "previous pane"), None);
    b(C::Walk, vec![c('t')], A::Findings, ("temuan langkah ini", "this step's findings"), None);
    b(C::Walk, vec![c('o')], A::OpenAttachment, ("buka lampiran terpilih dengan aplikasi sistem", "open the selected attachment with the system's viewer"), None);
    b(C::Walk, vec![c('n')], A::NextEntry, ("risalah berikutnya", "next report"), None);
    b(C::Walk, vec![c('p')], A::PrevEntry, ("risalah sebelumnya", "previous report"), None);
    b(C::Walk, vec![c('N')], A::NextUnfinished, ("risalah berikutnya yang belum saya selesaikan", "next report I have not finished"), None);
    b(C::Walk, vec![c('m')], A::Similar, ("risalah serupa", "similar reports"), None);
    b(C::Walk, vec![c('u')], A::Undo, ("batalkan perubahan terakhir pada risalah ini", "undo the last change to this report"), Some(("batal", "undo")));
    b(C::Walk, vec![c('U'), Key::ctrl('r')], A::Redo, ("ulangi perubahan yang baru dibatalkan pada risalah ini", "redo the change just undone on this report"), None);
    b(C::Walk, vec![p(K::Esc), p(K::Backspace)], A::Back, ("kembali", "back"), Some(("kembali", "back")));

    b(C::WalkSteps, up.clone(), A::Up, ("langkah sebelumnya", "previous step"), Some(("langkah", "step")));
    b(C::WalkSteps, down.clone(), A::Down, ("langkah berikutnya", "next step"), None);
    b(C::WalkSteps, top.clone(), A::Top, ("langkah 1", "step 1"), None);
    b(C::WalkSteps, bottom.clone(), A::Bottom, ("langkah 7", "step 7"), None);
    b(C::WalkSteps, vec![p(K::PageUp)], A::PageUp, ("gulir isi ke atas", "scroll the content up"), None);
    b(C::WalkSteps, vec![p(K::PageDown)], A::PageDown, ("gulir isi ke bawah", "scroll the content down"), None);
    b(C::WalkSteps, vec![p(K::Enter), p(K::Right), c('l')], A::Open, ("ke isi langkah", "to the step's content"), None);

    b(C::WalkContent, up.clone(), A::Up, ("gulir / temuan sebelumnya", "scroll / previous finding"), Some(("gulir", "scroll")));
    b(C::WalkContent, down.clone(), A::Down, ("gulir / temuan berikutnya", "scroll / next finding"), None);
    b(C::WalkContent, vec![p(K::PageUp)], A::PageUp, ("gulir satu halaman ke atas", "scroll a page up"), None);
    b(C::WalkContent, vec![p(K::PageDown)], A::PageDown, ("gulir satu halaman ke bawah", "scroll a page down"), None);
    b(C::WalkContent, top.clone(), A::Top, ("ke awal", "to the top"), None);
    b(C::WalkContent, bottom.clone(), A::Bottom, ("ke akhir", "to the end"), None);
    b(C::WalkContent, vec![p(K::Right), c('l')], A::Right, ("tab berikutnya", "next tab"), Some(("tab", "tab")));
    b(C::WalkContent, vec![p(K::Left), c('h')], A::Left, ("tab sebelumnya", "previous tab"), None);
    b(C::WalkContent, vec![p(K::Enter)], A::Open, ("di temuan: lihat barisnya; di lampiran: buka", "on a finding: show its line; on an attachment: open it"), None);

    b(C::Panel, up.clone(), A::Up, ("baris sebelumnya", "previous line"), None);
    b(C::Panel, down.clone(), A::Down, ("baris berikutnya", "next line"), None);
    b(C::Panel, vec![p(K::PageUp)], A::PageUp, ("8 baris ke atas", "8 lines up"), None);
    b(C::Panel, vec![p(K::PageDown)], A::PageDown, ("8 baris ke bawah", "8 lines down"), None);
    b(C::Panel, top.clone(), A::Top, ("kriteria pertama", "first criterion"), None);
    b(C::Panel, bottom.clone(), A::Bottom, ("catatan umum", "general note"), None);
    b(C::Panel, (0..=9).map(|n| c(char::from(b'0' + n))).collect(), A::Score(0), ("nilai kriteria yang ditandai ▶", "score the criterion marked ▶"), Some(("nilai", "score")));
    b(C::Panel, vec![c('+'), c('=')], A::Raise, ("naik setengah", "up a half"), Some(("½", "½")));
    b(C::Panel, vec![c('-')], A::Lower, ("turun setengah", "down a half"), None);
    b(C::Panel, vec![c('.'), c(',')], A::Point, ("setelah angka: . 5 menjadikannya setengah (3 . 5 = 3,5)", "after a digit: . 5 makes it a half (3 . 5 = 3.5)"), None);
    b(C::Panel, vec![c(']')], A::NextCriterion, ("kriteria berikutnya", "next criterion"), Some(("kriteria", "criterion")));
    b(C::Panel, vec![c('[')], A::PrevCriterion, ("kriteria sebelumnya", "previous criterion"), None);
    b(C::Panel, vec![c(' ')], A::Tick, ("centang butir panduan (ya → sebagian → tidak)", "tick a guidance item (yes → partly → no)"), Some(("centang", "tick")));
    b(C::Panel, vec![p(K::Enter), c('e')], A::Note, ("tulis catatan", "write a note"), Some(("catatan", "note")));
    b(C::Panel, vec![c('w')], A::Timer, ("waktu tampil kelompok: mulai / jeda", "the group's slot clock: start / pause"), None);

    // Search.
    b(C::Search, vec![p(K::Tab)], A::FocusNext, ("kueri → saringan → hasil", "query → filters → results"), Some(("kueri/saringan/hasil", "query/filters/results")));
    b(C::Search, vec![p(K::BackTab)], A::FocusPrev, ("arah sebaliknya", "the other way"), None);
    b(C::Search, vec![p(K::Up)], A::Up, ("hasil sebelumnya", "previous result"), Some(("pilih", "select")));
    b(C::Search, vec![p(K::Down)], A::Down, ("hasil berikutnya", "next result"), None);
    b(C::Search, vec![p(K::PageUp)], A::PageUp, ("10 hasil ke atas", "10 results up"), None);
    b(C::Search, vec![p(K::PageDown)], A::PageDown, ("10 hasil ke bawah", "10 results down"), None);
    b(C::Search, vec![p(K::Enter)], A::Open, ("buka hasil di langkah yang cocok", "open the hit at its step"), Some(("buka", "open")));
    b(C::Search, vec![Key::ctrl('s')], A::Similar, ("risalah serupa dengan hasil terpilih", "reports similar to the selected hit"), None);
    b(C::Search, vec![p(K::Esc)], A::Back, ("kembali", "back"), Some(("kembali", "back")));
    b(C::SearchQuery, vec![Key::ctrl('u')], A::ClearText, ("hapus kueri", "clear the query"), None);
    b(C::SearchFilter, vec![p(K::Right), c('l'), c(' ')], A::Right, ("nilai saringan berikutnya", "next filter value"), Some(("nilai saringan", "filter value")));
    b(C::SearchFilter, vec![p(K::Left), c('h')], A::Left, ("nilai saringan sebelumnya", "previous filter value"), None);
    b(C::SearchFilter, vec![p(K::Backspace), p(K::Delete)], A::ClearFilter, ("hapus saringan ini", "clear this filter"), None);
    b(C::SearchResults, vec![c('k')], A::Up, ("hasil sebelumnya", "previous result"), None);
    b(C::SearchResults, vec![c('j')], A::Down, ("hasil berikutnya", "next result"), None);
    b(C::SearchResults, top, A::Top, ("hasil pertama", "first result"), None);
    b(C::SearchResults, bottom, A::Bottom, ("hasil terakhir", "last result"), None);
    b(C::SearchResults, vec![c('m')], A::Similar, ("risalah serupa", "similar reports"), None);
    b(C::SearchResults, vec![c('/')], A::FocusQuery, ("ke kueri", "to the query"), None);

    // Draft watch.
    b(C::Draft, up.clone(), A::Up, ("temuan sebelumnya", "previous finding"), Some(("pilih", "select")));
    b(C::Draft, down.clone(), A::Down, ("temuan berikutnya", "next finding"), None);
    b(C::Draft, vec![p(K::Home), c('g')], A::Top, ("temuan pertama", "first finding"), None);
    b(C::Draft, vec![p(K::End), c('G')], A::Bottom, ("temuan terakhir", "last finding"), None);
    b(C::Draft, vec![p(K::Enter)], A::Open, ("buka langkah temuan", "open the finding's step"), Some(("buka", "open")));
    b(C::Draft, vec![c('r')], A::Recheck, ("periksa ulang sekarang", "re-check now"), Some(("periksa ulang", "re-check")));
    b(C::Draft, vec![p(K::Esc)], A::Back, ("kembali", "back"), Some(("kembali", "back")));

    // Ranking and progress.
    b(C::Ranking, up.clone(), A::Up, ("peserta sebelumnya", "previous entry"), Some(("pilih", "select")));
    b(C::Ranking, down.clone(), A::Down, ("peserta berikutnya", "next entry"), None);
    b(C::Ranking, vec![c('m')], A::Method, ("metode agregasi berikutnya", "next aggregation method"), Some(("metode", "method")));
    b(C::Ranking, vec![c('c')], A::Category, ("kategori: semua / OPD / kelurahan", "category: all / OPD / kelurahan"), Some(("kategori", "category")));
    b(C::Ranking, vec![c('t')], A::StageView, ("hasil akhir / peringkat tiap tahap", "final result / each stage's ranking"), Some(("tahap", "stage")));
    b(C::Ranking, vec![c('x')], A::Export, ("ekspor (.xlsx, .csv, .md)", "export (.xlsx, .csv, .md)"), Some(("ekspor", "export")));
    b(C::Ranking, vec![p(K::Enter)], A::Open, ("buka risalah", "open the report"), None);
    b(C::Ranking, vec![p(K::Esc), p(K::Backspace)], A::Back, ("kembali", "back"), Some(("kembali", "back")));
    b(C::ExportPath, vec![p(K::Enter)], A::Save, ("tulis berkas", "write the file"), Some(("tulis", "write")));
    b(C::ExportPath, vec![p(K::Esc)], A::Back, ("batal", "cancel"), Some(("batal", "cancel")));
    b(C::ExportPath, vec![Key::ctrl('u')], A::ClearText, ("hapus jalur", "clear the path"), None);
    b(C::Progress, up.clone(), A::Up, ("baris sebelumnya", "previous line"), Some(("pilih", "select")));
    b(C::Progress, vec![p(K::Down), c('j')], A::Down, ("baris berikutnya", "next line"), None);
    b(C::Progress, vec![p(K::Enter)], A::Open, ("juri: daftar yang belum selesai · risalah: buka · selisih: bandingkan juri", "judge: what is unfinished · entry: open · disagreement: compare the judges"), Some(("buka", "open")));
    b(C::Progress, vec![c('r')], A::ToRanking, ("peringkat", "ranking"), Some(("peringkat", "ranking")));
    b(C::Progress, vec![c('t')], A::StageView, ("tahap berikutnya", "next stage"), Some(("tahap", "stage")));
    b(C::Progress, vec![p(K::Esc), p(K::Backspace)], A::Back, ("kembali", "back"), Some(("kembali", "back")));

    // Overlays.
    b(C::Source, up.clone(), A::Up, ("gulir ke atas", "scroll up"), Some(("gulir", "scroll")));
    b(C::Source, down.clone(), A::Down, ("gulir ke bawah", "scroll down"), None);
    b(C::Source, vec![p(K::PageUp)], A::PageUp, ("satu halaman ke atas", "a page up"), None);
    b(C::Source, vec![p(K::PageDown)], A::PageDown, ("satu halaman ke bawah", "a page down"), None);
    b(C::Source, vec![p(K::Esc), p(K::Enter), c('q'), p(K::Backspace)], A::Back, ("tutup", "close"), Some(("tutup", "close")));
    b(C::Source, vec![c('?')], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));

    b(C::HelpOverlay, up.clone(), A::Up, ("gulir ke atas", "scroll up"), Some(("gulir", "scroll")));
    b(C::HelpOverlay, down.clone(), A::Down, ("gulir ke bawah", "scroll down"), None);
    b(C::HelpOverlay, vec![p(K::PageUp)], A::PageUp, ("satu halaman ke atas", "a page up"), None);
    b(C::HelpOverlay, vec![p(K::PageDown)], A::PageDown, ("satu halaman ke bawah", "a page down"), None);
    b(C::HelpOverlay, vec![p(K::Home)], A::Top, ("ke awal", "to the top"), None);
    b(C::HelpOverlay, vec![p(K::End)], A::Bottom, ("ke akhir", "to the end"), None);
    b(C::HelpOverlay, vec![p(K::Esc), c('?'), c('q'), p(K::Enter)], A::Back, ("tutup bantuan", "close the help"), Some(("tutup", "close")));

    b(C::Picker, up.clone(), A::Up, ("juri sebelumnya", "previous judge"), Some(("pilih", "select")));
    b(C::Picker, down, A::Down, ("juri berikutnya", "next judge"), None);
    b(C::Picker, vec![p(K::Enter)], A::Open, ("pakai juri ini (diingat)", "score as this judge (remembered)"), Some(("pakai", "use")));
    b(C::Picker, vec![c('r')], A::ReadOnly, ("hanya membaca, tanpa menilai", "read only, no scoring"), Some(("hanya membaca", "read only")));
    b(C::Picker, vec![p(K::Esc)], A::Back, ("tutup, juri tetap", "close, judge unchanged"), Some(("tutup", "close")));
    b(C::Picker, vec![c('?')], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));

    b(C::Compare, up.clone(), A::Up, ("gulir ke atas", "scroll up"), Some(("gulir", "scroll")));
    b(C::Compare, vec![p(K::Down), c('j')], A::Down, ("gulir ke bawah", "scroll down"), None);
    b(C::Compare, vec![p(K::PageUp)], A::PageUp, ("satu halaman ke atas", "a page up"), None);
    b(C::Compare, vec![p(K::PageDown)], A::PageDown, ("satu halaman ke bawah", "a page down"), None);
    b(C::Compare, vec![p(K::Esc), c('q'), p(K::Enter)], A::Back, ("tutup", "close"), Some(("tutup", "close")));
    b(C::Compare, vec![c('?')], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));

    b(C::StagePicker, up.clone(), A::Up, ("tahap sebelumnya", "previous stage"), Some(("pilih", "select")));
    b(C::StagePicker, vec![p(K::Down), c('j')], A::Down, ("tahap berikutnya", "next stage"), None);
    b(C::StagePicker, vec![p(K::Enter)], A::Open, ("nilai di tahap ini", "score in this stage"), Some(("pakai", "use")));
    b(C::StagePicker, vec![p(K::Esc), c('q')], A::Back, ("tutup, tahap tetap", "close, stage unchanged"), Some(("tutup", "close")));
    b(C::StagePicker, vec![c('?')], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));

    b(C::NoteEditor, vec![Key::ctrl('s')], A::Save, ("simpan catatan", "save the note"), Some(("simpan", "save")));
    b(C::NoteEditor, vec![p(K::Esc)], A::Back, ("selesai (bertanya bila belum disimpan)", "done (asks when unsaved)"), Some(("selesai", "done")));
    b(C::NoteEditor, vec![Key::ctrl('u')], A::ClearText, ("hapus seluruh catatan", "clear the whole note"), None);

    b(C::Prompt, vec![c('s'), c('S'), p(K::Enter)], A::Save, ("simpan catatan", "save the note"), Some(("simpan", "save")));
    b(C::Prompt, vec![c('b'), c('B'), c('d'), c('D')], A::Discard, ("buang perubahan", "discard the changes"), Some(("buang", "discard")));
    b(C::Prompt, vec![p(K::Esc), c('c'), c('C')], A::Back, ("batal, kembali ke catatan", "cancel, back to the note"), Some(("batal", "cancel")));
    b(C::Prompt, vec![c('?')], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));

    // Everywhere.
    b(C::Global, vec![c('?')], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));
    b(C::Global, vec![c('q')], A::Quit, ("keluar", "quit"), Some(("keluar", "quit")));
    b(C::Global, vec![c('J')], A::ChooseJudge, ("pilih juri", "choose the judge"), None);
    b(C::Global, vec![c('T')], A::ChooseStage, ("pilih tahap yang dinilai", "choose the stage to score"), None);
    b(C::Screens, vec![p(K::F(2))], A::ToOverview, ("ikhtisar", "overview"), None);
    b(C::Screens, vec![p(K::F(3))], A::ToSearch, ("cari arsip", "search the archive"), None);
    b(C::Screens, vec![p(K::F(4))], A::ToDraft, ("pantau draf", "draft watch"), None);
    b(C::Screens, vec![p(K::F(5))], A::ToRanking, ("peringkat", "ranking"), None);
    b(C::Screens, vec![p(K::F(6))], A::ToProgress, ("kemajuan juri", "judges' progress"), None);
    b(C::Always, vec![p(K::F(1))], A::Help, ("bantuan", "help"), Some(("bantuan", "help")));
    b(C::Always, vec![Key::ctrl('c'), Key::ctrl('q')], A::Quit, ("keluar", "quit"), None);
    v
}

/// The digit of a `Step` or `Score` binding's key: those bindings carry one action for ten keys.
pub fn with_digit(action: Action, key: Key) -> Action {
    let digit = match key.code {
        KeyCode::Char(c) => c.to_digit(10).and_then(|d| u8::try_from(d).ok()),
        _ => None,
    };
    match (action, digit) {
        (Action::Step(_), Some(d)) => Action::Step(d),
        (Action::Score(_), Some(d)) => Action::Score(d),
        (a, _) => a,
    }
}
