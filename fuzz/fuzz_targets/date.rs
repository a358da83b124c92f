//! Date parsing never panics, whatever the declared order.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::load::dates::{date_from_cell, parse_date, DateOrder};
use plannit2sage::load::values::Cell;

fuzz_target!(|input: (&str, f64)| {
    let (text, serial) = input;
    for order in [DateOrder::Strict, DateOrder::Dmy, DateOrder::Mdy] {
        let _ = parse_date(text, order);
        let _ = date_from_cell(&Cell::Text(text.to_string()), order, false);
    }
    let _ = date_from_cell(&Cell::Number(serial), DateOrder::Strict, false);
    let _ = date_from_cell(&Cell::Number(serial), DateOrder::Strict, true);
});
