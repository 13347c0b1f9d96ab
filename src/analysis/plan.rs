//! The action plan: a map's recommendations (its stages' own and its cards') as one numbered
//! list, per stage, most urgent first, each keyed to the card it fixes.

use crate::model::{CardId, JourneyMap, Recommendation, StageId, Status};

/// One recommendation in the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Action<'a> {
    /// Its number, counting from 1 across the map in plan order.
    pub number: usize,
    /// The stage it belongs to (the stage it is on, or the stage of its card).
    pub stage: StageId,
    /// The card it fixes, when it is a card's recommendation.
    pub card: Option<CardId>,
    /// The recommendation itself.
    pub recommendation: &'a Recommendation,
}

/// Where a status falls in the plan's order: proposed, agreed, done.
fn status_rank(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).unwrap_or(Status::ALL.len())
}

/// How urgent a recommendation is, as the plan sorts: priority (high first), then status
/// (proposed, agreed, done), then due date (the earliest first, none last).
#[must_use]
pub fn urgency(
    recommendation: &Recommendation,
) -> (crate::model::Priority, usize, bool, Option<crate::model::Date>) {
    (
        recommendation.priority,
        status_rank(recommendation.status),
        recommendation.due.is_none(),
        recommendation.due,
    )
}

/// The plan of `map`: one list per stage in spine order, each sorted by [`urgency`], ties in
/// file order (the stage's own first,
/// then its cards' in card order), numbered 1, 2, 3… across the map.
#[must_use]
pub fn action_plan(map: &JourneyMap) -> Vec<Vec<Action<'_>>> {
    let mut number = 0;
    map.stages
        .iter()
        .map(|stage| {
            let mut actions: Vec<Action<'_>> = stage
                .recommendations
                .iter()
                .map(|r| (None, r))
                .chain(stage.cards.iter().flat_map(|c| c.recommendations.iter().map(|r| (Some(c.id), r))))
                .map(|(card, recommendation)| Action { number: 0, stage: stage.id, card, recommendation })
                .collect();
            actions.sort_by_key(|a| urgency(a.recommendation));
            for action in &mut actions {
                number += 1;
                action.number = number;
            }
            actions
        })
        .collect()
}

/// The numbers of the plan's actions per card they fix, in plan order: one pass over the
/// plan, for drawing every card's keys.
#[must_use]
pub fn keys_by_card(plan: &[Vec<Action<'_>>]) -> std::collections::HashMap<CardId, Vec<usize>> {
    let mut keys: std::collections::HashMap<CardId, Vec<usize>> = std::collections::HashMap::new();
    for action in plan.iter().flatten() {
        if let Some(card) = action.card {
            keys.entry(card).or_default().push(action.number);
        }
    }
    keys
}

/// The numbers of the plan's actions that fix `card`, in plan order.
#[must_use]
pub fn card_keys(plan: &[Vec<Action<'_>>], card: CardId) -> Vec<usize> {
    plan.iter().flatten().filter(|a| a.card == Some(card)).map(|a| a.number).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Priority, Stage};

    fn rec(text: &str, priority: Priority, status: Status) -> Recommendation {
        Recommendation { text: text.to_owned(), priority, status, ..Recommendation::default() }
    }

    #[test]
    fn sorted_by_priority_then_status_and_numbered_across_the_map() {
        let map = JourneyMap {
            stages: vec![
                Stage {
                    id: StageId(1),
                    recommendations: vec![
                        rec("low", Priority::Low, Status::Proposed),
                        rec("high done", Priority::High, Status::Done),
                    ],
                    cards: vec![Card {
                        id: CardId(7),
                        recommendations: vec![rec("high proposed", Priority::High, Status::Proposed)],
                        ..Card::default()
                    }],
                    ..Stage::default()
                },
                Stage {
                    id: StageId(2),
                    recommendations: vec![rec("medium", Priority::Medium, Status::Agreed)],
                    ..Stage::default()
                },
            ],
            ..JourneyMap::default()
        };
        let plan = action_plan(&map);
        let order: Vec<(usize, &str)> =
            plan.iter().flatten().map(|a| (a.number, a.recommendation.text.as_str())).collect();
        assert_eq!(order, vec![(1, "high proposed"), (2, "high done"), (3, "low"), (4, "medium")]);
        assert_eq!(plan[0][0].card, Some(CardId(7)));
        assert_eq!(card_keys(&plan, CardId(7)), vec![1]);
        assert!(card_keys(&plan, CardId(8)).is_empty());
        assert_eq!(keys_by_card(&plan).get(&CardId(7)), Some(&vec![1]));
    }
}
