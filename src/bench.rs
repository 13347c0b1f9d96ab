//! Synthetic studies and the benchmark cases, shared by `examples/bench.rs` (which times them)
//! and the test suite (which runs each once on a small study so the benchmark cannot rot).

use crate::app::WaylineApp;
use crate::edit::Edit;
use crate::export::{Orientation, Paper, PosterFormat, PosterSettings};
use crate::model::{
    Card, CardId, Colour, Emotion, Flags, JourneyMap, Link, LinkId, MapId, MapKind, Meta, Owner, OwnerId,
    OwnerKind, Stage, StageId, Study, ViewScores,
};
use std::time::{Duration, Instant};

/// A small deterministic random number generator (xorshift), so studies are the same on every
/// run; tests that generate maps from a seed use it too. The seed must not be zero.
pub struct Random(pub u64);

impl Random {
    fn step(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.step() % n.max(1)
    }

    /// An index into a list of `len` items (0 when it is empty).
    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(u64::try_from(len).unwrap_or(u64::MAX))).unwrap_or(0)
    }
}

const VERBS: [&str; 12] = [
    "Requests",
    "Receives",
    "Compares",
    "Signs",
    "Tracks",
    "Calls about",
    "Reviews",
    "Pays",
    "Escalates",
    "Downloads",
    "Confirms",
    "Disputes",
];
const NOUNS: [&str; 12] = [
    "the quote",
    "the contract",
    "a delivery slot",
    "the invoice",
    "a support ticket",
    "the onboarding plan",
    "the usage report",
    "a credit note",
    "the renewal offer",
    "the rate card",
    "the service review",
    "a damage claim",
];
const CHANNELS: [&str; 6] = ["Email", "Portal", "Phone", "Meeting", "Website", "EDI"];

/// A study with `cards` cards in total: a typical map with three fifths of them over eight
/// stages, and a tactical and a performance map with a fifth each, twelve owners, flags,
/// scores and links; every tenth touchpoint is detailed by the tactical or the performance map,
/// so layouts and analyses roll them up. The same `cards` always gives the same study.
#[must_use]
pub fn generate_study(cards: usize) -> Study {
    let mut random = Random(0x5EED_CAFE_F00D_1234);
    let owners: Vec<Owner> = (0..12u32)
        .map(|i| Owner {
            id: OwnerId(i + 1),
            name: format!("Department {}", i + 1),
            kind: if i < 10 { OwnerKind::Department } else { OwnerKind::Region },
            colour: Colour::for_owner_index(i as usize),
            ..Owner::default()
        })
        .collect();
    let mut next_card = 0u32;
    let mut next_stage = 0u32;
    let mut next_link = 0u32;
    let split = [cards * 3 / 5, cards / 5, cards - cards * 3 / 5 - cards / 5];
    let kinds = [MapKind::Typical, MapKind::Tactical, MapKind::Performance];
    let mut maps = Vec::new();
    for (index, (count, kind)) in split.into_iter().zip(kinds).enumerate() {
        let stage_count = if kind == MapKind::Typical { 8 } else { 4 };
        let mut stages: Vec<Stage> = (0..stage_count)
            .map(|s| {
                next_stage += 1;
                Stage {
                    id: StageId(next_stage),
                    name: format!("Stage {}", s + 1),
                    goal: "Get the job done without chasing anyone".to_owned(),
                    ..Stage::default()
                }
            })
            .collect();
        let mut links = Vec::new();
        let mut previous: Option<CardId> = None;
        for n in 0..count {
            next_card += 1;
            let id = CardId(next_card);
            let owner = OwnerId(u32::try_from(random.below(12)).unwrap_or(0) + 1);
            let second = OwnerId(u32::try_from(random.below(12)).unwrap_or(0) + 1);
            let score = |r: &mut Random| Some(1.0 + (r.below(90) as f32) / 10.0);
            let card = Card {
                id,
                title: format!("{} {} no. {}", VERBS[n % VERBS.len()], NOUNS[(n / 3) % NOUNS.len()], n + 1),
                channel: CHANNELS[n % CHANNELS.len()].to_owned(),
                owners: if owner == second { vec![owner] } else { vec![owner, second] },
                accountable: Some(owner),
                flags: Flags {
                    pain_point: random.below(5) == 0,
                    moment_of_truth: random.below(9) == 0,
                    moment_of_delight: random.below(11) == 0,
                    bottleneck: kind == MapKind::Performance && random.below(8) == 0,
                },
                importance: ViewScores { internal: score(&mut random), customer: score(&mut random) },
                performance: ViewScores { internal: score(&mut random), customer: score(&mut random) },
                emotion: Emotion { elicited: Some((random.below(5) as f32) - 2.0), desired: Some(1.0) },
                ..Card::default()
            };
            stages[n * stage_count / count.max(1)].cards.push(card);
            if let Some(from) = previous.filter(|_| random.below(3) == 0) {
                next_link += 1;
                links.push(Link { id: LinkId(next_link), from, to: id, ..Link::default() });
            }
            previous = Some(id);
        }
        maps.push(JourneyMap {
            id: MapId(u32::try_from(index).unwrap_or(0) + 1),
            title: format!("Generated {} map", kind.key()),
            kind,
            stages,
            links,
            ..JourneyMap::default()
        });
    }
    let detail_maps = [MapId(2), MapId(3)];
    if let Some(typical) = maps.first_mut() {
        let touchpoints = typical.stages.iter_mut().flat_map(|s| s.cards.iter_mut());
        for (n, card) in touchpoints.enumerate().filter(|(n, _)| n % 10 == 0) {
            card.detail = Some(detail_maps[(n / 10) % 2]);
        }
    }
    Study {
        meta: Meta { title: format!("Generated study, {cards} cards"), ..Meta::default() },
        owners,
        maps,
        ..Study::default()
    }
}

