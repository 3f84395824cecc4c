//! Lenient serde types for source JSON: a field may be a string, a number, null or missing,
//! a list may be null, empty, a single value or an array of strings, numbers or objects.
//!
//! `serde_with` was weighed for these visitors (issue 14) and fits none with the same
//! accepted inputs: `PickFirst<(_, DisplayFromStr)>` neither trims `" 43 "` nor reads
//! `43.0` or `[43]` as an id, and fails on `"abc"` where [`Labelled`] keeps `None`;
//! `DisplayFromStr` has no decimal comma (`"50,85"`, [`Number`]); `BoolFromInt` takes 0
//! and 1, not `"oui"` or `"ja"` ([`Flag`]); `OneOrMany` fails on null and on a null item, and
//! cannot tell a missing list from a null or empty one ([`Presence`], which is reported);
//! nothing joins a list given for a scalar or reads a labelled object as its label ([`Text`]).

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A scalar read as text: strings as they are, numbers and booleans as written, null as `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Option<String>);

impl Text {
    /// The text, `None` when blank.
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref().filter(|text| !text.trim().is_empty())
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, a number, a boolean or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(TextVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // A list where a scalar was expected: its texts joined by new lines.
        let mut parts = Vec::new();
        while let Some(Text(part)) = seq.next_element::<Text>()? {
            parts.extend(part);
        }
        Ok((!parts.is_empty()).then(|| parts.join("\n")))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let labelled = Labelled::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(labelled.label_fr.or(labelled.label_nl).or(labelled.name))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(Text)
    }
}

/// A number, or a numeric string (`"50,85"` accepted).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Number(pub Option<f64>);

impl Number {
    /// The number a text writes, with a decimal comma or point.
    fn parse(text: &str) -> Option<f64> {
        let text = text.trim();
        let value = if text.contains(',') {
            text.replace(',', ".").parse::<f64>()
        } else {
            text.parse::<f64>()
        };
        value.ok().filter(|value| value.is_finite())
    }
}

/// Reads numbers as they are (no round trip through text) and texts by [`Number::parse`].
struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a numeric string or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Number::parse(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v).filter(|value| value.is_finite()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        // Read as a text (items joined by new lines), as a scalar field reads a list.
        let text = TextVisitor.visit_seq(seq)?;
        Ok(text.as_deref().and_then(Number::parse))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let text = TextVisitor.visit_map(map)?;
        Ok(text.as_deref().and_then(Number::parse))
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumberVisitor).map(Number)
    }
}

/// A boolean, or `"true"`, `"1"`, `"yes"`, `"oui"`, `"ja"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Text(text) = Text::deserialize(d)?;
        let lowered = text.unwrap_or_default().trim().to_lowercase();
        Ok(Flag(matches!(
            lowered.as_str(),
            "true" | "1" | "yes" | "y" | "oui" | "ja"
        )))
    }
}

/// A labelled term (`{"id": 43, "labelFr": …, "labelNl": …}`), or a bare id or label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Labelled {
    /// Source id.
    #[serde(default, deserialize_with = "integer")]
    pub id: Option<i64>,
    /// French label.
    #[serde(default, deserialize_with = "text")]
    pub label_fr: Option<String>,
    /// Dutch label.
    #[serde(default, deserialize_with = "text")]
    pub label_nl: Option<String>,
    /// A label in no given language (`name`, `label`).
    #[serde(default, alias = "label", deserialize_with = "text")]
    pub name: Option<String>,
    /// A code (`"ar"`).
    #[serde(default, deserialize_with = "text")]
    pub code: Option<String>,
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Text::deserialize(d).map(|Text(t)| t)
}

fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Text::deserialize(d).map(|Text(t)| t.and_then(|t| t.trim().parse().ok()))
}

/// Whether a list field was missing, null, empty or filled: null and [] are treated alike,
/// but the difference is reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Presence {
    /// The key was absent.
    #[default]
    Missing,
    /// The value was `null`.
    Null,
    /// The value was `[]` or `""`.
    Empty,
    /// The value had items.
    Filled,
}

/// A list of labelled terms, lenient: null, a single item, or an array of items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List<T> {
    /// The items.
    pub items: Vec<T>,
    /// How the list was given.
    pub presence: Presence,
}

