//! Mermaid `journey` diagrams, in and out.
//!
//! Reading follows Mermaid's own grammar (`journey.jison`) token by token, after the same
//! preparation `mermaid.run` applies: line endings normalised, YAML front matter read for its
//! `title` and removed, `%%{…}%%` directives removed, leading blank lines skipped. Positions are
//! kept, so every error and warning names its line. Reading is linear in the size of the text:
//! owners are found by name in a hash map, and no line is scanned twice.
//!
//! Writing puts out only what Mermaid's grammar and this importer read back, so a map exported
//! and imported again keeps its text, with these exceptions:
//!
//! - a name's lines are trimmed and blank lines at its start and end dropped; task and section
//!   names keep their line breaks as `<br/>`, while the title and actor names are one line
//!   (their line breaks become spaces);
//! - control characters other than tab (NUL, a carriage return on its own, escape…) are
//!   dropped, as is U+200B ZERO WIDTH SPACE, which export uses as a guard (below);
//! - characters the grammar gives a meaning are replaced by look-alikes: `:` by `∶` (not in the
//!   title, where a colon is plain text), `#` by `＃`, `;` by `；`, and `,` in actor names by `‚`;
//! - `%%` (a comment), `<br` typed as text (not a line break) and a task name starting with a
//!   keyword (`journey`, `title `, `section `, `accTitle`, `accDescr`) keep their characters
//!   with U+200B put between or before them; import removes every U+200B again;
//! - an empty task name is written `Untitled`, an empty section name `Untitled stage`, and an
//!   empty title not at all.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{MAX_NAME_CHARS, MAX_TEXT_CHARS, OwnerColours, limit_chars, preview};
use crate::model::{Card, Emotion, JourneyMap, MapKind, Meta, Owner, OwnerId, OwnerKind, Stage, Study};

/// A Mermaid journey as Mermaid understands it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journey {
    /// The diagram title, from the `title` statement or the front matter (raw, untrimmed).
    pub title: String,
    /// The accessible title.
    pub acc_title: String,
    /// The accessible description.
    pub acc_descr: String,
    /// Section names in order (raw; a repeated name is another section).
    pub sections: Vec<String>,
    /// Tasks in order.
    pub tasks: Vec<Task>,
    /// The 1-based lines the title, the accessible title and the accessible description are
    /// on (0 when absent), for warnings.
    pub lines: TextLines,
    /// The 1-based line of each section, in the order of `sections`.
    pub section_lines: Vec<usize>,
}

impl Journey {
    /// Whether the journey names itself, by a title or an accessible title.
    #[must_use]
    pub fn has_title(&self) -> bool {
        !(one_line_text(&self.title).is_empty() && one_line_text(&self.acc_title).is_empty())
    }
}

/// Where a journey's title texts are, by 1-based line (0 when the text is absent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextLines {
    /// The title (in the diagram or its front matter).
    pub title: usize,
    /// The accessible title.
    pub acc_title: usize,
    /// The accessible description.
    pub acc_descr: usize,
}

/// One task line.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    /// The index of its section, `None` for tasks before the first section.
    pub section: Option<usize>,
    /// The task name, raw.
    pub name: String,
    /// The score as Mermaid reads it (`Number(...)` in JavaScript); `NaN` when not a number.
    pub score: f64,
    /// The actors, trimmed; Mermaid keeps empty ones (`task: 5:` has one empty actor).
    pub actors: Vec<String>,
    /// The 1-based line the task is on.
    pub line: usize,
}

/// Why a text is not a Mermaid journey, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct MermaidError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// A remark about something the import had to adjust, with its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportWarning {
    /// 1-based line.
    pub line: usize,
    /// What was adjusted.
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Journey,
    Title(String),
    AccTitle(String),
    AccDescr(String),
    Section(String),
    TaskName(String),
    TaskData(String),
    Colon,
    Newline,
    Invalid(char),
    Eof,
}

