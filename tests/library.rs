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

/// A file whose size and modification time did not change is taken from the cache, not read:
/// the proof is a file changed behind the stamp's back (same length, the old time put back),
/// whose row still shows what the first reading found.
#[test]
fn an_unchanged_stamp_is_not_read_again() {
    let cache = tempfile::tempdir().expect("tmp");
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, cache.path());
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("a.yaml");
    let clean = sample("tng-2026-dishub-tertib");
    std::fs::write(&file, &clean).expect("w");
    let root = Root::Disk(dir.path().to_path_buf());
    let first = Library::load(&root, &|_, _| {}).expect("load");
    assert_eq!(first.rows[0].errors, 0);

    let stamp = std::fs::metadata(&file)
        .expect("meta")
        .modified()
        .expect("mtime");
    let broken: Vec<u8> = clean
        .iter()
        .map(|&b| if b == b':' { b';' } else { b })
        .collect();
    assert_eq!(broken.len(), clean.len());
    std::fs::write(&file, &broken).expect("w");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .expect("open")
        .set_modified(stamp)
        .expect("set mtime");
    let again = Library::load(&root, &|_, _| {}).expect("load");
    assert_eq!(again.rows[0].errors, 0, "taken from the cache");

    // A new time is a change: read again, and broken.
    std::fs::write(&file, &broken).expect("w");
    let later = stamp + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .expect("open")
        .set_modified(later)
        .expect("set mtime");
    let changed = Library::load(&root, &|_, _| {}).expect("load");
    assert!(changed.rows[0].errors > 0, "read again");
}

/// Rows come in batches while the folder is read, in the order the overview lists them (by
/// name), so the app can show them as they come; what only the whole folder knows comes last.
#[test]
fn rows_are_sent_in_name_order_as_they_are_read() {
    let cache = tempfile::tempdir().expect("tmp");
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, cache.path());
    let dir = tempfile::tempdir().expect("tmp");
    // Names whose path order and text order differ ("a/b" against "a-b"), and ids used twice.
    for (sub, n) in [("a", 300), ("a-b", 300), ("z", 10)] {
        let folder = dir.path().join(sub);
        std::fs::create_dir_all(&folder).expect("mkdir");
        for i in 0..n {
            std::fs::write(
                folder.join(format!("r{i:03}.yaml")),
                tulta_corpus::risalah(2026, i),
            )
            .expect("w");
        }
    }
    let root = Root::Disk(dir.path().to_path_buf());
    let mut batches = Vec::new();
    let summary = Library::stream(&root, &mut |b| batches.push(b)).expect("stream");
    assert_eq!(
        batches[0].done, 0,
        "the count comes before any file is read"
    );
    assert!(batches.len() > 2, "more than one batch of rows");
    let names: Vec<String> = batches
        .iter()
        .flat_map(|b| b.rows.iter().map(|r| r.name.clone()))
        .collect();
    assert_eq!(names.len(), 610);
    assert!(names.windows(2).all(|w| w[0] < w[1]), "in name order");
    // The same ids in a-b/ and a/ (and z/): each repeat names the first file holding it.
    assert_eq!(summary.duplicates.len(), 310);
    for (row, d) in &summary.duplicates {
        let tulta_core::diag::Msg::DuplicateId { first_file, .. } = &d.msg else {
            panic!("not T006: {d:?}");
        };
        assert!(first_file < &names[*row], "the first holder comes first");
    }
}
