//! `verify` on reports and histories it cannot take as they are: files that
//! are not a General Ledger report, damaged cells, missing columns (and the
//! aliases that name them), ambiguous dates, no history; batches recorded
//! before the history kept their entries; and `watch`, `history` and
//! `status` with a verification.

use std::path::Path;

use crate::fixtures::*;
use crate::ledger::*;
use crate::verify::{Books, Verified};

/// A CSV report of a few rows under a title, written as given.
fn csv_report(books: &Books, name: &str, lines: &[&str]) -> std::path::PathBuf {
    let path = books.path(name);
    let mut text = "Paysagement Gagnon & Fils inc.\r\nGeneral Ledger Report\r\n".to_string();
    for line in lines {
        text.push_str(line);
        text.push_str("\r\n");
    }
    std::fs::write(&path, text).unwrap();
    path
}

const HEADER: &str = "Account No.,Date,Comment,Source #,JE #,Debits,Credits";

#[test]
fn files_that_are_not_general_ledgers_are_refused_with_what_to_do() {
    let books = Books::new();
    let export = books.case.file("paiements.csv");
    std::fs::write(&export, STANDARD_PAYMENTS_CSV).unwrap();
    books.verify(&[&export], &[]).assert(
        2,
        &[
            "paiements.csv: this is not a Sage 50 General Ledger report",
            "Reports > Financials > General Ledger",
        ],
    );
    let damaged = csv_report(
        &books,
        "damaged.csv",
        &[
            HEADER,
            "1210,11/02/2026,Vente,PLN-261102,101,12x4.00,",
            "1210,11/31/2026,Vente,PLN-261102,101,,5.00",
        ],
    );
    books.verify(&[&damaged], &[]).assert(
        2,
        &[
            "damaged.csv: 2 problems keep this general ledger from being read",
            "damaged.csv, row 4, column 'Debits': '12x4.00' is not an amount",
            "damaged.csv, row 5, column 'Date': '11/31/2026' is not a date",
            "→ to fix: export the general ledger from Sage 50 again",
        ],
    );
    let no_number = csv_report(
        &books,
        "no-je.csv",
        &[HEADER, "1210,11/20/2026,Vente,PLN-261120,,114.98,"],
    );
    books.verify(&[&no_number], &[]).assert(2, &["no-je.csv, row 4, column 'JE #': this row has a date and an amount but no journal entry number"]);
    let no_account = csv_report(
        &books,
        "no-account.csv",
        &[
            "Date,Comment,Source #,JE #,Debits,Credits",
            "11/20/2026,Vente,PLN-261120,101,114.98,",
        ],
    );
    books
        .verify(&[&no_account], &[])
        .assert(2, &["this posting has no account"]);
    let empty = csv_report(&books, "empty.csv", &[HEADER]);
    books.verify(&[&empty], &[]).assert(
        2,
        &["empty.csv: this general ledger has no posting and its title gives no period"],
    );
    let missing = books.path("missing.xlsx");
    books
        .verify(&[&missing], &[])
        .assert(2, &["missing.xlsx: cannot read the general ledger"]);
}

