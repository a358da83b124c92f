//! `verify`: Sage 50's general ledger read back in every layout, language
//! and format, compared with the export history: each batch landed once,
//! twice, not at all or differently, voided batches found, postings made
//! outside the tool, unrelated entries ignored; the history, `status` and
//! `watch` keep and show the result.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::fixtures::*;
use crate::ledger::*;

const VERIFY_CONFIG: &str = r#"
[accounts]
bank = "1020"
receivable = "1210"
gst = "2420"
qst = "2500"
hst = "2430"
plannit_pay_clearing = "1030"

[products]
"Tonte de pelouse" = "4001"
"Taille de haie" = "4001"
"Déneigement résidentiel" = "4002"
"#;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn amount(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// A company's history of four batches (period entries), the last voided:
/// B1 invoice F-1 (PLN-261102); B2 invoice F-2 and payment R-1
/// (PLN-261106); B3 Plannit Pay payment R-2 (PLN-261107); B4 invoice F-3
/// (PLN-261109), voided.
pub struct Books {
    pub case: Case,
    /// (batch id, its Sage file).
    pub batches: Vec<(String, PathBuf)>,
}

impl Books {
    pub fn new() -> Books {
        let case = Case::new(VERIFY_CONFIG);
        let sales = standard_sales_rows_fr();
        let payments: Vec<&str> = STANDARD_PAYMENTS_CSV.lines().collect();
        let mut f3 = sales[3].clone();
        f3[0] = T("F-3");
        f3[1] = D(2026, 11, 9);
        let drops: [(Vec<Vec<V>>, Vec<&str>); 4] = [
            (sales[..3].to_vec(), vec![]),
            (
                vec![sales[0].clone(), sales[3].clone()],
                vec![payments[0], payments[1]],
            ),
            (vec![], vec![payments[0], payments[2]]),
            (vec![sales[0].clone(), f3], vec![]),
        ];
        let mut batches = Vec::new();
        for (n, (sales, payments)) in drops.into_iter().enumerate() {
            for name in ["ventes.xlsx", "paiements.csv"] {
                let _ = std::fs::remove_file(case.file(name));
            }
            if !sales.is_empty() {
                write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", sales)]);
            }
            if !payments.is_empty() {
                std::fs::write(case.file("paiements.csv"), payments.join("\n") + "\n").unwrap();
            }
            let outcome = case.run_into(&case.dir.path().join(format!("out{}", n + 1)), &[], &[]);
            outcome.assert_success();
            let id = outcome
                .stdout
                .split("as batch ")
                .nth(1)
                .and_then(|rest| rest.split('.').next())
                .unwrap()
                .to_string();
            batches.push((id, outcome.sage_files[0].clone()));
        }
        let void = case.history(&["void", &batches[3].0, "--yes"]);
        assert!(
            void.status.success(),
            "{}",
            String::from_utf8_lossy(&void.stderr)
        );
        // A voided batch's Sage file is set aside, where it cannot be imported by mistake.
        let sage_file = &mut batches[3].1;
        let aside = sage_file.parent().unwrap().join("annulés");
        *sage_file = aside.join(sage_file.file_name().unwrap());
        assert!(sage_file.is_file(), "{}", sage_file.display());
        Books { case, batches }
    }

    pub fn sage_file(&self, batch: usize) -> &Path {
        &self.batches[batch].1
    }

    pub fn id(&self, batch: usize) -> &str {
        &self.batches[batch].0
    }

    /// The ledger with batches 1 to 3 imported once, and rent and payroll.
    pub fn ledger(&self) -> Ledger {
        let mut ledger = Ledger::new();
        ledger.post_unrelated();
        for batch in 0..3 {
            ledger.import(self.sage_file(batch));
        }
        ledger
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.case.dir.path().join(name)
    }

