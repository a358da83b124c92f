//! The batches compared with the reports: Sage's postings gathered into its
//! journal entries (a journal entry several reports hold taken once), the
//! batches' entries dated within the reports netted over the accounts they
//! show, matched (`matching`), and each batch's verdict from its entries'.
//! Journal entries left over that post to the tool's accounts were posted
//! outside the tool.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::matching::{Expected, Matcher, SageEntry};
use super::{BatchCheck, BatchToVerify, EntryCheck, EntryState, Verdict, Verification};
use crate::history::BatchState;
use crate::sage::ledger::LedgerPosting;

/// Compares the batches with the reports' postings (each report's postings
/// apart: a journal entry several reports hold is taken once). `coverage`:
/// the dates each report covers; `owned`: the tool's accounts.
pub fn compare(
    batches: Vec<BatchToVerify>,
    reports: &[Vec<LedgerPosting>],
    coverage: &[(NaiveDate, NaiveDate)],
    owned: &[String],
) -> Verification {
    let postings = postings_once(reports);
    let mut sage = sage_entries(&postings);
    let shown: BTreeSet<&str> = postings.iter().map(|p| p.account.as_str()).collect();
    let covered = |date: NaiveDate| coverage.iter().any(|(f, l)| (*f..=*l).contains(&date));
    let mut checks: Vec<BatchCheck> = batches.into_iter().map(start_check).collect();
    let mut unreported = BTreeSet::new();
    let mut expected = Vec::new();
    for (b, check) in checks.iter_mut().enumerate() {
        for (e, entry) in check.entries.iter_mut().enumerate() {
            if !covered(entry.entry.date) {
                entry.state = EntryState::NotCovered;
                continue;
            }
            let lines = netted(&entry.entry.lines);
            unreported.extend(
                lines
                    .keys()
                    .filter(|a| !shown.contains(a.as_str()))
                    .cloned(),
            );
            let lines: BTreeMap<String, Decimal> = (lines.into_iter())
                .filter(|(a, _)| shown.contains(a.as_str()))
                .collect();
            let void = check.status == BatchState::Void;
            let original = Expected {
                batch: b,
                entry: e,
                source: source_key(&entry.entry.source),
                date: entry.entry.date,
                lines,
                void,
                reversal: false,
            };
            if void && check.reversal.is_some() {
                // Its reversal: the same source, every amount reversed, dated
                // on the entry's date or the company's first open one.
                expected.push(Expected {
                    lines: original
                        .lines
                        .iter()
                        .map(|(a, v)| (a.clone(), -*v))
                        .collect(),
                    reversal: true,
                    ..original.clone()
                });
            }
            expected.push(original);
        }
    }
    let index = by_source_and_date(&sage);
    let mut matcher = Matcher {
        sage: &mut sage,
        index,
        checks: &mut checks,
    };
    matcher.match_entries(&expected);
    for check in &mut checks {
        settle_void_entries(check);
        check.verdict = verdict(check);
    }
    checks.retain(|c| {
        let checked = c.entries.iter().any(|e| e.state != EntryState::NotCovered);
        checked || (c.unverifiable.is_some() && overlaps(c, coverage))
    });
    let outside = (sage.iter())
        .filter(|s| !s.claimed)
        .flat_map(|s| s.postings.iter().map(|p| &postings[*p]))
        .filter(|p| owned.contains(&p.account))
        .cloned()
        .collect();
    Verification {
        coverage: coverage.to_vec(),
        batches: checks,
        outside,
        owned_accounts: owned.to_vec(),
        unreported_accounts: unreported,
        ledger_entries: sage.len(),
    }
}

fn start_check(batch: BatchToVerify) -> BatchCheck {
    let (entries, unverifiable) = match batch.entries {
        Ok(entries) => (entries, None),
        Err(why) => (Vec::new(), Some(why)),
    };
    BatchCheck {
        id: batch.id,
        status: batch.status,
        first_date: batch.first_date,
        last_date: batch.last_date,
        verdict: Verdict::CannotVerify,
        unverifiable,
        reversal: batch.reversal,
        entries: entries
            .into_iter()
            .map(|entry| EntryCheck {
                entry,
                state: EntryState::Missing,
                found: Vec::new(),
                reversed_by: Vec::new(),
                found_date: None,
                differences: Vec::new(),
            })
            .collect(),
    }
}

