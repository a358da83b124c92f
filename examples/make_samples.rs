//! Writes the bundled `samples/` folder: a French detailed sales report (xlsx),
//! a payments report (Windows-1252 CSV with `;` and `1 234,56 $` amounts) and
//! a configuration. The data is made up. Run: `cargo run --example make_samples`.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

struct Line {
    invoice: &'static str,
    date: (u16, u8, u8),
    customer: &'static str,
    item: &'static str,
    description: &'static str,
    quantity: f64,
    unit_price: f64,
    amount: f64,
    gst: f64,
    qst: f64,
    hst: f64,
    total: f64,
}

#[rustfmt::skip]
const LINES: &[Line] = &[
    Line { invoice: "P-1042", date: (2026, 10, 3), customer: "Tremblay, Marie", item: "Tonte de pelouse", description: "Tonte hebdomadaire", quantity: 4.0, unit_price: 45.0, amount: 180.0, gst: 9.0, qst: 17.96, hst: 0.0, total: 206.96 },
    Line { invoice: "P-1042", date: (2026, 10, 3), customer: "Tremblay, Marie", item: "Taille de haie", description: "Cèdres, côté rue", quantity: 1.0, unit_price: 120.0, amount: 120.0, gst: 6.0, qst: 11.97, hst: 0.0, total: 137.97 },
    Line { invoice: "P-1043", date: (2026, 10, 7), customer: "Les Entreprises O'Neil inc.", item: "Déneigement résidentiel", description: "Contrat saison 2026-2027, 1er versement", quantity: 1.0, unit_price: 450.0, amount: 450.0, gst: 22.5, qst: 44.89, hst: 0.0, total: 517.39 },
    Line { invoice: "P-1044", date: (2026, 10, 12), customer: "Café \"Le Rond-Point\"", item: "Aération du sol", description: "", quantity: 1.0, unit_price: 95.0, amount: 95.0, gst: 4.75, qst: 9.48, hst: 0.0, total: 109.23 },
    Line { invoice: "P-1045", date: (2026, 10, 15), customer: "Smith Landscaping Ltd (Ottawa)", item: "Tonte de pelouse", description: "Client ontarien: TVH 13 %", quantity: 2.0, unit_price: 60.0, amount: 120.0, gst: 0.0, qst: 0.0, hst: 15.6, total: 135.6 },
    Line { invoice: "P-1046", date: (2026, 10, 20), customer: "Gagnon, Luc", item: "DÉNEIGEMENT RÉSIDENTIEL ", description: "Contrat saison", quantity: 1.0, unit_price: 380.0, amount: 380.0, gst: 19.0, qst: 37.91, hst: 0.0, total: 436.91 },
    Line { invoice: "P-1046", date: (2026, 10, 20), customer: "Gagnon, Luc", item: "Sel et abrasif", description: "", quantity: 1.0, unit_price: 35.5, amount: 35.5, gst: 1.78, qst: 3.54, hst: 0.0, total: 40.82 },
    Line { invoice: "NC-1047", date: (2026, 10, 24), customer: "Tremblay, Marie", item: "Tonte de pelouse", description: "Note de crédit: tonte annulée (pluie)", quantity: -1.0, unit_price: 45.0, amount: -45.0, gst: -2.25, qst: -4.49, hst: 0.0, total: -51.74 },
    Line { invoice: "P-1048", date: (2026, 10, 28), customer: "Bélanger, Élise", item: "Ramassage de feuilles", description: "", quantity: 3.0, unit_price: 55.0, amount: 165.0, gst: 8.25, qst: 16.46, hst: 0.0, total: 189.71 },
    Line { invoice: "P-1049", date: (2026, 10, 31), customer: "Côté & Fils", item: "Déneigement commercial", description: "Stationnement, saison", quantity: 1.0, unit_price: 1250.0, amount: 1250.0, gst: 62.5, qst: 124.69, hst: 0.0, total: 1437.19 },
];

const PAYMENTS_CSV: &str = "Date;No paiement;No facture;Client;Type;Mode de paiement;Montant\r\n\
2026-10-05;PAI-3001;P-1042;Tremblay, Marie;Paiement;Virement Interac;344,93 $\r\n\
2026-10-08;PAI-3002;P-1043;Les Entreprises O'Neil inc.;Paiement;Plannit Pay;517,39 $\r\n\
2026-10-10;DEP-3003;;Côté & Fils;Dépôt;Chèque;\"500,00 $\"\r\n\
2026-10-16;PAI-3004;P-1038;Dubois, Annie;Paiement;Comptant;229,95 $\r\n\
2026-10-25;REM-3005;P-1042;Tremblay, Marie;Remboursement;Virement Interac;51,74 $\r\n\
2026-10-30;PAI-3006;P-1049;Côté & Fils;Paiement;Plannit Pay;\"937,19\u{a0}$\"\r\n\
2026-10-31;PAI-3007;P-1046;Gagnon, Luc;Paiement;Chèque;\"1\u{a0}000,00 $\"\r\n";

const CONFIG: &str = include_str!("../samples/plannit2sage.toml");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    std::fs::create_dir_all(&dir)?;
    assert!(CONFIG.contains("[accounts]"));

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Ventes détaillées")?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("# ##0.00 $");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string_with_format(0, 0, "Rapport des ventes détaillé — octobre 2026", &bold)?;
    let headers = [
        "No facture",
        "Date facture",
        "Client",
        "Produit/Service",
        "Description",
        "Quantité",
        "Prix unitaire",
        "Montant",
        "TPS",
        "TVQ",
        "TVH",
        "Total",
    ];
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *header, &bold)?;
    }
    for (i, line) in LINES.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_string(row, 0, line.invoice)?;
        let (y, m, d) = line.date;
        sheet.write_datetime_with_format(row, 1, ExcelDateTime::from_ymd(y, m, d)?, &date)?;
        sheet.write_string(row, 2, line.customer)?;
        sheet.write_string(row, 3, line.item)?;
        sheet.write_string(row, 4, line.description)?;
        sheet.write_number(row, 5, line.quantity)?;
        for (col, value) in [
            (6, line.unit_price),
            (7, line.amount),
            (8, line.gst),
            (9, line.qst),
            (10, line.hst),
            (11, line.total),
        ] {
            sheet.write_number_with_format(row, col, value, &money)?;
        }
    }
    sheet.autofit();
    workbook.save(dir.join("ventes-detaillees-2026-10.xlsx"))?;

    let (payments, _, _) = encoding_rs::WINDOWS_1252.encode(PAYMENTS_CSV);
    std::fs::write(dir.join("paiements-2026-10.csv"), payments)?;
    std::fs::write(dir.join("versements-plannit-pay-2026-10.csv"), PAYOUTS_CSV)?;
    Ok(())
}

/// Plannit Pay paid out P-1043's card payment (517.39, fee 2.9 % + 0.30 $ =
/// 15.30) on the 10th; P-1049's payment of the 30th is still in transit.
const PAYOUTS_CSV: &str = "Rapport de conciliation des paiements de Plannit Pay\r\n\
Date du versement,No versement,Montant du versement,No facture,Client,Montant brut,Frais,Montant net\r\n\
2026-10-10,VER-2026-101,502.09,P-1043,Les Entreprises O'Neil inc.,517.39,15.30,502.09\r\n";
