//! Invoices voided in Plannit: never posted when never exported, reversed
//! (or written off as a bad debt, with the GST/QST of the unpaid part
//! recovered) when exported earlier, once; drafts never posted.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::fixtures::*;
use crate::workbook::{cells, number, recalculated_values_match, text};

/// The standard sales rows with a status column: `status(invoice)` gives each.
fn sales_with_status(status: impl Fn(&str) -> &'static str) -> Vec<Vec<V>> {
    let mut rows = standard_sales_rows_fr();
    rows[0].push(T("Statut"));
    for row in rows.iter_mut().skip(1) {
        let V::T(invoice) = row[0] else { panic!() };
        row.push(T(status(invoice)));
    }
    rows
}

/// F-1 and F-2 exported, with only R-1 (F-1's payment) or both payments.
fn first_batch(config: &str, both_payments: bool) -> Case {
    let case = Case::new(config);
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", sales_with_status(|_| "Envoyée"))],
    );
    let payments: Vec<&str> = STANDARD_PAYMENTS_CSV
        .lines()
        .take(if both_payments { 3 } else { 2 })
        .collect();
    std::fs::write(case.file("paiements.csv"), payments.join("\n") + "\n").unwrap();
    case.run_into(&case.dir.path().join("out-1"), &[], &[])
        .assert_success();
    std::fs::remove_file(case.file("paiements.csv")).unwrap();
    case
}

/// The same sales report again, F-2 voided in Plannit.
fn void_f2(case: &Case) {
    let rows = sales_with_status(|invoice| {
        if invoice == "F-2" {
            "Annulée"
        } else {
            "Payée"
        }
    });
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
}

fn round(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[test]
fn an_exported_unpaid_invoice_voided_in_plannit_is_reversed_once() {
    let case = first_batch(CONFIG, false);
    void_f2(&case);
    let voided = case.run_into(&case.dir.path().join("out-2"), &[], &[]);
    voided.assert_success();
    // Exactly the opposite of what F-2 posted: 1 419.44 = 1 234.56 + 61.73 + 123.15.
    assert_eq!(
        voided.account_sums(),
        sums(&[
            ("1210", "-1419.44"),
            ("2420", "61.73"),
            ("2500", "123.15"),
            ("4002", "1234.56")
        ])
    );
    assert!(
        voided.sage_text().contains("\"F-2\",\"Annul. F-2\""),
        "{}",
        voided.sage_text()
    );
    assert!(
        voided
            .stdout
            .contains("invoice F-2 voided in Plannit: reversed (exported in batch"),
        "{}",
        voided.stdout
    );
    assert!(
        !voided.stderr.contains("document_disappeared"),
        "{}",
        voided.stderr
    );
    // The next run knows it was reversed: nothing to post.
    let again = case.run_into(&case.dir.path().join("out-3"), &[], &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.sage_files.is_empty());
    assert!(again.stdout.contains("Nothing new"), "{}", again.stdout);
}

/// F-2: 1 419.44 with GST 61.73 and QST 123.15, 1 000.00 paid: 419.44 is
/// written off, and the taxes of that part recovered.
#[test]
fn a_partly_paid_voided_invoice_is_written_off_with_its_taxes_recovered() {
    let config = format!(
        "{}\n[policy]\nvoided_invoices = \"bad_debt\"\n",
        CONFIG.replace(
            "[accounts]\n",
            "[accounts]\nbad_debts = \"5410\"\nqst_adjustments = \"2510\"\n"
        )
    );
    let case = first_batch(&config, true);
    void_f2(&case);
    let out = case.dir.path().join("out-2");
    let written_off = case.run_into(&out, &[], &[]);
    written_off.assert_success();
    let (total, unpaid) = (Decimal::new(141944, 2), Decimal::new(41944, 2));
    let gst = round(Decimal::new(6173, 2) * unpaid / total);
    let qst = round(Decimal::new(12315, 2) * unpaid / total);
    assert_eq!((gst, qst), (Decimal::new(1824, 2), Decimal::new(3639, 2)));
    let expense = unpaid - gst - qst;
    let expected: BTreeMap<String, Decimal> = [
        ("1210", -unpaid),
        ("2420", gst),
        ("2510", qst),
        ("5410", expense),
    ]
    .into_iter()
    .map(|(a, v)| (a.to_string(), v))
    .collect();
    assert_eq!(written_off.account_sums(), expected);
    assert!(written_off.sage_text().contains("\"Mauv. créance F-2\""));
    let workbook = (std::fs::read_dir(&out).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    let sheet = cells(&workbook, "Bad debts");
    assert_eq!(text(sheet.get(&(1, 0))), "F-2");
    let figures: Vec<f64> = (3..12).map(|col| number(sheet.get(&(1, col)))).collect();
    assert_eq!(
        figures,
        [1419.44, 419.44, 61.73, 123.15, 0.0, 18.24, 36.39, 0.0, 364.81]
    );
    recalculated_values_match(&workbook);
}

/// Past four years after the invoice, its unpaid part is written off without
/// the taxes, with a warning saying why.
#[test]
fn a_bad_debt_past_four_years_recovers_no_tax() {
    let config = format!(
        "{}\n[policy]\nvoided_invoices = \"bad_debt\"\n",
        CONFIG.replace("[accounts]\n", "[accounts]\nbad_debts = \"5410\"\n")
    );
    let case = Case::new(&config);
    let mut rows = sales_with_status(|_| "Envoyée");
    rows.truncate(2);
    rows[1][1] = D(2022, 6, 1);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows.clone())]);
    case.run_into(&case.dir.path().join("out-1"), &[], &[])
        .assert_success();
    // F-1 voided, with a new invoice of November 2026 in the same drop.
    rows[1][9] = T("Annulée");
    let mut new = standard_sales_rows_fr()[3].clone();
    new.push(T("Envoyée"));
    rows.push(new);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    let outcome = case.run_into(&case.dir.path().join("out-2"), &[], &[]);
    outcome.assert_success();
    assert!(
        outcome.stderr.contains("[bad_debt_tax_not_recovered]"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("more than four years old"),
        "{}",
        outcome.stderr
    );
    let sums = outcome.account_sums();
    // F-1 (114.98) written off whole to the expense; F-2 posted as usual.
    assert_eq!(sums["5410"], Decimal::new(11498, 2));
    assert_eq!(sums["1210"], Decimal::new(141944 - 11498, 2));
    assert_eq!(sums["2420"], Decimal::new(-6173, 2));
}

