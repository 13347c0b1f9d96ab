//! Generators of arbitrary studies, shared by the property tests.

use proptest::prelude::*;
use wayline::model::*;

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z ,.'-]{0,24}",
        2 => any::<String>(),
        1 => prop::sample::select(vec![
            "<script>&amp;\"quoted\" 'single' ]]> </svg>".to_owned(),
            "multi\nline\r\nwith\ttabs and \\ backslashes \\n".to_owned(),
            "שלום עולם — RTL".to_owned(),
            "客户旅程地图 🚚📦 emoji".to_owned(),
            "\u{0}\u{1b}[31m control \u{7f}".to_owned(),
            "r#\"raw\"# (parens) [brackets] {braces}".to_owned(),
            "the customer's \\' \\\\' '' \\".to_owned(),
            String::new(),
        ]),
    ]
}

pub fn real_f32() -> impl Strategy<Value = f32> {
    use prop::num::f32;
    prop_oneof![
        (1u8..=10).prop_map(std::primitive::f32::from),
        f32::POSITIVE | f32::NEGATIVE | f32::NORMAL | f32::SUBNORMAL | f32::ZERO | f32::INFINITE,
    ]
}

pub fn real_f64() -> impl Strategy<Value = f64> {
    use prop::num::f64;
    f64::POSITIVE | f64::NEGATIVE | f64::NORMAL | f64::SUBNORMAL | f64::ZERO | f64::INFINITE
}

pub fn id() -> impl Strategy<Value = u32> {
    prop_oneof![1u32..50, any::<u32>()]
}

pub fn view_scores() -> impl Strategy<Value = ViewScores> {
    (prop::option::of(real_f32()), prop::option::of(real_f32()))
        .prop_map(|(internal, customer)| ViewScores { internal, customer })
}

pub fn emotion() -> impl Strategy<Value = Emotion> {
    (prop::option::of(real_f32()), prop::option::of(real_f32()))
        .prop_map(|(elicited, desired)| Emotion { elicited, desired })
}

pub fn metric() -> impl Strategy<Value = Metric> {
    (text(), prop::option::of(real_f64()), prop::option::of(real_f64()), text(), any::<bool>()).prop_map(
        |(name, value, target, unit, higher_is_better)| Metric {
            name,
            value,
            target,
            unit,
            higher_is_better,
        },
    )
}

pub fn recommendation() -> impl Strategy<Value = Recommendation> {
    (
        text(),
        prop::option::of(id()),
        prop::sample::select(Priority::ALL.to_vec()),
        prop::sample::select(Status::ALL.to_vec()),
        prop::option::of(date()),
    )
        .prop_map(|(text, owner, priority, status, due)| Recommendation {
            text,
            owner: owner.map(OwnerId),
            priority,
            status,
            due,
        })
}

pub fn flags() -> impl Strategy<Value = Flags> {
    any::<[bool; 4]>().prop_map(|[pain_point, moment_of_delight, moment_of_truth, bottleneck]| Flags {
        pain_point,
        moment_of_delight,
        moment_of_truth,
        bottleneck,
    })
}

pub fn card() -> impl Strategy<Value = Card> {
    let identity = (id(), text(), text(), text(), prop::collection::vec(id(), 0..4), prop::option::of(id()));
    let scores = (flags(), view_scores(), view_scores(), emotion(), prop::collection::vec(metric(), 0..3));
    let rest = (
        prop::option::of((real_f32(), prop::sample::select(TimeUnit::ALL.to_vec()))),
        prop::collection::vec(recommendation(), 0..3),
        text(),
        prop::option::of(id()),
    );
    (identity, scores, rest).prop_map(
        |(
            (id, title, description, channel, owners, accountable),
            (flags, importance, performance, emotion, metrics),
            (duration, recommendations, notes, detail),
        )| Card {
            id: CardId(id),
            title,
            description,
            channel,
            owners: owners.into_iter().map(OwnerId).collect(),
            accountable: accountable.map(OwnerId),
            flags,
            importance,
            performance,
            emotion,
            metrics,
            duration: duration.map(|(amount, unit)| Duration { amount, unit }),
            recommendations,
            notes,
            detail: detail.map(MapId),
        },
    )
}

