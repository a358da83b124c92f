//! Bounced (NSF) and voided payments of payments exported in an earlier
//! batch: each takes the money back from the account its payment went to
//! (found by the payment's number, else by invoice, amount and method),
//! against the receivable, and the invoice is open again.

use std::collections::BTreeMap;

use crate::fixtures::*;
use crate::workbook::{cells, number, text};

const SALES: &str =
    "No facture,Date facture,Client,Produit/Service,Quantité,Montant,TPS,TVQ,Total\n\
F-1001,2026-10-02,\"Lavoie, Anne\",Tonte de pelouse,1,100.00,5.00,9.98,114.98\n\
F-1005,2026-10-15,Bouchard & Fils,Déneigement résidentiel,1,1234.56,61.73,123.15,1419.44\n\
F-1009,2026-10-28,\"Tremblay, Marie\",Tonte de pelouse,2,200.00,10.00,19.95,229.95\n";

const PAYMENTS_HEADER: &str = "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n";

/// R-7 by cheque to the bank (1020), R-8 by Plannit Pay to its clearing
/// account (1030).
const OCTOBER_PAYMENTS: &str = "2026-10-20,R-7,F-1005,Bouchard & Fils,Paiement,Chèque,1419.44\n\
2026-10-29,R-8,F-1009,\"Tremblay, Marie\",Paiement,Plannit Pay,229.95\n";

/// R-7's cheque bounced (its number); R-8 voided on a row with neither
/// number nor method (its invoice and amount).
const NOVEMBER_PAYMENTS: &str =
    "2026-11-10,R-7,F-1005,Bouchard & Fils,Chèque sans provision,Chèque,1419.44\n\
2026-11-12,,F-1009,\"Tremblay, Marie\",Paiement annulé,,229.95\n";

/// The open invoices of the "Open items" sheet: invoice → balance.
fn open_items(workbook: &std::path::Path) -> BTreeMap<String, f64> {
    let open = cells(workbook, "Open items");
    (1..)
        .map_while(|row| {
            let customer = text(open.get(&(row, 0)));
            (!customer.is_empty() && customer != "Total")
                .then(|| (text(open.get(&(row, 1))), number(open.get(&(row, 8)))))
        })
        .collect()
}

fn workbook_in(out: &std::path::Path) -> std::path::PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap()
}

#[test]
fn a_payment_bounced_in_a_later_batch_is_taken_back_from_where_it_went() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("ventes.csv"), SALES).unwrap();
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}{OCTOBER_PAYMENTS}"),
    )
    .unwrap();
    let october = case.run_into(&case.dir.path().join("out-10"), &[], &[]);
    october.assert_success();
    assert_eq!(october.account_sums()["1020"], "1419.44".parse().unwrap());
    assert_eq!(october.account_sums()["1030"], "229.95".parse().unwrap());

    // November: the payments report alone, and cheques now deposited to
    // another account. R-7's cheque went to 1020: it bounces from 1020.
    std::fs::remove_file(case.file("ventes.csv")).unwrap();
    std::fs::write(
        case.file("plannit2sage.toml"),
        format!("{CONFIG}\"Chèque\" = \"1025\"\n"),
    )
    .unwrap();
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}{NOVEMBER_PAYMENTS}"),
    )
    .unwrap();
    let out = case.dir.path().join("out-11");
    let november = case.run_into(&out, &[], &[]);
    november.assert_success();
    // 1 419.44 + 229.95 back on the receivable.
    assert_eq!(
        november.account_sums(),
        sums(&[
            ("1020", "-1419.44"),
            ("1030", "-229.95"),
            ("1210", "1649.39")
        ])
    );
    let said = format!("{}\n{}", november.stdout, november.stderr);
    assert!(!said.contains("payment_unknown_invoice"), "{said}");
    assert!(!said.contains("warning ["), "{said}");
    // Both invoices are owed again, beside F-1001 never paid.
    assert_eq!(
        open_items(&workbook_in(&out)),
        BTreeMap::from([
            ("F-1001".to_string(), 114.98),
            ("F-1005".to_string(), 1419.44),
            ("F-1009".to_string(), 229.95),
        ])
    );
}

#[test]
fn a_payment_never_exported_bounces_from_its_methods_account() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("ventes.csv"), SALES).unwrap();
    std::fs::write(case.file("paiements.csv"), PAYMENTS_HEADER).unwrap();
    case.run_into(&case.dir.path().join("out-10"), &[], &[])
        .assert_success();
    // R-9 was never exported: its cheque bounces from the cheques' account.
    std::fs::remove_file(case.file("ventes.csv")).unwrap();
    std::fs::write(
        case.file("plannit2sage.toml"),
        format!("{CONFIG}\"Chèque\" = \"1025\"\n"),
    )
    .unwrap();
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}2026-11-10,R-9,F-1005,Bouchard & Fils,NSF,Chèque,1419.44\n"),
    )
    .unwrap();
    let november = case.run_into(&case.dir.path().join("out-11"), &[], &[]);
    november.assert_success();
    assert_eq!(
        november.account_sums(),
        sums(&[("1025", "-1419.44"), ("1210", "1419.44")])
    );
}

#[test]
fn a_payment_and_its_bounce_in_one_drop_are_two_documents() {
    let case = Case::new(CONFIG);
    std::fs::write(case.file("ventes.csv"), SALES).unwrap();
    std::fs::write(
        case.file("paiements.csv"),
        format!(
            "{PAYMENTS_HEADER}2026-10-20,R-7,F-1005,Bouchard & Fils,Paiement,Chèque,1419.44\n\
             2026-10-24,R-7,F-1005,Bouchard & Fils,NSF,Chèque,1419.44\n"
        ),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        !outcome.stderr.contains("duplicate_payment_reference"),
        "{}",
        outcome.stderr
    );
    // The bank nets to nothing; the three invoices are owed.
    let sums = outcome.account_sums();
    assert_eq!(sums.get("1020").copied().unwrap_or_default(), 0.into());
    assert_eq!(sums["1210"], "1764.37".parse().unwrap());
}
