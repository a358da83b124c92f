//! Quebec sales-tax rules: the GST and QST rates and the tax expected on a
//! taxable amount, rounded to the cent half away from zero as Revenu Québec
//! does. The reconciliation computes expected tax per invoice here; the
//! `sales` table's per-line columns are computed by Polars from the same
//! rates ([`expected_tax_columns`], tested equal to these functions).

use polars::prelude::*;
use rust_decimal::Decimal;

use super::round_cents;

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

/// The `sales` table's `gst_expected` and `qst_expected`, of its `amount`
/// column (decimals of `precision` digits, `cents` of them after the point):
/// each line's amount at 5 % and 9.975 %, rounded to the cent half away from
/// zero as [`expected_gst`] does, computed by Polars as a query reads them
/// rather than stored (two more columns the size of the sales table's).
pub fn expected_tax_columns(precision: usize, cents: usize) -> [Expr; 2] {
    // Polars keeps a product at the larger scale of its factors: the rate is
    // written with as many decimals as the exact product of a cent amount has.
    let exact_scale = cents as u32 + QST_RATE.scale().max(GST_RATE.scale());
    let at = |mut rate: Decimal, name: &str| {
        rate.rescale(exact_scale);
        let scale = rate.scale() as usize;
        let rate = Scalar::new(
            DataType::Decimal(precision, scale),
            AnyValue::Decimal(rate.mantissa(), precision, scale),
        );
        (col("amount") * lit(rate))
            .round(cents as u32, RoundMode::HalfAwayFromZero)
            .cast(DataType::Decimal(precision, cents))
            .alias(name)
    };
    [at(GST_RATE, "gst_expected"), at(QST_RATE, "qst_expected")]
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

    /// Polars' expected taxes are the Rust ones, cent for cent, on every
    /// amount from -1,000.00 to 1,000.00 (every half cent case included).
    #[test]
    fn expected_taxes_in_polars_round_as_quebec_does() {
        let amounts: Vec<Decimal> = (-100_000..=100_000).map(|c| Decimal::new(c, 2)).collect();
        let frame = DataFrame::new(
            amounts.len(),
            vec![Column::new(
                "amount".into(),
                Int128Chunked::from_vec(
                    "amount".into(),
                    amounts.iter().map(|a| a.mantissa()).collect(),
                )
                .into_decimal(38, 2)
                .unwrap()
                .into_series(),
            )],
        )
        .unwrap();
        for engine in [Engine::InMemory, Engine::Streaming] {
            let computed = frame
                .clone()
                .lazy()
                .with_columns(expected_tax_columns(38, 2))
                .collect_with_engine(engine)
                .unwrap()
                .unwrap_single();
            for (name, expected) in [
                ("gst_expected", expected_gst as fn(Decimal) -> Decimal),
                ("qst_expected", expected_qst),
            ] {
                let column = computed.column(name).unwrap();
                assert_eq!(column.dtype(), &DataType::Decimal(38, 2));
                for (row, amount) in amounts.iter().enumerate() {
                    let Ok(AnyValue::Decimal(mantissa, _, scale)) = column.get(row) else {
                        panic!("{name} row {row} is not a decimal");
                    };
                    let polars = Decimal::from_i128_with_scale(mantissa, scale as u32);
                    assert_eq!(polars, expected(*amount), "{name} of {amount}");
                }
            }
        }
    }
}