#[test]
fn a_missing_column_is_named_and_an_alias_in_the_configuration_names_it() {
    let books = Books::new();
    let mut ledger = books.ledger();
    ledger.post_unrelated();
    let lines: Vec<String> =
        std::iter::once("Account No.,Date,Comment,Source #,Écr.,Debits,Credits".to_string())
            .chain(ledger.postings.iter().map(|p| {
                let (debit, credit) = if p.amount.is_sign_negative() {
                    (String::new(), (-p.amount).to_string())
                } else {
                    (p.amount.to_string(), String::new())
                };
                format!(
                    "{},{},{},{},{},{debit},{credit}",
                    p.account,
                    p.date.format("%m/%d/%Y"),
                    p.comment,
                    p.source,
                    p.je
                )
            }))
            .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let path = csv_report(&books, "gl.csv", &lines);
    books.verify(&[&path], &[]).assert(
        2,
        &[
            "gl.csv, row 3: this general ledger has no 'je' column",
            "[columns.sage_ledger] je = [\"...\"]",
        ],
    );
    let config = books.case.file("plannit2sage.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text + "\n[columns.sage_ledger]\nje = [\"Écr.\"]\n").unwrap();
    books
        .verify(&[&path], &[])
        .assert(0, &["3 batches landed once"]);
}

#[test]
fn ambiguous_dates_need_the_date_order() {
    let books = Books::new();
    let mut ledger = Ledger::new();
    for batch in 0..3 {
        ledger.import(books.sage_file(batch));
    }
    // Every date a day of 12 or less, and no range in the title: 11/02 could be February 11.
    let shape = Shape {
        layout: Layout::Flat,
        language: Language::En,
        dates: Dates::Slashes,
        titled: false,
    };
    let path = books.path("gl.csv");
    write_ledger_csv(&path, &rows(&ledger, shape), Language::En);
    books.verify(&[&path], &[]).assert(
        2,
        &[
            "'11/02/2026' is ambiguous",
            "→ to fix: in the configuration: [input] date_order",
        ],
    );
    let config = books.case.file("plannit2sage.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text + "\n[input]\ndate_order = \"mdy\"\n").unwrap();
    books
        .verify(&[&path], &[])
        .assert(0, &["3 batches landed once"]);
}

#[test]
fn without_a_history_there_is_nothing_to_verify() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("gl.csv");
    std::fs::write(&report, format!("{HEADER}\r\n")).unwrap();
    let output = binary()
        .args([
            "verify",
            report.to_str().unwrap(),
            "--history",
            dir.path().join("none.sqlite").to_str().unwrap(),
        ])
        .run_output();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("none.sqlite: no export history here: nothing to verify"));
}

/// Forgets a batch's entries, as a history written before they were kept.
fn forget_entries(books: &Books, batch: usize) {
    let history = rusqlite::Connection::open(books.case.file("plannit2sage.sqlite")).unwrap();
    let deleted = history
        .execute(
            "DELETE FROM batch_entries WHERE batch_id = ?1",
            [books.id(batch)],
        )
        .unwrap();
    assert!(deleted > 0);
}

#[test]
fn a_batch_recorded_without_its_entries_is_verified_from_its_sage_file() {
    let books = Books::new();
    forget_entries(&books, 1);
    let mut ledger = books.ledger();
    ledger.import(books.sage_file(1));
    let path = books.path("gl.csv");
    let shape = Shape {
        layout: Layout::Grouped,
        language: Language::Fr,
        dates: Dates::Iso,
        titled: true,
    };
    write_ledger_csv(&path, &rows(&ledger, shape), Language::Fr);
    // Read from the Sage file: B2 was imported twice.
    let verified = books.verify(&[&path], &[]);
    verified.assert(1, &["PLN-261106 of 2026-11-06: found 2 times"]);
    assert!(verified.batch_line(books.id(1)).ends_with(": landed twice"));

    let sage_file = books.sage_file(1).to_path_buf();
    let mut bytes = std::fs::read(&sage_file).unwrap();
    bytes.extend_from_slice(b"\r\n");
    std::fs::write(&sage_file, bytes).unwrap();
    let changed = books.verify(&[&path], &[]);
    changed.assert(
        1,
        &["changed since: put the original file back to verify it"],
    );
    assert!(changed
        .batch_line(books.id(1))
        .contains(": cannot be verified (recorded before the history kept entries"));
    // Its entries are unknown: what it posted to the receivable cannot be told from a hand entry.
    std::fs::remove_file(&sage_file).unwrap();
    books.verify(&[&path], &[]).assert(
        1,
        &[&format!(
            "its Sage file {} is no longer there",
            sage_file.display()
        )],
    );
}

fn history_lines(books: &Books) -> String {
    String::from_utf8_lossy(&books.case.history(&[]).stdout).into_owned()
}

