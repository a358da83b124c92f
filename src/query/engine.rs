//! The tables and views a query sees, and how a query runs over them: its
//! plan looked at first ([`guard`]), then on Polars' streaming engine for a
//! large inbox, in memory for a small one.

use std::path::Path;

use polars::prelude::*;
use polars::sql::SQLContext;

use super::guard::{self, CROSS_JOIN_LIMIT};
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
    run_query_within(tables, query, CROSS_JOIN_LIMIT)
}

/// [`run_query`], refusing cross joins of more than `limit` pairs (a
/// parameter so that tests reach it with small tables).
fn run_query_within(
    tables: &SqlTables,
    query: &QueryFile,
    limit: u128,
) -> Result<DataFrame, QueryError> {
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
    let frame = tables.context().execute(&query.sql).map_err(failed)?;
    let shape = guard::inspect(&frame, limit).map_err(failed)?;
    if let Some(join) = shape.oversized {
        return Err(QueryError::CrossJoin {
            file: query.name.clone(),
            join,
            limit,
        });
    }
    let engine = tables.engine_for(&shape);
    // Polars stops (panics) on some queries it cannot run, such as a join
    // on a money column: that is the query's error, not the tool's end.
    let collected = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _quiet = QuietPanics::hold();
        frame.collect_with_engine(engine)
    }));
    match collected {
        Ok(result) => result.map(|result| result.unwrap_single()).map_err(failed),
        Err(panic) => Err(QueryError::Stopped {
            file: query.name.clone(),
            message: panic_message(&panic),
        }),
    }
}

/// The text a panic was raised with.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    match (panic.downcast_ref::<&str>(), panic.downcast_ref::<String>()) {
        (Some(text), _) => text.to_string(),
        (_, Some(text)) => text.clone(),
        _ => String::new(),
    }
}

/// Queries running now: while there is one, a panic raised inside Polars is
/// not printed (the query's error says it), any other is.
static QUERIES_RUNNING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

struct QuietPanics;

