//! The app's library: rows for every file, ids used twice, and the cache that spares re-reading
//! unchanged files at the next start.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use tulta::app::library::Library;
use tulta_core::files::sources::{self, Root};

fn sample(name: &str) -> Vec<u8> {
    sources::builtin_file(&format!("reports/lomba-2026/risalah/{name}.yaml"))
        .expect("sample")
        .bytes
        .to_vec()
}

#[test]
fn rows_duplicates_and_the_cache_follow_the_files() {
    let cache = tempfile::tempdir().expect("tmp");
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, cache.path());
    let dir = tempfile::tempdir().expect("tmp");
    let clean = sample("tng-2026-dishub-tertib");
    std::fs::write(dir.path().join("a.yaml"), &clean).expect("w");
    std::fs::write(
        dir.path().join("b.yaml"),
        sample("tng-2026-pandanwangi-rukun"),
    )
    .expect("w");
    std::fs::write(dir.path().join("rusak.yaml"), "- bukan\n- risalah\n").expect("w");
    let root = Root::Disk(dir.path().to_path_buf());

    let first = Library::load(&root, &|_, _| {}).expect("load");
    assert_eq!(first.rows.len(), 3);
    let row = |lib: &Library, f: &str| {
        lib.rows
            .iter()
            .find(|r| r.name.ends_with(f))
            .cloned()
            .expect("row")
    };
    assert_eq!(row(&first, "a.yaml").errors, 0);
    assert_eq!(row(&first, "b.yaml").errors, 1, "the planted T203");
    assert!(row(&first, "rusak.yaml").errors > 0);
    assert!(
        std::fs::read_dir(cache.path().join("overview"))
            .expect("cache written")
            .count()
            == 1
    );

    // Unchanged: the same rows from the cache.
    let again = Library::load(&root, &|_, _| {}).expect("load");
    assert_eq!(again.rows.len(), 3);
    assert_eq!(row(&again, "b.yaml").errors, 1);

    // A changed file is read again; a copy with the same id gets T006 at its `id` value.
    std::fs::write(dir.path().join("b.yaml"), &clean).expect("w");
    let changed = Library::load(&root, &|_, _| {}).expect("load");
    let b = row(&changed, "b.yaml");
    assert_eq!(b.errors, 1);
    assert_eq!(b.cross_file.len(), 1);
    assert_eq!(b.cross_file[0].code().as_str(), "T006");
    assert!(
        b.cross_file[0].pos.line > 1,
        "placed on the id, not the top"
    );
    assert_eq!(
        row(&changed, "a.yaml").errors,
        0,
        "the first file keeps its id"
    );

    // A damaged cache is ignored, not fatal.
    for entry in std::fs::read_dir(cache.path().join("overview"))
        .expect("dir")
        .flatten()
    {
        std::fs::write(entry.path(), "{not json").expect("w");
    }
    assert_eq!(
        Library::load(&root, &|_, _| {}).expect("load").rows.len(),
        3
    );
}