/// Mermaid's preparation: `\r\n` to `\n`; front matter and directives blanked out (line
/// breaks kept so positions stay true). Returns the text and the front matter's title with its
/// 1-based line.
fn prepare(text: &str) -> (String, Option<(String, usize)>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut front_title = None;
    if let Some(start) = lines.iter().position(|l| !l.trim().is_empty())
        && lines[start].trim() == "---"
        && let Some(end) = lines.iter().skip(start + 1).position(|l| l.trim() == "---").map(|i| i + start + 1)
    {
        let body = &lines[start + 1..end];
        let top_indent =
            body.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min();
        for (index, line) in body.iter().enumerate() {
            let indent = line.len() - line.trim_start().len();
            if Some(indent) == top_indent
                && let Some(value) = line.trim().strip_prefix("title:")
            {
                front_title = Some((unquote(value.trim()), start + index + 2));
            }
        }
        for line in &mut lines[start..=end] {
            line.clear();
        }
    }
    let joined = lines.join("\n");
    (blank_directives(&joined), front_title)
}

fn unquote(value: &str) -> String {
    let stripped = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
    stripped.unwrap_or(value).to_owned()
}

/// Replaces each `%%{ … }%%` directive with spaces, keeping its line breaks.
fn blank_directives(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("%%{") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find("}%%").map_or(after.len(), |e| e + 3);
        out.extend(after[..end].chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    /// Where each line starts, for positions in messages.
    line_starts: Vec<usize>,
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The length of the longest prefix of `text` whose characters all satisfy `keep`.
fn span(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.char_indices().find(|(_, c)| !keep(*c)).map_or(text.len(), |(i, _)| i)
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, pos: 0, line_starts }
    }

    /// The 1-based line of a byte offset.
    fn line(&self, at: usize) -> usize {
        self.line_starts.partition_point(|start| *start <= at)
    }

    /// The 1-based line and column of a byte offset.
    fn position(&self, at: usize) -> (usize, usize) {
        let line = self.line(at);
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let column = self.text.get(start..at).map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    /// The next token and the offset it starts at, following the order of Mermaid's rules.
    #[allow(clippy::too_many_lines, reason = "one branch per lexer rule, in Mermaid's order")]
    fn next(&mut self) -> (Token, usize) {
        loop {
            let rest = &self.text[self.pos..];
            let start = self.pos;
            if rest.is_empty() {
                return (Token::Eof, start);
            }
            // %% comments (not directives), and a comment glued to the character before it.
            if rest.starts_with("%%") && !rest[2..].starts_with('{') {
                self.pos += span(rest, |c| c != '\n');
                continue;
            }
            let mut chars = rest.chars();
            if let Some(first) = chars.next()
                && first != '}'
                && chars.as_str().starts_with("%%")
            {
                // The character before `%%` is part of the comment (it may be a line break).
                self.pos += first.len_utf8() + span(chars.as_str(), |c| c != '\n');
                continue;
            }
            if rest.starts_with('\n') {
                self.pos += span(rest, |c| c == '\n');
                return (Token::Newline, start);
            }
            let blank = span(rest, char::is_whitespace);
            if blank > 0 {
                self.pos += blank;
                continue;
            }
            if rest.starts_with('#') {
                self.pos += span(rest, |c| c != '\n');
                continue;
            }
            if starts_with_ignore_case(rest, "journey") {
                self.pos += "journey".len();
                return (Token::Journey, start);
            }
            if starts_with_ignore_case(rest, "title") {
                let after = &rest[5..];
                if let Some(space) = after.chars().next().filter(|c| c.is_whitespace()) {
                    let body = &after[space.len_utf8()..];
                    let len = span(body, |c| !matches!(c, '#' | '\n' | ';'));
                    if len > 0 {
                        self.pos += 5 + space.len_utf8() + len;
                        return (Token::Title(body[..len].to_owned()), start);
                    }
                }
            }
            if starts_with_ignore_case(rest, "accTitle") || starts_with_ignore_case(rest, "accDescr") {
                let is_title = starts_with_ignore_case(rest, "accTitle");
                let after = &rest[8..];
                let gap = span(after, char::is_whitespace);
                let after_gap = &after[gap..];
                if let Some(value_start) = after_gap.strip_prefix(':') {
                    let lead = span(value_start, char::is_whitespace);
                    let value = &value_start[lead..];
                    let len = span(value, |c| c != '\n');
                    self.pos += 8 + gap + 1 + lead + len;
                    let value = value[..len].to_owned();
                    return (if is_title { Token::AccTitle(value) } else { Token::AccDescr(value) }, start);
                }
                if !is_title && let Some(block) = after_gap.strip_prefix('{') {
                    let lead = span(block, char::is_whitespace);
                    let body = &block[lead..];
                    let len = span(body, |c| c != '}');
                    let closed = usize::from(body[len..].starts_with('}'));
                    self.pos += 8 + gap + 1 + lead + len + closed;
                    return (Token::AccDescr(body[..len].to_owned()), start);
                }
            }
            if starts_with_ignore_case(rest, "section") {
                let after = &rest[7..];
                if let Some(space) = after.chars().next().filter(|c| c.is_whitespace()) {
                    let body = &after[space.len_utf8()..];
                    let len = span(body, |c| !matches!(c, '#' | ':' | '\n' | ';'));
                    if len > 0 {
                        self.pos += 7 + space.len_utf8() + len;
                        return (Token::Section(body[..len].to_owned()), start);
                    }
                }
            }
            let len = span(rest, |c| !matches!(c, '#' | ':' | '\n' | ';'));
            if len > 0 {
                self.pos += len;
                return (Token::TaskName(rest[..len].to_owned()), start);
            }
            if let Some(data) = rest.strip_prefix(':') {
                let len = span(data, |c| !matches!(c, '#' | '\n' | ';'));
                self.pos += 1 + len;
                if len > 0 {
                    return (Token::TaskData(data[..len].to_owned()), start);
                }
                return (Token::Colon, start);
            }
            let invalid = rest.chars().next().unwrap_or('?');
            self.pos += invalid.len_utf8();
            return (Token::Invalid(invalid), start);
        }
    }
}

/// JavaScript's `Number(text)`: whitespace trimmed, empty is 0, decimal, hexadecimal, octal or
/// binary literals and `Infinity`; anything else is `NaN`.
#[must_use]
pub fn js_number(text: &str) -> f64 {
    let t = text.trim();
    if t.is_empty() {
        return 0.0;
    }
    let (sign, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if unsigned == "Infinity" {
        return sign * f64::INFINITY;
    }
    for (prefix, radix) in [("0x", 16), ("0X", 16), ("0o", 8), ("0O", 8), ("0b", 2), ("0B", 2)] {
        if let Some(digits) = t.strip_prefix(prefix) {
            // Only unsigned prefixed literals are numbers in JavaScript.
            return u64::from_str_radix(digits, radix).map_or(f64::NAN, |v| v as f64);
        }
    }
    let decimal = unsigned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && unsigned.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '.');
    if !decimal {
        return f64::NAN;
    }
    unsigned.parse::<f64>().map_or(f64::NAN, |v| sign * v)
}

/// Parses a Mermaid journey.
///
/// # Errors
/// A [`MermaidError`] naming the line when the text is not a journey diagram or breaks its
/// grammar (no `journey` header, a task without `: score`, a stray character).
pub fn parse(text: &str) -> Result<Journey, MermaidError> {
    let (prepared, front_title) = prepare(text);
    let mut lexer = Lexer::new(&prepared);
    let error = |lexer: &Lexer<'_>, at: usize, message: String| {
        let (line, column) = lexer.position(at);
        MermaidError { line, column, message }
    };
    let (mut token, mut at) = lexer.next();
    while token == Token::Newline {
        (token, at) = lexer.next();
    }
    match &token {
        Token::Journey => {}
        Token::Eof => {
            return Err(error(&lexer, at, "the text is empty: a journey starts with `journey`".to_owned()));
        }
        _ => {
            let found: String = prepared[at..].lines().next().unwrap_or("").chars().take(40).collect();
            return Err(error(
                &lexer,
                at,
                format!("not a Mermaid journey: expected `journey`, found `{}`", found.trim()),
            ));
        }
    }
    let mut journey = Journey::default();
    if let Some((title, line)) = front_title {
        journey.title = title;
        journey.lines.title = line;
    }
    loop {
        let (token, at) = lexer.next();
        match token {
            Token::Eof => return Ok(journey),
            Token::Newline => {}
            Token::Title(title) => {
                journey.title = title;
                journey.lines.title = lexer.line(at);
            }
            Token::AccTitle(value) => {
                value.trim().clone_into(&mut journey.acc_title);
                journey.lines.acc_title = lexer.line(at);
            }
            Token::AccDescr(value) => {
                journey.acc_descr = dedent_block(&value);
                journey.lines.acc_descr = lexer.line(at);
            }
            Token::Section(name) => {
                journey.sections.push(name);
                journey.section_lines.push(lexer.line(at));
            }
            Token::TaskName(name) => {
                let (data, data_at) = lexer.next();
                let Token::TaskData(data) = data else {
                    let what = preview(&name);
                    return Err(error(
                        &lexer,
                        data_at.max(at),
                        format!("the task `{what}` has no score: write it as `{what}: 5: Actor, Actor`"),
                    ));
                };
                let pieces: Vec<&str> = data.split(':').collect();
                let score = js_number(pieces.first().copied().unwrap_or(""));
                let actors = pieces
                    .get(1)
                    .map_or_else(Vec::new, |a| a.split(',').map(|s| s.trim().to_owned()).collect());
                let section = journey.sections.len().checked_sub(1);
                let line = lexer.line(at);
                journey.tasks.push(Task { section, name, score, actors, line });
            }
            Token::Journey => {
                return Err(error(&lexer, at, "a second `journey` header: one diagram per text".to_owned()));
            }
            Token::TaskData(_) | Token::Colon => {
                return Err(error(&lexer, at, "a `:` without a task name before it".to_owned()));
            }
            Token::Invalid(c) => return Err(error(&lexer, at, format!("unexpected character `{c}`"))),
        }
    }
}

