//! The figures of the archive-search issue, at 1k, 10k and 100k generated risalah.
//!
//!     cargo build --release --bin tulta --example search_bench
//!     target/release/examples/search_bench [--sizes 1000,10000,100000] [--dir /tmp/tulta-bench] [--keep-index]
//!
//! Per size: the corpus is generated once (kept in DIR/N for reruns), then
//! - cold build: `tulta index` as a process on an empty cache (wall time, peak RSS);
//! - reopen with nothing changed: `tulta index` again;
//! - query latency p50/p99 in process, a fresh reader per query, top 20 with snippets, over a
//!   fixed mix of single words, three words, phrases, field filters and typos;
//! - `tulta search` as a whole process (which first checks every file's stat) against `rg -il`
//!   (else `grep -ril`) answering the same queries over the same files, and the ratio;
//! - peak RSS of `tulta search` and the index size.
//!
//! `--keep-index` reuses an index left by an earlier run (the cold-build row then shows `-`), so
//! the whole-process search can be measured again after a change without a minute's build.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tulta_core::files::sources::Root;
use tulta_core::search::{self, Archive};

/// (kind, tulta query, the same question for a line-oriented grep: each pattern must occur).
const MIX: &[(&str, &str, &[&str])] = &[
    ("word", "antrean", &["antrean"]),
    ("word", "printer", &["printer"]),
    ("word", "arsip", &["arsip"]),
    (
        "3 words",
        "petugas loket terlatih",
        &["petugas", "loket", "terlatih"],
    ),
    (
        "3 words",
        "jaringan internet putus",
        &["jaringan", "internet", "putus"],
    ),
    ("phrase", "\"papan informasi\"", &["papan informasi"]),
    ("phrase", "\"waktu tunggu\"", &["waktu tunggu"]),
    (
        "field",
        "opd:rsud tahun:2021",
        &["opd: rsud", "tahun: 2021"],
    ),
    (
        "field",
        "jenis:kelurahan daerah:wanasari alat:pareto",
        &[
            "jenis: kelurahan",
            "daerah: kabupaten wanasari",
            "diagram_pareto",
        ],
    ),
    // Typos: grep cannot forgive them, so it is given the right word (an advantage to grep).
    ("fuzzy", "pendaftarn", &["pendaftaran"]),
    ("fuzzy", "membingngkan", &["membingungkan"]),
];

struct Run {
    wall: Duration,
    /// Peak resident set, KiB.
    max_rss_kb: i64,
    status: i32,
}

/// Runs a command to completion, stdout to a file (never /dev/null: ripgrep stops at the first
/// match when it sees /dev/null), and measures its wall time and peak memory.
// The child is reaped by wait4 (which also yields its peak memory), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run(cmd: &mut Command, out: &Path) -> Run {
    let file = std::fs::File::create(out).expect("create output file");
    let start = Instant::now();
    let child = cmd
        .stdout(Stdio::from(file))
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills; the pid is our own child, waited once.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4");
    Run {
        wall: start.elapsed(),
        max_rss_kb: usage.ru_maxrss,
        status,
    }
}

fn tulta_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    // target/release/examples/search_bench -> target/release/tulta
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|p| p.join("tulta"))
        .expect("target dir");
    assert!(
        bin.is_file(),
        "{}: build it first (cargo build --release --bin tulta)",
        bin.display()
    );
    bin
}

fn generate(dir: &Path, count: usize) {
    use rayon::prelude::*;
    let marker = dir.join(".complete");
    if marker.is_file() {
        return;
    }
    (0..count).into_par_iter().for_each(|i| {
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(
            sub.join(format!("risalah-{i:06}.yaml")),
            tulta_corpus::risalah(2026, i),
        )
        .expect("write");
    });
    std::fs::write(marker, "").expect("marker");
}

fn du(path: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            let p = e.path();
            total += if p.is_dir() {
                du(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            };
        }
    }
    total
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn grep_tool() -> (&'static str, bool) {
    let has_rg = Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if has_rg {
        ("rg -il", true)
    } else {
        ("grep -ril", false)
    }
}

