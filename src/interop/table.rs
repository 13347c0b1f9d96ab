//! Maps as spreadsheets (CSV), in and out: one row per card.
//!
//! The columns, in the order Wayline writes them (reading accepts any order, matches names
//! ignoring case, spaces, underscores and brackets, warns about unknown columns, refuses a
//! column named twice, and needs only `stage` and `card`):
//!
//! | column | what it holds |
//! |---|---|
//! | stage | the stage's name; rows of one stage may be anywhere, stages keep their first order |
//! | card | the card's title |
//! | description | the card's description |
//! | channel | the channel |
//! | owners | owner names separated by `;` (new names become owners) |
//! | accountable | the accountable owner's name |
//! | flags | any of `pain point; moment of delight; moment of truth; bottleneck` |
//! | importance internal, importance customer, performance internal, performance customer | 1–10, empty when unknown |
//! | emotion elicited, emotion desired | −2..+2, empty when unknown |
//! | duration | e.g. `3 d`, `4 h`, `45 min`, `2 wk`, `1 mo` |
//! | metrics | one per line: `Name: value unit (target value unit, higher is better)` |
//! | recommendations | one per line: `High: what to do (Owner, agreed, due 2026-03-31)`; owner and due date optional |
//! | notes | free text |
//!
//! Nothing is lost between export and import: texts are quoted and come back exactly (spaces
//! and line breaks included), numbers are written plainly, a text a spreadsheet would run as a
//! formula gets a `'` in front that import removes (the rule is at [`from_map`]),
//! and in owner lists a `\`, a `;` or a space at either end of a name is written with a `\` in
//! front. Cells typed by hand are read leniently: unquoted cells are trimmed, numbers may use
//! a decimal comma, the Unicode minus `−` and typographic quotes, and a cell between
//! typographic quotes may hold the separator. Reading is strict where a guess would lose data:
//! an unclosed quote, a column named twice and an infinite or not-a-number value are errors
//! naming their row. Texts longer than [`MAX_NAME_CHARS`] or [`MAX_TEXT_CHARS`] are cut, with
//! a warning naming the row.

use std::collections::{HashMap, HashSet};

use super::cells::{
    NumberError, guard, leading_number, optional_number, owner_list, parse_owner_list, unguard,
};
use super::mermaid::ImportWarning;
use super::records::{Record, Records};
use super::{MAX_NAME_CHARS, MAX_TEXT_CHARS, OwnerColours, limit_chars, preview};
use crate::model::{
    Card, Duration, Emotion, Flags, IdAllocator, JourneyMap, Meta, Metric, Owner, OwnerId, OwnerKind,
    Priority, Recommendation, Stage, Status, Study, TimeUnit, ViewScores,
};

/// The columns Wayline writes, in order.
pub const COLUMNS: [&str; 17] = [
    "stage",
    "card",
    "description",
    "channel",
    "owners",
    "accountable",
    "flags",
    "importance internal",
    "importance customer",
    "performance internal",
    "performance customer",
    "emotion elicited",
    "emotion desired",
    "duration",
    "metrics",
    "recommendations",
    "notes",
];

/// Why a CSV could not be imported: every bad row, with its number (the header is row 1).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.iter().map(|(row, m)| format!("row {row}: {m}")).collect::<Vec<_>>().join("; "))]
pub struct CsvError {
    /// (row number, what is wrong), in row order.
    pub problems: Vec<(usize, String)>,
}

fn normalise(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == '_' || c == '-' || c == '(' || c == ')' { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text decoded from a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or else
/// Windows-1252 (what Excel writes on many systems), with a warning.
pub(crate) fn decode(bytes: &[u8], warnings: &mut Vec<ImportWarning>) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_owned()
    } else {
        warnings.push(ImportWarning {
            line: 1,
            message: "the file is not UTF-8; it was read as Windows-1252".to_owned(),
        });
        bytes.iter().map(|&b| windows_1252(b)).collect()
    }
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The separator the header line uses: comma, semicolon (Excel in many locales) or tab.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| header.chars().filter(|x| *x == c).count();
    [(b'\t', count('\t')), (b';', count(';')), (b',', count(','))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| d)
}

