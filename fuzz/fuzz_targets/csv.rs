//! Decoding and reading any bytes as a CSV export never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::load::Limits;
use plannit2sage::load::sheet::{decode_text, parse_sheets};

fuzz_target!(|bytes: &[u8]| {
    let _ = decode_text(bytes);
    let _ = parse_sheets(bytes.to_vec(), std::path::Path::new("export.csv"), &Limits::default());
});
