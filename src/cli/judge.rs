//! The judging commands: score, rank, verify, progress, import.

use super::{write_stdout, UsageError};
use clap::ValueEnum;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::competition::{self, Competition};
use tulta_core::judging::export;
use tulta_core::judging::journal;
use tulta_core::judging::ranking::Kategori;
use tulta_core::judging::scoring::Change;
use tulta_core::judging::{self, Imported, Judging, ScoreError};
use tulta_core::model::lomba::Agregasi;
use tulta_core::text::printable;

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum RankFormat {
    Table,
    Json,
    Csv,
    Md,
    Xlsx,
}

fn load(path: Option<&Path>, lang: Lang) -> Result<Competition, UsageError> {
    competition::load(path, lang).map_err(|e| UsageError::Message(e.message(lang)))
}

fn open(path: Option<&Path>, lang: Lang) -> Result<Judging, UsageError> {
    let comp = load(path, lang)?;
    let judging = Judging::open(comp).map_err(|e| UsageError::Message(e.message(lang)))?;
    if judging.seeded > 0 {
        eprintln!(
            "{}",
            match lang {
                Lang::Id => format!(
                    "catatan: {} jurnal contoh disalin ke {}",
                    judging.seeded,
                    judging.dir().display()
                ),
                Lang::En => format!(
                    "note: {} sample journals copied to {}",
                    judging.seeded,
                    judging.dir().display()
                ),
            }
        );
    }
    for p in &judging.problems {
        eprintln!(
            "{}: {} — {}",
            lang.pick("peringatan", "warning"),
            printable(&p.describe(lang)),
            if p.loses_scores() {
                lang.pick(
                    "tidak dihitung; periksa dengan `tulta verify`",
                    "not counted; see `tulta verify`",
                )
            } else {
                lang.pick("tidak ada nilai yang hilang", "no score is lost")
            }
        );
    }
    Ok(judging)
}

#[derive(clap::Args, Debug)]
pub struct ScoreArgs {
    /// The competition: its lomba.yaml or a folder holding it. Default: ./reports, else the built-in sample.
    pub lomba: Option<PathBuf>,
    /// The judge's id in lomba.yaml.
    #[arg(long)]
    pub juri: String,
    /// The entry's id.
    #[arg(long)]
    pub risalah: Option<String>,
    /// The criterion's id in the rubric (e.g. L3).
    #[arg(long)]
    pub kriteria: Option<String>,
    /// The score, on the rubric's scale; halves allowed (e.g. 3.5).
    #[arg(long)]
    pub nilai: Option<f64>,
    /// A note on this criterion.
    #[arg(long)]
    pub catatan: Option<String>,
    /// Read many scores from standard input, one a line: RISALAH KRITERIA NILAI [CATATAN].
    #[arg(long, conflicts_with_all = ["risalah", "kriteria", "nilai", "catatan"])]
    pub stdin: bool,
    /// The stage (spec §8). Default: the first scored stage.
    #[arg(long, value_name = "ID")]
    pub tahap: Option<String>,
}

/// How judges' indexes are combined (spec §6).
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Metode {
    #[value(name = "rata_rata")]
    RataRata,
    Median,
    #[value(name = "rata_rata_terpangkas")]
    RataRataTerpangkas,
    #[value(name = "z_skor")]
    ZSkor,
}

impl From<Metode> for Agregasi {
    fn from(m: Metode) -> Self {
        match m {
            Metode::RataRata => Agregasi::RataRata,
            Metode::Median => Agregasi::Median,
            Metode::RataRataTerpangkas => Agregasi::RataRataTerpangkas,
            Metode::ZSkor => Agregasi::ZSkor,
        }
    }
}

/// Which groups a ranking lists.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum KategoriArg {
    Opd,
    Kelurahan,
    #[value(alias = "all")]
    Semua,
}

