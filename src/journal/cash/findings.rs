//! What the cash basis reports: a payment whose invoice nobody knows (its
//! accounts cannot be), a deposit with nowhere to wait, an invoice changed
//! since its lines were recorded, one paid beyond its total, one of zero;
//! and which of the checks' findings it answers itself.

use rust_decimal::Decimal;

use super::documents::CashInputs;
use crate::diagnostics::{Finding, Fix, Location};
use crate::history::{DocumentPosting, LedgerInvoice};
use crate::i18n::{Arg, Text};
use crate::load::reports::Payment;
use crate::t;

/// How many document numbers a message names.
const SHOWN: usize = 5;

/// Where a payment's row is, pointing at its invoice column.
fn at_payment(inputs: &CashInputs<'_>, doc: &DocumentPosting, row: Option<&Payment>) -> Location {
    let Some(row) = row else {
        return Location {
            document: Some(doc.number.to_string()),
            ..Location::default()
        };
    };
    let file = row.origin.file().to_string();
    let column = (inputs.headers.get(&(file.clone(), "invoice".to_string())))
        .cloned()
        .unwrap_or_else(|| "invoice".to_string());
    Location {
        file: Some(file),
        sheet: row.origin.sheet().as_deref().map(str::to_string),
        row: Some(row.origin.row),
        column: Some(column),
        document: Some(doc.number.to_string()),
    }
}

/// A payment of an invoice found neither in the drop nor in the history:
/// its revenue accounts and taxes cannot be known.
pub(super) fn unknown_invoice(
    inputs: &CashInputs<'_>,
    doc: &DocumentPosting,
    row: Option<&Payment>,
) -> Finding {
    let location = at_payment(inputs, doc, row);
    let message = if doc.invoice.is_empty() {
        t!(
            "cash-no-invoice",
            kind = doc.doc_type.as_ref(),
            number = &*doc.number
        )
    } else {
        t!(
            "cash-unknown-invoice",
            kind = doc.doc_type.as_ref(),
            number = &*doc.number,
            invoice = &doc.invoice,
            date = doc.date.to_string()
        )
    };
    let mut finding = Finding::error("cash_payment_unknown_invoice", message, location);
    if !doc.invoice.is_empty() {
        (finding.values).push(("invoice".to_string(), doc.invoice.clone()));
    }
    finding
}

/// Deposits received under the cash basis without `customer_deposits`.
pub(super) fn deposits_without_account(numbers: &[String]) -> Finding {
    Finding::setup_error(
        "cash_deposit_without_account",
        t!(
            "cash-deposit-without-account",
            count = numbers.len(),
            documents = listed(numbers)
        ),
        Fix::config("[accounts] customer_deposits"),
    )
}

/// An invoice whose lines changed since a batch recorded them: refused, or
/// with `--adjust` its new lines kept for the payments to come.
pub(super) fn invoice_changed(
    old: &LedgerInvoice,
    new: &LedgerInvoice,
    batch: &str,
    adjust: bool,
) -> Finding {
    let location = Location {
        document: Some(new.number.clone()),
        ..Location::default()
    };
    let args = |id| {
        Text::message(
            id,
            vec![
                ("number", Arg::from(new.number.as_str())),
                ("batch", Arg::from(batch)),
                ("old", Arg::Amount(old.total)),
                ("new", Arg::Amount(new.total)),
            ],
        )
    };
    if adjust {
        Finding::warning("document_adjusted", args("cash-invoice-adjusted"), location)
    } else {
        Finding::error("document_changed", args("cash-invoice-changed"), location).fixed_in(
            Fix::History {
                batch: batch.to_string(),
            },
        )
    }
}

/// A payment of an invoice whose total is zero: no proportion exists.
pub(super) fn invoice_total_zero(
    inputs: &CashInputs<'_>,
    doc: &DocumentPosting,
    row: Option<&Payment>,
) -> Finding {
    let message = t!(
        "cash-invoice-total-zero",
        kind = doc.doc_type.as_ref(),
        number = &*doc.number,
        invoice = &doc.invoice
    );
    Finding::error(
        "cash_invoice_total_zero",
        message,
        at_payment(inputs, doc, row),
    )
}

/// A payment that takes what was paid on its invoice beyond its total.
pub(super) fn overpaid(
    inputs: &CashInputs<'_>,
    doc: &DocumentPosting,
    (total, paid): (Decimal, Decimal),
    row: Option<&Payment>,
) -> Finding {
    let message = t!(
        "cash-invoice-overpaid",
        invoice = &doc.invoice,
        total = Arg::Amount(total),
        paid = Arg::Amount(paid),
        excess = Arg::Amount(paid - total),
        kind = doc.doc_type.as_ref(),
        number = &*doc.number
    );
    Finding::warning(
        "cash_invoice_overpaid",
        message,
        at_payment(inputs, doc, row),
    )
}

/// The first numbers, and `…` when there are more.
pub(super) fn listed(numbers: &[String]) -> String {
    let mut shown = numbers
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if numbers.len() > SHOWN {
        shown.push_str(", …");
    }
    shown
}

/// The check that a payment's invoice is known (`payment_unknown_invoice`)
/// looks for it among the history's postings, where an invoice kept for the
/// cash basis posts nothing: the payments of the invoices the cash basis
/// knows are expected, and those of unknown ones it refused itself
/// (`cash_findings`) need no second message.
pub fn drop_known_invoices(
    findings: &mut Vec<Finding>,
    ledger: &super::Ledger,
    cash_findings: &[Finding],
) {
    let invoice_of = |finding: &Finding| -> Option<String> {
        (finding.values.iter())
            .find(|(name, _)| name == "invoice")
            .map(|(_, number)| number.clone())
    };
    let refused: std::collections::HashSet<String> = (cash_findings.iter())
        .filter(|finding| finding.rule == "cash_payment_unknown_invoice")
        .filter_map(invoice_of)
        .collect();
    findings.retain(|finding| {
        let answered = |number: &String| ledger.get(number).is_some() || refused.contains(number);
        !(finding.rule == "payment_unknown_invoice"
            && invoice_of(finding).is_some_and(|n| answered(&n)))
    });
}
