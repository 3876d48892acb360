// Indexing allocates and frees millions of small tokens and strings across threads; mimalloc
// builds the index of 100,000 risalah in 22 s where the system allocator takes 29–31 s (release
// builds, quiet machine; docs/install.md has the figures and where it is not used).
#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tulta::cli::main()
}
