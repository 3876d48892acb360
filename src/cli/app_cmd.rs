//! `tulta [PATH]` and `tulta draft FILE`: settle the config, theme and what to open, then hand the
//! terminal to the app.

use super::UsageError;
use crate::app::library::Library;
use crate::app::{App, Bg, Options};
use crate::config::{Config, Loaded};
use crate::theme::Theme;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tulta_core::files::read;
use tulta_core::files::sources::Root;
use tulta_core::i18n::{Lang, Localized};

pub struct Settings {
    pub lang: Lang,
    pub theme: Option<String>,
    pub mouse: bool,
    /// The judge to score as (else the config's, else asked).
    pub juri: Option<String>,
    /// The colours the terminal gets.
    pub depth: crate::depth::Depth,
}

/// The reports folder when none is named: the config's, else ./reports, else the built-in sample.
pub fn default_root(config: &Config) -> Root {
    match &config.laporan {
        Some(p) if p.is_dir() => Root::Disk(p.clone()),
        _ => Root::default_root(),
    }
}

fn options(settings: &Settings, loaded: &Loaded, root: Option<Root>) -> (Options, Vec<String>) {
    let mut notices: Vec<String> = loaded.notices.clone();
    let themes = tulta_core::files::paths::config_dir().join("themes");
    let wanted = settings
        .theme
        .clone()
        .or_else(|| loaded.config.tema.clone());
    let theme = match wanted {
        Some(name) => Theme::find(&name, &themes).unwrap_or_else(|e| {
            notices.push(e.in_both());
            Theme::builtin_default()
        }),
        None => Theme::builtin_default(),
    };
    let mouse = settings.mouse && loaded.config.tetikus.unwrap_or(true);
    let (keymap, key_notices) =
        crate::app::action::Keymap::default().with_overrides(&loaded.config.tombol, settings.lang);
    notices.extend(key_notices);
    (
        Options {
            lang: settings.lang,
            theme,
            mouse,
            root,
            keymap,
            config_dir: Some(tulta_core::files::paths::config_dir()),
        },
        notices,
    )
}

