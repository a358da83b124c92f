//! The cash basis on real files: invoices post nothing when issued, each
//! payment recognises its invoice's revenue and taxes in proportion to what
//! it pays, across batches through the export history; the figures are
//! computed here, by the rule, independently of the code under test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Reader};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::fixtures::*;
use crate::workbook::{cells, number, recalculated_values_match, text};

/// The fixtures' configuration on the cash basis, deposits kept apart.
pub(crate) fn cash_config() -> String {
    format!("[sage50]\nbasis = \"cash\"\n{}", CONFIG).replace(
        "hst = \"2430\"",
        "hst = \"2430\"\ncustomer_deposits = \"2700\"",
    )
}

pub(crate) fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// An invoice as this test follows it: its lines per account (credits
/// positive, taxes marked), its total, what was paid and recognised.
pub(crate) struct Invoice {
    lines: Vec<(&'static str, Decimal, bool)>,
    total: Decimal,
    paid: Decimal,
    recognised: BTreeMap<&'static str, Decimal>,
}

impl Invoice {
    /// One revenue account, GST on 2420 and QST on 2500.
    pub(crate) fn new(revenue: &'static str, amount: &str, gst: &str, qst: &str) -> Invoice {
        let lines = vec![
            (revenue, d(amount), false),
            ("2420", d(gst), true),
            ("2500", d(qst), true),
        ];
        Invoice {
            total: lines.iter().map(|(_, amount, _)| amount).sum(),
            lines,
            paid: Decimal::ZERO,
            recognised: BTreeMap::new(),
        }
    }