/// Parses, validates and lays out every map of a study from its text; returns the time taken.
///
/// # Panics
/// If the generated text does not load, which would be a bug.
#[must_use]
pub fn open(text: &str) -> Duration {
    let start = Instant::now();
    #[allow(clippy::expect_used, reason = "the benchmark's own generated study")]
    let study = crate::io::parse_study(text, "generated").expect("generated studies load");
    let _ = crate::model::validate(&study);
    for map in &study.maps {
        let _ = crate::layout::layout(
            &study,
            map,
            crate::layout::FontMeasure::shared(),
            &crate::layout::LayoutOptions::default(),
        );
    }
    start.elapsed()
}

/// Analyses every map of a study (gaps, matrix, heat, handoffs, coverage, metrics, the action
/// plan), as the Analysis view and the heat-map overlay do after an edit; returns the time
/// taken.
#[must_use]
pub fn analyse(study: &Study) -> Duration {
    let settings = crate::analysis::Settings::default();
    let start = Instant::now();
    for map in &study.maps {
        std::hint::black_box(crate::analysis::analyse(study, map, &settings));
    }
    start.elapsed()
}

/// Writes a study's recovery journal into `folder` (serialising and writing it atomically, as
/// the editor does a second after the user pauses); returns the time taken.
///
/// # Panics
/// If the journal cannot be written, which would be a bug or a full disk.
#[must_use]
pub fn journal(study: &Study, folder: &std::path::Path) -> Duration {
    let journal = crate::io::journal::Journal::new(folder, None, 0);
    let start = Instant::now();
    #[allow(clippy::expect_used, reason = "a benchmark on a temporary folder")]
    journal.write(study).expect("the journal is written");
    let elapsed = start.elapsed();
    journal.close();
    elapsed
}

/// The editor running headless: its own UI code on an egui context with no window.
pub struct HeadlessEditor {
    /// The app.
    pub app: WaylineApp,
    ctx: egui::Context,
    size: egui::Vec2,
}

