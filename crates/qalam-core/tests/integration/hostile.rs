//! The hostile-input catalogue: every malformed or hostile file in `tests/fixtures/hostile/`
//! (written by its `generate.py`) with the reader that gets it and the exact outcome it must
//! have — the error with file, line and what is wrong, or what is imported and reported. No
//! case may panic; a panicking reader fails the test naming the case.
//!
//! Cases that cannot be committed are made at run time in a temporary folder: a symbolic link
//! out of a corpus folder, a file changed between reading and saving, names that would write
//! outside the chosen folder, a million spans, a 10 MB line and (ignored by default, see
//! [`file_of_500_mb_loads_and_a_damaged_one_is_located`]) a 500 MB file.

mod generated;

use std::fmt::Write as _;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use qalam_core::corpus::corpus_file::CorpusFile;
use qalam_core::interchange::{self, Format, ImportOptions};
use qalam_core::io::label_template::load_template;
use qalam_core::io::qalam_json::fast_read::read_valid;
use qalam_core::io::qalam_json::read::read_with_diagnostics;
use qalam_core::io::recovery::RecoveryStore;
use qalam_core::io::settings::read_settings;
use qalam_core::io::{Loaded, load_path};
use qalam_core::model::notation::Case as Notation;

/// The catalogue's folder.
pub fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// Which reader a case goes through.
#[derive(Debug, Clone, Copy)]
enum Reader {
    /// `io::load_path` (a `.qalam.json` or a text file), plus: the fast and validating
    /// `.qalam.json` readers agree.
    Load,
    /// `interchange::import` in a format.
    Import(Format),
    /// `CorpusFile::load`.
    CorpusFile,
    /// `label_template::load_template`.
    Template,
    /// `RecoveryStore::list` and `read` of a data folder.
    Recovery,
    /// `settings::read_settings` (the app's `settings.json`).
    SettingsFile,
    /// `notation::Case::parse` of each line.
    Notation,
}

/// One case: the file (relative to the catalogue), its reader, and the exact outcome (paths
/// relative to the catalogue).
struct Case {
    file: &'static str,
    reader: Reader,
    expected: &'static str,
}

const fn case(file: &'static str, reader: Reader, expected: &'static str) -> Case {
    Case {
        file,
        reader,
        expected,
    }
}

use Reader::*;