/// The grep side of one query: the first pattern over the folder, each further pattern over the
/// files the previous one listed (AND, as the index answers it).
fn grep_command(patterns: &[&str], dir: &Path, rg: bool) -> Command {
    let tool = if rg { "rg -il" } else { "grep -ril" };
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut script = format!(
        "{tool} -- {} {}",
        quote(patterns[0]),
        quote(&dir.to_string_lossy())
    );
    let tool_files = if rg { "rg -il" } else { "grep -il" };
    for p in &patterns[1..] {
        script.push_str(&format!(
            " | xargs -r -d '\\n' {tool_files} -- {}",
            quote(p)
        ));
    }
    let mut c = Command::new("sh");
    c.args(["-c", &script]);
    c
}

struct Row {
    size: usize,
    corpus_mb: f64,
    cold: Run,
    reopen: Run,
    p50: Duration,
    p99: Duration,
    per_kind: Vec<(&'static str, Duration)>,
    search_process: Duration,
    /// Fastest and slowest query's median, as a whole process.
    search_range: (Duration, Duration),
    grep: Duration,
    grep_range: (Duration, Duration),
    search_rss_kb: i64,
    index_mb: f64,
}

fn bench(size: usize, base: &Path, bin: &Path, rg: bool, keep: bool) -> Row {
    let corpus = base.join(format!("{size}"));
    eprintln!("[{size}] generating corpus in {} …", corpus.display());
    generate(&corpus, size);
    let corpus_mb = du(&corpus) as f64 / 1e6;
    let cache = base.join(format!("cache-{size}"));
    let keep = keep && cache.is_dir();
    if !keep {
        let _ = std::fs::remove_dir_all(&cache);
    }
    let out = base.join("out.txt");
    let tulta = |args: &[&str]| {
        let mut c = Command::new(bin);
        c.args(args)
            .arg("--in")
            .arg(&corpus)
            .env(tulta_core::files::paths::CACHE_ENV, &cache)
            .env("LANG", "id_ID.UTF-8");
        c
    };

    // Page cache warm for every contender: read the corpus once.
    let _ = run(&mut grep_command(&["zzzz-never"], &corpus, rg), &out);

    eprintln!("[{size}] cold build …");
    let cold = if keep {
        Run {
            wall: Duration::ZERO,
            max_rss_kb: 0,
            status: 0,
        }
    } else {
        run(&mut tulta(&["index"]), &out)
    };
    assert_eq!(cold.status, 0, "tulta index failed");
    eprintln!(
        "[{size}] {}",
        std::fs::read_to_string(&out).unwrap_or_default().trim()
    );
    let reopen = (0..5)
        .map(|_| run(&mut tulta(&["index"]), &out))
        .min_by_key(|r| r.wall)
        .expect("runs");

    // In process: a fresh reader per query (search::search opens one), top 20 with snippets.
    std::env::set_var(tulta_core::files::paths::CACHE_ENV, &cache);
    let dir = search::index_dir(&Root::Disk(corpus.clone())).expect("index dir");
    let archive = Archive::open(&dir, false).expect("open");
    let mut all = Vec::new();
    let mut per_kind: Vec<(&'static str, Vec<Duration>)> = Vec::new();
    for _ in 0..20 {
        for (kind, q, _) in MIX {
            let t = Instant::now();
            let r = search::search(&archive, q, 20).expect("query");
            let d = t.elapsed();
            std::hint::black_box(r.total);
            all.push(d);
            match per_kind.iter_mut().find(|(k, _)| k == kind) {
                Some((_, v)) => v.push(d),
                None => per_kind.push((kind, vec![d])),
            }
        }
    }
    all.sort();
    let p50 = percentile(&all, 0.5);
    let p99 = percentile(&all, 0.99);
    let per_kind = per_kind.into_iter().map(|(k, v)| (k, median(v))).collect();
    let index_mb = du(&dir) as f64 / 1e6;
    drop(archive);

    // Whole processes, each query: tulta search (including its freshness check) vs grep.
    let mut search_total = Duration::ZERO;
    let mut grep_total = Duration::ZERO;
    let mut search_each = Vec::new();
    let mut grep_each = Vec::new();
    let mut search_rss = 0;
    for (_, q, patterns) in MIX {
        let runs: Vec<Run> = (0..3)
            .map(|_| {
                run(
                    &mut tulta(&["search", q, "--limit", "20", "--format", "json"]),
                    &out,
                )
            })
            .collect();
        search_rss = runs
            .iter()
            .map(|r| r.max_rss_kb)
            .max()
            .unwrap_or(0)
            .max(search_rss);
        let this = median(runs.iter().map(|r| r.wall).collect());
        search_total += this;
        search_each.push(this);
        let greps: Vec<Duration> = (0..3)
            .map(|_| run(&mut grep_command(patterns, &corpus, rg), &out).wall)
            .collect();
        let this = median(greps);
        grep_total += this;
        grep_each.push(this);
        eprintln!(
            "[{size}] {q}: tulta search {} · grep side {}",
            ms(*search_each.last().expect("one")),
            ms(this)
        );
    }
    let range = |v: &[Duration]| {
        (
            v.iter().min().copied().unwrap_or_default(),
            v.iter().max().copied().unwrap_or_default(),
        )
    };
    let n = MIX.len() as u32;
    Row {
        size,
        corpus_mb,
        cold,
        reopen,
        p50,
        p99,
        per_kind,
        search_process: search_total / n,
        search_range: range(&search_each),
        grep: grep_total / n,
        grep_range: range(&grep_each),
        search_rss_kb: search_rss,
        index_mb,
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn main() {
    let mut sizes = vec![1_000, 10_000, 100_000];
    let mut base = std::env::temp_dir().join("tulta-bench");
    let mut keep = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .expect("--sizes N,N")
                    .split(',')
                    .map(|s| s.trim().parse().expect("a number"))
                    .collect()
            }
            "--dir" => base = PathBuf::from(args.next().expect("--dir DIR")),
            "--keep-index" => keep = true,
            other => panic!("unknown argument {other}"),
        }
    }
    std::fs::create_dir_all(&base).expect("mkdir");
    let bin = tulta_bin();
    let (tool, rg) = grep_tool();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rows: Vec<Row> = sizes
        .iter()
        .map(|&n| bench(n, &base, &bin, rg, keep))
        .collect();

    println!("\n{cores} cores; grep side: `{tool}`; query mix: {} queries × 20 runs in process, 3 runs as processes\n", MIX.len());
    let header: Vec<String> = rows.iter().map(|r| format!("{}", r.size)).collect();
    println!("| | {} |", header.join(" | "));
    println!("|---|{}", "---|".repeat(rows.len()));
    let line = |name: &str, f: &dyn Fn(&Row) -> String| {
        let cells: Vec<String> = rows.iter().map(f).collect();
        println!("| {name} | {} |", cells.join(" | "));
    };
    line("corpus size", &|r| format!("{:.0} MB", r.corpus_mb));
    line("cold build (`tulta index`)", &|r| {
        if r.cold.wall.is_zero() {
            "-".into()
        } else {
            ms(r.cold.wall)
        }
    });
    line("reopen, nothing changed (`tulta index`)", &|r| {
        ms(r.reopen.wall)
    });
    line("query p50 / p99 (fresh reader, top 20 + snippets)", &|r| {
        format!("{} / {}", ms(r.p50), ms(r.p99))
    });
    for kind in ["word", "3 words", "phrase", "field", "fuzzy"] {
        line(&format!("… median, {kind}"), &|r| {
            r.per_kind
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or("-".into(), |(_, d)| ms(*d))
        });
    }
    line("`tulta search` whole process (mean over mix)", &|r| {
        ms(r.search_process)
    });
    line("… fastest / slowest query", &|r| {
        format!("{} / {}", ms(r.search_range.0), ms(r.search_range.1))
    });
    line(&format!("`{tool}` same queries (mean over mix)"), &|r| {
        ms(r.grep)
    });
    line("… fastest / slowest query", &|r| {
        format!("{} / {}", ms(r.grep_range.0), ms(r.grep_range.1))
    });
    line("ratio", &|r| {
        format!(
            "{:.1}×",
            r.grep.as_secs_f64() / r.search_process.as_secs_f64()
        )
    });
    line("peak memory searching / indexing", &|r| {
        format!(
            "{} / {} MB",
            r.search_rss_kb / 1024,
            if r.cold.max_rss_kb == 0 {
                "-".to_string()
            } else {
                (r.cold.max_rss_kb / 1024).to_string()
            }
        )
    });
    line("index size", &|r| format!("{:.0} MB", r.index_mb));
}