/// A multi-line accessible description as Mermaid keeps it: lines trimmed, blank ends dropped.
fn dedent_block(value: &str) -> String {
    value.lines().map(str::trim).collect::<Vec<_>>().join("\n").trim().to_owned()
}

/// A name as Wayline keeps it: `<br>`, `<br/>`, `<br />` (any case, any spacing) as line
/// breaks, each line trimmed, and the guards of [`from_map`] removed.
#[must_use]
pub fn line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // One pass: each `<` is looked at once, so a long name full of tags stays linear.
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        if starts_with_ignore_case(after, "br") {
            let tail = &after[2..];
            let inside = span(tail, |c| c.is_whitespace() || c == '/');
            if tail[inside..].starts_with('>') {
                out.push('\n');
                rest = &tail[inside + 1..];
                continue;
            }
        }
        out.push('<');
        rest = after;
    }
    out.push_str(rest);
    // Guards go only after the tags are read: a guard inside `<br` keeps it text.
    let out = out.replace(GUARD, "");
    out.lines().map(str::trim).collect::<Vec<_>>().join("\n").trim().to_owned()
}

/// A one-line text (title, actor) as Wayline keeps it: guards removed, trimmed.
fn one_line_text(text: &str) -> String {
    text.replace(GUARD, "").trim().to_owned()
}

