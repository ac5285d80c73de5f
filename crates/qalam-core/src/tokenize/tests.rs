//! Tokenizer and sentence tests: the sample article and held-out Arabic written for these tests
//! (news, social media with emoji and hashtags, numbers, mixed Latin).

use proptest::prelude::*;

use super::classify::is_separator;
use super::*;

fn words(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.slice(text)).collect()
}

fn sentence_texts(text: &str) -> Vec<String> {
    let tokens = tokenize(text);
    sentences(text, &tokens)
        .into_iter()
        .map(|range| {
            let parts: Vec<&str> = tokens[range].iter().map(|t| t.slice(text)).collect();
            parts.join(" ")
        })
        .collect()
}

const SAMPLE: &str = include_str!("../../../../assets/kim-lavrov-wonsan.ar.txt");

#[test]
fn sample_article_tokens_cover_every_non_separator_character_once() {
    let tokens = tokenize(SAMPLE);
    let chars: Vec<char> = SAMPLE.chars().collect();
    let mut covered = vec![false; chars.len()];
    let mut previous_end = 0;
    for token in &tokens {
        assert!(token.start >= previous_end && token.start < token.end);
        previous_end = token.end;
        covered[token.range()].iter_mut().for_each(|c| *c = true);
    }
    for (at, c) in chars.iter().enumerate() {
        assert_eq!(covered[at], !c.is_whitespace(), "code point {at} {c:?}");
    }
}

#[test]
fn sample_article_keeps_words_whole_and_splits_punctuation() {
    let first_line = SAMPLE.lines().next().unwrap_or_default();
    assert_eq!(
        words(first_line)[..8],
        [
            "ضاعفت",
            "بيونغ",
            "يانغ",
            "من",
            "رهاناتها",
            "على",
            "موسكو",
            "،"
        ]
    );
    let w = words(SAMPLE);
    // Shadda stays in its word; quotes are their own tokens; tatweel stays with بـ.
    assert!(w.contains(&"عبّر"));
    assert!(w.contains(&"وقّع"));
    let at = w.iter().position(|&t| t == "بـ").expect("بـ is a token");
    assert_eq!(w[at + 1..at + 3], ["”", "دعم"]);
    let quoted = w.iter().position(|&t| t == "“").expect("an opening quote");
    assert_eq!(w[quoted + 1..quoted + 4], ["دعمه", "غير", "المشروط"]);
}

#[test]
fn sample_article_sentences_end_at_full_stops_and_lines() {
    let sentences = sentence_texts(SAMPLE);
    assert!(sentences[0].starts_with("ضاعفت بيونغ يانغ"));
    assert!(sentences[0].ends_with("الكورية الشمالية ."));
    assert_eq!(
        sentences[1],
        "وأكد كيم أن “ النصر الروسي حتمي ” ، في موقف يعكس تعاظم التنسيق العسكري والدبلوماسي بين البلدين ."
    );
    let lines = SAMPLE.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(sentences.len() > lines, "full stops inside lines split too");
}

#[test]
fn news_numbers_decimals_percentages_and_dates() {
    assert_eq!(
        words("ارتفع التضخم إلى 3.5% في 2024، و٣٫٥٪ بحسب التقرير."),
        [
            "ارتفع",
            "التضخم",
            "إلى",
            "3.5%",
            "في",
            "2024",
            "،",
            "و",
            "٣٫٥٪",
            "بحسب",
            "التقرير",
            "."
        ]
    );
    assert_eq!(
        words("بلغ عدد السكان 1,000,000 نسمة (٤٥ ٪) و۱۲۳ ألفاً"),
        [
            "بلغ",
            "عدد",
            "السكان",
            "1,000,000",
            "نسمة",
            "(",
            "٤٥",
            "٪",
            ")",
            "و",
            "۱۲۳",
            "ألفاً"
        ]
    );
    // A separator is only inside a number between digits.
    assert_eq!(
        words("عام 2024. ثم 5,"),
        ["عام", "2024", ".", "ثم", "5", ","]
    );
}

#[test]
fn arabic_punctuation_quotes_and_brackets_are_tokens() {
    assert_eq!(
        words("قال: «لن نتراجع»؛ هل تصدّق؟ [انتهى]"),
        [
            "قال",
            ":",
            "«",
            "لن",
            "نتراجع",
            "»",
            "؛",
            "هل",
            "تصدّق",
            "؟",
            "[",
            "انتهى",
            "]"
        ]
    );
}

#[test]
fn latin_and_arabic_runs_are_separate_tokens() {
    assert_eq!(words("ناتوNATO"), ["ناتو", "NATO"]);
    assert_eq!(
        words("أعلنت شركةApple عن iPhone 15 وG7"),
        ["أعلنت", "شركة", "Apple", "عن", "iPhone", "15", "و", "G7"]
    );
}

#[test]
fn harakat_tatweel_and_joiners_stay_inside_their_word() {
    assert_eq!(words("مُحَمَّدٌ جميـــل"), ["مُحَمَّدٌ", "جميـــل"]);
    assert_eq!(words("می‌خواهم"), ["می‌خواهم"]);
    assert_eq!(words("لا\u{200D}م"), ["لا\u{200D}م"]);
    // A haraka after a space (Wojood has `ُيفشي`) starts the next word instead of being lost
    // with the space.
    assert_eq!(words("كتب ُيفشي"), ["كتب", "ُيفشي"]);
    // A haraka on a digit or a Latin letter stays there too (no token ends mid-grapheme).
    assert_eq!(words("e\u{301}te"), ["e\u{301}te"]);
}

