//! The speed benchmark: `cargo run --release --example bench -- [--case NAME] [--cards N]
//! [--runs R]`. Prints one JSON object per case and line:
//! `{"case", "cards", "runs", "median_ms", "p95_ms", "peak_rss_mb"}`.
//!
//! Cases: `open` (parse, validate and lay out a study from its text), `frame`, `frame_100` and
//! `frame_overview` (one headless frame of the editor, fitted to the window, at 100 % and at
//! 30 %, where every card in view has its title set again at a readable size), `edit` (move a card
//! and draw the next frame), `export_svg` and `export_png` (the 200-task Mermaid journey of the
//! peer corpus as an A1 poster at 150 dpi), `export_pdf` (the whole A4 booklet of a generated
//! 400-card study; its line adds `budget_ms` and `within_budget`), `resvg_only` (resvg's own parse, render and
//! encode of that same SVG) and `png_vs_resvg` (the two in turn: its line adds
//! `resvg_median_ms`, `speedup`, `budget_speedup` and `within_budget`).
//! The stress cases ([`wayline::bench::STRESS_CASES`]) time input built to be hard:
//! `validate_nested_owners` (4,000 owners, each nested in the previous one),
//! `import_mermaid_tasks` (100,000 tasks), `import_mermaid_long_line` (a 1 MB line) and
//! `import_csv_stages` (100,000 stages); `--cards` sets their size in their own unit, and
//! their lines add `budget_ms` and `within_budget`.
//! Without `--case`, each case runs in its own process, so each reports its own peak memory.
//! `--write-study FILE` writes the generated study instead, to open in the editor.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used, reason = "a command-line benchmark")]

use clap::Parser;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;
use wayline::bench::{
    HeadlessEditor, PNG_SPEEDUP_BUDGET, STRESS_CASES, StressInput, analyse, generate_study, journal, open,
    png_vs_resvg, poster_settings, resvg_only, stress_case,
};
use wayline::export::{PosterFormat, poster};

const CASES: [&str; 12] = [
    "open",
    "frame",
    "frame_100",
    "frame_overview",
    "edit",
    "journal",
    "analyse",
    "export_svg",
    "export_png",
    "export_pdf",
    "resvg_only",
    "png_vs_resvg",
];

/// The zoom of `frame_overview`: the window full of cards, each with its title set again at a
/// readable size.
const OVERVIEW_ZOOM: f32 = 0.3;

/// Every case: the typical ones, then the stress cases.
fn all_cases() -> Vec<&'static str> {
    CASES.into_iter().chain(STRESS_CASES.iter().map(|case| case.name)).collect()
}

#[derive(Parser)]
struct Args {
    /// One case to run (all when left out)
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(all_cases()))]
    case: Option<String>,
    /// Cards in the generated study (open: 10000, frame and edit: 2000 unless given); for a
    /// stress case, its size in its own unit (owners, tasks, bytes or stages)
    #[arg(long)]
    cards: Option<usize>,
    /// How many timed runs
    #[arg(long, default_value_t = 15)]
    runs: usize,
    /// Write the generated study (of --cards cards, 2000 unless given) to this file and stop,
    /// to try it in the editor
    #[arg(long, value_name = "FILE")]
    write_study: Option<std::path::PathBuf>,
}

/// The peak resident memory of this process so far, in megabytes (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The 200-task journey of the peer corpus, or a generated one of the same shape when the
/// corpus is not beside the repository.
fn journey_200() -> wayline::model::Study {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peer/bench/gen-8x200.mmd");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        let mut text = String::from("journey\n    title Generated journey: 8 sections, 200 tasks\n");
        for task in 0..200 {
            if task % 25 == 0 {
                let _ = writeln!(text, "    section Stage {}", task / 25 + 1);
            }
            let _ = writeln!(text, "      Task no. {}: {}: Customer, Agent", task + 1, task % 5 + 1);
        }
        text
    });
    wayline::interop::read(text.as_bytes(), wayline::interop::SourceFormat::Mermaid, &path).unwrap().study
}

/// The 200-task journey as the A1 poster's SVG, with its pixel size at 150 dpi.
fn journey_200_svg() -> (usize, String, u32, u32) {
    let study = journey_200();
    let map = &study.maps[0];
    let mut poster = poster(&study, map, &poster_settings(PosterFormat::Svg)).unwrap();
    let sheet = poster.sheets.remove(0);
    let (width, height) = sheet.page.pixels(150);
    (map.card_count(), String::from_utf8(sheet.bytes).unwrap(), width, height)
}

/// The PNG export and resvg's own pipeline in turn on the first sheet of the 200-task
/// journey's A1 poster at 150 dpi: the line reports the export's times, resvg's median and the
/// speedup against its budget.
fn png_vs_resvg_case(runs: usize) {
    let study = journey_200();
    let map = &study.maps[0];
    let settings = poster_settings(PosterFormat::Png);
    let plan =
        wayline::export::fit::plan(&study, map, settings.paper, settings.orientation, settings.fit, true)
            .unwrap();
    let sheet = &plan.sheets[0];
    let _ = png_vs_resvg(sheet, settings.dpi);
    let (mut ours, mut theirs): (Vec<Duration>, Vec<Duration>) =
        (0..runs).map(|_| png_vs_resvg(sheet, settings.dpi)).unzip();
    ours.sort();
    theirs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (median, resvg_median) = (ms(ours[ours.len() / 2]), ms(theirs[theirs.len() / 2]));
    let speedup = resvg_median / median.max(1e-9);
    println!(
        "{{\"case\": \"png_vs_resvg\", \"cards\": {}, \"runs\": {runs}, \"median_ms\": {median:.2}, \"resvg_median_ms\": {resvg_median:.2}, \"speedup\": {speedup:.2}, \"budget_speedup\": {PNG_SPEEDUP_BUDGET:.1}, \"within_budget\": {}, \"peak_rss_mb\": {:.1}}}",
        map.card_count(),
        speedup >= PNG_SPEEDUP_BUDGET,
        peak_rss_mb()
    );
}