impl QuietPanics {
    fn hold() -> QuietPanics {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            let default = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let in_polars = (info.location()).is_some_and(|l| l.file().contains("polars"));
                let running = QUERIES_RUNNING.load(std::sync::atomic::Ordering::SeqCst) > 0;
                if !(in_polars && running) {
                    default(info);
                }
            }));
        });
        QUERIES_RUNNING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        QuietPanics
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        QUERIES_RUNNING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
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

    /// The engine for a query of this plan: in memory when the plan hands
    /// every row a list, which the streaming engine would copy into each.
    fn engine_for(&self, shape: &guard::PlanShape) -> Engine {
        if shape.hands_rows_a_list {
            Engine::InMemory
        } else {
            self.engine
        }
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

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::i18n::Lang;

    /// `rows` rows of `column`: "F-0", "F-1", … cycling through `distinct` values.
    fn invoices(column: &str, rows: usize, distinct: usize) -> DataFrame {
        let values: Vec<String> = (0..rows).map(|i| format!("F-{}", i % distinct)).collect();
        DataFrame::new(rows, vec![Column::new(column.into(), values)]).unwrap()
    }

    fn query(sql: &str) -> QueryFile {
        QueryFile {
            name: "checks/unknown_invoice.sql".into(),
            sql: sql.into(),
        }
    }

    /// The count `sql` gives over `tables`, once its plan is known to have no
    /// cross join past `limit` and to hand every row a list or not, as
    /// `hands_rows_a_list` says (looked at before running: on the streaming
    /// engine, such a list is copied into every row).
    fn count(tables: &SqlTables, sql: &str, limit: u128, hands_rows_a_list: bool) -> u32 {
        let frame = tables.context().execute(sql).unwrap();
        let shape = guard::inspect(&frame, limit).unwrap();
        assert!(shape.oversized.is_none(), "{sql}: {shape:?}");
        assert_eq!(shape.hands_rows_a_list, hands_rows_a_list, "{sql}");
        if hands_rows_a_list {
            assert_eq!(tables.engine_for(&shape), Engine::InMemory, "{sql}");
        }
        let result = run_query_within(tables, &query(sql), limit).unwrap();
        result.columns()[0].u32().unwrap().get(0).unwrap()
    }

    /// 50,000 payments over 5,000 invoices (10 each), of which the sales (and
    /// `known`, its column named otherwise) name the first 500: 45,000
    /// payments are of unknown invoices. On the streaming engine, as a large
    /// inbox runs.
    fn large_inbox() -> SqlTables {
        let tables = SqlTables::new(
            vec![
                ("payments", invoices("invoice", 50_000, 5_000)),
                ("sales", invoices("invoice", 500, 500)),
                ("known", invoices("number", 500, 500)),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(tables.engine, Engine::Streaming);
        tables
    }

    /// `NOT IN (SELECT …)` over a column of the same name is one Polars does
    /// not make an anti join: it hands every payment the list of the sales'
    /// invoices, which the streaming engine would copy 50,000 times (25
    /// million values, past the cross join limit). It runs in memory instead,
    /// with the anti join's count.
    #[test]
    fn not_in_a_subquery_gives_the_anti_join_count_without_a_cross_join() {
        let tables = large_inbox();
        let unknown = 45_000;
        let sql = "SELECT COUNT(*) FROM payments WHERE invoice NOT IN (SELECT invoice FROM sales)";
        assert_eq!(count(&tables, sql, CROSS_JOIN_LIMIT, true), unknown);
        let sql = "SELECT COUNT(*) FROM payments WHERE invoice IN (SELECT invoice FROM sales)";
        assert_eq!(
            count(&tables, sql, CROSS_JOIN_LIMIT, true),
            50_000 - unknown
        );

        // Over a column of another name, Polars plans an anti (semi) join.
        for (sql, expected) in [
            (
                "SELECT COUNT(*) FROM payments WHERE invoice NOT IN (SELECT number FROM known)",
                unknown,
            ),
            (
                "SELECT COUNT(*) FROM payments WHERE invoice IN (SELECT number FROM known)",
                50_000 - unknown,
            ),
            (
                "SELECT COUNT(*) FROM payments AS p ANTI JOIN sales AS s ON s.invoice = p.invoice",
                unknown,
            ),
            (
                "SELECT COUNT(*) FROM payments AS p LEFT JOIN sales AS s \
                 ON s.invoice = p.invoice WHERE s.invoice IS NULL",
                unknown,
            ),
        ] {
            // No cross join of more than one row per payment.
            assert_eq!(count(&tables, sql, 50_000, false), expected, "{sql}");
        }
    }

    /// SQL's `NOT IN` with a null in the subquery keeps no row, on both paths.
    #[test]
    fn not_in_a_subquery_with_a_null_keeps_no_row() {
        let with_null = |column: &str| {
            let values = [Some("F-1"), None];
            DataFrame::new(2, vec![Column::new(column.into(), values)]).unwrap()
        };
        let tables = SqlTables::new(
            vec![
                ("payments", invoices("invoice", 10, 5)),
                ("sales", with_null("invoice")),
                ("known", with_null("number")),
            ],
            &[],
        )
        .unwrap();
        for sql in [
            "SELECT COUNT(*) FROM payments WHERE invoice NOT IN (SELECT invoice FROM sales)",
            "SELECT COUNT(*) FROM payments WHERE invoice NOT IN (SELECT number FROM known)",
        ] {
            let hands_rows_a_list = sql.contains("sales");
            assert_eq!(count(&tables, sql, 1_000, hands_rows_a_list), 0, "{sql}");
        }
    }

    /// A cross join past the limit is refused before it runs, naming the
    /// file and the rows of each side; one with a one-row table still runs.
    #[test]
    fn a_cross_join_past_the_limit_is_refused_before_it_runs() {
        let tables = SqlTables::new(
            vec![
                ("payments", invoices("invoice", 100, 100)),
                ("sales", invoices("invoice", 50, 50)),
                ("accounts", invoices("receivable", 1, 1)),
            ],
            &[],
        )
        .unwrap();
        let sql = "SELECT COUNT(*) FROM payments AS p CROSS JOIN sales AS s";
        let error = run_query_within(&tables, &query(sql), 4_999).unwrap_err();
        let QueryError::CrossJoin { join, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!((join.left, join.right), (100, 50));
        assert_eq!(
            error.text().render(Lang::En),
            "checks/unknown_invoice.sql: this query would pair up to 100 rows with up to 50 \
             rows, 5,000 pairs, over the limit of 4,999; it was not run. To relate two tables, \
             join them on a key (JOIN sales AS s ON s.invoice = p.invoice); to keep the rows \
             without a match, write LEFT JOIN sales AS s ON s.invoice = p.invoice WHERE \
             s.invoice IS NULL, or ANTI JOIN sales AS s ON s.invoice = p.invoice; CROSS JOIN \
             only a table of a few rows, such as accounts."
        );
        assert!(error
            .text()
            .render(Lang::Fr)
            .starts_with("checks/unknown_invoice.sql : cette requête croiserait jusqu'à 100 lignes avec jusqu'à 50 lignes, soit 5\u{a0}000 paires"));
        // An implicit join without a key is a cross join too; at the limit it runs.
        let implicit = "SELECT COUNT(*) FROM payments, sales";
        assert!(run_query_within(&tables, &query(implicit), 4_999).is_err());
        assert!(run_query_within(&tables, &query(implicit), 5_000).is_ok());
        // A cross join filtered on a key is planned as a key join.
        let keyed = "SELECT COUNT(*) FROM payments AS p CROSS JOIN sales AS s \
                     WHERE p.invoice = s.invoice";
        assert!(run_query_within(&tables, &query(keyed), 10).is_ok());
        let settings = "SELECT COUNT(*) FROM payments AS p CROSS JOIN accounts AS a";
        assert!(run_query_within(&tables, &query(settings), 100).is_ok());
    }

    /// The public path, at the real limit: two tables of 5,000 rows pair 25
    /// million times, refused without building anything.
    #[test]
    fn run_query_refuses_a_cross_join_past_the_real_limit() {
        let tables = SqlTables::new(
            vec![
                ("payments", invoices("invoice", 5_000, 5_000)),
                ("sales", invoices("invoice", 5_000, 5_000)),
            ],
            &[],
        )
        .unwrap();
        let sql = "SELECT p.invoice FROM payments AS p CROSS JOIN sales AS s \
                   WHERE p.invoice <> s.invoice";
        match run_query(&tables, &query(sql)) {
            Err(QueryError::CrossJoin { join, limit, .. }) => {
                assert_eq!(
                    (join.left, join.right, limit),
                    (5_000, 5_000, CROSS_JOIN_LIMIT)
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
