//! Findings: every problem the run reports, whether found while loading a file or
//! by a check query, with where it is (file, sheet, row, column, document) so the
//! accountant can go straight to the cell, and where the fix is (in Plannit,
//! in the configuration, or in the dropped file).

use std::fmt;

use crate::i18n::Text;
use crate::{t, tr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// "erreur" / "error", in the current language.
    pub fn label(self) -> String {
        match self {
            Severity::Error => tr!("severity-error"),
            Severity::Warning => tr!("severity-warning"),
        }
    }
}

/// Where a finding points to. Every part is optional: a missing column has no
/// row, a duplicate payment reference has no single column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Location {
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// Row number as the spreadsheet or text editor shows it (1-based).
    pub row: Option<u64>,
    /// The column's header as written in the file.
    pub column: Option<String>,
    /// Invoice or payment number.
    pub document: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        if let Some(sheet) = &self.sheet {
            parts.push(tr!("location-sheet", sheet = sheet));
        }
        if let Some(row) = self.row {
            parts.push(tr!("location-row", row = row));
        }
        if let Some(column) = &self.column {
            parts.push(tr!("location-column", column = column));
        }
        if let Some(document) = &self.document {
            parts.push(tr!("location-document", document = document));
        }
        write!(f, "{}", parts.join(", "))
    }
}

/// Where the accountant fixes what a finding reports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fix {
    /// The data is wrong in Plannit: correct it there and export again.
    Plannit,
    /// A key of a configuration file (the file name is filled in by the run
    /// when the finding does not name one).
    Config { key: String, file: Option<String> },
    /// The dropped file itself: damaged, cut off, or not an export; replace it.
    DroppedFile,
    /// A query file (journal, check or view) of the queries folder.
    Queries { file: String },
    /// A document changed since it was exported: post the difference
    /// (`--adjust`) or void the batch that exported it.
    History { batch: String },
    /// The drop is another client's export: take it out (or accept it).
    OtherClient,
}

impl Fix {
    pub fn config(key: &str) -> Fix {
        Fix::Config {
            key: key.to_string(),
            file: None,
        }
    }

    /// "dans Plannit : corrigez, puis exportez de nouveau", in the current language.
    pub fn describe(&self) -> Text {
        match self {
            Fix::Plannit => t!("fix-plannit"),
            Fix::Config { key, file } => t!(
                "fix-config",
                key = key,
                file = file.clone().unwrap_or_else(|| "plannit2sage.toml".into())
            ),
            Fix::DroppedFile => t!("fix-dropped-file"),
            Fix::Queries { file } => t!("fix-queries", file = file),
            Fix::History { batch } => t!("fix-history", batch = batch),
            Fix::OtherClient => t!("fix-other-client"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    /// Short name of the rule: a check file's name, or a loader rule.
    pub rule: String,
    pub message: Text,
    pub location: Location,
    /// The offending values, as (column, value) pairs.
    pub values: Vec<(String, String)>,
    /// An error in the setup (configuration, chart of accounts, queries), not
    /// in the data: the run exits with the setup status.
    pub setup: bool,
    /// Where the fix is.
    pub fix: Fix,
}

impl Finding {
    pub fn error(rule: &str, message: impl Into<Text>, location: Location) -> Self {
        Finding {
            severity: Severity::Error,
            rule: rule.to_string(),
            message: message.into(),
            location,
            values: Vec::new(),
            setup: false,
            fix: Fix::Plannit,
        }
    }

    /// An error whose fix is in the setup (configuration, chart, queries).
    pub fn setup_error(rule: &str, message: impl Into<Text>, fix: Fix) -> Self {
        Finding {
            setup: true,
            fix,
            ..Finding::error(rule, message, Location::default())
        }
    }

    pub fn warning(rule: &str, message: impl Into<Text>, location: Location) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, message, location)
        }
    }

    /// The same finding, fixed elsewhere than in Plannit.
    pub fn fixed_in(self, fix: Fix) -> Self {
        Finding { fix, ..self }
    }

    /// `erreur [règle] fichier, ligne 3 : message`, in the current language.
    pub fn headline(&self) -> String {
        self.headline_with(self.severity.label())
    }

    /// The headline with the severity word as given (coloured on a terminal).
    pub fn headline_with(&self, severity: String) -> String {
        let location = self.location.to_string();
        let location = if location.is_empty() {
            String::new()
        } else {
            format!(" {location}")
        };
        tr!(
            "finding-line",
            severity = severity,
            rule = &self.rule,
            location = location,
            message = &self.message
        )
    }
}

/// The headline; where to fix it is [`Fix::describe`].
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())
    }
}

/// Counts errors among findings.
pub fn error_count(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}
