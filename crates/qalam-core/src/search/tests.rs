//! Normalisation rules, their map back to offsets, and matching, on Arabic cases.

use proptest::prelude::*;

use super::*;

/// The original text of each match of `pattern` (plain, with `words`) in `text` under `options`.
fn found(text: &str, pattern: &str, words: WordMode, options: NormalizeOptions) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    Query::plain(pattern)
        .words(words)
        .options(options)
        .compile()
        .expect("query")
        .find_in(text)
        .iter()
        .map(|m| chars[m.range()].iter().collect())
        .collect()
}

fn default_found(text: &str, pattern: &str, words: WordMode) -> Vec<String> {
    found(text, pattern, words, NormalizeOptions::default())
}

#[test]
fn each_fold_is_its_own_switch() {
    let text = "مُحَمَّد محـمد أحمد إسلام آمال ٱلله مستشفى ي مدرسة ٢٠٢٤ ۱۲ BBC";
    let all = NormalizeOptions::default();
    assert_eq!(
        Normalized::new(text, &all).text(),
        "محمد محمد احمد اسلام امال الله مستشفي ي مدرسه 2024 12 bbc"
    );
    assert_eq!(
        Normalized::new(text, &NormalizeOptions::exact()).text(),
        text
    );
    let only = |set: fn(&mut NormalizeOptions)| {
        let mut options = NormalizeOptions::exact();
        set(&mut options);
        Normalized::new(text, &options).text().to_owned()
    };
    assert_eq!(
        only(|o| o.ignore_harakat = true),
        "محمد محـمد أحمد إسلام آمال ٱلله مستشفى ي مدرسة ٢٠٢٤ ۱۲ BBC"
    );
    assert_eq!(
        only(|o| o.ignore_tatweel = true),
        "مُحَمَّد محمد أحمد إسلام آمال ٱلله مستشفى ي مدرسة ٢٠٢٤ ۱۲ BBC"
    );
    assert_eq!(
        only(|o| o.fold_alef = true),
        "مُحَمَّد محـمد احمد اسلام امال الله مستشفى ي مدرسة ٢٠٢٤ ۱۲ BBC"
    );
    assert_eq!(
        only(|o| o.fold_ya = true),
        "مُحَمَّد محـمد أحمد إسلام آمال ٱلله مستشفي ي مدرسة ٢٠٢٤ ۱۲ BBC"
    );
    assert_eq!(
        only(|o| o.fold_ta_marbuta = true),
        "مُحَمَّد محـمد أحمد إسلام آمال ٱلله مستشفى ي مدرسه ٢٠٢٤ ۱۲ BBC"
    );
    assert_eq!(
        only(|o| o.fold_digits = true),
        "مُحَمَّد محـمد أحمد إسلام آمال ٱلله مستشفى ي مدرسة 2024 12 BBC"
    );
    assert_eq!(
        only(|o| o.ignore_case = true),
        "مُحَمَّد محـمد أحمد إسلام آمال ٱلله مستشفى ي مدرسة ٢٠٢٤ ۱۲ bbc"
    );
}

