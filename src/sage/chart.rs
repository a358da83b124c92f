//! The Sage 50 company's chart of accounts, as exported from Sage 50 (Reports >
//! Lists > Chart of Accounts, then export): read from CSV or a spreadsheet,
//! recognised by its headers in French or English. It is configuration, never
//! a Plannit export. With it, an account the journal posts to that the company
//! does not have stops the run before Sage refuses the whole file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::i18n::Text;
use crate::load::sheet::read_sheets;
use crate::load::text::fold_header;
use crate::load::values::Cell;
use crate::load::Limits;
use crate::{t, tr};

/// One account of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartAccount {
    pub name: String,
    /// The account type as exported, when the export has the column.
    pub kind: Option<String>,
}

/// The company's accounts by number.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub path: PathBuf,
    pub accounts: BTreeMap<String, ChartAccount>,
}

const NUMBER_HEADERS: &[&str] = &[
    "numero",
    "numero de compte",
    "no de compte",
    "no compte",
    "n de compte",
    "compte",
    "account",
    "account number",
    "account no",
    "number",
];
const NAME_HEADERS: &[&str] = &[
    "description",
    "nom",
    "nom du compte",
    "name",
    "account name",
    "account description",
];
const TYPE_HEADERS: &[&str] = &["type", "type de compte", "account type"];

/// How many rows from the top the header may be found in.
const HEADER_ROWS: usize = 30;

impl Chart {
    /// Reads a chart of accounts file.
    pub fn load(path: &Path) -> Result<Chart, Text> {
        let sheets =
            read_sheets(path, &Limits::default()).map_err(|e| Text::verbatim(e.to_string()))?;
        for sheet in &sheets {
            let rows: Vec<Vec<Cell>> = sheet.rows().collect();
            let Some((header_index, number, name, kind)) = find_header(&rows) else {
                continue;
            };
            let mut accounts = BTreeMap::new();
            for (index, row) in rows.iter().enumerate().skip(header_index + 1) {
                let text = |col: usize| row.get(col).map(Cell::to_text).unwrap_or_default();
                let account = text(number);
                if account.is_empty() {
                    continue;
                }
                if !account.bytes().all(|b| b.is_ascii_digit()) {
                    // Section titles and totals in a report-style export.
                    if name.is_some_and(|n| text(n).is_empty()) || account.contains(' ') {
                        continue;
                    }
                    return Err(t!(
                        "setup-chart-not-a-number",
                        row = sheet.first_row_number + index as u64,
                        account = &account
                    ));
                }
                accounts.insert(
                    account,
                    ChartAccount {
                        name: name.map(text).unwrap_or_default(),
                        kind: kind.map(text).filter(|k| !k.is_empty()),
                    },
                );
            }
            if accounts.is_empty() {
                return Err(t!("setup-chart-empty"));
            }
            return Ok(Chart {
                path: path.to_path_buf(),
                accounts,
            });
        }
        Err(t!(
            "setup-chart-no-header",
            headers = "Numéro, Compte, Account, Number",
            rows = HEADER_ROWS
        ))
    }

    pub fn contains(&self, account: &str) -> bool {
        self.accounts.contains_key(account)
    }

    pub fn name(&self, account: &str) -> Option<&str> {
        self.accounts.get(account).map(|a| a.name.as_str())
    }

    /// The number lengths the chart uses (4 in the standard editions).
    pub fn number_lengths(&self) -> BTreeSet<usize> {
        self.accounts.keys().map(String::len).collect()
    }

    /// Why an account is not usable: absent, or not in the chart's number format.
    pub fn problem(&self, account: &str) -> Option<Text> {
        if self.contains(account) {
            return None;
        }
        let lengths = self.number_lengths();
        let file = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !lengths.contains(&account.len()) {
            let digits: Vec<String> = lengths.iter().map(usize::to_string).collect();
            return Some(t!(
                "setup-chart-digits",
                account = account,
                count = account.len(),
                file = &file,
                lengths = digits.join(&format!(" {} ", tr!("setup-or")))
            ));
        }
        Some(t!("setup-chart-missing", account = account, file = &file))
    }
}

/// (header row, number column, name column, type column).
fn find_header(rows: &[Vec<Cell>]) -> Option<(usize, usize, Option<usize>, Option<usize>)> {
    for (index, row) in rows.iter().take(HEADER_ROWS).enumerate() {
        let folded: Vec<String> = row.iter().map(|c| fold_header(&c.to_text())).collect();
        let find = |names: &[&str]| folded.iter().position(|h| names.contains(&h.as_str()));
        if let Some(number) = find(NUMBER_HEADERS) {
            return Some((index, number, find(NAME_HEADERS), find(TYPE_HEADERS)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_lang, Lang};

    #[test]
    fn reads_a_french_chart_with_section_titles() {
        set_lang(Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.csv");
        std::fs::write(
            &path,
            "Plan comptable\n\nNuméro;Description;Type\nACTIF;;\n1020;Banque;Actif\n1210;Comptes clients Plannit;Actif\n4001;Revenus entretien;Revenu\n",
        )
        .unwrap();
        let chart = Chart::load(&path).unwrap();
        assert_eq!(chart.accounts.len(), 3);
        assert_eq!(chart.name("1210"), Some("Comptes clients Plannit"));
        assert_eq!(chart.problem("4001"), None);
        assert!(chart
            .problem("4009")
            .unwrap()
            .to_string()
            .contains("not in the chart"));
        assert!(chart
            .problem("401")
            .unwrap()
            .to_string()
            .contains("has 3 digits"));
        set_lang(Lang::Fr);
        assert_eq!(
            chart.problem("401").unwrap().to_string(),
            "le compte 401 a 3 chiffres, mais les comptes du plan comptable (plan.csv) en ont 4"
        );
    }

    #[test]
    fn a_file_without_an_account_column_is_refused() {
        set_lang(Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.csv");
        std::fs::write(&path, "Nom,Solde\nBanque,10\n").unwrap();
        assert!(Chart::load(&path)
            .unwrap_err()
            .to_string()
            .contains("no header"));
    }
}
