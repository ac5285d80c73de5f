//! A stand-in for the `qalam export`/`qalam import` command line, with the same arguments, for
//! the Python interoperability check (`interop/check.py`) while the CLI is being written:
//!
//! ```text
//! cargo run -p qalam-core --release --example interchange -- export --format F -o OUT PATH...
//! cargo run -p qalam-core --release --example interchange -- import --format F -o DIR PATH...
//! cargo run -p qalam-core --release --example interchange -- sample OUT.qalam.json
//! ```
//!
//! `sample` writes the bundled sample article annotated with the spans the interop check and
//! the golden tests use (nested, inside words, across punctuation).

use std::path::PathBuf;
use std::process::ExitCode;

use qalam_core::interchange::{ExportOptions, Format, ImportOptions, batch};
use qalam_core::model::{Annotation, Document};

/// `(text, label, occurrence)` of the sample article's spans: the `occurrence`-th (0-based)
/// place `text` appears.
const SAMPLE_SPANS: &[(&str, &str, usize)] = &[
    ("بيونغ يانغ", "COUNTRY", 0),
    ("موسكو", "COUNTRY", 0),
    ("كيم جونغ أون", "PERSON", 0),
    ("روسيا", "COUNTRY", 0),
    ("حربها ضد أوكرانيا", "EVENT", 0),
    ("أوكرانيا", "COUNTRY", 0),
    ("وزير الخارجية الروسي سيرغي لافروف", "PERSON", 0),
    ("الخارجية الروسي", "ORGANIZATION", 0),
    ("سيرغي لافروف", "PERSON", 0),
    ("كيم", "PERSON", 1),
    ("لافروف", "PERSON", 1),
    ("كوريا الشمالية", "COUNTRY", 0),
    ("كورسك", "COUNTRY", 0),
    ("بيونغ يانغ", "COUNTRY", 1),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("interchange: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(command) = args.first() else {
        return Err("usage: export|import --format F -o OUT PATH... | sample OUT".to_owned());
    };
    if command == "sample" {
        let out = args.get(1).ok_or("sample needs an output file")?;
        let text = include_str!("../../../assets/kim-lavrov-wonsan.ar.txt");
        let annotation = sample(text)?;
        std::fs::write(out, qalam_core::io::to_json_string(&annotation))
            .map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut format = None;
    let mut out = None;
    let mut paths = Vec::new();
    let mut options = ExportOptions::default();
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => {
                let name = rest.next().ok_or("--format needs a value")?;
                format = Some(Format::from_name(name).ok_or(format!("unknown format {name}"))?);
            }
            "-o" => out = rest.next().map(PathBuf::from),
            "--widen" => options.boundary = qalam_core::interchange::BoundaryPolicy::Widen,
            "--bioes" => options.scheme = qalam_core::interchange::TagScheme::Bioes,
            "--splits" => {
                let value = rest.next().ok_or("--splits needs a value")?;
                let parts: Vec<f64> = value.split(',').filter_map(|p| p.parse().ok()).collect();
                let [a, b, c] = parts[..] else {
                    return Err("--splits takes three fractions".to_owned());
                };
                options.splits = Some([a, b, c]);
            }
            other => paths.push(PathBuf::from(other)),
        }
    }
    let format = format.ok_or("--format is required")?;
    let out = out.ok_or("-o is required")?;
    let report = if command == "export" {
        let files = batch::collect_annotation_files(&paths).map_err(|e| e.to_string())?;
        let summary = batch::export_files(format, &files, &out, &options, &mut |_| true)
            .map_err(|e| e.to_string())?;
        for (file, reason) in &summary.unreadable {
            eprintln!("{}: {reason}", file.display());
        }
        summary.report
    } else {
        let imported = batch::import_paths(format, &paths, &ImportOptions::default())
            .map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        for document in &imported.documents {
            let file = out.join(format!("{}.qalam.json", document.document().id));
            std::fs::write(file, qalam_core::io::to_json_string(document))
                .map_err(|e| e.to_string())?;
        }
        imported.report
    };
    eprint!("{report}");
    Ok(if report.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn sample(text: &str) -> Result<Annotation, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    for &(needle, label, occurrence) in SAMPLE_SPANS {
        let needle: Vec<char> = needle.chars().collect();
        let start = (0..chars.len())
            .filter(|&i| chars[i..].starts_with(&needle))
            .nth(occurrence)
            .ok_or(format!("«{}» not found", needle.iter().collect::<String>()))?;
        spans.push((start, start + needle.len(), label));
    }
    let document = Document::new("kim-lavrov-wonsan.ar", text);
    Ok(Annotation::with_spans_unchecked(document, &spans))
}
