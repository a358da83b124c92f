//! The names serde's derived `Deserialize` knows a struct's fields and an
//! enum's values by, read back by a deserializer that only listens: the
//! configuration's table of keys takes its choices from them, and its tests
//! compare its keys with them.

use serde::de::{DeserializeOwned, Visitor};

/// The names serde knows an enum's values by (aliases included): what
/// `Deserialize` hands the deserializer, read back by one that only listens.
pub(super) fn variants<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(NameProbe) {
        Err(Names(names)) => names,
        Ok(_) => &[],
    }
}

/// The fields serde reads a struct with (aliases included).
#[cfg(test)]
pub(super) fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    variants::<T>()
}

struct NameProbe;

#[derive(Debug)]
struct Names(&'static [&'static str]);

impl std::fmt::Display for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Names {}

impl serde::de::Error for Names {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Names(&[])
    }
}

impl<'de> serde::Deserializer<'de> for NameProbe {
    type Error = Names;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Names> {
        Err(Names(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Names> {
        Err(Names(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Names> {
        Err(Names(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}
