//! Header recognition and row reading never panic on any sheet of text cells.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::load::header::{find_header, ExtraAliases};
use plannit2sage::load::values::Cell;

fuzz_target!(|text: &str| {
    let rows: Vec<Vec<Cell>> = text
        .split('\n')
        .take(40)
        .map(|line| line.split(';').map(|c| Cell::Text(c.to_string())).collect())
        .collect();
    if let Some(header) = find_header(&rows, &ExtraAliases::default()) {
        assert!(header.row_index < rows.len());
        for (index, _) in header.columns.values() {
            assert!(*index < rows[header.row_index].len());
        }
    }
});
