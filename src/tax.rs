//! Quebec sales-tax rules: the GST and QST rates and the tax expected on a
//! taxable amount, rounded to the cent half away from zero as Revenu Québec
//! does. The `sales` table (per line) and the reconciliation (per invoice)
//! both compute expected tax here.

use rust_decimal::Decimal;

use crate::load::values::round_cents;

/// GST rate (5 %).
pub const GST_RATE: Decimal = Decimal::from_parts(5, 0, 0, false, 2);
/// QST rate (9.975 %, on the price before GST).
pub const QST_RATE: Decimal = Decimal::from_parts(9975, 0, 0, false, 5);

/// GST expected on a taxable amount.
pub fn expected_gst(taxable: Decimal) -> Decimal {
    round_cents(taxable * GST_RATE)
}

/// QST expected on a taxable amount.
pub fn expected_qst(taxable: Decimal) -> Decimal {
    round_cents(taxable * QST_RATE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        // 0.50 × 5 % = 0.025: half away from zero gives 0.03 (half-to-even, 0.02).
        assert_eq!(expected_gst(Decimal::new(50, 2)).to_string(), "0.03");
        assert_eq!(expected_gst(Decimal::new(-50, 2)).to_string(), "-0.03");
        assert_eq!(expected_qst(Decimal::new(10000, 2)).to_string(), "9.98");
    }
}
