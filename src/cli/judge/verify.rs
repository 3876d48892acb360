//! `tulta verify` (journals, and a published ranking's anchors) and `tulta kunci` (a judge's key).

use super::load;
use crate::cli::{write_stdout, UsageError};
use std::path::Path;
use std::process::ExitCode;
use tulta_core::files::read::{self, Kind, Links, ReadError};
use tulta_core::i18n::{Lang, Localized};
use tulta_core::judging::amendments::{self, Link, RulesRecord, KOORDINATOR};
use tulta_core::judging::export;
use tulta_core::judging::journal;
use tulta_core::judging::rules;
use tulta_core::judging::{self, ScoreError};
use tulta_core::text::printable;

/// A journal, head, pinned key or anchors file that cannot be read, as the user reads it.
fn unreadable(e: &ReadError, lang: Lang) -> String {
    printable(&e.message(lang)).into_owned()
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
        // Named on the command line: a link is followed, to a regular file within the limit.
        let read = journal::read(p, Links::Follow, None, None)
            .map_err(|e| UsageError::Message(unreadable(&e, lang)))?;
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
    let record = RulesRecord::load(&comp, &dir);
    for x in &comp.lomba.juri {
        let path = journal::Journal::path_for(&dir, &x.id);
        let file = path.display().to_string();
        if std::fs::symlink_metadata(&path).is_err() {
            out.push_str(&format!(
                "{file}: {}\n",
                lang.pick(
                    "belum ada (juri belum menilai)",
                    "none yet (judge has not scored)"
                )
            ));
            continue;
        }
        // Found in the data folder: a link, a FIFO or a device there is refused, not followed or
        // waited on; the journal is not counted, and verify says which file and why.
        let retired = record.retired_keys(&x.id);
        let read = judging::pinned_key(&comp, &dir, &x.id).and_then(|pinned| {
            journal::read_with(&path, Links::Refuse, Some(&x.id), pinned.as_ref(), &retired)
                .map(|read| (pinned, read))
        });
        let (pinned, read) = match read {
            Ok(r) => r,
            Err(e) => {
                broken = true;
                out.push_str(&format!(
                    "{} — {}\n",
                    unreadable(&e, lang),
                    lang.pick("tidak dihitung", "not counted")
                ));
                continue;
            }
        };
        broken |= read.breach.is_some();
        out.push_str(&describe_read(&file, &read, pinned.as_ref(), lang));
        if read.breach.is_none() {
            let (_, mut rejected) = comp.check_lines(&x.id, &read.lines);
            // Lines an amendment set aside are reported as such, and are no fault.
            record.mark_amended(&read.lines, &mut rejected);
            broken |= rejected.iter().any(|r| r.amended.is_none());
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
    let _ = rules::keep(&dir, &record.current);
    broken |= rules_report(&dir, &record, &reads, &mut out, lang);
    if let Some(jejak) = jejak {
        let text = read::read(jejak, Kind::Anchors, Links::Follow)
            .map_err(|e| UsageError::Message(unreadable(&e, lang)))?;
        let published = export::read_anchors_from(&text).ok_or_else(|| {
            UsageError::Message(format!(
                "{}: {}",
                jejak.display(),
                lang.pick(
                    "tidak memuat jejak jurnal yang dapat dipercaya (JSON `jejak`, blok Markdown ```jejak, atau properti XLSX `jejak`, masing-masing satu)",
                    "holds no journal anchors to trust (JSON `jejak`, a Markdown ```jejak block, or the XLSX property `jejak`, one of each)"
                )
            ))
        })?;
        let anchors = &published.juri;
        for (juri, read) in &reads {
            // A judge who had lines when the result was published, and no anchor in it.
            if !anchors.contains_key(juri) && !read.lines.is_empty() {
                broken = true;
                out.push_str(&match lang {
                    Lang::Id => format!(
                        "jejak {juri}: TIDAK ADA — berkas terbitan tidak memuat jejak juri ini, padahal jurnalnya kini berisi {} baris\n",
                        read.lines.len()
                    ),
                    Lang::En => format!(
                        "anchor {juri}: MISSING — the published file holds no anchor for this judge, whose journal now holds {} lines\n",
                        read.lines.len()
                    ),
                });
            }
        }
        broken |= published_rules(&published, &record, &dir, &mut out, lang);
        for (juri, (lines, hash)) in anchors {
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

/// The rules part of `verify` (spec §11): the coordinator's journal, and every judge's lines
/// against the rules in force. Returns whether anything is wrong.
fn rules_report(
    dir: &Path,
    record: &RulesRecord,
    reads: &std::collections::BTreeMap<String, journal::JournalRead>,
    out: &mut String,
    lang: Lang,
) -> bool {
    let mut broken = false;
    let path = journal::Journal::path_for(dir, KOORDINATOR);
    let file = path.display().to_string();
    if let Some(e) = &record.unreadable {
        broken = true;
        out.push_str(&format!(
            "{} — {}\n",
            unreadable(e, lang),
            lang.pick(
                "tidak ada perubahan aturan yang dipercaya",
                "no amendment is trusted"
            )
        ));
    } else if let Some(b) = &record.breach {
        broken = true;
        out.push_str(&format!(
            "{}: {} — {}\n",
            printable(&file),
            printable(&b.describe(lang)),
            lang.pick(
                "tidak ada perubahan aturan di dalamnya yang dipercaya",
                "no amendment in it is trusted"
            )
        ));
    } else if let Some((n, _)) = &record.anchor {
        out.push_str(&match lang {
            Lang::Id => format!(
                "{}: utuh, {n} baris, {} perubahan aturan\n",
                printable(&file),
                record.amendments.len()
            ),
            Lang::En => format!(
                "{}: intact, {n} lines, {} amendments\n",
                printable(&file),
                record.amendments.len()
            ),
        });
    }
    for a in &record.amendments {
        out.push_str(&format!(
            "  {} {} ({}): {} — {}: {}\n",
            lang.pick("perubahan aturan", "amendment"),
            a.nomor,
            a.waktu,
            printable(&a.what(lang)),
            lang.pick("alasan", "reason"),
            printable(&a.alasan)
        ));
    }
    for (juri, read) in reads {
        if read.breach.is_some() {
            continue;
        }
        let file = journal::Journal::path_for(dir, juri).display().to_string();
        let older = read.lines.iter().filter(|l| l.aturan.is_none()).count();
        if older > 0 {
            let under = record.under(&read.lines);
            let first = read
                .lines
                .iter()
                .position(|l| l.aturan.is_none())
                .unwrap_or(0);
            let rules = under.get(first).copied().unwrap_or(&record.current.sidik);
            out.push_str(&match lang {
                Lang::Id => format!(
                    "{}: catatan: {older} baris tanpa sidik aturan (ditulis sebelum edisi ketiga) dianggap dinilai dengan aturan {rules}\n",
                    printable(&file)
                ),
                Lang::En => format!(
                    "{}: notice: {older} lines without a rules fingerprint (written before the third edition) are taken as scored under rules {rules}\n",
                    printable(&file)
                ),
            });
        }
        for (from, n) in record.unlinked(&read.lines) {
            broken = true;
            out.push_str(&format!(
                "{}: {}\n",
                printable(&file),
                printable(&amendments::describe_unlinked(record, dir, &from, n, lang))
            ));
        }
    }
    broken
}

/// A published file's rules against those in force, and the coordinator journal against its
/// published anchor. Returns whether anything is wrong.
fn published_rules(
    published: &export::Published,
    record: &RulesRecord,
    dir: &Path,
    out: &mut String,
    lang: Lang,
) -> bool {
    let mut broken = false;
    match &published.aturan {
        Some(a) if *a == record.current.sidik => out.push_str(&match lang {
            Lang::Id => format!("aturan: diterbitkan dengan aturan yang berlaku ({a})\n"),
            Lang::En => format!("rules: published under the rules in force ({a})\n"),
        }),
        Some(a) => {
            broken = true;
            let what = record
                .changes_since(dir, a)
                .filter(|c| !c.is_empty())
                .map(|c| {
                    c.iter()
                        .map(|x| x.describe(lang))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_else(|| {
                    lang.pick(
                        "aturan itu tidak tersimpan di folder data ini",
                        "those rules were never seen in this data folder",
                    )
                    .into()
                });
            let amended = match record.link(a) {
                Link::Amended(n) => match lang {
                    Lang::Id => format!(" (dicatat sebagai perubahan aturan {n})"),
                    Lang::En => format!(" (recorded as amendment {n})"),
                },
                _ => String::new(),
            };
            out.push_str(&match lang {
                Lang::Id => format!(
                    "aturan: TIDAK COCOK — hasil diterbitkan dengan aturan {a}, kini berlaku {}{amended}: {}\n",
                    record.current.sidik,
                    printable(&what)
                ),
                Lang::En => format!(
                    "rules: MISMATCH — the result was published under rules {a}, now {} are in force{amended}: {}\n",
                    record.current.sidik,
                    printable(&what)
                ),
            });
        }
        None => {
            broken = true;
            out.push_str(lang.pick(
                "aturan: berkas terbitan tidak menyebut sidik aturan, jadi aturannya tidak dapat diperiksa\n",
                "rules: the published file names no rules fingerprint, so its rules cannot be checked\n",
            ));
        }
    }
    if let Some((lines, hash)) = &published.koordinator {
        let path = journal::Journal::path_for(dir, KOORDINATOR);
        let read = journal::read(
            &path,
            Links::Refuse,
            Some(KOORDINATOR),
            record.pinned.as_ref(),
        )
        .ok();
        let held = *lines == 0
            || read
                .as_ref()
                .is_some_and(|r| r.hashes.get(lines - 1).is_some_and(|h| h == hash));
        broken |= !held;
        out.push_str(&match (held, lang) {
            (true, Lang::Id) => format!("jejak {KOORDINATOR}: {lines} baris pertama sama dengan yang diterbitkan\n"),
            (true, Lang::En) => format!("anchor {KOORDINATOR}: the first {lines} lines are those published\n"),
            (false, Lang::Id) => format!(
                "jejak {KOORDINATOR}: TIDAK COCOK — diterbitkan dari {lines} baris berakhir {}, jurnal di sini {}\n",
                short(hash),
                now_holds(read.as_ref(), *lines, lang)
            ),
            (false, Lang::En) => format!(
                "anchor {KOORDINATOR}: MISMATCH — published from {lines} lines ending {}, the journal here {}\n",
                short(hash),
                now_holds(read.as_ref(), *lines, lang)
            ),
        });
    }
    broken
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
    let coordinator = juri == KOORDINATOR;
    if comp.judge(juri).is_none() && !coordinator {
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
    let pair = match KeyPair::load(&dir, juri).map_err(|e| UsageError::Message(e.message(lang)))? {
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
    let pinned = if coordinator {
        amendments::coordinator_key(&comp, &dir)
    } else {
        judging::pinned_key(&comp, &dir, juri)
    }
    .map_err(|e| UsageError::Message(unreadable(&e, lang)))?;
    match pinned {
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
        None if coordinator => out.push_str(lang.pick(
            "tulis baris `ed25519:…` ini sebagai `koordinator: {nama: …, kunci: …}` di lomba.yaml\n",
            "write this `ed25519:…` line as `koordinator: {nama: …, kunci: …}` in lomba.yaml\n",
        )),
        None => out.push_str(lang.pick(
            "kirim baris `ed25519:…` ini ke panitia untuk `kunci:` juri ini di lomba.yaml\n",
            "send this `ed25519:…` line to the organiser for this judge's `kunci:` in lomba.yaml\n",
        )),
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