impl HeadlessEditor {
    /// The editor on `study`, in a window of `size` points, after a few warm-up frames (font
    /// atlas, first layout).
    #[must_use]
    pub fn new(study: Study, size: egui::Vec2) -> Self {
        let ctx = egui::Context::default();
        crate::app::install_fonts(&ctx);
        let mut editor = Self { app: WaylineApp::headless(study, None), ctx, size };
        for _ in 0..3 {
            let _ = editor.frame();
        }
        editor
    }

    /// One frame: the app's UI, then tessellation into meshes. Returns the time taken.
    pub fn frame(&mut self) -> Duration {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
            ..egui::RawInput::default()
        };
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| self.app.show(ui));
        let shapes = std::mem::take(&mut output.shapes);
        let _ = self.ctx.tessellate(shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        // Textures are uploaded by a real painter; here they are dropped.
        output.textures_delta.clear();
        elapsed
    }

    /// Shows the map at 100 % from the next frame on.
    pub fn zoom_100(&mut self) {
        self.app.canvas.request_zoom_100();
        let _ = self.frame();
    }

    /// Shows the map at `zoom` (1.0 = 100 %) about the middle of the window from the next
    /// frame on: at overview zooms the canvas sets card titles again at a readable size.
    pub fn zoom_to(&mut self, zoom: f32) {
        self.zoom_100();
        if let Some(map) = self.app.editor.map {
            self.app.canvas.zoom_by(map, zoom);
        }
        let _ = self.frame();
    }

    /// Moves one card to the next stage (a different one each call) and draws the next frame.
    pub fn edit(&mut self, round: usize) -> Duration {
        let start = Instant::now();
        if let Some(map) = self.app.editor.current_map() {
            let stages = map.stages.len();
            let from = &map.stages[round % stages];
            if let Some(card) = from.cards.first() {
                let to = map.stages[(round + 1) % stages].id;
                let edit = Edit::MoveCard { map: map.id, card: card.id, stage: to, index: 0 };
                self.app.editor.apply("Move card", vec![edit]);
            }
        }
        let _ = self.frame();
        start.elapsed()
    }
}

/// The most a 400-card study's booklet may take to compose and write (release build).
pub const BOOKLET_BUDGET: Duration = Duration::from_secs(5);

/// Composes and writes the whole booklet of `study` on A4. Returns the time taken and the
/// number of pages.
///
/// # Panics
/// If the booklet cannot be made, which would be a bug.
#[must_use]
#[allow(clippy::expect_used, reason = "the benchmark's own export")]
pub fn booklet_export(study: &Study) -> (Duration, usize) {
    let start = Instant::now();
    let made = crate::export::booklet::booklet(
        study,
        &crate::export::booklet::BookletSettings::default(),
        &mut |_, _| {},
    )
    .expect("the booklet of a generated study");
    (start.elapsed(), made.composed.pages.len())
}

/// The A1 poster settings the export cases use.
#[must_use]
pub fn poster_settings(format: PosterFormat) -> PosterSettings {
    PosterSettings {
        format,
        paper: Paper::A1,
        orientation: Orientation::Auto,
        dpi: 150,
        ..PosterSettings::default()
    }
}

/// resvg's own pipeline on an SVG: parse, render the whole image into one pixmap on one
/// thread and encode it with `Pixmap::encode_png`, at the page's pixel size. The yardstick the
/// PNG export is measured against. Returns the time taken.
///
/// # Panics
/// If the SVG does not render, which would be a bug.
#[must_use]
#[allow(clippy::expect_used, reason = "the benchmark's own export")]
pub fn resvg_only(svg: &str, width: u32, height: u32) -> Duration {
    use resvg::tiny_skia;
    let start = Instant::now();
    let tree = crate::export::png::parse_svg(svg).expect("the export parses");
    let mut pixmap = tiny_skia::Pixmap::new(width, height).expect("a pixmap of the page's size");
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    #[allow(clippy::cast_precision_loss, reason = "pixel sizes")]
    let transform =
        tiny_skia::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let png = pixmap.encode_png().expect("the pixmap encodes");
    std::hint::black_box(png);
    start.elapsed()
}

