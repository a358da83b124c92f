//! The reconciliation workbook, read back with calamine, and recalculated by
//! LibreOffice to prove that every stored formula result is what the formula
//! computes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};

use crate::fixtures::*;

pub fn workbook_path(case: &Case) -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir(case.out())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

/// Every cell of a sheet by (row, col), absolute.
pub fn cells(path: &Path, sheet: &str) -> BTreeMap<(u32, u32), Data> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .cells()
        .filter(|(_, _, v)| !matches!(v, Data::Empty))
        .map(|(r, c, v)| ((r as u32 + r0, c as u32 + c0), v.clone()))
        .collect()
}

fn formulas(path: &Path, sheet: &str) -> BTreeMap<(u32, u32), String> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_formula(sheet).unwrap();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| ((r as u32 + r0, c as u32 + c0), f.clone()))
        .collect()
}

pub fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

pub fn number(cell: Option<&Data>) -> f64 {
    match cell {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The four control rows of the summary: (label, side A, side B, difference).
pub fn controls(path: &Path, summary: &str) -> Vec<(String, f64, f64, f64)> {
    let cells = cells(path, summary);
    let header_row = cells
        .iter()
        .find(|(_, v)| matches!(v, Data::String(s) if s == "Contrôle" || s == "Control"))
        .map(|((r, _), _)| *r)
        .expect("controls table");
    (1..=4)
        .map(|i| {
            let r = header_row + i;
            (
                text(cells.get(&(r, 0))),
                number(cells.get(&(r, 1))),
                number(cells.get(&(r, 2))),
                number(cells.get(&(r, 3))),
            )
        })
        .collect()
}

#[test]
fn clean_batch_workbook_has_every_sheet_and_zero_control_differences() {
    let case = standard_case();
    case.run(&["--lang", "fr"]).assert_success();
    let path = workbook_path(&case);
    assert!(
        path.file_name().unwrap().to_str().unwrap() == "reconciliation-2026-11-02_2026-11-07.xlsx"
    );
    let book = open_workbook_auto(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Sommaire",
            "Journal",
            "Factures",
            "Paiements",
            "Exceptions",
            "Par produit",
            "Déjà exportés",
            "Lignes lues",
            "Doublons fusionnés",
            "Soldes ouverts",
            "Comptes clients"
        ]
    );

    let summary = cells(&path, "Sommaire");
    assert_eq!(text(summary.get(&(2, 1))), "IMPORTABLE");
    let controls = controls(&path, "Sommaire");
    assert_eq!(controls.len(), 4);
    for (label, a, b, difference) in &controls {
        assert!(difference.abs() < 0.001, "{label}: {a} vs {b}");
    }
    // Σ invoice totals 1 764.37; received 1 344.93; receivable 419.44; debits 1 764.37.
    assert!((controls[0].1 - 1764.37).abs() < 0.001);
    assert!((controls[1].1 - 1344.93).abs() < 0.001);
    assert!((controls[2].1 - 419.44).abs() < 0.001);
    assert!((controls[3].1 - 1764.37).abs() < 0.001);

    let invoices = cells(&path, "Factures");
    assert_eq!(text(invoices.get(&(0, 0))), "Facture");
    assert_eq!(text(invoices.get(&(1, 0))), "F-1");
    assert!(
        (number(invoices.get(&(1, 7))) - 344.93).abs() < 0.001,
        "total of F-1"
    );
    assert!(
        (number(invoices.get(&(1, 12))) - 344.93).abs() < 0.001,
        "paid on F-1"
    );
    assert!(
        number(invoices.get(&(1, 13))).abs() < 0.001,
        "balance of F-1"
    );
    assert!(
        (number(invoices.get(&(2, 13))) - 419.44).abs() < 0.001,
        "balance of F-2"
    );
    // Totals row below the data.
    assert_eq!(text(invoices.get(&(3, 0))), "Total");
    assert!((number(invoices.get(&(3, 7))) - 1764.37).abs() < 0.001);

    let products = cells(&path, "Par produit");
    let rows: Vec<(String, String, String)> = (1..=3)
        .map(|r| {
            (
                text(products.get(&(r, 0))),
                text(products.get(&(r, 1))),
                text(products.get(&(r, 2))),
            )
        })
        .collect();
    assert!(
        rows.contains(&("Tonte de pelouse".into(), "4001".into(), "associé".into())),
        "{rows:?}"
    );
}

#[test]
fn journal_sheet_holds_exactly_the_lines_of_the_sage_file() {
    for granularity in ["period", "document"] {
        let case = standard_case();
        let outcome = case.run(&["--granularity", granularity]);
        outcome.assert_success();
        let journal = cells(&workbook_path(&case), "Journal");
        let mut from_sheet = Vec::new();
        let mut last_entry = 0.0;
        for r in 1.. {
            let account = text(journal.get(&(r, 4)));
            if account.is_empty() {
                break;
            }
            let entry = number(journal.get(&(r, 0)));
            if entry != last_entry {
                let date = match journal.get(&(r, 1)) {
                    Some(Data::DateTime(d)) => d
                        .as_datetime()
                        .unwrap()
                        .date()
                        .format("%m-%d-%y")
                        .to_string(),
                    other => panic!("date cell {other:?}"),
                };
                from_sheet.push(format!(
                    "{date},\"{}\",\"{}\"",
                    text(journal.get(&(r, 2))),
                    text(journal.get(&(r, 3)))
                ));
                last_entry = entry;
            }
            let amount = number(journal.get(&(r, 5))) - number(journal.get(&(r, 6)));
            from_sheet.push(format!("{account},{amount:.2}"));
        }
        let from_file: Vec<String> = outcome
            .sage_text()
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        assert_eq!(from_sheet, from_file, "{granularity}");
    }
}

#[test]
fn failed_run_still_writes_a_workbook_marked_not_importable_with_non_zero_controls() {
    let case = Case::new(CONFIG);
    let mut rows = standard_sales_rows_fr();
    rows[1][8] = N(115.98); // total one dollar above amount + taxes
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case.run(&["--lang", "fr"])
        .assert_rejected(&["line_total_mismatch"]);
    let path = workbook_path(&case);
    let summary = cells(&path, "Sommaire");
    assert_eq!(text(summary.get(&(2, 1))), "NON IMPORTABLE");
    let controls = controls(&path, "Sommaire");
    assert!(
        (controls[0].3 - 1.0).abs() < 0.001,
        "invoice control: {controls:?}"
    );
    assert!(
        (controls[3].3 - 1.0).abs() < 0.001,
        "balance control: {controls:?}"
    );
    let exceptions = cells(&path, "Exceptions");
    assert_eq!(text(exceptions.get(&(0, 3))), "Où corriger");
    assert_eq!(text(exceptions.get(&(1, 0))), "erreur");
    assert_eq!(text(exceptions.get(&(1, 1))), "line_total_mismatch");
    // Where to fix, after the message; the location follows.
    assert!(
        text(exceptions.get(&(1, 3))).starts_with("dans Plannit"),
        "{:?}",
        exceptions.get(&(1, 3))
    );
    assert_eq!(text(exceptions.get(&(1, 4))), "ventes.xlsx");
    assert_eq!(number(exceptions.get(&(1, 6))), 2.0);
}

#[test]
fn english_labels_and_formula_like_text_stays_text() {
    let case = Case::new(CONFIG);
    let mut rows = standard_sales_rows_fr();
    rows[3][2] = T("=HYPERLINK(\"http://x\",\"clic\")");
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case.run(&["--lang", "en"]).assert_success();
    let path = workbook_path(&case);
    let book = open_workbook_auto(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "Journal",
            "Invoices",
            "Payments",
            "Exceptions",
            "By product",
            "Already exported",
            "Rows read",
            "Merged duplicates",
            "Open items",
            "Receivable"
        ]
    );
    let invoices = cells(&path, "Invoices");
    assert_eq!(text(invoices.get(&(0, 3))), "Amount before taxes");
    let exceptions = cells(&path, "Exceptions");
    assert_eq!(text(exceptions.get(&(0, 2))), "Message");
    assert_eq!(text(exceptions.get(&(0, 3))), "Where to fix");
    assert_eq!(
        text(invoices.get(&(2, 2))),
        "=HYPERLINK(\"http://x\",\"clic\")"
    );
    assert!(
        !formulas(&path, "Invoices").contains_key(&(2, 2)),
        "customer name became a formula"
    );
}