/// The committed catalogue.
const CASES: &[Case] = &[
    case(
        "qalam/baseline.qalam.json",
        Load,
        "loaded putin-russia: 38 code points, 2 spans",
    ),
    // Truncated files.
    case(
        "qalam/empty.qalam.json",
        Load,
        "qalam/empty.qalam.json is not a valid Qalam file (1 problem):\nqalam/empty.qalam.json:1:1: malformed JSON: EOF while parsing a value",
    ),
    case(
        "qalam/truncated-in-span.qalam.json",
        Load,
        "qalam/truncated-in-span.qalam.json is not a valid Qalam file (1 problem):\nqalam/truncated-in-span.qalam.json:26:50: malformed JSON: EOF while parsing a string",
    ),
    case(
        "qalam/truncated-in-escape.qalam.json",
        Load,
        "qalam/truncated-in-escape.qalam.json is not a valid Qalam file (1 problem):\nqalam/truncated-in-escape.qalam.json:8:14: malformed JSON: EOF while parsing a string",
    ),
    // Bytes that are not text.
    case(
        "qalam/invalid-utf8.qalam.json",
        Load,
        "qalam/invalid-utf8.qalam.json is not UTF-8 text: invalid byte 0xc3 at line 10, column 24 (byte offset 201)",
    ),
    case(
        "qalam/raw-nul.qalam.json",
        Load,
        "qalam/raw-nul.qalam.json is not a valid Qalam file (1 problem):\nqalam/raw-nul.qalam.json:6:17: malformed JSON: control character (\\u0000-\\u001F) found while parsing a string",
    ),
    case(
        "qalam/escaped-nul-in-text.qalam.json",
        Load,
        "loaded putin-russia: 15 code points, 1 spans",
    ),
    // Numbers: huge, negative, fractional, in exponent form, not numbers at all.
    case(
        "qalam/offset-past-u64.qalam.json",
        Load,
        "qalam/offset-past-u64.qalam.json is not a valid Qalam file (1 problem):\nqalam/offset-past-u64.qalam.json:25:34: spans[0].end must be a non-negative integer, found the number 1.8446744073709552e+19",
    ),
    case(
        "qalam/offset-u64-max.qalam.json",
        Load,
        "qalam/offset-u64-max.qalam.json is not a valid Qalam file (1 problem):\nqalam/offset-u64-max.qalam.json:25:34: spans[0] (id 1): end 18446744073709551615 is past the end of the text (38 code points)",
    ),
    case(
        "qalam/negative-start.qalam.json",
        Load,
        "qalam/negative-start.qalam.json is not a valid Qalam file (1 problem):\nqalam/negative-start.qalam.json:25:24: spans[0].start must be a non-negative integer, found the number -1",
    ),
    case(
        "qalam/fractional-start.qalam.json",
        Load,
        "qalam/fractional-start.qalam.json is not a valid Qalam file (1 problem):\nqalam/fractional-start.qalam.json:25:24: spans[0].start must be a non-negative integer, found the number 4.5",
    ),
    case(
        "qalam/exponent-start.qalam.json",
        Load,
        "qalam/exponent-start.qalam.json is not a valid Qalam file (1 problem):\nqalam/exponent-start.qalam.json:25:24: spans[0].start must be a non-negative integer, found the number 4.0",
    ),
    case(
        "qalam/nan-start.qalam.json",
        Load,
        "qalam/nan-start.qalam.json is not a valid Qalam file (1 problem):\nqalam/nan-start.qalam.json:25:24: malformed JSON: expected value",
    ),
    case(
        "qalam/huge-span-id.qalam.json",
        Load,
        "qalam/huge-span-id.qalam.json is not a valid Qalam file (1 problem):\nqalam/huge-span-id.qalam.json:25:12: spans[0].id must be a non-negative integer, found the number 1e+20",
    ),
    // Keys and nesting.
    case(
        "qalam/duplicate-top-key.qalam.json",
        Load,
        "qalam/duplicate-top-key.qalam.json is not a valid Qalam file (1 problem):\nqalam/duplicate-top-key.qalam.json:4:14: version is given twice (first at line 3, column 14); a key may appear only once",
    ),
    case(
        "qalam/duplicate-span-key.qalam.json",
        Load,
        "qalam/duplicate-span-key.qalam.json is not a valid Qalam file (2 problems):\nqalam/duplicate-span-key.qalam.json:25:36: spans[0].start is given twice (first at line 25, column 24); a key may appear only once\nqalam/duplicate-span-key.qalam.json:25:76: spans[0] (id 1): \"text\" is \"بوتين\" but the document text at [5, 9) is \"وتين\"",
    ),
    case(
        "qalam/deep-nesting.qalam.json",
        Load,
        "qalam/deep-nesting.qalam.json is not a valid Qalam file (1 problem):\nqalam/deep-nesting.qalam.json:10:138: malformed JSON: recursion limit exceeded",
    ),
    case(
        "qalam/deep-nesting-unclosed.qalam.json",
        Load,
        "qalam/deep-nesting-unclosed.qalam.json is not a valid Qalam file (1 problem):\nqalam/deep-nesting-unclosed.qalam.json:1:10: malformed JSON: expected `,` or `]`",
    ),
    // Escapes and byte-order marks.
    case(
        "qalam/lone-lead-surrogate.qalam.json",
        Load,
        "qalam/lone-lead-surrogate.qalam.json is not a valid Qalam file (1 problem):\nqalam/lone-lead-surrogate.qalam.json:10:29: malformed JSON: unexpected end of hex escape: a \\uD800–\\uDFFF escape must be one half of a surrogate pair (\\uD83D\\uDE00); alone it is not a character",
    ),
    case(
        "qalam/lone-trail-surrogate.qalam.json",
        Load,
        "qalam/lone-trail-surrogate.qalam.json is not a valid Qalam file (1 problem):\nqalam/lone-trail-surrogate.qalam.json:10:28: malformed JSON: lone leading surrogate in hex escape: a \\uD800–\\uDFFF escape must be one half of a surrogate pair (\\uD83D\\uDE00); alone it is not a character",
    ),
    case(
        "qalam/bom-at-start.qalam.json",
        Load,
        "loaded putin-russia: 38 code points, 2 spans",
    ),
    case(
        "qalam/bom-between-keys.qalam.json",
        Load,
        "qalam/bom-between-keys.qalam.json is not a valid Qalam file (1 problem):\nqalam/bom-between-keys.qalam.json:13:1: malformed JSON: key must be a string: a byte-order mark (U+FEFF) is in the middle of the file, outside any string (only one at the very start is allowed)",
    ),
    case(
        "qalam/bom-inside-text.qalam.json",
        Load,
        "loaded putin-russia: 15 code points, 1 spans",
    ),
    // Structure and positions.
    case(
        "qalam/trailing-garbage.qalam.json",
        Load,
        "qalam/trailing-garbage.qalam.json is not a valid Qalam file (1 problem):\nqalam/trailing-garbage.qalam.json:29:1: malformed JSON: trailing characters",
    ),
    case(
        "qalam/crlf-with-error.qalam.json",
        Load,
        "qalam/crlf-with-error.qalam.json is not a valid Qalam file (1 problem):\nqalam/crlf-with-error.qalam.json:25:24: spans[0] (id 1): start 9 is not before end 4 (a span covers at least one code point)",
    ),
    case(
        "qalam/one-line-with-error.qalam.json",
        Load,
        "qalam/one-line-with-error.qalam.json is not a valid Qalam file (1 problem):\nqalam/one-line-with-error.qalam.json:1:620: spans[0] (id 1): end 40 is past the end of the text (38 code points)",
    ),
    case(
        "qalam/spans-not-array.qalam.json",
        Load,
        "qalam/spans-not-array.qalam.json is not a valid Qalam file (1 problem):\nqalam/spans-not-array.qalam.json:24:12: spans must be an array, found an object",
    ),
    case(
        "qalam/text-is-number.qalam.json",
        Load,
        "qalam/text-is-number.qalam.json is not a valid Qalam file (1 problem):\nqalam/text-is-number.qalam.json:10:13: document.text must be a string, found the number 12345",
    ),
    // Plain text.
    case(
        "text/truncated-utf8.txt",
        Load,
        "text/truncated-utf8.txt is not UTF-8 text: invalid byte 0xd8 at line 1, column 16 (byte offset 28)",
    ),
    case(
        "text/nul-bytes.txt",
        Load,
        "loaded nul-bytes: 20 code points, 0 spans",
    ),
    case(
        "text/bom-in-middle.txt",
        Load,
        "loaded bom-in-middle: 8 code points, 0 spans",
    ),
    case(
        "text/utf16le.txt",
        Load,
        "text/utf16le.txt is not UTF-8 text: invalid byte 0xff at line 1, column 1 (byte offset 0)",
    ),
    case(
        "text/overlong-slash.txt",
        Load,
        "text/overlong-slash.txt is not UTF-8 text: invalid byte 0xc0 at line 2, column 1 (byte offset 3)",
    ),
    case(
        "text/cesu-surrogate.txt",
        Load,
        "text/cesu-surrogate.txt is not UTF-8 text: invalid byte 0xed at line 2, column 10 (byte offset 18)",
    ),
    // doccano.
    case(
        "doccano/bad-line.jsonl",
        Import(Format::Doccano),
        "document \"1\": 9 code points, spans [(4, 9, \"PERSON\")]\nreport: doccano/bad-line.jsonl:2: bad-line-2: dropped: the line is not JSON: EOF while parsing a string at line 1 column 29",
    ),
    case(
        "doccano/hostile-offsets.jsonl",
        Import(Format::Doccano),
        "document \"o\": 15 code points, spans []\nreport: doccano/hostile-offsets.jsonl:1: o: dropped: label item [4,9] is not [start, end, \"TAG\"]\nreport: doccano/hostile-offsets.jsonl:1: o: dropped: label item \"x\" is not [start, end, \"TAG\"]\nreport: doccano/hostile-offsets.jsonl:1: o [0, 0) «» PERSON: dropped: bad offsets 4, 1.8446744073709552e+19: not whole numbers\nreport: doccano/hostile-offsets.jsonl:1: o [0, 0) «» PERSON: dropped: bad offsets -1, 3: not whole numbers\nreport: doccano/hostile-offsets.jsonl:1: o [0, 0) «» PERSON: dropped: bad offsets 4.5, 9: not whole numbers\nreport: doccano/hostile-offsets.jsonl:1: o [9, 4) «» PERSON: dropped: start is after end\nreport: doccano/hostile-offsets.jsonl:1: o: dropped: label 7 is not a tag name",
    ),
    case(
        "doccano/deep-nesting.jsonl",
        Import(Format::Doccano),
        "report: doccano/deep-nesting.jsonl:1: deep-nesting-1: dropped: the line is not JSON: recursion limit exceeded at line 1 column 158",
    ),
    case(
        "doccano/duplicate-keys.jsonl",
        Import(Format::Doccano),
        "document \"1\": 9 code points, spans [(4, 9, \"GPE\")]",
    ),
    case(
        "doccano/not-an-object.jsonl",
        Import(Format::Doccano),
        "report: doccano/not-an-object.jsonl:1: not-an-object-1: dropped: the line is not a JSON object\nreport: doccano/not-an-object.jsonl:2: not-an-object-2: dropped: the line is not a JSON object",
    ),
    // Label Studio.
    case(
        "label_studio/path-names.json",
        Import(Format::LabelStudio),
        "document \"../../etc/x\": 9 code points, spans []\ndocument \"/abs/x\": 9 code points, spans []\ndocument \"..\\\\..\\\\win\": 2 code points, spans []",
    ),
    case(
        "label_studio/hostile-offsets.json",
        Import(Format::LabelStudio),
        "document \"task-1\": 15 code points, spans []\nreport: label_studio/hostile-offsets.json:11: task-1 [0, 0) «» PERSON: dropped: bad offsets: start and end must be whole numbers\nreport: label_studio/hostile-offsets.json:24: task-1 [0, 0) «» PERSON: dropped: bad offsets: start and end must be whole numbers\nreport: label_studio/hostile-offsets.json:37: task-1 [0, 0) «» PERSON: dropped: bad offsets: start and end must be whole numbers\nreport: label_studio/hostile-offsets.json:50: task-1 [9, 4) «» PERSON: dropped: start is after end",
    ),
    case(
        "label_studio/truncated.json",
        Import(Format::LabelStudio),
        "error: label_studio/truncated.json:1: not Label Studio JSON: EOF while parsing a list at line 1 column 67",
    ),
    // brat.
    case(
        "brat/offsets",
        Import(Format::Brat),
        "document \"doc\": 15 code points, spans [(4, 9, \"PERSON\")]\nreport: brat/offsets/doc.ann:1: doc: dropped: bad offsets «4 18446744073709551616»\nreport: brat/offsets/doc.ann:2: doc: dropped: bad offsets «-1 3»\nreport: brat/offsets/doc.ann:3: doc: dropped: bad offsets «4.5 9»\nreport: brat/offsets/doc.ann:4: doc [9, 4) «بوتين» PERSON: dropped: start is after end\nreport: brat/offsets/doc.ann:5: doc: dropped: bad offsets «4 9;»\nreport: brat/offsets/doc.ann:6: doc: dropped: text-bound line without offsets: T6\tPERSON\nreport: brat/offsets/doc.ann:7: doc: dropped: text-bound line without offsets: T7\nreport: brat/offsets/doc.ann:8: doc: dropped: note on «T99», which is not a text-bound annotation",
    ),
    case(
        "brat/no-text",
        Import(Format::Brat),
        "error: brat/no-text/orphan.txt: No such file or directory (os error 2)",
    ),
    case(
        "brat/invalid-utf8",
        Import(Format::Brat),
        "error: brat/invalid-utf8/doc.txt:1: not UTF-8",
    ),
    // CoNLL.
    case(
        "conll/bad-tag.conll",
        Import(Format::Conll),
        "document \"bad-tag\": 15 code points, spans [(4, 9, \"PERSON\")]\nreport: conll/bad-tag.conll:3: bad-tag [10, 15) «روسيا» X-GPE: note: tag column 1: X-GPE is not a tag (O, B-X, I-X, E-X or S-X); read as O",
    ),
    case(
        "conll/one-column.conll",
        Import(Format::Conll),
        "document \"one-column\": 9 code points, spans []\nreport: conll/one-column.conll:2: one-column: note: the token «بوتين» has no tag column; read as O",
    ),
    // spaCy DocBin.
    case(
        "spacy/not-zlib.spacy",
        Import(Format::Spacy),
        "error: spacy/not-zlib.spacy:0: not zlib-compressed: corrupt deflate stream",
    ),
    case(
        "spacy/truncated.spacy",
        Import(Format::Spacy),
        "error: spacy/truncated.spacy:0: not MessagePack: truncated at byte 8",
    ),
    case(
        "spacy/huge-array.spacy",
        Import(Format::Spacy),
        "error: spacy/huge-array.spacy:0: not MessagePack: truncated at byte 12",
    ),
    case(
        "spacy/huge-bin.spacy",
        Import(Format::Spacy),
        "error: spacy/huge-bin.spacy:0: not MessagePack: truncated at byte 13",
    ),
    case(
        "spacy/deep-nesting.spacy",
        Import(Format::Spacy),
        "error: spacy/deep-nesting.spacy:0: not MessagePack: nested too deeply",
    ),
    case(
        "spacy/empty-map.spacy",
        Import(Format::Spacy),
        "error: spacy/empty-map.spacy:0: no `attrs`",
    ),
    // Hugging Face folders.
    case(
        "hugging_face/traversal",
        Import(Format::HuggingFace),
        "error: hugging_face/traversal/README.md:14: data file «../../../../etc/hostname» is outside the dataset folder: only relative paths without `..` are read",
    ),
    case(
        "hugging_face/absolute",
        Import(Format::HuggingFace),
        "error: hugging_face/absolute/README.md:14: data file «/etc/hostname» is outside the dataset folder: only relative paths without `..` are read",
    ),
    case(
        "hugging_face/bad-row",
        Import(Format::HuggingFace),
        "error: hugging_face/bad-row/train.jsonl:2: not a JSON object: EOF while parsing a value at line 1 column 11",
    ),
    case(
        "hugging_face/bad-tag-id",
        Import(Format::HuggingFace),
        "error: hugging_face/bad-tag-id/train.jsonl:1: tag id 99 has no name in the card's class_label names",
    ),
    // Prodigy.
    case(
        "prodigy/hostile-spans.jsonl",
        Import(Format::Prodigy),
        "document \"hostile-spans-1\": 9 code points, spans [(4, 9, \"PERSON\")]\nreport: prodigy/hostile-spans.jsonl:1: hostile-spans-1 [0, 0) «» PERSON: dropped: bad offsets 4, 1.8446744073709552e+19: not whole numbers\nreport: prodigy/hostile-spans.jsonl:1: hostile-spans-1 [0, 0) «» PERSON: dropped: bad offsets -1, 3: not whole numbers\nreport: prodigy/hostile-spans.jsonl:1: hostile-spans-1 [0, 0) «» PERSON: dropped: bad offsets 4.5, 9: not whole numbers\nreport: prodigy/hostile-spans.jsonl:2: hostile-spans-2: dropped: the line is not JSON: expected ident at line 1 column 2",
    ),
    // Corpus files.
    case(
        "corpus/traversal/qalam-corpus.json",
        CorpusFile,
        "corpus/traversal/qalam-corpus.json:20:7: document path \"../../etc/x\" must be relative to the corpus folder and stay inside it\ncorpus/traversal/qalam-corpus.json:21:7: document path \"/abs/x\" must be relative to the corpus folder and stay inside it\ncorpus/traversal/qalam-corpus.json:23:7: document path \"news/../../up.txt\" must be relative to the corpus folder and stay inside it\ncorpus/traversal/qalam-corpus.json:27:17: \"guidelines\" must be a file name in the corpus folder, found \"../secret.md\"",
    ),
    case(
        "corpus/duplicate-key/qalam-corpus.json",
        CorpusFile,
        "corpus/duplicate-key/qalam-corpus.json:16:17: annotators is given twice (first at line 15, column 17); a key may appear only once",
    ),
    case(
        "corpus/deep-nesting/qalam-corpus.json",
        CorpusFile,
        "corpus/deep-nesting/qalam-corpus.json:1:164: malformed JSON: recursion limit exceeded",
    ),
    case(
        "corpus/truncated/qalam-corpus.json",
        CorpusFile,
        "corpus/truncated/qalam-corpus.json:4:23: malformed JSON: EOF while parsing a list",
    ),
    // Label templates.
    case(
        "templates/truncated.labels.json",
        Template,
        "templates/truncated.labels.json:5:17: EOF while parsing a string",
    ),
    case(
        "templates/hostile-values.labels.json",
        Template,
        "templates/hostile-values.labels.json:3:16: invalid type: floating point `1.5`, expected u32",
    ),
    case(
        "templates/duplicate-names.labels.json",
        Template,
        "templates/duplicate-names.labels.json: label 2 (\"PER\"): the name is used twice",
    ),
    case(
        "templates/deep-nesting.labels.json",
        Template,
        "templates/deep-nesting.labels.json:1:53: invalid type: sequence, expected a string",
    ),
    // The app's settings file.
    case(
        "settings/truncated.json",
        SettingsFile,
        "settings/truncated.json:3:18: EOF while parsing a string",
    ),
    case(
        "settings/wrong-type.json",
        SettingsFile,
        "settings/wrong-type.json:3:21: invalid type: string \"yes\", expected a boolean",
    ),
    case(
        "settings/invalid-utf8.json",
        SettingsFile,
        "settings/invalid-utf8.json:2:18: not UTF-8 (byte 21 of the file)",
    ),
    case(
        "settings/not-an-object.json",
        SettingsFile,
        "settings/not-an-object.json:1:3: expected a JSON object `{…}`, found `[`",
    ),
    case(
        "settings/huge-number.json",
        SettingsFile,
        "settings/huge-number.json:1:19: number out of range",
    ),
    case(
        "settings/deep-nesting.json",
        SettingsFile,
        "settings/deep-nesting.json:1:18: invalid type: sequence, expected path string",
    ),
    case(
        "settings/nul-and-lone-surrogate.json",
        SettingsFile,
        "settings/nul-and-lone-surrogate.json:1:49: unexpected end of hex escape: a \\uD800–\\uDFFF escape must be one half of a surrogate pair (\\uD83D\\uDE00); alone it is not a character",
    ),
    case(
        "settings/out-of-range.json",
        SettingsFile,
        "loaded: text size 10, annotator \"\", recent files [\"/a.txt\", \"/b.txt\"], last folder None",
    ),
    // Recovery files.
    case(
        "recovery",
        Recovery,
        "entry cut: recovery file recovery/recovery/cut.qalam.json is damaged: recovery/recovery/cut.qalam.json:10:35: malformed JSON: EOF while parsing a string\nproblem: recovery file recovery/recovery/bad-time.meta.json is damaged: line 1, column 56: input contains invalid characters\nproblem: recovery file recovery/recovery/orphan.qalam.json is damaged: the annotation file is missing\nproblem: recovery file recovery/recovery/truncated.meta.json is damaged: line 1, column 40: EOF while parsing a string",
    ),
    // Span notation.
    case(
        "notation/cases.txt",
        Notation,
        "line 1: error: the span opened by `[` at column 0 is never closed; end it with `|LABEL]`\nline 2: error: `|` at column 5 is outside any span; write `\\|` for a literal bar\nline 3: ok: [[بوتين|PERSON]|X]\nline 4: error: empty label before the `]` at column 7\nline 5: error: the span opened at column 0 covers no text\nline 6: error: the selection opened by `{` at column 0 is never closed with `}`\nline 7: error: a second `^` at column 1: a notation has at most one selection (`{…}` or `^`) and one selected span (`*`)\nline 8: ok: [بوتين|PER\\*SON]\nline 9: ok: \0[\0|\0]\nline 10: error: the span opened by `[` at column 9999 is never closed; end it with `|LABEL]`",
    ),
];

