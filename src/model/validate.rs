//! Checking a study for broken references and impossible values.
//!
//! [`validate`] never stops at the first problem: it walks the whole study in file order and
//! reports every problem with where it is. **Errors** are things that make the study wrong
//! (a reference to nothing, a score off its scale, two elements sharing an id, a name longer
//! than [`MAX_NAME_CHARS`] or a text longer than [`MAX_TEXT_CHARS`]); **warnings**
//! are things a careful author would want to know (an empty title, a touchpoint with owners
//! but nobody accountable).

use super::card::{Card, Metric, Recommendation};
use super::distinct::{MIN_CONTRAST_ON_PAPER, NEAR_IDENTICAL, oklab, oklab_delta_e, shows_on_paper};
use super::scales::{EMOTION_RANGE, Emotion, SCORE_RANGE, ViewScores, in_range};
use super::{
    CardId, Colour, JourneyMap, Link, LinkId, MapId, Owner, OwnerId, Persona, PersonaId, Stage, StageId,
    Study,
};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The study is wrong: a broken reference, a duplicate id, a value off its scale.
    Error,
    /// The study is valid but probably not what the author meant.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// Where in a study a problem is: the ids of the elements on the way to it (so an editor can
/// select it) and a readable path such as `map "Shipper journey" > stage "Onboarding" >
/// card "Kick-off call"`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The map the problem is on, if any.
    pub map: Option<MapId>,
    /// The stage the problem is in, if any.
    pub stage: Option<StageId>,
    /// The card the problem is on, if any.
    pub card: Option<CardId>,
    /// The link the problem is on, if any.
    pub link: Option<LinkId>,
    /// The owner the problem is on, if any.
    pub owner: Option<OwnerId>,
    /// The persona the problem is on, if any.
    pub persona: Option<PersonaId>,
    path: String,
}

impl Location {
    /// The study as a whole (its title, dates and other meta data).
    #[must_use]
    pub fn study() -> Self {
        Self { path: "study".to_owned(), ..Self::default() }
    }

    /// The readable path to the element.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)
    }
}

/// One thing wrong with a study.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in a sentence without a trailing period.
    pub message: String,
    /// Where it is.
    pub location: Location,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (at {})", self.severity, self.message, self.location)
    }
}

/// The longest a title or name may be, in characters: titles of the study, maps and cards,
/// names of stages, owners, personas and metrics, the organisation, author, role, channel,
/// metric unit and link label. A name is a line on a poster; anything longer is a paste gone
/// wrong, and it would slow every view of the study down. Imports cut names to this length.
pub const MAX_NAME_CHARS: usize = 10_000;

/// The longest a long text may be, in characters: descriptions, notes, customer goals, a
/// persona's goals, motivations and frustrations, and the text of recommendations. That is
/// some fifty pages of prose; imports cut texts to this length.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// How many characters of a name a path or message quotes before cutting it with `…`.
const QUOTED_CHARS: usize = 80;

/// How many owners a message shows of a cycle of parents before cutting it with `…`.
const CHAIN_OWNERS: usize = 8;

/// Every problem of the study, in file order. An empty list means the study is clean; a list
/// with warnings only means it is valid.
///
/// The time taken grows linearly with the size of the study (ids are looked up in indexes
/// built once, cycles of owners are found in one walk over the parents), so a study built by
/// a script or an attacker cannot stall whoever opens it.
#[must_use]
pub fn validate(study: &Study) -> Vec<Problem> {
    let mut validator = Validator::new(study);
    validator.meta();
    validator.owners();
    validator.personas();
    for map in &study.maps {
        validator.map(map);
    }
    validator.problems
}

/// `"name"`, or the id when the name is blank, for paths and messages.
fn named(kind: &str, name: &str, id: impl fmt::Display) -> String {
    if name.trim().is_empty() {
        format!("{kind} {id} (untitled)")
    } else {
        format!("{kind} {:?}", short(name))
    }
}

