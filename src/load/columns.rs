//! The canonical columns of Plannit's three reports, the French and English
//! headers that name them, and finding the header row of a sheet.

use std::collections::BTreeMap;

use super::values::Cell;
use crate::load::text::fold_header;

/// Which Plannit report a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::AsRefStr)]
#[strum(serialize_all = "lowercase")]
pub enum ReportKind {
    /// Detailed sales report: one row per invoice line.
    Sales,
    /// Payments report: payments, deposits and refunds.
    Payments,
    /// Plannit Pay payouts reconciliation: one row per payment in a payout.
    Payouts,
}

impl ReportKind {
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            ReportKind::Sales => SALES_COLUMNS,
            ReportKind::Payments => PAYMENT_COLUMNS,
            ReportKind::Payouts => PAYOUT_COLUMNS,
        }
    }
}

/// A canonical column: its name in the SQL tables, whether the report is
/// unusable without it, and the headers (already folded) that name it.
#[derive(Debug)]
pub struct ColumnSpec {
    pub name: &'static str,
    pub required: bool,
    pub aliases: &'static [&'static str],
}

const INVOICE_ALIASES: &[&str] = &[
    "no facture",
    "n facture",
    "no de facture",
    "numero de facture",
    "numero facture",
    "facture",
    "invoice",
    "invoice no",
    "invoice number",
    "invoice num",
];
const CUSTOMER_ALIASES: &[&str] = &[
    "client",
    "customer",
    "nom du client",
    "customer name",
    "client name",
];

pub const SALES_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "invoice",
        required: true,
        aliases: INVOICE_ALIASES,
    },
    ColumnSpec {
        name: "date",
        required: true,
        aliases: &[
            "date facture",
            "date de facture",
            "date de la facture",
            "invoice date",
            "date",
        ],
    },
    ColumnSpec {
        name: "customer",
        required: false,
        aliases: CUSTOMER_ALIASES,
    },
    ColumnSpec {
        name: "item",
        required: true,
        aliases: &[
            "produit service",
            "produits et services",
            "produits services",
            "produit",
            "service",
            "article",
            "item",
            "product service",
            "products and services",
            "product",
        ],
    },
    ColumnSpec {
        name: "description",
        required: false,
        aliases: &["description"],
    },
    ColumnSpec {
        name: "quantity",
        required: false,
        aliases: &["quantite", "qte", "quantity", "qty"],
    },
    ColumnSpec {
        name: "unit_price",
        required: false,
        aliases: &["prix unitaire", "unit price", "prix", "price"],
    },
    ColumnSpec {
        name: "amount",
        required: true,
        aliases: &[
            "montant",
            "montant avant taxes",
            "montant ht",
            "sous total",
            "amount",
            "amount before tax",
            "amount before taxes",
            "subtotal",
        ],
    },
    ColumnSpec {
        name: "gst",
        required: false,
        aliases: &["tps", "tps 5", "gst", "gst 5"],
    },
    ColumnSpec {
        name: "qst",
        required: false,
        aliases: &["tvq", "tvq 9 975", "qst", "qst 9 975"],
    },
    ColumnSpec {
        name: "hst",
        required: false,
        aliases: &["tvh", "hst"],
    },
    ColumnSpec {
        name: "total",
        required: true,
        aliases: &["total", "montant total", "total amount"],
    },
];

pub const PAYMENT_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "date",
        required: true,
        aliases: &[
            "date",
            "date paiement",
            "date de paiement",
            "date du paiement",
            "payment date",
        ],
    },
    ColumnSpec {
        name: "reference",
        required: false,
        aliases: &[
            "no paiement",
            "n paiement",
            "no de paiement",
            "numero de paiement",
            "paiement",
            "payment",
            "payment no",
            "payment number",
            "reference",
            "no reference",
        ],
    },
    ColumnSpec {
        name: "invoice",
        required: false,
        aliases: INVOICE_ALIASES,
    },
    ColumnSpec {
        name: "customer",
        required: false,
        aliases: CUSTOMER_ALIASES,
    },
    ColumnSpec {
        name: "kind",
        required: false,
        aliases: &["type", "type de transaction", "transaction type"],
    },
    ColumnSpec {
        name: "method",
        required: false,
        aliases: &[
            "mode de paiement",
            "methode de paiement",
            "mode",
            "payment method",
            "method",
        ],
    },
    ColumnSpec {
        name: "amount",
        required: true,
        aliases: &["montant", "montant paye", "amount", "amount paid"],
    },
    ColumnSpec {
        name: "tip",
        required: false,
        aliases: &["pourboire", "pourboires", "tip", "tips", "gratuity"],
    },
];

pub const PAYOUT_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "date",
        required: true,
        aliases: &[
            "date du versement",
            "date de versement",
            "date versement",
            "payout date",
        ],
    },
    ColumnSpec {
        name: "payout",
        required: true,
        aliases: &[
            "no versement",
            "n versement",
            "no de versement",
            "numero de versement",
            "versement",
            "payout",
            "payout no",
            "payout number",
            "payout id",
        ],
    },
    ColumnSpec {
        name: "payout_amount",
        required: true,
        aliases: &[
            "montant du versement",
            "montant versement",
            "total du versement",
            "payout amount",
            "payout total",
        ],
    },
    ColumnSpec {
        name: "invoice",
        required: false,
        aliases: INVOICE_ALIASES,
    },
    ColumnSpec {
        name: "customer",
        required: false,
        aliases: CUSTOMER_ALIASES,
    },
    ColumnSpec {
        name: "gross",
        required: true,
        aliases: &["montant brut", "brut", "gross", "gross amount"],
    },
    ColumnSpec {
        name: "fee",
        required: true,
        aliases: &[
            "frais",
            "frais de traitement",
            "fee",
            "fees",
            "processing fee",
        ],
    },
    ColumnSpec {
        name: "net",
        required: false,
        aliases: &["montant net", "net", "net amount"],
    },
];

/// Header aliases the configuration adds, per report and canonical column.
#[derive(Debug, Clone, Default)]
pub struct ExtraAliases {
    pub sales: BTreeMap<String, Vec<String>>,
    pub payments: BTreeMap<String, Vec<String>>,
    pub payouts: BTreeMap<String, Vec<String>>,
}

impl ExtraAliases {
    fn for_report(&self, kind: ReportKind) -> &BTreeMap<String, Vec<String>> {
        match kind {
            ReportKind::Sales => &self.sales,
            ReportKind::Payments => &self.payments,
            ReportKind::Payouts => &self.payouts,
        }
    }

    /// Names the configuration uses that are not canonical columns.
    pub fn unknown_columns(&self) -> Vec<String> {
        let mut unknown = Vec::new();
        for kind in [ReportKind::Sales, ReportKind::Payments, ReportKind::Payouts] {
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
/// type, method or number; at least three recognised columns are needed.
pub fn find_header(rows: &[Vec<Cell>], extra: &ExtraAliases) -> Option<HeaderMatch> {
    let mut best: Option<HeaderMatch> = None;
    for (row_index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        for kind in [ReportKind::Sales, ReportKind::Payments, ReportKind::Payouts] {
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

/// Accepted headers for a column, for error messages, joined by `separator`
/// (the message puts the quotes around the first and last).
pub fn describe_aliases(spec: &ColumnSpec, separator: &str) -> String {
    spec.aliases.join(separator)
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
