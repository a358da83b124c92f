//! The Sage file checker never panics; a file it accepts is written back by the
//! writer and accepted again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::config::SageSettings;
use plannit2sage::sage::entry::{EntryLine, JournalEntry, TaxLine};
use plannit2sage::sage::{parse, render};

fuzz_target!(|bytes: &[u8]| {
    let settings = SageSettings::default();
    let Ok(entries) = parse(bytes, &settings) else { return };
    let entries: Vec<JournalEntry> = entries
        .into_iter()
        .map(|e| JournalEntry {
            date: e.date,
            source: e.source,
            comment: e.comment,
            lines: (e.lines.into_iter())
                .map(|(account, amount)| EntryLine { account, amount, source_rows: 1, queries: Vec::new() })
                .collect(),
            taxes: (e.taxes.into_iter())
                .map(|t| TaxLine { account: t.account, name: t.name, code: t.code, taxable: t.taxable, tax: t.tax })
                .collect(),
        })
        .collect();
    let written = render(&entries, &settings).expect("an accepted file renders");
    assert!(parse(&written, &settings).is_ok());
});