/// `name` cut to [`QUOTED_CHARS`] characters, so a pasted novel as a title does not repeat in
/// full in the path of every problem under it.
fn short(name: &str) -> Cow<'_, str> {
    match name.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", &name[..end])),
        None => Cow::Borrowed(name),
    }
}

/// How many owners of one cell of the colour grid are compared with a new owner. Owners in one
/// cell are close in colour, so a new owner near the cell is near one of the first few; the cap
/// keeps a study with thousands of similar colours from comparing every pair.
const OWNERS_PER_CELL: usize = 16;

/// For each owner whose colour a reader cannot tell from that of an owner listed before it
/// in the study and shown with it on a map (on the cards of one map), that earlier owner and
/// the difference (ΔE in Oklab). Only owners that share a map matter: a poster and its legend
/// show the owners of one map, and a large organisation has more owners than colours that far
/// apart. Each map's owners go into a grid over Oklab space and are compared with those in
/// nearby cells only, so the time taken stays linear in the cards.
fn colour_twins<'a>(
    study: &'a Study,
    owners: &HashMap<OwnerId, &'a Owner>,
) -> HashMap<OwnerId, (&'a Owner, f32)> {
    let order: HashMap<OwnerId, usize> =
        study.owners.iter().enumerate().map(|(i, o)| (o.id, i)).rev().collect();
    let mut twins: HashMap<OwnerId, (&'a Owner, f32)> = HashMap::new();
    for map in &study.maps {
        // Each owner once (a map names the same few owners thousands of times), in study order.
        let mut distinct: HashSet<OwnerId> = HashSet::new();
        let mut shown: Vec<&'a Owner> = map
            .cards()
            .flat_map(|card| card.owners.iter().chain(&card.accountable))
            .filter(|id| distinct.insert(**id))
            .filter_map(|id| owners.get(id).copied())
            .collect();
        shown.sort_by_key(|owner| order.get(&owner.id).copied().unwrap_or(usize::MAX));
        shown.dedup_by_key(|owner| owner.id);
        let mut grid: HashMap<[i32; 3], Vec<(&'a Owner, [f32; 3])>> = HashMap::new();
        for owner in shown {
            let lab = oklab(owner.colour);
            let cell = colour_cell(lab);
            let twin = neighbour_cells(cell)
                .filter_map(|near| grid.get(&near))
                .flatten()
                .map(|(other, other_lab)| (*other, oklab_delta_e(lab, *other_lab)))
                .filter(|(_, difference)| *difference < NEAR_IDENTICAL)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(twin) = twin {
                twins.entry(owner.id).or_insert(twin);
            }
            let cell_owners = grid.entry(cell).or_default();
            if cell_owners.len() < OWNERS_PER_CELL {
                cell_owners.push((owner, lab));
            }
        }
    }
    twins
}

/// The cell of a grid over Oklab space (cells [`NEAR_IDENTICAL`] wide) that holds the colour
/// with Oklab coordinates `lab`: any colour closer than that lies in the same or an adjacent
/// cell.
fn colour_cell([l, a, b]: [f32; 3]) -> [i32; 3] {
    #[allow(
        clippy::cast_possible_truncation,
        reason = "Oklab coordinates are within ±2, so the cells are small"
    )]
    let cell = |v: f32| (v * 100.0 / NEAR_IDENTICAL).floor() as i32;
    [cell(l), cell(a), cell(b)]
}

/// `cell` and the 26 cells around it.
fn neighbour_cells(cell: [i32; 3]) -> impl Iterator<Item = [i32; 3]> {
    (-1..=1).flat_map(move |dl| {
        (-1..=1).flat_map(move |da| (-1..=1).map(move |db| [cell[0] + dl, cell[1] + da, cell[2] + db]))
    })
}

/// The element being checked, as references to it and what contains it. The readable path is
/// written from these only when there is a problem, so it names the element actually at fault
/// (even when its id is shared) without searching the study for it.
#[derive(Clone, Copy, Default)]
struct At<'a> {
    owner: Option<&'a Owner>,
    persona: Option<&'a Persona>,
    map: Option<&'a JourneyMap>,
    stage: Option<&'a Stage>,
    card: Option<&'a Card>,
    link: Option<&'a Link>,
}

