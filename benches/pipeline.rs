//! Micro-benchmarks of the hot path on the demo corpus (corpus/, in the repository, so anyone
//! can run them): the tokenizer, the stemming path (tokenize, normalise and stem the whole
//! corpus), counting, and pair counting. `cargo bench`; throughput is in bytes of text.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use speechstat::internals::{
    count, count_adjacent, count_cooccurrences, for_each_token, for_each_token_reference,
    read_corpus, tokenize_corpus, Normalizer, Stopwords,
};
use speechstat::{Context, Corpus, Language, ReadOptions, Silent, StopwordSource};

fn demo_corpus() -> Corpus {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    read_corpus(&[corpus], &ReadOptions::default()).expect("corpus/ is readable")
}

fn normalizer(stem: bool) -> Normalizer {
    let language = Language::default();
    let stopwords = Stopwords::load(&StopwordSource::Builtin, language).expect("built-in list");
    Normalizer::new(language, stem, stopwords)
}

fn benches(c: &mut Criterion) {
    let corpus = demo_corpus();
    let bytes = corpus.text_bytes() as u64;

    let mut group = c.benchmark_group("tokenizer");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("fast path", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for doc in &corpus.documents {
                for_each_token(&doc.text, |_, _| n += 1);
            }
            n
        })
    });
    group.bench_function("unicode-segmentation only", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for doc in &corpus.documents {
                for_each_token_reference(&doc.text, |_, _| n += 1);
            }
            n
        })
    });
    group.finish();

    let mut group = c.benchmark_group("tokenize, normalise, stem");
    group.throughput(Throughput::Bytes(bytes));
    for stem in [true, false] {
        let normalizer = normalizer(stem);
        let name = if stem { "stemmed" } else { "unstemmed" };
        group.bench_function(name, |b| {
            b.iter(|| tokenize_corpus(&corpus.documents, &normalizer, &Silent))
        });
    }
    group.finish();

    let tokens = tokenize_corpus(&corpus.documents, &normalizer(true), &Silent);
    let mut group = c.benchmark_group("counting");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("term counts", |b| b.iter(|| count(&tokens)));
    group.bench_function("adjacent pairs", |b| b.iter(|| count_adjacent(&tokens, 3)));
    group.bench_function("window pairs (w = 5)", |b| {
        b.iter(|| count_cooccurrences(&tokens, Context::Window(5), 3))
    });
    group.bench_function("document pairs", |b| {
        b.iter(|| count_cooccurrences(&tokens, Context::Document, 3))
    });
    group.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
