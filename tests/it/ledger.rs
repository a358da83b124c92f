//! Sage 50 General Ledger reports built by the tests, as exported: the
//! postings of the Sage files the tool wrote (each import a new journal
//! entry number), of entries typed by hand, laid out flat (the account in a
//! column) or grouped (a heading and a total row per account), in English or
//! French, as xlsx or CSV. The Sage files are read with a parser written for
//! the test.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// One line of the ledger.
#[derive(Debug, Clone)]
pub struct Posting {
    pub je: u32,
    pub date: NaiveDate,
    pub source: String,
    pub comment: String,
    pub account: String,
    /// Debit positive.
    pub amount: Decimal,
}

/// An entry of a Sage import file: date, source, comment, (account, amount) lines.
pub type FileEntry = (NaiveDate, String, String, Vec<(String, Decimal)>);

/// The entries of a Sage import file (`mm-dd-yy,"source","comment"` headers,
/// `account,amount` lines, Windows-1252, CRLF).
pub fn entries_of(sage_file: &Path) -> Vec<FileEntry> {
    let bytes = std::fs::read(sage_file).unwrap();
    let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
    let mut entries: Vec<FileEntry> = Vec::new();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        if line.contains('"') {
            let fields: Vec<&str> = line.splitn(3, ',').collect();
            let date = NaiveDate::parse_from_str(fields[0], "%m-%d-%y").unwrap();
            let unquote = |f: &str| f.trim_matches('"').to_string();
            entries.push((date, unquote(fields[1]), unquote(fields[2]), Vec::new()));
        } else {
            let (account, amount) = line.split_once(',').unwrap();
            let lines = &mut entries.last_mut().unwrap().3;
            lines.push((account.to_string(), amount.parse().unwrap()));
        }
    }
    entries
}

/// The ledger of a company, posting after posting.
pub struct Ledger {
    pub postings: Vec<Posting>,
    next_je: u32,
}

impl Ledger {
    pub fn new() -> Ledger {
        Ledger {
            postings: Vec::new(),
            next_je: 101,
        }
    }

    /// Imports a Sage file: each entry gets the next journal entry number.
    pub fn import(&mut self, sage_file: &Path) {
        self.import_changed(sage_file, |_| {});
    }

    /// Imports a Sage file whose entries `change` edits first (as the
    /// accountant would by hand after importing).
    pub fn import_changed(&mut self, sage_file: &Path, change: impl Fn(&mut FileEntry)) {
        for mut entry in entries_of(sage_file) {
            change(&mut entry);
            let (date, source, comment, lines) = entry;
            let lines: Vec<(&str, Decimal)> = lines.iter().map(|(a, v)| (a.as_str(), *v)).collect();
            self.post(date, &source, &comment, &lines);
        }
    }

    /// An entry typed in Sage.
    pub fn post(
        &mut self,
        date: NaiveDate,
        source: &str,
        comment: &str,
        lines: &[(&str, Decimal)],
    ) {
        let je = self.next_je;
        self.next_je += 1;
        for (account, amount) in lines {
            self.postings.push(Posting {
                je,
                date,
                source: source.to_string(),
                comment: comment.to_string(),
                account: account.to_string(),
                amount: *amount,
            });
        }
    }

