//! Finding a sheet's header row: which report it is, where each canonical
//! column sits, with the header names the configuration adds.

use std::collections::BTreeMap;

use super::columns::{ColumnSpec, ReportKind};
use super::values::Cell;
use crate::load::text::fold_header;

/// Header aliases the configuration adds, per report and canonical column.
#[derive(Debug, Clone, Default)]
pub struct ExtraAliases {
    pub sales: BTreeMap<String, Vec<String>>,
    pub payments: BTreeMap<String, Vec<String>>,
    pub payouts: BTreeMap<String, Vec<String>>,
    pub receivable: BTreeMap<String, Vec<String>>,
    /// Sage 50's General Ledger report, read back by `verify`.
    pub sage_ledger: BTreeMap<String, Vec<String>>,
}

/// Every report, in the order a header row is matched against them.
const REPORT_KINDS: [ReportKind; 4] = [
    ReportKind::Sales,
    ReportKind::Payments,
    ReportKind::Payouts,
    ReportKind::Receivable,
];

impl ExtraAliases {
    fn for_report(&self, kind: ReportKind) -> &BTreeMap<String, Vec<String>> {
        match kind {
            ReportKind::Sales => &self.sales,
            ReportKind::Payments => &self.payments,
            ReportKind::Payouts => &self.payouts,
            ReportKind::Receivable => &self.receivable,
        }
    }

    /// Names the configuration uses that are not canonical columns.
    pub fn unknown_columns(&self) -> Vec<String> {
        let mut unknown = Vec::new();
        for kind in REPORT_KINDS {
            for name in self.for_report(kind).keys() {
                if !kind.columns().iter().any(|c| c.name == name) {
                    unknown.push(format!("[columns.{}] {name}", kind.as_ref()));
                }
            }
        }
        unknown
    }
}

/// The header row found in a sheet and where each canonical column sits.
#[derive(Debug, Clone)]
pub struct HeaderMatch {
    pub kind: ReportKind,
    /// Index of the header row within the sheet's rows.
    pub row_index: usize,
    /// Canonical column name → (column index, header text as written).
    pub columns: BTreeMap<&'static str, (usize, String)>,
    /// Each column's index and header text folded: how a header repeated
    /// further down is recognised, row after row.
    pub folded: Vec<(usize, String)>,
}

impl HeaderMatch {
    pub fn missing_required(&self) -> Vec<&'static ColumnSpec> {
        self.kind
            .columns()
            .iter()
            .filter(|spec| spec.required && !self.columns.contains_key(spec.name))
            .collect()
    }

    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.get(column).map(|(index, _)| *index)
    }

    pub fn header(&self, column: &str) -> String {
        self.columns
            .get(column)
            .map(|(_, header)| header.clone())
            .unwrap_or_else(|| column.to_string())
    }
}

/// How many rows from the top may hold titles before the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Finds the header row: the row among the first ones that names the most
/// canonical columns of one report. A sheet is a sales report when its header
/// names a catalogue item column, a payments report when it names a payment
/// type, method or number, an accounts-receivable report when it names an
/// open balance and neither; at least three recognised columns are needed.
pub fn find_header(rows: &[Vec<Cell>], extra: &ExtraAliases) -> Option<HeaderMatch> {
    let mut best: Option<HeaderMatch> = None;
    for (row_index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        for kind in REPORT_KINDS {
            let columns = match_columns(row, kind, extra);
            let is_this_report = match kind {
                ReportKind::Sales => columns.contains_key("item"),
                ReportKind::Payments => {
                    !columns.contains_key("item")
                        && ["kind", "method", "reference"]
                            .iter()
                            .any(|c| columns.contains_key(c))
                        && !row_mentions_item(row, extra)
                }
                ReportKind::Payouts => columns.contains_key("gross") && columns.contains_key("fee"),
                ReportKind::Receivable => {
                    columns.contains_key("balance")
                        && columns.contains_key("invoice")
                        && !row_mentions_item(row, extra)
                        && !row_mentions_payment(row, extra)
                }
            };
            if !is_this_report || columns.len() < 3 {
                continue;
            }
            if best
                .as_ref()
                .is_none_or(|b| columns.len() > b.columns.len())
            {
                let folded = (columns.values())
                    .map(|(index, written)| (*index, fold_header(written)))
                    .collect();
                best = Some(HeaderMatch {
                    kind,
                    row_index,
                    columns,
                    folded,
                });
            }
        }
    }
    best
}

fn row_mentions_item(row: &[Cell], extra: &ExtraAliases) -> bool {
    match_columns(row, ReportKind::Sales, extra).contains_key("item")
}

fn row_mentions_payment(row: &[Cell], extra: &ExtraAliases) -> bool {
    let columns = match_columns(row, ReportKind::Payments, extra);
    ["kind", "method"].iter().any(|c| columns.contains_key(c))
}

fn match_columns(
    row: &[Cell],
    kind: ReportKind,
    extra: &ExtraAliases,
) -> BTreeMap<&'static str, (usize, String)> {
    let mut columns = BTreeMap::new();
    for (index, cell) in row.iter().enumerate() {
        let Cell::Text(text) = cell else { continue };
        let folded = fold_header(text);
        if folded.is_empty() {
            continue;
        }
        for spec in kind.columns() {
            if columns.contains_key(spec.name) {
                continue;
            }
            let configured = extra.for_report(kind).get(spec.name);
            let matches = spec.aliases.contains(&folded.as_str())
                || configured.is_some_and(|names| names.iter().any(|n| fold_header(n) == folded));
            if matches {
                columns.insert(spec.name, (index, text.trim().to_string()));
                break;
            }
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(headers: &[&str]) -> Vec<Cell> {
        headers.iter().map(|h| Cell::Text(h.to_string())).collect()
    }

    #[test]
    fn recognises_french_sales_under_a_title_row() {
        let rows = vec![
            row(&["Rapport des ventes détaillé"]),
            vec![],
            row(&[
                "N° facture",
                "Date facture",
                "Client",
                "Produit/Service",
                "Quantité",
                "Montant",
                "TPS",
                "TVQ",
                "Total",
                "Notes",
            ]),
        ];
        let header = find_header(&rows, &ExtraAliases::default()).unwrap();
        assert_eq!(header.kind, ReportKind::Sales);
        assert_eq!(header.row_index, 2);
        assert_eq!(header.index("item"), Some(3));
        assert!(header.missing_required().is_empty());
    }

    #[test]
    fn recognises_english_payments() {
        let rows = vec![row(&[
            "Payment #",
            "Date",
            "Invoice #",
            "Customer",
            "Type",
            "Payment method",
            "Amount",
        ])];
        let header = find_header(&rows, &ExtraAliases::default()).unwrap();
        assert_eq!(header.kind, ReportKind::Payments);
        assert_eq!(header.index("method"), Some(5));
    }

    #[test]
    fn configured_aliases_extend_the_headers() {
        let rows = vec![row(&[
            "Facture",
            "Date",
            "Produit",
            "Montant HT ajusté",
            "Total",
        ])];
        let mut extra = ExtraAliases::default();
        extra
            .sales
            .insert("amount".into(), vec!["Montant HT ajusté".into()]);
        let header = find_header(&rows, &extra).unwrap();
        assert_eq!(header.index("amount"), Some(3));
    }

    #[test]
    fn unrelated_sheets_are_not_reports() {
        let rows = vec![row(&["Nom", "Adresse", "Téléphone"])];
        assert!(find_header(&rows, &ExtraAliases::default()).is_none());
    }
}