    /// `plannit2sage verify FILE… --config …` with `extra` arguments.
    pub fn verify(&self, files: &[&Path], extra: &[&str]) -> Verified {
        let mut command = binary();
        command.arg("verify").args(files);
        command
            .arg("--config")
            .arg(self.case.file("plannit2sage.toml"));
        command.arg("--out").arg(self.path("verification"));
        let output = command.args(extra).run_output();
        Verified {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

pub struct Verified {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Verified {
    pub fn assert(&self, code: i32, needles: &[&str]) -> &Self {
        assert_eq!(
            self.code, code,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        let all = format!("{}{}", self.stdout, self.stderr);
        for needle in needles {
            assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
        }
        self
    }

    /// The line naming a batch.
    pub fn batch_line(&self, id: &str) -> String {
        let start = format!("batch {id} ");
        (self.stdout.lines())
            .find(|l| l.trim_start().starts_with(&start))
            .unwrap_or_else(|| panic!("no line for {id}:\n{}", self.stdout))
            .to_string()
    }
}

/// Each shape of report that Sage exports: both layouts, both languages,
/// xlsx and CSV (UTF-8 `,` and Windows-1252 `;`), every date style.
fn shapes() -> Vec<(&'static str, Shape)> {
    use {Dates::*, Language::*, Layout::*};
    let shape = |layout, language, dates, titled| Shape {
        layout,
        language,
        dates,
        titled,
    };
    vec![
        ("flat-en.xlsx", shape(Flat, En, Cells, true)),
        ("grouped-fr.xlsx", shape(Grouped, Fr, MonthNames, true)),
        ("flat-fr.csv", shape(Flat, Fr, Iso, false)),
        ("grouped-en.csv", shape(Grouped, En, Slashes, true)),
        ("flat-en-names.csv", shape(Flat, En, MonthNames, false)),
        ("grouped-fr.csv", shape(Grouped, Fr, MonthNames, false)),
        (
            "grouped-en-short.xlsx",
            shape(Grouped, En, ShortYear, false),
        ),
    ]
}

fn write_report(path: &Path, ledger: &Ledger, shape: Shape) {
    let rows = rows(ledger, shape);
    if path.extension().is_some_and(|e| e == "xlsx") {
        write_ledger_xlsx(path, &rows);
    } else {
        write_ledger_csv(path, &rows, shape.language);
    }
}

#[test]
fn every_batch_landed_once_in_every_layout_language_and_format() {
    let books = Books::new();
    let ledger = books.ledger();
    for (name, shape) in shapes() {
        let path = books.path(name);
        write_report(&path, &ledger, shape);
        let verified = books.verify(&[&path], &[]);
        verified.assert(0, &["Every batch covered landed exactly once in Sage 50"]);
        for batch in 0..3 {
            assert!(
                verified
                    .batch_line(books.id(batch))
                    .ends_with(": landed once"),
                "{name}:\n{}",
                verified.stdout
            );
        }
        assert!(
            verified
                .batch_line(books.id(3))
                .ends_with(": void, not in Sage"),
            "{name}"
        );
        assert!(
            !verified.stdout.contains("made outside the tool"),
            "{name}:\n{}",
            verified.stdout
        );
        let dates = if shape.titled {
            "2026-11-01 to 2026-11-30 (as its title states)"
        } else {
            "2026-11-01 to 2026-11-15 (its first and last postings)"
        };
        assert!(
            verified.stdout.contains(dates),
            "{name}:\n{}",
            verified.stdout
        );
    }
}

/// The flat English xlsx report of `ledger`, in the case's folder.
fn report(books: &Books, ledger: &Ledger, name: &str) -> PathBuf {
    let path = books.path(name);
    let shape = Shape {
        layout: Layout::Flat,
        language: Language::En,
        dates: Dates::Cells,
        titled: true,
    };
    write_report(&path, ledger, shape);
    path
}

/// Payment R-1 typed in Sage as well: the bank debited, the receivable credited.
fn hand_posted_payment(ledger: &mut Ledger) {
    let lines = [("1020", amount("344.93")), ("1210", amount("-344.93"))];
    ledger.post(day(20), "DEP-77", "Paiement Lavoie", &lines);
}

#[test]
fn a_batch_imported_twice_and_a_hand_posted_payment() {
    let books = Books::new();
    let mut ledger = books.ledger();
    // Journal entries 101–102 rent and payroll, 103–105 the batches, 106 B2 again.
    ledger.import(books.sage_file(1));
    hand_posted_payment(&mut ledger);
    let path = report(&books, &ledger, "gl.xlsx");
    let verified = books.verify(&[&path], &[]);
    verified.assert(
        1,
        &[
            "PLN-261106 of 2026-11-06: found 2 times, Sage entries 104, 106",
            "→ to do in Sage 50: reverse the extra entry",
            "1 posting made outside the tool in its accounts (1210, 1030):",
            "2026-11-20  source DEP-77  \"Paiement Lavoie\"  account 1210  credit 344.93  (Sage entry 107)",
            "Result: 2 batches landed once, 1 batch landed twice, 1 batch void, not in Sage; 1 posting outside the tool.",
        ],
    );
    assert!(verified
        .batch_line(books.id(1))
        .ends_with("(2026-11-05 → 2026-11-06): landed twice"));
    assert!(verified.batch_line(books.id(0)).ends_with(": landed once"));
    // The bank's side of the payment, and rent and payroll, are not the tool's accounts.
    assert!(
        !verified.stdout.contains("account 1020"),
        "{}",
        verified.stdout
    );
    assert!(!verified.stdout.contains("CHQ-301"), "{}", verified.stdout);

    let french = books.verify(&[&path], &["--lang", "fr"]);
    french.assert(
        1,
        &[
            "importé deux fois",
            "PLN-261106 du 2026-11-06 : trouvée 2 fois, écritures Sage n° 104, 106",
            "1 écriture passée hors de l'outil dans ses comptes (1210, 1030) :",
            "2026-11-20  source DEP-77  « Paiement Lavoie »  compte 1210  crédit 344,93  (écriture Sage n° 107)",
            "Résultat : 2 lots importés une fois, 1 lot importé deux fois, 1 lot annulé, absent de Sage ; 1 écriture hors de l'outil.",
        ],
    );
    // The whole summary, its folder and batch numbers (today's date) named.
    // Paths with Windows' separators read as elsewhere.
    let folder = books
        .case
        .dir
        .path()
        .display()
        .to_string()
        .replace('\\', "/");
    let mut text = (french.stdout.replace('\\', "/"))
        .replace(&folder, "[DOSSIER]")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
    for batch in 0..4 {
        text = text.replace(books.id(batch), &format!("[LOT {}]", batch + 1));
    }
    insta::assert_snapshot!("verify_french", text);
}

#[test]
fn a_batch_not_imported_and_one_with_an_amount_changed() {
    let books = Books::new();
    let mut ledger = Ledger::new();
    ledger.post_unrelated();
    ledger.import(books.sage_file(0));
    // B2 never imported; B3 imported, then its amounts edited in Sage.
    ledger.import_changed(books.sage_file(2), |entry| {
        for (_, value) in entry.3.iter_mut() {
            *value = if value.is_sign_positive() {
                amount("1100.00")
            } else {
                amount("-1100.00")
            };
        }
    });
    let path = report(&books, &ledger, "gl.xlsx");
    let verified = books.verify(&[&path], &[]);
    let b2 = books.id(1);
    verified.assert(
        1,
        &[
            "PLN-261106 of 2026-11-06: not in Sage",
            &format!("plannit2sage history void {b2} --yes"),
            "PLN-261107 of 2026-11-07 (Sage entry 104): account 1030: expected 1,000.00, in Sage 1,100.00 ; account 1210: expected -1,000.00, in Sage -1,100.00",
            "→ to do in Sage 50: correct the entry",
        ],
    );
    assert!(verified
        .batch_line(b2)
        .ends_with(": not found in Sage (not imported yet, or imported into another company)"));
    assert!(verified
        .batch_line(books.id(2))
        .ends_with(": landed different"));
    assert!(verified.batch_line(books.id(0)).ends_with(": landed once"));
    assert!(
        !verified.stdout.contains("made outside the tool"),
        "{}",
        verified.stdout
    );
}

#[test]
fn a_voided_batch_found_in_sage_is_a_discrepancy() {
    let books = Books::new();
    let mut ledger = books.ledger();
    ledger.import(books.sage_file(3));
    let path = report(&books, &ledger, "gl.xlsx");
    let verified = books.verify(&[&path], &[]);
    verified.assert(
        1,
        &[
            "PLN-261109 of 2026-11-09: in Sage, entry 106",
            "reverse the entry in Sage 50",
        ],
    );
    assert!(verified
        .batch_line(books.id(3))
        .ends_with(": void but found in Sage"));
    assert!(
        !verified.stdout.contains("made outside the tool"),
        "{}",
        verified.stdout
    );
}

#[test]
fn the_workbook_has_a_sheet_per_finding_and_live_counts() {
    use crate::workbook::{cells, number, text};
    let books = Books::new();
    let mut ledger = Ledger::new();
    ledger.post_unrelated();
    ledger.import(books.sage_file(0));
    ledger.import(books.sage_file(0));
    ledger.import_changed(books.sage_file(2), |entry| entry.3[0].1 += amount("10.00"));
    ledger.import(books.sage_file(3));
    hand_posted_payment(&mut ledger);
    let path = report(&books, &ledger, "gl.xlsx");
    books.verify(&[&path], &[]).assert(1, &[]);
    let workbook = books.path("verification/verification-2026-11-01_2026-11-30.xlsx");
    let names = calamine::open_workbook_auto(&workbook)
        .map(|b| calamine::Reader::sheet_names(&b))
        .unwrap();
    assert_eq!(
        names,
        [
            "Summary",
            "Batches",
            "Landed twice",
            "Not found",
            "Different",
            "Void found",
            "Outside the tool"
        ]
    );
    let batches = cells(&workbook, "Batches");
    let verdicts: Vec<String> = (1..=4).map(|r| text(batches.get(&(r, 4)))).collect();
    assert_eq!(
        verdicts,
        [
            "landed twice",
            "not found in Sage",
            "landed different",
            "void but found in Sage"
        ]
    );
    let twice = cells(&workbook, "Landed twice");
    assert_eq!(text(twice.get(&(1, 2))), "PLN-261102");
    assert_eq!(text(twice.get(&(1, 4))), "103, 104");
    assert_eq!(number(twice.get(&(1, 6))), 344.93);
    let missing = cells(&workbook, "Not found");
    assert_eq!(text(missing.get(&(1, 2))), "PLN-261106");
    let different = cells(&workbook, "Different");
    // The payment's 1030 line: 1 000.00 in the file, 1 010.00 in Sage.
    assert_eq!(text(different.get(&(1, 6))), "1030");
    assert_eq!(number(different.get(&(1, 7))), 1000.0);
    assert_eq!(number(different.get(&(1, 8))), 1010.0);
    assert_eq!(number(different.get(&(1, 9))), 10.0);
    let outside = cells(&workbook, "Outside the tool");
    assert_eq!(text(outside.get(&(1, 1))), "DEP-77");
    assert_eq!(number(outside.get(&(1, 7))), 344.93);
    let summary = cells(&workbook, "Summary");
    assert_eq!(text(summary.get(&(2, 1))), "DISCREPANCIES TO FIX");
    let count_of = |label: &str| {
        let row = (summary.iter())
            .find(|(_, v)| matches!(v, calamine::Data::String(s) if s == label))
            .map(|((r, _), _)| *r)
            .unwrap_or_else(|| panic!("no {label:?} in the summary"));
        number(summary.get(&(row, 1)))
    };
    assert_eq!(count_of("landed twice"), 1.0);
    assert_eq!(count_of("landed once"), 0.0);
    assert_eq!(count_of("Lines posted outside the tool"), 1.0);
    crate::workbook::recalculated_values_match_at_least(&workbook, 8);
}

/// The reversing Sage file `history void --imported` wrote for a batch.
fn reversal_file(books: &Books, batch: usize) -> PathBuf {
    let void = books
        .case
        .history(&["void", books.id(batch), "--yes", "--imported"]);
    assert!(
        void.status.success(),
        "{}",
        String::from_utf8_lossy(&void.stderr)
    );
    let name = format!("sage50-annulation-{}.txt", books.id(batch));
    let folder = books.sage_file(batch).parent().unwrap();
    let path = folder.join(&name);
    assert!(path.is_file(), "no {name} in {:?}", file_names(folder));
    path
}

#[test]
fn a_batch_voided_after_its_import_must_be_there_with_its_reversal() {
    let books = Books::new();
    let mut ledger = books.ledger();
    let reversal = reversal_file(&books, 1);
    let path = report(&books, &ledger, "without.xlsx");
    let b2 = books.id(1);
    let without = books.verify(&[&path], &[]);
    without.assert(
        1,
        &[
            "PLN-261106 of 2026-11-06: in Sage (entry 104), without its reversal",
            &format!("must be in Sage with its reversal ({})", reversal.display()),
        ],
    );
    assert!(without.batch_line(b2).ends_with(": void but found in Sage"));
    assert!(
        !without.stdout.contains("made outside the tool"),
        "{}",
        without.stdout
    );

    ledger.import(&reversal);
    let path = report(&books, &ledger, "with.xlsx");
    let with = books.verify(&[&path], &[]);
    with.assert(0, &["Every batch covered landed exactly once"]);
    assert!(with.batch_line(b2).ends_with(": void and reversed in Sage"));
    // The reversal alone, its original never imported: as wrong.
    let mut alone = Ledger::new();
    alone.import(books.sage_file(0));
    alone.import(&reversal);
    let path = report(&books, &alone, "alone.xlsx");
    books.verify(&[&path], &[]).assert(
        1,
        &["PLN-261106 of 2026-11-06: its reversal is in Sage (entry 102), but not the original entry"],
    );
}
