//! A query's plan, looked at before it runs, so that no query can take the
//! tool down: a cross join whose two sides multiply past a limit is refused,
//! and a plan that hands every row a subquery's whole result is kept off the
//! streaming engine.
//!
//! Polars makes `x [NOT] IN (SELECT y FROM t)` a semi or anti join when it
//! can; when it cannot (`y` is also a column of the outer table, the subquery
//! groups, …) it pairs every outer row with the subquery's result as one
//! list. The in-memory engine tests each row against that one list; the
//! streaming engine copies the list into every row, which is the cross join
//! of the two tables in memory.

use std::collections::HashMap;

use polars::polars_utils::arena::Node;
use polars::prelude::*;
use polars_plan::plans::{IRPlan, IR};

/// Rows of the two sides of a cross join, multiplied, above which a query is
/// refused before it runs. A cross join holds one row per pair, each with the
/// columns of both sides: past a few tens of millions of rows it outgrows an
/// office computer's memory, and the process is killed instead of told. The
/// cross joins the queries need pair a table with a few rows of settings (the
/// shipped ones with `accounts`, one row), which stays far below for any
/// inbox of up to millions of lines; two tables of thousands of rows each
/// reach it, and pairing those is never what an accounting rule means.
pub const CROSS_JOIN_LIMIT: u128 = 20_000_000;

/// A cross join too large to build: at most this many rows on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossJoin {
    pub left: u128,
    pub right: u128,
}

impl CrossJoin {
    pub fn pairs(&self) -> u128 {
        self.left.saturating_mul(self.right)
    }
}

/// What a query's plan asks of the run before it runs.
#[derive(Debug, Default)]
pub(super) struct PlanShape {
    /// The largest cross join over the limit, if any.
    pub oversized: Option<CrossJoin>,
    /// Every row is handed a subquery's whole result: run it in memory.
    pub hands_rows_a_list: bool,
}

/// The shape of `frame`'s plan as Polars will run it (optimized). An error
/// is the query's own (an unknown column, a type mismatch), as running it
/// would give.
pub(super) fn inspect(frame: &LazyFrame, limit: u128) -> PolarsResult<PlanShape> {
    // Optimizing the plan costs what running the query costs again in
    // planning; most queries (the shipped ones among them) are already
    // bounded as written, which a walk of the plan shows.
    if rows_as_written(&frame.logical_plan, limit).is_some() {
        return Ok(PlanShape::default());
    }
    let plan = frame.clone().to_alp_optimized()?;
    let mut walk = Walk {
        plan: &plan,
        rows: HashMap::new(),
        cross_joins: Vec::new(),
        hands_rows_a_list: false,
    };
    walk.rows(plan.lp_top);
    Ok(PlanShape {
        oversized: walk
            .cross_joins
            .into_iter()
            .filter(|join| join.pairs() > limit)
            .max_by_key(CrossJoin::pairs),
        hands_rows_a_list: walk.hands_rows_a_list,
    })
}

/// At most how many rows `plan` gives as written, counted as [`Walk::rows`]
/// counts them but without knowing which expressions aggregate, so never
/// fewer. `None` when the plan has a subquery's result (a horizontal
/// concatenation), a part not counted here, or a join that is or may become
/// a cross join (no key, or a condition) with sides multiplying past `limit`.
fn rows_as_written(plan: &DslPlan, limit: u128) -> Option<u128> {
    use DslPlan as P;
    Some(match plan {
        P::DataFrameScan { df, .. } => df.height() as u128,
        P::IR { dsl: input, .. } => rows_as_written(input, limit)?,
        P::Select { input, .. }
        | P::HStack { input, .. }
        | P::Filter { input, .. }
        | P::Sort { input, .. }
        | P::Distinct { input, .. }
        | P::GroupBy { input, .. }
        | P::MapFunction { input, .. }
        | P::Cache { input, .. } => rows_as_written(input, limit)?,
        P::Slice { input, len, .. } => rows_as_written(input, limit)?.min(u128::from(*len)),
        P::Union { inputs, .. } => inputs.iter().try_fold(0u128, |sum, input| {
            Some(sum.saturating_add(rows_as_written(input, limit)?))
        })?,
        P::Join {
            input_left,
            input_right,
            predicates,
            options,
            ..
        } => {
            let left = rows_as_written(input_left, limit)?;
            let right = rows_as_written(input_right, limit)?;
            match options.args.how {
                JoinType::Cross => within(left.saturating_mul(right), limit)?,
                _ if !predicates.is_empty() => within(left.saturating_mul(right), limit)?,
                JoinType::Full => left.saturating_add(right),
                _ => left.max(right),
            }
        }
        _ => return None,
    })
}