/// Why a score cell cannot be read, as a sentence naming the column.
fn parse_score(text: &str, range: std::ops::RangeInclusive<f32>, what: &str) -> Result<Option<f32>, String> {
    let value = optional_number(text).map_err(|e| {
        format!(
            "{what} {}; use a number from {} to {}, or leave it empty",
            e.describe(text),
            range.start(),
            range.end()
        )
    })?;
    let Some(value) = value else { return Ok(None) };
    #[allow(clippy::cast_possible_truncation, reason = "checked against a scale of small numbers below")]
    let score = value as f32;
    if !range.contains(&score) {
        return Err(format!("{what} {} is outside {} to {}", text.trim(), range.start(), range.end()));
    }
    Ok(Some(score))
}

fn parse_duration(text: &str) -> Result<Option<Duration>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (amount, unit) = leading_number(t).map_err(|e| match e {
        NumberError::Missing => format!("duration `{t}` does not start with a number"),
        NumberError::NotFinite => format!("duration `{t}` is not a finite number"),
    })?;
    if amount < 0.0 {
        return Err(format!("duration `{t}` is negative"));
    }
    #[allow(clippy::cast_possible_truncation, reason = "durations are stored as f32; huge ones are refused")]
    let amount = amount as f32;
    if !amount.is_finite() {
        return Err(format!("duration `{t}` is too large"));
    }
    let unit = match unit.to_lowercase().as_str() {
        "min" | "mins" | "minute" | "minutes" => TimeUnit::Minutes,
        "h" | "hr" | "hrs" | "hour" | "hours" => TimeUnit::Hours,
        "d" | "day" | "days" | "" => TimeUnit::Days,
        "wk" | "w" | "week" | "weeks" => TimeUnit::Weeks,
        "mo" | "month" | "months" => TimeUnit::Months,
        other => return Err(format!("duration unit {other:?} is not one of min, h, d, wk, mo")),
    };
    Ok(Some(Duration { amount, unit }))
}

fn parse_flags(text: &str) -> Result<Flags, String> {
    let mut flags = Flags::default();
    for part in text.split([';', ',']).map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty()) {
        match part.as_str() {
            "pain point" | "pain" => flags.pain_point = true,
            "moment of delight" | "delight" => flags.moment_of_delight = true,
            "moment of truth" | "truth" => flags.moment_of_truth = true,
            "bottleneck" => flags.bottleneck = true,
            other => {
                return Err(format!(
                    "unknown flag {other:?}: use pain point, moment of delight, moment of truth, bottleneck"
                ));
            }
        }
    }
    Ok(flags)
}

fn number_text(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 { format!("{value:.0}") } else { format!("{value}") }
}

/// Text kept on one line: the cell holds one entry per line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn metric_text(metric: &Metric) -> String {
    let metric = &Metric { name: one_line(&metric.name), unit: one_line(&metric.unit), ..metric.clone() };
    let unit = |v: Option<f64>| match v {
        Some(v) if metric.unit.is_empty() => number_text(v),
        Some(v) => format!("{} {}", number_text(v), metric.unit),
        None => "–".to_owned(),
    };
    let direction = if metric.higher_is_better { "higher is better" } else { "lower is better" };
    match metric.target {
        Some(_) => {
            format!("{}: {} (target {}, {direction})", metric.name, unit(metric.value), unit(metric.target))
        }
        None => format!("{}: {} ({direction})", metric.name, unit(metric.value)),
    }
}

/// "6.5 h" → (6.5, "h"); "–" → (None, "").
fn value_and_unit(text: &str) -> Result<(Option<f64>, String), String> {
    let t = text.trim();
    if t.is_empty() || t == "–" || t == "-" || t == "−" {
        return Ok((None, String::new()));
    }
    let (value, unit) = leading_number(t).map_err(|e| match e {
        NumberError::Missing => format!("`{t}` does not start with a number"),
        NumberError::NotFinite => format!("`{t}` is not a finite number"),
    })?;
    Ok((Some(value), unit))
}

