//! Fitting the batch to the Sage 50 company before anything is written:
//! documents dated where Sage refuses transactions are refused, accounts the
//! company does not have (or cannot post to) stop the run as a setup error,
//! and each entry that posts sales tax gets its tax detail (TAXD lines) so that
//! GST/QST/HST reach Sage's sales-tax report.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::labels::EntryLabeler;
use crate::config::Config;
use crate::diagnostics::{Finding, Fix, Location};
use crate::history::DocumentPosting;
use crate::load::reports::SalesLine;
use crate::sage::company::DateProblem;
use crate::sage::entry::{JournalEntry, TaxLine};
use crate::{t, tr};

/// The rule of a journal account the company lacks or cannot post to.
pub const ACCOUNT_RULE: &str = "account_not_in_company";

/// How many documents a date finding names.
const SHOWN: usize = 5;

/// Documents about to be posted on a date Sage refuses: one error per kind of
/// refusal, naming the date, the count and the first documents.
pub fn date_findings<'a>(
    config: &Config,
    to_post: impl Iterator<Item = &'a DocumentPosting>,
) -> Vec<Finding> {
    let mut refused: BTreeMap<DateProblem, Vec<(NaiveDate, String)>> = BTreeMap::new();
    for doc in to_post {
        if let Some(problem) = config.company.date_problem(doc.date) {
            refused
                .entry(problem)
                .or_default()
                .push((doc.date, doc.number.to_string()));
        }
    }
    refused
        .into_iter()
        .map(|(problem, mut docs)| {
            docs.sort();
            let count = docs.len();
            let first: Vec<String> = docs
                .iter()
                .take(SHOWN)
                .map(|(date, number)| format!("{number} ({date})"))
                .collect();
            let more = if count > SHOWN { ", …" } else { "" };
            let documents = format!("{}{more}", first.join(", "));
            // Documents before the lock date are left out of the export; after
            // the year end, the configuration follows the new fiscal year.
            let (rule, message, fix) = match problem {
                DateProblem::BeforeLock(lock) => (
                    "date_locked",
                    t!(
                        "load-date-locked",
                        count = count,
                        lock = lock.to_string(),
                        documents = documents
                    ),
                    Fix::Plannit,
                ),
                DateProblem::AfterYearEnd(end) => (
                    "date_after_year_end",
                    t!(
                        "load-date-after-year-end",
                        count = count,
                        end = end.to_string(),
                        documents = documents
                    ),
                    Fix::config("[sage50] fiscal_year_end"),
                ),
            };
            Finding::error(
                rule,
                message,
                Location {
                    document: docs.first().map(|(_, number)| number.clone()),
                    ..Location::default()
                },
            )
            .fixed_in(fix)
        })
        .collect()
}

/// Accounts of the journal that the Sage company does not have or cannot post
/// to: one setup error per account, with what points to it.
/// `line_queries` gives the account and query file of the journal's lines.
pub fn account_findings<'a>(
    config: &Config,
    entries: &[JournalEntry],
    line_queries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<Finding> {
    let mut queries: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for line in entries.iter().flat_map(|e| &e.lines) {
        queries.entry(line.account.as_str()).or_default();
    }
    for (account, query) in line_queries {
        queries.entry(account).or_default().insert(query);
    }
    queries
        .into_iter()
        .filter_map(|(account, queries)| {
            let why = config.company.account_problem(account)?;
            let mut pointers = pointers_to(config, account);
            let mut fix = Fix::config("[accounts] / [products] / [payment_methods]");
            if pointers.is_empty() && !queries.is_empty() {
                // Only a journal query names the account: the fix is there.
                let names: Vec<&str> = queries.into_iter().collect();
                let names = names.join(", ");
                pointers.push(tr!("load-account-from-query", queries = &names));
                fix = Fix::Queries { file: names };
            }
            if pointers.is_empty() {
                pointers.push(tr!("load-account-from-adjustment"));
            }
            Some(Finding::setup_error(
                ACCOUNT_RULE,
                t!(
                    "load-account-problem",
                    why = why,
                    pointers = pointers.join(", ")
                ),
                fix,
            ))
        })
        .collect()
}

