//! Each kind of line of an import file read into the entry it belongs to:
//! headers, detail lines (with their project allocations), and the TAXH/TAXD
//! tax lines; what Sage would refuse is a refusal, what is only unusual a note.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::company::{DateProblem, SageCompany};
use super::fields::{parse_header_date, parse_sage_amount};
use super::rules::{CheckRules, CheckedFile};
use super::{ParsedEntry, ParsedTax, SageProblem};
use crate::tr;

/// What the next lines must be.
pub(super) enum Expect {
    Any,
    /// Allocation lines still due after the detail line at `line`.
    Allocations {
        remaining: usize,
        line: usize,
    },
    /// TAXD lines still due after the TAXH line at `line`.
    TaxDetails {
        remaining: usize,
        line: usize,
    },
}

impl Expect {
    /// `remaining` allocation lines still due after the line `line`.
    pub(super) fn allocations(remaining: usize, line: usize) -> Expect {
        match remaining {
            0 => Expect::Any,
            remaining => Expect::Allocations { remaining, line },
        }
    }

    /// `remaining` TAXD lines still due after the TAXH line `line`.
    pub(super) fn tax_details(remaining: usize, line: usize) -> Expect {
        match remaining {
            0 => Expect::Any,
            remaining => Expect::TaxDetails { remaining, line },
        }
    }
}

/// `date,"source"[,"comment"[,currency[,exchange rate]]]`; false when the
/// line cannot be read as a header at all.
pub(super) fn read_header(
    out: &mut CheckedFile,
    rules: &CheckRules,
    number: usize,
    fields: &[(String, bool)],
) -> bool {
    let mut problem = |message: String| {
        out.refusals.push(SageProblem {
            line: number,
            message,
        })
    };
    let first = &fields[0].0;
    let Some(date) = parse_header_date(first) else {
        problem(tr!("tools-sage-bad-date", value = first));
        return false;
    };
    let quoted_ok = fields.len() >= 2
        && fields.len() <= 5
        && fields[1].1
        && fields.get(2).is_none_or(|f| f.1)
        && fields[3..].iter().all(|f| !f.1);
    if !quoted_ok {
        problem(tr!("tools-sage-header-shape"));
        return false;
    }
    let source = fields[1].0.clone();
    let comment = fields.get(2).map(|f| f.0.clone()).unwrap_or_default();
    let currency = fields.get(3).map(|f| f.0.clone());
    if let Some(rate) = fields.get(4) {
        if (rate.0.parse::<Decimal>()).map_or(true, |r| r <= Decimal::ZERO) {
            problem(tr!("tools-sage-bad-rate", value = &rate.0));
        }
    }
    if source.trim().is_empty() {
        problem(tr!("tools-sage-no-source"));
    }
    check_lengths(out, rules, number, &source, &comment);
    if let Some(company) = &rules.company {
        check_company_date(out, company, number, date);
    }
    out.entries.push(ParsedEntry {
        line: number,
        date,
        source,
        comment,
        currency,
        lines: Vec::new(),
        taxes: Vec::new(),
    });
    true
}

/// A source or comment longer than Sage takes is refused; longer than the
/// strictest versions take, noted.
fn check_lengths(
    out: &mut CheckedFile,
    rules: &CheckRules,
    number: usize,
    source: &str,
    comment: &str,
) {
    let at = |message: String| SageProblem {
        line: number,
        message,
    };
    let (source_len, comment_len) = (source.chars().count(), comment.chars().count());
    if source_len > rules.source_limit {
        let limit = rules.source_limit;
        let message = tr!("tools-sage-source-too-long", source = source, limit = limit);
        out.refusals.push(at(message));
    } else if source_len > rules.source_note {
        let limit = rules.source_note;
        let message = tr!(
            "tools-sage-source-strictest",
            source = source,
            limit = limit
        );
        out.notes.push(at(message));
    }
    if comment_len > rules.comment_limit {
        let limit = rules.comment_limit;
        let message = tr!(
            "tools-sage-comment-too-long",
            comment = comment,
            limit = limit
        );
        out.refusals.push(at(message));
    } else if comment_len > rules.comment_note {
        let limit = rules.comment_note;
        let message = tr!(
            "tools-sage-comment-strictest",
            comment = comment,
            limit = limit
        );
        out.notes.push(at(message));
    }
}

/// An entry dated where the company refuses transactions is refused.
fn check_company_date(
    out: &mut CheckedFile,
    company: &SageCompany,
    number: usize,
    date: NaiveDate,
) {
    let message = match company.date_problem(date) {
        Some(DateProblem::BeforeLock(lock)) => tr!(
            "tools-sage-before-lock",
            date = date.to_string(),
            lock = lock.to_string()
        ),
        Some(DateProblem::AfterYearEnd(end)) => tr!(
            "tools-sage-after-year-end",
            date = date.to_string(),
            end = end.to_string()
        ),
        None => return,
    };
    out.refusals.push(SageProblem {
        line: number,
        message,
    });
}

