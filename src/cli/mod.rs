//! The command line: clap's parse, turned into one call per subcommand. Errors are values; `main`
//! only maps them to an exit status.

mod app_cmd;
mod check_cmd;
mod judge;
mod search_cmd;
mod summary;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tulta_core::check::{self, Totals};
use tulta_core::diag::catalog;
use tulta_core::diag::Code;
use tulta_core::files::sources::{self, Root};
use tulta_core::i18n::{Lang, Localized};
use tulta_core::search::SearchError;

#[derive(Parser, Debug)]
#[command(
    name = "tulta",
    version,
    about = "Validate, read and judge TULTA work-culture reports (risalah budaya kerja)",
    long_about = "tulta reads TULTA (Tujuh Alat, Tujuh Langkah) reports written in YAML.\n\n\
        With no subcommand it opens the app on PATH (default: ./reports if present, else the \
        sample built into the binary): an overview of the entries, each report step by step, \
        archive search, and draft watch. Keys: ? for help, q to quit.\n\n\
        Config: config.yaml in the config folder (TULTA_CONFIG_DIR overrides), keys bahasa, \
        tema, laporan, tetikus.\n\n\
        Bahasa: Indonesian by default; --lang en, or LANG=en_…, for English."
)]
pub struct Cli {
    /// Language of messages: id (Indonesian) or en (English). Default: from LANG, else id.
    #[arg(long, global = true, value_name = "id|en")]
    lang: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,

    /// A competition or reports folder (or one risalah) to open in the app.
    path: Option<PathBuf>,

    #[command(flatten)]
    view: ViewArgs,

    /// Print the plain-text summary instead of opening the app (also when not on a terminal).
    #[arg(long)]
    summary: bool,

    /// In the app: score as this judge (an id from lomba.yaml); remembered in the config.
    #[arg(long, value_name = "ID")]
    juri: Option<String>,
}

/// How the app looks and takes input: only where a screen opens (the app and `draft`).
#[derive(Args, Debug, Default)]
struct ViewArgs {
    /// Colour theme: gelap (dark), terang (light), kontras (high contrast), or your own
    /// themes/NAME.yaml in the config folder.
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,

