fn main() -> std::process::ExitCode {
    tulta::cli::main()
}
