//! A judge's journal: one JSON object a line, append-only, each line carrying the SHA-256 of the line
//! before it. A change counts as saved once its line is written, flushed and fsynced. Beside the
//! journal, a small head file names the last saved line, so that removing the last line is caught too.

use crate::judging::scoring::{Change, Recorded};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The `sebelum` of a journal's first line.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One journal line, with its keys in a fixed order so that its hash is stable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub urutan: u64,
    pub waktu: String,
    pub juri: String,
    pub risalah: String,
    pub perubahan: Change,
    pub sebelum: String,
}

impl Line {
    pub fn recorded(&self) -> Recorded {
        Recorded {
            urutan: self.urutan,
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

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
}

impl Breach {
    pub fn line(&self) -> usize {
        match self {
            Breach::Altered { line }
            | Breach::Removed { line }
            | Breach::Reordered { line }
            | Breach::ForeignJudge { line, .. } => *line,
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
        }
    }
}

/// A journal as read from disk.
#[derive(Clone, Debug, Default)]
pub struct JournalRead {
    /// Every line up to the first breach.
    pub lines: Vec<Line>,
    /// A last line cut short by a crash: never reported saved, so ignored. (line number, bytes)
    pub torn: Option<(usize, usize)>,
    pub breach: Option<Breach>,
    /// Byte length of the intact part (the lines above, with their newlines).
    pub good_len: u64,
}

impl JournalRead {
    pub fn recorded(&self) -> Vec<Recorded> {
        self.lines.iter().map(Line::recorded).collect()
    }

    pub fn judge(&self) -> Option<&str> {
        self.lines.first().map(|l| l.juri.as_str())
    }
}

/// Reads and verifies journal text. `juri`, when given, is the judge the journal must belong to.
pub fn parse(bytes: &[u8], juri: Option<&str>, head: Option<(u64, &str)>) -> JournalRead {
    let mut out = JournalRead::default();
    let mut prev_hash = GENESIS.to_string();
    let mut offset = 0usize;
    let mut juri = juri.map(str::to_string);
    let raw_lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let mut hashes: Vec<String> = Vec::new();
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
        prev_hash = sha256_hex(body);
        hashes.push(prev_hash.clone());
        offset += raw.len();
        out.lines.push(line);
    }
    out.good_len = offset as u64;
    if out.breach.is_none() {
        if let Some((urutan, hash)) = head {
            let n = out.lines.len() as u64;
            if urutan > n {
                out.breach = Some(Breach::Removed {
                    line: n as usize + 1,
                });
            } else if urutan > 0
                && hashes.get(urutan as usize - 1).map(String::as_str) != Some(hash)
            {
                out.breach = Some(Breach::Altered {
                    line: urutan as usize,
                });
            }
        }
    }
    out
}

pub fn head_path(journal: &Path) -> PathBuf {
    journal.with_extension("head")
}

fn read_head(journal: &Path) -> Option<Head> {
    let text = std::fs::read(head_path(journal)).ok()?;
    serde_json::from_slice(&text).ok()
}

/// Reads and verifies a journal file (and its head file, when present).
pub fn read(path: &Path, juri: Option<&str>) -> std::io::Result<JournalRead> {
    let bytes = std::fs::read(path)?;
    let head = read_head(path);
    Ok(parse(
        &bytes,
        juri,
        head.as_ref().map(|h| (h.urutan, h.hash.as_str())),
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}: {err}")]
    Io { path: String, err: std::io::Error },
    #[error("{path}: the journal is in use by another tulta process")]
    Locked { path: String },
    #[error("{path}: the journal is broken ({}); run `tulta verify` and restore it before scoring", breach.describe(crate::i18n::Lang::En))]
    Broken { path: String, breach: Breach },
}

impl JournalError {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (JournalError::Io { path, err }, Id) => format!("{path}: {err}"),
            (JournalError::Locked { path }, Id) => {
                format!("{path}: jurnal sedang dipakai proses tulta lain")
            }
            (JournalError::Broken { path, breach }, Id) => format!(
                "{path}: jurnal rusak ({}); jalankan `tulta verify` dan pulihkan sebelum menilai",
                breach.describe(lang)
            ),
            (_, En) => self.to_string(),
        }
    }
}

/// A judge's journal opened for appending. Holds an exclusive lock while open.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    juri: String,
    last_urutan: u64,
    last_hash: String,
    lines: Vec<Line>,
    /// Set when opening cut off a torn last line: (line number, bytes dropped).
    pub repaired: Option<(usize, usize)>,
}

impl Journal {
    pub fn path_for(dir: &Path, juri: &str) -> PathBuf {
        dir.join(format!("{juri}.jsonl"))
    }

