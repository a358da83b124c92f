//! `plannit2sage sql`, `tables` and `test-queries`: the analyst's tools.
//! Nothing they do writes to the inbox, the outputs or the history.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{follow_config_lang, EXIT_REJECTED, EXIT_SETUP};
use crate::cmd::args::SqlFormat;
use crate::cmd::{console, folder};
use crate::query::{QueryError, SqlTables};
use crate::run::plan::{RunPlan, RunRequest};
use crate::run::workbench;
use crate::tr;

/// Where the tables come from: the inbox (or a drop folder, see
/// `cmd::folder`) and the run's settings.
pub struct Source {
    pub inbox: PathBuf,
    /// `--batch last|ID`: a drop folder's files archived for that batch.
    pub batch: Option<String>,
    pub config: Option<PathBuf>,
    pub queries: Option<PathBuf>,
    pub history: Option<PathBuf>,
}

fn load(source: Source) -> Result<SqlTables, String> {
    let named = folder::resolve(&source.inbox, source.batch.as_deref())?;
    let request = RunRequest {
        config: named.config(source.config),
        history: named.history(source.history),
        inbox: named.inbox,
        queries: source.queries,
        dry_run: true,
        ..RunRequest::default()
    };
    let plan = RunPlan::resolve(&request).map_err(|e| e.to_string())?;
    follow_config_lang(plan.config.lang);
    workbench::load_tables(&plan).map_err(|e| e.to_string())
}

pub fn execute(
    source: Source,
    query: Option<String>,
    file: Option<PathBuf>,
    format: SqlFormat,
    out: Option<PathBuf>,
) -> ExitCode {
    let (name, sql) = match (query, file) {
        (Some(sql), None) => (None, sql),
        (None, Some(file)) => match std::fs::read_to_string(&file) {
            Ok(sql) => (Some(file.display().to_string()), sql),
            Err(e) => {
                return setup_error(tr!(
                    "tools-sql-cannot-read",
                    file = file.display().to_string(),
                    reason = crate::i18n::path_reason(&e, &file)
                ))
            }
        },
        _ => return setup_error(tr!("tools-sql-query-or-file")),
    };
    if format == SqlFormat::Xlsx && out.is_none() {
        return setup_error(tr!("tools-sql-xlsx-needs-out"));
    }
    let tables = match load(source) {
        Ok(tables) => tables,
        Err(e) => return setup_error(e),
    };
    // Named once the configuration chose the language.
    let name = name.unwrap_or_else(|| tr!("tools-sql-query-name"));
    let frame = match workbench::run_sql(&tables, &name, &sql) {
        Ok(frame) => frame,
        Err(e) => {
            // A query refused before it runs, or one Polars stopped on, is
            // the setup's; one that fails on the data, the query's.
            let setup = matches!(e, QueryError::CrossJoin { .. } | QueryError::Stopped { .. });
            console::error(e);
            return ExitCode::from(if setup { EXIT_SETUP } else { EXIT_REJECTED });
        }
    };
    let (headers, rows) = workbench::rows_as_text(&frame);
    let numeric = workbench::numeric_columns(&frame);
    let written = match format {
        SqlFormat::Table => emit(out.as_deref(), table_text(&headers, &rows, &numeric)),
        SqlFormat::Csv => csv_text(&headers, &rows).and_then(|t| emit(out.as_deref(), t)),
        SqlFormat::Json => emit(out.as_deref(), json_text(&headers, &rows, &numeric)),
        SqlFormat::Xlsx => xlsx(out.as_deref().expect("checked"), &headers, &rows, &numeric),
    };
    match written {
        Ok(()) => {
            if out.is_some() || format == SqlFormat::Table {
                eprintln!("{}", tr!("tools-sql-rows", count = rows.len()));
            }
            ExitCode::SUCCESS
        }
        Err(e) => setup_error(e),
    }
}

fn setup_error(message: String) -> ExitCode {
    console::error(message);
    ExitCode::from(EXIT_SETUP)
}

