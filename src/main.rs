// Indexing allocates and frees millions of small tokens and strings across threads; mimalloc
// took a fifth off a cold index build on Linux (release build; see docs/install.md for the
// figures and where it is not used).
#[cfg(target_os = "linux")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tulta::cli::main()
}
