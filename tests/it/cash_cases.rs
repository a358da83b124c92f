//! The cash basis's other cases on real files: a bounced payment and the
//! tax detail, invoices recorded alone, a change of basis, a deposit without
//! its account, the lock date, an invoice changed since its lines were
//! recorded; payouts, fees and tips as under the accrual basis; an
//! overpayment; the tie-out with Plannit's accounts-receivable report.

use std::collections::BTreeMap;

use rust_decimal::RoundingStrategy;

use crate::cash::*;
use crate::fixtures::*;
use crate::workbook::{cells, number, recalculated_values_match, text};

/// One invoice paid in part, the payment bounced, then paid in full, one
/// entry per document with the tax detail: the bounced payment reverses
/// its payment's own shares, the TAXD lines carry the revenue each payment
/// recognises, and the invoice ends posting exactly its lines.
#[test]
fn a_bounced_payment_reverses_its_shares_and_the_tax_detail_follows() {
    let config = cash_config().replace("[sage50]\n", "[sage50]\ntax_detail = true\n");
    let case = Case::new(&config);
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(
        case.file("paiements.csv"),
        format!(
            "{PAYMENTS_HEADER}2026-11-06,R-2,F-2,Bouchard & Fils,Paiement,Virement,500.00\n\
             2026-11-07,N-2,F-2,Bouchard & Fils,NSF,Virement,-500.00\n\
             2026-11-08,R-3,F-2,Bouchard & Fils,Paiement,Virement,1419.44\n"
        ),
    )
    .unwrap();
    let outcome = case.run(&["--granularity", "document"]);
    outcome.assert_success();
    let mut f2 = Invoice::new("4002", "1234.56", "61.73", "123.15");
    let part = f2.pay("500.00");
    let share = |account: &str| part.iter().find(|(a, _)| *a == account).unwrap().1;
    let taxable = |paid: &str| {
        (d("1234.56") * d(paid) / d("1419.44"))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    let text = outcome.sage_text();
    let lines: Vec<&str> = text.split("\r\n").collect();
    let entry = |source: &str| -> Vec<&str> {
        let at = lines
            .iter()
            .position(|l| l.contains(&format!("\"{source}\"")))
            .unwrap();
        lines[at + 1..]
            .iter()
            .take_while(|l| !l.contains('"') && !l.is_empty())
            .copied()
            .collect()
    };
    assert_eq!(
        entry("R-2"),
        [
            "TAXH,2,0".to_string(),
            format!(
                "TAXD,2420,TPS,GQ,{},{},0.00",
                taxable("500.00"),
                share("2420")
            ),
            format!(
                "TAXD,2500,TVQ,GQ,{},{},0.00",
                taxable("500.00"),
                share("2500")
            ),
            "1020,500.00".into(),
            format!("2420,-{}", share("2420")),
            format!("2500,-{}", share("2500")),
            format!("4002,-{}", share("4002")),
        ]
    );
    assert_eq!(
        entry("N-2"),
        [
            "TAXH,2,0".to_string(),
            format!(
                "TAXD,2420,TPS,GQ,-{},-{},0.00",
                taxable("500.00"),
                share("2420")
            ),
            format!(
                "TAXD,2500,TVQ,GQ,-{},-{},0.00",
                taxable("500.00"),
                share("2500")
            ),
            format!("2420,{}", share("2420")),
            format!("2500,{}", share("2500")),
            format!("4002,{}", share("4002")),
            "1020,-500.00".into(),
        ]
    );
    assert_eq!(
        entry("R-3")[..3],
        [
            "TAXH,2,0".to_string(),
            "TAXD,2420,TPS,GQ,1234.56,61.73,0.00".into(),
            "TAXD,2500,TVQ,GQ,1234.56,123.15,0.00".into(),
        ]
    );
    // F-1 is not paid: it posts nothing, and F-2 exactly its own lines.
    assert_eq!(
        outcome.account_sums(),
        sums(&[
            ("1020", "1419.44"),
            ("2420", "-61.73"),
            ("2500", "-123.15"),
            ("4002", "-1234.56")
        ])
    );
    assert!(!text.contains("\"F-1\""), "{text}");
}

#[test]
fn invoices_alone_are_recorded_and_paid_in_a_later_batch() {
    let case = Case::new(&cash_config());
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    let first = case.run_into(&case.dir.path().join("out1"), &[], &[]);
    assert_eq!(first.code, 0, "{}\n{}", first.stdout, first.stderr);
    assert!(first.sage_files.is_empty(), "{:?}", first.sage_files);
    assert!(
        first.stdout.contains("Nothing to import into Sage 50: under the cash basis an invoice is posted as it is paid. 2 invoices awaiting payment recorded in the export history as batch"),
        "{}",
        first.stdout
    );
    std::fs::remove_file(case.file("ventes.xlsx")).unwrap();
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let second = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    second.assert_success();
    // R-1 settles F-1; R-2 pays 1 000.00 of F-2's 1 419.44.
    let mut f1 = Invoice::new("4001", "300.00", "15.00", "29.93");
    let mut f2 = Invoice::new("4002", "1234.56", "61.73", "123.15");
    let mut expected = BTreeMap::new();
    debit(&mut expected, "1020", "344.93");
    credit(&mut expected, &f1.pay("344.93"));
    debit(&mut expected, "1030", "1000.00");
    credit(&mut expected, &f2.pay("1000.00"));
    assert_eq!(second.account_sums(), settled(expected));
    assert!(
        second.stdout.contains("1 unpaid invoice, 419.44 still due"),
        "{}",
        second.stdout
    );
}

#[test]
fn switching_basis_needs_the_date_it_applies_from() {
    let case = standard_case();
    case.run_into(&case.dir.path().join("out1"), &[], &[])
        .assert_success();
    // December: most of F-2's balance, and F-3 issued and paid in part.
    for name in ["ventes.xlsx", "paiements.csv"] {
        std::fs::remove_file(case.file(name)).unwrap();
    }
    write_cp1252(
        &case.file("ventes.csv"),
        &format!("{SALES_HEADER}F-3,2026-12-02,Roy Luc,Tonte de pelouse,1,80.00,4.00,7.98,91.98\n"),
    );
    std::fs::write(
        case.file("paiements.csv"),
        format!(
            "{PAYMENTS_HEADER}2026-12-03,R-4,F-2,Bouchard & Fils,Paiement,Virement,400.00\n\
             2026-12-04,R-5,F-3,Roy Luc,Paiement,Virement,40.00\n"
        ),
    )
    .unwrap();
    let config = case.file("plannit2sage.toml");
    std::fs::write(&config, cash_config()).unwrap();
    let refused = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("the export history holds batches posted under the accrual basis")
            && refused.stderr.contains("set [sage50] basis_from to the date from which the cash basis applies, after 2026-11-07"),
        "{}",
        refused.stderr
    );
    let too_early = cash_config().replace(
        "basis = \"cash\"",
        "basis = \"cash\"\nbasis_from = 2026-11-05",
    );
    std::fs::write(&config, too_early).unwrap();
    let refused = case.run_into(&case.dir.path().join("out3"), &[], &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("basis_from = \"2026-11-05\" falls before"),
        "{}",
        refused.stderr
    );
    let from = cash_config().replace(
        "basis = \"cash\"",
        "basis = \"cash\"\nbasis_from = \"2026-12-01\"",
    );
    std::fs::write(&config, from).unwrap();
    let out = case.dir.path().join("out4");
    let accepted = case.run_into(&out, &["--lang", "fr"], &[]);
    accepted.assert_success();
    // F-2 was posted when issued: its payment credits the receivable. F-3,
    // issued under the cash basis, recognises 40.00 of 91.98.
    let mut f3 = Invoice::new("4001", "80.00", "4.00", "7.98");
    let mut expected = sums(&[("1020", "440.00"), ("1210", "-400.00")]);
    credit(&mut expected, &f3.pay("40.00"));
    assert_eq!(accepted.account_sums(), settled(expected));
    // The controls hold over both bases at once.
    let workbook = workbook_in(&out);
    for (label, difference) in control_differences(&workbook) {
        assert!(difference.abs() < 0.001, "{label}: {difference}");
    }
    recalculated_values_match(&workbook);
}

