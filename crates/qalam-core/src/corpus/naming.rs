//! Per-annotator file names: `article.txt` is annotated by `article.ANNOTATOR.qalam.json`, one
//! file per annotator, so no two annotators ever write the same file. A single-annotator
//! `article.qalam.json` keeps working.
//!
//! The annotator's name is made safe for file names by [`safe_annotator_name`]: every character
//! that is not a letter or digit (in any script, so Arabic names stay Arabic), `-` or `_`
//! becomes `-`, runs of `-` collapse to one, and leading and trailing `-` are dropped; a name
//! with nothing left is `anonymous`. `Amal Haddad` → `Amal-Haddad`, `o.k/x` → `o-k-x`.
//!
//! # The gold file
//!
//! `article.gold.qalam.json` is the adjudicated (gold) annotation of `article`, written by
//! [`compare::adjudication`](crate::compare::adjudication). The part `gold` (any case) before
//! `.qalam.json` always marks the gold file, never an annotator: [`parse_file_name`] gives the
//! stem `article` with [`ParsedName::gold`] set and no annotator, so a scan groups the gold file
//! with its text and counts it as nobody's annotation. `gold` is therefore reserved: an
//! annotator whose safe name would be `gold` (any case) gets `gold-annotator` instead.

use std::path::{Path, PathBuf};

use crate::io::file_names::ANNOTATION_SUFFIX;

/// The safe name used for an annotator without one letter or digit.
pub const ANONYMOUS: &str = "anonymous";

/// The name part of gold files (`article.gold.qalam.json`), reserved (see the module docs).
pub const GOLD: &str = "gold";

/// The safe name of an annotator whose name would be [`GOLD`].
pub const GOLD_ANNOTATOR: &str = "gold-annotator";

/// The annotator's name as it appears in file names (the rule is in the module docs).
pub fn safe_annotator_name(annotator: &str) -> String {
    let mut safe = String::with_capacity(annotator.len());
    for c in annotator.chars() {
        if c.is_alphanumeric() || c == '_' {
            safe.push(c);
        } else if !safe.is_empty() && !safe.ends_with('-') {
            safe.push('-');
        }
    }
    while safe.ends_with('-') {
        safe.pop();
    }
    if safe.is_empty() {
        ANONYMOUS.to_owned()
    } else if safe.eq_ignore_ascii_case(GOLD) {
        GOLD_ANNOTATOR.to_owned()
    } else {
        safe
    }
}

/// The gold file of the text file (or document stem) `text`, in the same folder:
/// `news/article.txt` → `news/article.gold.qalam.json`.
pub fn gold_file_name(text: &Path) -> PathBuf {
    let stem = text
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    text.with_file_name(format!("{stem}.{GOLD}{ANNOTATION_SUFFIX}"))
}

/// The annotation file of `annotator` for the text file (or document stem) `text`, in the same
/// folder: `news/article.txt` + `Amal` → `news/article.Amal.qalam.json`; `None` gives the
/// single-annotator `news/article.qalam.json`.
pub fn annotation_file_name(text: &Path, annotator: Option<&str>) -> PathBuf {
    let stem = text
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match annotator {
        Some(annotator) => format!(
            "{stem}.{}{ANNOTATION_SUFFIX}",
            safe_annotator_name(annotator)
        ),
        None => format!("{stem}{ANNOTATION_SUFFIX}"),
    };
    text.with_file_name(name)
}

/// A file name taken apart: the document stem and, for a per-annotator file, the annotator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    /// The name without `.txt` / `.ANNOTATOR.qalam.json` / `.qalam.json` (`article`).
    pub stem: String,
    /// The known annotator whose safe name is the file's second-to-last part, if any.
    pub annotator: Option<String>,
    /// Whether it is the gold file `stem.gold.qalam.json` (then `annotator` is `None`).
    pub gold: bool,
}

