//! Dates as the exports write them: ISO text, day/month text in a declared
//! order, Excel date cells and serial numbers (1900 or 1904 epoch); blank or
//! `N/D` means no date, and dates far outside the books are refused.

use chrono::NaiveDate;
use serde::Deserialize;

use super::values::Cell;
use crate::diagnostics::Fix;
use crate::i18n::Text;
use crate::t;

/// How to read dates such as `03/04/2026`, which are ambiguous without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Refuse ambiguous dates (the default).
    #[default]
    Strict,
    /// Day first: 03/04/2026 is April 3.
    Dmy,
    /// Month first: 03/04/2026 is March 4.
    Mdy,
}

/// Why a cell could not be read as a date.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum DateError {
    NotADate(String),
    /// Day/month or month/day, and `[input] date_order` does not say.
    Ambiguous(String),
    /// Before 2000 or more than a year ahead.
    OutOfRange(String),
    /// An Excel error value such as `#REF!`.
    CellError(String),
}

impl DateError {
    pub fn text(&self) -> Text {
        match self {
            DateError::NotADate(value) => t!("load-date-not-date", value = value),
            DateError::Ambiguous(value) => t!("load-date-ambiguous", value = value),
            DateError::OutOfRange(value) => t!("load-date-out-of-range", value = value),
            DateError::CellError(error) => t!("load-cell-error", error = error),
        }
    }

    /// Where the fix is: an ambiguous date is settled in the configuration.
    pub fn fix(&self) -> Fix {
        match self {
            DateError::Ambiguous(_) => Fix::config("[input] date_order"),
            _ => Fix::Plannit,
        }
    }
}

/// Text Plannit writes for an invoice that has no date.
fn is_missing_date_marker(text: &str) -> bool {
    // No marker has a digit: a written date is not folded to find out.
    !text.bytes().any(|b| b.is_ascii_digit())
        && matches!(
            crate::load::text::fold_header(text).as_str(),
            "" | "n d" | "nd" | "n a" | "na"
        )
}

/// Reads a date cell. `Ok(None)` means blank or Plannit's `N/D` (no date).
pub fn date_from_cell(
    cell: &Cell,
    order: DateOrder,
    is_1904: bool,
) -> Result<Option<NaiveDate>, DateError> {
    let date = match cell {
        Cell::Empty => return Ok(None),
        Cell::Text(text) if is_missing_date_marker(text) => return Ok(None),
        Cell::Text(text) => parse_date(text, order)?,
        Cell::Date(datetime) => datetime.date(),
        Cell::Number(serial) => excel_serial_date(*serial, is_1904)
            .ok_or_else(|| DateError::NotADate(serial.to_string()))?,
        Cell::Error(e) => return Err(DateError::CellError(e.clone())),
    };
    check_date_range(date, cell).map(Some)
}

fn check_date_range(date: NaiveDate, cell: &Cell) -> Result<NaiveDate, DateError> {
    use chrono::Datelike;
    // A year from today, once per run rather than once per cell.
    static LATEST: std::sync::OnceLock<NaiveDate> = std::sync::OnceLock::new();
    let latest =
        *LATEST.get_or_init(|| chrono::Local::now().date_naive() + chrono::Duration::days(366));
    if date.year() >= 2000 && date <= latest {
        Ok(date)
    } else {
        Err(DateError::OutOfRange(cell.to_text()))
    }
}

/// Converts an Excel serial day number (a date cell stored without a date
/// format) in the workbook's epoch.
pub fn excel_serial_date(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let datetime =
        calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, is_1904);
    datetime.as_datetime().map(|d| d.date())
}

/// Parses a date written as text: ISO `2026-10-31` (optionally followed by a
/// time), `2026/10/31`, or day and month with slashes, dashes or dots when the
/// order is unambiguous or declared.
pub fn parse_date(text: &str, order: DateOrder) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    let not_date = || DateError::NotADate(trimmed.to_string());
    let date_part = trimmed
        .split(|c: char| c == 'T' || c.is_whitespace())
        .next()
        .unwrap_or("");
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(not_date());
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| not_date());
    let (year, month, day) = if parts[0].len() == 4 {
        (number(parts[0])?, number(parts[1])?, number(parts[2])?)
    } else if parts[2].len() == 4 {
        let (first, second, year) = (number(parts[0])?, number(parts[1])?, number(parts[2])?);
        let day_first = match order {
            DateOrder::Dmy => true,
            DateOrder::Mdy => false,
            DateOrder::Strict if first > 12 && second <= 12 => true,
            DateOrder::Strict if second > 12 && first <= 12 => false,
            DateOrder::Strict if first == second => true,
            DateOrder::Strict => return Err(DateError::Ambiguous(trimmed.to_string())),
        };
        if day_first {
            (year, second, first)
        } else {
            (year, first, second)
        }
    } else {
        return Err(not_date());
    };
    let year = i32::try_from(year).map_err(|_| not_date())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(not_date)
}

