//! The receivable ledger: the opening balance from Plannit's
//! accounts-receivable report, payments of earlier invoices known from the
//! history, the "Receivable" sheet's roll-forward and open items, and the
//! tie-out with Plannit's report (xlsx with titles and aging, English CSV,
//! French Windows-1252 `;` CSV).

use std::path::{Path, PathBuf};

use calamine::Data;

use crate::fixtures::*;
use crate::workbook::{cells, number, recalculate, text};

/// The invoices open at adoption (October 31): O-1 partly paid, O-2 in full.
fn write_opening_report(path: &Path) {
    let header = [
        "Client",
        "No facture",
        "Date facture",
        "Échéance",
        "Montant facturé",
        "Courant",
        "1-30 jours",
        "31-60 jours",
        "61-90 jours",
        "Plus de 90 jours",
        "Solde dû",
    ];
    write_xlsx(
        path,
        &[(
            "Comptes clients",
            vec![
                vec![T("Paysagement Rivière-Nord")],
                vec![T("Comptes clients au 31 octobre 2026")],
                vec![],
                header.iter().map(|h| T(h)).collect(),
                vec![
                    T("Tremblay, Marie"),
                    T("O-1"),
                    D(2026, 9, 15),
                    D(2026, 10, 15),
                    N(500.0),
                    E,
                    N(300.0),
                    E,
                    E,
                    E,
                    N(300.0),
                ],
                vec![
                    T("Gagnon, Luc"),
                    T("O-2"),
                    D(2026, 7, 20),
                    D(2026, 8, 20),
                    N(1234.56),
                    E,
                    E,
                    E,
                    E,
                    N(1234.56),
                    N(1234.56),
                ],
                vec![T("Total"), E, E, E, E, E, E, E, E, E, N(1534.56)],
            ],
        )],
    );
}

/// November's tie-out: French, Windows-1252, `;`, `1 234,56 $` amounts.
const NOVEMBER_AR_CSV: &str = "Comptes clients au 30 novembre 2026\n\
\n\
Client;No facture;Date facture;Solde dû\n\
Gagnon, Luc;O-2;2026-07-20;1 234,56 $\n\
Bouchard & Fils;F-2;2026-11-05;419,44 $\n\
Total;;;1 654,00 $\n";

const OPENING_PAYMENT: &str = "2026-11-03,R-0,O-1,\"Tremblay, Marie\",Paiement,Virement,300.00\n";

fn history_file(case: &Case) -> PathBuf {
    case.file("plannit2sage.sqlite")
}

