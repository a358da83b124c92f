//! The configuration file as written: the TOML's shape, with serde, and
//! [`FILE`], the table of its sections and keys (what each holds, whether it
//! is required, what it is for) that `shape` checks the text against before
//! serde reads it. `mod` turns it into a checked [`Config`](super::Config).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::basis::Basis;
use super::serde_names::variants;
use super::{Granularity, Lang, SageEncoding, SageSettings, TieOut, VoidedInvoices, WarningPolicy};
use crate::load::dates::DateOrder;
use crate::load::header::ExtraAliases;
use crate::load::Limits;
use crate::sage::company::{DateValue, TaxCodes};

/// `[sage50]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSage50 {
    #[serde(default)]
    pub(super) granularity: Granularity,
    #[serde(default = "default_source_max")]
    pub(super) source_max: usize,
    #[serde(default = "default_comment_max")]
    pub(super) comment_max: usize,
    #[serde(default)]
    pub(super) encoding: SageEncoding,
    #[serde(default)]
    pub(super) tax_detail: bool,
    /// The language of the entries' comments; `[report] lang` when absent.
    pub(super) lang: Option<Lang>,
    pub(super) chart_of_accounts: Option<PathBuf>,
    #[serde(default)]
    pub(super) linked_accounts: Vec<AccountValue>,
    pub(super) lock_before: Option<DateValue>,
    pub(super) fiscal_year_end: Option<DateValue>,
    /// Accrual (the default) or cash.
    #[serde(default)]
    pub(super) basis: Basis,
    pub(super) basis_from: Option<DateValue>,
}

fn default_source_max() -> usize {
    SageSettings::default().source_max
}

fn default_comment_max() -> usize {
    SageSettings::default().comment_max
}

impl Default for RawSage50 {
    fn default() -> Self {
        toml::from_str("").expect("every key has a default")
    }
}

/// A GL account number, written as a string or a bare number in the TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum AccountValue {
    Text(String),
    Number(u64),
}

impl AccountValue {
    pub(super) fn into_string(self) -> String {
        match self {
            AccountValue::Text(text) => text.trim().to_string(),
            AccountValue::Number(n) => n.to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAccounts {
    pub(super) bank: AccountValue,
    pub(super) receivable: AccountValue,
    pub(super) gst: AccountValue,
    pub(super) qst: AccountValue,
    pub(super) hst: Option<AccountValue>,
    pub(super) default_revenue: Option<AccountValue>,
    pub(super) plannit_pay_clearing: Option<AccountValue>,
    pub(super) processing_fees: Option<AccountValue>,
    pub(super) payout_bank: Option<AccountValue>,
    pub(super) customer_deposits: Option<AccountValue>,
    pub(super) tips: Option<AccountValue>,
    pub(super) bad_debts: Option<AccountValue>,
    pub(super) gst_adjustments: Option<AccountValue>,
    pub(super) qst_adjustments: Option<AccountValue>,
    pub(super) hst_adjustments: Option<AccountValue>,
}

/// `[policy]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPolicy {
    #[serde(default)]
    pub(super) voided_invoices: VoidedInvoices,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawColumns {
    #[serde(default)]
    pub(super) sales: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) payments: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) payouts: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) receivable: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) sage_ledger: BTreeMap<String, Vec<String>>,
}

impl RawColumns {
    /// The header names added per report, or the first one given for a
    /// column its report does not have.
    pub(super) fn into_aliases(self) -> Result<ExtraAliases, String> {
        let aliases = ExtraAliases {
            sales: self.sales,
            payments: self.payments,
            payouts: self.payouts,
            receivable: self.receivable,
            sage_ledger: self.sage_ledger,
        };
        let mut unknown = aliases.unknown_columns();
        unknown.extend(crate::sage::ledger::unknown_columns(&aliases.sage_ledger));
        match unknown.into_iter().next() {
            Some(column) => Err(column),
            None => Ok(aliases),
        }
    }
}

