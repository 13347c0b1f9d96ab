//! The `wayline` executable: parses the command line and runs it through the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    // A bug must still end in one clear line, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "wayline: internal error: {message}");
    }));
    let status = wayline::cli::run(std::env::args_os(), &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(status as u8)
}

use std::io::Write as _;
