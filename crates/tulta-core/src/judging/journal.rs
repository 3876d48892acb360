//! A judge's journal: one JSON object a line, append-only, each line carrying the SHA-256 of the line
//! before it and its judge's Ed25519 signature (spec §10). A change counts as saved once its line is
//! written, flushed and fsynced. Beside the journal, a small head file names the last saved line, so
//! that removing the last line is caught too; a lock file (never replaced) lets one writer at a time
//! append or import.
//!
//! Longer than most files on purpose: reading and writing the line format, the chain, the head and
//! the lock stay side by side so that what a writer promises and what a reader checks cannot drift
//! apart (its last 160 lines are tests).

use crate::files::read::{self, ReadError};
use crate::i18n::{Lang, Localized};
use crate::judging::keys::{self, KeyPair, PublicKey};
use crate::judging::scoring::{Change, Recorded};
pub use crate::text::sha256_hex;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The `sebelum` of a journal's first line.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// How long a writer waits for another to finish before it gives up.
pub(crate) const LOCK_PATIENCE: Duration = Duration::from_secs(10);

/// One journal line, with its keys in a fixed order so that its hash is stable. `tanda`, when
/// present, is always the last member: the signature covers the line as written without it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub urutan: u64,
    pub waktu: String,
    /// The competition's id (second edition); a first-edition line has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lomba: Option<String>,
    /// The stage (spec §8), for competitions with stages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tahap: Option<String>,
    /// The rules fingerprint in force when the line was written (spec §11, third edition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aturan: Option<String>,
    pub juri: String,
    pub risalah: String,
    pub perubahan: Change,
    pub sebelum: String,
    /// The judge's public key, on the journal's first signed line only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kunci: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanda: Option<String>,
}

impl Line {
    pub(crate) fn recorded(&self) -> Recorded {
        Recorded {
            urutan: self.urutan,
            tahap: self.tahap.clone(),
            risalah: self.risalah.clone(),
            change: self.perubahan.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Head {
    urutan: u64,
    hash: String,
}

/// The signed part of a line as written: the line without its trailing `,"tanda":"…"` member.
fn signed_part(body: &[u8], tanda: &str) -> Option<Vec<u8>> {
    let suffix = format!(",\"tanda\":\"{tanda}\"}}");
    let head = body.strip_suffix(suffix.as_bytes())?;
    let mut out = head.to_vec();
    out.push(b'}');
    Some(out)
}

/// How a journal was found broken; `line` is 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Breach {
    Altered {
        line: usize,
    },
    Removed {
        line: usize,
    },
    Reordered {
        line: usize,
    },
    /// A line written for another judge (journals are per judge).
    ForeignJudge {
        line: usize,
        juri: String,
    },
    /// A signature that does not match its line.
    BadSignature {
        line: usize,
    },
    /// An unsigned line where a signed one belongs (after a signed line, or with a pinned key).
    Unsigned {
        line: usize,
    },
    /// A public key where none belongs, or a first signed line without one.
    MisplacedKey {
        line: usize,
    },
    /// A public key that is no Ed25519 key, or a weak one (of small order) that anyone can "sign" for.
    BadKey {
        line: usize,
    },
    /// Signed by another key than the one pinned for the judge (fingerprints).
    OtherKey {
        line: usize,
        found: String,
        pinned: String,
    },
}

impl Breach {
    pub fn line(&self) -> usize {
        match self {
            Breach::Altered { line }
            | Breach::Removed { line }
            | Breach::Reordered { line }
            | Breach::ForeignJudge { line, .. }
            | Breach::BadSignature { line }
            | Breach::Unsigned { line }
            | Breach::MisplacedKey { line }
            | Breach::BadKey { line }
            | Breach::OtherKey { line, .. } => *line,
        }
    }

    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (Breach::Altered { line }, Id) => format!("baris {line} diubah"),
            (Breach::Altered { line }, En) => format!("line {line} was altered"),
            (Breach::Removed { line }, Id) => format!("baris {line} dihapus"),
            (Breach::Removed { line }, En) => format!("line {line} was removed"),
            (Breach::Reordered { line }, Id) => format!("urutan berubah pada baris {line}"),
            (Breach::Reordered { line }, En) => format!("lines were reordered at line {line}"),
            (Breach::ForeignJudge { line, juri }, Id) => {
                format!("baris {line} milik juri lain ({juri})")
            }
            (Breach::ForeignJudge { line, juri }, En) => {
                format!("line {line} belongs to another judge ({juri})")
            }
            (Breach::BadSignature { line }, Id) => {
                format!("tanda tangan baris {line} tidak cocok: baris {line} diubah")
            }
            (Breach::BadSignature { line }, En) => {
                format!("the signature of line {line} does not match: line {line} was altered")
            }
            (Breach::Unsigned { line }, Id) => {
                format!("baris {line} tidak bertanda tangan padahal jurnal ini wajib bertanda tangan")
            }
            (Breach::Unsigned { line }, En) => {
                format!("line {line} is unsigned where this journal must be signed")
            }
            (Breach::MisplacedKey { line }, Id) => {
                format!("kunci publik di baris {line} tidak pada tempatnya")
            }
            (Breach::MisplacedKey { line }, En) => {
                format!("the public key on line {line} is out of place")
            }
            (Breach::BadKey { line }, Id) => format!(
                "kunci publik di baris {line} bukan kunci ed25519 yang sah (atau kunci lemah yang tandanya dapat dibuat siapa saja)"
            ),
            (Breach::BadKey { line }, En) => format!(
                "the public key on line {line} is not a valid ed25519 key (or a weak one whose signatures anyone can make)"
            ),
            (Breach::OtherKey {
                line,
                found,
                pinned,
            }, Id) => format!(
                "baris {line} ditandatangani kunci {found}, bukan kunci yang disematkan untuk juri ini ({pinned})"
            ),
            (Breach::OtherKey {
                line,
                found,
                pinned,
            }, En) => format!(
                "line {line} is signed by key {found}, not the key pinned for this judge ({pinned})"
            ),
        }
    }
}

