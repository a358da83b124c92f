//! Cell values as the exports hold them, and their conversion to exact money
//! and calendar dates. Nothing here goes through floating-point arithmetic
//! except reading an Excel numeric cell, which is converted once and rounded
//! to the cent.

use std::str::FromStr;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use crate::money::round_cents;

use crate::i18n::Text;
use crate::t;

/// One cell as read from a spreadsheet or a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDateTime),
    /// An Excel error value such as `#REF!` or `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for names and numbers such as invoice `1042`.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// Why a cell could not be read as money.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub enum AmountError {
    NotAnAmount(String),
    TooManyDecimals(String),
    AmbiguousSeparator(String),
    TooLarge(String),
    /// An Excel error value such as `#REF!`.
    CellError(String),
    DateInAmount,
}

impl AmountError {
    pub fn text(&self) -> Text {
        match self {
            AmountError::NotAnAmount(value) => t!("load-amount-not-amount", value = value),
            AmountError::TooManyDecimals(value) => {
                t!("load-amount-too-many-decimals", value = value)
            }
            AmountError::AmbiguousSeparator(value) => t!("load-amount-ambiguous", value = value),
            AmountError::TooLarge(value) => t!("load-amount-too-large", value = value),
            AmountError::CellError(error) => t!("load-cell-error", error = error),
            AmountError::DateInAmount => t!("load-amount-date"),
        }
    }
}

/// Largest amount accepted on one line: far above any invoice, far below where
/// sums could overflow.
const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// Reads a money cell. `Ok(None)` means blank.
pub fn amount_from_cell(cell: &Cell) -> Result<Option<Decimal>, AmountError> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) => parse_amount(text).map(Some),
        Cell::Number(n) => amount_from_f64(*n).map(Some),
        Cell::Date(_) => Err(AmountError::DateInAmount),
        Cell::Error(e) => Err(AmountError::CellError(e.clone())),
    }
}

/// Converts an Excel numeric cell: exact decimal of the stored double, rounded to
/// the cent. A value that is more than float noise away from a whole cent had more
/// than two decimals in the sheet and is refused rather than silently rounded.
pub fn amount_from_f64(value: f64) -> Result<Decimal, AmountError> {
    let shown = || format!("{value}");
    if !value.is_finite() || value.abs() >= MAX_AMOUNT as f64 {
        return Err(AmountError::TooLarge(shown()));
    }
    let exact = Decimal::from_f64_retain(value).ok_or_else(|| AmountError::TooLarge(shown()))?;
    let cents = round_cents(exact);
    if (exact - cents).abs() > Decimal::new(1, 6) {
        return Err(AmountError::TooManyDecimals(shown()));
    }
    Ok(cents)
}

/// Parses an amount written as text: `1234.56`, `1,234.56`, `1 234,56 $` (regular,
/// no-break or narrow no-break spaces), `(12.00)`, `-12,00 $`, `12.00-`.
pub fn parse_amount(text: &str) -> Result<Decimal, AmountError> {
    parse_decimal(text, 2)
}

/// Parses a quantity: the same notations as amounts, up to six decimals.
pub fn parse_quantity(text: &str) -> Result<Decimal, AmountError> {
    parse_decimal(text, 6).map(|q| q.normalize())
}

fn parse_decimal(text: &str, max_scale: u32) -> Result<Decimal, AmountError> {
    match plain_decimal(text.as_bytes(), max_scale) {
        Some(value) => Ok(value),
        None => parse_decimal_general(text, max_scale),
    }
}

