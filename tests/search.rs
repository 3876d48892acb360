//! Archive search end to end: analysis, queries, snippets, the incremental index and its recovery,
//! and the `index` / `search` commands. Every corpus is small and built here.
//!
//! Over 600 lines as one list of independent cases, one test binary per concern (`cargo test
//! --test search`): a split would only add binaries to build, not separate jobs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tulta_core::files::sources::Root;
use tulta_core::i18n::Localized;
use tulta_core::search::{self, Archive, Notice, Rebuilt, Results, Stats};

const CLEAN: &str = include_str!("fixtures/bersih.yaml");

/// A variant of the clean fixture: its own id, and `edits` applied as (from, to) replacements.
fn risalah(id: &str, edits: &[(&str, &str)]) -> String {
    let mut text = CLEAN.replace("uji-2026-kelurahan-mawar", id);
    for (from, to) in edits {
        assert!(text.contains(from), "fixture has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The fixture with a sentence of our own in step 7, whose other text is made neutral.
fn with_step7(id: &str, sentence: &str) -> String {
    risalah(
        id,
        &[
            (
                "uraian: Cara kerja baru dibakukan.",
                &format!("uraian: Cara kerja baru dibakukan. {sentence}"),
            ),
            ("Waktu layanan dilaporkan", "Waktu proses dilaporkan"),
        ],
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

struct Fixture {
    _tmp: tempfile::TempDir,
    reports: PathBuf,
    index: PathBuf,
    cache: PathBuf,
}

impl Fixture {
    fn new(files: &[(&str, String)]) -> Fixture {
        let tmp = tempfile::tempdir().expect("tmp");
        let reports = tmp.path().join("reports");
        std::fs::create_dir_all(&reports).expect("mkdir");
        for (name, text) in files {
            write(&reports, name, text);
        }
        let cache = tmp.path().join("cache");
        let index = cache.join("idx");
        Fixture {
            _tmp: tmp,
            reports,
            index,
            cache,
        }
    }

    fn root(&self) -> Root {
        Root::Disk(self.reports.clone())
    }

    /// Opens and refreshes; the archive and what the refresh did.
    fn refresh(&self) -> (Archive, Stats) {
        self.refresh_at(&self.index)
    }

    fn refresh_at(&self, index: &Path) -> (Archive, Stats) {
        let mut a = Archive::open(index, false).expect("open index");
        let stats = a.refresh(&self.root(), &|_, _| {}).expect("refresh");
        (a, stats)
    }

    fn search(&self, q: &str) -> Results {
        let (a, _) = self.refresh();
        search::search(&a, q, 20).expect("search")
    }
}

fn ids(r: &Results) -> Vec<String> {
    let mut v: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
    v.sort();
    v
}

#[test]
fn stemming_joins_the_forms_of_a_word() {
    let groups: [&[&str]; 3] = [
        &["melayani", "dilayani", "pelayanan", "layanan"],
        &["perbaikan", "memperbaiki"],
        &["penyebab", "menyebabkan"],
    ];
    let mut files = Vec::new();
    for (g, forms) in groups.iter().enumerate() {
        for (i, form) in forms.iter().enumerate() {
            files.push((
                format!("g{g}-{i}.yaml"),
                with_step7(&format!("g{g}-{i}"), &format!("Kata uji {form}.")),
            ));
        }
    }
    let files: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let fx = Fixture::new(&files);
    for (g, forms) in groups.iter().enumerate() {
        let expected: Vec<String> = (0..forms.len()).map(|i| format!("g{g}-{i}")).collect();
        for form in forms.iter() {
            let r = fx.search(&format!("langkah7:{form}"));
            assert_eq!(ids(&r), expected, "langkah7:{form}");
        }
    }
}

#[test]
fn one_typo_in_a_word_of_four_letters_or_more_is_forgiven() {
    let fx = Fixture::new(&[
        ("a.yaml", with_step7("daftar", "Pendaftaran daring dibuka.")),
        ("b.yaml", with_step7("lain", "Tidak ada yang baru.")),
    ]);
    for typo in ["pendaftarn", "pendaftraan", "pendaftarab", "pndaftaran"] {
        let r = fx.search(typo);
        assert_eq!(ids(&r), ["daftar"], "{typo}");
        assert!(!r.corrections.is_empty(), "{typo}: corrections reported");
    }
    // Exact words do not go through the fuzzy pass.
    let r = fx.search("pendaftaran");
    assert_eq!(ids(&r), ["daftar"]);
    assert!(r.corrections.is_empty());
    // Three letters: too short to guess at ("SOP" is in every file).
    assert_eq!(fx.search("SOQ").total, 0);
    assert_eq!(fx.search("SOP").total, 2);
}

#[test]
fn field_filters_years_and_boolean_operators() {
    let fx = Fixture::new(&[
        (
            "a.yaml",
            risalah(
                "a",
                &[
                    ("tahun: 2026", "tahun: 2020"),
                    ("daerah: Kota Uji", "daerah: Kabupaten Wanasari"),
                ],
            ),
        ),
        (
            "b.yaml",
            risalah(
                "b",
                &[
                    ("tahun: 2026", "tahun: 2022"),
                    ("opd: Kelurahan Mawar", "opd: RSUD Tirta Husada"),
                    ("jenis: kelurahan", "jenis: opd"),
                ],
            ),
        ),
        (
            "c.yaml",
            risalah(
                "c",
                &[(
                    "    tema_berikutnya: Loket sering kosong",
                    "    tema_berikutnya: Loket sering kosong\n    alat:\n      - jenis: diagram_alir\n        langkah: [Terima berkas, Cetak surat]",
                )],
            ),
        ),
    ]);
    let cases: &[(&str, &[&str])] = &[
        ("tahun:2020", &["a"]),
        ("tahun:[2020 TO 2022]", &["a", "b"]),
        ("tahun:>=2022", &["b", "c"]),
        ("tahun:2021-2026", &["b", "c"]),
        ("daerah:wanasari", &["a"]),
        ("daerah:\"Kota Uji\"", &["b", "c"]),
        ("opd:rsud", &["b"]),
        ("jenis:opd", &["b"]),
        ("jenis:kelurahan", &["a", "c"]),
        ("alat:flowchart", &["c"]),
        ("alat:diagram_alir", &["c"]),
        ("alat:pareto", &["a", "b", "c"]),
        ("langkah:printer", &["a", "b", "c"]),
        ("langkah1:printer", &[]),
        ("langkah2:printer", &["a", "b", "c"]),
        ("surat NOT opd:mawar", &["b"]),
        ("tahun:2020 OR tahun:2022", &["a", "b"]),
        ("printer AND jenis:opd", &["b"]),
        ("id:c", &["c"]),
    ];
    for (q, expected) in cases {
        assert_eq!(ids(&fx.search(q)), *expected, "{q}");
    }
}

#[test]
fn unknown_fields_and_bad_years_are_the_users_to_fix() {
    let fx = Fixture::new(&[("a.yaml", risalah("a", &[]))]);
    let (a, _) = fx.refresh();
    let err = |q: &str| match search::search(&a, q, 10) {
        Err(search::SearchError::Query(e)) => e,
        other => panic!("{q}: expected a query error, got {other:?}"),
    };
    assert_eq!(
        err("warna:merah"),
        search::QueryError::UnknownField("warna".into())
    );
    assert_eq!(
        err("tahun:lalu"),
        search::QueryError::NotAYear("lalu".into())
    );
    assert!(err("warna:merah")
        .message(tulta_core::i18n::Lang::Id)
        .contains("tidak dikenal"));
}

#[test]
fn phrases_match_words_in_order() {
    let fx = Fixture::new(&[
        (
            "a.yaml",
            with_step7("urut", "Berkas diterima petugas loket."),
        ),
        (
            "b.yaml",
            with_step7("acak", "Petugas menerima berkas di loket."),
        ),
    ]);
    assert_eq!(ids(&fx.search("\"berkas diterima\"")), ["urut"]);
    // Stemmed inside phrases too: "menerima berkas" is "terima berkas" in the other file.
    assert_eq!(ids(&fx.search("\"menerima berkas\"")), ["acak"]);
    assert_eq!(ids(&fx.search("berkas diterima")), ["acak", "urut"]);
    // Step 7's monitoring ends "… tiap bulan." and its next theme begins "Loket sering kosong":
    // one field, two pieces, no phrase across them.
    assert_eq!(ids(&fx.search("\"sering kosong\"")), ["acak", "urut"]);
    assert!(ids(&fx.search("\"bulan loket\"")).is_empty());
}

#[test]
fn snippets_highlight_the_matched_words_and_hits_name_their_step() {
    let fx = Fixture::new(&[("a.yaml", risalah("a", &[]))]);
    let r = fx.search("pelimpahan paraf");
    let hit = &r.hits[0];
    assert_eq!(hit.langkah, Some(4), "the 5W1H action is in step 4");
    let words: Vec<String> = hit
        .cuplikan
        .words()
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    assert!(words.contains(&"pelimpahan".to_string()), "{words:?}");
    assert!(words.contains(&"paraf".to_string()), "{words:?}");
    assert!(hit
        .cuplikan
        .marked("[", "]")
        .contains("[Pelimpahan] [paraf]"));

    // Stemmed matches are highlighted as written: "dibakukan" for "baku".
    let r = fx.search("pembakuan");
    assert_eq!(r.hits[0].langkah, Some(7));
    assert_eq!(r.hits[0].cuplikan.words(), ["dibakukan"]);

    // Causes are in step 2 and 3; the dominant cause's count table makes step 3 the better match.
    let r = fx.search("printer");
    assert!(matches!(r.hits[0].langkah, Some(2 | 3 | 6)));

    // Only the title matches: no step, the title is the snippet.
    let r = fx.search("mempercepat");
    assert_eq!(r.hits[0].langkah, None);
    assert_eq!(r.hits[0].cuplikan.words(), ["Mempercepat"]);

    assert_eq!(
        r.hits[0].judul,
        "Mempercepat penerbitan surat pengantar di Kelurahan Mawar"
    );
    assert_eq!(r.hits[0].opd, "Kelurahan Mawar");
    assert_eq!(r.hits[0].tahun, Some(2026));
    assert_eq!(r.hits[0].path, "a.yaml");
    assert!(r.hits[0].skor > 0.0);
}

#[test]
fn attachment_notes_are_searched_and_name_their_step() {
    let with = format!(
        "{}lampiran:\n  - {{jenis: foto_sesudah, berkas: lampiran/loket.jpg, langkah: 6, keterangan: Papan antrean elektronik terpasang}}\n  - {{jenis: notulen, berkas: lampiran/rapat.pdf, keterangan: Musyawarah perdana kelompok}}\n",
        risalah("a", &[])
    );
    let fx = Fixture::new(&[("a.yaml", with), ("b.yaml", risalah("b", &[]))]);
    let r = fx.search("papan elektronik");
    assert_eq!(ids(&r), ["a"]);
    assert_eq!(
        r.hits[0].langkah,
        Some(6),
        "a step's evidence reads with the step"
    );
    assert_eq!(
        ids(&fx.search("musyawarah")),
        ["a"],
        "a note without a step"
    );
    assert_eq!(ids(&fx.search("lampiran:musyawarah")), ["a"]);
    assert!(fx.search("lampiran:surat").hits.is_empty());
}

#[test]
fn similar_reports_share_the_problem() {
    let files: Vec<(String, String)> = (0..60)
        .map(|i| (format!("g/{i:03}.yaml"), tulta_corpus::risalah(11, i)))
        .collect();
    let refs: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let fx = Fixture::new(&refs);
    let (a, _) = fx.refresh();
    let judul_of = |text: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix("judul: "))
            .map(str::to_string)
            .expect("judul")
    };
    let id_of = |text: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix("id: "))
            .map(str::to_string)
            .expect("id")
    };
    // A report whose problem (same title) appears in other reports too.
    let (source, twins) = files
        .iter()
        .find_map(|(_, t)| {
            let twins = files
                .iter()
                .filter(|(_, o)| judul_of(o) == judul_of(t) && id_of(o) != id_of(t))
                .count();
            (twins > 0).then(|| (t.clone(), twins))
        })
        .expect("the generator repeats problems");
    let id = id_of(&source);
    let r = search::similar(&a, &id, 5).expect("similar");
    assert!(!r.hits.is_empty());
    assert!(
        r.hits.iter().all(|h| h.id != id),
        "the report itself is left out"
    );
    for h in r.hits.iter().take(twins.min(2)) {
        assert_eq!(h.judul, judul_of(&source), "{:?}", r.hits);
    }
    assert!(matches!(
        search::similar(&a, "tidak-ada", 5),
        Err(search::SearchError::Query(search::QueryError::UnknownId(_)))
    ));
    // Among the reports the filters on screen admit only (defect 13 of issue 16).
    let everyone = search::similar(&a, &id, 60).expect("similar");
    let tahun = everyone.hits[0].tahun.expect("a year");
    let within = search::similar_within(&a, &id, 60, &format!("tahun:{tahun}")).expect("within");
    assert!(!within.hits.is_empty());
    assert!(
        within.hits.iter().all(|h| h.tahun == Some(tahun)),
        "{:?}",
        within.hits
    );
    assert!(
        within.hits.len() < everyone.hits.len(),
        "the filter leaves some out: {} of {}",
        within.hits.len(),
        everyone.hits.len()
    );
}

#[test]
fn changes_additions_and_deletions_are_picked_up_and_nothing_else_is_read() {
    let fx = Fixture::new(&[
        ("a.yaml", with_step7("a", "Kata kuno.")),
        ("b.yaml", with_step7("b", "Biasa.")),
        ("sub/c.yaml", with_step7("c", "Biasa.")),
    ]);
    let (_, s) = fx.refresh();
    assert_eq!((s.files, s.indexed, s.added), (3, 3, 3));

    let (_, s) = fx.refresh();
    assert_eq!((s.added, s.updated, s.removed, s.unchanged), (0, 0, 0, 3));

    // Change.
    write(
        &fx.reports,
        "a.yaml",
        &with_step7("a", "Kata segar sekali."),
    );
    let (_, s) = fx.refresh();
    assert_eq!((s.added, s.updated, s.removed, s.unchanged), (0, 1, 0, 2));
    assert_eq!(ids(&fx.search("langkah7:segar")), ["a"]);
    assert_eq!(fx.search("langkah7:kuno").total, 0);

    // Add.
    write(&fx.reports, "d.yaml", &with_step7("d", "Kata segar juga."));
    let (_, s) = fx.refresh();
    assert_eq!((s.added, s.updated, s.removed, s.indexed), (1, 0, 0, 4));
    assert_eq!(ids(&fx.search("langkah7:segar")), ["a", "d"]);

    // Delete.
    std::fs::remove_file(fx.reports.join("sub/c.yaml")).expect("rm");
    let (_, s) = fx.refresh();
    assert_eq!((s.removed, s.indexed), (1, 3));
    assert_eq!(ids(&fx.search("biasa")), ["b"]);

    // Touched but the same bytes: hashed, found equal, not re-indexed.
    let file = std::fs::File::options()
        .write(true)
        .open(fx.reports.join("b.yaml"))
        .expect("open");
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .expect("touch");
    drop(file);
    let (_, s) = fx.refresh();
    assert_eq!((s.added, s.updated, s.removed, s.unchanged), (0, 0, 0, 3));
}

#[test]
fn broken_files_are_skipped_and_counted() {
    let fx = Fixture::new(&[
        ("good.yaml", risalah("good", &[])),
        (
            "syntax.yaml",
            "format: risalah/1\njudul: [tidak ditutup\n".into(),
        ),
        (
            "format.yaml",
            risalah("fmt", &[("format: risalah/1", "format: laporan/9")]),
        ),
        ("binary.yaml", "\0\0\0".into()),
        (
            "rubrik.yaml",
            "format: rubrik/1\nkriteria:\n  - {id: K1, nama: Data, bobot: 1}\n".into(),
        ),
    ]);
    let (_, s) = fx.refresh();
    assert_eq!((s.files, s.indexed, s.broken), (5, 1, 3), "{s:?}");
    assert_eq!(s.other + s.broken + s.indexed, 5);
    // Still counted when nothing changed, without reading them again.
    let (_, s) = fx.refresh();
    assert_eq!((s.indexed, s.broken, s.unchanged), (1, 3, 5));
    // Fixed: indexed.
    write(&fx.reports, "syntax.yaml", &risalah("fixed", &[]));
    let (_, s) = fx.refresh();
    assert_eq!((s.added, s.indexed, s.broken), (1, 2, 2));
}

fn files_named(dir: &Path, pred: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("ls")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&pred))
        .collect()
}

