//! The command-line interface: argument parsing and the headless commands.
//!
//! Each command is a function over library calls that writes to the given output streams and
//! returns an [`ExitStatus`], so tests run the CLI exactly as a user does, without a process.

mod booklet;
mod check;
mod export;
mod guard;
mod import;
mod new;
mod report;
mod terminal;

pub use terminal::{json_terminal_safe, terminal_safe};

use crate::export::{ExportFormat, Fit, Orientation, Paper, PosterFormat};
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::fmt::Display;
use std::io::Write;
use std::path::PathBuf;

/// How a command ended, as the process exit status reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: the command did what was asked.
    Success = 0,
    /// 1: the input was invalid or could not be read, or the output could not be written.
    Failure = 1,
    /// 2: the command line itself was wrong.
    Usage = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "wayline",
    version,
    about = "Customer journey maps for B2B teams: check, create and export study files",
    long_about = "Wayline edits customer journey maps for B2B teams. A study is one \
                  NAME.journey.ron file holding owners, personas and typical, tactical and \
                  performance maps."
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    /// A study to open in the editor (the bundled example study when none is given)
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

/// What the command line asks for: a headless command that has run, or the editor.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A command ran and ended with this status.
    Done(ExitStatus),
    /// Open the editor on this file (or on the bundled example study).
    OpenEditor(Option<PathBuf>),
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate a study and summarise its maps
    Check {
        /// The study (NAME.journey.ron), or a Mermaid journey (.mmd) or spreadsheet (.csv)
        file: PathBuf,
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
    },
    /// Export a map as a poster (SVG, PNG, PDF), a Mermaid journey or a spreadsheet (CSV), or
    /// the whole study as a PDF booklet
    Export {
        /// The study (NAME.journey.ron), or a Mermaid journey (.mmd) or spreadsheet (.csv)
        file: PathBuf,
        /// The file to write; its extension (.svg, .png, .mmd, .csv; .pdf for the booklet)
        /// picks the format. It must not be FILE; an existing study is replaced only with --force
        #[arg(long, short, value_name = "OUT")]
        out: PathBuf,
        /// The map: its number (1 is the first) or its title
        #[arg(long, value_name = "INDEX|TITLE")]
        map: Option<String>,
        /// The format, when OUT's extension does not say: pdf is the booklet of the whole
        /// study, pdf-poster one map as a poster in one PDF
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// The booklet's maps: their numbers, comma-separated (all when not given)
        #[arg(long, value_name = "1,3")]
        maps: Option<String>,
        /// The booklet's sections, comma-separated: any of cover, summary, maps, stages,
        /// owners, plan, personas (all when not given)
        #[arg(long, value_name = "cover,summary,…")]
        sections: Option<String>,
        /// The paper size; fit sizes the page to the map (a booklet is A4 unless a4 or letter
        /// is given)
        #[arg(long, default_value = "fit", value_parser = parse_paper)]
        paper: Paper,
        /// Lay the paper landscape (the default follows the map's shape)
        #[arg(long, conflicts_with = "portrait")]
        landscape: bool,
        /// Lay the paper portrait
        #[arg(long)]
        portrait: bool,
        /// PNG resolution in dots per inch (1 to 1200)
        #[arg(long, default_value_t = 150, value_parser = clap::value_parser!(u32).range(1..=1200))]
        dpi: u32,
        /// On a fixed paper, what to do when the smallest text would print below 9 pt: wrap
        /// the stages into rows (bands), split them across pages (pages: OUT becomes
        /// NAME-1.png, NAME-2.png…), or scale the whole map down (shrink). auto: bands when
        /// they keep the text at 9 pt, else pages
        #[arg(long, default_value = "auto", value_parser = parse_fit, value_name = "auto|bands|pages|shrink")]
        fit: Fit,
        /// Print the analysis under the map: any of matrix, gaps, handoffs (comma-separated),
        /// or all
        #[arg(long, value_name = "matrix,gaps,handoffs", value_parser = parse_panel)]
        panel: Option<crate::layout::panel::Panel>,
        /// Replace OUT even when it is a study (which is then kept as OUT.bak), and print
        /// even when the text would be smaller than 6 pt (otherwise refused)
        #[arg(long)]
        force: bool,
    },
    /// Import a Mermaid journey (.mmd) or a spreadsheet (.csv) as a study
    Import {
        /// The file to import
        file: PathBuf,
        /// Where to write the study (NAME.journey.ron); it must not exist unless --force is given
        #[arg(long, short, value_name = "STUDY")]
        out: PathBuf,
        /// Replace an existing STUDY (which is then kept as STUDY.bak)
        #[arg(long)]
        force: bool,
    },
    /// Start a new study from a bundled template
    New {
        /// List the bundled templates
        #[arg(long, conflicts_with_all = ["template", "out"])]
        list: bool,
        /// The template to start from (see --list)
        #[arg(long, short, value_name = "NAME", default_value = "starter", value_parser = template_name)]
        template: String,
        /// Where to write the new study (NAME.journey.ron); it must not exist unless --force is
        /// given
        #[arg(long, short, value_name = "FILE", required_unless_present = "list")]
        out: Option<PathBuf>,
        /// Replace an existing FILE (which is then kept as FILE.bak)
        #[arg(long, conflicts_with = "list")]
        force: bool,
    },
    /// Analyse the maps: gaps, the importance × performance matrix, handoffs, owner coverage
    /// and metrics off target
    Report {
        /// The study (NAME.journey.ron), or a Mermaid journey (.mmd) or spreadsheet (.csv)
        file: PathBuf,
        /// Only this map: its number (1 is the first) or its title
        #[arg(long, value_name = "INDEX|TITLE")]
        map: Option<String>,
        /// JSON for tools, Markdown for people
        #[arg(long, value_enum, default_value = "json")]
        format: report::ReportFormat,
        /// Write the report to this file instead of the standard output
        #[arg(long, short, value_name = "OUT")]
        out: Option<PathBuf>,
    },
}

