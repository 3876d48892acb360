//! The command line: clap's parse, turned into one call per subcommand. Errors are values; `main`
//! only maps them to an exit status.

mod app_cmd;
mod args;
mod check_cmd;
mod help;
mod judge;
pub mod logging;
mod man;
mod search_cmd;
mod summary;

use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use tulta_core::check;
use tulta_core::diag::catalog;
use tulta_core::diag::Code;
use tulta_core::files::sources::{self, Root};
use tulta_core::i18n::{Lang, Localized};
use tulta_core::search::SearchError;

pub use args::Cli;
use args::{ColorWhen, Command, OutputFormat};

/// Failures that are the user's to fix: exit status 2.
#[derive(Debug)]
pub enum UsageError {
    Source(sources::SourceError),
    /// Already in the user's language.
    Message(String),
    Output(tulta_core::files::OutputError),
    /// Standard output could not be written (a full disk, `> /dev/full`).
    Stdout(std::io::Error),
    /// The reader of our output went away (`| head`): its choice, not an error.
    ReaderGone,
    /// `tulta help NAME` for a command tulta does not have.
    UnknownCommand(String),
}

impl From<tulta_core::files::OutputError> for UsageError {
    fn from(e: tulta_core::files::OutputError) -> Self {
        UsageError::Output(e)
    }
}

impl From<sources::SourceError> for UsageError {
    fn from(e: sources::SourceError) -> Self {
        UsageError::Source(e)
    }
}

impl Localized for UsageError {
    fn message(&self, lang: Lang) -> String {
        match self {
            UsageError::Source(e) => e.message(lang),
            UsageError::Message(m) => m.clone(),
            UsageError::Output(e) => e.message(lang),
            UsageError::Stdout(e) => format!(
                "{}: {e}",
                lang.pick(
                    "keluaran standar tidak dapat ditulis",
                    "standard output cannot be written"
                )
            ),
            UsageError::ReaderGone => String::new(),
            UsageError::UnknownCommand(name) => match lang {
                Lang::Id => format!("perintah `{name}` tidak dikenal"),
                Lang::En => format!("unknown command `{name}`"),
            },
        }
    }
}
tulta_core::localized_error!(UsageError);

/// The language: the flag, else the config file, else the locale, else Indonesian.
fn resolve_lang(flag: Option<&str>, config: Option<Lang>) -> Result<Lang, UsageError> {
    if let Some(flag) = flag {
        // Said in the language tulta would otherwise speak, since the one asked for is unknown.
        let fallback = resolve_lang(None, config).unwrap_or_default();
        return flag.parse().map_err(|_| {
            UsageError::Message(tulta_core::i18n::unknown_lang(flag.trim(), fallback))
        });
    }
    if let Some(lang) = config {
        return Ok(lang);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(var) {
            if !value.is_empty() {
                return Ok(Lang::from_locale(&value).unwrap_or_default());
            }
        }
    }
    Ok(Lang::default())
}

/// Whether standard output gets colour, by the common conventions: the flag first; then
/// `NO_COLOR` (set and not empty) turns it off, `CLICOLOR_FORCE` (set, not empty, not 0) on,
/// `CLICOLOR=0` off; else colour only on a terminal that is not `TERM=dumb`.
fn styled_stdout(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if anstyle_query::no_color() {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0")
            {
                true
            } else if anstyle_query::clicolor() == Some(false) {
                false
            } else {
                std::io::stdout().is_terminal() && anstyle_query::term_supports_color()
            }
        }
    }
}

/// The colours the app draws with: none when told so (`--color never`, `NO_COLOR`, `TERM=dumb`),
/// else as many as the terminal announces (at least 16 with `--color always`).
fn app_depth(when: ColorWhen) -> crate::depth::Depth {
    use crate::depth::Depth;
    let announced = Depth::of_terminal(&|name| std::env::var(name).ok());
    match when {
        ColorWhen::Never => Depth::None,
        ColorWhen::Always if announced == Depth::None => Depth::Ansi16,
        ColorWhen::Always => announced,
        ColorWhen::Auto if anstyle_query::no_color() => Depth::None,
        ColorWhen::Auto => announced,
    }
}

/// The value of a global option as written anywhere on the command line, before clap has parsed
/// it: the help and clap's own errors must already be in the right language and colour.
fn early_value(args: &[OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let with_eq = format!("--{name}=");
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut found = None;
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == long {
            found = iter.next().map(|v| v.into_owned());
        } else if let Some(v) = arg.strip_prefix(&with_eq) {
            found = Some(v.to_string());
        }
    }
    found
}