/// A task's score as the card's felt emotion (1..5 → −2..+2), warning when the score is off
/// the scale (clamped) or not a number (unknown).
fn felt_emotion(task: &Task, warnings: &mut Vec<ImportWarning>) -> Option<f32> {
    let score = if task.score.is_finite() {
        if (1.0..=5.0).contains(&task.score) {
            Some(task.score)
        } else {
            let clamped = task.score.clamp(1.0, 5.0);
            warnings.push(ImportWarning {
                line: task.line,
                message: format!(
                    "the score {} of `{}` is outside 1 to 5; it is read as {clamped}",
                    task.score,
                    preview(&task.name)
                ),
            });
            Some(clamped)
        }
    } else {
        warnings.push(ImportWarning {
            line: task.line,
            message: format!(
                "the score of `{}` is not a number; the emotion is left unknown",
                preview(&task.name)
            ),
        });
        None
    };
    #[allow(clippy::cast_possible_truncation, reason = "a score between 1 and 5")]
    score.map(|s| (s - 3.0) as f32)
}

/// The owners a journey's actors become: one person per distinct name, found by name in a hash
/// map so a journey with many actors imports in linear time.
struct Actors {
    owners: Vec<Owner>,
    by_name: HashMap<String, OwnerId>,
    colours: OwnerColours,
}

