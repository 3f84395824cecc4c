//! The index schema: one document per (organisation, location).

use crate::analysis::{DUTCH, DUTCH_PARTS, FOLD, FRENCH};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Organisation id (stored, fast, raw).
    pub org_id: Field,
    /// Index of the location in the organisation's list (stored).
    pub location_index: Field,
    /// The organisation as JSON (stored only).
    pub record: Field,
    /// French names (French analyzer, stored for name suggestions).
    pub name_fr: Field,
    /// Dutch names (Dutch analyzer, stored for name suggestions).
    pub name_nl: Field,
    /// Every name, alternative name and acronym, folded only.
    pub name_any: Field,
    /// French description, audience, categories and need labels.
    pub text_fr: Field,
    /// Dutch description, audience, categories and need labels.
    pub text_nl: Field,
    /// Street, postcode, commune and quartier names, folded only.
    pub place: Field,
    /// Commune, quartier and bassin names and the postcode, folded only: a query word found
    /// here names an area, not a service.
    pub area: Field,
    /// The parts of the Dutch texts' compounds (`gok`, `verslaving` of `gokverslaving`).
    pub parts_nl: Field,
    /// Every word of the texts, folded, unstemmed: the vocabulary "did you mean" offers.
    pub words: Field,
    /// Need concepts with their broader concepts (raw terms).
    pub need: Field,
    /// Needs that say what the service *is*: those of its source categories (all needs when
    /// it has no category), with their broader concepts. Needs found only in a name or a
    /// description rank lower.
    pub need_primary: Field,
    /// Service-area terms (see `serves`): `region`, `commune:<nis>`, `except:<nis>`…
    pub serves: Field,
    /// Spoken languages, ISO 639-1 (raw terms).
    pub language: Field,
    /// Audience codes (raw terms).
    pub audience: Field,
    /// Commune NIS code (raw term).
    pub commune: Field,
    /// Monitoring quartier code (raw term).
    pub quartier: Field,
    /// Quartier social-santé code (raw term).
    pub qss: Field,
    /// Bassin slug (raw term).
    pub bassin: Field,
    /// 1 for synthetic sample records.
    pub synthetic: Field,
    /// 1 for first-line generalist services.
    pub first_line: Field,
    /// Publics the record is reserved to ([`crate::reserved`] bits).
    pub reserved: Field,
    /// The ages the record is for ([`crate::audience::age_bits`]).
    pub ages: Field,
    /// The languages the record's courses teach ([`crate::fit::taught_bits`]).
    pub taught: Field,
    /// The record's place in the alphabetical order of names (folded), for browsing
    /// without words.
    pub name_order: Field,
    /// 1 when the location has a point inside the Region.
    pub has_geo: Field,
    /// Latitude (fast only: radius and distance read it per document, never as terms).
    pub lat: Field,
    /// Longitude (fast only).
    pub lon: Field,
    /// Weekly opening slots, `start << 16 | end` in minutes of the week (fast, multi-valued).
    pub hours: Field,
    /// Hierarchical facets: `/need/x`, `/language/x`, `/commune/x`, `/bassin/x`, `/quartier/x`.
    pub facets: Field,
}

fn text(analyzer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqs);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Folded words without frequencies or positions: a vocabulary, never scored.
fn vocabulary() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(FOLD)
        .set_index_option(IndexRecordOption::Basic);
    TextOptions::default().set_indexing_options(indexing)
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let flag = NumericOptions::default().set_indexed().set_fast();
    let fields = Fields {
        org_id: builder.add_text_field("org_id", STRING | STORED | FAST),
        location_index: builder.add_u64_field("location_index", STORED),
        record: builder.add_text_field("record", STORED),
        name_fr: builder.add_text_field("name_fr", text(FRENCH, true)),
        name_nl: builder.add_text_field("name_nl", text(DUTCH, true)),
        name_any: builder.add_text_field("name_any", text(FOLD, false)),
        text_fr: builder.add_text_field("text_fr", text(FRENCH, false)),
        text_nl: builder.add_text_field("text_nl", text(DUTCH, false)),
        place: builder.add_text_field("place", text(FOLD, false)),
        area: builder.add_text_field("area", text(FOLD, false)),
        parts_nl: builder.add_text_field("parts_nl", text(DUTCH_PARTS, false)),
        words: builder.add_text_field("words", vocabulary()),
        need: builder.add_text_field("need", STRING),
        need_primary: builder.add_text_field("need_primary", STRING),
        serves: builder.add_text_field(crate::serves::FIELD, STRING | FAST),
        language: builder.add_text_field("language", STRING),
        audience: builder.add_text_field("audience", STRING),
        commune: builder.add_text_field("commune", STRING),
        quartier: builder.add_text_field("quartier", STRING),
        qss: builder.add_text_field("qss", STRING),
        bassin: builder.add_text_field("bassin", STRING),
        synthetic: builder.add_u64_field("synthetic", flag.clone()),
        first_line: builder.add_u64_field("first_line", flag.clone()),
        reserved: builder.add_u64_field(
            crate::reserved::FIELD,
            NumericOptions::default().set_indexed(),
        ),
        ages: builder.add_u64_field(crate::audience::AGES_FIELD, FAST),
        taught: builder.add_u64_field(crate::fit::TAUGHT_FIELD, FAST),
        name_order: builder.add_u64_field("name_order", FAST),
        has_geo: builder.add_u64_field("has_geo", flag),
        lat: builder.add_f64_field("lat", FAST),
        lon: builder.add_f64_field("lon", FAST),
        hours: builder.add_u64_field("hours", FAST),
        facets: builder.add_facet_field("facets", tantivy::schema::FacetOptions::default()),
    };
    (builder.build(), fields)
}

impl Fields {
    /// Resolves the handles of an existing schema (built by [`build`]).
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Self> {
        let get = |name: &str| schema.get_field(name);
        Ok(Self {
            org_id: get("org_id")?,
            location_index: get("location_index")?,
            record: get("record")?,
            name_fr: get("name_fr")?,
            name_nl: get("name_nl")?,
            name_any: get("name_any")?,
            text_fr: get("text_fr")?,
            text_nl: get("text_nl")?,
            place: get("place")?,
            area: get("area")?,
            parts_nl: get("parts_nl")?,
            words: get("words")?,
            need: get("need")?,
            need_primary: get("need_primary")?,
            serves: get(crate::serves::FIELD)?,
            language: get("language")?,
            audience: get("audience")?,
            commune: get("commune")?,
            quartier: get("quartier")?,
            qss: get("qss")?,
            bassin: get("bassin")?,
            synthetic: get("synthetic")?,
            first_line: get("first_line")?,
            reserved: get(crate::reserved::FIELD)?,
            ages: get(crate::audience::AGES_FIELD)?,
            taught: get(crate::fit::TAUGHT_FIELD)?,
            name_order: get("name_order")?,
            has_geo: get("has_geo")?,
            lat: get("lat")?,
            lon: get("lon")?,
            hours: get("hours")?,
            facets: get("facets")?,
        })
    }
}
