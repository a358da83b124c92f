//! The configuration file (`plannit2sage.toml`): Sage 50 settings, account
//! roles, the catalogue and payment-method mappings, extra header aliases.
//! Everything is validated here so that later stages can trust it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::load::columns::ExtraAliases;
use crate::load::values::DateOrder;
mod company_rules;
mod mapping_table;

use crate::company::{DateValue, RawCompany, SageCompany, TaxCodes};
use crate::load::{Limits, LoadOptions};
use crate::text::fold_name;
use company_rules::check_company;
use mapping_table::load_mapping_table;

/// How journal lines are grouped into Sage 50 entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One entry for the whole batch, as Plannit's own export does.
    #[default]
    Period,
    /// One entry per date.
    Day,
    /// One entry per invoice, payment, deposit or refund.
    Document,
}

impl Granularity {
    pub fn label(self) -> &'static str {
        match self {
            Granularity::Period => "period",
            Granularity::Day => "day",
            Granularity::Document => "document",
        }
    }
}

/// Text encoding of the Sage 50 import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
pub enum SageEncoding {
    #[default]
    #[serde(rename = "windows-1252", alias = "cp1252")]
    Windows1252,
    #[serde(rename = "utf-8", alias = "utf8")]
    Utf8,
}

/// How the import file is written.
#[derive(Debug, Clone, PartialEq)]
pub struct SageSettings {
    pub granularity: Granularity,
    /// Longest source (reference) Sage accepts: 13 in the strictest versions.
    pub source_max: usize,
    /// Longest entry comment: 39 in the strictest versions.
    pub comment_max: usize,
    pub encoding: SageEncoding,
    /// Write TAXH/TAXD lines so that GST/QST/HST reach Sage's sales-tax report.
    pub tax_detail: bool,
}

impl Default for SageSettings {
    fn default() -> Self {
        SageSettings {
            granularity: Granularity::Period,
            source_max: 13,
            comment_max: 39,
            encoding: SageEncoding::Windows1252,
            tax_detail: false,
        }
    }
}

/// `[sage50]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSage50 {
    #[serde(default)]
    granularity: Granularity,
    #[serde(default = "default_source_max")]
    source_max: usize,
    #[serde(default = "default_comment_max")]
    comment_max: usize,
    #[serde(default)]
    encoding: SageEncoding,
    #[serde(default)]
    tax_detail: bool,
    chart_of_accounts: Option<PathBuf>,
    #[serde(default)]
    linked_accounts: Vec<AccountValue>,
    lock_before: Option<DateValue>,
    fiscal_year_end: Option<DateValue>,
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
enum AccountValue {
    Text(String),
    Number(u64),
}

