//! The tables and views a query sees, and how a query runs over them: on
//! Polars' streaming engine for a large inbox, in memory for a small one.

use std::path::Path;

use polars::prelude::*;
use polars::sql::SQLContext;

use super::{QueryError, QueryFile};

/// Table functions that read files: refused, so that a query only sees the
/// tables of the run.
const FILE_FUNCTIONS: &[&str] = &[
    "read_csv",
    "read_parquet",
    "read_ipc",
    "read_json",
    "read_ndjson",
    "scan_",
];

pub fn run_query(tables: &SqlTables, query: &QueryFile) -> Result<DataFrame, QueryError> {
    let lowered = query.sql.to_lowercase();
    if let Some(function) = FILE_FUNCTIONS.iter().find(|f| lowered.contains(*f)) {
        return Err(QueryError::FileAccess {
            file: query.name.clone(),
            function: function.to_string(),
        });
    }
    let failed = |source: PolarsError| QueryError::Failed {
        file: query.name.clone(),
        source,
        caret: String::new(),
    };
    tables
        .context()
        .execute(&query.sql)
        .map_err(failed)?
        .collect_with_engine(tables.engine)
        .map(|result| result.unwrap_single())
        .map_err(failed)
}

/// The tables every query sees: the loaded tables, then the views computed
/// over them (in name order, each seeing the ones before). Each query runs in
/// a fresh SQL context: a context remembers the aliases of earlier queries'
/// subqueries, which would otherwise shadow a later query's own aliases.
pub struct SqlTables {
    tables: Vec<(String, LazyFrame)>,
    engine: Engine,
}

/// From this many rows in a table, queries run on Polars' streaming engine:
/// it works through a large table in batches on every core, so a large
/// batch's queries peak lower and finish sooner, but it takes longer to set
/// each query up, which a month's inbox of some forty queries notices.
/// BENCHMARKS.md has the measurements either side of the choice.
const STREAMING_FROM_ROWS: usize = 50_000;

/// Starts Polars on another core while the inbox loads on this one: its
/// first query sets up its thread pool and SQL machinery, a tenth of a
/// month's run, which no later query pays again.
pub fn warm_up() {
    std::thread::spawn(|| {
        let one = DataFrame::new(1, vec![Column::new("one".into(), [1i32])]);
        if let Ok(one) = one {
            let mut ctx = SQLContext::new();
            ctx.register("one", one.lazy());
            let _ = (ctx.execute("SELECT SUM(one) AS one FROM one GROUP BY one"))
                .and_then(|query| query.collect());
        }
    });
}

impl SqlTables {
    pub fn new(
        tables: Vec<(&'static str, DataFrame)>,
        views: &[QueryFile],
    ) -> Result<Self, QueryError> {
        let largest = tables.iter().map(|(_, frame)| frame.height()).max();
        let engine = if largest.unwrap_or(0) >= STREAMING_FROM_ROWS {
            Engine::Streaming
        } else {
            Engine::InMemory
        };
        let mut sql_tables = SqlTables {
            engine,
            tables: tables
                .into_iter()
                .map(|(name, frame)| {
                    (
                        name.to_string(),
                        crate::query::tables::as_queried(name, frame),
                    )
                })
                .collect(),
        };
        for view in views {
            let name = Path::new(&view.name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Computed once, not once per query that reads it.
            let frame = run_query(&sql_tables, view)?;
            sql_tables.tables.push((name, frame.lazy()));
        }
        Ok(sql_tables)
    }

    /// Every table and view, in the order registered.
    pub fn names(&self) -> Vec<&str> {
        self.tables.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// A table or view as computed, if the run has it.
    pub fn frame(&self, name: &str) -> Option<LazyFrame> {
        self.tables
            .iter()
            .find(|(table, _)| table == name)
            .map(|(_, frame)| frame.clone())
    }

    /// Runs `queries` and hands each output to `use_output`, in order, each
    /// output (possibly millions of lines) used and freed before the next query.
    pub(super) fn for_each_output(
        &self,
        queries: &[QueryFile],
        mut use_output: impl FnMut(&QueryFile, DataFrame) -> Result<(), QueryError>,
    ) -> Result<(), QueryError> {
        for query in queries {
            use_output(query, run_query(self, query)?)?;
        }
        Ok(())
    }

    pub fn context(&self) -> SQLContext {
        let ctx = SQLContext::new();
        for (name, frame) in &self.tables {
            ctx.register(name, frame.clone());
        }
        ctx
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::cell_text;

    /// `rows` invoice lines over 40 documents and 3 items, amounts in cents.
    fn sales(rows: usize) -> DataFrame {
        let cents: Vec<i128> = (0..rows).map(|i| (i % 9_973) as i128 + 1).collect();
        let amount = Int128Chunked::from_vec("amount".into(), cents)
            .into_decimal(38, 2)
            .unwrap();
        let days = Int32Chunked::from_iter_values(
            "entry_date".into(),
            (0..rows).map(|i| 20_000 + (i % 7) as i32),
        );
        DataFrame::new(
            rows,
            vec![
                days.into_date().into_series().into(),
                Column::new(
                    "entry_source".into(),
                    (0..rows)
                        .map(|i| format!("#{}", i % 40))
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "item_key".into(),
                    (0..rows)
                        .map(|i| ["a", "b", "c"][i % 3])
                        .collect::<Vec<_>>(),
                ),
                amount.into_series().into(),
            ],
        )
        .unwrap()
    }

    /// The revenue lines of `tables`, sorted, as text.
    fn revenue(tables: &SqlTables) -> Vec<String> {
        let query = QueryFile {
            name: "20_invoices_revenue.sql".into(),
            sql: "SELECT entry_date AS date, entry_source AS source, item_key AS account, \
                  -SUM(amount) AS amount, COUNT(*) AS source_rows \
                  FROM sales GROUP BY entry_date, entry_source, item_key"
                .into(),
        };
        let frame = run_query(tables, &query).unwrap();
        let mut lines: Vec<String> = (0..frame.height())
            .map(|row| {
                let cells: Vec<String> =
                    frame.columns().iter().map(|c| cell_text(c, row)).collect();
                cells.join(" ")
            })
            .collect();
        lines.sort();
        lines
    }

    /// A large inbox's queries run on the streaming engine, a small one's in
    /// memory, and either engine gives the same sums to the cent.
    #[test]
    fn the_streaming_engine_sums_as_the_in_memory_one() {
        let small = SqlTables::new(vec![("sales", sales(STREAMING_FROM_ROWS - 1))], &[]).unwrap();
        assert_eq!(small.engine, Engine::InMemory);
        let large = SqlTables::new(vec![("sales", sales(STREAMING_FROM_ROWS))], &[]).unwrap();
        assert_eq!(large.engine, Engine::Streaming);
        let streamed = revenue(&large);
        let in_memory = revenue(&SqlTables {
            engine: Engine::InMemory,
            ..large
        });
        // Dates cycle by 7, documents by 40, items by 3: 840 distinct lines.
        assert_eq!(streamed.len(), 7 * 40 * 3);
        assert_eq!(streamed, in_memory);
    }
}
