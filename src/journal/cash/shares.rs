//! The cash basis's rule for one payment of an invoice: for a payment P of an
//! invoice of total T, each of the invoice's lines (revenue accounts, GST,
//! QST, HST) gets its amount × P / T, rounded half away from zero to the
//! cent, and the cent or two by which the rounded shares miss P go to the
//! largest revenue share. The payment that brings the invoice's paid total to
//! T takes what is left of each line instead, and the refund that brings it
//! back to zero takes back what was recognised: a fully paid invoice has
//! posted exactly its own lines, a fully refunded one nothing.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::history::LedgerLine;
use crate::money::round_cents;

/// What the rule needs of an invoice: its lines, total and taxable amounts,
/// and what earlier payments paid and recognised.
#[derive(Debug, Clone, Copy)]
pub struct Paying<'a> {
    pub lines: &'a [LedgerLine],
    pub total: Decimal,
    /// The revenue subject to GST, QST and HST.
    pub taxable: [Decimal; 3],
    pub paid: Decimal,
    /// Recognised so far, per account (credits negative).
    pub recognised: &'a BTreeMap<String, Decimal>,
    pub recognised_taxable: [Decimal; 3],
}

/// Which part of the rule made a payment's shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareRule {
    /// Each line × P / T, rounded; the rounding gap on the largest revenue share.
    Proportional,
    /// The payment brings the paid total to the invoice's total: what is
    /// left of each line.
    Settles,
    /// The refund brings the paid total back to zero: what was recognised.
    Clears,
    /// A bounced payment: the shares of the payment it reverses (its number).
    Reverses(String),
    /// The difference posted for a payment changed since its export
    /// (`--adjust`): the batch that first posted it.
    Adjusts(String),
}

/// One account's share of a payment.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub account: String,
    pub is_tax: bool,
    /// The invoice's line on the account (credits negative).
    pub line: Decimal,
    /// line × P / T, rounded half away from zero to the cent.
    pub rounded: Decimal,
    /// What is posted (credits negative): `rounded`, unless the rule says otherwise.
    pub amount: Decimal,
}

/// A payment's shares of its invoice.
#[derive(Debug, Clone, PartialEq)]
pub struct Shares {
    pub rule: ShareRule,
    pub shares: Vec<Share>,
    /// The revenue subject to GST, QST and HST the payment recognises.
    pub taxable: [Decimal; 3],
}

impl Shares {
    /// The shares' sum: minus what was paid.
    pub fn sum(&self) -> Decimal {
        self.shares.iter().map(|s| s.amount).sum()
    }
}

/// `amount × paid / total`, rounded half away from zero to the cent.
pub fn proportional(amount: Decimal, paid: Decimal, total: Decimal) -> Decimal {
    round_cents(amount * paid / total)
}

/// What a payment of `paid` can recognise of an invoice of `total` of which
/// `before` was paid: the part that keeps its paid total between zero and
/// its total. The rest — paid beyond the total, or the refund of that — is
/// the customer's credit, not revenue. Returns `before` within those bounds
/// and the part recognised.
pub fn recognisable(before: Decimal, paid: Decimal, total: Decimal) -> (Decimal, Decimal) {
    let (low, high) = if total.is_sign_negative() {
        (total, Decimal::ZERO)
    } else {
        (Decimal::ZERO, total)
    };
    let within = |amount: Decimal| amount.max(low).min(high);
    let counted = within(before);
    (counted, within(before + paid) - counted)
}

/// The shares of a payment of `paid` of `invoice`, of the part it can
/// recognise (`recognisable`): an overpayment's excess gets none.
pub fn share_within(invoice: &Paying<'_>, paid: Decimal) -> Option<Shares> {
    let (counted, part) = recognisable(invoice.paid, paid, invoice.total);
    let counted = Paying {
        paid: counted,
        ..*invoice
    };
    share_out(&counted, part)
}

/// The shares of a payment of `paid` (negative for a refund) of `invoice`;
/// none when the invoice's total is zero (no proportion exists).
pub fn share_out(invoice: &Paying<'_>, paid: Decimal) -> Option<Shares> {
    if invoice.total.is_zero() {
        return None;
    }
    let after = invoice.paid + paid;
    let rule = if after == invoice.total {
        ShareRule::Settles
    } else if after.is_zero() && !invoice.paid.is_zero() {
        ShareRule::Clears
    } else {
        ShareRule::Proportional
    };
    // Every account of the invoice, and any recognised that its lines no
    // longer have (an invoice changed since).
    let mut accounts: BTreeMap<&str, (bool, Decimal)> = BTreeMap::new();
    for line in invoice.lines {
        let slot = accounts
            .entry(&line.account)
            .or_insert((line.is_tax, Decimal::ZERO));
        slot.1 += line.amount;
    }
    for account in invoice.recognised.keys() {
        accounts.entry(account).or_insert((false, Decimal::ZERO));
    }
    let mut shares: Vec<Share> = (accounts.into_iter())
        .map(|(account, (is_tax, line))| {
            let rounded = proportional(line, paid, invoice.total);
            let recognised = invoice.recognised.get(account).copied().unwrap_or_default();
            let amount = match rule {
                ShareRule::Settles => line - recognised,
                ShareRule::Clears => -recognised,
                _ => rounded,
            };
            Share {
                account: account.to_string(),
                is_tax,
                line,
                rounded,
                amount,
            }
        })
        .filter(|share| !(share.line.is_zero() && share.amount.is_zero()))
        .collect();
    let taxable = match rule {
        ShareRule::Settles => sub(invoice.taxable, invoice.recognised_taxable),
        ShareRule::Clears => invoice.recognised_taxable.map(|t| -t),
        _ => invoice
            .taxable
            .map(|t| proportional(t, paid, invoice.total)),
    };
    if rule == ShareRule::Proportional {
        settle_gap(&mut shares, paid);
    }
    for share in &mut shares {
        share.amount = to_cents(share.amount);
    }
    Some(Shares {
        rule,
        shares,
        taxable: taxable.map(to_cents),
    })
}

