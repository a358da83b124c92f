//! The configuration file (`plannit2sage.toml`): Sage 50 settings, account
//! roles, the catalogue and payment-method mappings, extra header aliases.
//! Everything is validated here so that later stages can trust it: `raw`
//! holds the file as written and the table of its sections and keys, `shape`
//! checks the text against that table (naming each problem's line) before
//! serde reads it, and this module checks the values.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::load::dates::DateOrder;
use crate::load::header::ExtraAliases;
pub(crate) mod basis;
mod company_rules;
mod mapping_table;
mod names;
mod raw;
mod serde_names;
mod shape;
pub(crate) mod survey;

use crate::i18n::Text;
use crate::load::text::fold_name;
use crate::load::{Limits, LoadOptions};
use crate::sage::company::{RawCompany, SageCompany, TaxCodes};
use crate::t;
use company_rules::check_company;
use mapping_table::load_mapping_table;
use raw::{AccountValue, RawAccounts, RawSage50};

pub use basis::{Bases, Basis};
pub use shape::ConfigProblem;

pub use crate::sage::settings::{Granularity, SageEncoding, SageSettings};

/// Language of every message and of the workbook.
pub use crate::i18n::Lang;

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
    /// The expense a voided invoice's unpaid part is written off to.
    pub bad_debts: Option<String>,
    /// Where the GST, QST and HST recovered on a bad debt go; the tax
    /// payable accounts when not set.
    pub gst_adjustments: Option<String>,
    pub qst_adjustments: Option<String>,
    pub hst_adjustments: Option<String>,
}

/// One catalogue item or payment method and its account.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// The name as written in the configuration or mapping table.
    pub name: String,
    /// The name folded (case, accents, spaces) for matching.
    pub key: String,
    pub account: String,
    /// Where the mapping was written, for messages (in the language of the
    /// configuration's reading; also the `mapped_in` column of the SQL tables).
    pub origin: String,
}

/// `[watch] warnings`: what `watch` does with a batch that carries warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, strum::AsRefStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum WarningPolicy {
    /// Exported, its warnings shown on its line, in the log and in `status`.
    #[default]
    Export,
    /// Kept in `rejected/` to be reviewed, until `retry … --accept`.
    Hold,
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
    /// `[receivable] tie_out`: what a difference with Plannit's
    /// accounts-receivable report does to the batch.
    pub tie_out: TieOut,
    /// `[policy] voided_invoices`: what an exported invoice voided in
    /// Plannit posts.
    pub voided_invoices: VoidedInvoices,
    /// `[watch] warnings`.
    pub watch_warnings: WarningPolicy,
    /// `[sage50] basis` and `basis_from`: when revenue and taxes are posted.
    pub bases: Bases,
}

/// What an invoice voided in Plannit after its export posts: its exact
/// reversal, or the write-off of its unpaid part as a bad debt with the
/// GST/QST recovered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, strum::AsRefStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum VoidedInvoices {
    #[default]
    Reverse,
    BadDebt,
}

/// What a difference between the ledger and Plannit's accounts-receivable
/// report does: a warning, or an error that refuses the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TieOut {
    #[default]
    Warning,
    Error,
}

