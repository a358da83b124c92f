//! Configuration errors in the run's language: an unknown section or key
//! with the closest known name, a missing key with what it is for, a value of
//! the wrong type or not allowed, text that is not TOML — each with its line.

use std::path::Path;

use plannit2sage::config::Config;
use plannit2sage::i18n::Lang;

use crate::fixtures::*;

const ACCOUNTS: &str = "[accounts]\n\
    bank = \"1020\"\n\
    receivable = \"1210\"\n\
    gst = \"2420\"\n\
    qst = \"2500\"\n";

/// The error's message in French and in English.
fn messages(text: &str) -> [String; 2] {
    let error = Config::parse(text, "plannit2sage.toml", Path::new(".")).unwrap_err();
    [Lang::Fr, Lang::En].map(|lang| error.text().render(lang))
}

#[test]
fn an_unknown_section_is_named_with_the_closest_known_one_and_its_line() {
    let text = format!("{ACCOUNTS}\n[produits]\n\"Tonte de pelouse\" = \"4001\"\n");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 7 : section inconnue [produits] : vouliez-vous dire \
             [products] (le compte de revenus de chaque produit ou service du catalogue \
             Plannit) ?",
            "plannit2sage.toml, line 7: unknown section [produits]: did you mean [products] \
             (the revenue account of each Plannit catalogue item)?",
        ]
    );
    let text = format!("{ACCOUNTS}[columns.sale]\ninvoice = [\"No\"]\n");
    let [fr, en] = messages(&text);
    assert!(
        fr.contains("ligne 6 : section inconnue [columns.sale] : vouliez-vous dire [columns.sales] (des noms d'en-têtes de plus pour le rapport des ventes) ?"),
        "{fr}"
    );
    assert!(
        en.contains("line 6: unknown section [columns.sale]: did you mean [columns.sales] (extra header names for the sales report)?"),
        "{en}"
    );
}

#[test]
fn an_unknown_name_far_from_every_known_one_lists_the_known_ones() {
    let text = format!("{ACCOUNTS}[zzz]\n");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 6 : section inconnue [zzz] ; noms permis ici : company, \
             [sage50], [taxes], [accounts], [products], [payment_methods], [columns], \
             [input], [mapping], [report], [receivable], [policy], [limits], [watch]",
            "plannit2sage.toml, line 6: unknown section [zzz]; names allowed here: company, \
             [sage50], [taxes], [accounts], [products], [payment_methods], [columns], \
             [input], [mapping], [report], [receivable], [policy], [limits], [watch]",
        ]
    );
    let text = ACCOUNTS.replace("[accounts]\n", "[accounts]\nxyz = 1\n");
    let [fr, en] = messages(&text);
    assert!(
        fr.ends_with("ligne 2 : clé inconnue xyz dans [accounts] ; noms permis ici : bank, receivable, gst, qst, hst, default_revenue, plannit_pay_clearing, processing_fees, payout_bank, customer_deposits, tips, bad_debts, gst_adjustments, qst_adjustments, hst_adjustments"),
        "{fr}"
    );
    assert!(
        en.ends_with("line 2: unknown key xyz in [accounts]; names allowed here: bank, receivable, gst, qst, hst, default_revenue, plannit_pay_clearing, processing_fees, payout_bank, customer_deposits, tips, bad_debts, gst_adjustments, qst_adjustments, hst_adjustments"),
        "{en}"
    );
}

#[test]
fn an_unknown_key_is_named_with_the_closest_known_one() {
    // The misspelt key is not also reported missing.
    let text = ACCOUNTS.replace("receivable", "recievable");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 3 : clé inconnue recievable dans [accounts] : \
             vouliez-vous dire receivable (le compte clients, débité par les factures et \
             crédité par les paiements) ?",
            "plannit2sage.toml, line 3: unknown key recievable in [accounts]: did you mean \
             receivable (the receivable account, debited by invoices and credited by \
             payments)?",
        ]
    );
    let text = format!("{ACCOUNTS}[sage50]\ngranularite = \"day\"\n");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 7 : clé inconnue granularite dans [sage50] : \
             vouliez-vous dire granularity (le regroupement des lignes en écritures Sage 50) ?",
            "plannit2sage.toml, line 7: unknown key granularite in [sage50]: did you mean \
             granularity (how lines are grouped into Sage 50 entries)?",
        ]
    );
    // Names are compared folded: case, accents, `-` for `_`.
    let text = format!("{ACCOUNTS}[sage50]\n\"Granularité\" = \"day\"\nDate-Order = 1\n");
    let [fr, en] = messages(&text);
    assert!(
        fr.contains(
            "ligne 7 : clé inconnue \"Granularité\" dans [sage50] : vouliez-vous dire granularity"
        ),
        "{fr}"
    );
    assert!(
        en.contains("line 8: unknown key Date-Order in [sage50]: did you mean [input] date_order (how ambiguous dates such as 03/04/2026 are read)?"),
        "{en}"
    );
}

