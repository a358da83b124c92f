//! Invariants over generated inputs (proptest, bounded cases): amount notations
//! round-trip, the Sage writer and the checker agree, every entry balances,
//! per-account nets equal the sums of the inputs whatever the granularity.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

use plannit2sage::config::{Granularity, SageSettings};
use plannit2sage::load::values::parse_amount;
use plannit2sage::run::{run, RunPlan, RunRequest};
use plannit2sage::sage;
use plannit2sage::sage::entry::{EntryLine, JournalEntry};

use crate::fixtures::CONFIG;

/// Digits of `cents` with a thousands separator and a decimal mark.
fn written(cents: i64, group: &str, decimal: &str) -> String {
    let units = (cents.abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    format!("{grouped}{decimal}{:02}", cents.abs() % 100)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_supported_amount_notation_round_trips(cents in -100_000_000_000i64..100_000_000_000i64) {
        let expected = Decimal::new(cents, 2);
        let sign = if cents < 0 { "-" } else { "" };
        let notations = [
            format!("{sign}{}", written(cents, "", ".")),
            format!("{sign}{}", written(cents, ",", ".")),
            format!("{sign}{} $", written(cents, " ", ",")),
            format!("{sign}{}\u{a0}$", written(cents, "\u{a0}", ",")),
            format!("{sign}{} $", written(cents, "\u{202f}", ",")),
            format!("{sign}${}", written(cents, ",", ".")),
            if cents < 0 { format!("({})", written(cents, ",", ".")) } else { written(cents, ",", ".") },
            if cents < 0 { format!("{}-", written(cents, "", ".")) } else { written(cents, "", ".") },
        ];
        for text in notations {
            prop_assert_eq!(parse_amount(&text).map_err(|e| e.to_string()), Ok(expected), "{}", text);
        }
    }

    #[test]
    fn the_checker_reads_back_exactly_what_the_writer_wrote(
        day in 0i64..36_000,
        source in ".{0,30}",
        comment in ".{0,80}",
        accounts in proptest::collection::vec("[1-9][0-9]{3,5}", 1..6),
        amounts in proptest::collection::vec(1i64..10_000_000_000, 1..6),
        utf8 in any::<bool>(),
    ) {
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(day % 36_500);
        let mut lines: Vec<EntryLine> = accounts
            .iter()
            .zip(&amounts)
            .enumerate()
            .map(|(i, (account, cents))| EntryLine {
                account: account.clone(),
                amount: Decimal::new(if i % 2 == 0 { *cents } else { -cents }, 2),
                source_rows: 1,
                queries: Vec::new(),
            })
            .collect();
        let balance: Decimal = lines.iter().map(|l| l.amount).sum();
        prop_assume!(!balance.is_zero());
        lines.push(EntryLine { account: "1210".into(), amount: -balance, source_rows: 1, queries: Vec::new() });
        let mut entries = vec![JournalEntry { date, source: format!("S{source}"), comment, lines, taxes: Vec::new() }];
        let settings = SageSettings {
            encoding: if utf8 { plannit2sage::config::SageEncoding::Utf8 } else { plannit2sage::config::SageEncoding::Windows1252 },
            ..SageSettings::default()
        };
        sage::fit_entries(&mut entries, &settings);
        let bytes = sage::render(&entries, &settings).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let parsed = sage::parse(&bytes, &settings).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(parsed.len(), 1);
        prop_assert_eq!(parsed[0].date, date);
        prop_assert_eq!(&parsed[0].source, &entries[0].source);
        prop_assert_eq!(&parsed[0].comment, &entries[0].comment);
        let written: Vec<(String, Decimal)> = entries[0].lines.iter().map(|l| (l.account.clone(), l.amount)).collect();
        prop_assert_eq!(&parsed[0].lines, &written);
    }
}

/// One generated invoice line: (invoice, day, item, cents, tax mode).
type GeneratedLine = (usize, u32, usize, i64, u8);
/// One generated payment: (day, kind, cents, method, invoice).
type GeneratedPayment = (u32, u8, i64, usize, usize);

const ITEMS: [(&str, &str); 4] = [
    ("Tonte de pelouse", "4001"),
    ("Taille de haie", "4001"),
    ("Déneigement résidentiel", "4002"),
    ("Sel et abrasif", "4000"),
];
const METHODS: [(&str, &str); 3] = [
    ("Virement", "1020"),
    ("Plannit Pay", "1030"),
    ("Chèque", "1020"),
];
const CUSTOMERS: [&str; 3] = ["Lavoie, Anne", "Café \"Le Rond-Point\"", "Côté & Fils"];

fn round(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Writes the batch as CSV exports and returns the per-account nets computed
/// from the generated figures.
fn write_batch(
    dir: &std::path::Path,
    lines: &[GeneratedLine],
    payments: &[GeneratedPayment],
) -> BTreeMap<String, Decimal> {
    let mut expected: BTreeMap<String, Decimal> = BTreeMap::new();
    let mut add = |account: &str, amount: Decimal| {
        *expected.entry(account.to_string()).or_insert(Decimal::ZERO) += amount
    };
    let mut sales =
        String::from("No facture,Date facture,Client,Produit/Service,Montant,TPS,TVQ,TVH,Total\n");
    for (invoice, day, item, cents, tax) in lines {
        let amount = Decimal::new(*cents, 2);
        let (gst, qst, hst) = match tax {
            0 => (
                round(amount * Decimal::new(5, 2)),
                round(amount * Decimal::new(9975, 5)),
                Decimal::new(0, 2),
            ),
            1 => (
                Decimal::new(0, 2),
                Decimal::new(0, 2),
                round(amount * Decimal::new(13, 2)),
            ),
            _ => (Decimal::new(0, 2), Decimal::new(0, 2), Decimal::new(0, 2)),
        };
        let total = amount + gst + qst + hst;
        let (name, account) = ITEMS[*item];
        let customer = CUSTOMERS[invoice % CUSTOMERS.len()];
        // One date per invoice: the first line's.
        let day = lines.iter().find(|l| l.0 == *invoice).map_or(*day, |l| l.1);
        sales.push_str(&format!(
            "INV-{invoice},2026-11-{:02},{},{},{amount},{gst},{qst},{hst},{total}\n",
            day + 1,
            csv_field(customer),
            csv_field(name)
        ));
        add("1210", total);
        add(account, -amount);
        add("2420", -gst);
        add("2500", -qst);
        add("2430", -hst);
    }
    let mut csv =
        String::from("Date,No paiement,No facture,Client,Type,Mode de paiement,Montant\n");
    for (i, (day, kind, cents, method, invoice)) in payments.iter().enumerate() {
        let amount = Decimal::new(*cents, 2);
        let (kind_text, written, received) = match kind {
            0 => ("Paiement", amount, amount),
            1 => ("Dépôt", amount, amount),
            2 => ("Remboursement", amount, -amount),
            _ => ("Paiement", -amount, -amount),
        };
        let (method, account) = METHODS[*method];
        csv.push_str(&format!(
            "2026-11-{:02},R-{i},INV-{invoice},x,{kind_text},{method},{written}\n",
            day + 1
        ));
        add(account, received);
        add("1210", -received);
    }
    std::fs::create_dir_all(dir).unwrap();
    if !lines.is_empty() {
        std::fs::write(dir.join("ventes.csv"), sales).unwrap();
    }
    if !payments.is_empty() {
        std::fs::write(dir.join("paiements.csv"), csv).unwrap();
    }
    expected.retain(|_, v| !v.is_zero());
    expected
}

fn batch() -> impl Strategy<Value = (Vec<GeneratedLine>, Vec<GeneratedPayment>)> {
    let line = (
        0usize..5,
        0u32..28,
        0usize..4,
        prop_oneof![-50_000i64..-1, 1i64..500_000],
        0u8..3,
    );
    let payment = (0u32..28, 0u8..4, 1i64..300_000, 0usize..3, 0usize..5);
    (
        proptest::collection::vec(line, 0..10),
        proptest::collection::vec(payment, 0..8),
    )
        .prop_filter("something to post", |(l, p)| !l.is_empty() || !p.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn entries_balance_and_nets_equal_the_inputs_whatever_the_granularity((lines, payments) in batch()) {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        let expected = write_batch(&inbox, &lines, &payments);
        let config = dir.path().join("plannit2sage.toml");
        std::fs::write(&config, CONFIG.replace("hst = \"2430\"", "hst = \"2430\"\ndefault_revenue = \"4000\"")).unwrap();
        for granularity in [Granularity::Period, Granularity::Day, Granularity::Document] {
            let request = RunRequest {
                inbox: inbox.clone(),
                config: Some(config.clone()),
                out_dir: Some(dir.path().join(format!("out-{}", granularity.as_ref()))),
                granularity: Some(granularity),
                history: Some(dir.path().join(format!("{}.sqlite", granularity.as_ref()))),
                ..RunRequest::default()
            };
            let report = run(&RunPlan::resolve(&request).unwrap()).unwrap();
            let errors: Vec<String> = report.findings.iter().filter(|f| f.severity == plannit2sage::diagnostics::Severity::Error).map(|f| f.to_string()).collect();
            prop_assert!(errors.is_empty(), "{:?}", errors);
            for entry in &report.entries {
                prop_assert!(entry.balance().is_zero(), "{:?}", entry);
                prop_assert!(!entry.debits().is_zero());
            }
            let mut nets: BTreeMap<String, Decimal> = BTreeMap::new();
            if let Some(file) = &report.sage_file {
                // Read back with the checker: the file holds exactly the entries.
                let parsed = sage::parse(&std::fs::read(file).unwrap(), &SageSettings::default()).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
                prop_assert_eq!(parsed.len(), report.entries.len());
                for entry in parsed {
                    for (account, amount) in entry.lines {
                        *nets.entry(account).or_insert(Decimal::ZERO) += amount;
                    }
                }
            }
            nets.retain(|_, v| !v.is_zero());
            prop_assert_eq!(&nets, &expected, "granularity {}", granularity.as_ref());
        }
    }
}
