//! The cash basis's memory: the basis each batch was posted under, every
//! invoice seen under the cash basis with its lines (revenue accounts and
//! taxes), and what each payment, refund, bounced payment or applied deposit
//! recognised of it. Under the cash basis an invoice posts nothing when it is
//! issued, so its lines are kept here rather than in `document_amounts`, and a
//! payment in a later batch than its invoice still recognises the right
//! accounts. Batches posted under the accrual basis alone write nothing here.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use rust_decimal::Decimal;

use super::bulk::BulkInsert;
use super::{sqlite_error, HistoryError, Locked, StoredAt};
use crate::money::text::write_amount;

/// Migration 8: the tables of this module.
pub(super) const MIGRATION: &str = "CREATE TABLE batch_bases (
        batch_id TEXT PRIMARY KEY REFERENCES batches(id),
        basis TEXT NOT NULL,
        basis_from TEXT
    ) WITHOUT ROWID;
    CREATE TABLE cash_invoices (
        batch_id TEXT NOT NULL REFERENCES batches(id),
        invoice TEXT NOT NULL,
        invoice_date TEXT NOT NULL,
        customer TEXT NOT NULL,
        total TEXT NOT NULL,
        gst_taxable TEXT NOT NULL,
        qst_taxable TEXT NOT NULL,
        hst_taxable TEXT NOT NULL,
        PRIMARY KEY (batch_id, invoice)
    ) WITHOUT ROWID;
    CREATE TABLE cash_invoice_lines (
        batch_id TEXT NOT NULL,
        invoice TEXT NOT NULL,
        account TEXT NOT NULL,
        is_tax INTEGER NOT NULL,
        amount TEXT NOT NULL,
        PRIMARY KEY (batch_id, invoice, account)
    ) WITHOUT ROWID;
    CREATE TABLE cash_recognitions (
        batch_id TEXT NOT NULL REFERENCES batches(id),
        doc_key TEXT NOT NULL,
        invoice TEXT NOT NULL,
        doc_date TEXT NOT NULL,
        paid TEXT NOT NULL,
        gst_taxable TEXT NOT NULL,
        qst_taxable TEXT NOT NULL,
        hst_taxable TEXT NOT NULL,
        reverses TEXT NOT NULL,
        PRIMARY KEY (batch_id, doc_key)
    ) WITHOUT ROWID;
    CREATE TABLE cash_recognition_amounts (
        batch_id TEXT NOT NULL,
        doc_key TEXT NOT NULL,
        account TEXT NOT NULL,
        amount TEXT NOT NULL,
        PRIMARY KEY (batch_id, doc_key, account)
    ) WITHOUT ROWID;";

/// One line of an invoice: an account and what the invoice would post to it
/// (credits negative), and whether it is a tax (GST, QST, HST) or revenue.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerLine {
    pub account: String,
    pub is_tax: bool,
    pub amount: Decimal,
}

/// An invoice as the cash basis keeps it: its total, the revenue subject to
/// each tax (GST, QST, HST) and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerInvoice {
    pub number: String,
    pub date: NaiveDate,
    pub customer: String,
    pub total: Decimal,
    pub taxable: [Decimal; 3],
    pub lines: Vec<LedgerLine>,
}

/// What one payment, refund, bounced payment or applied deposit recognised
/// of its invoice: what it paid on it, the revenue subject to each tax and
/// the share of each of the invoice's accounts (credits negative).
#[derive(Debug, Clone, PartialEq)]
pub struct Recognised {
    pub doc_key: String,
    pub invoice: String,
    pub date: NaiveDate,
    pub paid: Decimal,
    pub taxable: [Decimal; 3],
    /// A bounced payment: the key of the payment whose shares it reverses.
    pub reverses: String,
    pub amounts: Vec<(String, Decimal)>,
}

/// The basis a batch was posted under: `None` for a batch posted under the
/// accrual basis alone (written by every version, this one included).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchBasis {
    pub batch: String,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub basis: Option<String>,
    pub from: Option<NaiveDate>,
}

/// What the history holds for the cash basis, over the batches that are not
/// void: each batch's basis, each invoice's latest lines, every recognition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CashHistory {
    pub batches: Vec<BatchBasis>,
    /// (batch, invoice), in the order batches were recorded.
    pub invoices: Vec<(String, LedgerInvoice)>,
    /// (batch, recognition), in the order batches were recorded.
    pub recognitions: Vec<(String, Recognised)>,
}

/// What a batch adds to the history for the cash basis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CashRecord {
    /// `cash` or `accrual`, with the date from which it applies.
    pub basis: String,
    pub from: Option<NaiveDate>,
    pub invoices: Vec<LedgerInvoice>,
    pub recognitions: Vec<Recognised>,
}