/// What reading `case` gives, as text, with the catalogue's folder removed from paths.
fn outcome(case: &Case) -> String {
    let path = hostile_dir().join(case.file);
    let text = match case.reader {
        Load => load_outcome(&path),
        Import(format) => import_outcome(format, &path),
        CorpusFile => match CorpusFile::load(&path) {
            Ok(file) => format!(
                "loaded: {} labels, annotators {:?}, assignments {:?}, guidelines {:?}",
                file.labels.labels.len(),
                file.annotators,
                file.assignments,
                file.guidelines
            ),
            Err(error) => error.to_string(),
        },
        Template => match load_template(&path) {
            Ok(labels) => format!("loaded: {} labels", labels.labels.len()),
            Err(error) => error.to_string(),
        },
        Recovery => recovery_outcome(&path),
        SettingsFile => match read_settings(&path) {
            Ok(Some(settings)) => format!(
                "loaded: text size {}, annotator {:?}, recent files {:?}, last folder {:?}",
                settings.text_size, settings.annotator, settings.recent_files, settings.last_folder
            ),
            Ok(None) => "no file".to_owned(),
            Err(error) => error.to_string(),
        },
        Notation => notation_outcome(&path),
    };
    relative(&text)
}

/// `text` with the catalogue's folder (and a trailing separator) removed from paths.
pub fn relative(text: &str) -> String {
    let dir = hostile_dir();
    text.replace(&format!("{}/", dir.display()), "")
        .replace(&dir.display().to_string(), ".")
}

