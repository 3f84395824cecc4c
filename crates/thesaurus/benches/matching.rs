//! Matching speed on a record-sized text, on short queries and on single typos.

use criterion::{criterion_group, criterion_main, Criterion};
use orienta_thesaurus::Thesaurus;
use std::hint::black_box;

const RECORD: &str = "Le CPAS d'Ixelles organise un restaurant social et une épicerie sociale. \
    Distribution de colis alimentaires le mardi. Permanence de médiation de dettes, aide aux \
    sans-abri et accompagnement des personnes âgées à domicile. Het OCMW biedt ook \
    voedselpakketten, schuldbemiddeling en thuiszorg aan. Service ouvert du lundi au vendredi.";

fn matching(criterion: &mut Criterion) {
    let thesaurus = Thesaurus::bundled();
    criterion.bench_function("needs_for_text record", |bench| {
        bench.iter(|| thesaurus.needs_for_text(black_box(RECORD)))
    });
    criterion.bench_function("match_text query exact", |bench| {
        bench.iter(|| thesaurus.match_text(black_box("médiation de dettes schaerbeek"), 0))
    });
    criterion.bench_function("match_text query 2 edits", |bench| {
        bench.iter(|| thesaurus.match_text(black_box("médiaton de detes schaerbeek"), 2))
    });
    // Typo lookup: one word that is no key of the thesaurus, read with up to two edits
    // (the keys near it come from an fst searched with a Levenshtein automaton).
    let typos = [
        "médiaton",
        "schuldbemidelig",
        "alimentiare",
        "kinderopvnag",
        "psychiatrei",
        "toxicomanei",
        "xyzzyq",
    ];
    criterion.bench_function("match_text typo lookup", |bench| {
        bench.iter(|| {
            typos
                .iter()
                .map(|typo| thesaurus.match_text(black_box(typo), 2).len())
                .sum::<usize>()
        })
    });
    criterion.bench_function("suggest", |bench| {
        bench.iter(|| thesaurus.suggest(black_box("coli"), orienta_model::Lang::Fr, 8))
    });
}

criterion_group!(benches, matching);
criterion_main!(benches);
