//! Free text as the file can hold it: cleaned for a quoted field (no double
//! quotes, no line breaks), cut to the field's length, and transliterated
//! where the file's encoding lacks a character.

use super::settings::SageEncoding;

/// Makes free text safe for a quoted Sage 50 field: double quotes become single
/// quotes, line breaks, tabs and other control characters become spaces, spaces
/// are collapsed, and the result is cut to at most `max_chars` characters.
pub(super) fn sage_field(text: &str, max_chars: usize) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        let ch = match ch {
            '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' => '\'',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if ch == ' ' {
            pending_space = !cleaned.is_empty();
            continue;
        }
        if pending_space {
            cleaned.push(' ');
            pending_space = false;
        }
        cleaned.push(ch);
    }
    truncate_chars(&cleaned, max_chars).trim_end().to_string()
}

/// Keeps at most `max_chars` characters (not bytes) of `text`.
fn truncate_chars(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// Keeps the last `max_chars` characters: document numbers differ at their end
/// (`INV-2026-000123`), so a source that must be shortened keeps its tail.
pub(super) fn keep_tail_chars(text: &str, max_chars: usize) -> &str {
    let count = text.chars().count();
    if count <= max_chars {
        return text;
    }
    let skip = count - max_chars;
    let (cut, _) = text.char_indices().nth(skip).expect("skip < count");
    &text[cut..]
}

/// Replaces characters the encoding cannot hold by their closest ASCII
/// spelling (`ł` → `l`, `–` stays in Windows-1252), never by `?` silently.
pub(super) fn encodable(text: &str, encoding: SageEncoding) -> String {
    match encoding {
        SageEncoding::Utf8 => text.to_string(),
        SageEncoding::Windows1252 => {
            let mut out = String::with_capacity(text.len());
            let mut buffer = [0u8; 4];
            for ch in text.chars() {
                let (_, _, unmappable) =
                    encoding_rs::WINDOWS_1252.encode(ch.encode_utf8(&mut buffer));
                if unmappable {
                    out.push_str(deunicode::deunicode_char(ch).unwrap_or("?"));
                } else {
                    out.push(ch);
                }
            }
            out
        }
    }
}

pub(super) fn encode(text: &str, encoding: SageEncoding) -> Vec<u8> {
    match encoding {
        SageEncoding::Utf8 => text.as_bytes().to_vec(),
        SageEncoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sage_fields_never_break_quoting() {
        assert_eq!(
            sage_field("Gagnon, \"Le Roi\"\r\ndu gazon", 39),
            "Gagnon, 'Le Roi' du gazon"
        );
        assert_eq!(sage_field("abcdefghij", 4), "abcd");
        assert_eq!(sage_field("ab  cd", 3), "ab");
    }

    #[test]
    fn tails_keep_the_distinguishing_end() {
        assert_eq!(keep_tail_chars("INV-2026-000123", 13), "V-2026-000123");
        assert_eq!(keep_tail_chars("P-1042", 13), "P-1042");
    }
}
