//! The message catalogue: every sentence the user reads, in French and English.
//!
//! Messages live in Fluent files under `locales/<lang>/<area>.ftl` (plural
//! rules included), compiled into the binary. Code builds a [`Text`] with
//! [`t!`](crate::t) — a message id and its arguments — and renders it in the run's
//! language, set once per command (or per client in `watch`) with [`set_lang`].

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Deserialize;

/// Language of everything the user reads: terminal, findings, error file, log, workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default, strum::AsRefStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];
}

/// The catalogue's files: (area, French text, English text). Each area holds
/// the same message ids in both languages (checked by a test).
pub const CATALOGUE: &[(&str, &str, &str)] = &[
    (
        "common",
        include_str!("../locales/fr/common.ftl"),
        include_str!("../locales/en/common.ftl"),
    ),
    (
        "run",
        include_str!("../locales/fr/run.ftl"),
        include_str!("../locales/en/run.ftl"),
    ),
    (
        "watch",
        include_str!("../locales/fr/watch.ftl"),
        include_str!("../locales/en/watch.ftl"),
    ),
    (
        "load",
        include_str!("../locales/fr/load.ftl"),
        include_str!("../locales/en/load.ftl"),
    ),
    (
        "query",
        include_str!("../locales/fr/query.ftl"),
        include_str!("../locales/en/query.ftl"),
    ),
    (
        "setup",
        include_str!("../locales/fr/setup.ftl"),
        include_str!("../locales/en/setup.ftl"),
    ),
    (
        "tools",
        include_str!("../locales/fr/tools.ftl"),
        include_str!("../locales/en/tools.ftl"),
    ),
    (
        "sage",
        include_str!("../locales/fr/sage.ftl"),
        include_str!("../locales/en/sage.ftl"),
    ),
    (
        "workbook",
        include_str!("../locales/fr/workbook.ftl"),
        include_str!("../locales/en/workbook.ftl"),
    ),
    (
        "config",
        include_str!("../locales/fr/config.ftl"),
        include_str!("../locales/en/config.ftl"),
    ),
    (
        "safeguards",
        include_str!("../locales/fr/safeguards.ftl"),
        include_str!("../locales/en/safeguards.ftl"),
    ),
    (
        "verify",
        include_str!("../locales/fr/verify.ftl"),
        include_str!("../locales/en/verify.ftl"),
    ),
    (
        "help",
        include_str!("../locales/fr/help.ftl"),
        include_str!("../locales/en/help.ftl"),
    ),
    (
        "cash",
        include_str!("../locales/fr/cash.ftl"),
        include_str!("../locales/en/cash.ftl"),
    ),
];

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// Sets the language [`Text`]'s `Display` renders in, for this thread.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The language set with [`set_lang`] (French until then).
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| Lang::ALL.map(build_bundle));
    &bundles[lang as usize]
}

fn build_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.as_ref().parse().expect("language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Placeables are not wrapped in Unicode isolation marks: the text goes to
    // terminals, text files and spreadsheet cells, never to bidirectional UI.
    bundle.set_use_isolating(false);
    for (area, fr, en) in CATALOGUE {
        let source = match lang {
            Lang::Fr => fr,
            Lang::En => en,
        };
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
            panic!("locales/{}/{area}.ftl: {errors:?}", lang.as_ref())
        });
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{}/{area}.ftl: {errors:?}", lang.as_ref()));
    }
    bundle
}

/// A message argument: text, or a count (which selects plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Count(i64),
    /// A message inside a message, rendered in the outer message's language.
    Nested(Box<Text>),
    /// An amount of money, written as the message's language writes it.
    Amount(rust_decimal::Decimal),
    /// A large count, its thousands grouped as the message's language does.
    Grouped(u128),
}

macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_arg!(usize, u64, u32, i64, i32, u8);

impl From<rust_decimal::Decimal> for Arg {
    fn from(amount: rust_decimal::Decimal) -> Arg {
        Arg::Amount(amount)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&std::sync::Arc<str>> for Arg {
    fn from(s: &std::sync::Arc<str>) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Arg {
        Arg::Nested(Box::new(text))
    }
}

impl From<&Text> for Arg {
    fn from(text: &Text) -> Arg {
        Arg::Nested(Box::new(text.clone()))
    }
}

/// A sentence for the user, rendered in a language when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// A catalogue message and its arguments.
    Message {
        id: Cow<'static, str>,
        args: Vec<(&'static str, Arg)>,
    },
    /// Text given in both languages outside the catalogue (a check query's
    /// `-- message.fr:` and `-- message.en:` headers).
    Both { fr: String, en: String },
    /// Text that exists in one form only: an analyst's single-language check
    /// message, a library's error, a value.
    Verbatim(String),
}

impl Text {
    pub fn message(id: &'static str, args: Vec<(&'static str, Arg)>) -> Text {
        Text::Message {
            id: Cow::Borrowed(id),
            args,
        }
    }

    pub fn verbatim(text: impl Into<String>) -> Text {
        Text::Verbatim(text.into())
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Message { id, args } => format_message(lang, id, args),
            Text::Both { fr, en } => match lang {
                Lang::Fr => fr.clone(),
                Lang::En => en.clone(),
            },
            Text::Verbatim(text) => text.clone(),
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(lang()))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::Verbatim(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::Verbatim(text.to_string())
    }
}

/// Whether the catalogue has this message id.
pub fn has_message(id: &str) -> bool {
    bundle(Lang::Fr).has_message(id) && bundle(Lang::En).has_message(id)
}

/// Formats a catalogue message. A missing id or argument is a programming
/// error caught by the catalogue tests; at run time the id is shown rather
/// than nothing.
pub fn format_message(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let bundle = bundle(lang);
    let (message_id, attribute) = match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    };
    let Some(message) = bundle.get_message(message_id) else {
        return id.to_string();
    };
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
        None => message.value(),
    };
    let Some(pattern) = pattern else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Nested(text) => FluentValue::from(text.render(lang)),
            Arg::Amount(amount) => FluentValue::from(self::amount(lang, *amount)),
            Arg::Grouped(n) => FluentValue::from(group_thousands(lang, &n.to_string())),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    text.into_owned()
}