#[test]
fn another_schema_version_is_rebuilt_with_a_notice() {
    let fx = Fixture::new(&[("a.yaml", risalah("a", &[]))]);
    drop(fx.refresh());
    std::fs::write(fx.index.join("tulta-schema"), "0\n").expect("write");
    let (a, s) = fx.refresh();
    assert_eq!(
        a.notices,
        [Notice::Rebuilt(Rebuilt::SchemaChanged { found: Some(0) })]
    );
    assert_eq!((s.added, s.indexed), (1, 1));
    assert_eq!(search::search(&a, "printer", 5).expect("search").total, 1);
    drop(a);
    let (a, s) = fx.refresh();
    assert!(a.notices.is_empty());
    assert_eq!(s.unchanged, 1);
}

#[test]
fn a_corrupt_index_is_rebuilt_with_a_notice() {
    let fx = Fixture::new(&[("a.yaml", risalah("a", &[])), ("b.yaml", risalah("b", &[]))]);
    drop(fx.refresh());

    // A damaged commit file.
    std::fs::write(fx.index.join("meta.json"), "{ not json").expect("write");
    let (a, s) = fx.refresh();
    assert!(
        matches!(a.notices.as_slice(), [Notice::Rebuilt(Rebuilt::Corrupt(_))]),
        "{:?}",
        a.notices
    );
    assert_eq!(s.indexed, 2);
    drop(a);

    // A segment file gone.
    let segment_files = files_named(&fx.index, |n| n.ends_with(".term"));
    assert!(!segment_files.is_empty());
    for f in segment_files {
        std::fs::remove_file(f).expect("rm");
    }
    let (a, s) = fx.refresh();
    assert!(matches!(
        a.notices.as_slice(),
        [Notice::Rebuilt(Rebuilt::Corrupt(_))]
    ));
    assert_eq!(s.indexed, 2);
    assert_eq!(search::search(&a, "printer", 5).expect("search").total, 2);
    drop(a);

    // Our files list lost: rebuilt from the index, files hashed, nothing re-indexed.
    std::fs::remove_file(fx.index.join("tulta-files")).expect("rm");
    let (a, s) = fx.refresh();
    assert!(a.notices.is_empty());
    assert_eq!((s.added, s.updated, s.unchanged, s.indexed), (0, 0, 2, 2));
}

