//! Speed of scanning a corpus folder: 10 000 generated documents (about 1 KB of Arabic text and
//! 20 spans each) in 100 folders, each a `.txt` with one annotator's `.qalam.json` beside it,
//! plus the same corpus as annotation files only. Target: ≤ 1 s to a filled document list.
//!
//! Also measured, printed to stderr: the first rows a window can show (the first file handed
//! over by the background [`ScanJob`], target ≤ 100 ms), the document list's rows of the scanned
//! corpus (sorted by status and filtered, as `list_rows` makes them for every change of the
//! query), and the process's peak memory (VmHWM, target ≤ 200 MB) after scanning.

use std::hint::black_box;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use qalam_core::corpus::{
    CorpusFile, ListQuery, ListSort, ScanJob, annotation_file_name, list_rows, scan,
    scan_with_progress,
};
use qalam_core::io::to_json_string;
use qalam_core::model::Annotation;
use qalam_core::model::DocStatus;
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
            "{name}: first file read after {:?}, first rows from the background job after {:?} \
             (medians of 5)",
            first_file_latency(dir.path()),
            first_rows_latency(dir.path())
        );
        if with_text {
            let by_status = ListQuery {
                sort: ListSort::Status,
                viewer: Some("Amal".to_owned()),
                ..ListQuery::default()
            };
            let filtered = ListQuery {
                status: Some(DocStatus::Todo),
                label: Some("PERSON".to_owned()),
                search: "doc05".to_owned(),
                ..by_status.clone()
            };
            assert_eq!(list_rows(&scanned, &by_status).len(), DOCUMENTS);
            group.bench_function("list rows 10k, by status", |b| {
                b.iter(|| black_box(list_rows(&scanned, &by_status)))
            });
            group.bench_function("list rows 10k, filtered and searched", |b| {
                b.iter(|| black_box(list_rows(&scanned, &filtered)))
            });
        }
    }
    group.finish();
    eprintln!("peak memory (VmHWM) after the scans: {}", peak_memory());
}

/// How long the background [`ScanJob`] takes to hand its first file to the window (what the
/// document list shows first), the median of five jobs.
fn first_rows_latency(root: &Path) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let job = ScanJob::spawn(root.to_owned());
            let first = loop {
                if !job.take_files().is_empty() {
                    break start.elapsed();
                }
                std::thread::sleep(Duration::from_micros(200));
            };
            job.wait().expect("scan");
            first
        })
        .collect();
    times.sort();
    times[2]
}

/// The process's peak resident memory, from `/proc/self/status` (Linux).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .map(|line| line.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
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
