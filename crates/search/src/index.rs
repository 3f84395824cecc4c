//! An opened index version: the tantivy index, its reader and the thesaurus.

use crate::analysis;
use crate::facet_table::FacetTable;
use crate::geo_filter::Coordinates;
use crate::schema::Fields;
use crate::SearchError;
use orienta_model::Organisation;
use orienta_thesaurus::Thesaurus;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

/// Records kept decoded in memory (hot results are served without reading the doc store;
/// quick_cache evicts with S3-FIFO, so records read once do not push out frequent ones).
const RECORD_CACHE_ENTRIES: usize = 20_000;

/// A decoded hit: the organisation and which of its locations the document is.
pub type CachedRecord = (Arc<Organisation>, usize);

/// One opened, read-only index version.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    thesaurus: Arc<Thesaurus>,
    directory: PathBuf,
    records: quick_cache::sync::Cache<DocAddress, CachedRecord>,
    facet_table: FacetTable,
    coordinates: Arc<Coordinates>,
}

impl SearchIndex {
    /// Opens the index version stored in `directory`; refuses one built with another
    /// schema or other stems ([`crate::versions::Manifest::incompatibility`]).
    pub fn open(directory: &Path, thesaurus: Arc<Thesaurus>) -> Result<Self, SearchError> {
        let incompatible =
            crate::versions::read_manifest(directory).and_then(|m| m.incompatibility());
        if let Some(reason) = incompatible {
            return Err(SearchError::Incompatible(reason));
        }
        let index = Index::open_in_dir(directory)?;
        analysis::register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        let facet_table = FacetTable::build(searcher.segment_readers(), "facets")?;
        let coordinates = Arc::new(Coordinates::build(searcher.segment_readers())?);
        Ok(Self {
            index,
            reader,
            fields,
            thesaurus,
            directory: directory.to_path_buf(),
            records: quick_cache::sync::Cache::new(RECORD_CACHE_ENTRIES),
            facet_table,
            coordinates,
        })
    }

    /// The tantivy index.
    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    /// The schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The thesaurus used for query understanding.
    pub fn thesaurus(&self) -> &Thesaurus {
        &self.thesaurus
    }

    /// The facet values of every document, for counting.
    pub fn facet_table(&self) -> &FacetTable {
        &self.facet_table
    }

    /// The point of every document, for radius filters and distances.
    pub fn coordinates(&self) -> Arc<Coordinates> {
        Arc::clone(&self.coordinates)
    }

    /// The directory of this version.
    pub fn directory(&self) -> &Path {
        &self.directory
    }

    /// The name of this version (its directory's name).
    pub fn version(&self) -> String {
        self.directory
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// A point-in-time searcher.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Number of documents (organisation × location).
    pub fn num_docs(&self) -> u64 {
        self.searcher().num_docs()
    }

    /// Reads the organisation stored in a document.
    pub fn organisation_of(&self, doc: &TantivyDocument) -> Result<Organisation, SearchError> {
        let json = doc
            .get_first(self.fields.record)
            .and_then(|value| value.as_str())
            .ok_or_else(|| SearchError::Corrupt("document without record".to_owned()))?;
        serde_json::from_str(json).map_err(|error| SearchError::Corrupt(error.to_string()))
    }

    /// The organisation and location index of a document, decoded once and then cached
    /// (the version is immutable, so a document address always holds the same record).
    pub fn record_at(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<CachedRecord, SearchError> {
        self.records
            .get_or_insert_with(&address, || self.decode(searcher, address))
    }

    /// Reads and decodes the record of a document.
    fn decode(
        &self,
        searcher: &Searcher,
        address: DocAddress,
    ) -> Result<CachedRecord, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let organisation = Arc::new(self.organisation_of(&doc)?);
        let location_index = doc
            .get_first(self.fields.location_index)
            .and_then(|value| value.as_u64())
            .unwrap_or(0) as usize;
        Ok((organisation, location_index))
    }

    /// The organisation with this id, when indexed.
    pub fn organisation(&self, id: &str) -> Result<Option<Organisation>, SearchError> {
        let searcher = self.searcher();
        let term = Term::from_field_text(self.fields.org_id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        self.organisation_of(&doc).map(Some)
    }

    /// Every organisation, once each, in index order.
    pub fn organisations(&self) -> Result<Vec<Organisation>, SearchError> {
        let searcher = self.searcher();
        let mut organisations = Vec::new();
        for segment in searcher.segment_readers() {
            let store = segment.get_store_reader(64)?;
            for doc_id in segment.doc_ids_alive() {
                let doc: TantivyDocument = store.get(doc_id)?;
                let location_index = doc
                    .get_first(self.fields.location_index)
                    .and_then(|value| value.as_u64())
                    .unwrap_or(0);
                if location_index == 0 {
                    organisations.push(self.organisation_of(&doc)?);
                }
            }
        }
        Ok(organisations)
    }
}