    pub fn open(dir: &Path, juri: &str) -> Result<Journal, JournalError> {
        let path = Journal::path_for(dir, juri);
        let io = |err| JournalError::Io {
            path: path.display().to_string(),
            err,
        };
        crate::files::create_dir_all_durable(dir).map_err(io)?;
        let new_file = !path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        // The first line's fsync keeps its bytes; the name needs its folder synced as well.
        if new_file {
            crate::files::sync_parent(&path).map_err(io)?;
        }
        match crate::files::try_lock_briefly(&file) {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(JournalError::Locked {
                    path: path.display().to_string(),
                })
            }
            Err(std::fs::TryLockError::Error(err)) => return Err(io(err)),
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(io)?;
        let head = read_head(&path);
        let read = parse(
            &bytes,
            Some(juri),
            head.as_ref().map(|h| (h.urutan, h.hash.as_str())),
        );
        if let Some(breach) = read.breach {
            return Err(JournalError::Broken {
                path: path.display().to_string(),
                breach,
            });
        }
        let mut repaired = None;
        if let Some(torn) = read.torn {
            // The torn line was never reported saved; drop it so the next line starts clean.
            file.set_len(read.good_len).map_err(io)?;
            file.sync_all().map_err(io)?;
            repaired = Some(torn);
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        let last_hash = match bytes[..read.good_len as usize]
            .strip_suffix(b"\n")
            .and_then(|b| b.rsplit(|&c| c == b'\n').next())
        {
            Some(last) if !read.lines.is_empty() => sha256_hex(last),
            _ => GENESIS.to_string(),
        };
        Ok(Journal {
            last_urutan: read.lines.len() as u64,
            last_hash,
            lines: read.lines,
            path,
            file,
            juri: juri.to_string(),
            repaired,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub fn recorded(&self) -> Vec<Recorded> {
        self.lines.iter().map(Line::recorded).collect()
    }

    /// Appends one change; returns once it is on disk (written, flushed, fsynced).
    pub fn append(&mut self, risalah: &str, change: Change) -> Result<Recorded, JournalError> {
        let io = |err| JournalError::Io {
            path: self.path.display().to_string(),
            err,
        };
        let line = Line {
            urutan: self.last_urutan + 1,
            waktu: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            juri: self.juri.clone(),
            risalah: risalah.to_string(),
            perubahan: change,
            sebelum: self.last_hash.clone(),
        };
        let body = serde_json::to_vec(&line).map_err(|e| io(std::io::Error::other(e)))?;
        let mut bytes = body.clone();
        bytes.push(b'\n');
        self.file.write_all(&bytes).map_err(io)?;
        self.file.flush().map_err(io)?;
        self.file.sync_data().map_err(io)?;
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

/// Copies a verified journal (and a head for it) into `dir`, atomically.
pub fn install(dir: &Path, juri: &str, bytes: &[u8], lines: &[Line]) -> std::io::Result<PathBuf> {
    crate::files::create_dir_all_durable(dir)?;
    let path = Journal::path_for(dir, juri);
    crate::files::write_atomic(&path, bytes)?;
    let last_line = bytes
        .strip_suffix(b"\n")
        .and_then(|b| b.rsplit(|&c| c == b'\n').next());
    let head = Head {
        urutan: lines.len() as u64,
        hash: last_line.map_or(GENESIS.to_string(), sha256_hex),
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
        let mut j = Journal::open(dir.path(), "juri-1").expect("open");
        for i in 0..n {
            j.append("e1", skor(1.0 + i as f64 % 4.0)).expect("append");
        }
        let path = j.path().to_path_buf();
        (dir, path)
    }

    fn breach(path: &Path) -> Option<Breach> {
        read(path, Some("juri-1")).expect("read").breach
    }

    #[test]
    fn an_intact_journal_verifies_and_reopens() {
        let (dir, path) = journal_with(5);
        assert_eq!(breach(&path), None);
        let j = Journal::open(dir.path(), "juri-1").expect("reopen");
        assert_eq!(j.lines().len(), 5);
    }

    #[test]
    fn a_second_writer_is_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        let _first = Journal::open(dir.path(), "juri-1").expect("open");
        assert!(matches!(
            Journal::open(dir.path(), "juri-1"),
            Err(JournalError::Locked { .. })
        ));
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
                Some(Breach::Altered { line: k + 1 }),
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
        let r = read(&path, Some("juri-1")).expect("read");
        assert_eq!(r.breach, None);
        assert_eq!(r.lines.len(), 3);
        assert_eq!(r.torn.map(|t| t.0), Some(4));
        let mut j = Journal::open(dir.path(), "juri-1").expect("reopen");
        assert_eq!(j.repaired.map(|t| t.0), Some(4));
        j.append("e1", skor(2.0)).expect("append");
        let r = read(&path, Some("juri-1")).expect("read");
        assert_eq!((r.lines.len(), r.torn, r.breach), (4, None, None));
    }
}