/// The PNG export's renderer on a sheet (strips written, parsed and drawn in parallel, fast
/// encoding) at `width` × `height` pixels. Returns the time taken.
///
/// # Panics
/// If the sheet does not render, which would be a bug.
#[must_use]
pub fn png_export(sheet: &crate::export::fit::Sheet, width: u32, height: u32) -> Duration {
    let start = Instant::now();
    #[allow(clippy::expect_used, reason = "the benchmark's own export")]
    let png = crate::export::png::render_scene(&sheet.scene, &sheet.page, width, height)
        .expect("the export renders");
    std::hint::black_box(png);
    start.elapsed()
}

/// How many times faster the PNG export must be than resvg's own pipeline on the same page.
pub const PNG_SPEEDUP_BUDGET: f64 = 2.0;

/// One round of the PNG export of `sheet` and of resvg's own pipeline on the SVG the export
/// writes for it, one after the other, at `dpi`: (export, resvg).
#[must_use]
pub fn png_vs_resvg(sheet: &crate::export::fit::Sheet, dpi: u32) -> (Duration, Duration) {
    let svg = crate::export::svg::to_svg(&sheet.scene, &sheet.page, "benchmark");
    let (width, height) = sheet.page.pixels(dpi);
    (png_export(sheet, width, height), resvg_only(&svg, width, height))
}

/// A case built to be hard rather than typical: input of a shape that once took far longer
/// than its size suggests (a deep chain of owners, a huge import). Each has a budget for a
/// release build; `examples/bench.rs` reports whether the median keeps to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StressCase {
    /// The case's name on the command line.
    pub name: &'static str,
    /// What is timed.
    pub what: &'static str,
    /// What the size counts.
    pub unit: &'static str,
    /// The size the benchmark runs at unless told otherwise.
    pub size: usize,
    /// A smaller size for running the case once in a debug build (the test suite).
    pub test_size: usize,
    /// The longest the median run may take in a release build.
    pub budget: Duration,
}

/// The stress cases.
pub const STRESS_CASES: [StressCase; 4] = [
    StressCase {
        name: "validate_nested_owners",
        what: "validate a study whose owners are nested one inside the next",
        unit: "owners",
        size: 4_000,
        test_size: 4_000,
        budget: Duration::from_millis(100),
    },
    StressCase {
        name: "import_mermaid_tasks",
        what: "read a Mermaid journey into a study",
        unit: "tasks",
        size: 100_000,
        test_size: 5_000,
        budget: Duration::from_secs(1),
    },
    StressCase {
        name: "import_mermaid_long_line",
        what: "read a Mermaid journey with one task line of this many bytes",
        unit: "bytes",
        size: 1_000_000,
        test_size: 50_000,
        budget: Duration::from_secs(1),
    },
    StressCase {
        name: "import_csv_stages",
        what: "read a spreadsheet with every row in a stage of its own",
        unit: "stages",
        size: 100_000,
        test_size: 5_000,
        budget: Duration::from_secs(1),
    },
];

/// The stress case named `name`.
#[must_use]
pub fn stress_case(name: &str) -> Option<StressCase> {
    STRESS_CASES.into_iter().find(|case| case.name == name)
}

/// The input of a stress case, built once and timed as often as wanted.
#[derive(Clone, Debug)]
pub enum StressInput {
    /// A study to validate.
    Study(Study),
    /// A file to import, with its format.
    File(Vec<u8>, crate::interop::SourceFormat),
}

