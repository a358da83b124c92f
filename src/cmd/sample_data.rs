//! A deterministic generator of realistic Plannit exports at any size, with the
//! per-account totals they must produce: the benchmark's input, and a way to
//! try the tool without client data. Same seed, same files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rust_decimal::{Decimal, RoundingStrategy};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SampleSpec {
    pub sales_lines: usize,
    pub payments: usize,
    pub seed: u64,
    pub xlsx: bool,
}

/// splitmix64: a small, well-distributed, reproducible generator.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Catalogue of the generated company: item, unit price in cents, account.
pub const CATALOGUE: [(&str, i64, &str); 8] = [
    ("Tonte de pelouse", 4500, "4001"),
    ("Taille de haie", 12000, "4001"),
    ("Aération du sol", 9500, "4001"),
    ("Ramassage de feuilles", 5500, "4001"),
    ("Déneigement résidentiel", 45000, "4002"),
    ("Déneigement commercial", 125000, "4002"),
    ("Sel et abrasif", 3550, "4002"),
    ("Entretien ménager", 8900, "4003"),
];
const CUSTOMERS: [&str; 8] = [
    "Tremblay, Marie",
    "Les Entreprises O'Neil inc.",
    "Café \"Le Rond-Point\"",
    "Gagnon, Luc",
    "Bélanger, Élise",
    "Côté & Fils",
    "Smith Landscaping Ltd (Ottawa)",
    "Lévesque, François",
];
const METHODS: [(&str, &str); 4] = [
    ("Virement Interac", "1020"),
    ("Plannit Pay", "1030"),
    ("Chèque", "1020"),
    ("Comptant", "1020"),
];

/// The configuration matching the generated catalogue.
pub const SAMPLE_CONFIG: &str = r#"company = "Entreprise générée"

[accounts]
bank = "1020"
receivable = "1210"
gst = "2420"
qst = "2500"
hst = "2430"
default_revenue = "4000"

[products]
"Tonte de pelouse" = "4001"
"Taille de haie" = "4001"
"Aération du sol" = "4001"
"Ramassage de feuilles" = "4001"
"Déneigement résidentiel" = "4002"
"Déneigement commercial" = "4002"
"Sel et abrasif" = "4002"
"Entretien ménager" = "4003"

[payment_methods]
"Plannit Pay" = "1030"
"#;

