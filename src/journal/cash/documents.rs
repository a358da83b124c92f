//! What each document of the drop posts under the cash basis, from what the
//! journal queries said it posts when issued: an invoice nothing (its lines
//! go to the ledger), a payment, refund, bounced payment or applied deposit
//! its shares of its invoice's lines instead of the receivable. A payment
//! follows its invoice: one of an invoice posted when issued (before
//! `basis_from`, or open in the receivable's opening balance) still clears
//! the receivable.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rust_decimal::Decimal;

use super::shares::{self, Reversed, ShareRule, Shares};
use super::{findings, CashBook, CashInvoice, Recognition};
use crate::config::{Basis, Config};
use crate::history::{
    Amounts, CashHistory, DocType, DocumentPosting, LedgerInvoice, LedgerLine, PostedState,
};
use crate::journal::classify::Documents;
use crate::journal::labels::DocumentRows;
use crate::load::reports::{Payment, SalesLine};

/// What the cash basis reads besides the documents.
pub struct CashInputs<'a> {
    pub config: &'a Config,
    pub adjust: bool,
    pub sales: &'a [SalesLine],
    pub payments: &'a [Payment],
    pub document_rows: &'a DocumentRows,
    pub posted: &'a BTreeMap<String, PostedState>,
    pub history: &'a CashHistory,
    /// The invoices of the receivable's opening balance: in the receivable
    /// before any batch, as an invoice posted when issued is.
    pub opening: &'a [crate::history::OpeningItem],
    /// Header text as written, by (file name, canonical column).
    pub headers: &'a BTreeMap<(String, String), String>,
}

/// Walks the drop's documents: invoices first, then the money received in
/// date order, each document's amounts set to what it posts under the basis
/// in force.
pub(super) fn walk(inputs: &CashInputs<'_>, documents: &mut Documents, book: &mut CashBook) {
    let rows = RowsOf::new(inputs, documents.len());
    for index in 0..documents.len() {
        if documents[index].doc_type == DocType::Invoice {
            invoice(inputs, &rows, index, &mut documents[index], book);
        }
    }
    let mut money: Vec<usize> = (0..documents.len())
        .filter(|&index| documents[index].doc_type != DocType::Invoice)
        .filter(|&index| documents[index].doc_type != DocType::Payout)
        .collect();
    money.sort_by_key(|&index| (documents[index].date, index));
    let mut deposits = Vec::new();
    for index in money {
        let doc = &mut documents[index];
        if doc.doc_type == DocType::Deposit {
            let apart = inputs.config.accounts.customer_deposits.is_some();
            if !apart && inputs.config.bases.at(doc.date) == Basis::Cash {
                deposits.push(doc.number.to_string());
            }
            continue;
        }
        payment(inputs, &rows, index, doc, book);
    }
    if !deposits.is_empty() {
        book.findings
            .push(findings::deposits_without_account(&deposits));
    }
}

/// Each document's rows: the sales lines of an invoice, the first row of a payment.
struct RowsOf<'a> {
    sales: HashMap<usize, Vec<&'a SalesLine>>,
    payment: HashMap<usize, &'a Payment>,
}

