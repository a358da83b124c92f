//! Reading a Sage 50 General Journal import file back: the whole documented
//! grammar (header with optional currency and exchange rate; detail lines
//! with an optional comment and project-allocation count, followed by that
//! many allocation lines; TAXH/TAXD tax lines), separating what Sage documents
//! as refused from notes on what is merely undocumented or stricter than
//! needed. The writer checks its own output with it, and so does
//! `plannit2sage check`.

use rust_decimal::Decimal;

use super::company::{DateProblem, SageCompany};
use super::fields::{
    allocation_amount, decode, parse_header_date, parse_sage_amount, split_fields,
};
use super::settings::{SageEncoding, SageSettings};
use super::{ParsedEntry, ParsedTax, SageProblem};
use crate::tr;

/// What a file is checked against.
#[derive(Debug, Clone)]
pub struct CheckRules {
    pub encoding: SageEncoding,
    /// Longer sources and comments are refused.
    pub source_limit: usize,
    pub comment_limit: usize,
    /// Longer sources and comments are noted (the strictest Sage versions).
    pub source_note: usize,
    pub comment_note: usize,
    /// With a configuration: the company's chart, linked accounts and dates.
    pub company: Option<SageCompany>,
}

/// Sage's documented maxima (2017 help page) and the knowledge base's stricter ones.
const SOURCE_DOCUMENTED: usize = 20;
const COMMENT_DOCUMENTED: usize = 75;
const SOURCE_STRICTEST: usize = 13;
const COMMENT_STRICTEST: usize = 39;

impl CheckRules {
    /// What Sage documents, without knowing the company.
    pub fn documented() -> CheckRules {
        CheckRules {
            encoding: SageEncoding::Windows1252,
            source_limit: SOURCE_DOCUMENTED,
            comment_limit: COMMENT_DOCUMENTED,
            source_note: SOURCE_STRICTEST,
            comment_note: COMMENT_STRICTEST,
            company: None,
        }
    }

    /// The configured limits and the company's chart, linked accounts and dates.
    pub fn for_company(settings: &SageSettings, company: &SageCompany) -> CheckRules {
        CheckRules {
            company: Some(company.clone()),
            ..CheckRules::for_settings(settings)
        }
    }

    /// The configured limits only: what the writer checks its output against.
    pub fn for_settings(settings: &SageSettings) -> CheckRules {
        CheckRules {
            encoding: settings.encoding,
            source_limit: settings.source_max,
            comment_limit: settings.comment_max,
            source_note: settings.source_max.min(SOURCE_STRICTEST),
            comment_note: settings.comment_max.min(COMMENT_STRICTEST),
            company: None,
        }
    }
}

/// A file read back: its entries, what Sage would refuse, and notes.
#[derive(Debug, Clone, Default)]
pub struct CheckedFile {
    pub entries: Vec<ParsedEntry>,
    pub refusals: Vec<SageProblem>,
    pub notes: Vec<SageProblem>,
}

/// Validates an import file against the writer's settings and reads its
/// entries; only what Sage refuses is an error.
pub fn parse(bytes: &[u8], settings: &SageSettings) -> Result<Vec<ParsedEntry>, Vec<SageProblem>> {
    let checked = check(bytes, &CheckRules::for_settings(settings));
    if checked.refusals.is_empty() {
        Ok(checked.entries)
    } else {
        Err(checked.refusals)
    }
}

