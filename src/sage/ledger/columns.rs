//! The columns of Sage 50's General Ledger report as exported, the English
//! and French headers that name them (plus `[columns.sage_ledger]`), and
//! finding the header row under the report's title rows.

use std::collections::BTreeMap;

use crate::load::columns::ColumnSpec;
use crate::load::text::fold_header;
use crate::load::values::Cell;

/// The report's columns. Sage publishes no column titles for its report
/// exports: these are the headers seen in English and French exports, folded.
pub const LEDGER_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "account",
        required: false,
        aliases: &[
            "account no",
            "account id",
            "account number",
            "account",
            "n de compte",
            "no de compte",
            "no compte",
            "n compte",
            "numero de compte",
            "numero du compte",
            "compte",
        ],
    },
    ColumnSpec {
        name: "account_description",
        required: false,
        aliases: &[
            "account description",
            "account name",
            "description du compte",
            "description de compte",
            "nom du compte",
        ],
    },
    ColumnSpec {
        name: "date",
        required: true,
        aliases: &[
            "date",
            "transaction date",
            "date de transaction",
            "date de l ecriture",
        ],
    },
    ColumnSpec {
        name: "comment",
        required: false,
        aliases: &[
            "comment",
            "comments",
            "commentaire",
            "commentaires",
            "description",
        ],
    },
    ColumnSpec {
        name: "source",
        required: true,
        aliases: &[
            "source",
            "source no",
            "n source",
            "no source",
            "n de source",
            "no de source",
        ],
    },
    ColumnSpec {
        name: "je",
        required: true,
        aliases: &[
            "je",
            "je no",
            "journal entry",
            "journal entry no",
            "n ecriture",
            "no ecriture",
            "n d ecriture",
            "no d ecriture",
            "no de l ecriture",
            "numero d ecriture",
        ],
    },
    ColumnSpec {
        name: "debits",
        required: true,
        aliases: &["debits", "debit"],
    },
    ColumnSpec {
        name: "credits",
        required: true,
        aliases: &["credits", "credit"],
    },
    ColumnSpec {
        name: "balance",
        required: false,
        aliases: &["balance", "solde"],
    },
];

/// The header row found and where each column sits.
#[derive(Debug, Clone)]
pub struct LedgerHeader {
    /// Index of the header row within the sheet's rows.
    pub row_index: usize,
    /// Column name → (column index, header as written).
    pub columns: BTreeMap<&'static str, (usize, String)>,
}

impl LedgerHeader {
    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.get(column).map(|(index, _)| *index)
    }

    /// The header as written, for messages (the column's name when absent).
    pub fn written(&self, column: &str) -> String {
        self.columns
            .get(column)
            .map(|(_, written)| written.clone())
            .unwrap_or_else(|| column.to_string())
    }

    pub fn missing_required(&self) -> Vec<&'static str> {
        LEDGER_COLUMNS
            .iter()
            .filter(|spec| spec.required && !self.columns.contains_key(spec.name))
            .map(|spec| spec.name)
            .collect()
    }

    /// True when `row` repeats the header (a page break in the export).
    pub fn is_repeated_in(&self, row: &[Cell]) -> bool {
        self.columns.iter().all(|(_, (index, written))| {
            matches!(row.get(*index), Some(Cell::Text(text)) if fold_header(text) == fold_header(written))
        })
    }
}

/// How many rows from the top may hold titles before the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The header row among the first rows: the one naming the most columns, of
/// which the journal entry number, or the debits and the credits, and at
/// least three in all. `extra`: `[columns.sage_ledger]`.
pub fn find_ledger_header(
    rows: &[Vec<Cell>],
    extra: &BTreeMap<String, Vec<String>>,
) -> Option<LedgerHeader> {
    let mut best: Option<LedgerHeader> = None;
    for (row_index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let columns = match_columns(row, extra);
        let is_ledger = columns.contains_key("je")
            || (columns.contains_key("debits") && columns.contains_key("credits"));
        if !is_ledger || columns.len() < 3 {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|b| columns.len() > b.columns.len())
        {
            best = Some(LedgerHeader { row_index, columns });
        }
    }
    best
}

fn match_columns(
    row: &[Cell],
    extra: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<&'static str, (usize, String)> {
    let mut columns = BTreeMap::new();
    for (index, cell) in row.iter().enumerate() {
        let Cell::Text(text) = cell else { continue };
        let folded = fold_header(text);
        if folded.is_empty() {
            continue;
        }
        let spec = LEDGER_COLUMNS.iter().find(|spec| {
            !columns.contains_key(spec.name)
                && (spec.aliases.contains(&folded.as_str())
                    || extra
                        .get(spec.name)
                        .is_some_and(|names| names.iter().any(|n| fold_header(n) == folded)))
        });
        if let Some(spec) = spec {
            columns.insert(spec.name, (index, text.trim().to_string()));
        }
    }
    columns
}

/// Names under `[columns.sage_ledger]` that are not columns of the report.
pub fn unknown_columns(extra: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    extra
        .keys()
        .filter(|name| !LEDGER_COLUMNS.iter().any(|spec| spec.name == name.as_str()))
        .map(|name| format!("[columns.sage_ledger] {name}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(headers: &[&str]) -> Vec<Cell> {
        headers.iter().map(|h| Cell::Text(h.to_string())).collect()
    }

    #[test]
    fn english_and_french_headers_under_titles() {
        let rows = vec![
            row(&["Paysagement Gagnon"]),
            row(&["General Ledger Report"]),
            row(&["10/01/2026 to 10/31/2026"]),
            row(&[
                "Date", "Comment", "Source #", "JE #", "Debits", "Credits", "Balance",
            ]),
        ];
        let header = find_ledger_header(&rows, &BTreeMap::new()).unwrap();
        assert_eq!(header.row_index, 3);
        assert_eq!(header.index("je"), Some(3));
        assert!(header.missing_required().is_empty());
        let french = vec![row(&[
            "N° de compte",
            "Description du compte",
            "Date",
            "Commentaire",
            "N° source",
            "N° écriture",
            "Débits",
            "Crédits",
            "Solde",
        ])];
        let header = find_ledger_header(&french, &BTreeMap::new()).unwrap();
        assert_eq!(header.index("account"), Some(0));
        assert_eq!(header.index("account_description"), Some(1));
        assert_eq!(header.index("credits"), Some(7));
    }

    #[test]
    fn plannit_exports_are_not_ledgers() {
        let rows = vec![row(&[
            "Date",
            "No paiement",
            "No facture",
            "Client",
            "Type",
            "Montant",
        ])];
        assert!(find_ledger_header(&rows, &BTreeMap::new()).is_none());
    }

    #[test]
    fn configured_aliases_name_columns() {
        let rows = vec![row(&["Date", "Réf.", "Écr.", "Dt", "Ct"])];
        let mut extra = BTreeMap::new();
        extra.insert("source".to_string(), vec!["Réf.".to_string()]);
        extra.insert("je".to_string(), vec!["Écr.".to_string()]);
        extra.insert("debits".to_string(), vec!["Dt".to_string()]);
        extra.insert("credits".to_string(), vec!["Ct".to_string()]);
        let header = find_ledger_header(&rows, &extra).unwrap();
        assert_eq!(header.index("je"), Some(2));
        assert!(header.missing_required().is_empty());
        assert_eq!(
            unknown_columns(&[("jee".to_string(), vec![])].into_iter().collect()),
            vec!["[columns.sage_ledger] jee"]
        );
    }
}
