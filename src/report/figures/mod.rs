//! The reconciliation: every figure the workbook shows beyond the input rows
//! and the journal, computed once here so that the workbook only lays them
//! out — invoice totals with the tax expected at Quebec rates, what was
//! applied to each invoice, the account each payment and catalogue item
//! posted to (as the views in `queries/views/` decided), the role each account
//! plays in the controls, and the documents the export history already holds.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::config::Config;
use crate::history::{DocType, DocumentPosting, HistoryTables, PostedState};
use crate::journal::cash::CashBook;
use crate::journal::classify::{self, Classification};
use crate::load::reports::{Payment, PaymentKind, PayoutRow, SalesLine};
use crate::load::text::folded_names;
use crate::query::views::{ItemMapping, PostingAccounts};
use crate::sage::entry::{account_totals, JournalEntry};

mod already;
mod cash;
mod invoices;
pub mod receivable;
use already::already_exported;
pub use already::{AlreadyExported, AlreadyStatus};
pub use cash::{CashFigures, ShareRow, UnpaidRow};
use invoices::invoice_figures;
pub use receivable::ReceivableFigures;

/// What the workbook shows beyond the input rows and the journal.
#[derive(Debug, Clone, Default)]
pub struct Reconciliation {
    /// One row per invoice in order of first appearance, then one per
    /// adjusted invoice (the difference posted).
    pub invoices: Vec<InvoiceFigures>,
    /// The account each payment of the batch posted to, in the batch's order.
    pub payment_accounts: Vec<String>,
    /// What each payment of the batch credited to the receivable (a refund
    /// or bounced payment debits it: negative), in the batch's order.
    pub payment_receivable: Vec<Decimal>,
    /// The difference posted for each adjusted payment, deposit or refund.
    pub payment_adjustments: Vec<PaymentAdjustment>,
    /// One row per catalogue item sold, by account.
    pub products: Vec<ProductFigures>,
    /// Every account the journal posts to or the configuration names.
    pub accounts: Vec<AccountFigures>,
    /// Documents the history already holds: skipped, changed, disappeared.
    pub already_exported: Vec<AlreadyExported>,
    /// Money in transit through Plannit Pay, when a clearing account is set.
    pub plannit_pay: Option<PlannitPayFigures>,
    /// The receivable's ledger, when the batch or the history moves it.
    pub receivable: Option<ReceivableFigures>,
    /// Under the cash basis, what each payment of the batch recognised as
    /// revenue and taxes instead of crediting the receivable (empty otherwise).
    pub payment_recognised: Vec<Decimal>,
    /// Under the cash basis: the payments' shares and the invoices not fully paid.
    pub cash: Option<CashFigures>,
}

/// The Plannit Pay clearing account: what it held, what came in, what was
/// paid out to the bank, and the payments still in transit.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannitPayFigures {
    pub clearing_account: String,
    /// Its balance from the batches already exported.
    pub opening: Decimal,
    /// Plannit Pay payments of this batch.
    pub received: Decimal,
    /// Gross of the payments the payouts of this batch paid out.
    pub paid_out: Decimal,
    /// Opening + received − paid out: the money in transit.
    pub closing: Decimal,
    /// Payments of this batch that no payout of this batch includes.
    pub waiting: Vec<WaitingPayment>,
}

/// A Plannit Pay payment not yet paid out.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingPayment {
    pub date: Option<NaiveDate>,
    pub invoice: String,
    pub customer: String,
    pub amount: Decimal,
    /// Days from the payment to the batch's last date.
    pub days: Option<i64>,
}

/// An invoice's sums, the tax expected on them and what was applied to it.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceFigures {
    pub invoice: String,
    /// For the difference posted on a changed invoice: the batch that first posted it.
    pub adjusts_batch: Option<String>,
    pub date: Option<NaiveDate>,
    pub customer: String,
    pub amount: Decimal,
    pub gst: Decimal,
    pub qst: Decimal,
    pub hst: Decimal,
    pub total: Decimal,
    /// 5 % and 9.975 % of the invoice's taxed lines, rounded half away from zero.
    pub gst_expected: Decimal,
    pub qst_expected: Decimal,
    pub gst_gap: Decimal,
    pub qst_gap: Decimal,
    /// Payments of the batch applied to the invoice.
    pub paid: Decimal,
    pub balance: Decimal,
    pub lines: u64,
    /// Posted as it is paid (the cash basis), not when issued.
    pub when_paid: bool,
}

/// The difference posted for a changed payment, deposit or refund.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentAdjustment {
    pub date: NaiveDate,
    pub number: String,
    pub adjusts_batch: String,
    pub doc_type: DocType,
    pub account: String,
    pub received: Decimal,
    /// Of which recognised as revenue and taxes (the cash basis).
    pub recognised: Decimal,
}