fn parse_decimal_general(text: &str, max_scale: u32) -> Result<Decimal, AmountError> {
    let original = text.trim();
    let not_amount = || AmountError::NotAnAmount(original.to_string());
    let mut body: String = original
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '$'))
        .collect();
    for code in ["CAD", "CA"] {
        if let Some(stripped) = body.strip_suffix(code) {
            body = stripped.to_string();
        }
    }
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        negative = true;
        body = inner.to_string();
    }
    for minus in ['-', '\u{2212}'] {
        if let Some(rest) = body.strip_prefix(minus) {
            negative = !negative;
            body = rest.to_string();
        } else if let Some(rest) = body.strip_suffix(minus) {
            negative = !negative;
            body = rest.to_string();
        }
    }
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(not_amount());
    }
    let normalized = normalize_separators(&body, original, max_scale)?;
    if normalized.len() > 40 {
        return Err(AmountError::TooLarge(original.to_string()));
    }
    let mut value = Decimal::from_str(&normalized).map_err(|_| not_amount())?;
    if value.abs() >= Decimal::from(MAX_AMOUNT) {
        return Err(AmountError::TooLarge(original.to_string()));
    }
    value = value.normalize();
    if value.scale() > max_scale {
        return Err(AmountError::TooManyDecimals(original.to_string()));
    }
    value.rescale(max_scale);
    Ok(if negative { -value } else { value })
}

/// `1234.56`, `-12.5`, `40`: the notation a CSV export mostly holds, read
/// without the general parser; anything else (separators, signs, spaces,
/// currency, more decimals) is `None` and goes through it.
fn plain_decimal(text: &[u8], max_scale: u32) -> Option<Decimal> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let (integer, fraction) = match digits.iter().position(|b| *b == b'.') {
        Some(at) => (&digits[..at], &digits[at + 1..]),
        None => (digits, &digits[digits.len()..]),
    };
    let has_point = integer.len() < digits.len();
    // Twelve integer digits stay under MAX_AMOUNT; a point needs 1 or 2 decimals.
    if integer.is_empty()
        || integer.len() > 12
        || (has_point && !(1..=2).contains(&fraction.len()))
        || !integer.iter().chain(fraction).all(u8::is_ascii_digit)
    {
        return None;
    }
    let mantissa = integer
        .iter()
        .chain(fraction)
        .fold(0i64, |m, b| m * 10 + i64::from(b - b'0'));
    let mut value = Decimal::new(mantissa, fraction.len() as u32);
    if value.abs() >= Decimal::from(MAX_AMOUNT) {
        return None;
    }
    value = value.normalize();
    value.rescale(max_scale);
    Some(if negative { -value } else { value })
}

/// Turns digits with `,` and `.` into a plain `1234.56`.
fn normalize_separators(body: &str, original: &str, max_scale: u32) -> Result<String, AmountError> {
    let not_amount = || AmountError::NotAnAmount(original.to_string());
    let last_comma = body.rfind(',');
    let last_dot = body.rfind('.');
    let (decimal_sep, group_sep) = match (last_comma, last_dot) {
        (None, None) => return Ok(body.to_string()),
        (Some(c), Some(d)) if c > d => (Some(','), '.'),
        (Some(_), Some(_)) => (Some('.'), ','),
        (Some(_), None) => single_kind_roles(body, ',', original, max_scale)?,
        (None, Some(_)) => single_kind_roles(body, '.', original, max_scale)?,
    };
    let (integer, fraction) = match decimal_sep {
        Some(sep) => {
            let at = body.rfind(sep).expect("separator present");
            (&body[..at], Some(&body[at + 1..]))
        }
        None => (body, None),
    };
    if let Some(fraction) = fraction {
        if fraction.is_empty() || fraction.contains([',', '.']) {
            return Err(not_amount());
        }
    }
    let groups: Vec<&str> = integer.split(group_sep).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return Err(not_amount());
    }
    if groups.iter().any(|g| g.contains([',', '.'])) {
        return Err(not_amount());
    }
    let mut plain = groups.concat();
    if plain.is_empty() {
        plain.push('0');
    }
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Ok(plain)
}

