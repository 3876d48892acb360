//! What the command line accepts, as clap reads it: global flags, the app's view flags and every
//! subcommand with its arguments. The help texts here are the English ones; help.rs localises them.

use super::judge;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
        tema, laporan, tetikus, juri.\n\n\
        Bahasa: Indonesian by default; --lang en, or LANG=en_…, for English."
)]
pub struct Cli {
    /// Language of messages: id (Indonesian) or en (English). Default: the config's, else LANG, else id.
    #[arg(long, global = true, value_name = "id|en", value_parser = LangValue)]
    pub(super) lang: Option<String>,

    /// Colour in the output: auto (on a terminal; NO_COLOR and CLICOLOR_FORCE are honoured), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub(super) color: ColorWhen,

    /// Also write detailed log lines to stderr (the log file is always kept in the state/cache folder; TULTA_LOG sets its level).
    #[arg(short, long, global = true)]
    pub(super) verbose: bool,

    #[command(subcommand)]
    pub(super) command: Option<Command>,

    /// A competition or reports folder (or one risalah) to open in the app.
    pub(super) path: Option<PathBuf>,

    #[command(flatten)]
    pub(super) view: ViewArgs,

    /// Print the plain-text summary instead of opening the app (also when not on a terminal).
    #[arg(long)]
    pub(super) summary: bool,

    /// In the app: score as this judge (an id from lomba.yaml); remembered in the config.
    #[arg(long, value_name = "ID")]
    pub(super) juri: Option<String>,
}

/// How the app looks and takes input: only where a screen opens (the app and `draft`).
#[derive(Args, Debug, Default)]
pub(super) struct ViewArgs {
    /// Colour theme: gelap (dark), terang (light), kontras (high contrast), or your own
    /// themes/NAME.yaml in the config folder.
    #[arg(long, value_name = "NAME")]
    pub(super) theme: Option<String>,

    /// Turn the mouse off (keyboard only; lets the terminal select text).
    #[arg(long)]
    pub(super) no_mouse: bool,
}

#[derive(Subcommand, Debug)]
pub(super) enum Command {
    /// Check risalah, lomba and rubrik files: every finding with file, line and column.
    Check {
        /// Files or folders (folders are searched for *.yaml and *.yml); `-` reads one file from
        /// standard input. Default: ./reports, else the built-in sample.
        paths: Vec<PathBuf>,
        /// Print nothing: the exit status alone says whether there was an error.
        #[arg(short, long)]
        quiet: bool,
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
    /// Rank the entries from every judge's journal: with stages (spec §8) the final result, or
    /// one stage's ranking with --tahap.
    Rank(judge::RankArgs),
    /// Check every judge's journal: hash chain, signatures against the pinned keys, and every line
    /// against the competition (or one .jsonl file on its own). Exit 1 if anything is wrong.
    Verify {
        /// A competition (lomba.yaml or its folder) or a journal file. Default: ./reports, else the built-in sample.
        target: Option<PathBuf>,
        /// A published ranking (JSON, Markdown, XLSX or HTML from `tulta rank`, or a berita acara): check that the journals still
        /// begin with exactly the lines it was computed from.
        #[arg(long, value_name = "FILE")]
        jejak: Option<PathBuf>,
    },
    /// Print a judge's public key and its fingerprint (made now if the judge has none here yet),
    /// for the organiser to pin as `kunci:` in lomba.yaml.
    Kunci {
        /// The competition (lomba.yaml or its folder).
        lomba: Option<PathBuf>,
        /// The judge's id in lomba.yaml, or `koordinator` for the coordinator's key (amendments).
        #[arg(long)]
        juri: String,
    },
    /// Print the rules fingerprint and what it is made from (spec §11); with --ubah, record the
    /// coordinator's signed amendment linking the rules lines were scored under to those in force.
    Aturan {
        /// The competition (lomba.yaml or its folder).
        lomba: Option<PathBuf>,
        /// Record an amendment: the rules changed after scoring began, on purpose.
        #[arg(long, requires = "alasan")]
        ubah: bool,
        /// Why the rules changed (kept in the coordinator's journal and every ranking output).
        #[arg(long, value_name = "TEKS", requires = "ubah")]
        alasan: Option<String>,
    },
    /// Per judge: entries finished, in progress, untouched, and barred by a conflict.
    Progress {
        /// The competition (lomba.yaml or its folder).
        lomba: Option<PathBuf>,
        /// Only this stage (default: every scored stage).
        #[arg(long, value_name = "ID")]
        tahap: Option<String>,
    },
    /// Draw a stage's presentation order by lot, reproducibly from a seed (spec §8, gelar).
    Undian {
        /// The competition (lomba.yaml or its folder).
        lomba: Option<PathBuf>,
        /// The stage whose order to draw (its entries are those that reached it).
        #[arg(long, value_name = "ID")]
        tahap: String,
        /// The seed: the same seed always draws the same order. Default: today's date, YYYYMMDD.
        #[arg(long, value_name = "N")]
        benih: Option<u64>,
        /// Draw again although an order is kept (says what changed).
        #[arg(long)]
        ulang: bool,
    },
    /// The berita acara hasil penilaian (spec §12): the final result laid out for A4, with a
    /// signature block for every judge and the organiser and the anchors in small print.
    #[command(name = "berita-acara")]
    BeritaAcara(judge::BeritaAcaraArgs),
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
    /// Print a shell completion script.
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print where tulta keeps its config, data (judges' keys and journals), cache (the search
    /// index) and log on this system.
    Paths,
    /// Print tulta's manual page.
    Man {
        /// Write one page per command (tulta.1, tulta-check.1, …) into this folder instead of standard output.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(super) enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(super) enum OutputFormat {
    Human,
    Json,
}

/// `--lang`: completions and help offer `id` and `en`, while the value itself is judged by
/// `resolve_lang`, which also takes `english` or `Indonesia` and refuses the rest in the user's
/// language (clap's refusal would come before the language is known).
#[derive(Clone)]
struct LangValue;

impl clap::builder::TypedValueParser for LangValue {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ["id", "en"]
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}