/// A catalogue item's sales and the account they were credited to.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductFigures {
    pub item: String,
    pub account: String,
    pub mapping: ItemMapping,
    pub quantity: Decimal,
    pub amount: Decimal,
    pub lines: u64,
}

/// The role an account plays, for the summary and the controls.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Bank,
    Method(String),
    PlannitPayClearing,
    PayoutBank,
    ProcessingFees,
    Receivable,
    Revenue(String),
    DefaultRevenue,
    Gst,
    Qst,
    Hst,
    Tips,
    CustomerDeposits,
    BadDebts,
    GstAdjustments,
    QstAdjustments,
    HstAdjustments,
}

/// An account's debits and credits in the batch and its roles.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountFigures {
    pub account: String,
    /// The account's name in the company's chart of accounts, when configured.
    pub name: Option<String>,
    pub roles: Vec<Role>,
    pub debits: Decimal,
    pub credits: Decimal,
}

impl AccountFigures {
    pub fn net(&self) -> Decimal {
        self.debits - self.credits
    }

    /// Revenue and tax accounts (and a write-off's bad debt and taxes
    /// recovered): together they equal the invoices' totals.
    pub fn is_revenue_or_tax(&self) -> bool {
        self.roles.iter().any(|r| {
            matches!(
                r,
                Role::Revenue(_)
                    | Role::DefaultRevenue
                    | Role::Gst
                    | Role::Qst
                    | Role::Hst
                    | Role::BadDebts
                    | Role::GstAdjustments
                    | Role::QstAdjustments
                    | Role::HstAdjustments
            )
        })
    }

    /// The accounts money received moves through, and where it leaves them
    /// (the bank, the payment methods', Plannit Pay's clearing and payout
    /// accounts, and the processing fees): together they move by the money
    /// received.
    pub fn is_money(&self) -> bool {
        self.roles.iter().any(|r| {
            matches!(
                r,
                Role::Bank
                    | Role::Method(_)
                    | Role::PlannitPayClearing
                    | Role::PayoutBank
                    | Role::ProcessingFees
            )
        })
    }

    pub fn is_receivable(&self) -> bool {
        self.roles.contains(&Role::Receivable)
    }
}

/// What the reconciliation is computed from.
pub struct ReconcileInputs<'a> {
    pub config: &'a Config,
    /// The batch's rows (new documents, and undated rows).
    pub sales: &'a [SalesLine],
    pub payments: &'a [Payment],
    pub entries: &'a [JournalEntry],
    pub posting_accounts: &'a PostingAccounts,
    pub history: &'a Classification,
    pub adjusted: &'a [(DocumentPosting, PostedState)],
    pub payouts: &'a [PayoutRow],
    pub history_tables: &'a HistoryTables,
    pub last_date: Option<NaiveDate>,
    /// Exported invoices voided since: their reversal or write-off.
    pub voided: &'a [crate::journal::voided::VoidedInvoice],
    pub cash: Option<&'a CashBook>,
}

impl Reconciliation {
    pub fn new(inputs: &ReconcileInputs) -> Reconciliation {
        let (payment_adjustments, invoice_adjustments) = adjustments(inputs);
        let deposits_apart = inputs.config.accounts.customer_deposits.is_some();
        let mut payment_receivable: Vec<Decimal> = (inputs.payments.iter())
            .map(|p| applied_to_receivable(p, deposits_apart))
            .collect();
        // Under the cash basis, what payments apply to invoices is split
        // between the receivable and revenue and taxes.
        let (applied, payment_recognised) = match inputs.cash {
            None => (None, Vec::new()),
            Some(book) => {
                let applied = payment_receivable.clone();
                let recognising = cash::recognising(book);
                let recognised =
                    cash::split_applied(inputs.payments, &mut payment_receivable, &recognising);
                (Some(applied), recognised)
            }
        };
        let applied = applied.as_deref().unwrap_or(&payment_receivable);
        // The invoices (one pass over the sales and the payments) are added up
        // on another core meanwhile.
        let (mut invoices, (payment_accounts, products, plannit_pay)) = rayon::join(
            || invoice_figures(inputs.sales, inputs.payments, applied),
            || {
                let methods = folded_names(inputs.payments.iter().map(|p| p.method.as_ref()));
                let payment_accounts = (inputs.payments.iter())
                    .map(|p| {
                        (inputs.posting_accounts.methods)
                            .get(&methods[p.method.as_ref()])
                            .cloned()
                            .unwrap_or_default()
                    })
                    .collect();
                let products = product_figures(inputs.sales, inputs.posting_accounts);
                (payment_accounts, products, plannit_pay(inputs, &methods))
            },
        );
        invoices.extend(invoice_adjustments);
        if let Some(book) = inputs.cash {
            for invoice in &mut invoices {
                invoice.when_paid = book.posts_nothing(&format!("invoice:{}", invoice.invoice));
            }
        }
        Reconciliation {
            invoices,
            payment_accounts,
            payment_receivable,
            payment_adjustments,
            products,
            accounts: account_figures(inputs.config, inputs.entries),
            already_exported: already_exported(inputs.history, inputs.adjusted, inputs.voided),
            plannit_pay,
            receivable: None,
            payment_recognised,
            cash: (inputs.cash).map(|book| CashFigures::new(book, inputs.last_date)),
        }
    }
}