fn load_outcome(path: &Path) -> String {
    let result = load_path(path);
    // The fast and the validating readers must agree on every `.qalam.json` case.
    if let Ok(bytes) = std::fs::read(path)
        && let Ok(text) = std::str::from_utf8(&bytes)
        && path.to_string_lossy().ends_with(".json")
    {
        let json = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(fast) = read_valid(json) {
            match read_with_diagnostics(json, path) {
                Ok(slow) => assert_eq!(slow, fast, "{}: the readers disagree", path.display()),
                Err(errors) => panic!(
                    "{}: the fast reader accepts what the validating reader refuses: {errors}",
                    path.display()
                ),
            }
        }
    }
    match result {
        Ok(Loaded { annotation, .. }) => format!(
            "loaded {}: {} code points, {} spans",
            annotation.document().id,
            annotation.document().char_len(),
            annotation.spans().len()
        ),
        Err(error) => error.to_string(),
    }
}

fn import_outcome(format: Format, path: &Path) -> String {
    match interchange::import(format, path, &ImportOptions::default()) {
        Ok(imported) => {
            let mut out = String::new();
            for annotation in &imported.documents {
                let _ = writeln!(
                    out,
                    "document {:?}: {} code points, spans {:?}",
                    annotation.document().id,
                    annotation.document().char_len(),
                    annotation
                        .spans()
                        .iter()
                        .map(|span| (span.start, span.end, span.label.as_str()))
                        .collect::<Vec<_>>()
                );
            }
            for entry in &imported.report.entries {
                let _ = writeln!(out, "report: {entry}");
            }
            out.trim_end().to_owned()
        }
        Err(error) => format!("error: {error}"),
    }
}