/// What a journal must be to be read as sound.
#[derive(Clone, Debug, Default)]
pub struct Expect<'a> {
    /// The judge it must belong to.
    pub juri: Option<&'a str>,
    /// The key pinned for that judge: the journal must be signed with it, every line.
    pub pinned: Option<&'a PublicKey>,
    /// Fingerprints of keys an amendment replaced (spec §11): a journal signed with one was
    /// pinned before the amendment, and still stands.
    pub retired: &'a [String],
    /// The head file's last line (sequence, hash).
    pub head: Option<(u64, &'a str)>,
}

/// A journal as read from disk.
#[derive(Clone, Debug, Default)]
pub struct JournalRead {
    /// Every line up to the first breach.
    pub lines: Vec<Line>,
    /// The SHA-256 of each of those lines.
    pub hashes: Vec<String>,
    /// A last line cut short by a crash: never reported saved, so ignored. (line number, bytes)
    pub torn: Option<(usize, usize)>,
    pub breach: Option<Breach>,
    /// Byte length of the intact part (the lines above, with their newlines).
    pub good_len: u64,
    /// The key the journal is signed with (from its first signed line).
    pub key: Option<PublicKey>,
    /// Lines without a signature (first-edition lines).
    pub unsigned: usize,
}

impl JournalRead {
    pub fn judge(&self) -> Option<&str> {
        self.lines.first().map(|l| l.juri.as_str())
    }

    /// The hash of the last intact line (`GENESIS` for an empty journal).
    pub(crate) fn last_hash(&self) -> &str {
        self.hashes.last().map_or(GENESIS, String::as_str)
    }
}

/// Checks one line's signature and key against what came before; `Err` is the breach.
fn check_signature(
    number: usize,
    body: &[u8],
    line: &Line,
    expect: &Expect,
    out: &mut JournalRead,
) -> Result<(), Breach> {
    let Some(tanda) = &line.tanda else {
        // Unsigned, then signed: a first-edition journal continued (spec §11); never the reverse.
        // With a key pinned the journal must go on signed by it: `parse` checks that at its end.
        if out.key.is_some() {
            return Err(Breach::Unsigned { line: number });
        }
        if line.kunci.is_some() {
            return Err(Breach::MisplacedKey { line: number });
        }
        out.unsigned += 1;
        return Ok(());
    };
    let key = match (&out.key, &line.kunci) {
        (None, Some(text)) => {
            let key = PublicKey::parse(text).ok_or(Breach::BadKey { line: number })?;
            if let Some(pinned) = expect.pinned {
                if *pinned != key && !expect.retired.contains(&key.fingerprint()) {
                    return Err(Breach::OtherKey {
                        line: number,
                        found: key.fingerprint(),
                        pinned: pinned.fingerprint(),
                    });
                }
            }
            key
        }
        (Some(key), None) => key.clone(),
        _ => return Err(Breach::MisplacedKey { line: number }),
    };
    let signed = signed_part(body, tanda).ok_or(Breach::BadSignature { line: number })?;
    if !key.verifies(&signed, tanda) {
        return Err(Breach::BadSignature { line: number });
    }
    out.key = Some(key);
    Ok(())
}