#[test]
fn a_deposit_without_its_account_is_a_setup_error() {
    let case = Case::new(&cash_config().replace("customer_deposits = \"2700\"\n", ""));
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}2026-11-01,D-1,,\"Lavoie, Anne\",Dépôt,Chèque,100.00\n"),
    )
    .unwrap();
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(outcome.sage_files.is_empty());
    assert!(
        outcome.stderr.contains(
            "deposit D-1 is received under the cash basis without a customer deposits account"
        ) && outcome.stderr.contains("[accounts] customer_deposits"),
        "{}",
        outcome.stderr
    );
}

/// The lock date applies to the entries: an invoice dated before it posts
/// nothing and passes, a payment dated before it is refused.
#[test]
fn the_lock_date_applies_to_the_payments_entries() {
    let config = cash_config().replace("[sage50]\n", "[sage50]\nlock_before = \"2026-11-05\"\n");
    let case = Case::new(&config);
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    // F-1 is dated 2026-11-02, before the lock date; its payment the 6th.
    case.run(&[]).assert_success();
    let late = Case::new(&config);
    std::fs::write(
        late.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}2026-11-04,R-8,F-1,\"Lavoie, Anne\",Paiement,Virement,10.00\n"),
    )
    .unwrap();
    write_xlsx(
        &late.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    late.run(&[])
        .assert_rejected(&["date_locked", "R-8 (2026-11-04)"]);
}

