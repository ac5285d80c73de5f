//! Speed of scanning a corpus folder: 10 000 generated documents (about 1 KB of Arabic text and
//! 20 spans each) in 100 folders, each a `.txt` with one annotator's `.qalam.json` beside it,
//! plus the same corpus as annotation files only. Target: ≤ 1 s to a filled document list.

use std::hint::black_box;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::corpus::{CorpusFile, annotation_file_name, scan, scan_with_progress};
use qalam_core::io::to_json_string;
use qalam_core::model::Annotation;
use qalam_core::model::notation::Case;

const DOCUMENTS: usize = 10_000;
const SPANS: usize = 20;

/// The notation of document `index`: 20 tagged names in about 1 KB of text, unique per index.
fn notation(index: usize) -> String {
    let mut text = format!("الوثيقة رقم {index} من المجموعة. ");
    for span in 0..SPANS {
        let label = if span % 2 == 0 { "PERSON" } else { "COUNTRY" };
        text.push_str(&format!(
            "في اليوم {span} زار [الرئيس|{label}] العاصمة والتقى بالمسؤولين هناك. "
        ));
    }
    text
}

/// Writes the generated corpus under `root`; `with_text` adds the `.txt` of every document.
fn generate(root: &Path, with_text: bool) {
    let corpus = CorpusFile {
        annotators: vec!["Amal".to_owned()],
        ..CorpusFile::default()
    };
    corpus
        .save(&CorpusFile::path_in(root))
        .expect("corpus file");
    for index in 0..DOCUMENTS {
        let folder = root.join(format!("part{:03}", index / 100));
        if index % 100 == 0 {
            std::fs::create_dir_all(&folder).expect("folder");
        }
        let mut parts = Case::parse(&notation(index))
            .expect("notation")
            .annotation()
            .into_parts();
        parts.annotator = Some("Amal".to_owned());
        let ann = Annotation::from_parts(parts).expect("valid");
        let text_path = folder.join(format!("doc{index:05}.txt"));
        if with_text {
            std::fs::write(&text_path, ann.document().text()).expect("text");
        }
        let json_path = annotation_file_name(&text_path, Some("Amal"));
        std::fs::write(json_path, to_json_string(&ann)).expect("annotation");
    }
}

fn corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    for with_text in [true, false] {
        let dir = tempfile::tempdir().expect("temp dir");
        generate(dir.path(), with_text);
        let scanned = scan(dir.path()).expect("scan");
        assert_eq!(scanned.documents.len(), DOCUMENTS);
        assert!(scanned.problems.is_empty(), "{:?}", &scanned.problems[..1]);
        assert!(
            scanned
                .documents
                .iter()
                .all(|doc| doc.span_count() == SPANS)
        );
        let name = if with_text {
            "10k documents, txt + qalam.json"
        } else {
            "10k documents, qalam.json only"
        };
        group.bench_function(name, |b| {
            b.iter(|| black_box(scan(dir.path()).expect("scan")))
        });
        eprintln!(
            "{name}: first file read after {:?} (median of 5)",
            first_file_latency(dir.path())
        );
    }
    group.finish();
}

/// How long a scan takes to hand the first file to its progress callback (what a window
/// needs for its first rows), the median of five scans.
fn first_file_latency(root: &Path) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let first = OnceLock::new();
            let start = Instant::now();
            scan_with_progress(root, &|_| {
                first.get_or_init(|| start.elapsed());
            })
            .expect("scan");
            first.get().copied().unwrap_or_default()
        })
        .collect();
    times.sort();
    times[2]
}

criterion_group!(benches, corpus);
criterion_main!(benches);