#[test]
fn the_history_keeps_each_batch_s_last_verification() {
    let books = Books::new();
    assert!(!history_lines(&books).contains("verified"));
    let mut ledger = books.ledger();
    let path = books.path("gl.xlsx");
    let shape = Shape {
        layout: Layout::Flat,
        language: Language::En,
        dates: Dates::Cells,
        titled: true,
    };
    write_ledger_xlsx(&path, &rows(&ledger, shape));
    books
        .verify(&[&path], &[])
        .assert(0, &["Verification recorded in the export history"]);
    ledger.import(books.sage_file(0));
    write_ledger_xlsx(&path, &rows(&ledger, shape));
    books.verify(&[&path], &[]).assert(1, &[]);
    let listed = history_lines(&books);
    let verified: Vec<&str> = listed.lines().filter(|l| l.contains("verified")).collect();
    assert_eq!(verified.len(), 4, "{listed}");
    assert!(
        verified[0].ends_with(": landed twice (general ledger 2026-11-01 to 2026-11-30)"),
        "{listed}"
    );
    assert!(
        verified[1].ends_with(": landed once (general ledger 2026-11-01 to 2026-11-30)"),
        "{listed}"
    );
    assert!(verified[3].contains(": void, not in Sage"), "{listed}");
    let shown = books.case.history(&["show", books.id(0)]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains(": landed twice (general ledger"));
}

/// `watch --once` on a drop folder.
fn watch_once(root: &Path) -> Verified {
    let output = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    Verified {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn watch_verifies_a_general_ledger_dropped_in_the_inbox() {
    let dir = crate::watch::drop_folder();
    let root = dir.path();
    write_xlsx(
        &root.join("inbox/ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(root.join("inbox/paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    watch_once(root).assert(0, &["exported  batch"]);
    let sage = crate::watch::sage_files(root);
    let mut ledger = Ledger::new();
    ledger.post_unrelated();
    ledger.import(&sage[0]);
    ledger.import(&sage[0]);
    let shape = Shape {
        layout: Layout::Grouped,
        language: Language::Fr,
        dates: Dates::MonthNames,
        titled: true,
    };
    write_ledger_xlsx(&root.join("inbox/grand-livre.xlsx"), &rows(&ledger, shape));

    let watched = watch_once(root);
    watched.assert(
        0,
        &[
            "general ledger verified (grand-livre.xlsx): Result: 1 batch landed twice.",
            "found 2 times, Sage entries 103, 104",
        ],
    );
    assert!(std::fs::read_dir(root.join("inbox"))
        .unwrap()
        .next()
        .is_none());
    let archived: Vec<String> = file_names(&root.join("archive"))
        .into_iter()
        .filter(|n| n.ends_with("-verification"))
        .collect();
    assert_eq!(archived.len(), 1, "{:?}", file_names(&root.join("archive")));
    let folder = root.join("archive").join(&archived[0]);
    assert_eq!(
        file_names(&folder),
        [
            "VERIFICATION.txt",
            "grand-livre.xlsx",
            "verification-2026-11-01_2026-11-30.xlsx"
        ]
    );
    let result = std::fs::read_to_string(folder.join("VERIFICATION.txt")).unwrap();
    assert!(result.contains("landed twice\r\n"), "{result}");
    // No batch was made of it.
    assert_eq!(crate::watch::sage_files(root).len(), 1);
    let log = crate::watch::log_lines(root);
    assert_eq!(log.len(), 2);
    assert_eq!(log[1]["status"], "verified");
    assert_eq!(log[1]["verification"], "Result: 1 batch landed twice.");
    assert!(log[0].get("verification").is_none(), "{:?}", log[0]);

    let status = binary()
        .args(["status", root.to_str().unwrap()])
        .run_output();
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(
        status.contains("last general ledger verification: ")
            && status
                .contains(", 2026-11-01 to 2026-11-30 (grand-livre.xlsx): 1 batch landed twice"),
        "{status}"
    );
}
