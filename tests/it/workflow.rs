//! The accountant's workflow in French: the same rejected batch told in both
//! languages, first setup from the exports, and fixing a rejected batch
//! without moving files (`watch` retrying by itself, `retry`).

use std::path::Path;

use crate::fixtures::*;

/// An invoice line whose catalogue item no configuration maps.
fn unmapped_row() -> Vec<V> {
    vec![
        T("F-3"),
        D(2026, 11, 6),
        T("Roy, Marc"),
        T("Taille d'arbres"),
        N(1.0),
        N(400.0),
        N(20.0),
        N(39.9),
        N(459.9),
    ]
}

/// The standard batch with one more line whose item no configuration maps,
/// and one line without a date.
fn rejected_case() -> Case {
    let case = Case::new(CONFIG);
    let mut rows = standard_sales_rows_fr();
    rows.push(unmapped_row());
    rows.push(vec![
        T("F-4"),
        T("pas de date"),
        T("Roy, Marc"),
        T("Tonte de pelouse"),
        N(1.0),
        N(10.0),
        N(0.5),
        N(1.0),
        N(11.5),
    ]);
    write_xlsx(&case.file("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(case.file("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    case
}

/// Words that would betray an English sentence in French output.
const ENGLISH_WORDS: &[&str] = &[
    "the", "is", "has", "not", "and", "no", "row", "sheet", "column", "error", "errors", "warning",
    "warnings", "account", "invoice", "payment", "export", "again", "fix", "add", "under", "file",
    "which", "item", "valid", "rejected", "written", "missing", "found",
];

fn english_words_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| ENGLISH_WORDS.contains(&word.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// The finding lines of stderr: severity, rule and the rest.
fn finding_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(" [") && l.contains(']'))
        .collect()
}

#[test]
fn the_same_rejected_batch_reads_in_french_and_in_english() {
    let case = rejected_case();
    let french = case.run(&["--lang", "fr"]);
    let english = rejected_case().run(&["--lang", "en"]);
    assert_eq!(french.code, 1, "{}", french.stderr);
    assert_eq!(english.code, 1, "{}", english.stderr);

    // Same facts: the same rules at the same places, in the same order.
    let facts = |stderr: &str| -> Vec<String> {
        finding_lines(stderr)
            .iter()
            .map(|l| {
                let rule = &l[l.find('[').unwrap()..=l.find(']').unwrap()];
                let numbers: String = l
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|n| !n.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("{rule} {numbers}")
            })
            .collect()
    };
    let (fr_facts, en_facts) = (facts(&french.stderr), facts(&english.stderr));
    assert!(fr_facts.len() >= 2, "{}", french.stderr);
    assert_eq!(fr_facts, en_facts);

    assert!(
        french
            .stderr
            .contains("erreur [unmapped_item] ventes.xlsx, feuille « Ventes », ligne 5"),
        "{}",
        french.stderr
    );
    assert!(
        french.stderr.contains("Taille d'arbres"),
        "{}",
        french.stderr
    );
    assert!(
        french
            .stderr
            .contains("→ à corriger : dans la configuration : [products] de plannit2sage.toml"),
        "{}",
        french.stderr
    );
    assert!(
        french.stderr.contains("→ à corriger : dans Plannit"),
        "{}",
        french.stderr
    );
    assert!(
        french
            .stderr
            .contains("Refusé : 3 erreurs, 0 avertissement."),
        "{}",
        french.stderr
    );
    assert!(
        english.stderr.contains("Rejected: 3 errors, 0 warnings."),
        "{}",
        english.stderr
    );
    assert!(
        english
            .stderr
            .contains("error [unmapped_item] ventes.xlsx, sheet 'Ventes', row 5"),
        "{}",
        english.stderr
    );
    assert!(
        english
            .stderr
            .contains("→ fix: in the configuration: [products] in plannit2sage.toml"),
        "{}",
        english.stderr
    );

    // No English left in the French findings (file names and data aside).
    for line in finding_lines(&french.stderr) {
        let rule_end = line.find(']').unwrap();
        let line = &line[rule_end..];
        let words = english_words_in(
            &line
                .replace("Taille d'arbres", "")
                .replace("ventes.xlsx", ""),
        );
        assert!(words.is_empty(), "English words {words:?} in: {line}");
    }
    let words = english_words_in(
        &french
            .stdout
            .replace("ventes.xlsx", "")
            .replace("paiements.csv", ""),
    );
    assert!(
        words.is_empty(),
        "English words {words:?} in:\n{}",
        french.stdout
    );
}

/// Every message id the code uses exists in the French and English catalogues.
#[test]
fn every_message_the_code_uses_is_in_both_catalogues() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ids_in = |lang: &str| -> std::collections::BTreeSet<String> {
        let mut ids = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(root.join("locales").join(lang)).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                let Some((id, _)) = line.split_once(" =") else {
                    continue;
                };
                let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if is_id {
                    ids.insert(id.to_string());
                }
            }
        }
        ids
    };
    let (fr, en) = (ids_in("fr"), ids_in("en"));
    assert_eq!(fr, en, "the catalogues differ");
    let mut used = Vec::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text: String = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .map(|line| format!("{line}\n"))
                .collect();
            for macro_name in ["t!(\"", "tr!(\""] {
                for (at, _) in text.match_indices(macro_name) {
                    // `t!(` itself, not the end of `format!(` or `assert!(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[at + macro_name.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    used.push((path.display().to_string(), id.to_string()));
                }
            }
        }
    }
    assert!(used.len() > 100, "only {} uses found", used.len());
    let missing: Vec<_> = used.iter().filter(|(_, id)| !fr.contains(id)).collect();
    assert!(missing.is_empty(), "ids not in the catalogue: {missing:?}");
}

