//! Whether a drop is this client's at all. A sales report dropped in the
//! wrong client's inbox maps badly (items fall to the default revenue
//! account) but maps: nothing else stops it. Once a client has exported
//! batches, three signs are weighed, each holding when **more than half, and
//! at least [`MIN_UNKNOWN`],** of what it counts is foreign:
//!
//! - the catalogue items the sales report names that are neither in the
//!   configuration nor in any batch that stands;
//! - the customers it names that no batch that stands ever named;
//! - the documents exported for the drop's dates (same reports) that the drop
//!   does not hold (`document_disappeared`).
//!
//! Two signs refuse the batch (`foreign_export`), before any mapping advice:
//! mapping another company's catalogue is not the fix. `retry … --accept`
//! posts it for a client that really changed.

use std::collections::{BTreeSet, HashSet};

use crate::config::Config;
use crate::diagnostics::{Finding, Fix, Location};
use crate::history::{BatchNames, KnownNames};
use crate::i18n::Text;
use crate::journal::classify::Classification;
use crate::load::reports::{Payment, SalesLine};
use crate::load::text::fold_name;
use crate::t;

/// The rule of a drop refused as another client's export.
pub const FOREIGN_EXPORT: &str = "foreign_export";

/// The fewest foreign names (or missing documents) that make a sign: one new
/// item sold to one new customer is a client's ordinary day.
pub const MIN_UNKNOWN: usize = 2;

/// Signs needed to refuse a drop.
const SIGNS_TO_REFUSE: usize = 2;

/// The rules whose advice is to map an item: beside a foreign export, wrong.
const MAPPING_RULES: [&str; 2] = ["unmapped_item", "unmapped_item_default"];

/// The folded names a batch's rows carry: items of the sales report,
/// customers of every report.
pub(crate) fn names_of(sales: &[SalesLine], payments: &[Payment]) -> BatchNames {
    BatchNames {
        items: folded(sales.iter().map(|line| &*line.item)),
        customers: folded(
            (sales.iter().map(|line| &*line.customer))
                .chain(payments.iter().map(|payment| &*payment.customer)),
        ),
    }
}

/// Each distinct name folded once: a name repeats on most rows.
fn folded<'a>(names: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    let distinct: HashSet<&str, foldhash::fast::RandomState> = names.collect();
    (distinct.into_iter())
        .map(fold_name)
        .filter(|name| !name.is_empty())
        .collect()
}

/// Some of a whole are foreign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Share {
    foreign: usize,
    total: usize,
}

impl Share {
    fn of<'a>(names: impl Iterator<Item = &'a String>, known: impl Fn(&str) -> bool) -> Share {
        let names: BTreeSet<&String> = names.collect();
        Share {
            foreign: names.iter().filter(|name| !known(name)).count(),
            total: names.len(),
        }
    }

    fn is_sign(self) -> bool {
        self.foreign >= MIN_UNKNOWN && self.foreign * 2 > self.total
    }
}

/// The three signs of a drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Signs {
    items: Share,
    customers: Share,
    missing: Share,
}

impl Signs {
    fn weigh(
        config: &Config,
        known: &KnownNames,
        sales: &[SalesLine],
        classification: &Classification,
    ) -> Signs {
        let drop = names_of(sales, &[]);
        let configured: BTreeSet<&str> = config.products.iter().map(|p| p.key.as_str()).collect();
        let exported_here = classification.unchanged.len() + classification.changed.len();
        Signs {
            items: Share::of(drop.items.iter(), |item| {
                configured.contains(item) || known.items.contains(item)
            }),
            customers: Share::of(drop.customers.iter(), |customer| {
                known.customers.contains(customer)
            }),
            missing: Share {
                foreign: classification.disappeared.len(),
                total: classification.disappeared.len() + exported_here,
            },
        }
    }

    fn count(&self) -> usize {
        [self.items, self.customers, self.missing]
            .into_iter()
            .filter(|share| share.is_sign())
            .count()
    }

    /// "4 produits sur 4 et 3 clients sur 3 jamais vus …, et 4 documents …"
    fn describe(&self) -> Text {
        let mut names = Vec::new();
        if self.items.is_sign() {
            names.push(t!(
                "foreign-sign-items",
                foreign = self.items.foreign,
                total = self.items.total
            ));
        }
        if self.customers.is_sign() {
            names.push(t!(
                "foreign-sign-customers",
                foreign = self.customers.foreign,
                total = self.customers.total
            ));
        }
        let names = names
            .into_iter()
            .reduce(|first, second| t!("foreign-and", first = first, second = second))
            .map(|names| t!("foreign-never-seen", names = names));
        let missing = self.missing.is_sign().then(|| {
            t!(
                "foreign-sign-missing",
                foreign = self.missing.foreign,
                total = self.missing.total
            )
        });
        (names.into_iter().chain(missing))
            .reduce(|first, second| t!("foreign-and-then", first = first, second = second))
            .unwrap_or_else(|| Text::verbatim(""))
    }
}

/// Refuses a drop that does not look like this client's: a `foreign_export`
/// error first, and no advice to map its items. Nothing is said while the
/// history knows no names (no batch, or batches recorded before names were).
pub(super) fn refuse_foreign(
    config: &Config,
    known: &KnownNames,
    sales: &[SalesLine],
    classification: &Classification,
    findings: &mut Vec<Finding>,
) {
    if known.batches == 0 {
        return;
    }
    let signs = Signs::weigh(config, known, sales, classification);
    if signs.count() < SIGNS_TO_REFUSE {
        return;
    }
    let file = sales.first().map(|line| line.origin.file().to_string());
    let finding = Finding::error(
        FOREIGN_EXPORT,
        t!("foreign-export", signs = signs.describe()),
        Location {
            file,
            ..Location::default()
        },
    )
    .fixed_in(Fix::OtherClient);
    findings.retain(|f| !MAPPING_RULES.contains(&f.rule.as_str()));
    findings.insert(0, finding);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_is_most_and_at_least_two() {
        let share = |foreign, total| Share { foreign, total }.is_sign();
        assert!(share(4, 4));
        assert!(share(2, 3));
        assert!(!share(2, 4), "half is not most");
        assert!(!share(1, 1), "one new name is an ordinary day");
        assert!(!share(0, 0));
    }
}