impl<'a> RowsOf<'a> {
    fn new(inputs: &CashInputs<'a>, documents: usize) -> RowsOf<'a> {
        let mut sales: HashMap<usize, Vec<&SalesLine>> = HashMap::with_capacity(documents);
        for (line, document) in inputs.sales.iter().zip(&inputs.document_rows.sales) {
            if let Some(document) = document {
                sales.entry(*document as usize).or_default().push(line);
            }
        }
        let mut payment = HashMap::new();
        for (row, document) in inputs.payments.iter().zip(&inputs.document_rows.payments) {
            if let Some(document) = document {
                payment.entry(*document as usize).or_insert(row);
            }
        }
        RowsOf { sales, payment }
    }
}

/// An invoice: under the cash basis in force at its date (or recorded under
/// it), it posts nothing and its lines go to the ledger.
fn invoice(
    inputs: &CashInputs<'_>,
    rows: &RowsOf<'_>,
    index: usize,
    doc: &mut DocumentPosting,
    book: &mut CashBook,
) {
    let recorded = book.ledger.get(&doc.number).cloned();
    let exported = inputs.posted.contains_key(&*doc.key);
    let cash = match &recorded {
        Some(_) => true,
        None => !exported && inputs.config.bases.at(doc.date) == Basis::Cash,
    };
    if !cash {
        book.issued.insert(doc.number.to_string());
        return;
    }
    let lines = ledger_invoice(
        inputs.config,
        doc,
        rows.sales.get(&index).map_or(&[][..], Vec::as_slice),
    );
    doc.amounts = Amounts::new();
    book.silent.insert(Arc::clone(&doc.key));
    match recorded {
        None => {
            book.ledger.put_invoice(lines.clone());
            book.invoices.push(CashInvoice {
                document: index,
                invoice: lines,
            });
        }
        Some(state) if same_lines(&state.invoice, &lines) => {}
        Some(state) => {
            let batch = state.recorded_in.unwrap_or_default();
            book.findings.push(findings::invoice_changed(
                &state.invoice,
                &lines,
                &batch,
                inputs.adjust,
            ));
            if inputs.adjust {
                book.ledger.put_invoice(lines.clone());
                book.invoices.push(CashInvoice {
                    document: index,
                    invoice: lines,
                });
            }
        }
    }
}

/// The invoice's lines from what it posts when issued: every account but
/// the receivable; its total what they credit; the revenue subject to each
/// tax and the customer from its sales lines.
fn ledger_invoice(config: &Config, doc: &DocumentPosting, sales: &[&SalesLine]) -> LedgerInvoice {
    let a = &config.accounts;
    let taxes = [Some(&a.gst), Some(&a.qst), a.hst.as_ref()];
    let lines: Vec<LedgerLine> = (doc.amounts.iter())
        .filter(|(account, _)| *account != a.receivable)
        .map(|(account, amount)| LedgerLine {
            account: account.to_string(),
            is_tax: taxes.iter().any(|tax| tax.is_some_and(|t| t == account)),
            amount,
        })
        .collect();
    let mut taxable = [Decimal::ZERO; 3];
    for line in sales {
        for (base, tax) in taxable.iter_mut().zip([line.gst, line.qst, line.hst]) {
            if !tax.is_zero() {
                *base += line.amount;
            }
        }
    }
    let mut total = -lines.iter().map(|l| l.amount).sum::<Decimal>();
    total.rescale(2);
    LedgerInvoice {
        number: doc.number.to_string(),
        date: doc.date,
        customer: sales
            .first()
            .map(|l| l.customer.to_string())
            .unwrap_or_default(),
        total,
        taxable: taxable.map(|mut t| {
            t.rescale(2);
            t
        }),
        lines,
    }
}

/// Same lines and total (the date is the history's to compare).
fn same_lines(a: &LedgerInvoice, b: &LedgerInvoice) -> bool {
    a.total == b.total && a.lines == b.lines && a.taxable == b.taxable
}

/// Money received or paid back on an invoice: under the cash basis, its
/// shares of the invoice's lines instead of the receivable.
fn payment(
    inputs: &CashInputs<'_>,
    rows: &RowsOf<'_>,
    index: usize,
    doc: &mut DocumentPosting,
    book: &mut CashBook,
) {
    let receivable = &inputs.config.accounts.receivable;
    let paid = -doc.amounts.get(receivable).unwrap_or_default();
    if paid.is_zero() {
        return;
    }
    if book.ledger.get(&doc.invoice).is_none() {
        let issued = |number: &str| {
            let key = format!("invoice:{number}");
            book.issued.contains(number)
                || (inputs.posted.get(&key)).is_some_and(|state| !state.amounts.is_empty())
                || inputs.opening.iter().any(|item| item.invoice == number)
        };
        let unknown = doc.invoice.is_empty() || !issued(&doc.invoice);
        if unknown && inputs.config.bases.at(doc.date) == Basis::Cash {
            book.findings.push(findings::unknown_invoice(
                inputs,
                doc,
                rows.payment.get(&index).copied(),
            ));
        }
        return;
    }
    if inputs.posted.contains_key(&*doc.key) {
        exported_payment(inputs, index, doc, paid, book);
        return;
    }
    let state = book.ledger.get(&doc.invoice).expect("looked up above");
    let (before, total) = (state.paid, state.invoice.total);
    let (shares, reverses) = if doc.doc_type == DocType::Voided {
        bounced(book, doc, paid)
    } else {
        (shares::share_within(&state.paying(), paid), String::new())
    };
    let row = rows.payment.get(&index).copied();
    let Some(shares) = shares else {
        book.findings
            .push(findings::invoice_total_zero(inputs, doc, row));
        return;
    };
    let overpaid = before + paid - total;
    if !overpaid.is_zero() && overpaid.is_sign_negative() == total.is_sign_negative() {
        book.findings
            .push(findings::overpaid(inputs, doc, (total, before + paid), row));
    }
    recognise(book, index, doc, receivable, paid, shares, reverses);
}

/// A bounced payment reverses the shares of the payment it bounces (the
/// latest of its amount on the invoice), whose key comes with them; else it
/// is shared as a refund is.
fn bounced(book: &CashBook, doc: &DocumentPosting, paid: Decimal) -> (Option<Shares>, String) {
    let Some(state) = book.ledger.get(&doc.invoice) else {
        return (None, String::new());
    };
    match book.ledger.bounced(&doc.invoice, paid, doc.date) {
        Some(payment) => {
            let number = payment
                .doc_key
                .split_once(':')
                .map_or(&*payment.doc_key, |(_, n)| n);
            let of = Reversed {
                lines: &state.invoice.lines,
                amounts: &payment.amounts,
                taxable: payment.taxable,
                number,
            };
            let reversed = shares::reverse(of, paid, state.invoice.total);
            (Some(reversed), payment.doc_key.clone())
        }
        None => (shares::share_within(&state.paying(), paid), String::new()),
    }
}

/// A payment an earlier batch recognised: unchanged, its recorded shares
/// again (the history then finds it unchanged); changed, its shares
/// computed anew without its earlier ones, the difference recognised.
fn exported_payment(
    inputs: &CashInputs<'_>,
    index: usize,
    doc: &mut DocumentPosting,
    paid: Decimal,
    book: &mut CashBook,
) {
    let receivable = &inputs.config.accounts.receivable;
    let Some(recorded) = book.ledger.recorded.get(&*doc.key).cloned() else {
        // Exported when issued invoices were paid into the receivable.
        return;
    };
    if recorded.paid == paid {
        let credit = excess(paid, &recorded.amounts);
        doc.amounts = with_shares(&doc.amounts, receivable, &recorded.amounts, credit);
        return;
    }
    let Some(state) = book.ledger.without(&recorded) else {
        return;
    };
    let Some(fresh) = shares::share_within(&state.paying(), paid) else {
        return;
    };
    let fresh_amounts: Vec<(String, Decimal)> = (fresh.shares.iter())
        .map(|s| (s.account.clone(), s.amount))
        .collect();
    let credit = paid + fresh.sum();
    doc.amounts = with_shares(&doc.amounts, receivable, &fresh_amounts, credit);
    let batch = (inputs.posted.get(&*doc.key))
        .map(|s| s.first_batch.clone())
        .unwrap_or_default();
    let delta = difference(&fresh, &recorded, &state.invoice, paid, batch);
    let recognition = Recognition {
        document: index,
        doc_key: Arc::clone(&doc.key),
        number: doc.number.to_string(),
        doc_type: doc.doc_type,
        date: doc.date,
        invoice: doc.invoice.clone(),
        total: state.invoice.total,
        paid: paid - recorded.paid,
        excess: credit - excess(recorded.paid, &recorded.amounts),
        shares: delta,
        reverses: String::new(),
    };
    book.ledger.apply(&recognition.recognised());
    book.recognitions.push(recognition);
}

/// The shares of a changed payment less those recorded for it.
fn difference(
    fresh: &Shares,
    recorded: &crate::history::Recognised,
    invoice: &LedgerInvoice,
    paid: Decimal,
    batch: String,
) -> Shares {
    let paid_delta = paid - recorded.paid;
    let mut by_account: BTreeMap<String, Decimal> = BTreeMap::new();
    for share in &fresh.shares {
        *by_account.entry(share.account.clone()).or_default() += share.amount;
    }
    for (account, amount) in &recorded.amounts {
        *by_account.entry(account.clone()).or_default() -= *amount;
    }
    let shares = (by_account.into_iter())
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(account, amount)| {
            let line = invoice.lines.iter().find(|l| l.account == account);
            let line_amount = line.map(|l| l.amount).unwrap_or_default();
            shares::Share {
                is_tax: line.is_some_and(|l| l.is_tax),
                rounded: shares::proportional(line_amount, paid_delta, invoice.total),
                line: line_amount,
                account,
                amount,
            }
        })
        .collect();
    let mut taxable = fresh.taxable;
    for (t, r) in taxable.iter_mut().zip(recorded.taxable) {
        *t -= r;
    }
    Shares {
        rule: ShareRule::Adjusts(batch),
        shares,
        taxable,
    }
}