#[test]
fn a_key_in_the_wrong_place_or_in_french_is_named_where_it_goes() {
    let text = format!("granularity = \"day\"\n{ACCOUNTS}");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 1 : clé inconnue granularity en tête de fichier, avant \
             toute section : vouliez-vous dire [sage50] granularity (le regroupement des \
             lignes en écritures Sage 50) ?",
            "plannit2sage.toml, line 1: unknown key granularity at the top of the file, \
             before any section: did you mean [sage50] granularity (how lines are grouped \
             into Sage 50 entries)?",
        ]
    );
    // `tps` is spelt closer to `tips` than to `gst`.
    let text = ACCOUNTS.replace("gst =", "TPS =");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 4 : clé inconnue TPS dans [accounts] : vouliez-vous \
             dire gst (le compte de TPS à payer) ?",
            "plannit2sage.toml, line 4: unknown key TPS in [accounts]: did you mean gst (the \
             GST payable account)?",
        ]
    );
}

#[test]
fn each_missing_account_says_what_it_is_for() {
    let purposes = [
        (
            "bank",
            "le compte de banque où arrivent les paiements et d'où partent les remboursements",
            "the bank account payments go into and refunds come out of",
        ),
        (
            "receivable",
            "le compte clients, débité par les factures et crédité par les paiements",
            "the receivable account, debited by invoices and credited by payments",
        ),
        ("gst", "le compte de TPS à payer", "the GST payable account"),
        ("qst", "le compte de TVQ à payer", "the QST payable account"),
    ];
    for (key, fr, en) in purposes {
        let text: String = (ACCOUNTS.lines())
            .filter(|line| !line.starts_with(&format!("{key} =")))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(
            messages(&format!("company = \"X\"\n{text}")),
            [
                format!(
                    "plannit2sage.toml, ligne 2 : il manque la clé {key} dans [accounts] : {fr}"
                ),
                format!("plannit2sage.toml, line 2: missing key {key} in [accounts]: {en}"),
            ]
        );
    }
    assert_eq!(
        messages("company = \"X\"\n"),
        [
            "plannit2sage.toml : il manque la section [accounts] : les comptes du grand livre \
             qui jouent un rôle dans chaque écriture ; elle doit contenir au moins bank, \
             receivable, gst, qst",
            "plannit2sage.toml: missing section [accounts]: the general ledger accounts that \
             play a role in every entry; it must set at least bank, receivable, gst, qst",
        ]
    );
}

#[test]
fn a_value_not_allowed_or_of_the_wrong_type_names_the_key_and_what_it_takes() {
    let text = format!("[sage50]\ngranularity = \"mois\"\n{ACCOUNTS}");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 2 : [sage50] granularity = \"mois\" : valeur non \
             permise ; valeurs permises : period, day, document",
            "plannit2sage.toml, line 2: [sage50] granularity = \"mois\": not an allowed \
             value; allowed values: period, day, document",
        ]
    );
    let text = format!("[sage50]\nsource_max = \"13\"\n{ACCOUNTS}");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 2 : [sage50] source_max = \"13\" : il faut un nombre \
             entier positif, sans guillemets",
            "plannit2sage.toml, line 2: [sage50] source_max = \"13\": expected a whole \
             number, zero or more, without quotes",
        ]
    );
    let [fr, en] = messages(&ACCOUNTS.replace("\"1020\"", "10.20"));
    assert!(
        fr.ends_with(
            "ligne 2 : [accounts] bank = 10.20 : il faut un numéro de compte, comme \"4001\""
        ),
        "{fr}"
    );
    assert!(
        en.ends_with(
            "line 2: [accounts] bank = 10.20: expected an account number, such as \"4001\""
        ),
        "{en}"
    );
    let [fr, en] = messages(&format!("{ACCOUNTS}[sage50.granularity]\n"));
    assert!(fr.ends_with("ligne 6 : [sage50.granularity] : [sage50] granularity est une valeur, pas une section ; il faut l'une de ces valeurs : period, day, document"), "{fr}");
    assert!(en.ends_with("line 6: [sage50.granularity]: [sage50] granularity is a value, not a section; expected one of these values: period, day, document"), "{en}");
}