    /// Turn the mouse off (keyboard only; lets the terminal select text).
    #[arg(long)]
    no_mouse: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check risalah, lomba and rubrik files: every finding with file, line and column.
    #[command(
        after_help = "Exit status: 0 no error, 1 an error (or a warning with --strict), 2 a usage error or an unreadable path.\nWhat a code means: tulta explain T201"
    )]
    Check {
        /// Files or folders (folders are searched for *.yaml and *.yml). Default: ./reports, else the built-in sample.
        paths: Vec<PathBuf>,
        /// Output for people (human) or scripts (json).
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Explain a diagnostic code, with a wrong and a right example.
    Explain {
        /// A code such as T201.
        code: String,
    },
    /// Record one judge's score for one criterion of one entry (saved at once, crash-safe).
    Score(judge::ScoreArgs),
    /// Rank the entries from every judge's journal.
    Rank {
        /// The competition (lomba.yaml or its folder). Default: ./reports, else the built-in sample.
        lomba: Option<PathBuf>,
        /// Aggregation: rata_rata, median, rata_rata_terpangkas or z_skor. Default: the competition's.
        #[arg(long)]
        metode: Option<String>,
        /// Which groups: opd, kelurahan or semua.
        #[arg(long, default_value = "semua")]
        kategori: String,
        /// table for people, json for scripts, csv or xlsx for spreadsheets, md for reports.
        /// Default: told by the --output file's extension, else table.
        #[arg(long, value_enum)]
        format: Option<judge::RankFormat>,
        /// Write to FILE instead of standard output (a symlink's target is replaced, a device or
        /// FIFO written to as `>` would).
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Publish even when a journal is damaged or has lines the competition refuses (exit 1
        /// otherwise); the output then names the judges not wholly counted.
        #[arg(long)]
        allow_partial: bool,
        /// Replace FILE even if it is read-only.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Check every judge's journal: hash chain, signatures against the pinned keys, and every line
    /// against the competition (or one .jsonl file on its own). Exit 1 if anything is wrong.
    Verify {
        /// A competition (lomba.yaml or its folder) or a journal file. Default: ./reports, else the built-in sample.
        target: Option<PathBuf>,
        /// A published ranking (JSON, Markdown or XLSX from `tulta rank`): check that the journals still
        /// begin with exactly the lines it was computed from.
        #[arg(long, value_name = "FILE")]
        jejak: Option<PathBuf>,
    },
    /// Print a judge's public key and its fingerprint (made now if the judge has none here yet),
    /// for the organiser to pin as `kunci:` in lomba.yaml.
    Kunci {
        /// The competition (lomba.yaml or its folder).
        lomba: Option<PathBuf>,
        /// The judge's id in lomba.yaml.
        #[arg(long)]
        juri: String,
    },
    /// Per judge: entries finished, in progress, untouched, and barred by a conflict.
    Progress {
        /// The competition (lomba.yaml or its folder).
        lomba: Option<PathBuf>,
    },
    /// Take journals brought from other machines (verified first; never merged).
    Import {
        /// The competition (lomba.yaml or its folder).
        lomba: PathBuf,
        /// Journal files (*.jsonl).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Build or update the search index of a reports folder (only changed files are read).
    Index {
        /// Reports folder. Default: ./reports, else the built-in sample.
        #[arg(long = "in", value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Throw the index away and build it again from the YAML.
        #[arg(long)]
        rebuild: bool,
    },
    /// Search the risalah archive: words, "phrases", field:value (tahun, daerah, opd, jenis, alat,
    /// langkah…), AND / OR / NOT, tahun:[2020 TO 2023]. Indexes first if needed.
    Search {
        /// The query, e.g. antrean loket, '"waktu tunggu" tahun:>=2022', 'alat:pareto NOT opd:rsud'.
        /// Several words are one query, as if quoted together.
        #[arg(required_unless_present = "similar", num_args = 1..)]
        query: Vec<String>,
        /// Reports folder. Default: ./reports, else the built-in sample.
        #[arg(long = "in", value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Most results to show.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
        limit: u16,
        /// Output for people (human) or scripts (json).
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// Reports similar to the one with this id ("amati, tiru, modifikasi"), instead of a query.
        #[arg(long, value_name = "ID", conflicts_with = "query")]
        similar: Option<String>,
    },
    /// Watch a draft risalah: its findings and stepper, re-checked each time the file is saved.
    Draft {
        /// The risalah file being written.
        file: PathBuf,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Write a risalah template with a comment on every key (to FILE, or to standard output).
    New {
        /// Where to write it; refuses to overwrite an existing file unless --force.
        file: Option<PathBuf>,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum OutputFormat {
    Human,
    Json,
}

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
        }
    }
}
tulta_core::localized_error!(UsageError);

/// The language: the flag, else the config file, else the locale, else Indonesian.
fn resolve_lang(flag: Option<&str>, config: Option<Lang>) -> Result<Lang, UsageError> {
    if let Some(flag) = flag {
        return flag.parse().map_err(UsageError::Message);
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

fn styled_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = crate::config::Config::load(&tulta_core::files::paths::config_dir());
    // A bad --lang is itself an error, said in the default language.
    let (lang, outcome) = match resolve_lang(cli.lang.as_deref(), config.config.lang()) {
        Ok(lang) => (lang, run(cli, config, lang)),
        Err(e) => (Lang::default(), Err(e)),
    };
    match outcome {
        Ok(code) => code,
        // As ripgrep: `tulta search x | head` ends quietly and successfully.
        Err(UsageError::ReaderGone) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, whatever a file name or a file's text put in the message.
            eprintln!("tulta: {}", tulta_core::text::printable(&e.message(lang)));
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
        }) => {
            // The built-in sample has no folder on disk to look for `lampiran` in.
            let (files, roots) = if paths.is_empty() {
                let root = Root::default_root();
                let roots = match &root {
                    Root::Disk(p) => vec![p.clone()],
                    Root::Builtin => Vec::new(),
                };
                (root.files()?, roots)
            } else {
                (sources::collect(&paths)?, paths)
            };
            let checked = check::check_files_under(&files, &roots);
            let out = match format {
                OutputFormat::Json => check_cmd::json(&checked, lang) + "\n",
                OutputFormat::Human => check_cmd::human(&checked, lang, styled_stdout()),
            };
            write_stdout(&out)?;
            let failed = Totals::of(&checked).failed(strict);
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
        Some(Command::Rank {
            lomba,
            metode,
            kategori,
            format,
            output,
            allow_partial,
            force,
        }) => judge::rank(
            lomba.as_deref(),
            metode.as_deref(),
            &kategori,
            format,
            output.as_deref(),
            allow_partial,
            force,
            lang,
        ),
        Some(Command::Verify { target, jejak }) => {
            judge::verify(target.as_deref(), jejak.as_deref(), lang)
        }
        Some(Command::Kunci { lomba, juri }) => judge::kunci(lomba.as_deref(), &juri, lang),
        Some(Command::Progress { lomba }) => judge::progress(lomba.as_deref(), lang),
        Some(Command::Import { lomba, files }) => judge::import(&lomba, &files, lang),
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
                styled: styled_stdout(),
            };
            let out = search_cmd::search(&root, &args, lang).map_err(|e| search_error(e, lang))?;
            write_stdout(&out)?;
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
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => UsageError::ReaderGone,
            _ => UsageError::Stdout(e),
        })
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
