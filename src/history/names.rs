//! The names each exported batch saw: its catalogue items and customers,
//! folded as the mappings match them (case, accents, spaces). What a client's
//! exports usually name tells a drop from another client's account apart.

use std::collections::BTreeSet;

use rusqlite::params;

use super::bulk::BulkInsert;
use super::{sqlite_error, HistoryError, Locked};

/// The folded names a batch's documents carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchNames {
    pub items: BTreeSet<String>,
    pub customers: BTreeSet<String>,
}

/// The names of every batch that stands (void batches left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KnownNames {
    /// Batches that stand and recorded their names: without one, nothing is
    /// known (a batch recorded before the names were kept says nothing).
    pub batches: usize,
    pub items: BTreeSet<String>,
    pub customers: BTreeSet<String>,
}

const ITEM: &str = "item";
const CUSTOMER: &str = "customer";

impl Locked<'_> {
    /// Adds a batch's names to the run's transaction (with its batch).
    pub fn insert_names(&self, batch: &str, names: &BatchNames) -> Result<(), HistoryError> {
        let err = sqlite_error(&self.path);
        let rows = names.items.len() + names.customers.len();
        let mut insert = BulkInsert::new(
            &self.tx,
            "INSERT INTO batch_names (batch_id, kind, name) VALUES ",
            2,
            batch,
            rows,
        )
        .map_err(&err)?;
        for (kind, set) in [(ITEM, &names.items), (CUSTOMER, &names.customers)] {
            for name in set {
                insert.push(&[&kind, name]).map_err(&err)?;
            }
        }
        insert.finish();
        Ok(())
    }

    /// The names of the batches that stand.
    pub fn known_names(&self) -> Result<KnownNames, HistoryError> {
        let err = sqlite_error(&self.path);
        let mut statement = self
            .tx
            .prepare(
                "SELECT n.batch_id, n.kind, n.name FROM batch_names n
                 JOIN batches b ON b.id = n.batch_id AND b.status = 'done'",
            )
            .map_err(&err)?;
        let rows: Vec<(String, String, String)> = statement
            .query_map(params![], |r| r.try_into())
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        let mut known = KnownNames::default();
        let mut batches = BTreeSet::new();
        for (batch, kind, name) in rows {
            batches.insert(batch);
            match kind.as_str() {
                ITEM => known.items.insert(name),
                _ => known.customers.insert(name),
            };
        }
        known.batches = batches.len();
        Ok(known)
    }
}