#[test]
fn text_that_is_not_toml_says_so_with_line_and_column() {
    let text = ACCOUNTS.replace("\"2420\"", "2420 TPS");
    assert_eq!(
        messages(&text),
        [
            "plannit2sage.toml, ligne 4, colonne 7 : ce n'est pas du TOML valide (lecteur \
             TOML : string values must be quoted, expected literal string)",
            "plannit2sage.toml, line 4, column 7: this is not valid TOML (TOML reader: \
             string values must be quoted, expected literal string)",
        ]
    );
}

#[test]
fn several_problems_are_listed_together_in_the_order_of_the_file() {
    let text = "[accounts]\nbank = \"1020\"\ngst = \"2420\"\nqst = \"2500\"\n\
                [sage50]\ngranularity = \"mois\"\n[produits]\n";
    assert_eq!(
        messages(text),
        [
            "plannit2sage.toml : 3 problèmes :\n\
             \x20 ligne 1 : il manque la clé receivable dans [accounts] : le compte clients, \
             débité par les factures et crédité par les paiements\n\
             \x20 ligne 6 : [sage50] granularity = \"mois\" : valeur non permise ; valeurs \
             permises : period, day, document\n\
             \x20 ligne 7 : section inconnue [produits] : vouliez-vous dire [products] (le \
             compte de revenus de chaque produit ou service du catalogue Plannit) ?",
            "plannit2sage.toml: 3 problems:\n\
             \x20 line 1: missing key receivable in [accounts]: the receivable account, \
             debited by invoices and credited by payments\n\
             \x20 line 6: [sage50] granularity = \"mois\": not an allowed value; allowed \
             values: period, day, document\n\
             \x20 line 7: unknown section [produits]: did you mean [products] (the revenue \
             account of each Plannit catalogue item)?",
        ]
    );
}

#[test]
fn the_run_stops_on_a_configuration_error_in_its_language() {
    let config = CONFIG
        .replace("receivable = \"1210\"\n", "")
        .replace("[products]", "[produits]");
    let case = Case::new(&config);
    let french = case.run(&["--lang", "fr"]);
    assert_eq!(french.code, 2, "{}", french.stderr);
    let config_path = case.file("plannit2sage.toml").display().to_string();
    assert_eq!(
        french.stderr.trim_end(),
        format!(
            "erreur : {config_path} : 2 problèmes :\n  \
             ligne 2 : il manque la clé receivable dans [accounts] : le compte clients, débité \
             par les factures et crédité par les paiements\n  \
             ligne 8 : section inconnue [produits] : vouliez-vous dire [products] (le compte de \
             revenus de chaque produit ou service du catalogue Plannit) ?"
        )
    );
    let english = case.run(&[]);
    assert_eq!(english.code, 2, "{}", english.stderr);
    assert_eq!(
        english.stderr.trim_end(),
        format!(
            "error: {config_path}: 2 problems:\n  \
             line 2: missing key receivable in [accounts]: the receivable account, debited by \
             invoices and credited by payments\n  \
             line 8: unknown section [produits]: did you mean [products] (the revenue account \
             of each Plannit catalogue item)?"
        )
    );
    assert!(english.sage_files.is_empty());
}

#[test]
fn check_names_the_key_of_its_configuration() {
    let case =
        Case::new(&CONFIG.replace("[accounts]", "[sage50]\ngranularity = \"mois\"\n[accounts]"));
    let sage_file = case.file("journal.txt");
    std::fs::write(&sage_file, "").unwrap();
    let config = case.file("plannit2sage.toml");
    for (lang, expected) in [
        (
            "fr",
            "ligne 3 : [sage50] granularity = \"mois\" : valeur non permise ; valeurs permises : period, day, document",
        ),
        (
            "en",
            "line 3: [sage50] granularity = \"mois\": not an allowed value; allowed values: period, day, document",
        ),
    ] {
        let output = binary()
            .args(["check", "--lang", lang, "--config"])
            .arg(&config)
            .arg(&sage_file)
            .run_output();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
}
