//! `orienta tag`: the territory of a point, a Lambert-72 position or an address.

use anyhow::Context;
use orienta_territory::{LocationInput, Tagger};
use std::path::PathBuf;

/// Arguments of `orienta tag`.
#[derive(clap::Args)]
pub struct Args {
    /// WGS84 latitude.
    #[arg(long, allow_hyphen_values = true)]
    lat: Option<f64>,
    /// WGS84 longitude.
    #[arg(long, allow_hyphen_values = true)]
    lon: Option<f64>,
    /// Lambert 72 x (EPSG:31370).
    #[arg(long)]
    x: Option<f64>,
    /// Lambert 72 y (EPSG:31370).
    #[arg(long)]
    y: Option<f64>,
    /// Postcode, for an address without coordinates.
    #[arg(long)]
    postcode: Option<String>,
    /// Street name (FR or NL).
    #[arg(long)]
    street: Option<String>,
    /// Data directory (for an official QSS table in `geo/qss_sectors.csv`).
    #[arg(long, env = "ORIENTA_DATA")]
    data: Option<PathBuf>,
}

/// Prints the territory as JSON.
pub fn run(args: Args) -> anyhow::Result<()> {
    let data_dir = crate::data::data_dir(args.data.as_deref());
    let tagger = Tagger::load(&data_dir).context("cannot load the territory layers")?;
    let input = LocationInput {
        lat: args.lat,
        lon: args.lon,
        lambert_x: args.x,
        lambert_y: args.y,
        postcode: args.postcode.as_deref(),
        street_fr: args.street.as_deref(),
        street_nl: args.street.as_deref(),
        ..LocationInput::default()
    };
    let outcome = tagger.tag(&input);
    let answer = serde_json::json!({
        "point": outcome.geo,
        "territory": outcome.territory,
        "issues": outcome.issues,
    });
    println!("{}", serde_json::to_string_pretty(&answer)?);
    Ok(())
}