fn parse_metric(line: &str) -> Result<Metric, String> {
    let (name, rest) =
        line.rsplit_once(':').ok_or_else(|| format!("metric {line:?} has no `name: value`"))?;
    let (value_part, details) = match rest.find('(') {
        Some(open) => (&rest[..open], rest[open + 1..].trim_end().trim_end_matches(')')),
        None => (rest, ""),
    };
    let (value, unit) = value_and_unit(value_part).map_err(|e| format!("metric {:?}: {e}", name.trim()))?;
    let mut metric = Metric { name: name.trim().to_owned(), value, unit, ..Metric::default() };
    for part in details.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let lower = part.to_lowercase();
        if lower.starts_with("higher") {
            metric.higher_is_better = true;
        } else if lower.starts_with("lower") {
            metric.higher_is_better = false;
        } else if let Some(target) = lower.strip_prefix("target") {
            let (target, unit) =
                value_and_unit(target).map_err(|e| format!("metric {:?}: target {e}", metric.name))?;
            metric.target = target;
            if metric.unit.is_empty() {
                metric.unit = unit;
            }
        } else {
            return Err(format!("metric {:?}: {part:?} is not a target or a direction", metric.name));
        }
    }
    Ok(metric)
}

fn recommendation_text(owners: &HashMap<OwnerId, &str>, r: &Recommendation) -> String {
    let owner = r.owner.and_then(|o| owners.get(&o)).map(|name| one_line(name));
    let status = r.status.label().to_lowercase();
    let text = one_line(&r.text);
    let due = r.due.map(|date| format!(", due {date}")).unwrap_or_default();
    match owner {
        Some(owner) => format!("{}: {text} ({owner}, {status}{due})", r.priority.label()),
        None => format!("{}: {text} ({status}{due})", r.priority.label()),
    }
}

fn parse_recommendation(line: &str, row: usize, owners: &mut OwnerBook) -> Recommendation {
    let mut text = line.trim();
    let mut recommendation = Recommendation::default();
    for priority in Priority::ALL {
        if let Some(rest) = text.strip_prefix(priority.label()).and_then(|rest| rest.strip_prefix(':')) {
            recommendation.priority = priority;
            text = rest.trim();
        }
    }
    if text.ends_with(')')
        && let Some(open) = text.rfind('(')
    {
        let inside = &text[open + 1..text.len() - 1];
        let mut parts: Vec<&str> = inside.split(',').map(str::trim).collect();
        let due = parts.last().and_then(|last| last.strip_prefix("due ")).and_then(|d| d.parse().ok());
        if due.is_some() {
            parts.pop();
        }
        let status =
            parts.last().and_then(|s| Status::ALL.into_iter().find(|x| x.label().eq_ignore_ascii_case(s)));
        if let Some(status) = status {
            recommendation.status = status;
            recommendation.due = due;
            if parts.len() > 1 {
                recommendation.owner = Some(owners.id(parts[..parts.len() - 1].join(", "), row));
            }
            text = text[..open].trim();
        }
    }
    text.clone_into(&mut recommendation.text);
    owners.limit(&mut recommendation.text, MAX_TEXT_CHARS, row, "the recommendation");
    recommendation
}

/// Owners met while reading, found by name (ignoring ASCII case, as people type names in a
/// spreadsheet) in a hash map, so a file with many owners reads in linear time.
struct OwnerBook {
    owners: Vec<Owner>,
    /// Index in `owners` by the name in lower case.
    by_name: HashMap<String, usize>,
    /// Spellings already reported as taken for another owner's name.
    reported: HashSet<String>,
    colours: OwnerColours,
    ids: IdAllocator,
    warnings: Vec<ImportWarning>,
}

impl OwnerBook {
    /// Cuts `text` to `limit` characters, with a warning at `row`.
    fn limit(&mut self, text: &mut String, limit: usize, row: usize, what: &str) {
        limit_chars(text, limit, row, what, &mut self.warnings);
    }