/// `t!("message-id", name = value, ...)`: a [`Text`] from the catalogue.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::message(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// `tr!("message-id", name = value, ...)`: the message in the current language, as a `String`.
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::t!($id $(, $name = $value)*).to_string()
    };
}

/// Whether the user chose the language (`--lang` or `PLANNIT2SAGE_LANG`):
/// then a configuration's `[report] lang` does not override it.
static LANG_CHOSEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the language the user chose on the command line or in the
/// environment, and remembers that it was chosen (see [`lang_was_chosen`]).
pub fn choose_lang(lang: Lang) {
    LANG_CHOSEN.store(true, std::sync::atomic::Ordering::Relaxed);
    set_lang(lang);
}

/// True once [`choose_lang`] was called: a command that reads a configuration
/// then keeps the language instead of taking the configuration's.
pub fn lang_was_chosen() -> bool {
    LANG_CHOSEN.load(std::sync::atomic::Ordering::Relaxed)
}

/// An amount to the cent as `lang` writes it for a reader: `3 477,72` in
/// French (a no-break space between thousands, a comma before the cents),
/// `3,477.72` in English; never `-0,00`. Files for programs (the Sage file,
/// the history, the log's fields) keep their own plain `3477.72`.
pub fn amount(lang: Lang, value: rust_decimal::Decimal) -> String {
    let mut rounded = value.round_dp(2);
    if rounded.is_zero() {
        rounded = rust_decimal::Decimal::ZERO;
    }
    rounded.rescale(2);
    let text = rounded.abs().to_string();
    let (units, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let sign = if rounded.is_sign_negative() { "-" } else { "" };
    let decimal = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{decimal}{cents}", group_thousands(lang, units))
}

/// Digits with their thousands grouped as `lang` does: a no-break space in
/// French (`25 020 004`), a comma in English (`25,020,004`).
fn group_thousands(lang: Lang, digits: &str) -> String {
    let separator = match lang {
        Lang::Fr => '\u{a0}',
        Lang::En => ',',
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// What the system said of a file or folder, in the run's language: the
/// common cases (not found, a folder where a file was expected, access
/// refused, disk full…) from the catalogue, any other as the system words it.
pub fn system_reason(error: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    let id = match error.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::DirectoryNotEmpty => "io-directory-not-empty",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::ResourceBusy => "io-busy",
        ErrorKind::InvalidFilename => "io-invalid-filename",
        _ => return Text::verbatim(error.to_string()),
    };
    Text::message(id, Vec::new())
}

/// [`system_reason`] for an error met at `path`: Windows refuses to open a
/// folder as a file with "access denied", which is said as what it is.
pub fn path_reason(error: &std::io::Error, path: &std::path::Path) -> Text {
    if error.kind() == std::io::ErrorKind::PermissionDenied && path.is_dir() {
        return Text::message("io-is-a-directory", Vec::new());
    }
    system_reason(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;

    /// (message id or id.attribute, variables used) of one catalogue file.
    fn entries(source: &str) -> std::collections::BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(source).expect("valid Fluent");
        let mut ids = std::collections::BTreeSet::new();
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                if message.value.is_some() {
                    ids.insert(message.id.name.to_string());
                }
                for attribute in message.attributes {
                    ids.insert(format!("{}.{}", message.id.name, attribute.id.name));
                }
            }
        }
        ids
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        for (area, fr, en) in CATALOGUE {
            let (fr, en) = (entries(fr), entries(en));
            let only_fr: Vec<_> = fr.difference(&en).collect();
            let only_en: Vec<_> = en.difference(&fr).collect();
            assert!(
                only_fr.is_empty() && only_en.is_empty(),
                "locales/*/{area}.ftl: only in French: {only_fr:?}; only in English: {only_en:?}"
            );
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let args = |n: i64| vec![("count", Arg::Count(n))];
        assert_eq!(
            format_message(Lang::Fr, "count-errors", &args(0)),
            "0 erreur"
        );
        assert_eq!(
            format_message(Lang::Fr, "count-errors", &args(2)),
            "2 erreurs"
        );
        assert_eq!(
            format_message(Lang::En, "count-errors", &args(0)),
            "0 errors"
        );
        assert_eq!(
            format_message(Lang::En, "count-errors", &args(1)),
            "1 error"
        );
    }
}