/// An invoice changed in Plannit after its lines were recorded: refused,
/// or with `--adjust` its new lines recorded, which its payment settles.
#[test]
fn an_invoice_changed_since_its_lines_were_recorded() {
    let case = Case::new(&cash_config());
    let sales = |amount: &str, gst: &str, qst: &str, total: &str| {
        format!("{SALES_HEADER}F-7,2026-11-02,Roy Luc,Tonte de pelouse,1,{amount},{gst},{qst},{total}\n")
    };
    write_cp1252(
        &case.file("ventes.csv"),
        &sales("100.00", "5.00", "9.98", "114.98"),
    );
    let first = case.run_into(&case.dir.path().join("out1"), &[], &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    write_cp1252(
        &case.file("ventes.csv"),
        &sales("120.00", "6.00", "11.97", "137.97"),
    );
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}2026-11-09,R-7,F-7,Roy Luc,Paiement,Virement,137.97\n"),
    )
    .unwrap();
    case.run_into(&case.dir.path().join("out2"), &[], &[])
        .assert_rejected(&[
            "document_changed",
            "invoice F-7 has changed since batch",
            "114.98 → 137.97",
        ]);
    let adjusted = case.run_into(&case.dir.path().join("out3"), &["--adjust"], &[]);
    adjusted.assert_success();
    assert!(
        adjusted.stderr.contains("its new lines are recorded"),
        "{}",
        adjusted.stderr
    );
    assert_eq!(
        adjusted.account_sums(),
        sums(&[
            ("1020", "137.97"),
            ("2420", "-6.00"),
            ("2500", "-11.97"),
            ("4001", "-120.00")
        ])
    );
}

