//! The Sage 50 General Journal import file: writing it from journal entries,
//! and reading one back to validate it (`plannit2sage check`). The writer runs
//! its output through the same validator and refuses to write a file that
//! breaks a rule, because Sage 50 rejects the whole file for one bad line.
//!
//! Layout per entry: `mm-dd-yy,"source","comment"` then `account,amount` lines,
//! debits positive, two decimals, CRLF line endings.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::config::{SageEncoding, SageSettings};
use crate::journal::JournalEntry;
use crate::text::{keep_tail_chars, sage_field};

/// A rule the file breaks, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct SageProblem {
    pub line: usize,
    pub message: String,
}

/// An entry read back from an import file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedEntry {
    pub line: usize,
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    pub lines: Vec<(String, Decimal)>,
}

impl ParsedEntry {
    pub fn debits(&self) -> Decimal {
        self.lines
            .iter()
            .map(|(_, a)| *a)
            .filter(|a| a.is_sign_positive())
            .sum()
    }

    pub fn credits(&self) -> Decimal {
        -self
            .lines
            .iter()
            .map(|(_, a)| *a)
            .filter(|a| a.is_sign_negative())
            .sum::<Decimal>()
    }
}

/// Fits each entry's source and comment to what the file can hold: text is
/// cleaned for quoted fields, transliterated where the encoding lacks a
/// character, and cut to the configured lengths (a source keeps its end, where
/// document numbers differ; a comment keeps its start). The reconciliation
/// workbook shows these fitted entries, exactly as written.
pub fn fit_entries(entries: &mut [JournalEntry], settings: &SageSettings) {
    for entry in entries {
        let source = encodable(&sage_field(&entry.source, usize::MAX), settings.encoding);
        entry.source = keep_tail_chars(&source, settings.source_max)
            .trim()
            .to_string();
        entry.comment = sage_field(
            &encodable(&entry.comment, settings.encoding),
            settings.comment_max,
        );
    }
}

/// Renders fitted entries (see [`fit_entries`]) as the bytes of an import
/// file, after checking them with [`parse`].
pub fn render(
    entries: &[JournalEntry],
    settings: &SageSettings,
) -> Result<Vec<u8>, Vec<SageProblem>> {
    let mut text = String::new();
    for entry in entries {
        let _ = write!(
            text,
            "{},\"{}\",\"{}\"\r\n",
            entry.date.format("%m-%d-%y"),
            entry.source,
            entry.comment
        );
        for line in &entry.lines {
            let _ = write!(text, "{},{}\r\n", line.account, format_amount(line.amount));
        }
    }
    let bytes = encode(&text, settings.encoding);
    parse(&bytes, settings)?;
    Ok(bytes)
}

/// `1234.5` → `1234.50`, `-0.001` → `0.00` (never `-0.00`).
pub fn format_amount(amount: Decimal) -> String {
    let mut rounded = amount.round_dp(2);
    if rounded.is_zero() {
        rounded = Decimal::ZERO;
    }
    rounded.rescale(2);
    rounded.to_string()
}

/// Replaces characters the encoding cannot hold by their closest ASCII
/// spelling (`ł` → `l`, `–` stays in Windows-1252), never by `?` silently.
fn encodable(text: &str, encoding: SageEncoding) -> String {
    match encoding {
        SageEncoding::Utf8 => text.to_string(),
        SageEncoding::Windows1252 => {
            let mut out = String::with_capacity(text.len());
            let mut buffer = [0u8; 4];
            for ch in text.chars() {
                let (_, _, unmappable) =
                    encoding_rs::WINDOWS_1252.encode(ch.encode_utf8(&mut buffer));
                if unmappable {
                    out.push_str(deunicode::deunicode_char(ch).unwrap_or("?"));
                } else {
                    out.push(ch);
                }
            }
            out
        }
    }
}

