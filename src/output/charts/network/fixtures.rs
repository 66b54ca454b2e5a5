//! Networks and a stand-in font shared by the tests of the network chart's modules.

use super::{Edge, Network, Node};

/// A stand-in for the font: every character 0.55 em wide.
pub(super) fn width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * 0.55 * size
}

pub(super) fn shorten(text: &str, size: f64, max: f64) -> String {
    let mut out: String = text.to_owned();
    while width(&out, size) > max && !out.is_empty() {
        out.pop();
    }
    out
}

pub(super) fn network(nodes: &[(&str, f64)], edges: &[(usize, usize, f64)]) -> Network {
    Network {
        title: "Words that keep company".into(),
        subtitle: "test".into(),
        nodes: nodes
            .iter()
            .map(|&(label, frequency)| Node {
                label: label.into(),
                frequency,
            })
            .collect(),
        edges: edges
            .iter()
            .map(|&(a, b, score)| Edge { a, b, score })
            .collect(),
        score_label: "log-likelihood".into(),
    }
}

/// About 60 terms and 110 links of a UN General Assembly debate, with two small
/// components and an isolated term.
pub(super) fn un_debate() -> Network {
    let nodes = [
        ("united", 2800.0),
        ("nations", 2900.0),
        ("security", 2950.0),
        ("council", 2400.0),
        ("international", 2100.0),
        ("human", 1800.0),
        ("rights", 1700.0),
        ("development", 1900.0),
        ("sustainable", 1200.0),
        ("peace", 1600.0),
        ("climate", 900.0),
        ("change", 1100.0),
        ("general", 1300.0),
        ("assembly", 1250.0),
        ("secretary-general", 700.0),
        ("member", 950.0),
        ("states", 1500.0),
        ("countries", 1400.0),
        ("world", 1350.0),
        ("people", 1200.0),
        ("law", 600.0),
        ("nuclear", 520.0),
        ("weapons", 480.0),
        ("terrorism", 430.0),
        ("counter-terrorism", 120.0),
        ("trafficking", 180.0),
        ("persons", 350.0),
        ("women", 640.0),
        ("children", 560.0),
        ("resolution", 720.0),
        ("peace-building", 150.0),
        ("peacekeeping", 260.0),
        ("operations", 410.0),
        ("humanitarian", 480.0),
        ("assistance", 390.0),
        ("cooperation", 870.0),
        ("global", 980.0),
        ("economic", 760.0),
        ("social", 520.0),
        ("agenda", 610.0),
        ("goals", 540.0),
        ("poverty", 330.0),
        ("eradication", 95.0),
        ("disarmament", 210.0),
        ("non-proliferation", 140.0),
        ("treaty", 290.0),
        ("refugees", 230.0),
        ("migration", 190.0),
        ("drug", 160.0),
        ("crime", 270.0),
        ("organized", 140.0),
        ("gender", 220.0),
        ("equality", 240.0),
        ("violence", 310.0),
        ("small", 170.0),
        ("island", 130.0),
        ("developing", 480.0),
        ("reform", 330.0),
        ("permanent", 200.0),
        ("community", 700.0),
        ("ozone", 40.0),
        ("layer", 55.0),
        ("landmines", 25.0),
        ("anti-personnel", 12.0),
        ("multilingualism", 10.0),
    ];
    let index = |label: &str| nodes.iter().position(|n| n.0 == label).unwrap();
    let pairs = [
        ("united", "nations", 4980.0),
        ("security", "council", 4700.0),
        ("human", "rights", 4200.0),
        ("general", "assembly", 3900.0),
        ("sustainable", "development", 3500.0),
        ("climate", "change", 3300.0),
        ("member", "states", 3100.0),
        ("nuclear", "weapons", 2400.0),
        ("international", "community", 2300.0),
        ("peace", "security", 1900.0),
        ("international", "law", 1500.0),
        ("peacekeeping", "operations", 1600.0),
        ("trafficking", "persons", 1200.0),
        ("women", "children", 980.0),
        ("humanitarian", "assistance", 900.0),
        ("international", "cooperation", 850.0),
        ("development", "goals", 800.0),
        ("sustainable", "goals", 640.0),
        ("agenda", "sustainable", 600.0),
        ("agenda", "development", 420.0),
        ("poverty", "eradication", 700.0),
        ("nuclear", "disarmament", 650.0),
        ("non-proliferation", "treaty", 620.0),
        ("nuclear", "non-proliferation", 560.0),
        ("drug", "trafficking", 540.0),
        ("organized", "crime", 760.0),
        ("trafficking", "crime", 310.0),
        ("gender", "equality", 830.0),
        ("women", "equality", 260.0),
        ("violence", "women", 450.0),
        ("violence", "children", 180.0),
        ("small", "island", 900.0),
        ("island", "developing", 610.0),
        ("developing", "countries", 1100.0),
        ("council", "reform", 520.0),
        ("permanent", "council", 430.0),
        ("council", "resolution", 700.0),
        ("security", "resolution", 240.0),
        ("refugees", "migration", 380.0),
        ("refugees", "humanitarian", 210.0),
        ("terrorism", "counter-terrorism", 300.0),
        ("terrorism", "international", 280.0),
        ("terrorism", "security", 220.0),
        ("climate", "global", 260.0),
        ("economic", "social", 720.0),
        ("social", "development", 390.0),
        ("economic", "development", 510.0),
        ("peace-building", "peace", 420.0),
        ("peace-building", "council", 90.0),
        ("rights", "women", 150.0),
        ("rights", "children", 130.0),
        ("general", "secretary-general", 160.0),
        ("secretary-general", "united", 140.0),
        ("assembly", "resolution", 330.0),
        ("united", "states", 260.0),
        ("nations", "peacekeeping", 310.0),
        ("nations", "world", 80.0),
        ("world", "people", 150.0),
        ("people", "rights", 70.0),
        ("international", "peace", 640.0),
        ("global", "world", 60.0),
        ("global", "cooperation", 120.0),
        ("countries", "world", 45.0),
        ("countries", "poverty", 40.0),
        ("humanitarian", "law", 410.0),
        ("human", "trafficking", 95.0),
        ("persons", "women", 30.0),
        ("change", "global", 70.0),
        ("disarmament", "weapons", 110.0),
        ("member", "countries", 20.0),
        ("states", "international", 55.0),
        ("united", "peace", 35.0),
        ("nations", "council", 50.0),
        ("security", "international", 330.0),
        ("council", "members", 10.0),
        ("migration", "people", 25.0),
        ("children", "people", 18.0),
        ("economic", "global", 65.0),
        ("operations", "peace", 85.0),
        ("cooperation", "development", 140.0),
        ("eradication", "development", 33.0),
        ("agenda", "goals", 120.0),
        ("climate", "island", 48.0),
        ("treaty", "weapons", 75.0),
        ("assistance", "development", 50.0),
        ("states", "sovereign", 10.0),
        ("ozone", "layer", 300.0),
        ("landmines", "anti-personnel", 120.0),
        ("rights", "law", 100.0),
        ("general", "debate", 10.0),
        ("people", "refugees", 22.0),
        ("humanitarian", "people", 28.0),
        ("reform", "assembly", 40.0),
        ("resolution", "general", 26.0),
        ("social", "people", 15.0),
        ("women", "peace", 60.0),
        ("crime", "international", 34.0),
        ("security", "global", 29.0),
        ("council", "permanent", 10.0),
        ("rights", "international", 140.0),
        ("change", "development", 19.0),
        ("weapons", "security", 24.0),
    ];
    let edges: Vec<(usize, usize, f64)> = pairs
        .iter()
        .filter(|p| nodes.iter().any(|n| n.0 == p.0) && nodes.iter().any(|n| n.0 == p.1))
        .map(|&(a, b, s)| (index(a), index(b), s))
        .collect();
    network(&nodes, &edges)
}

