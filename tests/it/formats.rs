//! The supported export formats and document kinds each give the right
//! per-account figures.

use crate::fixtures::*;

#[test]
fn french_xlsx_sales_and_utf8_csv_payments() {
    let case = standard_case();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    assert!(
        outcome
            .stdout
            .contains("used     ventes.xlsx: sales report, sheet 'Ventes', 3 rows"),
        "{}",
        outcome.stdout
    );
    insta::assert_snapshot!("standard_period", outcome.sage_text());
}

#[test]
fn bundled_samples_give_the_hand_computed_figures() {
    let case = Case::new("");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "sqlite") {
            continue;
        }
        std::fs::copy(
            &path,
            case.file(path.file_name().unwrap().to_str().unwrap()),
        )
        .unwrap();
    }
    let outcome = case.run(&[]);
    outcome.assert_success();
    // Invoice totals 3 160.04; received 3 477.72 of which Plannit Pay 1 454.58;
    // the payout of the 10th pays out P-1043's 517.39 less 15.30 of fees.
    assert_eq!(
        outcome.account_sums(),
        sums(&[
            // 2 023.14 + 502.09
            ("1020", "2525.23"),
            // 1 454.58 − 517.39: P-1049's payment, still in transit
            ("1030", "937.19"),
            ("5310", "15.30"),
            ("1210", "-317.68"),
            ("2420", "-131.53"),
            ("2430", "-15.60"),
            ("2500", "-262.41"),
            ("4000", "-35.50"),
            ("4001", "-635.00"),
            ("4002", "-2080.00"),
        ])
    );
    assert!(
        outcome.stderr.contains("'Sel et abrasif' is not mapped"),
        "{}",
        outcome.stderr
    );
    insta::assert_snapshot!("samples_period", outcome.sage_text());
}

#[test]
fn windows_1252_semicolon_csv_with_french_amounts() {
    let case = Case::new(CONFIG);
    write_cp1252(
        &case.file("ventes.csv"),
        "No facture;Date facture;Client;Produit/Service;Montant;TPS;TVQ;Total\r\n\
         F-1;2026-11-02;Lavoie, Anne;Tonte de pelouse;100,00 $;5,00 $;9,98 $;114,98 $\r\n\
         F-1;2026-11-02;Lavoie, Anne;Taille de haie;200,00 $;10,00 $;19,95 $;229,95 $\r\n\
         F-2;2026-11-05;Bouchard & Fils;Déneigement résidentiel;1 234,56 $;61,73 $;123,15 $;\"1\u{a0}419,44 $\"\r\n",
    );
    write_cp1252(
        &case.file("paiements.csv"),
        "Date;No paiement;No facture;Client;Type;Mode de paiement;Montant\r\n\
         2026-11-06;R-1;F-1;Lavoie, Anne;Paiement;Virement;344,93 $\r\n\
         2026-11-07;R-2;F-2;Bouchard & Fils;Paiement;Plannit Pay;1 000,00 $\r\n",
    );
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
}