/// `[receivable]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReceivable {
    #[serde(default)]
    pub(super) tie_out: TieOut,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInput {
    #[serde(default)]
    pub(super) date_order: DateOrder,
    /// File-name patterns of other files kept in the inbox, never read.
    #[serde(default)]
    pub(super) ignore: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReport {
    #[serde(default)]
    pub(super) lang: Lang,
}

/// `[watch]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWatch {
    #[serde(default)]
    pub(super) warnings: WarningPolicy,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMapping {
    pub(super) products_file: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) company: Option<String>,
    #[serde(default)]
    pub(super) sage50: RawSage50,
    #[serde(default)]
    pub(super) taxes: TaxCodes,
    pub(super) accounts: RawAccounts,
    #[serde(default)]
    pub(super) products: BTreeMap<String, AccountValue>,
    #[serde(default)]
    pub(super) payment_methods: BTreeMap<String, AccountValue>,
    #[serde(default)]
    pub(super) columns: RawColumns,
    #[serde(default)]
    pub(super) input: RawInput,
    #[serde(default)]
    pub(super) mapping: RawMapping,
    #[serde(default)]
    pub(super) report: RawReport,
    #[serde(default)]
    pub(super) receivable: RawReceivable,
    #[serde(default)]
    pub(super) policy: RawPolicy,
    #[serde(default)]
    pub(super) limits: Limits,
    #[serde(default)]
    pub(super) watch: RawWatch,
}

/// What a key holds: what the shape check accepts, and what its messages say
/// is expected. Choices take their names from the enum's own serde names.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Text,
    /// A whole number, zero or more.
    Number,
    Bool,
    /// A GL account number ([`AccountValue`]): text or a bare number.
    Account,
    /// A [`DateValue`]: text or a TOML date.
    Date,
    /// One of these names (an enum's serde names).
    Choice(fn() -> &'static [&'static str]),
    List(&'static Kind),
    /// A section with these keys.
    Table(&'static [Key]),
    /// A section whose keys are free (catalogue items, payment methods,
    /// column names), each holding this.
    Map(&'static Kind),
}

/// A key or section of the file.
#[derive(Debug, Clone, Copy)]
pub(super) struct Key {
    pub(super) name: &'static str,
    pub(super) kind: Kind,
    pub(super) required: bool,
    /// The catalogue message saying what the key is for.
    pub(super) purpose: &'static str,
    /// Folded French names an accountant may write for it (`tps` for `gst`):
    /// `tps` is closer to `tips` than to `gst`, so spelling alone would
    /// suggest the wrong key.
    pub(super) french: &'static [&'static str],
}

const fn key(name: &'static str, kind: Kind, purpose: &'static str) -> Key {
    Key {
        name,
        kind,
        required: false,
        purpose,
        french: &[],
    }
}

impl Key {
    const fn required(self) -> Key {
        Key {
            required: true,
            ..self
        }
    }

    const fn french(self, french: &'static [&'static str]) -> Key {
        Key { french, ..self }
    }
}

/// Every section and key of the file, as the structs above read them (a test
/// checks that both name the same keys).
pub(super) const FILE: &[Key] = &[
    key("company", Kind::Text, "config-purpose-company"),
    key("sage50", Kind::Table(SAGE50), "config-purpose-sage50"),
    key("taxes", Kind::Table(TAXES), "config-purpose-taxes"),
    key("accounts", Kind::Table(ACCOUNTS), "config-purpose-accounts")
        .required()
        .french(&["comptes"]),
    key(
        "products",
        Kind::Map(&Kind::Account),
        "config-purpose-products",
    ),
    key(
        "payment_methods",
        Kind::Map(&Kind::Account),
        "config-purpose-payment-methods",
    )
    .french(&["modes_de_paiement", "paiements"]),
    key("columns", Kind::Table(COLUMNS), "config-purpose-columns").french(&["colonnes"]),
    key("input", Kind::Table(INPUT), "config-purpose-input"),
    key("mapping", Kind::Table(MAPPING), "config-purpose-mapping"),
    key("report", Kind::Table(REPORT), "config-purpose-report").french(&["rapport"]),
    key(
        "receivable",
        Kind::Table(RECEIVABLE),
        "config-purpose-receivable-section",
    )
    .french(&["comptes_clients", "clients"]),
    key("policy", Kind::Table(POLICY), "config-purpose-policy").french(&["politique"]),
    key("limits", Kind::Table(LIMITS), "config-purpose-limits").french(&["limites"]),
    key("watch", Kind::Table(WATCH), "config-purpose-watch").french(&["surveillance"]),
];

const WATCH: &[Key] = &[key(
    "warnings",
    Kind::Choice(variants::<WarningPolicy>),
    "config-purpose-watch-warnings",
)
.french(&["avertissements"])];

