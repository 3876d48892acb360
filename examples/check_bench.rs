//! Throughput of `tulta check` on generated risalah.
//!
//!     cargo run --release --example check_bench [-- COUNT]
//!
//! Prints the cost of each stage (the one-pass reader, whole check) single-threaded, and the whole
//! check on all cores, in risalah per second; serde_yaml's bare parse, which the one pass replaced,
//! is timed beside them for comparison.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use std::borrow::Cow;
use std::time::Instant;
use tulta_core::check::{check_file, check_files};
use tulta_core::files::sources::SourceFile;
use tulta_core::format::load::{load, Limits};

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
        "serde_yaml::from_str alone (replaced), 1 thread {}",
        per_second(count, serde)
    );

    let limits = Limits {
        max_depth: 64,
        max_expanded_nodes: 100_000,
    };
    let t = Instant::now();
    for text in &texts {
        std::hint::black_box(load(text, limits).is_ok());
    }
    let one_pass = t.elapsed().as_secs_f64();
    println!(
        "one pass: value + span map, 1 thread {}",
        per_second(count, one_pass)
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
    println!("findings: {findings} (the generator writes clean files)");
}