impl At<'_> {
    fn location(&self) -> Location {
        Location {
            map: self.map.map(|m| m.id),
            stage: self.stage.map(|s| s.id),
            card: self.card.map(|c| c.id),
            link: self.link.map(|l| l.id),
            owner: self.owner.map(|o| o.id),
            persona: self.persona.map(|p| p.id),
            path: self.describe(),
        }
    }

    fn describe(&self) -> String {
        if let Some(owner) = self.owner {
            return named("owner", &owner.name, owner.id);
        }
        if let Some(persona) = self.persona {
            return named("persona", &persona.name, persona.id);
        }
        let Some(map) = self.map else { return "study".to_owned() };
        let mut path = named("map", &map.title, map.id);
        if let Some(stage) = self.stage {
            path = format!("{path} > {}", named("stage", &stage.name, stage.id));
        }
        if let Some(card) = self.card {
            path = format!("{path} > {}", named(map.kind.card_noun(), &card.title, card.id));
        }
        if let Some(link) = self.link {
            path = format!("{path} > link {}", link.id);
        }
        path
    }
}

/// The owners nested inside themselves: the cycles of the parent links, each listed from the
/// owner the walk met first, every owner followed by its parent.
#[derive(Default)]
struct Cycles {
    /// For each owner on a cycle, which cycle and where in it.
    member: HashMap<OwnerId, (usize, usize)>,
    cycles: Vec<Vec<OwnerId>>,
}

impl Cycles {
    /// Every cycle of two or more owners (an owner that is its own parent is reported as
    /// such). Each owner is walked once: a walk stops at an owner an earlier walk finished,
    /// and meeting an owner of the current walk again closes a cycle.
    fn find(study: &Study, owners: &HashMap<OwnerId, &Owner>) -> Self {
        enum Walk {
            OnPath(usize),
            Done,
        }
        // Parents are followed through the first owner with each id, as references are.
        let parent = |id: OwnerId| owners.get(&id).and_then(|o| o.parent).filter(|p| owners.contains_key(p));
        let mut found = Self::default();
        let mut walked: HashMap<OwnerId, Walk> = HashMap::with_capacity(owners.len());
        let mut path = Vec::new();
        for owner in &study.owners {
            let mut current = Some(owner.id);
            while let Some(id) = current {
                match walked.get(&id) {
                    Some(Walk::Done) => break,
                    Some(Walk::OnPath(position)) => {
                        let cycle = path[*position..].to_vec();
                        if cycle.len() > 1 {
                            let index = found.cycles.len();
                            for (at, id) in cycle.iter().enumerate() {
                                found.member.insert(*id, (index, at));
                            }
                            found.cycles.push(cycle);
                        }
                        break;
                    }
                    None => {
                        walked.insert(id, Walk::OnPath(path.len()));
                        path.push(id);
                        current = parent(id);
                    }
                }
            }
            for id in path.drain(..) {
                walked.insert(id, Walk::Done);
            }
        }
        found
    }

    /// The owners from `id` up its parents and back to `id`, at most [`CHAIN_OWNERS`] of them.
    fn chain(&self, id: OwnerId, name: impl Fn(OwnerId) -> String) -> Option<String> {
        let &(index, position) = self.member.get(&id)?;
        let cycle = self.cycles.get(index)?;
        let around = cycle[position..].iter().chain(&cycle[..position]).copied();
        if cycle.len() <= CHAIN_OWNERS {
            let mut names: Vec<String> = around.map(&name).collect();
            names.push(name(id));
            return Some(names.join(" > "));
        }
        let mut names: Vec<String> = around.take(CHAIN_OWNERS - 1).map(&name).collect();
        names.push("…".to_owned());
        names.push(name(id));
        Some(format!("{} ({} owners)", names.join(" > "), crate::words::thousands(cycle.len())))
    }
}

