//! Exported documents missing from the exports: warned on every run (also
//! when nothing else is new, in `watch`'s line and log, and in `status`)
//! until an export holds them again or `history acknowledge` records that
//! they are gone; the acknowledgement in `history` and `history show`.

use std::path::Path;

use crate::fixtures::*;
use crate::watch::{drop_folder, log_lines, sage_files};

const SALES_HEADER: &str =
    "No facture,Date facture,Client,Produit/Service,Quantité,Montant,TPS,TVQ,Total\n";
const F1001: &str =
    "F-1001,2026-10-02,\"Lavoie, Anne\",Tonte de pelouse,1,100.00,5.00,9.98,114.98\n";
const F1005: &str =
    "F-1005,2026-10-15,Bouchard & Fils,Déneigement résidentiel,1,1234.56,61.73,123.15,1419.44\n";
const F1009: &str =
    "F-1009,2026-10-28,\"Tremblay, Marie\",Tonte de pelouse,2,200.00,10.00,19.95,229.95\n";
/// November: nothing of October's dates.
const F1012: &str =
    "F-1012,2026-11-04,\"Lavoie, Anne\",Tonte de pelouse,1,100.00,5.00,9.98,114.98\n";

/// October's sales report: F-1005 in it or not (voided in Plannit since).
fn october(with_f1005: bool) -> String {
    let f1005 = if with_f1005 { F1005 } else { "" };
    format!("{SALES_HEADER}{F1001}{f1005}{F1009}")
}

/// A payment and the bounced payment cancelling it carry the same number:
/// `R-7` names two documents.
const OCTOBER_PAYMENTS: &str = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n\
2026-10-20,R-7,F-1001,\"Lavoie, Anne\",Paiement,Chèque,114.98\n\
2026-10-22,R-7,F-1001,\"Lavoie, Anne\",NSF,Chèque,114.98\n";

fn said(outcome: &Outcome) -> String {
    format!("{}\n{}", outcome.stdout, outcome.stderr)
}

fn output_text(output: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_document_gone_from_the_exports_is_warned_on_every_run_until_acknowledged() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("ventes.csv"), october(true)).unwrap();
    std::fs::write(case.file("paiements.csv"), OCTOBER_PAYMENTS).unwrap();
    case.run_into(&case.dir.path().join("out1"), &[], &[])
        .assert_success();
    std::fs::remove_file(case.file("paiements.csv")).unwrap();

    // October again without F-1005: nothing new, but F-1005 is said, on
    // every run.
    std::fs::write(case.file("ventes.csv"), october(false)).unwrap();
    let command = format!(
        "plannit2sage history \"{}\" acknowledge invoice:F-1005 --note \"…\"",
        case.inbox().display()
    );
    for out in ["out2", "out3"] {
        let outcome = case.run_into(&case.dir.path().join(out), &[], &[]);
        let said = said(&outcome);
        assert_eq!(outcome.code, 0, "{said}");
        assert!(said.contains("Nothing new"), "{said}");
        assert!(
            said.contains("warning [document_disappeared]: invoice:F-1005 (dated 2026-10-15"),
            "{said}"
        );
        assert!(said.contains(&command), "{said}");
        assert!(outcome.sage_files.is_empty());
    }
    // November's export does not cover October 15: F-1005 is still said,
    // missing since the first run that found it so.
    std::fs::write(case.file("ventes.csv"), format!("{SALES_HEADER}{F1012}")).unwrap();
    let november = case.run_into(&case.dir.path().join("out4"), &[], &[]);
    november.assert_success();
    let said_november = said(&november);
    assert!(
        said_november.contains("invoice:F-1005 (dated 2026-10-15, exported in batch ")
            && said_november.contains("has been missing from the exports since 20"),
        "{said_november}"
    );
    assert!(said_november.contains(&command), "{said_november}");
    assert_eq!(
        november.account_sums(),
        sums(&[
            ("1210", "114.98"),
            ("2420", "-5.00"),
            ("2500", "-9.98"),
            ("4001", "-100.00")
        ])
    );

    acknowledge_refuses_unknown_ambiguous_and_blank(&case);
    let history = |args: &[&str]| output_text(&case.history(args));
    let (stdout, stderr) = history(&[
        "acknowledge",
        "f-1005",
        "--note",
        "Voided in Plannit on 2026-11-20; reversed by hand in Sage",
    ]);
    assert!(
        stdout.contains("Absence acknowledged on 20")
            && stdout.contains(": invoice:F-1005 (invoice F-1005 dated 2026-10-15, batch ")
            && stdout
                .contains("note: \"Voided in Plannit on 2026-11-20; reversed by hand in Sage\""),
        "{stdout}\n{stderr}"
    );
    // Listed under the batches, and on the document's line.
    let (list, _) = history(&[]);
    assert!(list.contains("1 absence acknowledged:"), "{list}");
    assert!(
        list.contains("invoice:F-1005 (invoice F-1005 dated 2026-10-15, batch "),
        "{list}"
    );
    let first_batch = first_batch_id(&list);
    let (shown, _) = history(&["show", &first_batch]);
    let line = shown.lines().find(|l| l.contains("F-1005")).unwrap();
    assert!(
        line.contains("— absence acknowledged on 20")
            && line.ends_with(": \"Voided in Plannit on 2026-11-20; reversed by hand in Sage\""),
        "{shown}"
    );
    let line = shown.lines().find(|l| l.contains("F-1001")).unwrap();
    assert!(!line.contains("acknowledged"), "{shown}");

    // Acknowledged: October again without F-1005 says nothing of it.
    std::fs::write(case.file("ventes.csv"), october(false)).unwrap();
    let quiet = case.run_into(&case.dir.path().join("out5"), &[], &[]);
    let said = said(&quiet);
    assert_eq!(quiet.code, 0, "{said}");
    assert!(said.contains("Nothing new"), "{said}");
    assert!(!said.contains("document_disappeared"), "{said}");
}

