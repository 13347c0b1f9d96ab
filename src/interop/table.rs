//! Maps as spreadsheets (CSV), in and out: one row per card.
//!
//! The columns, in the order Wayline writes them (reading accepts any order, matches names
//! ignoring case, spaces, underscores and brackets, warns about unknown columns, and needs only
//! `stage` and `card`):
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
//! | recommendations | one per line: `High: what to do (Owner, agreed)` |
//! | notes | free text |

use super::mermaid::ImportWarning;
use crate::model::{
    Card, Duration, Emotion, Flags, JourneyMap, Meta, Metric, Owner, OwnerId, OwnerKind, Priority,
    Recommendation, Stage, Status, Study, TimeUnit, ViewScores,
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
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.chars().filter(|x| *x == c).count();
    [(b'\t', count('\t')), (b';', count(';')), (b',', count(','))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| d)
}

fn parse_score(text: &str, range: std::ops::RangeInclusive<f32>, what: &str) -> Result<Option<f32>, String> {
    let t = text.trim();
    if t.is_empty() || t == "–" || t == "-" {
        return Ok(None);
    }
    let value: f32 = t.replace(',', ".").parse().map_err(|_| format!("{what} {t:?} is not a number"))?;
    if !value.is_finite() || !range.contains(&value) {
        return Err(format!("{what} {t} is outside {} to {}", range.start(), range.end()));
    }
    Ok(Some(value))
}

fn parse_duration(text: &str) -> Result<Option<Duration>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(t.len());
    let amount: f32 = t[..split]
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("duration {t:?} does not start with a number"))?;
    let unit = match t[split..].trim().to_lowercase().as_str() {
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
    if t.is_empty() || t == "–" || t == "-" {
        return Ok((None, String::new()));
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(t.len());
    let value: f64 =
        t[..split].replace(',', ".").parse().map_err(|_| format!("{t:?} does not start with a number"))?;
    Ok((Some(value), t[split..].trim().to_owned()))
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

fn recommendation_text(study: &Study, r: &Recommendation) -> String {
    let owner = r.owner.and_then(|o| study.owner(o)).map(|o| one_line(&o.name));
    let status = r.status.label().to_lowercase();
    let text = one_line(&r.text);
    match owner {
        Some(owner) => format!("{}: {text} ({owner}, {status})", r.priority.label()),
        None => format!("{}: {text} ({status})", r.priority.label()),
    }
}

fn parse_recommendation(line: &str, owners: &mut OwnerBook) -> Recommendation {
    let mut text = line.trim();
    let mut recommendation = Recommendation::default();
    for priority in Priority::ALL {
        if let Some(rest) = text.strip_prefix(&format!("{}:", priority.label())) {
            recommendation.priority = priority;
            text = rest.trim();
        }
    }
    if text.ends_with(')')
        && let Some(open) = text.rfind('(')
    {
        let inside = &text[open + 1..text.len() - 1];
        let parts: Vec<&str> = inside.split(',').map(str::trim).collect();
        let status =
            parts.last().and_then(|s| Status::ALL.into_iter().find(|x| x.label().eq_ignore_ascii_case(s)));
        if let Some(status) = status {
            recommendation.status = status;
            if parts.len() > 1 {
                recommendation.owner = Some(owners.id(&parts[..parts.len() - 1].join(", ")));
            }
            text = text[..open].trim();
        }
    }
    text.clone_into(&mut recommendation.text);
    recommendation
}

/// Owners met while reading, by name.
struct OwnerBook<'a> {
    study: &'a mut Study,
    colours: &'a mut crate::model::DistinctColours,
}

impl OwnerBook<'_> {
    fn id(&mut self, name: &str) -> OwnerId {
        let name = name.trim();
        if let Some(owner) = self.study.owners.iter().find(|o| o.name.eq_ignore_ascii_case(name)) {
            return owner.id;
        }
        let id = self.study.id_allocator().owner();
        let colour = self.colours.next_colour();
        self.study.owners.push(Owner {
            id,
            name: name.to_owned(),
            kind: OwnerKind::Department,
            colour,
            ..Owner::default()
        });
        id
    }
}

