//! Money: amounts to the cent, rounded as Revenu Québec rounds, written as
//! text for each reader (the Sage file's and the history's plain `1234.50`;
//! a person's `1 234,50` in French, from the catalogue's [`crate::i18n`]),
//! and the sales taxes they carry.

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

/// An amount as a person reads it, in the run's language: `3 477,72` in
/// French, `3,477.72` in English (see [`crate::i18n::amount`]).
pub fn for_person(amount: Decimal) -> String {
    crate::i18n::amount(crate::i18n::lang(), amount)
}

/// `3 150,00 $` in French, `$3,150.00` in English.
pub fn with_currency(amount: Decimal, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let text = crate::i18n::amount(lang, amount);
    match lang {
        Lang::Fr => format!("{text}\u{a0}$"),
        Lang::En => match text.strip_prefix('-') {
            Some(positive) => format!("-${positive}"),
            None => format!("${text}"),
        },
    }
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
        let amount = crate::i18n::amount;
        assert_eq!(
            amount(Lang::Fr, Decimal::new(-12345678, 2)),
            "-123\u{a0}456,78"
        );
        assert_eq!(amount(Lang::En, Decimal::new(-12345678, 2)), "-123,456.78");
        assert_eq!(amount(Lang::Fr, Decimal::new(-1, 3)), "0,00");
        assert_eq!(amount(Lang::En, Decimal::new(5, 0)), "5.00");
        assert_eq!(amount(Lang::Fr, Decimal::new(99999, 2)), "999,99");
        assert_eq!(amount(Lang::Fr, Decimal::new(100000, 2)), "1\u{a0}000,00");
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