/// The cents by which the rounded shares miss `paid` go to the largest
/// revenue share (the largest share when the invoice has no revenue line),
/// the first by account of equal ones.
fn settle_gap(shares: &mut [Share], paid: Decimal) {
    let gap = -paid - shares.iter().map(|s| s.amount).sum::<Decimal>();
    if gap.is_zero() {
        return;
    }
    let largest = |revenue_only: bool| {
        (shares.iter().enumerate())
            .filter(|(_, s)| !revenue_only || !s.is_tax)
            .fold(None::<(usize, Decimal)>, |best, (at, s)| match best {
                Some((_, size)) if size >= s.amount.abs() => best,
                _ => Some((at, s.amount.abs())),
            })
            .map(|(at, _)| at)
    };
    if let Some(at) = largest(true).or_else(|| largest(false)) {
        shares[at].amount += gap;
    }
}

/// The payment a bounced payment reverses: its invoice's lines, what it
/// recognised and its number.
#[derive(Debug, Clone, Copy)]
pub struct Reversed<'a> {
    pub lines: &'a [LedgerLine],
    pub amounts: &'a [(String, Decimal)],
    pub taxable: [Decimal; 3],
    pub number: &'a str,
}

/// The exact reverse of a payment's recognition: its shares and taxable
/// amounts with the opposite sign, for a bounced payment.
/// `paid` is the bounced payment's (negative); `amounts` and `taxable` the
/// recognition of the payment it reverses, `number` that payment's number.
pub fn reverse(of: Reversed<'_>, paid: Decimal, total: Decimal) -> Shares {
    let Reversed {
        lines,
        amounts,
        taxable,
        number,
    } = of;
    let shares = (amounts.iter())
        .map(|(account, amount)| {
            let line = lines.iter().find(|l| l.account == *account);
            let line_amount = line.map(|l| l.amount).unwrap_or_default();
            Share {
                account: account.clone(),
                is_tax: line.is_some_and(|l| l.is_tax),
                line: line_amount,
                rounded: if total.is_zero() {
                    Decimal::ZERO
                } else {
                    proportional(line_amount, paid, total)
                },
                amount: to_cents(-*amount),
            }
        })
        .collect();
    Shares {
        rule: ShareRule::Reverses(number.to_string()),
        shares,
        taxable: taxable.map(|t| to_cents(-t)),
    }
}

/// To the cent, zero without a sign: as the history and the workbook write it.
fn to_cents(mut amount: Decimal) -> Decimal {
    if amount.is_zero() {
        return Decimal::new(0, 2);
    }
    amount.rescale(2);
    amount
}

