//! Writes N generated, valid risalah (about 10 KB each) for benchmarks and trials.
//!
//!     cargo run --release --example corpus -- --count 10000 --out /tmp/risalah-10k [--seed 2026]
//!
//! Files go to DIR/NNN/risalah-NNNNNN.yaml, a thousand per folder, as an archive sorted by batch
//! would be. The same seed gives the same files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test or benchmark may stop on the spot

use clap::Parser;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
struct Args {
    /// How many risalah to write.
    #[arg(long)]
    count: usize,
    /// Folder to write them into (created if needed).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let start = Instant::now();
    let bytes: usize = (0..args.count)
        .into_par_iter()
        .map(|i| tulta_corpus::write(&args.out, args.seed, i))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    eprintln!(
        "{} risalah, {:.1} MB, written to {} in {:.1} s",
        args.count,
        bytes as f64 / 1e6,
        args.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
