//! Running a search: ranking, paging, facets and highlights.

use crate::browse;
use crate::fit::SegmentFit;
use crate::geo_filter::{haversine_m, LocalDistance};
use crate::index::SearchIndex;
use crate::query::{self, BuiltQuery, Pass};
use crate::request::{Hit, SearchRequest, SearchResults, Sort};
use crate::serves::SegmentLevels;
use crate::SearchError;
use orienta_model::{Lang, Organisation};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use tantivy::collector::{Count, TopDocs};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader};

/// Distance decay for relevance ranking near a point: 1 at the point, 0.5 at 1.5 km.
fn proximity_factor(distance_m: f64) -> f64 {
    0.4 + 0.6 / (1.0 + distance_m / 1500.0)
}

/// The page of matches of one pass, before the records are read.
struct Matches {
    /// Final score and address of each match on the page.
    top: Vec<(f64, DocAddress)>,
    /// How many documents matched.
    total: usize,
    /// Facet counts, when asked for.
    facet_counts: Option<Vec<u32>>,
}

/// How a match's final score is made from its text score.
#[derive(Clone, Copy)]
struct Ranking {
    /// Relevance or distance first.
    sort: Sort,
}

impl Ranking {
    /// The final score: first-line services first (`first_line` is only set under stepped
    /// care), then the services of the most local level of responsibility (`level_rank`,
    /// 0 unless searching by responsibility), then by distance or by text score weighted
    /// by nearness.
    fn score(self, score: Score, distance: Option<f64>, first_line: bool, level_rank: f64) -> f64 {
        let step = if first_line { 1.0e9 } else { 0.0 } + level_rank;
        match (self.sort, distance) {
            (Sort::Distance, Some(distance)) => step - distance,
            (Sort::Distance, None) => step - 1.0e8,
            (Sort::Relevance, Some(distance)) => {
                step + f64::from(score) * proximity_factor(distance)
            }
            (Sort::Relevance, None) => step + f64::from(score),
        }
    }
}

