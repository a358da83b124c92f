//! Reading the configuration's text into the raw structs: first its TOML
//! syntax, then its shape against [`raw::FILE`](super::raw::FILE) — unknown
//! sections and keys (with the closest known name), missing required keys
//! (with what they are for), values of the wrong type or not allowed — each
//! with its line and all of them together, in the catalogue's words rather
//! than the TOML reader's. Only then does serde read the file.

use std::ops::Range;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::names::{child, key_name, known_names, quoted, section_name, suggest, Suggestion};
use super::raw::{Key, Kind, RawConfig, FILE};
use super::ConfigError;
use crate::i18n::{Lang, Text};
use crate::t;

/// One problem in a configuration file, at a line of it when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigProblem {
    pub line: Option<usize>,
    pub text: Text,
}

/// Parses `text`, checks its shape and reads it into the raw structs.
pub(super) fn read(text: &str, origin: &str) -> Result<RawConfig, ConfigError> {
    let document = DeTable::parse(text).map_err(|source| ConfigError::Syntax {
        path: origin.into(),
        position: source.span().map(|span| position(text, span.start)),
        source: Box::new(source),
    })?;
    let mut walk = Walk {
        text,
        problems: Vec::new(),
    };
    walk.table(document.get_ref(), &[], FILE, None);
    if !walk.problems.is_empty() {
        let mut problems = walk.problems;
        problems.sort_by_key(|problem| problem.line.unwrap_or(usize::MAX));
        return Err(ConfigError::Shape {
            path: origin.into(),
            problems,
        });
    }
    RawConfig::deserialize(toml::de::Deserializer::from(document)).map_err(|source| {
        ConfigError::Refused {
            path: origin.into(),
            problem: refused(text, &source),
            source: Box::new(source),
        }
    })
}

/// The file's problems as one message: `file, line N: …` for one, a list
/// under the file's name for several.
pub(super) fn problems_text(path: &str, problems: &[ConfigProblem]) -> Text {
    match problems {
        [ConfigProblem {
            line: Some(line),
            text,
        }] => t!(
            "config-problem-at",
            path = path,
            line = *line,
            problem = text
        ),
        [ConfigProblem { line: None, text }] => {
            t!("setup-config-problem", path = path, message = text)
        }
        _ => {
            let item = |problem: &ConfigProblem| match problem.line {
                Some(line) => t!("config-line", line = line, problem = &problem.text),
                None => problem.text.clone(),
            };
            let list = |lang: Lang| -> String {
                let items = problems.iter().map(|problem| item(problem).render(lang));
                items.map(|item| format!("\n  {item}")).collect()
            };
            let list = Text::Both {
                fr: list(Lang::Fr),
                en: list(Lang::En),
            };
            t!(
                "config-problems",
                path = path,
                count = problems.len(),
                list = list
            )
        }
    }
}

/// The text's sections and keys checked against the known ones.
struct Walk<'t> {
    text: &'t str,
    problems: Vec<ConfigProblem>,
}

impl Walk<'_> {
    fn push(&mut self, at: Option<usize>, text: Text) {
        let line = at.map(|at| position(self.text, at).0);
        self.problems.push(ConfigProblem { line, text });
    }

    /// A table written at `at` (`None`: the file itself), named by `path`,
    /// whose keys should be `keys`.
    fn table(&mut self, table: &DeTable, path: &[String], keys: &'static [Key], at: Option<usize>) {
        // A missing key an unknown name is taken for is not reported twice.
        let mut suggested = Vec::new();
        for (name, value) in table.iter() {
            let inner = child(path, name.get_ref());
            match keys.iter().find(|key| key.name == name.get_ref()) {
                Some(key) => self.value(value, &inner, key.kind),
                None => {
                    let suggestion = suggest(name.get_ref(), path, keys);
                    if let Some(Suggestion { key, parent }) = &suggestion {
                        if parent == path {
                            suggested.push(key.name);
                        }
                    }
                    let text = unknown(&inner, value.get_ref().is_table(), suggestion);
                    self.push(Some(name.span().start), text);
                }
            }
        }
        for key in keys.iter().filter(|key| key.required) {
            if !table.contains_key(key.name) && !suggested.contains(&key.name) {
                self.push(at, missing(path, key));
            }
        }
    }

    /// A value of a known key (`path`), which should hold `kind`.
    fn value(&mut self, value: &Spanned<DeValue>, path: &[String], kind: Kind) {
        match (kind, value.get_ref()) {
            (Kind::Table(keys), DeValue::Table(table)) => {
                self.table(table, path, keys, Some(value.span().start));
            }
            (Kind::Map(each), DeValue::Table(table)) => {
                for (name, value) in table.iter() {
                    self.value(value, &child(path, name.get_ref()), *each);
                }
            }
            (Kind::List(each), DeValue::Array(items)) => {
                for item in items {
                    self.value(item, path, *each);
                }
            }
            (kind, found) if accepts(kind, found) => {}
            (kind, found) => {
                let text = wrong_value(kind, path, found, written(self.text, value.span()));
                self.push(Some(value.span().start), text);
            }
        }
    }
}