/// The owners listed on one card so far: a short list searched in place (a card has a few
/// owners), a set once it grows, so a card listing thousands stays linear.
#[derive(Default)]
struct Listed {
    few: Vec<OwnerId>,
    many: HashSet<OwnerId>,
}

impl Listed {
    /// Adds `owner`; false when it was listed already.
    fn insert(&mut self, owner: OwnerId) -> bool {
        const FEW: usize = 8;
        if self.few.len() < FEW {
            if self.few.contains(&owner) {
                return false;
            }
            self.few.push(owner);
            return true;
        }
        !self.few.contains(&owner) && self.many.insert(owner)
    }

    fn contains(&self, owner: OwnerId) -> bool {
        self.few.contains(&owner) || self.many.contains(&owner)
    }
}

/// How to fix a map's focus, as the messages about it say.
const FOCUS_FIX: &str = "choose what it details under Details in the map's inspector (click empty canvas)";
/// How to fix a card's detail map.
const DETAIL_FIX: &str = "choose another detail map in the card's inspector, or None";

struct Validator<'a> {
    study: &'a Study,
    problems: Vec<Problem>,
    /// The first owner with each id, as references find it.
    owners: HashMap<OwnerId, &'a Owner>,
    personas: HashSet<PersonaId>,
    maps: HashSet<MapId>,
    /// Which map each card id is on (the first, when an id is used twice).
    card_maps: HashMap<CardId, MapId>,
    seen_maps: HashSet<MapId>,
    seen_stages: HashSet<StageId>,
    seen_cards: HashSet<CardId>,
    seen_links: HashSet<LinkId>,
}

impl<'a> Validator<'a> {
    fn new(study: &'a Study) -> Self {
        let mut card_maps = HashMap::new();
        for map in &study.maps {
            for card in map.cards() {
                card_maps.entry(card.id).or_insert(map.id);
            }
        }
        let mut owners = HashMap::with_capacity(study.owners.len());
        for owner in &study.owners {
            owners.entry(owner.id).or_insert(owner);
        }
        Self {
            study,
            problems: Vec::new(),
            owners,
            personas: study.personas.iter().map(|p| p.id).collect(),
            maps: study.maps.iter().map(|m| m.id).collect(),
            card_maps,
            seen_maps: HashSet::new(),
            seen_stages: HashSet::new(),
            seen_cards: HashSet::new(),
            seen_links: HashSet::new(),
        }
    }

    fn error(&mut self, at: At<'a>, message: String) {
        self.problems.push(Problem { severity: Severity::Error, message, location: at.location() });
    }

    fn warning(&mut self, at: At<'a>, message: String) {
        self.problems.push(Problem { severity: Severity::Warning, message, location: at.location() });
    }

    /// Reports an unassigned id or one already used by an element of the same kind.
    fn id<T: Copy + Eq + std::hash::Hash + fmt::Display>(
        &mut self,
        id: T,
        assigned: bool,
        seen: &mut HashSet<T>,
        kind: &str,
        at: At<'a>,
    ) {
        if !assigned {
            self.error(at, format!("this {kind} has no id (ids start at 1)"));
        } else if !seen.insert(id) {
            self.error(at, format!("duplicate id: another {kind} already uses {id}"));
        }
    }

    /// Reports a text longer than `limit` characters ([`MAX_NAME_CHARS`] or
    /// [`MAX_TEXT_CHARS`]); `what` names the field.
    fn length(&mut self, at: At<'a>, what: impl fmt::Display, text: &str, limit: usize) {
        // A character takes at least one byte, so only a text of more bytes than the limit
        // needs counting.
        if text.len() <= limit {
            return;
        }
        let chars = text.chars().count();
        if chars > limit {
            self.error(
                at,
                format!(
                    "{} characters in {what}, more than the {} allowed",
                    crate::words::thousands(chars),
                    crate::words::thousands(limit)
                ),
            );
        }
    }