impl Actors {
    /// The owner named `name` (already cut to length), created on first sight.
    fn id(&mut self, name: String, ids: &mut crate::model::IdAllocator) -> OwnerId {
        if let Some(id) = self.by_name.get(&name) {
            return *id;
        }
        let id = ids.owner();
        let colour = self.colours.next_colour();
        self.by_name.insert(name.clone(), id);
        self.owners.push(Owner { id, name, kind: OwnerKind::Person, colour, ..Owner::default() });
        id
    }
}

/// Turns a parsed journey into a study with one typical map; returns the warnings about
/// anything adjusted (scores off the 1–5 scale, scores that are not numbers, text cut to
/// [`MAX_NAME_CHARS`] or [`MAX_TEXT_CHARS`]).
#[must_use]
pub fn to_study(journey: &Journey) -> (Study, Vec<ImportWarning>) {
    let mut warnings = Vec::new();
    let (title, title_line) = [
        (one_line_text(&journey.title), journey.lines.title),
        (one_line_text(&journey.acc_title), journey.lines.acc_title),
    ]
    .into_iter()
    .find(|(t, _)| !t.is_empty())
    .unwrap_or_else(|| ("Imported journey".to_owned(), 0));
    let mut title = title;
    limit_chars(&mut title, MAX_NAME_CHARS, title_line, "the title", &mut warnings);
    let mut study = Study { meta: Meta { title: title.clone(), ..Meta::default() }, ..Study::default() };
    let mut ids = study.id_allocator();
    let map_id = ids.map();
    let mut stages: Vec<Stage> = journey
        .sections
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let mut name = line_breaks(name);
            let line = journey.section_lines.get(index).copied().unwrap_or(0);
            limit_chars(&mut name, MAX_NAME_CHARS, line, "the section name", &mut warnings);
            Stage { id: ids.stage(), name, ..Stage::default() }
        })
        .collect();
    let mut loose = Vec::new();
    let mut actors = Actors { owners: Vec::new(), by_name: HashMap::new(), colours: OwnerColours::new([]) };
    for task in &journey.tasks {
        let mut card_owners: Vec<OwnerId> = Vec::new();
        // A set keeps a task with a very long list of actors linear.
        let mut seen = std::collections::HashSet::new();
        for actor in &task.actors {
            let mut name = one_line_text(actor);
            if name.is_empty() {
                continue;
            }
            limit_chars(&mut name, MAX_NAME_CHARS, task.line, "the actor name", &mut warnings);
            let id = actors.id(name, &mut ids);
            if seen.insert(id) {
                card_owners.push(id);
            }
        }
        let elicited = felt_emotion(task, &mut warnings);
        let mut title = line_breaks(&task.name);
        limit_chars(&mut title, MAX_NAME_CHARS, task.line, "the task name", &mut warnings);
        let card = Card {
            id: ids.card(),
            title,
            accountable: card_owners.first().copied(),
            owners: card_owners,
            emotion: Emotion { elicited, desired: None },
            ..Card::default()
        };
        match task.section.and_then(|s| stages.get_mut(s)) {
            Some(stage) => stage.cards.push(card),
            None => loose.push(card),
        }
    }
    if !loose.is_empty() {
        stages.insert(
            0,
            Stage {
                id: ids.stage(),
                name: "Before the first section".to_owned(),
                cards: loose,
                ..Stage::default()
            },
        );
    }
    study.owners = actors.owners;
    let mut description = [journey.acc_title.trim(), journey.acc_descr.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let description_line =
        if journey.acc_descr.trim().is_empty() { journey.lines.acc_title } else { journey.lines.acc_descr };
    limit_chars(&mut description, MAX_TEXT_CHARS, description_line, "the description", &mut warnings);
    study.maps.push(JourneyMap {
        id: map_id,
        title,
        kind: MapKind::Typical,
        description,
        stages,
        ..JourneyMap::default()
    });
    (study, warnings)
}