/// The configuration keys and catalogue items mapped to an account.
fn pointers_to(config: &Config, account: &str) -> Vec<String> {
    let a = &config.accounts;
    let mut pointers: Vec<String> = [
        ("bank", Some(&a.bank)),
        ("receivable", Some(&a.receivable)),
        ("gst", Some(&a.gst)),
        ("qst", Some(&a.qst)),
        ("hst", a.hst.as_ref()),
        ("default_revenue", a.default_revenue.as_ref()),
    ]
    .into_iter()
    .filter(|(_, value)| value.is_some_and(|v| v == account))
    .map(|(key, _)| format!("[accounts] {key}"))
    .collect();
    let items: Vec<String> = config
        .products
        .iter()
        .filter(|m| m.account == account)
        .map(|m| format!("'{}'", m.name))
        .collect();
    if !items.is_empty() {
        pointers.push(format!("[products] {}", items.join(", ")));
    }
    let methods: Vec<String> = config
        .payment_methods
        .iter()
        .filter(|m| m.account == account)
        .map(|m| format!("'{}'", m.name))
        .collect();
    if !methods.is_empty() {
        pointers.push(format!("[payment_methods] {}", methods.join(", ")));
    }
    pointers
}

/// Revenue taxed by each tax, per entry (keyed as the journal queries label it).
#[derive(Debug, Clone, Copy, Default)]
pub struct TaxableRevenue {
    pub gst: Decimal,
    pub qst: Decimal,
    pub hst: Decimal,
}

/// Adds the tax detail to every entry that posts to a GST, QST or HST
/// account: one TAXD line per tax account, its tax the entry's credit on that
/// account, its taxable amount the entry's revenue taxed by that tax (lines
/// without that tax excluded; credit notes reduce both). Runs on entries
/// before their source and comment are fitted, so that they still carry the
/// labels of the sales rows. An adjusting entry's taxable amount is its
/// revenue difference.
pub fn add_tax_detail(
    config: &Config,
    entries: &mut [JournalEntry],
    sales: &[SalesLine],
    labeler: &EntryLabeler,
) {
    let mut revenue: HashMap<(NaiveDate, String, String), TaxableRevenue> = HashMap::new();
    for line in sales {
        let label = labeler.for_invoice(line);
        let Some(date) = label.date else { continue };
        let slot = revenue
            .entry((date, label.source, label.comment))
            .or_default();
        if !line.gst.is_zero() {
            slot.gst += line.amount;
        }
        if !line.qst.is_zero() {
            slot.qst += line.amount;
        }
        if !line.hst.is_zero() {
            slot.hst += line.amount;
        }
    }
    add_tax_detail_with(config, entries, &revenue);
}

/// Adds the tax detail to every entry that posts to a GST, QST or HST
/// account, the revenue each tax taxes given per entry by `revenue` (an
/// entry it lacks, an adjustment, taxes its revenue difference).
pub fn add_tax_detail_with(
    config: &Config,
    entries: &mut [JournalEntry],
    revenue: &HashMap<(NaiveDate, String, String), TaxableRevenue>,
) {
    let a = &config.accounts;
    let t = &config.taxes;
    let taxes = [
        (Some(&a.gst), &t.gst, 0),
        (Some(&a.qst), &t.qst, 1),
        (a.hst.as_ref(), &t.hst, 2),
    ];
    for entry in entries {
        let key = (entry.date, entry.source.clone(), entry.comment.clone());
        let taxable = revenue.get(&key).copied();
        // An adjusting entry has no sales rows: its revenue is its difference.
        let revenue_difference: Decimal = -entry
            .lines
            .iter()
            .filter(|l| {
                l.account != a.receivable
                    && taxes
                        .iter()
                        .all(|(account, _, _)| *account != Some(&l.account))
            })
            .map(|l| l.amount)
            .sum::<Decimal>();
        for (account, code, which) in &taxes {
            let Some(account) = account else { continue };
            let Some(line) = entry.lines.iter().find(|l| &l.account == *account) else {
                continue;
            };
            let base = match taxable {
                Some(revenue) => [revenue.gst, revenue.qst, revenue.hst][*which],
                None => revenue_difference,
            };
            let mut base = base;
            base.rescale(2);
            entry.taxes.push(TaxLine {
                account: line.account.clone(),
                name: code.name.clone(),
                code: code.code.clone(),
                taxable: base,
                tax: -line.amount,
            });
        }
    }
}
