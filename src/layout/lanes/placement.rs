//! Where each step of a lane map goes: its lane and its column. Lanes share columns, so a
//! run of steps handed from lane to lane stacks in one column with the flow running down
//! (or up) between them, and the map is as wide as the work needs rather than one column
//! per step.

use crate::model::{Card, JourneyMap};

/// One step: its card, its column and its lane.
pub(super) struct Step<'a> {
    pub card: &'a Card,
    pub column: usize,
    pub lane: usize,
}

/// The steps of a map in journey order, with each stage's first and last column.
pub(super) struct Placement<'a> {
    pub steps: Vec<Step<'a>>,
    pub stage_columns: Vec<(usize, usize)>,
    pub columns: usize,
    /// The columns with a step, per lane, in order (journey order never runs left).
    taken: Vec<Vec<usize>>,
}

impl Placement<'_> {
    /// Whether `lane` has no step in any column from `first` to `last` (inclusive; an empty
    /// range is free).
    pub fn free(&self, lane: usize, first: usize, last: usize) -> bool {
        let Some(columns) = self.taken.get(lane) else { return true };
        let next = columns.partition_point(|c| *c < first);
        columns.get(next).is_none_or(|c| *c > last)
    }
}

/// Places the steps in journey order (stages in spine order, cards in stage order). A step
/// handed to another lane goes into its predecessor's column when its own lane is still free
/// there (the flow then runs down or up the column); otherwise into the next column, never
/// before its stage's first column. So the flow never runs leftwards, stages stay contiguous
/// vertical bands, and an empty stage keeps one empty column so it shows.
pub(super) fn place<'a>(
    map: &'a JourneyMap,
    lane_of: impl Fn(&Card) -> usize,
    lanes: usize,
) -> Placement<'a> {
    let mut steps: Vec<Step<'a>> = Vec::with_capacity(map.card_count());
    let mut stage_columns = Vec::with_capacity(map.stages.len());
    // Lanes taken in the newest column: columns only grow, so no older column takes a step.
    let mut taken = vec![false; lanes.max(1)];
    let mut first_free = 0;
    for stage in &map.stages {
        let first = first_free;
        let mut last = first;
        for card in &stage.cards {
            let lane = lane_of(card).min(taken.len() - 1);
            let stacks = steps
                .last()
                .is_some_and(|previous| previous.column >= first && previous.lane != lane && !taken[lane]);
            let column = match steps.last() {
                Some(previous) if stacks => previous.column,
                Some(previous) => (previous.column + 1).max(first),
                None => first,
            };
            if steps.last().is_none_or(|previous| previous.column != column) {
                taken.fill(false);
            }
            taken[lane] = true;
            last = column;
            steps.push(Step { card, column, lane });
        }
        stage_columns.push((first, last));
        first_free = last + 1;
    }
    let mut taken_columns = vec![Vec::new(); lanes.max(1)];
    for step in &steps {
        taken_columns[step.lane].push(step.column);
    }
    Placement { steps, stage_columns, columns: first_free.max(1), taken: taken_columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardId, OwnerId, Stage, StageId};

    fn map(stages: &[&[u32]]) -> JourneyMap {
        let mut id = 0;
        JourneyMap {
            stages: stages
                .iter()
                .enumerate()
                .map(|(s, lanes)| Stage {
                    id: StageId(u32::try_from(s).unwrap() + 1),
                    cards: lanes
                        .iter()
                        .map(|lane| {
                            id += 1;
                            Card { id: CardId(id), accountable: Some(OwnerId(*lane)), ..Card::default() }
                        })
                        .collect(),
                    ..Stage::default()
                })
                .collect(),
            ..JourneyMap::default()
        }
    }

    fn columns(map: &JourneyMap) -> (Vec<usize>, Vec<(usize, usize)>) {
        let lane_of = |card: &Card| card.accountable.map_or(0, |o| o.0 as usize);
        let placement = place(map, lane_of, 8);
        (placement.steps.iter().map(|s| s.column).collect(), placement.stage_columns)
    }

    #[test]
    fn handoffs_stack_in_one_column_until_a_lane_repeats() {
        // 1 → 3 → 2 → 4 are handed from lane to lane; the second step in lane 2 moves right.
        let (columns, stages) = columns(&map(&[&[1, 3, 2, 4, 2, 2]]));
        assert_eq!(columns, vec![0, 0, 0, 0, 1, 2]);
        assert_eq!(stages, vec![(0, 2)]);
    }

    #[test]
    fn stages_are_contiguous_bands_and_empty_stages_keep_a_column() {
        let (columns, stages) = columns(&map(&[&[1, 2], &[], &[3, 3]]));
        assert_eq!(columns, vec![0, 0, 2, 3]);
        assert_eq!(stages, vec![(0, 0), (1, 1), (2, 3)]);
    }

    #[test]
    fn the_flow_never_runs_left() {
        let (columns, _) = columns(&map(&[&[1, 5, 2, 7, 3], &[1, 1, 6], &[4, 2]]));
        assert!(columns.windows(2).all(|w| w[0] <= w[1]));
    }
}
