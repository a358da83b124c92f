//! The benchmark's data generator: deterministic, and its files give exactly
//! the totals it announces.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::fixtures::*;

fn generate(dir: &std::path::Path, format: &str) {
    let output = plannit2sage(&[
        "sample-data".into(),
        dir.display().to_string(),
        "--lines".into(),
        "400".into(),
        "--payments".into(),
        "150".into(),
        "--seed".into(),
        "7".into(),
        "--format".into(),
        format.into(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn generated_exports_give_the_announced_totals_in_csv_and_xlsx() {
    for format in ["csv", "xlsx"] {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        generate(&inbox, format);
        let expected: BTreeMap<String, String> = serde_json::from_str(
            &std::fs::read_to_string(inbox.join("expected-totals.json")).unwrap(),
        )
        .unwrap();
        let expected: BTreeMap<String, Decimal> = expected
            .into_iter()
            .map(|(a, v)| (a, v.parse().unwrap()))
            .collect();
        let out = dir.path().join("out");
        let output = plannit2sage(&[
            "run".into(),
            inbox.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let sage = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "txt"))
            .unwrap();
        assert_eq!(Outcome::read(&sage).account_sums(), expected, "{format}");
    }
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate(a.path(), "csv");
    generate(b.path(), "csv");
    for name in [
        "ventes-detaillees.csv",
        "paiements.csv",
        "expected-totals.json",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name}"
        );
    }
}
