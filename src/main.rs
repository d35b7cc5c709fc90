fn main() -> std::process::ExitCode {
    onedoor::cli::main()
}
