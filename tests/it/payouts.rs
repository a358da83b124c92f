//! Plannit Pay payouts, customer deposits, tips and bounced payments, with
//! per-account figures computed by hand.

use crate::fixtures::*;
use crate::workbook::{cells, number, recalculated_values_match, text, workbook_path};

fn config(extra_accounts: &str) -> String {
    CONFIG.replace(
        "hst = \"2430\"\n",
        &format!(
            "hst = \"2430\"\nplannit_pay_clearing = \"1030\"\nprocessing_fees = \"5310\"\n{extra_accounts}"
        ),
    )
}

/// R-1 by transfer, R-2 (F-2) and R-3 (F-1) through Plannit Pay.
const PAYMENTS_CSV: &str = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Virement,344.93\n\
2026-11-07,R-2,F-2,Bouchard & Fils,Paiement,Plannit Pay,\"1,000.00\"\n\
2026-11-07,R-3,F-1,\"Lavoie, Anne\",Paiement,Plannit Pay - Carte,100.00\n";

/// Payout PO-1 of the 9th pays out R-2: 1 000.00 less 2.9 % + 0.30 = 29.30.
fn payout_rows_fr(payout_amount: f64) -> Vec<Vec<V>> {
    vec![
        vec![T("Rapport de conciliation des paiements de Plannit Pay")],
        [
            "Date du versement",
            "No versement",
            "Montant du versement",
            "No facture",
            "Client",
            "Montant brut",
            "Frais",
            "Montant net",
        ]
        .iter()
        .map(|h| T(h))
        .collect(),
        vec![
            D(2026, 11, 9),
            T("PO-1"),
            N(payout_amount),
            T("F-2"),
            T("Bouchard & Fils"),
            N(1000.0),
            N(29.30),
            N(970.70),
        ],
    ]
}

const PAYOUTS_CSV_EN: &str =
    "Payout date,Payout #,Payout amount,Invoice #,Customer,Gross amount,Fee,Net amount\n\
2026-11-09,PO-1,970.70,F-2,Bouchard & Fils,1000.00,29.30,970.70\n";

fn payouts_case(payouts: impl Fn(&Case)) -> Case {
    let case = Case::new(&config(""));
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), PAYMENTS_CSV).unwrap();
    payouts(&case);
    case
}

/// Invoices 1 764.37; received 344.93 + 1 000.00 + 100.00 = 1 444.93.
fn expected_with_payout() -> std::collections::BTreeMap<String, rust_decimal::Decimal> {
    sums(&[
        // 344.93 + the payout's 970.70
        ("1020", "1315.63"),
        // 1 100.00 received through Plannit Pay − 1 000.00 paid out
        ("1030", "100.00"),
        ("1210", "319.44"),
        ("2420", "-76.73"),
        ("2500", "-153.08"),
        ("4001", "-300.00"),
        ("4002", "-1234.56"),
        ("5310", "29.30"),
    ])
}

#[test]
fn a_payout_clears_the_payments_it_pays_out_in_french_xlsx_and_english_csv() {
    for english_csv in [false, true] {
        let case = payouts_case(|case| {
            if english_csv {
                std::fs::write(case.file("payouts.csv"), PAYOUTS_CSV_EN).unwrap();
            } else {
                write_xlsx(
                    &case.file("versements.xlsx"),
                    &[("Versements", payout_rows_fr(970.70))],
                );
            }
        });
        let outcome = case.run(&[]);
        outcome.assert_success();
        assert_eq!(
            outcome.account_sums(),
            expected_with_payout(),
            "{english_csv}"
        );
        assert!(
            outcome.stdout.contains("payouts report")
                && outcome.stdout.contains("rows read: 1 posted"),
            "{}",
            outcome.stdout
        );

        // In transit: R-3's 100.00, waiting since the 7th.
        let path = workbook_path(&case);
        let sheet = cells(&path, "Plannit Pay");
        assert_eq!(number(sheet.get(&(2, 1))), 0.0, "opening");
        assert_eq!(number(sheet.get(&(3, 1))), 1100.0, "received");
        assert_eq!(number(sheet.get(&(4, 1))), 1000.0, "paid out");
        assert!(
            (number(sheet.get(&(5, 1))) - 100.0).abs() < 0.001,
            "closing"
        );
        assert_eq!(number(sheet.get(&(7, 1))), 0.0, "control");
        assert_eq!(text(sheet.get(&(11, 1))), "F-1");
        assert!((number(sheet.get(&(11, 3))) - 100.0).abs() < 0.001);
        assert_eq!(
            number(sheet.get(&(11, 4))),
            2.0,
            "days waiting: the 7th to the 9th"
        );
        recalculated_values_match(&path);
    }
}

#[test]
fn a_payout_whose_amount_is_not_gross_less_fees_is_refused() {
    let case = payouts_case(|case| {
        write_xlsx(
            &case.file("versements.xlsx"),
            &[("Versements", payout_rows_fr(980.00))],
        );
    });
    case.run(&[]).assert_rejected(&[
        "[payout_amount_mismatch]",
        "payout PO-1: its amount 980.00 is not the gross 1,000.00 less the fees 29.30 of its rows (970.70)",
    ]);
}

