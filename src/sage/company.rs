//! What the tool knows of the Sage 50 company the file is imported into, from
//! `[sage50]` and `[taxes]`: its chart of accounts, its linked accounts (never
//! posted to), the dates it accepts (`lock_before`, `fiscal_year_end`) and the
//! names and codes of its sales taxes (for the TAXH/TAXD tax detail). Sage 50
//! refuses the whole import file for one unknown account, one posting to a
//! linked account or one date it does not allow: these are checked first.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::i18n::Text;
use crate::sage::chart::Chart;
use crate::t;

/// The company settings, validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SageCompany {
    pub chart: Option<Chart>,
    /// Sage's linked accounts (receivable, payable, ...): never posted to.
    pub linked_accounts: Vec<String>,
    /// Sage's "do not allow transactions dated before": the first open date.
    pub lock_before: Option<NaiveDate>,
    /// Sage accepts no entry after the fiscal year end.
    pub fiscal_year_end: Option<NaiveDate>,
}

impl SageCompany {
    /// Why Sage would refuse a posting to this account, if it would, in the
    /// current language.
    pub fn account_problem(&self, account: &str) -> Option<String> {
        self.account_issue(account).map(|why| why.to_string())
    }

    /// Why Sage would refuse a posting to this account, if it would.
    pub fn account_issue(&self, account: &str) -> Option<Text> {
        if self.linked_accounts.iter().any(|a| a == account) {
            return Some(t!("setup-account-linked", account = account));
        }
        self.chart.as_ref().and_then(|chart| chart.problem(account))
    }

    /// Why Sage would refuse a transaction on this date, if it would.
    pub fn date_problem(&self, date: NaiveDate) -> Option<DateProblem> {
        if let Some(lock) = self.lock_before.filter(|lock| date < *lock) {
            return Some(DateProblem::BeforeLock(lock));
        }
        if let Some(end) = self.fiscal_year_end.filter(|end| date > *end) {
            return Some(DateProblem::AfterYearEnd(end));
        }
        None
    }
}

/// A date Sage 50 refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateProblem {
    BeforeLock(NaiveDate),
    AfterYearEnd(NaiveDate),
}

/// A sales tax as the Sage company names it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxCode {
    pub name: String,
    pub code: String,
}

/// The names and codes of GST, QST and HST in the Sage company.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TaxCodes {
    pub gst: TaxCode,
    pub qst: TaxCode,
    pub hst: TaxCode,
}

impl Default for TaxCodes {
    fn default() -> Self {
        let code = |name: &str, code: &str| TaxCode {
            name: name.into(),
            code: code.into(),
        };
        TaxCodes {
            gst: code("TPS", "GQ"),
            qst: code("TVQ", "GQ"),
            hst: code("TVH", "H"),
        }
    }
}

/// A date written as a TOML string ("2026-09-30") or a TOML date (2026-09-30).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum DateValue {
    Text(String),
    Date(toml::value::Datetime),
}

impl DateValue {
    fn parse(&self, key: &str) -> Result<NaiveDate, Text> {
        let text = match self {
            DateValue::Text(text) => text.trim().to_string(),
            DateValue::Date(date) => date.to_string(),
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|_| t!("setup-date-format", key = key, value = &text))
    }
}

/// `[sage50]`'s company keys, as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawCompany {
    pub chart_of_accounts: Option<PathBuf>,
    pub linked_accounts: Vec<String>,
    pub lock_before: Option<DateValue>,
    pub fiscal_year_end: Option<DateValue>,
}

impl RawCompany {
    /// Reads the chart (relative to `base`) and checks the dates.
    pub(crate) fn resolve(self, base: &Path) -> Result<(SageCompany, Option<PathBuf>), Text> {
        let chart_path = self.chart_of_accounts.map(|file| {
            if file.is_absolute() {
                file
            } else {
                base.join(file)
            }
        });
        let chart = chart_path
            .as_ref()
            .map(|path| {
                Chart::load(path).map_err(|why| {
                    t!(
                        "setup-chart-unreadable",
                        path = path.display().to_string(),
                        reason = why
                    )
                })
            })
            .transpose()?;
        let lock_before = self
            .lock_before
            .map(|d| d.parse("lock_before"))
            .transpose()?;
        let fiscal_year_end = self
            .fiscal_year_end
            .map(|d| d.parse("fiscal_year_end"))
            .transpose()?;
        if let (Some(lock), Some(end)) = (lock_before, fiscal_year_end) {
            if lock > end {
                return Err(t!(
                    "setup-lock-after-year-end",
                    lock = lock.to_string(),
                    end = end.to_string()
                ));
            }
        }
        Ok((
            SageCompany {
                chart,
                linked_accounts: self.linked_accounts,
                lock_before,
                fiscal_year_end,
            },
            chart_path,
        ))
    }
}
