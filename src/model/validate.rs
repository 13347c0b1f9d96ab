//! Checking a study for broken references and impossible values.
//!
//! [`validate`] never stops at the first problem: it walks the whole study in file order and
//! reports every problem with where it is. **Errors** are things that make the study wrong
//! (a reference to nothing, a score off its scale, two elements sharing an id); **warnings**
//! are things a careful author would want to know (an empty title, a touchpoint with owners
//! but nobody accountable).

use super::card::{Card, Metric, Recommendation};
use super::scales::{EMOTION_RANGE, Emotion, SCORE_RANGE, ViewScores, in_range};
use super::{CardId, JourneyMap, Link, LinkId, MapId, OwnerId, PersonaId, Stage, StageId, Study};
use serde::Serialize;
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

/// The readable path of a location, from its ids: written only for problems, not for every
/// element checked, because most elements have none.
fn describe(study: &Study, at: &Location) -> String {
    if let Some(id) = at.owner {
        return named("owner", study.owner(id).map_or("", |o| o.name.as_str()), id);
    }
    if let Some(id) = at.persona {
        return named("persona", study.persona(id).map_or("", |p| p.name.as_str()), id);
    }
    let Some(map_id) = at.map else { return "study".to_owned() };
    let map = study.map(map_id);
    let mut path = named("map", map.map_or("", |m| m.title.as_str()), map_id);
    if let Some(id) = at.stage {
        let name = map.and_then(|m| m.stage(id)).map_or("", |s| s.name.as_str());
        path = format!("{path} > {}", named("stage", name, id));
    }
    if let Some(id) = at.card {
        let noun = map.map_or("card", |m| m.kind.card_noun());
        let title = map.and_then(|m| m.card(id)).map_or("", |c| c.title.as_str());
        path = format!("{path} > {}", named(noun, title, id));
    }
    if let Some(id) = at.link {
        path = format!("{path} > link {id}");
    }
    path
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

/// Every problem of the study, in file order. An empty list means the study is clean; a list
/// with warnings only means it is valid.
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
    if name.trim().is_empty() { format!("{kind} {id} (untitled)") } else { format!("{kind} {name:?}") }
}