#[test]
fn a_payout_exported_twice_is_posted_once() {
    let case = payouts_case(|case| {
        std::fs::write(case.file("payouts.csv"), PAYOUTS_CSV_EN).unwrap();
    });
    case.run(&[]).assert_success();
    // The next week's export repeats PO-1 and adds PO-2, paying out R-3.
    std::fs::remove_file(case.file("ventes.xlsx")).unwrap();
    std::fs::remove_file(case.file("paiements.csv")).unwrap();
    std::fs::write(
        case.file("payouts.csv"),
        format!("{PAYOUTS_CSV_EN}2026-11-12,PO-2,96.80,F-1,\"Lavoie, Anne\",100.00,3.20,96.80\n"),
    )
    .unwrap();
    let outcome = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    outcome.assert_success();
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1020", "96.80"), ("1030", "-100.00"), ("5310", "3.20")])
    );
    assert!(
        outcome
            .stdout
            .contains("1 payout already exported in batch"),
        "{}",
        outcome.stdout
    );
    // The clearing account is empty again: 100.00 opening, 100.00 paid out.
    let sheet = cells(
        &workbook_path_in(&case.dir.path().join("out2")),
        "Plannit Pay",
    );
    assert!(
        (number(sheet.get(&(2, 1))) - 100.0).abs() < 0.001,
        "opening"
    );
    assert_eq!(number(sheet.get(&(5, 1))), 0.0, "closing");
}

fn workbook_path_in(out: &std::path::Path) -> std::path::PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap()
}

#[test]
fn a_payouts_report_without_a_clearing_account_is_a_setup_error() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("payouts.csv"), PAYOUTS_CSV_EN).unwrap();
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("[accounts] plannit_pay_clearing or processing_fees is not set"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_plannit_pay_method_mapped_elsewhere_is_a_setup_error() {
    let case =
        Case::new(&config("").replace("\"Plannit Pay\" = \"1030\"", "\"Plannit Pay\" = \"1020\""));
    std::fs::write(case.file("paiements.csv"), PAYMENTS_CSV).unwrap();
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains(
            "Plannit Pay payments are received in [accounts] plannit_pay_clearing (1030)"
        ),
        "{}",
        outcome.stderr
    );
}

const DEPOSIT_CSV: &str = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
2026-11-01,DEP-1,,Bouchard & Fils,Dépôt,Chèque,500.00\n";
const APPLIED_CSV: &str = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
2026-11-05,DAP-1,F-2,Bouchard & Fils,Dépôt appliqué,,500.00\n";

#[test]
fn deposits_are_a_liability_until_applied_when_configured() {
    let case = Case::new(&config("customer_deposits = \"2700\"\n"));
    std::fs::write(case.file("paiements.csv"), DEPOSIT_CSV).unwrap();
    let first = case.run(&[]);
    first.assert_success();
    assert_eq!(
        first.account_sums(),
        sums(&[("1020", "500.00"), ("2700", "-500.00")])
    );
    // Applied to F-2 a few days later: from the liability to the receivable.
    std::fs::write(case.file("paiements.csv"), APPLIED_CSV).unwrap();
    let second = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    second.assert_success();
    assert_eq!(
        second.account_sums(),
        sums(&[("1210", "-500.00"), ("2700", "500.00")])
    );
}

#[test]
fn without_a_deposits_account_an_applied_deposit_posts_nothing_and_says_why() {
    let case = Case::new(&config(""));
    std::fs::write(
        case.file("paiements.csv"),
        format!("{DEPOSIT_CSV}2026-11-05,DAP-1,F-2,Bouchard & Fils,Deposit applied,,500.00\n"),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1020", "500.00"), ("1210", "-500.00")])
    );
    assert!(
        outcome
            .stderr
            .contains("1 applied-deposit row posts nothing"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stdout.contains("rows read: 1 posted"),
        "{}",
        outcome.stdout
    );
}

const TIP_CSV: &str =
    "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant,Pourboire\n\
2026-11-06,R-9,F-1,\"Lavoie, Anne\",Paiement,Virement,115.00,15.00\n";

#[test]
fn a_tip_goes_to_its_account_never_to_revenue_or_the_receivable() {
    let case = Case::new(&config("tips = \"2450\"\n"));
    std::fs::write(case.file("paiements.csv"), TIP_CSV).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1020", "115.00"), ("1210", "-100.00"), ("2450", "-15.00")])
    );
    // Without a tips account: the fix is in the configuration.
    let case = Case::new(&config(""));
    std::fs::write(case.file("paiements.csv"), TIP_CSV).unwrap();
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("set [accounts] tips"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_bounced_payment_reverses_it() {
    let case = Case::new(&config(""));
    let header = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n";
    std::fs::write(
        case.file("paiements.csv"),
        format!("{header}2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Chèque,344.93\n"),
    )
    .unwrap();
    case.run(&[]).assert_success();
    for (kind, out) in [("Chèque sans provision", "out2"), ("NSF", "out3")] {
        std::fs::write(
            case.file("paiements.csv"),
            format!("{header}2026-11-10,R-1,F-1,\"Lavoie, Anne\",{kind},Chèque,344.93\n"),
        )
        .unwrap();
        let outcome = case.run_into(&case.dir.path().join(out), &[], &[]);
        if out == "out2" {
            outcome.assert_success();
            assert_eq!(
                outcome.account_sums(),
                sums(&[("1020", "-344.93"), ("1210", "344.93")])
            );
        } else {
            // The same voided payment again: already exported.
            assert!(outcome.stdout.contains("Nothing new"), "{}", outcome.stdout);
        }
    }
}
