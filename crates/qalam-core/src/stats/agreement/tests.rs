//! Agreement measures on hand-computed cases (the numbers in the comments are worked out by
//! hand from the definitions in README's "Agreement" section).

use super::*;
use crate::compare::Version;
use crate::model::notation::Case;

fn doc(name: &str, versions: &[(&str, &str)]) -> AnnotatedDocument {
    AnnotatedDocument {
        name: name.to_owned(),
        versions: versions
            .iter()
            .map(|(who, notation)| Version {
                annotator: (*who).to_owned(),
                path: Default::default(),
                annotation: Case::parse(notation).expect("notation").annotation(),
            })
            .collect(),
    }
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value");
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

fn two(a: &str, b: &str) -> AgreementReport {
    agreement(&[doc("d", &[("A", a), ("B", b)])], &names(&["A", "B"]))
}

fn label<'a>(counts: &'a SpanMatch, name: &str) -> &'a LabelCounts {
    counts
        .labels
        .iter()
        .find(|l| l.label == name)
        .expect("label listed")
}

#[test]
fn identical_files_agree_perfectly() {
    let n = "زار [بوتين|PERSON] ل[روسيا|COUNTRY] أمس";
    let report = two(n, n);
    let pair = &report.corpus.pairs[0];
    assert_eq!((pair.exact.f1(), pair.overlap.f1()), (1.0, 1.0));
    // Tokens زار بوتين ل روسيا أمس (split at the span's start inside لروسيا).
    assert_eq!(pair.tokens, 5);
    close(pair.kappa, 1.0);
    close(report.corpus.alpha, 1.0);
    close(report.corpus.fleiss, 1.0);
    assert!(
        report
            .corpus
            .confusion()
            .expect("pairs")
            .mix_ups()
            .is_empty()
    );
}

#[test]
fn partial_overlap_counts_for_overlap_match_only() {
    let report = two("[بوتين زار|PERSON] روسيا", "بوتين [زار روسيا|PERSON]");
    let pair = &report.corpus.pairs[0];
    assert_eq!(pair.exact.f1(), 0.0);
    assert_eq!(pair.overlap.f1(), 1.0);
    // B-P I-P O against O B-P I-P: p_o = 0, p_e = 3 · 1/9 = 1/3, κ = −1/3 / (2/3) = −0.5.
    close(pair.kappa, -0.5);
    // Overlapping, different ranges: paired by the diff, not a mix-up of labels.
    let confusion = &pair.confusion;
    assert_eq!(confusion.counts[0][0], 1);
}

#[test]
fn nested_spans_count_for_f1_and_the_outer_layer_for_kappa() {
    let report = two("[[كيم|PERSON] جونغ أون|PERSON]", "[كيم جونغ أون|PERSON]");
    let pair = &report.corpus.pairs[0];
    // 1 of 2 + 1 spans matched exactly: 2 / 3.
    close(Some(pair.exact.f1()), 2.0 / 3.0);
    assert_eq!(
        (pair.exact.a(), pair.exact.b(), pair.exact.matched()),
        (2, 1, 1)
    );
    // Both outer layers are B-P I-P I-P.
    close(pair.kappa, 1.0);
}

#[test]
fn a_label_nobody_used_has_no_f1_and_is_listed() {
    let report = two("[بوتين|PERSON] [روسيا|COUNTRY]", "[بوتين|PERSON] روسيا");
    let pair = &report.corpus.pairs[0];
    let org = label(&pair.exact, "ORGANIZATION");
    assert_eq!((org.a, org.b, org.f1()), (0, 0, None));
    close(label(&pair.exact, "PERSON").f1(), 1.0);
    close(label(&pair.exact, "COUNTRY").f1(), 0.0);
    close(Some(pair.exact.f1()), 2.0 / 3.0);
    assert_eq!(
        report.labels,
        names(&["PERSON", "COUNTRY", "ORGANIZATION", "EVENT"])
    );
    assert_eq!(report.tags.len(), 9);
}

#[test]
fn empty_documents_agree_but_have_no_kappa() {
    let report = two("", "");
    let pair = &report.corpus.pairs[0];
    assert_eq!((pair.exact.f1(), pair.tokens, pair.kappa), (1.0, 0, None));
    assert_eq!((report.corpus.alpha, report.corpus.fleiss), (None, None));
    // Text but no spans: one tag only (O), p_e = 1.
    let report = two("زار بوتين", "زار بوتين");
    assert_eq!(report.corpus.pairs[0].kappa, None);
    assert_eq!(report.corpus.pairs[0].tokens, 2);
    assert_eq!(report.corpus.alpha, None);
}

#[test]
fn labels_mixed_up_fill_the_confusion_matrix() {
    let report = two(
        "[بوتين|PERSON] [روسيا|COUNTRY] [أمس|EVENT]",
        "[بوتين|ORGANIZATION] روسيا [أمس|EVENT]",
    );
    let confusion = report.corpus.confusion().expect("pairs");
    let (person, country, org, event, none) = (0, 1, 2, 3, 4);
    assert_eq!(confusion.counts[person][org], 1);
    assert_eq!(confusion.counts[country][none], 1);
    assert_eq!(confusion.counts[event][event], 1);
    assert_eq!(confusion.mix_ups(), [(person, org, 1), (country, none, 1)]);
    assert_eq!(confusion.label(none), None);
}

