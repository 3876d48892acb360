//! The judging commands: score, rank, verify, progress, import.

use super::{write_stdout, UsageError};
use clap::ValueEnum;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tulta_core::i18n::Lang;
use tulta_core::judging::competition::{self, Competition};
use tulta_core::judging::export;
use tulta_core::judging::journal;
use tulta_core::judging::ranking::Kategori;
use tulta_core::judging::scoring::Change;
use tulta_core::judging::{self, Imported, Judging, ScoreError};
use tulta_core::model::lomba::Agregasi;

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
        if let Some(b) = &p.breach {
            eprintln!(
                "{}: {}: {} — {}",
                lang.pick("peringatan", "warning"),
                p.path,
                b.describe(lang),
                lang.pick("jurnal ini tidak dihitung", "this journal is not counted")
            );
        } else if let Some(line) = p.torn_line {
            eprintln!(
                "{}: {}: {}",
                lang.pick("catatan", "note"),
                p.path,
                match lang {
                    Lang::Id =>
                        format!("baris {line} terpotong (kemungkinan mati listrik), diabaikan"),
                    Lang::En => format!("line {line} is cut short (likely a crash), ignored"),
                }
            );
        }
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
}

fn saved(lang: Lang, juri: &str, risalah: &str, what: &str, urutan: u64) -> String {
    match lang {
        Lang::Id => format!("tersimpan #{urutan}: {juri} · {risalah} · {what}"),
        Lang::En => format!("saved #{urutan}: {juri} · {risalah} · {what}"),
    }
}

fn record_one(
    j: &mut Judging,
    lang: Lang,
    juri: &str,
    risalah: &str,
    kriteria: &str,
    nilai: f64,
    catatan: Option<&str>,
) -> Result<(), ScoreError> {
    let r = j.score(juri, risalah, kriteria, nilai)?;
    println!(
        "{}",
        saved(
            lang,
            juri,
            risalah,
            &format!("{kriteria} = {nilai}"),
            r.urutan
        )
    );
    if let Some(text) = catatan {
        let r = j.record(
            juri,
            risalah,
            Change::Catatan {
                kriteria: Some(kriteria.to_string()),
                teks: text.to_string(),
            },
        )?;
        println!(
            "{}",
            saved(lang, juri, risalah, lang.pick("catatan", "note"), r.urutan)
        );
    }
    std::io::stdout().flush().ok();
    Ok(())
}

pub fn score(args: ScoreArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let mut j = open(args.lomba.as_deref(), lang)?;
    let fail = |e: ScoreError| {
        eprintln!("tulta: {}", e.message(lang));
        Ok(ExitCode::from(1))
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
                &args.juri,
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
        &args.juri,
        &risalah,
        &kriteria,
        nilai,
        args.catatan.as_deref(),
    ) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => fail(e),
    }
}

