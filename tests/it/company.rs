//! The Sage 50 company: chart of accounts, linked accounts, lock and year-end
//! dates, the TAXH/TAXD tax detail, and `check` on Sage's documented grammar.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::fixtures::*;
use crate::workbook::{cells, text, workbook_path};

/// Every account the standard batch posts to, with names.
const CHART: &str = "Numéro;Description;Type\n\
1020;Banque;Actif\n\
1030;Plannit Pay à recevoir;Actif\n\
1210;Comptes clients Plannit;Actif\n\
2420;TPS à payer;Passif\n\
2430;TVH à payer;Passif\n\
2500;TVQ à payer;Passif\n\
4001;Revenus entretien;Revenu\n\
4002;Revenus déneigement;Revenu\n";

fn case_with(config_extra: &str, chart: &str) -> Case {
    let config = CONFIG.replace(
        "[accounts]",
        &format!(
            "[sage50]\nchart_of_accounts = \"plan-comptable.csv\"\n{config_extra}\n[accounts]"
        ),
    );
    let case = Case::new(&config);
    std::fs::write(case.file("plan-comptable.csv"), chart).unwrap();
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case
}

#[test]
fn a_batch_whose_accounts_are_all_in_the_chart_is_written_with_their_names() {
    let case = case_with("", CHART);
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert_eq!(outcome.account_sums(), standard_sums());
    // The chart beside the config is configuration, not an export.
    assert!(
        !outcome.stdout.contains("plan-comptable.csv"),
        "{}",
        outcome.stdout
    );
    let summary = cells(&workbook_path(&case), "Summary");
    let texts: Vec<String> = summary.values().map(|v| text(Some(v))).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "plan-comptable.csv: 8 accounts; every account of the batch is in it"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Comptes clients Plannit — ")),
        "{texts:?}"
    );
}