impl Locked<'_> {
    /// The cash basis's part of the history, read under the run's lock.
    pub fn cash_history(&self) -> Result<CashHistory, HistoryError> {
        let err = sqlite_error(&self.path);
        Ok(CashHistory {
            batches: read_bases(&self.tx, &self.path).map_err(&err)??,
            invoices: read_invoices(&self.tx, &self.path).map_err(&err)??,
            recognitions: read_recognitions(&self.tx, &self.path).map_err(&err)??,
        })
    }

    /// Adds the batch's cash-basis rows to the run's transaction.
    pub fn insert_cash(&self, batch: &str, record: &CashRecord) -> Result<(), HistoryError> {
        insert(&self.tx, batch, record).map_err(sqlite_error(&self.path))
    }
}

/// A date as stored, or the error naming where it is.
fn stored_date(
    path: &std::path::Path,
    batch: &str,
    document: &str,
    text: &str,
) -> Result<NaiveDate, HistoryError> {
    let at = StoredAt {
        path,
        batch,
        document: Some(document),
    };
    at.date(text)
}

/// An amount as stored, or the error naming where it is.
fn stored_amount(
    path: &std::path::Path,
    batch: &str,
    document: &str,
    text: &str,
) -> Result<Decimal, HistoryError> {
    let at = StoredAt {
        path,
        batch,
        document: Some(document),
    };
    at.amount(text)
}

/// An amount as the history writes it (`-12.30`).
fn money(amount: Decimal) -> String {
    let mut text = String::new();
    write_amount(&mut text, amount);
    text
}

type Read<T> = rusqlite::Result<Result<T, HistoryError>>;