/// A configuration that cannot be used; the message names the file and the key.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.text())]
pub enum ConfigError {
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not valid TOML; `position` is the (line, column) of the error.
    Syntax {
        path: PathBuf,
        position: Option<(usize, usize)>,
        // Boxed: the TOML reader's error is large, and every `Result` carries it.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// Unknown or missing sections and keys, values of the wrong type or not
    /// allowed; several are reported together.
    Shape {
        path: PathBuf,
        problems: Vec<ConfigProblem>,
    },
    /// A value the TOML reader refused once the file's shape was right.
    Refused {
        path: PathBuf,
        problem: ConfigProblem,
        #[source]
        source: Box<toml::de::Error>,
    },
    /// Problems with values; several are reported together.
    Invalid {
        path: PathBuf,
        problems: Vec<Text>,
    },
    MappingFile {
        path: PathBuf,
        message: Text,
    },
}

impl ConfigError {
    /// The message, in the language it is shown in.
    pub fn text(&self) -> Text {
        let shown = |path: &PathBuf| path.display().to_string();
        match self {
            ConfigError::Io { path, source } => t!(
                "setup-config-unreadable",
                path = shown(path),
                reason = crate::i18n::path_reason(source, path)
            ),
            ConfigError::Syntax {
                path,
                position,
                source,
            } => {
                let detail = source.message().trim_end();
                match position {
                    Some((line, column)) => t!(
                        "config-not-toml",
                        path = shown(path),
                        line = *line,
                        column = *column,
                        detail = detail
                    ),
                    None => t!("config-not-toml-here", path = shown(path), detail = detail),
                }
            }
            ConfigError::Shape { path, problems } => shape::problems_text(&shown(path), problems),
            ConfigError::Refused { path, problem, .. } => {
                shape::problems_text(&shown(path), std::slice::from_ref(problem))
            }
            ConfigError::Invalid { path, problems } => t!(
                "setup-config-problem",
                path = shown(path),
                message = join(problems)
            ),
            ConfigError::MappingFile { path, message } => {
                t!(
                    "setup-config-problem",
                    path = shown(path),
                    message = message
                )
            }
        }
    }
}

/// Problems one after the other, in the current language.
pub(crate) fn join(problems: &[Text]) -> String {
    let separator = crate::tr!("setup-separator");
    problems
        .iter()
        .map(Text::to_string)
        .collect::<Vec<_>>()
        .join(&separator)
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
            path: path.to_path_buf(),
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
        let raw = shape::read(text, origin)?;
        let invalid = |message: Text| ConfigError::Invalid {
            path: origin.into(),
            problems: vec![message],
        };
        let accounts = parse_accounts(raw.accounts, origin)?;
        if accounts.receivable == accounts.bank {
            let account = &accounts.bank;
            return Err(invalid(t!("setup-receivable-is-bank", account = account)));
        }
        let bases =
            Bases::read(raw.sage50.basis, raw.sage50.basis_from.clone()).map_err(invalid)?;
        let (sage, company, chart_path) = parse_sage(raw.sage50, raw.report.lang, base, origin)?;
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
        let ignore = ignore_patterns(&raw.input.ignore, origin)?;
        check_unique_keys(&products, origin)?;
        let mut payment_methods = Vec::new();
        for (name, value) in raw.payment_methods {
            let account = value.into_string();
            payment_methods.push(mapping(&name, account, "[payment_methods]", origin)?);
        }
        check_unique_keys(&payment_methods, origin)?;
        let aliases = (raw.columns.into_aliases())
            .map_err(|unknown| invalid(t!("setup-unknown-column", column = unknown)))?;
        check_company(&company, &accounts, &products, &payment_methods).map_err(|problems| {
            ConfigError::Invalid {
                path: origin.into(),
                problems,
            }
        })?;
        check_tax_names(&raw.taxes).map_err(invalid)?;
        if raw.policy.voided_invoices == VoidedInvoices::BadDebt && accounts.bad_debts.is_none() {
            return Err(invalid(t!("setup-bad-debts-account")));
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
            tie_out: raw.receivable.tie_out,
            voided_invoices: raw.policy.voided_invoices,
            watch_warnings: raw.watch.warnings,
            bases,
        })
    }
}

/// `[accounts]`: each role's account, checked.
/// `[accounts]`: each role's account, checked; every wrong or empty one is
/// reported at once (a starter configuration has several still to fill in).
fn parse_accounts(raw: RawAccounts, origin: &str) -> Result<Accounts, ConfigError> {
    let problems = std::cell::RefCell::new(Vec::new());
    let account = |role: &str, value: AccountValue| -> String {
        let account = value.into_string();
        if let Err(why) = validate_account(&account) {
            problems.borrow_mut().push(t!(
                "setup-role-account",
                key = format!("[accounts] {role}"),
                account = &account,
                why = why
            ));
        }
        account
    };
    let optional = |role: &str, value: Option<AccountValue>| value.map(|v| account(role, v));
    let accounts = Accounts {
        bank: account("bank", raw.bank),
        receivable: account("receivable", raw.receivable),
        gst: account("gst", raw.gst),
        qst: account("qst", raw.qst),
        hst: optional("hst", raw.hst),
        default_revenue: optional("default_revenue", raw.default_revenue),
        plannit_pay_clearing: optional("plannit_pay_clearing", raw.plannit_pay_clearing),
        processing_fees: optional("processing_fees", raw.processing_fees),
        payout_bank: optional("payout_bank", raw.payout_bank),
        customer_deposits: optional("customer_deposits", raw.customer_deposits),
        tips: optional("tips", raw.tips),
        bad_debts: optional("bad_debts", raw.bad_debts),
        gst_adjustments: optional("gst_adjustments", raw.gst_adjustments),
        qst_adjustments: optional("qst_adjustments", raw.qst_adjustments),
        hst_adjustments: optional("hst_adjustments", raw.hst_adjustments),
    };
    let problems = problems.into_inner();
    if problems.is_empty() {
        Ok(accounts)
    } else {
        Err(ConfigError::Invalid {
            path: origin.into(),
            problems,
        })
    }
}

