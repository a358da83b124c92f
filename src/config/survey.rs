//! What the exports hold, for setting up: every catalogue item and payment
//! method with its lines and amount. Written as the commented `[products]` and
//! `[payment_methods]` lines of a starter configuration (`init --from`), as a
//! mapping table the accountant completes in Excel (`produits.csv`, read back
//! by `[mapping] products_file`), and as the list of items a rejected run
//! could not map (`produits-a-associer.csv`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rust_decimal::Decimal;

use crate::i18n::{format_message, Arg, Lang, Text};
use crate::load::reports::{Payment, PaymentKind, SalesLine};
use crate::load::text::fold_name;
use crate::load::{load_inbox, InboxError, LoadOptions, LoadedInputs};
use crate::t;

/// File name of the table of items a run could not map.
pub const MISSING_ITEMS_FILE: &str = "produits-a-associer.csv";
/// File name of the mapping table `init --from --table` writes.
pub const MAPPING_TABLE_FILE: &str = "produits.csv";

/// A name seen in the exports (item or payment method), with how often and how much.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    /// As Plannit spells it (the first spelling met, for names that differ
    /// only by case or accents).
    pub name: String,
    pub lines: usize,
    pub amount: Decimal,
}

/// The catalogue items and payment methods of a folder of exports.
#[derive(Debug, Clone, Default)]
pub struct Survey {
    pub items: Vec<Seen>,
    pub methods: Vec<Seen>,
    /// Files read as reports.
    pub files: usize,
    /// The accounts the exports call for beyond the bank, the receivable,
    /// GST and QST: each `[accounts]` key with what in the exports needs it.
    pub needs: Vec<(&'static str, Text)>,
}

/// Reads the exports in `inbox` (nothing is written) and tallies what they hold.
pub fn survey(inbox: &Path) -> Result<Survey, InboxError> {
    let inputs = load_inbox(inbox, &LoadOptions::default(), &[])?;
    let files = inputs
        .files
        .iter()
        .filter(|f| {
            f.uses
                .iter()
                .any(|u| matches!(u, crate::load::FileUse::Used { .. }))
        })
        .count();
    Ok(Survey {
        items: tally(inputs.sales.iter().map(|s| (&*s.item, s.amount))),
        methods: tally(
            inputs
                .payments
                .iter()
                .filter(|p| !p.method.trim().is_empty())
                .map(|p| (&*p.method, p.amount)),
        ),
        files,
        needs: needs(&inputs),
    })
}

/// The accounts HST, Plannit Pay, its payouts, tips and deposits call for,
/// with what was found of each.
fn needs(inputs: &LoadedInputs) -> Vec<(&'static str, Text)> {
    let mut needs = Vec::new();
    let hst: Vec<&SalesLine> = inputs.sales.iter().filter(|l| !l.hst.is_zero()).collect();
    if !hst.is_empty() {
        let invoices: BTreeSet<&str> = hst.iter().map(|l| &*l.invoice).collect();
        let amount: Decimal = hst.iter().map(|l| l.hst).sum();
        let count = invoices.len();
        needs.push((
            "hst",
            t!("survey-needs-hst", count = count, amount = amount),
        ));
    }
    let plannit_pay: Vec<&Payment> = (inputs.payments.iter())
        .filter(|p| fold_name(&p.method).starts_with("plannit pay"))
        .collect();
    if !plannit_pay.is_empty() || !inputs.payouts.is_empty() {
        let amount: Decimal = plannit_pay.iter().map(|p| p.received).sum();
        let count = plannit_pay.len();
        let found = t!("survey-needs-plannit-pay", count = count, amount = amount);
        needs.push(("plannit_pay_clearing", found));
    }
    if !inputs.payouts.is_empty() {
        let payouts: BTreeSet<&str> = inputs.payouts.iter().map(|r| &*r.payout).collect();
        let fees: Decimal = inputs.payouts.iter().map(|r| r.fee).sum();
        let count = payouts.len();
        needs.push((
            "processing_fees",
            t!("survey-needs-fees", count = count, amount = fees),
        ));
    }
    let tips: Vec<&Payment> = inputs
        .payments
        .iter()
        .filter(|p| !p.tip.is_zero())
        .collect();
    if !tips.is_empty() {
        let amount: Decimal = tips.iter().map(|p| p.tip).sum();
        needs.push((
            "tips",
            t!("survey-needs-tips", count = tips.len(), amount = amount),
        ));
    }
    let deposits: Vec<&Payment> = (inputs.payments.iter())
        .filter(|p| p.kind == PaymentKind::Deposit)
        .collect();
    if !deposits.is_empty() {
        let amount: Decimal = deposits.iter().map(|p| p.received).sum();
        let count = deposits.len();
        needs.push((
            "customer_deposits",
            t!("survey-needs-deposits", count = count, amount = amount),
        ));
    }
    needs
}

/// Groups names folded for matching, in name order.
fn tally<'a>(rows: impl Iterator<Item = (&'a str, Decimal)>) -> Vec<Seen> {
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    for (name, amount) in rows {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let entry = seen.entry(fold_name(name)).or_insert_with(|| Seen {
            name: name.to_string(),
            lines: 0,
            amount: Decimal::ZERO,
        });
        entry.lines += 1;
        entry.amount += amount;
    }
    seen.into_values().collect()
}

