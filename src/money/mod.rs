//! Money: amounts to the cent, rounded as Revenu Québec rounds, written as
//! text for each reader (the Sage file and the history's plain `1234.50`, a
//! person's grouped thousands), and the sales taxes they carry.

pub mod tax;
pub mod text;

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to the cent, half away from zero, as Revenu Québec rounds taxes.
pub fn round_cents(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// `1234.5` → `1234.50`, `-0.001` → `0.00` (never `-0.00`): the amount as
/// the Sage file and messages about accounts write it.
pub fn format_amount(amount: Decimal) -> String {
    let mut rounded = amount.round_dp(2);
    if rounded.is_zero() {
        rounded = Decimal::ZERO;
    }
    rounded.rescale(2);
    rounded.to_string()
}

/// `1234567` → `1 234 567` with `separator` between groups of three digits.
pub fn group_thousands(integer: &str, separator: char) -> String {
    let mut grouped = String::with_capacity(integer.len() + integer.len() / 3);
    for (i, ch) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(ch);
    }
    grouped
}

/// `12345.6` → `12 345.60`, for reading in a terminal.
pub fn grouped(amount: Decimal) -> String {
    let (sign, integer, fraction) = parts(amount);
    format!("{sign}{}.{fraction}", group_thousands(&integer, ' '))
}

/// `3 150,00 $` in French, `$3,150.00` in English.
pub fn with_currency(amount: Decimal, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let (sign, integer, fraction) = parts(amount);
    match lang {
        Lang::Fr => format!(
            "{sign}{},{fraction}\u{a0}$",
            group_thousands(&integer, '\u{a0}')
        ),
        Lang::En => format!("{sign}${}.{fraction}", group_thousands(&integer, ',')),
    }
}

/// The sign, the whole units and the two decimals of `amount` to the cent.
fn parts(amount: Decimal) -> (&'static str, String, String) {
    let text = format_amount(amount);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", text.as_str()),
    };
    let (integer, fraction) = digits.split_once('.').unwrap_or((digits, "00"));
    (sign, integer.to_string(), fraction.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_cents(Decimal::new(1005, 3)).to_string(), "1.01");
        assert_eq!(round_cents(Decimal::new(-1005, 3)).to_string(), "-1.01");
        assert_eq!(round_cents(Decimal::new(1015, 3)).to_string(), "1.02");
        assert_eq!(round_cents(Decimal::new(7, 0)).to_string(), "7.00");
    }

    #[test]
    fn amounts_read_as_each_reader_expects() {
        assert_eq!(format_amount(Decimal::new(12345, 1)), "1234.50");
        assert_eq!(format_amount(Decimal::new(-1, 3)), "0.00");
        assert_eq!(grouped(Decimal::new(-12345678, 2)), "-123 456.78");
        assert_eq!(
            with_currency(Decimal::new(315000, 2), Lang::Fr),
            "3\u{a0}150,00\u{a0}$"
        );
        assert_eq!(
            with_currency(Decimal::new(-315000, 2), Lang::En),
            "-$3,150.00"
        );
    }
}