/// `[sage50]`: how the file is written, and the company it goes into (with
/// the chart of accounts' path, when one is named).
fn parse_sage(
    raw: RawSage50,
    report_lang: Lang,
    base: &Path,
    origin: &str,
) -> Result<(SageSettings, SageCompany, Option<PathBuf>), ConfigError> {
    let invalid = |message: Text| ConfigError::Invalid {
        path: origin.into(),
        problems: vec![message],
    };
    let sage = SageSettings {
        granularity: raw.granularity,
        source_max: raw.source_max,
        comment_max: raw.comment_max,
        encoding: raw.encoding,
        tax_detail: raw.tax_detail,
        lang: raw.lang.unwrap_or(report_lang),
    };
    let mut linked_accounts = Vec::new();
    for value in raw.linked_accounts {
        let account = value.into_string();
        validate_account(&account).map_err(|why| {
            invalid(t!(
                "setup-linked-account-invalid",
                account = &account,
                why = why
            ))
        })?;
        linked_accounts.push(account);
    }
    let (company, chart_path) = RawCompany {
        chart_of_accounts: raw.chart_of_accounts,
        linked_accounts,
        lock_before: raw.lock_before,
        fiscal_year_end: raw.fiscal_year_end,
    }
    .resolve(base)
    .map_err(invalid)?;
    if !(8..=200).contains(&sage.source_max) || !(8..=200).contains(&sage.comment_max) {
        return Err(invalid(t!("setup-field-lengths")));
    }
    Ok((sage, company, chart_path))
}

/// `[input] ignore`: file-name patterns.
fn ignore_patterns(patterns: &[String], origin: &str) -> Result<Vec<glob::Pattern>, ConfigError> {
    (patterns.iter())
        .map(|pattern| {
            glob::Pattern::new(pattern).map_err(|e| ConfigError::Invalid {
                path: origin.into(),
                problems: vec![t!(
                    "setup-ignore-pattern",
                    pattern = pattern,
                    reason = e.to_string()
                )],
            })
        })
        .collect()
}

/// `[taxes]`: each tax's name and code as Sage writes them in a TAXD line.
fn check_tax_names(taxes: &TaxCodes) -> Result<(), Text> {
    for (key, tax) in [
        ("gst", &taxes.gst),
        ("qst", &taxes.qst),
        ("hst", &taxes.hst),
    ] {
        for (field, value) in [("name", &tax.name), ("code", &tax.code)] {
            if value.trim().is_empty()
                || value.contains([',', '"'])
                || value.chars().any(char::is_control)
            {
                return Err(t!(
                    "setup-tax-name",
                    key = key,
                    field = field,
                    value = value
                ));
            }
        }
    }
    Ok(())
}

fn mapping(
    name: &str,
    account: String,
    section: &str,
    origin: &str,
) -> Result<Mapping, ConfigError> {
    validate_account(&account).map_err(|why| ConfigError::Invalid {
        path: origin.into(),
        problems: vec![t!(
            "setup-mapping-account",
            section = section,
            name = name,
            account = &account,
            why = why
        )],
    })?;
    Ok(Mapping {
        name: name.trim().to_string(),
        key: fold_name(name),
        account,
        origin: format!("{origin} {section}"),
    })
}

/// Sage 50 account numbers are digits (4 in standard editions, more in Premium).
fn validate_account(account: &str) -> Result<(), Text> {
    if account.is_empty() {
        Err(t!("setup-account-empty"))
    } else if !account.bytes().all(|b| b.is_ascii_digit()) || account.len() > 12 {
        Err(t!("setup-account-digits"))
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
                    path: origin.into(),
                    problems: vec![t!(
                        "setup-same-name-twice",
                        first = &first.name,
                        first_origin = &first.origin,
                        second = &mapping.name,
                        second_origin = &mapping.origin,
                        first_account = &first.account,
                        second_account = &mapping.account
                    )],
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
    use crate::i18n::{set_lang, Lang};

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
        set_lang(Lang::En);
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
        set_lang(Lang::En);
        let twice = format!("{MINIMAL}\"TONTE DE PELOUSE \" = \"4009\"\n");
        let err = Config::parse(&twice, "test.toml", Path::new("."))
            .unwrap_err()
            .to_string();
        assert!(err.contains("4001") && err.contains("4009"), "{err}");
    }
}
