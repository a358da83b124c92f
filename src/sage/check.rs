//! Reading a Sage 50 General Journal import file back: the whole documented
//! grammar (header with optional currency and exchange rate; detail lines
//! with an optional comment and project-allocation count, followed by that
//! many allocation lines; TAXH/TAXD tax lines), separating what Sage documents
//! as refused from notes on what is merely undocumented or stricter than
//! needed. The writer checks its own output with it, and so does
//! `plannit2sage check`.

use rust_decimal::Decimal;

use super::fields::{allocation_amount, decode, split_fields};
use super::lines::{read_detail, read_header, read_tax_detail, read_tax_header, Expect};
pub use super::rules::{CheckRules, CheckedFile};
use super::settings::SageSettings;
use super::{ParsedEntry, SageProblem};
use crate::tr;

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

/// Reads and checks a whole file; every problem is reported, not only the first.
pub fn check(bytes: &[u8], rules: &CheckRules) -> CheckedFile {
    let mut checker = Checker {
        out: CheckedFile::default(),
        rules,
        expect: Expect::Any,
        in_unreadable_entry: false,
        lf_lines: 0,
        non_ascii_noted: false,
    };
    let text = match decode(bytes, rules.encoding) {
        Ok(text) => text,
        Err(p) => {
            checker.out.refusals.push(p);
            return checker.out;
        }
    };
    if text.is_empty() {
        checker.refuse(1, tr!("tools-sage-empty"));
        return checker.out;
    }
    if text.starts_with('\u{feff}') {
        checker.refuse(1, tr!("tools-sage-bom"));
    }
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        checker.line(index + 1, raw_line);
    }
    checker.finish()
}

/// A file being checked line by line: what was read and found so far, and
/// what the next lines must be.
struct Checker<'r> {
    out: CheckedFile,
    rules: &'r CheckRules,
    expect: Expect,
    /// After a header that cannot be read, its detail lines are not checked.
    in_unreadable_entry: bool,
    lf_lines: usize,
    non_ascii_noted: bool,
}

impl Checker<'_> {
    fn refuse(&mut self, line: usize, message: String) {
        self.out.refusals.push(SageProblem { line, message });
    }

    fn note(&mut self, line: usize, message: String) {
        self.out.notes.push(SageProblem { line, message });
    }

    /// Checks line `number` (with its line ending) and reads it.
    fn line(&mut self, number: usize, raw_line: &str) {
        let Some(line) = self.line_text(number, raw_line) else {
            return;
        };
        let fields = match split_fields(line) {
            Ok(fields) => fields,
            Err(why) => return self.refuse(number, why.to_string()),
        };
        if !self.continues_previous(number, &fields) {
            self.read_line(number, line, &fields);
        }
    }

    /// The line without its ending, when it holds anything to read: line
    /// endings, carriage returns, blank lines and control characters are
    /// checked here, and the first character outside ASCII noted.
    fn line_text<'l>(&mut self, number: usize, raw_line: &'l str) -> Option<&'l str> {
        let line = if let Some(line) = raw_line.strip_suffix("\r\n") {
            line
        } else if let Some(line) = raw_line.strip_suffix('\n') {
            if self.lf_lines == 0 {
                self.note(number, tr!("tools-sage-lf-only"));
            }
            self.lf_lines += 1;
            line
        } else {
            self.note(number, tr!("tools-sage-no-final-newline"));
            raw_line
        };
        if line.contains('\r') {
            self.refuse(number, tr!("tools-sage-carriage-return"));
            return None;
        }
        if line.trim().is_empty() {
            self.note(number, tr!("tools-sage-blank-line"));
            return None;
        }
        if let Some(c) = line.chars().find(|c| c.is_control()) {
            let code = format!("U+{:04X}", c as u32);
            self.refuse(number, tr!("tools-sage-control-char", code = code));
            return None;
        }
        if !self.non_ascii_noted {
            if let Some(c) = line.chars().find(|c| !c.is_ascii()) {
                let encoding = self.rules.encoding.as_ref();
                let char = c.to_string();
                self.note(
                    number,
                    tr!("tools-sage-non-ascii", char = char, encoding = encoding),
                );
                self.non_ascii_noted = true;
            }
        }
        Some(line)
    }

    /// Reads the line as the allocation or TAXD line a previous line
    /// announced, if one is due; true when it was one.
    fn continues_previous(&mut self, number: usize, fields: &[(String, bool)]) -> bool {
        let (first, first_quoted) = (&fields[0].0, fields[0].1);
        match self.expect {
            Expect::Allocations { remaining, line } => {
                if first_quoted && fields.len() == 2 && !fields[1].1 {
                    if allocation_amount(&fields[1].0).is_none() {
                        let value = &fields[1].0;
                        self.refuse(number, tr!("tools-sage-bad-allocation", value = value));
                    }
                    self.expect = Expect::allocations(remaining - 1, line);
                    return true;
                }
                let message = tr!(
                    "tools-sage-allocations-missing",
                    remaining = remaining,
                    number = number
                );
                self.refuse(line, message);
            }
            Expect::TaxDetails { remaining, line } => {
                if !first_quoted && first == "TAXD" {
                    read_tax_detail(&mut self.out, self.rules, number, fields);
                    self.expect = Expect::tax_details(remaining - 1, line);
                    return true;
                }
                let message = tr!(
                    "tools-sage-tax-details-missing",
                    remaining = remaining,
                    number = number
                );
                self.refuse(line, message);
            }
            Expect::Any => return false,
        }
        self.expect = Expect::Any;
        false
    }

    /// A header, a detail line or a TAXH line; anything else is refused.
    fn read_line(&mut self, number: usize, line: &str, fields: &[(String, bool)]) {
        let (first, first_quoted) = (&fields[0].0, fields[0].1);
        if first_quoted {
            self.refuse(number, tr!("tools-sage-orphan-allocation", line = line));
        } else if first == "TAXH" {
            self.expect = read_tax_header(&mut self.out, number, fields);
        } else if first == "TAXD" {
            self.refuse(number, tr!("tools-sage-orphan-taxd"));
        } else if first.contains('-') {
            self.in_unreadable_entry = !read_header(&mut self.out, self.rules, number, fields);
        } else if self.in_unreadable_entry {
            // The lines of an entry whose header could not be read.
        } else if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) {
            self.expect = read_detail(&mut self.out, self.rules, number, fields);
        } else {
            self.refuse(number, tr!("tools-sage-unknown-line", line = line));
        }
    }

    /// Lines still due at the end, the entries' balances, the problems in
    /// line order.
    fn finish(mut self) -> CheckedFile {
        match self.expect {
            Expect::Allocations { remaining, line } => {
                let message = tr!("tools-sage-ends-allocations-short", remaining = remaining);
                self.refuse(line, message);
            }
            Expect::TaxDetails { remaining, line } => {
                let message = tr!("tools-sage-ends-tax-details-short", remaining = remaining);
                self.refuse(line, message);
            }
            Expect::Any => {}
        }
        check_entries(&mut self.out);
        if self.out.entries.is_empty() && self.out.refusals.is_empty() {
            self.refuse(1, tr!("tools-sage-no-entry"));
        }
        let mut out = self.out;
        out.refusals.sort_by_key(|p| p.line);
        out.notes.sort_by_key(|p| p.line);
        out
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