/// A map as CSV text: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends,
/// fields quoted where needed.
///
/// # Errors
/// Only if writing to memory fails.
pub fn from_map(study: &Study, map: &JourneyMap) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    // f32's own shortest form: 8.1, not 8.100000381469727.
    let score = |v: Option<f32>| v.map_or_else(String::new, |v| v.to_string());
    for stage in &map.stages {
        for card in &stage.cards {
            let names = |ids: &[OwnerId]| {
                ids.iter()
                    .filter_map(|id| study.owner(*id))
                    .map(|o| o.name.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
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
            writer.write_record([
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
                    .map(|r| recommendation_text(study, r))
                    .collect::<Vec<_>>()
                    .join("\n"),
                card.notes.clone(),
            ])?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// Reads a CSV into a study with one typical map titled `title`; returns warnings (unknown
/// columns, encoding) alongside.
///
/// # Errors
/// Every bad row, with its number; nothing is imported when any row is bad.
#[allow(clippy::too_many_lines, reason = "one step per column")]
pub fn to_study(bytes: &[u8], title: &str) -> Result<(Study, Vec<ImportWarning>), CsvError> {
    let mut warnings = Vec::new();
    let text = decode(bytes, &mut warnings);
    if text.trim().is_empty() {
        return Err(CsvError {
            problems: vec![(
                1,
                "the file is empty: it needs a header row with `stage` and `card`".to_owned(),
            )],
        });
    }
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter(&text)).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(normalise).collect(),
        Err(e) => return Err(CsvError { problems: vec![(1, format!("cannot read the header row: {e}"))] }),
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    for (index, header) in headers.iter().enumerate() {
        if !header.is_empty() && !COLUMNS.contains(&header.as_str()) {
            warnings.push(ImportWarning {
                line: 1,
                message: format!("column {} ({header:?}) is not a Wayline column and was ignored", index + 1),
            });
        }
    }
    let (Some(stage_col), Some(card_col)) = (column("stage"), column("card")) else {
        return Err(CsvError {
            problems: vec![(1, "the header row needs a `stage` and a `card` column".to_owned())],
        });
    };
    let mut study = Study { meta: Meta { title: title.to_owned(), ..Meta::default() }, ..Study::default() };
    let mut ids = study.id_allocator();
    let map_id = ids.map();
    let mut stages: Vec<Stage> = Vec::new();
    let mut problems = Vec::new();
    let mut colours = crate::model::DistinctColours::new([]);
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push((row, format!("cannot be read: {e}")));
                continue;
            }
        };
        let get = |name: &str| column(name).and_then(|c| record.get(c)).unwrap_or("").to_owned();
        let stage_name = record.get(stage_col).unwrap_or("").trim().to_owned();
        let title = record.get(card_col).unwrap_or("").trim().to_owned();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if title.is_empty() {
            problems.push((row, "the card has no title".to_owned()));
            continue;
        }
        let mut row_problems = Vec::new();
        let mut score = |name: &str, range: std::ops::RangeInclusive<f32>| {
            parse_score(&get(name), range, name).unwrap_or_else(|e| {
                row_problems.push(e);
                None
            })
        };
        let importance = ViewScores {
            internal: score("importance internal", 1.0..=10.0),
            customer: score("importance customer", 1.0..=10.0),
        };
        let performance = ViewScores {
            internal: score("performance internal", 1.0..=10.0),
            customer: score("performance customer", 1.0..=10.0),
        };
        let emotion = Emotion {
            elicited: score("emotion elicited", -2.0..=2.0),
            desired: score("emotion desired", -2.0..=2.0),
        };
        let flags = parse_flags(&get("flags")).unwrap_or_else(|e| {
            row_problems.push(e);
            Flags::default()
        });
        let duration = parse_duration(&get("duration")).unwrap_or_else(|e| {
            row_problems.push(e);
            None
        });
        let mut metrics = Vec::new();
        for line in get("metrics").lines().filter(|l| !l.trim().is_empty()) {
            match parse_metric(line) {
                Ok(metric) => metrics.push(metric),
                Err(e) => row_problems.push(e),
            }
        }
        if !row_problems.is_empty() {
            problems.extend(row_problems.into_iter().map(|p| (row, p)));
            continue;
        }
        let mut book = OwnerBook { study: &mut study, colours: &mut colours };
        let mut owners: Vec<OwnerId> = Vec::new();
        for name in get("owners").split(';').map(str::trim).filter(|n| !n.is_empty()) {
            let id = book.id(name);
            if !owners.contains(&id) {
                owners.push(id);
            }
        }
        let accountable_name = get("accountable");
        let accountable = if accountable_name.trim().is_empty() {
            owners.first().copied()
        } else {
            let id = book.id(&accountable_name);
            if !owners.contains(&id) {
                owners.insert(0, id);
            }
            Some(id)
        };
        let recommendations = get("recommendations")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| parse_recommendation(l, &mut book))
            .collect();
        let card = Card {
            id: ids.card(),
            title,
            description: get("description").trim().to_owned(),
            channel: get("channel").trim().to_owned(),
            owners,
            accountable,
            flags,
            importance,
            performance,
            emotion,
            metrics,
            duration,
            recommendations,
            notes: get("notes").trim().to_owned(),
            detail: None,
        };
        match stages.iter_mut().find(|s| s.name == stage_name) {
            Some(stage) => stage.cards.push(card),
            None => stages.push(Stage {
                id: ids.stage(),
                name: stage_name,
                cards: vec![card],
                ..Stage::default()
            }),
        }
    }
    if !problems.is_empty() {
        return Err(CsvError { problems });
    }
    study.maps.push(JourneyMap { id: map_id, title: title.to_owned(), stages, ..JourneyMap::default() });
    Ok((study, warnings))
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
