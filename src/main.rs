//! The `wayline` executable: runs a headless command, or opens the editor.

use std::io::Write as _;
use std::process::ExitCode;
use wayline::cli::{ExitStatus, Outcome};

fn main() -> ExitCode {
    // A bug must still end in one clear line, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let _ =
            writeln!(std::io::stderr(), "wayline: internal error: {}", wayline::cli::terminal_safe(&message));
    }));
    let status = match wayline::cli::run(std::env::args_os(), &mut std::io::stdout(), &mut std::io::stderr())
    {
        Outcome::Done(status) => status,
        Outcome::OpenEditor(path) => open_editor(path),
    };
    ExitCode::from(status as u8)
}

/// Opens the editor on `path`, or on the bundled example study.
fn open_editor(path: Option<std::path::PathBuf>) -> ExitStatus {
    let loaded = match &path {
        Some(path) => wayline::io::load_study(path).map_err(|e| e.to_string()),
        None => wayline::templates::find("logistics")
            .ok_or_else(|| "the example study is missing".to_owned())
            .and_then(|t| t.study().map_err(|e| e.to_string())),
    };
    let study = match loaded {
        Ok(study) => study,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: {}", wayline::cli::terminal_safe(&error));
            return ExitStatus::Failure;
        }
    };
    match wayline::app::run_window(study, path) {
        Ok(()) => ExitStatus::Success,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: cannot open the editor window: {error}");
            ExitStatus::Failure
        }
    }
}
