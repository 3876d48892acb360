//! Do the evidence files a risalah names exist, inside the reports root (T310)? The only check that
//! looks at the disk: the app later opens these files, so a path that leads elsewhere (absolute,
//! `..`, a symbolic link) is reported here before anyone is tempted to open it.

use crate::diag::{Finding, Msg};
use crate::i18n::Lang;
use crate::model::risalah::Risalah;
use std::path::{Component, Path, PathBuf};

/// Where `berkas` leads, from the folder of the risalah.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// An existing file inside the root.
    Inside(PathBuf),
    Missing,
    Outside,
    /// A file with more than one hard link: the same file may also have a name outside the root,
    /// and no path rule can tell which name is the real one.
    HardLinked(u64),
}

/// A web address is named, not fetched: nothing to look for on disk.
pub(crate) fn is_web(berkas: &str) -> bool {
    berkas
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
}

/// `berkas` as the same steps on every system: split at `/` and at `\` (Windows takes both, and a
/// risalah written there uses `\`). `None` for a path that starts at a root or a drive (`/x`,
/// `\x`, `\\server\x`, `C:\x`, `C:x`) or names a Windows stream (`foto.jpg:x`): outside on every
/// system, whichever system judges it.
fn steps(berkas: &str) -> Option<PathBuf> {
    if berkas.starts_with(['/', '\\']) || berkas.contains(':') {
        return None;
    }
    Some(
        berkas
            .split(['/', '\\'])
            .filter(|p| !p.is_empty() && *p != ".")
            .collect(),
    )
}

/// Whether the folder holding `path` lists its last name exactly, case and all: Windows and macOS
/// find `Foto.JPG` when the file is `foto.jpg`, Linux does not, and a risalah is judged the same
/// on all three.
fn named_exactly(path: &Path) -> bool {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    std::fs::read_dir(folder)
        .map(|entries| entries.flatten().any(|e| e.file_name() == name))
        .unwrap_or(false)
}

/// Resolves `berkas` against `folder` (the risalah's) and decides whether it stays inside `root`.
/// Both are canonical. Symbolic links are followed before deciding; a path that does not exist is
/// judged by its components alone.
pub(crate) fn place(root: &Path, folder: &Path, berkas: &str) -> Place {
    let Some(rel) = steps(berkas) else {
        return Place::Outside;
    };
    let target = folder.join(&rel);
    match target.canonicalize() {
        Ok(real) if !real.starts_with(root) => Place::Outside,
        Ok(real) if real.is_file() && named_exactly(&target) => match links(&real) {
            n if n > 1 => Place::HardLinked(n),
            _ => Place::Inside(real),
        },
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

/// How many names the file has (hard links); 1 where the system does not say.
fn links(path: &Path) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).map_or(1, |m| m.nlink())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        1
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

/// The canonical root and the canonical folder of the risalah `file` (relative names start from
/// the current folder), or `None` when either cannot be resolved.
fn canonical(file: &Path, root: &Path) -> Option<(PathBuf, PathBuf)> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some((root.canonicalize().ok()?, folder.canonicalize().ok()?))
}

/// `file` is the risalah on disk, `root` the folder `check` was given (both as given; canonicalised
/// here). Nothing is reported when either cannot be resolved: the file was read, so this is rare.
pub fn check(r: &Risalah, file: &Path, root: &Path, out: &mut Vec<Finding>) {
    if r.lampiran.is_empty() {
        return;
    }
    let Some((root, folder)) = canonical(file, root) else {
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
            Place::HardLinked(links) => Msg::AttachmentHardLinked {
                berkas: shown(&berkas.value),
                links,
            },
        };
        out.push(Finding::value(berkas.at.clone(), msg));
    }
}

/// The extensions the app hands to the system's opener (spec §9's list, and `gif`): documents and
/// pictures a viewer shows. Anything else a crafted risalah names (`.desktop`, `.sh`, `.html`, no
/// extension) could run or fetch something when "opened", so it is refused.
pub const OPENABLE: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "gif", "webp", "odt", "ods", "docx", "xlsx", "txt",
];

/// Why a lampiran is not handed to the opener.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An `https://` address: shown for people to copy, never opened by tulta (a crafted risalah
    /// could point the browser anywhere).
    Web,
    /// The risalah is not a file on disk (the built-in sample), or not under a known reports root.
    NotOnDisk,
    Missing,
    Outside,
    /// A file with more than one hard link (T310).
    HardLinked,
    /// The name, or the file a link leads to, has no extension in [`OPENABLE`].
    Kind,
}

impl Refusal {
    pub fn text(&self, lang: Lang) -> String {
        let list = OPENABLE.join(", ");
        match (self, lang) {
            (Refusal::Web, Lang::Id) => {
                "alamat web tidak dibuka oleh tulta; salin alamatnya bila perlu".into()
            }
            (Refusal::Web, Lang::En) => {
                "web addresses are not opened by tulta; copy the address if you need it".into()
            }
            (Refusal::NotOnDisk, Lang::Id) => {
                "risalah ini tidak dibuka dari folder laporan di disk (mis. contoh bawaan)".into()
            }
            (Refusal::NotOnDisk, Lang::En) => {
                "this risalah was not opened from a reports folder on disk (e.g. the built-in sample)".into()
            }
            (Refusal::Missing, Lang::Id) => "berkas tidak ada (T310)".into(),
            (Refusal::Missing, Lang::En) => "the file does not exist (T310)".into(),
            (Refusal::Outside, Lang::Id) => "menunjuk ke luar folder laporan (T310)".into(),
            (Refusal::Outside, Lang::En) => "leads outside the reports folder (T310)".into(),
            (Refusal::HardLinked, Lang::Id) => {
                "berkas ini punya lebih dari satu nama (tautan keras), mungkin juga di luar folder laporan (T310)".into()
            }
            (Refusal::HardLinked, Lang::En) => {
                "this file has more than one name (hard links), maybe one outside the reports folder (T310)".into()
            }
            (Refusal::Kind, Lang::Id) => format!("hanya dokumen dan gambar yang dibuka ({list})"),
            (Refusal::Kind, Lang::En) => {
                format!("only documents and pictures are opened ({list})")
            }
        }
    }
}