    /// Rent and payroll: entries on accounts the tool never posts to.
    pub fn post_unrelated(&mut self) {
        let amount = |s: &str| s.parse::<Decimal>().unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        self.post(
            day(1),
            "CHQ-301",
            "Loyer novembre",
            &[("5100", amount("1200.00")), ("1020", amount("-1200.00"))],
        );
        self.post(
            day(15),
            "PAIE-22",
            "Paie 2026-11-15",
            &[("5400", amount("3456.78")), ("2300", amount("-3456.78"))],
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Layout {
    /// One row per posting, the account in a column.
    Flat,
    /// A heading row per account, its postings, a total row.
    Grouped,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Language {
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dates {
    /// Excel date cells (xlsx only).
    Cells,
    /// `Nov 6, 2026` / `6 nov. 2026`.
    MonthNames,
    /// `11/06/2026`.
    Slashes,
    /// `11-06-26`.
    ShortYear,
    Iso,
}

/// How a report is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub layout: Layout,
    pub language: Language,
    pub dates: Dates,
    /// The title states the dates (else they come from the postings).
    pub titled: bool,
}

/// A cell of the report.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Money(Decimal),
    Date(NaiveDate),
    Empty,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn account_name(account: &str, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match account {
        "1020" => {
            if fr {
                "Banque"
            } else {
                "Bank"
            }
        }
        "1030" => "Plannit Pay",
        "1210" => {
            if fr {
                "Comptes clients Plannit"
            } else {
                "Accounts Receivable Plannit"
            }
        }
        "2300" => {
            if fr {
                "Salaires à payer"
            } else {
                "Wages payable"
            }
        }
        "2420" => {
            if fr {
                "TPS à payer"
            } else {
                "GST payable"
            }
        }
        "2500" => {
            if fr {
                "TVQ à payer"
            } else {
                "QST payable"
            }
        }
        "4001" => {
            if fr {
                "Revenus tonte"
            } else {
                "Lawn revenue"
            }
        }
        "4002" => {
            if fr {
                "Revenus déneigement"
            } else {
                "Snow removal revenue"
            }
        }
        "5100" => {
            if fr {
                "Loyer"
            } else {
                "Rent"
            }
        }
        "5400" => {
            if fr {
                "Salaires"
            } else {
                "Wages"
            }
        }
        _ => "Autre",
    }
}

fn date_cell(date: NaiveDate, shape: &Shape) -> Cell {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    let month = date.month0() as usize;
    match (shape.dates, shape.language) {
        (Dates::Cells, _) => Cell::Date(date),
        (Dates::MonthNames, Language::En) => {
            text(format!("{} {}, {}", EN[month], date.day(), date.year()))
        }
        (Dates::MonthNames, Language::Fr) => {
            text(format!("{} {} {}", date.day(), FR[month], date.year()))
        }
        (Dates::Slashes, _) => text(date.format("%m/%d/%Y").to_string()),
        (Dates::ShortYear, _) => text(date.format("%m-%d-%y").to_string()),
        (Dates::Iso, _) => text(date.to_string()),
    }
}

fn money(amount: Decimal) -> Cell {
    if amount.is_zero() {
        Cell::Empty
    } else {
        Cell::Money(amount)
    }
}

/// The report's rows: title rows, the header, the postings by account.
pub fn rows(ledger: &Ledger, shape: Shape) -> Vec<Vec<Cell>> {
    let fr = shape.language == Language::Fr;
    let mut rows = vec![
        vec![text("Paysagement Gagnon & Fils inc.")],
        vec![text(if fr {
            "Grand livre"
        } else {
            "General Ledger Report"
        })],
    ];
    if shape.titled {
        rows.push(vec![text(if fr {
            "Du 2026-11-01 au 2026-11-30"
        } else {
            "From Nov 1, 2026 to Nov 30, 2026"
        })]);
    }
    rows.push(Vec::new());
    let mut postings = ledger.postings.clone();
    postings.sort_by(|a, b| (&a.account, a.date, a.je).cmp(&(&b.account, b.date, b.je)));
    match shape.layout {
        Layout::Flat => flat_rows(&postings, shape, &mut rows),
        Layout::Grouped => grouped_rows(&postings, shape, &mut rows),
    }
    rows
}

fn flat_rows(postings: &[Posting], shape: Shape, rows: &mut Vec<Vec<Cell>>) {
    let header: &[&str] = match shape.language {
        Language::En => &[
            "Account No.",
            "Account Description",
            "Date",
            "Comment",
            "Source #",
            "JE #",
            "Debits",
            "Credits",
            "Balance",
        ],
        Language::Fr => &[
            "N° de compte",
            "Description du compte",
            "Date",
            "Commentaire",
            "N° source",
            "N° écriture",
            "Débits",
            "Crédits",
            "Solde",
        ],
    };
    rows.push(header.iter().map(|h| text(*h)).collect());
    let mut balance = Decimal::ZERO;
    let mut account = "";
    for posting in postings {
        if posting.account != account {
            account = &posting.account;
            balance = Decimal::ZERO;
            rows.push(Vec::new());
        }
        balance += posting.amount;
        rows.push(vec![
            text(&posting.account),
            text(account_name(&posting.account, shape.language)),
            date_cell(posting.date, &shape),
            text(&posting.comment),
            text(&posting.source),
            text(posting.je.to_string()),
            money(posting.amount.max(Decimal::ZERO)),
            money((-posting.amount).max(Decimal::ZERO)),
            Cell::Money(balance),
        ]);
    }
}

/// Grouped: the JE # before the source and a project column the reader
/// ignores; a heading, an opening balance, the postings and a total per account.
fn grouped_rows(postings: &[Posting], shape: Shape, rows: &mut Vec<Vec<Cell>>) {
    let fr = shape.language == Language::Fr;
    let header: &[&str] = if fr {
        &[
            "Date",
            "Commentaire",
            "No d'écriture",
            "No source",
            "Projet",
            "Débit",
            "Crédit",
            "Solde",
        ]
    } else {
        &[
            "Date", "Comment", "JE #", "Source #", "Project", "Debits", "Credits", "Balance",
        ]
    };
    rows.push(header.iter().map(|h| text(*h)).collect());
    let mut accounts: Vec<&str> = postings.iter().map(|p| p.account.as_str()).collect();
    accounts.dedup();
    for account in accounts {
        let name = account_name(account, shape.language);
        let heading = if fr {
            format!("{account} {name}")
        } else {
            format!("{account} - {name}")
        };
        rows.push(vec![text(heading)]);
        let opening = if fr {
            "Solde d'ouverture"
        } else {
            "Opening Balance"
        };
        rows.push(vec![
            text(opening),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(Decimal::ZERO),
        ]);
        let (mut debits, mut credits, mut balance) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for posting in postings.iter().filter(|p| p.account == account) {
            let (debit, credit) = (
                posting.amount.max(Decimal::ZERO),
                (-posting.amount).max(Decimal::ZERO),
            );
            debits += debit;
            credits += credit;
            balance += posting.amount;
            rows.push(vec![
                date_cell(posting.date, &shape),
                text(&posting.comment),
                text(posting.je.to_string()),
                text(&posting.source),
                Cell::Empty,
                money(debit),
                money(credit),
                Cell::Money(balance),
            ]);
        }
        rows.push(vec![
            text(format!("Total {account} {name}")),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(debits),
            Cell::Money(credits),
            Cell::Money(balance),
        ]);
        rows.push(Vec::new());
    }
}

pub fn write_ledger_xlsx(path: &Path, rows: &[Vec<Cell>]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("mmm dd yyyy");
    let money = Format::new().set_num_format("#,##0.00");
    let sheet = workbook.add_worksheet().set_name("General Ledger").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, t).map(|_| ()),
                Cell::Money(m) => sheet
                    .write_number_with_format(r, c, m.to_string().parse::<f64>().unwrap(), &money)
                    .map(|_| ()),
                Cell::Date(d) => {
                    let d =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .unwrap();
                    sheet.write_datetime_with_format(r, c, d, &date).map(|_| ())
                }
                Cell::Empty => Ok(()),
            }
            .unwrap();
        }
    }
    workbook.save(path).unwrap();
}

