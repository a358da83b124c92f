//! The configuration file as written (the TOML's shape, with serde); `mod`
//! turns it into a checked [`Config`](super::Config).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::{Granularity, Lang, SageEncoding, SageSettings};
use crate::load::dates::DateOrder;
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
    pub(super) limits: Limits,
}