/// A value (`written`, as in the file) that `kind` does not accept.
fn wrong_value(kind: Kind, path: &[String], found: &DeValue, written: String) -> Text {
    let key = key_name(path);
    match kind {
        // A section header (`[sage50.granularity]`) where a value goes.
        _ if found.is_table() && written.starts_with('[') => t!(
            "config-not-a-section",
            section = written,
            key = key,
            expected = expected(kind, path)
        ),
        Kind::Choice(names) => t!(
            "config-not-allowed",
            key = key,
            value = written,
            allowed = names().join(", ")
        ),
        _ => t!(
            "config-wrong-type",
            key = key,
            value = written,
            expected = expected(kind, path)
        ),
    }
}

/// Whether a value (not a table or list) is what `kind` holds, as serde will
/// read it.
fn accepts(kind: Kind, found: &DeValue) -> bool {
    let whole = |found: &DeValue| {
        found
            .as_integer()
            .is_some_and(|n| u64::from_str_radix(n.as_str(), n.radix()).is_ok())
    };
    match kind {
        Kind::Text => found.is_str(),
        Kind::Number => whole(found),
        Kind::Bool => found.is_bool(),
        Kind::Account => found.is_str() || whole(found),
        Kind::Date => found.is_str() || found.is_datetime(),
        Kind::Choice(names) => found.as_str().is_some_and(|s| names().contains(&s)),
        Kind::List(_) | Kind::Table(_) | Kind::Map(_) => false,
    }
}

/// What a key holds, for a message saying it holds something else.
fn expected(kind: Kind, path: &[String]) -> Text {
    match kind {
        Kind::Text => t!("config-expect-text"),
        Kind::Number => t!("config-expect-number"),
        Kind::Bool => t!("config-expect-bool"),
        Kind::Account => t!("config-expect-account"),
        Kind::Date => t!("config-expect-date"),
        Kind::Choice(names) => t!("config-expect-choice", allowed = names().join(", ")),
        Kind::List(_) => t!("config-expect-list"),
        Kind::Table(_) | Kind::Map(_) => t!("config-expect-section", section = section_name(path)),
    }
}

/// An unknown key or section (`path`), with the known one it is taken for.
fn unknown(path: &[String], is_section: bool, suggestion: Option<Suggestion>) -> Text {
    let parent = &path[..path.len() - 1];
    let name = &path[path.len() - 1];
    let Some(Suggestion { key, parent: home }) = suggestion else {
        let known = known_names(parent);
        return if is_section {
            t!(
                "config-unknown-section",
                name = section_name(path),
                known = known
            )
        } else {
            let place = place(parent);
            t!(
                "config-unknown-key",
                name = quoted(name),
                place = place,
                known = known
            )
        };
    };
    // A key of the same section is named alone, any other with its section.
    let near_path = child(&home, key.name);
    let near = match key.kind {
        Kind::Table(_) | Kind::Map(_) => section_name(&near_path),
        _ if home == parent => key.name.to_string(),
        _ => key_name(&near_path),
    };
    let purpose = purpose(key);
    if is_section {
        let name = section_name(path);
        t!(
            "config-unknown-section-near",
            name = name,
            near = near,
            purpose = purpose
        )
    } else {
        t!(
            "config-unknown-key-near",
            name = quoted(name),
            place = place(parent),
            near = near,
            purpose = purpose
        )
    }
}

/// A required key missing from the section at `path`.
fn missing(path: &[String], key: &'static Key) -> Text {
    match path {
        [] => {
            let required: Vec<&str> = match key.kind {
                Kind::Table(keys) => (keys.iter().filter(|key| key.required))
                    .map(|key| key.name)
                    .collect(),
                _ => Vec::new(),
            };
            t!(
                "config-missing-section",
                name = section_name(&[key.name.to_string()]),
                purpose = purpose(key),
                required = required.join(", ")
            )
        }
        _ => t!(
            "config-missing-key",
            name = key.name,
            place = place(path),
            purpose = purpose(key)
        ),
    }
}

fn purpose(key: &Key) -> Text {
    Text::message(key.purpose, Vec::new())
}

/// Where a key is written: in a section, or before any.
fn place(parent: &[String]) -> Text {
    match parent {
        [] => t!("config-place-top"),
        _ => t!("config-place-section", section = section_name(parent)),
    }
}