/// A voided invoice never exported posts nothing, its rows counted as
/// voided; a draft never posts.
#[test]
fn voided_and_draft_invoices_never_exported_post_nothing() {
    let case = Case::new(CONFIG);
    let rows = sales_with_status(|invoice| {
        if invoice == "F-1" {
            "Brouillon"
        } else {
            "Void"
        }
    });
    let mut rows = rows;
    let mut ordinary = standard_sales_rows_fr()[3].clone();
    ordinary[0] = T("F-3");
    ordinary.push(T("Sent"));
    rows.push(ordinary);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    let outcome = case.run(&[]);
    outcome.assert_success();
    // Only F-3 (a copy of F-2's line) posts.
    assert_eq!(outcome.account_sums()["1210"], Decimal::new(141944, 2));
    assert!(
        outcome
            .stdout
            .contains("5 rows read: 1 posted, 3 skipped, 1 voided"),
        "{}",
        outcome.stdout
    );
    let rows_read = cells(&crate::workbook::workbook_path(&case), "Rows read");
    let header: Vec<String> = (0..12).map(|c| text(rows_read.get(&(0, c)))).collect();
    let column = |name: &str| header.iter().position(|h| h.starts_with(name)).unwrap() as u32;
    assert_eq!(number(rows_read.get(&(1, column("Voided")))), 1.0);
    // The header row and the draft's two lines are skipped.
    assert_eq!(number(rows_read.get(&(1, column("Skipped")))), 3.0);
    assert_eq!(number(rows_read.get(&(1, column("Difference")))), 0.0);
}

#[test]
fn the_bad_debt_policy_needs_its_expense_account() {
    let case = Case::new(&format!(
        "{CONFIG}\n[policy]\nvoided_invoices = \"bad_debt\"\n"
    ));
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("name it with [accounts] bad_debts"),
        "{}",
        outcome.stderr
    );
}