    fn owner_ref(&mut self, owner: OwnerId, role: &str, at: At<'a>) {
        if !self.owners.contains_key(&owner) {
            self.error(at, format!("{role} {owner} is not an owner of this study"));
        }
    }

    fn meta(&mut self) {
        let meta = &self.study.meta;
        let at = At::default();
        if meta.title.trim().is_empty() {
            self.warning(at, "the study has no title".to_owned());
        }
        self.length(at, "the study's title", &meta.title, MAX_NAME_CHARS);
        self.length(at, "the organisation", &meta.organisation, MAX_NAME_CHARS);
        self.length(at, "the author", &meta.author, MAX_NAME_CHARS);
        self.length(at, "the study's notes", &meta.notes, MAX_TEXT_CHARS);
        if meta.review_interval_months == 0 {
            self.warning(
                at,
                "the review interval is 0 months: the study is always due for review".to_owned(),
            );
        } else if meta.review_interval_months > 24 {
            self.warning(
                at,
                format!(
                    "the review interval is {} months; journey maps go stale after a year or two",
                    meta.review_interval_months
                ),
            );
        }
        if let (Some(created), Some(reviewed)) = (meta.created, meta.last_reviewed)
            && reviewed < created
        {
            self.warning(
                at,
                format!("last reviewed on {reviewed}, before the study was created on {created}"),
            );
        }
    }

    fn owners(&mut self) {
        let cycles = Cycles::find(self.study, &self.owners);
        let twins = colour_twins(self.study, &self.owners);
        let mut seen = HashSet::new();
        let mut names: HashMap<String, OwnerId> = HashMap::new();
        for owner in &self.study.owners {
            let at = At { owner: Some(owner), ..At::default() };
            self.id(owner.id, owner.id.is_assigned(), &mut seen, "owner", at);
            let key = owner.name.trim().to_lowercase();
            if key.is_empty() {
                self.warning(at, "the owner has no name".to_owned());
            } else if let Some(first) = names.get(&key) {
                self.warning(at, format!("another owner ({first}) has the same name"));
            } else {
                names.insert(key, owner.id);
            }
            self.length(at, "the name", &owner.name, MAX_NAME_CHARS);
            self.length(at, "the notes", &owner.notes, MAX_TEXT_CHARS);
            self.owner_colour(owner, at, &twins);
            if let Some(parent) = owner.parent {
                if parent == owner.id {
                    self.error(at, "the owner is its own parent".to_owned());
                } else {
                    self.owner_ref(parent, "parent", at);
                    let owners = &self.owners;
                    let name = |id: OwnerId| match owners.get(&id) {
                        Some(o) if !o.name.trim().is_empty() => short(&o.name).into_owned(),
                        _ => id.to_string(),
                    };
                    if let Some(chain) = cycles.chain(owner.id, name) {
                        self.error(at, format!("the owner is nested inside itself: {chain}"));
                    }
                }
            }
        }
    }