/// Reads and verifies journal text: hash chain, sequence, judge, signatures, head.
pub fn parse(bytes: &[u8], expect: &Expect) -> JournalRead {
    let mut out = JournalRead::default();
    let mut prev_hash = GENESIS.to_string();
    let mut offset = 0usize;
    let mut juri = expect.juri.map(str::to_string);
    let raw_lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    for (i, raw) in raw_lines.iter().enumerate() {
        let number = i + 1;
        let complete = raw.ends_with(b"\n");
        let body = raw.strip_suffix(b"\n").unwrap_or(raw);
        let parsed: Option<Line> = serde_json::from_slice(body).ok();
        let Some(line) = parsed.filter(|_| complete) else {
            if i + 1 == raw_lines.len() && !complete {
                out.torn = Some((number, raw.len()));
            } else {
                out.breach = Some(Breach::Altered { line: number });
            }
            break;
        };
        let expected = out.lines.len() as u64 + 1;
        if line.urutan != expected {
            let later = raw_lines[i..].iter().any(|r| {
                serde_json::from_slice::<Line>(r.strip_suffix(b"\n").unwrap_or(r))
                    .is_ok_and(|l| l.urutan == expected)
            });
            out.breach = Some(if later || line.urutan < expected {
                Breach::Reordered { line: number }
            } else {
                Breach::Removed { line: number }
            });
            break;
        }
        if line.sebelum != prev_hash {
            // The line before was changed after this one was written.
            out.breach = Some(Breach::Altered {
                line: number.saturating_sub(1).max(1),
            });
            break;
        }
        match &juri {
            Some(j) if *j != line.juri => {
                out.breach = Some(Breach::ForeignJudge {
                    line: number,
                    juri: line.juri.clone(),
                });
                break;
            }
            Some(_) => {}
            None => juri = Some(line.juri.clone()),
        }
        if let Err(b) = check_signature(number, body, &line, expect, &mut out) {
            out.breach = Some(b);
            break;
        }
        prev_hash = sha256_hex(body);
        out.hashes.push(prev_hash.clone());
        offset += raw.len();
        out.lines.push(line);
    }
    out.good_len = offset as u64;
    if out.breach.is_none() && out.key.is_none() && expect.pinned.is_some() {
        // Unsigned lines stand only where the judge has no key: with one pinned (or the judge's
        // own here), a wholly unsigned journal is one whose signatures were stripped.
        if !out.lines.is_empty() {
            out.breach = Some(Breach::Unsigned { line: 1 });
        }
    }
    if out.breach.is_none() {
        if let Some((urutan, hash)) = expect.head {
            let n = out.lines.len() as u64;
            if urutan > n {
                out.breach = Some(Breach::Removed {
                    line: n as usize + 1,
                });
            } else if urutan > 0
                && out.hashes.get(urutan as usize - 1).map(String::as_str) != Some(hash)
            {
                out.breach = Some(Breach::Altered {
                    line: urutan as usize,
                });
            }
        }
    }
    out
}

pub(crate) fn head_path(journal: &Path) -> PathBuf {
    journal.with_extension("head")
}

/// The journal's head file, if there is one that parses. One that cannot be read at all (a FIFO,
/// a link, over its limit) is an error: it is there to catch a journal cut short.
fn read_head(journal: &Path) -> Result<Option<Head>, ReadError> {
    let bytes = read::read_if_any(&head_path(journal), read::Kind::Head, read::Links::Refuse)?;
    Ok(bytes.and_then(|b| serde_json::from_slice(&b).ok()))
}

/// Reads and verifies a journal file (and its head file, when present). `links` says whether the
/// user named the path ([`read::Links::Follow`]) or tulta found it in its data folder.
pub fn read(
    path: &Path,
    links: read::Links,
    juri: Option<&str>,
    pinned: Option<&PublicKey>,
) -> Result<JournalRead, ReadError> {
    read_with(path, links, juri, pinned, &[])
}

/// [`read`], also taking a journal signed with a key an amendment `retired`.
pub fn read_with(
    path: &Path,
    links: read::Links,
    juri: Option<&str>,
    pinned: Option<&PublicKey>,
    retired: &[String],
) -> Result<JournalRead, ReadError> {
    let bytes = read::read(path, read::Kind::Journal, links)?;
    let head = read_head(path)?;
    Ok(parse(
        &bytes,
        &Expect {
            juri,
            pinned,
            retired,
            head: head.as_ref().map(|h| (h.urutan, h.hash.as_str())),
        },
    ))
}

