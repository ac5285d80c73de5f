//! The list of formats, their names on the command line and the offset unit each one uses.

/// A dataset format Qalam reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// doccano sequence-labelling JSONL (`label: [[start, end, "TAG"]]` or `entities`).
    Doccano,
    /// Label Studio's full JSON task export (annotations, predictions, several annotators).
    LabelStudio,
    /// Label Studio's JSON_MIN export.
    LabelStudioMin,
    /// brat standoff: `NAME.txt` + `NAME.ann` per document, in a folder.
    Brat,
    /// CoNLL-style columns, IOB2 or BIOES, nested spans as extra tag columns.
    Conll,
    /// spaCy v3 `DocBin` (`.spacy`).
    Spacy,
    /// A Hugging Face token-classification dataset folder (`tokens`, `ner_tags`).
    HuggingFace,
    /// Prodigy JSONL (`tokens` with `ws`, `spans` with token indices).
    Prodigy,
}

/// The unit a format counts character offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices): Qalam's own unit.
    CodePoints,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// No character offsets: the format is token-based.
    Tokens,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Doccano,
        Format::LabelStudio,
        Format::LabelStudioMin,
        Format::Brat,
        Format::Conll,
        Format::Spacy,
        Format::HuggingFace,
        Format::Prodigy,
    ];

    /// The name used on the command line (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::LabelStudioMin => "label-studio-min",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Spacy => "spacy",
            Format::HuggingFace => "hf",
            Format::Prodigy => "prodigy",
        }
    }

    /// The format named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| format.name() == name)
    }

    /// A one-line description for `--help` and the GUI.
    pub fn description(self) -> &'static str {
        match self {
            Format::Doccano => "doccano JSONL (label or entities form), code points",
            Format::LabelStudio => {
                "Label Studio JSON tasks (annotations, predictions), UTF-16 units"
            }
            Format::LabelStudioMin => "Label Studio JSON_MIN, UTF-16 units",
            Format::Brat => "brat standoff folder (.txt + .ann), code points",
            Format::Conll => "CoNLL columns, IOB2 or BIOES, nested layers as extra columns",
            Format::Spacy => "spaCy v3 DocBin (.spacy): doc.ents and doc.spans[key]",
            Format::HuggingFace => "Hugging Face token-classification dataset folder",
            Format::Prodigy => "Prodigy JSONL (tokens with ws, spans with token indices)",
        }
    }

    /// The offset unit of the format's own tools.
    pub fn offset_unit(self) -> OffsetUnit {
        match self {
            Format::Doccano | Format::Brat | Format::Prodigy | Format::Spacy => {
                OffsetUnit::CodePoints
            }
            Format::LabelStudio | Format::LabelStudioMin => OffsetUnit::Utf16,
            Format::Conll | Format::HuggingFace => OffsetUnit::Tokens,
        }
    }

    /// File extensions (lower case, no dot) of the format's files, for finding inputs in a
    /// folder.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Doccano | Format::Prodigy => &["jsonl"],
            Format::LabelStudio | Format::LabelStudioMin => &["json"],
            Format::Brat => &["ann"],
            Format::Conll => &["conll", "txt", "iob", "bioes"],
            Format::Spacy => &["spacy"],
            Format::HuggingFace => &["jsonl"],
        }
    }

    /// Whether the output is a folder rather than one file.
    pub fn writes_folder(self) -> bool {
        matches!(self, Format::Brat | Format::HuggingFace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back_to_its_format() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("csv"), None);
    }
}