/// The poster formats on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    Svg,
    Png,
    /// The booklet of the whole study.
    Pdf,
    /// One map as a poster in one PDF.
    PdfPoster,
    Mmd,
    Csv,
}

fn parse_panel(text: &str) -> Result<crate::layout::panel::Panel, String> {
    text.parse()
}

fn parse_paper(text: &str) -> Result<Paper, String> {
    text.parse()
}

fn parse_fit(text: &str) -> Result<Fit, String> {
    text.parse()
}

fn template_name(name: &str) -> Result<String, String> {
    if let Some(template) = crate::templates::find(name) {
        return Ok(template.name.to_owned());
    }
    let names: Vec<&str> = crate::templates::TEMPLATES.iter().map(|t| t.name).collect();
    Err(format!("no template named {name:?}; the templates are: {}", names.join(", ")))
}

/// Runs the command line `args` (including the program name), writing results to `out` and
/// messages to `err`. Without a command it asks for the editor instead.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Outcome
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(Cli { command: None, file }) => Outcome::OpenEditor(file),
        Ok(Cli { command: Some(command), .. }) => Outcome::Done(run_command(command, out, err)),
        Err(error) => {
            use clap::error::ErrorKind;
            let text = error.render().to_string();
            Outcome::Done(match error.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    write_or_fail(out, err, &text, ExitStatus::Success)
                }
                _ => {
                    // The message quotes the arguments, which may hold anything.
                    for line in text.lines() {
                        say(err, line);
                    }
                    ExitStatus::Usage
                }
            })
        }
    }
}

/// The help text, as `--help` prints it.
#[must_use]
pub fn help() -> String {
    use clap::CommandFactory;
    Cli::command().render_help().to_string()
}

fn run_command(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    match command {
        Command::Check { file, json } => check::run(&file, json, out, err),
        Command::Export {
            file,
            out: path,
            map,
            format,
            maps,
            sections,
            paper,
            landscape,
            portrait,
            dpi,
            fit,
            panel,
            force,
        } => {
            let orientation = match (landscape, portrait) {
                (true, _) => Orientation::Landscape,
                (_, true) => Orientation::Portrait,
                _ => Orientation::Auto,
            };
            let booklet = match format {
                Some(FormatArg::Pdf) => true,
                None => path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")),
                Some(_) => false,
            };
            if booklet {
                let args = booklet::BookletArgs {
                    file: &file,
                    out: &path,
                    paper,
                    maps: maps.as_deref(),
                    sections: sections.as_deref(),
                    force,
                };
                return booklet::run(&args, out, err);
            }
            let format = format.map(|f| match f {
                FormatArg::Svg => ExportFormat::Poster(PosterFormat::Svg),
                FormatArg::Png => ExportFormat::Poster(PosterFormat::Png),
                FormatArg::Pdf | FormatArg::PdfPoster => ExportFormat::Poster(PosterFormat::Pdf),
                FormatArg::Mmd => ExportFormat::Mermaid,
                FormatArg::Csv => ExportFormat::Csv,
            });
            let args = export::ExportArgs {
                file: &file,
                out: &path,
                map: map.as_deref(),
                format,
                paper,
                orientation,
                dpi,
                fit,
                panel: panel.unwrap_or_default(),
                force,
            };
            export::run(&args, out, err)
        }
        Command::Import { file, out: path, force } => import::run(&file, &path, force, out, err),
        Command::New { list: true, .. } => new::list(out, err),
        Command::New { template, out: Some(path), force, .. } => {
            new::create(&template, &path, force, out, err)
        }
        Command::New { out: None, .. } => {
            report_error(err, "--out FILE is required");
            ExitStatus::Usage
        }
        Command::Report { file, map, format, out: path } => {
            report::run(&file, map.as_deref(), format, path.as_deref(), out, err)
        }
    }
}

/// Writes `text` to `out`; a closed pipe or full disk turns `status` into a failure, said on
/// `err`.
fn write_or_fail(out: &mut dyn Write, err: &mut dyn Write, text: &str, status: ExitStatus) -> ExitStatus {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(error) => {
            report_error(err, format!("cannot write the output: {error}"));
            ExitStatus::Failure
        }
    }
}

/// Writes `text` as one line, with everything a terminal would act on escaped
/// ([`terminal_safe`]). Errors are ignored: there is nowhere left to report them.
fn say(stream: &mut dyn Write, text: &str) {
    let _ = writeln!(stream, "{}", terminal_safe(text));
}

/// Writes `error: MESSAGE` on `err`, escaped for a terminal.
fn report_error(err: &mut dyn Write, message: impl Display) {
    say(err, &format!("error: {message}"));
}

/// Writes `warning: MESSAGE` on `err`, escaped for a terminal.
fn report_warning(err: &mut dyn Write, message: impl Display) {
    say(err, &format!("warning: {message}"));
}