/// The highlighted name and description of a record in `lang`, where a term matched.
fn highlights(
    organisation: &Organisation,
    generators: &[(&'static str, SnippetGenerator)],
    lang: Lang,
) -> BTreeMap<String, String> {
    let mut highlights = BTreeMap::new();
    for (name, generator) in generators {
        let text = match *name {
            "name" => organisation.name.get(lang).map(str::to_owned),
            _ => organisation.description.get(lang).map(str::to_owned),
        };
        let Some(text) = text else { continue };
        let mut snippet = generator.snippet(&text);
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        if !snippet.highlighted().is_empty() {
            highlights.insert((*name).to_owned(), snippet.to_html());
        }
    }
    highlights
}

impl SearchIndex {
    /// Runs a search. The records matching every unit of the text (strict) come first;
    /// when they do not fill the page, those matching every recognised need follow, then
    /// those matching any unit, so a query never finds fewer records than a plain OR of its
    /// words and concepts.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let fit = query::fit(request);
        let build = |pass| query::build_with_fit(self, request, pass, fit);
        let strict = build(Pass::Strict);
        let mut results = self.run(request, &strict)?;
        results.understanding.all_words_total = results.total;
        let has_text = !strict.understanding.concepts.is_empty() || request.text.is_some();
        let page_end = request.offset + request.limit;
        if results.total >= page_end || !has_text {
            return Ok(results);
        }
        let mut looser = Vec::with_capacity(2);
        if !strict.understanding.concepts.is_empty() {
            looser.push(build(Pass::Needs));
        }
        if strict.understanding.concepts.len() > 2 {
            looser.push(build(Pass::MostNeeds));
        }
        if strict.understanding.concepts.len() > 1 {
            looser.push(build(Pass::SomeNeed));
        }
        looser.push(build(Pass::Any));
        results.understanding.did_you_mean = request
            .text
            .as_deref()
            .and_then(|text| self.did_you_mean(text));
        let from_start = SearchRequest {
            offset: 0,
            limit: page_end,
            ..request.clone()
        };
        // On the first page the strict pass already holds every strict match.
        let strict_matches = if request.offset == 0 {
            results
        } else {
            let understanding = results.understanding;
            SearchResults {
                understanding,
                ..self.run(&from_start, &strict)?
            }
        };
        self.fill_from_looser(request, strict_matches, &looser)
    }

    /// Every strict match (fewer than a page's end), followed by the new matches of each
    /// looser pass in turn until the page's end.
    fn fill_from_looser(
        &self,
        request: &SearchRequest,
        mut results: SearchResults,
        looser: &[BuiltQuery],
    ) -> Result<SearchResults, SearchError> {
        let page_end = request.offset + request.limit;
        for pass in looser {
            let found = self.run(
                &SearchRequest {
                    offset: 0,
                    limit: page_end + results.hits.len(),
                    ..request.clone()
                },
                pass,
            )?;
            let known = |hit: &Hit| {
                results.hits.iter().any(|seen| {
                    seen.organisation.id == hit.organisation.id
                        && seen.location_index == hit.location_index
                })
            };
            let new_hits: Vec<Hit> = found.hits.into_iter().filter(|hit| !known(hit)).collect();
            if !new_hits.is_empty() {
                results.understanding.relaxed = true;
            }
            results.hits.extend(new_hits);
            results.total = found.total.max(results.total);
            results.facets = found.facets;
            if results.hits.len() >= page_end {
                break;
            }
        }
        if results.hits.is_empty() {
            // Nothing matched any word: unknown compounds are read by their last part.
            let by_parts = query::build(self, request, Pass::AnyPart);
            let found = self.run(request, &by_parts)?;
            results.understanding.relaxed |= !found.hits.is_empty();
            results.total = found.total;
            results.facets = found.facets;
            results.hits = found.hits;
            return Ok(results);
        }
        results.hits = results
            .hits
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .collect();
        Ok(results)
    }

    /// One pass of a search: the page of ranked hits, the total and the facets.
    fn run(
        &self,
        request: &SearchRequest,
        built: &BuiltQuery,
    ) -> Result<SearchResults, SearchError> {
        let searcher = self.searcher();
        let Matches {
            top,
            total,
            facet_counts,
        } = self.matches(&searcher, request, built)?;
        let highlight_lang = built.understanding.lang.unwrap_or(Lang::Fr);
        let generators = if request.highlight {
            self.snippet_generators(built, highlight_lang)
        } else {
            Vec::new()
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let (organisation, location_index) = self.record_at(&searcher, address)?;
            let distance_m = request.near.and_then(|point| {
                let geo = organisation.locations.get(location_index)?.geo?;
                Some(haversine_m(point.lat, point.lon, geo.lat, geo.lon).round())
            });
            let highlights = highlights(&organisation, &generators, highlight_lang);
            hits.push(Hit {
                organisation,
                location_index,
                score,
                distance_m,
                highlights,
            });
        }
        let facets = facet_counts
            .map(|counts| self.facet_table().facets(&counts))
            .unwrap_or_default();
        Ok(SearchResults {
            total,
            hits,
            facets,
            understanding: built.understanding.clone(),
        })
    }

    /// The requested page of matches with their scores, the total and the facet counts.
    fn matches(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        built: &BuiltQuery,
    ) -> Result<Matches, SearchError> {
        let limit = request.limit.max(1);
        let near = request.near;
        let stepped_care = request.stepped_care;
        let coordinates = self.coordinates();
        let facet_collector = request.facets.then(|| self.facet_table().collector());
        if request.text.is_none() && near.is_none() {
            return self.browse(searcher, request, built, facet_collector);
        }
        let ranking = Ranking { sort: request.sort };
        let residence = request.serves.clone();
        let fit = built.fit;
        let top_docs = TopDocs::with_limit(limit)
            .and_offset(request.offset)
            .tweak_score(move |segment: &SegmentReader| {
                let points = coordinates.segment(segment);
                let from = near.map(|near| LocalDistance::new(near.lat, near.lon));
                let first_line_column = segment.fast_fields().u64("first_line").ok();
                let levels = residence
                    .as_ref()
                    .map(|residence| SegmentLevels::new(segment, residence));
                let name_order = segment.fast_fields().u64("name_order").ok();
                let fit = SegmentFit::new(segment, fit);
                // Equal scores (the same need, the same words) are ordered by name, not by
                // where the build happened to put each document: the same index contents
                // always give the same page.
                move |doc: DocId, score: Score| -> (f64, Reverse<u64>) {
                    let score = score * fit.factor(doc);
                    let distance = from.and_then(|from| {
                        let (doc_lat, doc_lon) = points.point(doc)?;
                        Some(from.metres(doc_lat, doc_lon))
                    });
                    let first_line = stepped_care
                        && first_line_column
                            .as_ref()
                            .and_then(|column| column.first(doc))
                            .unwrap_or(0)
                            == 1;
                    let level_rank = levels
                        .as_ref()
                        .map_or(0.0, |levels| SegmentLevels::rank(levels.level(doc)));
                    let name = name_order
                        .as_ref()
                        .and_then(|column| column.first(doc))
                        .unwrap_or(u64::MAX);
                    (
                        ranking.score(score, distance, first_line, level_rank),
                        Reverse(name),
                    )
                }
            });
        let (top, total, facet_counts) =
            searcher.search(&built.query, &(top_docs, Count, facet_collector))?;
        let top = top
            .into_iter()
            .map(|((score, _), address)| (score, address))
            .collect();
        Ok(Matches {
            top,
            total,
            facet_counts,
        })
    }

    /// Browsing without words or point: the services whose primary need is the one asked
    /// first, then first-line services, then by name (see [`browse`]).
    fn browse(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        built: &BuiltQuery,
        facet_collector: Option<crate::facet_table::FacetCountCollector<'_>>,
    ) -> Result<Matches, SearchError> {
        let query = browse::query(self.fields(), built.query.box_clone(), &request.needs);
        let top_docs = TopDocs::with_limit(request.limit.max(1))
            .and_offset(request.offset)
            .tweak_score(browse::order);
        let (top, total, facet_counts) =
            searcher.search(&query, &(top_docs, Count, facet_collector))?;
        Ok(Matches {
            top,
            total,
            facet_counts,
        })
    }

    /// Snippet generators for the name and description in `lang`, for the fields with terms
    /// to highlight.
    fn snippet_generators(
        &self,
        built: &BuiltQuery,
        lang: Lang,
    ) -> Vec<(&'static str, SnippetGenerator)> {
        let fields = self.fields();
        let (name_field, text_field) = match lang {
            Lang::Nl => (fields.name_nl, fields.text_nl),
            _ => (fields.name_fr, fields.text_fr),
        };
        let mut generators = Vec::new();
        for (label, field, max_chars) in
            [("name", name_field, 200), ("description", text_field, 180)]
        {
            let Some(terms) = built.highlight_terms.get(&field) else {
                continue;
            };
            let Ok(analyzer) = self.tantivy().tokenizer_for_field(field) else {
                continue;
            };
            let generator = SnippetGenerator::new(terms.clone(), analyzer, field, max_chars);
            generators.push((label, generator));
        }
        generators
    }
}