#[test]
fn detail_sheets_continue_on_further_sheets_past_the_row_limit() {
    use plannit2sage::run::{run, RunPlan, RunRequest};
    let case = standard_case();
    let plan = RunPlan::resolve(&RunRequest {
        inbox: case.inbox(),
        out_dir: Some(case.out()),
        ..RunRequest::default()
    })
    .unwrap();
    let report = run(&plan).unwrap();
    let path = case.dir.path().join("split.xlsx");
    plannit2sage::report::workbook::write_workbook_with_limit(&path, &report, 2).unwrap();
    let book = open_workbook_auto(&path).unwrap();
    let names = book.sheet_names();
    // One row a sheet: the invoices (written on another core) and every other
    // table continue on further sheets, each table's sheets in order, the
    // tables in the workbook's order.
    let one = case.dir.path().join("one-row-per-sheet.xlsx");
    plannit2sage::report::workbook::write_workbook_with_limit(&one, &report, 1).unwrap();
    fn continued(name: &str, sheets: usize) -> Vec<String> {
        (1..=sheets)
            .map(|n| match n {
                1 => name.to_string(),
                n => format!("{name} (suite {n})"),
            })
            .collect()
    }
    let expected: Vec<String> = std::iter::once("Sommaire".to_string())
        .chain(continued("Journal", 7))
        .chain(continued("Factures", 2))
        .chain(continued("Paiements", 2))
        .chain(continued("Exceptions", 1))
        .chain(continued("Par produit", 3))
        .chain(continued("Déjà exportés", 1))
        .chain(continued("Lignes lues", 2))
        .chain(continued("Doublons fusionnés", 1))
        .chain(continued("Soldes ouverts", 1))
        .chain(continued("Comptes clients", 1))
        .collect();
    assert_eq!(open_workbook_auto(&one).unwrap().sheet_names(), expected);
    recalculated_values_match(&one);
    for expected in [
        "Journal",
        "Journal (suite 2)",
        "Journal (suite 3)",
        "Journal (suite 4)",
        "Paiements",
    ] {
        assert!(names.contains(&expected.to_string()), "{names:?}");
    }
    let controls = controls(&path, "Sommaire");
    for (label, a, b, difference) in &controls {
        assert!(difference.abs() < 0.001, "{label}: {a} vs {b}");
    }
    assert!((controls[3].1 - 1764.37).abs() < 0.001, "{controls:?}");
    let summary_formulas = formulas(&path, "Sommaire");
    assert!(
        summary_formulas
            .values()
            .any(|f| f.contains("'Journal (suite 4)'!")),
        "{summary_formulas:?}"
    );
    recalculated_values_match(&path);
}

