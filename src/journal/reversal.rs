//! The reversal of a batch already imported into Sage 50: each of its
//! entries with every line's amount reversed, dated as Sage accepts — on its
//! own date when the company allows it, else on the first open date
//! (`lock_before`, as `--adjust` dates its entries), its comment naming the
//! batch (and the original date when moved). An entry dated after the fiscal
//! year end cannot be reversed by import: refused, naming it.

use chrono::NaiveDate;

use crate::history::RecordedEntry;
use crate::i18n::{format_message, Arg, Lang};
use crate::sage::company::{DateProblem, SageCompany};
use crate::sage::entry::{EntryLine, JournalEntry};

/// An entry the company would refuse on any date this reversal may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterYearEnd {
    pub date: NaiveDate,
    pub year_end: NaiveDate,
}

/// The reversing entries of `batch`'s `entries`.
pub fn reversal_entries(
    batch: &str,
    entries: &[RecordedEntry],
    company: &SageCompany,
    lang: Lang,
) -> Result<Vec<JournalEntry>, AfterYearEnd> {
    entries
        .iter()
        .map(|entry| {
            let (date, comment) = match company.date_problem(entry.date) {
                None => (
                    entry.date,
                    format_message(lang, "sage-reversal", &[("batch", Arg::from(batch))]),
                ),
                Some(DateProblem::BeforeLock(open)) => (
                    open,
                    format_message(
                        lang,
                        "sage-reversal-dated",
                        &[
                            ("batch", Arg::from(batch)),
                            ("date", Arg::from(entry.date.format("%y-%m-%d").to_string())),
                        ],
                    ),
                ),
                Some(DateProblem::AfterYearEnd(year_end)) => {
                    return Err(AfterYearEnd {
                        date: entry.date,
                        year_end,
                    })
                }
            };
            Ok(JournalEntry {
                date,
                source: entry.source.clone(),
                comment,
                lines: (entry.lines.iter())
                    .map(|(account, amount)| EntryLine {
                        account: account.clone(),
                        amount: -*amount,
                        source_rows: 1,
                        queries: Vec::new(),
                    })
                    .collect(),
                taxes: Vec::new(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn entry(date: NaiveDate) -> RecordedEntry {
        RecordedEntry {
            date,
            source: "PLN-261208".into(),
            comment: "Plannit 2026-12-01 au 2026-12-08".into(),
            lines: vec![
                ("1210".into(), Decimal::new(11498, 2)),
                ("4001".into(), Decimal::new(-10000, 2)),
                ("2420".into(), Decimal::new(-500, 2)),
                ("2500".into(), Decimal::new(-998, 2)),
            ],
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_line_is_reversed_on_its_date_or_the_first_open_one() {
        let company = SageCompany {
            lock_before: Some(day(2026, 12, 1)),
            fiscal_year_end: Some(day(2026, 12, 31)),
            ..SageCompany::default()
        };
        let entries = [entry(day(2026, 12, 8)), entry(day(2026, 11, 30))];
        let reversed = reversal_entries("2026-12-02-4", &entries, &company, Lang::Fr).unwrap();
        assert_eq!(reversed[0].date, day(2026, 12, 8));
        assert_eq!(reversed[0].comment, "Annul. lot 2026-12-02-4");
        assert_eq!(reversed[1].date, day(2026, 12, 1));
        assert_eq!(reversed[1].comment, "Annul. lot 2026-12-02-4 du 26-11-30");
        let amounts: Vec<Decimal> = reversed[0].lines.iter().map(|l| l.amount).collect();
        assert_eq!(
            amounts,
            [
                Decimal::new(-11498, 2),
                Decimal::new(10000, 2),
                Decimal::new(500, 2),
                Decimal::new(998, 2)
            ]
        );
        let late = [entry(day(2027, 1, 2))];
        assert_eq!(
            reversal_entries("2026-12-02-4", &late, &company, Lang::En).unwrap_err(),
            AfterYearEnd {
                date: day(2027, 1, 2),
                year_end: day(2026, 12, 31)
            }
        );
    }
}
