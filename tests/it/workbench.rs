//! The analyst's workbench: `sql`, `tables`, `run --dry-run`, `test-queries`,
//! the provenance of journal lines, and the queries README's table reference.

use std::path::{Path, PathBuf};

use crate::fixtures::*;
use crate::workbook::{cells, text, workbook_path};

fn plannit2sage_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = binary().current_dir(dir).args(args).run_output();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn every_file(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(every_file(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn sql_sums_equal_the_figures_of_the_exports() {
    let case = standard_case();
    let inbox = case.inbox().display().to_string();
    let (code, stdout, stderr) = plannit2sage_in(
        case.dir.path(),
        &[
            "sql",
            &inbox,
            "SELECT SUM(amount) AS amount, SUM(gst) AS gst, SUM(total) AS total FROM sales",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // 100 + 200 + 1 234.56; 5 + 10 + 61.73; 114.98 + 229.95 + 1 419.44
    assert_eq!(stdout, "amount,gst,total\n1534.56,76.73,1764.37\n");
    let (code, stdout, stderr) = plannit2sage_in(
        case.dir.path(),
        &[
            "sql",
            &inbox,
            "SELECT method_key, SUM(received) AS received FROM payments GROUP BY method_key ORDER BY method_key",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "[\n  {\"method_key\": \"plannit pay\", \"received\": 1000.00},\n  {\"method_key\": \"virement\", \"received\": 344.93}\n]\n"
    );
    // A query error points at the query.
    let (code, _, stderr) = plannit2sage_in(
        case.dir.path(),
        &["sql", &inbox, "SELECT SUM(amount FROM sales"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("SELECT SUM(amount FROM sales\n"),
        "{stderr}"
    );
    assert!(stderr.contains("^"), "{stderr}");
    // Nothing was written: no history beside the config, no outputs.
    assert!(!case.file("plannit2sage.sqlite").exists());
    assert!(!case.out().exists());
}

#[test]
fn a_dry_run_prints_the_journal_and_writes_nothing() {
    let case = standard_case();
    let before = every_file(case.dir.path());
    let outcome = case.run(&["--dry-run"]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(every_file(case.dir.path()), before, "a file was written");
    assert!(
        outcome.stdout.contains(
            "1210              419.44   10_invoices_receivable.sql, 50_payments_receivable.sql"
        ),
        "{}",
        outcome.stdout
    );
    assert!(outcome
        .stdout
        .contains("Dry run: the Sage 50 file would be written"));
    // Nothing was recorded: a real run still posts everything.
    case.run(&[]).assert_success();
    assert!(case.run(&[]).stdout.contains("Nothing new"));
    let again = case.run_into(&case.dir.path().join("out2"), &["--dry-run"], &[]);
    assert!(
        again.stdout.contains("Dry run: nothing new"),
        "{}",
        again.stdout
    );
}

#[test]
fn the_journal_sheet_names_the_query_of_each_line() {
    let case = standard_case();
    case.run(&[]).assert_success();
    let journal = cells(&workbook_path(&case), "Journal");
    assert_eq!(text(journal.get(&(0, 8))), "Queries");
    let provenance: Vec<(String, String)> = (1..=7)
        .map(|r| (text(journal.get(&(r, 4))), text(journal.get(&(r, 8)))))
        .collect();
    assert!(
        provenance.contains(&("4001".into(), "20_invoices_revenue.sql".into())),
        "{provenance:?}"
    );
    assert!(
        provenance.contains(&("1030".into(), "40_payments_bank.sql".into())),
        "{provenance:?}"
    );
}

fn copy_folder(from: &Path, to: &Path) {
    for file in every_file(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, &target).unwrap();
    }
}

#[test]
fn the_shipped_query_tests_pass_and_a_broken_copy_fails_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mes-requetes");
    copy_folder(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("queries"),
        &copy,
    );
    let (code, stdout, stderr) =
        plannit2sage_in(dir.path(), &["test-queries", "--queries", "mes-requetes"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("9 passed, 0 failed"), "{stdout}");
    assert!(stdout.contains("ok      credit_note"), "{stdout}");

    // Revenue summed from the totals (taxes included): the analyst's mistake.
    let revenue = copy.join("journal/20_invoices_revenue.sql");
    let sql = std::fs::read_to_string(&revenue)
        .unwrap()
        .replace("-SUM(s.amount)", "-SUM(s.total)");
    std::fs::write(&revenue, sql).unwrap();
    let (code, stdout, _) =
        plannit2sage_in(dir.path(), &["test-queries", "--queries", "mes-requetes"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("FAILED  invoices"), "{stdout}");
    // 114.98 + 57.49 instead of 100.00 + 50.00
    assert!(
        stdout.contains("account 4001: expected -150.00, the queries post -172.47"),
        "{stdout}"
    );
}

/// The section of the README that defines `name`: its heading, list item or
/// table row, up to the next one.
fn readme_section<'a>(readme: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!("`{name}`");
    let lines: Vec<&str> = readme.lines().collect();
    let starts =
        |line: &str| line.starts_with("#") || line.starts_with("- `") || line.starts_with("| `");
    let start = lines.iter().position(|line| {
        starts(line)
            && line
                .trim_start_matches(['#', ' ', '-', '|'])
                .starts_with(&needle)
    })?;
    // A heading's section runs to the next heading; a list item's or table
    // row's to the next item or row.
    let heading = lines[start].starts_with('#');
    let ends = |line: &str| line.starts_with('#') || (!heading && starts(line));
    let end = lines[start + 1..]
        .iter()
        .position(|line| ends(line))
        .map_or(lines.len(), |i| start + 1 + i);
    let from = readme.find(lines[start])?;
    let to = if end < lines.len() {
        readme.find(lines[end]).unwrap_or(readme.len())
    } else {
        readme.len()
    };
    Some(&readme[from..to.max(from)])
}

#[test]
fn the_queries_readme_documents_every_table_and_column_the_code_registers() {
    let case = standard_case();
    let inbox = case.inbox().display().to_string();
    let (code, stdout, stderr) = plannit2sage_in(case.dir.path(), &["tables", &inbox]);
    assert_eq!(code, 0, "{stderr}");
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/README.md"))
            .unwrap();
    let mut tables = 0;
    let mut current: Option<&str> = None;
    for line in stdout.lines() {
        if let Some(column) = line.strip_prefix("  ") {
            let column = column.split_whitespace().next().unwrap();
            let table = current.unwrap();
            let section = readme_section(&readme, table)
                .unwrap_or_else(|| panic!("queries/README.md does not document table `{table}`"));
            assert!(
                section.contains(&format!("`{column}`")),
                "queries/README.md: table `{table}` lacks column `{column}`:\n{section}"
            );
        } else {
            current = Some(line.split_whitespace().next().unwrap());
            tables += 1;
        }
    }
    assert_eq!(tables, 14, "{stdout}");
}