    /// The owner named `name`, created on first sight (a department, in a new colour); a name
    /// differing only in capitals is the same owner, with a warning the first time.
    fn id(&mut self, mut name: String, row: usize) -> OwnerId {
        self.limit(&mut name, MAX_NAME_CHARS, row, "the owner name");
        let key = name.to_ascii_lowercase();
        if let Some(&index) = self.by_name.get(&key) {
            let owner = &self.owners[index];
            if owner.name != name && self.reported.insert(name.clone()) {
                self.warnings.push(ImportWarning {
                    line: row,
                    message: format!(
                        "the owner `{}` is taken to be `{}`, written so on an earlier row",
                        preview(&name),
                        preview(&owner.name)
                    ),
                });
            }
            return owner.id;
        }
        let id = self.ids.owner();
        let colour = self.colours.next_colour();
        self.by_name.insert(key, self.owners.len());
        self.owners.push(Owner { id, name, kind: OwnerKind::Department, colour, ..Owner::default() });
        id
    }
}

/// A map as CSV text: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends,
/// text quoted and numbers not. A text a spreadsheet would run as a formula (one starting,
/// after any `'` and spaces, with `=`, `+`, `-`, `@`, tab or carriage return, unless it is a
/// plain number such as `-1.5`) gets one `'` in front, which [`to_study`] removes again.
///
/// # Errors
/// Only if writing to memory fails.
pub fn from_map(study: &Study, map: &JourneyMap) -> Result<String, csv::Error> {
    // Quoting every text lets import keep spaces at the ends of a text exactly, while it still
    // trims the unquoted cells people type by hand.
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    // Owners by id once, not a search per card.
    let owners: HashMap<OwnerId, &str> = study.owners.iter().map(|o| (o.id, o.name.as_str())).collect();
    // f32's own shortest form: 8.1, not 8.100000381469727.
    let score = |v: Option<f32>| v.map_or_else(String::new, |v| v.to_string());
    for stage in &map.stages {
        for card in &stage.cards {
            let names = |ids: &[OwnerId]| owner_list(ids.iter().filter_map(|id| owners.get(id).copied()));
            let f = card.flags;
            let flags = [
                (f.pain_point, "pain point"),
                (f.moment_of_delight, "moment of delight"),
                (f.moment_of_truth, "moment of truth"),
                (f.bottleneck, "bottleneck"),
            ]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect::<Vec<_>>()
            .join("; ");
            let duration = card.duration.map_or_else(String::new, |d| d.to_string());
            let record = [
                stage.name.clone(),
                card.title.clone(),
                card.description.clone(),
                card.channel.clone(),
                names(&card.owners),
                names(&card.accountable.into_iter().collect::<Vec<_>>()),
                flags,
                score(card.importance.internal),
                score(card.importance.customer),
                score(card.performance.internal),
                score(card.performance.customer),
                score(card.emotion.elicited),
                score(card.emotion.desired),
                duration,
                card.metrics.iter().map(metric_text).collect::<Vec<_>>().join("\n"),
                card.recommendations
                    .iter()
                    .map(|r| recommendation_text(&owners, r))
                    .collect::<Vec<_>>()
                    .join("\n"),
                card.notes.clone(),
            ];
            writer.write_record(record.map(guard))?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// Where each Wayline column is in the file, by its place in [`COLUMNS`]; warnings about
/// unknown columns; an error when a column appears twice or `stage` or `card` is missing.
fn header_columns(
    header: &Record,
    warnings: &mut Vec<ImportWarning>,
) -> Result<[Option<usize>; COLUMNS.len()], CsvError> {
    let mut columns = [None; COLUMNS.len()];
    let mut problems = Vec::new();
    for (index, cell) in header.cells.iter().enumerate() {
        let name = normalise(&cell.text);
        if name.is_empty() {
            continue;
        }
        match COLUMNS.iter().position(|c| *c == name) {
            Some(known) => match columns[known] {
                Some(first) => problems.push((
                    header.row,
                    format!(
                        "columns {} and {} are both `{name}`; keep one of them so no value is lost",
                        first + 1,
                        index + 1
                    ),
                )),
                None => columns[known] = Some(index),
            },
            None => warnings.push(ImportWarning {
                line: header.row,
                message: format!("column {} ({name:?}) is not a Wayline column and was ignored", index + 1),
            }),
        }
    }
    if columns[STAGE].is_none() || columns[CARD].is_none() {
        problems.push((header.row, "the header row needs a `stage` and a `card` column".to_owned()));
    }
    if problems.is_empty() { Ok(columns) } else { Err(CsvError { problems }) }
}

/// Places in [`COLUMNS`].
const STAGE: usize = 0;
const CARD: usize = 1;
const DESCRIPTION: usize = 2;
const CHANNEL: usize = 3;
const OWNERS: usize = 4;
const ACCOUNTABLE: usize = 5;
const FLAGS: usize = 6;
const DURATION: usize = 13;
const METRICS: usize = 14;
const RECOMMENDATIONS: usize = 15;
const NOTES: usize = 16;

/// One data row: the cells of the Wayline columns, as import reads them.
struct Row<'a> {
    record: &'a Record,
    columns: &'a [Option<usize>; COLUMNS.len()],
}

impl Row<'_> {
    /// The text of the column at `place` in [`COLUMNS`]: quoted cells as they are, unquoted
    /// ones trimmed, and the formula guard removed; empty when the column is missing.
    fn text(&self, place: usize) -> &str {
        let Some(cell) = self.columns[place].and_then(|c| self.record.cells.get(c)) else { return "" };
        unguard(if cell.quoted { &cell.text } else { cell.text.trim() })
    }

    fn is_blank(&self) -> bool {
        self.record.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// Reads a CSV into a study with one typical map titled `title`; returns warnings (unknown
/// columns, encoding, text cut to [`MAX_NAME_CHARS`] or [`MAX_TEXT_CHARS`], owner names in
/// other capitals) alongside.
///
/// Row numbers are the rows a spreadsheet shows: the header is row 1 when it is the first
/// line, and blank lines count.
///
/// # Errors
/// Every bad row, with its number; nothing is imported when any row is bad.
pub fn to_study(bytes: &[u8], title: &str) -> Result<(Study, Vec<ImportWarning>), CsvError> {
    let mut warnings = Vec::new();
    let text = decode(bytes, &mut warnings);
    let empty = || CsvError {
        problems: vec![(1, "the file is empty: it needs a header row with `stage` and `card`".to_owned())],
    };
    if text.trim().is_empty() {
        return Err(empty());
    }
    let mut records = Records::new(&text, delimiter(&text));
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            return Err(CsvError {
                problems: vec![(e.row, format!("cannot read the header row: {}", e.message))],
            });
        }
        None => return Err(empty()),
    };
    let columns = header_columns(&header, &mut warnings)?;
    let mut study = Study { meta: Meta { title: title.to_owned(), ..Meta::default() }, ..Study::default() };
    let mut ids = study.id_allocator();
    let map_id = ids.map();
    let mut book = OwnerBook {
        owners: Vec::new(),
        by_name: HashMap::new(),
        reported: HashSet::new(),
        colours: OwnerColours::new([]),
        ids: study.id_allocator(),
        warnings,
    };
    let mut stages: Vec<Stage> = Vec::new();
    // Stages by name: rows of one stage may be anywhere, and a search per row would make a
    // file of many stages quadratic.
    let mut stage_index: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push((e.row, e.message));
                continue;
            }
        };
        let row = Row { record: &record, columns: &columns };
        if row.is_blank() {
            continue;
        }
        match read_card(&row, &mut book, &mut ids) {
            Ok((stage_name, card)) => {
                if let Some(&index) = stage_index.get(&stage_name) {
                    stages[index].cards.push(card);
                } else {
                    stage_index.insert(stage_name.clone(), stages.len());
                    stages.push(Stage {
                        id: ids.stage(),
                        name: stage_name,
                        cards: vec![card],
                        ..Stage::default()
                    });
                }
            }
            Err(row_problems) => problems.extend(row_problems.into_iter().map(|p| (record.row, p))),
        }
    }
    if !problems.is_empty() {
        return Err(CsvError { problems });
    }
    study.owners = book.owners;
    study.maps.push(JourneyMap { id: map_id, title: title.to_owned(), stages, ..JourneyMap::default() });
    Ok((study, book.warnings))
}

