//! Text folding shared by every stage: how names are compared (headers,
//! catalogue items, payment methods), and text held once for many rows.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

/// Folds a name for comparison: lower case, accents removed, runs of whitespace
/// (including no-break spaces) collapsed to one space, trimmed.
/// `"  Déneigement   Résidentiel "` and `"deneigement residentiel"` fold alike.
pub fn fold_name(text: &str) -> String {
    if text.is_ascii() {
        // Nothing to decompose: the same folding, byte by byte.
        return fold_ascii(text, |b| b.is_ascii_whitespace() || b == 0x0b);
    }
    fold_unicode(text)
}

/// Each distinct name folded once: catalogue items and payment methods are few
/// and repeat on every row.
pub fn folded_names<'a>(
    names: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, String, foldhash::fast::RandomState> {
    let mut folded = HashMap::default();
    for name in names {
        folded.entry(name).or_insert_with(|| fold_name(name));
    }
    folded
}

/// Text met so far, each distinct value held once and shared (account names
/// over a million documents, customers and items over a million rows).
#[derive(Debug, Default)]
pub struct SharedText(HashSet<Arc<str>, foldhash::fast::RandomState>);

impl SharedText {
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

fn fold_unicode(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.nfd() {
        if unicode_normalization::char::is_combining_mark(ch) {
            continue;
        }
        if ch.is_whitespace() {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.extend(ch.to_lowercase());
    }
    folded
}

/// Folds a column header: like [`fold_name`], and punctuation (`#`, `°`, `.`, `/`,
/// `(`, ...) becomes a space, so `N° facture`, `No. facture` and `no facture`
/// differ only by the letters that matter.
pub fn fold_header(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text, |b| !b.is_ascii_alphanumeric());
    }
    fold_header_unicode(text)
}

fn fold_header_unicode(text: &str) -> String {
    let spaced: String = fold_unicode(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    fold_unicode(&spaced)
}

/// Lower case, bytes `is_space` says are spaces collapsed to one, trimmed: the
/// folds above on ASCII text, most of an export's cells.
fn fold_ascii(text: &str, is_space: impl Fn(u8) -> bool) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for b in text.bytes() {
        if is_space(b) {
            pending_space = !folded.is_empty();
            continue;
        }
        if pending_space {
            folded.push(' ');
            pending_space = false;
        }
        folded.push(b.to_ascii_lowercase() as char);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_case_accents_and_spaces() {
        assert_eq!(
            fold_name("  Déneigement\u{a0}  RÉSIDENTIEL "),
            "deneigement residentiel"
        );
        assert_eq!(
            fold_name("Tonte de pelouse"),
            fold_name("tonte de  PELOUSE")
        );
    }

    #[test]
    fn ascii_text_folds_as_any_text() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [
            every_ascii.as_str(),
            "  No. Facture\t#",
            "P-1001",
            "Tonte   de\x0bPELOUSE ",
            "\r\n",
            "",
            "Total:",
        ] {
            assert_eq!(fold_name(text), fold_unicode(text), "{text:?}");
            assert_eq!(fold_header(text), fold_header_unicode(text), "{text:?}");
        }
    }

    #[test]
    fn headers_fold_punctuation() {
        assert_eq!(fold_header("N° facture"), "n facture");
        assert_eq!(fold_header("Invoice #"), "invoice");
        assert_eq!(fold_header("Produit/Service"), "produit service");
        assert_eq!(fold_header("Quantité"), "quantite");
    }
}
