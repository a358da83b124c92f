//! Formulas the workbook writes: a formula with its computed result stored
//! beside it (the workbook reads right before any recalculation), row
//! formulas' templates (`{total}-{paid}` → `N2-M2`); cell references are
//! `rust_xlsxwriter`'s.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::Formula;

/// A formula (without its `=`) with its computed result stored beside it.
pub fn formula(expression: &str, result: Decimal) -> Formula {
    Formula::new(expression).set_result(result_text(result))
}

/// `value` as a formula's stored result: `value.normalize().to_string()`,
/// written directly for money (two places or fewer: every row formula's).
fn result_text(value: Decimal) -> String {
    use std::fmt::Write;
    let scale = value.scale();
    let Some(cents) = (scale <= 2)
        .then(|| value.mantissa().unsigned_abs() * 10u128.pow(2 - scale))
        .and_then(|cents| u64::try_from(cents).ok())
    else {
        return value.normalize().to_string();
    };
    let mut text = String::with_capacity(24);
    if value.is_sign_negative() && cents != 0 {
        text.push('-');
    }
    let (units, fraction) = (cents / 100, cents % 100);
    write!(text, "{units}").expect("writing to a string");
    match fraction {
        0 => {}
        f if f % 10 == 0 => write!(text, ".{}", f / 10).expect("writing to a string"),
        f => write!(text, ".{f:02}").expect("writing to a string"),
    }
    text
}

/// A row formula's template split once per table: text, and the columns
/// whose cell on the row stands for each `{key}`.
pub(super) struct RowTemplate {
    parts: Vec<TemplatePart>,
}

enum TemplatePart {
    Text(String),
    /// A column letter: the cell of that column on the formula's row.
    Column(String),
}

impl RowTemplate {
    pub(super) fn compile(template: &str, keys: &[&'static str], sheet: &str) -> RowTemplate {
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let close = open
                + rest[open..]
                    .find('}')
                    .unwrap_or_else(|| panic!("{sheet}: unclosed '{{' in formula {template}"));
            let key = &rest[open + 1..close];
            let index = keys
                .iter()
                .position(|k| *k == key)
                .unwrap_or_else(|| panic!("{sheet}: no column '{key}' for formula {template}"));
            parts.push(TemplatePart::Text(rest[..open].to_string()));
            let column = u16::try_from(index).expect("a sheet has fewer than 16,384 columns");
            parts.push(TemplatePart::Column(column_number_to_name(column)));
            rest = &rest[close + 1..];
        }
        parts.push(TemplatePart::Text(rest.to_string()));
        RowTemplate { parts }
    }

    /// The formula on 0-based row `r` (cells are 1-based in formulas).
    #[cfg(test)]
    fn on_row(&self, r: u32) -> String {
        let mut text = String::new();
        self.write_on_row(r, &mut text);
        text
    }

    /// The formula on 0-based row `r`, written into `text` (emptied first).
    pub(super) fn write_on_row(&self, r: u32, text: &mut String) {
        use std::fmt::Write;
        text.clear();
        for part in &self.parts {
            match part {
                TemplatePart::Text(t) => text.push_str(t),
                TemplatePart::Column(letter) => {
                    text.push_str(letter);
                    write!(text, "{}", r + 1).expect("writing to a string");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_reads_as_its_normalized_decimal() {
        let mut values: Vec<Decimal> = [
            "0",
            "0.00",
            "-0.00",
            "0.05",
            "-0.05",
            "0.50",
            "12.5",
            "12.50",
            "-12.50",
            "100",
            "100.00",
            "-100",
            "1234567.89",
            "7",
            "0.1",
            "-0.1",
            "1.234",
            "-0.001",
            "79228162514264337593543950335",
            "-4.5E-7",
        ]
        .iter()
        .map(|text| text.parse().unwrap())
        .collect();
        // Every cent from -10 to 10, then a spread of larger amounts.
        values.extend((-1000..=1000).map(|cents| Decimal::new(cents, 2)));
        values.extend((0..2000i64).map(|i| Decimal::new(i * 7919 - 3_000_000, (i % 3) as u32)));
        for value in values {
            assert_eq!(
                result_text(value),
                value.normalize().to_string(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn row_formulas_name_the_cells_of_their_row() {
        let keys = ["total", "paid", "balance"];
        let template = RowTemplate::compile("{total}-{paid}", &keys, "Factures");
        assert_eq!(template.on_row(1), "A2-B2");
        assert_eq!(template.on_row(41), "A42-B42");
        let nested = RowTemplate::compile("ROUND({balance}*2,2)+{total}", &keys, "Factures");
        assert_eq!(nested.on_row(9), "ROUND(C10*2,2)+A10");
    }
}