#[test]
fn a_second_process_on_the_same_index_gets_read_only_access() {
    let fx = Fixture::new(&[("a.yaml", risalah("a", &[]))]);
    // Where the command line will look, so that a child process meets this one's lock. No other
    // test of this binary reads the variable: they pass the cache to children explicitly.
    let cache = fx.cache.join("shared");
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, &cache);
    let index = search::index_dir(&fx.root()).expect("index dir");
    std::env::remove_var(tulta_core::files::paths::CACHE_ENV);

    let (writer, _) = fx.refresh_at(&index);
    assert!(!writer.read_only());

    write(&fx.reports, "b.yaml", &risalah("b", &[]));
    let (second, s) = fx.refresh_at(&index);
    assert!(second.read_only());
    assert_eq!(second.notices, [Notice::ReadOnly]);
    assert_eq!(s.indexed, 1, "read-only: the last commit, unchanged");
    assert_eq!(
        search::search(&second, "printer", 5).expect("search").total,
        1
    );
    drop(second);

    // A real second process, while this one holds the writer.
    let o = tulta(&["search", "printer", "--in"], &fx.reports, &cache, "id");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("hanya-baca"), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("1 risalah cocok"), "{}", stdout(&o));
    drop(writer);

    let (a, s) = fx.refresh_at(&index);
    assert!(!a.read_only());
    assert_eq!((s.added, s.indexed), (1, 2));
}