struct ListVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de> + FromScalar> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list, a single value or null")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(List {
            items: Vec::new(),
            presence: Presence::Null,
        })
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let items: Vec<T> = T::from_scalar(v).into_iter().collect();
        let presence = if items.is_empty() {
            Presence::Empty
        } else {
            Presence::Filled
        };
        Ok(List { items, presence })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Item<T>>()? {
            items.extend(item.0);
        }
        let presence = if items.is_empty() {
            Presence::Empty
        } else {
            Presence::Filled
        };
        Ok(List { items, presence })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let item = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(List {
            items: vec![item],
            presence: Presence::Filled,
        })
    }
}

impl<'de, T: Deserialize<'de> + FromScalar> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(std::marker::PhantomData))
    }
}

/// Items that can be built from a bare scalar.
pub trait FromScalar: Sized {
    /// The item of a scalar, `None` for a blank one.
    fn from_scalar(text: &str) -> Option<Self>;
}

impl FromScalar for String {
    fn from_scalar(text: &str) -> Option<Self> {
        (!text.trim().is_empty()).then(|| text.to_owned())
    }
}

impl FromScalar for Labelled {
    fn from_scalar(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        Some(match text.parse::<i64>() {
            Ok(id) => Labelled {
                id: Some(id),
                ..Labelled::default()
            },
            Err(_) => Labelled {
                name: Some(text.to_owned()),
                ..Labelled::default()
            },
        })
    }
}

/// One element of a list: a scalar, an object, or null (skipped).
struct Item<T>(Option<T>);

impl<'de, T: Deserialize<'de> + FromScalar> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ItemVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de> + FromScalar> Visitor<'de> for ItemVisitor<T> {
            type Value = Item<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list item")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Item(T::from_scalar(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Item(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Item(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Item(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Item(Some(t)))
            }
        }
        d.deserialize_any(ItemVisitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        zip: Text,
        #[serde(default)]
        lat: Number,
        #[serde(default)]
        tels: List<String>,
        #[serde(default)]
        cats: List<Labelled>,
        #[serde(default)]
        missing: List<String>,
    }

    /// Numbers read directly agree with numbers read through their text.
    #[test]
    fn numbers_read_like_their_text() {
        let through_text = |json: &str| -> Option<f64> {
            let Text(text) = serde_json::from_str(json).unwrap();
            text.and_then(|t| t.trim().replace(',', ".").parse::<f64>().ok())
                .filter(|v| v.is_finite())
        };
        for json in [
            "50.8503",
            "4.3517",
            "-0.0",
            "0",
            "1e3",
            "150000",
            "-42",
            "18446744073709551615",
            "9007199254740993",
            "1.7976931348623157e308",
            "5e-324",
            r#""50,85""#,
            r#"" 4.35 ""#,
            r#""abc""#,
            r#""""#,
            "null",
            "true",
            r#"["50.8"]"#,
            r#"["1", "2"]"#,
            r#"{"labelFr": "4,5"}"#,
            r#""NaN""#,
            r#""inf""#,
            "[]",
        ] {
            let Number(direct) = serde_json::from_str(json).unwrap();
            assert_eq!(direct, through_text(json), "{json}");
        }
    }

    #[test]
    fn lenient_values() {
        let probe: Probe = serde_json::from_str(
            r#"{"zip": 1030, "lat": "50,85", "tels": ["02/1", null, 3], "cats": [{"id": 43, "labelFr": "Restaurants sociaux"}, 7, "Arabe"]}"#,
        )
        .unwrap();
        assert_eq!(probe.zip.get(), Some("1030"));
        assert_eq!(probe.lat.0, Some(50.85));
        assert_eq!(probe.tels.items, ["02/1", "3"]);
        assert_eq!(probe.cats.items.len(), 3);
        assert_eq!(probe.cats.items[1].id, Some(7));
        assert_eq!(probe.cats.items[2].name.as_deref(), Some("Arabe"));
        assert_eq!(probe.missing.presence, Presence::Missing);
        let nulls: Probe = serde_json::from_str(r#"{"tels": null, "cats": []}"#).unwrap();
        assert_eq!(
            (nulls.tels.presence, nulls.cats.presence),
            (Presence::Null, Presence::Empty)
        );
    }
}