fn drop_folder_with(config: &str, files: impl Fn(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let output = binary().arg("init").arg(dir.path()).run_output();
    assert!(output.status.success());
    std::fs::write(dir.path().join("plannit2sage.toml"), config).unwrap();
    files(&dir.path().join("inbox"));
    dir
}

fn unmapped_drop() -> tempfile::TempDir {
    drop_folder_with(CONFIG, |inbox| {
        let mut rows = standard_sales_rows_fr();
        rows.push(unmapped_row());
        write_xlsx(&inbox.join("ventes.xlsx"), &[("Ventes", rows)]);
        std::fs::write(inbox.join("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
    })
}

fn watch_once(root: &Path, lang: &str) -> std::process::Output {
    binary()
        .args(["--lang", lang, "watch", "--once", "--quiet", "0"])
        .arg(root)
        .run_output()
}

fn only_subfolder(dir: &Path) -> std::path::PathBuf {
    let folders: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("duplicates"))
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    folders[0].clone()
}

fn batches_in_history(root: &Path) -> usize {
    let output = binary()
        .args(["history", "--config"])
        .arg(root.join("plannit2sage.toml"))
        .run_output();
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.trim_start().starts_with("20"))
        .count()
}

/// Where a rejected folder went once a retry exported it: under the
/// batch's archive folder, named after it with `prefix` (the language's).
fn resolved_folder(root: &Path, rejected: &Path, prefix: &str) -> std::path::PathBuf {
    let log = crate::watch::log_lines(root);
    let batch = log.last().unwrap()["batch"].as_str().unwrap().to_string();
    let name = rejected.file_name().unwrap().to_string_lossy();
    let folder = root
        .join("archive")
        .join(batch)
        .join(format!("{prefix}{name}"));
    assert!(folder.is_dir(), "{folder:?}");
    folder
}

fn map_the_missing_item(root: &Path) {
    let config = CONFIG.replace(
        "[products]\n",
        "[products]\n\"Taille d'arbres\" = \"4003\"\n",
    );
    std::fs::write(root.join("plannit2sage.toml"), config).unwrap();
}

#[test]
fn watch_retries_a_rejected_batch_once_the_mapping_is_fixed() {
    let dir = unmapped_drop();
    let root = dir.path();
    let first = watch_once(root, "fr");
    assert_eq!(first.status.code(), Some(1));
    let rejected = only_subfolder(&root.join("rejected"));
    let errors = std::fs::read_to_string(rejected.join("ERREURS-ERRORS.txt")).unwrap();
    assert!(
        errors.contains("Corrigez la configuration : [products] (plannit2sage.toml)"),
        "{errors}"
    );
    assert!(errors.contains("reprend ce lot de lui-même"), "{errors}");
    assert!(
        !errors.contains("Corrigez les données dans Plannit"),
        "{errors}"
    );
    assert!(
        errors.contains("« Taille d'arbres »") || errors.contains("'Taille d'arbres'"),
        "{errors}"
    );
    assert!(rejected.join("ventes.xlsx").is_file());

    // Nothing changed: a second pass leaves the batch alone.
    let idle = watch_once(root, "fr");
    assert_eq!(
        idle.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&idle.stdout)
    );
    assert!(rejected.join("ventes.xlsx").is_file());

    map_the_missing_item(root);
    let retried = watch_once(root, "fr");
    let stdout = String::from_utf8_lossy(&retried.stdout);
    assert_eq!(retried.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("reprise de "), "{stdout}");
    assert!(stdout.contains("exporté  lot"), "{stdout}");
    assert_eq!(crate::watch::sage_files(root).len(), 1);
    assert_eq!(batches_in_history(root), 1);
    // The rejected folder, with its story, went with the batch's files;
    // its error text says when and as which batch it was exported.
    assert!(!rejected.exists());
    let resolved = resolved_folder(root, &rejected, "refus-");
    let note = std::fs::read_to_string(resolved.join("REPRISES-RETRIES.txt")).unwrap();
    assert!(note.contains("exporté comme lot"), "{note}");
    let errors = std::fs::read_to_string(resolved.join("ERREURS-ERRORS.txt")).unwrap();
    assert!(
        errors.starts_with("Ce lot a été repris le ") && errors.contains("exporté comme lot"),
        "{errors}"
    );
    assert!(!errors.contains("PAS été exporté"), "{errors}");

    // Once exported, never retried again.
    std::fs::write(
        root.join("plannit2sage.toml"),
        std::fs::read_to_string(root.join("plannit2sage.toml")).unwrap() + "\n",
    )
    .unwrap();
    let after = watch_once(root, "fr");
    assert_eq!(after.status.code(), Some(0));
    assert_eq!(batches_in_history(root), 1);
    assert_eq!(crate::watch::sage_files(root).len(), 1);
}