/// What a payment credits to the receivable, as the journal posts it: the
/// money received less its tip; a deposit nothing when deposits are kept in
/// `customer_deposits` until applied, and then its application its amount.
fn applied_to_receivable(payment: &Payment, deposits_apart: bool) -> Decimal {
    match payment.kind {
        PaymentKind::Deposit if deposits_apart => Decimal::ZERO,
        PaymentKind::DepositApplied => payment.amount,
        _ => payment.received - payment.tip,
    }
}

/// The clearing account's movements, when `plannit_pay_clearing` is set.
/// `methods` gives each payment method's folded name.
fn plannit_pay(
    inputs: &ReconcileInputs,
    methods: &HashMap<&str, String, foldhash::fast::RandomState>,
) -> Option<PlannitPayFigures> {
    let clearing = inputs.config.accounts.plannit_pay_clearing.clone()?;
    let opening = inputs.history_tables.account_balance(&clearing);
    let to_clearing: Vec<&Payment> = inputs
        .payments
        .iter()
        .filter(|p| {
            inputs
                .posting_accounts
                .methods
                .get(&methods[p.method.as_ref()])
                == Some(&clearing)
        })
        .collect();
    let received: Decimal = to_clearing.iter().map(|p| p.received).sum();
    let paid_out: Decimal = inputs.payouts.iter().map(|r| r.gross).sum();
    // Each payout row pays out one payment: same invoice, same gross.
    let mut unmatched: Vec<&PayoutRow> = inputs.payouts.iter().collect();
    let mut waiting = Vec::new();
    for payment in to_clearing {
        let matched = unmatched
            .iter()
            .position(|r| r.invoice == payment.invoice && r.gross == payment.received);
        match matched {
            Some(index) => {
                unmatched.remove(index);
            }
            None => waiting.push(WaitingPayment {
                date: payment.date,
                invoice: payment.invoice.clone(),
                customer: payment.customer.to_string(),
                amount: payment.received,
                days: payment
                    .date
                    .zip(inputs.last_date)
                    .map(|(paid, last)| (last - paid).num_days()),
            }),
        }
    }
    let mut closing = opening + received - paid_out;
    closing.rescale(2);
    Some(PlannitPayFigures {
        clearing_account: clearing,
        opening,
        received,
        paid_out,
        closing,
        waiting,
    })
}

/// The differences posted for changed documents, as rows of the payments and
/// invoices sheets, so that the controls still tie out.
fn adjustments(inputs: &ReconcileInputs) -> (Vec<PaymentAdjustment>, Vec<InvoiceFigures>) {
    let accounts = &inputs.config.accounts;
    let mut payments = Vec::new();
    let mut invoices = Vec::new();
    let voided = (inputs.voided.iter()).map(|v| (v.doc.amounts.clone(), &v.doc, &v.state));
    let changed =
        (inputs.adjusted.iter()).map(|(doc, state)| (classify::difference(doc, state), doc, state));
    for (delta, doc, state) in changed.chain(voided) {
        let on = |account: Option<&String>| account.and_then(|a| delta.get(a)).unwrap_or_default();
        let receivable = on(Some(&accounts.receivable));
        if doc.doc_type == DocType::Invoice {
            let (gst, qst, hst) = (
                -on(Some(&accounts.gst)),
                -on(Some(&accounts.qst)),
                -on(accounts.hst.as_ref()),
            );
            invoices.push(InvoiceFigures {
                invoice: doc.number.to_string(),
                adjusts_batch: Some(state.first_batch.clone()),
                date: Some(doc.date),
                customer: String::new(),
                amount: receivable - gst - qst - hst,
                gst,
                qst,
                hst,
                total: receivable,
                // The difference is taken as posted: no tax gap on it.
                gst_expected: gst,
                qst_expected: qst,
                gst_gap: Decimal::ZERO,
                qst_gap: Decimal::ZERO,
                paid: Decimal::ZERO,
                balance: receivable,
                lines: 0,
                when_paid: false,
            });
        } else {
            let account = delta
                .accounts()
                .find(|a| *a != accounts.receivable)
                .map(str::to_string)
                .unwrap_or_default();
            // Under the cash basis, what the difference recognised.
            let recognised: Decimal = (inputs.cash.iter())
                .flat_map(|book| &book.recognitions)
                .filter(|r| r.doc_key == doc.key)
                .map(|r| r.recognised_paid())
                .sum();
            payments.push(PaymentAdjustment {
                date: doc.date,
                number: doc.number.to_string(),
                adjusts_batch: state.first_batch.clone(),
                doc_type: doc.doc_type,
                account,
                received: recognised - receivable,
                recognised,
            });
        }
    }
    (payments, invoices)
}