/// An invisible mark that keeps Mermaid from reading text as a keyword, a comment or a line
/// break; imports remove it again.
const GUARD: char = '\u{200B}';

/// Where a text goes in a journey: each place has its own characters with a meaning.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The `title` line: `:` is plain text there.
    Title,
    /// A section or task name: `:` ends it.
    Name,
    /// An actor in a task's list: `:` and `,` end it.
    Actor,
}

/// The lines of `text` as Mermaid can carry them: line breaks of any kind split lines; control
/// characters other than tab, and the guard, are dropped; each line is trimmed.
fn carried_lines(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(String::new());
            }
            GUARD => {}
            c if c.is_control() && c != '\t' => {}
            c => {
                if let Some(line) = lines.last_mut() {
                    line.push(c);
                }
            }
        }
    }
    lines.into_iter().map(|l| l.trim().to_owned()).collect()
}

/// One trimmed line with the characters `place` gives a meaning replaced by look-alikes, and
/// guards inside `%%` and `<br`.
fn escape_line(line: &str, place: Place) -> String {
    let mut out = String::with_capacity(line.len());
    for (at, c) in line.char_indices() {
        let next = &line[at + c.len_utf8()..];
        match c {
            ':' if place != Place::Title => out.push('∶'),
            ',' if place == Place::Actor => out.push('‚'),
            '#' => out.push('＃'),
            ';' => out.push('；'),
            // `%%` starts a comment anywhere in a line; `<br>` would become a line break.
            '%' if next.starts_with('%') => {
                out.push('%');
                out.push(GUARD);
            }
            '<' if starts_with_ignore_case(next, "br") => {
                out.push('<');
                out.push(GUARD);
            }
            c => out.push(c),
        }
    }
    out
}

/// A section or task name: lines joined by `<br/>`, blank lines at either end dropped.
fn escape_name(text: &str) -> String {
    let lines = carried_lines(text);
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.is_empty()).map_or(first, |l| l + 1);
    lines[first..last].iter().map(|l| escape_line(l, Place::Name)).collect::<Vec<_>>().join("<br/>")
}

/// A title or an actor: one line, its lines joined by spaces.
fn escape_one_line(text: &str, place: Place) -> String {
    let lines = carried_lines(text);
    let kept: Vec<&str> = lines.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
    escape_line(&kept.join(" "), place)
}

/// A task name Mermaid will read as a task, not as a keyword.
fn task_name(text: &str) -> String {
    let name = escape_name(text);
    let lower = name.to_ascii_lowercase();
    let keyword = ["journey", "acctitle", "accdescr"].iter().any(|k| lower.starts_with(k))
        || ["title", "section"]
            .iter()
            .any(|k| lower.strip_prefix(k).is_some_and(|rest| rest.starts_with(char::is_whitespace)));
    if keyword { format!("{GUARD}{name}") } else { name }
}