impl AccountValue {
    fn into_string(self) -> String {
        match self {
            AccountValue::Text(text) => text.trim().to_string(),
            AccountValue::Number(n) => n.to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccounts {
    bank: AccountValue,
    receivable: AccountValue,
    gst: AccountValue,
    qst: AccountValue,
    hst: Option<AccountValue>,
    default_revenue: Option<AccountValue>,
    plannit_pay_clearing: Option<AccountValue>,
    processing_fees: Option<AccountValue>,
    payout_bank: Option<AccountValue>,
    customer_deposits: Option<AccountValue>,
    tips: Option<AccountValue>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumns {
    #[serde(default)]
    sales: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    payments: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    payouts: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput {
    #[serde(default)]
    date_order: DateOrder,
    /// File-name patterns of other files kept in the inbox, never read.
    #[serde(default)]
    ignore: Vec<String>,
}

/// Language of the reconciliation workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    #[serde(default)]
    lang: Lang,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    products_file: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    company: Option<String>,
    #[serde(default)]
    sage50: RawSage50,
    #[serde(default)]
    taxes: TaxCodes,
    accounts: RawAccounts,
    #[serde(default)]
    products: BTreeMap<String, AccountValue>,
    #[serde(default)]
    payment_methods: BTreeMap<String, AccountValue>,
    #[serde(default)]
    columns: RawColumns,
    #[serde(default)]
    input: RawInput,
    #[serde(default)]
    mapping: RawMapping,
    #[serde(default)]
    report: RawReport,
    #[serde(default)]
    limits: Limits,
}

/// The accounts that play a fixed role in every entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Accounts {
    pub bank: String,
    pub receivable: String,
    pub gst: String,
    pub qst: String,
    pub hst: Option<String>,
    pub default_revenue: Option<String>,
    /// Plannit Pay payments are received here; payouts credit it.
    pub plannit_pay_clearing: Option<String>,
    /// Plannit Pay (Stripe) processing fees, an expense.
    pub processing_fees: Option<String>,
    /// Where payouts land; the bank when not set.
    pub payout_bank: Option<String>,
    /// Customer deposits as a liability instead of a credit to the receivable.
    pub customer_deposits: Option<String>,
    /// Tips received with payments, never revenue.
    pub tips: Option<String>,
}

/// One catalogue item or payment method and its account.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// The name as written in the configuration or mapping table.
    pub name: String,
    /// The name folded (case, accents, spaces) for matching.
    pub key: String,
    pub account: String,
    /// Where the mapping was written, for messages.
    pub origin: String,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub company_name: Option<String>,
    pub sage: SageSettings,
    /// The Sage company: chart of accounts, linked accounts, accepted dates.
    pub company: SageCompany,
    /// Tax names and codes in the Sage company (for the tax detail).
    pub taxes: TaxCodes,
    pub accounts: Accounts,
    pub products: Vec<Mapping>,
    pub payment_methods: Vec<Mapping>,
    pub aliases: ExtraAliases,
    pub date_order: DateOrder,
    /// `[input] ignore`: file-name patterns of files kept in the inbox, not read.
    pub ignore: Vec<glob::Pattern>,
    /// Files the configuration names (the mapping table): never read as exports.
    pub named_files: Vec<PathBuf>,
    pub lang: Lang,
    pub limits: Limits,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the configuration: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Syntax { path: String, message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: {message}")]
    MappingFile { path: String, message: String },
}

impl Config {
    /// The settings the load stage reads the inbox with.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            limits: self.limits,
            aliases: self.aliases.clone(),
            date_order: self.date_order,
            ignore: self.ignore.clone(),
        }
    }

    /// Reads and validates a configuration file, and the product mapping table it
    /// names (relative to the configuration's folder).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: shown.clone(),
            source,
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut config = Config::parse(&text, &shown, base)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses configuration text; `origin` names it in messages and `base` is the
    /// folder relative paths are resolved from.
    pub fn parse(text: &str, origin: &str, base: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            path: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let invalid = |message: String| ConfigError::Invalid {
            path: origin.to_string(),
            message,
        };

        let account = |role: &str, value: AccountValue| -> Result<String, ConfigError> {
            let account = value.into_string();
            validate_account(&account)
                .map_err(|why| invalid(format!("[accounts] {role} = \"{account}\": {why}")))?;
            Ok(account)
        };
        let accounts = Accounts {
            bank: account("bank", raw.accounts.bank)?,
            receivable: account("receivable", raw.accounts.receivable)?,
            gst: account("gst", raw.accounts.gst)?,
            qst: account("qst", raw.accounts.qst)?,
            hst: raw.accounts.hst.map(|v| account("hst", v)).transpose()?,
            default_revenue: raw
                .accounts
                .default_revenue
                .map(|v| account("default_revenue", v))
                .transpose()?,
            plannit_pay_clearing: raw
                .accounts
                .plannit_pay_clearing
                .map(|v| account("plannit_pay_clearing", v))
                .transpose()?,
            processing_fees: raw
                .accounts
                .processing_fees
                .map(|v| account("processing_fees", v))
                .transpose()?,
            payout_bank: raw
                .accounts
                .payout_bank
                .map(|v| account("payout_bank", v))
                .transpose()?,
            customer_deposits: raw
                .accounts
                .customer_deposits
                .map(|v| account("customer_deposits", v))
                .transpose()?,
            tips: raw.accounts.tips.map(|v| account("tips", v)).transpose()?,
        };
        if accounts.receivable == accounts.bank {
            return Err(invalid(format!(
                "[accounts] receivable and bank are both {}: they must be different accounts",
                accounts.bank
            )));
        }
        let raw_sage = raw.sage50;
        let sage = SageSettings {
            granularity: raw_sage.granularity,
            source_max: raw_sage.source_max,
            comment_max: raw_sage.comment_max,
            encoding: raw_sage.encoding,
            tax_detail: raw_sage.tax_detail,
        };
        let mut linked_accounts = Vec::new();
        for value in raw_sage.linked_accounts {
            let account = value.into_string();
            validate_account(&account).map_err(|why| {
                invalid(format!("[sage50] linked_accounts: \"{account}\": {why}"))
            })?;
            linked_accounts.push(account);
        }
        let (company, chart_path) = RawCompany {
            chart_of_accounts: raw_sage.chart_of_accounts,
            linked_accounts,
            lock_before: raw_sage.lock_before,
            fiscal_year_end: raw_sage.fiscal_year_end,
        }
        .resolve(base)
        .map_err(invalid)?;
        if !(8..=200).contains(&sage.source_max) || !(8..=200).contains(&sage.comment_max) {
            return Err(invalid(
                "[sage50] source_max and comment_max must be between 8 and 200".to_string(),
            ));
        }

        let mut products = Vec::new();
        for (name, value) in raw.products {
            products.push(mapping(&name, value.into_string(), "[products]", origin)?);
        }
        let mut named_files: Vec<PathBuf> = chart_path.into_iter().collect();
        if let Some(file) = raw.mapping.products_file {
            let file = if file.is_absolute() {
                file
            } else {
                base.join(file)
            };
            products.extend(load_mapping_table(&file)?);
            named_files.push(file);
        }
        let mut ignore = Vec::new();
        for pattern in &raw.input.ignore {
            ignore.push(glob::Pattern::new(pattern).map_err(|e| {
                invalid(format!(
                    "[input] ignore: '{pattern}' is not a file-name pattern ({e}); use * and ? as in \"Sommaire*.xlsx\""
                ))
            })?);
        }
        check_unique_keys(&products, origin)?;
        let mut payment_methods = Vec::new();
        for (name, value) in raw.payment_methods {
            payment_methods.push(mapping(
                &name,
                value.into_string(),
                "[payment_methods]",
                origin,
            )?);
        }
        check_unique_keys(&payment_methods, origin)?;

        let aliases = ExtraAliases {
            sales: raw.columns.sales,
            payments: raw.columns.payments,
            payouts: raw.columns.payouts,
        };
        if let Some(unknown) = aliases.unknown_columns().first() {
            return Err(invalid(format!(
                "{unknown}: not a column name; see the README for the list of columns"
            )));
        }
        check_company(&company, &accounts, &products, &payment_methods).map_err(invalid)?;
        for (key, tax) in [
            ("gst", &raw.taxes.gst),
            ("qst", &raw.taxes.qst),
            ("hst", &raw.taxes.hst),
        ] {
            for (field, value) in [("name", &tax.name), ("code", &tax.code)] {
                if value.trim().is_empty()
                    || value.contains([',', '"'])
                    || value.chars().any(char::is_control)
                {
                    return Err(invalid(format!(
                        "[taxes] {key} {field} = \"{value}\": write it as in the Sage company, without commas or quotes"
                    )));
                }
            }
        }
        Ok(Config {
            path: None,
            company_name: raw.company,
            sage,
            company,
            taxes: raw.taxes,
            accounts,
            products,
            payment_methods,
            aliases,
            date_order: raw.input.date_order,
            ignore,
            named_files,
            lang: raw.report.lang,
            limits: raw.limits,
        })
    }
}

fn mapping(
    name: &str,
    account: String,
    section: &str,
    origin: &str,
) -> Result<Mapping, ConfigError> {
    validate_account(&account).map_err(|why| ConfigError::Invalid {
        path: origin.to_string(),
        message: format!("{section} \"{name}\" = \"{account}\": {why}"),
    })?;
    Ok(Mapping {
        name: name.trim().to_string(),
        key: fold_name(name),
        account,
        origin: format!("{origin} {section}"),
    })
}

/// Sage 50 account numbers are digits (4 in standard editions, more in Premium).
fn validate_account(account: &str) -> Result<(), &'static str> {
    if account.is_empty() {
        Err("the account number is empty")
    } else if !account.bytes().all(|b| b.is_ascii_digit()) || account.len() > 12 {
        Err("an account number is digits only, such as \"4001\"")
    } else {
        Ok(())
    }
}

