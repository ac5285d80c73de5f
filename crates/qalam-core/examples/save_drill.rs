//! The kill drill's writer and checker: the real save paths of Qalam without the window — the
//! atomic `.qalam.json` save, the recovery (autosave) file, a dataset export through
//! `interchange::batch` (doccano JSONL and CoNLL, one file each), the corpus file and the app's
//! settings file (in the data folder) — writing
//! two versions, A and B, in turn, so that a SIGKILL at any moment can be checked afterwards.
//!
//! ```text
//! save_drill init DIR        write version A of every file
//! save_drill run DIR         write B, A, B, … for ever (until killed); prints "running" first
//! save_drill check DIR       every file is exactly A or B, the recovery entry restores A or B;
//!                            then the next save (a restarted app) leaves no temporary file
//! save_drill full-disk DIR   DIR is a nearly full file system: saves fail cleanly
//! save_drill read-only DIR   DIR/user is read-only (after `init`): saves fail cleanly, the
//!                            autosave (in DIR/data) keeps the work
//! ```
//!
//! `drills/kill.sh` runs it; `tests/integration/drills.rs` runs a few trials under `cargo test`
//! (it includes this file as a module). The user's folder is `DIR/user`, the data folder (with
//! `recovery/`) `DIR/data`.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use qalam_core::corpus::corpus_file::{CORPUS_FILE_NAME, CorpusFile};
use qalam_core::interchange::batch::export_annotations;
use qalam_core::interchange::{ExportOptions, Format};
use qalam_core::io::recovery::RecoveryStore;
use qalam_core::io::settings::{Settings, read_settings, settings_path, write_settings};
use qalam_core::io::{from_json_str, save_path, to_json_string};
use qalam_core::model::{Annotation, AnnotationParts, Document, LabelSet, Span, SpanId};

