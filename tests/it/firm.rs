//! The firm: one `watch` process for every client folder under a root, and
//! `status` and `schedule` over them.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::fixtures::*;

/// A client folder made by `init`, with the test configuration.
fn client(root: &Path, name: &str) -> PathBuf {
    let folder = root.join(name);
    let output = binary().arg("init").arg(&folder).run_output();
    assert!(output.status.success());
    std::fs::write(folder.join("plannit2sage.toml"), CONFIG).unwrap();
    folder
}

fn sage_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder.join("out"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default()
}

/// Three clients: French xlsx sales, Windows-1252 `;` CSV sales, and one
/// whose batch is rejected (an unmapped catalogue item).
fn firm() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let gagnon = client(root.path(), "gagnon");
    write_xlsx(
        &gagnon.join("inbox/ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(gagnon.join("inbox/paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let tremblay = client(root.path(), "tremblay");
    write_cp1252(
        &tremblay.join("inbox/ventes.csv"),
        "No facture;Date facture;Client;Produit/Service;Montant;TPS;TVQ;Total\n\
         F-1;2026-11-02;Côté;Tonte de pelouse;100,00 $;5,00 $;9,98 $;114,98 $\n",
    );
    let roy = client(root.path(), "roy");
    let mut rows = standard_sales_rows_fr();
    rows[2][3] = T("Taille d'arbres");
    write_xlsx(&roy.join("inbox/ventes.xlsx"), &[("Ventes", rows)]);
    root
}

#[test]
fn one_watch_serves_every_client_and_a_rejection_stops_no_other() {
    let root = firm();
    let output = binary()
        .args([
            "watch",
            root.path().to_str().unwrap(),
            "--once",
            "--quiet",
            "0.2",
        ])
        .run_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    // Each client's own batch, each line naming its client.
    let gagnon = sage_files(&root.path().join("gagnon"));
    assert_eq!(Outcome::read(&gagnon[0]).account_sums(), standard_sums());
    let tremblay = sage_files(&root.path().join("tremblay"));
    assert_eq!(
        Outcome::read(&tremblay[0]).account_sums(),
        sums(&[
            ("1210", "114.98"),
            ("2420", "-5.00"),
            ("2500", "-9.98"),
            ("4001", "-100.00")
        ])
    );
    assert!(sage_files(&root.path().join("roy")).is_empty());
    assert_eq!(file_names(&root.path().join("roy/rejected")).len(), 1);
    for (name, status) in [
        ("gagnon", "exported"),
        ("tremblay", "exported"),
        ("roy", "rejected"),
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(&format!("[{name}]")) && l.contains(status)),
            "{name}: {stdout}"
        );
        let log = std::fs::read_to_string(root.path().join(name).join("plannit2sage.log")).unwrap();
        assert!(log.contains(&format!("\"client\":\"{name}\"")), "{log}");
    }

    // Where each client stands, in French.
    let status = binary()
        .args(["--lang", "fr", "status", root.path().to_str().unwrap()])
        .run_output();
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(status.status.success(), "{text}");
    assert!(
        text.contains("Client gagnon\n  dernier lot exporté : "),
        "{text}"
    );
    assert!(
        text.contains("période 2026-11-02 → 2026-11-07, débits 1\u{a0}764,37 $"),
        "{text}"
    );
    assert!(
        text.contains("Client roy\n  aucun lot exporté\n  dernier refus : le "),
        "{text}"
    );
    assert!(
        text.contains("'Taille d'arbres' has no revenue account"),
        "{text}"
    );
    assert!(
        text.contains("fichiers en attente dans inbox : 0"),
        "{text}"
    );
}

#[test]
fn a_client_added_while_watching_is_picked_up() {
    let root = tempfile::tempdir().unwrap();
    client(root.path(), "gagnon");
    let mut child = binary()
        .args([
            "watch",
            root.path().to_str().unwrap(),
            "--quiet",
            "0.2",
            "--rescan",
            "0.3",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let late = client(root.path(), "nouveau-client");
    write_xlsx(
        &late.join("inbox/ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(late.join("inbox/paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    let start = Instant::now();
    while sage_files(&late).is_empty() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let files = sage_files(&late);
    assert_eq!(files.len(), 1, "the new client was not served");
    assert_eq!(Outcome::read(&files[0]).account_sums(), standard_sums());
}

#[test]
fn schedule_prints_the_command_that_runs_watch_once() {
    let root = tempfile::tempdir().unwrap();
    let output = binary()
        .args(["schedule", root.path().to_str().unwrap(), "--every", "15m"])
        .run_output();
    let line = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    if cfg!(windows) {
        assert!(
            line.starts_with("schtasks /Create /F /SC MINUTE /MO 15 /TN \"plannit2sage "),
            "{line}"
        );
        assert!(
            line.contains(&format!("watch \\\"{}\\\" --once", root.path().display())),
            "{line}"
        );
    } else {
        assert!(line.starts_with("*/15 * * * * '"), "{line}");
        assert!(
            line.contains(&format!("' watch '{}' --once", root.path().display())),
            "{line}"
        );
    }
}
