//! CSV text: bytes decoded (UTF-8, UTF-16 or Windows-1252), the separator
//! sniffed, records read into cells.

use super::values::Cell;

/// Decodes CSV bytes: a BOM decides (UTF-8, UTF-16); otherwise valid UTF-8 is
/// UTF-8 and anything else is Windows-1252, which is what French Excel saves.
pub(super) fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// True when the text ends inside an open quoted field (an odd number of quotes
/// overall), which the csv crate would otherwise read silently to the end.
pub(super) fn ends_inside_quotes(text: &str) -> bool {
    text.bytes().filter(|&b| b == b'"').count() % 2 == 1
}

/// Picks the separator that splits the first lines into the most consistent
/// number of fields.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    let mut best = (b',', 0usize);
    for candidate in [b';', b',', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(candidate)
            .has_headers(false)
            .flexible(true)
            .from_reader(sample.as_bytes());
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for record in reader.records().map_while(Result::ok) {
            if record.len() > 1 {
                *counts.entry(record.len()).or_default() += 1;
            }
        }
        let score = counts
            .iter()
            .map(|(fields, rows)| fields * rows)
            .max()
            .unwrap_or(0);
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

pub(super) fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

pub(super) fn csv_cell(field: &str) -> Cell {
    if field.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(field.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_and_boms() {
        assert_eq!(decode_text(b"D\xe9p\xf4t"), "Dépôt");
        assert_eq!(decode_text("\u{feff}Dépôt".as_bytes()), "Dépôt");
        assert_eq!(decode_text(b"\xff\xfeD\x00\xe9\x00"), "Dé");
    }

    #[test]
    fn sniffs_semicolons_and_commas() {
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n\"x;y\",2,3\n"), b',');
    }
}
