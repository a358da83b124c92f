//! Invoices voided in Plannit under the cash basis: nothing of an unpaid
//! part was ever recognised, so voiding an invoice kept for the cash basis
//! posts nothing under either policy (no revenue to reverse, no bad debt to
//! write off, no tax to recover), says why, and takes the invoice off the
//! unpaid invoices; one posted when issued, before `basis_from`, is reversed
//! or written off as under the accrual basis.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{open_workbook_auto, Reader};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::cash::workbook_in;
use crate::fixtures::*;
use crate::workbook::{cells, recalculated_values_match, text};

/// The fixtures' configuration on the cash basis, with `policy`.
fn cash_config(policy: &str) -> String {
    format!(
        "[sage50]\nbasis = \"cash\"\n{}\n[policy]\nvoided_invoices = \"{policy}\"\n",
        CONFIG.replace("[accounts]\n", "[accounts]\nbad_debts = \"5410\"\n")
    )
}

/// The standard sales (F-1 and F-2, November) and F-3 (80.00 + 4.00 GST +
/// 7.98 QST), each with its status: `voided` is "Annulée", the others "Envoyée".
fn sales(voided: &str) -> Vec<Vec<V>> {
    let mut rows = standard_sales_rows_fr();
    let mut f3 = rows[3].clone();
    f3[0] = T("F-3");
    f3[3] = T("Tonte de pelouse");
    (f3[5], f3[6], f3[7], f3[8]) = (N(80.0), N(4.0), N(7.98), N(91.98));
    rows.push(f3);
    rows[0].push(T("Statut"));
    for row in rows.iter_mut().skip(1) {
        let status = if matches!(row[0], V::T(number) if number == voided) {
            "Annulée"
        } else {
            "Envoyée"
        };
        row.push(T(status));
    }
    rows
}

/// The invoices the "Unpaid invoices" sheet lists.
fn unpaid_invoices(workbook: &Path) -> Vec<String> {
    let sheet = cells(workbook, "Unpaid invoices");
    (1..)
        .map(|r| text(sheet.get(&(r, 0))))
        .take_while(|number| number.starts_with("F-"))
        .collect()
}

/// October's batch under the cash basis: F-1 paid in full, F-2 paid
/// 1 000.00 of 1 419.44, F-3 unpaid. Then F-2 voided in Plannit.
fn paid_then_voided(policy: &str) -> (Case, Outcome) {
    let case = Case::new(&cash_config(policy));
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", sales(""))]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let first = case.run_into(&case.dir.path().join("out-1"), &[], &[]);
    first.assert_success();
    let out = case.dir.path().join("out-1");
    assert_eq!(unpaid_invoices(&workbook_in(&out)), ["F-2", "F-3"]);
    std::fs::remove_file(case.file("paiements.csv")).unwrap();
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", sales("F-2"))]);
    let voided = case.run_into(&case.dir.path().join("out-2"), &[], &[]);
    (case, voided)
}