/// 80 terms and 150 links from a fixed pseudo-random sequence: the largest network the
/// chart is meant for.
pub(super) fn large() -> Network {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % bound
    };
    let labels: Vec<String> = (0..80)
        .map(|i| match i % 5 {
            0 => format!("sustainability-{i}"),
            1 => format!("peace-{i}"),
            _ => format!("word{i}"),
        })
        .collect();
    let nodes: Vec<(&str, f64)> = labels
        .iter()
        .map(|l| (l.as_str(), 10.0 + next(3000) as f64))
        .collect();
    let edges: Vec<(usize, usize, f64)> = (0..150)
        .map(|i| {
            let a = (i % 80) as usize;
            let b = next(80) as usize;
            (a, b, 10.0 + next(5000) as f64)
        })
        .collect();
    network(&nodes, &edges)
}

/// The network users saw labels of neighbouring components run together in: a few small
/// components and many pairs from State of the Union addresses ("united states", "qaida al",
/// "district" beside "last annual").
pub(super) fn pairs() -> Network {
    let groups: [&[(&str, f64)]; 31] = [
        &[
            ("tax", 300.0),
            ("credit", 60.0),
            ("pay", 150.0),
            ("code", 40.0),
            ("cut", 170.0),
        ],
        &[
            ("ask", 160.0),
            ("congress", 420.0),
            ("members", 230.0),
            ("audience", 50.0),
        ],
        &[
            ("nuclear", 80.0),
            ("weapons", 120.0),
            ("mass", 30.0),
            ("destruction", 40.0),
        ],
        &[("insurance", 60.0), ("health", 300.0), ("care", 280.0)],
        &[
            ("years", 692.0),
            ("ago", 150.0),
            ("last", 380.0),
            ("annual", 60.0),
        ],
        &[("united", 500.0), ("states", 600.0)],
        &[("qaida", 40.0), ("al", 45.0)],
        &[("bless", 60.0), ("god", 120.0)],
        &[("democrats", 110.0), ("republicans", 130.0)],
        &[("district", 30.0), ("columbia", 25.0)],
        &[("men", 90.0), ("women", 140.0)],
        &[("jobs", 500.0), ("create", 200.0)],
        &[("sure", 120.0), ("make", 480.0)],
        &[("social", 100.0), ("security", 300.0)],
        &[("clean", 40.0), ("energy", 200.0)],
        &[("hussein", 30.0), ("saddam", 30.0)],
        &[("high", 80.0), ("schools", 150.0)],
        &[("small", 60.0), ("businesses", 190.0)],
        &[("prescription", 30.0), ("drug", 140.0)],
        &[("white", 50.0), ("house", 110.0)],
        &[("11th", 25.0), ("september", 30.0)],
        &[("dollars", 90.0), ("billion", 80.0)],
        &[("enforcement", 40.0), ("law", 200.0)],
        &[("growing", 80.0), ("economy", 330.0)],
        &[("supreme", 25.0), ("court", 40.0)],
        &[("behind", 60.0), ("left", 45.0)],
        &[("forward", 70.0), ("move", 120.0)],
        &[("much", 140.0), ("thank", 300.0)],
        &[("citizens", 180.0), ("fellow", 110.0)],
        &[("hard", 120.0), ("work", 540.0)],
        &[("took", 60.0), ("office", 150.0)],
    ];
    let mut nodes: Vec<(&str, f64)> = Vec::new();
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let first = nodes.len();
        nodes.extend_from_slice(group);
        for i in first + 1..nodes.len() {
            let score = 10.0 + ((g * 7 + i * 3) % 50) as f64;
            edges.push((if g == 0 { first } else { i - 1 }, i, score));
        }
    }
    network(&nodes, &edges)
}
