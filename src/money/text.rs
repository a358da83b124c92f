//! Amounts as the history writes them: as stored (`Display`: `-12.30`) and
//! as hashed into a document's content (`normalize`d: `-12.3`). A large batch
//! writes a million of them: an amount to the cent is written directly,
//! without the decimal's general formatting, as the same text.

use std::fmt::Write;

use rust_decimal::Decimal;

/// Cents of an amount to the cent (two decimals, not zero, within `u64`).
fn cents(amount: Decimal) -> Option<u64> {
    let cents = u64::try_from(amount.mantissa().unsigned_abs()).ok()?;
    (amount.scale() == 2 && cents != 0).then_some(cents)
}

/// Writes `amount` as its `Display` does (`-12.30`).
pub fn write_amount(text: &mut String, amount: Decimal) {
    match cents(amount) {
        Some(cents) => {
            if amount.is_sign_negative() {
                text.push('-');
            }
            write!(text, "{}.{:02}", cents / 100, cents % 100)
        }
        None => write!(text, "{amount}"),
    }
    .expect("writing to a string");
}

/// Writes `amount.normalize()` as its `Display` does (`-12.3`, `12`).
pub fn write_normalized(text: &mut String, amount: Decimal) {
    match cents(amount) {
        Some(cents) => {
            if amount.is_sign_negative() {
                text.push('-');
            }
            let (units, hundredths) = (cents / 100, cents % 100);
            if hundredths == 0 {
                write!(text, "{units}")
            } else if hundredths % 10 == 0 {
                write!(text, "{units}.{}", hundredths / 10)
            } else {
                write!(text, "{units}.{hundredths:02}")
            }
        }
        None => write!(text, "{}", amount.normalize()),
    }
    .expect("writing to a string");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Vec<Decimal> {
        let mut values: Vec<Decimal> = (-20_000..=20_000).map(|c| Decimal::new(c, 2)).collect();
        values.extend([
            Decimal::new(i64::MAX, 2),
            Decimal::new(i64::MIN + 1, 2),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(-5, 3),
            Decimal::new(12, 0),
            Decimal::new(-1230, 3),
            Decimal::new(1200, 1),
            -Decimal::new(0, 2),
        ]);
        values
    }

    #[test]
    fn amounts_are_written_as_their_display() {
        let mut text = String::new();
        for value in values() {
            text.clear();
            write_amount(&mut text, value);
            assert_eq!(text, value.to_string(), "{value:?}");
        }
    }

    #[test]
    fn normalized_amounts_are_written_as_their_display() {
        let mut text = String::new();
        for value in values() {
            text.clear();
            write_normalized(&mut text, value);
            assert_eq!(text, value.normalize().to_string(), "{value:?}");
        }
    }
}
