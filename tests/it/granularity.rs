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

/// The standard case with the sales rows `change` gives.
fn case_with_sales(change: impl FnOnce(&mut Vec<Vec<V>>)) -> Case {
    let case = Case::new(CONFIG);
    let mut rows = standard_sales_rows_fr();
    change(&mut rows);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case
}

// The entries are added up from what each document posts; where a
// document's rows belong to different entries, they are made from the rows.

#[test]
fn an_invoice_naming_two_customers_gives_an_entry_for_each() {
    let case = case_with_sales(|rows| rows[2][2] = T("Lavoie, A."));
    let outcome = case.run(&["--granularity", "document"]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    let headers = outcome.headers();
    assert!(
        headers.contains(&"11-02-26,\"F-1\",\"Facture F-1 Lavoie, A.\"".to_string())
            && headers.contains(&"11-02-26,\"F-1\",\"Facture F-1 Lavoie, Anne\"".to_string()),
        "{headers:?}"
    );
    assert_eq!(headers.len(), 5, "{headers:?}");
}

#[test]
fn an_invoice_on_two_dates_posts_each_line_on_its_date() {
    let case = case_with_sales(|rows| rows[2][1] = D(2026, 11, 3));
    let outcome = case.run(&["--granularity", "day"]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    let headers = outcome.headers();
    let dates: Vec<&str> = headers.iter().map(|h| &h[..8]).collect();
    assert_eq!(
        dates,
        ["11-02-26", "11-03-26", "11-05-26", "11-06-26", "11-07-26"]
    );
    // The second line's entry: its revenue, its taxes, its receivable.
    let text = outcome.sage_text();
    let second = text
        .split("11-03-26")
        .nth(1)
        .unwrap()
        .split("11-05-26")
        .next()
        .unwrap();
    assert!(
        second.contains("4001,-200.00") && second.contains("1210,229.95"),
        "{second}"
    );
}

/// The entries' comments are the company's books: French whatever language
/// the run speaks (the tests run in English), English with `[sage50] lang`
/// or, failing that, `[report] lang`.
#[test]
fn entry_comments_are_in_the_company_language() {
    let comments = |sections: &str| {
        let case = Case::new(&CONFIG.replace("[accounts]", &format!("{sections}\n[accounts]")));
        write_xlsx(
            &case.file("ventes.xlsx"),
            &[("Ventes", standard_sales_rows_fr())],
        );
        std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
        let outcome = case.run(&["--granularity", "document"]);
        outcome.assert_success();
        let headers = outcome.headers();
        (headers[0].clone(), headers[2].clone())
    };
    let french = (
        "11-02-26,\"F-1\",\"Facture F-1 Lavoie, Anne\"".to_string(),
        "11-06-26,\"R-1\",\"Paiement fact. F-1 Lavoie, Anne\"".to_string(),
    );
    let english = (
        "11-02-26,\"F-1\",\"Invoice F-1 Lavoie, Anne\"".to_string(),
        "11-06-26,\"R-1\",\"Payment inv. F-1 Lavoie, Anne\"".to_string(),
    );
    assert_eq!(comments(""), french);
    assert_eq!(comments("[sage50]\nlang = \"en\"\n"), english);
    assert_eq!(comments("[report]\nlang = \"en\"\n"), english);
    assert_eq!(
        comments("[sage50]\nlang = \"fr\"\n[report]\nlang = \"en\"\n"),
        french
    );
}
