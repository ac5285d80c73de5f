//! Which files are compared and where the gold goes: the annotators' files of one article
//! lie side by side (`article.amal.qalam.json`, `article.bilal.qalam.json`, see
//! [`corpus::naming`](crate::corpus::naming)), and the gold file beside them is
//! `article.gold.qalam.json`.

use std::path::{Path, PathBuf};

use crate::corpus::naming::{gold_file_name, parse_file_name};
use crate::io::file_names::ANNOTATION_SUFFIX;

/// The article stem and the `NAME` part of a file called `stem.NAME.qalam.json` (`None` for
/// `stem.qalam.json` or a `.txt`), or `None` for a gold file or another kind of file.
pub fn stem_and_name(path: &Path) -> Option<(String, Option<String>)> {
    let file_name = path.file_name()?.to_string_lossy().into_owned();
    let parsed = parse_file_name(&file_name, &[""; 0])?;
    if parsed.gold {
        return None;
    }
    let lower = file_name.to_ascii_lowercase();
    if !lower.ends_with(ANNOTATION_SUFFIX) {
        return Some((parsed.stem, None));
    }
    // Without known annotators the name part stays in the stem: take it off again.
    match parsed.stem.rsplit_once('.') {
        Some((stem, name)) if !stem.is_empty() && !name.is_empty() => {
            Some((stem.to_owned(), Some(name.to_owned())))
        }
        _ => Some((parsed.stem, None)),
    }
}

/// The gold file for the article of `path` (an annotator's file or the text), in its folder.
pub fn gold_path_for(path: &Path) -> Option<PathBuf> {
    let (stem, _) = stem_and_name(path)?;
    Some(gold_file_name(&path.with_file_name(format!("{stem}.txt"))))
}

/// Every annotator's file of the article of `path` in its folder (`stem.NAME.qalam.json` and
/// `stem.qalam.json`, not the gold file), sorted by name.
pub fn annotator_files(path: &Path) -> Vec<PathBuf> {
    let Some((stem, _)) = stem_and_name(path) else {
        return Vec::new();
    };
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let Ok(entries) = std::fs::read_dir(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|candidate| {
            let is_annotation = candidate.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .to_ascii_lowercase()
                    .ends_with(ANNOTATION_SUFFIX)
            });
            is_annotation && stem_and_name(candidate).is_some_and(|(other, _)| other == stem)
        })
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_names_and_the_gold_path() {
        let amal = Path::new("news/article.amal.qalam.json");
        assert_eq!(
            stem_and_name(amal),
            Some(("article".to_owned(), Some("amal".to_owned())))
        );
        assert_eq!(
            stem_and_name(Path::new("article.txt")),
            Some(("article".to_owned(), None))
        );
        assert_eq!(stem_and_name(Path::new("article.gold.qalam.json")), None);
        assert_eq!(
            gold_path_for(amal),
            Some(PathBuf::from("news/article.gold.qalam.json"))
        );
    }

    #[test]
    fn the_other_annotators_files_are_found_beside_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "article.amal.qalam.json",
            "article.bilal.qalam.json",
            "article.gold.qalam.json",
            "article.txt",
            "other.amal.qalam.json",
        ] {
            std::fs::write(dir.path().join(name), "{}").expect("write");
        }
        let found: Vec<String> = annotator_files(&dir.path().join("article.txt"))
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            found,
            ["article.amal.qalam.json", "article.bilal.qalam.json"]
        );
    }
}