/// Three annotators over `أ ب ج د`: tags B O O O, B O B O, O O B O.
fn three() -> AnnotatedDocument {
    doc(
        "three",
        &[
            ("A", "[أ|X] ب ج د"),
            ("B", "[أ|X] ب [ج|X] د"),
            ("C", "أ ب [ج|X] د"),
        ],
    )
}

#[test]
fn three_annotators_fleiss_and_krippendorff() {
    let report = agreement(&[three()], &names(&["A", "B", "C"]));
    let corpus = &report.corpus;
    // P_i = 1/3, 1, 1/3, 1 → P̄ = 2/3; p_O = 8/12, p_B = 4/12 → P_e = 5/9; κ = (1/9)/(4/9).
    close(corpus.fleiss, 0.25);
    // n = 12, Σ o_cc = 8, n_O = 8, n_B = 4: α = 1 − 11 · 4 / (144 − 64 − 16) = 0.3125.
    close(corpus.alpha, 0.3125);
    assert_eq!((corpus.fleiss_tokens, corpus.alpha_values), (4, 12));
    // Pairs A–B (κ 0.5, F1 2/3), A–C (F1 0), B–C (F1 2/3); all pairs: 2 · 2 / 8.
    assert_eq!(corpus.pairs.len(), 3);
    close(corpus.pairs[0].kappa, 0.5);
    close(Some(corpus.pairs[0].exact.f1()), 2.0 / 3.0);
    assert_eq!(corpus.pairs[1].exact.f1(), 0.0);
    close(corpus.exact_f1(), 0.5);
    close(corpus.kappa(), 0.25);
    // The document alone gives the same figures.
    assert_eq!(report.documents[0].summary.fleiss, corpus.fleiss);
    assert_eq!(report.documents[0].summary.alpha, corpus.alpha);
}

#[test]
fn a_missing_annotator_is_a_missing_value() {
    let second = doc("two", &[("A", "[أ|X] ب"), ("B", "[أ|X] ب")]);
    let report = agreement(&[three(), second], &names(&["A", "B", "C"]));
    let corpus = &report.corpus;
    // Fleiss only over the document all three annotated; alpha over both (4 · 3 + 2 · 2 values).
    assert_eq!((corpus.fleiss_documents, corpus.fleiss_tokens), (1, 4));
    close(corpus.fleiss, 0.25);
    assert_eq!(corpus.alpha_values, 16);
    // A–B over both documents: 6 tokens, tags BOOO+BO vs BOBO+BO: p_o = 5/6,
    // p_A(B) = 2/6, p_B(B) = 3/6 → p_e = 2/6 · 3/6 + 4/6 · 3/6 = 1/2, κ = (1/3)/(1/2).
    assert_eq!((corpus.pairs[0].documents, corpus.pairs[0].tokens), (2, 6));
    close(corpus.pairs[0].kappa, 2.0 / 3.0);
    assert_eq!(report.documents[1].codes[2], None);
    let b_x = report.tags.iter().position(|t| t == "B-X").expect("tag") as u32;
    assert_eq!(report.documents[1].codes[0], Some(vec![b_x, 0]));
}

#[test]
fn a_document_with_one_annotator_is_not_compared() {
    let single = doc("one", &[("A", "[أ|X] ب")]);
    let report = agreement(&[single], &names(&["A", "B"]));
    assert_eq!(report.compared().count(), 0);
    assert!(report.corpus.pairs.is_empty());
    assert_eq!(report.corpus.exact_f1(), None);
    assert_eq!(report.documents[0].tokens, 0);
}

#[test]
fn kappa_sees_a_disagreement_inside_a_word() {
    // ل[روسيا] against [لروسيا]: the shared tokens are ل + روسيا.
    let report = two("زار ل[روسيا|COUNTRY]", "زار [لروسيا|COUNTRY]");
    let doc = &report.documents[0];
    assert_eq!(doc.tokens, 3);
    let c = |tag: &str| report.tags.iter().position(|t| t == tag).expect("tag") as u32;
    assert_eq!(doc.codes[0], Some(vec![0, 0, c("B-COUNTRY")]));
    assert_eq!(doc.codes[1], Some(vec![0, c("B-COUNTRY"), c("I-COUNTRY")]));
}

#[test]
fn documents_with_the_most_disagreement_come_first() {
    let same = "زار [بوتين|PERSON] روسيا";
    let docs = [
        doc("agreed", &[("A", same), ("B", same)]),
        doc("alone", &[("A", same)]),
        doc(
            "label",
            &[
                ("A", "زار [بوتين|PERSON] [روسيا|COUNTRY]"),
                ("B", "زار [بوتين|PERSON] [روسيا|PERSON]"),
            ],
        ),
        doc("none", &[("A", same), ("B", "زار بوتين روسيا")]),
    ];
    let report = agreement(&docs, &names(&["A", "B"]));
    let order: Vec<&str> = report
        .by_disagreement()
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    // F1: none 0, label 1/2, agreed 1; "alone" has one annotator and is not compared.
    assert_eq!(order, ["none", "label", "agreed"]);
}