/// The recovery id the drill writes.
pub const RECOVERY_ID: &str = "drill";
/// The annotation file in the user's folder.
pub const DOCUMENT: &str = "article.qalam.json";
/// The dataset exports in the user's folder.
pub const EXPORTS: [(&str, Format); 2] = [
    ("export.jsonl", Format::Doccano),
    ("export.conll", Format::Conll),
];

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(command), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: save_drill init|run|check|full-disk|read-only DIR");
        return std::process::ExitCode::from(2);
    };
    let dir = Path::new(dir);
    let result = match command.as_str() {
        "init" => init(dir),
        "run" => run(dir, None),
        "check" => check(dir).map(|outcome| println!("{outcome}")),
        "full-disk" => full_disk(dir).map(|outcome| println!("{outcome}")),
        "read-only" => read_only(dir).map(|outcome| println!("{outcome}")),
        _ => Err(format!("unknown command {command}")),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            println!("FAIL {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Version `which` (0 = A, 1 = B) of the annotation: B is much larger, so a kill often lands
/// in the middle of writing it.
pub fn version(which: usize) -> Annotation {
    let stamp = Utc
        .with_ymd_and_hms(2025, 1, 2, 3, 4, 5)
        .single()
        .unwrap_or_default();
    let repeat = if which == 0 { 3 } else { 3000 };
    let text = "زار بوتين روسيا ثم التقى كيم جونغ أون.\n".repeat(repeat);
    let document = Document::new("article", text);
    let sentences = document.char_len() / 39;
    let spans = (0..sentences)
        .flat_map(|n| {
            let at = n * 39;
            [(at + 4, at + 9, "PERSON"), (at + 10, at + 15, "COUNTRY")]
        })
        .enumerate()
        .map(|(index, (start, end, label))| {
            Span::new(SpanId(index as u64 + 1), start, end, label, stamp)
        })
        .collect();
    Annotation::from_parts(AnnotationParts {
        document,
        labels: LabelSet::default(),
        spans,
        status: Default::default(),
        annotator: Some(if which == 0 { "amal" } else { "badr" }.to_owned()),
        created: stamp,
        modified: stamp,
        extra: Default::default(),
    })
    .unwrap_or_else(|error| panic!("the drill's own annotation is valid: {error}"))
}

/// Version `which` of the corpus file.
pub fn corpus_version(which: usize) -> CorpusFile {
    let mut file = CorpusFile {
        labels: LabelSet::default(),
        annotators: vec!["amal".to_owned(), "badr".to_owned()],
        ..CorpusFile::default()
    };
    let count = if which == 0 { 2 } else { 5000 };
    file.assignments.insert(
        "amal".to_owned(),
        (0..count)
            .map(|n| format!("news/article-{n}.txt"))
            .collect(),
    );
    file
}

/// Version `which` of the app's settings (B names ten long recent files).
pub fn settings_version(which: usize) -> Settings {
    let mut settings = Settings {
        annotator: "amal".to_owned(),
        annotator_asked: true,
        ..Settings::default()
    };
    if which == 1 {
        settings.dark_theme = false;
        for n in 0..10 {
            let name = format!("/home/amal/news/{}-{n}.qalam.json", "مقال".repeat(40));
            settings.add_recent_file(Path::new(&name));
        }
    }
    settings
}

/// The exact bytes of the settings file in version `which`.
fn settings_bytes(which: usize) -> Vec<u8> {
    let mut bytes = settings_version(which).to_json().into_bytes();
    bytes.push(b'\n');
    bytes
}

fn data(dir: &Path) -> PathBuf {
    dir.join("data")
}

fn user(dir: &Path) -> PathBuf {
    dir.join("user")
}

fn store(dir: &Path) -> RecoveryStore {
    RecoveryStore::new(&data(dir))
}

/// Writes every file in version `which`, in the order the app would: the autosave, the
/// settings, the save, the exports, the corpus file.
pub fn write_all(dir: &Path, which: usize, annotation: &Annotation) -> Result<(), String> {
    let folder = user(dir);
    let document = folder.join(DOCUMENT);
    store(dir)
        .write(RECOVERY_ID, Some(&document), "article", annotation)
        .map_err(|error| error.to_string())?;
    write_settings(&settings_path(&data(dir)), &settings_version(which))
        .map_err(|error| error.to_string())?;
    save_path(&document, annotation, None, true).map_err(|error| error.to_string())?;
    for (name, format) in EXPORTS {
        export_annotations(
            format,
            std::slice::from_ref(annotation),
            &folder.join(name),
            &ExportOptions::default(),
            &mut |_| true,
        )
        .map_err(|error| format!("{name}: {error}"))?;
    }
    corpus_version(which)
        .save(&folder.join(CORPUS_FILE_NAME))
        .map_err(|error| error.to_string())
}

/// `init`: the folders and version A of everything.
pub fn init(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(user(dir)).map_err(|error| error.to_string())?;
    write_all(dir, 0, &version(0))
}

/// `run`: B, A, B, … until killed (or `rounds` rounds).
pub fn run(dir: &Path, rounds: Option<usize>) -> Result<(), String> {
    let versions = [version(0), version(1)];
    println!("running");
    let mut round = 0;
    while rounds.is_none_or(|rounds| round < rounds) {
        let which = (round + 1) % 2;
        write_all(dir, which, &versions[which])?;
        round += 1;
    }
    Ok(())
}

/// A file's name and its exact bytes in version A and in version B.
type Versions = (String, [Vec<u8>; 2]);

/// The exact bytes of every file in version A and B, by file name.
fn expected_bytes() -> Result<Vec<Versions>, String> {
    let temp = tempfile::tempdir().map_err(|error| error.to_string())?;
    let mut out: Vec<Versions> = Vec::new();
    let mut per_version: Vec<Vec<(String, Vec<u8>)>> = Vec::new();
    for which in 0..2 {
        let annotation = version(which);
        let mut files = vec![(
            DOCUMENT.to_owned(),
            to_json_string(&annotation).into_bytes(),
        )];
        for (name, format) in EXPORTS {
            let path = temp.path().join(format!("{which}-{name}"));
            export_annotations(
                format,
                std::slice::from_ref(&annotation),
                &path,
                &ExportOptions::default(),
                &mut |_| true,
            )
            .map_err(|error| error.to_string())?;
            files.push((
                name.to_owned(),
                std::fs::read(&path).map_err(|error| error.to_string())?,
            ));
        }
        files.push((
            CORPUS_FILE_NAME.to_owned(),
            corpus_version(which).to_json_string().into_bytes(),
        ));
        per_version.push(files);
    }
    let b = per_version.pop().unwrap_or_default();
    let a = per_version.pop().unwrap_or_default();
    for ((name, a), (_, b)) in a.into_iter().zip(b) {
        out.push((name, [a, b]));
    }
    Ok(out)
}

/// Names of temporary files and folders (a save's `.NAME.tmp-*`, an export's `.qalam-*`) in
/// `folder`.
pub fn temporary_files(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.contains(".tmp-") || name.starts_with(".qalam-"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// `check`: every file is exactly A or B and the recovery entry restores A or B; then one more
/// save round (the restarted app saving) must leave no temporary file behind. Returns a
/// one-line summary such as `ok article=B export.jsonl=A … recovery=B stale=1 left=0`.
pub fn check(dir: &Path) -> Result<String, String> {
    let folder = user(dir);
    let mut summary = String::from("ok");
    for (name, [a, b]) in expected_bytes()? {
        let bytes =
            std::fs::read(folder.join(&name)).map_err(|error| format!("{name}: {error}"))?;
        let which = if bytes == a {
            "A"
        } else if bytes == b {
            "B"
        } else {
            return Err(format!(
                "{name} is neither version ({} bytes; A {}, B {})",
                bytes.len(),
                a.len(),
                b.len()
            ));
        };
        summary.push_str(&format!(" {name}={which}"));
    }
    // The saved file also reads back through the real reader.
    let path = folder.join(DOCUMENT);
    let text = std::fs::read_to_string(&path).map_err(|error| error.to_string())?;
    from_json_str(&text, &path).map_err(|error| error.to_string())?;
    let store = store(dir);
    let (entries, problems) = store.list();
    if !problems.is_empty() {
        return Err(format!("recovery problems: {problems:?}"));
    }
    let [entry] = entries.as_slice() else {
        return Err(format!("{} recovery entries, expected 1", entries.len()));
    };
    let restored = store.read(entry).map_err(|error| error.to_string())?;
    let which = if restored == version(0) {
        "A"
    } else if restored == version(1) {
        "B"
    } else {
        return Err("the recovery file restores neither version".to_owned());
    };
    summary.push_str(&format!(" recovery={which}"));
    // The settings file: exactly A or B, and it reads back as that version.
    let settings_file = settings_path(&data(dir));
    let bytes = std::fs::read(&settings_file).map_err(|error| format!("settings: {error}"))?;
    let Some(which) = (0..2).find(|&which| bytes == settings_bytes(which)) else {
        return Err(format!(
            "settings.json is neither version ({} bytes)",
            bytes.len()
        ));
    };
    let read = read_settings(&settings_file).map_err(|error| error.to_string())?;
    if read != Some(settings_version(which)) {
        return Err("settings.json does not read back as its version".to_owned());
    }
    summary.push_str(&format!(" settings={}", ["A", "B"][which]));
    let stale = temporary_files(&folder).len()
        + temporary_files(store.dir()).len()
        + temporary_files(&data(dir)).len();
    // The restarted app saves again (version A): leftovers of the killed run must be gone.
    write_all(dir, 0, &version(0))?;
    store.list();
    let left: Vec<String> = temporary_files(&folder)
        .into_iter()
        .chain(temporary_files(store.dir()))
        .chain(temporary_files(&data(dir)))
        .collect();
    if !left.is_empty() {
        return Err(format!(
            "temporary files left after the next save: {left:?}"
        ));
    }
    summary.push_str(&format!(" stale={stale} left=0"));
    Ok(summary)
}

/// `full-disk`: `DIR` is a small file system. Version A is written while it fits; then, with
/// the file system filled up, saving B must fail with an error naming the file, and every file
/// must still be A with no temporary file left.
pub fn full_disk(dir: &Path) -> Result<String, String> {
    init(dir)?;
    // Fill what is left, so that nothing new fits.
    let filler = dir.join("filler");
    let mut written = 0usize;
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&filler).map_err(|error| error.to_string())?;
        while file.write_all(&[0u8; 4096]).is_ok() {
            written += 4096;
        }
        let _ = file.sync_all();
    }
    let outcome = refuse_writes(dir, "No space left on device", false);
    let _ = std::fs::remove_file(&filler);
    outcome.map(|errors| format!("ok full-disk (filler {written} bytes): {errors}"))
}

/// `read-only`: `DIR/user` holds version A (from `init`) and is now read-only, the data folder
/// is not: saving, exporting and writing the corpus file must fail with an error naming the
/// file and leave A, while the autosave still works and restores B (nothing is lost).
pub fn read_only(dir: &Path) -> Result<String, String> {
    refuse_writes(dir, "Read-only file system", true)
        .map(|errors| format!("ok read-only: {errors}"))
}

/// Tries to write version B everywhere; every write in the user's folder must fail, name its
/// file and leave A. The autosave must work when `autosave_works` (it then restores B), else
/// fail like the others (and the recovery file still restores A).
fn refuse_writes(dir: &Path, expected: &str, autosave_works: bool) -> Result<String, String> {
    let folder = user(dir);
    let document = folder.join(DOCUMENT);
    let big = version(1);
    let mut errors = Vec::new();
    let save = save_path(&document, &big, None, true);
    errors.push(describe(
        "save",
        save.map(|_| ()).map_err(|e| e.to_string()),
        &document,
    )?);
    let autosave = store(dir).write(RECOVERY_ID, Some(&document), "article", &big);
    match (autosave, autosave_works) {
        (Ok(()), true) => {}
        (Err(error), true) => return Err(format!("the autosave failed: {error}")),
        (result, false) => errors.push(describe(
            "autosave",
            result.map_err(|e| e.to_string()),
            Path::new(RECOVERY_ID),
        )?),
    }
    // The settings file is in the data folder too: written where the autosave works, else it
    // must fail naming the file and stay version A.
    let settings_file = settings_path(&data(dir));
    let settings = write_settings(&settings_file, &settings_version(1));
    match (settings, autosave_works) {
        (Ok(()), true) => {}
        (Err(error), true) => return Err(format!("the settings write failed: {error}")),
        (result, false) => {
            errors.push(describe(
                "settings",
                result.map_err(|e| e.to_string()),
                &settings_file,
            )?);
            if std::fs::read(&settings_file).ok() != Some(settings_bytes(0)) {
                return Err("settings.json changed after a failed write".to_owned());
            }
        }
    }
    for (name, format) in EXPORTS {
        let export = export_annotations(
            format,
            std::slice::from_ref(&big),
            &folder.join(name),
            &ExportOptions::default(),
            &mut |_| true,
        );
        errors.push(describe(
            name,
            export.map(|_| ()).map_err(|e| e.to_string()),
            Path::new(name),
        )?);
    }
    let corpus = corpus_version(1).save(&folder.join(CORPUS_FILE_NAME));
    errors.push(describe(
        "corpus file",
        corpus.map_err(|e| e.to_string()),
        Path::new(CORPUS_FILE_NAME),
    )?);
    for (name, [a, _]) in expected_bytes()? {
        let bytes = std::fs::read(folder.join(&name)).map_err(|error| error.to_string())?;
        if bytes != a {
            return Err(format!("{name} changed after a failed write"));
        }
    }
    let store = store(dir);
    let (entries, _) = store.list();
    let restored = entries
        .first()
        .and_then(|entry| store.read(entry).ok())
        .ok_or("the recovery entry is gone")?;
    if restored != version(usize::from(autosave_works)) {
        return Err("the recovery file does not restore the latest work".to_owned());
    }
    let left: Vec<String> = temporary_files(&folder)
        .into_iter()
        .chain(temporary_files(store.dir()))
        .chain(temporary_files(&data(dir)))
        .collect();
    if !left.is_empty() {
        return Err(format!("temporary files left: {left:?}"));
    }
    if let Some(error) = errors.iter().find(|error| !error.contains(expected)) {
        return Err(format!("expected «{expected}» in every error: {error}"));
    }
    Ok(errors.join(" | "))
}

/// The error of a write that had to fail, checked to name `file`.
fn describe(what: &str, result: Result<(), String>, file: &Path) -> Result<String, String> {
    match result {
        Ok(()) => Err(format!(
            "{what} succeeded on a file system that cannot hold it"
        )),
        Err(error) => {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.is_some_and(|name| !error.contains(&name)) {
                return Err(format!("{what}: the error does not name the file: {error}"));
            }
            Ok(format!("{what}: {error}"))
        }
    }
}
