//! The fields of an import file's lines: decoding the text, splitting a line
//! on commas outside quotes, and the exact date and amount forms Sage reads.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::settings::SageEncoding;
use super::SageProblem;
use crate::tr;

/// An allocation: an amount or a percentage, with or without decimals.
pub(super) fn allocation_amount(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let valid = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1;
    valid.then(|| text.parse().ok()).flatten()
}

pub(super) fn decode(bytes: &[u8], encoding: SageEncoding) -> Result<String, SageProblem> {
    match encoding {
        SageEncoding::Utf8 => String::from_utf8(bytes.to_vec()).map_err(|e| {
            let line = bytes[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            SageProblem {
                line,
                message: tr!("setup-sage-not-utf8"),
            }
        }),
        SageEncoding::Windows1252 => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()),
    }
}

/// Splits a line on commas outside double quotes. Quoted fields come back
/// without their quotes, marked `true`.
pub(super) fn split_fields(line: &str) -> Result<Vec<(String, bool)>, String> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(after_quote) = rest.strip_prefix('"') {
            let close = after_quote
                .find('"')
                .ok_or_else(|| tr!("setup-sage-quote-not-closed"))?;
            fields.push((after_quote[..close].to_string(), true));
            rest = &after_quote[close + 1..];
            if rest.is_empty() {
                break;
            }
            rest = rest
                .strip_prefix(',')
                .ok_or_else(|| tr!("setup-sage-quote-then-comma"))?;
        } else {
            match rest.find(',') {
                Some(comma) => {
                    let field = &rest[..comma];
                    if field.contains('"') {
                        return Err(tr!("setup-sage-quote-inside"));
                    }
                    fields.push((field.to_string(), false));
                    rest = &rest[comma + 1..];
                }
                None => {
                    if rest.contains('"') {
                        return Err(tr!("setup-sage-quote-inside"));
                    }
                    fields.push((rest.to_string(), false));
                    break;
                }
            }
        }
    }
    Ok(fields)
}

pub(super) fn parse_header_date(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(
        2000 + number(parts[2])? as i32,
        number(parts[0])?,
        number(parts[1])?,
    )
}

/// `-?digits.dd`, nothing else.
pub(super) fn parse_sage_amount(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = digits.split_once('.')?;
    let valid = !integer.is_empty()
        && integer.len() <= 15
        && integer.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() == 2
        && fraction.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| text.parse().ok()).flatten()
}
