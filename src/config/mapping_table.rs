//! The catalogue mapping table (`[mapping] products_file`): a CSV or
//! spreadsheet with an item column and an account column, for catalogues too
//! long to list under `[products]`.

use std::path::Path;

use super::{validate_account, ConfigError, Mapping};
use crate::i18n::Text;
use crate::load::sheet::read_sheets;
use crate::load::text::{fold_header, fold_name};
use crate::load::Limits;
use crate::{t, tr};

/// Reads a catalogue mapping table (CSV or spreadsheet) with an item column
/// (`Produit/Service`, `Item`, ...) and an account column (`Compte`, `Account`).
pub(super) fn load_mapping_table(path: &Path) -> Result<Vec<Mapping>, ConfigError> {
    let shown = path.display().to_string();
    let fail = |message: Text| ConfigError::MappingFile {
        path: path.to_path_buf(),
        message,
    };
    let sheets =
        read_sheets(path, &Limits::default()).map_err(|e| fail(Text::verbatim(e.to_string())))?;
    let sheet = sheets
        .first()
        .ok_or_else(|| fail(t!("setup-table-no-sheet")))?;
    let rows: Vec<Vec<crate::load::values::Cell>> = sheet.rows().collect();
    let header_index = rows
        .iter()
        .position(|row| row.iter().any(|c| !c.is_blank()))
        .ok_or_else(|| fail(t!("setup-table-no-rows")))?;
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
    .ok_or_else(|| fail(t!("setup-table-no-item-column")))?;
    let account_col = find(&[
        "account",
        "compte",
        "compte gl",
        "gl account",
        "no compte",
        "numero de compte",
    ])
    .ok_or_else(|| fail(t!("setup-table-no-account-column")))?;
    let mut mappings = Vec::new();
    for (offset, row) in rows.iter().enumerate().skip(header_index + 1) {
        let cell = |col: usize| row.get(col).map(|c| c.to_text()).unwrap_or_default();
        let (item, account) = (cell(item_col), cell(account_col));
        // A row without an account is an item still to map (a table written by
        // `init --from --table` or a rejected run, not yet completed).
        if account.is_empty() {
            continue;
        }
        let row_number = sheet.first_row_number + offset as u64;
        let origin = tr!("setup-table-origin", path = &shown, row = row_number);
        if item.is_empty() {
            return Err(fail(t!(
                "setup-table-no-item",
                row = row_number,
                account = &account
            )));
        }
        validate_account(&account).map_err(|why| {
            fail(t!(
                "setup-table-bad-account",
                row = row_number,
                item = &item,
                why = why
            ))
        })?;
        mappings.push(Mapping {
            key: fold_name(&item),
            name: item,
            account,
            origin,
        });
    }
    Ok(mappings)
}