/// A map as a Mermaid journey: stages as sections, cards as tasks with their felt emotion as a
/// 1–5 score (3 when unknown) and their owners as actors, recommendations as `%%` notes. What the text keeps of each name is
/// in the module's documentation.
#[must_use]
pub fn from_map(study: &Study, map: &JourneyMap) -> String {
    let mut out = String::from("journey\n");
    let title = escape_one_line(&map.title, Place::Title);
    if !title.is_empty() {
        let _ = writeln!(out, "    title {title}");
    }
    // Owners by id once, not a search per card.
    let owners: HashMap<OwnerId, String> =
        study.owners.iter().map(|o| (o.id, escape_one_line(&o.name, Place::Actor))).collect();
    for stage in &map.stages {
        let name = escape_name(&stage.name);
        let _ =
            writeln!(out, "    section {}", if name.is_empty() { "Untitled stage".to_owned() } else { name });
        for card in &stage.cards {
            let name = task_name(&card.title);
            let name = if name.is_empty() { "Untitled".to_owned() } else { name };
            let score =
                card.emotion.elicited.filter(|e| e.is_finite()).map_or(3.0, |e| (e + 3.0).clamp(1.0, 5.0));
            let score =
                if (score - score.round()).abs() < 1e-6 { format!("{score:.0}") } else { format!("{score}") };
            let mut ordered: Vec<OwnerId> = card.accountable.into_iter().collect();
            ordered.extend(card.owners.iter().filter(|o| Some(**o) != card.accountable));
            let actors: Vec<&str> = ordered
                .iter()
                .filter_map(|id| owners.get(id))
                .map(String::as_str)
                .filter(|n| !n.is_empty())
                .collect();
            if actors.is_empty() {
                let _ = writeln!(out, "      {name}: {score}");
            } else {
                let _ = writeln!(out, "      {name}: {score}: {}", actors.join(", "));
            }
            write_recommendation_notes(&mut out, study, &card.recommendations);
        }
        write_recommendation_notes(&mut out, study, &stage.recommendations);
    }
    out
}