fn recovery_outcome(data_dir: &Path) -> String {
    let store = RecoveryStore::new(data_dir);
    let (entries, problems) = store.list();
    let mut out = String::new();
    for entry in &entries {
        match store.read(entry) {
            Ok(annotation) => {
                let _ = writeln!(
                    out,
                    "entry {}: restores {} ({} spans)",
                    entry.id,
                    annotation.document().id,
                    annotation.spans().len()
                );
            }
            Err(error) => {
                let _ = writeln!(out, "entry {}: {error}", entry.id);
            }
        }
    }
    let mut problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    problems.sort();
    for problem in problems {
        let _ = writeln!(out, "problem: {problem}");
    }
    out.trim_end().to_owned()
}

fn notation_outcome(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = String::new();
    for (index, line) in text.lines().enumerate() {
        let result = match Notation::parse(line) {
            Ok(case) => format!("ok: {}", case.render()),
            Err(error) => format!("error: {error}"),
        };
        let _ = writeln!(out, "line {}: {result}", index + 1);
    }
    out.trim_end().to_owned()
}

/// Runs `read`, turning a panic into a failure text naming the case.
pub fn without_panic(name: &str, read: impl FnOnce() -> String) -> String {
    match std::panic::catch_unwind(AssertUnwindSafe(read)) {
        Ok(text) => text,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            format!("PANIC in {name}: {message}")
        }
    }
}

