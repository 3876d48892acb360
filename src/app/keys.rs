//! Every key of every screen, as the help overlay and the bottom bar show them. One table, so the
//! help cannot drift from what the keys do.

/// (key, Indonesian, English, short Indonesian and English when shown in the bottom bar)
pub type Key = (
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

/// A key's name as the reader's language says it: most keys are named alike in both.
pub fn label(key: &'static str, lang: tulta_core::i18n::Lang) -> &'static str {
    let en = match key {
        "spasi" => "Space",
        "ketik" => "type",
        "klik / gulir" => "click / scroll",
        "Tab → panel nilai" => "Tab → scoring panel",
        _ => key,
    };
    lang.pick(key, en)
}

pub const GLOBAL: &[Key] = &[
    ("?  F1", "bantuan", "help", Some(("bantuan", "help"))),
    ("q  Ctrl-C", "keluar", "quit", Some(("keluar", "quit"))),
    (
        "Esc",
        "kembali / tutup",
        "back / close",
        Some(("kembali", "back")),
    ),
    ("F2", "ikhtisar", "overview", None),
    ("F3", "cari arsip", "search the archive", None),
    ("F4", "pantau draf", "draft watch", None),
    ("F5", "peringkat", "ranking", None),
    ("F6", "kemajuan juri", "judges' progress", None),
    ("J", "pilih juri", "choose the judge", None),
];

pub const OVERVIEW: &[Key] = &[
    ("↑↓ j k", "pilih risalah", "select a report", None),
    ("PgUp PgDn Home End", "lompat", "jump", None),
    (
        "Enter",
        "buka langkah demi langkah",
        "open step by step",
        Some(("buka", "open")),
    ),
    (
        "/",
        "saring daftar",
        "filter the list",
        Some(("saring", "filter")),
    ),
    (
        "s",
        "urutkan menurut kolom berikutnya",
        "sort by the next column",
        Some(("urut", "sort")),
    ),
    ("S", "balik urutan", "reverse the order", None),
    (
        "c  F3",
        "cari di arsip",
        "search the archive",
        Some(("cari", "search")),
    ),
    (
        "d",
        "pantau berkas ini sebagai draf",
        "watch this file as a draft",
        None,
    ),
    (
        "klik / gulir",
        "pilih; klik lagi untuk membuka",
        "select; click again to open",
        None,
    ),
];

pub const WALK: &[Key] = &[
    (
        "↑↓ j k",
        "langkah (kiri) / gulir (kanan)",
        "step (left) / scroll (right)",
        Some(("langkah", "step")),
    ),
    (
        "1-7",
        "langsung ke langkah",
        "go to step",
        Some(("ke langkah", "go to step")),
    ),
    (
        "Tab  Shift-Tab",
        "pindah panel",
        "switch pane",
        Some(("panel", "pane")),
    ),
    (
        "← → h l",
        "tab isi langkah",
        "tabs of the step",
        Some(("tab", "tabs")),
    ),
    ("PgUp PgDn Home End", "gulir", "scroll", None),
    ("t", "temuan langkah ini", "this step's findings", None),
    (
        "Enter",
        "di temuan: lihat barisnya",
        "on a finding: show its line",
        None,
    ),
    (
        "n  p",
        "risalah berikutnya / sebelumnya",
        "next / previous report",
        None,
    ),
    ("m", "risalah serupa", "similar reports", None),
    ("Esc", "kembali", "back", None),
    (
        "Tab → panel nilai",
        "menilai (bila juri dipilih):",
        "scoring (with a judge chosen):",
        None,
    ),
    (
        "1-5",
        "di panel: nilai kriteria",
        "in the panel: criterion score",
        None,
    ),
    (
        "+  -",
        "di panel: naik / turun setengah",
        "in the panel: up / down a half",
        None,
    ),
    (
        "]  [",
        "di panel: kriteria berikutnya / sebelumnya",
        "in the panel: next / previous criterion",
        None,
    ),
    (
        "spasi",
        "di panel: centang butir panduan",
        "in the panel: tick a guidance item",
        None,
    ),
    (
        "Enter  e",
        "di panel: tulis catatan (Ctrl-S simpan)",
        "in the panel: write a note (Ctrl-S saves)",
        None,
    ),
    (
        "u",
        "batalkan perubahan terakhir",
        "undo the last change",
        None,
    ),
];

pub const SEARCH: &[Key] = &[
    (
        "ketik",
        "kata, \"frasa\", opd:…, tahun:2025, NOT",
        "words, \"phrases\", opd:…, tahun:2025, NOT",
        None,
    ),
    (
        "Tab  Shift-Tab",
        "kueri → saringan → hasil",
        "query → filters → results",
        Some(("kueri/saringan/hasil", "query/filters/results")),
    ),
    (
        "← →",
        "di saringan: ganti nilai",
        "on a filter: change value",
        Some(("nilai saringan", "filter value")),
    ),
    (
        "↑↓",
        "pilih hasil",
        "select a result",
        Some(("pilih", "select")),
    ),
    (
        "Enter",
        "buka hasil di langkah yang cocok",
        "open the hit at its step",
        Some(("buka", "open")),
    ),
    (
        "Ctrl-S  m",
        "risalah serupa (m di hasil)",
        "similar reports (m on results)",
        None,
    ),
    ("Ctrl-U", "hapus kueri", "clear the query", None),
];

pub const DRAFT: &[Key] = &[
    (
        "↑↓ j k",
        "pilih temuan",
        "select a finding",
        Some(("pilih", "select")),
    ),
    (
        "Enter",
        "buka langkah temuan",
        "open the finding's step",
        Some(("buka", "open")),
    ),
    (
        "r",
        "periksa ulang sekarang",
        "re-check now",
        Some(("periksa ulang", "re-check")),
    ),
];

pub const SOURCE: &[Key] = &[
    ("↑↓ PgUp PgDn", "gulir", "scroll", Some(("gulir", "scroll"))),
    ("Esc", "tutup", "close", Some(("tutup", "close"))),
];

pub const RANKING: &[Key] = &[
    (
        "↑↓",
        "pilih peserta",
        "select an entry",
        Some(("pilih", "select")),
    ),
    (
        "m",
        "metode agregasi berikutnya",
        "next aggregation method",
        Some(("metode", "method")),
    ),
    (
        "c",
        "kategori: semua / OPD / kelurahan",
        "category: all / OPD / kelurahan",
        Some(("kategori", "category")),
    ),
    (
        "x",
        "ekspor (.xlsx, .csv, .md)",
        "export (.xlsx, .csv, .md)",
        Some(("ekspor", "export")),
    ),
    ("Enter", "buka risalah", "open the report", None),
];

pub const PROGRESS: &[Key] = &[(
    "F5  r",
    "peringkat",
    "ranking",
    Some(("peringkat", "ranking")),
)];

/// The walk-through with the scoring panel focused.
pub const PANEL: &[Key] = &[
    (
        "1-5",
        "nilai kriteria",
        "criterion score",
        Some(("nilai", "score")),
    ),
    (
        "+  -",
        "naik / turun setengah",
        "up / down a half",
        Some(("½", "½")),
    ),
    (
        "]  [",
        "kriteria berikutnya / sebelumnya",
        "next / previous criterion",
        Some(("kriteria", "criterion")),
    ),
    (
        "spasi",
        "centang butir panduan",
        "tick a guidance item",
        Some(("centang", "tick")),
    ),
    (
        "Enter  e",
        "tulis catatan (Ctrl-S simpan)",
        "write a note (Ctrl-S saves)",
        Some(("catatan", "note")),
    ),
    (
        "u",
        "batalkan perubahan terakhir",
        "undo the last change",
        Some(("batal", "undo")),
    ),
    (
        "n  p",
        "risalah berikutnya / sebelumnya",
        "next / previous report",
        Some(("risalah", "report")),
    ),
    ("Tab", "pindah panel", "switch pane", None),
];