#[derive(Debug)]
pub enum JournalError {
    /// A journal, head or key that cannot be read: a FIFO, a link, over its limit.
    Read(ReadError),
    /// A judge's key file that holds no key.
    BadKey {
        path: String,
    },
    Io {
        path: String,
        err: std::io::Error,
    },
    Locked {
        path: String,
    },
    Broken {
        path: String,
        breach: Breach,
    },
    BadId(String),
    OtherMachine {
        path: String,
        juri: String,
        journal: String,
    },
    NotPinned {
        juri: String,
        pinned: String,
        ours: Option<String>,
    },
}

impl Localized for JournalError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (JournalError::Read(e), _) => e.message(lang),
            (JournalError::BadKey { path }, Lang::Id) => format!(
                "{path}: berkas kunci rahasia ini rusak (bukan kunci ed25519-rahasia:…); pulihkan dari cadangan, jangan dihapus: jurnal yang ditandatanganinya hanya dapat dilanjutkan dengan kunci itu"
            ),
            (JournalError::BadKey { path }, Lang::En) => format!(
                "{path}: this private key file is corrupt (not an ed25519-rahasia:… key); restore it from a backup rather than delete it: the journal it signed can only go on with that key"
            ),
            (JournalError::Io { path, err }, _) => {
                format!("{path}: {}", crate::i18n::io_error(err, lang))
            }
            (JournalError::Locked { path }, Lang::Id) => format!(
                "{path}: jurnal sedang dipakai proses tulta lain (sudah menunggu {} detik)",
                LOCK_PATIENCE.as_secs()
            ),
            (JournalError::Locked { path }, Lang::En) => format!(
                "{path}: the journal is in use by another tulta process (waited {} s)",
                LOCK_PATIENCE.as_secs()
            ),
            (JournalError::Broken { path, breach }, Lang::Id) => format!(
                "{path}: jurnal rusak ({}); jalankan `tulta verify` dan pulihkan sebelum menilai",
                breach.describe(lang)
            ),
            (JournalError::Broken { path, breach }, Lang::En) => format!(
                "{path}: the journal is broken ({}); run `tulta verify` and restore it before scoring",
                breach.describe(lang)
            ),
            (JournalError::BadId(id), Lang::Id) => format!(
                "`{id}` bukan id juri yang sah ([a-z0-9-]+); tidak ada berkas yang dibuat untuknya"
            ),
            (JournalError::BadId(id), Lang::En) => {
                format!("`{id}` is not a valid judge id ([a-z0-9-]+); no file is made for it")
            }
            (JournalError::OtherMachine { path, juri, journal }, Lang::Id) => format!(
                "{path}: jurnal ini ditandatangani kunci {journal}, dan komputer ini tidak memegang kunci rahasianya: juri `{juri}` menilai di komputer tempat jurnal itu dibuat"
            ),
            (JournalError::OtherMachine { path, juri, journal }, Lang::En) => format!(
                "{path}: this journal is signed with key {journal}, and this machine holds no private key for it: judge `{juri}` scores on the machine that made it"
            ),
            (JournalError::NotPinned { juri, pinned, ours }, Lang::Id) => format!(
                "juri `{juri}`: kunci yang disematkan untuk juri ini {pinned}, tetapi kunci komputer ini {}; tidak ada yang dicatat",
                ours.as_deref().unwrap_or("tidak ada (tidak ada kunci rahasia juri ini di sini)")
            ),
            (JournalError::NotPinned { juri, pinned, ours }, Lang::En) => format!(
                "judge `{juri}`: the key pinned for this judge is {pinned}, but this machine's key is {}; nothing was recorded",
                ours.as_deref().unwrap_or("none (no private key for this judge here)")
            ),
        }
    }
}
crate::localized_error!(JournalError);

impl From<ReadError> for JournalError {
    fn from(e: ReadError) -> Self {
        JournalError::Read(e)
    }
}

pub(crate) use crate::model::names::is_id as valid_id;

/// The lock file of a judge's journal; it is never replaced, so every writer locks the same file
/// even when an import has put a new journal in place.
pub(crate) fn lock_path(dir: &Path, juri: &str) -> PathBuf {
    dir.join(format!("{juri}.lock"))
}