struct Validator<'a> {
    study: &'a Study,
    problems: Vec<Problem>,
    owners: HashSet<OwnerId>,
    personas: HashSet<PersonaId>,
    maps: HashSet<MapId>,
    /// Which map each card id is on (the first, when an id is used twice).
    card_maps: HashMap<CardId, MapId>,
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
        Self {
            study,
            problems: Vec::new(),
            owners: study.owners.iter().map(|o| o.id).collect(),
            personas: study.personas.iter().map(|p| p.id).collect(),
            maps: study.maps.iter().map(|m| m.id).collect(),
            card_maps,
            seen_stages: HashSet::new(),
            seen_cards: HashSet::new(),
            seen_links: HashSet::new(),
        }
    }

    fn error(&mut self, location: &Location, message: String) {
        self.push(Severity::Error, location, message);
    }

    fn warning(&mut self, location: &Location, message: String) {
        self.push(Severity::Warning, location, message);
    }

    fn push(&mut self, severity: Severity, location: &Location, message: String) {
        let mut location = location.clone();
        if location.path.is_empty() {
            location.path = describe(self.study, &location);
        }
        self.problems.push(Problem { severity, message, location });
    }

    /// Reports an unassigned id or one already used by an element of the same kind.
    fn id<T: Copy + Eq + std::hash::Hash + fmt::Display>(
        &mut self,
        id: T,
        assigned: bool,
        seen: &mut HashSet<T>,
        kind: &str,
        at: &Location,
    ) {
        if !assigned {
            self.error(at, format!("this {kind} has no id (ids start at 1)"));
        } else if !seen.insert(id) {
            self.error(at, format!("duplicate id: another {kind} already uses {id}"));
        }
    }

    fn owner_ref(&mut self, owner: OwnerId, role: &str, at: &Location) {
        if !self.owners.contains(&owner) {
            self.error(at, format!("{role} {owner} is not an owner of this study"));
        }
    }

    fn meta(&mut self) {
        let meta = &self.study.meta;
        let at = Location::study();
        if meta.title.trim().is_empty() {
            self.warning(&at, "the study has no title".to_owned());
        }
        if meta.review_interval_months == 0 {
            self.warning(
                &at,
                "the review interval is 0 months: the study is always due for review".to_owned(),
            );
        } else if meta.review_interval_months > 24 {
            self.warning(
                &at,
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
                &at,
                format!("last reviewed on {reviewed}, before the study was created on {created}"),
            );
        }
    }

    fn owners(&mut self) {
        let mut seen = HashSet::new();
        let mut names: HashMap<String, OwnerId> = HashMap::new();
        for owner in &self.study.owners {
            let at = Location { owner: Some(owner.id), ..Location::default() };
            self.id(owner.id, owner.id.is_assigned(), &mut seen, "owner", &at);
            let key = owner.name.trim().to_lowercase();
            if key.is_empty() {
                self.warning(&at, "the owner has no name".to_owned());
            } else if let Some(first) = names.get(&key) {
                self.warning(&at, format!("another owner ({first}) has the same name"));
            } else {
                names.insert(key, owner.id);
            }
            if let Some(parent) = owner.parent {
                if parent == owner.id {
                    self.error(&at, "the owner is its own parent".to_owned());
                } else {
                    self.owner_ref(parent, "parent", &at);
                    if let Some(cycle) = self.parent_cycle(owner.id) {
                        self.error(&at, format!("the owner is nested inside itself: {cycle}"));
                    }
                }
            }
        }
    }

    /// The chain of names back to `start`, if following parents from `start` returns to it.
    fn parent_cycle(&self, start: OwnerId) -> Option<String> {
        let mut chain = vec![start];
        let mut current = self.study.owner(start)?.parent;
        while let Some(id) = current {
            if id == start {
                chain.push(start);
                let names: Vec<String> = chain
                    .iter()
                    .map(|id| self.study.owner(*id).map_or_else(|| id.to_string(), |o| o.name.clone()))
                    .collect();
                return Some(names.join(" > "));
            }
            if chain.contains(&id) || chain.len() > self.study.owners.len() {
                return None; // a cycle further up, reported at its own members
            }
            chain.push(id);
            current = self.study.owner(id)?.parent;
        }
        None
    }

    fn personas(&mut self) {
        let mut seen = HashSet::new();
        for persona in &self.study.personas {
            let at = Location { persona: Some(persona.id), ..Location::default() };
            self.id(persona.id, persona.id.is_assigned(), &mut seen, "persona", &at);
            if persona.name.trim().is_empty() {
                self.warning(&at, "the persona has no name".to_owned());
            }
        }
    }

    fn map(&mut self, map: &JourneyMap) {
        let at = Location { map: Some(map.id), ..Location::default() };
        let mut seen_maps = HashSet::new();
        for other in &self.study.maps {
            if std::ptr::eq(other, map) {
                break;
            }
            seen_maps.insert(other.id);
        }
        self.id(map.id, map.id.is_assigned(), &mut seen_maps, "map", &at);
        if map.title.trim().is_empty() {
            self.warning(&at, "the map has no title".to_owned());
        }
        if let Some(persona) = map.persona
            && !self.personas.contains(&persona)
        {
            self.error(&at, format!("persona {persona} is not a persona of this study"));
        }
        self.focus(map, &at);
        if map.stages.is_empty() {
            self.warning(&at, "the map has no stages".to_owned());
        }
        for stage in &map.stages {
            self.stage(map, stage, &at);
        }
        let mut pairs = HashSet::new();
        for link in &map.links {
            self.link(map, link, &at, &mut pairs);
        }
    }

    fn focus(&mut self, map: &JourneyMap, at: &Location) {
        let Some(focus) = &map.focus else { return };
        if !self.maps.contains(&focus.map) {
            self.error(at, format!("the map zooms into {}, which is not a map of this study", focus.map));
            return;
        }
        if focus.map == map.id {
            self.error(at, "the map zooms into itself".to_owned());
            return;
        }
        if focus.cards.is_empty() {
            self.warning(at, "the map's focus names a map but no touchpoints".to_owned());
        }
        for card in &focus.cards {
            match self.card_maps.get(card) {
                None => self.error(at, format!("the map zooms into {card}, which does not exist")),
                Some(on) if *on != focus.map => {
                    self.error(
                        at,
                        format!("the map zooms into {card}, which is on {on}, not on {}", focus.map),
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn stage(&mut self, map: &JourneyMap, stage: &Stage, map_at: &Location) {
        let at = Location { stage: Some(stage.id), ..map_at.clone() };
        let mut seen = std::mem::take(&mut self.seen_stages);
        self.id(stage.id, stage.id.is_assigned(), &mut seen, "stage", &at);
        self.seen_stages = seen;
        if stage.name.trim().is_empty() {
            self.warning(&at, "the stage has no name".to_owned());
        }
        self.emotion(&stage.emotion, &at);
        self.metrics(&stage.metrics, &at);
        self.recommendations(&stage.recommendations, &at);
        for card in &stage.cards {
            self.card(map, card, &at);
        }
    }

    fn card(&mut self, map: &JourneyMap, card: &Card, stage_at: &Location) {
        let noun = map.kind.card_noun();
        let at = Location { card: Some(card.id), ..stage_at.clone() };
        let mut seen = std::mem::take(&mut self.seen_cards);
        self.id(card.id, card.id.is_assigned(), &mut seen, "card", &at);
        self.seen_cards = seen;
        if card.title.trim().is_empty() {
            self.warning(&at, format!("the {noun} has no title"));
        }
        let mut listed = HashSet::new();
        for &owner in &card.owners {
            self.owner_ref(owner, "owner", &at);
            if !listed.insert(owner) {
                self.warning(&at, format!("owner {owner} is listed twice"));
            }
        }
        match card.accountable {
            Some(accountable) if !self.owners.contains(&accountable) => {
                self.owner_ref(accountable, "accountable owner", &at);
            }
            Some(accountable) if !card.owners.contains(&accountable) => {
                let name = self.study.owner(accountable).map_or("", |o| o.name.as_str());
                self.error(&at, format!("the accountable owner {name:?} is not among the {noun}'s owners"));
            }
            None if !card.owners.is_empty() => {
                self.warning(&at, format!("the {noun} has owners but none is marked accountable"));
            }
            _ => {}
        }
        self.view_scores("importance", card.importance, &at);
        self.view_scores("performance", card.performance, &at);
        self.emotion(&card.emotion, &at);
        self.metrics(&card.metrics, &at);
        if let Some(duration) = card.duration
            && !(duration.amount.is_finite() && duration.amount >= 0.0)
        {
            self.error(&at, format!("the duration {} is not a length of time", duration.amount));
        }
        self.recommendations(&card.recommendations, &at);
        if let Some(detail) = card.detail {
            if !self.maps.contains(&detail) {
                self.error(&at, format!("the detail map {detail} is not a map of this study"));
            } else if detail == map.id {
                self.warning(&at, format!("the {noun} is detailed by the map it is on"));
            }
        }
    }

    fn view_scores(&mut self, what: &str, scores: ViewScores, at: &Location) {
        for (view, value) in [("internal", scores.internal), ("customer", scores.customer)] {
            if !in_range(value, &SCORE_RANGE) {
                self.error(at, format!("{what} ({view} view) is {}, outside the scale 1 to 10", show(value)));
            }
        }
    }

    fn emotion(&mut self, emotion: &Emotion, at: &Location) {
        for (which, value) in [("elicited", emotion.elicited), ("desired", emotion.desired)] {
            if !in_range(value, &EMOTION_RANGE) {
                self.error(at, format!("{which} emotion is {}, outside the scale -2 to +2", show(value)));
            }
        }
    }

    fn metrics(&mut self, metrics: &[Metric], at: &Location) {
        for metric in metrics {
            let label = if metric.name.trim().is_empty() {
                "a metric".to_owned()
            } else {
                format!("metric {:?}", metric.name)
            };
            if metric.name.trim().is_empty() {
                self.warning(at, "a metric has no name".to_owned());
            }
            for (what, value) in [("value", metric.value), ("target", metric.target)] {
                if value.is_some_and(|v| !v.is_finite()) {
                    self.error(at, format!("the {what} of {label} is not a number"));
                }
            }
        }
    }

    fn recommendations(&mut self, recommendations: &[Recommendation], at: &Location) {
        for recommendation in recommendations {
            if recommendation.text.trim().is_empty() {
                self.warning(at, "a recommendation has no text".to_owned());
            }
            if let Some(owner) = recommendation.owner {
                self.owner_ref(owner, "the recommendation's owner", at);
            }
        }
    }

    fn link(
        &mut self,
        map: &JourneyMap,
        link: &Link,
        map_at: &Location,
        pairs: &mut HashSet<(CardId, CardId, super::LinkKind)>,
    ) {
        let at = Location { link: Some(link.id), ..map_at.clone() };
        let mut seen = std::mem::take(&mut self.seen_links);
        self.id(link.id, link.id.is_assigned(), &mut seen, "link", &at);
        self.seen_links = seen;
        for (end, card) in [("starts at", link.from), ("points to", link.to)] {
            match self.card_maps.get(&card) {
                // Looked up in the index, not by scanning the map: links × cards adds up.
                Some(on) if *on == map.id => {}
                Some(other) => {
                    self.error(&at, format!("the link {end} {card}, which is on {other}, not on this map"));
                }
                None => self.error(&at, format!("the link {end} {card}, which does not exist")),
            }
        }
        if link.from == link.to {
            self.warning(&at, "the link connects a card to itself".to_owned());
        } else if !pairs.insert((link.from, link.to, link.kind)) {
            self.warning(&at, format!("another link already joins {} to {}", link.from, link.to));
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
