//! Check queries: the header comments of a check file (severity, message in
//! French and English, where the fix is, the column it points at), and the
//! findings its rows become.

use std::collections::BTreeMap;
use std::path::Path;

use super::{cell_text, run_query, QueryError, QueryFile, SqlTables};
use crate::diagnostics::{Finding, Fix, Location, Severity};
use crate::i18n::{Lang, Text};
use crate::t;
use polars::prelude::{AnyValue, Column, DataType};

/// A check: a query returning offending rows, with its header settings.
#[derive(Debug, Clone)]
pub struct CheckQuery {
    pub query: QueryFile,
    pub rule: String,
    pub severity: Severity,
    /// Message shown per row, in French and English (`-- message.fr:`,
    /// `-- message.en:`) or in one form (`-- message:`); `{column}` is
    /// replaced by the row's value.
    pub message: Text,
    /// Where the fix is (`-- fix: plannit | file | config <key> | queries`).
    pub fix: Fix,
    /// Canonical column the finding points at, if any.
    pub column: Option<String>,
    /// `-- setup: true`: the fix is in the configuration (exit status 2).
    pub setup: bool,
}

/// Reads a check's header comments: `-- severity: error|warning`,
/// `-- message.fr: ...` and `-- message.en: ...` (or a single `-- message: ...`),
/// and optionally `-- column: name`, `-- fix: ...` and `-- setup: true`.
pub(super) fn parse_check(query: QueryFile) -> Result<CheckQuery, QueryError> {
    let header_error = |message: Text| QueryError::Header {
        file: query.name.clone(),
        message,
    };
    let mut settings: BTreeMap<String, String> = BTreeMap::new();
    for line in query.sql.lines() {
        let Some(comment) = line.trim().strip_prefix("--") else {
            if line.trim().is_empty() {
                continue;
            }
            break;
        };
        if let Some((key, value)) = comment.split_once(':') {
            settings.insert(key.trim().to_lowercase(), value.trim().to_string());
        }
    }
    let severity = match settings
        .get("severity")
        .map(|s| s.to_lowercase())
        .as_deref()
    {
        Some("error") => Severity::Error,
        Some("warning") => Severity::Warning,
        _ => return Err(header_error(t!("load-check-severity"))),
    };
    let single = settings.get("message");
    let message = match (settings.get("message.fr"), settings.get("message.en")) {
        (Some(fr), Some(en)) => Text::Both {
            fr: fr.clone(),
            en: en.clone(),
        },
        (Some(one), None) | (None, Some(one)) => match single {
            Some(other) if settings.contains_key("message.fr") => Text::Both {
                fr: one.clone(),
                en: other.clone(),
            },
            Some(other) => Text::Both {
                fr: other.clone(),
                en: one.clone(),
            },
            None => Text::Verbatim(one.clone()),
        },
        (None, None) => Text::Verbatim(
            single
                .cloned()
                .ok_or_else(|| header_error(t!("load-check-message")))?,
        ),
    };
    let rule = Path::new(&query.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let setup = settings
        .get("setup")
        .is_some_and(|s| s == "true" || s == "yes");
    let fix = match settings.get("fix").map(|f| f.trim()) {
        None if setup => Fix::Queries {
            file: query.name.clone(),
        },
        None => Fix::Plannit,
        Some(fix) => {
            parse_fix(fix, &query.name).ok_or_else(|| header_error(t!("load-check-fix")))?
        }
    };
    Ok(CheckQuery {
        rule,
        severity,
        message,
        column: settings.get("column").cloned(),
        setup,
        fix,
        query,
    })
}

/// `plannit`, `file`, `queries` (this check's own file) or `config <key>`.
fn parse_fix(text: &str, file: &str) -> Option<Fix> {
    match text {
        "plannit" => Some(Fix::Plannit),
        "file" => Some(Fix::DroppedFile),
        "queries" => Some(Fix::Queries {
            file: file.to_string(),
        }),
        _ => text
            .strip_prefix("config")
            .map(str::trim)
            .filter(|key| !key.is_empty())
            .map(Fix::config),
    }
}

/// Header text by (file, canonical column), to name columns as the user sees them.
pub type HeaderNames = BTreeMap<(String, String), String>;

/// Runs every check; each returned row becomes a finding.
pub fn run_checks(
    tables: &SqlTables,
    checks: &[CheckQuery],
    headers: &HeaderNames,
) -> Result<Vec<Finding>, QueryError> {
    let mut findings = Vec::new();
    for check in checks {
        let frame = run_query(tables, &check.query)?;
        for row in 0..frame.height() {
            let values: Vec<(String, String)> = frame
                .columns()
                .iter()
                .map(|c| (c.name().to_string(), cell_text(c, row)))
                .collect();
            let get = |name: &str| {
                values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .filter(|v| !v.is_empty())
            };
            let file = get("file");
            let column = check.column.as_ref().map(|canonical| {
                file.as_ref()
                    .and_then(|f| headers.get(&(f.clone(), canonical.clone())))
                    .cloned()
                    .unwrap_or_else(|| canonical.clone())
            });
            let location = Location {
                file,
                sheet: get("sheet"),
                row: get("row").and_then(|r| r.parse().ok()),
                column,
                document: get("invoice").or_else(|| get("reference")),
            };
            findings.push(Finding {
                severity: check.severity,
                rule: check.rule.clone(),
                message: fill_template(&check.message, frame.columns(), row),
                fix: check.fix.clone(),
                location,
                values: values
                    .into_iter()
                    .filter(|(n, _)| !["file", "sheet", "row"].contains(&n.as_str()))
                    .collect(),
                setup: check.setup,
            });
        }
    }
    Ok(findings)
}

/// The check's message for row `row`, each `{column}` replaced by its cell
/// as the message's language shows it (amounts `1 234,56` in French).
fn fill_template(template: &Text, columns: &[Column], row: usize) -> Text {
    let fill = |template: &str, lang: Lang| {
        let mut message = template.to_string();
        for column in columns {
            let placeholder = format!("{{{}}}", column.name());
            if message.contains(&placeholder) {
                message = message.replace(&placeholder, &shown_in(column, row, lang));
            }
        }
        message
    };
    match template {
        Text::Both { fr, en } => Text::Both {
            fr: fill(fr, Lang::Fr),
            en: fill(en, Lang::En),
        },
        other => Text::Verbatim(fill(&other.render(Lang::En), Lang::En)),
    }
}

/// A cell as a message in `lang` shows it: an amount (a decimal to the
/// cent) as the language writes amounts, anything else as its text.
fn shown_in(column: &Column, row: usize, lang: Lang) -> String {
    match (column.dtype(), column.get(row)) {
        (DataType::Decimal(_, scale), Ok(AnyValue::Decimal(mantissa, _, _))) if *scale <= 2 => {
            let amount = rust_decimal::Decimal::from_i128_with_scale(mantissa, *scale as u32);
            crate::i18n::amount(lang, amount)
        }
        _ => cell_text(column, row),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::QuerySet;
    use polars::prelude::df;

    fn check(sql: &str) -> CheckQuery {
        parse_check(QueryFile {
            name: "queries/checks/item_without_account.sql".into(),
            sql: sql.into(),
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    /// The findings of `check` over a one-row `sales` table.
    fn findings(check: &CheckQuery) -> Vec<Finding> {
        let frame = df!(
            "file" => ["ventes.csv"],
            "row" => [3i64],
            "invoice" => ["P-1042"],
            "item" => ["Sel et abrasif"]
        )
        .unwrap();
        let tables = SqlTables::new(vec![("sales", frame)], &[]).unwrap();
        run_checks(&tables, std::slice::from_ref(check), &HeaderNames::new()).unwrap()
    }

    #[test]
    fn check_messages_render_in_each_language_with_values() {
        let check = check(
            "-- severity: error\n\
             -- message.fr: le produit « {item} » de la facture {invoice} n'a pas de compte\n\
             -- message.en: item '{item}' of invoice {invoice} has no account\n\
             -- fix: config [products]\n\
             -- column: item\n\
             SELECT file, row, invoice, item FROM sales\n",
        );
        assert_eq!(check.fix, Fix::config("[products]"));
        let found = findings(&check);
        assert_eq!(found.len(), 1);
        let finding = &found[0];
        assert_eq!(
            finding.message.render(Lang::Fr),
            "le produit « Sel et abrasif » de la facture P-1042 n'a pas de compte"
        );
        assert_eq!(
            finding.message.render(Lang::En),
            "item 'Sel et abrasif' of invoice P-1042 has no account"
        );
        assert_eq!(finding.fix, Fix::config("[products]"));
        assert_eq!(finding.location.row, Some(3));
        assert_eq!(finding.location.document.as_deref(), Some("P-1042"));
    }

    #[test]
    fn a_single_message_still_works() {
        let check = check(
            "-- severity: warning\n\
             -- message: item '{item}' has no account\n\
             SELECT file, row, invoice, item FROM sales\n",
        );
        assert_eq!(check.fix, Fix::Plannit);
        let found = findings(&check);
        assert_eq!(found.len(), 1);
        for lang in Lang::ALL {
            assert_eq!(
                found[0].message.render(lang),
                "item 'Sel et abrasif' has no account"
            );
        }
    }

    #[test]
    fn fix_headers() {
        let with_fix = |fix: &str| {
            parse_check(QueryFile {
                name: "queries/checks/rule.sql".into(),
                sql: format!("-- severity: error\n-- message: m\n-- fix: {fix}\nSELECT 1\n"),
            })
            .map(|check| check.fix)
        };
        assert_eq!(with_fix("file").unwrap(), Fix::DroppedFile);
        assert_eq!(
            with_fix("queries").unwrap(),
            Fix::Queries {
                file: "queries/checks/rule.sql".into()
            }
        );
        assert_eq!(
            with_fix("config [accounts] tips").unwrap(),
            Fix::config("[accounts] tips")
        );
        assert!(matches!(
            with_fix("elsewhere"),
            Err(QueryError::Header { .. })
        ));
    }

    #[test]
    fn shipped_checks_speak_both_languages() {
        for check in QuerySet::builtin().unwrap().checks {
            assert!(
                matches!(check.message, Text::Both { .. }),
                "{}: -- message.fr: and -- message.en:",
                check.query.name
            );
        }
    }
}
