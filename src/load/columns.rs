//! The canonical columns of Plannit's four reports and the French and
//! English headers that name them.

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
    /// Accounts receivable: one row per invoice open at the report's date. A
    /// control, never posted.
    Receivable,
}

impl ReportKind {
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            ReportKind::Sales => SALES_COLUMNS,
            ReportKind::Payments => PAYMENT_COLUMNS,
            ReportKind::Payouts => PAYOUT_COLUMNS,
            ReportKind::Receivable => RECEIVABLE_COLUMNS,
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
    ColumnSpec {
        name: "status",
        required: false,
        aliases: &[
            "statut",
            "statut de la facture",
            "etat",
            "status",
            "invoice status",
        ],
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

/// The open balance of an invoice in the accounts-receivable report.
const BALANCE_ALIASES: &[&str] = &[
    "solde",
    "balance",
    "solde du",
    "balance due",
    "montant du",
    "amount due",
    "total du",
    "open balance",
    "solde ouvert",
];

pub const RECEIVABLE_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "customer",
        required: true,
        aliases: CUSTOMER_ALIASES,
    },
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
        name: "balance",
        required: true,
        aliases: BALANCE_ALIASES,
    },
    ColumnSpec {
        name: "due_date",
        required: false,
        aliases: &["echeance", "date d echeance", "due date", "due"],
    },
    ColumnSpec {
        name: "total",
        required: false,
        aliases: &[
            "montant facture",
            "total facture",
            "invoice total",
            "invoice amount",
            "amount invoiced",
        ],
    },
    // The aging columns are recognised (they make the header) but not read:
    // the ledger ages each invoice itself.
    ColumnSpec {
        name: "current",
        required: false,
        aliases: &["courant", "current", "0 30 jours", "0 30 days"],
    },
    ColumnSpec {
        name: "days_1_30",
        required: false,
        aliases: &["1 30 jours", "1 30 days", "1 30"],
    },
    ColumnSpec {
        name: "days_31_60",
        required: false,
        aliases: &["31 60 jours", "31 60 days", "31 60"],
    },
    ColumnSpec {
        name: "days_61_90",
        required: false,
        aliases: &["61 90 jours", "61 90 days", "61 90"],
    },
    ColumnSpec {
        name: "days_over_90",
        required: false,
        aliases: &[
            "plus de 90 jours",
            "over 90 days",
            "90",
            "90 jours et plus",
            "91 jours et plus",
            "91 days and over",
            "over 90",
        ],
    },
];

/// Accepted headers for a column, for error messages, joined by `separator`
/// (the message puts the quotes around the first and last).
pub fn describe_aliases(spec: &ColumnSpec, separator: &str) -> String {
    spec.aliases.join(separator)
}
