//! Each bad input: exit 1, no Sage file, and a message naming the file, the
//! row or invoice, and the column.

use crate::fixtures::*;

fn case_with_sales(rows: Vec<Vec<V>>) -> Case {
    let case = Case::new(CONFIG);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case
}

#[test]
fn unmapped_item_without_default_account_is_an_error() {
    let mut rows = standard_sales_rows_fr();
    rows[2][3] = T("Taille d'arbres");
    case_with_sales(rows).run(&[]).assert_rejected(&[
        "error [unmapped_item] ventes.xlsx, sheet 'Ventes', row 3, column 'Produit/Service', document F-1",
        "'Taille d'arbres' has no revenue account",
        "No Sage 50 file was written",
    ]);
}

#[test]
fn unmapped_item_with_default_account_is_a_warning() {
    let case = Case::new(&CONFIG.replace(
        "hst = \"2430\"",
        "hst = \"2430\"\ndefault_revenue = \"4000\"",
    ));
    let mut rows = standard_sales_rows_fr();
    rows[2][3] = T("Taille d'arbres");
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome
            .stderr
            .contains("warning [unmapped_item_default] ventes.xlsx, sheet 'Ventes', row 3"),
        "{}",
        outcome.stderr
    );
    let mut expected = standard_sums();
    expected.insert("4001".into(), "-100.00".parse().unwrap());
    expected.insert("4000".into(), "-200.00".parse().unwrap());
    assert_eq!(outcome.account_sums(), expected);
}

#[test]
fn invoice_dated_n_d_is_an_error() {
    let mut rows = standard_sales_rows_fr();
    rows[3][1] = T("N/D");
    case_with_sales(rows).run(&[]).assert_rejected(&[
        "error [date_missing] ventes.xlsx, sheet 'Ventes', row 4, column 'Date facture', document F-2",
        "no valid date ('N/D')",
    ]);
}

#[test]
fn line_total_not_amount_plus_taxes_is_an_error() {
    let mut rows = standard_sales_rows_fr();
    rows[1][8] = N(115.98);
    case_with_sales(rows).run(&[]).assert_rejected(&[
        "error [line_total_mismatch] ventes.xlsx, sheet 'Ventes', row 2, column 'Total', document F-1",
        "the line total 115.98 is not amount 100.00 + GST 5.00 + QST 9.98 + HST 0.00 (= 114.98)",
    ]);
}