fn check_unique_keys(mappings: &[Mapping], origin: &str) -> Result<(), ConfigError> {
    let mut seen: BTreeMap<&str, &Mapping> = BTreeMap::new();
    for mapping in mappings {
        if let Some(first) = seen.insert(&mapping.key, mapping) {
            if first.account != mapping.account {
                return Err(ConfigError::Invalid {
                    path: origin.to_string(),
                    message: format!(
                        "\"{}\" ({}) and \"{}\" ({}) are the same name but map to {} and {}: keep one",
                        first.name, first.origin, mapping.name, mapping.origin, first.account, mapping.account
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Finds the configuration: an explicit path, else `<inbox>/plannit2sage.toml`,
/// else `./plannit2sage.toml`.
pub fn locate(explicit: Option<&Path>, inbox: &Path) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    [
        inbox.join(CONFIG_FILE_NAME),
        PathBuf::from(CONFIG_FILE_NAME),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

pub const CONFIG_FILE_NAME: &str = "plannit2sage.toml";

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[accounts]
bank = "1020"
receivable = 1210
gst = "2420"
qst = "2500"

[products]
"Tonte de pelouse" = "4001"
"#;

    #[test]
    fn parses_accounts_as_text_or_numbers() {
        let config = Config::parse(MINIMAL, "test.toml", Path::new(".")).unwrap();
        assert_eq!(config.accounts.receivable, "1210");
        assert_eq!(config.sage.source_max, 13);
        assert_eq!(config.products[0].key, "tonte de pelouse");
    }

    #[test]
    fn rejects_unknown_keys_and_bad_accounts() {
        let typo = MINIMAL.replace("gst =", "tps =");
        let err = Config::parse(&typo, "test.toml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.contains("tps"), "{err}");
        let bad = MINIMAL.replace("\"4001\"", "\"40-01\"");
        let err = Config::parse(&bad, "test.toml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("Tonte de pelouse") && err.contains("digits"),
            "{err}"
        );
    }

    #[test]
    fn rejects_the_same_item_mapped_twice() {
        let twice = format!("{MINIMAL}\"TONTE DE PELOUSE \" = \"4009\"\n");
        let err = Config::parse(&twice, "test.toml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.contains("4001") && err.contains("4009"), "{err}");
    }
}