/// What the history says a batch did with each voided invoice.
fn voided_in_history(case: &Case) -> Vec<(String, String)> {
    let db = rusqlite::Connection::open(case.file("plannit2sage.sqlite")).unwrap();
    let mut statement = db
        .prepare("SELECT doc_key, policy FROM voided_invoices ORDER BY doc_key")
        .unwrap();
    let rows = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn a_voided_invoice_kept_for_the_cash_basis_posts_nothing_and_is_no_longer_owed() {
    let (case, voided) = paid_then_voided("reverse");
    assert_eq!(voided.code, 0, "{}", voided.stderr);
    // Nothing to post: no Sage file, the batch recorded for what it says.
    assert!(voided.sage_files.is_empty(), "{:?}", voided.sage_files);
    assert!(
        voided.stdout.contains(
            "invoice F-2 voided in Plannit: nothing to reverse, the cash basis never \
             recognised its 419.44 unpaid; what was received (1,000.00) stays \
             recognised until it is refunded (exported in batch"
        ),
        "{}",
        voided.stdout
    );
    assert!(!voided.stderr.contains("warning"), "{}", voided.stderr);
    assert_eq!(
        voided_in_history(&case),
        [("invoice:F-2".to_string(), "reverse".to_string())]
    );
    let workbook = workbook_in(&case.dir.path().join("out-2"));
    assert_eq!(unpaid_invoices(&workbook), ["F-3"]);
    let already = cells(&workbook, "Already exported");
    let f2 = (1..)
        .take_while(|r| already.contains_key(&(*r, 0)))
        .find(|r| text(already.get(&(*r, 0))) == "F-2")
        .expect("F-2 among the documents already exported");
    assert_eq!(
        text(already.get(&(f2, 3))),
        "voided in Plannit: nothing to post (cash basis, its unpaid part was never recognised)"
    );
    recalculated_values_match(&workbook);
    // The next run knows it: nothing new, and the unpaid invoices of a later
    // batch (F-3 paid in part) leave F-2 out.
    let again = case.run_into(&case.dir.path().join("out-3"), &[], &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.sage_files.is_empty());
    assert!(again.stdout.contains("Nothing new"), "{}", again.stdout);
    std::fs::write(
        case.file("paiements.csv"),
        "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
         2026-11-20,R-3,F-3,Bouchard & Fils,Paiement,Virement,40.00\n",
    )
    .unwrap();
    let later = case.run_into(&case.dir.path().join("out-4"), &[], &[]);
    later.assert_success();
    assert_eq!(later.account_sums()["1020"], Decimal::new(4000, 2));
    assert!(!later.stdout.contains("F-2 voided"), "{}", later.stdout);
    assert_eq!(
        unpaid_invoices(&workbook_in(&case.dir.path().join("out-4"))),
        ["F-3"]
    );
    assert_eq!(voided_in_history(&case).len(), 1);
}

/// Under the cash basis the bad-debt policy has nothing to write off: the
/// unpaid part was never recognised as revenue, nor its taxes collected.
#[test]
fn the_bad_debt_policy_writes_nothing_off_an_invoice_kept_for_the_cash_basis() {
    let (case, voided) = paid_then_voided("bad_debt");
    assert_eq!(voided.code, 0, "{}", voided.stderr);
    assert!(voided.sage_files.is_empty(), "{:?}", voided.sage_files);
    assert!(
        voided.stdout.contains(
            "invoice F-2 voided in Plannit: no bad debt to write off and no tax to \
             recover, the cash basis never recognised its 419.44 unpaid; what was \
             received (1,000.00) stays recognised until it is refunded"
        ),
        "{}",
        voided.stdout
    );
    assert!(!voided.stderr.contains("bad_debt"), "{}", voided.stderr);
    let workbook = workbook_in(&case.dir.path().join("out-2"));
    let names = open_workbook_auto(&workbook).unwrap().sheet_names();
    assert!(!names.iter().any(|n| n == "Bad debts"), "{names:?}");
    assert_eq!(unpaid_invoices(&workbook), ["F-3"]);
    assert_eq!(
        voided_in_history(&case),
        [("invoice:F-2".to_string(), "bad_debt".to_string())]
    );
    // An unpaid invoice voided: nothing was received either; in French.
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", sales("F-3"))]);
    let f3 = case.run_into(&case.dir.path().join("out-3"), &["--lang", "fr"], &[]);
    assert_eq!(f3.code, 0, "{}", f3.stderr);
    assert!(
        f3.stdout.contains(
            "facture F-3 annulée dans Plannit : aucune mauvaise créance à radier ni taxe \
             à récupérer, la comptabilité de caisse n'a jamais constaté son impayé de \
             91,98 (exportée dans le lot"
        ),
        "{}",
        f3.stdout
    );
}

/// With `basis_from`, an invoice posted when issued (accrual) and voided
/// after the change is written off from the receivable as under the accrual
/// basis: each invoice follows the basis it was posted under.
#[test]
fn an_invoice_posted_when_issued_is_written_off_after_the_switch_to_cash() {
    let accrual = cash_config("bad_debt").replace("basis = \"cash\"\n", "");
    let case = Case::new(&accrual);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", sales(""))]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case.run_into(&case.dir.path().join("out-1"), &[], &[])
        .assert_success();
    std::fs::remove_file(case.file("paiements.csv")).unwrap();
    let cash = cash_config("bad_debt").replace(
        "basis = \"cash\"",
        "basis = \"cash\"\nbasis_from = \"2026-12-01\"",
    );
    std::fs::write(case.file("plannit2sage.toml"), cash).unwrap();
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", sales("F-2"))]);
    let out = case.dir.path().join("out-2");
    let written_off = case.run_into(&out, &[], &[]);
    written_off.assert_success();
    // 419.44 unpaid of 1 419.44: GST and QST recovered in proportion.
    let (total, unpaid) = (Decimal::new(141944, 2), Decimal::new(41944, 2));
    let round = |v: Decimal| v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let gst = round(Decimal::new(6173, 2) * unpaid / total);
    let qst = round(Decimal::new(12315, 2) * unpaid / total);
    let expected: BTreeMap<String, Decimal> = [
        ("1210", -unpaid),
        ("2420", gst),
        ("2500", qst),
        ("5410", unpaid - gst - qst),
    ]
    .into_iter()
    .map(|(a, v)| (a.to_string(), v))
    .collect();
    assert_eq!(written_off.account_sums(), expected);
    assert!(
        written_off
            .stdout
            .contains("invoice F-2 voided in Plannit: 419.44 unpaid written off as a bad debt"),
        "{}",
        written_off.stdout
    );
    recalculated_values_match(&workbook_in(&out));
}