fn tulta(args: &[&str], dir: &Path, cache: &Path, lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tulta"))
        .args(args)
        .arg(dir)
        .args(["--lang", lang])
        .env(tulta_core::files::paths::CACHE_ENV, cache)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run tulta")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_commands_answer_in_indonesian_and_english() {
    let fx = Fixture::new(&[
        ("a.yaml", risalah("a", &[])),
        ("b.yaml", with_step7("b", "Antrean di loket berkurang.")),
    ]);
    let o = tulta(&["index", "--in"], &fx.reports, &fx.cache, "id");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2 risalah terindeks dari 2 berkas"),
        "{}",
        stdout(&o)
    );

    let o = tulta(&["search", "antrean", "--in"], &fx.reports, &fx.cache, "id");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.starts_with("1 risalah cocok"), "{out}");
    assert!(
        out.contains("langkah 7 (Mencegah terulangnya masalah): "),
        "{out}"
    );
    assert!(out.contains("**Antrean**"), "{out}");

    let o = tulta(&["search", "antrean", "--in"], &fx.reports, &fx.cache, "en");
    let out = stdout(&o);
    assert!(out.starts_with("1 risalah match"), "{out}");
    assert!(
        out.contains("step 7 (Standardise, and plan next): "),
        "{out}"
    );

    let o = tulta(&["index", "--in"], &fx.reports, &fx.cache, "en");
    assert!(
        stdout(&o).contains("2 risalah indexed from 2 files"),
        "{}",
        stdout(&o)
    );

    let o = tulta(
        &["search", "warna:merah", "--in"],
        &fx.reports,
        &fx.cache,
        "id",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("medan `warna` tidak dikenal"),
        "{}",
        stderr(&o)
    );
    let o = tulta(
        &["search", "warna:merah", "--in"],
        &fx.reports,
        &fx.cache,
        "en",
    );
    assert!(
        stderr(&o).contains("unknown field `warna`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn json_output_follows_the_contract() {
    let fx = Fixture::new(&[
        ("a.yaml", risalah("a", &[])),
        ("b.yaml", with_step7("b", "Antrean di loket berkurang.")),
    ]);
    let o = tulta(
        &[
            "search",
            "antrean OR mempercepat",
            "--format",
            "json",
            "--in",
        ],
        &fx.reports,
        &fx.cache,
        "id",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["total"], 2);
    let hits = v["hasil"].as_array().expect("hits");
    assert_eq!(hits.len(), 2);
    for h in hits {
        let mut keys: Vec<&str> = h
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            ["berkas", "cuplikan", "id", "judul", "langkah", "opd", "skor", "sorotan", "tahun"]
        );
        assert!(h["skor"].as_f64().is_some_and(|s| s > 0.0));
        assert_eq!(h["tahun"], 2026);
        let path = h["berkas"].as_str().expect("path");
        assert!(Path::new(path).is_file(), "{path}");
        // No markup inside the text: the matched words are character ranges of it.
        let text: Vec<char> = h["cuplikan"].as_str().expect("text").chars().collect();
        assert!(!text.contains(&'*'), "{text:?}");
        let ranges = h["sorotan"].as_array().expect("ranges");
        assert!(!ranges.is_empty());
        for r in ranges {
            let (a, b) = (
                r[0].as_u64().expect("a") as usize,
                r[1].as_u64().expect("b") as usize,
            );
            assert!(a < b && b <= text.len(), "{r} in {text:?}");
            let word: String = text[a..b].iter().collect::<String>().to_lowercase();
            assert!(
                word.starts_with("antre") || word.contains("cepat"),
                "{word}"
            );
        }
    }
    let b = hits.iter().find(|h| h["id"] == "b").expect("b");
    assert_eq!(b["langkah"], 7);

    let o = tulta(
        &["search", "--similar", "a", "--format", "json", "--in"],
        &fx.reports,
        &fx.cache,
        "id",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["hasil"][0]["id"], "b");
}