    /// Warns about an owner colour too pale to show on white paper, and about one a reader
    /// cannot tell from the colour of an owner shown with it on a map (`twins`, from
    /// [`colour_twins`]), naming both owners.
    fn owner_colour(&mut self, owner: &'a Owner, at: At<'a>, twins: &HashMap<OwnerId, (&'a Owner, f32)>) {
        if !shows_on_paper(owner.colour) {
            // Rounded down, so a ratio just under the limit never reads as the limit.
            let ratio = (owner.colour.contrast_ratio(Colour::rgb(0xFF, 0xFF, 0xFF)) * 10.0).floor() / 10.0;
            self.warning(
                at,
                format!(
                    "{} has the colour {}, with a contrast of only {ratio:.1}:1 against white (under the {MIN_CONTRAST_ON_PAPER}:1 a chip or bar needs to show on paper); choose a darker colour",
                    named("owner", &owner.name, owner.id),
                    owner.colour,
                ),
            );
        }
        if let Some((other, difference)) = twins.get(&owner.id) {
            let (this, that) = (named("owner", &owner.name, owner.id), named("owner", &other.name, other.id));
            let message = if owner.colour == other.colour {
                format!(
                    "{this} and {that} share a map and have the same colour ({}); give each owner its own colour",
                    owner.colour
                )
            } else {
                format!(
                    "{this} ({}) and {that} ({}) share a map and have colours readers cannot tell apart (ΔE {difference:.1} in Oklab, under {NEAR_IDENTICAL}); choose colours further apart",
                    owner.colour, other.colour
                )
            };
            self.warning(at, message);
        }
    }

    fn personas(&mut self) {
        let mut seen = HashSet::new();
        for persona in &self.study.personas {
            let at = At { persona: Some(persona), ..At::default() };
            self.id(persona.id, persona.id.is_assigned(), &mut seen, "persona", at);
            if persona.name.trim().is_empty() {
                self.warning(at, "the persona has no name".to_owned());
            }
            self.length(at, "the name", &persona.name, MAX_NAME_CHARS);
            self.length(at, "the role", &persona.role, MAX_NAME_CHARS);
            self.length(at, "the segment's description", &persona.segment.description, MAX_TEXT_CHARS);
            for (what, texts) in [
                ("goal", &persona.goals),
                ("motivation", &persona.motivations),
                ("frustration", &persona.frustrations),
            ] {
                for (index, text) in texts.iter().enumerate() {
                    self.length(at, format_args!("{what} {}", index + 1), text, MAX_TEXT_CHARS);
                }
            }
        }
    }

    fn map(&mut self, map: &'a JourneyMap) {
        let at = At { map: Some(map), ..At::default() };
        let mut seen = std::mem::take(&mut self.seen_maps);
        self.id(map.id, map.id.is_assigned(), &mut seen, "map", at);
        self.seen_maps = seen;
        if map.title.trim().is_empty() {
            self.warning(at, "the map has no title".to_owned());
        }
        self.length(at, "the map's title", &map.title, MAX_NAME_CHARS);
        self.length(at, "the map's description", &map.description, MAX_TEXT_CHARS);
        if let Some(persona) = map.persona
            && !self.personas.contains(&persona)
        {
            self.error(at, format!("persona {persona} is not a persona of this study"));
        }
        self.focus(map, at);
        if map.stages.is_empty() {
            self.warning(at, "the map has no stages".to_owned());
        }
        for stage in &map.stages {
            self.stage(map, stage, at);
        }
        let mut pairs = HashSet::new();
        for link in &map.links {
            self.link(map, link, at, &mut pairs);
        }
    }

    /// A map's title as a message quotes it.
    fn map_name(&self, id: MapId) -> String {
        self.study.map(id).map_or_else(|| id.to_string(), |m| format!("{:?}", short(&m.title)))
    }

    /// Whether a map's focus names touchpoints that are all on another map of the study (the
    /// problems of one that does not are reported on the map itself).
    fn focus_is_sound(&self, map: MapId, focus: &super::Focus) -> bool {
        focus.map != map
            && self.maps.contains(&focus.map)
            && !focus.cards.is_empty()
            && focus.cards.iter().all(|c| self.card_maps.get(c) == Some(&focus.map))
    }

    fn focus(&mut self, map: &'a JourneyMap, at: At<'a>) {
        let Some(focus) = &map.focus else { return };
        if !self.maps.contains(&focus.map) {
            self.error(
                at,
                format!(
                    "the map details touchpoints of {}, which is not a map of this study: {FOCUS_FIX}, or set it to Nothing",
                    focus.map
                ),
            );
            return;
        }
        if focus.map == map.id {
            self.error(at, format!("the map details its own touchpoints: {FOCUS_FIX}"));
            return;
        }
        let above = self.map_name(focus.map);
        if focus.cards.is_empty() {
            self.warning(
                at,
                format!("the map details {above} but none of its touchpoints: tick the ones it details under Details in the map's inspector"),
            );
        }
        for card in &focus.cards {
            match self.card_maps.get(card) {
                None => self.error(
                    at,
                    format!("the map details {card} of {above}, which no longer exists: untick it under Details in the map's inspector"),
                ),
                Some(on) if *on != focus.map => {
                    let on = self.map_name(*on);
                    self.error(
                        at,
                        format!("the map details {card}, which is on {on}, not on {above}: {FOCUS_FIX}"),
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn stage(&mut self, map: &'a JourneyMap, stage: &'a Stage, map_at: At<'a>) {
        let at = At { stage: Some(stage), ..map_at };
        let mut seen = std::mem::take(&mut self.seen_stages);
        self.id(stage.id, stage.id.is_assigned(), &mut seen, "stage", at);
        self.seen_stages = seen;
        if stage.name.trim().is_empty() {
            self.warning(at, "the stage has no name".to_owned());
        }
        self.length(at, "the stage's name", &stage.name, MAX_NAME_CHARS);
        self.length(at, "the customer goal", &stage.goal, MAX_TEXT_CHARS);
        self.emotion(&stage.emotion, at);
        self.metrics(&stage.metrics, at);
        self.recommendations(&stage.recommendations, at);
        for card in &stage.cards {
            self.card(map, card, at);
        }
    }

    fn card(&mut self, map: &'a JourneyMap, card: &'a Card, stage_at: At<'a>) {
        let noun = map.kind.card_noun();
        let at = At { card: Some(card), ..stage_at };
        let mut seen = std::mem::take(&mut self.seen_cards);
        self.id(card.id, card.id.is_assigned(), &mut seen, "card", at);
        self.seen_cards = seen;
        if card.title.trim().is_empty() {
            self.warning(at, format!("the {noun} has no title"));
        }
        self.length(at, format_args!("the {noun}'s title"), &card.title, MAX_NAME_CHARS);
        self.length(at, "the channel", &card.channel, MAX_NAME_CHARS);
        self.length(at, format_args!("the {noun}'s description"), &card.description, MAX_TEXT_CHARS);
        self.length(at, format_args!("the {noun}'s notes"), &card.notes, MAX_TEXT_CHARS);
        let mut listed = Listed::default();
        for &owner in &card.owners {
            self.owner_ref(owner, "owner", at);
            if !listed.insert(owner) {
                self.warning(at, format!("owner {owner} is listed twice"));
            }
        }
        match card.accountable {
            Some(accountable) if !self.owners.contains_key(&accountable) => {
                self.owner_ref(accountable, "accountable owner", at);
            }
            Some(accountable) if !listed.contains(accountable) => {
                let name = self.owners.get(&accountable).map_or(Cow::Borrowed(""), |o| short(&o.name));
                let message = format!("the accountable owner {name:?} is not among the {noun}'s owners");
                self.error(at, message);
            }
            None if !card.owners.is_empty() => {
                self.warning(at, format!("the {noun} has owners but none is marked accountable"));
            }
            _ => {}
        }
        self.view_scores("importance", card.importance, at);
        self.view_scores("performance", card.performance, at);
        self.emotion(&card.emotion, at);
        self.metrics(&card.metrics, at);
        if let Some(duration) = card.duration
            && !(duration.amount.is_finite() && duration.amount >= 0.0)
        {
            self.error(at, format!("the duration {} is not a length of time", duration.amount));
        }
        self.recommendations(&card.recommendations, at);
        if let Some(detail) = card.detail {
            if !self.maps.contains(&detail) {
                self.error(
                    at,
                    format!("the {noun}'s detail map ({detail}) is not a map of this study: {DETAIL_FIX}"),
                );
            } else if detail == map.id {
                self.warning(at, format!("the {noun} is detailed by the map it is on: {DETAIL_FIX}"));
            } else if let Some(focus) = self.study.map(detail).and_then(|m| m.focus.as_ref())
                && self.focus_is_sound(detail, focus)
                && !(focus.map == map.id && focus.cards.contains(&card.id))
            {
                let name = self.map_name(detail);
                self.warning(
                    at,
                    format!("the {noun} opens {name} as its detail map, but that map details other touchpoints: tick this one under Details in that map's inspector, or {DETAIL_FIX}"),
                );
            }
        }
    }

    fn view_scores(&mut self, what: &str, scores: ViewScores, at: At<'a>) {
        for (view, value) in [("internal", scores.internal), ("customer", scores.customer)] {
            if !in_range(value, &SCORE_RANGE) {
                self.error(at, format!("{what} ({view} view) is {}, outside the scale 1 to 10", show(value)));
            }
        }
    }

    fn emotion(&mut self, emotion: &Emotion, at: At<'a>) {
        for (which, value) in [("elicited", emotion.elicited), ("desired", emotion.desired)] {
            if !in_range(value, &EMOTION_RANGE) {
                self.error(at, format!("{which} emotion is {}, outside the scale -2 to +2", show(value)));
            }
        }
    }

    fn metrics(&mut self, metrics: &[Metric], at: At<'a>) {
        for metric in metrics {
            let label = if metric.name.trim().is_empty() {
                "a metric".to_owned()
            } else {
                format!("metric {:?}", short(&metric.name))
            };
            if metric.name.trim().is_empty() {
                self.warning(at, "a metric has no name".to_owned());
            }
            self.length(at, "the name of a metric", &metric.name, MAX_NAME_CHARS);
            self.length(at, format_args!("the unit of {label}"), &metric.unit, MAX_NAME_CHARS);
            for (what, value) in [("value", metric.value), ("target", metric.target)] {
                if value.is_some_and(|v| !v.is_finite()) {
                    self.error(at, format!("the {what} of {label} is not a number"));
                }
            }
        }
    }

    fn recommendations(&mut self, recommendations: &[Recommendation], at: At<'a>) {
        for recommendation in recommendations {
            if recommendation.text.trim().is_empty() {
                self.warning(at, "a recommendation has no text".to_owned());
            }
            self.length(at, "the text of a recommendation", &recommendation.text, MAX_TEXT_CHARS);
            if let Some(owner) = recommendation.owner {
                self.owner_ref(owner, "the recommendation's owner", at);
            }
        }
    }

    fn link(
        &mut self,
        map: &'a JourneyMap,
        link: &'a Link,
        map_at: At<'a>,
        pairs: &mut HashSet<(CardId, CardId, super::LinkKind)>,
    ) {
        let at = At { link: Some(link), ..map_at };
        let mut seen = std::mem::take(&mut self.seen_links);
        self.id(link.id, link.id.is_assigned(), &mut seen, "link", at);
        self.seen_links = seen;
        self.length(at, "the link's label", &link.label, MAX_NAME_CHARS);
        for (end, card) in [("starts at", link.from), ("points to", link.to)] {
            match self.card_maps.get(&card) {
                // Looked up in the index, not by scanning the map: links × cards adds up.
                Some(on) if *on == map.id => {}
                Some(other) => {
                    self.error(at, format!("the link {end} {card}, which is on {other}, not on this map"));
                }
                None => self.error(at, format!("the link {end} {card}, which does not exist")),
            }
        }
        if link.from == link.to {
            self.warning(at, "the link connects a card to itself".to_owned());
        } else if !pairs.insert((link.from, link.to, link.kind)) {
            self.warning(at, format!("another link already joins {} to {}", link.from, link.to));
        }
    }
}

fn show(value: Option<f32>) -> String {
    value.map_or_else(|| "unknown".to_owned(), |v| v.to_string())
}

/// A warning when the study is due for review on `today`: the method asks for maps to be
/// checked against reality every [`Meta::review_interval_months`](super::Meta) months.
#[must_use]
pub fn review_warning(study: &Study, today: super::Date) -> Option<Problem> {
    let due = study.meta.review_due()?;
    if due > today {
        return None;
    }
    let since = match study.meta.last_reviewed {
        Some(date) => format!("last reviewed on {date}"),
        None => format!("created on {} and never reviewed", study.meta.created?),
    };
    Some(Problem {
        severity: Severity::Warning,
        message: format!("the study is due for review: {since}, due on {due}"),
        location: Location::study(),
    })
}
