//! Batch integrity: every row of a drop is posted once, and no dropped file is
//! left out silently — identical copies, overlapping exports, conflicting
//! documents, broken or unrecognised files, closing totals, row accounting,
//! grouped messages and a damaged history.

use std::path::Path;

use crate::fixtures::*;
use crate::watch::{drop_folder, log_lines, sage_files};
use crate::workbook::{cells, number, recalculated_values_match, text, workbook_path};

/// F-1's first line only: the sales of the 1st to the 3rd.
fn first_days_sales_rows() -> Vec<Vec<V>> {
    standard_sales_rows_fr().into_iter().take(3).collect()
}

const FIRST_DAYS_PAYMENTS_CSV: &str =
    "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Virement,344.93\n";

/// Rows of the "Rows read" sheet: file → (read, posted, already, duplicates, skipped, refused, difference).
fn rows_read(path: &Path) -> Vec<(String, [f64; 7])> {
    let sheet = cells(path, "Rows read");
    let mut rows = Vec::new();
    for r in 1.. {
        let file = text(sheet.get(&(r, 0)));
        if file.is_empty() || file == "Total" {
            break;
        }
        let values: Vec<f64> = (3..=9).map(|c| number(sheet.get(&(r, c)))).collect();
        rows.push((file, values.try_into().unwrap()));
    }
    rows
}

#[test]
fn identical_copies_in_one_drop_are_read_once() {
    let case = standard_case();
    std::fs::copy(case.file("ventes.xlsx"), case.file("ventes (1).xlsx")).unwrap();
    std::fs::copy(case.file("paiements.csv"), case.file("paiements (1).csv")).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    for (copy, original) in [
        ("ventes (1).xlsx", "ventes.xlsx"),
        ("paiements (1).csv", "paiements.csv"),
    ] {
        assert!(
            outcome
                .stdout
                .contains(&format!("{copy}: identical to {original} — not read")),
            "{}",
            outcome.stdout
        );
    }
}

/// Files of one size are hashed before they are read (only identical bytes
/// make a copy); a file whose size no other has is read at once.
#[test]
fn files_of_one_size_are_each_read_unless_their_bytes_are_the_same() {
    let case = standard_case();
    let other = FIRST_DAYS_PAYMENTS_CSV.replace("R-1,", "R-9,");
    assert_eq!(other.len(), FIRST_DAYS_PAYMENTS_CSV.len());
    std::fs::write(case.file("paiement-a.csv"), FIRST_DAYS_PAYMENTS_CSV).unwrap();
    std::fs::write(case.file("paiement-b.csv"), &other).unwrap();
    std::fs::write(case.file("paiement-c.csv"), &other).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        (outcome.stdout).contains("paiement-c.csv: identical to paiement-b.csv — not read"),
        "{}",
        outcome.stdout
    );
    let accounts = rows_read(&workbook_path(&case));
    let row = |file: &str| {
        let found = accounts.iter().find(|(name, _)| name == file);
        found.unwrap_or_else(|| panic!("{file} in {accounts:?}")).1
    };
    // R-1 is also in the standard payments (merged there); R-9 is new.
    assert_eq!(row("paiement-a.csv")[1], 1.0, "{accounts:?}");
    assert_eq!(row("paiements.csv")[3], 1.0, "{accounts:?}");
    assert_eq!(row("paiement-b.csv")[1], 1.0, "{accounts:?}");
    assert!(accounts.iter().all(|(name, _)| name != "paiement-c.csv"));
}

