//! The export history: nothing is posted twice, changes are refused or
//! adjusted, voided batches post again, crashes leave all or nothing, and
//! concurrent runs never both post a document.

use std::path::{Path, PathBuf};

use crate::fixtures::*;

/// The standard case reduced to invoice F-1 and payment R-1 (the first week).
fn week_case() -> Case {
    let case = Case::new(CONFIG);
    let rows: Vec<Vec<V>> = standard_sales_rows_fr().into_iter().take(3).collect();
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    let payments: Vec<&str> = STANDARD_PAYMENTS_CSV.lines().take(2).collect();
    std::fs::write(case.file("paiements.csv"), payments.join("\n") + "\n").unwrap();
    case
}

fn batches(case: &Case) -> Vec<String> {
    let output = case.history(&[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .skip(2)
        .map(|line| {
            line.split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn out(case: &Case, name: &str) -> PathBuf {
    case.dir.path().join(name)
}

#[test]
fn the_same_inbox_twice_posts_nothing_the_second_time() {
    let case = standard_case();
    let first = case.run_into(&out(&case, "out1"), &[], &[]);
    first.assert_success();
    assert_eq!(first.account_sums(), standard_sums());
    let second = case.run_into(&out(&case, "out2"), &[], &[]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(second.sage_files.is_empty(), "{:?}", second.sage_files);
    assert!(
        second
            .stdout
            .contains("2 invoices already exported in batch"),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stdout
            .contains("2 payments already exported in batch"),
        "{}",
        second.stdout
    );
    assert!(second.stdout.contains("Nothing new"), "{}", second.stdout);
    assert_eq!(batches(&case).len(), 1);
}

#[test]
fn a_month_export_after_a_week_export_posts_only_the_rest() {
    let case = week_case();
    let week = case.run_into(&out(&case, "week"), &[], &[]);
    week.assert_success();
    // F-1 and R-1: the receivable nets to zero within the entry.
    assert_eq!(
        week.account_sums(),
        sums(&[
            ("1020", "344.93"),
            ("2420", "-15.00"),
            ("2500", "-29.93"),
            ("4001", "-300.00")
        ])
    );

    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let month = case.run_into(&out(&case, "month"), &[], &[]);
    month.assert_success();
    // Only F-2 (1 419.44) and R-2 (1 000.00 through Plannit Pay).
    assert_eq!(
        month.account_sums(),
        sums(&[
            ("1030", "1000.00"),
            ("1210", "419.44"),
            ("2420", "-61.73"),
            ("2500", "-123.15"),
            ("4002", "-1234.56")
        ])
    );
    assert!(
        month.stdout.contains("1 invoice already exported in batch"),
        "{}",
        month.stdout
    );
    assert_eq!(batches(&case).len(), 2);
}

/// F-2 re-exported at 1 300.00 instead of 1 234.56.
fn change_f2(case: &Case) {
    let mut rows = standard_sales_rows_fr();
    rows[3][5] = N(1300.0);
    rows[3][6] = N(65.0); // 5 %
    rows[3][7] = N(129.68); // 9.975 % = 129.675, rounded up
    rows[3][8] = N(1494.68);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
}

#[test]
fn a_changed_invoice_is_refused_by_default_and_adjusted_on_request() {
    let case = standard_case();
    case.run_into(&out(&case, "out1"), &[], &[])
        .assert_success();
    let first_batch = batches(&case)[0].split(' ').next().unwrap().to_string();
    change_f2(&case);

    let refused = case.run_into(&out(&case, "out2"), &[], &[]);
    refused.assert_rejected(&[
        "error [document_changed]",
        &format!("invoice F-2 was exported in batch {first_batch} and has changed since"),
        "1210: 1,419.44 → 1,494.68",
        "4002: -1,234.56 → -1,300.00",
        "--adjust",
    ]);

    let adjusted = case.run_into(&out(&case, "out3"), &["--adjust"], &[]);
    adjusted.assert_success();
    // The difference, computed here: total +75.24 = GST 3.27 + QST 6.53 + revenue 65.44.
    assert_eq!(
        adjusted.account_sums(),
        sums(&[
            ("1210", "75.24"),
            ("2420", "-3.27"),
            ("2500", "-6.53"),
            ("4002", "-65.44")
        ])
    );
    let headers = adjusted.headers();
    assert_eq!(headers.len(), 1, "{headers:?}");
    assert!(
        headers[0].contains(&format!("\"F-2\",\"Ajust. F-2 lot {first_batch}\"")),
        "{headers:?}"
    );
    // The workbook shows the difference as an invoice row: the controls still tie out.
    let workbook = std::fs::read_dir(out(&case, "out3"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    for (label, a, b, difference) in crate::workbook::controls(&workbook, "Summary") {
        assert!(difference.abs() < 0.001, "{label}: {a} vs {b}");
    }
    let already = crate::workbook::cells(&workbook, "Already exported");
    let statuses: Vec<String> = (1..=4)
        .map(|r| crate::workbook::text(already.get(&(r, 3))))
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| s.starts_with("already exported"))
            .count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| s.starts_with("changed")).count(),
        1,
        "{statuses:?}"
    );

    // The adjusted state is now the exported state.
    let again = case.run_into(&out(&case, "out4"), &["--adjust"], &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.sage_files.is_empty());
}

#[test]
fn a_voided_batch_is_posted_again() {
    let case = standard_case();
    case.run_into(&out(&case, "out1"), &[], &[])
        .assert_success();
    let batch = batches(&case)[0].split(' ').next().unwrap().to_string();

    let without_yes = case.history(&["void", &batch]);
    assert_eq!(without_yes.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&without_yes.stderr).contains("confirm with --yes"));

    let shown = case.history(&["show", &batch]);
    let shown = String::from_utf8_lossy(&shown.stdout).into_owned();
    assert!(
        shown.contains("invoice  F-2") && shown.contains("1210 1,419.44"),
        "{shown}"
    );

    let voided = case.history(&["void", &batch, "--yes", "--note", "import failed"]);
    assert!(
        voided.status.success(),
        "{}",
        String::from_utf8_lossy(&voided.stderr)
    );
    assert_eq!(batches(&case), vec![format!("{batch} void")]);

    let again = case.run_into(&out(&case, "out2"), &[], &[]);
    again.assert_success();
    assert_eq!(again.account_sums(), standard_sums());
    assert_eq!(batches(&case).len(), 2);
}

#[test]
fn a_run_killed_at_any_stage_leaves_the_whole_batch_or_nothing() {
    for (stage, recorded) in [
        ("locked", false),
        ("outputs_staged", false),
        ("outputs_written", false),
        ("history_committed", true),
        ("renamed", true),
    ] {
        let case = standard_case();
        let out_dir = out(&case, "out");
        let killed = case.run_into(&out_dir, &[], &[("PLANNIT2SAGE_ABORT_AFTER", stage)]);
        // Killed by a signal on Unix; on Windows, abort ends the process
        // with STATUS_STACK_BUFFER_OVERRUN.
        let killed_code = if cfg!(windows) {
            0xC000_0409_u32 as i32
        } else {
            -1
        };
        assert_eq!(
            killed.code, killed_code,
            "{stage}: the run was not killed: {}",
            killed.stderr
        );
        assert_eq!(batches(&case).len(), usize::from(recorded), "{stage}");
        let visible: Vec<String> = file_names(&out_dir)
            .into_iter()
            .filter(|n| !n.starts_with('.'))
            .collect();
        if !recorded {
            assert!(
                visible.is_empty(),
                "{stage}: outputs published without a batch: {visible:?}"
            );
        }

        // A temporary file of another killed run (a workbook cut mid-write).
        std::fs::create_dir_all(&out_dir).unwrap();
        std::fs::write(
            out_dir.join(".plannit2sage-reconciliation-2026-11-01.xlsx.4242-0.tmp"),
            b"PK partial",
        )
        .unwrap();
        let rerun = case.run_into(&out_dir, &[], &[]);
        assert_eq!(rerun.code, 0, "{stage}: {}", rerun.stderr);
        if recorded {
            assert!(
                rerun.stdout.contains("Nothing new"),
                "{stage}: {}",
                rerun.stdout
            );
        }
        assert_eq!(batches(&case).len(), 1, "{stage}");
        assert_eq!(
            file_names(&out_dir),
            [
                "reconciliation-2026-11-02_2026-11-07.xlsx",
                "sage50-2026-11-02_2026-11-07.txt"
            ],
            "{stage}: leftovers or missing files"
        );
        let sage = Outcome::read(&out_dir.join("sage50-2026-11-02_2026-11-07.txt"));
        assert_eq!(sage.account_sums(), standard_sums(), "{stage}");
    }
}

#[test]
fn two_concurrent_runs_never_both_post_a_document() {
    for _ in 0..3 {
        let case = standard_case();
        let spawn = |name: &str| {
            binary()
                .args(["run", case.inbox().to_str().unwrap(), "--out"])
                .arg(out(&case, name))
                .run_output()
        };
        let (a, b) = std::thread::scope(|scope| {
            let a = scope.spawn(|| spawn("a"));
            let b = scope.spawn(|| spawn("b"));
            (a.join().unwrap(), b.join().unwrap())
        });
        assert!(
            a.status.success() && b.status.success(),
            "{}\n{}",
            String::from_utf8_lossy(&a.stderr),
            String::from_utf8_lossy(&b.stderr)
        );
        let written = [file_names(&out(&case, "a")), file_names(&out(&case, "b"))].concat();
        assert_eq!(
            written.iter().filter(|n| n.starts_with("sage50-")).count(),
            1,
            "{written:?}"
        );
        assert_eq!(batches(&case).len(), 1);
    }
}

#[test]
fn a_history_created_by_schema_version_1_is_upgraded_and_used() {
    let case = standard_case();
    let path = case.dir.path().join("old-history.sqlite");
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history-v1.sql"),
            )
            .unwrap(),
        )
        .unwrap();
    drop(connection);

    let outcome = case.run_into(
        &out(&case, "out"),
        &["--history", path.to_str().unwrap()],
        &[],
    );
    outcome.assert_success();
    // F-1 and R-1 were in the old history: only F-2 and R-2 are posted.
    assert_eq!(
        outcome.account_sums(),
        sums(&[
            ("1030", "1000.00"),
            ("1210", "419.44"),
            ("2420", "-61.73"),
            ("2500", "-123.15"),
            ("4002", "-1234.56")
        ])
    );
    let history =
        plannit2sage::history::History::open(&path, std::time::Duration::from_secs(1)).unwrap();
    assert_eq!(
        history.schema_version().unwrap(),
        plannit2sage::history::SCHEMA_VERSION
    );
    let batches = history.batches().unwrap();
    assert_eq!(batches.len(), 2);
    // The batch of version 1 kept no entries; the new one did.
    assert!(history.batch_entries(&batches[0].id).unwrap().is_empty());
    assert!(!history.batch_entries(&batches[1].id).unwrap().is_empty());
}

/// A history that a release numbering its migrations past one it did not
/// ship yet has upgraded still gets that migration.
#[test]
fn a_migration_numbered_below_the_newest_applied_is_applied_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plannit2sage.sqlite");
    let wait = std::time::Duration::from_secs(1);
    drop(plannit2sage::history::History::open(&path, wait).unwrap());
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "DROP TABLE batch_verifications; DELETE FROM schema_migrations WHERE version = 6;",
        )
        .unwrap();
    drop(connection);
    let history = plannit2sage::history::History::open(&path, wait).unwrap();
    assert!(history.last_verifications().unwrap().is_empty());
    let connection = rusqlite::Connection::open(&path).unwrap();
    let versions: Vec<i64> = connection
        .prepare("SELECT version FROM schema_migrations ORDER BY version")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        versions.contains(&6) && versions.iter().max() > Some(&6),
        "{versions:?}"
    );
}