/// Sales per catalogue item (first spelling seen), with the account the
/// `item_accounts` view gave it, ordered by account.
fn product_figures(sales: &[SalesLine], posting: &PostingAccounts) -> Vec<ProductFigures> {
    let items = folded_names(sales.iter().map(|l| l.item.as_ref()));
    let mut products: BTreeMap<&str, ProductFigures> = BTreeMap::new();
    for line in sales {
        let key = items[line.item.as_ref()].as_str();
        let figures = products.entry(key).or_insert_with_key(|key| {
            let found = posting.items.get(*key);
            ProductFigures {
                item: line.item.to_string(),
                account: found.and_then(|f| f.account.clone()).unwrap_or_default(),
                mapping: found.map_or(ItemMapping::Unmapped, |f| f.mapping),
                quantity: Decimal::ZERO,
                amount: Decimal::ZERO,
                lines: 0,
            }
        });
        figures.quantity += line.quantity.unwrap_or_default();
        figures.amount += line.amount;
        figures.lines += 1;
    }
    let mut products: Vec<ProductFigures> = products.into_values().collect();
    // Stable: items of one account stay in folded-name order.
    products.sort_by(|a, b| a.account.cmp(&b.account));
    products
}

fn account_roles(config: &Config) -> BTreeMap<String, Vec<Role>> {
    let mut roles: BTreeMap<String, Vec<Role>> = BTreeMap::new();
    let a = &config.accounts;
    roles.entry(a.bank.clone()).or_default().push(Role::Bank);
    roles
        .entry(a.receivable.clone())
        .or_default()
        .push(Role::Receivable);
    roles.entry(a.gst.clone()).or_default().push(Role::Gst);
    roles.entry(a.qst.clone()).or_default().push(Role::Qst);
    if let Some(hst) = &a.hst {
        roles.entry(hst.clone()).or_default().push(Role::Hst);
    }
    let optional = [
        (&a.default_revenue, Role::DefaultRevenue),
        (&a.plannit_pay_clearing, Role::PlannitPayClearing),
        (&a.processing_fees, Role::ProcessingFees),
        (&a.tips, Role::Tips),
        (&a.customer_deposits, Role::CustomerDeposits),
        (&a.bad_debts, Role::BadDebts),
        (&a.gst_adjustments, Role::GstAdjustments),
        (&a.qst_adjustments, Role::QstAdjustments),
        (&a.hst_adjustments, Role::HstAdjustments),
    ];
    for (account, role) in optional {
        if let Some(account) = account {
            roles.entry(account.clone()).or_default().push(role);
        }
    }
    // The payout bank is the bank unless it is set apart.
    if let Some(payout_bank) = a.payout_bank.as_ref().filter(|b| **b != a.bank) {
        roles
            .entry(payout_bank.clone())
            .or_default()
            .push(Role::PayoutBank);
    }
    for method in &config.payment_methods {
        roles
            .entry(method.account.clone())
            .or_default()
            .push(Role::Method(method.name.clone()));
    }
    for product in &config.products {
        roles
            .entry(product.account.clone())
            .or_default()
            .push(Role::Revenue(product.name.clone()));
    }
    roles
}

/// The journal's accounts and the configured roles' accounts, in account order.
fn account_figures(config: &Config, entries: &[JournalEntry]) -> Vec<AccountFigures> {
    let mut roles = account_roles(config);
    let totals = account_totals(entries);
    let a = &config.accounts;
    let mut accounts: BTreeSet<String> = totals.iter().map(|t| t.account.clone()).collect();
    accounts.extend([
        a.bank.clone(),
        a.receivable.clone(),
        a.gst.clone(),
        a.qst.clone(),
    ]);
    accounts.extend(a.hst.clone());
    accounts.extend(config.payment_methods.iter().map(|m| m.account.clone()));
    accounts
        .into_iter()
        .map(|account| {
            let (debits, credits) = totals
                .iter()
                .find(|t| t.account == account)
                .map(|t| (t.debits, t.credits))
                .unwrap_or_default();
            AccountFigures {
                name: config
                    .company
                    .chart
                    .as_ref()
                    .and_then(|chart| chart.name(&account))
                    .filter(|name| !name.is_empty())
                    .map(str::to_string),
                roles: roles.remove(&account).unwrap_or_default(),
                account,
                debits,
                credits,
            }
        })
        .collect()
}