/// Payouts, processing fees and tips post as under the accrual basis: the
/// same drop on either basis gives the same figures on their accounts; only
/// the invoices' revenue and taxes follow the payments.
#[test]
fn payouts_fees_and_tips_are_as_under_the_accrual_basis() {
    let accounts = "hst = \"2430\"\nplannit_pay_clearing = \"1030\"\nprocessing_fees = \"5310\"\ntips = \"2450\"";
    let accrual = CONFIG.replace("hst = \"2430\"", accounts);
    let cash = cash_config().replace("hst = \"2430\"", accounts);
    let mut outcomes = Vec::new();
    for config in [accrual, cash] {
        let case = Case::new(&config);
        write_xlsx(
            &case.file("ventes.xlsx"),
            &[("Ventes", standard_sales_rows_fr())],
        );
        // F-1 paid in full with a 15.00 tip; F-2 paid 1 000.00 through
        // Plannit Pay, paid out on the 9th less 29.30 of fees.
        std::fs::write(
            case.file("paiements.csv"),
            "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant,Pourboire\n\
             2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Virement,359.93,15.00\n\
             2026-11-07,R-2,F-2,Bouchard & Fils,Paiement,Plannit Pay,\"1,000.00\",\n",
        )
        .unwrap();
        std::fs::write(
            case.file("versements.csv"),
            "Payout date,Payout #,Payout amount,Invoice #,Customer,Gross amount,Fee,Net amount\n\
             2026-11-09,PO-1,970.70,F-2,Bouchard & Fils,1000.00,29.30,970.70\n",
        )
        .unwrap();
        let outcome = case.run(&[]);
        outcome.assert_success();
        outcomes.push(outcome.account_sums());
    }
    let (accrual, cash) = (&outcomes[0], &outcomes[1]);
    for account in ["1020", "1030", "2450", "5310"] {
        assert_eq!(
            accrual.get(account),
            cash.get(account),
            "{account}: {accrual:?} {cash:?}"
        );
    }
    assert_eq!(cash["2450"], d("-15.00"));
    assert_eq!(cash["5310"], d("29.30"));
    // Under the cash basis: F-1's own lines, F-2's share of 1 000.00.
    let mut f1 = Invoice::new("4001", "300.00", "15.00", "29.93");
    let mut f2 = Invoice::new("4002", "1234.56", "61.73", "123.15");
    let mut expected = BTreeMap::new();
    debit(&mut expected, "1020", "359.93");
    debit(&mut expected, "2450", "-15.00");
    credit(&mut expected, &f1.pay("344.93"));
    debit(&mut expected, "1030", "1000.00");
    credit(&mut expected, &f2.pay("1000.00"));
    debit(&mut expected, "1030", "-1000.00");
    debit(&mut expected, "1020", "970.70");
    debit(&mut expected, "5310", "29.30");
    assert_eq!(*cash, settled(expected));
}

/// A payment beyond its invoice's total recognises the invoice's own lines
/// and no more: the excess is the customer's credit, left on the
/// receivable, and its refund takes it back from there.
#[test]
fn an_overpayment_recognises_the_invoice_and_leaves_the_excess_on_the_receivable() {
    let case = Case::new(&cash_config());
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Virement,400.00\n"),
    )
    .unwrap();
    let out = case.dir.path().join("out-1");
    let overpaid = case.run_into(&out, &["--lang", "fr"], &[]);
    overpaid.assert_success();
    let mut f1 = Invoice::new("4001", "300.00", "15.00", "29.93");
    let mut expected = BTreeMap::new();
    debit(&mut expected, "1020", "400.00");
    credit(&mut expected, &f1.pay("344.93"));
    debit(&mut expected, "1210", "-55.07");
    assert_eq!(overpaid.account_sums(), settled(expected));
    assert!(
        overpaid.stderr.contains(
            "l'excédent de 55,07 n'est ni un revenu ni une taxe, il reste au compte clients"
        ),
        "{}",
        overpaid.stderr
    );
    let workbook = workbook_in(&out);
    let unpaid = cells(&workbook, "Factures impayées");
    let listed: Vec<String> = (1..)
        .map(|r| text(unpaid.get(&(r, 0))))
        .take_while(|number| number.starts_with("F-"))
        .collect();
    assert_eq!(listed, ["F-2"]);
    for (label, difference) in control_differences(&workbook) {
        assert!(difference.abs() < 0.001, "{label}: {difference}");
    }
    recalculated_values_match(&workbook);
    // The excess refunded: back from the receivable, nothing recognised.
    std::fs::write(
        case.file("paiements.csv"),
        format!(
            "{PAYMENTS_HEADER}2026-11-20,M-1,F-1,\"Lavoie, Anne\",Remboursement,Virement,55.07\n"
        ),
    )
    .unwrap();
    let refunded = case.run_into(&case.dir.path().join("out-2"), &["--lang", "fr"], &[]);
    refunded.assert_success();
    assert_eq!(
        refunded.account_sums(),
        sums(&[("1020", "-55.07"), ("1210", "55.07")])
    );
    let workbook = workbook_in(&case.dir.path().join("out-2"));
    assert_eq!(
        number(cells(&workbook, "Factures impayées").get(&(1, 3))),
        1419.44
    );
    recalculated_values_match(&workbook);
}

