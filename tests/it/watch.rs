//! Drop-folder mode, driving the real `watch` command on a temporary folder.

#[cfg(unix)]
use std::io::Write;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::{Child, Command, Stdio};
#[cfg(unix)]
use std::time::{Duration, Instant};

use crate::fixtures::*;

/// A drop folder made by `init`, with the test configuration.
pub fn drop_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = binary().arg("init").arg(dir.path()).run_output();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::write(dir.path().join("plannit2sage.toml"), CONFIG).unwrap();
    dir
}

fn write_standard_files(inbox: &Path) {
    write_xlsx(
        &inbox.join("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(inbox.join("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
}

pub fn sage_files(root: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(root.join("out"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "txt")
                        && !p.file_name().unwrap().to_string_lossy().starts_with('.')
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn log_lines(root: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(root.join("plannit2sage.log"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

// The watcher-process tests below are Unix-only (they stop it with a signal).
#[cfg(unix)]
fn wait_for(what: &str, timeout: Duration, mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(unix)]
fn spawn_watch(root: &Path) -> Child {
    binary()
        .args([
            "watch",
            root.to_str().unwrap(),
            "--quiet",
            "0.5",
            "--rescan",
            "0.2",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[cfg(unix)]
fn terminate(child: Child) -> std::process::Output {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait_with_output().unwrap()
}

#[test]
fn init_writes_a_starter_config_that_says_what_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    let output = binary().arg("init").arg(dir.path()).run_output();
    assert!(output.status.success());
    assert_eq!(
        file_names(dir.path()),
        ["archive", "inbox", "out", "plannit2sage.toml", "rejected"]
    );
    // Example numbers are comments: the accounts are the client's to fill in,
    // and loading the file names every one still empty.
    let path = dir.path().join("plannit2sage.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("compte NON associé") && text.contains("NON-linked account"));
    assert!(
        text.contains("bank = \"\"                   # ex. 1020"),
        "{text}"
    );
    let refused = plannit2sage::config::Config::load(&path)
        .unwrap_err()
        .to_string();
    for key in ["bank", "receivable", "gst", "qst"] {
        assert!(
            refused.contains(&format!(
                "[accounts] {key} = \"\" : à remplir avec le numéro du compte"
            )),
            "{key}: {refused}"
        );
    }
    // The safeguards are there, each saying what it prevents.
    for (key, prevents) in [
        (
            "# chart_of_accounts",
            "un compte absent de la compagnie est signalé avant l'import",
        ),
        (
            "# linked_accounts",
            "Sage refuse tout le fichier qui y écrit",
        ),
        (
            "# lock_before",
            "un document antérieur est refusé ici plutôt que par Sage",
        ),
        (
            "# fiscal_year_end",
            "Sage refuse toute écriture postérieure",
        ),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(key) && l.contains(prevents)),
            "{key}: {text}"
        );
    }
    let filled = text
        .replacen("bank = \"\"", "bank = \"1020\"", 1)
        .replacen("receivable = \"\"", "receivable = \"1210\"", 1)
        .replacen("gst = \"\"", "gst = \"2420\"", 1)
        .replacen("qst = \"\"", "qst = \"2500\"", 1);
    std::fs::write(&path, filled).unwrap();
    let config = plannit2sage::config::Config::load(&path).unwrap();
    assert_eq!(config.accounts.receivable, "1210");
    // Running init again changes nothing.
    std::fs::write(dir.path().join("plannit2sage.toml"), CONFIG).unwrap();
    assert!(binary()
        .arg("init")
        .arg(dir.path())
        .run_output()
        .status
        .success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plannit2sage.toml")).unwrap(),
        CONFIG
    );
}

#[test]
fn once_processes_the_inbox_archives_the_inputs_and_logs_the_batch() {
    let dir = drop_folder();
    let root = dir.path();
    write_standard_files(&root.join("inbox"));
    let output = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("exported  batch"), "{stdout}");
    assert!(file_names(&root.join("inbox")).is_empty());
    let sage = sage_files(root);
    assert_eq!(sage.len(), 1);
    assert_eq!(Outcome::read(&sage[0]).account_sums(), standard_sums());
    let batch = log_lines(root)[0]["batch"].as_str().unwrap().to_string();
    assert_eq!(
        file_names(&root.join("archive").join(&batch)),
        ["paiements.csv", "ventes.xlsx"]
    );
    let log = log_lines(root);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["status"], "exported");
    assert_eq!(log[0]["debits"], "1764.37");
    assert_eq!(
        log[0]["files"],
        serde_json::json!(["paiements.csv", "ventes.xlsx"])
    );
    // Nothing left: --once with an empty inbox exits at once, successfully.
    let again = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    assert!(again.status.success());
}

#[test]
fn once_rejects_a_bad_batch_with_its_workbook_and_an_explanation() {
    let dir = drop_folder();
    let root = dir.path();
    let mut rows = standard_sales_rows_fr();
    rows[2][3] = T("Taille d'arbres");
    write_xlsx(&root.join("inbox/ventes.xlsx"), &[("Ventes", rows)]);
    let output = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0.2"])
        .run_output();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(sage_files(root).is_empty());
    let rejected = std::fs::read_dir(root.join("rejected"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let files = file_names(&rejected);
    assert!(files.contains(&"ventes.xlsx".to_string()), "{files:?}");
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("reconciliation-") && f.ends_with(".xlsx")),
        "{files:?}"
    );
    let explanation = std::fs::read_to_string(rejected.join("ERREURS-ERRORS.txt")).unwrap();
    assert!(
        explanation.contains("NOT exported")
            && explanation.contains("'Taille d'arbres' has no revenue account"),
        "{explanation}"
    );
    assert_eq!(log_lines(root)[0]["status"], "rejected");
}

#[cfg(unix)]
#[test]
fn a_running_watcher_waits_for_complete_files_ignores_lock_files_and_refuses_duplicates() {
    let dir = drop_folder();
    let root = dir.path();
    let inbox = root.join("inbox");
    let child = spawn_watch(root);

    // Excel's lock file, then a slow, chunked write of the payments report.
    std::fs::write(inbox.join("~$ventes.xlsx"), b"lock").unwrap();
    write_xlsx(
        &inbox.join("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    let mut file = std::fs::File::create(inbox.join("paiements.csv")).unwrap();
    for chunk in STANDARD_PAYMENTS_CSV.as_bytes().chunks(40) {
        file.write_all(chunk).unwrap();
        file.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
    drop(file);
    // The log line is written once the batch's files are filed: wait for both.
    wait_for(
        "the Sage file and its log line",
        Duration::from_secs(30),
        || !sage_files(root).is_empty() && !log_lines(root).is_empty(),
    );
    // One batch with both files, complete: the standard figures.
    assert_eq!(
        Outcome::read(&sage_files(root)[0]).account_sums(),
        standard_sums()
    );
    assert_eq!(file_names(&inbox), ["~$ventes.xlsx"]);

    // The same content dropped again, under other names: nothing is posted.
    std::fs::copy(
        root.join("archive")
            .join(log_lines(root)[0]["batch"].as_str().unwrap())
            .join("paiements.csv"),
        inbox.join("paiements (1).csv"),
    )
    .unwrap();
    wait_for("the duplicate to be filed", Duration::from_secs(30), || {
        log_lines(root).len() >= 2
    });
    assert_eq!(log_lines(root)[1]["status"], "duplicate");
    assert_eq!(sage_files(root).len(), 1);
    assert_eq!(file_names(&root.join("archive/duplicates")).len(), 1);

    let output = terminate(child);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Stopped: 1 batch exported"));
}

#[cfg(unix)]
#[test]
fn the_watcher_survives_the_inbox_disappearing() {
    let dir = drop_folder();
    let root = dir.path();
    let child = spawn_watch(root);
    std::thread::sleep(Duration::from_millis(400));
    std::fs::rename(root.join("inbox"), root.join("inbox-away")).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    std::fs::rename(root.join("inbox-away"), root.join("inbox")).unwrap();
    write_standard_files(&root.join("inbox"));
    wait_for("the Sage file", Duration::from_secs(30), || {
        !sage_files(root).is_empty()
    });
    let output = terminate(child);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("the inbox is not reachable"));
}

#[cfg(unix)]
#[test]
fn stopping_mid_batch_finishes_it_or_leaves_it_untouched() {
    for delay_ms in [0u64, 550, 650, 800] {
        let dir = drop_folder();
        let root = dir.path();
        let child = spawn_watch(root);
        std::thread::sleep(Duration::from_millis(300));
        write_standard_files(&root.join("inbox"));
        std::thread::sleep(Duration::from_millis(delay_ms));
        let output = terminate(child);
        assert!(
            output.status.success(),
            "{delay_ms} ms: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let inbox = file_names(&root.join("inbox"));
        let sage = sage_files(root);
        if sage.is_empty() {
            assert_eq!(
                inbox,
                ["paiements.csv", "ventes.xlsx"],
                "{delay_ms} ms: files taken but not posted"
            );
        } else {
            assert!(inbox.is_empty(), "{delay_ms} ms: {inbox:?}");
            assert_eq!(Outcome::read(&sage[0]).account_sums(), standard_sums());
            assert_eq!(log_lines(root).len(), 1);
        }
        assert!(
            file_names(&root.join(".processing")).is_empty(),
            "{delay_ms} ms: a batch was left half-done"
        );
        assert!(
            file_names(&root.join("out"))
                .iter()
                .all(|n| !n.ends_with(".tmp")),
            "{delay_ms} ms: temporary files left"
        );
    }
}