fn read_bases(tx: &Connection, path: &std::path::Path) -> Read<Vec<BatchBasis>> {
    let mut statement = tx.prepare(
        "SELECT b.id, b.first_date, b.last_date, g.basis, g.basis_from
         FROM batches b LEFT JOIN batch_bases g ON g.batch_id = b.id
         WHERE b.status = 'done' ORDER BY b.created_at, b.id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut bases = Vec::new();
    for row in rows {
        let (batch, first, last, basis, from) = row?;
        let at = StoredAt {
            path,
            batch: &batch,
            document: None,
        };
        let date = |text: Option<String>| text.map(|t| at.date(&t)).transpose();
        let parsed = (|| {
            Ok(BatchBasis {
                first_date: date(first)?,
                last_date: date(last)?,
                from: date(from)?,
                basis,
                batch: batch.clone(),
            })
        })();
        match parsed {
            Ok(basis) => bases.push(basis),
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(bases))
}

/// Each invoice's lines as the latest batch that recorded it wrote them.
fn read_invoices(tx: &Connection, path: &std::path::Path) -> Read<Vec<(String, LedgerInvoice)>> {
    let mut statement = tx.prepare(
        "SELECT i.batch_id, i.invoice, i.invoice_date, i.customer, i.total,
                i.gst_taxable, i.qst_taxable, i.hst_taxable, l.account, l.is_tax, l.amount
         FROM cash_invoices i
         JOIN batches b ON b.id = i.batch_id AND b.status = 'done'
         LEFT JOIN cash_invoice_lines l ON l.batch_id = i.batch_id AND l.invoice = i.invoice
         ORDER BY b.created_at, b.id, i.invoice, l.account",
    )?;
    let rows: Vec<InvoiceRow> = statement
        .query_map([], |r| {
            Ok((
                [r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
                [r.get(5)?, r.get(6)?, r.get(7)?],
                (r.get(8)?, r.get(9)?, r.get(10)?),
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(invoices_of(rows, path))
}

/// (batch, invoice, date, customer, total), the taxable amounts, and a line
/// (account, is a tax, amount) if it has one.
type InvoiceRow = (
    [String; 5],
    [String; 3],
    (Option<String>, Option<bool>, Option<String>),
);

fn invoices_of(
    rows: Vec<InvoiceRow>,
    path: &std::path::Path,
) -> Result<Vec<(String, LedgerInvoice)>, HistoryError> {
    let mut invoices: Vec<(String, LedgerInvoice)> = Vec::new();
    for ([batch, number, date, customer, total], taxable, (account, is_tax, amount)) in rows {
        let same = (invoices.last()).is_some_and(|(b, i)| *b == batch && i.number == number);
        if !same {
            let read = |text: &str| stored_amount(path, &batch, &number, text);
            let invoice = LedgerInvoice {
                date: stored_date(path, &batch, &number, &date)?,
                total: read(&total)?,
                taxable: [read(&taxable[0])?, read(&taxable[1])?, read(&taxable[2])?],
                customer,
                lines: Vec::new(),
                number: number.clone(),
            };
            invoices.push((batch.clone(), invoice));
        }
        if let (Some(account), Some(is_tax), Some(amount)) = (account, is_tax, amount) {
            let amount = stored_amount(path, &batch, &number, &amount)?;
            let (_, invoice) = invoices.last_mut().expect("pushed above");
            invoice.lines.push(LedgerLine {
                account,
                is_tax,
                amount,
            });
        }
    }
    Ok(invoices)
}

/// Every recognition of the batches that are not void, with its amounts.
fn read_recognitions(tx: &Connection, path: &std::path::Path) -> Read<Vec<(String, Recognised)>> {
    let mut statement = tx.prepare(
        "SELECT r.batch_id, r.doc_key, r.invoice, r.doc_date, r.paid, r.gst_taxable,
                r.qst_taxable, r.hst_taxable, r.reverses, a.account, a.amount
         FROM cash_recognitions r
         JOIN batches b ON b.id = r.batch_id AND b.status = 'done'
         LEFT JOIN cash_recognition_amounts a ON a.batch_id = r.batch_id AND a.doc_key = r.doc_key
         ORDER BY b.created_at, b.id, r.doc_key, a.account",
    )?;
    let rows: Vec<RecognitionRow> = statement
        .query_map([], |r| {
            Ok((
                [
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ],
                (r.get(9)?, r.get(10)?),
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(recognitions_of(rows, path))
}

/// (batch, key, invoice, date, paid, three taxable amounts, reverses), and
/// an amount (account, amount) if it has one.
type RecognitionRow = ([String; 9], (Option<String>, Option<String>));

fn recognitions_of(
    rows: Vec<RecognitionRow>,
    path: &std::path::Path,
) -> Result<Vec<(String, Recognised)>, HistoryError> {
    let mut recognitions: Vec<(String, Recognised)> = Vec::new();
    for (fields, (account, amount)) in rows {
        let [batch, key, invoice, date, paid, gst, qst, hst, reverses] = fields;
        let same = (recognitions.last()).is_some_and(|(b, r)| *b == batch && r.doc_key == key);
        if !same {
            let read = |text: &str| stored_amount(path, &batch, &key, text);
            let recognised = Recognised {
                date: stored_date(path, &batch, &key, &date)?,
                paid: read(&paid)?,
                taxable: [read(&gst)?, read(&qst)?, read(&hst)?],
                invoice,
                reverses,
                amounts: Vec::new(),
                doc_key: key.clone(),
            };
            recognitions.push((batch.clone(), recognised));
        }
        if let (Some(account), Some(amount)) = (account, amount) {
            let amount = stored_amount(path, &batch, &key, &amount)?;
            let (_, recognised) = recognitions.last_mut().expect("pushed above");
            recognised.amounts.push((account, amount));
        }
    }
    Ok(recognitions)
}

/// Inserts a batch's basis, invoices and recognitions.
fn insert(tx: &Connection, batch: &str, record: &CashRecord) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO batch_bases (batch_id, basis, basis_from) VALUES (?1, ?2, ?3)",
        params![batch, record.basis, record.from.map(|d| d.to_string())],
    )?;
    let mut invoices = BulkInsert::new(
        tx,
        "INSERT INTO cash_invoices (batch_id, invoice, invoice_date, customer, total, gst_taxable, qst_taxable, hst_taxable) VALUES ",
        7,
        batch,
        record.invoices.len(),
    )?;
    for invoice in &record.invoices {
        let [gst, qst, hst] = invoice.taxable.map(money);
        invoices.push(&[
            &invoice.number,
            &invoice.date.to_string(),
            &invoice.customer,
            &money(invoice.total),
            &gst,
            &qst,
            &hst,
        ])?;
    }
    invoices.finish();
    let line_count = record.invoices.iter().map(|i| i.lines.len()).sum();
    let mut lines = BulkInsert::new(
        tx,
        "INSERT INTO cash_invoice_lines (batch_id, invoice, account, is_tax, amount) VALUES ",
        4,
        batch,
        line_count,
    )?;
    for invoice in &record.invoices {
        for line in &invoice.lines {
            let amount = money(line.amount);
            lines.push(&[&invoice.number, &line.account, &line.is_tax, &amount])?;
        }
    }
    lines.finish();
    insert_recognitions(tx, batch, &record.recognitions)
}

fn insert_recognitions(
    tx: &Connection,
    batch: &str,
    recognitions: &[Recognised],
) -> rusqlite::Result<()> {
    let mut rows = BulkInsert::new(
        tx,
        "INSERT INTO cash_recognitions (batch_id, doc_key, invoice, doc_date, paid, gst_taxable, qst_taxable, hst_taxable, reverses) VALUES ",
        8,
        batch,
        recognitions.len(),
    )?;
    for r in recognitions {
        let [gst, qst, hst] = r.taxable.map(money);
        rows.push(&[
            &r.doc_key,
            &r.invoice,
            &r.date.to_string(),
            &money(r.paid),
            &gst,
            &qst,
            &hst,
            &r.reverses,
        ])?;
    }
    rows.finish();
    let amount_count = recognitions.iter().map(|r| r.amounts.len()).sum();
    let mut amounts = BulkInsert::new(
        tx,
        "INSERT INTO cash_recognition_amounts (batch_id, doc_key, account, amount) VALUES ",
        3,
        batch,
        amount_count,
    )?;
    for r in recognitions {
        for (account, amount) in &r.amounts {
            amounts.push(&[&r.doc_key, account, &money(*amount)])?;
        }
    }
    amounts.finish();
    Ok(())
}