/// `account,amount[,"comment"[,allocation count]]`.
pub(super) fn read_detail(
    out: &mut CheckedFile,
    rules: &CheckRules,
    number: usize,
    fields: &[(String, bool)],
) -> Expect {
    let problem = |out: &mut CheckedFile, message: String| {
        out.refusals.push(SageProblem {
            line: number,
            message,
        })
    };
    let account = fields[0].0.clone();
    if out.entries.is_empty() {
        problem(out, tr!("tools-sage-detail-before-header"));
        return Expect::Any;
    }
    let shape_ok = fields.len() >= 2
        && fields.len() <= 4
        && !fields[1].1
        && fields.get(2).is_none_or(|f| f.1)
        && fields.get(3).is_none_or(|f| !f.1);
    if !shape_ok {
        problem(out, tr!("tools-sage-detail-shape"));
        return Expect::Any;
    }
    let allocations = match fields.get(3) {
        None => 0,
        Some((count, _)) => match count.parse::<usize>() {
            Ok(n) => n,
            Err(_) => {
                problem(out, tr!("tools-sage-bad-allocation-count", value = count));
                0
            }
        },
    };
    let amount_text = &fields[1].0;
    match parse_sage_amount(amount_text) {
        None => problem(out, tr!("tools-sage-bad-amount", value = amount_text)),
        Some(amount) => {
            if amount.is_zero() {
                out.notes.push(SageProblem {
                    line: number,
                    message: tr!("tools-sage-zero-amount", account = &account),
                });
            }
            if let Some(why) = rules
                .company
                .as_ref()
                .and_then(|c| c.account_problem(&account))
            {
                problem(out, why.to_string());
            }
            if let Some(entry) = out.entries.last_mut() {
                entry.lines.push((account, amount));
            }
        }
    }
    if allocations > 0 {
        Expect::Allocations {
            remaining: allocations,
            line: number,
        }
    } else {
        Expect::Any
    }
}

/// `TAXH,<number of TAXD lines>,<0 sales | 1 purchases>`, right after a header.
pub(super) fn read_tax_header(
    out: &mut CheckedFile,
    number: usize,
    fields: &[(String, bool)],
) -> Expect {
    let problem = |out: &mut CheckedFile, message: String| {
        out.refusals.push(SageProblem {
            line: number,
            message,
        })
    };
    let follows_header = out
        .entries
        .last()
        .is_some_and(|e| e.lines.is_empty() && e.taxes.is_empty());
    if !follows_header {
        problem(out, tr!("tools-sage-taxh-position"));
    }
    let count = fields
        .get(1)
        .and_then(|f| f.0.parse::<usize>().ok())
        .filter(|n| *n > 0);
    let kind_ok = fields.get(2).is_some_and(|f| f.0 == "0" || f.0 == "1");
    match (fields.len(), count, kind_ok) {
        (3, Some(count), true) => Expect::TaxDetails {
            remaining: count,
            line: number,
        },
        _ => {
            problem(out, tr!("tools-sage-taxh-shape"));
            Expect::Any
        }
    }
}

/// `TAXD,account,tax name,tax code,amount subject to tax,tax amount,other tax paid`.
pub(super) fn read_tax_detail(
    out: &mut CheckedFile,
    rules: &CheckRules,
    number: usize,
    fields: &[(String, bool)],
) {
    let problem = |out: &mut CheckedFile, message: String| {
        out.refusals.push(SageProblem {
            line: number,
            message,
        })
    };
    if fields.len() != 7 {
        problem(out, tr!("tools-sage-taxd-shape"));
        return;
    }
    let account = fields[1].0.clone();
    if account.is_empty() || !account.bytes().all(|b| b.is_ascii_digit()) {
        problem(out, tr!("tools-sage-bad-account", value = &account));
    }
    let amounts: Vec<Option<Decimal>> = fields[4..]
        .iter()
        .map(|f| parse_sage_amount(&f.0))
        .collect();
    for (field, amount) in fields[4..].iter().zip(&amounts) {
        if amount.is_none() {
            problem(out, tr!("tools-sage-bad-amount", value = &field.0));
        }
    }
    if let Some(why) = rules
        .company
        .as_ref()
        .and_then(|c| c.account_problem(&account))
    {
        problem(out, why.to_string());
    }
    if let (Some(entry), [Some(taxable), Some(tax), Some(other)]) =
        (out.entries.last_mut(), amounts.as_slice())
    {
        entry.taxes.push(ParsedTax {
            account,
            name: fields[2].0.clone(),
            code: fields[3].0.clone(),
            taxable: *taxable,
            tax: *tax,
            other: *other,
        });
    }
}