/// The history keeps each entry of the Sage file as written: read back, the
/// entries give the file's headers and lines, line for line.
#[test]
fn the_history_keeps_the_entries_of_each_sage_file() {
    let case = standard_case();
    let outcome = case.run_into(&out(&case, "out"), &["--granularity", "document"], &[]);
    outcome.assert_success();
    let history = plannit2sage::history::History::open(
        &case.file("plannit2sage.sqlite"),
        std::time::Duration::from_secs(1),
    )
    .unwrap();
    let batch = &history.batches().unwrap()[0].id;
    let entries = history.batch_entries(batch).unwrap();
    assert!(entries.len() > 2, "{entries:?}");
    let mut from_history = Vec::new();
    for entry in &entries {
        from_history.push(format!(
            "{},\"{}\",\"{}\"",
            entry.date.format("%m-%d-%y"),
            entry.source,
            entry.comment
        ));
        for (account, amount) in &entry.lines {
            from_history.push(format!("{account},{amount:.2}"));
        }
    }
    let in_file: Vec<String> = (outcome.sage_text().split("\r\n"))
        .filter(|line| !line.is_empty() && !line.starts_with("TAX"))
        .map(str::to_string)
        .collect();
    assert_eq!(from_history, in_file);
}

#[test]
fn the_queries_can_read_the_history() {
    let case = week_case();
    case.run_into(&out(&case, "week"), &[], &[])
        .assert_success();
    let queries = queries_copy(&case);
    std::fs::write(
        queries.join("checks/opening_receivable.sql"),
        "-- severity: warning\n-- message: receivable exported so far: {opening}\nSELECT SUM(h.amount) AS opening\nFROM history_postings AS h JOIN history_batches AS b ON h.batch_id = b.batch_id\nWHERE b.status = 'done' AND h.account = '1210'\n",
    )
    .unwrap();
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let month = case.run_into(
        &out(&case, "month"),
        &["--queries", queries.to_str().unwrap()],
        &[],
    );
    month.assert_success();
    // Week: F-1 debited 344.93, R-1 credited 344.93.
    assert!(
        month.stderr.contains("receivable exported so far: 0.00"),
        "{}",
        month.stderr
    );
}
