//! A drop folder left alone, driven through `watch --once` cycles: each
//! batch's warnings on its line, in the log and in `status`; a batch held
//! for review until `retry --accept`; another client's export refused; a
//! voided batch's files set aside and its reversal written; a retry that
//! waits says why; the analyst's tools on a drop folder.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::fixtures::*;
use crate::watch::{drop_folder, log_lines, sage_files};

/// The test configuration with a default revenue account.
fn config_with_default() -> String {
    CONFIG.replace(
        "hst = \"2430\"",
        "hst = \"2430\"\ndefault_revenue = \"4000\"",
    )
}

const SALES_HEADER: &str =
    "No facture,Date facture,Client,Produit/Service,Quantité,Montant,TPS,TVQ,Total\n";

fn watch_once(root: &Path, extra: &[&str]) -> Output {
    binary()
        .args(["watch", "--once", "--quiet", "0"])
        .args(extra)
        .arg(root)
        .run_output()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn run(args: &[&str], root: &Path) -> Output {
    binary().args(args).arg(root).run_output()
}

fn only_folder(dir: &Path) -> PathBuf {
    let folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    folders[0].clone()
}

fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The standard batch, exported by a first cycle; its id.
fn export_standard(root: &Path) -> String {
    write_xlsx(
        &root.join("inbox/ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(root.join("inbox/paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let output = watch_once(root, &[]);
    assert!(output.status.success(), "{}", text(&output.stdout));
    let batch = log_lines(root).last().unwrap()["batch"]
        .as_str()
        .unwrap()
        .to_string();
    batch
}

/// Two catalogue items fall to the default account, a payment names an
/// invoice the drop lacks: three warnings of two rules.
#[test]
fn watch_shows_each_batch_warnings_on_its_line_in_the_log_and_in_status() {
    let dir = drop_folder();
    let root = dir.path();
    std::fs::write(root.join("plannit2sage.toml"), config_with_default()).unwrap();
    std::fs::write(
        root.join("inbox/ventes.csv"),
        format!(
            "{SALES_HEADER}F-1,2026-11-02,\"Lavoie, Anne\",Tonte de pelouse,2,100.00,5.00,9.98,114.98\n\
             F-1,2026-11-02,\"Lavoie, Anne\",Taille d'arbres,1,200.00,10.00,19.95,229.95\n\
             F-2,2026-11-05,Bouchard & Fils,Taille d'arbres,1,1234.56,61.73,123.15,1419.44\n"
        ),
    )
    .unwrap();
    std::fs::write(
        root.join("inbox/paiements.csv"),
        format!(
            "{STANDARD_PAYMENTS_CSV}2026-11-07,R-3,F-9,\"Roy, Marc\",Paiement,Virement,50.00\n"
        ),
    )
    .unwrap();
    let output = watch_once(root, &[]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    // The batch nets 1020 394.93 + 1030 1,000.00 + 1210 369.44.
    assert!(
        stdout.contains(", debits 1,764.37, 3 warnings → "),
        "{stdout}"
    );
    // Each rule once, its first warning in full, then how many more.
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[1].starts_with("    warning [payment_unknown_invoice] paiements.csv, row 4"),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with("    warning [unmapped_item_default] ventes.csv, row 3")
            && lines[2].contains("'Taille d'arbres' is not mapped"),
        "{stdout}"
    );
    assert_eq!(
        lines[3],
        "        … and 1 more of the same kind: see the workbook's Exceptions sheet"
    );
    assert_eq!(
        Outcome::read(&sage_files(root)[0]).account_sums(),
        sums(&[
            ("1020", "394.93"),
            ("1030", "1000.00"),
            // 114.98 + 229.95 + 1419.44 − 344.93 − 1000.00 − 50.00
            ("1210", "369.44"),
            ("2420", "-76.73"),
            ("2500", "-153.08"),
            ("4000", "-1434.56"),
            ("4001", "-100.00"),
        ])
    );
    // The log keeps them by rule, with the first of each.
    let log = log_lines(root);
    let rules = &log[0]["warnings_by_rule"];
    assert_eq!(log[0]["warnings"], 3);
    assert_eq!(rules[0]["rule"], "payment_unknown_invoice");
    assert_eq!(rules[0]["count"], 1);
    assert!(rules[0]["first"].as_str().unwrap().contains("invoice F-9"));
    assert_eq!(rules[1]["rule"], "unmapped_item_default");
    assert_eq!(rules[1]["count"], 2);

    // status, in French, says them for the client's last batch.
    let status = binary()
        .args(["--lang", "fr", "status"])
        .arg(root)
        .run_output();
    let said = text(&status.stdout);
    let batch = log[0]["batch"].as_str().unwrap();
    assert!(
        said.contains(&format!(
            "  avertissements du lot {batch} : 3\n    1 × warning [payment_unknown_invoice]"
        )),
        "{said}"
    );
    assert!(
        said.contains("    2 × warning [unmapped_item_default]"),
        "{said}"
    );

    // A second drop with the same documents: nothing new, and the skipped
    // documents are said.
    let archived = std::fs::read_to_string(root.join("archive").join(batch).join("ventes.csv"));
    // Another export of the same documents (not the same bytes).
    let copy = archived.unwrap() + "\n";
    std::fs::write(root.join("inbox/ventes-copie.csv"), copy).unwrap();
    let again = text(&watch_once(root, &[]).stdout);
    assert!(
        again.contains(&format!(
            "    2 invoices already exported in batch {batch} — skipped"
        )),
        "{again}"
    );
}

#[test]
fn warnings_hold_keeps_a_batch_until_retry_accept() {
    let dir = drop_folder();
    let root = dir.path();
    let config = config_with_default() + "\n[watch]\nwarnings = \"hold\"\n";
    std::fs::write(root.join("plannit2sage.toml"), config).unwrap();
    let mut rows = standard_sales_rows_fr();
    rows[2][3] = T("Taille d'arbres");
    write_xlsx(&root.join("inbox/ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(root.join("inbox/paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();

    let held = watch_once(root, &[]);
    let stdout = text(&held.stdout);
    assert_eq!(held.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("to review (paiements.csv, ventes.xlsx): 1 warning; nothing is exported until you accept it"),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning [unmapped_item_default]"),
        "{stdout}"
    );
    assert!(stdout.contains("1 to review,"), "{stdout}");
    assert!(sage_files(root).is_empty());
    let folder = only_folder(&root.join("rejected"));
    let name = name_of(&folder);
    assert!(name.ends_with("-to-review"), "{name}");
    assert!(
        stdout.contains(&format!(
            "to export it as it is: plannit2sage retry \"{}\" {name} --accept",
            root.display()
        )),
        "{stdout}"
    );
    let review = std::fs::read_to_string(folder.join("A-VERIFIER-TO-REVIEW.txt")).unwrap();
    assert!(
        review.starts_with("This batch waits for your review"),
        "{review}"
    );
    assert!(
        review.contains("'Taille d'arbres' is not mapped"),
        "{review}"
    );
    assert!(!folder.join("ERREURS-ERRORS.txt").exists());
    assert!(folder.join("ventes.xlsx").is_file());
    assert_eq!(log_lines(root)[0]["status"], "held");

    // Left alone, it stays held and the next cycle says what it waits for.
    let waiting = text(&watch_once(root, &[]).stdout);
    assert!(
        waiting.contains(&format!(
            "waiting  retry of rejected/{name}: to review: see A-VERIFIER-TO-REVIEW.txt"
        )),
        "{waiting}"
    );
    let status = text(&run(&["status"], root).stdout);
    assert!(
        status.contains(&format!("batch to review: {name}")),
        "{status}"
    );

    // Accepted: exported as it is.
    let accepted = binary()
        .arg("retry")
        .arg(root)
        .arg(&name)
        .arg("--accept")
        .run_output();
    let stdout = text(&accepted.stdout);
    assert!(accepted.status.success(), "{stdout}");
    assert!(stdout.contains("exported  batch"), "{stdout}");
    let mut expected = standard_sums();
    expected.insert("4000".into(), "-200.00".parse().unwrap());
    expected.insert("4001".into(), "-100.00".parse().unwrap());
    assert_eq!(Outcome::read(&sage_files(root)[0]).account_sums(), expected);
    assert!(!folder.exists(), "the held folder stayed in rejected/");
}

/// A cleaning company's sales report, dated within the batch exported:
/// four items and three customers this client never had.
const CLEANING_SALES: &str = "M-501,2026-11-02,Clinique dentaire Ste-Foy,Entretien ménager commercial,1,600.00,30.00,59.85,689.85\n\
M-501,2026-11-02,Clinique dentaire Ste-Foy,Lavage de vitres,1,150.00,7.50,14.96,172.46\n\
M-502,2026-11-04,Bureau Lapointe notaires,Entretien ménager commercial,1,480.00,24.00,47.88,551.88\n\
M-503,2026-11-06,Résidence Les Pins,Nettoyage de tapis,1,220.00,11.00,21.95,252.95\n\
M-504,2026-11-07,Bureau Lapointe notaires,Désinfection,1,180.00,9.00,17.96,206.96\n";

#[test]
fn a_foreign_sales_report_is_refused_although_default_revenue_is_set_then_accepted() {
    let dir = drop_folder();
    let root = dir.path();
    std::fs::write(root.join("plannit2sage.toml"), config_with_default()).unwrap();
    export_standard(root);

    // This client's next week: a known customer, a known item, one new
    // each: an ordinary batch.
    std::fs::write(
        root.join("inbox/semaine.csv"),
        format!(
            "{SALES_HEADER}F-3,2026-11-09,\"Lavoie, Anne\",Tonte de pelouse,1,100.00,5.00,9.98,114.98\n\
             F-4,2026-11-10,Nouveau client,Taille d'arbres,1,50.00,2.50,4.99,57.49\n"
        ),
    )
    .unwrap();
    let ordinary = watch_once(root, &[]);
    assert!(ordinary.status.success(), "{}", text(&ordinary.stdout));

    std::fs::write(
        root.join("inbox/ventes-menage.csv"),
        format!("{SALES_HEADER}{CLEANING_SALES}"),
    )
    .unwrap();
    let refused = watch_once(root, &["--lang", "fr"]);
    let stdout = text(&refused.stdout);
    assert_eq!(refused.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "erreur [foreign_export] ventes-menage.csv : ce rapport ne semble pas être celui de ce client : \
             4 produits sur 4 et 3 clients sur 3 jamais vus (ni dans la configuration ni dans les lots exportés), \
             et 2 documents sur 2 exportés pour ces dates absents de ce rapport"
        ),
        "{stdout}"
    );
    // Refused before any advice to map its items.
    assert!(!stdout.contains("unmapped_item"), "{stdout}");
    assert!(!stdout.contains("default_revenue"), "{stdout}");
    assert_eq!(sage_files(root).len(), 2);
    let folder = only_folder(&root.join("rejected"));
    let name = name_of(&folder);
    assert!(!folder.join("produits-a-associer.csv").exists());
    // The refused drop's workbook, for the same days, left the exported
    // batch's own in out/.
    assert!(folder
        .join("reconciliation-2026-11-02_2026-11-07-refus.xlsx")
        .is_file());
    assert!(root
        .join("out/reconciliation-2026-11-02_2026-11-07.xlsx")
        .is_file());
    let errors = std::fs::read_to_string(folder.join("ERREURS-ERRORS.txt")).unwrap();
    assert!(
        errors.contains(&format!(
            "plannit2sage retry \"{}\" {name} --accept",
            root.display()
        )),
        "{errors}"
    );
    assert!(!errors.contains("Corrigez la configuration"), "{errors}");

    // The client really took on cleaning: accepted, it posts.
    let accepted = binary()
        .args(["retry"])
        .arg(root)
        .arg(&name)
        .arg("--accept")
        .run_output();
    let stdout = text(&accepted.stdout);
    assert!(accepted.status.success(), "{stdout}");
    assert!(stdout.contains("7 warnings"), "{stdout}");
    assert!(
        stdout.contains("warning [document_disappeared]"),
        "{stdout}"
    );
    let batch = log_lines(root).last().unwrap()["batch"]
        .as_str()
        .unwrap()
        .to_string();
    let sage = sage_files(root)
        .into_iter()
        .find(|p| name_of(p).contains(&batch))
        .unwrap();
    assert_eq!(
        Outcome::read(&sage).account_sums(),
        sums(&[
            // 689.85 + 172.46 + 551.88 + 252.95 + 206.96
            ("1210", "1874.10"),
            ("2420", "-81.50"),
            // 59.85 + 14.96 + 47.88 + 21.95 + 17.96
            ("2500", "-162.60"),
            ("4000", "-1630.00"),
        ])
    );
}

/// The unmapped item without a default account: most of the batch
/// unmapped, the advice is to map, not to set a default account.
#[test]
fn the_default_revenue_account_is_offered_only_for_a_few_items() {
    let case = Case::new(CONFIG);
    std::fs::write(
        case.file("ventes.csv"),
        format!(
            "{SALES_HEADER}F-1,2026-11-02,\"Lavoie, Anne\",Taille d'arbres,1,200.00,10.00,19.95,229.95\n\
             F-2,2026-11-05,Bouchard & Fils,Sel,1,100.00,5.00,9.98,114.98\n"
        ),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_rejected(&[
        "'Taille d'arbres' has no revenue account: add it under [products] in the config",
    ]);
    assert!(
        !outcome.stderr.contains("default_revenue"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn history_void_sets_the_files_aside_and_imported_writes_the_reversal() {
    let dir = drop_folder();
    let root = dir.path();
    let config = CONFIG.replace(
        "[accounts]",
        "[sage50]\ngranularity = \"document\"\n\n[accounts]",
    );
    std::fs::write(root.join("plannit2sage.toml"), &config).unwrap();
    let first = export_standard(root);
    let (sage, workbook) = (
        sage_files(root)[0].clone(),
        root.join("out/reconciliation-2026-11-02_2026-11-07.xlsx"),
    );
    assert!(workbook.is_file());

    let voided = binary()
        .args(["--lang", "fr", "history"])
        .arg(root)
        .args(["void", &first, "--yes"])
        .run_output();
    let said = text(&voided.stdout);
    assert!(voided.status.success(), "{said}{}", text(&voided.stderr));
    assert!(
        said.contains(&format!("Le lot {first} est annulé")),
        "{said}"
    );
    let aside = root.join("out/annulés");
    assert!(
        said.contains("mis à l'écart, à ne pas importer : "),
        "{said}"
    );
    assert!(!sage.exists() && !workbook.exists());
    assert_eq!(
        file_names(&aside),
        [
            "reconciliation-2026-11-02_2026-11-07.xlsx",
            "sage50-2026-11-02_2026-11-07.txt"
        ]
    );
    let status = text(&run(&["status"], root).stdout);
    assert!(status.contains("VOIDED on "), "{status}");
    assert!(
        status.contains("no valid batch: every exported batch was voided"),
        "{status}"
    );

    // The same exports again: the documents post anew, under the plain names.
    let second = export_standard(root);
    assert_ne!(first, second);
    let status = text(&run(&["status"], root).stdout);
    assert!(
        status.contains(&format!("last exported batch: {second}")),
        "{status}"
    );
    assert!(!status.contains("VOIDED"), "{status}");

    // Imported into Sage, then closed up to the 5th: its reversal, each
    // entry on its own date or on the first open one, its comment in the
    // language of the client's books (French unless configured).
    let closed = config.replace("[accounts]", "lock_before = \"2026-11-05\"\n\n[accounts]");
    std::fs::write(root.join("plannit2sage.toml"), closed).unwrap();
    let reversed = binary()
        .arg("history")
        .arg(root)
        .args(["void", &second, "--yes", "--imported"])
        .run_output();
    let said = text(&reversed.stdout);
    assert!(
        reversed.status.success(),
        "{said}{}",
        text(&reversed.stderr)
    );
    let reversal = root.join(format!("out/sage50-annulation-{second}.txt"));
    assert!(said.contains("reversing entry: "), "{said}");
    assert!(
        // Each entry's debits: 344.93 + 1,419.44 (the invoices' revenue and
        // taxes) + 344.93 + 1,000.00 (the receivable, for the payments).
        said.contains("(4 entries, debits 3,109.30): import it into Sage 50"),
        "{said}"
    );
    let negated: std::collections::BTreeMap<String, rust_decimal::Decimal> =
        standard_sums().into_iter().map(|(a, v)| (a, -v)).collect();
    let outcome = Outcome::read(&reversal);
    assert_eq!(outcome.account_sums(), negated);
    let headers = outcome.headers();
    assert_eq!(
        headers,
        [
            format!("11-05-26,\"F-1\",\"Annul. lot {second} du 26-11-02\""),
            format!("11-05-26,\"F-2\",\"Annul. lot {second}\""),
            format!("11-06-26,\"R-1\",\"Annul. lot {second}\""),
            format!("11-07-26,\"R-2\",\"Annul. lot {second}\""),
        ]
    );
    // The tool's own check accepts it, with the company's dates.
    let check = binary()
        .arg("check")
        .arg(&reversal)
        .arg("--config")
        .arg(root.join("plannit2sage.toml"))
        .run_output();
    assert!(check.status.success(), "{}", text(&check.stdout));
    assert!(sage_files(root)
        .iter()
        .all(|p| !name_of(p).starts_with("sage50-2026")));
    let status = text(&run(&["status"], root).stdout);
    assert!(
        status.contains("its reversing entry, for Sage 50: "),
        "{status}"
    );
    // Written once.
    let again = binary()
        .arg("history")
        .arg(root)
        .args(["void", &second, "--yes", "--imported"])
        .run_output();
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("its reversal already written"));
}

#[test]
fn a_batch_recorded_without_its_entries_is_reversed_from_its_sage_file_or_refused() {
    let dir = drop_folder();
    let root = dir.path();
    let batch = export_standard(root);
    // As a version that did not keep the entries would have recorded it.
    let db = rusqlite::Connection::open(root.join("plannit2sage.sqlite")).unwrap();
    db.execute("DELETE FROM batch_entries", []).unwrap();
    drop(db);
    let sage = sage_files(root)[0].clone();
    let original = std::fs::read(&sage).unwrap();
    std::fs::write(&sage, b"changed").unwrap();
    let refused = binary()
        .arg("history")
        .arg(root)
        .args(["void", &batch, "--yes", "--imported"])
        .run_output();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("its reversal cannot be written"),
        "{}",
        text(&refused.stderr)
    );
    // Nothing was changed by the refusal.
    let listed = text(&run(&["history"], root).stdout);
    assert!(listed.contains(&format!("{batch}   done")), "{listed}");
    std::fs::write(&sage, original).unwrap();
    let reversed = binary()
        .arg("history")
        .arg(root)
        .args(["void", &batch, "--yes", "--imported"])
        .run_output();
    assert!(reversed.status.success(), "{}", text(&reversed.stderr));
    let negated: std::collections::BTreeMap<String, rust_decimal::Decimal> =
        standard_sums().into_iter().map(|(a, v)| (a, -v)).collect();
    let reversal = root.join(format!("out/sage50-annulation-{batch}.txt"));
    assert_eq!(Outcome::read(&reversal).account_sums(), negated);
}

#[test]
fn a_retry_waiting_for_the_configuration_to_settle_is_named() {
    let dir = drop_folder();
    let root = dir.path();
    let mut rows = standard_sales_rows_fr();
    rows[2][3] = T("Taille d'arbres");
    write_xlsx(&root.join("inbox/ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(root.join("inbox/paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    assert_eq!(watch_once(root, &[]).status.code(), Some(1));
    let name = name_of(&only_folder(&root.join("rejected")));

    let unchanged = text(&watch_once(root, &[]).stdout);
    assert!(
        unchanged.contains(&format!(
            "waiting  retry of rejected/{name}: configuration unchanged since the rejection"
        )),
        "{unchanged}"
    );

    let config = CONFIG.replace(
        "[products]\n",
        "[products]\n\"Taille d'arbres\" = \"4003\"\n",
    );
    std::fs::write(root.join("plannit2sage.toml"), config).unwrap();
    let output = binary()
        .args(["watch", "--once", "--quiet", "2"])
        .arg(root)
        .run_output();
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let waiting = stdout
        .lines()
        .position(|l| {
            l.contains(&format!(
                "waiting  retry of rejected/{name}: the configuration was just saved: retried in "
            ))
        })
        .unwrap_or_else(|| panic!("{stdout}"));
    let exported = stdout
        .lines()
        .position(|l| l.contains(&format!("retry of {name}: exported  batch")))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(waiting < exported, "{stdout}");
    let mut expected = standard_sums();
    expected.insert("4001".into(), "-100.00".parse().unwrap());
    expected.insert("4003".into(), "-200.00".parse().unwrap());
    assert_eq!(Outcome::read(&sage_files(root)[0]).account_sums(), expected);
}

#[test]
fn history_sql_tables_and_dry_run_take_a_drop_folder() {
    let dir = drop_folder();
    let root = dir.path();
    let batch = export_standard(root);
    let listed = text(&run(&["history"], root).stdout);
    assert!(listed.contains(&batch), "{listed}");

    // The month already exported, read from its archive.
    let sql = binary()
        .arg("sql")
        .arg(root)
        .args([
            "--batch",
            "last",
            "SELECT SUM(amount) AS revenue, COUNT(*) AS lines FROM sales",
        ])
        .run_output();
    let out = text(&sql.stdout);
    assert!(sql.status.success(), "{out}{}", text(&sql.stderr));
    assert!(out.lines().nth(2).unwrap().contains("1534.56"), "{out}");
    let by_id = binary()
        .arg("tables")
        .arg(root)
        .args(["--batch", &batch])
        .run_output();
    assert!(
        text(&by_id.stdout).contains("sales (3 rows)"),
        "{}",
        text(&by_id.stdout)
    );
    let unknown = binary()
        .arg("sql")
        .arg(root)
        .args(["--batch", "2020-01-01-1", "SELECT 1"])
        .run_output();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains(&format!(
            "no archived files for batch 2020-01-01-1 in {}",
            root.join("archive").display()
        )),
        "{}",
        text(&unknown.stderr)
    );
    assert!(text(&unknown.stderr).contains(&format!("(archived batches: {batch})")));

    // The inbox of a drop folder takes the drop folder's configuration.
    std::fs::write(
        root.join("inbox/ventes.csv"),
        format!("{SALES_HEADER}F-7,2026-11-20,\"Lavoie, Anne\",Tonte de pelouse,1,100.00,5.00,9.98,114.98\n"),
    )
    .unwrap();
    let inbox = binary()
        .arg("sql")
        .arg(root.join("inbox"))
        .arg("SELECT invoice FROM sales")
        .run_output();
    assert!(
        text(&inbox.stdout).contains("F-7"),
        "{}",
        text(&inbox.stderr)
    );
    let dry = run(&["run", "--dry-run"], root);
    let said = text(&dry.stdout);
    assert!(dry.status.success(), "{said}{}", text(&dry.stderr));
    assert!(said.contains("1210"), "{said}");
    assert!(root.join("inbox/ventes.csv").is_file());
    assert_eq!(sage_files(root).len(), 1);
    // For real, a drop folder is watch's.
    let real = run(&["run"], root);
    assert_eq!(real.status.code(), Some(2));
    assert!(text(&real.stderr).contains("is a drop folder"));
}