#[test]
fn wrong_tax_rate_is_a_warning_only() {
    let mut rows = standard_sales_rows_fr();
    // QST at 9.5 % instead of 9.975 %: 9.50, total adjusted so the line adds up.
    rows[1][7] = N(9.5);
    rows[1][8] = N(114.5);
    let outcome = case_with_sales(rows).run(&[]);
    outcome.assert_success();
    assert!(
        outcome.stderr.contains("warning [tax_rate_mismatch] ventes.xlsx, sheet 'Ventes', row 2, column 'TPS', document F-1"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("9.975 % (9.98)"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn text_in_an_amount_column_is_an_error() {
    let mut rows = standard_sales_rows_fr();
    rows[2][5] = T("deux cents");
    case_with_sales(rows).run(&[]).assert_rejected(&[
        "error [amount_unreadable] ventes.xlsx, sheet 'Ventes', row 3, column 'Montant', document F-1: 'deux cents' is not an amount",
    ]);
}

#[test]
fn formula_error_in_an_amount_is_an_error() {
    let case = standard_case();
    std::fs::write(
        case.file("paiements.csv"),
        format!("{STANDARD_PAYMENTS_CSV}2026-11-08,R-3,F-1,x,Paiement,Virement,12.345\n"),
    )
    .unwrap();
    case.run(&[]).assert_rejected(&[
        "paiements.csv, row 4, column 'Montant', document R-3: '12.345' is ambiguous",
    ]);
}

#[test]
fn a_required_column_missing_is_an_error() {
    let mut rows = standard_sales_rows_fr();
    for row in rows.iter_mut() {
        row.remove(8);
    }
    case_with_sales(rows).run(&[]).assert_rejected(&[
        "error [column_missing] ventes.xlsx, sheet 'Ventes', row 1: this sales report has no 'total' column",
        "[columns.sales] total",
    ]);
}

#[test]
fn a_corrupt_xlsx_is_an_error() {
    let case = standard_case();
    let bytes = std::fs::read(case.file("ventes.xlsx")).unwrap();
    std::fs::write(case.file("ventes.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    case.run(&[])
        .assert_rejected(&["error [file_unreadable] ventes.xlsx: not a readable spreadsheet"]);
}

#[test]
fn an_empty_file_is_an_error() {
    let case = standard_case();
    std::fs::write(case.file("paiements.csv"), "").unwrap();
    case.run(&[])
        .assert_rejected(&["error [file_unreadable] paiements.csv: the file is empty (0 bytes)"]);
}

#[test]
fn an_ambiguous_date_is_an_error_unless_the_order_is_declared() {
    let csv = "Date,No paiement,No facture,Type,Montant\n03/04/2026,R-1,F-1,Paiement,10.00\n";
    let case = Case::new(CONFIG);
    std::fs::write(case.file("paiements.csv"), csv).unwrap();
    case.run(&[]).assert_rejected(&[
        "paiements.csv, row 2, column 'Date', document R-1: '03/04/2026' is ambiguous",
        "date_order",
    ]);

    let case = Case::new(&format!("{CONFIG}\n[input]\ndate_order = \"dmy\"\n"));
    std::fs::write(case.file("paiements.csv"), csv).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome.headers()[0].starts_with("04-03-26,"),
        "{:?}",
        outcome.headers()
    );
}

#[test]
fn the_same_payment_reference_twice_is_an_error() {
    let case = standard_case();
    std::fs::write(
        case.file("paiements.csv"),
        format!("{STANDARD_PAYMENTS_CSV}2026-11-07,R-2,F-2,Bouchard & Fils,Paiement,Plannit Pay,\"1,000.00\"\n"),
    )
    .unwrap();
    case.run(&[]).assert_rejected(&[
        "error [duplicate_payment_reference] paiements.csv, row 3",
        "payment number R-2 appears 2 times",
    ]);
}

#[test]
fn hst_without_an_hst_account_is_an_error() {
    let case = Case::new(&CONFIG.replace("hst = \"2430\"\n", ""));
    let mut rows = vec![[
        "No facture",
        "Date facture",
        "Produit/Service",
        "Montant",
        "TVH",
        "Total",
    ]
    .iter()
    .map(|h| T(h))
    .collect::<Vec<_>>()];
    rows.push(vec![
        T("F-3"),
        D(2026, 11, 6),
        T("Tonte de pelouse"),
        N(300.0),
        N(39.0),
        N(339.0),
    ]);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    case.run(&[]).assert_rejected(&["error [hst_without_account] ventes.xlsx, sheet 'Ventes', row 2, column 'TVH', document F-3"]);
}

#[test]
fn a_missing_config_is_a_setup_error() {
    let case = standard_case();
    std::fs::remove_file(case.file("plannit2sage.toml")).unwrap();
    let outcome = case.run(&[
        "--config",
        case.dir.path().join("nope.toml").to_str().unwrap(),
    ]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("nope.toml: cannot read the configuration"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.sage_files.is_empty());
}

#[test]
fn inputs_are_never_modified_and_unrelated_files_are_listed_as_ignored() {
    let case = standard_case();
    std::fs::write(case.file("notes.txt"), "Rappel: appeler le client").unwrap();
    std::fs::write(case.file("~$ventes.xlsx"), "lock").unwrap();
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(case.inbox())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome
            .stdout
            .contains("ignored  notes.txt: no Plannit sales or payments header found"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("ignored  ~$ventes.xlsx: a lock or temporary file"),
        "{}",
        outcome.stdout
    );
    for (path, bytes) in before {
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{path} changed");
    }
}

/// A path that is not there, or a folder where a file was expected, is said
/// in the run's language with what was being done and the path: never the
/// system's English words.
#[test]
fn system_errors_speak_the_run_language_and_name_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.txt");
    let folder = dir.path().join("un-dossier");
    std::fs::create_dir(&folder).unwrap();
    let french = |args: &[&str]| {
        let mut all: Vec<String> = vec!["--lang".into(), "fr".into()];
        all.extend(args.iter().map(|a| a.to_string()));
        let output = plannit2sage(&all);
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = french(&["check", &missing.display().to_string()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} : impossible de lire le fichier : introuvable (ni fichier ni dossier à ce chemin)",
            missing.display()
        )),
        "{stderr}"
    );
    let (code, stderr) = french(&["check", &folder.display().to_string()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("c'est un dossier, pas un fichier"),
        "{stderr}"
    );
    let (code, stderr) = french(&[
        "run",
        &dir.path().join("dossier-inexistant").display().to_string(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("dossier-inexistant : ce dossier n'existe pas ; vérifiez le chemin"),
        "{stderr}"
    );
    assert!(!stderr.contains("configuration"), "{stderr}");
    for english in ["entity not found", "os error", "Is a directory"] {
        assert!(!stderr.contains(english), "{stderr}");
    }
    let output = plannit2sage(&["check".into(), folder.display().to_string()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("it is a folder, not a file"), "{stderr}");
}