fn sub(a: [Decimal; 3], b: [Decimal; 3]) -> [Decimal; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    /// What an invoice can recognise keeps its paid total within zero and
    /// its total: an overpayment's excess and the refund of it recognise nothing.
    #[test]
    fn only_what_keeps_the_paid_total_within_the_invoice_is_recognisable() {
        assert_eq!(
            recognisable(d("0"), d("400.00"), d("344.93")),
            (d("0"), d("344.93"))
        );
        assert_eq!(
            recognisable(d("400.00"), d("-55.07"), d("344.93")),
            (d("344.93"), d("0.00"))
        );
        assert_eq!(
            recognisable(d("400.00"), d("-100.00"), d("344.93")),
            (d("344.93"), d("-44.93"))
        );
        assert_eq!(
            recognisable(d("100.00"), d("50.00"), d("344.93")),
            (d("100.00"), d("50.00"))
        );
        // A credit note: its total and what is paid back are negative.
        assert_eq!(
            recognisable(d("0"), d("-60.00"), d("-50.00")),
            (d("0"), d("-50.00"))
        );
    }

    /// F: revenue 4001 100.00 and 4002 33.33, GST 6.67, QST 13.30: 153.30.
    fn lines() -> Vec<LedgerLine> {
        [
            ("2420", true, "-6.67"),
            ("2500", true, "-13.30"),
            ("4001", false, "-100.00"),
            ("4002", false, "-33.33"),
        ]
        .into_iter()
        .map(|(account, is_tax, amount)| LedgerLine {
            account: account.into(),
            is_tax,
            amount: d(amount),
        })
        .collect()
    }

    fn amounts(shares: &Shares) -> Vec<(&str, String)> {
        (shares.shares.iter())
            .map(|s| (s.account.as_str(), s.amount.to_string()))
            .collect()
    }

    #[test]
    fn a_part_payment_shares_each_line_and_balances_on_the_largest_revenue() {
        let lines = lines();
        let none = BTreeMap::new();
        let invoice = Paying {
            lines: &lines,
            total: d("153.30"),
            taxable: [d("133.33"), d("133.33"), Decimal::ZERO],
            paid: Decimal::ZERO,
            recognised: &none,
            recognised_taxable: [Decimal::ZERO; 3],
        };
        // 50 / 153.30: 2.1754… → 2.18, 4.3379… → 4.34, 32.6158… → 32.62,
        // 10.8708… → 10.87: 50.01, one cent too many, off the largest revenue.
        let shares = share_out(&invoice, d("50.00")).unwrap();
        assert_eq!(shares.rule, ShareRule::Proportional);
        assert_eq!(
            amounts(&shares),
            [
                ("2420", "-2.18".into()),
                ("2500", "-4.34".into()),
                ("4001", "-32.61".into()),
                ("4002", "-10.87".into())
            ]
        );
        assert_eq!(shares.shares[2].rounded, d("-32.62"));
        assert_eq!(shares.sum(), d("-50.00"));
        assert_eq!(shares.taxable, [d("43.49"), d("43.49"), Decimal::ZERO]);
    }

    #[test]
    fn the_payment_that_settles_the_invoice_takes_what_is_left() {
        let lines = lines();
        let recognised: BTreeMap<String, Decimal> = [
            ("2420", "-2.18"),
            ("2500", "-4.34"),
            ("4001", "-32.61"),
            ("4002", "-10.87"),
        ]
        .into_iter()
        .map(|(a, v)| (a.to_string(), d(v)))
        .collect();
        let invoice = Paying {
            lines: &lines,
            total: d("153.30"),
            taxable: [d("133.33"), d("133.33"), Decimal::ZERO],
            paid: d("50.00"),
            recognised: &recognised,
            recognised_taxable: [d("43.49"), d("43.49"), Decimal::ZERO],
        };
        let shares = share_out(&invoice, d("103.30")).unwrap();
        assert_eq!(shares.rule, ShareRule::Settles);
        assert_eq!(
            amounts(&shares),
            [
                ("2420", "-4.49".into()),
                ("2500", "-8.96".into()),
                ("4001", "-67.39".into()),
                ("4002", "-22.46".into())
            ]
        );
        assert_eq!(shares.sum(), d("-103.30"));
        assert_eq!(shares.taxable, [d("89.84"), d("89.84"), Decimal::ZERO]);
        // A refund of everything takes back exactly what was recognised.
        let refund = share_out(&invoice, d("-50.00")).unwrap();
        assert_eq!(refund.rule, ShareRule::Clears);
        assert_eq!(
            amounts(&refund),
            [
                ("2420", "2.18".into()),
                ("2500", "4.34".into()),
                ("4001", "32.61".into()),
                ("4002", "10.87".into())
            ]
        );
    }

    #[test]
    fn a_half_cent_rounds_away_from_zero_both_ways() {
        assert_eq!(proportional(d("-0.25"), d("1"), d("10")), d("-0.03"));
        assert_eq!(proportional(d("0.25"), d("1"), d("10")), d("0.03"));
        assert_eq!(proportional(d("0.25"), d("-1"), d("10")), d("-0.03"));
    }

    #[test]
    fn no_share_of_an_invoice_of_zero_and_a_bounced_payment_reverses_its_own() {
        let lines = lines();
        let none = BTreeMap::new();
        let free = Paying {
            lines: &lines,
            total: Decimal::ZERO,
            taxable: [Decimal::ZERO; 3],
            paid: Decimal::ZERO,
            recognised: &none,
            recognised_taxable: [Decimal::ZERO; 3],
        };
        assert!(share_out(&free, d("1.00")).is_none());
        let paid = vec![
            ("4001".to_string(), d("-32.61")),
            ("2420".to_string(), d("-2.18")),
        ];
        let of = Reversed {
            lines: &lines,
            amounts: &paid,
            taxable: [d("43.49"); 3],
            number: "R-1",
        };
        let back = reverse(of, d("-50.00"), d("153.30"));
        assert_eq!(back.shares[0].rounded, d("32.62"));
        assert_eq!(
            amounts(&back),
            [("4001", "32.61".into()), ("2420", "2.18".into())]
        );
        assert_eq!(back.rule, ShareRule::Reverses("R-1".into()));
        assert_eq!(back.taxable, [d("-43.49"); 3]);
    }
}