/// A CSV export: English (`,`, `1,234.56`, UTF-8) or French (`;`,
/// `1 234,56`, Windows-1252).
pub fn write_ledger_csv(path: &Path, rows: &[Vec<Cell>], language: Language) {
    let separator = if language == Language::Fr { ";" } else { "," };
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row.iter().map(|cell| csv_field(cell, language)).collect();
        out.push_str(&fields.join(separator));
        out.push_str("\r\n");
    }
    match language {
        Language::En => std::fs::write(path, out).unwrap(),
        Language::Fr => crate::fixtures::write_cp1252(path, &out),
    }
}

fn csv_field(cell: &Cell, language: Language) -> String {
    let quote = |s: &str| {
        if s.contains([',', ';', '"']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    match cell {
        Cell::Text(t) => quote(t),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => String::new(),
        Cell::Money(m) => {
            let plain = format!("{:.2}", m);
            let (units, cents) = plain.split_once('.').unwrap();
            let (sign, digits) = units.strip_prefix('-').map_or(("", units), |d| ("-", d));
            let mut grouped = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(if language == Language::Fr { ' ' } else { ',' });
                }
                grouped.push(ch);
            }
            let decimal = if language == Language::Fr { ',' } else { '.' };
            quote(&format!("{sign}{grouped}{decimal}{cents}"))
        }
    }
}
