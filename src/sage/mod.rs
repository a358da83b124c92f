//! The Sage 50 General Journal import file: writing it from journal entries,
//! and reading one back to validate it (`plannit2sage check`). The writer runs
//! its output through the same validator and refuses to write a file that
//! breaks a rule, because Sage 50 rejects the whole file for one bad line.
//!
//! Layout per entry: `mm-dd-yy,"source","comment"`, then with the tax detail
//! `TAXH,<n>,0` and `n` TAXD lines, then `account,amount` lines, debits
//! positive, two decimals, CRLF line endings. `check` reads files back.
//!
//! `ledger` reads what Sage made of the imports: its General Ledger report.

pub(crate) mod chart;
mod check;
pub(crate) mod company;
pub mod entry;
mod fields;
pub mod ledger;
mod lines;
mod rules;
pub mod settings;
mod text;

pub use check::{check, parse, CheckRules, CheckedFile};

use crate::money::format_amount;
use std::fmt::Write as _;
use text::{encodable, encode, keep_tail_chars, sage_field};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::i18n::Text;
use crate::t;
use entry::JournalEntry;
use settings::SageSettings;

/// A rule the file breaks, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text())]
pub struct SageProblem {
    pub line: usize,
    /// In the language of the run.
    pub message: String,
}

impl SageProblem {
    /// `line 3: …`, in the language it is shown in.
    pub fn text(&self) -> Text {
        t!("setup-sage-line", line = self.line, message = &self.message)
    }
}

/// An entry read back from an import file.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedEntry {
    pub line: usize,
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    /// A foreign currency entry's currency, when the header gives one.
    pub currency: Option<String>,
    pub lines: Vec<(String, Decimal)>,
    pub taxes: Vec<ParsedTax>,
}

/// A TAXD line read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTax {
    pub account: String,
    pub name: String,
    pub code: String,
    pub taxable: Decimal,
    pub tax: Decimal,
    pub other: Decimal,
}

impl ParsedEntry {
    pub fn debits(&self) -> Decimal {
        entry::debits_and_credits(self.lines.iter().map(|(_, a)| *a)).0
    }

    pub fn credits(&self) -> Decimal {
        entry::debits_and_credits(self.lines.iter().map(|(_, a)| *a)).1
    }
}

/// Fits each entry's source and comment to what the file can hold: text is
/// cleaned for quoted fields, transliterated where the encoding lacks a
/// character, and cut to the configured lengths (a source keeps its end, where
/// document numbers differ; a comment keeps its start). The reconciliation
/// workbook shows these fitted entries, exactly as written.
pub fn fit_entries(entries: &mut [JournalEntry], settings: &SageSettings) {
    for entry in entries {
        // Transliterated before cleaning: `＂` becomes `"`, which the cleaning removes.
        let source = sage_field(&encodable(&entry.source, settings.encoding), usize::MAX);
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
        if !entry.taxes.is_empty() {
            let _ = write!(text, "TAXH,{},0\r\n", entry.taxes.len());
            for tax in &entry.taxes {
                let _ = write!(
                    text,
                    "TAXD,{},{},{},{},{},0.00\r\n",
                    tax.account,
                    tax.name,
                    tax.code,
                    format_amount(tax.taxable),
                    format_amount(tax.tax)
                );
            }
        }
        for line in &entry.lines {
            let _ = write!(text, "{},{}\r\n", line.account, format_amount(line.amount));
        }
    }
    let bytes = encode(&text, settings.encoding);
    parse(&bytes, settings)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_lang, Lang};
    use crate::sage::entry::EntryLine;

    fn entry(lines: &[(&str, i64)]) -> JournalEntry {
        JournalEntry {
            date: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            source: "PLN-261031".into(),
            comment: "Plannit 2026-10-01 au 2026-10-31".into(),
            taxes: Vec::new(),
            lines: lines
                .iter()
                .map(|(a, c)| EntryLine {
                    account: a.to_string(),
                    amount: Decimal::new(*c, 2),
                    source_rows: 1,
                    queries: Vec::new(),
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
        set_lang(Lang::En);
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

    /// A character Windows-1252 lacks whose closest spelling is a double
    /// quote (the full-width `＂`) must not end up inside a quoted field.
    #[test]
    fn a_transliterated_quote_in_the_source_is_cleaned() {
        let mut e = entry(&[("1210", 100), ("4001", -100)]);
        e.source = "P-\u{ff02}1".into();
        e.comment = "\u{ff02}".into();
        let mut entries = vec![e];
        fit_entries(&mut entries, &SageSettings::default());
        let bytes = render(&entries, &SageSettings::default()).unwrap();
        let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
        assert!(text.starts_with("10-31-26,\"P-'1\",\"'\"\r\n"), "{text}");
    }

    #[test]
    fn check_reports_every_broken_rule() {
        set_lang(Lang::En);
        let file = b"10-31-26,\"PLN\",\"ok\"\r\n1210,1,234.00\r\n4001,-0.00\r\n13-01-26,\"A\"\r\n1020,5.00\n";
        let checked = check(file, &CheckRules::for_settings(&SageSettings::default()));
        // LF line endings are a note: no source says Sage refuses them.
        assert!(
            checked
                .notes
                .iter()
                .any(|n| n.line == 5 && n.message.contains("LF")),
            "{:?}",
            checked.notes
        );
        let problems = checked.refusals;
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
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
            checked
                .notes
                .iter()
                .any(|n| n.line == 3 && n.message.contains("zero")),
            "{:?}",
            checked.notes
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