const SAGE50: &[Key] = &[
    key(
        "granularity",
        Kind::Choice(variants::<Granularity>),
        "config-purpose-granularity",
    ),
    key("source_max", Kind::Number, "config-purpose-source-max"),
    key("comment_max", Kind::Number, "config-purpose-comment-max"),
    key(
        "encoding",
        Kind::Choice(variants::<SageEncoding>),
        "config-purpose-encoding",
    ),
    key("tax_detail", Kind::Bool, "config-purpose-tax-detail"),
    key(
        "lang",
        Kind::Choice(variants::<Lang>),
        "config-purpose-sage-lang",
    )
    .french(&["langue"]),
    key("chart_of_accounts", Kind::Text, "config-purpose-chart").french(&["plan_comptable"]),
    key(
        "linked_accounts",
        Kind::List(&Kind::Account),
        "config-purpose-linked-accounts",
    )
    .french(&["comptes_integres"]),
    key("lock_before", Kind::Date, "config-purpose-lock-before"),
    key(
        "fiscal_year_end",
        Kind::Date,
        "config-purpose-fiscal-year-end",
    ),
    key(
        "basis",
        Kind::Choice(variants::<Basis>),
        "config-purpose-basis",
    )
    .french(&["comptabilite", "methode_comptable"]),
    key("basis_from", Kind::Date, "config-purpose-basis-from"),
];

const TAXES: &[Key] = &[
    key("gst", Kind::Table(TAX), "config-purpose-tax-gst").french(&["tps"]),
    key("qst", Kind::Table(TAX), "config-purpose-tax-qst").french(&["tvq"]),
    key("hst", Kind::Table(TAX), "config-purpose-tax-hst").french(&["tvh"]),
];

const TAX: &[Key] = &[
    key("name", Kind::Text, "config-purpose-tax-name")
        .required()
        .french(&["nom"]),
    key("code", Kind::Text, "config-purpose-tax-code").required(),
];

const ACCOUNTS: &[Key] = &[
    key("bank", Kind::Account, "config-purpose-bank")
        .required()
        .french(&["banque"]),
    key("receivable", Kind::Account, "config-purpose-receivable")
        .required()
        .french(&["clients", "comptes_clients", "comptes_a_recevoir"]),
    key("gst", Kind::Account, "config-purpose-gst")
        .required()
        .french(&["tps"]),
    key("qst", Kind::Account, "config-purpose-qst")
        .required()
        .french(&["tvq"]),
    key("hst", Kind::Account, "config-purpose-hst").french(&["tvh"]),
    key(
        "default_revenue",
        Kind::Account,
        "config-purpose-default-revenue",
    ),
    key(
        "plannit_pay_clearing",
        Kind::Account,
        "config-purpose-plannit-pay-clearing",
    ),
    key(
        "processing_fees",
        Kind::Account,
        "config-purpose-processing-fees",
    )
    .french(&["frais"]),
    key("payout_bank", Kind::Account, "config-purpose-payout-bank"),
    key(
        "customer_deposits",
        Kind::Account,
        "config-purpose-customer-deposits",
    )
    .french(&["depots"]),
    key("tips", Kind::Account, "config-purpose-tips").french(&["pourboires"]),
    key("bad_debts", Kind::Account, "config-purpose-bad-debts")
        .french(&["mauvaises_creances", "creances_douteuses"]),
    key(
        "gst_adjustments",
        Kind::Account,
        "config-purpose-gst-adjustments",
    )
    .french(&["tps_ajustements"]),
    key(
        "qst_adjustments",
        Kind::Account,
        "config-purpose-qst-adjustments",
    )
    .french(&["tvq_ajustements"]),
    key(
        "hst_adjustments",
        Kind::Account,
        "config-purpose-hst-adjustments",
    )
    .french(&["tvh_ajustements"]),
];

const POLICY: &[Key] = &[key(
    "voided_invoices",
    Kind::Choice(variants::<VoidedInvoices>),
    "config-purpose-voided-invoices",
)
.french(&["factures_annulees"])];

const ALIASES: Kind = Kind::Map(&Kind::List(&Kind::Text));

const COLUMNS: &[Key] = &[
    key("sales", ALIASES, "config-purpose-columns-sales").french(&["ventes"]),
    key("payments", ALIASES, "config-purpose-columns-payments").french(&["paiements"]),
    key("payouts", ALIASES, "config-purpose-columns-payouts").french(&["versements"]),
    key("receivable", ALIASES, "config-purpose-columns-receivable")
        .french(&["comptes_clients", "clients"]),
    key("sage_ledger", ALIASES, "config-purpose-columns-sage-ledger").french(&["grand_livre"]),
];

