//! `orienta search`: ranked results from the command line.

use anyhow::{bail, Context};
use orienta_model::{Bassin, Lang};
use orienta_search::{IndexHandle, Near, SearchRequest, Sort};
use orienta_thesaurus::Thesaurus;
use std::path::PathBuf;
use std::sync::Arc;

/// Arguments of `orienta search`.
#[derive(clap::Args)]
pub struct Args {
    /// What the person needs, in French or Dutch.
    text: Option<String>,
    /// Query and display language (fr|nl|en); guessed when absent.
    #[arg(long)]
    lang: Option<Lang>,
    /// Near a point: "lat,lon".
    #[arg(long, allow_hyphen_values = true)]
    near: Option<String>,
    /// Radius around --near, metres.
    #[arg(long)]
    radius: Option<f64>,
    /// Bassin slug (nord, nord-est, centre-ouest, sud, sud-est); repeatable.
    #[arg(long)]
    bassin: Vec<Bassin>,
    /// Need concept id; repeatable.
    #[arg(long)]
    need: Vec<String>,
    /// Spoken language (ISO 639-1); repeatable.
    #[arg(long)]
    language: Vec<String>,
    /// Commune NIS code; repeatable.
    #[arg(long)]
    commune: Vec<String>,
    /// Sort by distance instead of relevance.
    #[arg(long)]
    by_distance: bool,
    /// First-line generalist services first.
    #[arg(long)]
    stepped_care: bool,
    /// Number of results.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Index root directory.
    #[arg(long, default_value = "index", env = "ORIENTA_INDEX")]
    index: PathBuf,
}

fn parse_point(text: &str) -> anyhow::Result<(f64, f64)> {
    let Some((lat, lon)) = text.split_once(',') else {
        bail!("--near takes \"lat,lon\", e.g. 50.8467,4.3524");
    };
    let lat: f64 = lat.trim().parse().context("latitude is not a number")?;
    let lon: f64 = lon.trim().parse().context("longitude is not a number")?;
    Ok((lat, lon))
}

/// Runs the search and prints the hits.
pub fn run(args: Args) -> anyhow::Result<()> {
    let handle = IndexHandle::open(&args.index, Arc::new(Thesaurus::bundled()))?;
    let index = handle.get();
    let mut request = match &args.text {
        Some(text) => SearchRequest::text(text.clone()),
        None => SearchRequest::browse(),
    };
    request.lang = args.lang;
    request.limit = args.limit;
    request.bassins = args.bassin.clone();
    request.needs = args.need.clone();
    request.languages = args.language.clone();
    request.communes = args.commune.clone();
    request.stepped_care = args.stepped_care;
    if let Some(near) = &args.near {
        let (lat, lon) = parse_point(near)?;
        request.near = Some(Near {
            lat,
            lon,
            radius_m: args.radius,
        });
    }
    if args.by_distance {
        request.sort = Sort::Distance;
    }
    let results = index.search(&request)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(());
    }
    let lang = args.lang.or(results.understanding.lang).unwrap_or(Lang::Fr);
    println!(
        "{} results (concepts: {}; language: {}{})",
        results.total,
        results.understanding.concepts.join(", "),
        results
            .understanding
            .lang
            .map_or("?".to_owned(), |l| l.to_string()),
        if results.understanding.relaxed {
            "; relaxed"
        } else {
            ""
        }
    );
    for (rank, hit) in results.hits.iter().enumerate() {
        let organisation = &hit.organisation;
        let name = organisation.name.resolve(lang).map_or("?", |t| t.text);
        let location = organisation.locations.get(hit.location_index);
        let address = location.map(|l| l.address.line(lang)).unwrap_or_default();
        let territory = location.and_then(|l| l.territory.as_ref());
        let bassin = territory
            .and_then(|t| t.bassin.as_ref())
            .map_or("-", |b| b.slug.slug());
        let distance = hit
            .distance_m
            .map(|d| format!(" · {d:.0} m"))
            .unwrap_or_default();
        let sample = if organisation.synthetic {
            " [sample]"
        } else {
            ""
        };
        println!("{:>2}. {name}{sample}", rank + 1);
        println!(
            "    {address} · bassin {bassin}{distance} · needs {}",
            organisation.needs.join(", ")
        );
    }
    Ok(())
}
