//! Dates as Sage 50 prints them in its reports: with the month's name
//! (`Oct 31 2026`, `Oct 31, 2026`, `31 oct. 2026`), month first or day first
//! with dashes or slashes (`10-31-2026`, `10/31/26`), ISO (`2026-10-31`), or
//! Excel date cells; and the range a report's title states.

use chrono::NaiveDate;

use crate::load::dates::{date_from_cell, parse_date, DateError, DateOrder};
use crate::load::text::fold_name;
use crate::load::values::Cell;

/// Month names and abbreviations, English and French, folded.
const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("january", 1),
    ("janv", 1),
    ("janvier", 1),
    ("feb", 2),
    ("february", 2),
    ("fev", 2),
    ("fevr", 2),
    ("fevrier", 2),
    ("mar", 3),
    ("march", 3),
    ("mars", 3),
    ("apr", 4),
    ("april", 4),
    ("avr", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("june", 6),
    ("juin", 6),
    ("jul", 7),
    ("july", 7),
    ("juil", 7),
    ("juillet", 7),
    ("aug", 8),
    ("august", 8),
    ("aou", 8),
    ("aout", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("oct", 10),
    ("october", 10),
    ("octobre", 10),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("dec", 12),
    ("december", 12),
    ("decembre", 12),
];

/// Reads a date cell of the report. `Ok(None)`: blank.
pub fn ledger_date(
    cell: &Cell,
    order: DateOrder,
    is_1904: bool,
) -> Result<Option<NaiveDate>, DateError> {
    match cell {
        Cell::Text(text) if !text.trim().is_empty() => parse_ledger_date(text, order).map(Some),
        _ => date_from_cell(cell, order, is_1904),
    }
}

/// Parses a date as Sage prints it; ambiguous day and month need `order`.
pub fn parse_ledger_date(text: &str, order: DateOrder) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim().trim_end_matches([',', '.']);
    let not_date = || DateError::NotADate(trimmed.to_string());
    if trimmed.chars().any(char::is_alphabetic) {
        return named_month_date(trimmed).ok_or_else(not_date);
    }
    let parts: Vec<&str> = trimmed.split(['-', '/', '.']).collect();
    let two_digit_year = parts.len() == 3
        && parts[0].len() <= 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if two_digit_year {
        let expanded = format!("{}/{}/20{}", parts[0], parts[1], parts[2]);
        return parse_date(&expanded, order).map_err(|e| match e {
            DateError::Ambiguous(_) => DateError::Ambiguous(trimmed.to_string()),
            _ => not_date(),
        });
    }
    parse_date(trimmed, order)
}

/// `Oct 31 2026`, `October 31, 2026`, `31 oct. 2026`, `31-Oct-26`.
fn named_month_date(text: &str) -> Option<NaiveDate> {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '/'))
        .filter(|t| !t.is_empty())
        .map(fold_name)
        .collect();
    if tokens.len() != 3 {
        return None;
    }
    let month_at = tokens
        .iter()
        .position(|t| MONTHS.iter().any(|(name, _)| name == t))?;
    let month = MONTHS.iter().find(|(name, _)| *name == tokens[month_at])?.1;
    let numbers: Vec<&String> = (tokens.iter().enumerate())
        .filter(|(at, _)| *at != month_at)
        .map(|(_, t)| t)
        .collect();
    if !numbers
        .iter()
        .all(|t| t.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (day, year) = match (numbers[0].len(), numbers[1].len()) {
        (4, _) => (numbers[1], numbers[0]),
        (_, 4) | (_, 2) => (numbers[0], numbers[1]),
        _ => return None,
    };
    let year: i32 = year.parse().ok()?;
    let year = if year < 100 { 2000 + year } else { year };
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

/// The order a report's numeric dates are written in, from those that settle
/// it (a day past 12): month first or day first when they all agree; the
/// configured order when it is not strict.
pub fn infer_order<'a>(texts: impl Iterator<Item = &'a str>, configured: DateOrder) -> DateOrder {
    if configured != DateOrder::Strict {
        return configured;
    }
    let (mut day_first, mut month_first) = (false, false);
    for text in texts {
        let parts: Vec<&str> = text.trim().split(['-', '/', '.']).collect();
        if parts.len() != 3 || parts[0].len() > 2 {
            continue;
        }
        let (Ok(first), Ok(second)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>()) else {
            continue;
        };
        day_first |= first > 12 && second <= 12;
        month_first |= second > 12 && first <= 12;
    }
    match (day_first, month_first) {
        (true, false) => DateOrder::Dmy,
        (false, true) => DateOrder::Mdy,
        _ => DateOrder::Strict,
    }
}

