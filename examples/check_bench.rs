//! Throughput of `tulta check` on generated risalah.
//!
//!     cargo run --release --example check_bench [-- COUNT]
//!
//! Prints the cost of each stage (serde_yaml parse, span map, whole check) single-threaded, and the
//! whole check on all cores, in risalah per second.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::borrow::Cow;
use std::time::Instant;
use tulta_core::check::{check_file, check_files};
use tulta_core::files::sources::SourceFile;
use tulta_core::format::spans::{Limits, SpanMap};

fn per_second(n: usize, secs: f64) -> String {
    format!("{:>8.0}/s", n as f64 / secs)
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let texts: Vec<String> = (0..count).map(|i| tulta_corpus::risalah(2026, i)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{count} generated risalah, {:.1} KB each on average, {} cores",
        bytes as f64 / count as f64 / 1024.0,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let files: Vec<SourceFile> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| SourceFile {
            name: format!("gen-{i}.yaml"),
            size: t.len() as u64,
            bytes: Cow::Owned(t.clone().into_bytes()),
            unreadable: None,
        })
        .collect();

    let t = Instant::now();
    for text in &texts {
        let v: Result<serde_yaml::Value, _> = serde_yaml::from_str(text);
        std::hint::black_box(v.is_ok());
    }
    let serde = t.elapsed().as_secs_f64();
    println!(
        "serde_yaml parse only, 1 thread   {}",
        per_second(count, serde)
    );

    // The alternative to serde_yaml (deprecated upstream): a value tree built by yaml-rust2, the
    // event parser the span map already uses. Measured here; see the README's design notes.
    let t = Instant::now();
    for text in &texts {
        let v = yaml_rust2::YamlLoader::load_from_str(text);
        std::hint::black_box(v.is_ok());
    }
    let tree = t.elapsed().as_secs_f64();
    println!(
        "yaml-rust2 value tree, 1 thread   {}",
        per_second(count, tree)
    );

    let limits = Limits {
        max_depth: 64,
        max_expanded_nodes: 100_000,
    };
    let t = Instant::now();
    for text in &texts {
        std::hint::black_box(SpanMap::build(text, limits).is_ok());
    }
    let spans = t.elapsed().as_secs_f64();
    println!(
        "span map only, 1 thread           {}  (built only for files with findings)",
        per_second(count, spans)
    );

    let t = Instant::now();
    let mut findings = 0;
    for f in &files {
        findings += check_file(f).diagnostics.len();
    }
    let single = t.elapsed().as_secs_f64();
    println!(
        "whole check, 1 thread             {}",
        per_second(count, single)
    );

    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let checked = check_files(&files);
        std::hint::black_box(checked.len());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "whole check, all cores (best of 3) {}",
        per_second(count, best)
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    println!(
        "  … with the yaml-rust2 tree in serde_yaml's place, all cores (estimate: parse time swapped) {}",
        per_second(count, best + (tree - serde) / cores)
    );
    println!("findings: {findings} (the generator writes clean files)");
}
