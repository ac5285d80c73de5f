//! The 1 MB Arabic text of the search and suggestion benches.

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../../../assets/kim-lavrov-wonsan.ar.txt");

/// About 1 MB of Arabic: the sample repeated, every 7th copy with a fatha after each `م` and a
/// tatweel after each `ل`, so the folds have work to do.
pub fn megabyte() -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut copy = 0;
    while text.len() < 1 << 20 {
        if copy % 7 == 3 {
            for c in SAMPLE.chars() {
                text.push(c);
                match c {
                    'م' => text.push('\u{064E}'),
                    'ل' => text.push('\u{0640}'),
                    _ => {}
                }
            }
        } else {
            text.push_str(SAMPLE);
        }
        text.push('\n');
        copy += 1;
    }
    text
}
