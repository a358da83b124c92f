//! What the views in `queries/views/` decide, read back for the workbook: the
//! revenue account of each catalogue item (and whether it was mapped or fell
//! to the default account) and the account of each payment method. The journal
//! queries read the same views, so the workbook shows the accounts the Sage
//! file posts to, whatever the analyst changed.

use std::collections::HashMap;

use polars::prelude::*;

use crate::i18n::Text;
use crate::query::{cell_text, QueryError, SqlTables};
use crate::t;

/// How a catalogue item found its revenue account (the view's `mapping`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum ItemMapping {
    /// Listed under `[products]` or in the mapping table.
    Mapped,
    /// Not listed: posted to `default_revenue`.
    Defaulted,
    /// Not listed and no default: an error, nothing is written.
    Unmapped,
}

/// A catalogue item's revenue account, as `item_accounts` says.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAccount {
    pub account: Option<String>,
    pub mapping: ItemMapping,
}

/// The accounts the views assign, by folded item name and folded method name.
#[derive(Debug, Clone, Default)]
pub struct PostingAccounts {
    pub items: HashMap<String, ItemAccount>,
    pub methods: HashMap<String, String>,
}

impl PostingAccounts {
    /// Reads the `item_accounts` and `method_accounts` views.
    pub fn read(tables: &SqlTables) -> Result<PostingAccounts, QueryError> {
        let items = view(tables, "item_accounts", &["item_key", "account", "mapping"])?;
        let methods = view(tables, "method_accounts", &["method_key", "account"])?;
        let mut accounts = PostingAccounts::default();
        for row in 0..items.height() {
            let text = |column: &str| cell_text(items.column(column).expect("checked"), row);
            let value = text("mapping");
            let mapping = value.parse().map_err(|_| QueryError::BadOutput {
                file: "views/item_accounts.sql".into(),
                message: t!("load-view-mapping", value = &value),
            })?;
            let account = Some(text("account")).filter(|a| !a.trim().is_empty());
            accounts
                .items
                .insert(text("item_key"), ItemAccount { account, mapping });
        }
        for row in 0..methods.height() {
            let text = |column: &str| cell_text(methods.column(column).expect("checked"), row);
            accounts.methods.insert(text("method_key"), text("account"));
        }
        Ok(accounts)
    }
}

/// A view's rows, with the columns the workbook needs.
fn view(tables: &SqlTables, name: &str, columns: &[&str]) -> Result<DataFrame, QueryError> {
    let file = format!("views/{name}.sql");
    let bad = |message: Text| QueryError::BadOutput {
        file: file.clone(),
        message,
    };
    let frame = tables
        .frame(name)
        .ok_or_else(|| bad(t!("load-view-missing", view = name)))?
        .collect()
        .map_err(|e| bad(Text::verbatim(e.to_string())))?;
    for column in columns {
        if frame.column(column).is_err() {
            return Err(bad(t!(
                "load-view-no-column",
                column = *column,
                columns = columns.join(", ")
            )));
        }
    }
    Ok(frame)
}