#[test]
fn an_account_missing_from_the_chart_stops_the_run_naming_what_points_to_it() {
    let chart = CHART.replace("4002;Revenus déneigement;Revenu\n", "");
    let case = case_with("", &chart);
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(outcome.sage_files.is_empty());
    assert!(
        outcome
            .stderr
            .contains("account 4002 is not in the chart of accounts (plan-comptable.csv)")
            && outcome
                .stderr
                .contains("[products] 'Déneigement résidentiel'"),
        "{}",
        outcome.stderr
    );
    // The failed run's workbook says why; nothing is recorded.
    let summary = cells(&workbook_path(&case), "Summary");
    assert_eq!(text(summary.get(&(2, 1))), "NOT IMPORTABLE");
    let again = case.run(&[]);
    assert!(
        !again.stdout.contains("already exported"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_role_account_missing_from_the_chart_is_a_configuration_error() {
    let chart = CHART.replace("2420;TPS à payer;Passif\n", "");
    let outcome = case_with("", &chart).run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("[accounts] gst = \"2420\": account 2420 is not in the chart of accounts"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_linked_receivable_is_a_configuration_error() {
    let outcome = case_with("linked_accounts = [\"1210\", \"2100\"]", CHART).run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("[accounts] receivable = \"1210\": account 1210 is a linked account"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn an_account_in_the_wrong_number_format_is_named() {
    let case = case_with("", CHART);
    let config = std::fs::read_to_string(case.file("plannit2sage.toml"))
        .unwrap()
        .replace(
            "\"Tonte de pelouse\" = \"4001\"",
            "\"Tonte de pelouse\" = \"401\"",
        );
    std::fs::write(case.file("plannit2sage.toml"), config).unwrap();
    let outcome = case.run(&[]);
    assert_eq!(outcome.code, 2, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains(
            "account 401 has 3 digits, but the accounts of the chart (plan-comptable.csv) have 4"
        ) && outcome.stderr.contains("[products] 'Tonte de pelouse'"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn documents_dated_before_the_lock_or_after_the_year_end_are_refused() {
    let outcome = case_with("lock_before = \"2026-11-03\"", CHART).run(&[]);
    outcome.assert_rejected(&[
        "[date_locked]",
        "1 document dated before 2026-11-03",
        "F-1 (2026-11-02)",
    ]);
    let outcome = case_with("fiscal_year_end = 2026-11-05", CHART).run(&[]);
    outcome.assert_rejected(&[
        "[date_after_year_end]",
        "2 documents dated after 2026-11-05",
        "R-1 (2026-11-06), R-2 (2026-11-07)",
    ]);
}

#[test]
fn an_adjustment_of_a_locked_document_is_dated_the_first_open_date() {
    let case = case_with("", CHART);
    case.run(&[]).assert_success();
    // F-1's first line changes after its export; meanwhile the books are
    // locked before the 4th.
    let mut rows = standard_sales_rows_fr();
    rows[1][5] = N(110.0);
    rows[1][8] = N(124.98);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    let config = std::fs::read_to_string(case.file("plannit2sage.toml"))
        .unwrap()
        .replace("[accounts]", "lock_before = \"2026-11-04\"\n[accounts]");
    std::fs::write(case.file("plannit2sage.toml"), config).unwrap();
    let outcome = case.run_into(&case.dir.path().join("out2"), &["--adjust"], &[]);
    outcome.assert_success();
    assert_eq!(
        outcome.headers(),
        ["11-04-26,\"F-1\",\"Ajust. F-1 du 26-11-02\""]
    );
    assert_eq!(
        outcome.account_sums(),
        sums(&[("1210", "10.00"), ("4001", "-10.00")])
    );
}

/// Sales with GST/QST lines, an HST line (Ontario) and a credit note.
fn taxed_sales_rows() -> Vec<Vec<V>> {
    let mut rows = standard_sales_rows_fr();
    rows[0].push(T("TVH"));
    for row in rows.iter_mut().skip(1) {
        row.push(N(0.0));
    }
    rows.push(vec![
        T("F-3"),
        D(2026, 11, 5),
        T("Toronto Lawn Ltd"),
        T("Tonte de pelouse"),
        N(1.0),
        N(100.0),
        N(0.0),
        N(0.0),
        N(113.0),
        N(13.0),
    ]);
    rows.push(vec![
        T("F-4"),
        D(2026, 11, 6),
        T("Lavoie, Anne"),
        T("Taille de haie"),
        N(-1.0),
        N(-50.0),
        N(-2.5),
        N(-4.99),
        N(-57.49),
        N(0.0),
    ]);
    rows
}

/// A TAXD line: (account, taxable, tax).
type TaxdLine = (String, Decimal, Decimal);

/// TAXD lines of a Sage file per entry header.
fn tax_lines(sage_text: &str) -> Vec<(String, Vec<TaxdLine>)> {
    let mut entries: Vec<(String, Vec<TaxdLine>)> = Vec::new();
    for line in sage_text.split("\r\n") {
        let fields: Vec<&str> = line.split(',').collect();
        if line.contains('"') {
            entries.push((line.to_string(), Vec::new()));
        } else if fields[0] == "TAXD" {
            entries.last_mut().unwrap().1.push((
                fields[1].to_string(),
                fields[4].parse().unwrap(),
                fields[5].parse().unwrap(),
            ));
        }
    }
    entries
}

#[test]
fn tax_detail_carries_the_taxed_revenue_and_the_tax_of_every_entry() {
    for granularity in ["period", "day", "document"] {
        let case = case_with("tax_detail = true", CHART);
        let config = std::fs::read_to_string(case.file("plannit2sage.toml")).unwrap()
            + "\n[taxes]\ngst = { name = \"TPS\", code = \"G\" }\nqst = { name = \"TVQ\", code = \"Q\" }\nhst = { name = \"TVH\", code = \"H\" }\n";
        std::fs::write(case.file("plannit2sage.toml"), config).unwrap();
        write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", taxed_sales_rows())]);
        let outcome = case.run(&["--granularity", granularity]);
        outcome.assert_success();
        let text = outcome.sage_text();
        // TAXH right after each header that has tax lines, with their count.
        let lines: Vec<&str> = text.split("\r\n").collect();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("TAXH") {
                assert!(lines[i - 1].contains('"'), "{granularity}: {text}");
                let count: usize = line.split(',').nth(1).unwrap().parse().unwrap();
                assert!(lines[i + 1..=i + count]
                    .iter()
                    .all(|l| l.starts_with("TAXD,")));
                assert!(line.ends_with(",0"), "sales: {line}");
            }
        }
        // Each TAXD tax is the entry's credit on that account.
        let entries = tax_lines(&text);
        let mut per_entry_lines: BTreeMap<String, BTreeMap<String, Decimal>> = BTreeMap::new();
        let mut header = String::new();
        for line in text.split("\r\n") {
            if line.contains('"') {
                header = line.to_string();
            } else if let Some((account, amount)) = line.split_once(',') {
                if account.chars().all(|c| c.is_ascii_digit()) && !account.is_empty() {
                    *per_entry_lines
                        .entry(header.clone())
                        .or_default()
                        .entry(account.to_string())
                        .or_default() += amount.parse::<Decimal>().unwrap();
                }
            }
        }
        let mut taxable_totals: BTreeMap<String, Decimal> = BTreeMap::new();
        for (header, taxes) in &entries {
            for (account, taxable, tax) in taxes {
                assert_eq!(
                    *tax, -per_entry_lines[header][account],
                    "{granularity} {header} {account}"
                );
                *taxable_totals.entry(account.clone()).or_default() += taxable;
            }
            // An entry posting to a tax account has its TAXD line.
            for account in ["2420", "2500", "2430"] {
                let posts = per_entry_lines[header].contains_key(account);
                let detailed = taxes.iter().any(|(a, _, _)| a == account);
                assert_eq!(posts, detailed, "{granularity} {header} {account}");
            }
        }
        // Revenue taxed by GST/QST: 100 + 200 + 1 234.56 − 50 (the credit
        // note); by HST: 100.
        assert_eq!(
            taxable_totals,
            sums(&[("2420", "1484.56"), ("2500", "1484.56"), ("2430", "100.00")]),
            "{granularity}"
        );
        if granularity == "document" {
            let credit_note = entries.iter().find(|(h, _)| h.contains("F-4")).unwrap();
            assert_eq!(
                credit_note.1,
                vec![
                    (
                        "2420".to_string(),
                        "-50.00".parse().unwrap(),
                        "-2.50".parse().unwrap()
                    ),
                    (
                        "2500".to_string(),
                        "-50.00".parse().unwrap(),
                        "-4.99".parse().unwrap()
                    ),
                ]
            );
            assert!(
                text.contains("TAXD,2430,TVH,H,100.00,13.00,0.00\r\n"),
                "{text}"
            );
        }
        // The writer's own file passes the checker.
        let check = binary()
            .arg("check")
            .arg(&outcome.sage_files[0])
            .arg("--config")
            .arg(case.file("plannit2sage.toml"))
            .run_output();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

fn check(text: &str, config: Option<&str>) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("import.txt");
    std::fs::write(&file, text).unwrap();
    let mut command = binary();
    command.current_dir(dir.path()).arg("check").arg(&file);
    if let Some(config) = config {
        std::fs::write(dir.path().join("plan-comptable.csv"), CHART).unwrap();
        std::fs::write(dir.path().join("plannit2sage.toml"), config).unwrap();
        command
            .arg("--config")
            .arg(dir.path().join("plannit2sage.toml"));
    }
    let output = command.run_output();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Sage's own example, as its knowledge base prints it.
const SAGE_EXAMPLE: &str =
    "12-05-07,\"1035-9315\",\"Lionel Cardoz\"\n1090,133.75\n4020,-97.50\n4060,-27.50\n2490,-8.75\n";
/// The same entry with a line comment, an allocation count and an allocation line.
const SAGE_EXAMPLE_ALLOCATED: &str = "12-05-07,\"1035-9315\",\"Lionel Cardoz\"\n1090,133.75,\"Cheque\",0\n4020,-97.50,\"Drafting\",1\n\"Project A\",100.00\n4060,-27.50\n2490,-8.75\n";

#[test]
fn check_accepts_sages_documented_examples_with_crlf_and_notes_lf() {
    for example in [SAGE_EXAMPLE, SAGE_EXAMPLE_ALLOCATED] {
        let (code, stdout, stderr) = check(&example.replace('\n', "\r\n"), None);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(
            stdout.contains("OK: every entry balances; total debits 133.75 = credits 133.75."),
            "{stdout}"
        );
        assert!(!stdout.contains("note:"), "{stdout}");
        let (code, stdout, stderr) = check(example, None);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(
            stdout.contains("note:") && stdout.contains("LF"),
            "{stdout}"
        );
    }
    // A header with a currency and exchange rate, and tax lines.
    let (code, stdout, stderr) = check(
        "10-31-26,\"PLN-1\",\"Ventes\",USD,1.3650\r\nTAXH,2,0\r\nTAXD,2420,TPS,GQ,100.00,5.00,0.00\r\nTAXD,2500,\"TVQ\",\"GQ\",100.00,9.98,0.00\r\n1210,114.98\r\n4001,-100.00\r\n2420,-5.00\r\n2500,-9.98\r\n",
        None,
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("2 tax lines"), "{stdout}");
}

#[test]
fn check_refuses_what_sage_documents_as_refused() {
    let entry = |header: &str, lines: &str| format!("{header}\r\n{lines}");
    for (file, says) in [
        (entry("10-31-26,\"A\",\"x\"", "1210,10.00\r\n4001,-9.00\r\n"), "does not balance"),
        (entry("10-31-26,\"A\",\"x\"", "1210,0.00\r\n4001,0.00\r\n"), "totals zero"),
        (entry("31-10-26,\"A\",\"x\"", "1210,10.00\r\n4001,-10.00\r\n"), "not a date in mm-dd-yy form"),
        (entry("10-31-26,\"A\",\"x\"", "1210,10\r\n4001,-10.00\r\n"), "not an amount with a period and two decimals"),
        (entry("10-31-26,\"\",\"x\"", "1210,10.00\r\n4001,-10.00\r\n"), "the source is missing"),
        (entry("10-31-26,\"ABCDEFGHIJKLMNOPQRSTU\",\"x\"", "1210,10.00\r\n4001,-10.00\r\n"), "longer than 20 characters"),
        (entry(&format!("10-31-26,\"A\",\"{}\"", "c".repeat(76)), "1210,10.00\r\n4001,-10.00\r\n"), "longer than 75 characters"),
        (entry("10-31-26,\"A\",\"x\"", "TAXH,2,0\r\nTAXD,2420,TPS,GQ,10.00,0.50,0.00\r\n1210,10.50\r\n4001,-10.00\r\n2420,-0.50\r\n"), "TAXH announces 1 more TAXD line,"),
    ] {
        let (code, stdout, stderr) = check(&file, None);
        assert_eq!(code, 1, "{says}: {stdout}{stderr}");
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert!(stderr.contains("Sage 50 would refuse this file"), "{stderr}");
    }
    // Within Sage's documented limits but past the strictest versions': a note.
    let (code, stdout, _) = check(
        &entry(
            "10-31-26,\"ABCDEFGHIJKLMNOP\",\"x\"",
            "1210,10.00\r\n4001,-10.00\r\n",
        ),
        None,
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("longer than 13 characters"), "{stdout}");
}

#[test]
fn check_with_a_config_knows_the_company() {
    let config = format!(
        "[sage50]\nchart_of_accounts = \"plan-comptable.csv\"\nlinked_accounts = [\"1200\"]\nlock_before = \"2026-10-01\"\nsource_max = 13\n{}",
        CONFIG
    );
    let entry = |header: &str, lines: &str| format!("{header}\r\n{lines}");
    for (file, says) in [
        (
            entry("10-31-26,\"A\",\"x\"", "1210,10.00\r\n4009,-10.00\r\n"),
            "account 4009 is not in the chart",
        ),
        (
            entry("10-31-26,\"A\",\"x\"", "1200,10.00\r\n4001,-10.00\r\n"),
            "account 1200 is a linked account",
        ),
        (
            entry("09-30-26,\"A\",\"x\"", "1210,10.00\r\n4001,-10.00\r\n"),
            "2026-09-30 is before 2026-10-01",
        ),
        (
            entry(
                "10-31-26,\"ABCDEFGHIJKLMN\",\"x\"",
                "1210,10.00\r\n4001,-10.00\r\n",
            ),
            "longer than 13 characters",
        ),
    ] {
        let (code, stdout, stderr) = check(&file, Some(&config));
        assert_eq!(code, 1, "{says}: {stdout}{stderr}");
        assert!(stderr.contains(says), "{says}: {stderr}");
    }
    let (code, stdout, stderr) = check(
        &entry("10-31-26,\"A\",\"x\"", "1210,10.00\r\n4001,-10.00\r\n"),
        Some(&config),
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
}
