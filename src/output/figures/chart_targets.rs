//! Which targets get a chart of their own (`keyness_<target>.png`): every target named by
//! `--chart-targets`, then up to `--max-charts` in all, the largest target (by words) of each
//! grouping in turn, so that a grouping of 200 countries does not take every slot from a
//! grouping of 30 years.

use crate::stats::compare::keyness::Target;

/// How many of the targets' names an error lists.
const NAMES_LISTED: usize = 8;

/// The indices of the targets to chart, in target order: those whose name is in `named`
/// (whatever `max` is), then, while fewer than `max`, the next largest of each grouping in
/// turn (groupings in the order of their first target; ties by position).
pub(crate) fn chosen(targets: &[Target], named: &[String], max: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..targets.len())
        .filter(|&i| named.contains(&targets[i].name))
        .collect();
    let mut groupings: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, target) in targets.iter().enumerate() {
        if chosen.contains(&i) {
            continue;
        }
        match groupings.iter_mut().find(|(g, _)| *g == target.group_by) {
            Some((_, members)) => members.push(i),
            None => groupings.push((&target.group_by, vec![i])),
        }
    }
    for (_, members) in &mut groupings {
        // Largest last, to be popped first.
        members.sort_by(|&a, &b| targets[a].tokens.cmp(&targets[b].tokens).then(b.cmp(&a)));
    }
    while chosen.len() < max {
        let before = chosen.len();
        for (_, members) in &mut groupings {
            if chosen.len() >= max {
                break;
            }
            if let Some(i) = members.pop() {
                chosen.push(i);
            }
        }
        if chosen.len() == before {
            break;
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Why `named` cannot be charted: the first name no target has, with some names that would
/// do. None when every name is a target's.
pub(crate) fn unknown(targets: &[Target], named: &[String]) -> Option<String> {
    let missing = named
        .iter()
        .find(|name| !targets.iter().any(|t| &t.name == *name))?;
    let mut known: Vec<&str> = Vec::new();
    for target in targets {
        if !known.contains(&target.name.as_str()) {
            known.push(&target.name);
        }
        if known.len() == NAMES_LISTED {
            break;
        }
    }
    Some(format!(
        "{missing:?} is not a target of this run; give a group of a --group-by column, a \
         --target expression as written, or a speech's id (every target is in the target \
         column of tables/keyness.csv), such as: {}",
        known.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::compare::key_list::KeyList;

    fn target(group_by: &str, name: &str, tokens: u64) -> Target {
        Target {
            group_by: group_by.into(),
            name: name.into(),
            reference: "rest of corpus".into(),
            tokens,
            reference_tokens: 1,
            documents: 1,
            tested: 0,
            keys: KeyList::Held(Vec::new()),
            rank_by: Default::default(),
            measures: Default::default(),
        }
    }

    #[test]
    fn slots_go_to_each_grouping_in_turn_after_the_named() {
        let targets = [
            target("iso3", "UKR", 10),
            target("iso3", "USA", 90),
            target("iso3", "FRA", 80),
            target("year", "2022", 5),
            target("year", "2023", 6),
        ];
        assert_eq!(chosen(&targets, &[], 2), [1, 4]);
        assert_eq!(chosen(&targets, &[], 3), [1, 2, 4]);
        assert_eq!(chosen(&targets, &["UKR".into()], 2), [0, 1]);
        assert_eq!(chosen(&targets, &["UKR".into(), "2022".into()], 0), [0, 3]);
        assert_eq!(chosen(&targets, &[], 100), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn one_grouping_gets_its_largest_as_before() {
        let targets = [
            target("party", "A", 5),
            target("party", "B", 7),
            target("party", "C", 7),
        ];
        assert_eq!(chosen(&targets, &[], 2), [1, 2]);
    }

    #[test]
    fn an_unknown_name_is_named_with_some_that_are_known() {
        let targets = [target("iso3", "UKR", 10), target("iso3", "USA", 90)];
        assert_eq!(unknown(&targets, &["UKR".into()]), None);
        let err = unknown(&targets, &["Ukraine".into()]).unwrap();
        assert!(
            err.contains("\"Ukraine\"") && err.contains("UKR, USA"),
            "{err}"
        );
    }
}