/// Sets the document's amounts to its shares and records the recognition.
fn recognise(
    book: &mut CashBook,
    index: usize,
    doc: &mut DocumentPosting,
    receivable: &str,
    paid: Decimal,
    shares: Shares,
    reverses: String,
) {
    let amounts: Vec<(String, Decimal)> = (shares.shares.iter())
        .map(|s| (s.account.clone(), s.amount))
        .collect();
    let credit = paid + shares.sum();
    doc.amounts = with_shares(&doc.amounts, receivable, &amounts, credit);
    let total = book
        .ledger
        .get(&doc.invoice)
        .map(|s| s.invoice.total)
        .unwrap_or_default();
    let recognition = Recognition {
        document: index,
        doc_key: Arc::clone(&doc.key),
        number: doc.number.to_string(),
        doc_type: doc.doc_type,
        date: doc.date,
        invoice: doc.invoice.clone(),
        total,
        paid,
        excess: credit,
        shares,
        reverses,
    };
    book.ledger.apply(&recognition.recognised());
    book.recognitions.push(recognition);
}

/// What a payment of `paid` whose shares are `amounts` leaves to the
/// receivable: what it paid beyond the invoice (the customer's credit).
fn excess(paid: Decimal, amounts: &[(String, Decimal)]) -> Decimal {
    paid + amounts.iter().map(|(_, amount)| *amount).sum::<Decimal>()
}

/// The document's amounts with its receivable line replaced by `shares`,
/// and by `credit`, what it paid beyond its invoice, on the receivable.
fn with_shares(
    amounts: &Amounts,
    receivable: &str,
    shares: &[(String, Decimal)],
    credit: Decimal,
) -> Amounts {
    let mut replaced = Amounts::new();
    for (account, amount) in amounts.iter().filter(|(a, _)| *a != receivable) {
        replaced.add_text(account, amount);
    }
    for (account, amount) in shares {
        replaced.add_text(account, *amount);
    }
    if !credit.is_zero() {
        replaced.add_text(receivable, -credit);
    }
    replaced.settle();
    replaced
}