/// Holds a judge's journal lock until dropped.
pub struct JournalLock(File);

impl Drop for JournalLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Takes the judge's journal lock, waiting up to [`LOCK_PATIENCE`] for another writer.
pub fn lock(dir: &Path, juri: &str) -> Result<JournalLock, JournalError> {
    if !valid_id(juri) {
        return Err(JournalError::BadId(juri.to_string()));
    }
    let path = lock_path(dir, juri);
    let io = |err| JournalError::Io {
        path: path.display().to_string(),
        err,
    };
    crate::files::create_dir_all_durable(dir).map_err(io)?;
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    match crate::files::lock_within(&file, LOCK_PATIENCE) {
        Ok(()) => Ok(JournalLock(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(JournalError::Locked {
            path: Journal::path_for(dir, juri).display().to_string(),
        }),
        Err(std::fs::TryLockError::Error(err)) => Err(io(err)),
    }
}

/// Which file a handle is (device and inode; volume and file index on Windows): a journal
/// replaced by an import is another file.
fn identity(file: &File) -> Option<same_file::Handle> {
    same_file::Handle::from_file(file.try_clone().ok()?).ok()
}

/// What a journal's writer must hold to: the competition and the key pinned for the judge.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub lomba: Option<String>,
    pub pinned: Option<PublicKey>,
    /// The rules fingerprint every new line carries (spec §11).
    pub aturan: Option<String>,
}

/// A judge's journal opened for appending. The lock is taken for each change, not held between
/// changes: an import can land in between, and the next change then continues the new file.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    dir: PathBuf,
    file: File,
    /// Which file `file` is, and the length this writer knows it to have.
    identity: Option<same_file::Handle>,
    known_len: u64,
    juri: String,
    context: Context,
    key: KeyPair,
    /// Whether the journal already carries the public key (on its first signed line).
    key_written: bool,
    last_urutan: u64,
    last_hash: String,
    lines: Vec<Line>,
    /// Set when opening cut off a torn last line: (line number, bytes dropped).
    pub repaired: Option<(usize, usize)>,
    /// The judge's own key here is the pinned one: a wholly unsigned (first-edition) journal may
    /// then go on signed by it (spec §11) — whoever could strip its signatures here could as well
    /// read that key and sign.
    continues_unsigned: bool,
}

impl Journal {
    /// `<dir>/<juri>.jsonl`. `juri` must be a validated id (see [`valid_id`]).
    pub fn path_for(dir: &Path, juri: &str) -> PathBuf {
        dir.join(format!("{juri}.jsonl"))
    }

    pub fn open(dir: &Path, juri: &str, context: Context) -> Result<Journal, JournalError> {
        let _lock = lock(dir, juri)?;
        let path = Journal::path_for(dir, juri);
        let io = |err| JournalError::Io {
            path: path.display().to_string(),
            err,
        };
        let key = KeyPair::load(dir, juri)?;
        let new_file = !path.exists();
        let mut journal = Journal {
            path: path.clone(),
            dir: dir.to_path_buf(),
            file: read::open_journal_for_update(&path)?,
            identity: None,
            known_len: 0,
            juri: juri.to_string(),
            context,
            // Replaced below once the journal has been read; a throwaway until then.
            key: KeyPair::generate().map_err(io)?,
            key_written: false,
            last_urutan: 0,
            last_hash: GENESIS.to_string(),
            lines: Vec::new(),
            repaired: None,
            continues_unsigned: false,
        };
        journal.continues_unsigned = matches!(
            (&key, &journal.context.pinned),
            (Some(k), Some(p)) if k.public() == *p
        );
        // The first line's fsync keeps its bytes; the new name needs its folder synced as well.
        if new_file {
            crate::files::sync_parent(&path).map_err(io)?;
        }
        journal.reload()?;
        journal.key = match (key, &journal.lines_key()) {
            (Some(k), Some(signed_with)) if k.public() == *signed_with => k,
            (_, Some(signed_with)) => {
                return Err(JournalError::OtherMachine {
                    path: path.display().to_string(),
                    juri: juri.to_string(),
                    journal: signed_with.fingerprint(),
                })
            }
            (Some(k), None) => k,
            (None, None) => {
                if let Some(pinned) = &journal.context.pinned {
                    // Making a key that can never be accepted would only leave a stray file.
                    return Err(JournalError::NotPinned {
                        juri: juri.to_string(),
                        pinned: pinned.fingerprint(),
                        ours: None,
                    });
                }
                let k = KeyPair::generate().map_err(io)?;
                k.save_new(dir, juri).map_err(io)?;
                k
            }
        };
        if let Some(pinned) = &journal.context.pinned {
            if *pinned != journal.key.public() {
                return Err(JournalError::NotPinned {
                    juri: juri.to_string(),
                    pinned: pinned.fingerprint(),
                    ours: Some(journal.key.public().fingerprint()),
                });
            }
        }
        keys::pin(dir, juri, &journal.key.public()).map_err(io)?;
        Ok(journal)
    }