/// Items with their lines and amounts, as `(name, lines, amount)` — the
/// batch's items the `item_accounts` view left without an account — tallied
/// by folded name.
pub fn items_to_map<'a>(items: impl Iterator<Item = (&'a str, u64, Decimal)>) -> Vec<Seen> {
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    for (name, lines, amount) in items {
        let entry = seen.entry(fold_name(name)).or_insert_with(|| Seen {
            name: name.trim().to_string(),
            lines: 0,
            amount: Decimal::ZERO,
        });
        entry.lines += usize::try_from(lines).unwrap_or(usize::MAX);
        entry.amount += amount;
    }
    seen.into_values().collect()
}

/// A TOML key for a name: quoted and escaped.
fn toml_key(name: &str) -> String {
    toml::Value::String(name.to_string()).to_string()
}

/// `# "Tonte de pelouse" = ""   # 42 lignes, 3 150,00 $`: one commented line
/// per name, aligned, to complete and uncomment.
pub fn commented_lines(seen: &[Seen], lang: Lang, unit: &'static str) -> String {
    let keys: Vec<String> = seen.iter().map(|s| toml_key(&s.name)).collect();
    let width = keys.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut text = String::new();
    for (key, seen) in keys.iter().zip(seen) {
        let pad = " ".repeat(width - key.chars().count());
        let tally = format_message(
            lang,
            unit,
            &[
                ("count", Arg::from(seen.lines)),
                (
                    "amount",
                    Arg::from(crate::money::with_currency(seen.amount, lang)),
                ),
            ],
        );
        text.push_str(&format!("# {key}{pad} = \"\"   # {tally}\n"));
    }
    text
}

/// The mapping table: item, account (empty, to fill in), lines, amount.
/// UTF-8 with a byte-order mark and `;` between columns, so that Excel in
/// French or English opens it in columns with the accents right.
pub fn mapping_table(seen: &[Seen], lang: Lang) -> Vec<u8> {
    let header = |id: &'static str| format_message(lang, id, &[]);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record([
        header("survey-table-item"),
        header("survey-table-account"),
        header("survey-table-lines"),
        header("survey-table-amount"),
    ]);
    for seen in seen {
        let amount = crate::money::format_amount(seen.amount);
        let amount = match lang {
            Lang::Fr => amount.replace('.', ","),
            Lang::En => amount,
        };
        let _ = writer.write_record([
            seen.name.clone(),
            String::new(),
            seen.lines.to_string(),
            amount,
        ]);
    }
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(writer.into_inner().unwrap_or_default());
    bytes
}

