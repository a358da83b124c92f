//! Analyst-edited queries: their output is validated before use.

use crate::fixtures::*;

#[test]
fn a_copy_of_the_shipped_queries_gives_the_same_file() {
    let case = standard_case();
    let queries = queries_copy(&case);
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
}

#[test]
fn a_float_amount_from_a_query_is_refused_with_the_fix() {
    let case = standard_case();
    let queries = queries_copy(&case);
    let revenue = queries.join("journal/20_invoices_revenue.sql");
    let sql = std::fs::read_to_string(&revenue)
        .unwrap()
        .replace("-SUM(s.amount)", "-SUM(s.amount) * 1.0");
    std::fs::write(&revenue, sql).unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("20_invoices_revenue.sql: 'amount' is a floating-point number"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .contains("CAST the expression AS DECIMAL(38,2)"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.sage_files.is_empty());
}

#[test]
fn a_query_that_unbalances_the_journal_writes_no_file() {
    let case = standard_case();
    let queries = queries_copy(&case);
    std::fs::remove_file(queries.join("journal/30_invoices_taxes.sql")).unwrap();
    case.run(&["--queries", queries.to_str().unwrap()])
        .assert_rejected(&["error [sage50_file] line 1: entry 'PLN-261107' does not balance"]);
}

#[test]
fn a_check_without_its_header_is_refused() {
    let case = standard_case();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("checks/my_rule.sql"),
        "SELECT * FROM sales WHERE amount > 1000",
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    assert_eq!(outcome.code, 2);
    assert!(
        outcome
            .stderr
            .contains("my_rule.sql: the first comment lines must say '-- severity: error'"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_query_may_not_read_files() {
    let case = standard_case();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("journal/60_extra.sql"),
        "SELECT * FROM read_csv('/etc/passwd')",
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    assert_eq!(outcome.code, 2);
    assert!(
        outcome
            .stderr
            .contains("60_extra.sql: this query reads files (read_csv)"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn an_analyst_check_flags_rows() {
    let case = standard_case();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("checks/large_line.sql"),
        "-- severity: warning\n-- message: line of {amount} is above 1000.00\n-- column: amount\nSELECT file, sheet, row, invoice, amount FROM sales WHERE amount > CAST('1000' AS DECIMAL(38,2))\n",
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    outcome.assert_success();
    assert!(
        outcome.stderr.contains("warning [large_line] ventes.xlsx, sheet 'Ventes', row 4, column 'Montant', document F-2: line of 1,234.56 is above 1000.00"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_journal_line_without_account_names_its_document() {
    let case = standard_case();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("journal/70_blank_account.sql"),
        "SELECT s.entry_date AS date, s.entry_source AS source, s.entry_comment AS comment,\n\
         '' AS account, CAST(SUM(s.amount) AS DECIMAL(38,2)) AS amount\n\
         FROM sales s GROUP BY s.entry_date, s.entry_source, s.entry_comment",
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    // Each invoice's line is reported under the invoice's history key, as the
    // history knows it (not under the pass's internal document number).
    assert!(
        outcome.stderr.contains("[journal_line]") && outcome.stderr.contains("(invoice:"),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("(#"), "{}", outcome.stderr);
}

#[test]
fn a_journal_query_labelling_lines_its_own_way_is_followed() {
    let case = standard_case();
    let queries = queries_copy(&case);
    // Every line's comment prefixed: each query still balances its entries.
    for entry in std::fs::read_dir(queries.join("journal")).unwrap() {
        let path = entry.unwrap().path();
        let sql = std::fs::read_to_string(&path).unwrap();
        let mut labelled = String::new();
        for line in sql.lines() {
            let line = match line.find(".entry_comment") {
                Some(at) if line.contains("AS comment") => {
                    let start = line[..at]
                        .rfind(|c: char| !c.is_alphanumeric())
                        .map_or(0, |i| i + 1);
                    format!("{}'Ventes ' || {}", &line[..start], &line[start..])
                }
                _ => line.to_string(),
            };
            labelled.push_str(&line);
            labelled.push('\n');
        }
        std::fs::write(&path, labelled).unwrap();
    }
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    let headers = outcome.headers();
    assert_eq!(headers.len(), 1, "{headers:?}");
    assert!(
        headers[0].ends_with("\"Ventes Plannit 2026-11-02 au 2026-11-07\""),
        "{headers:?}"
    );
}

/// `sql` in the case's inbox: exit code, stdout, stderr.
fn sql(case: &Case, query: &str, extra: &[&str]) -> (i32, String, String) {
    let inbox = case.inbox().display().to_string();
    let output = binary()
        .args(["sql", &inbox, query, "--format", "csv"])
        .args(extra)
        .run_output();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_check_with_not_in_a_subquery_finds_its_rows() {
    let case = standard_case();
    let payments =
        format!("{STANDARD_PAYMENTS_CSV}2026-11-08,R-3,F-9,Gagnon,Paiement,Virement,10.00\n");
    std::fs::write(case.file("paiements.csv"), payments).unwrap();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("checks/paid_elsewhere.sql"),
        "-- severity: warning\n\
         -- message: payment {reference} is for invoice {invoice}, which is not in the sales\n\
         -- column: invoice\n\
         SELECT file, sheet, row, reference, invoice FROM payments\n\
         WHERE invoice NOT IN (SELECT invoice FROM sales)\n",
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    outcome.assert_success();
    let finding = "payment R-3 is for invoice F-9, which is not in the sales";
    assert_eq!(
        outcome.stderr.matches(finding).count(),
        1,
        "{}",
        outcome.stderr
    );
    let (code, stdout, stderr) = sql(
        &case,
        "SELECT COUNT(*) AS n FROM payments WHERE invoice NOT IN (SELECT invoice FROM sales)",
        &[],
    );
    assert_eq!((code, stdout.as_str()), (0, "n\n1\n"), "{stderr}");
}

#[test]
fn a_check_pairing_two_large_tables_is_refused_before_it_runs() {
    let case = standard_case();
    // 5,000 more payments: paired with themselves, over 25 million pairs.
    let mut payments = String::from(STANDARD_PAYMENTS_CSV);
    for n in 1..=5_000 {
        payments.push_str(&format!(
            "2026-11-08,P-{n},F-9,Gagnon,Paiement,Virement,1.00\n"
        ));
    }
    std::fs::write(case.file("paiements.csv"), payments).unwrap();
    let queries = queries_copy(&case);
    let pairing = "SELECT a.file, a.sheet, a.row, a.reference \
                   FROM payments AS a CROSS JOIN payments AS b \
                   WHERE a.reference <> b.reference";
    std::fs::write(
        queries.join("checks/pairs.sql"),
        format!("-- severity: warning\n-- message: {{reference}}\n{pairing}\n"),
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains(
            "pairs.sql: this query would pair up to 5,002 rows with up to 5,002 rows, \
             25,020,004 pairs, over the limit of 20,000,000; it was not run. \
             To relate two tables, join them on a key"
        ),
        "{}",
        outcome.stderr
    );
    assert!(outcome.sage_files.is_empty());
    // `sql` refuses it too, a setup error, in French here.
    let (code, _, stderr) = sql(&case, pairing, &["--lang", "fr"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "cette requête croiserait jusqu'à 5\u{a0}002 lignes avec jusqu'à 5\u{a0}002 lignes"
        ),
        "{stderr}"
    );
}

/// A query Polars stops on (a join on a money column) is the query's error,
/// naming its file: the tool does not crash, and prints no panic.
#[test]
fn a_query_polars_stops_on_is_an_error_not_a_crash() {
    let case = standard_case();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("checks/same_amount.sql"),
        "-- severity: warning\n-- message: {invoice}\n\
         SELECT a.file, a.sheet, a.row, a.invoice FROM sales AS a \
         JOIN sales AS b ON a.amount = b.amount AND a.invoice <> b.invoice\n",
    )
    .unwrap();
    let outcome = case.run(&["--queries", queries.to_str().unwrap()]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("same_amount.sql: Polars could not run this query"),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains("panicked"), "{}", outcome.stderr);
}
