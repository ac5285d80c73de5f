//! Switching documents from the corpus's document list: the real app, headless through a bare
//! `egui::Context`, on a folder of two 100 KB Arabic articles (with a corpus file and one
//! annotator's files beside them). One switch is the frame that applies "Next document" /
//! "Previous document" (loading the other article) plus the frame that draws it (laying out its
//! visible paragraphs), tessellation included. Target ≤ 50 ms. Percentiles go to stderr next to
//! criterion's report.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Vec2};
use qalam::ui::QalamApp;
use qalam::ui::app::settings::Settings;
use qalam::ui::commands::Command;
use qalam_core::corpus::{CorpusFile, annotation_file_name};
use qalam_core::io::to_json_string;
use qalam_core::model::{Annotation, Document};

const ARTICLE_BYTES: usize = 100_000;

/// About 100 KB of Arabic text in paragraphs of ten sentences; `seed` makes it unique.
fn article(seed: usize) -> String {
    let mut text = String::with_capacity(ARTICLE_BYTES + 512);
    let mut sentence = 0;
    while text.len() < ARTICLE_BYTES {
        text.push_str(&format!(
            "في اليوم {seed}-{sentence} زار الرئيس العاصمة والتقى بالمسؤولين هناك لبحث التعاون. "
        ));
        sentence += 1;
        if sentence % 10 == 0 {
            text.push('\n');
        }
    }
    text
}

/// Writes the corpus: `a.txt` with Amal's annotation file, `b.txt` without one.
fn generate(root: &Path) {
    let corpus = CorpusFile {
        annotators: vec!["Amal".to_owned()],
        ..CorpusFile::default()
    };
    corpus
        .save(&CorpusFile::path_in(root))
        .expect("corpus file");
    for (index, name) in ["a.txt", "b.txt"].into_iter().enumerate() {
        let text = article(index);
        let path = root.join(name);
        std::fs::write(&path, &text).expect("article");
        if index == 0 {
            let mut ann = Annotation::new(Document::new("a", text));
            // One at a time: a new span's id is the next free one only after the previous
            // span was added.
            for i in 0..200 {
                let span = ann.new_span(i * 250 + 3, i * 250 + 8, "PERSON");
                ann.apply(qalam_core::model::Edit::AddSpan(span))
                    .expect("span");
            }
            let saved = annotation_file_name(&path, Some("Amal"));
            std::fs::write(saved, to_json_string(&ann)).expect("annotation");
        }
    }
}

struct Window {
    ctx: egui::Context,
    app: QalamApp,
    time: f64,
}

impl Window {
    fn frame(&mut self) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
            time: Some(self.time),
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.app_ui(ui));
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
    }

    /// Queues `command` and runs the frame that applies it and the frame that draws it.
    fn switch(&mut self, command: Command) -> Duration {
        let start = Instant::now();
        self.app.queue_command(command);
        self.frame();
        self.frame();
        start.elapsed()
    }
}

fn switching(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    generate(folder.path());
    let settings = Settings {
        annotator: "Amal".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    let app = QalamApp::new(vec![folder.path().to_owned()], data.path(), settings);
    let mut window = Window {
        ctx: egui::Context::default(),
        app,
        time: 0.0,
    };
    qalam::ui::app::egui_fonts::install_egui_fonts(&window.ctx);
    while window.app.is_scanning() {
        window.frame();
        std::thread::sleep(Duration::from_millis(5));
    }
    window.frame();
    window.switch(Command::NextDocument);
    assert_eq!(window.app.current_corpus_document(), Some(0));
    let spans = window
        .app
        .current_document()
        .map_or(0, |doc| doc.annotation().spans().len());
    assert_eq!(spans, 200, "Amal's file of a.txt opened");

    let mut times = Vec::new();
    let mut next = true;
    c.bench_function("corpus_switch_100kb", |b| {
        b.iter(|| {
            let command = if next {
                Command::NextDocument
            } else {
                Command::PrevDocument
            };
            next = !next;
            times.push(window.switch(command));
        })
    });
    assert_eq!(
        window.app.documents().len(),
        1,
        "switching replaces the document"
    );
    times.sort_unstable();
    if !times.is_empty() {
        let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
        eprintln!(
            "corpus switch (100 KB): {} switches, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            times.len(),
            at(0.5).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3,
            at(1.0).as_secs_f64() * 1e3
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = switching
}
criterion_main!(benches);