/// Issue 16, defect 12: `langkah:3` (the README's form) keeps hits in step 3 instead of looking
/// for the digit 3, and several words without quotes are one query.
#[test]
fn langkah_n_and_several_words_work_from_the_command_line() {
    let cache = tempfile::tempdir().expect("tmp");
    let reports = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
    let o = tulta(
        &["search", "langkah:3", "antrean", "--format", "json", "--in"],
        &reports,
        cache.path(),
        "id",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let hits = v["hasil"].as_array().expect("hits");
    assert!(!hits.is_empty(), "{v}");
    assert!(hits.iter().all(|h| h["langkah"] == 3), "{v}");
    let o = tulta(
        &["search", "antrean", "loket", "--in"],
        &reports,
        cache.path(),
        "en",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("tng-2026-dishub-tertib"),
        "{}",
        stdout(&o)
    );
}

/// The ids `tulta search Q --format json` answers, sorted.
fn searched(fx: &Fixture, q: &str) -> Vec<String> {
    let o = tulta(
        &["search", q, "--format", "json", "--limit", "50", "--in"],
        &fx.reports,
        &fx.cache,
        "en",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let mut ids: Vec<String> = v["hasil"]
        .as_array()
        .expect("hasil")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

/// On Linux a search that finds everything fresh records each folder's stamp (`tulta-dirs`), and
/// the next one lists only folders whose stamp moved. Once the folders are older than the stamps'
/// racy margin (a second), every kind of change is still seen by the next search — each in a
/// folder whose stamp was recorded and trusted before the change: an edit in place keeping the
/// size, a new file with its folder's mtime set back, a file removed, a file renamed.
#[test]
fn searches_over_settled_folders_still_see_every_change() {
    let fx = Fixture::new(&[
        ("a.yaml", with_step7("a", "Biasa.")),
        ("sub/c.yaml", with_step7("c", "Kata kuno.")),
        ("arsip/e.yaml", with_step7("e", "Biasa.")),
    ]);
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert_eq!(searched(&fx, "biasa"), ["a", "e"]); // builds the index
    assert_eq!(searched(&fx, "biasa"), ["a", "e"]); // fresh: records the stamps
    let stamps: Vec<PathBuf> = walk(&fx.cache)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "tulta-dirs"))
        .collect();
    if cfg!(target_os = "linux") && stamps.is_empty() {
        eprintln!("no folder stamps: the temporary folder's file system does not keep them");
    }
    assert_eq!(searched(&fx, "biasa"), ["a", "e"]); // fresh, from the stamps

    // An edit in place keeping the size: the file's own mtime tells, its folder's does not.
    let c = fx.reports.join("sub/c.yaml");
    let before = std::fs::read_to_string(&c).expect("read");
    let after = before.replacen("Kata kuno.", "Kata zulu.", 1);
    assert_eq!(before.len(), after.len());
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&c, after).expect("write");
    assert_eq!(searched(&fx, "langkah7:zulu"), ["c"]);
    assert_eq!(searched(&fx, "biasa"), ["a", "e"]); // records the stamps again

    // A new file, the folder's mtime set back as a copy tool might: its ctime moved all the same.
    let mtime = std::fs::metadata(&fx.reports)
        .and_then(|m| m.modified())
        .expect("mtime");
    write(&fx.reports, "d.yaml", &with_step7("d", "Biasa."));
    std::fs::File::open(&fx.reports)
        .and_then(|f| f.set_modified(mtime))
        .expect("set mtime back");
    assert_eq!(searched(&fx, "biasa"), ["a", "d", "e"]);
    assert_eq!(searched(&fx, "langkah7:zulu"), ["c"]);

    // Removed, then renamed, each in a folder not touched since its stamp was taken.
    std::fs::remove_file(&c).expect("rm");
    assert!(searched(&fx, "langkah7:zulu").is_empty());
    assert_eq!(searched(&fx, "biasa"), ["a", "d", "e"]);
    std::fs::rename(
        fx.reports.join("arsip/e.yaml"),
        fx.reports.join("arsip/e2.yaml"),
    )
    .expect("mv");
    let o = tulta(
        &["search", "biasa", "--format", "json", "--in"],
        &fx.reports,
        &fx.cache,
        "en",
    );
    assert!(stdout(&o).contains("e2.yaml"), "{}", stdout(&o));
}

/// Every file below `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
