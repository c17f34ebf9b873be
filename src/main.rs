//! The `whosaid` binary: parse flags, build a `Config`, call `run`, map the
//! result to an exit code (0 all done, 1 some inputs failed, 2 usage error).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use whosaid::cli::Args;

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(shell) = args.completions {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Args::command(), "whosaid", &mut script);
        return print(&script);
    }
    if args.man {
        let mut page = Vec::new();
        return match clap_mangen::Man::new(Args::command()).render(&mut page) {
            Ok(()) => print(&page),
            Err(e) => fail(&e.to_string()),
        };
    }
    let cfg = match args.into_config().and_then(|c| c.check_stdout(io::stdout().is_terminal()).map(|()| c)) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(io::stderr(), "whosaid: {e}");
            return ExitCode::from(2);
        }
    };
    let out: Box<dyn Write> = match &cfg.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => return fail(&format!("{}: {e}", path.display())),
        },
        None => Box::new(io::stdout().lock()),
    };
    match whosaid::app::run(&cfg, out, &mut io::stderr().lock()) {
        Ok(s) if s.failed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

/// Writes generated text (completions, man page) to stdout; a reader that
/// goes away early (`| head`) is not an error, as for every other output.
fn print(text: &[u8]) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(msg: &str) -> ExitCode {
    let _ = writeln!(io::stderr(), "whosaid: {msg}");
    ExitCode::from(1)
}
