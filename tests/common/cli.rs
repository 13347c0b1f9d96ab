//! The command line, run in process as a user runs it.

use wayline::cli::{ExitStatus, Outcome, run};

/// What a command did.
pub struct Ran {
    /// The exit status.
    pub status: ExitStatus,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `wayline ARGS…`; a command line that would open the editor fails the test.
pub fn wayline(args: &[&str]) -> Ran {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let Outcome::Done(status) =
        run(std::iter::once("wayline").chain(args.iter().copied()), &mut stdout, &mut stderr)
    else {
        panic!("{args:?} opened the editor")
    };
    Ran { status, stdout: String::from_utf8(stdout).unwrap(), stderr: String::from_utf8(stderr).unwrap() }
}

/// The path of a bundled example study, by name (`starter`, `logistics`, `saas`).
pub fn example(name: &str) -> String {
    format!("{}/examples/{name}.journey.ron", env!("CARGO_MANIFEST_DIR"))
}