fn emit(out: Option<&Path>, text: String) -> Result<(), String> {
    match out {
        Some(path) => crate::output::write_atomically(path, |file| file.write_all(text.as_bytes()))
            .map_err(|e| path_reason(path, e)),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string()),
    }
}

/// Aligned columns; numbers to the right.
fn table_text(headers: &[String], rows: &[Vec<String>], numeric: &[bool]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(numeric)
            .map(|((cell, width), number)| {
                if *number {
                    format!("{cell:>width$}")
                } else {
                    format!("{cell:<width$}")
                }
            })
            .collect();
        format!("{}\n", parts.join("  ").trim_end())
    };
    let mut text = line(headers);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    text.push_str(&format!("{}\n", rule.join("  ")));
    for row in rows {
        text.push_str(&line(row));
    }
    text
}

fn csv_text(headers: &[String], rows: &[Vec<String>]) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(headers).map_err(|e| e.to_string())?;
    for row in rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// An array of objects; decimals and integers as JSON numbers written from
/// their exact text (never through a float), empty cells as null.
fn json_text(headers: &[String], rows: &[Vec<String>], numeric: &[bool]) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let objects: Vec<String> = rows
        .iter()
        .map(|row| {
            let fields: Vec<String> = headers
                .iter()
                .zip(row)
                .zip(numeric)
                .map(|((header, cell), number)| {
                    let value = if cell.is_empty() {
                        "null".to_string()
                    } else if *number {
                        cell.clone()
                    } else {
                        quote(cell)
                    };
                    format!("{}: {value}", quote(header))
                })
                .collect();
            format!("  {{{}}}", fields.join(", "))
        })
        .collect();
    format!("[\n{}\n]\n", objects.join(",\n"))
}

fn xlsx(
    path: &Path,
    headers: &[String],
    rows: &[Vec<String>],
    numeric: &[bool],
) -> Result<(), String> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut build = || -> Result<(), rust_xlsxwriter::XlsxError> {
        for (col, header) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &bold)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (col, (cell, number)) in row.iter().zip(numeric).enumerate() {
                let (r, c) = (r as u32 + 1, col as u16);
                match cell.parse::<f64>() {
                    Ok(value) if *number => sheet.write_number(r, c, value).map(|_| ())?,
                    _ => sheet.write_string(r, c, cell).map(|_| ())?,
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    };
    build().map_err(|e| e.to_string())?;
    crate::output::write_atomically(path, |file| {
        workbook.save_to_writer(file).map_err(std::io::Error::other)
    })
    .map_err(|e| path_reason(path, e))
}

/// `path: what went wrong`, in the current language.
fn path_reason(path: &Path, error: std::io::Error) -> String {
    tr!(
        "tools-path-reason",
        path = path.display().to_string(),
        reason = crate::i18n::system_reason(&error)
    )
}

pub fn tables(source: Source) -> ExitCode {
    let tables = match load(source) {
        Ok(tables) => tables,
        Err(e) => return setup_error(e),
    };
    match workbench::schemas(&tables) {
        Ok(schemas) => {
            for schema in schemas {
                println!(
                    "{}",
                    tr!(
                        "tools-tables-table",
                        name = &schema.name,
                        count = schema.rows
                    )
                );
                for (column, dtype) in schema.columns {
                    println!("  {column:<24} {dtype}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => setup_error(e.to_string()),
    }
}

pub fn test_queries(queries: &Path) -> ExitCode {
    let results = match workbench::test_queries(queries) {
        Ok(results) => results,
        Err(e) => return setup_error(e),
    };
    let failed = results.iter().filter(|r| !r.differences.is_empty()).count();
    for result in &results {
        if result.differences.is_empty() {
            println!("  {:<8}{}", tr!("tools-tq-ok"), result.name);
        } else {
            println!("  {:<8}{}", tr!("tools-tq-failed"), result.name);
            for difference in &result.differences {
                println!("      {difference}");
            }
        }
    }
    println!(
        "{}",
        tr!(
            "tools-tq-summary",
            passed = results.len() - failed,
            failed = failed
        )
    );
    if failed > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    }
}