fn round(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

struct SalesRow {
    invoice: String,
    day: u32,
    customer: &'static str,
    item: &'static str,
    quantity: i64,
    unit: Decimal,
    amount: Decimal,
    gst: Decimal,
    qst: Decimal,
    hst: Decimal,
    total: Decimal,
}

/// Generates the exports into `dir` and returns the files written and the
/// expected net per account of the whole batch.
pub fn generate(
    spec: &SampleSpec,
    dir: &Path,
) -> std::io::Result<(Vec<PathBuf>, BTreeMap<String, Decimal>)> {
    std::fs::create_dir_all(dir)?;
    let mut generator = Generator {
        random: Random(spec.seed),
        expected: BTreeMap::new(),
    };
    let (rows, invoice_totals) = generator.invoices(spec.sales_lines);
    let payments = generator.payments(spec.payments, &invoice_totals);
    let mut expected = generator.expected;
    expected.retain(|_, amount| !amount.is_zero());
    let sales_path = dir.join(if spec.xlsx {
        "ventes-detaillees.xlsx"
    } else {
        "ventes-detaillees.csv"
    });
    if spec.xlsx {
        write_sales_xlsx(&sales_path, &rows).map_err(std::io::Error::other)?;
    } else {
        write_sales_csv(&sales_path, &rows)?;
    }
    let payments_path = dir.join("paiements.csv");
    write_payments_csv(&payments_path, &payments)?;
    Ok((vec![sales_path, payments_path], expected))
}

/// A row of the payments report: day, reference, invoice, type, method,
/// amount as written.
type PaymentRow = (u32, String, String, &'static str, &'static str, Decimal);

/// The random draws, in order (the same seed gives the same files), and
/// the net per account they add up to.
struct Generator {
    random: Random,
    expected: BTreeMap<String, Decimal>,
}

impl Generator {
    fn add(&mut self, account: &str, amount: Decimal) {
        *self
            .expected
            .entry(account.to_string())
            .or_insert(Decimal::ZERO) += amount
    }

    /// Invoices of 1 to 4 lines up to `sales_lines` lines; about 1 in 40 is
    /// a credit note, 1 in 10 an Ontario customer with HST, 1 in 25 lines
    /// tax-exempt. With each invoice's (number, total, day), credit notes
    /// left out.
    fn invoices(&mut self, sales_lines: usize) -> (Vec<SalesRow>, Vec<(String, Decimal, u32)>) {
        let mut rows = Vec::with_capacity(sales_lines);
        let mut invoice_totals: Vec<(String, Decimal, u32)> = Vec::new();
        let mut number = 1000;
        while rows.len() < sales_lines {
            number += 1;
            let random = &mut self.random;
            let credit = random.below(40) == 0;
            let hst_customer = random.below(10) == 0;
            let invoice = if credit {
                format!("NC-{number}")
            } else {
                format!("P-{number}")
            };
            let day = random.below(28) as u32 + 1;
            let customer = CUSTOMERS[random.below(CUSTOMERS.len() as u64) as usize];
            let lines = (random.below(4) + 1).min((sales_lines - rows.len()) as u64);
            let mut invoice_total = Decimal::ZERO;
            for _ in 0..lines {
                let row = self.line(&invoice, day, customer, credit, hst_customer);
                invoice_total += row.total;
                rows.push(row);
            }
            if !credit {
                invoice_totals.push((invoice, invoice_total, day));
            }
        }
        (rows, invoice_totals)
    }

    /// One line of an invoice, its amounts added to the expected nets.
    fn line(
        &mut self,
        invoice: &str,
        day: u32,
        customer: &'static str,
        credit: bool,
        hst_customer: bool,
    ) -> SalesRow {
        let random = &mut self.random;
        let (item, unit_cents, account) = CATALOGUE[random.below(CATALOGUE.len() as u64) as usize];
        let quantity = (random.below(5) + 1) as i64 * if credit { -1 } else { 1 };
        let unit = Decimal::new(unit_cents, 2);
        let amount = unit * Decimal::from(quantity);
        let exempt = random.below(25) == 0;
        let (gst, qst, hst) = if exempt {
            (Decimal::new(0, 2), Decimal::new(0, 2), Decimal::new(0, 2))
        } else if hst_customer {
            (
                Decimal::new(0, 2),
                Decimal::new(0, 2),
                round(amount * Decimal::new(13, 2)),
            )
        } else {
            (
                round(amount * Decimal::new(5, 2)),
                round(amount * Decimal::new(9975, 5)),
                Decimal::new(0, 2),
            )
        };
        let total = amount + gst + qst + hst;
        self.add("1210", total);
        self.add(account, -amount);
        self.add("2420", -gst);
        self.add("2500", -qst);
        self.add("2430", -hst);
        SalesRow {
            invoice: invoice.to_string(),
            day,
            customer,
            item,
            quantity,
            unit,
            amount,
            gst,
            qst,
            hst,
            total,
        }
    }

    /// Mostly full or partial payments of invoices, some deposits without
    /// invoice, some refunds (positive with the type, or negative).
    fn payments(
        &mut self,
        count: usize,
        invoice_totals: &[(String, Decimal, u32)],
    ) -> Vec<PaymentRow> {
        let mut payments = Vec::with_capacity(count);
        for index in 0..count {
            let random = &mut self.random;
            let roll = random.below(100);
            let (method, account) = METHODS[random.below(METHODS.len() as u64) as usize];
            let (invoice, amount, day) = if invoice_totals.is_empty() || roll < 10 {
                (
                    String::new(),
                    Decimal::new(random.below(100_000) as i64 + 1000, 2),
                    random.below(28) as u32 + 1,
                )
            } else {
                let (invoice, total, day) =
                    &invoice_totals[random.below(invoice_totals.len() as u64) as usize];
                let part = if random.below(4) == 0 {
                    round(*total / Decimal::from(2))
                } else {
                    *total
                };
                (
                    invoice.clone(),
                    part.max(Decimal::new(1, 2)),
                    (*day + random.below(5) as u32).min(28),
                )
            };
            let (kind, written, received) = match roll {
                0..=9 => ("Dépôt", amount, amount),
                10..=12 => ("Remboursement", amount, -amount),
                13..=14 => ("Paiement", -amount, -amount),
                _ => ("Paiement", amount, amount),
            };
            self.add(account, received);
            self.add("1210", -received);
            let reference = format!("PAI-{}", 50_000 + index);
            payments.push((day, reference, invoice, kind, method, written));
        }
        payments
    }
}

/// The payments report as a French `;` CSV with `1 234,56 $` amounts.
fn write_payments_csv(path: &Path, payments: &[PaymentRow]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"Date;No paiement;No facture;Client;Type;Mode de paiement;Montant\r\n")?;
    for (day, reference, invoice, kind, method, amount) in payments {
        writeln!(
            out,
            "2026-10-{day:02};{reference};{invoice};;{kind};{method};{} $\r",
            amount.to_string().replace('.', ",")
        )?;
    }
    out.flush()
}

const SALES_HEADER: [&str; 12] = [
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

fn csv_text(text: &str) -> String {
    if text.contains([',', '"', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn write_sales_csv(path: &Path, rows: &[SalesRow]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "{}\r", SALES_HEADER.join(","))?;
    for r in rows {
        writeln!(
            out,
            "{},2026-10-{:02},{},{},,{},{},{},{},{},{},{}\r",
            r.invoice,
            r.day,
            csv_text(r.customer),
            csv_text(r.item),
            r.quantity,
            r.unit,
            r.amount,
            r.gst,
            r.qst,
            r.hst,
            r.total
        )?;
    }
    out.flush()
}

fn write_sales_xlsx(path: &Path, rows: &[SalesRow]) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_decimal::prelude::ToPrimitive;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name("Ventes détaillées")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, header) in SALES_HEADER.iter().enumerate() {
        sheet.write_string(0, col as u16, *header)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &r.invoice)?;
        sheet.write_datetime_with_format(
            row,
            1,
            ExcelDateTime::from_ymd(2026, 10, r.day as u8)?,
            &date,
        )?;
        sheet.write_string(row, 2, r.customer)?;
        sheet.write_string(row, 3, r.item)?;
        sheet.write_number(row, 5, r.quantity as f64)?;
        for (col, value) in [
            (6, r.unit),
            (7, r.amount),
            (8, r.gst),
            (9, r.qst),
            (10, r.hst),
            (11, r.total),
        ] {
            sheet.write_number(row, col, value.to_f64().unwrap_or(0.0))?;
        }
    }
    workbook.save(path)
}