#[test]
fn urls_emails_hashtags_and_mentions_stay_whole() {
    assert_eq!(
        words("للمزيد: https://example.com/a_b?q=1&x=٢. أو www.aljazeera.net/news،"),
        [
            "للمزيد",
            ":",
            "https://example.com/a_b?q=1&x=٢",
            ".",
            "أو",
            "www.aljazeera.net/news",
            "،"
        ]
    );
    assert_eq!(
        words("راسلونا على info.desk@example.org."),
        ["راسلونا", "على", "info.desk@example.org", "."]
    );
    assert_eq!(
        words("#السودان_ينتفض مع @UN_News و#قمة2024!"),
        ["#السودان_ينتفض", "مع", "@UN_News", "و", "#قمة2024", "!"]
    );
    assert_eq!(
        words("(https://en.wikipedia.org/wiki/A_(b))"),
        ["(", "https://en.wikipedia.org/wiki/A_(b)", ")"]
    );
}

#[test]
fn social_media_emoji_are_one_token_each() {
    assert_eq!(
        words("مبروك 🎉🎉 للعائلة 👨‍👩‍👧 👍🏽 🇸🇦 رائع😍"),
        [
            "مبروك",
            "🎉",
            "🎉",
            "للعائلة",
            "👨‍👩‍👧",
            "👍🏽",
            "🇸🇦",
            "رائع",
            "😍"
        ]
    );
    assert_eq!(words("❤️ حب"), ["❤️", "حب"]);
}

#[test]
fn separators_are_in_no_token_and_crlf_counts() {
    let text = "\u{FEFF}أ\u{200F} ب\r\nج";
    assert_eq!(
        tokenize(text),
        [
            Token { start: 1, end: 2 },
            Token { start: 4, end: 5 },
            Token { start: 7, end: 8 }
        ]
    );
    assert!(tokenize("  \n\t ").is_empty());
    // A haraka clustered onto a bidi mark is not lost with it.
    assert_eq!(tokenize("\u{200F}\u{064E}ب"), [Token { start: 1, end: 3 }]);
}

#[test]
fn sentences_break_at_lines_and_terminators_not_inside_numbers_or_urls() {
    assert_eq!(
        sentence_texts(
            "نما 3.5% هذا العام. زوروا www.a.com الآن!\nسطر بلا نقطة\n\nهل جاء؟ «نعم.» حسناً…"
        ),
        [
            "نما 3.5% هذا العام .",
            "زوروا www.a.com الآن !",
            "سطر بلا نقطة",
            "هل جاء ؟",
            "« نعم . »",
            "حسناً …"
        ]
    );
    assert!(sentences("", &[]).is_empty());
}

#[test]
fn whitespace_tokenizer_keeps_corpus_tokens_and_lines() {
    let text = "فقد حرصت ( 1948 ) .\n$#$ 2 -";
    let tokens = whitespace_tokens(text);
    let w: Vec<&str> = tokens.iter().map(|t| t.slice(text)).collect();
    assert_eq!(w, ["فقد", "حرصت", "(", "1948", ")", ".", "$#$", "2", "-"]);
    assert_eq!(line_sentences(text, &tokens), [0..6, 6..9]);
    let mut document = Document::new("d", text);
    assert_eq!(Tokenizer::for_document(&document), Tokenizer::Default);
    document.metadata.insert(
        TOKENIZER_KEY.to_owned(),
        Tokenizer::Whitespace.name().into(),
    );
    assert_eq!(Tokenizer::for_document(&document), Tokenizer::Whitespace);
}

#[test]
fn token_slice_handles_ranges_past_the_text() {
    assert_eq!(Token { start: 1, end: 3 }.slice("أبجد"), "بج");
    assert_eq!(Token { start: 3, end: 9 }.slice("أبجد"), "");
}

proptest! {
    /// On any mix of Arabic, harakat, joiners, bidi marks, emoji, digits, Latin and CRLF, the
    /// tokens are sorted, disjoint, non-empty and cover exactly the non-separator characters,
    /// and sentences cover every token once, in order.
    #[test]
    fn tokens_cover_every_non_separator_exactly_once(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "ك", "ت", "ب", "\u{064E}", "\u{0651}", "\u{0640}", "\u{200C}", "\u{200D}", "\u{200F}",
            "😍", "👍", "\u{1F3FD}", "🇸", "🇦", "\u{FE0F}", "3", "٫", ".", ",", "%", "٪", "a", "Z",
            " ", "\r\n", "\n", "#", "@", "_", "؟", "«", "»", "w", "http://", "@x.com",
        ]), 0..40)
    ) {
        let text = pieces.concat();
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&text);
        let mut covered = vec![false; chars.len()];
        let mut previous_end = 0;
        for token in &tokens {
            prop_assert!(token.start >= previous_end && token.start < token.end && token.end <= chars.len());
            previous_end = token.end;
            covered[token.range()].iter_mut().for_each(|c| *c = true);
        }
        for (at, c) in chars.iter().enumerate() {
            prop_assert_eq!(covered[at], !is_separator(*c), "code point {} {:?} in {:?}", at, c, text);
        }
        let sentences = sentences(&text, &tokens);
        let mut next = 0;
        for sentence in &sentences {
            prop_assert!(sentence.start == next && sentence.end > sentence.start);
            next = sentence.end;
        }
        prop_assert_eq!(next, tokens.len());
    }
}
