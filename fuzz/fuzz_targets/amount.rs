//! Amount parsing never panics, and what it accepts is exact cents that read
//! back the same when written plainly.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::load::values::parse_amount;

fuzz_target!(|text: &str| {
    if let Ok(amount) = parse_amount(text) {
        assert_eq!(amount.scale(), 2, "{text:?} gave {amount}");
        assert_eq!(parse_amount(&amount.to_string()), Ok(amount), "{text:?}");
    }
});