/// `R-7` is both a payment and the bounced payment cancelling it; `F-9999`
/// was never exported; a note must say something. Nothing is recorded.
fn acknowledge_refuses_unknown_ambiguous_and_blank(case: &Case) {
    let unknown = case.history(&["acknowledge", "F-9999", "--note", "gone"]);
    let (_, stderr) = output_text(&unknown);
    assert_eq!(unknown.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no exported batch (not void) posted a document 'F-9999'"),
        "{stderr}"
    );
    let ambiguous = case.history(&["acknowledge", "R-7", "--note", "gone"]);
    let (_, stderr) = output_text(&ambiguous);
    assert_eq!(ambiguous.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("2 documents carry the number 'R-7': payment:R-7, voided:R-7; give the key of the one you mean"),
        "{stderr}"
    );
    let blank = case.history(&["acknowledge", "invoice:F-1005", "--note", "  "]);
    let (_, stderr) = output_text(&blank);
    assert_eq!(blank.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--note"), "{stderr}");
    let (list, _) = output_text(&case.history(&[]));
    assert!(!list.contains("acknowledged"), "{list}");
}

fn first_batch_id(list: &str) -> String {
    let row = list.lines().nth(2).unwrap();
    row.split_whitespace().next().unwrap().to_string()
}

fn watch_once(root: &Path) -> String {
    let output = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    let (stdout, stderr) = output_text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    stdout
}

fn status(root: &Path) -> String {
    let output = binary().arg("status").arg(root).run_output();
    let (stdout, stderr) = output_text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    stdout
}

#[test]
fn watch_and_status_say_a_missing_document_until_it_is_back() {
    let dir = drop_folder();
    let root = dir.path();
    std::fs::write(root.join("inbox/ventes.csv"), october(true)).unwrap();
    watch_once(root);
    std::fs::write(root.join("inbox/ventes.csv"), october(false)).unwrap();
    let stdout = watch_once(root);
    let line = stdout.lines().find(|l| l.contains("nothing new")).unwrap();
    assert!(
        line.ends_with("nothing new (ventes.csv): every document was already exported, 1 warning"),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning [document_disappeared]: invoice:F-1005"),
        "{stdout}"
    );
    let log = log_lines(root);
    let last = log.last().unwrap();
    assert_eq!(last["status"], "nothing_new");
    assert_eq!(last["warnings"], 1);
    assert_eq!(last["warnings_by_rule"][0]["rule"], "document_disappeared");
    let said = status(root);
    assert!(
        said.contains("1 exported document is missing from the exports (nothing was reversed)"),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "acknowledge its absence: plannit2sage history \"{}\" acknowledge KEY",
            root.display()
        )),
        "{said}"
    );
    assert!(
        said.contains("invoice:F-1005: invoice F-1005 dated 2026-10-15 (batch "),
        "{said}"
    );

    // October's report whole again, exported anew (its rows in another
    // order): F-1005 is back, nothing is said of it.
    let whole = format!("{SALES_HEADER}{F1009}{F1005}{F1001}");
    std::fs::write(root.join("inbox/ventes.csv"), whole).unwrap();
    let stdout = watch_once(root);
    assert!(!stdout.contains("document_disappeared"), "{stdout}");
    assert_eq!(log_lines(root).last().unwrap()["warnings"], 0);
    let said = status(root);
    assert!(!said.contains("missing"), "{said}");
    assert_eq!(sage_files(root).len(), 1);
}