/// The range a title row states: `10/01/2026 to 10/31/2026`, `Du 2026-10-01
/// au 2026-10-31`, `From Oct 1, 2026 to Oct 31, 2026`, or two date cells.
pub fn title_range(text: &str, order: DateOrder) -> Option<(NaiveDate, NaiveDate)> {
    let folded = fold_name(text);
    let words: Vec<&str> = folded.split(' ').collect();
    for (at, word) in words.iter().enumerate() {
        if !matches!(*word, "to" | "au" | "a" | "-" | "–" | "through" | "thru") {
            continue;
        }
        let first = (1..=4)
            .rev()
            .filter(|k| *k <= at)
            .find_map(|k| parse_ledger_date(&words[at - k..at].join(" "), order).ok());
        let rest = &words[at + 1..];
        let last = (1..=4)
            .rev()
            .filter(|k| *k <= rest.len())
            .find_map(|k| parse_ledger_date(&rest[..k].join(" "), order).ok());
        if let (Some(first), Some(last)) = (first, last) {
            if first <= last {
                return Some((first, last));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_as_sage_prints_them() {
        let strict = DateOrder::Strict;
        for text in [
            "Oct 31 2026",
            "Oct 31, 2026",
            "October 31, 2026",
            "31 oct. 2026",
            "31 octobre 2026",
            "31-Oct-26",
            "10-31-2026",
            "10/31/2026",
            "10/31/26",
            "2026-10-31",
        ] {
            assert_eq!(
                parse_ledger_date(text, strict),
                Ok(d(2026, 10, 31)),
                "{text}"
            );
        }
        assert_eq!(parse_ledger_date("1 août 2026", strict), Ok(d(2026, 8, 1)));
        assert_eq!(parse_ledger_date("juil. 4 2026", strict), Ok(d(2026, 7, 4)));
        assert!(matches!(
            parse_ledger_date("10/05/2026", strict),
            Err(DateError::Ambiguous(_))
        ));
        assert_eq!(
            parse_ledger_date("10/05/2026", DateOrder::Mdy),
            Ok(d(2026, 10, 5))
        );
        assert!(matches!(
            parse_ledger_date("10/05/26", strict),
            Err(DateError::Ambiguous(_))
        ));
        assert!(parse_ledger_date("1210 Comptes clients", strict).is_err());
        assert!(parse_ledger_date("Oct 32 2026", strict).is_err());
    }

    #[test]
    fn the_order_comes_from_dates_that_settle_it() {
        let texts = ["10/05/2026", "10/31/2026"];
        assert_eq!(
            infer_order(texts.into_iter(), DateOrder::Strict),
            DateOrder::Mdy
        );
        let texts = ["05/10/2026", "31/10/2026"];
        assert_eq!(
            infer_order(texts.into_iter(), DateOrder::Strict),
            DateOrder::Dmy
        );
        let mixed = ["13/10/2026", "10/13/2026"];
        assert_eq!(
            infer_order(mixed.into_iter(), DateOrder::Strict),
            DateOrder::Strict
        );
        assert_eq!(
            infer_order(["31/10/2026"].into_iter(), DateOrder::Mdy),
            DateOrder::Mdy
        );
    }

    #[test]
    fn ranges_in_titles() {
        let october = Some((d(2026, 10, 1), d(2026, 10, 31)));
        let mdy = DateOrder::Mdy;
        assert_eq!(title_range("10/01/2026 to 10/31/2026", mdy), october);
        assert_eq!(title_range("Du 2026-10-01 au 2026-10-31", mdy), october);
        assert_eq!(
            title_range("From Oct 01, 2026 to Oct 31, 2026", mdy),
            october
        );
        assert_eq!(
            title_range("Du 1 oct. 2026 au 31 oct. 2026", DateOrder::Strict),
            october
        );
        assert_eq!(title_range("2026-10-01 2026-10-31", mdy), None);
        assert_eq!(title_range("Paysagement Gagnon & Fils inc.", mdy), None);
    }
}