#[test]
fn every_hostile_case_gives_its_exact_outcome_and_none_panics() {
    // QALAM_HOSTILE_PRINT=1 prints every outcome as a table row, to review a new case.
    let print = std::env::var_os("QALAM_HOSTILE_PRINT").is_some();
    let mut failures = Vec::new();
    for case in CASES {
        let actual = without_panic(case.file, || outcome(case));
        if print {
            println!(
                "    case(\n        {:?},\n        {:?},\n        {:?},\n    ),",
                case.file, case.reader, actual
            );
        }
        if actual != case.expected {
            failures.push(format!(
                "{}:\n  expected: {:?}\n  actual:   {:?}",
                case.file, case.expected, actual
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_catalogue_has_at_least_forty_cases_and_every_fixture_is_in_it() {
    let generated = generated::CASE_NAMES.len();
    assert!(CASES.len() + generated >= 40, "{}", CASES.len() + generated);
    let listed: Vec<&str> = CASES.iter().map(|case| case.file).collect();
    let mut unlisted = Vec::new();
    let root = hostile_dir();
    for folder in [
        "qalam",
        "text",
        "doccano",
        "label_studio",
        "conll",
        "spacy",
        "prodigy",
        "templates",
        "settings",
    ] {
        for entry in std::fs::read_dir(root.join(folder)).expect("folder") {
            let name = format!(
                "{folder}/{}",
                entry.expect("entry").file_name().to_string_lossy()
            );
            if !listed.contains(&name.as_str()) {
                unlisted.push(name);
            }
        }
    }
    assert!(unlisted.is_empty(), "fixtures without a case: {unlisted:?}");
}