/// Owners in the order first named, each once; a set keeps a long list linear.
#[derive(Default)]
struct UniqueOwners {
    list: Vec<OwnerId>,
    seen: HashSet<OwnerId>,
}

impl UniqueOwners {
    fn push(&mut self, id: OwnerId) {
        if self.seen.insert(id) {
            self.list.push(id);
        }
    }
}

/// A row's owners and its accountable owner. The accountable one is among the owners; when no
/// one is named accountable, the first owner is.
fn card_owners(row: &Row<'_>, book: &mut OwnerBook) -> (Vec<OwnerId>, Option<OwnerId>) {
    let line = row.record.row;
    let mut owners = UniqueOwners::default();
    for name in parse_owner_list(row.text(OWNERS)) {
        owners.push(book.id(name, line));
    }
    let mut named = parse_owner_list(row.text(ACCOUNTABLE)).into_iter();
    let Some(first) = named.next() else {
        let first_owner = owners.list.first().copied();
        return (owners.list, first_owner);
    };
    let accountable = book.id(first, line);
    let others: Vec<String> = named.collect();
    if !others.is_empty() {
        book.warnings.push(ImportWarning {
            line,
            message: format!(
                "the accountable column names more than one owner; the first is accountable and the \
                 others ({}) are owners",
                others.iter().map(|o| format!("`{}`", preview(o))).collect::<Vec<_>>().join(", ")
            ),
        });
        for name in others {
            owners.push(book.id(name, line));
        }
    }
    let mut list = owners.list;
    if !owners.seen.contains(&accountable) {
        list.insert(0, accountable);
    }
    (list, Some(accountable))
}

