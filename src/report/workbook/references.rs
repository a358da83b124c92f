//! Formulas that refer to a written table: a column's cells over every
//! sheet the table continues on, some of its rows, and sums over them.

use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell_absolute;

use super::table::WrittenTable;

/// `'Par produit'` — sheet names are always quoted in references.
pub fn quoted_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

impl WrittenTable {
    fn index(&self, key: &str) -> usize {
        self.keys
            .iter()
            .position(|k| *k == key)
            .unwrap_or_else(|| panic!("the table has no column '{key}'"))
    }

    /// Σ of a total column over every part, as written.
    pub fn total(&self, key: &str) -> Decimal {
        self.sums.get(key).copied().unwrap_or_default()
    }

    fn ranges(&self, key: &str) -> Vec<String> {
        let column = self.index(key) as u16;
        self.parts
            .iter()
            .filter(|p| p.last_row >= p.first_row)
            .map(|p| {
                format!(
                    "{}!{}:{}",
                    quoted_sheet(&p.sheet),
                    row_col_to_cell_absolute(p.first_row - 1, column),
                    row_col_to_cell_absolute(p.last_row - 1, column)
                )
            })
            .collect()
    }

    /// The ranges of a column holding the table's data rows `rows` (0-based,
    /// in table order), one per part they fall in.
    pub fn ranges_of_rows(&self, key: &str, rows: std::ops::Range<usize>) -> Vec<String> {
        let column = self.index(key) as u16;
        let mut ranges = Vec::new();
        let mut before = 0usize;
        for part in self.parts.iter().filter(|p| p.last_row >= p.first_row) {
            let count = (part.last_row - part.first_row + 1) as usize;
            let (from, to) = (rows.start.max(before), rows.end.min(before + count));
            if from < to {
                let first = part.first_row - 1 + (from - before) as u32;
                let last = part.first_row - 1 + (to - 1 - before) as u32;
                ranges.push(format!(
                    "{}!{}:{}",
                    quoted_sheet(&part.sheet),
                    row_col_to_cell_absolute(first, column),
                    row_col_to_cell_absolute(last, column)
                ));
            }
            before += count;
        }
        ranges
    }

    /// `SUM(...)` of a column over every part (`0` for an empty table).
    pub fn sum(&self, key: &str) -> String {
        let ranges = self.ranges(key);
        if ranges.is_empty() {
            "0".to_string()
        } else {
            format!("SUM({})", ranges.join(","))
        }
    }

    /// `SUMIFS(sum column, criteria column, criteria)` added over every part.
    pub fn sumifs(&self, sum_key: &str, criteria_key: &str, criteria: &str) -> String {
        let sums = self.ranges(sum_key);
        let criteria_ranges = self.ranges(criteria_key);
        if sums.is_empty() {
            return "0".to_string();
        }
        sums.iter()
            .zip(&criteria_ranges)
            .map(|(s, c)| format!("SUMIFS({s},{c},{criteria})"))
            .collect::<Vec<_>>()
            .join("+")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::workbook::table::TablePart;
    use std::collections::BTreeMap;

    #[test]
    fn formulas_span_every_part() {
        let table = WrittenTable {
            sums: BTreeMap::new(),
            keys: vec!["entry", "date", "source", "comment", "account", "debit"],
            parts: vec![
                TablePart {
                    sheet: "Journal".into(),
                    first_row: 2,
                    last_row: 4,
                },
                TablePart {
                    sheet: "Journal (suite 2)".into(),
                    first_row: 2,
                    last_row: 3,
                },
            ],
        };
        assert_eq!(
            table.sum("debit"),
            "SUM('Journal'!$F$2:$F$4,'Journal (suite 2)'!$F$2:$F$3)"
        );
        assert_eq!(
            table.sumifs("debit", "account", "A7"),
            "SUMIFS('Journal'!$F$2:$F$4,'Journal'!$E$2:$E$4,A7)+SUMIFS('Journal (suite 2)'!$F$2:$F$3,'Journal (suite 2)'!$E$2:$E$3,A7)"
        );
        // Data rows 0–2 are on the first sheet, 3–4 on the second.
        assert_eq!(table.ranges_of_rows("debit", 1..3), ["'Journal'!$F$3:$F$4"]);
        assert_eq!(
            table.ranges_of_rows("debit", 2..4),
            ["'Journal'!$F$4:$F$4", "'Journal (suite 2)'!$F$2:$F$2"]
        );
        assert_eq!(
            table.ranges_of_rows("debit", 4..5),
            ["'Journal (suite 2)'!$F$3:$F$3"]
        );
    }
}
