//! Reading a Sage 50 General Journal import file back: the whole documented
//! grammar (header with optional currency and exchange rate; detail lines
//! with an optional comment and project-allocation count, followed by that
//! many allocation lines; TAXH/TAXD tax lines), separating what Sage documents
//! as refused from notes on what is merely undocumented or stricter than
//! needed. The writer checks its own output with it, and so does
//! `plannit2sage check`.

use rust_decimal::Decimal;

use super::fields::{
    allocation_amount, decode, parse_header_date, parse_sage_amount, split_fields,
};
use super::{ParsedEntry, ParsedTax, SageProblem};
use crate::company::{DateProblem, SageCompany};
use crate::config::{Config, SageEncoding, SageSettings};

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
    pub fn for_config(config: &Config) -> CheckRules {
        CheckRules {
            company: Some(config.company.clone()),
            ..CheckRules::for_settings(&config.sage)
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
        refuse(&mut out, 1, "the file is empty".into());
        return out;
    }
    if text.starts_with('\u{feff}') {
        refuse(
            &mut out,
            1,
            "the file starts with a byte-order mark, which Sage 50 reads as part of the first date"
                .into(),
        );
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
                note(
                    &mut out,
                    number,
                    "line ends with LF only: Sage's own files use CRLF (LF is not documented as refused; the tool writes CRLF)".into(),
                );
            }
            lf_lines += 1;
            line
        } else {
            note(&mut out, number, "the last line has no line ending".into());
            raw_line
        };
        if line.contains('\r') {
            refuse(&mut out, number, "a carriage return inside the line".into());
            continue;
        }
        if line.trim().is_empty() {
            note(
                &mut out,
                number,
                "blank line: not documented; the tool writes entries one after the other".into(),
            );
            continue;
        }
        if let Some(c) = line.chars().find(|c| c.is_control()) {
            refuse(
                &mut out,
                number,
                format!("control character U+{:04X} in the line", c as u32),
            );
            continue;
        }
        if !non_ascii_noted {
            if let Some(c) = line.chars().find(|c| !c.is_ascii()) {
                note(
                    &mut out,
                    number,
                    format!("'{c}' is outside ASCII: Sage reads it in the file's encoding ({}), which must be the company's", encoding_name(rules.encoding)),
                );
                non_ascii_noted = true;
            }
        }
        let fields = match split_fields(line) {
            Ok(fields) => fields,
            Err(why) => {
                refuse(&mut out, number, why);
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
                            format!(
                                "'{}' is not an allocation amount or percentage",
                                fields[1].0
                            ),
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
                refuse(&mut out, line, format!("the line says {remaining} more project allocation line(s) (\"project\",amount) follow, but line {number} is not one"));
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
                refuse(&mut out, line, format!("TAXH announces {remaining} more TAXD line(s), but line {number} is not one"));
                expect = Expect::Any;
            }
            Expect::Any => {}
        }
        if first_quoted {
            refuse(
                &mut out,
                number,
                format!("'{line}' is an allocation line without a detail line announcing it"),
            );
        } else if first == "TAXH" {
            expect = read_tax_header(&mut out, number, &fields);
        } else if first == "TAXD" {
            refuse(
                &mut out,
                number,
                "a TAXD line without a TAXH line announcing it".into(),
            );
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
                format!("'{line}' is neither an entry header nor an account line"),
            );
        }
    }
    match expect {
        Expect::Allocations { remaining, line } => refuse(
            &mut out,
            line,
            format!("the file ends {remaining} project allocation line(s) short"),
        ),
        Expect::TaxDetails { remaining, line } => refuse(
            &mut out,
            line,
            format!("the file ends {remaining} TAXD line(s) short of what TAXH announces"),
        ),
        Expect::Any => {}
    }
    check_entries(&mut out);
    if out.entries.is_empty() && out.refusals.is_empty() {
        refuse(&mut out, 1, "the file holds no entry".into());
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
        problem(out, format!("'{first}' is not a date in mm-dd-yy form"));
        return false;
    };
    let quoted_ok = fields.len() >= 2
        && fields.len() <= 5
        && fields[1].1
        && fields.get(2).is_none_or(|f| f.1)
        && fields[3..].iter().all(|f| !f.1);
    if !quoted_ok {
        problem(out, "an entry header is date,\"source\",\"comment\" (then, for a foreign currency, currency,exchange rate)".into());
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
            problem(out, format!("'{}' is not an exchange rate", rate.0));
        }
    }
    if source.trim().is_empty() {
        problem(out, "the source is missing".into());
    }
    let (source_len, comment_len) = (source.chars().count(), comment.chars().count());
    if source_len > rules.source_limit {
        problem(
            out,
            format!(
                "source '{source}' is longer than {} characters",
                rules.source_limit
            ),
        );
    } else if source_len > rules.source_note {
        out.notes.push(SageProblem { line: number, message: format!("source '{source}' is longer than {} characters, the limit of the strictest Sage versions", rules.source_note) });
    }
    if comment_len > rules.comment_limit {
        problem(
            out,
            format!(
                "comment '{comment}' is longer than {} characters",
                rules.comment_limit
            ),
        );
    } else if comment_len > rules.comment_note {
        out.notes.push(SageProblem { line: number, message: format!("comment '{comment}' is longer than {} characters, the limit of the strictest Sage versions", rules.comment_note) });
    }
    if let Some(company) = &rules.company {
        match company.date_problem(date) {
            Some(DateProblem::BeforeLock(lock)) => problem(out, format!("{date} is before {lock}, the date before which the company accepts no transaction ([sage50] lock_before)")),
            Some(DateProblem::AfterYearEnd(end)) => problem(out, format!("{date} is after the fiscal year end {end} ([sage50] fiscal_year_end)")),
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
        problem(out, "an account line before any entry header".into());
        return Expect::Any;
    }
    let shape_ok = fields.len() >= 2
        && fields.len() <= 4
        && !fields[1].1
        && fields.get(2).is_none_or(|f| f.1)
        && fields.get(3).is_none_or(|f| !f.1);
    if !shape_ok {
        problem(
            out,
            "an account line is account,amount (then optionally \"comment\",allocation count)"
                .into(),
        );
        return Expect::Any;
    }
    let allocations = match fields.get(3) {
        None => 0,
        Some((count, _)) => match count.parse::<usize>() {
            Ok(n) => n,
            Err(_) => {
                problem(
                    out,
                    format!("'{count}' is not a number of allocation lines"),
                );
                0
            }
        },
    };
    let amount_text = &fields[1].0;
    match parse_sage_amount(amount_text) {
        None => problem(
            out,
            format!("'{amount_text}' is not an amount with a period and two decimals"),
        ),
        Some(amount) => {
            if amount.is_zero() {
                out.notes.push(SageProblem {
                    line: number,
                    message: format!("zero amount on account {account}: the tool never writes one"),
                });
            }
            if let Some(why) = rules
                .company
                .as_ref()
                .and_then(|c| c.account_problem(&account))
            {
                problem(out, why);
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
        problem(
            out,
            "TAXH must follow an entry header, before its account lines".into(),
        );
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
            problem(
                out,
                "a tax header is TAXH,<number of TAXD lines>,<0 for sales, 1 for purchases>".into(),
            );
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
        problem(out, "a tax line is TAXD,account,tax name,tax code,amount subject to tax,tax amount,other tax paid".into());
        return;
    }
    let account = fields[1].0.clone();
    if account.is_empty() || !account.bytes().all(|b| b.is_ascii_digit()) {
        problem(out, format!("'{account}' is not an account number"));
    }
    let amounts: Vec<Option<Decimal>> = fields[4..]
        .iter()
        .map(|f| parse_sage_amount(&f.0))
        .collect();
    for (field, amount) in fields[4..].iter().zip(&amounts) {
        if amount.is_none() {
            problem(
                out,
                format!(
                    "'{}' is not an amount with a period and two decimals",
                    field.0
                ),
            );
        }
    }
    if let Some(why) = rules
        .company
        .as_ref()
        .and_then(|c| c.account_problem(&account))
    {
        problem(out, why);
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
                message: format!("entry '{}' needs at least two account lines", entry.source),
            });
        } else if !balance.is_zero() {
            problems.push(SageProblem {
                line: entry.line,
                message: format!(
                    "entry '{}' does not balance: debits {} − credits {} = {}",
                    entry.source,
                    entry.debits(),
                    entry.credits(),
                    balance
                ),
            });
        } else if entry.debits().is_zero() {
            problems.push(SageProblem {
                line: entry.line,
                message: format!(
                    "entry '{}' totals zero, which the General Journal refuses",
                    entry.source
                ),
            });
        }
    }
    out.refusals.extend(problems);
}