/// Recommendations as `%%` notes under their task or section: Mermaid shows nothing of them,
/// but a reader of the text (and a diff) sees the action plan with owner and due date.
fn write_recommendation_notes(out: &mut String, study: &Study, list: &[crate::model::Recommendation]) {
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for recommendation in list {
        let mut facts =
            vec![recommendation.priority.label().to_owned(), recommendation.status.label().to_lowercase()];
        if let Some(owner) = recommendation.owner.and_then(|id| study.owner(id)) {
            facts.push(flat(&owner.name));
        }
        if let Some(due) = recommendation.due {
            facts.push(format!("due {due}"));
        }
        let _ =
            writeln!(out, "      %% Recommendation ({}): {}", facts.join(", "), flat(&recommendation.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendations_become_notes_that_import_skips() {
        let mut study = crate::templates::find("starter").unwrap().study().unwrap();
        let stage = &mut study.maps[0].stages[0];
        stage.recommendations = vec![crate::model::Recommendation {
            text: "Call within\na day %% now".to_owned(),
            due: "2026-03-31".parse().ok(),
            ..Default::default()
        }];
        let text = from_map(&study, &study.maps[0]);
        assert!(
            text.contains("%% Recommendation (Medium, proposed, due 2026-03-31): Call within a day %% now"),
            "{text}"
        );
        let back = parse(&text).unwrap();
        assert_eq!(back.tasks.len(), study.maps[0].card_count());
    }

    #[test]
    fn reads_the_documented_example() {
        let text = "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n      Do work: 1: Me, Cat\n    section Go home\n      Sit down: 5: Me";
        let journey = parse(text).unwrap();
        assert_eq!(journey.title, "My working day");
        assert_eq!(journey.sections, ["Go to work", "Go home"]);
        assert_eq!(journey.tasks.len(), 3);
        assert_eq!(journey.tasks[1].actors, ["Me", "Cat"]);
        assert_eq!(journey.tasks[1].line, 5);
        let (study, warnings) = to_study(&journey);
        assert!(warnings.is_empty());
        assert_eq!(study.owners.len(), 2);
        assert_eq!(study.maps[0].stages[0].cards[1].emotion.elicited, Some(-2.0));
    }

    #[test]
    fn a_comment_glued_to_a_line_break_is_skipped_not_looped_on() {
        assert!(parse("\r%%c\ntitle\n\r\n%%{\naccTitle: t\nsection S").is_err());
        assert_eq!(parse("journey\n%%c\nsection S\nA: 5").unwrap().tasks.len(), 1);
    }

    #[test]
    fn javascript_numbers() {
        assert!((js_number(" 5") - 5.0).abs() < f64::EPSILON);
        assert!(js_number("").abs() < f64::EPSILON);
        assert!((js_number("0x10") - 16.0).abs() < f64::EPSILON);
        assert!((js_number("1e1") - 10.0).abs() < f64::EPSILON);
        assert!(js_number("2rem").is_nan());
        assert!(js_number("inf").is_nan());
        assert!(js_number("Infinity").is_infinite());
    }

    #[test]
    fn errors_name_their_line() {
        assert_eq!(parse("graph TD\nA-->B").unwrap_err().line, 1);
        assert_eq!(parse("journey\ntitle T\nsection S\nNo colon here\n").unwrap_err().line, 4);
        assert!(parse("   \n  ").unwrap_err().message.contains("empty"));
        assert_eq!(parse("journey\nsection S\nTask: 5; oops").unwrap_err().line, 3);
    }

    #[test]
    fn out_of_scale_and_non_numeric_scores_warn() {
        let (study, warnings) = to_study(&parse("journey\nsection S\nA: 9: X\nB: soon: X\nC: 0").unwrap());
        assert_eq!(warnings.len(), 3);
        assert_eq!(warnings[0].line, 3);
        let cards: Vec<_> = study.maps[0].cards().map(|c| c.emotion.elicited).collect();
        assert_eq!(cards, [Some(2.0), None, Some(-2.0)]);
    }

    #[test]
    fn export_guards_comments_tags_and_keywords_and_import_removes_the_guards() {
        let mut study = crate::templates::find("starter").unwrap().study().unwrap();
        study.maps[0].title = "Q3: 100%% \r\n<br> done\0".to_owned();
        study.maps[0].stages[0].name = "a%%%b\r\rc".to_owned();
        let card = &mut study.maps[0].stages[0].cards[0];
        card.title = "section <BR/> is text\u{7}".to_owned();
        let text = from_map(&study, &study.maps[0]);
        assert!(!text.contains("%%") && !text.contains('\r') && !text.contains('\0'), "{text:?}");
        let (back, _) = to_study(&parse(&text).unwrap());
        assert_eq!(back.maps[0].title, "Q3: 100%% <br> done");
        assert_eq!(back.maps[0].stages[0].name, "a%%%b\n\nc");
        assert_eq!(back.maps[0].stages[0].cards[0].title, "section <BR/> is text");
    }

    #[test]
    fn line_breaks_are_read_in_one_pass() {
        assert_eq!(line_breaks("a<br>b<BR />c< br>d<br x>e<b"), "a\nb\nc< br>d<br x>e<b");
        assert_eq!(line_breaks("<\u{200B}br>"), "<br>");
    }

    #[test]
    fn export_replaces_what_mermaid_cannot_carry() {
        let mut study = crate::templates::find("starter").unwrap().study().unwrap();
        study.maps[0].stages[0].cards[0].title = "Step 1: call #2; then".to_owned();
        let text = from_map(&study, &study.maps[0]);
        assert!(text.contains("Step 1∶ call ＃2； then"));
        let back = parse(&text).unwrap();
        assert_eq!(back.tasks.len(), study.maps[0].card_count());
    }
}