/// A case with the opening balance recorded and November's drop: the
/// standard batch, a payment of opening invoice O-1, and Plannit's report
/// at November 30.
fn november_case(config: &str) -> Case {
    let case = Case::new(config);
    let report = case.dir.path().join("comptes-clients-2026-10-31.xlsx");
    write_opening_report(&report);
    let opened = case.history(&["opening", report.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&opened.stdout);
    assert!(
        opened.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert!(
        said.contains("2 open invoices of 2 customers, 1,534.56 at 2026-10-31"),
        "{said}"
    );
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(
        case.file("paiements.csv"),
        format!("{STANDARD_PAYMENTS_CSV}{OPENING_PAYMENT}"),
    )
    .unwrap();
    write_cp1252(
        &case.file("comptes-clients-2026-11-30.csv"),
        NOVEMBER_AR_CSV,
    );
    case
}

/// December's drop: invoice F-3, the rest of F-2 and all of O-2 paid, and
/// Plannit's report at December 31 in English, listing F-3 alone.
fn write_december(case: &Case, with_f2_payment: bool) {
    for name in [
        "ventes.xlsx",
        "paiements.csv",
        "comptes-clients-2026-11-30.csv",
    ] {
        let _ = std::fs::remove_file(case.file(name));
    }
    let mut rows: Vec<Vec<V>> = standard_sales_rows_fr().into_iter().take(2).collect();
    rows[1][0] = T("F-3");
    rows[1][1] = D(2026, 12, 2);
    write_xlsx(&case.file("ventes-decembre.xlsx"), &[("Ventes", rows)]);
    let mut payments =
        String::from("Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n");
    if with_f2_payment {
        payments.push_str("2026-12-05,R-3,F-2,Bouchard & Fils,Paiement,Virement,419.44\n");
    }
    payments.push_str("2026-12-06,R-4,O-2,\"Gagnon, Luc\",Paiement,Chèque,\"1,234.56\"\n");
    std::fs::write(case.file("paiements-decembre.csv"), payments).unwrap();
    std::fs::write(
        case.file("accounts-receivable.csv"),
        "Accounts receivable as of 12/31/2026\n\
         Customer,Invoice #,Invoice date,Due date,Balance due\n\
         \"Lavoie, Anne\",F-3,2026-12-02,2027-01-01,114.98\n",
    )
    .unwrap();
}

/// The Receivable sheet's control rows after LibreOffice recalculates:
/// (label, difference) — each must be 0.
fn receivable_controls(workbook: &Path) -> Option<Vec<(String, f64)>> {
    let recalculated = recalculate(workbook)?;
    let sheet = cells(&recalculated, "Receivable");
    let rows: std::collections::BTreeSet<u32> = (sheet.iter())
        .filter(|(&(_, col), v)| {
            col == 0 && matches!(v, Data::String(s) if s.starts_with("Control"))
        })
        .map(|(&(row, _), _)| row)
        .collect();
    Some(
        rows.into_iter()
            .map(|row| {
                let value = (sheet.range((row, 1)..(row, u32::MAX)))
                    .rfind(|(_, v)| matches!(v, Data::Float(_) | Data::Int(_)))
                    .map(|(_, v)| number(Some(v)))
                    .expect("a control value");
                (text(sheet.get(&(row, 0))), value)
            })
            .collect(),
    )
}

/// The Receivable sheet's figure beside a label of column A.
fn figure(workbook: &Path, label: &str) -> f64 {
    let sheet = cells(workbook, "Receivable");
    let row = (sheet.iter())
        .find(|(&(_, col), v)| col == 0 && matches!(v, Data::String(s) if s == label))
        .map(|(&(row, _), _)| row)
        .unwrap_or_else(|| panic!("no row {label:?}"));
    number(sheet.get(&(row, 1)))
}

fn workbook_in(out: &Path) -> PathBuf {
    (std::fs::read_dir(out).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .expect("a workbook")
}

#[test]
fn payments_of_opening_and_earlier_invoices_are_known_and_the_ledger_ties_out() {
    let case = november_case(CONFIG);
    let november = case.run_into(&case.dir.path().join("out-11"), &[], &[]);
    november.assert_success();
    let said = format!("{}{}", november.stdout, november.stderr);
    assert!(!said.contains("payment_unknown_invoice"), "{said}");
    assert!(
        said.contains("Tie-out with Plannit (comptes-clients-2026-11-30.csv, at 2026-11-30): 2 open invoices compared, no difference"),
        "{said}"
    );
    // The opening invoice's payment credits the receivable like any other.
    let mut expected = standard_sums();
    *expected.get_mut("1020").unwrap() += rust_decimal::Decimal::new(30000, 2);
    *expected.get_mut("1210").unwrap() -= rust_decimal::Decimal::new(30000, 2);
    assert_eq!(november.account_sums(), expected);
    let workbook = workbook_in(&case.dir.path().join("out-11"));
    assert_eq!(
        figure(&workbook, "Opening balance (before this batch)"),
        1534.56
    );
    // 1 534.56 + 114.98 + 229.95 + 1 419.44 − 344.93 − 1 000.00 − 300.00
    assert_eq!(figure(&workbook, "Closing balance"), 1654.0);
    assert_eq!(figure(&workbook, "Payments received"), -1644.93);
    // One row per open invoice, by customer, aged at November 30.
    let open = cells(&workbook, "Open items");
    let invoices: Vec<(String, String, f64)> = (1..)
        .map_while(|row| {
            let customer = text(open.get(&(row, 0)));
            (!customer.is_empty() && customer != "Total").then(|| {
                (
                    customer,
                    text(open.get(&(row, 1))),
                    number(open.get(&(row, 8))),
                )
            })
        })
        .collect();
    assert_eq!(
        invoices,
        [
            ("Bouchard & Fils".to_string(), "F-2".to_string(), 419.44),
            ("Gagnon, Luc".to_string(), "O-2".to_string(), 1234.56)
        ]
    );
    // O-2, of July 20, is over 90 days old at November 30.
    assert_eq!(number(open.get(&(2, 7))), 1234.56);
    let sheet = cells(&workbook, "Receivable");
    let labels: Vec<String> = (sheet.iter())
        .filter(|(&(_, col), _)| col == 0)
        .map(|(_, v)| text(Some(v)))
        .collect();
    for expected in ["Bouchard & Fils", "Gagnon, Luc", "Total receivable"] {
        assert!(labels.iter().any(|l| l == expected), "{labels:?}");
    }
    if let Some(controls) = receivable_controls(&workbook) {
        assert_eq!(controls.len(), 2, "{controls:?}");
        for (label, difference) in controls {
            assert!(difference.abs() < 0.005, "{label}: {difference}");
        }
    }

    write_december(&case, true);
    let december = case.run_into(&case.dir.path().join("out-12"), &[], &[]);
    december.assert_success();
    let said = format!("{}{}", december.stdout, december.stderr);
    assert!(!said.contains("payment_unknown_invoice"), "{said}");
    assert!(
        said.contains("1 open invoice compared, no difference"),
        "{said}"
    );
    let workbook = workbook_in(&case.dir.path().join("out-12"));
    assert_eq!(
        figure(&workbook, "Opening balance (before this batch)"),
        1654.0
    );
    assert_eq!(figure(&workbook, "Closing balance"), 114.98);
}

/// A payment missing from the payments report: the invoice stays open in
/// the ledger while Plannit shows it paid. A warning naming it (exit 0),
/// or with `tie_out = "error"` a refused batch (exit 1).
#[test]
fn a_tie_out_finds_a_payment_missing_from_the_exports() {
    let strict = format!("{CONFIG}\n[receivable]\ntie_out = \"error\"\n");
    let case = november_case(&strict);
    case.run_into(&case.dir.path().join("out-11"), &[], &[])
        .assert_success();
    write_december(&case, false);
    let refused = case.run_into(&case.dir.path().join("out-12"), &[], &[]);
    refused.assert_rejected(&[
        "[receivable_tie_out]",
        "Bouchard & Fils, invoice F-2: Plannit 0.00, ledger 419.44 (difference -419.44)",
        "a payment, credit note or voided invoice is probably missing from the exports",
    ]);

    std::fs::write(case.file("plannit2sage.toml"), CONFIG).unwrap();
    let warned = case.run_into(&case.dir.path().join("out-12b"), &["--lang", "fr"], &[]);
    assert_eq!(warned.code, 0, "{}{}", warned.stdout, warned.stderr);
    let said = format!("{}{}", warned.stdout, warned.stderr);
    assert!(
        said.contains(
            "Bouchard & Fils, facture F-2 : Plannit 0,00, grand livre auxiliaire 419,44 (écart -419,44)"
        ),
        "{said}"
    );
    assert!(
        said.contains("2 factures ouvertes comparées, 1 écart, -419,44 au total"),
        "{said}"
    );
    let workbook = workbook_in(&case.dir.path().join("out-12b"));
    let recalculated = recalculate(&workbook);
    let sheet = cells(
        recalculated.as_deref().unwrap_or(&workbook),
        "Comptes clients",
    );
    let total_row = (sheet.iter())
        .find(|(_, v)| matches!(v, Data::String(s) if s.starts_with("Total (l'écart")))
        .map(|(&(row, _), _)| row)
        .expect("the tie-out's total");
    assert_eq!(number(sheet.get(&(total_row, 4))), -419.44);
}

/// A report alone makes no batch: the tie-out is made and recorded.
#[test]
fn an_accounts_receivable_report_alone_is_a_control_not_a_batch() {
    let case = november_case(CONFIG);
    for name in ["ventes.xlsx", "paiements.csv"] {
        std::fs::remove_file(case.file(name)).unwrap();
    }
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 0, "{}{}", outcome.stdout, outcome.stderr);
    assert!(outcome.sage_files.is_empty());
    assert!(
        outcome
            .stdout
            .contains("Nothing to post: an accounts-receivable report is a control"),
        "{}",
        outcome.stdout
    );
    // Only the opening balance is in the ledger: O-1 (300.00) is open in
    // the ledger and not in Plannit's report; F-2 is in Plannit's only.
    assert!(
        outcome
            .stdout
            .contains("3 open invoices compared, 2 differences"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stderr
            .contains("this invoice is neither in the export history nor in the opening balance"),
        "{}",
        outcome.stderr
    );
    let history = plannit2sage::history::History::open(
        &history_file(&case),
        std::time::Duration::from_secs(1),
    )
    .unwrap();
    let recorded = history
        .last_tie_out()
        .unwrap()
        .expect("the tie-out recorded");
    assert_eq!(recorded.differences, 2);
    assert_eq!(recorded.batch, None);
}

/// The opening balance is listed, refused twice, and voidable; without it,
/// a payment of an opening invoice is an invoice found nowhere.
#[test]
fn the_opening_balance_is_listed_voidable_and_unique() {
    let case = november_case(CONFIG);
    let listed = String::from_utf8_lossy(&case.history(&[]).stdout).into_owned();
    assert!(
        listed.contains(
            "opening-2026-10-31-1  done  opening balance at 2026-10-31: 2 invoices, 1,534.56"
        ),
        "{listed}"
    );
    let report = case.dir.path().join("comptes-clients-2026-10-31.xlsx");
    let again = case.history(&["opening", report.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr)
        .contains("an opening balance is already recorded (opening-2026-10-31-1)"));
    let voided = case.history(&["void", "opening-2026-10-31-1", "--yes"]);
    assert!(voided.status.success());
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome.stderr.contains("[payment_unknown_invoice]"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stderr.contains("invoice O-1, which is neither in this drop's sales report, nor in the export history, nor in the opening balance"), "{}", outcome.stderr);
}

/// Bad opening reports are refused with what to fix.
#[test]
fn an_opening_needs_a_receivable_report_and_its_date() {
    let case = Case::new(CONFIG);
    let sales = case.dir.path().join("ventes.xlsx");
    write_xlsx(&sales, &[("Ventes", standard_sales_rows_fr())]);
    let refused = case.history(&["opening", sales.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("this is not Plannit's accounts-receivable report"));
    let undated = case.dir.path().join("ar.csv");
    std::fs::write(
        &undated,
        "Customer,Invoice #,Invoice date,Balance\nA,F-9,2026-10-01,10.00\n",
    )
    .unwrap();
    let refused = case.history(&["opening", undated.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("say which day its balances are at with --as-of YYYY-MM-DD"));
    let dated = case.history(&[
        "opening",
        undated.to_str().unwrap(),
        "--as-of",
        "2026-10-31",
    ]);
    assert!(
        dated.status.success(),
        "{}",
        String::from_utf8_lossy(&dated.stderr)
    );
    let mismatch = case.dir.path().join("ar-titled.csv");
    std::fs::write(
        &mismatch,
        "As of 10/31/2026\nCustomer,Invoice #,Invoice date,Balance\nA,F-9,2026-10-01,10.00\n",
    )
    .unwrap();
    let refused = case.history(&[
        "opening",
        mismatch.to_str().unwrap(),
        "--as-of",
        "2026-09-30",
    ]);
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("the report's title gives 2026-10-31 but --as-of says 2026-09-30"));
}

/// In a drop folder, a report that arrives alone is tied out and filed in
/// archive/ with its result: no batch, nothing rejected.
#[test]
fn watch_files_a_lone_accounts_receivable_report_as_a_control() {
    let dir = crate::watch::drop_folder();
    let root = dir.path();
    write_opening_report(&root.join("inbox").join("comptes-clients.xlsx"));
    let output = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "control (comptes-clients.xlsx): accounts-receivable report tied out against \
             the sub-ledger, nothing to post, 2 warnings"
        ),
        "{stdout}"
    );
    assert!(crate::watch::sage_files(root).is_empty());
    assert!(file_names(&root.join("rejected")).is_empty());
    let log = crate::watch::log_lines(root);
    assert_eq!(log[0]["status"], "controlled");
    let filed = file_names(&root.join("archive"));
    assert_eq!(filed.len(), 1);
    assert!(filed[0].ends_with("-control"), "{filed:?}");
    // The tie-out's workbook is filed with the report.
    assert_eq!(
        file_names(&root.join("archive").join(&filed[0])),
        [
            "comptes-clients.xlsx",
            "reconciliation-control-2026-10-31.xlsx"
        ]
    );
    let history = plannit2sage::history::History::open(
        &root.join("plannit2sage.sqlite"),
        std::time::Duration::from_secs(1),
    )
    .unwrap();
    let recorded = history.last_tie_out().unwrap().expect("tie-out recorded");
    assert_eq!(recorded.batch, None);
}
