//! One module per subcommand: each turns the parsed command line into a call
//! to the library and prints the result for a person.

pub mod check;
pub mod history;
pub mod run;
pub mod watch;

/// Exit status when the data or the file is wrong (the user fixes the input).
pub const EXIT_REJECTED: u8 = 1;
/// Exit status when the setup is wrong (config, queries, paths).
pub const EXIT_SETUP: u8 = 2;

/// `12345.6` → `12 345.60`, for reading in a terminal.
pub fn money(amount: rust_decimal::Decimal) -> String {
    let text = crate::sage::format_amount(amount);
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    let (integer, fraction) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut grouped = String::new();
    for (i, ch) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{fraction}")
}