#[test]
fn retry_runs_a_rejected_batch_by_name() {
    let dir = unmapped_drop();
    let root = dir.path();
    assert_eq!(watch_once(root, "en").status.code(), Some(1));
    let rejected = only_subfolder(&root.join("rejected"));
    let name = rejected.file_name().unwrap().to_str().unwrap().to_string();

    let unknown = binary()
        .arg("retry")
        .arg(root)
        .arg("2020-01-01_000000.000")
        .run_output();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no rejected batch named"));

    // Not fixed yet: rejected again, files back in the same folder.
    let again = binary().arg("retry").arg(root).arg(&name).run_output();
    assert_eq!(
        again.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert!(rejected.join("ventes.xlsx").is_file());
    assert_eq!(std::fs::read_dir(root.join("rejected")).unwrap().count(), 1);

    map_the_missing_item(root);
    let fixed = binary().arg("retry").arg(root).arg(&name).run_output();
    let stdout = String::from_utf8_lossy(&fixed.stdout);
    assert_eq!(fixed.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(&format!("retry of {name}")), "{stdout}");
    assert_eq!(batches_in_history(root), 1);
    let resolved = resolved_folder(root, &rejected, "rejected-");
    let note = std::fs::read_to_string(resolved.join("REPRISES-RETRIES.txt")).unwrap();
    assert!(
        note.contains("rejected again") && note.contains("exported as batch"),
        "{note}"
    );
    let nothing = binary().arg("retry").arg(root).run_output();
    assert!(String::from_utf8_lossy(&nothing.stdout).contains("nothing to retry"));
}

/// Exports with five catalogue items (two spellings of one) and two methods.
fn multi_item_exports(dir: &Path) {
    let mut rows = standard_sales_rows_fr();
    for (invoice, item, amount) in [
        ("F-3", "Taille d'arbres", 400.0),
        ("F-4", "Sel \"extra\"", 10.0),
        ("F-5", "TONTE DE PELOUSE", 50.0),
    ] {
        let gst = (amount * 0.05_f64 * 100.0).round() / 100.0;
        let qst = (amount * 0.09975_f64 * 100.0).round() / 100.0;
        rows.push(vec![
            T(invoice),
            D(2026, 11, 6),
            T("Roy, Marc"),
            T(item),
            N(1.0),
            N(amount),
            N(gst),
            N(qst),
            N(amount + gst + qst),
        ]);
    }
    write_xlsx(&dir.join("ventes.xlsx"), &[("Ventes", rows)]);
    std::fs::write(dir.join("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();
}

#[test]
fn init_from_the_exports_lists_every_item_and_method_to_complete() {
    let exports = tempfile::tempdir().unwrap();
    multi_item_exports(exports.path());
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("client");
    let output = binary()
        .args(["--lang", "fr", "init"])
        .arg(&root)
        .arg("--from")
        .arg(exports.path())
        .run_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("5 produits et services et 2 modes de paiement"),
        "{stdout}"
    );
    let config = std::fs::read_to_string(root.join("plannit2sage.toml")).unwrap();
    for line in [
        "# \"Tonte de pelouse\"        = \"\"   # 2 lignes, 150,00\u{a0}$",
        "# \"taille de HAIE\"          = \"\"   # 1 ligne, 200,00\u{a0}$",
        "# \"Deneigement residentiel\" = \"\"   # 1 ligne, 1\u{a0}234,56\u{a0}$",
        "# \"Taille d'arbres\"         = \"\"   # 1 ligne, 400,00\u{a0}$",
        "# \"Plannit Pay\" = \"\"   # 1 paiement, 1\u{a0}000,00\u{a0}$",
        "# \"Virement\"    = \"\"   # 1 paiement, 344,93\u{a0}$",
    ] {
        assert!(config.contains(line), "missing {line:?} in:\n{config}");
    }
    assert!(
        config.lines().any(|l| l.starts_with("# ")
            && l.contains("Sel ")
            && l.ends_with("# 1 ligne, 10,00\u{a0}$")),
        "{config}"
    );
    // The accounts the exports call for are named, with what was found.
    assert!(
        config
            .lines()
            .any(|l| l.starts_with("plannit_pay_clearing = \"\"")
                && l.ends_with(
                    "trouvé dans les exports : 1 paiement Plannit Pay (1\u{a0}000,00\u{a0}$)"
                )),
        "{config}"
    );
    assert!(
        config.contains("\n# tips = \"\""),
        "no tip in the exports: {config}"
    );
    // Valid TOML as written; an item is mapped once its line is completed and uncommented.
    toml::from_str::<toml::Table>(&config).unwrap();
    let completed = config
        .lines()
        .map(|line| {
            let account = [
                ("# \"Tonte de pelouse\"", "4001"),
                ("# \"taille de HAIE\"", "4001"),
                ("# \"Deneigement residentiel\"", "4002"),
                ("# \"Taille d'arbres\"", "4003"),
                ("# 'Sel ", "4004"),
                ("# \"Sel ", "4004"),
                ("# \"Plannit Pay\"", "1030"),
            ]
            .iter()
            .find(|(start, _)| line.starts_with(start))
            .map(|(_, account)| *account);
            match account {
                Some(account) => {
                    line[2..].replacen("= \"\"", &format!("= \"{account}\""), 1) + "\n"
                }
                None => line.to_string() + "\n",
            }
        })
        .collect::<String>();
    std::fs::write(
        root.join("plannit2sage.toml"),
        fill_starter_accounts(&completed),
    )
    .unwrap();
    let run = binary()
        .arg("run")
        .arg(exports.path())
        .arg("--config")
        .arg(root.join("plannit2sage.toml"))
        .arg("--out")
        .arg(folder.path().join("out"))
        .run_output();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let sage = Outcome::read(
        &std::fs::read_dir(folder.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "txt"))
            .unwrap(),
    );
    let sums = sage.account_sums();
    assert_eq!(sums["4003"], "-400.00".parse().unwrap());
    assert_eq!(sums["4004"], "-10.00".parse().unwrap());
    assert_eq!(sums["4001"], "-350.00".parse().unwrap());
}

/// Reads a `;` table written for Excel (UTF-8 with a byte-order mark).
fn read_table(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "no byte-order mark"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn write_table(path: &Path, rows: &[Vec<String>]) {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(writer.into_inner().unwrap());
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn init_table_writes_a_mapping_table_that_products_file_reads() {
    let exports = tempfile::tempdir().unwrap();
    multi_item_exports(exports.path());
    let folder = tempfile::tempdir().unwrap();
    let output = binary()
        .args(["--lang", "fr", "init"])
        .arg(folder.path())
        .arg("--from")
        .arg(exports.path())
        .arg("--table")
        .run_output();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let table = read_table(&folder.path().join("produits.csv"));
    assert_eq!(table[0], ["Produit", "Compte", "Lignes", "Montant"]);
    let items: Vec<&str> = table[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(items.len(), 5, "{table:?}");
    assert!(
        table[1..]
            .iter()
            .any(|r| r == &["Tonte de pelouse", "", "2", "150,00"]),
        "{table:?}"
    );
    let config = std::fs::read_to_string(folder.path().join("plannit2sage.toml")).unwrap();
    assert!(
        config.contains("\n[mapping]\nproducts_file = \"produits.csv\""),
        "{config}"
    );
    // Valid as written (no account filled in yet), then completed.
    let mut rows = table.clone();
    for row in rows.iter_mut().skip(1) {
        row[1] = if row[0].starts_with("Deneigement") {
            "4002"
        } else {
            "4001"
        }
        .into();
    }
    write_table(&folder.path().join("produits.csv"), &rows);
    let config = config
        .lines()
        .map(|l| match l.strip_prefix("# \"Plannit Pay\"") {
            Some(rest) => format!(
                "\"Plannit Pay\"{}\n",
                rest.replacen("= \"\"", "= \"1030\"", 1)
            ),
            None => format!("{l}\n"),
        })
        .collect::<String>();
    std::fs::write(
        folder.path().join("plannit2sage.toml"),
        fill_starter_accounts(&config),
    )
    .unwrap();
    let run = binary()
        .arg("run")
        .arg(exports.path())
        .arg("--config")
        .arg(folder.path().join("plannit2sage.toml"))
        .arg("--out")
        .arg(folder.path().join("out"))
        .run_output();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn a_run_stopped_on_unmapped_items_writes_them_as_a_table_to_complete() {
    let case = Case::new(CONFIG);
    multi_item_exports(&case.inbox());
    let outcome = case.run(&["--lang", "fr"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    let missing = case.out().join("produits-a-associer.csv");
    assert!(
        outcome.stdout.contains("Produits à associer"),
        "{}",
        outcome.stdout
    );
    let mut table = read_table(&missing);
    assert_eq!(table[0], ["Produit", "Compte", "Lignes", "Montant"]);
    let items: Vec<&str> = table[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(items, ["Sel \"extra\"", "Taille d'arbres"]);
    // Filled in and named by the configuration, it maps them.
    table[1][1] = "4004".into();
    table[2][1] = "4003".into();
    let table_path = case.file("produits.csv");
    write_table(&table_path, &table);
    let config = CONFIG.to_string() + "\n[mapping]\nproducts_file = \"produits.csv\"\n";
    std::fs::write(case.file("plannit2sage.toml"), config).unwrap();
    let fixed = case.run(&[]);
    fixed.assert_success();
    let sums = fixed.account_sums();
    assert_eq!(sums["4003"], "-400.00".parse().unwrap());
    assert_eq!(sums["4004"], "-10.00".parse().unwrap());
}

/// The table of items to map follows what the views decided, not a check's
/// name: with the unmapped-item check renamed, it lists the same items.
#[test]
fn the_items_to_map_do_not_depend_on_the_name_of_the_check() {
    let case = Case::new(CONFIG);
    multi_item_exports(&case.inbox());
    let queries = queries_copy(&case);
    std::fs::rename(
        queries.join("checks/unmapped_item.sql"),
        queries.join("checks/produit_sans_compte.sql"),
    )
    .unwrap();
    let outcome = case.run(&["--queries", &queries.display().to_string()]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("[produit_sans_compte]"),
        "{}",
        outcome.stderr
    );
    let table = read_table(&case.out().join("produits-a-associer.csv"));
    let items: Vec<&str> = table[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(items, ["Sel \"extra\"", "Taille d'arbres"]);
}

/// Errors and warnings are coloured only for a terminal: never in a pipe (as
/// here), coloured when forced as a terminal would be, never with NO_COLOR.
#[test]
fn colours_only_where_a_person_reads_them() {
    let plain = rejected_case().run(&[]);
    assert!(!plain.stderr.contains('\u{1b}'), "{}", plain.stderr);
    let case = rejected_case();
    let forced = case.run_into(&case.out(), &[], &[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced
            .stderr
            .contains("\u{1b}[1m\u{1b}[31merror\u{1b}[0m [unmapped_item]")
            || forced.stderr.contains("\u{1b}[31m\u{1b}[1merror"),
        "{:?}",
        forced.stderr
    );
    let case = rejected_case();
    let no_color = case.run_into(&case.out(), &[], &[("NO_COLOR", "1")]);
    assert!(!no_color.stderr.contains('\u{1b}'), "{}", no_color.stderr);
}

/// The samples carry HST, Plannit Pay payments, a payouts report and a
/// deposit: `init --from` names every account they call for, with what was
/// found, so that once the accounts are filled in the first run exports.
#[test]
fn init_from_the_samples_names_every_account_they_need() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("client");
    let output = binary()
        .args(["--lang", "fr", "init"])
        .arg(&root)
        .arg("--from")
        .arg(&samples)
        .run_output();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let config = std::fs::read_to_string(root.join("plannit2sage.toml")).unwrap();
    for (key, found) in [
        ("hst", "1 facture avec TVH (15,60\u{a0}$)"),
        (
            "plannit_pay_clearing",
            "2 paiements Plannit Pay (1\u{a0}454,58\u{a0}$)",
        ),
        (
            "processing_fees",
            "1 versement Plannit Pay, 15,30\u{a0}$ de frais",
        ),
        ("customer_deposits", "1 dépôt reçu (500,00\u{a0}$)"),
    ] {
        let line = config
            .lines()
            .find(|l| l.starts_with(&format!("{key} = \"\"")))
            .unwrap_or_else(|| panic!("no {key} line in:\n{config}"));
        assert!(
            line.contains(&format!("trouvé dans les exports : {found}")),
            "{line}"
        );
    }
    // Every item and method mapped to the default revenue and the bank: the
    // first run has no setup error left.
    let config = fill_starter_accounts(&config)
        .replace("# default_revenue = \"\"", "default_revenue = \"4000\"");
    std::fs::write(root.join("plannit2sage.toml"), config).unwrap();
    for entry in std::fs::read_dir(&samples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv" || e == "xlsx") {
            std::fs::copy(&path, root.join("inbox").join(path.file_name().unwrap())).unwrap();
        }
    }
    let watch = binary()
        .args(["watch", root.to_str().unwrap(), "--once", "--quiet", "0"])
        .run_output();
    let stdout = String::from_utf8_lossy(&watch.stdout);
    assert!(
        watch.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&watch.stderr)
    );
    assert!(stdout.contains("exported  batch"), "{stdout}");
}

/// A `[products]` or `[payment_methods]` line misspelt (`Taille de haies`
/// for the exports' `taille de HAIE`) is named with the name it most likely
/// means: in the unmapped-item error, else in the warning of the default
/// account, and for a payment method in a warning of its own.
#[test]
fn a_misspelt_mapping_line_is_named_with_the_closest_name_found() {
    let typo = |config: &str| {
        config
            .replace(
                "\"Taille de haie\" = \"4001\"",
                "\"Taille de haies\" = \"4001\"",
            )
            .replace(
                "[payment_methods]",
                "[payment_methods]\n\"Virement bancaire\" = \"1025\"",
            )
    };
    let case = Case::new(&typo(CONFIG));
    write_xlsx(
        &case.file("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(
        case.file("paiements.csv"),
        STANDARD_PAYMENTS_CSV.replace(",Virement,", ",Virement bancair,"),
    )
    .unwrap();
    let outcome = case.run(&["--lang", "fr"]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains(
            "le produit « taille de HAIE » du catalogue n'a pas de compte de revenus : \
             ajoutez-le sous [products] dans la configuration (ou, en dernier recours, indiquez [accounts] default_revenue) ; \
             la ligne [products] « Taille de haies » de la configuration ne correspond à aucun produit \
             de ce dépôt : vouliez-vous dire « taille de HAIE » ?"
        ),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains(
            "le mode de paiement « Virement bancair » n'est pas associé : son argent va au compte 1020 ; \
             la ligne [payment_methods] « Virement bancaire » de la configuration ne correspond à aucun \
             mode de paiement de ce dépôt : vouliez-vous dire « Virement bancair » ?"
        ),
        "{}",
        outcome.stderr
    );
    // With a default revenue account the item posts there, and the warning says which line is off.
    let config = typo(CONFIG).replace(
        "hst = \"2430\"",
        "hst = \"2430\"\ndefault_revenue = \"4000\"",
    );
    std::fs::write(case.file("plannit2sage.toml"), config).unwrap();
    let outcome = case.run(&[]);
    outcome.assert_success();
    assert!(
        outcome.stderr.contains(
            "posted to the default revenue account 4000; add it under [products] to post it to its own \
             account; the [products] line 'Taille de haies' of the config matches no item of this drop: \
             did you mean 'taille de HAIE'?"
        ),
        "{}",
        outcome.stderr
    );
    // Names far from every configured one are not taken for misspellings.
    assert_eq!(
        outcome.stderr.matches("did you mean").count(),
        2,
        "{}",
        outcome.stderr
    );
}

/// What a French run prints reads as French: no "(s)" and none of the
/// report's English words, on the samples (a first run, a second one with
/// nothing new) and on a rejected batch. Codes are left out of the scan:
/// rule names and configuration keys in brackets, names with `_`, `.` or
/// `/` (files, paths, keys).
#[test]
fn french_output_has_no_english_word_and_no_plural_in_parentheses() {
    let dir = tempfile::tempdir().unwrap();
    let samples = dir.path().join("samples");
    let rejected = dir.path().join("refus");
    for folder in [&samples, &rejected] {
        std::fs::create_dir(folder).unwrap();
        for entry in
            std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
                .unwrap()
        {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e != "sqlite") {
                std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let config = std::fs::read_to_string(rejected.join("plannit2sage.toml")).unwrap();
    let config = config
        .lines()
        .filter(|l| !l.starts_with("default_revenue") && !l.starts_with("\"Taille de haie\""))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(rejected.join("plannit2sage.toml"), config).unwrap();
    let mut printed = String::new();
    for (folder, code) in [(&samples, 0), (&samples, 0), (&rejected, 1)] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_plannit2sage"))
            .env_remove("PLANNIT2SAGE_LANG")
            .env("NO_COLOR", "1")
            .arg("run")
            .arg(folder)
            .arg("--history")
            .arg(folder.join("historique.sqlite"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(code), "{text}");
        printed.push_str(&text);
    }
    assert!(printed.contains("déjà exportées"), "{printed}");
    assert!(printed.contains("Refusé : 2 erreurs"), "{printed}");
    assert!(!printed.contains("(s)"), "{printed}");
    let bracketed = without_brackets(&printed);
    let english = [
        "invoice", "invoices", "payment", "payments", "deposit", "deposits", "refund", "refunds",
        "payout", "payouts", "warning", "warnings", "error", "errors", "skipped", "already",
        "exported", "batch", "rows", "row", "line", "lines", "file", "written", "entries", "entry",
        "debits", "credits", "account",
    ];
    for word in bracketed
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '_' && c != '.' && c != '/')
        .filter(|w| !w.contains(['_', '.', '/']))
    {
        assert!(
            !english.contains(&word.to_lowercase().as_str()),
            "English word {word:?} in:\n{printed}"
        );
    }
}

/// The text without what stands between square brackets (rule names,
/// configuration sections and keys).
fn without_brackets(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept
}