/// The starter configuration with the surveyed items and methods as
/// commented lines (or, with `table`, pointing at the mapping table).
pub fn starter_config(template: &str, survey: &Survey, lang: Lang, table: bool) -> String {
    let mut text = String::new();
    let mut section = "";
    for line in template.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            section = trimmed.split(']').next().unwrap_or_default();
        }
        let example = trimmed.starts_with("# \"");
        match section {
            "[products" if example => continue,
            "[payment_methods" if example => continue,
            _ => {}
        }
        if table && trimmed.starts_with("# [mapping]") {
            text.push_str("[mapping]\n");
            text.push_str(&format!(
                "products_file = {}   # {}\n",
                toml_key(MAPPING_TABLE_FILE),
                format_message(lang, "survey-table-comment", &[])
            ));
            continue;
        }
        if table && trimmed.starts_with("# products_file") {
            continue;
        }
        if section == "[accounts" {
            if let Some(line) = needed_account(line, survey, lang) {
                text.push_str(&line);
                text.push('\n');
                continue;
            }
        }
        text.push_str(line);
        text.push('\n');
        if trimmed.starts_with("[products]") && !table {
            text.push_str(&format!(
                "# {}\n",
                format_message(
                    lang,
                    "survey-products-comment",
                    &[("count", Arg::from(survey.items.len()))]
                )
            ));
            text.push_str(&commented_lines(&survey.items, lang, "survey-item-tally"));
        }
        if trimmed.starts_with("[products]") && table {
            text.push_str(&format!(
                "# {}\n",
                format_message(lang, "survey-products-in-table", &[])
            ));
        }
        if trimmed.starts_with("[payment_methods]") {
            text.push_str(&format!(
                "# {}\n",
                format_message(
                    lang,
                    "survey-methods-comment",
                    &[("count", Arg::from(survey.methods.len()))]
                )
            ));
            text.push_str(&commented_lines(
                &survey.methods,
                lang,
                "survey-method-tally",
            ));
        }
    }
    text
}

/// A commented `# key = ""` line of `[accounts]` whose account the exports
/// call for: uncommented, with what was found.
fn needed_account(line: &str, survey: &Survey, lang: Lang) -> Option<String> {
    let uncommented = line.strip_prefix("# ")?;
    let key = uncommented.split_whitespace().next()?;
    let (_, found) = survey.needs.iter().find(|(needed, _)| *needed == key)?;
    let found = format_message(lang, "survey-needs-found", &[("found", Arg::from(found))]);
    // Two spaces more before the comment keep it under the others.
    let aligned = uncommented.replacen("\"\" ", "\"\"   ", 1);
    Some(format!("{aligned} — {found}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(name: &str, lines: usize, amount: &str) -> Seen {
        Seen {
            name: name.into(),
            lines,
            amount: amount.parse().unwrap(),
        }
    }

    #[test]
    fn amounts_read_as_each_language_writes_them() {
        let amount: Decimal = "3150.00".parse().unwrap();
        assert_eq!(
            crate::money::with_currency(amount, Lang::Fr),
            "3\u{a0}150,00\u{a0}$"
        );
        assert_eq!(crate::money::with_currency(amount, Lang::En), "$3,150.00");
    }

    #[test]
    fn commented_lines_are_valid_toml_once_completed() {
        let items = [
            seen("Tonte de pelouse", 42, "3150"),
            seen("Sel \"extra\"", 1, "12.5"),
        ];
        let lines = commented_lines(&items, Lang::Fr, "survey-item-tally");
        assert!(lines.contains("# \"Tonte de pelouse\" = \"\"   # 42 lignes, 3\u{a0}150,00\u{a0}$"));
        let completed: String = lines
            .lines()
            .map(|l| {
                l.trim_start_matches("# ")
                    .replacen("= \"\"", "= \"4001\"", 1)
                    + "\n"
            })
            .collect();
        let table: toml::Table = toml::from_str(&completed).unwrap();
        assert_eq!(table["Sel \"extra\""].as_str(), Some("4001"));
    }

    #[test]
    fn names_differing_by_case_or_accents_are_one_item() {
        let items =
            tally([("Déneigement", Decimal::ONE), ("deneigement", Decimal::TWO)].into_iter());
        assert_eq!(items, vec![seen("Déneigement", 2, "3")]);
    }
}
