//! What `watch` and `retry` print under a batch's line, for a person who
//! reads it later: the warnings by rule (the first of each), the documents
//! skipped as already exported, what a held batch waits for, and why a
//! rejected batch has not been retried yet.

use crate::cmd::console;
use crate::tr;
use crate::watch::{AlreadyExported, BatchLog, BatchStatus, RuleWarnings};

/// `, 2 avertissements` after a batch's totals; nothing without warnings.
pub fn warnings_suffix(log: &BatchLog) -> String {
    if log.warnings == 0 {
        return String::new();
    }
    tr!("watch-line-warnings", count = log.warnings)
}

/// Under an exported batch's line, a control's, or one with nothing new, its
/// warnings and the documents it skipped.
pub fn print_details(log: &BatchLog) {
    if matches!(
        log.status,
        BatchStatus::Exported | BatchStatus::Controlled | BatchStatus::NothingNew
    ) {
        print_warnings(&log.warnings_by_rule);
        print_already_exported(&log.already_exported);
    }
}

/// The warnings by rule, each rule's first in full and how many more.
fn print_warnings(rules: &[RuleWarnings]) {
    for rule in rules {
        console::warning_line(format!("    {}", rule.first));
        if rule.count > 1 {
            println!(
                "        {}",
                tr!("watch-line-warnings-more", count = rule.count - 1)
            );
        }
    }
}

/// "8 factures déjà exportées dans le lot … — ignorées", per batch and type.
fn print_already_exported(skipped: &[AlreadyExported]) {
    for group in skipped {
        println!(
            "    {}",
            tr!(
                "run-already-exported",
                count = group.count,
                kind = group.kind.as_str(),
                batch = group.batch.as_str()
            )
        );
    }
}

/// What a held batch waits for: the command that exports it as it is.
pub fn print_held(log: &BatchLog, root: &str) {
    print_warnings(&log.warnings_by_rule);
    if let Some(folder) = &log.moved_to {
        println!("    {}", tr!("watch-line-moved-to", folder = folder));
        let name = std::path::Path::new(folder)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "    {}",
            tr!("watch-line-held-accept", root = root, folder = name)
        );
    }
}
