//! Period, day and document granularity: different entries, same nets.

use crate::fixtures::*;

#[test]
fn every_granularity_keeps_the_per_account_nets() {
    for (granularity, entries) in [("period", 1), ("day", 4), ("document", 4)] {
        let case = standard_case();
        let outcome = case.run(&["--granularity", granularity]);
        outcome.assert_success();
        assert_eq!(outcome.account_sums(), standard_sums(), "{granularity}");
        assert_eq!(
            outcome.headers().len(),
            entries,
            "{granularity}: {:?}",
            outcome.headers()
        );
    }
}

#[test]
fn document_entries_are_named_after_their_documents() {
    let case = standard_case();
    let outcome = case.run(&["--granularity", "document"]);
    outcome.assert_success();
    insta::assert_snapshot!("standard_document", outcome.sage_text());
}

#[test]
fn day_granularity_from_the_config() {
    let case = Case::new(&CONFIG.replace(
        "[accounts]",
        "[sage50]\ngranularity = \"day\"\n\n[accounts]",
    ));
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    let dates: Vec<String> = outcome
        .headers()
        .iter()
        .map(|h| h[..8].to_string())
        .collect();
    assert_eq!(dates, ["11-02-26", "11-05-26", "11-06-26", "11-07-26"]);
}