fn finish(
    mut app: App,
    load: Option<crate::tui::Loader>,
    notices: Vec<String>,
    depth: crate::depth::Depth,
) -> Result<ExitCode, UsageError> {
    if !notices.is_empty() {
        let lang = app.lang;
        app.status = Some(
            notices
                .iter()
                .map(|n| lang.pick_half(n))
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
    let lang = app.lang;
    crate::tui::run(app, load, depth).map_err(|e| {
        UsageError::Message(format!(
            "terminal: {}",
            tulta_core::i18n::io_error(&e, lang)
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The competition under `root`, opened for judging, when there is one. A folder without a
/// `lomba.yaml` is simply read, not judged; a competition that cannot be opened says why.
fn judging(
    root: &Root,
    asked: &Asked,
    notices: &mut Vec<String>,
) -> Option<crate::app::judge::JudgeState> {
    let path = match root {
        Root::Disk(p) => Some(p.as_path()),
        Root::Builtin => None,
    };
    let competition = match tulta_core::judging::competition::load(path, asked.lang) {
        Ok(c) => c,
        Err(tulta_core::judging::competition::CompetitionError::NoLomba(_)) => return None,
        Err(e) => {
            notices.push(e.message(asked.lang));
            return None;
        }
    };
    match tulta_core::judging::Judging::open(competition) {
        Ok(j) => {
            let juri = asked.juri.clone().or_else(|| asked.config.juri.clone());
            if let Some(id) = &asked.juri {
                if j.judge(id).is_none() {
                    notices.push(match asked.lang {
                        Lang::Id => format!("--juri {id}: bukan juri lomba ini"),
                        Lang::En => format!("--juri {id}: not a judge of this competition"),
                    });
                } else if asked.config.juri.as_deref() != Some(id) {
                    remember_juri(id, &asked.config, notices);
                }
            }
            let mut state = crate::app::judge::JudgeState::new(j, juri);
            state.offer_draft(asked.lang);
            Some(state)
        }
        Err(e) => {
            notices.push(e.message(asked.lang));
            None
        }
    }
}

/// `--juri ID` is remembered, so the next start on this machine scores as the same judge.
fn remember_juri(id: &str, config: &Config, notices: &mut Vec<String>) {
    let dir = tulta_core::files::paths::config_dir();
    let mut config = config.clone();
    config.juri = Some(id.to_string());
    match config.save(&dir) {
        Ok(()) => tracing::info!(juri = id, "judge remembered in the config"),
        Err(e) => notices.push(e),
    }
}

/// Opens the app on a folder, a competition file or one risalah.
pub fn open(
    path: Option<PathBuf>,
    settings: &Settings,
    loaded: Loaded,
) -> Result<ExitCode, UsageError> {
    let root = match path {
        Some(p) => {
            if !p.exists() {
                return Err(UsageError::Source(
                    tulta_core::files::sources::SourceError::NotFound(p.display().to_string()),
                ));
            }
            // A competition file stands for its folder: the entries are beside it.
            match p.parent() {
                Some(dir) if p.is_file() && p.file_name().is_some_and(|n| n == "lomba.yaml") => {
                    Root::Disk(if dir.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        dir.to_path_buf()
                    })
                }
                _ => Root::Disk(p),
            }
        }
        None => default_root(&loaded.config),
    };
    // Search needs a folder; a single file searches the folder it sits in. A competition inside
    // the reports folder (./reports or the config's) searches the whole of it: "amati, tiru,
    // modifikasi" looks at the archive beside the entries too.
    let search_root = match &root {
        Root::Disk(p) if p.is_file() => Root::Disk(
            p.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        ),
        Root::Disk(p) => match default_root(&loaded.config) {
            Root::Disk(reports) if inside(p, &reports) => Root::Disk(reports),
            _ => root.clone(),
        },
        other => other.clone(),
    };
    let (options, notices) = options(settings, &loaded, Some(search_root.clone()));
    let mut app = App::new(options, Library::default());
    // Named in the header from the first frame; a competition's name replaces it once read.
    app.library.title = root.describe();
    let asked = Asked {
        lang: settings.lang,
        juri: settings.juri.clone(),
        config: loaded.config,
    };
    let loader: crate::tui::Loader = Box::new(move |tx| load(root, search_root, &asked, tx));
    finish(app, Some(loader), notices, settings.depth)
}

/// What judging needs to know of the command line and the config, carried to the loader thread.
struct Asked {
    lang: Lang,
    juri: Option<String>,
    config: Config,
}

/// Finds the competition and reads the reports, on the loader thread. A competition's overview
/// lists its entries, and `a` adds the archive they sit in: the reports folder holding the
/// competition's folder, whichever of the two was opened. A folder elsewhere is read alone (its
/// parent may be anything: the desktop, a flash disk's root).
fn load(root: Root, archive: Root, asked: &Asked, tx: &std::sync::mpsc::Sender<Bg>) {
    // Sends the rows as they are read, then the end; says how many competitions were among them.
    let rows = |root: &Root| {
        let read = Library::stream(root, &mut |batch| {
            let _ = tx.send(Bg::Rows(batch));
        });
        let lombas = read.as_ref().map_or(0, |s| s.lombas);
        let read = read.map_err(|e| Lang::both(|lang| e.message(lang)));
        let _ = tx.send(Bg::Loaded(read));
        lombas
    };
    let judge = |notices: &mut Vec<String>| judging(&root, asked, notices);
    let mut notices = Vec::new();
    if archive == root {
        // One folder: its rows first. Only a folder holding a `lomba/1` can be a competition,
        // and reading the rows tells whether it does (from the cache, without reading a file).
        let found = rows(&root) > 0;
        let judge = if found { judge(&mut notices) } else { None };
        let _ = tx.send(Bg::Judge(Box::new(judge), notices));
    } else {
        // A competition inside the archive, or one file: the competition's folder is small.
        let judge = judge(&mut notices);
        let read = if judge.is_some() { &archive } else { &root };
        let _ = tx.send(Bg::Judge(Box::new(judge), notices));
        rows(read);
    }
}

/// Whether `dir` is `reports` or lies below it, links and `..` resolved.
fn inside(dir: &Path, reports: &Path) -> bool {
    match (std::fs::canonicalize(dir), std::fs::canonicalize(reports)) {
        (Ok(d), Ok(r)) => d.starts_with(r),
        _ => false,
    }
}

/// Opens the app on one file in draft watch.
pub fn draft(file: &Path, settings: &Settings, loaded: Loaded) -> Result<ExitCode, UsageError> {
    // Missing is "no such file"; a FIFO, a device or a folder is said as what it is (a file too
    // large is opened: that is the draft's own finding).
    match read::open(file, read::Kind::Yaml, read::Links::Follow) {
        Err(e) if e.is_missing() => {
            return Err(UsageError::Source(
                tulta_core::files::sources::SourceError::NotFound(file.display().to_string()),
            ))
        }
        Err(e) if e.why != read::Why::TooLarge => {
            return Err(UsageError::Message(e.message(settings.lang)))
        }
        _ => {}
    }
    let (options, notices) = options(settings, &loaded, None);
    let mut app = App::new(options, Library::default());
    app.library.title = file.display().to_string();
    // The overview behind the draft lists just this file.
    let files = tulta_core::files::sources::collect(&[file.to_path_buf()])?;
    app.library = Library::build(
        &file.display().to_string(),
        &files,
        &|name| crate::app::library::Origin::Disk(PathBuf::from(name)),
        &|_| {},
    );
    app.overview.refresh(&app.library);
    app.pending_draft = Some(file.to_path_buf());
    finish(app, None, notices, settings.depth)
}
