//! The corpus of real-world damage in `tests/fixtures/damaged/`: each file
//! either gives the right figures or fails with a message naming the file and
//! the cell. The test names say which.

use std::path::Path;

use crate::fixtures::*;

/// A case whose inbox holds one corpus file.
fn case_with(fixture: &str) -> Case {
    let case = Case::new(CONFIG);
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/damaged")
        .join(fixture);
    std::fs::copy(source, case.file(fixture)).unwrap();
    case
}

/// The standard sales report alone: invoices F-1 and F-2, nothing paid.
fn sales_only_sums() -> std::collections::BTreeMap<String, rust_decimal::Decimal> {
    sums(&[
        ("1210", "1764.37"),
        ("2420", "-76.73"),
        ("2500", "-153.08"),
        ("4001", "-300.00"),
        ("4002", "-1234.56"),
    ])
}

/// The standard payments report alone: R-1 to the bank, R-2 through Plannit Pay.
fn payments_only_sums() -> std::collections::BTreeMap<String, rust_decimal::Decimal> {
    sums(&[
        ("1020", "344.93"),
        ("1030", "1000.00"),
        ("1210", "-1344.93"),
    ])
}

#[test]
fn truncated_xlsx_fails_naming_the_file() {
    case_with("truncated.xlsx")
        .run(&[])
        .assert_rejected(&["error [file_unreadable] truncated.xlsx: not a readable spreadsheet"]);
}

#[test]
fn formula_error_in_an_amount_fails_naming_the_cell() {
    case_with("formula-error.xlsx").run(&[]).assert_rejected(&[
        "formula-error.xlsx, sheet 'Ventes', row 3, column 'Montant', document F-1: the cell holds the spreadsheet error #REF!",
    ]);
}

#[test]
fn merged_title_and_blank_rows_above_the_header_work() {
    let case = case_with("merged-title-blank-rows.xlsx");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), sales_only_sums());
}

#[test]
fn hidden_rows_are_invoice_lines_and_are_counted() {
    let case = case_with("hidden-row.xlsx");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), sales_only_sums());
}

#[test]
fn report_on_a_second_sheet_is_found() {
    let case = case_with("second-sheet.xlsx");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), sales_only_sums());
    assert!(
        outcome.stdout.contains("sheet 'Ventes', 3 rows"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_total_row_at_the_bottom_is_not_counted_twice() {
    let case = case_with("total-row.xlsx");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), sales_only_sums());
}

#[test]
fn trailing_empty_columns_are_ignored() {
    let case = case_with("trailing-empty-columns.xlsx");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), sales_only_sums());
}

#[test]
fn a_huge_amount_and_a_date_in_2099_fail_naming_their_cells() {
    case_with("huge-amount-date-2099.xlsx").run(&[]).assert_rejected(&[
        "huge-amount-date-2099.xlsx, sheet 'Ventes', row 3, column 'Date facture', document F-1: '2099-11-02' is not a plausible date",
        "huge-amount-date-2099.xlsx, sheet 'Ventes', row 4, column 'Montant', document F-2: '100000000000000000000' is too large",
    ]);
}

#[test]
fn csv_with_mixed_line_endings_works() {
    let case = case_with("mixed-line-endings.csv");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), payments_only_sums());
}

#[test]
fn utf16_tab_separated_csv_works() {
    let case = case_with("utf16-tab.csv");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), payments_only_sums());
}

#[test]
fn csv_with_a_utf8_bom_works() {
    let case = case_with("utf8-bom.csv");
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), payments_only_sums());
}

#[test]
fn csv_cut_inside_a_quoted_field_fails() {
    case_with("cut-in-quoted-field.csv").run(&[]).assert_rejected(&[
        "error [file_unreadable] cut-in-quoted-field.csv: the text cannot be read as CSV at line 3: a quoted field is not closed",
    ]);
}

#[test]
fn an_amount_with_three_decimals_fails_naming_the_cell() {
    case_with("three-decimals.csv").run(&[]).assert_rejected(&[
        "three-decimals.csv, row 3, column 'Montant', document R-2: '1000.125' has more than two decimals",
    ]);
}

#[test]
fn a_date_in_1899_fails_naming_the_cell() {
    case_with("date-1899.csv").run(&[]).assert_rejected(&[
        "date-1899.csv, row 3, column 'Date', document R-2: '1899-12-31' is not a plausible date",
    ]);
}

#[test]
fn an_empty_file_fails() {
    case_with("empty.csv")
        .run(&[])
        .assert_rejected(&["empty.csv: the file is empty (0 bytes)"]);
}

#[test]
fn a_folder_named_like_a_workbook_is_ignored() {
    let case = standard_case();
    std::fs::create_dir(case.file("ventes-octobre.xlsx")).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome
            .stdout
            .contains("ignored  ventes-octobre.xlsx: a folder, not a file"),
        "{}",
        outcome.stdout
    );
    assert_eq!(outcome.account_sums(), standard_sums());
}

#[test]
fn a_zip_bomb_disguised_as_xlsx_stops_at_the_size_limit() {
    case_with("zip-bomb.xlsx").run(&[]).assert_rejected(&[
        "zip-bomb.xlsx: the workbook's unpacked size (1536 MB) exceeds the limit of 1024 MB: if the file is genuine, raise [limits] max_decompressed_mb",
    ]);
}

#[test]
fn limits_are_configurable_and_exceeding_one_is_an_error() {
    let config = format!("{CONFIG}\n[limits]\nmax_rows = 2\n");
    let case = Case::new(&config);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case.run(&[]).assert_rejected(&["paiements.csv: the file with 3 rows exceeds the limit of 2 rows: if the file is genuine, raise [limits] max_rows"]);

    let config = format!("{CONFIG}\n[limits]\nmax_file_mb = 0\n");
    let case = Case::new(&config);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case.run(&[])
        .assert_rejected(&["paiements.csv: the file's size (191 bytes) exceeds the limit of 0 MB"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_inbox_is_not_followed() {
    let case = standard_case();
    let outside = case.dir.path().join("secret.csv");
    std::fs::write(&outside, STANDARD_PAYMENTS_CSV.replace("344.93", "999.99")).unwrap();
    std::os::unix::fs::symlink(&outside, case.file("lien.csv")).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome
            .stdout
            .contains("ignored  lien.csv: a link to a file outside the inbox"),
        "{}",
        outcome.stdout
    );
    assert_eq!(outcome.account_sums(), standard_sums());
}