fn encode(text: &str, encoding: SageEncoding) -> Vec<u8> {
    match encoding {
        SageEncoding::Utf8 => text.as_bytes().to_vec(),
        SageEncoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

fn decode(bytes: &[u8], encoding: SageEncoding) -> Result<String, SageProblem> {
    match encoding {
        SageEncoding::Utf8 => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let line = bytes[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            SageProblem {
                line,
                message:
                    "the text is not valid UTF-8 (is the file Windows-1252? set [sage50] encoding)"
                        .into(),
            }
        }),
        SageEncoding::Windows1252 => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
    }
}

/// Splits a line on commas outside double quotes. Quoted fields come back
/// without their quotes, marked `true`.
fn split_fields(line: &str) -> Result<Vec<(String, bool)>, String> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(after_quote) = rest.strip_prefix('"') {
            let close = after_quote
                .find('"')
                .ok_or("a quoted field is not closed")?;
            fields.push((after_quote[..close].to_string(), true));
            rest = &after_quote[close + 1..];
            if rest.is_empty() {
                break;
            }
            rest = rest.strip_prefix(',').ok_or(
                "a quote must be followed by a comma or the end of the line (no \" inside a field)",
            )?;
        } else {
            match rest.find(',') {
                Some(comma) => {
                    let field = &rest[..comma];
                    if field.contains('"') {
                        return Err("a double quote inside an unquoted field".into());
                    }
                    fields.push((field.to_string(), false));
                    rest = &rest[comma + 1..];
                }
                None => {
                    if rest.contains('"') {
                        return Err("a double quote inside an unquoted field".into());
                    }
                    fields.push((rest.to_string(), false));
                    break;
                }
            }
        }
    }
    Ok(fields)
}

fn parse_header_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(
        2000 + number(parts[2])? as i32,
        number(parts[0])?,
        number(parts[1])?,
    )
}

/// `-?digits.dd`, nothing else.
fn parse_sage_amount(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = digits.split_once('.')?;
    let valid = !integer.is_empty()
        && integer.len() <= 15
        && integer.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() == 2
        && fraction.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| text.parse().ok()).flatten()
}