    /// What a payment of `paid` (negative: a refund) credits to each
    /// account: each line × paid / total rounded half away from zero, the
    /// cents missing on the largest revenue line; the payment that settles
    /// the invoice takes what is left of each line.
    pub(crate) fn pay(&mut self, paid: &str) -> Vec<(&'static str, Decimal)> {
        let paid = d(paid);
        let settles = self.paid + paid == self.total;
        let mut shares: Vec<(&'static str, Decimal, bool)> = (self.lines.iter())
            .map(|&(account, line, is_tax)| {
                let share = if settles {
                    line - self.recognised.get(account).copied().unwrap_or_default()
                } else {
                    (line * paid / self.total)
                        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                };
                (account, share, is_tax)
            })
            .collect();
        let gap = paid - shares.iter().map(|(_, share, _)| share).sum::<Decimal>();
        let largest = (shares.iter_mut())
            .filter(|(_, _, is_tax)| !is_tax)
            .max_by_key(|(_, share, _)| share.abs())
            .unwrap();
        largest.1 += gap;
        self.paid += paid;
        for (account, share, _) in &shares {
            *self.recognised.entry(account).or_default() += *share;
        }
        shares.into_iter().map(|(a, s, _)| (a, s)).collect()
    }
}

/// Adds `credits` to `sums` as a journal posts them (credits negative).
pub(crate) fn credit(sums: &mut BTreeMap<String, Decimal>, credits: &[(&str, Decimal)]) {
    for (account, amount) in credits {
        *sums.entry(account.to_string()).or_default() -= *amount;
    }
}

pub(crate) fn debit(sums: &mut BTreeMap<String, Decimal>, account: &str, amount: &str) {
    *sums.entry(account.to_string()).or_default() += d(amount);
}

pub(crate) fn settled(mut sums: BTreeMap<String, Decimal>) -> BTreeMap<String, Decimal> {
    sums.retain(|_, v| !v.is_zero());
    sums
}

pub(crate) const SALES_HEADER: &str =
    "No facture,Date facture,Client,Produit/Service,Quantité,Montant,TPS,TVQ,Total\n";
pub(crate) const PAYMENTS_HEADER: &str =
    "Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n";

/// October: F-1 (two lines) and F-4 paid in full, F-2 paid 500.00 of
/// 1 419.44 through Plannit Pay, F-3 unpaid, a deposit of 100.00 received.
fn write_october(case: &Case) {
    let mut rows = standard_sales_rows_fr();
    for row in &mut rows[1..] {
        row[1] = match row[0] {
            V::T("F-1") => D(2026, 10, 1),
            _ => D(2026, 10, 5),
        };
    }
    let more = [
        (
            "F-3",
            "Côté, Marie",
            "Tonte de pelouse",
            80.0,
            4.0,
            7.98,
            91.98,
        ),
        (
            "F-4",
            "Roy, Luc",
            "Taille de haie",
            150.0,
            7.5,
            14.96,
            172.46,
        ),
    ];
    for (number, customer, item, amount, gst, qst, total) in more {
        rows.push(vec![
            T(number),
            D(2026, 10, 8),
            T(customer),
            T(item),
            N(1.0),
            N(amount),
            N(gst),
            N(qst),
            N(total),
        ]);
    }
    write_xlsx(&case.file("ventes-octobre.xlsx"), &[("Ventes", rows)]);
    let payments = format!(
        "{PAYMENTS_HEADER}2026-10-02,D-1,,Gagnon Paul,Dépôt,Chèque,100.00\n\
         2026-10-06,R-1,F-1,\"Lavoie, Anne\",Paiement,Virement,344.93\n\
         2026-10-07,R-2,F-2,Bouchard & Fils,Paiement,Plannit Pay,500.00\n\
         2026-10-12,R-4,F-4,\"Roy, Luc\",Paiement,Virement,172.46\n"
    );
    std::fs::write(case.file("paiements-octobre.csv"), payments).unwrap();
}

/// November: F-2's balance, part of F-4 refunded, F-5 paid by the deposit
/// and a payment.
fn write_november(case: &Case) {
    for name in ["ventes-octobre.xlsx", "paiements-octobre.csv"] {
        std::fs::remove_file(case.file(name)).unwrap();
    }
    let sales = format!("{SALES_HEADER}F-5,2026-11-03,Gagnon Paul,Déneigement résidentiel,1,300.00,15.00,29.93,344.93\n");
    write_cp1252(&case.file("ventes-novembre.csv"), &sales);
    let payments = format!(
        "{PAYMENTS_HEADER}2026-11-04,R-3,F-2,Bouchard & Fils,Paiement,Virement,919.44\n\
         2026-11-05,M-1,F-4,\"Roy, Luc\",Remboursement,Virement,50.00\n\
         2026-11-06,A-1,F-5,Gagnon Paul,Dépôt appliqué,Chèque,100.00\n\
         2026-11-07,R-5,F-5,Gagnon Paul,Paiement,Virement,244.93\n"
    );
    std::fs::write(case.file("paiements-novembre.csv"), payments).unwrap();
}

/// Each invoice's recognised credits per account over every batch, from the
/// history (credits positive).
pub(crate) fn recognised(case: &Case) -> BTreeMap<(String, String), Decimal> {
    let db = rusqlite::Connection::open(case.file("plannit2sage.sqlite")).unwrap();
    let mut statement = db
        .prepare(
            "SELECT r.invoice, a.account, a.amount FROM cash_recognitions r
             JOIN cash_recognition_amounts a ON a.batch_id = r.batch_id AND a.doc_key = r.doc_key",
        )
        .unwrap();
    let rows = statement
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .unwrap();
    let mut sums = BTreeMap::new();
    for row in rows {
        let (invoice, account, amount) = row.unwrap();
        *sums.entry((invoice, account)).or_default() -= d(&amount);
    }
    sums
}

pub(crate) fn workbook_in(dir: &Path) -> PathBuf {
    (std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap()
}

/// The summary's controls (label, difference), however many there are.
pub(crate) fn control_differences(path: &Path) -> Vec<(String, f64)> {
    let summary = cells(path, "Sommaire");
    let header = (summary.iter())
        .find(|(_, v)| text(Some(v)) == "Contrôle")
        .map(|((r, _), _)| *r)
        .unwrap();
    (header + 1..)
        .take_while(|r| summary.contains_key(&(*r, 3)))
        .map(|r| (text(summary.get(&(r, 0))), number(summary.get(&(r, 3)))))
        .collect()
}

#[test]
fn two_batches_recognise_each_invoice_as_it_is_paid() {
    let case = Case::new(&cash_config());
    let mut f1 = Invoice::new("4001", "300.00", "15.00", "29.93");
    let mut f2 = Invoice::new("4002", "1234.56", "61.73", "123.15");
    let mut f4 = Invoice::new("4001", "150.00", "7.50", "14.96");
    let mut f5 = Invoice::new("4002", "300.00", "15.00", "29.93");

    write_october(&case);
    let october = case.run_into(&case.dir.path().join("out-oct"), &["--lang", "fr"], &[]);
    october.assert_success();
    let mut expected = BTreeMap::new();
    debit(&mut expected, "1020", "100.00");
    debit(&mut expected, "2700", "-100.00");
    debit(&mut expected, "1020", "344.93");
    credit(&mut expected, &f1.pay("344.93"));
    debit(&mut expected, "1030", "500.00");
    credit(&mut expected, &f2.pay("500.00"));
    debit(&mut expected, "1020", "172.46");
    credit(&mut expected, &f4.pay("172.46"));
    assert_eq!(october.account_sums(), settled(expected));
    assert!(
        !october.account_sums().contains_key("1210"),
        "nothing goes to the receivable"
    );
    assert!(
        october.stdout.contains("Comptabilité de caisse"),
        "{}",
        october.stdout
    );

    write_november(&case);
    let out = case.dir.path().join("out-nov");
    let november = case.run_into(&out, &["--lang", "fr"], &[]);
    november.assert_success();
    // F-2's payment is expected: its invoice is in the history, though it
    // posted nothing to the receivable.
    assert!(
        !november.stderr.contains("payment_unknown_invoice"),
        "{}",
        november.stderr
    );
    let mut expected = BTreeMap::new();
    debit(&mut expected, "1020", "919.44");
    credit(&mut expected, &f2.pay("919.44"));
    debit(&mut expected, "1020", "-50.00");
    credit(&mut expected, &f4.pay("-50.00"));
    debit(&mut expected, "2700", "100.00");
    credit(&mut expected, &f5.pay("100.00"));
    debit(&mut expected, "1020", "244.93");
    credit(&mut expected, &f5.pay("244.93"));
    assert_eq!(november.account_sums(), settled(expected));
    // F-3 unpaid, F-4 with 50.00 refunded: 141.98 still due.
    assert!(
        november
            .stdout
            .contains("2 factures impayées, 141,98 à recevoir"),
        "{}",
        november.stdout
    );

    // Fully paid invoices posted exactly their own lines, to the cent.
    let recognised = recognised(&case);
    for (number, invoice) in [("F-1", &f1), ("F-2", &f2), ("F-5", &f5)] {
        for (account, line, _) in &invoice.lines {
            assert_eq!(
                recognised[&(number.to_string(), account.to_string())],
                *line,
                "{number} {account}"
            );
        }
    }
    assert_eq!(recognised[&("F-4".into(), "4001".into())], d("106.51"));
    november_workbook(&workbook_in(&out));
}

/// The second batch's workbook: the unpaid invoices, each share with its
/// formula and within the rounding rule, and every control at zero.
fn november_workbook(path: &Path) {
    let names = open_workbook_auto(path).unwrap().sheet_names();
    assert!(
        names.contains(&"Factures impayées".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Quotes-parts".to_string()), "{names:?}");
    let unpaid = cells(path, "Factures impayées");
    let rows: Vec<(String, f64, f64)> = (1..=2)
        .map(|r| {
            (
                text(unpaid.get(&(r, 0))),
                number(unpaid.get(&(r, 3))),
                number(unpaid.get(&(r, 6))),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("F-3".into(), 91.98, 91.98), ("F-4".into(), 172.46, 50.0)]
    );
    let shares = cells(path, "Quotes-parts");
    let mut by_payment: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for r in 1.. {
        let document = text(shares.get(&(r, 1)));
        if document.is_empty() {
            break;
        }
        let (total, paid, line) = (
            number(shares.get(&(r, 4))),
            number(shares.get(&(r, 5))),
            number(shares.get(&(r, 8))),
        );
        let exact = line * paid / total;
        by_payment
            .entry(document)
            .or_default()
            .push((exact, number(shares.get(&(r, 11)))));
    }
    assert_eq!(by_payment.len(), 4, "{by_payment:?}");
    // The partial payments' shares: each within half a cent of its exact
    // proportion, but for the cent or two the largest revenue share takes.
    for payment in ["M-1", "A-1"] {
        let off: Vec<f64> = by_payment[payment]
            .iter()
            .map(|(exact, share)| (exact - share).abs())
            .collect();
        assert!(
            off.iter().filter(|o| **o > 0.005 + 1e-9).count() <= 1,
            "{payment}: {off:?}"
        );
        assert!(off.iter().all(|o| *o <= 0.025), "{payment}: {off:?}");
    }
    let differences = control_differences(path);
    assert_eq!(differences.len(), 5, "{differences:?}");
    for (label, difference) in &differences {
        assert!(difference.abs() < 0.001, "{label}: {difference}");
    }
    recalculated_values_match(path);
}

#[test]
fn a_payment_of_an_unknown_invoice_is_refused() {
    let case = Case::new(&cash_config());
    std::fs::write(
        case.file("paiements.csv"),
        format!("{PAYMENTS_HEADER}2026-11-06,R-9,F-9,\"Lavoie, Anne\",Paiement,Virement,120.00\n"),
    )
    .unwrap();
    let outcome = case.run(&[]);
    outcome.assert_rejected(&[
        "cash_payment_unknown_invoice",
        "payment R-9 applies to invoice F-9",
        "neither in this drop nor in the export history",
        "detailed sales report of the period in which invoice F-9 was issued (on or before 2026-11-06)",
    ]);
    // Said once: the check of payments' invoices does not say it again.
    assert!(
        !outcome.stderr.contains("[payment_unknown_invoice]"),
        "{}",
        outcome.stderr
    );
    // The same payment under the accrual basis goes to the receivable.
    let accrual = Case::new(CONFIG);
    std::fs::copy(case.file("paiements.csv"), accrual.file("paiements.csv")).unwrap();
    let outcome = accrual.run(&[]);
    outcome.assert_success();
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1020", "120.00"), ("1210", "-120.00")])
    );
}

/// The samples, as shipped and with `basis = "accrual"` written out: the
/// same Sage file as the one pinned before the cash basis existed, the same
/// terminal output.
#[test]
fn the_accrual_basis_leaves_the_samples_as_they_were() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let pinned = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/it/snapshots/it__formats__samples_period.snap"),
    )
    .unwrap();
    let pinned = pinned
        .splitn(3, "---\n")
        .nth(2)
        .unwrap()
        .trim_end()
        .to_string();
    let mut outputs = Vec::new();
    for explicit in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("samples");
        std::fs::create_dir(&inbox).unwrap();
        for entry in std::fs::read_dir(&samples).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e != "sqlite") {
                std::fs::copy(&path, inbox.join(path.file_name().unwrap())).unwrap();
            }
        }
        if explicit {
            let config = inbox.join("plannit2sage.toml");
            let text = std::fs::read_to_string(&config).unwrap();
            std::fs::write(
                &config,
                text.replace("[sage50]\n", "[sage50]\nbasis = \"accrual\"\n"),
            )
            .unwrap();
        }
        let out = dir.path().join("out");
        let output = binary()
            .args([
                "run",
                inbox.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--lang",
                "fr",
            ])
            .run_output();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let sage_file = (std::fs::read_dir(&out).unwrap())
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "txt"))
            .unwrap();
        let sage = Outcome::read(&sage_file).sage_text();
        assert_eq!(
            sage.replace("\r\n", "\n").trim_end(),
            pinned,
            "basis written out: {explicit}"
        );
        let shown = |bytes: &[u8]| {
            String::from_utf8_lossy(bytes).replace(dir.path().to_str().unwrap(), "$DIR")
        };
        outputs.push((sage, shown(&output.stdout), shown(&output.stderr)));
    }
    assert_eq!(outputs[0], outputs[1]);
    assert!(!outputs[0].1.contains("Comptabilité"), "{}", outputs[0].1);
}