/// The workbook's parts (but its creation time), by name.
fn workbook_parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut part = archive.by_index(index).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut part, &mut bytes).unwrap();
            (part.name().unwrap().to_string(), bytes)
        })
        .filter(|(name, _)| name != "docProps/core.xml")
        .collect()
}

/// The invoices are written on another core while the other tables are: the
/// same report still gives the same workbook every time (formats and their
/// indices, sheets, cells), whether it posts or has nothing new.
#[test]
fn the_same_report_gives_the_same_workbook() {
    use plannit2sage::run::{run, RunPlan, RunRequest};
    let case = standard_case();
    let plan = |dry_run| {
        RunPlan::resolve(&RunRequest {
            inbox: case.inbox(),
            out_dir: Some(case.out()),
            dry_run,
            ..RunRequest::default()
        })
        .unwrap()
    };
    let posted = run(&plan(false)).unwrap();
    assert!(!posted.entries.is_empty());
    // The same inbox again: every document already exported, no entry.
    let again = run(&plan(true)).unwrap();
    assert!(again.entries.is_empty() && !again.history.unchanged.is_empty());
    for (name, report) in [("posted", &posted), ("nothing new", &again)] {
        let written: Vec<BTreeMap<String, Vec<u8>>> = (0..4)
            .map(|n| {
                let path = case.dir.path().join(format!("{name}-{n}.xlsx"));
                plannit2sage::report::workbook::write_workbook_with_limit(&path, report, 1)
                    .unwrap();
                workbook_parts(&path)
            })
            .collect();
        assert!(written[0].contains_key("xl/styles.xml"));
        for other in &written[1..] {
            assert!(
                other == &written[0],
                "{name}: two writings of one report differ"
            );
        }
    }
}