    fn lines_key(&self) -> Option<PublicKey> {
        self.lines
            .iter()
            .find_map(|l| l.kunci.as_deref())
            .and_then(PublicKey::parse)
    }

    /// Re-reads the journal (under the lock): after an import replaced it, or another process
    /// for the same judge appended to it.
    fn reload(&mut self) -> Result<(), JournalError> {
        let io = |err| JournalError::Io {
            path: self.path.display().to_string(),
            err,
        };
        let mut file = read::open_journal_for_update(&self.path)?;
        let bytes = read::read_from(&mut file, &self.path, read::Kind::Journal)?;
        let head = read_head(&self.path)?;
        let read = parse(
            &bytes,
            &Expect {
                juri: Some(&self.juri),
                pinned: self.context.pinned.as_ref(),
                retired: &[],
                head: head.as_ref().map(|h| (h.urutan, h.hash.as_str())),
            },
        );
        let first_edition = read.key.is_none() && read.breach == Some(Breach::Unsigned { line: 1 });
        if let Some(breach) = read
            .breach
            .clone()
            .filter(|_| !(first_edition && self.continues_unsigned))
        {
            return Err(JournalError::Broken {
                path: self.path.display().to_string(),
                breach,
            });
        }
        if let Some(torn) = read.torn {
            // The torn line was never reported saved; drop it so the next line starts clean.
            file.set_len(read.good_len).map_err(io)?;
            file.sync_all().map_err(io)?;
            self.repaired = Some(torn);
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        self.identity = identity(&file);
        self.known_len = meta.len();
        self.key_written = read.key.is_some();
        self.last_urutan = read.lines.len() as u64;
        self.last_hash = read.last_hash().to_string();
        self.lines = read.lines;
        self.file = file;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub(crate) fn last_hash(&self) -> &str {
        &self.last_hash
    }

    /// Appends one change; returns once it is on disk (written, flushed, fsynced). Takes the lock
    /// first, and continues the file now at the path if it is not the one this writer last wrote.
    pub fn append(&mut self, risalah: &str, change: Change) -> Result<Recorded, JournalError> {
        self.append_in(None, risalah, change)
    }

    /// [`Self::append`] for a stage other than the competition's first scored stage (spec §8).
    pub(crate) fn append_in(
        &mut self,
        tahap: Option<&str>,
        risalah: &str,
        change: Change,
    ) -> Result<Recorded, JournalError> {
        let _lock = lock(&self.dir, &self.juri)?;
        self.catch_up()?;
        self.write_line(tahap, risalah, change)
    }

    /// Appends the change `decide` makes of the journal as it stands under the lock, or nothing
    /// when it makes none: for a change that is only right against the newest lines (an undo must
    /// withdraw the line the judge saw last, not one another process wrote meanwhile).
    pub(crate) fn append_if(
        &mut self,
        tahap: Option<&str>,
        risalah: &str,
        decide: impl FnOnce(&[Line]) -> Option<Change>,
    ) -> Result<Option<Recorded>, JournalError> {
        let _lock = lock(&self.dir, &self.juri)?;
        self.catch_up()?;
        match decide(&self.lines) {
            Some(change) => self.write_line(tahap, risalah, change).map(Some),
            None => Ok(None),
        }
    }

    /// Reads what another process (or an import) wrote since this writer last looked.
    pub(crate) fn refresh(&mut self) -> Result<(), JournalError> {
        let _lock = lock(&self.dir, &self.juri)?;
        self.catch_up()
    }

    /// Under the lock: re-reads the journal when the file at the path is not the one this writer
    /// last wrote.
    fn catch_up(&mut self) -> Result<(), JournalError> {
        // Through the one reader: a FIFO or a link planted at the journal's name is not opened.
        let now_there = read::open(&self.path, read::Kind::Journal, read::Links::Refuse)
            .ok()
            .and_then(|f| Some((identity(&f), f.metadata().ok()?.len())));
        let unchanged = now_there.as_ref().is_some_and(|(id, len)| {
            id.is_some() && *id == self.identity && *len == self.known_len
        });
        if !unchanged {
            self.reload()?;
            if let Some(signed_with) = self.lines_key() {
                if signed_with != self.key.public() {
                    return Err(JournalError::OtherMachine {
                        path: self.path.display().to_string(),
                        juri: self.juri.clone(),
                        journal: signed_with.fingerprint(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Writes one line; the caller holds the lock and has caught up.
    fn write_line(
        &mut self,
        tahap: Option<&str>,
        risalah: &str,
        change: Change,
    ) -> Result<Recorded, JournalError> {
        let io = |err| JournalError::Io {
            path: self.path.display().to_string(),
            err,
        };
        let mut line = Line {
            urutan: self.last_urutan + 1,
            waktu: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            lomba: self.context.lomba.clone(),
            tahap: tahap.map(str::to_string),
            aturan: self.context.aturan.clone(),
            juri: self.juri.clone(),
            risalah: risalah.to_string(),
            perubahan: change,
            sebelum: self.last_hash.clone(),
            kunci: (!self.key_written).then(|| self.key.public().text()),
            tanda: None,
        };
        let unsigned = serde_json::to_vec(&line).map_err(|e| io(std::io::Error::other(e)))?;
        line.tanda = Some(self.key.sign(&unsigned));
        let body = serde_json::to_vec(&line).map_err(|e| io(std::io::Error::other(e)))?;
        let mut bytes = body.clone();
        bytes.push(b'\n');
        self.file.write_all(&bytes).map_err(io)?;
        self.file.flush().map_err(io)?;
        self.file.sync_data().map_err(io)?;
        self.known_len += bytes.len() as u64;
        self.key_written = true;
        self.last_urutan = line.urutan;
        self.last_hash = sha256_hex(&body);
        write_head(
            &self.path,
            &Head {
                urutan: self.last_urutan,
                hash: self.last_hash.clone(),
            },
        )
        .map_err(io)?;
        let recorded = line.recorded();
        self.lines.push(line);
        Ok(recorded)
    }
}

/// Replaces the head file atomically; a crash leaves the old head, one line behind, which is fine.
fn write_head(journal: &Path, head: &Head) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(head).map_err(std::io::Error::other)?;
    crate::files::write_atomic(&head_path(journal), &bytes)
}

/// Copies a verified journal (and a head for it) into `dir`, atomically. The caller holds the
/// judge's lock.
pub(crate) fn install(
    dir: &Path,
    juri: &str,
    bytes: &[u8],
    read: &JournalRead,
) -> std::io::Result<PathBuf> {
    crate::files::create_dir_all_durable(dir)?;
    let path = Journal::path_for(dir, juri);
    crate::files::write_atomic(&path, bytes)?;
    let head = Head {
        urutan: read.lines.len() as u64,
        hash: read.last_hash().to_string(),
    };
    write_head(&path, &head)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn skor(v: f64) -> Change {
        Change::Skor {
            kriteria: "L1".into(),
            nilai: v,
        }
    }

    fn journal_with(n: usize) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tmp");
        let mut j = Journal::open(dir.path(), "juri-1", Context::default()).expect("open");
        for i in 0..n {
            j.append("e1", skor(1.0 + i as f64 % 4.0)).expect("append");
        }
        let path = j.path().to_path_buf();
        (dir, path)
    }

    fn breach(path: &Path) -> Option<Breach> {
        read(path, read::Links::Follow, Some("juri-1"), None)
            .expect("read")
            .breach
    }

    #[test]
    fn an_intact_journal_verifies_and_reopens() {
        let (dir, path) = journal_with(5);
        assert_eq!(breach(&path), None);
        let j = Journal::open(dir.path(), "juri-1", Context::default()).expect("reopen");
        assert_eq!(j.lines().len(), 5);
    }

    #[test]
    fn two_writers_for_one_judge_interleave_and_a_replaced_file_is_continued() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = Journal::open(dir.path(), "juri-1", Context::default()).expect("open a");
        let mut b = Journal::open(dir.path(), "juri-1", Context::default()).expect("open b");
        a.append("e1", skor(1.0)).expect("a1");
        let r = b.append("e1", skor(2.0)).expect("b continues after a");
        assert_eq!(r.urutan, 2);
        // The file is replaced (as an import does) by a copy of itself plus nothing: a writer that
        // kept its old handle would write into the unlinked file and lose the line.
        let path = a.path().to_path_buf();
        let bytes = std::fs::read(&path).expect("read");
        crate::files::write_atomic(&path, &bytes).expect("replace");
        assert_eq!(a.append("e1", skor(3.0)).expect("a3").urutan, 3);
        let r = read(&path, read::Links::Follow, Some("juri-1"), None).expect("read");
        assert_eq!((r.lines.len(), r.breach), (3, None));
        assert!(r.key.is_some() && r.unsigned == 0, "every line signed");
    }

    #[test]
    fn a_writer_waits_for_the_lock_instead_of_giving_up() {
        let dir = tempfile::tempdir().expect("tmp");
        let held = lock(dir.path(), "juri-1").expect("lock");
        let d = dir.path().to_path_buf();
        let t = std::thread::spawn(move || {
            let mut j = Journal::open(&d, "juri-1", Context::default()).expect("waits, then opens");
            j.append("e1", skor(4.0)).map(|r| r.urutan)
        });
        std::thread::sleep(Duration::from_millis(300));
        drop(held);
        assert_eq!(t.join().expect("thread").expect("append"), 1);
        assert!(matches!(
            lock(dir.path(), "../x"),
            Err(JournalError::BadId(_))
        ));
        assert!(!dir.path().join("../x.lock").exists());
    }

    #[test]
    fn a_forged_line_with_a_recomputed_chain_fails_its_signature() {
        let (_dir, path) = journal_with(4);
        let text = std::fs::read_to_string(&path).expect("read");
        let mut lines: Vec<Line> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("line"))
            .collect();
        lines[1].perubahan = skor(4.0);
        let mut prev = GENESIS.to_string();
        let mut out = String::new();
        for l in &mut lines {
            l.sebelum = prev.clone();
            let body = serde_json::to_string(l).expect("json");
            prev = sha256_hex(body.as_bytes());
            out.push_str(&body);
            out.push('\n');
        }
        std::fs::write(&path, out).expect("write");
        std::fs::remove_file(head_path(&path)).expect("no head");
        assert_eq!(breach(&path), Some(Breach::BadSignature { line: 2 }));
    }

    #[test]
    fn every_kind_of_tampering_is_caught() {
        let (_dir, path) = journal_with(5);
        let original = std::fs::read_to_string(&path).expect("read");
        let lines: Vec<&str> = original.lines().collect();
        let write = |ls: &[String]| std::fs::write(&path, ls.join("\n") + "\n").expect("write");
        let owned = |ls: &[&str]| ls.iter().map(|s| s.to_string()).collect::<Vec<_>>();

        for k in 0..5 {
            let mut ls = owned(&lines);
            ls[k] = ls[k].replacen("\"nilai\":", "\"nilai\":1", 1);
            write(&ls);
            assert_eq!(
                breach(&path),
                Some(Breach::BadSignature { line: k + 1 }),
                "edit line {}",
                k + 1
            );

            let mut ls = owned(&lines);
            ls.remove(k);
            write(&ls);
            assert_eq!(
                breach(&path),
                Some(Breach::Removed { line: k + 1 }),
                "delete line {}",
                k + 1
            );
        }
        for k in 0..4 {
            let mut ls = owned(&lines);
            ls.swap(k, k + 1);
            write(&ls);
            assert_eq!(
                breach(&path),
                Some(Breach::Reordered { line: k + 1 }),
                "swap {}",
                k + 1
            );
        }
        write(&owned(&lines));
        assert_eq!(breach(&path), None);
        assert_eq!(
            Breach::Removed { line: 3 }.describe(Lang::Id),
            "baris 3 dihapus"
        );
    }

    #[test]
    fn a_torn_last_line_is_ignored_then_cut_off() {
        let (dir, path) = journal_with(3);
        let mut f = OpenOptions::new().append(true).open(&path).expect("open");
        f.write_all(b"{\"urutan\":4,\"waktu\":\"20").expect("write");
        drop(f);
        let r = read(&path, read::Links::Follow, Some("juri-1"), None).expect("read");
        assert_eq!(r.breach, None);
        assert_eq!(r.lines.len(), 3);
        assert_eq!(r.torn.map(|t| t.0), Some(4));
        let mut j = Journal::open(dir.path(), "juri-1", Context::default()).expect("reopen");
        assert_eq!(j.repaired.map(|t| t.0), Some(4));
        j.append("e1", skor(2.0)).expect("append");
        let r = read(&path, read::Links::Follow, Some("juri-1"), None).expect("read");
        assert_eq!((r.lines.len(), r.torn, r.breach), (4, None, None));
    }
}