/// Plannit's accounts-receivable report lists the invoices not fully paid;
/// under the cash basis they post nothing to the receivable, and the
/// tie-out counts them as owed all the same: an exact report ties out, a
/// wrong balance is a difference.
#[test]
fn the_receivable_report_ties_out_with_the_unpaid_invoices() {
    let report = |f2: &str| {
        format!(
            "Comptes clients au 30 novembre 2026\n\n\
             Client;No facture;Date facture;Solde dû\n\
             Lavoie, Anne;F-1;2026-11-02;0,00 $\n\
             Bouchard & Fils;F-2;2026-11-05;{f2} $\n"
        )
    };
    for (f2, said) in [
        ("419,44", "2 open invoices compared, no difference"),
        (
            "400,00",
            "2 open invoices compared, 1 difference, -19.44 in all",
        ),
    ] {
        let case = Case::new(&cash_config());
        write_xlsx(
            &case.file("ventes.xlsx"),
            &[("Ventes", standard_sales_rows_fr())],
        );
        std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
        write_cp1252(&case.file("comptes-clients-2026-11-30.csv"), &report(f2));
        let outcome = case.run(&[]);
        outcome.assert_success();
        assert!(outcome.stdout.contains(said), "{}", outcome.stdout);
    }
}

/// Invoices open at adoption (the receivable's opening balance) are in the
/// receivable already: under the cash basis their payments clear it, as
/// under the accrual basis, rather than being refused as unknown.
#[test]
fn payments_of_the_opening_balance_clear_the_receivable() {
    let case = Case::new(&cash_config());
    let report = case.dir.path().join("comptes-clients-2026-10-31.csv");
    write_cp1252(
        &report,
        "Comptes clients au 31 octobre 2026\n\n\
         Client;No facture;Date facture;Solde dû\n\
         Tremblay, Marie;O-1;2026-09-15;300,00 $\n",
    );
    let opened = case.history(&["opening", report.to_str().unwrap()]);
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    std::fs::write(
        case.file("paiements.csv"),
        format!(
            "{PAYMENTS_HEADER}2026-11-03,R-0,O-1,\"Tremblay, Marie\",Paiement,Virement,300.00\n"
        ),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1020", "300.00"), ("1210", "-300.00")])
    );
}

/// A basis that is neither `accrual` nor `cash`, or a `basis_from` that is
/// no date, is a setup error naming the key and what it takes.
#[test]
fn a_wrong_basis_or_basis_from_is_a_setup_error() {
    for (basis, said) in [
        (
            "basis = \"caisse\"",
            "line 2: [sage50] basis = \"caisse\": not an allowed value; allowed values: accrual, cash",
        ),
        (
            "basis = \"cash\"\nbasis_from = \"2027-02-30\"",
            "[sage50] basis_from = \"2027-02-30\": write the date as YYYY-MM-DD",
        ),
    ] {
        let case = Case::new(&cash_config().replace("basis = \"cash\"", basis));
        std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
        let outcome = case.run(&[]);
        assert_eq!(outcome.code, 2, "{}", outcome.stderr);
        assert!(outcome.stderr.contains(said), "{}", outcome.stderr);
    }
}