fn openable_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| OPENABLE.iter().any(|o| o.eq_ignore_ascii_case(e)))
}

/// The file the app may hand to the system's opener for `berkas` of the risalah `file` under
/// `root` (`on_disk`: `None` for a risalah that is not a file, like the built-in sample's): the
/// same rule as T310 (an existing file inside the root, links followed), and an
/// extension in [`OPENABLE`] on both the name written and the file it resolves to (a link named
/// `foto.png` to a `.desktop` file is refused). The path returned is canonical and absolute, so
/// the opener can never read it as an option.
pub fn openable(on_disk: Option<(&Path, &Path)>, berkas: &str) -> Result<PathBuf, Refusal> {
    if is_web(berkas) {
        return Err(Refusal::Web);
    }
    let (root, file) = on_disk.ok_or(Refusal::NotOnDisk)?;
    let (root, folder) = canonical(file, root).ok_or(Refusal::NotOnDisk)?;
    match place(&root, &folder, berkas) {
        Place::Outside => Err(Refusal::Outside),
        Place::Missing => Err(Refusal::Missing),
        Place::HardLinked(_) => Err(Refusal::HardLinked),
        Place::Inside(real) if openable_name(Path::new(berkas)) && openable_name(&real) => Ok(real),
        Place::Inside(_) => Err(Refusal::Kind),
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

    #[test]
    fn only_documents_and_pictures_inside_the_root_may_be_opened() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let folder = root.join("2026");
        std::fs::create_dir_all(folder.join("lampiran")).unwrap();
        for f in ["sk.pdf", "FOTO.JPG", "jalan.desktop", "skrip.sh", "tanpa"] {
            std::fs::write(folder.join("lampiran").join(f), b"x").unwrap();
        }
        let file = folder.join("r.yaml");
        let ok = openable(Some((root.as_path(), file.as_path())), "lampiran/sk.pdf").unwrap();
        assert_eq!(ok, folder.join("lampiran/sk.pdf"));
        assert!(ok.is_absolute());
        assert!(openable(Some((root.as_path(), file.as_path())), "lampiran/FOTO.JPG").is_ok());
        assert_eq!(
            openable(
                Some((root.as_path(), file.as_path())),
                "lampiran/jalan.desktop"
            ),
            Err(Refusal::Kind)
        );
        assert_eq!(
            openable(Some((root.as_path(), file.as_path())), "lampiran/skrip.sh"),
            Err(Refusal::Kind)
        );
        assert_eq!(
            openable(Some((root.as_path(), file.as_path())), "lampiran/tanpa"),
            Err(Refusal::Kind)
        );
        assert_eq!(
            openable(
                Some((root.as_path(), file.as_path())),
                "lampiran/hilang.pdf"
            ),
            Err(Refusal::Missing)
        );
        assert_eq!(
            openable(
                Some((root.as_path(), file.as_path())),
                "../../../etc/passwd"
            ),
            Err(Refusal::Outside)
        );
        assert_eq!(
            openable(Some((root.as_path(), file.as_path())), "/etc/hosts"),
            Err(Refusal::Outside)
        );
        assert_eq!(
            openable(
                Some((root.as_path(), file.as_path())),
                "https://contoh.go.id/sop.pdf"
            ),
            Err(Refusal::Web)
        );
        assert_eq!(
            openable(
                Some((root.join("tidak-ada").as_path(), file.as_path())),
                "lampiran/sk.pdf"
            ),
            Err(Refusal::NotOnDisk)
        );
        assert_eq!(openable(None, "lampiran/sk.pdf"), Err(Refusal::NotOnDisk));
        assert_eq!(openable(None, "https://contoh.go.id"), Err(Refusal::Web));
        for r in [
            Refusal::Web,
            Refusal::NotOnDisk,
            Refusal::Missing,
            Refusal::Outside,
            Refusal::Kind,
        ] {
            assert_ne!(r.text(Lang::Id), r.text(Lang::En));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_picture_name_leading_to_something_else_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("jalan.desktop"), b"[Desktop Entry]").unwrap();
        std::os::unix::fs::symlink(root.join("jalan.desktop"), root.join("foto.png")).unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("x.pdf"), b"%PDF").unwrap();
        std::os::unix::fs::symlink(outside.path().join("x.pdf"), root.join("luar.pdf")).unwrap();
        let file = root.join("r.yaml");
        assert_eq!(
            openable(Some((root.as_path(), file.as_path())), "foto.png"),
            Err(Refusal::Kind)
        );
        assert_eq!(
            openable(Some((root.as_path(), file.as_path())), "luar.pdf"),
            Err(Refusal::Outside)
        );
    }
}