const RECEIVABLE: &[Key] = &[key(
    "tie_out",
    Kind::Choice(variants::<TieOut>),
    "config-purpose-tie-out",
)
.french(&["rapprochement"])];

const INPUT: &[Key] = &[
    key(
        "date_order",
        Kind::Choice(variants::<DateOrder>),
        "config-purpose-date-order",
    ),
    key("ignore", Kind::List(&Kind::Text), "config-purpose-ignore").french(&["ignorer"]),
];

const MAPPING: &[Key] = &[key(
    "products_file",
    Kind::Text,
    "config-purpose-products-file",
)];

const REPORT: &[Key] = &[key(
    "lang",
    Kind::Choice(variants::<Lang>),
    "config-purpose-report-lang",
)
.french(&["langue"])];

const LIMITS: &[Key] = &[
    key("max_file_mb", Kind::Number, "config-purpose-max-file-mb"),
    key(
        "max_decompressed_mb",
        Kind::Number,
        "config-purpose-max-decompressed-mb",
    ),
    key("max_rows", Kind::Number, "config-purpose-max-rows"),
    key("max_cells", Kind::Number, "config-purpose-max-cells"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::serde_names::fields;
    use crate::sage::company::TaxCode;

    /// The keys [`FILE`] lists at a path.
    fn table_at(path: &[&str]) -> &'static [Key] {
        let mut keys = FILE;
        for name in path {
            match keys
                .iter()
                .find(|key| key.name == *name)
                .map(|key| key.kind)
            {
                Some(Kind::Table(inner)) => keys = inner,
                other => panic!("{path:?}: {other:?}"),
            }
        }
        keys
    }

    #[test]
    fn the_table_names_the_keys_the_structs_read() {
        let structs: &[(&[&str], &[&str])] = &[
            (&[], fields::<RawConfig>()),
            (&["sage50"], fields::<RawSage50>()),
            (&["taxes"], fields::<TaxCodes>()),
            (&["taxes", "gst"], fields::<TaxCode>()),
            (&["taxes", "qst"], fields::<TaxCode>()),
            (&["taxes", "hst"], fields::<TaxCode>()),
            (&["accounts"], fields::<RawAccounts>()),
            (&["columns"], fields::<RawColumns>()),
            (&["input"], fields::<RawInput>()),
            (&["mapping"], fields::<RawMapping>()),
            (&["report"], fields::<RawReport>()),
            (&["receivable"], fields::<RawReceivable>()),
            (&["policy"], fields::<RawPolicy>()),
            (&["limits"], fields::<Limits>()),
            (&["watch"], fields::<RawWatch>()),
        ];
        for (path, fields) in structs {
            let mut known: Vec<&str> = table_at(path).iter().map(|key| key.name).collect();
            let mut fields = fields.to_vec();
            known.sort_unstable();
            fields.sort_unstable();
            assert_eq!(known, fields, "{path:?}");
        }
        // Every section of the table is one of the structs above.
        fn sections(keys: &[Key]) -> usize {
            let inner = |key: &Key| match key.kind {
                Kind::Table(inner) => 1 + sections(inner),
                _ => 0,
            };
            keys.iter().map(inner).sum()
        }
        assert_eq!(1 + sections(FILE), structs.len());
    }

    #[test]
    fn choices_are_the_enums_serde_names() {
        assert_eq!(variants::<Granularity>(), ["period", "day", "document"]);
        assert_eq!(variants::<Basis>(), ["accrual", "cash"]);
        assert_eq!(variants::<Lang>(), ["fr", "en"]);
        assert_eq!(variants::<DateOrder>(), ["strict", "dmy", "mdy"]);
        assert_eq!(variants::<TieOut>(), ["warning", "error"]);
        assert_eq!(variants::<VoidedInvoices>(), ["reverse", "bad_debt"]);
        assert!(variants::<SageEncoding>().contains(&"windows-1252"));
        assert_eq!(variants::<WarningPolicy>(), ["export", "hold"]);
    }

    #[test]
    fn every_key_says_what_it_is_for_in_both_languages() {
        fn check(keys: &[Key]) {
            for key in keys {
                assert!(crate::i18n::has_message(key.purpose), "{}", key.purpose);
                if let Kind::Table(inner) = key.kind {
                    check(inner);
                }
            }
        }
        check(FILE);
    }
}
