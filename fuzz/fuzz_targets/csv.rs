//! Decoding and reading any bytes as a CSV export never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::load::sheet::parse_sheets;
use plannit2sage::load::Limits;

fuzz_target!(|bytes: &[u8]| {
    let _ = parse_sheets(bytes, std::path::Path::new("export.csv"), &Limits::default());
});