impl StressInput {
    /// The input of `case` at `size` (owners, tasks, bytes or stages, see [`StressCase::unit`]).
    #[must_use]
    pub fn build(case: &StressCase, size: usize) -> Self {
        use crate::interop::SourceFormat;
        match case.name {
            "validate_nested_owners" => Self::Study(nested_owners(size)),
            "import_mermaid_tasks" => Self::File(mermaid_tasks(size).into_bytes(), SourceFormat::Mermaid),
            "import_mermaid_long_line" => {
                Self::File(mermaid_long_line(size).into_bytes(), SourceFormat::Mermaid)
            }
            _ => Self::File(csv_stages(size).into_bytes(), SourceFormat::Csv),
        }
    }

    /// Runs the case once: validates the study or imports the file, as the command line does.
    /// Returns the time taken and the number of problems or cards found, so the work cannot be
    /// optimised away and a test can check it was done.
    #[must_use]
    pub fn run(&self) -> (Duration, usize) {
        let start = Instant::now();
        let found = match self {
            Self::Study(study) => crate::model::validate(study).len(),
            Self::File(bytes, format) => {
                let path = match format {
                    crate::interop::SourceFormat::Csv => "stress.csv",
                    _ => "stress.mmd",
                };
                crate::interop::read(bytes, *format, std::path::Path::new(path))
                    .map_or(0, |imported| imported.study.cards().count())
            }
        };
        (start.elapsed(), std::hint::black_box(found))
    }
}

/// A study of `count` owners, each the parent of the next: a deep organisation chart, and the
/// longest walk a check of nesting can take.
#[must_use]
pub fn nested_owners(count: usize) -> Study {
    let owners = (1..=u32::try_from(count).unwrap_or(u32::MAX))
        .map(|id| Owner {
            id: OwnerId(id),
            name: format!("Unit {id}"),
            kind: OwnerKind::Team,
            colour: Colour::for_owner_index(id as usize),
            parent: (id > 1).then(|| OwnerId(id - 1)),
            ..Owner::default()
        })
        .collect();
    Study {
        meta: Meta { title: format!("{count} nested owners"), ..Meta::default() },
        owners,
        ..Study::default()
    }
}

/// A Mermaid journey of `tasks` tasks, a section every hundred, each task with one or two of
/// twelve actors.
#[must_use]
pub fn mermaid_tasks(tasks: usize) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(tasks * 48 + 64);
    let _ = writeln!(text, "journey\n  title Generated journey: {tasks} tasks");
    for task in 0..tasks {
        if task % 100 == 0 {
            let _ = writeln!(text, "  section Stage {}", task / 100 + 1);
        }
        let actors = if task % 3 == 0 {
            format!("Actor {}, Actor {}", task % 12, (task + 5) % 12)
        } else {
            format!("Actor {}", task % 12)
        };
        let _ = writeln!(text, "    Task no. {}: {}: {actors}", task + 1, task % 5 + 1);
    }
    text
}

/// A Mermaid journey whose one task line is `bytes` long: a task name pasted from somewhere
/// that never ends, between two ordinary tasks.
#[must_use]
pub fn mermaid_long_line(bytes: usize) -> String {
    let words = "customer calls again about the delivery ";
    let name: String = words.chars().cycle().take(bytes.saturating_sub(20)).collect();
    format!(
        "journey\n  title One long line\n  section Order\n    Places the order: 4: Buyer\n    {name}: 2: Buyer\n    Gets the goods: 5: Buyer\n"
    )
}

/// A spreadsheet of `stages` rows, each in a stage of its own.
#[must_use]
pub fn csv_stages(stages: usize) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(stages * 40 + 64);
    text.push_str("stage,card,owners,importance customer\n");
    for stage in 0..stages {
        let _ =
            writeln!(text, "Stage {},Card {},Team {},{}", stage + 1, stage + 1, stage % 9, stage % 10 + 1);
    }
    text
}