/// A serde error left once the shape is right (a number too large for the
/// platform, say), with the key its span falls in.
fn refused(text: &str, source: &toml::de::Error) -> ConfigProblem {
    let detail = source.message().trim_end().to_string();
    let Some(span) = source.span() else {
        return ConfigProblem {
            line: None,
            text: t!("config-refused", detail = detail),
        };
    };
    let line = Some(position(text, span.start).0);
    let found = DeTable::parse(text)
        .ok()
        .and_then(|document| key_at(document.get_ref(), span.start, &[]));
    let text = match found {
        Some((path, value)) => t!(
            "config-value-refused",
            key = key_name(&path),
            value = written(text, value),
            detail = detail
        ),
        None => t!("config-refused", detail = detail),
    };
    ConfigProblem { line, text }
}

/// The innermost key whose value holds the byte `at`, with its value's span.
/// A section's span is its header only, so sections are searched whatever
/// their span.
fn key_at(table: &DeTable, at: usize, path: &[String]) -> Option<(Vec<String>, Range<usize>)> {
    table.iter().find_map(|(name, value)| {
        let path = child(path, name.get_ref());
        let inner = match value.get_ref() {
            DeValue::Table(inner) => key_at(inner, at, &path),
            _ => None,
        };
        inner.or_else(|| value.span().contains(&at).then(|| (path, value.span())))
    })
}

/// The value as written in the file, on one line and not too long to quote.
fn written(text: &str, span: Range<usize>) -> String {
    let value = text.get(span).unwrap_or_default();
    let first_line = value.lines().next().unwrap_or_default();
    let mut shown: String = first_line.chars().take(40).collect();
    if shown.len() < value.len() {
        shown.push('…');
    }
    shown
}

/// (line, column) of a byte of the text, counting from 1; columns count
/// characters.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let is_char_start = |b: &&u8| (**b & 0xC0) != 0x80;
    let column = before[line_start..].iter().filter(is_char_start).count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNTS: &str = "[accounts]\n\
        bank = \"1020\"\n\
        receivable = \"1210\"\n\
        gst = \"2420\"\n\
        qst = \"2500\"\n";

    #[test]
    fn catalogue_items_payment_methods_and_column_aliases_are_free_names() {
        let text = format!(
            "{ACCOUNTS}[products]\n\"Produits\" = \"4001\"\nbank = 4002\n\
             [payment_methods]\n\"Accounts\" = \"1030\"\n\
             [columns.sales]\ninvoice = [\"N° de facture\"]\nrecievable = [\"x\"]\n"
        );
        assert!(read(&text, "plannit2sage.toml").is_ok());
    }

    #[test]
    fn a_value_the_toml_reader_refuses_is_named_by_its_line_and_key() {
        // Read without the shape check, as a value it misses would be.
        let text = "[sage50]\ngranularity = 'mois'\n";
        let error = toml::from_str::<RawConfig>(text).unwrap_err();
        let problem = refused(text, &error);
        assert_eq!(problem.line, Some(2));
        let shown = problems_text("plannit2sage.toml", &[problem]);
        assert_eq!(
            shown.render(Lang::Fr),
            "plannit2sage.toml, ligne 2 : [sage50] granularity = 'mois' : valeur refusée \
             (lecteur TOML : unknown variant `mois`, expected one of `period`, `day`, `document`)"
        );
        assert_eq!(
            shown.render(Lang::En),
            "plannit2sage.toml, line 2: [sage50] granularity = 'mois': value refused (TOML \
             reader: unknown variant `mois`, expected one of `period`, `day`, `document`)"
        );
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnom = \"Déneigement\" x\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, text.find(" x").unwrap() + 1), (2, 21));
        assert_eq!(position(text, text.len() + 10), (3, 1));
    }

    /// A value of `kind` as serde reads it.
    fn sample(kind: Kind) -> toml::Value {
        match kind {
            Kind::Text => "x".into(),
            Kind::Number => 20.into(),
            Kind::Bool => true.into(),
            Kind::Account => 4001.into(),
            Kind::Date => "2026-12-31".into(),
            Kind::Choice(names) => names()[0].into(),
            Kind::List(each) => toml::Value::Array(vec![sample(*each)]),
            Kind::Table(keys) => {
                let keys = keys
                    .iter()
                    .map(|key| (key.name.to_string(), sample(key.kind)));
                toml::Value::Table(keys.collect())
            }
            Kind::Map(each) => toml::Value::Table(
                [("Any name".to_string(), sample(*each))]
                    .into_iter()
                    .collect(),
            ),
        }
    }

    #[test]
    fn a_file_the_shape_check_accepts_is_one_serde_reads() {
        let text = toml::to_string(&sample(Kind::Table(FILE))).unwrap();
        let raw = read(&text, "every-key.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(raw.sage50.source_max, 20);
        assert!(raw.accounts.tips.is_some() && raw.products.contains_key("Any name"));
    }
}