impl From<KategoriArg> for Kategori {
    fn from(k: KategoriArg) -> Self {
        match k {
            KategoriArg::Opd => Kategori::Opd,
            KategoriArg::Kelurahan => Kategori::Kelurahan,
            KategoriArg::Semua => Kategori::Semua,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct RankArgs {
    /// The competition (lomba.yaml or its folder). Default: ./reports, else the built-in sample.
    pub lomba: Option<PathBuf>,
    /// Aggregation. Default: the competition's.
    #[arg(long, value_enum)]
    pub metode: Option<Metode>,
    /// Which groups.
    #[arg(long, value_enum, default_value = "semua")]
    pub kategori: KategoriArg,
    /// One stage's ranking (spec §8) instead of the final result.
    #[arg(long, value_name = "ID")]
    pub tahap: Option<String>,
    /// table for people, json for scripts, csv or xlsx for spreadsheets, md for reports.
    /// Default: told by the --output file's extension, else table.
    #[arg(long, value_enum)]
    pub format: Option<RankFormat>,
    /// Write to FILE instead of standard output (a symlink's target is replaced, a device or
    /// FIFO written to as `>` would).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Publish even when a journal is damaged or has lines the competition refuses (exit 1
    /// otherwise); the output then names the judges not wholly counted.
    #[arg(long)]
    pub allow_partial: bool,
    /// Replace FILE even if it is read-only.
    #[arg(long, requires = "output")]
    pub force: bool,
}

fn saved(lang: Lang, juri: &str, risalah: &str, what: &str, urutan: u64) -> String {
    match lang {
        Lang::Id => format!("tersimpan #{urutan}: {juri} · {risalah} · {what}"),
        Lang::En => format!("saved #{urutan}: {juri} · {risalah} · {what}"),
    }
}

/// Who scores in which stage: the judge and the stage of a `score` run.
struct Scorer<'a> {
    juri: &'a str,
    tahap: &'a str,
}

fn record_one(
    j: &mut Judging,
    lang: Lang,
    who: &Scorer,
    risalah: &str,
    kriteria: &str,
    nilai: f64,
    catatan: Option<&str>,
) -> Result<(), Recorded> {
    let Scorer { juri, tahap } = *who;
    let r = j.score(juri, tahap, risalah, kriteria, nilai)?;
    said(saved(
        lang,
        juri,
        risalah,
        &format!("{kriteria} = {nilai}"),
        r.urutan,
    ))?;
    if let Some(text) = catatan {
        let r = j.record(
            juri,
            tahap,
            risalah,
            Change::Catatan {
                kriteria: Some(kriteria.to_string()),
                teks: text.to_string(),
            },
        )?;
        said(saved(
            lang,
            juri,
            risalah,
            lang.pick("catatan", "note"),
            r.urutan,
        ))?;
    }
    Ok(())
}

/// One line on stdout, flushed: a judge piping scores in sees each saved as it is saved.
fn said(line: String) -> Result<(), Recorded> {
    write_stdout(line + "\n").map_err(Recorded::Output)
}

/// A score refused, or saved but not reported.
enum Recorded {
    Refused(ScoreError),
    Output(UsageError),
}

impl From<ScoreError> for Recorded {
    fn from(e: ScoreError) -> Self {
        Recorded::Refused(e)
    }
}

pub fn score(args: ScoreArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let mut j = open(args.lomba.as_deref(), lang)?;
    let tahap = args
        .tahap
        .clone()
        .unwrap_or_else(|| j.competition.first_scored().to_string());
    let who = Scorer {
        juri: &args.juri,
        tahap: &tahap,
    };
    let fail = |e: Recorded| match e {
        Recorded::Refused(e) => {
            eprintln!("tulta: {}", printable(&e.message(lang)));
            Ok(ExitCode::from(1))
        }
        Recorded::Output(e) => Err(e),
    };
    if args.stdin {
        // One score a line: RISALAH KRITERIA NILAI [CATATAN…]; stops at the first refusal.
        for (n, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line.map_err(|e| {
                UsageError::Message(format!(
                    "{}: {}",
                    lang.pick("masukan standar", "stdin"),
                    tulta_core::i18n::io_error(&e, lang)
                ))
            })?;
            let mut parts = line.split_whitespace();
            let (Some(risalah), Some(kriteria), Some(nilai)) =
                (parts.next(), parts.next(), parts.next())
            else {
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                return Err(UsageError::Message(match lang {
                    Lang::Id => format!(
                        "masukan standar baris {}: bentuknya RISALAH KRITERIA NILAI [CATATAN]",
                        n + 1
                    ),
                    Lang::En => format!(
                        "stdin line {}: expected RISALAH KRITERIA NILAI [CATATAN]",
                        n + 1
                    ),
                }));
            };
            let nilai: f64 = nilai.replace(',', ".").parse().map_err(|_| {
                UsageError::Message(match lang {
                    Lang::Id => {
                        format!("masukan standar baris {}: `{nilai}` bukan angka", n + 1)
                    }
                    Lang::En => format!("stdin line {}: `{nilai}` is not a number", n + 1),
                })
            })?;
            let note: Vec<&str> = parts.collect();
            let note = (!note.is_empty()).then(|| note.join(" "));
            if let Err(e) = record_one(
                &mut j,
                lang,
                &who,
                risalah,
                kriteria,
                nilai,
                note.as_deref(),
            ) {
                return fail(e);
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(risalah), Some(kriteria), Some(nilai)) = (args.risalah, args.kriteria, args.nilai)
    else {
        return Err(UsageError::Message(
            lang.pick(
                "berikan --risalah, --kriteria dan --nilai (atau --stdin)",
                "give --risalah, --kriteria and --nilai (or --stdin)",
            )
            .into(),
        ));
    };
    match record_one(
        &mut j,
        lang,
        &who,
        &risalah,
        &kriteria,
        nilai,
        args.catatan.as_deref(),
    ) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => fail(e),
    }
}

impl From<RankFormat> for export::OutputKind {
    fn from(f: RankFormat) -> Self {
        match f {
            RankFormat::Table => export::OutputKind::Table,
            RankFormat::Json => export::OutputKind::Json,
            RankFormat::Csv => export::OutputKind::Csv,
            RankFormat::Md => export::OutputKind::Md,
            RankFormat::Xlsx => export::OutputKind::Xlsx,
        }
    }
}

/// The format to write: `--format` when given (and not contradicted by the file's extension),
/// else the extension's, else the table.
fn rank_format(
    format: Option<RankFormat>,
    output: Option<&Path>,
    lang: Lang,
) -> Result<export::OutputKind, UsageError> {
    let by_name = output.and_then(export::OutputKind::of_path);
    match (format.map(export::OutputKind::from), by_name) {
        (Some(f), Some(n)) if f != n => Err(UsageError::Message(match lang {
            Lang::Id => format!(
                "--format {} tidak cocok dengan nama berkas {}: samakan keduanya",
                f.name(),
                output.map_or(String::new(), |p| p.display().to_string())
            ),
            Lang::En => format!(
                "--format {} does not match the file name {}: make them agree",
                f.name(),
                output.map_or(String::new(), |p| p.display().to_string())
            ),
        })),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => Ok(export::OutputKind::Table),
    }
}

pub fn rank(args: RankArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let RankArgs {
        lomba,
        metode,
        kategori,
        tahap,
        format,
        output,
        allow_partial,
        force,
    } = args;
    let output = output.as_deref();
    let format = rank_format(format, output, lang)?;
    let j = open(lomba.as_deref(), lang)?;
    let metode = metode.map_or(j.competition.lomba.agregasi, Agregasi::from);
    let kategori = Kategori::from(kategori);
    let lost: Vec<String> = j.losses().map(|p| p.juri.clone()).collect();
    if !lost.is_empty() && !allow_partial {
        eprintln!(
            "tulta: {}",
            match lang {
                Lang::Id => format!(
                    "jurnal {} tidak dihitung seluruhnya, jadi peringkat ini akan salah; pulihkan jurnalnya (`tulta verify`), atau terbitkan juga dengan --allow-partial (keluarannya menyebut hal ini)",
                    lost.join(", ")
                ),
                Lang::En => format!(
                    "the journals of {} are not wholly counted, so this ranking would be wrong; restore them (`tulta verify`), or publish anyway with --allow-partial (the output says so)",
                    lost.join(", ")
                ),
            }
        );
        return Ok(ExitCode::from(1));
    }
    let ranking = match &tahap {
        Some(t) => match j.stage_ranking(t, metode, kategori) {
            Ok(r) => r,
            Err(e) => return Err(UsageError::Message(e.message(lang))),
        },
        None => j.ranking(metode, kategori),
    };
    let ctx = j.export_context();
    if format.is_binary() && output.is_none() && std::io::stdout().is_terminal() {
        return Err(UsageError::Message(
            lang.pick(
                "XLSX adalah berkas biner, tidak untuk layar: beri --output BERKAS.xlsx (atau alihkan keluaran standar)",
                "XLSX is binary, not for a terminal: give --output FILE.xlsx (or redirect standard output)",
            )
            .into(),
        ));
    }
    let bytes =
        export::render(format, &ranking, &ctx, lang).map_err(|e| export_failed(&e, lang))?;
    match output {
        Some(path) => {
            tulta_core::files::write_output(path, &bytes, force)?;
            eprintln!(
                "{} {}",
                lang.pick("peringkat ditulis ke", "ranking written to"),
                path.display()
            );
        }
        None => write_stdout(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A journal path that is not a regular file (a FIFO, a device) is refused before it is read:
/// reading it would block or never end.
fn refuse_special(path: &Path, file: &str, lang: Lang) -> Result<(), UsageError> {
    tulta_core::files::read_bounded(path, 0)
        .map(|_| ())
        .map_err(|why| UsageError::Message(format!("{}: {}", printable(file), why.text(lang))))
}

/// The spreadsheet writers' own errors are English; the user is told in their language what failed.
fn export_failed(detail: &str, lang: Lang) -> UsageError {
    tracing::error!(detail, "export failed");
    UsageError::Message(
        lang.pick(
            "ekspor gagal (rinciannya di log: tulta --verbose)",
            "export failed (details in the log: tulta --verbose)",
        )
        .into(),
    )
}

/// `verify` a competition's journals, or one journal file; with `jejak`, also that the journals
/// still begin with exactly what a published ranking was computed from.
pub fn verify(
    target: Option<&Path>,
    jejak: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let mut out = String::new();
    let mut broken = false;
    if let Some(p) = target.filter(|p| p.extension().is_some_and(|x| x == "jsonl")) {
        let file = p.display().to_string();
        refuse_special(p, &file, lang)?;
        let read = journal::read(p, None, None).map_err(|e| {
            UsageError::Message(format!("{file}: {}", tulta_core::i18n::io_error(&e, lang)))
        })?;
        broken |= read.breach.is_some();
        out.push_str(&describe_read(&file, &read, None, lang));
        out.push_str(lang.pick(
            "  (berkas tunggal: kunci tidak dibandingkan dengan kunci yang disematkan; periksa lewat lombanya)\n",
            "  (a lone file: its key is not compared with a pinned key; verify it through its competition)\n",
        ));
        write_stdout(&out)?;
        return Ok(if broken {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let comp = load(target, lang)?;
    let dir = judging::journal_dir(&comp);
    let mut reads = std::collections::BTreeMap::new();
    for x in &comp.lomba.juri {
        let path = journal::Journal::path_for(&dir, &x.id);
        let file = path.display().to_string();
        if !path.exists() {
            out.push_str(&format!(
                "{file}: {}\n",
                lang.pick(
                    "belum ada (juri belum menilai)",
                    "none yet (judge has not scored)"
                )
            ));
            continue;
        }
        // A FIFO or device named as a journal would block or never end.
        refuse_special(&path, &file, lang)?;
        let pinned = judging::pinned_key(&comp, &dir, &x.id);
        let read = journal::read(&path, Some(&x.id), pinned.as_ref()).map_err(|e| {
            UsageError::Message(format!("{file}: {}", tulta_core::i18n::io_error(&e, lang)))
        })?;
        broken |= read.breach.is_some();
        out.push_str(&describe_read(&file, &read, pinned.as_ref(), lang));
        if read.breach.is_none() {
            let (_, rejected) = comp.check_lines(&x.id, &read.lines);
            broken |= !rejected.is_empty();
            for r in rejected {
                out.push_str(&format!(
                    "{file}: {} — {}\n",
                    r.describe(lang),
                    lang.pick("tidak dihitung", "not counted")
                ));
            }
        }
        reads.insert(x.id.clone(), read);
    }
    if let Some(jejak) = jejak {
        let text = std::fs::read(jejak).map_err(|e| {
            UsageError::Message(format!(
                "{}: {}",
                jejak.display(),
                tulta_core::i18n::io_error(&e, lang)
            ))
        })?;
        let anchors = export::read_anchors_from(&text).ok_or_else(|| {
            UsageError::Message(format!(
                "{}: {}",
                jejak.display(),
                lang.pick(
                    "tidak memuat jejak jurnal yang dapat dipercaya (JSON `jejak`, atau kaki Markdown/XLSX `jejak:…`; dua jejak berbeda untuk satu juri, mis. dari catatan juri, tidak dipercaya)",
                    "holds no journal anchors to trust (JSON `jejak`, or a Markdown/XLSX `jejak:…` footer; two different anchors for one judge, e.g. from a judge's note, are not trusted)"
                )
            ))
        })?;
        for (juri, (lines, hash)) in &anchors {
            let read = reads.get(juri);
            let held = match read {
                _ if *lines == 0 => true,
                Some(r) => r.hashes.get(lines - 1).is_some_and(|h| h == hash),
                None => false,
            };
            broken |= !held;
            out.push_str(&match (held, lang) {
                (true, Lang::Id) => format!("jejak {juri}: {lines} baris pertama sama dengan yang diterbitkan\n"),
                (true, Lang::En) => format!("anchor {juri}: the first {lines} lines are those published\n"),
                (false, Lang::Id) => format!(
                    "jejak {juri}: TIDAK COCOK — peringkat diterbitkan dari {lines} baris berakhir {}, jurnal di sini {}\n",
                    short(hash),
                    now_holds(read, *lines, lang)
                ),
                (false, Lang::En) => format!(
                    "anchor {juri}: MISMATCH — the ranking was published from {lines} lines ending {}, the journal here {}\n",
                    short(hash),
                    now_holds(read, *lines, lang)
                ),
            });
        }
    }
    write_stdout(&out)?;
    Ok(if broken {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}

fn now_holds(read: Option<&journal::JournalRead>, lines: usize, lang: Lang) -> String {
    match read {
        None => lang.pick("tidak ada", "does not exist").into(),
        Some(r) if r.lines.len() < lines => match lang {
            Lang::Id => format!("hanya {} baris utuh", r.lines.len()),
            Lang::En => format!("has only {} intact lines", r.lines.len()),
        },
        Some(r) => match lang {
            Lang::Id => format!(
                "baris {lines} berakhir {}",
                short(r.hashes.get(lines - 1).map_or("", String::as_str))
            ),
            Lang::En => format!(
                "has line {lines} ending {}",
                short(r.hashes.get(lines - 1).map_or("", String::as_str))
            ),
        },
    }
}

/// One journal's verdict: broken (where), or intact with how it is signed.
fn describe_read(
    file: &str,
    read: &journal::JournalRead,
    pinned: Option<&tulta_core::judging::keys::PublicKey>,
    lang: Lang,
) -> String {
    let file = printable(file);
    if let Some(b) = &read.breach {
        return format!("{file}: {}\n", printable(&b.describe(lang)));
    }
    let mut line = match lang {
        Lang::Id => format!("{file}: utuh, {} baris", read.lines.len()),
        Lang::En => format!("{file}: intact, {} lines", read.lines.len()),
    };
    match (&read.key, pinned) {
        (Some(k), Some(_)) => line.push_str(&match lang {
            Lang::Id => format!(", ditandatangani kunci yang disematkan {}", k.fingerprint()),
            Lang::En => format!(", signed with the pinned key {}", k.fingerprint()),
        }),
        (Some(k), None) => line.push_str(&match lang {
            Lang::Id => format!(
                ", ditandatangani kunci {} (belum disematkan)",
                k.fingerprint()
            ),
            Lang::En => format!(", signed with key {} (not pinned)", k.fingerprint()),
        }),
        (None, _) if read.lines.is_empty() => {}
        (None, _) => line.push_str(lang.pick(
            "; catatan: tidak bertanda tangan (jurnal edisi pertama)",
            "; notice: unsigned (a first-edition journal)",
        )),
    }
    if read.key.is_some() && read.unsigned > 0 {
        line.push_str(&match lang {
            Lang::Id => format!("; {} baris awal tidak bertanda tangan", read.unsigned),
            Lang::En => format!("; its first {} lines are unsigned", read.unsigned),
        });
    }
    if let Some((torn, _)) = read.torn {
        line.push_str(&match lang {
            Lang::Id => format!(" (baris {torn} terpotong, diabaikan)"),
            Lang::En => format!(" (line {torn} cut short, ignored)"),
        });
    }
    line.push('\n');
    line
}

/// `kunci LOMBA --juri ID`: the judge's public key and fingerprint, made now if there is none yet.
pub fn kunci(lomba: Option<&Path>, juri: &str, lang: Lang) -> Result<ExitCode, UsageError> {
    use tulta_core::judging::keys::KeyPair;
    let comp = load(lomba, lang)?;
    if comp.judge(juri).is_none() {
        return Err(UsageError::Message(
            ScoreError::UnknownJudge(juri.into()).message(lang),
        ));
    }
    let dir = judging::journal_dir(&comp);
    let io = |e: std::io::Error| {
        UsageError::Message(format!(
            "{}: {}",
            dir.display(),
            tulta_core::i18n::io_error(&e, lang)
        ))
    };
    let _lock = journal::lock(&dir, juri).map_err(|e| UsageError::Message(e.message(lang)))?;
    let pair = match KeyPair::load(&dir, juri).map_err(io)? {
        Some(p) => p,
        None => {
            let p = KeyPair::generate().map_err(io)?;
            p.save_new(&dir, juri).map_err(io)?;
            p
        }
    };
    let public = pair.public();
    let mut out = format!(
        "{juri}: {}\n{}: {}\n",
        public.text(),
        lang.pick("sidik jari", "fingerprint"),
        public.fingerprint()
    );
    match judging::pinned_key(&comp, &dir, juri) {
        Some(p) if p == public => out.push_str(lang.pick(
            "kunci ini yang disematkan untuk juri ini\n",
            "this is the key pinned for this judge\n",
        )),
        Some(p) => out.push_str(&match lang {
            Lang::Id => format!(
                "PERHATIAN: yang disematkan untuk juri ini kunci lain ({})\n",
                p.fingerprint()
            ),
            Lang::En => format!(
                "WARNING: another key is pinned for this judge ({})\n",
                p.fingerprint()
            ),
        }),
        None => out.push_str(lang.pick(
            "kirim baris `ed25519:…` ini ke panitia untuk `kunci:` juri ini di lomba.yaml\n",
            "send this `ed25519:…` line to the organiser for this judge's `kunci:` in lomba.yaml\n",
        )),
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn progress(
    lomba: Option<&Path>,
    tahap: Option<&str>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let j = open(lomba, lang)?;
    let stages: Vec<String> = match tahap {
        Some(t) => vec![t.to_string()],
        None => j
            .competition
            .scored_stages()
            .map(|s| s.id.clone())
            .collect(),
    };
    let staged = !j.competition.lomba.tahap.is_empty();
    let flow = j.flow(j.competition.lomba.agregasi);
    let mut out = String::new();
    for t in &stages {
        let rows = j
            .progress(t)
            .map_err(|e| UsageError::Message(e.message(lang)))?;
        let reached = flow.stage(t).map_or(0, |s| s.reached.len());
        let heading = if staged {
            let stage = flow.stage(t);
            format!(
                "{} — {} {t}{}",
                printable(j.competition.name()),
                lang.pick("tahap", "stage"),
                match stage {
                    Some(s) if s.is_final => format!(" ({})", lang.pick("final", "final")),
                    Some(_) => format!(" ({})", lang.pick("belum final", "not final yet")),
                    None => String::new(),
                }
            )
        } else {
            printable(j.competition.name()).into_owned()
        };
        out.push_str(&format!(
            "{heading} — {reached} {}\n{:<12} {:<34} {:>7} {:>7} {:>7} {:>7}\n",
            lang.pick("risalah", "entries"),
            lang.pick("juri", "judge"),
            lang.pick("nama", "name"),
            lang.pick("selesai", "done"),
            lang.pick("proses", "started"),
            lang.pick("belum", "todo"),
            lang.pick("konflik", "barred"),
        ));
        for p in rows {
            out.push_str(&format!(
                "{:<12} {:<34} {:>7} {:>7} {:>7} {:>7}\n",
                printable(&p.juri),
                printable(&p.nama),
                p.finished,
                p.in_progress,
                p.untouched,
                p.barred
            ));
        }
        if reached == 0 {
            if let Some(why) = j
                .competition
                .entries
                .first()
                .and_then(|e| flow.blocked(&e.id, t))
            {
                out.push_str(&format!("  ({})\n", why.describe(lang)));
            }
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `tulta undian`: the presentation order of a stage's entries, drawn from a seed.
pub fn undian(
    lomba: Option<&Path>,
    tahap: &str,
    benih: Option<u64>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let j = open(lomba, lang)?;
    let stage = j
        .competition
        .scored(tahap)
        .map_err(|e| UsageError::Message(e.message(lang)))?;
    let flow = j.flow(j.competition.lomba.agregasi);
    let reached = flow
        .stage(tahap)
        .map(|s| s.reached.clone())
        .unwrap_or_default();
    if reached.is_empty() {
        let why = j
            .competition
            .entries
            .first()
            .and_then(|e| flow.blocked(&e.id, tahap));
        eprintln!(
            "tulta: {}",
            match (why, lang) {
                (Some(w), Lang::Id) => format!(
                    "belum ada peserta yang sampai ke tahap {tahap}: {}",
                    w.describe(lang)
                ),
                (Some(w), Lang::En) => format!(
                    "no entry has reached stage {tahap} yet: {}",
                    w.describe(lang)
                ),
                (None, _) => lang
                    .pick("tidak ada peserta", "there are no entries")
                    .to_string(),
            }
        );
        return Ok(ExitCode::from(1));
    }
    let benih = benih.unwrap_or_else(today_as_seed);
    let order = judging::stages::draw(&reached, benih);
    let mut out = match lang {
        Lang::Id => format!(
            "{} — urutan tampil tahap {} ({}), benih {benih}\n",
            printable(j.competition.name()),
            stage.id,
            printable(&stage.nama)
        ),
        Lang::En => format!(
            "{} — presentation order of stage {} ({}), seed {benih}\n",
            printable(j.competition.name()),
            stage.id,
            printable(&stage.nama)
        ),
    };
    for (i, id) in order.iter().enumerate() {
        let e = j.competition.entry(id);
        out.push_str(&format!(
            "{:>3}. {:<36} {}{}\n",
            i + 1,
            printable(id),
            printable(e.map_or("", |e| e.opd.as_str())),
            stage.menit().map_or(String::new(), |m| format!(
                " ({m} {})",
                lang.pick("menit", "min")
            ))
        ));
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Today's date as `YYYYMMDD` (UTC): a seed anyone present can write down.
fn today_as_seed() -> u64 {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    now.get(..10)
        .map(|d| d.replace('-', ""))
        .and_then(|d| d.parse().ok())
        .unwrap_or(0)
}

/// A journal is a few hundred bytes a score: 256 MiB is far beyond any competition.
const JOURNAL_LIMIT: u64 = 256 * 1024 * 1024;

pub fn import(lomba: &Path, files: &[PathBuf], lang: Lang) -> Result<ExitCode, UsageError> {
    let comp = load(Some(lomba), lang)?;
    let dir = judging::journal_dir(&comp);
    let mut loaded = Vec::new();
    for f in files {
        let read = tulta_core::files::read_bounded(f, JOURNAL_LIMIT)
            .map_err(|why| UsageError::Message(format!("{}: {}", f.display(), why.text(lang))))?;
        if read.size > JOURNAL_LIMIT {
            return Err(UsageError::Message(format!(
                "{}: {}",
                f.display(),
                lang.pick(
                    "terlalu besar untuk sebuah jurnal",
                    "too large for a journal"
                )
            )));
        }
        loaded.push((f.display().to_string(), read.bytes));
    }
    match judging::import(&dir, &comp, &loaded) {
        Ok(reports) => {
            for r in reports {
                let juri = match &r.outcome {
                    Imported::New { juri, .. }
                    | Imported::Extended { juri, .. }
                    | Imported::AlreadyHere { juri }
                    | Imported::OlderThanHere { juri } => juri.clone(),
                };
                let line = match (r.outcome, lang) {
                    (Imported::New { juri, lines }, Lang::Id) => {
                        format!("{juri}: {lines} baris diimpor")
                    }
                    (Imported::New { juri, lines }, Lang::En) => {
                        format!("{juri}: {lines} lines imported")
                    }
                    (Imported::Extended { juri, from, to }, Lang::Id) => {
                        format!("{juri}: diperbarui dari {from} menjadi {to} baris")
                    }
                    (Imported::Extended { juri, from, to }, Lang::En) => {
                        format!("{juri}: brought up from {from} to {to} lines")
                    }
                    (Imported::AlreadyHere { juri }, Lang::Id) => {
                        format!("{juri}: sudah sama, tidak ada perubahan")
                    }
                    (Imported::AlreadyHere { juri }, Lang::En) => {
                        format!("{juri}: already here, nothing changed")
                    }
                    (Imported::OlderThanHere { juri }, Lang::Id) => {
                        format!("{juri}: jurnal di sini lebih baru, tidak diubah")
                    }
                    (Imported::OlderThanHere { juri }, Lang::En) => {
                        format!("{juri}: the journal here is newer, left as is")
                    }
                };
                let notice = match (&r.key, r.pinned_now, lang) {
                    (Some(fp), true, Lang::Id) => Some(format!(
                        "{juri}: kunci {fp} kini disematkan di sini; jurnal juri ini dengan kunci lain akan ditolak"
                    )),
                    (Some(fp), true, Lang::En) => Some(format!(
                        "{juri}: key {fp} is now pinned here; this judge's journals under any other key will be refused"
                    )),
                    (None, _, Lang::Id) => Some(format!(
                        "{juri}: catatan: jurnal tidak bertanda tangan (edisi pertama)"
                    )),
                    (None, _, Lang::En) => Some(format!(
                        "{juri}: notice: the journal is unsigned (first edition)"
                    )),
                    _ => None,
                };
                write_stdout(printable(&line).into_owned() + "\n")?;
                if let Some(notice) = notice {
                    write_stdout(printable(&notice).into_owned() + "\n")?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("tulta: {}", printable(&e.message(lang)));
            Ok(ExitCode::from(1))
        }
    }
}
