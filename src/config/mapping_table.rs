//! The catalogue mapping table (`[mapping] products_file`): a CSV or
//! spreadsheet with an item column and an account column, for catalogues too
//! long to list under `[products]`.

use std::path::Path;

use super::{validate_account, ConfigError, Mapping};
use crate::load::sheet::read_sheets;
use crate::load::Limits;
use crate::text::{fold_header, fold_name};

/// Reads a catalogue mapping table (CSV or spreadsheet) with an item column
/// (`Produit/Service`, `Item`, ...) and an account column (`Compte`, `Account`).
pub(super) fn load_mapping_table(path: &Path) -> Result<Vec<Mapping>, ConfigError> {
    let shown = path.display().to_string();
    let fail = |message: String| ConfigError::MappingFile {
        path: shown.clone(),
        message,
    };
    let sheets = read_sheets(path, &Limits::default()).map_err(|e| fail(e.to_string()))?;
    let sheet = sheets
        .first()
        .ok_or_else(|| fail("the file has no sheet".into()))?;
    let rows: Vec<Vec<crate::load::values::Cell>> = sheet.rows().collect();
    let header_index = rows
        .iter()
        .position(|row| row.iter().any(|c| !c.is_blank()))
        .ok_or_else(|| fail("the file has no rows".into()))?;
    let header: Vec<String> = rows[header_index]
        .iter()
        .map(|c| fold_header(&c.to_text()))
        .collect();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let item_col = find(&[
        "item",
        "produit",
        "produit service",
        "product",
        "product service",
        "article",
        "service",
    ])
    .ok_or_else(|| fail("no item column: name the first column 'Item' or 'Produit'".into()))?;
    let account_col = find(&[
        "account",
        "compte",
        "compte gl",
        "gl account",
        "no compte",
        "numero de compte",
    ])
    .ok_or_else(|| fail("no account column: name it 'Account' or 'Compte'".into()))?;
    let mut mappings = Vec::new();
    for (offset, row) in rows.iter().enumerate().skip(header_index + 1) {
        let cell = |col: usize| row.get(col).map(|c| c.to_text()).unwrap_or_default();
        let (item, account) = (cell(item_col), cell(account_col));
        if item.is_empty() && account.is_empty() {
            continue;
        }
        let row_number = sheet.first_row_number + offset as u64;
        let origin = format!("{shown} row {row_number}");
        if item.is_empty() {
            return Err(fail(format!(
                "row {row_number}: account {account} has no item name"
            )));
        }
        validate_account(&account)
            .map_err(|why| fail(format!("row {row_number}, item \"{item}\": {why}")))?;
        mappings.push(Mapping {
            key: fold_name(&item),
            name: item,
            account,
            origin,
        });
    }
    Ok(mappings)
}
