//! `plannit2sage history opening FILE --as-of DATE`: records the invoices
//! open in Plannit's accounts-receivable report at the adoption date as the
//! receivable ledger's opening balance (posting nothing: they are already in
//! Sage's books), and the opening's line in `history`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{console, EXIT_SETUP};
use crate::config::Config;
use crate::diagnostics::{error_count, Severity};
use crate::history::{History, HistoryError, OpeningItem};
use crate::load::reports::ReceivableReport;
use crate::load::{load_files, LoadOptions};
use crate::money::for_person;
use crate::{t, tr};

/// Reads `file` and records its open invoices; exit 2 when the file is not
/// a usable accounts-receivable report.
pub(super) fn record(
    history: &mut History,
    file: &Path,
    as_of: Option<NaiveDate>,
    config: &Path,
) -> Result<ExitCode, HistoryError> {
    let options = match load_options(config) {
        Ok(options) => options,
        Err(e) => {
            console::error(e);
            return Ok(ExitCode::from(EXIT_SETUP));
        }
    };
    let (report, sha256) = match read_report(file, &options) {
        Ok(read) => read,
        Err(()) => return Ok(ExitCode::from(EXIT_SETUP)),
    };
    let Some(as_of) = opening_date(&report, as_of) else {
        return Ok(ExitCode::from(EXIT_SETUP));
    };
    let Some(items) = opening_items(&report) else {
        return Ok(ExitCode::from(EXIT_SETUP));
    };
    let id = history.record_opening(as_of, &report.file, &sha256, &items)?;
    let customers = items
        .iter()
        .map(|i| &i.customer)
        .collect::<std::collections::BTreeSet<_>>();
    let total: Decimal = items.iter().map(|i| i.balance).sum();
    println!(
        "{}",
        tr!(
            "tools-opening-recorded",
            opening = &id,
            invoices = items.len(),
            customers = customers.len(),
            total = for_person(total),
            date = as_of.to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The configuration's header aliases and date order, when there is one.
fn load_options(config: &Path) -> Result<LoadOptions, crate::config::ConfigError> {
    if config.is_file() {
        Ok(Config::load(config)?.load_options())
    } else {
        Ok(LoadOptions::default())
    }
}

/// The file's accounts-receivable report and the SHA-256 of its bytes; its
/// problems printed otherwise.
fn read_report(file: &Path, options: &LoadOptions) -> Result<(ReceivableReport, String), ()> {
    let mut loaded = load_files(&[file.to_path_buf()], options);
    if error_count(&loaded.findings) > 0 {
        for finding in loaded
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            console::finding(finding, "");
        }
        return Err(());
    }
    match loaded.receivables.len() {
        1 => {
            let sha256 = loaded
                .files
                .first()
                .map(|f| f.sha256.clone())
                .unwrap_or_default();
            Ok((loaded.receivables.remove(0), sha256))
        }
        _ => {
            let path = file.display().to_string();
            console::error(t!("tools-opening-not-receivable", path = path));
            Err(())
        }
    }
}

/// `--as-of`, which must agree with the date the report's title gives.
fn opening_date(report: &ReceivableReport, as_of: Option<NaiveDate>) -> Option<NaiveDate> {
    match (report.as_of, as_of) {
        (Some(title), Some(given)) if title != given => {
            console::error(t!(
                "tools-opening-date-mismatch",
                file = &report.file,
                title = title.to_string(),
                given = given.to_string()
            ));
            None
        }
        (title, given) => {
            let date = given.or(title);
            if date.is_none() {
                console::error(t!("tools-opening-no-date", file = &report.file));
            }
            date
        }
    }
}

/// One item per invoice with a balance (rows of one invoice added up); a
/// row without a date cannot age and is refused, named.
fn opening_items(report: &ReceivableReport) -> Option<Vec<OpeningItem>> {
    let mut items: BTreeMap<&str, OpeningItem> = BTreeMap::new();
    for row in &report.rows {
        let Some(date) = row.date else {
            console::error(t!(
                "tools-opening-row-undated",
                file = &report.file,
                row = row.origin.row,
                invoice = &*row.invoice
            ));
            return None;
        };
        let item = items.entry(&row.invoice).or_insert_with(|| OpeningItem {
            invoice: row.invoice.to_string(),
            customer: row.customer.to_string(),
            date,
            balance: Decimal::ZERO,
        });
        item.balance += row.balance;
    }
    Some(
        items
            .into_values()
            .filter(|i| !i.balance.is_zero())
            .collect(),
    )
}

/// The opening balances recorded, below the batches in `history`.
pub(super) fn list(history: &History) -> Result<(), HistoryError> {
    for opening in history.openings()? {
        println!(
            "  {}",
            tr!(
                "tools-opening-line",
                opening = &opening.id,
                status = opening.status.as_ref(),
                date = opening.as_of.to_string(),
                invoices = opening.invoices,
                total = for_person(opening.balance),
                file = &opening.file_name
            )
        );
    }
    Ok(())
}