pub fn rank(
    lomba: Option<&Path>,
    metode: Option<&str>,
    kategori: &str,
    format: RankFormat,
    output: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, UsageError> {
    let kategori = Kategori::parse(kategori).ok_or_else(|| {
        UsageError::Message(match lang {
            Lang::Id => {
                format!("--kategori `{kategori}` tidak dikenal (opd, kelurahan atau semua)")
            }
            Lang::En => format!("unknown --kategori `{kategori}` (opd, kelurahan or semua)"),
        })
    })?;
    let j = open(lomba, lang)?;
    let metode = match metode {
        Some(m) => Agregasi::parse(m).ok_or_else(|| {
            UsageError::Message(match lang {
                Lang::Id => format!(
                    "--metode `{m}` tidak dikenal ({})",
                    Agregasi::NAMES.join(", ")
                ),
                Lang::En => format!("unknown --metode `{m}` ({})", Agregasi::NAMES.join(", ")),
            })
        })?,
        None => j.competition.lomba.agregasi,
    };
    let ranking = j.ranking(metode, kategori);
    let ctx = j.export_context();
    let bytes: Vec<u8> = match format {
        RankFormat::Table => export::table(&ranking, &ctx, lang).into_bytes(),
        RankFormat::Json => (export::json(&ranking, &ctx) + "\n").into_bytes(),
        RankFormat::Md => export::markdown(&ranking, &ctx, lang).into_bytes(),
        RankFormat::Csv => export::csv(&ranking, &ctx, lang)
            .map_err(|e| export_failed(&e.to_string(), lang))?
            .into_bytes(),
        RankFormat::Xlsx => {
            if output.is_none() && std::io::stdout().is_terminal() {
                return Err(UsageError::Message(
                    lang.pick(
                        "XLSX berupa biner: berikan --output BERKAS.xlsx (atau alihkan keluaran standar)",
                        "XLSX is binary: give --output FILE.xlsx (or redirect standard output)",
                    )
                    .into(),
                ));
            }
            export::xlsx(&ranking, &ctx, lang).map_err(|e| export_failed(&e.to_string(), lang))?
        }
    };
    match output {
        Some(path) => {
            write_atomically(path, &bytes, lang)?;
            eprintln!(
                "{} {}",
                lang.pick("peringkat ditulis ke", "ranking written to"),
                path.display()
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&bytes).and_then(|_| out.flush());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn write_atomically(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), UsageError> {
    tulta_core::files::write_atomic(path, bytes).map_err(|e| {
        UsageError::Message(format!(
            "{}: {}",
            path.display(),
            tulta_core::i18n::io_error(&e, lang)
        ))
    })
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

/// `verify` a competition's journals, or one journal file.
pub fn verify(target: Option<&Path>, lang: Lang) -> Result<ExitCode, UsageError> {
    let files: Vec<(String, Option<String>)> = match target {
        Some(p) if p.extension().is_some_and(|x| x == "jsonl") => {
            vec![(p.display().to_string(), None)]
        }
        _ => {
            let comp = load(target, lang)?;
            let dir = judging::journal_dir(&comp);
            comp.lomba
                .juri
                .iter()
                .map(|x| {
                    (
                        journal::Journal::path_for(&dir, &x.id)
                            .display()
                            .to_string(),
                        Some(x.id.clone()),
                    )
                })
                .collect()
        }
    };
    let mut broken = false;
    let mut out = String::new();
    for (file, juri) in files {
        let path = Path::new(&file);
        if juri.is_some() && !path.exists() {
            out.push_str(&format!(
                "{file}: {}\n",
                lang.pick(
                    "belum ada (juri belum menilai)",
                    "none yet (judge has not scored)"
                )
            ));
            continue;
        }
        let read = journal::read(path, juri.as_deref()).map_err(|e| {
            UsageError::Message(format!("{file}: {}", tulta_core::i18n::io_error(&e, lang)))
        })?;
        match &read.breach {
            Some(b) => {
                broken = true;
                out.push_str(&format!("{file}: {}\n", b.describe(lang)));
            }
            None => {
                out.push_str(&match lang {
                    Lang::Id => format!("{file}: utuh, {} baris", read.lines.len()),
                    Lang::En => format!("{file}: intact, {} lines", read.lines.len()),
                });
                if let Some((line, _)) = read.torn {
                    out.push_str(&match lang {
                        Lang::Id => format!(" (baris {line} terpotong, diabaikan)"),
                        Lang::En => format!(" (line {line} cut short, ignored)"),
                    });
                }
                out.push('\n');
            }
        }
    }
    write_stdout(&out);
    Ok(if broken {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn progress(lomba: Option<&Path>, lang: Lang) -> Result<ExitCode, UsageError> {
    let j = open(lomba, lang)?;
    let total = j.competition.entries.len();
    let mut out = format!(
        "{} — {} {}\n{:<12} {:<34} {:>7} {:>7} {:>7} {:>7}\n",
        j.competition.name(),
        total,
        lang.pick("risalah", "entries"),
        lang.pick("juri", "judge"),
        lang.pick("nama", "name"),
        lang.pick("selesai", "done"),
        lang.pick("proses", "started"),
        lang.pick("belum", "todo"),
        lang.pick("konflik", "barred"),
    );
    for p in j.progress() {
        out.push_str(&format!(
            "{:<12} {:<34} {:>7} {:>7} {:>7} {:>7}\n",
            p.juri, p.nama, p.finished, p.in_progress, p.untouched, p.barred
        ));
    }
    write_stdout(&out);
    Ok(ExitCode::SUCCESS)
}

pub fn import(lomba: &Path, files: &[PathBuf], lang: Lang) -> Result<ExitCode, UsageError> {
    let comp = load(Some(lomba), lang)?;
    let dir = judging::journal_dir(&comp);
    let mut loaded = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| {
            UsageError::Message(format!(
                "{}: {}",
                f.display(),
                tulta_core::i18n::io_error(&e, lang)
            ))
        })?;
        loaded.push((f.display().to_string(), bytes));
    }
    match judging::import(&dir, &comp, &loaded) {
        Ok(outcomes) => {
            for o in outcomes {
                let line = match (o, lang) {
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
                println!("{line}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("tulta: {}", e.message(lang));
            Ok(ExitCode::from(1))
        }
    }
}