#[test]
fn utf8_bom_csv_with_narrow_no_break_spaces() {
    let case = Case::new(CONFIG);
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(
        case.file("paiements.csv"),
        "\u{feff}Date;No paiement;No facture;Client;Type;Mode de paiement;Montant\n\
         2026-11-06;R-1;F-1;Lavoie, Anne;Paiement;Virement;344,93\u{202f}$\n\
         2026-11-07;R-2;F-2;Bouchard & Fils;Paiement;Plannit Pay;1\u{202f}000,00\u{202f}$\n",
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
}

#[test]
fn english_xlsx_with_reordered_and_extra_columns_and_excel_dates() {
    let case = Case::new(CONFIG);
    let header = [
        "Amount",
        "Customer",
        "Notes",
        "Invoice #",
        "Product/Service",
        "Invoice date",
        "GST",
        "QST",
        "Total",
        "Sales rep",
    ];
    let rows = vec![
        header.iter().map(|h| T(h)).collect(),
        vec![
            N(100.0),
            T("Lavoie, Anne"),
            E,
            T("F-1"),
            T("Tonte de pelouse"),
            D(2026, 11, 2),
            N(5.0),
            N(9.98),
            N(114.98),
            T("JP"),
        ],
        vec![
            N(200.0),
            T("Lavoie, Anne"),
            T("x"),
            T("F-1"),
            T("Taille de haie"),
            D(2026, 11, 2),
            N(10.0),
            N(19.95),
            N(229.95),
            T("JP"),
        ],
        vec![
            N(1234.56),
            T("Bouchard & Fils"),
            E,
            T("F-2"),
            T("Déneigement résidentiel"),
            D(2026, 11, 5),
            N(61.73),
            N(123.15),
            N(1419.44),
            E,
        ],
    ];
    write_xlsx(&case.file("sales.xlsx"), &[("Sales", rows)]);
    let payments = vec![
        [
            "Payment #",
            "Date",
            "Invoice #",
            "Customer",
            "Type",
            "Payment method",
            "Amount",
        ]
        .iter()
        .map(|h| T(h))
        .collect(),
        vec![
            T("R-1"),
            D(2026, 11, 6),
            T("F-1"),
            T("Lavoie, Anne"),
            T("Payment"),
            T("Bank transfer"),
            N(344.93),
        ],
        vec![
            T("R-2"),
            D(2026, 11, 7),
            T("F-2"),
            T("Bouchard & Fils"),
            T("Payment"),
            T("plannit pay"),
            N(1000.0),
        ],
    ];
    write_xlsx(&case.file("payments.xlsx"), &[("Payments", payments)]);
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    assert!(
        outcome.headers()[0].starts_with("11-07-26,"),
        "{:?}",
        outcome.headers()
    );
}

#[test]
fn refunds_as_refund_type_or_negative_amount_both_return_money() {
    let case = standard_case();
    std::fs::write(
        case.file("paiements.csv"),
        format!(
            "{STANDARD_PAYMENTS_CSV}2026-11-08,R-3,F-1,\"Lavoie, Anne\",Remboursement,Virement,20.00\n\
             2026-11-09,R-4,F-1,\"Lavoie, Anne\",Paiement,Virement,-15.00\n\
             2026-11-09,R-5,F-2,Bouchard & Fils,Refund,Plannit Pay,-5.00\n"
        ),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    let mut expected = standard_sums();
    // 40.00 back to customers: 35.00 from the bank, 5.00 through Plannit Pay.
    expected.insert("1020".into(), "309.93".parse().unwrap());
    expected.insert("1030".into(), "995.00".parse().unwrap());
    expected.insert("1210".into(), "459.44".parse().unwrap());
    assert_eq!(outcome.account_sums(), expected);
}

#[test]
fn deposits_without_invoice_credit_the_receivable() {
    let case = standard_case();
    std::fs::write(
        case.file("paiements.csv"),
        format!("{STANDARD_PAYMENTS_CSV}2026-11-08,D-9,,Nouveau client,Dépôt,Chèque,250.00\n"),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    let mut expected = standard_sums();
    expected.insert("1020".into(), "594.93".parse().unwrap());
    expected.insert("1210".into(), "169.44".parse().unwrap());
    assert_eq!(outcome.account_sums(), expected);
}

#[test]
fn hst_invoices_and_credit_notes() {
    let case = standard_case();
    let mut rows = standard_sales_rows_fr();
    rows[0].push(T("TVH"));
    for row in rows.iter_mut().skip(1) {
        row.push(E);
    }
    // Ontario customer: HST 13 % of 300.00.
    rows.push(vec![
        T("F-3"),
        D(2026, 11, 6),
        T("Smith Ltd (Ottawa)"),
        T("Tonte de pelouse"),
        N(1.0),
        N(300.0),
        E,
        E,
        N(339.0),
        N(39.0),
    ]);
    // Credit note on F-1: negative amount and taxes.
    rows.push(vec![
        T("NC-4"),
        D(2026, 11, 7),
        T("Lavoie, Anne"),
        T("Tonte de pelouse"),
        N(-1.0),
        N(-50.0),
        N(-2.5),
        N(-4.99),
        N(-57.49),
        E,
    ]);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    let outcome = case.run(&[]);
    outcome.assert_success();
    let mut expected = standard_sums();
    expected.insert("1210".into(), "700.95".parse().unwrap()); // 419.44 + 339.00 − 57.49
    expected.insert("2430".into(), "-39.00".parse().unwrap());
    expected.insert("2420".into(), "-74.23".parse().unwrap()); // −76.73 + 2.50
    expected.insert("2500".into(), "-148.09".parse().unwrap()); // −153.08 + 4.99
    expected.insert("4001".into(), "-550.00".parse().unwrap()); // −300 − 300 + 50
    assert_eq!(outcome.account_sums(), expected);
}

#[test]
fn payments_report_alone() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(
        outcome.account_sums(),
        sums(&[
            ("1020", "344.93"),
            ("1030", "1000.00"),
            ("1210", "-1344.93")
        ])
    );
    // Invoices from earlier exports are not an error.
    assert!(
        outcome.stderr.contains("warning [payment_unknown_invoice]"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn customer_names_with_commas_quotes_and_accents_stay_inside_their_quotes() {
    let case = Case::new(CONFIG);
    let mut rows = vec![FRENCH_SALES_HEADER.iter().map(|h| T(h)).collect::<Vec<_>>()];
    rows.push(vec![
        T("F-7"),
        D(2026, 11, 2),
        T("Café \"Chez Œdipe\", Lévis"),
        T("Tonte de pelouse"),
        N(1.0),
        N(100.0),
        N(5.0),
        N(9.98),
        N(114.98),
    ]);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    let outcome = case.run(&["--granularity", "document"]);
    outcome.assert_success();
    assert_eq!(
        outcome.headers(),
        vec!["11-02-26,\"F-7\",\"Facture F-7 Café 'Chez Œdipe', Lévis\"".to_string()]
    );
    // Windows-1252 bytes: é is 0xE9, Œ is 0x8C.
    let bytes = outcome.sage_bytes();
    assert!(bytes.contains(&0xE9) && bytes.contains(&0x8C));
}

#[test]
fn check_accepts_what_run_wrote() {
    let case = standard_case();
    let outcome = case.run(&[]);
    outcome.assert_success();
    let checked = plannit2sage(&["check".into(), outcome.sage_files[0].display().to_string()]);
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{stdout}");
    assert!(
        stdout.contains("OK: every entry balances; total debits 1,764.37 = credits 1,764.37."),
        "{stdout}"
    );
}