/// One row as a card and the name of its stage; every problem of the row otherwise.
fn read_card(
    row: &Row<'_>,
    book: &mut OwnerBook,
    ids: &mut IdAllocator,
) -> Result<(String, Card), Vec<String>> {
    let line = row.record.row;
    let title = row.text(CARD);
    if title.trim().is_empty() {
        return Err(vec!["the card has no title".to_owned()]);
    }
    let mut problems = Vec::new();
    let mut score = |place: usize, range: std::ops::RangeInclusive<f32>| {
        parse_score(row.text(place), range, COLUMNS[place]).unwrap_or_else(|e| {
            problems.push(e);
            None
        })
    };
    let importance = ViewScores { internal: score(7, 1.0..=10.0), customer: score(8, 1.0..=10.0) };
    let performance = ViewScores { internal: score(9, 1.0..=10.0), customer: score(10, 1.0..=10.0) };
    let emotion = Emotion { elicited: score(11, -2.0..=2.0), desired: score(12, -2.0..=2.0) };
    let flags = parse_flags(row.text(FLAGS)).unwrap_or_else(|e| {
        problems.push(e);
        Flags::default()
    });
    let duration = parse_duration(row.text(DURATION)).unwrap_or_else(|e| {
        problems.push(e);
        None
    });
    let mut metrics = Vec::new();
    for text in row.text(METRICS).lines().filter(|l| !l.trim().is_empty()) {
        match parse_metric(text) {
            Ok(mut metric) => {
                book.limit(&mut metric.name, MAX_NAME_CHARS, line, "the metric name");
                book.limit(&mut metric.unit, MAX_NAME_CHARS, line, "the metric unit");
                metrics.push(metric);
            }
            Err(e) => problems.push(e),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (owners, accountable) = card_owners(row, book);
    let recommendations = row
        .text(RECOMMENDATIONS)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| parse_recommendation(l, line, book))
        .collect();
    let mut text = |place: usize, limit: usize, what: &str| {
        let mut text = row.text(place).to_owned();
        book.limit(&mut text, limit, line, what);
        text
    };
    let card = Card {
        id: ids.card(),
        title: text(CARD, MAX_NAME_CHARS, "the card title"),
        description: text(DESCRIPTION, MAX_TEXT_CHARS, "the description"),
        channel: text(CHANNEL, MAX_NAME_CHARS, "the channel"),
        notes: text(NOTES, MAX_TEXT_CHARS, "the notes"),
        owners,
        accountable,
        flags,
        importance,
        performance,
        emotion,
        metrics,
        duration,
        recommendations,
        detail: None,
    };
    Ok((text(STAGE, MAX_NAME_CHARS, "the stage name"), card))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_survives_csv_and_back() {
        let study = crate::templates::find("logistics").unwrap().study().unwrap();
        for map in &study.maps {
            let text = from_map(&study, map).unwrap();
            let (back, warnings) = to_study(text.as_bytes(), &map.title).unwrap();
            assert!(warnings.is_empty(), "{warnings:?}");
            let imported = &back.maps[0];
            assert_eq!(imported.stages.len(), map.stages.iter().filter(|s| !s.cards.is_empty()).count());
            for (a, b) in map.cards().zip(imported.cards()) {
                assert_eq!(a.title, b.title);
                assert_eq!(a.channel, b.channel);
                assert_eq!(a.flags, b.flags);
                assert_eq!(a.importance, b.importance);
                assert_eq!(a.performance, b.performance);
                assert_eq!(a.emotion, b.emotion);
                assert_eq!(a.duration, b.duration);
                assert_eq!(a.metrics, b.metrics, "{}", a.title);
                assert_eq!(a.recommendations.len(), b.recommendations.len());
                let names = |s: &Study, ids: &[OwnerId]| {
                    ids.iter().map(|id| s.owner(*id).unwrap().name.clone()).collect::<Vec<_>>()
                };
                assert_eq!(names(&study, &a.owners), names(&back, &b.owners));
            }
        }
    }

    #[test]
    fn a_recommendation_keeps_its_owner_status_and_due_date() {
        let mut study = crate::templates::find("starter").unwrap().study().unwrap();
        let owner = study.owners[0].id;
        let map = &mut study.maps[0];
        map.stages[0].cards[0].recommendations = vec![
            Recommendation {
                text: "Name a contact (today)".to_owned(),
                owner: Some(owner),
                priority: Priority::High,
                status: Status::Agreed,
                due: "2026-03-31".parse().ok(),
            },
            Recommendation { text: "Shorter form".to_owned(), ..Recommendation::default() },
        ];
        let text = from_map(&study, &study.maps[0]).unwrap();
        assert!(text.contains("High: Name a contact (today) ("), "{text}");
        let (back, _) = to_study(text.as_bytes(), "t").unwrap();
        let names = |s: &Study, r: &Recommendation| r.owner.map(|id| s.owner(id).unwrap().name.clone());
        let (a, b) = (
            &study.maps[0].stages[0].cards[0].recommendations,
            &back.maps[0].stages[0].cards[0].recommendations,
        );
        assert_eq!(a.len(), b.len());
        for (a, b) in a.iter().zip(b) {
            assert_eq!((&a.text, a.priority, a.status, a.due), (&b.text, b.priority, b.status, b.due));
            assert_eq!(names(&study, a), names(&back, b));
        }
    }

    #[test]
    fn bad_rows_are_reported_and_nothing_is_imported() {
        let text =
            "Stage,Card,Importance internal,Flags\nA,One,5,\nA,Two,eleven,\nB,,3,\nB,Four,12,sparkly\n";
        let error = to_study(text.as_bytes(), "t").unwrap_err();
        let rows: Vec<usize> = error.problems.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, [3, 4, 5, 5]);
    }

    #[test]
    fn headers_in_any_case_and_order_with_semicolons_and_unknown_columns() {
        let text = "\u{feff}CARD;Extra;stage;Importance_Internal\nKick-off;x;Onboarding;7,5\n";
        let (study, warnings) = to_study(text.as_bytes(), "t").unwrap();
        assert_eq!(warnings.len(), 1);
        let card = &study.maps[0].stages[0].cards[0];
        assert_eq!((card.title.as_str(), card.importance.internal), ("Kick-off", Some(7.5)));
    }

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let bytes = b"stage,card\nD\xe9cision,Caf\xe9 \x80 meeting\n";
        let (study, warnings) = to_study(bytes, "t").unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(study.maps[0].stages[0].name, "Décision");
        assert_eq!(study.maps[0].stages[0].cards[0].title, "Café € meeting");
    }
}