fn within(pairs: u128, limit: u128) -> Option<u128> {
    (pairs <= limit).then_some(pairs)
}

struct Walk<'a> {
    plan: &'a IRPlan,
    /// Each node's rows, at most; a node may feed several others.
    rows: HashMap<Node, u128>,
    cross_joins: Vec<CrossJoin>,
    hands_rows_a_list: bool,
}

impl Walk<'_> {
    /// At most how many rows `node` gives, cheaply: a table its height, a
    /// filter its input's, an aggregate without keys one. A key join counts
    /// as its larger side, not their product: it is the cross joins that are
    /// bounded here, and a key join of real tables pairs each row with a few.
    fn rows(&mut self, node: Node) -> u128 {
        if let Some(rows) = self.rows.get(&node) {
            return *rows;
        }
        let plan = self.plan;
        let ir = plan.lp_arena.get(node);
        let inputs: Vec<u128> = ir.inputs().map(|input| self.rows(input)).collect();
        let widest = inputs.iter().copied().max().unwrap_or(0);
        let rows = match ir {
            IR::DataFrameScan { df, .. } => df.height() as u128,
            IR::Scan { file_info, .. } => {
                let (known, estimated) = file_info.row_estimation;
                known.unwrap_or(estimated) as u128
            }
            IR::Slice { len, .. } => widest.min(u128::from(*len)),
            IR::Select { expr, .. }
                if !expr.is_empty() && expr.iter().all(|e| e.is_scalar(&plan.expr_arena)) =>
            {
                1
            }
            IR::GroupBy { keys, .. } if keys.is_empty() => 1,
            IR::Join {
                input_left,
                input_right,
                options,
                ..
            } => {
                let (left, right) = (self.rows(*input_left), self.rows(*input_right));
                match options.args.how {
                    JoinType::Cross => {
                        self.cross_joins.push(CrossJoin { left, right });
                        left.saturating_mul(right)
                    }
                    JoinType::Full => left.saturating_add(right),
                    _ => left.max(right),
                }
            }
            IR::Union { .. } => inputs
                .iter()
                .fold(0u128, |sum, rows| sum.saturating_add(*rows)),
            IR::HConcat {
                inputs: parts,
                options,
                ..
            } => {
                if options.broadcast_unit_length && parts.iter().any(|p| self.is_one_list(*p)) {
                    self.hands_rows_a_list = true;
                }
                widest
            }
            _ => widest,
        };
        self.rows.insert(node, rows);
        rows
    }

    /// One row holding a list: what `IN (SELECT …)` pairs every row with
    /// when Polars cannot make it a join.
    fn is_one_list(&mut self, node: Node) -> bool {
        let plan = self.plan;
        let schema = plan.lp_arena.get(node).schema(&plan.lp_arena);
        let has_list = schema
            .iter_values()
            .any(|dtype| matches!(dtype, DataType::List(_)));
        has_list && self.rows(node) == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::sql::SQLContext;

    fn rows(name: &str, height: usize) -> (String, LazyFrame) {
        let values: Vec<u32> = (0..height as u32).collect();
        let frame = DataFrame::new(height, vec![Column::new(name.into(), values)]).unwrap();
        (name.to_string(), frame.lazy())
    }

    /// The written plan of `sql` over tables of 1,000 rows (`big`, `other`)
    /// and one (`accounts`).
    fn written(sql: &str) -> DslPlan {
        let ctx = SQLContext::new();
        for (name, frame) in [
            rows("big", 1_000),
            rows("other", 1_000),
            rows("accounts", 1),
        ] {
            ctx.register(&name, frame);
        }
        let mut ctx = ctx;
        ctx.execute(sql).unwrap().logical_plan
    }

    /// The shipped queries' shape (a table against one row of settings) is
    /// bounded as written: no optimizing before the run does it.
    #[test]
    fn a_cross_join_with_one_row_is_bounded_as_written() {
        let settings = written("SELECT * FROM big AS b CROSS JOIN accounts AS a WHERE b.big > 3");
        assert_eq!(rows_as_written(&settings, 1_000), Some(1_000));
        let keyed = written("SELECT * FROM big AS b JOIN other AS o ON b.big = o.other");
        assert_eq!(rows_as_written(&keyed, 1_000), Some(1_000));
        // Past the limit as written; the optimized plan decides.
        let pairs = written("SELECT * FROM big AS b CROSS JOIN other AS o");
        assert_eq!(rows_as_written(&pairs, 999_999), None);
        assert_eq!(rows_as_written(&pairs, 1_000_000), Some(1_000_000));
        let subquery = written("SELECT * FROM big WHERE big IN (SELECT big FROM big)");
        assert_eq!(rows_as_written(&subquery, u128::MAX), None);
    }
}