/// With only one kind of separator: one occurrence followed by 1 or 2 digits is
/// the decimal mark; several occurrences are thousands groups; a single one
/// followed by exactly three digits could be either and is refused.
fn single_kind_roles(
    body: &str,
    sep: char,
    original: &str,
    max_scale: u32,
) -> Result<(Option<char>, char), AmountError> {
    let other = if sep == ',' { '.' } else { ',' };
    let count = body.matches(sep).count();
    if count > 1 {
        return Ok((None, sep));
    }
    let at = body.rfind(sep).expect("separator present");
    let after = body.len() - at - 1;
    // `1,234` could be a thousands group; `1234,567` or `0,125` cannot.
    if after == 3 && max_scale < 3 && at <= 3 && !body.starts_with(['0', sep]) {
        return Err(AmountError::AmbiguousSeparator(original.to_string()));
    }
    Ok((Some(sep), other))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_notation_reads_as_the_general_parser_does() {
        let plain = [
            "0",
            "40",
            "35.50",
            "1250.5",
            "-12.00",
            "-0.00",
            "007.10",
            "999999999999.99",
        ];
        let general_only = [
            "1000000000000",
            "12.",
            ".5",
            "1.234",
            "-",
            "",
            "1,234.56",
            "12.00-",
            "+3",
            " 5",
        ];
        for scale in [2, 6] {
            for text in plain {
                let fast = plain_decimal(text.as_bytes(), scale).expect(text);
                let general = parse_decimal_general(text, scale).expect(text);
                assert_eq!(fast.to_string(), general.to_string(), "{text}");
            }
            for text in general_only {
                assert_eq!(plain_decimal(text.as_bytes(), scale), None, "{text}");
            }
        }
    }

    fn amount(text: &str) -> Decimal {
        parse_amount(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn amounts_in_every_supported_notation() {
        assert_eq!(amount("1234.56").to_string(), "1234.56");
        assert_eq!(amount("1,234.56").to_string(), "1234.56");
        assert_eq!(amount("1 234,56 $").to_string(), "1234.56");
        assert_eq!(amount("1\u{a0}234,56\u{a0}$").to_string(), "1234.56");
        assert_eq!(amount("1\u{202f}234,56 $").to_string(), "1234.56");
        assert_eq!(amount("(12.00)").to_string(), "-12.00");
        assert_eq!(amount("-12,00 $").to_string(), "-12.00");
        assert_eq!(amount("12.00-").to_string(), "-12.00");
        assert_eq!(amount("$1,234,567.8").to_string(), "1234567.80");
        assert_eq!(amount("1.234.567,80").to_string(), "1234567.80");
        assert_eq!(amount("0,5").to_string(), "0.50");
        assert_eq!(amount("42").to_string(), "42.00");
        assert!(matches!(
            parse_amount("1.250"),
            Err(AmountError::AmbiguousSeparator(_))
        ));
    }

    #[test]
    fn bad_amounts_are_refused() {
        assert!(matches!(
            parse_amount("abc"),
            Err(AmountError::NotAnAmount(_))
        ));
        assert!(matches!(
            parse_amount("12.345"),
            Err(AmountError::AmbiguousSeparator(_))
        ));
        assert!(matches!(
            parse_amount("0.125"),
            Err(AmountError::TooManyDecimals(_))
        ));
        assert!(matches!(
            parse_amount("1,23,4"),
            Err(AmountError::NotAnAmount(_))
        ));
        assert!(matches!(
            parse_amount("1,2.3,4"),
            Err(AmountError::NotAnAmount(_))
        ));
        assert!(matches!(
            parse_amount("-"),
            Err(AmountError::NotAnAmount(_))
        ));
        assert!(matches!(
            parse_amount("99999999999999999999999"),
            Err(AmountError::TooLarge(_))
        ));
    }

    #[test]
    fn excel_numbers_round_to_the_cent_without_float_arithmetic() {
        assert_eq!(amount_from_f64(0.1 + 0.2).unwrap().to_string(), "0.30");
        assert_eq!(amount_from_f64(1149.75).unwrap().to_string(), "1149.75");
        assert_eq!(amount_from_f64(-57.49).unwrap().to_string(), "-57.49");
        assert!(matches!(
            amount_from_f64(1.005),
            Err(AmountError::TooManyDecimals(_))
        ));
        assert!(matches!(
            amount_from_f64(f64::NAN),
            Err(AmountError::TooLarge(_))
        ));
    }
}
