//! The configuration file (`plannit2sage.toml`): Sage 50 settings, account
//! roles, the catalogue and payment-method mappings, extra header aliases.
//! Everything is validated here so that later stages can trust it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::load::columns::ExtraAliases;
use crate::load::values::DateOrder;
use crate::load::{Limits, LoadOptions};
use crate::text::fold_name;

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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SageSettings {
    pub granularity: Granularity,
    /// Longest source (reference) Sage accepts: 13 in the strictest versions.
    pub source_max: usize,
    /// Longest entry comment: 39 in the strictest versions.
    pub comment_max: usize,
    pub encoding: SageEncoding,
}

impl Default for SageSettings {
    fn default() -> Self {
        SageSettings {
            granularity: Granularity::Period,
            source_max: 13,
            comment_max: 39,
            encoding: SageEncoding::Windows1252,
        }
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
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumns {
    #[serde(default)]
    sales: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    payments: BTreeMap<String, Vec<String>>,
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
    sage50: SageSettings,
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
    pub company: Option<String>,
    pub sage: SageSettings,
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
        };
        if accounts.receivable == accounts.bank {
            return Err(invalid(format!(
                "[accounts] receivable and bank are both {}: they must be different accounts",
                accounts.bank
            )));
        }
        let sage = raw.sage50;
        if !(8..=200).contains(&sage.source_max) || !(8..=200).contains(&sage.comment_max) {
            return Err(invalid(
                "[sage50] source_max and comment_max must be between 8 and 200".to_string(),
            ));
        }

        let mut products = Vec::new();
        for (name, value) in raw.products {
            products.push(mapping(&name, value.into_string(), "[products]", origin)?);
        }
        let mut named_files = Vec::new();
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
        };
        if let Some(unknown) = aliases.unknown_columns().first() {
            return Err(invalid(format!(
                "{unknown}: not a column name; see the README for the list of columns"
            )));
        }
        Ok(Config {
            path: None,
            company: raw.company,
            sage,
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

/// Reads a catalogue mapping table (CSV or spreadsheet) with an item column
/// (`Produit/Service`, `Item`, ...) and an account column (`Compte`, `Account`).
fn load_mapping_table(path: &Path) -> Result<Vec<Mapping>, ConfigError> {
    use crate::load::sheet::read_sheets;
    use crate::text::fold_header;
    let shown = path.display().to_string();
    let fail = |message: String| ConfigError::MappingFile {
        path: shown.clone(),
        message,
    };
    let sheets = read_sheets(path, &Limits::default()).map_err(|e| fail(e.to_string()))?;
    let sheet = sheets
        .first()
        .ok_or_else(|| fail("the file has no sheet".into()))?;
    let rows: Vec<Vec<crate::load::values::Cell>> = sheet.rows().collect();
    let header_index = rows
        .iter()
        .position(|row| row.iter().any(|c| !c.is_blank()))
        .ok_or_else(|| fail("the file has no rows".into()))?;
    let header: Vec<String> = rows[header_index]
        .iter()
        .map(|c| fold_header(&c.to_text()))
        .collect();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let item_col = find(&[
        "item",
        "produit",
        "produit service",
        "product",
        "product service",
        "article",
        "service",
    ])
    .ok_or_else(|| fail("no item column: name the first column 'Item' or 'Produit'".into()))?;
    let account_col = find(&[
        "account",
        "compte",
        "compte gl",
        "gl account",
        "no compte",
        "numero de compte",
    ])
    .ok_or_else(|| fail("no account column: name it 'Account' or 'Compte'".into()))?;
    let mut mappings = Vec::new();
    for (offset, row) in rows.iter().enumerate().skip(header_index + 1) {
        let cell = |col: usize| row.get(col).map(|c| c.to_text()).unwrap_or_default();
        let (item, account) = (cell(item_col), cell(account_col));
        if item.is_empty() && account.is_empty() {
            continue;
        }
        let row_number = sheet.first_row_number + offset as u64;
        let origin = format!("{shown} row {row_number}");
        if item.is_empty() {
            return Err(fail(format!(
                "row {row_number}: account {account} has no item name"
            )));
        }
        validate_account(&account)
            .map_err(|why| fail(format!("row {row_number}, item \"{item}\": {why}")))?;
        mappings.push(Mapping {
            key: fold_name(&item),
            name: item,
            account,
            origin,
        });
    }
    Ok(mappings)
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