/// What the next lines must be.
enum Expect {
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

/// Reads and checks a whole file; every problem is reported, not only the first.
pub fn check(bytes: &[u8], rules: &CheckRules) -> CheckedFile {
    let mut out = CheckedFile::default();
    let refuse = |out: &mut CheckedFile, line: usize, message: String| {
        out.refusals.push(SageProblem { line, message })
    };
    let note = |out: &mut CheckedFile, line: usize, message: String| {
        out.notes.push(SageProblem { line, message })
    };
    let text = match decode(bytes, rules.encoding) {
        Ok(text) => text,
        Err(p) => {
            out.refusals.push(p);
            return out;
        }
    };
    if text.is_empty() {
        refuse(&mut out, 1, tr!("tools-sage-empty"));
        return out;
    }
    if text.starts_with('\u{feff}') {
        refuse(&mut out, 1, tr!("tools-sage-bom"));
    }
    let mut expect = Expect::Any;
    // After a header that cannot be read, its detail lines are not checked.
    let mut in_unreadable_entry = false;
    let mut lf_lines = 0usize;
    let mut non_ascii_noted = false;
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let line = if let Some(line) = raw_line.strip_suffix("\r\n") {
            line
        } else if let Some(line) = raw_line.strip_suffix('\n') {
            if lf_lines == 0 {
                note(&mut out, number, tr!("tools-sage-lf-only"));
            }
            lf_lines += 1;
            line
        } else {
            note(&mut out, number, tr!("tools-sage-no-final-newline"));
            raw_line
        };
        if line.contains('\r') {
            refuse(&mut out, number, tr!("tools-sage-carriage-return"));
            continue;
        }
        if line.trim().is_empty() {
            note(&mut out, number, tr!("tools-sage-blank-line"));
            continue;
        }
        if let Some(c) = line.chars().find(|c| c.is_control()) {
            refuse(
                &mut out,
                number,
                tr!(
                    "tools-sage-control-char",
                    code = format!("U+{:04X}", c as u32)
                ),
            );
            continue;
        }
        if !non_ascii_noted {
            if let Some(c) = line.chars().find(|c| !c.is_ascii()) {
                note(
                    &mut out,
                    number,
                    tr!(
                        "tools-sage-non-ascii",
                        char = c.to_string(),
                        encoding = encoding_name(rules.encoding)
                    ),
                );
                non_ascii_noted = true;
            }
        }
        let fields = match split_fields(line) {
            Ok(fields) => fields,
            Err(why) => {
                refuse(&mut out, number, why.to_string());
                continue;
            }
        };
        let (first, first_quoted) = (&fields[0].0, fields[0].1);
        match expect {
            Expect::Allocations { remaining, line } => {
                if first_quoted && fields.len() == 2 && !fields[1].1 {
                    if allocation_amount(&fields[1].0).is_none() {
                        refuse(
                            &mut out,
                            number,
                            tr!("tools-sage-bad-allocation", value = &fields[1].0),
                        );
                    }
                    expect = if remaining > 1 {
                        Expect::Allocations {
                            remaining: remaining - 1,
                            line,
                        }
                    } else {
                        Expect::Any
                    };
                    continue;
                }
                refuse(
                    &mut out,
                    line,
                    tr!(
                        "tools-sage-allocations-missing",
                        remaining = remaining,
                        number = number
                    ),
                );
                expect = Expect::Any;
            }
            Expect::TaxDetails { remaining, line } => {
                if !first_quoted && first == "TAXD" {
                    read_tax_detail(&mut out, rules, number, &fields);
                    expect = if remaining > 1 {
                        Expect::TaxDetails {
                            remaining: remaining - 1,
                            line,
                        }
                    } else {
                        Expect::Any
                    };
                    continue;
                }
                refuse(
                    &mut out,
                    line,
                    tr!(
                        "tools-sage-tax-details-missing",
                        remaining = remaining,
                        number = number
                    ),
                );
                expect = Expect::Any;
            }
            Expect::Any => {}
        }
        if first_quoted {
            refuse(
                &mut out,
                number,
                tr!("tools-sage-orphan-allocation", line = line),
            );
        } else if first == "TAXH" {
            expect = read_tax_header(&mut out, number, &fields);
        } else if first == "TAXD" {
            refuse(&mut out, number, tr!("tools-sage-orphan-taxd"));
        } else if first.contains('-') {
            in_unreadable_entry = !read_header(&mut out, rules, number, &fields);
        } else if in_unreadable_entry {
            continue;
        } else if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) {
            expect = read_detail(&mut out, rules, number, &fields);
        } else {
            refuse(
                &mut out,
                number,
                tr!("tools-sage-unknown-line", line = line),
            );
        }
    }
    match expect {
        Expect::Allocations { remaining, line } => refuse(
            &mut out,
            line,
            tr!("tools-sage-ends-allocations-short", remaining = remaining),
        ),
        Expect::TaxDetails { remaining, line } => refuse(
            &mut out,
            line,
            tr!("tools-sage-ends-tax-details-short", remaining = remaining),
        ),
        Expect::Any => {}
    }
    check_entries(&mut out);
    if out.entries.is_empty() && out.refusals.is_empty() {
        refuse(&mut out, 1, tr!("tools-sage-no-entry"));
    }
    out.refusals.sort_by_key(|p| p.line);
    out.notes.sort_by_key(|p| p.line);
    out
}