fn run_case(case: &str, cards: Option<usize>, runs: usize) -> (usize, Vec<Duration>) {
    let size = egui::vec2(1600.0, 1000.0);
    match case {
        "open" => {
            let cards = cards.unwrap_or(10_000);
            let text = wayline::io::to_ron_string(&generate_study(cards)).unwrap();
            let _ = open(&text);
            (cards, (0..runs).map(|_| open(&text)).collect())
        }
        "frame" | "frame_100" | "frame_overview" => {
            let cards = cards.unwrap_or(2_000);
            let mut editor = HeadlessEditor::new(generate_study(cards), size);
            if case == "frame_100" {
                editor.zoom_100();
            } else if case == "frame_overview" {
                editor.zoom_to(OVERVIEW_ZOOM);
            }
            (cards, (0..runs).map(|_| editor.frame()).collect())
        }
        "edit" => {
            let cards = cards.unwrap_or(2_000);
            let mut editor = HeadlessEditor::new(generate_study(cards), size);
            (cards, (0..runs).map(|round| editor.edit(round)).collect())
        }
        "journal" => {
            let cards = cards.unwrap_or(2_000);
            let study = generate_study(cards);
            let folder = tempfile::tempdir().unwrap();
            (cards, (0..runs).map(|_| journal(&study, folder.path())).collect())
        }
        "analyse" => {
            let cards = cards.unwrap_or(2_000);
            let study = generate_study(cards);
            (cards, (0..runs).map(|_| analyse(&study)).collect())
        }
        "export_svg" | "export_png" => {
            let study = journey_200();
            let map = &study.maps[0];
            let format = if case == "export_svg" { PosterFormat::Svg } else { PosterFormat::Png };
            let settings = poster_settings(format);
            let timed = || {
                let start = std::time::Instant::now();
                drop(poster(&study, map, &settings).unwrap());
                start.elapsed()
            };
            (map.card_count(), (0..runs).map(|_| timed()).collect())
        }
        "export_pdf" => {
            let cards = cards.unwrap_or(400);
            let study = generate_study(cards);
            (cards, (0..runs).map(|_| wayline::bench::booklet_export(&study).0).collect())
        }
        "resvg_only" => {
            let (cards, svg, width, height) = journey_200_svg();
            (cards, (0..runs).map(|_| resvg_only(&svg, width, height)).collect())
        }
        other => {
            let case = stress_case(other).unwrap_or_else(|| panic!("unknown case {other}"));
            let size = cards.unwrap_or(case.size);
            let input = StressInput::build(&case, size);
            let _ = input.run();
            (size, (0..runs).map(|_| input.run().0).collect())
        }
    }
}

fn main() {
    let args = Args::parse();
    if let Some(path) = &args.write_study {
        let study = generate_study(args.cards.unwrap_or(2_000));
        wayline::io::save_study(&study, path).unwrap();
        println!("Wrote {}", path.display());
        return;
    }
    let Some(case) = args.case else {
        // Each case in its own process, so peak memory is the case's own.
        let exe = std::env::current_exe().unwrap();
        for case in all_cases() {
            let mut command = std::process::Command::new(&exe);
            command.args(["--case", case, "--runs", &args.runs.to_string()]);
            // A number of cards means nothing to a stress case, which has a unit of its own.
            if let Some(cards) = args.cards.filter(|_| stress_case(case).is_none()) {
                command.args(["--cards", &cards.to_string()]);
            }
            let status = command.status().unwrap();
            assert!(status.success(), "case {case} failed");
        }
        return;
    };
    if case == "png_vs_resvg" {
        png_vs_resvg_case(args.runs.max(1));
        return;
    }
    let (cards, mut times) = run_case(&case, args.cards, args.runs.max(1));
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    // The nearest-rank 95th percentile: the smallest time at or above 95 % of the runs.
    let rank = (times.len() * 95).div_ceil(100).clamp(1, times.len());
    let p95 = ms(times[rank - 1]);
    let budget = stress_case(&case)
        .map(|stress| stress.budget)
        .or_else(|| (case == "export_pdf").then_some(wayline::bench::BOOKLET_BUDGET))
        .map_or_else(String::new, |budget| {
            let budget = ms(budget);
            format!(", \"budget_ms\": {budget:.0}, \"within_budget\": {}", median <= budget)
        });
    println!(
        "{{\"case\": \"{case}\", \"cards\": {cards}, \"runs\": {}, \"median_ms\": {median:.2}, \"p95_ms\": {p95:.2}, \"peak_rss_mb\": {:.1}{budget}}}",
        times.len(),
        peak_rss_mb()
    );
}
