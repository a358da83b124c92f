//! Bulk inserts into the history: many rows per statement, each value bound
//! as its row comes (no row is held), the batch's id bound once per statement.

use rusqlite::{Connection, Statement, ToSql};

/// Rows per INSERT statement (SQLite takes up to 32,766 parameters).
const ROWS_PER_STATEMENT: usize = 500;

/// One table's rows of one batch, `INSERT … VALUES (?1, …), (?1, …)`: the
/// first column of every row is the batch's id. The row count is known ahead,
/// so the rows past the last full statement go into one statement of exactly
/// that many rows: two statements prepared per table, whatever its size.
pub(super) struct BulkInsert<'t> {
    full: Option<Statement<'t>>,
    rest: Option<Statement<'t>>,
    /// Rows that go into full statements.
    full_rows: usize,
    /// Values per row after the batch's id.
    columns: usize,
    pushed: usize,
    total: usize,
}

impl<'t> BulkInsert<'t> {
    /// `head` is `INSERT INTO table (batch_id, …) VALUES `; `columns` counts
    /// the values after the batch's id.
    pub(super) fn new(
        tx: &'t Connection,
        head: &str,
        columns: usize,
        batch: &str,
        total: usize,
    ) -> rusqlite::Result<BulkInsert<'t>> {
        let full_rows = total - total % ROWS_PER_STATEMENT;
        let prepare = |rows: usize| -> rusqlite::Result<Option<Statement<'t>>> {
            if rows == 0 {
                return Ok(None);
            }
            let mut statement = tx.prepare(&values_sql(head, columns, rows))?;
            statement.raw_bind_parameter(1, batch)?;
            Ok(Some(statement))
        };
        Ok(BulkInsert {
            full: prepare(ROWS_PER_STATEMENT.min(full_rows))?,
            rest: prepare(total - full_rows)?,
            full_rows,
            columns,
            pushed: 0,
            total,
        })
    }

    /// Binds one row's values (after the batch's id); runs the statement once
    /// its last row is bound.
    pub(super) fn push(&mut self, values: &[&dyn ToSql]) -> rusqlite::Result<()> {
        debug_assert_eq!(values.len(), self.columns);
        assert!(self.pushed < self.total, "more rows than announced");
        let (statement, row) = if self.pushed < self.full_rows {
            (self.full.as_mut(), self.pushed % ROWS_PER_STATEMENT)
        } else {
            (self.rest.as_mut(), self.pushed - self.full_rows)
        };
        let statement = statement.expect("a statement for every announced row");
        let first = 2 + row * self.columns;
        for (offset, value) in values.iter().enumerate() {
            statement.raw_bind_parameter(first + offset, value)?;
        }
        self.pushed += 1;
        let statement_done = if self.pushed <= self.full_rows {
            self.pushed.is_multiple_of(ROWS_PER_STATEMENT)
        } else {
            self.pushed == self.total
        };
        if statement_done {
            statement.raw_execute()?;
        }
        Ok(())
    }

    /// Every announced row was pushed (and so inserted).
    pub(super) fn finish(self) {
        assert_eq!(self.pushed, self.total, "fewer rows than announced");
    }
}

/// `head` followed by `rows` groups `(?1, ?k, …)` numbered in order.
fn values_sql(head: &str, columns: usize, rows: usize) -> String {
    use std::fmt::Write;
    let mut sql = String::with_capacity(head.len() + rows * columns * 7);
    sql.push_str(head);
    let mut parameter = 2;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(?1" } else { ",(?1" });
        for _ in 0..columns {
            write!(sql, ",?{parameter}").expect("writing to a string");
            parameter += 1;
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_share_the_batch_parameter_and_number_the_rest_in_order() {
        assert_eq!(
            values_sql("INSERT INTO t (b, x, y) VALUES ", 2, 2),
            "INSERT INTO t (b, x, y) VALUES (?1,?2,?3),(?1,?4,?5)"
        );
    }

    /// Row counts below, at and across the statement size all arrive whole.
    #[test]
    fn every_announced_row_is_inserted_once() {
        for total in [0, 1, 499, 500, 501, 1000, 1234] {
            let mut conn = rusqlite::Connection::open_in_memory().unwrap();
            conn.execute_batch("CREATE TABLE t (b TEXT, n INTEGER, s TEXT)")
                .unwrap();
            let tx = conn.transaction().unwrap();
            {
                let mut insert =
                    BulkInsert::new(&tx, "INSERT INTO t (b, n, s) VALUES ", 2, "B1", total)
                        .unwrap();
                for n in 0..total {
                    let text = format!("row {n}");
                    insert.push(&[&(n as i64), &text.as_str()]).unwrap();
                }
                insert.finish();
            }
            let (count, distinct, sum, batches): (i64, i64, i64, i64) = tx
                .query_row(
                    "SELECT COUNT(*), COUNT(DISTINCT s), COALESCE(SUM(n), 0), COUNT(DISTINCT b) FROM t",
                    [],
                    |r| r.try_into(),
                )
                .unwrap();
            let total = total as i64;
            assert_eq!(count, total, "{total} rows");
            assert_eq!(distinct, total);
            assert_eq!(sum, total * (total - 1) / 2);
            assert_eq!(batches, total.min(1));
            let mismatched: i64 = tx
                .query_row(
                    "SELECT COUNT(*) FROM t WHERE s <> 'row ' || n OR b <> 'B1'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(mismatched, 0);
        }
    }
}
