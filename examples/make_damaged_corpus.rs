//! Writes the spreadsheets of `tests/fixtures/damaged/`: the standard test
//! sales report (invoices F-1 and F-2), damaged the ways real files are.
//! Run: `cargo run --example make_damaged_corpus`. The CSV files of the corpus
//! are written by hand; the zip bomb by `tests/fixtures/damaged/make_zip_bomb.py`.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

const HEADER: [&str; 9] = [
    "No facture",
    "Date facture",
    "Client",
    "Produit/Service",
    "Quantité",
    "Montant",
    "TPS",
    "TVQ",
    "Total",
];

struct Line(
    &'static str,
    u8,
    &'static str,
    &'static str,
    f64,
    f64,
    f64,
    f64,
    f64,
);

const LINES: [Line; 3] = [
    Line(
        "F-1",
        2,
        "Lavoie, Anne",
        "Tonte de pelouse",
        2.0,
        100.0,
        5.0,
        9.98,
        114.98,
    ),
    Line(
        "F-1",
        2,
        "Lavoie, Anne",
        "Taille de haie",
        1.0,
        200.0,
        10.0,
        19.95,
        229.95,
    ),
    Line(
        "F-2",
        5,
        "Bouchard & Fils",
        "Déneigement résidentiel",
        1.0,
        1234.56,
        61.73,
        123.15,
        1419.44,
    ),
];

fn write_report(sheet: &mut Worksheet, first_row: u32) -> Result<u32, XlsxError> {
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, header) in HEADER.iter().enumerate() {
        sheet.write_string(first_row, col as u16, *header)?;
    }
    let mut row = first_row + 1;
    for line in &LINES {
        sheet.write_string(row, 0, line.0)?;
        sheet.write_datetime_with_format(
            row,
            1,
            ExcelDateTime::from_ymd(2026, 11, line.1)?,
            &date,
        )?;
        sheet.write_string(row, 2, line.2)?;
        sheet.write_string(row, 3, line.3)?;
        for (col, value) in [
            (4, line.4),
            (5, line.5),
            (6, line.6),
            (7, line.7),
            (8, line.8),
        ] {
            sheet.write_number(row, col, value)?;
        }
        row += 1;
    }
    Ok(row)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/damaged");
    std::fs::create_dir_all(&dir)?;

    // A clean workbook, then its first half: a download cut short.
    let mut book = Workbook::new();
    write_report(book.add_worksheet().set_name("Ventes")?, 0)?;
    let whole = book.save_to_buffer()?;
    std::fs::write(dir.join("truncated.xlsx"), &whole[..whole.len() / 2])?;

    // A formula error where an amount should be.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Ventes")?;
    write_report(sheet, 0)?;
    sheet.write_formula(2, 5, Formula::new("=#REF!*2").set_result("#REF!"))?;
    book.save(dir.join("formula-error.xlsx"))?;

    // A merged title above blank rows, then the header.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Rapport")?;
    sheet.merge_range(
        0,
        0,
        0,
        8,
        "Rapport des ventes détaillé — novembre 2026",
        &Format::new().set_bold(),
    )?;
    sheet.merge_range(1, 0, 1, 8, "Paysagement Gagnon & Fils", &Format::new())?;
    write_report(sheet, 4)?;
    book.save(dir.join("merged-title-blank-rows.xlsx"))?;

    // A hidden data row: still an invoice line, counted.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Ventes")?;
    write_report(sheet, 0)?;
    sheet.set_row_hidden(2)?;
    book.save(dir.join("hidden-row.xlsx"))?;

    // The report on the second sheet, notes on the first.
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("Notes")?;
    notes.write_string(0, 0, "Exporté de Plannit par Julie")?;
    write_report(book.add_worksheet().set_name("Ventes")?, 0)?;
    book.save(dir.join("second-sheet.xlsx"))?;

    // A closing total row, which must not be counted twice.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Ventes")?;
    let row = write_report(sheet, 0)?;
    sheet.write_string(row, 0, "Total")?;
    for (col, value) in [(5, 1534.56), (6, 76.73), (7, 153.08), (8, 1764.37)] {
        sheet.write_number(row, col, value)?;
    }
    book.save(dir.join("total-row.xlsx"))?;

    // Formatted but empty columns after the data.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Ventes")?;
    write_report(sheet, 0)?;
    let fill = Format::new().set_background_color("#FFFF00");
    for row in 0..6 {
        for col in 9..40 {
            sheet.write_blank(row, col, &fill)?;
        }
    }
    book.save(dir.join("trailing-empty-columns.xlsx"))?;

    // A huge amount and a date in 2099.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Ventes")?;
    write_report(sheet, 0)?;
    sheet.write_number(3, 5, 1.0e20)?;
    sheet.write_datetime_with_format(
        2,
        1,
        ExcelDateTime::from_ymd(2099, 11, 2)?,
        &Format::new().set_num_format("yyyy-mm-dd"),
    )?;
    book.save(dir.join("huge-amount-date-2099.xlsx"))?;
    Ok(())
}