/// Validates an import file and reads its entries. Every problem is reported,
/// not only the first.
pub fn parse(bytes: &[u8], settings: &SageSettings) -> Result<Vec<ParsedEntry>, Vec<SageProblem>> {
    let mut problems = Vec::new();
    let mut problem = |line: usize, message: String| problems.push(SageProblem { line, message });
    let text = match decode(bytes, settings.encoding) {
        Ok(text) => text,
        Err(p) => return Err(vec![p]),
    };
    if text.is_empty() {
        return Err(vec![SageProblem {
            line: 1,
            message: "the file is empty".into(),
        }]);
    }
    if text.starts_with('\u{feff}') {
        problem(
            1,
            "the file starts with a byte-order mark, which Sage 50 reads as part of the first date"
                .into(),
        );
    }
    let mut entries: Vec<ParsedEntry> = Vec::new();
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let line = if let Some(line) = raw_line.strip_suffix("\r\n") {
            line
        } else if raw_line.ends_with('\n') {
            problem(
                number,
                "line ends with LF only: Sage 50 files use CRLF".into(),
            );
            continue;
        } else {
            problem(number, "the last line must end with CRLF".into());
            raw_line
        };
        if line.contains('\r') {
            problem(number, "a carriage return inside the line".into());
            continue;
        }
        if line.trim().is_empty() {
            problem(
                number,
                "blank line: entries follow each other without blank lines".into(),
            );
            continue;
        }
        if let Some(c) = line.chars().find(|c| c.is_control()) {
            problem(
                number,
                format!("control character U+{:04X} in the line", c as u32),
            );
            continue;
        }
        let fields = match split_fields(line) {
            Ok(fields) => fields,
            Err(why) => {
                problem(number, why);
                continue;
            }
        };
        let first = &fields[0].0;
        if first.contains('-') && !fields[0].1 {
            // Header line: date,"source"[,"comment"]
            let Some(date) = parse_header_date(first) else {
                problem(number, format!("'{first}' is not a date in mm-dd-yy form"));
                continue;
            };
            if fields.len() < 2 || fields.len() > 3 || fields[1..].iter().any(|(_, quoted)| !quoted)
            {
                problem(
                    number,
                    "an entry header is date,\"source\",\"comment\"".into(),
                );
                continue;
            }
            let source = fields[1].0.clone();
            let comment = fields.get(2).map(|f| f.0.clone()).unwrap_or_default();
            if source.trim().is_empty() {
                problem(number, "the source is empty".into());
            }
            if source.chars().count() > settings.source_max {
                problem(
                    number,
                    format!(
                        "source '{source}' is longer than {} characters",
                        settings.source_max
                    ),
                );
            }
            if comment.chars().count() > settings.comment_max {
                problem(
                    number,
                    format!(
                        "comment '{comment}' is longer than {} characters",
                        settings.comment_max
                    ),
                );
            }
            entries.push(ParsedEntry {
                line: number,
                date,
                source,
                comment,
                lines: Vec::new(),
            });
        } else if first.bytes().all(|b| b.is_ascii_digit()) && !first.is_empty() && !fields[0].1 {
            // Detail line: account,amount[,"line comment"]
            let Some(entry) = entries.last_mut() else {
                problem(number, "an account line before any entry header".into());
                continue;
            };
            if fields.len() < 2
                || fields.len() > 3
                || fields[1].1
                || fields.get(2).is_some_and(|f| !f.1)
            {
                problem(number, "an account line is account,amount".into());
                continue;
            }
            let amount_text = &fields[1].0;
            match parse_sage_amount(amount_text) {
                None => problem(
                    number,
                    format!("'{amount_text}' is not an amount with a period and two decimals"),
                ),
                Some(amount) if amount.is_zero() => {
                    problem(
                        number,
                        format!("zero amount '{amount_text}' on account {first}"),
                    );
                }
                Some(amount) => entry.lines.push((first.clone(), amount)),
            }
        } else {
            problem(
                number,
                format!("'{line}' is neither an entry header nor an account line"),
            );
        }
    }
    for entry in &entries {
        let balance: Decimal = entry.lines.iter().map(|(_, a)| *a).sum();
        if entry.lines.len() < 2 {
            problem(
                entry.line,
                format!("entry '{}' needs at least two account lines", entry.source),
            );
        } else if !balance.is_zero() {
            problem(
                entry.line,
                format!(
                    "entry '{}' does not balance: debits {} − credits {} = {}",
                    entry.source,
                    entry.debits(),
                    entry.credits(),
                    balance
                ),
            );
        }
    }
    if entries.is_empty() && problems.is_empty() {
        problems.push(SageProblem {
            line: 1,
            message: "the file holds no entry".into(),
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::EntryLine;

    fn entry(lines: &[(&str, i64)]) -> JournalEntry {
        JournalEntry {
            date: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            source: "PLN-261031".into(),
            comment: "Plannit 2026-10-01 au 2026-10-31".into(),
            lines: lines
                .iter()
                .map(|(a, c)| EntryLine {
                    account: a.to_string(),
                    amount: Decimal::new(*c, 2),
                    source_rows: 1,
                })
                .collect(),
        }
    }

    #[test]
    fn writes_the_documented_layout() {
        let bytes = render(
            &[entry(&[
                ("1210", 1149875),
                ("4001", -1000000),
                ("2420", -50000),
                ("2500", -99875),
            ])],
            &SageSettings::default(),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "10-31-26,\"PLN-261031\",\"Plannit 2026-10-01 au 2026-10-31\"\r\n1210,11498.75\r\n4001,-10000.00\r\n2420,-500.00\r\n2500,-998.75\r\n"
        );
    }

    #[test]
    fn refuses_an_unbalanced_entry() {
        let problems = render(
            &[entry(&[("1210", 100), ("4001", -99)])],
            &SageSettings::default(),
        )
        .unwrap_err();
        assert!(
            problems[0].message.contains("does not balance"),
            "{problems:?}"
        );
    }

    #[test]
    fn fields_are_cleaned_cut_and_transliterated() {
        let mut e = entry(&[("1210", 100), ("4001", -100)]);
        e.source = "FACTURE-2026-000123".into();
        e.comment = "Facture \"Łukasz\" Gagnon, rue de l'Église, Montréal".into();
        let mut entries = vec![e];
        fit_entries(&mut entries, &SageSettings::default());
        let bytes = render(&entries, &SageSettings::default()).unwrap();
        let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
        assert!(
            text.starts_with(
                "10-31-26,\"E-2026-000123\",\"Facture 'Lukasz' Gagnon, rue de l'Églis\"\r\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn check_reports_every_broken_rule() {
        let file = b"10-31-26,\"PLN\",\"ok\"\r\n1210,1,234.00\r\n4001,-0.00\r\n13-01-26,\"A\"\r\n1020,5.00\n";
        let problems = parse(file, &SageSettings::default()).unwrap_err();
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("line 5") && m.contains("CRLF")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("line 1") && m.contains("at least two")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("line 2")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("line 3") && m.contains("zero")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("line 4") && m.contains("mm-dd-yy")),
            "{messages:?}"
        );
    }

    #[test]
    fn amounts_never_show_negative_zero() {
        assert_eq!(format_amount(Decimal::new(-1, 3)), "0.00");
        assert_eq!(format_amount(Decimal::new(-12345, 2)), "-123.45");
        assert_eq!(format_amount(Decimal::new(5, 0)), "5.00");
    }
}