#[test]
fn options_round_trip_through_json_and_fill_missing_fields() {
    let options = NormalizeOptions {
        fold_digits: false,
        ..NormalizeOptions::default()
    };
    let json = serde_json::to_string(&options).unwrap();
    assert_eq!(
        serde_json::from_str::<NormalizeOptions>(&json).unwrap(),
        options
    );
    let partial: NormalizeOptions = serde_json::from_str(r#"{"fold_alef": false}"#).unwrap();
    assert!(!partial.fold_alef && partial.ignore_harakat);
}

#[test]
fn harakat_stay_with_their_letter_in_the_map() {
    // م ُ ح َ م َّ د: 8 code points; normalised محمد.
    let text = "مُحَمَّد";
    let n = Normalized::new(text, &NormalizeOptions::default());
    assert_eq!(n.text(), "محمد");
    // Each normalised letter boundary falls after the previous letter's harakat.
    let bounds: Vec<usize> = (0..=4).map(|k| n.original_offset(k * 2)).collect();
    assert_eq!(bounds, [0, 2, 4, 7, 8]);
    assert_eq!(default_found(text, "محمد", WordMode::Whole), ["مُحَمَّد"]);
    // A part of the word brings the harakat of its letters, never half a cluster.
    assert_eq!(default_found(text, "حم", WordMode::Inside), ["حَمَّ"]);
    assert_eq!(default_found(text, "م", WordMode::Inside), ["مُ", "مَّ"]);
}

#[test]
fn a_stray_haraka_after_a_space_belongs_to_the_next_word() {
    let text = "زار \u{064E}بوتين";
    let n = Normalized::new(text, &NormalizeOptions::default());
    assert_eq!(n.text(), "زار بوتين");
    assert_eq!(default_found(text, "زار", WordMode::Whole), ["زار"]);
    assert_eq!(
        default_found(text, "بوتين", WordMode::Whole),
        ["\u{064E}بوتين"]
    );
    // Harakat at the very start attach forward, at the very end backward.
    assert_eq!(
        default_found("\u{064E}ب\u{064E}", "ب", WordMode::Whole),
        ["\u{064E}ب\u{064E}"]
    );
}

#[test]
fn tatweel_hamza_and_ya_forms_find_the_same_name() {
    let text = "محـــمد وأحمد واحمد إلى الى مستشفى مستشفي مدرسة مدرسه";
    assert_eq!(default_found(text, "محمد", WordMode::Whole), ["محـــمد"]);
    assert_eq!(
        default_found(text, "أحمد", WordMode::Clitics),
        ["أحمد", "احمد"]
    );
    assert_eq!(default_found(text, "الى", WordMode::Whole), ["إلى", "الى"]);
    assert_eq!(default_found(text, "مستشفى", WordMode::Whole).len(), 2);
    assert_eq!(default_found(text, "مدرسة", WordMode::Whole).len(), 2);
    // Folding off: only the exact form.
    assert_eq!(
        found(text, "إلى", WordMode::Whole, NormalizeOptions::exact()),
        ["إلى"]
    );
}

#[test]
fn digits_fold_both_ways() {
    let text = "عام ٢٠٢٤ و2024 و۲۰۲۴";
    assert_eq!(
        default_found(text, "2024", WordMode::Clitics),
        ["٢٠٢٤", "2024", "۲۰۲۴"]
    );
    // A digit after a letter is a word edge (the tokenizer splits و2024), and the fold works
    // from either side.
    assert_eq!(
        default_found(text, "٢٠٢٤", WordMode::Whole),
        ["٢٠٢٤", "2024", "۲۰۲۴"]
    );
    assert_eq!(
        found(text, "٢٠٢٤", WordMode::Whole, NormalizeOptions::exact()),
        ["٢٠٢٤"]
    );
}

#[test]
fn clitics_tag_only_the_name() {
    let text = "روسيا لروسيا وروسيا بروسيا فروسيا كروسيا الروسيا والروسيا بالروسيا للروسيا وبروسيا مروسيا روسياها";
    let clitic = default_found(text, "روسيا", WordMode::Clitics);
    assert_eq!(clitic.len(), 11, "{clitic:?}");
    assert!(clitic.iter().all(|m| m == "روسيا"));
    // Whole words: only the bare one. Inside words: also مروسيا and روسياها.
    assert_eq!(default_found(text, "روسيا", WordMode::Whole), ["روسيا"]);
    assert_eq!(default_found(text, "روسيا", WordMode::Inside).len(), 13);
}

#[test]
fn clitic_matches_have_exact_offsets() {
    let text = "زار بوتين لروسيا وال\u{0640}عراق";
    let matcher = Query::plain("روسيا")
        .words(WordMode::Clitics)
        .compile()
        .unwrap();
    assert_eq!(matcher.find_in(text), [Match { start: 11, end: 16 }]);
    let matcher = Query::plain("عراق")
        .words(WordMode::Clitics)
        .compile()
        .unwrap();
    assert_eq!(matcher.find_in(text), [Match { start: 21, end: 25 }]);
}

#[test]
fn whole_words_follow_the_tokenizer_scripts() {
    let text = "ناتوNATO NATOS G7 BBC.";
    assert_eq!(default_found(text, "nato", WordMode::Whole), ["NATO"]);
    assert_eq!(default_found(text, "ناتو", WordMode::Whole), ["ناتو"]);
    assert_eq!(
        default_found(text, "G", WordMode::Whole),
        Vec::<String>::new()
    );
    assert_eq!(default_found(text, "bbc", WordMode::Whole), ["BBC"]);
}

#[test]
fn emoji_and_crlf_keep_offsets_exact() {
    let text = "👨‍👩‍👧 زار\r\nبوتين 🇸🇦 روسيا";
    let matcher = Query::plain("بوتين").compile().unwrap();
    // 👨‍👩‍👧 is 5 code points, then a space, زار, CR LF.
    assert_eq!(matcher.find_in(text), [Match { start: 11, end: 16 }]);
    let matcher = Query::plain("روسيا").compile().unwrap();
    assert_eq!(matcher.find_in(text), [Match { start: 20, end: 25 }]);
}

#[test]
fn rejected_candidates_do_not_hide_overlapping_ones() {
    // "ab" whole word: the first candidate (inside "aab") is rejected, the later one found.
    assert_eq!(default_found("aab ab", "ab", WordMode::Whole), ["ab"]);
    assert_eq!(default_found("اببا با", "با", WordMode::Whole), ["با"]);
}

#[test]
fn regex_patterns_get_arabic_folds_and_keep_their_classes() {
    let text = "مُحَمَّد وأحمد Ahmed 2024";
    let chars: Vec<char> = text.chars().collect();
    let texts = |pattern: &str, words: WordMode| -> Vec<String> {
        Query::regex(pattern)
            .words(words)
            .compile()
            .unwrap()
            .find_in(text)
            .iter()
            .map(|m| chars[m.range()].iter().collect())
            .collect()
    };
    assert_eq!(texts("م.مد", WordMode::Whole), ["مُحَمَّد"]);
    assert_eq!(texts("[أا]حمد", WordMode::Clitics), ["أحمد"]);
    assert_eq!(texts(r"\d+", WordMode::Whole), ["2024"]);
    assert_eq!(texts(r"AHMED|\D{9}x", WordMode::Whole), ["Ahmed"]);
}

#[test]
fn bad_queries_are_errors_not_panics() {
    assert_eq!(Query::plain("").compile().err(), Some(QueryError::Empty));
    assert_eq!(
        Query::plain("\u{064E}\u{0640}").compile().err(),
        Some(QueryError::Empty)
    );
    assert!(matches!(
        Query::regex("(").compile(),
        Err(QueryError::Regex(_))
    ));
    // A regex that matches the empty string finds nothing empty.
    assert!(
        Query::regex("x*")
            .words(WordMode::Inside)
            .compile()
            .unwrap()
            .find_in("ab")
            .is_empty()
    );
}

#[test]
fn a_text_normalised_with_other_options_gives_no_matches() {
    let normalized = Normalized::new("روسيا", &NormalizeOptions::exact());
    let matcher = Query::plain("روسيا").compile().unwrap();
    assert!(matcher.find(&normalized).is_empty());
}

#[test]
fn the_sample_article_maps_back_exactly() {
    let sample = include_str!("../../../../assets/kim-lavrov-wonsan.ar.txt");
    let n = Normalized::new(sample, &NormalizeOptions::default());
    let chars: Vec<char> = sample.chars().collect();
    let opts = NormalizeOptions::default();
    let mut boundaries = n.text().char_indices().map(|(b, _)| b).collect::<Vec<_>>();
    boundaries.push(n.text().len());
    for pair in boundaries.windows(2) {
        let range = n.original_range(pair[0]..pair[1]);
        let original: String = chars[range].iter().collect();
        assert_eq!(opts.apply(&original), &n.text()[pair[0]..pair[1]]);
    }
    assert_eq!(n.original_offset(n.text().len()), chars.len());
}

/// Pieces the property tests build texts from: Arabic letters and their variant forms,
/// harakat, tatweel, proclitics, joiners, emoji, digits of three kinds, Latin, CRLF.
fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "ر",
            "و",
            "س",
            "ي",
            "ا",
            "ل",
            "ب",
            "ف",
            "ك",
            "ال",
            "أ",
            "إ",
            "آ",
            "ٱ",
            "ى",
            "ة",
            "ه",
            "\u{064E}",
            "\u{0651}",
            "\u{0652}",
            "\u{0670}",
            "\u{0640}",
            "\u{200C}",
            "\u{200D}",
            "😍",
            "👨‍👩‍👧",
            "🇸🇦",
            "\u{FE0F}",
            "3",
            "٣",
            "۳",
            "a",
            "A",
            "Z",
            " ",
            "\r\n",
            "\n",
            "،",
            ".",
        ]),
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    /// Annotate-all candidates never include the source, never overlap an existing span unless
    /// asked, and the grouped edit of all of them always applies and undoes exactly.
    #[test]
    fn annotate_all_never_overlaps_unless_asked_and_undoes_exactly(
        text in pieces(),
        tagged in prop::collection::vec((0usize..40, 1usize..6), 0..4),
        include_overlapping in any::<bool>(),
    ) {
        use crate::model::{Annotation, Document};
        use super::annotate_all::{AnnotateAllOptions, annotate_all_edit, candidates};
        let len = text.chars().count();
        let spans: Vec<(usize, usize, &str)> = tagged
            .iter()
            .filter(|(start, width)| start + width <= len)
            .map(|&(start, width)| (start, start + width, "PERSON"))
            .collect();
        let mut ann = Annotation::with_spans_unchecked(Document::new("d", text.as_str()), &spans);
        let matcher = Query::plain("روسيا").words(WordMode::Inside).compile().unwrap();
        let matches = matcher.find_in(&text);
        let source = matches.first().map(Match::range);
        let options = AnnotateAllOptions { include_overlapping, ..AnnotateAllOptions::default() };
        let found = candidates(&ann, &matches, source.clone(), "COUNTRY", &options);
        for occurrence in &found {
            prop_assert!(source.as_ref().is_none_or(|s| occurrence.end <= s.start || s.end <= occurrence.start));
            let overlaps = ann.spans_in(occurrence.range()).next().is_some();
            prop_assert_eq!(overlaps, occurrence.overlaps);
            prop_assert!(include_overlapping || !overlaps);
        }
        let before = ann.clone();
        let now = chrono::Utc::now();
        let edit = annotate_all_edit(&ann, "COUNTRY", found.iter().map(|o| o.range()), now);
        let inverse = ann.apply_at(edit, now).unwrap();
        prop_assert_eq!(ann.spans().len(), before.spans().len() + found.len());
        ann.apply_at(inverse, now).unwrap();
        prop_assert_eq!(ann, before);
    }

    /// Every match of every word mode maps back to original text whose normalisation is the
    /// normalised match, and the ranges are in order, disjoint and inside the text.
    #[test]
    fn every_match_maps_back_to_the_same_text(
        text in pieces(),
        pattern in prop::sample::select(vec!["ر", "روسيا", "اا", "ا", "ي", "ه", "3", "a", " ", "ال"]),
        words in prop::sample::select(vec![WordMode::Inside, WordMode::Whole, WordMode::Clitics]),
        exact in any::<bool>(),
    ) {
        let options = if exact { NormalizeOptions::exact() } else { NormalizeOptions::default() };
        let chars: Vec<char> = text.chars().collect();
        let matcher = Query::plain(pattern).words(words).options(options).compile().unwrap();
        let expected = options.apply(pattern);
        let mut previous_end = 0;
        for m in matcher.find_in(&text) {
            prop_assert!(previous_end <= m.start && m.start < m.end && m.end <= chars.len());
            previous_end = m.end;
            let original: String = chars[m.range()].iter().collect();
            prop_assert_eq!(options.apply(&original), expected.as_str());
        }
    }

    /// Each normalised character boundary maps into the text, in order, and every normalised
    /// character's original range normalises back to it.
    #[test]
    fn the_map_is_monotone_and_exact(text in pieces(), exact in any::<bool>()) {
        let options = if exact { NormalizeOptions::exact() } else { NormalizeOptions::default() };
        let n = Normalized::new(&text, &options);
        let chars: Vec<char> = text.chars().collect();
        prop_assert_eq!(n.original_len(), chars.len());
        let mut previous = 0;
        for (byte, c) in n.text().char_indices() {
            let range = n.original_range(byte..byte + c.len_utf8());
            prop_assert!(previous <= range.start && range.end <= chars.len());
            previous = range.end;
            let original: String = chars[range].iter().collect();
            prop_assert_eq!(options.apply(&original), c.to_string());
        }
    }
}