/// Parses a file name (`article.txt`, `article.qalam.json`, `article.Amal.qalam.json`) given
/// the known annotators. The part before `.qalam.json` counts as an annotator only when it is
/// the safe name of one of `known`, so `report.2024.qalam.json` stays the stem `report.2024`.
/// `None` for a name that is neither a `.txt` nor a `.qalam.json` file.
pub fn parse_file_name<S: AsRef<str>>(name: &str, known: &[S]) -> Option<ParsedName> {
    if let Some(base) = strip_suffix_ignore_case(name, ANNOTATION_SUFFIX) {
        if let Some((stem, last)) = base.rsplit_once('.')
            && !stem.is_empty()
            && last.eq_ignore_ascii_case(GOLD)
        {
            return Some(ParsedName {
                stem: stem.to_owned(),
                annotator: None,
                gold: true,
            });
        }
        if let Some((stem, last)) = base.rsplit_once('.')
            && !stem.is_empty()
            && let Some(annotator) = known
                .iter()
                .map(AsRef::as_ref)
                .find(|known| safe_annotator_name(known) == last)
        {
            return Some(ParsedName {
                stem: stem.to_owned(),
                annotator: Some(annotator.to_owned()),
                gold: false,
            });
        }
        return Some(ParsedName {
            stem: base.to_owned(),
            annotator: None,
            gold: false,
        });
    }
    strip_suffix_ignore_case(name, ".txt").map(|stem| ParsedName {
        stem: stem.to_owned(),
        annotator: None,
        gold: false,
    })
}

/// `name` without `suffix` (compared case-insensitively), if it ends with it and is longer.
fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(suffix.len())?;
    (cut > 0 && name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(suffix))
        .then(|| &name[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_keep_letters_of_any_script() {
        assert_eq!(safe_annotator_name("Amal"), "Amal");
        assert_eq!(safe_annotator_name("Amal Haddad"), "Amal-Haddad");
        assert_eq!(safe_annotator_name(" o.k/x "), "o-k-x");
        assert_eq!(safe_annotator_name("أمل"), "أمل");
        assert_eq!(safe_annotator_name("a--b__c"), "a-b__c");
        assert_eq!(safe_annotator_name("../"), ANONYMOUS);
    }

    #[test]
    fn annotation_names_sit_beside_the_text() {
        let text = Path::new("news/article.txt");
        assert_eq!(
            annotation_file_name(text, Some("Amal Haddad")),
            Path::new("news/article.Amal-Haddad.qalam.json")
        );
        assert_eq!(
            annotation_file_name(text, None),
            Path::new("news/article.qalam.json")
        );
    }

    #[test]
    fn names_parse_back_given_the_known_annotators() {
        let known = ["Amal Haddad", "Omar"];
        let parse = |name| parse_file_name(name, &known);
        let parsed = |stem: &str, annotator: Option<&str>| {
            Some(ParsedName {
                stem: stem.to_owned(),
                annotator: annotator.map(str::to_owned),
                gold: false,
            })
        };
        assert_eq!(
            parse("article.Amal-Haddad.qalam.json"),
            parsed("article", Some("Amal Haddad"))
        );
        assert_eq!(
            parse("article.Omar.qalam.json"),
            parsed("article", Some("Omar"))
        );
        assert_eq!(parse("article.qalam.json"), parsed("article", None));
        assert_eq!(parse("report.2024.qalam.json"), parsed("report.2024", None));
        assert_eq!(parse("article.TXT"), parsed("article", None));
        assert_eq!(parse("article.md"), None);
        assert_eq!(parse(".qalam.json"), None);
    }

    #[test]
    fn a_built_name_parses_back() {
        let built = annotation_file_name(Path::new("a.txt"), Some("أمل"));
        let name = built.to_string_lossy();
        assert_eq!(
            parse_file_name(&name, &["أمل"]),
            Some(ParsedName {
                stem: "a".to_owned(),
                annotator: Some("أمل".to_owned()),
                gold: false,
            })
        );
    }

    #[test]
    fn the_gold_file_is_nobodys_and_gold_is_reserved() {
        let built = gold_file_name(Path::new("news/article.txt"));
        assert_eq!(built, Path::new("news/article.gold.qalam.json"));
        let gold = |stem: &str| {
            Some(ParsedName {
                stem: stem.to_owned(),
                annotator: None,
                gold: true,
            })
        };
        // Even when an annotator is called "gold", the name part `gold` means the gold file.
        assert_eq!(
            parse_file_name("article.gold.qalam.json", &["gold"]),
            gold("article")
        );
        assert_eq!(
            parse_file_name("article.GOLD.qalam.json", &["x"]),
            gold("article")
        );
        assert_eq!(
            parse_file_name("gold.qalam.json", &["x"]).map(|p| p.gold),
            Some(false)
        );
        assert_eq!(safe_annotator_name("Gold"), GOLD_ANNOTATOR);
        let theirs = annotation_file_name(Path::new("a.txt"), Some("gold"));
        assert_eq!(theirs, Path::new("a.gold-annotator.qalam.json"));
        let parsed = parse_file_name(&theirs.to_string_lossy(), &["gold"]);
        assert_eq!(parsed.and_then(|p| p.annotator).as_deref(), Some("gold"));
    }
}
