//! A batch held for review (`[watch] warnings = "hold"`): importable, but
//! carrying warnings, it waits in `rejected/` with its workbook and a text
//! listing its warnings and how to export it as it is
//! (`retry FOLDER NAME --accept`) or fix what they say.

use std::path::Path;

use super::note::{ERRORS_FILE, REVIEW_FILE};
use super::summary::RuleWarnings;
use super::Layout;
use crate::tr;

/// Writes the review text of a held batch's folder (and takes away an error
/// text an earlier attempt left there).
pub(super) fn write_review(
    layout: &Layout,
    folder: &Path,
    warnings: &[RuleWarnings],
    workbook: Option<&str>,
) {
    let _ = std::fs::remove_file(folder.join(ERRORS_FILE));
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let count: usize = warnings.iter().map(|w| w.count).sum();
    let mut text = tr!("review-title");
    text.push_str("\r\n\r\n");
    text.push_str(&tr!("review-why", count = count));
    text.push_str("\r\n\r\n");
    for rule in warnings {
        text.push_str(&format!("- {}\r\n", rule.first));
        if rule.count > 1 {
            text.push_str(&format!(
                "  {}\r\n",
                tr!("review-more", count = rule.count - 1, rule = &rule.rule)
            ));
        }
    }
    text.push_str("\r\n");
    text.push_str(&tr!(
        "review-accept",
        root = layout.root.display().to_string(),
        folder = name
    ));
    text.push_str("\r\n");
    text.push_str(&tr!("review-fix"));
    text.push_str("\r\n");
    if let Some(workbook) = workbook {
        text.push_str(&format!(
            "\r\n{}\r\n",
            tr!("watch-errors-details", path = workbook)
        ));
    }
    let _ = crate::output::write_atomically(&folder.join(REVIEW_FILE), |file| {
        std::io::Write::write_all(file, text.as_bytes())
    });
}