/// A batch that cannot be verified is listed when its dates meet the reports'.
fn overlaps(check: &BatchCheck, coverage: &[(NaiveDate, NaiveDate)]) -> bool {
    let (Some(first), Some(last)) = (check.first_date, check.last_date) else {
        return false;
    };
    coverage.iter().any(|(f, l)| first <= *l && *f <= last)
}

/// The postings of every report, a journal entry that several reports hold
/// taken from the one that shows it with the most lines.
fn postings_once(reports: &[Vec<LedgerPosting>]) -> Vec<LedgerPosting> {
    let mut best: HashMap<&str, (usize, usize)> = HashMap::new();
    for (r, report) in reports.iter().enumerate() {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for posting in report {
            *counts.entry(&posting.je).or_default() += 1;
        }
        for (je, count) in counts {
            let slot = best.entry(je).or_insert((r, count));
            if count > slot.1 {
                *slot = (r, count);
            }
        }
    }
    let best = &best;
    (reports.iter().enumerate())
        .flat_map(|(r, report)| report.iter().filter(move |p| best[p.je.as_str()].0 == r))
        .cloned()
        .collect()
}

fn sage_entries(postings: &[LedgerPosting]) -> Vec<SageEntry> {
    let mut by_je: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (at, posting) in postings.iter().enumerate() {
        by_je.entry(&posting.je).or_default().push(at);
    }
    let mut entries: Vec<SageEntry> = (by_je.into_iter())
        .map(|(je, at)| {
            let first = &postings[at[0]];
            let amounts = at
                .iter()
                .map(|p| (postings[*p].account.clone(), postings[*p].amount()));
            SageEntry {
                je: je.to_string(),
                date: first.date,
                source: source_key(&first.source),
                lines: netted(&amounts.collect::<Vec<_>>()),
                postings: at,
                claimed: false,
            }
        })
        .collect();
    // In Sage's own order: journal entry numbers grow with time.
    entries.sort_by(|a, b| (a.date, je_order(&a.je)).cmp(&(b.date, je_order(&b.je))));
    entries
}

/// `J45` and `45` sort by their number, after a date.
fn je_order(je: &str) -> (u64, &str) {
    let digits: String = je.chars().filter(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), je)
}

fn by_source_and_date(sage: &[SageEntry]) -> HashMap<(String, NaiveDate), Vec<usize>> {
    let mut index: HashMap<(String, NaiveDate), Vec<usize>> = HashMap::new();
    for (at, entry) in sage.iter().enumerate() {
        index
            .entry((entry.source.clone(), entry.date))
            .or_default()
            .push(at);
    }
    index
}

/// Sources compare without case or surrounding spaces.
fn source_key(source: &str) -> String {
    source.trim().to_lowercase()
}

/// Amounts per account, netted, zeros left out.
fn netted(lines: &[(String, Decimal)]) -> BTreeMap<String, Decimal> {
    let mut net: BTreeMap<String, Decimal> = BTreeMap::new();
    for (account, amount) in lines {
        *net.entry(account.clone()).or_default() += amount;
    }
    net.retain(|_, amount| !amount.is_zero());
    net
}

/// A voided batch's entries found, with their reversal or without it.
fn settle_void_entries(check: &mut BatchCheck) {
    if check.status != BatchState::Void {
        return;
    }
    for entry in &mut check.entries {
        if entry.state == EntryState::NotCovered {
            continue;
        }
        entry.state = match (entry.found.is_empty(), entry.reversed_by.is_empty()) {
            (true, true) => EntryState::VoidAbsent,
            (true, false) => EntryState::ReversalOnly,
            (false, false) => EntryState::VoidReversed,
            (false, true) => EntryState::VoidFound,
        };
    }
}