// --- LibreOffice recalculation -------------------------------------------

fn soffice() -> Option<PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|name| {
        std::env::var_os("PATH")?
            .to_str()?
            .split(':')
            .map(|dir| Path::new(dir).join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() && std::env::var_os("PLANNIT2SAGE_REQUIRE_LIBREOFFICE").is_some() {
        panic!("LibreOffice (soffice) is required by PLANNIT2SAGE_REQUIRE_LIBREOFFICE but not installed");
    }
    found
}

/// Converts `path` with LibreOffice set to recalculate every formula on load;
/// returns the recalculated copy.
pub fn recalculate(path: &Path) -> Option<PathBuf> {
    let soffice = soffice()?;
    let work = tempfile::tempdir().unwrap().keep();
    let profile = work.join("profile/user");
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::write(
        profile.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let out = work.join("out");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(path)
        .run_output();
    let converted = out.join(path.file_name().unwrap());
    assert!(
        converted.is_file(),
        "LibreOffice did not convert: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    Some(converted)
}

/// Every formula cell of every sheet: the value LibreOffice computes equals the
/// value the tool stored.
pub fn recalculated_values_match(path: &Path) {
    recalculated_values_match_at_least(path, 21);
}

/// As [`recalculated_values_match`], for a workbook of at least `at_least` formulas.
pub fn recalculated_values_match_at_least(path: &Path, at_least: usize) {
    let Some(recalculated) = recalculate(path) else {
        eprintln!("LibreOffice not installed: recalculation not checked");
        return;
    };
    let names = open_workbook_auto(path).unwrap().sheet_names();
    let mut checked = 0;
    for sheet in &names {
        let ours = cells(path, sheet);
        let theirs = cells(&recalculated, sheet);
        for position in formulas(path, sheet).keys() {
            let stored = number(ours.get(position));
            let computed = number(theirs.get(position));
            assert!(
                (stored - computed).abs() < 0.005,
                "{sheet} {position:?}: stored {stored}, LibreOffice computes {computed}"
            );
            checked += 1;
        }
    }
    assert!(checked >= at_least, "only {checked} formulas checked");
}

#[test]
fn libreoffice_recalculation_agrees_with_every_stored_formula_result() {
    // First prove that the conversion really recalculates: a formula stored
    // with a wrong result must come back corrected.
    let dir = tempfile::tempdir().unwrap();
    let canary = dir.path().join("canary.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .write_formula(0, 0, rust_xlsxwriter::Formula::new("=1+1").set_result("5"))
        .unwrap();
    workbook.save(&canary).unwrap();
    let Some(recalculated) = recalculate(&canary) else {
        eprintln!("LibreOffice not installed: recalculation not checked");
        return;
    };
    assert_eq!(
        number(cells(&recalculated, "Sheet1").get(&(0, 0))),
        2.0,
        "LibreOffice did not recalculate"
    );

    for broken in [false, true] {
        let case = Case::new(CONFIG);
        let mut rows = standard_sales_rows_fr();
        if broken {
            rows[1][8] = N(115.98);
        }
        write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
        std::fs::write(
            case.file("paiements.csv"),
            format!("{STANDARD_PAYMENTS_CSV}2026-11-08,R-3,F-1,\"Lavoie, Anne\",Remboursement,Virement,20.00\n"),
        )
        .unwrap();
        case.run(&[]);
        recalculated_values_match(&workbook_path(&case));
    }
}

/// Every control of the summary and of the Plannit Pay sheet, after
/// LibreOffice recalculates the workbook at `path`: (label, difference).
fn recalculated_control_differences(path: &Path) -> Option<Vec<(String, f64)>> {
    let recalculated = recalculate(path)?;
    let mut differences: Vec<(String, f64)> = controls(&recalculated, "Sommaire")
        .into_iter()
        .map(|(label, _, _, difference)| (label, difference))
        .collect();
    let plannit_pay = cells(&recalculated, "Plannit Pay");
    if !plannit_pay.is_empty() {
        let label = text(plannit_pay.get(&(7, 0)));
        differences.push((label, number(plannit_pay.get(&(7, 1)))));
    }
    // The receivable's: each row of column A that names a control, its
    // last figure.
    let receivable = cells(&recalculated, "Comptes clients");
    for (&(row, _), label) in receivable.iter().filter(|(&(_, col), v)| {
        col == 0 && matches!(v, Data::String(s) if s.starts_with("Contrôle"))
    }) {
        let value = (receivable.range((row, 1)..(row, u32::MAX)))
            .rfind(|(_, v)| matches!(v, Data::Float(_) | Data::Int(_)))
            .map(|(_, v)| number(Some(v)))
            .expect("a control value");
        differences.push((text(Some(label)), value));
    }
    Some(differences)
}

/// The bundled samples, and a batch with a tip, a customer deposit received
/// and applied, a bounced payment, a refund and a Plannit Pay payout net of
/// its fee: every control is 0 once LibreOffice recalculates the workbook.
#[test]
fn every_control_is_zero_for_consistent_batches() {
    let samples = tempfile::tempdir().unwrap();
    let inbox = samples.path().join("samples");
    std::fs::create_dir(&inbox).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e != "sqlite") {
            std::fs::copy(&path, inbox.join(path.file_name().unwrap())).unwrap();
        }
    }
    let out = samples.path().join("out");
    let output = plannit2sage(&[
        "run".into(),
        inbox.display().to_string(),
        "--out".into(),
        out.display().to_string(),
        "--lang".into(),
        "fr".into(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let workbook = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    // The first screen: status, period, accounts (each role named) and the
    // controls, before the settings, the files and the query files.
    let summary = cells(&workbook, "Sommaire");
    let row_of = |wanted: &str| {
        (summary.iter())
            .find(|(_, v)| text(Some(v)) == wanted)
            .map(|((r, _), _)| *r)
            .unwrap_or_else(|| panic!("no {wanted:?} in the summary"))
    };
    assert!(row_of("Contrôles") < row_of("Paramètres du lot"));
    assert!(row_of("Débits du journal = crédits") < 30);
    assert!(row_of("Paramètres du lot") < row_of("Fichiers d'entrée"));
    assert!(row_of("Fichiers d'entrée") < row_of("Requêtes"));
    let roles: Vec<String> = summary.values().map(|v| text(Some(v))).collect();
    assert!(
        roles.iter().any(|r| r == "Frais de traitement Plannit Pay"),
        "{roles:?}"
    );
    assert!(
        !roles.iter().any(|r| r.contains("Autre (requête)")),
        "{roles:?}"
    );
    let Some(differences) = recalculated_control_differences(&workbook) else {
        eprintln!("LibreOffice not installed: controls not recalculated");
        return;
    };
    assert_eq!(differences.len(), 7, "{differences:?}");
    for (label, difference) in &differences {
        assert!(difference.abs() < 0.001, "samples: {label}: {difference}");
    }

    let case = Case::new(&CONFIG.replace(
        "hst = \"2430\"",
        "hst = \"2430\"\nplannit_pay_clearing = \"1030\"\nprocessing_fees = \"5310\"\n\
         tips = \"2450\"\ncustomer_deposits = \"2700\"",
    ));
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(
        case.file("paiements.csv"),
        "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant,Pourboire\n\
         2026-11-01,D-1,,\"Lavoie, Anne\",Dépôt,Chèque,100.00,\n\
         2026-11-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Plannit Pay,254.93,10.00\n\
         2026-11-06,A-1,F-1,\"Lavoie, Anne\",Dépôt appliqué,Chèque,100.00,\n\
         2026-11-07,R-2,F-2,Bouchard & Fils,Paiement,Virement,1419.44,\n\
         2026-11-08,N-2,F-2,Bouchard & Fils,NSF,Virement,-1419.44,\n\
         2026-11-09,M-1,F-2,Bouchard & Fils,Remboursement,Virement,19.44,\n",
    )
    .unwrap();
    std::fs::write(
        case.file("versements.csv"),
        "Date du versement,No versement,Montant du versement,No facture,Client,Montant brut,Frais,Montant net\n\
         2026-11-08,VER-1,256.54,F-1,\"Lavoie, Anne\",264.93,8.39,256.54\n",
    )
    .unwrap();
    let outcome = case.run(&["--lang", "fr"]);
    outcome.assert_success();
    let differences = recalculated_control_differences(&workbook_path(&case)).unwrap();
    assert_eq!(differences.len(), 7, "{differences:?}");
    for (label, difference) in &differences {
        assert!(difference.abs() < 0.001, "{label}: {difference}");
    }
}
