//! A sheet large enough to be read in parts (one thread each) gives what one
//! pass gives: every row once and in order, each finding at its own row, the
//! skipped rows counted once, closing totals checked against all the rows
//! above them.

use plannit2sage::diagnostics::Severity;
use plannit2sage::load::sheet::read_sheets;
use plannit2sage::load::{load_inbox, FileUse, LoadOptions};
use rust_decimal::Decimal;

/// Data rows: enough for several parts of at least 8,192 rows.
const LINES: usize = 30_000;

#[test]
fn a_sheet_read_in_parts_reads_as_one_pass() {
    let inbox = tempfile::tempdir().unwrap();
    let mut csv = String::from("Rapport des ventes détaillées\n");
    csv.push_str("No facture,Date facture,Client,Produit/Service,Description,Quantité,Prix unitaire,Montant,TPS,TVQ,TVH,Total\n");
    let mut sum = Decimal::ZERO;
    for line in 1..=LINES {
        // Amount in cents = the line's number; line 10 and line 25,000 have an
        // unreadable amount, line 20,000 no date.
        let amount = if line == 10 || line == 25_000 {
            "abc".to_string()
        } else {
            sum += Decimal::new(line as i64, 2);
            Decimal::new(line as i64, 2).to_string()
        };
        let date = if line == 20_000 {
            "2026-13-45"
        } else {
            "2026-10-15"
        };
        csv.push_str(&format!(
            "F-{},{date},Client {},Déneigement,,1,{amount},{amount},0.00,0.00,0.00,{amount}\n",
            line / 3,
            line % 7
        ));
        if line == 12_000 {
            // The header repeated (a printed page's), and a blank row.
            csv.push_str("No facture,Date facture,Client,Produit/Service,Description,Quantité,Prix unitaire,Montant,TPS,TVQ,TVH,Total\n,,,,,,,,,,,\n");
        }
    }
    // A closing total one cent off the rows above it.
    csv.push_str(&format!("Total,,,,,,,{},,,,\n", sum + Decimal::new(1, 2)));
    std::fs::write(inbox.path().join("ventes.csv"), csv).unwrap();

    let sheets = read_sheets(&inbox.path().join("ventes.csv"), &Default::default()).unwrap();
    assert_eq!(sheets[0].spans(2, 8192).len(), 2, "read in two parts");

    let loaded = load_inbox(inbox.path(), &LoadOptions::default(), &[]).unwrap();

    assert_eq!(loaded.sales.len(), LINES);
    // Row 1 the title, row 2 the header: line n is on row n + 2, and two rows
    // further from line 12,001 on (repeated header, blank row).
    for (index, line) in loaded.sales.iter().enumerate() {
        let number = index + 1;
        let row = number + 2 + if number > 12_000 { 2 } else { 0 };
        assert_eq!(line.origin.row, row as u64, "line {number}");
        assert_eq!(&*line.invoice, format!("F-{}", number / 3));
        assert_eq!(&*line.customer, format!("Client {}", number % 7));
        if number != 10 && number != 25_000 {
            assert_eq!(line.amount, Decimal::new(number as i64, 2), "line {number}");
        }
    }
    let errors: Vec<(u64, &str, &str)> = loaded
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let at = &f.location;
            (
                at.row.unwrap(),
                at.column.as_deref().unwrap_or(""),
                f.rule.as_str(),
            )
        })
        .collect();
    let total_row = (LINES + 2 + 2 + 1) as u64;
    assert_eq!(
        errors,
        vec![
            (12, "Prix unitaire", "amount_unreadable"),
            (12, "Montant", "amount_unreadable"),
            (12, "Total", "amount_unreadable"),
            (20_004, "Date facture", "date_unreadable"),
            (25_004, "Prix unitaire", "amount_unreadable"),
            (25_004, "Montant", "amount_unreadable"),
            (25_004, "Total", "amount_unreadable"),
            (total_row, "Montant", "total_row_mismatch"),
        ],
        "{:#?}",
        loaded.findings
    );
    let [FileUse::Used { rows, skipped, .. }] = &loaded.files[0].uses[..] else {
        panic!("{:?}", loaded.files[0].uses);
    };
    assert_eq!(*rows, LINES);
    assert_eq!(
        (
            skipped.title,
            skipped.blank,
            skipped.repeated_header,
            skipped.total
        ),
        (2, 1, 1, 1),
        "the title and header rows, the blank row, the repeated header, the total"
    );
}
