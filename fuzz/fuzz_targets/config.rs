//! Configuration parsing never panics on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plannit2sage::config::Config;

fuzz_target!(|text: &str| {
    let _ = Config::parse(text, "fuzz.toml", std::path::Path::new("/nonexistent"));
});
