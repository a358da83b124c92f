//! The command line itself: `--help` and clap's errors in French by default
//! and in English on request, what the program says without an argument, and
//! a lone folder (what Explorer passes when a folder is dropped on the
//! program) run as `run` or `watch --once`.

use std::process::Output;

use crate::fixtures::*;
use crate::watch::{drop_folder, log_lines, sage_files};

/// The binary in its default language (French): no `PLANNIT2SAGE_LANG`.
fn french(args: &[&str]) -> Output {
    binary()
        .env_remove("PLANNIT2SAGE_LANG")
        .args(args)
        .run_output()
}

fn english(args: &[&str]) -> Output {
    binary().args(args).run_output()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Clap's English words, which French help and errors must not show.
const CLAP_WORDS: &[&str] = &[
    "Usage",
    "Commands:",
    "Options:",
    "Print",
    "default:",
    "possible values",
    "required",
    "error:",
    "tip:",
    "For more information",
    "subcommand",
    "unexpected",
];

fn assert_no_clap_english(text: &str) {
    for word in CLAP_WORDS {
        assert!(!text.contains(word), "{word:?} in:\n{text}");
    }
}

fn assert_contains(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
}

#[test]
fn help_is_french_by_default_and_english_on_request() {
    let output = french(&["--help"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let help = stdout(&output);
    assert_contains(
        &help,
        &[
            "Exports de ventes et de paiements Plannit",
            "Utilisation : plannit2sage [OPTIONS] <COMMANDE>",
            "Commandes :",
            "Lit chaque export Plannit de DOSSIER",
            "help          Affiche ce message",
            "Options :",
            "--lang <LANGUE>",
            "[valeurs possibles : fr, en]",
            "-h, --help           Affiche l'aide",
            "-V, --version        Affiche la version",
        ],
    );
    assert_no_clap_english(&help);

    for english_help in [
        english(&["--help"]),
        french(&["--lang", "en", "--help"]),
        french(&["--help", "--lang=en"]),
    ] {
        assert_eq!(english_help.status.code(), Some(0));
        assert_contains(
            &stdout(&english_help),
            &[
                "Usage: plannit2sage [OPTIONS] <COMMAND>",
                "Commands:",
                "Read every Plannit export in INBOX",
                "Options:",
                "-h, --help         Print help",
                "-V, --version      Print version",
            ],
        );
    }
}

#[test]
fn each_command_s_help_is_french_by_default_and_english_on_request() {
    let long = stdout(&french(&["run", "--help"]));
    assert_contains(
        &long,
        &[
            "Lit chaque export Plannit de DOSSIER et écrit le fichier d'importation Sage 50",
            "Utilisation : plannit2sage run [OPTIONS] <DOSSIER>",
            "Arguments :",
            "Options :",
            "--granularity <GRANULARITÉ>",
            "Valeurs possibles :",
            "- document : Une écriture par facture",
            "--dry-run",
            "Affiche l'aide (un résumé avec « -h »)",
        ],
    );
    assert_no_clap_english(&long);
    // `help run` is `run --help`.
    assert_eq!(stdout(&french(&["help", "run"])), long);

    let short = stdout(&french(&["watch", "-h"]));
    assert_contains(
        &short,
        &[
            "Utilisation : plannit2sage watch [OPTIONS] <DOSSIER>",
            "--quiet <SECONDES>",
            "[défaut : 5]",
        ],
    );
    assert_no_clap_english(&short);
    let void = stdout(&french(&["history", "void", "--help"]));
    assert_contains(&void, &["plannit2sage history void [OPTIONS] <LOT>"]);
    assert_no_clap_english(&void);

    let english_long = stdout(&english(&["run", "--help"]));
    assert_contains(
        &english_long,
        &[
            "Usage: plannit2sage run [OPTIONS] <INBOX>",
            "Arguments:",
            "Possible values:",
            "- document: One entry per invoice",
            "Print help (see a summary with '-h')",
        ],
    );
    let english_short = stdout(&english(&["watch", "-h"]));
    assert_contains(&english_short, &["--quiet <QUIET>", "[default: 5]"]);
}

#[test]
fn clap_s_errors_speak_french_by_default() {
    let missing = french(&["run"]);
    assert_eq!(missing.status.code(), Some(2));
    let text = stderr(&missing);
    assert_contains(
        &text,
        &[
            "erreur : cet argument obligatoire manque :",
            "<DOSSIER>",
            "Utilisation : plannit2sage run <DOSSIER>",
            "Pour en savoir plus, essayez « --help ».",
        ],
    );
    assert_no_clap_english(&text);

    let invalid = french(&["run", "x", "--granularity", "dya"]);
    assert_eq!(invalid.status.code(), Some(2));
    let text = stderr(&invalid);
    assert_contains(
        &text,
        &[
            "valeur « dya » invalide pour « --granularity <GRANULARITÉ> »",
            "[valeurs possibles : period, day, document]",
        ],
    );
    assert_no_clap_english(&text);

    let unknown = french(&["run", "x", "--ajust"]);
    assert_eq!(unknown.status.code(), Some(2));
    let text = stderr(&unknown);
    assert_contains(
        &text,
        &[
            "argument inattendu « --ajust »",
            "astuce : un argument semblable existe : « --adjust »",
        ],
    );
    assert_no_clap_english(&text);

    let typo = french(&["ru", "x"]);
    assert_eq!(typo.status.code(), Some(2));
    let text = stderr(&typo);
    assert_contains(
        &text,
        &[
            "commande inconnue « ru »",
            "une commande semblable existe : « run »",
            "Utilisation : plannit2sage [OPTIONS] <COMMANDE>",
        ],
    );
    assert_no_clap_english(&text);

    let english_typo = english(&["ru", "x"]);
    assert_eq!(english_typo.status.code(), Some(2));
    assert_contains(
        &stderr(&english_typo),
        &[
            "error: unrecognized subcommand 'ru'",
            "tip: a similar subcommand exists: 'run'",
            "Usage: plannit2sage [OPTIONS] <COMMAND>",
            "For more information, try '--help'.",
        ],
    );
}

#[test]
fn without_an_argument_it_says_what_to_do() {
    let output = french(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_contains(
        &text,
        &[
            "Pour traiter un dossier, glissez-le sur plannit2sage",
            "plannit2sage run DOSSIER",
            "plannit2sage init DOSSIER --from EXPORTS",
            "plannit2sage --help",
        ],
    );
    assert_no_clap_english(&text);
    // Not started from Explorer: nothing waits for Enter.
    assert!(!text.contains("Entrée"), "{text}");

    let output = english(&[]);
    assert_eq!(output.status.code(), Some(0));
    assert_contains(
        &stdout(&output),
        &[
            "To process a folder, drop it on plannit2sage",
            "plannit2sage run FOLDER",
        ],
    );
}

#[test]
fn a_lone_folder_of_exports_is_run() {
    let case = standard_case();
    let output = binary().arg(case.inbox()).run_output();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&output),
        stderr(&output)
    );
    let sage: Vec<_> = file_names(&case.out())
        .into_iter()
        .filter(|name| name.starts_with("sage50-") && name.ends_with(".txt"))
        .collect();
    assert_eq!(sage.len(), 1, "{:?}", file_names(&case.out()));
}

#[test]
fn a_lone_drop_folder_is_watched_once() {
    let root = drop_folder();
    let inbox = root.path().join("inbox");
    write_xlsx(
        &inbox.join("ventes.xlsx"),
        &[("Ventes", standard_sales_rows_fr())],
    );
    std::fs::write(inbox.join("paiements.csv"), STANDARD_PAYMENTS_CSV).unwrap();

    let output = binary().arg(root.path()).run_output();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&output),
        stderr(&output)
    );
    assert_eq!(sage_files(root.path()).len(), 1);
    assert!(file_names(&inbox).is_empty(), "{:?}", file_names(&inbox));
    let log = log_lines(root.path());
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["status"], "exported");
}

#[test]
fn a_lone_name_that_is_neither_a_command_nor_a_folder_is_refused_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let absent = dir.path().join("Paysagement Gagnon");
    let output = binary()
        .env_remove("PLANNIT2SAGE_LANG")
        .arg(&absent)
        .run_output();
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert_contains(
        &text,
        &[&format!(
            "« {} » n'est ni une commande ni un dossier existant",
            absent.display()
        )],
    );
    assert_no_clap_english(&text);

    let file = dir.path().join("ventes.xlsx");
    std::fs::write(&file, "").unwrap();
    let output = binary()
        .env_remove("PLANNIT2SAGE_LANG")
        .arg(&file)
        .run_output();
    assert_eq!(output.status.code(), Some(2));
    assert_contains(
        &stderr(&output),
        &[&format!("« {} » est un fichier", file.display())],
    );
}
