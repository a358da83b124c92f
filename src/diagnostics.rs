//! Findings: every problem the run reports, whether found while loading a file or
//! by a check query, with where it is (file, sheet, row, column, document) so the
//! accountant can go straight to the cell.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
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
            parts.push(format!("sheet '{sheet}'"));
        }
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            parts.push(format!("column '{column}'"));
        }
        if let Some(document) = &self.document {
            parts.push(format!("document {document}"));
        }
        write!(f, "{}", parts.join(", "))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    /// Short name of the rule: a check file's name, or a loader rule.
    pub rule: String,
    pub message: String,
    pub location: Location,
    /// The offending values, as (column, value) pairs.
    pub values: Vec<(String, String)>,
    /// An error in the setup (configuration, chart of accounts, queries), not
    /// in the data: the run exits with the setup status.
    pub setup: bool,
}

impl Finding {
    pub fn error(rule: &str, message: impl Into<String>, location: Location) -> Self {
        Finding {
            severity: Severity::Error,
            rule: rule.to_string(),
            message: message.into(),
            location,
            values: Vec::new(),
            setup: false,
        }
    }

    /// An error whose fix is in the setup (configuration, chart, queries).
    pub fn setup_error(rule: &str, message: impl Into<String>) -> Self {
        Finding {
            setup: true,
            ..Finding::error(rule, message, Location::default())
        }
    }

    pub fn warning(rule: &str, message: impl Into<String>, location: Location) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, message, location)
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.severity.label(), self.rule)?;
        let location = self.location.to_string();
        if !location.is_empty() {
            write!(f, " {location}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Counts errors among findings.
pub fn error_count(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
}