/// The first word of the command line that is neither an option nor an option's value.
fn first_word(args: &[OsString]) -> Option<String> {
    const TAKES_VALUE: [&str; 4] = ["--lang", "--theme", "--juri", "--color"];
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    loop {
        let arg = iter.next()?;
        if arg == "--" {
            return None;
        }
        if TAKES_VALUE.contains(&arg.as_ref()) {
            iter.next();
        } else if !arg.starts_with('-') {
            return Some(arg.into_owned());
        }
    }
}

/// `tulta chek`: a word that is neither a command nor an existing path but is close to a
/// command's name was meant as the command, not as a path to open.
fn mistyped_command(args: &[OsString], cmd: &clap::Command) -> Option<(String, String)> {
    let word = first_word(args)?;
    let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&word.as_str())
        || word.contains(['/', '.', '\\'])
        || std::path::Path::new(&word).exists()
    {
        return None;
    }
    tulta_core::model::names::suggest(&word, names.iter().copied())
        .map(|s| (word.clone(), s.to_string()))
}

fn mistyped_message(word: &str, meant: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "`{word}` bukan perintah tulta dan bukan berkas atau folder; maksud Anda `tulta {meant}`?"
        ),
        Lang::En => format!(
            "`{word}` is neither a tulta command nor a file or folder; did you mean `tulta {meant}`?"
        ),
    }
}

fn usage_failure(message: &str) -> ExitCode {
    tracing::warn!(message, "usage error");
    // One line, whatever a file name or a file's text put in the message.
    eprintln!("tulta: {}", tulta_core::text::printable(message));
    ExitCode::from(2)
}

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // `man` and `completions` describe tulta itself: the same page and script whatever this
    // machine's config holds, and no warning about it in the middle of a generated file.
    let config = match first_word(&args).as_deref() {
        Some("man" | "completions") => crate::config::Loaded::default(),
        _ => crate::config::Config::load(&tulta_core::files::paths::config_dir()),
    };
    let (lang, bad_lang) =
        match resolve_lang(early_value(&args, "lang").as_deref(), config.config.lang()) {
            Ok(lang) => (lang, None),
            Err(e) => (
                resolve_lang(None, config.config.lang()).unwrap_or_default(),
                Some(e),
            ),
        };
    let clap_colour = match early_value(&args, "color").as_deref() {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    };
    let cmd = help::localise(Cli::command(), lang).color(clap_colour);
    if let Some((word, meant)) = mistyped_command(&args, &cmd) {
        return usage_failure(&mistyped_message(&word, &meant, lang));
    }
    let matches = match cmd.clone().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return clap_failure(&e, lang),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        let path: Vec<String> = sub
            .get_many::<String>("command")
            .map(|v| v.cloned().collect())
            .unwrap_or_default();
        return match help::print_help_of(cmd, &path) {
            Ok(()) | Err(UsageError::ReaderGone) => ExitCode::SUCCESS,
            Err(e) => usage_failure(&e.message(lang)),
        };
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_failure(&e, lang),
    };
    let opens_screen = matches!(cli.command, Some(Command::Draft { .. }))
        || (cli.command.is_none() && !cli.summary && std::io::stdout().is_terminal());
    // On a screen the log goes to its file only: lines on stderr would tear the app's frames.
    let log = logging::init(cli.verbose && !opens_screen);
    logging::install_panic_hook(lang, log.clone());
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        command = ?cli.command.as_ref().map(command_name),
        lang = lang.code(),
        log = ?log,
        "start"
    );
    if let Some(e) = bad_lang {
        return usage_failure(&e.message(lang));
    }
    if let Some(why) = &config.refused {
        return usage_failure(lang.pick_half(why));
    }
    logging::debug_panic_on_request();
    for notice in &config.notices {
        tracing::warn!(notice = Lang::En.pick_half(notice), "config");
    }
    if !opens_screen {
        for notice in &config.notices {
            eprintln!(
                "{}: {}",
                lang.pick("peringatan", "warning"),
                lang.pick_half(notice)
            );
        }
    }
    match run(cli, config, lang) {
        Ok(code) => {
            tracing::info!(?code, "done");
            code
        }
        // As ripgrep: `tulta search x | head` ends quietly and successfully.
        Err(UsageError::ReaderGone) => ExitCode::SUCCESS,
        Err(e) => usage_failure(&e.message(lang)),
    }
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Check { .. } => "check",
        Command::Explain { .. } => "explain",
        Command::Score(_) => "score",
        Command::Rank(_) => "rank",
        Command::Verify { .. } => "verify",
        Command::Kunci { .. } => "kunci",
        Command::Aturan { .. } => "aturan",
        Command::Progress { .. } => "progress",
        Command::Undian { .. } => "undian",
        Command::Import { .. } => "import",
        Command::BeritaAcara(_) => "berita-acara",
        Command::Index { .. } => "index",
        Command::Search { .. } => "search",
        Command::Draft { .. } => "draft",
        Command::New { .. } => "new",
        Command::Completions { .. } => "completions",
        Command::Man { .. } => "man",
        Command::Paths => "paths",
    }
}

