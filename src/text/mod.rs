//! Text engine: parley layout of document paragraphs, bidi, hit-testing, painting through egui,
//! and conversions between code points, UTF-8 bytes and UTF-16 units.
