//! Do the evidence files a risalah names exist, inside the reports root (T310)? The only check that
//! looks at the disk: the app later opens these files, so a path that leads elsewhere (absolute,
//! `..`, a symbolic link) is reported here before anyone is tempted to open it.

use crate::diag::{Finding, Msg};
use crate::model::risalah::Risalah;
use std::path::{Component, Path, PathBuf};

/// Where `berkas` leads, from the folder of the risalah.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// An existing file inside the root.
    Inside(PathBuf),
    Missing,
    Outside,
}

/// A web address is named, not fetched: nothing to look for on disk.
pub(crate) fn is_web(berkas: &str) -> bool {
    berkas
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
}

/// Resolves `berkas` against `folder` (the risalah's) and decides whether it stays inside `root`.
/// Both are canonical. Symbolic links are followed before deciding; a path that does not exist is
/// judged by its components alone.
pub(crate) fn place(root: &Path, folder: &Path, berkas: &str) -> Place {
    let rel = Path::new(berkas);
    if rel.has_root() || rel.is_absolute() {
        return Place::Outside;
    }
    let target = folder.join(rel);
    match target.canonicalize() {
        Ok(real) if !real.starts_with(root) => Place::Outside,
        Ok(real) if real.is_file() => Place::Inside(real),
        Ok(_) => Place::Missing,
        Err(_) => {
            let mut lexical = folder.to_path_buf();
            for part in rel.components() {
                match part {
                    Component::ParentDir => {
                        lexical.pop();
                    }
                    Component::Normal(p) => lexical.push(p),
                    Component::CurDir => {}
                    Component::RootDir | Component::Prefix(_) => return Place::Outside,
                }
                if !lexical.starts_with(root) {
                    return Place::Outside;
                }
            }
            Place::Missing
        }
    }
}

/// People read the name in one line: the message keeps its start, with control characters (a
/// crafted name may hold terminal escapes or line breaks) written out rather than obeyed.
fn shown(berkas: &str) -> String {
    const MAX: usize = 80;
    let mut s = String::new();
    for c in berkas.chars().take(MAX) {
        if c.is_control() {
            s.extend(c.escape_default());
        } else {
            s.push(c);
        }
    }
    if berkas.chars().count() > MAX {
        s.push('…');
    }
    s
}

/// `file` is the risalah on disk, `root` the folder `check` was given (both as given; canonicalised
/// here). Nothing is reported when either cannot be resolved: the file was read, so this is rare.
pub fn check(r: &Risalah, file: &Path, root: &Path, out: &mut Vec<Finding>) {
    if r.lampiran.is_empty() {
        return;
    }
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (Ok(root), Ok(folder)) = (root.canonicalize(), folder.canonicalize()) else {
        return;
    };
    for l in &r.lampiran {
        let Some(berkas) = &l.berkas else { continue };
        if is_web(&berkas.value) {
            continue;
        }
        let msg = match place(&root, &folder, &berkas.value) {
            Place::Inside(_) => continue,
            Place::Missing => Msg::AttachmentMissing {
                berkas: shown(&berkas.value),
            },
            Place::Outside => Msg::AttachmentOutside {
                berkas: shown(&berkas.value),
            },
        };
        out.push(Finding::value(berkas.at.clone(), msg));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shown_short_and_inert() {
        assert_eq!(shown("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\\nc");
        let long = "x".repeat(500);
        assert_eq!(shown(&long).chars().count(), 81);
    }

    #[test]
    fn web_addresses_are_not_paths() {
        assert!(is_web("https://contoh.go.id/sop.pdf"));
        assert!(is_web("HTTPS://contoh.go.id"));
        assert!(!is_web("http://contoh.go.id"));
        assert!(!is_web("lampiran/https.pdf"));
        assert!(!is_web("é"));
    }

    #[test]
    fn paths_are_judged_inside_missing_or_outside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let folder = root.join("2026");
        std::fs::create_dir_all(folder.join("lampiran")).unwrap();
        std::fs::write(folder.join("lampiran/sk.pdf"), b"%PDF").unwrap();
        std::fs::write(root.join("bersama.pdf"), b"%PDF").unwrap();
        assert!(matches!(
            place(&root, &folder, "lampiran/sk.pdf"),
            Place::Inside(_)
        ));
        assert!(matches!(
            place(&root, &folder, "../bersama.pdf"),
            Place::Inside(_)
        ));
        assert_eq!(place(&root, &folder, "lampiran/tidak.pdf"), Place::Missing);
        assert_eq!(place(&root, &folder, "lampiran"), Place::Missing);
        assert_eq!(place(&root, &folder, "../../etc/passwd"), Place::Outside);
        assert_eq!(
            place(&root, &folder, "../../../../../../../../etc/passwd"),
            Place::Outside
        );
        assert_eq!(place(&root, &folder, "../../tidak-ada.pdf"), Place::Outside);
        assert_eq!(place(&root, &folder, "/etc/passwd"), Place::Outside);
        assert_eq!(place(&root, &folder, "x/../../../y"), Place::Outside);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leading_outside_is_outside() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("rahasia.txt"), b"x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::os::unix::fs::symlink(outside.path().join("rahasia.txt"), root.join("tautan.txt"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("folder")).unwrap();
        assert_eq!(place(&root, &root, "tautan.txt"), Place::Outside);
        assert_eq!(place(&root, &root, "folder/rahasia.txt"), Place::Outside);
        // A link to nowhere inside names nothing.
        std::os::unix::fs::symlink(root.join("hilang.pdf"), root.join("putus.pdf")).unwrap();
        assert_eq!(place(&root, &root, "putus.pdf"), Place::Missing);
    }
}