#[test]
fn overlapping_exports_are_merged_by_document() {
    let case = Case::new(CONFIG);
    // The 1st to the 3rd, then the whole month, for both reports.
    write_xlsx(
        &case.file("ventes-debut.xlsx"),
        &[("Ventes", first_days_sales_rows())],
    );
    write_xlsx(
        &case.file("ventes-mois.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements-debut.csv"), FIRST_DAYS_PAYMENTS_CSV).unwrap();
    std::fs::write(case.file("paiements-mois.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    assert!(!outcome.stderr.contains("error"), "{}", outcome.stderr);

    // Every row is in one bucket: F-1 (2 lines) and R-1 come from the first
    // files; the month's copies of them are merged duplicates.
    let path = workbook_path(&case);
    let accounts = rows_read(&path);
    let by_file = |name: &str| accounts.iter().find(|(f, _)| f == name).unwrap().1;
    // read, posted, already exported, duplicates, skipped (header), refused, difference
    assert_eq!(
        by_file("ventes-debut.xlsx"),
        [3.0, 2.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    );
    assert_eq!(
        by_file("ventes-mois.xlsx"),
        [4.0, 1.0, 0.0, 2.0, 1.0, 0.0, 0.0]
    );
    assert_eq!(
        by_file("paiements-debut.csv"),
        [2.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    );
    assert_eq!(
        by_file("paiements-mois.csv"),
        [3.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0]
    );
    assert!(
        outcome
            .stdout
            .contains("ventes-mois.xlsx: sales report, sheet 'Ventes', 3 rows; 4 rows read: 1 posted, 2 merged duplicates, 1 skipped"),
        "{}",
        outcome.stdout
    );
    recalculated_values_match(&path);

    // Run again: every row is now already exported, and still accounted for.
    let again = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.contains("Nothing new"), "{}", again.stdout);
    assert!(
        again
            .stdout
            .contains("ventes-mois.xlsx: sales report, sheet 'Ventes', 3 rows; 4 rows read: 1 already exported, 2 merged duplicates, 1 skipped"),
        "{}",
        again.stdout
    );
}

#[test]
fn payments_without_a_reference_are_a_multiset_union() {
    let case = Case::new(CONFIG);
    let header = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n";
    let row = "2026-11-06,,F-1,\"Lavoie, Anne\",Paiement,Virement,100.00\n";
    // Two identical payments in one file are two payments; the other file
    // holds one of them and another payment.
    std::fs::write(case.file("paiements-a.csv"), format!("{header}{row}{row}")).unwrap();
    std::fs::write(
        case.file("paiements-b.csv"),
        format!("{header}{row}2026-11-07,,F-2,Bouchard & Fils,Paiement,Virement,50.00\n"),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    // 2 × 100.00 + 50.00
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1020", "250.00"), ("1210", "-250.00")])
    );
}

#[test]
fn an_invoice_that_differs_between_two_exports_is_refused() {
    let case = Case::new(CONFIG);
    write_xlsx(
        &case.file("ventes-a.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    let mut rows = standard_sales_rows_fr();
    rows[2][5] = N(210.0);
    rows[2][8] = N(241.45);
    write_xlsx(&case.file("ventes-b.xlsx"), &[("Ventes", rows)]);
    let outcome = case.run(&[]);
    outcome.assert_rejected(&[
        "[invoice_conflict]",
        "invoice F-1 differs between ventes-a.xlsx and ventes-b.xlsx",
        "amount 200.00",
        "amount 210",
    ]);
    assert!(
        !outcome.stderr.contains("invoice F-2"),
        "F-2 is the same in both: {}",
        outcome.stderr
    );
}

#[test]
fn a_difference_only_in_the_customer_name_is_a_warning() {
    let case = Case::new(CONFIG);
    write_xlsx(
        &case.file("ventes-a.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    let mut rows = standard_sales_rows_fr();
    rows[3][2] = T("Bouchard et Fils inc.");
    write_xlsx(&case.file("ventes-b.xlsx"), &[("Ventes", rows)]);
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome.stderr.contains("warning [invoice_text_differs]")
            && outcome.stderr.contains("invoice F-2"),
        "{}",
        outcome.stderr
    );
    let mut expected = standard_sums();
    expected.remove("1020");
    expected.remove("1030");
    *expected.get_mut("1210").unwrap() = "1764.37".parse().unwrap();
    assert_eq!(outcome.account_sums(), expected);
}

/// The broken files a drop can hold, with what the error must say.
fn broken_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    // Random bytes, as a download cut short or a file of another kind renamed.
    let mut state = 0x2545_f491_u32;
    let random: Vec<u8> = (0..4000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.xlsx");
    write_xlsx(&whole, &[("Ventes", standard_sales_rows_fr())]);
    let mut truncated = std::fs::read(&whole).unwrap();
    truncated.truncate(truncated.len() / 2);
    let other = dir.path().join("sommaire.xlsx");
    write_xlsx(
        &other,
        &[(
            "Sommaire",
            vec![
                vec![T("Sommaire des ventes")],
                vec![T("Novembre"), N(1764.37)],
            ],
        )],
    );
    vec![
        (
            "paiements-2.csv",
            random,
            "the file is damaged or was cut off during download",
        ),
        ("ventes-2.xlsx", truncated, "not a readable spreadsheet"),
        (
            "Sommaire.xlsx",
            std::fs::read(&other).unwrap(),
            "add the file to [input] ignore",
        ),
    ]
}

#[test]
fn a_broken_or_unrecognised_file_refuses_the_batch_in_run() {
    for (name, bytes, says) in broken_files() {
        let case = standard_case();
        std::fs::write(case.file(name), &bytes).unwrap();
        let outcome = case.run(&[]);
        outcome.assert_rejected(&[name, says]);
        // The inputs are untouched and the workbook says why.
        assert_eq!(std::fs::read(case.file(name)).unwrap(), bytes);
        let summary = cells(&workbook_path(&case), "Summary");
        assert_eq!(text(summary.get(&(2, 1))), "NOT IMPORTABLE", "{name}");
    }
}

#[test]
fn a_broken_or_unrecognised_file_refuses_the_batch_in_watch() {
    for (name, bytes, says) in broken_files() {
        let dir = drop_folder();
        let root = dir.path();
        let inbox = root.join("inbox");
        write_xlsx(
            &inbox.join("ventes.xlsx"),
            &[("Ventes", standard_sales_rows_fr())],
        );
        std::fs::write(inbox.join("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
        std::fs::write(inbox.join(name), &bytes).unwrap();
        let output = binary()
            .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
            .run_output();
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(sage_files(root).is_empty(), "{name}");
        assert!(file_names(&root.join("out")).is_empty(), "{name}");
        assert!(file_names(&root.join("archive")).is_empty(), "{name}");
        let log = log_lines(root);
        assert_eq!(log.len(), 1);
        assert_eq!(log[0]["status"], "rejected", "{name}");
        let rejected = root
            .join("rejected")
            .join(file_names(&root.join("rejected"))[0].clone());
        assert!(file_names(&rejected).contains(&name.to_string()));
        let explanation = std::fs::read_to_string(rejected.join("ERREURS-ERRORS.txt")).unwrap();
        assert!(
            explanation.contains(name) && explanation.contains(says),
            "{explanation}"
        );
    }
}

#[test]
fn files_matching_input_ignore_are_kept_beside_the_exports() {
    let config = format!("{CONFIG}\n[input]\nignore = [\"sommaire*.xlsx\", \"*.bak\"]\n");
    let case = Case::new(&config);
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let (name, bytes, _) = broken_files().remove(2);
    std::fs::write(case.file(name), bytes).unwrap();
    std::fs::write(case.file("rapport.pdf"), b"%PDF-1.4").unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    assert!(
        outcome.stdout.contains(
            "ignored  Sommaire.xlsx: matches [input] ignore \"sommaire*.xlsx\": not read"
        ),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("ignored  rapport.pdf: not a spreadsheet or CSV file: not read"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_closing_total_that_does_not_match_the_rows_above_is_an_error() {
    let case = Case::new(CONFIG);
    let mut rows = standard_sales_rows_fr();
    // The real total of Montant is 1 534.56: a row was deleted or filtered out.
    rows.push(vec![
        T("Total"),
        E,
        E,
        E,
        E,
        N(1334.56),
        N(76.73),
        N(153.08),
        N(1764.37),
    ]);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    case.run(&[]).assert_rejected(&[
        "[total_row_mismatch] ventes.xlsx, sheet 'Ventes', row 5, column 'Montant'",
        "the total row says 1,334.56 but the 3 rows above it add up to 1,534.56",
    ]);
}

#[test]
fn hundreds_of_rows_breaking_one_rule_print_one_short_message() {
    let case = Case::new(CONFIG);
    let mut csv = String::from("No facture,Date facture,Client,Produit/Service,Montant,Total\n");
    for i in 0..300 {
        csv.push_str(&format!(
            "F-{i},2026-11-02,Client,Tonte de pelouse,abc,114.98\n"
        ));
    }
    std::fs::write(case.file("ventes.csv"), csv).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_rejected(&["error [amount_unreadable] ventes.csv: 300 rows; the first 3:"]);
    assert!(
        outcome.stderr.lines().count() < 20,
        "{} lines:\n{}",
        outcome.stderr.lines().count(),
        outcome.stderr
    );
    // The full list stays in the workbook.
    let exceptions = cells(&workbook_path(&case), "Exceptions");
    let unreadable = exceptions
        .values()
        .filter(|v| text(Some(v)) == "amount_unreadable")
        .count();
    assert_eq!(unreadable, 300);
}

#[test]
fn a_damaged_history_value_is_an_error_never_a_made_up_value() {
    for (column, value, says) in [
        ("amount", "12,5x", "the amount '12,5x'"),
        ("doc_date", "31/10/2026", "the date '31/10/2026'"),
    ] {
        let case = standard_case();
        case.run(&[]).assert_success();
        let history = case.file("plannit2sage.sqlite");
        let connection = rusqlite::Connection::open(&history).unwrap();
        let table = if column == "amount" {
            "document_amounts"
        } else {
            "documents"
        };
        connection
            .execute(
                &format!("UPDATE {table} SET {column} = ?1 WHERE doc_key = 'invoice:F-1'"),
                [value],
            )
            .unwrap();
        drop(connection);
        let again = case.run_into(&case.dir.path().join("out2"), &[], &[]);
        assert_eq!(again.code, 2, "{column}: {}", again.stderr);
        assert!(
            again.stderr.contains(says)
                && again.stderr.contains("invoice:F-1")
                && again.stderr.contains("batch 20"),
            "{column}: {}",
            again.stderr
        );
        assert!(again.sage_files.is_empty());
    }
}

#[test]
fn watch_files_an_identical_copy_with_the_duplicates_and_posts_once() {
    let dir = drop_folder();
    let root = dir.path();
    let inbox = root.join("inbox");
    write_xlsx(
        &inbox.join("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::copy(inbox.join("ventes.xlsx"), inbox.join("ventes (1).xlsx")).unwrap();
    std::fs::write(inbox.join("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let output = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let sage = sage_files(root);
    assert_eq!(sage.len(), 1);
    assert_eq!(Outcome::read(&sage[0]).account_sums(), standard_sums());
    let log = log_lines(root);
    let duplicate = log.iter().find(|l| l["status"] == "duplicate").unwrap();
    assert_eq!(
        duplicate["errors"][0],
        "ventes (1).xlsx: identical to ventes.xlsx — not read"
    );
    let filed = root.join("archive").join("duplicates");
    let stamp = file_names(&filed)[0].clone();
    assert_eq!(file_names(&filed.join(stamp)), ["ventes (1).xlsx"]);
    assert!(file_names(&inbox).is_empty());
}

#[test]
fn the_mapping_table_beside_the_config_is_not_read_as_an_export() {
    // The catalogue mapping lives in the inbox, beside the config.
    let config = CONFIG.replace(
        "[products]\n\"Tonte de pelouse\" = \"4001\"\n\"Taille de haie\" = \"4001\"\n\"Déneigement résidentiel\" = \"4002\"\n",
        "[mapping]\nproducts_file = \"produits.csv\"\n",
    );
    assert!(config.contains("products_file"), "{config}");
    let case = Case::new(&config);
    std::fs::write(
        case.file("produits.csv"),
        "Produit/Service,Compte\nTonte de pelouse,4001\nTaille de haie,4001\nDéneigement résidentiel,4002\n",
    )
    .unwrap();
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    assert!(
        !outcome.stdout.contains("produits.csv"),
        "{}",
        outcome.stdout
    );
}