/// A batch's verdict from its entries' states.
fn verdict(check: &BatchCheck) -> Verdict {
    if check.unverifiable.is_some() {
        return Verdict::CannotVerify;
    }
    let states: Vec<EntryState> = (check.entries.iter())
        .map(|e| e.state)
        .filter(|s| *s != EntryState::NotCovered)
        .collect();
    let any = |state| states.contains(&state);
    if check.status == BatchState::Void {
        return if any(EntryState::VoidFound) || any(EntryState::ReversalOnly) {
            Verdict::VoidFound
        } else if any(EntryState::VoidReversed) {
            Verdict::VoidReversed
        } else {
            Verdict::VoidAbsent
        };
    }
    if any(EntryState::Twice) {
        Verdict::LandedTwice
    } else if states.iter().all(|s| *s == EntryState::Missing) {
        Verdict::NotFound
    } else if any(EntryState::Missing) || any(EntryState::Different) {
        Verdict::LandedDifferent
    } else {
        Verdict::LandedOnce
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::verification::LineDifference;
    use crate::history::RecordedEntry;

    fn recorded(date: NaiveDate, source: &str, lines: &[(&str, i64)]) -> RecordedEntry {
        RecordedEntry {
            date,
            source: source.to_string(),
            comment: String::new(),
            lines: (lines.iter())
                .map(|(a, cents)| (a.to_string(), Decimal::new(*cents, 2)))
                .collect(),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    fn posting(je: &str, d: u32, source: &str, account: &str, cents: i64) -> LedgerPosting {
        let amount = Decimal::new(cents, 2);
        LedgerPosting {
            account: account.into(),
            account_name: String::new(),
            date: day(d),
            comment: String::new(),
            source: source.into(),
            je: je.into(),
            debit: amount.max(Decimal::ZERO),
            credit: (-amount).max(Decimal::ZERO),
            file: "gl.csv".into(),
            sheet: None,
            row: 1,
        }
    }

    fn entry_postings(je: &str, d: u32, source: &str, lines: &[(&str, i64)]) -> Vec<LedgerPosting> {
        lines
            .iter()
            .map(|(a, c)| posting(je, d, source, a, *c))
            .collect()
    }

    fn batch(id: &str, status: BatchState, entries: Vec<RecordedEntry>) -> BatchToVerify {
        BatchToVerify {
            id: id.into(),
            status,
            first_date: entries.iter().map(|e| e.date).min(),
            last_date: entries.iter().map(|e| e.date).max(),
            entries: Ok(entries),
            reversal: None,
        }
    }

    const SALE: &[(&str, i64)] = &[
        ("1210", 11498),
        ("4001", -10000),
        ("2420", -500),
        ("2500", -998),
    ];

    fn run(batches: Vec<BatchToVerify>, postings: Vec<LedgerPosting>) -> Verification {
        compare(
            batches,
            &[postings],
            &[(day(1), day(31))],
            &["1210".to_string()],
        )
    }

    #[test]
    fn once_twice_missing_and_different() {
        let batches = vec![
            batch(
                "a",
                BatchState::Done,
                vec![recorded(day(5), "PLN-261005", SALE)],
            ),
            batch(
                "b",
                BatchState::Done,
                vec![recorded(day(6), "PLN-261006", SALE)],
            ),
            batch(
                "c",
                BatchState::Done,
                vec![recorded(day(7), "PLN-261007", SALE)],
            ),
            batch(
                "d",
                BatchState::Done,
                vec![recorded(day(8), "PLN-261008", SALE)],
            ),
        ];
        let mut ledger = entry_postings("1", 5, "PLN-261005", SALE);
        ledger.extend(entry_postings("2", 6, "PLN-261006", SALE));
        ledger.extend(entry_postings("3", 6, "pln-261006 ", SALE));
        let mut changed = SALE.to_vec();
        changed[0].1 = 12498;
        changed[1].1 = -11000;
        ledger.extend(entry_postings("4", 8, "PLN-261008", &changed));
        let found = run(batches, ledger);
        let verdicts: Vec<Verdict> = found.batches.iter().map(|b| b.verdict).collect();
        assert_eq!(
            verdicts,
            [
                Verdict::LandedOnce,
                Verdict::LandedTwice,
                Verdict::NotFound,
                Verdict::LandedDifferent
            ]
        );
        assert_eq!(found.batches[1].entries[0].found, ["2", "3"]);
        assert_eq!(
            found.batches[3].entries[0].differences,
            vec![
                LineDifference {
                    account: "1210".into(),
                    expected: Decimal::new(11498, 2),
                    found: Decimal::new(12498, 2)
                },
                LineDifference {
                    account: "4001".into(),
                    expected: Decimal::new(-10000, 2),
                    found: Decimal::new(-11000, 2)
                },
            ]
        );
        assert!(found.outside.is_empty());
        assert!(!found.all_right());
    }

    #[test]
    fn hand_postings_on_the_tools_accounts_and_voided_batches() {
        let batches = vec![
            batch(
                "a",
                BatchState::Void,
                vec![recorded(day(5), "PLN-261005", SALE)],
            ),
            batch(
                "b",
                BatchState::Done,
                vec![recorded(day(5), "PLN-261005", SALE)],
            ),
            batch(
                "c",
                BatchState::Void,
                vec![recorded(day(9), "PLN-261009", SALE)],
            ),
        ];
        let mut ledger = entry_postings("10", 5, "PLN-261005", SALE);
        ledger.extend(entry_postings("11", 5, "PLN-261005", SALE));
        ledger.extend(entry_postings(
            "12",
            6,
            "CHQ-88",
            &[("1020", 34493), ("1210", -34493)],
        ));
        ledger.extend(entry_postings(
            "13",
            6,
            "Loyer",
            &[("5100", 120000), ("1020", -120000)],
        ));
        let found = run(batches, ledger);
        let verdicts: Vec<Verdict> = found.batches.iter().map(|b| b.verdict).collect();
        assert_eq!(
            verdicts,
            [Verdict::VoidFound, Verdict::LandedOnce, Verdict::VoidAbsent]
        );
        assert_eq!(found.batches[1].entries[0].found, ["10"]);
        assert_eq!(found.batches[0].entries[0].found, ["11"]);
        assert_eq!(found.outside.len(), 1);
        assert_eq!(found.outside[0].source, "CHQ-88");
        assert_eq!(found.outside[0].amount(), Decimal::new(-34493, 2));
    }

    #[test]
    fn dates_outside_the_report_and_accounts_it_does_not_show() {
        let batches = vec![
            batch(
                "a",
                BatchState::Done,
                vec![recorded(day(5), "PLN-261005", SALE)],
            ),
            batch(
                "b",
                BatchState::Done,
                vec![
                    recorded(
                        NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
                        "PLN-260930",
                        SALE,
                    ),
                    recorded(day(1), "PLN-261001", SALE),
                ],
            ),
        ];
        // A report of the receivable alone.
        let mut ledger = entry_postings("1", 5, "PLN-261005", &SALE[..1]);
        ledger.extend(entry_postings("2", 1, "PLN-261001", &SALE[..1]));
        let found = run(batches, ledger);
        assert_eq!(found.batches[0].verdict, Verdict::LandedOnce);
        assert_eq!(found.batches[1].verdict, Verdict::LandedOnce);
        assert_eq!(found.batches[1].not_covered(), 1);
        assert_eq!(
            found.unreported_accounts.into_iter().collect::<Vec<_>>(),
            ["2420", "2500", "4001"]
        );
    }

    #[test]
    fn a_journal_entry_in_two_reports_counts_once() {
        let batches = vec![batch(
            "a",
            BatchState::Done,
            vec![recorded(day(5), "PLN-261005", SALE)],
        )];
        let september = entry_postings("1", 5, "PLN-261005", SALE);
        let october = entry_postings("1", 5, "PLN-261005", SALE);
        let found = compare(batches, &[september, october], &[(day(1), day(31))], &[]);
        assert_eq!(found.batches[0].verdict, Verdict::LandedOnce);
        assert_eq!(found.ledger_entries, 1);
    }
}