#[test]
fn a_missing_invoice_exported_again_voided_is_reversed_and_no_longer_said() {
    let with_status = |f1005: Option<&str>| {
        let mut text = format!("{}Statut\n", SALES_HEADER.replace('\n', ","));
        for (row, status) in [
            (F1001, Some("Payée")),
            (F1005, f1005),
            (F1009, Some("Envoyée")),
        ] {
            if let Some(status) = status {
                text.push_str(&format!("{},{status}\n", row.trim_end()));
            }
        }
        text
    };
    let case = Case::new(CONFIG);
    std::fs::write(case.file("ventes.csv"), with_status(Some("Envoyée"))).unwrap();
    case.run_into(&case.dir.path().join("out1"), &[], &[])
        .assert_success();
    std::fs::write(case.file("ventes.csv"), with_status(None)).unwrap();
    let gone = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    assert!(
        gone.stderr.contains("[document_disappeared]"),
        "{}",
        gone.stderr
    );
    // October again, F-1005 voided: reversed, not missing.
    std::fs::write(case.file("ventes.csv"), with_status(Some("Annulée"))).unwrap();
    let voided = case.run_into(&case.dir.path().join("out3"), &[], &[]);
    voided.assert_success();
    assert!(
        !voided.stderr.contains("document_disappeared"),
        "{}",
        voided.stderr
    );
    assert_eq!(voided.account_sums()["1210"], "-1419.44".parse().unwrap());
    // November: nothing of F-1005 any more.
    std::fs::write(case.file("ventes.csv"), format!("{SALES_HEADER}{F1012}")).unwrap();
    let november = case.run_into(&case.dir.path().join("out4"), &[], &[]);
    november.assert_success();
    assert!(
        !november.stderr.contains("document_disappeared"),
        "{}",
        november.stderr
    );
}

/// A history already at migration 11 (voided invoices) without 10 (missing
/// documents, made alongside it) gets 10 when opened, and works.
#[test]
fn a_history_past_the_missing_documents_migration_still_gets_it() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("ventes.csv"), october(true)).unwrap();
    case.run_into(&case.dir.path().join("out1"), &[], &[])
        .assert_success();
    let path = case.file("plannit2sage.sqlite");
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "DROP TABLE missing_documents; DROP TABLE acknowledgements;
             DELETE FROM schema_migrations WHERE version = 10;",
        )
        .unwrap();
    drop(connection);
    let history =
        plannit2sage::history::History::open(&path, std::time::Duration::from_secs(1)).unwrap();
    assert!(history.applied_migrations().unwrap().contains(&10));
    assert!(history.missing_documents().unwrap().is_empty());
    drop(history);
    // The run records F-1005 missing, and acknowledging it works.
    std::fs::write(case.file("ventes.csv"), october(false)).unwrap();
    let outcome = case.run_into(&case.dir.path().join("out2"), &[], &[]);
    assert!(
        outcome.stderr.contains("[document_disappeared]"),
        "{}",
        outcome.stderr
    );
    let acknowledged = case.history(&["acknowledge", "F-1005", "--note", "voided"]);
    assert!(acknowledged.status.success(), "{acknowledged:?}");
}