/// clap's refusals: help and version are printed as they are; errors in the user's language.
fn clap_failure(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ if lang == Lang::Id
            && e.kind() != ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            eprint!("{}", help::error_in_indonesian(e));
            ExitCode::from(2)
        }
        _ => {
            let _ = e.print();
            ExitCode::from(2)
        }
    }
}

pub fn run(cli: Cli, config: crate::config::Loaded, lang: Lang) -> Result<ExitCode, UsageError> {
    // `tulta --theme x draft f` and `tulta draft f --theme x` both work; the later one wins.
    let draft_view = match &cli.command {
        Some(Command::Draft { view, .. }) => Some(view),
        _ => None,
    };
    let settings = app_cmd::Settings {
        lang,
        theme: draft_view
            .and_then(|v| v.theme.clone())
            .or_else(|| cli.view.theme.clone()),
        mouse: !(cli.view.no_mouse || draft_view.is_some_and(|v| v.no_mouse)),
        juri: cli.juri.clone(),
        depth: app_depth(cli.color),
    };
    match cli.command {
        None if cli.summary || !std::io::stdout().is_terminal() => {
            let root = match cli.path {
                Some(p) => Root::Disk(p),
                None => app_cmd::default_root(&config.config),
            };
            let files = root.files()?;
            let report = summary::summarise(&root.describe(), &files, lang);
            write_stdout(&report)?;
            Ok(ExitCode::SUCCESS)
        }
        None => app_cmd::open(cli.path, &settings, config),
        Some(Command::Draft { file, .. }) => app_cmd::draft(&file, &settings, config),
        Some(Command::Check {
            paths,
            format,
            strict,
            quiet,
        }) => {
            let stdin = paths.iter().any(|p| p.as_os_str() == "-");
            let paths: Vec<_> = paths.into_iter().filter(|p| p.as_os_str() != "-").collect();
            let styled = styled_stdout(cli.color);
            let render = |c: &check::Checked| check_cmd::piece(c, format, lang, styled);
            let (pieces, files) = match (paths.is_empty(), Root::default_root()) {
                // The built-in sample and standard input are read whole: a few files at most.
                (true, Root::Builtin) if !stdin => {
                    let checked = check::check_files_under(&Root::Builtin.files()?, &[]);
                    (
                        checked.iter().map(render).collect::<Vec<_>>(),
                        checked.len(),
                    )
                }
                _ if stdin => {
                    let mut files = sources::collect(&paths)?;
                    say_case_twins(files.iter().map(|f| f.name.as_str()), lang);
                    files.push(check_cmd::stdin_file(lang)?);
                    let checked = check::check_files_under(&files, &paths);
                    (checked.iter().map(render).collect(), checked.len())
                }
                // Files on disk, any number of them: checked a chunk at a time and forgotten.
                (empty, root) => {
                    let roots = match (empty, root) {
                        (true, Root::Disk(p)) => vec![p],
                        _ => paths,
                    };
                    let found = sources::collect_paths(&roots)?;
                    let names: Vec<String> = found.iter().map(|p| sources::path_name(p)).collect();
                    say_case_twins(names.iter().map(String::as_str), lang);
                    let mut pieces = Vec::with_capacity(found.len());
                    check::check_streaming(&found, &roots, &render, |p| pieces.push(p));
                    (pieces, found.len())
                }
            };
            tracing::debug!(files, "checked");
            if !quiet {
                write_stdout(check_cmd::finish(&pieces, files, format, lang))?;
            }
            let failed = check_cmd::totals(&pieces).failed(strict);
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Explain { code }) => {
            let code: Code = code
                .parse()
                .map_err(|e: tulta_core::diag::code::UnknownCode| {
                    UsageError::Message(e.message(lang))
                })?;
            write_stdout(catalog::explain(code, lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Score(args)) => judge::score(args, lang),
        Some(Command::Rank(args)) => judge::rank(args, lang),
        Some(Command::Verify { target, jejak }) => {
            judge::verify(target.as_deref(), jejak.as_deref(), lang)
        }
        Some(Command::Kunci { lomba, juri }) => judge::kunci(lomba.as_deref(), &juri, lang),
        Some(Command::Aturan {
            lomba,
            ubah,
            alasan,
        }) => judge::aturan(lomba.as_deref(), ubah, alasan.as_deref(), lang),
        Some(Command::Progress { lomba, tahap }) => {
            judge::progress(lomba.as_deref(), tahap.as_deref(), lang)
        }
        Some(Command::Undian {
            lomba,
            tahap,
            benih,
            ulang,
        }) => judge::undian(lomba.as_deref(), &tahap, benih, ulang, lang),
        Some(Command::Import { lomba, files }) => judge::import(&lomba, &files, lang),
        Some(Command::BeritaAcara(args)) => judge::berita_acara(args, lang),
        Some(Command::Index { dir, rebuild }) => {
            let root = dir.map_or_else(Root::default_root, Root::Disk);
            let out = search_cmd::index(&root, rebuild, lang).map_err(|e| search_error(e, lang))?;
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Search {
            query,
            dir,
            limit,
            format,
            similar,
        }) => {
            let root = dir.map_or_else(Root::default_root, Root::Disk);
            let args = search_cmd::SearchArgs {
                query: (!query.is_empty()).then(|| query.join(" ")),
                similar,
                limit: usize::from(limit),
                format: match format {
                    OutputFormat::Human => search_cmd::Format::Human,
                    OutputFormat::Json => search_cmd::Format::Json,
                },
                styled: styled_stdout(cli.color),
            };
            let out = search_cmd::search(&root, &args, lang).map_err(|e| search_error(e, lang))?;
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Paths) => {
            write_stdout(tulta_core::files::paths::describe(lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = help::localise(Cli::command(), lang);
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "tulta", &mut out);
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { dir }) => {
            let cmd = help::localise(Cli::command(), lang);
            let failed = |e: std::io::Error| {
                UsageError::Message(format!("man: {}", tulta_core::i18n::io_error(&e, lang)))
            };
            match dir {
                Some(dir) => {
                    std::fs::create_dir_all(&dir).map_err(failed)?;
                    man::write_pages(cmd, &dir, lang).map_err(failed)?;
                }
                None => write_stdout(man::page(cmd, lang).map_err(failed)?)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::New { file, force }) => {
            match file {
                None => write_stdout(tulta_core::format::template::RISALAH)?,
                Some(path) => {
                    write_new(&path, force, lang)?;
                    eprintln!(
                        "{}",
                        match lang {
                            Lang::Id => format!("templat risalah ditulis ke {}", path.display()),
                            Lang::En => format!("risalah template written to {}", path.display()),
                        }
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Files whose names differ only in case, on stderr: a Windows or macOS folder cannot hold both.
fn say_case_twins<'a>(names: impl IntoIterator<Item = &'a str>, lang: Lang) {
    for twins in sources::case_twins(names, lang) {
        eprintln!("{twins}");
    }
}

/// Search failures in the user's language; a bad query is theirs to fix like any usage error.
fn search_error(e: SearchError, lang: Lang) -> UsageError {
    match e {
        SearchError::Source(e) => UsageError::Source(e),
        other => UsageError::Message(other.message(lang)),
    }
}

/// Writes to stdout. A closed pipe (`tulta check | head`) is the reader's choice and ends the
/// command quietly and successfully; any other failure (a full disk) is an error: exit 2.
pub(crate) fn write_stdout(text: impl AsRef<[u8]>) -> Result<(), UsageError> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_ref())
        .and_then(|_| out.flush())
        .map_err(stdout_error)
}

/// A failed write to standard output: the reader gone (`| head`) is no error of ours.
pub(crate) fn stdout_error(e: std::io::Error) -> UsageError {
    match e.kind() {
        std::io::ErrorKind::BrokenPipe => UsageError::ReaderGone,
        _ => UsageError::Stdout(e),
    }
}

/// Writes the template through a temporary file in the same folder, so a crash leaves no half file.
fn write_new(path: &std::path::Path, force: bool, lang: Lang) -> Result<(), UsageError> {
    if path.exists() && !force {
        return Err(UsageError::Message(match lang {
            Lang::Id => format!(
                "{}: sudah ada (pakai --force untuk menimpanya)",
                path.display()
            ),
            Lang::En => format!(
                "{}: already exists (use --force to overwrite)",
                path.display()
            ),
        }));
    }
    // Existence was checked above; what is there is the user's to replace with --force.
    Ok(tulta_core::files::write_output(
        path,
        tulta_core::format::template::RISALAH.as_bytes(),
        true,
    )?)
}