/// Month names as reports write them in titles, French and English, full
/// or shortened (folded: no accents, lower case, no final period).
const MONTHS: [&[&str]; 12] = [
    &["janvier", "janv", "january", "jan"],
    &["fevrier", "fevr", "fev", "february", "feb"],
    &["mars", "march", "mar"],
    &["avril", "avr", "april", "apr"],
    &["mai", "may"],
    &["juin", "june", "jun"],
    &["juillet", "juil", "july", "jul"],
    &["aout", "august", "aug"],
    &["septembre", "sept", "sep", "september"],
    &["octobre", "oct", "october"],
    &["novembre", "nov", "november"],
    &["decembre", "dec", "december"],
];

fn month_number(word: &str) -> Option<u32> {
    let folded = crate::load::text::fold_header(word);
    (1..=12u32).find(|m| MONTHS[*m as usize - 1].contains(&folded.as_str()))
}

/// The last date written in a title's text: `au 2026-10-31`, `as of
/// 10/31/2026`, `au 31 octobre 2026`, `as of October 31, 2026`.
pub fn date_in_text(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // `1er décembre`: the French ordinal of the first day.
    let number = |w: &str| {
        (w.trim_end_matches('.').trim_end_matches("er"))
            .parse::<u32>()
            .ok()
    };
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        if let Ok(date) = parse_date(word, order) {
            found = Some(date);
            continue;
        }
        let Some(month) = month_number(word.trim_end_matches('.')) else {
            continue;
        };
        let year = |w: Option<&&str>| w.and_then(|w| number(w)).filter(|y| *y >= 1900);
        let day_before = i.checked_sub(1).and_then(|b| number(words[b]));
        let named = match (day_before, year(words.get(i + 1))) {
            (Some(day), Some(year)) => Some((year, day)),
            _ => number(words.get(i + 1)?)
                .zip(year(words.get(i + 2)))
                .map(|(d, y)| (y, d)),
        };
        if let Some((year, day)) = named {
            found = NaiveDate::from_ymd_opt(year as i32, month, day).or(found);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_report_titles() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let strict = DateOrder::Strict;
        assert_eq!(
            date_in_text("Comptes clients au 31 octobre 2026", strict),
            d(2026, 10, 31)
        );
        assert_eq!(
            date_in_text("Accounts receivable as of 10/31/2026", strict),
            d(2026, 10, 31)
        );
        assert_eq!(date_in_text("Solde au 2026-10-31", strict), d(2026, 10, 31));
        assert_eq!(date_in_text("As of Oct. 31, 2026", strict), d(2026, 10, 31));
        assert_eq!(date_in_text("au 1er déc. 2026", strict), d(2026, 12, 1));
        assert_eq!(date_in_text("Paysagement Rivière-Nord", strict), None);
        assert_eq!(
            date_in_text("Du 2026-10-01 au 2026-10-31", strict),
            d(2026, 10, 31)
        );
    }

    #[test]
    fn dates_iso_serial_and_declared_order() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            parse_date("2026-10-31", DateOrder::Strict).unwrap(),
            d(2026, 10, 31)
        );
        assert_eq!(
            parse_date("2026-10-31 14:32", DateOrder::Strict).unwrap(),
            d(2026, 10, 31)
        );
        assert_eq!(
            parse_date("2026-10-31T14:32:00", DateOrder::Strict).unwrap(),
            d(2026, 10, 31)
        );
        assert_eq!(
            parse_date("31/10/2026", DateOrder::Strict).unwrap(),
            d(2026, 10, 31)
        );
        assert!(matches!(
            parse_date("03/04/2026", DateOrder::Strict),
            Err(DateError::Ambiguous(_))
        ));
        assert_eq!(
            parse_date("03/04/2026", DateOrder::Dmy).unwrap(),
            d(2026, 4, 3)
        );
        assert_eq!(
            parse_date("03/04/2026", DateOrder::Mdy).unwrap(),
            d(2026, 3, 4)
        );
        assert!(parse_date("2026-02-30", DateOrder::Strict).is_err());
        assert_eq!(excel_serial_date(46326.0, false).unwrap(), d(2026, 10, 31));
        assert_eq!(
            excel_serial_date(46326.0 - 1462.0, true).unwrap(),
            d(2026, 10, 31)
        );
        assert_eq!(
            date_from_cell(&Cell::Text("N/D".into()), DateOrder::Strict, false),
            Ok(None)
        );
        assert!(matches!(
            date_from_cell(&Cell::Text("1899-12-31".into()), DateOrder::Strict, false),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            date_from_cell(&Cell::Text("2099-01-15".into()), DateOrder::Strict, false),
            Err(DateError::OutOfRange(_))
        ));
    }
}