pub fn stage() -> impl Strategy<Value = Stage> {
    (
        id(),
        text(),
        text(),
        emotion(),
        prop::collection::vec(metric(), 0..2),
        prop::collection::vec(recommendation(), 0..2),
        prop::collection::vec(card(), 0..4),
    )
        .prop_map(|(id, name, goal, emotion, metrics, recommendations, cards)| Stage {
            id: StageId(id),
            name,
            goal,
            emotion,
            metrics,
            recommendations,
            cards,
        })
}

pub fn link() -> impl Strategy<Value = Link> {
    (id(), id(), id(), prop::sample::select(LinkKind::ALL.to_vec()), text()).prop_map(
        |(id, from, to, kind, label)| Link {
            id: LinkId(id),
            from: CardId(from),
            to: CardId(to),
            kind,
            label,
        },
    )
}

pub fn journey_map() -> impl Strategy<Value = JourneyMap> {
    (
        (
            id(),
            text(),
            prop::sample::select(MapKind::ALL.to_vec()),
            prop::sample::select(MapState::ALL.to_vec()),
        ),
        prop::option::of(id()),
        prop::option::of((id(), prop::collection::vec(id(), 0..3))),
        text(),
        prop::collection::vec(stage(), 0..4),
        prop::collection::vec(link(), 0..4),
        prop::collection::vec(id(), 0..3),
    )
        .prop_map(|((id, title, kind, state), persona, focus, description, stages, links, lanes)| {
            JourneyMap {
                id: MapId(id),
                title,
                kind,
                state,
                persona: persona.map(PersonaId),
                focus: focus.map(|(map, cards)| Focus {
                    map: MapId(map),
                    cards: cards.into_iter().map(CardId).collect(),
                }),
                description,
                stages,
                links,
                lane_order: lanes.into_iter().map(OwnerId).collect(),
            }
        })
}

pub fn owner() -> impl Strategy<Value = Owner> {
    (
        id(),
        text(),
        prop::sample::select(OwnerKind::ALL.to_vec()),
        any::<[u8; 3]>(),
        prop::option::of(id()),
        text(),
    )
        .prop_map(|(id, name, kind, [r, g, b], parent, notes)| Owner {
            id: OwnerId(id),
            name,
            kind,
            colour: Colour::rgb(r, g, b),
            parent: parent.map(OwnerId),
            notes,
        })
}

pub fn persona() -> impl Strategy<Value = Persona> {
    let lines = || prop::collection::vec(text(), 0..3);
    (id(), text(), text(), prop::sample::select(SegmentKind::ALL.to_vec()), text(), lines(), lines(), lines())
        .prop_map(|(id, name, role, kind, description, goals, motivations, frustrations)| Persona {
            id: PersonaId(id),
            name,
            role,
            segment: Segment { kind, description },
            goals,
            motivations,
            frustrations,
        })
}

pub fn date() -> impl Strategy<Value = Date> {
    (1900i32..2200, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap())
}

pub fn study() -> impl Strategy<Value = Study> {
    let meta =
        (text(), text(), text(), prop::option::of(date()), prop::option::of(date()), any::<u32>(), text())
            .prop_map(
                |(title, organisation, author, created, last_reviewed, review_interval_months, notes)| Meta {
                    title,
                    organisation,
                    author,
                    created,
                    last_reviewed,
                    review_interval_months,
                    notes,
                },
            );
    (
        meta,
        prop::collection::vec(owner(), 0..5),
        prop::collection::vec(persona(), 0..3),
        prop::collection::vec(journey_map(), 0..3),
    )
        .prop_map(|(meta, owners, personas, maps)| Study {
            format_version: FORMAT_VERSION,
            meta,
            owners,
            personas,
            maps,
        })
}

/// Studies whose cards often have a detail map that exists (its own map now and then), so
/// roll-ups are drawn and reported: each card's detail is set from `picks`, one per card in
/// study order, to a map of the study (`Some(i)` modulo the number of maps) or none.
pub fn study_with_details() -> impl Strategy<Value = Study> {
    (study(), prop::collection::vec(prop::option::weighted(0.5, any::<usize>()), 0..64)).prop_map(
        |(mut study, picks)| {
            let ids: Vec<MapId> = study.maps.iter().map(|m| m.id).collect();
            let mut picks = picks.into_iter().cycle();
            for card in
                study.maps.iter_mut().flat_map(|m| m.stages.iter_mut()).flat_map(|s| s.cards.iter_mut())
            {
                card.detail = picks.next().flatten().and_then(|i| ids.get(i % ids.len().max(1)).copied());
            }
            study
        },
    )
}
