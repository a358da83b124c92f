//! Matching the batches' entries with Sage's journal entries. An entry
//! matches a journal entry of Sage with the same source and date and the same
//! amount on every account the report shows; each journal entry answers one
//! entry of the history at most. In order: each entry of a standing batch
//! takes one exact match; then each entry of a voided batch (found: a
//! discrepancy, unless its void wrote a reversal and the reversal is found
//! too: the same source and every amount reversed, on any date); then further
//! exact matches make an entry landed twice; an
//! entry still without a match takes the closest journal entry of its source
//! (landed different), else it is missing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{BatchCheck, EntryCheck, EntryState, LineDifference};

/// A journal entry of Sage: its postings netted per account.
pub(super) struct SageEntry {
    pub(super) je: String,
    pub(super) date: NaiveDate,
    pub(super) source: String,
    pub(super) lines: BTreeMap<String, Decimal>,
    pub(super) postings: Vec<usize>,
    pub(super) claimed: bool,
}

/// An entry of the history, its lines netted over the accounts the reports
/// show; or the reversal of a voided batch's entry.
#[derive(Clone)]
pub(super) struct Expected {
    pub(super) batch: usize,
    pub(super) entry: usize,
    pub(super) source: String,
    pub(super) date: NaiveDate,
    pub(super) lines: BTreeMap<String, Decimal>,
    pub(super) void: bool,
    /// The reversal a void wrote: found on any date.
    pub(super) reversal: bool,
}

pub(super) struct Matcher<'a> {
    pub(super) sage: &'a mut Vec<SageEntry>,
    pub(super) index: HashMap<(String, NaiveDate), Vec<usize>>,
    pub(super) checks: &'a mut Vec<BatchCheck>,
}

impl Matcher<'_> {
    /// Every pass, in order (see the module's doc).
    pub(super) fn match_entries(&mut self, expected: &[Expected]) {
        self.take_exact(expected, false);
        self.take_exact(expected, true);
        self.take_reversals(expected);
        self.take_copies(expected);
        self.take_closest(expected);
    }

    fn check(&mut self, expected: &Expected) -> &mut EntryCheck {
        &mut self.checks[expected.batch].entries[expected.entry]
    }

    /// The first journal entry not yet taken that matches exactly.
    fn unclaimed_exact(&self, expected: &Expected) -> Option<usize> {
        let candidates = self.index.get(&(expected.source.clone(), expected.date))?;
        (candidates.iter().copied())
            .find(|at| !self.sage[*at].claimed && self.sage[*at].lines == expected.lines)
    }

    fn claim(&mut self, at: usize, expected: &Expected) {
        self.sage[at].claimed = true;
        let je = self.sage[at].je.clone();
        self.check(expected).found.push(je);
    }

    /// Each entry of the standing batches (or of the voided ones) takes one exact match.
    fn take_exact(&mut self, all: &[Expected], void: bool) {
        for expected in all.iter().filter(|e| e.void == void && !e.reversal) {
            let state = match self.unclaimed_exact(expected) {
                Some(at) => {
                    self.claim(at, expected);
                    if void {
                        EntryState::VoidFound
                    } else {
                        EntryState::Once
                    }
                }
                None if void => EntryState::VoidAbsent,
                None => EntryState::Missing,
            };
            self.check(expected).state = state;
        }
    }

    /// The reversal of each voided entry whose void wrote one, on any date.
    fn take_reversals(&mut self, all: &[Expected]) {
        for expected in all.iter().filter(|e| e.reversal) {
            let found = (0..self.sage.len()).find(|at| {
                let entry = &self.sage[*at];
                !entry.claimed && entry.source == expected.source && entry.lines == expected.lines
            });
            if let Some(at) = found {
                self.sage[at].claimed = true;
                let je = self.sage[at].je.clone();
                self.check(expected).reversed_by.push(je);
            }
        }
    }

    /// Further exact matches of an entry found: it was imported again.
    fn take_copies(&mut self, all: &[Expected]) {
        for expected in all.iter().filter(|e| !e.reversal) {
            let state = self.check(expected).state;
            if !matches!(state, EntryState::Once | EntryState::VoidFound) {
                continue;
            }
            while let Some(at) = self.unclaimed_exact(expected) {
                self.claim(at, expected);
                if state == EntryState::Once {
                    self.check(expected).state = EntryState::Twice;
                }
            }
        }
    }

    /// An entry of a standing batch still missing takes the journal entry of
    /// its source closest to it (its date first), if any: landed different.
    fn take_closest(&mut self, all: &[Expected]) {
        for expected in all.iter().filter(|e| !e.void) {
            if self.check(expected).state != EntryState::Missing {
                continue;
            }
            let closest = (0..self.sage.len())
                .filter(|at| !self.sage[*at].claimed && self.sage[*at].source == expected.source)
                .min_by_key(|at| {
                    let entry = &self.sage[*at];
                    (
                        entry.date != expected.date,
                        distance(&entry.lines, &expected.lines),
                    )
                });
            let Some(at) = closest else { continue };
            self.claim(at, expected);
            let (date, differences) = {
                let entry = &self.sage[at];
                (entry.date, differences(&expected.lines, &entry.lines))
            };
            let check = self.check(expected);
            check.state = EntryState::Different;
            check.found_date = (date != expected.date).then_some(date);
            check.differences = differences;
        }
    }
}

/// How far two entries' amounts are apart, summed over their accounts.
fn distance(a: &BTreeMap<String, Decimal>, b: &BTreeMap<String, Decimal>) -> Decimal {
    differences(a, b)
        .iter()
        .map(|d| (d.expected - d.found).abs())
        .sum()
}

fn differences(
    expected: &BTreeMap<String, Decimal>,
    found: &BTreeMap<String, Decimal>,
) -> Vec<LineDifference> {
    let accounts: BTreeSet<&String> = expected.keys().chain(found.keys()).collect();
    (accounts.into_iter())
        .map(|account| LineDifference {
            account: account.clone(),
            expected: expected.get(account).copied().unwrap_or_default(),
            found: found.get(account).copied().unwrap_or_default(),
        })
        .filter(|d| d.expected != d.found)
        .collect()
}