fn encoding_name(encoding: SageEncoding) -> &'static str {
    match encoding {
        SageEncoding::Windows1252 => "windows-1252",
        SageEncoding::Utf8 => "utf-8",
    }
}

/// `date,"source"[,"comment"[,currency[,exchange rate]]]`; false when the
/// line cannot be read as a header at all.
fn read_header(
    out: &mut CheckedFile,
    rules: &CheckRules,
    number: usize,
    fields: &[(String, bool)],
) -> bool {
    let problem = |out: &mut CheckedFile, message: String| {
        out.refusals.push(SageProblem {
            line: number,
            message,
        })
    };
    let first = &fields[0].0;
    let Some(date) = parse_header_date(first) else {
        problem(out, tr!("tools-sage-bad-date", value = first));
        return false;
    };
    let quoted_ok = fields.len() >= 2
        && fields.len() <= 5
        && fields[1].1
        && fields.get(2).is_none_or(|f| f.1)
        && fields[3..].iter().all(|f| !f.1);
    if !quoted_ok {
        problem(out, tr!("tools-sage-header-shape"));
        return false;
    }
    let source = fields[1].0.clone();
    let comment = fields.get(2).map(|f| f.0.clone()).unwrap_or_default();
    let currency = fields.get(3).map(|f| f.0.clone());
    if let Some(rate) = fields.get(4) {
        if rate
            .0
            .parse::<Decimal>()
            .map_or(true, |r| r <= Decimal::ZERO)
        {
            problem(out, tr!("tools-sage-bad-rate", value = &rate.0));
        }
    }
    if source.trim().is_empty() {
        problem(out, tr!("tools-sage-no-source"));
    }
    let (source_len, comment_len) = (source.chars().count(), comment.chars().count());
    if source_len > rules.source_limit {
        problem(
            out,
            tr!(
                "tools-sage-source-too-long",
                source = &source,
                limit = rules.source_limit
            ),
        );
    } else if source_len > rules.source_note {
        out.notes.push(SageProblem {
            line: number,
            message: tr!(
                "tools-sage-source-strictest",
                source = &source,
                limit = rules.source_note
            ),
        });
    }
    if comment_len > rules.comment_limit {
        problem(
            out,
            tr!(
                "tools-sage-comment-too-long",
                comment = &comment,
                limit = rules.comment_limit
            ),
        );
    } else if comment_len > rules.comment_note {
        out.notes.push(SageProblem {
            line: number,
            message: tr!(
                "tools-sage-comment-strictest",
                comment = &comment,
                limit = rules.comment_note
            ),
        });
    }
    if let Some(company) = &rules.company {
        match company.date_problem(date) {
            Some(DateProblem::BeforeLock(lock)) => problem(
                out,
                tr!(
                    "tools-sage-before-lock",
                    date = date.to_string(),
                    lock = lock.to_string()
                ),
            ),
            Some(DateProblem::AfterYearEnd(end)) => problem(
                out,
                tr!(
                    "tools-sage-after-year-end",
                    date = date.to_string(),
                    end = end.to_string()
                ),
            ),
            None => {}
        }
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

/// `account,amount[,"comment"[,allocation count]]`.
fn read_detail(
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
fn read_tax_header(out: &mut CheckedFile, number: usize, fields: &[(String, bool)]) -> Expect {
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
fn read_tax_detail(
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

/// Balance and size of each entry.
fn check_entries(out: &mut CheckedFile) {
    let mut problems = Vec::new();
    for entry in &out.entries {
        let balance: Decimal = entry.lines.iter().map(|(_, a)| *a).sum();
        if entry.lines.len() < 2 {
            problems.push(SageProblem {
                line: entry.line,
                message: tr!("tools-sage-too-few-lines", source = &entry.source),
            });
        } else if !balance.is_zero() {
            problems.push(SageProblem {
                line: entry.line,
                message: tr!(
                    "tools-sage-unbalanced",
                    source = &entry.source,
                    debits = entry.debits().to_string(),
                    credits = entry.credits().to_string(),
                    balance = balance.to_string()
                ),
            });
        } else if entry.debits().is_zero() {
            problems.push(SageProblem {
                line: entry.line,
                message: tr!("tools-sage-zero-entry", source = &entry.source),
            });
        }
    }
    out.refusals.extend(problems);
}
