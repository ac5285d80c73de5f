//! Saving where nothing can be written: a read-only folder and a full disk, each a small
//! tmpfs mounted for the test (so these run only as root, and pass as skipped otherwise). The
//! window shows an error naming the file and the reason, the document stays unsaved, the file
//! on disk keeps its old content, no temporary file is left, and the autosave (in the data
//! folder, which is writable) still holds the work.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::support::*;

/// A tmpfs mounted on a folder for one test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` (e.g. `64k`) on `dir`; `None` when not root or mounting fails.
    fn mount(dir: &Path, size: &str) -> Option<Self> {
        let id = Command::new("id").arg("-u").output().ok()?;
        if String::from_utf8_lossy(&id.stdout).trim() != "0" {
            eprintln!("skipped: mounting a tmpfs needs root");
            return None;
        }
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .ok()?;
        status.success().then(|| Tmpfs(dir.to_owned()))
    }

    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .expect("mount");
        assert!(status.success(), "remount read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn folder_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The annotation the recovery folder holds, once the autosave has written it.
fn autosaved_spans(
    harness: &mut egui_kittest::Harness<'_, qalam::ui::QalamApp>,
    data: &Path,
) -> usize {
    let store = qalam_core::io::recovery::RecoveryStore::new(data);
    step_until(harness, Duration::from_secs(20), || {
        !store.list().0.is_empty()
    });
    let (entries, _) = store.list();
    store
        .read(&entries[0])
        .expect("the recovery file reads")
        .spans()
        .len()
}

/// Saves once (one span), makes a second span, lets `break_folder` make the folder
/// unwritable, saves again: the error names the file and contains `reason`.
fn save_fails_cleanly(size: &str, reason: &str, break_folder: impl FnOnce(&Tmpfs, &Path)) {
    let data = tempfile::tempdir().expect("temp dir");
    let files = tempfile::tempdir().expect("temp dir");
    let Some(mount) = Tmpfs::mount(files.path(), size) else {
        return;
    };
    let path = write_document(files.path(), "putin.txt");
    let mut harness = harness(vec![path], data.path());
    select(&mut harness, 4..9);
    press(&mut harness, Modifiers::NONE, Key::P);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = files.path().join("putin.qalam.json");
    assert_saved_spans(&saved, "زار [بوتين|PERSON] روسيا أمس.\n");
    let before = std::fs::read(&saved).expect("saved");
    select(&mut harness, 10..15);
    press(&mut harness, Modifiers::NONE, Key::C);
    break_folder(&mount, files.path());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run_steps(2);

    let errors = harness.state().messages().errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("could not save {}: ", saved.display()))
            && errors[0].contains(reason),
        "{}",
        errors[0]
    );
    harness.get_by_label_contains(reason);
    assert!(harness.state().current_document().expect("open").is_dirty());
    assert_eq!(
        std::fs::read(&saved).expect("still there"),
        before,
        "old file intact"
    );
    let names = folder_names(files.path());
    assert!(
        names.iter().all(|name| !name.contains(".tmp-")),
        "temporary file left: {names:?}"
    );
    assert_eq!(
        autosaved_spans(&mut harness, data.path()),
        2,
        "the work is in the autosave"
    );
    drop(harness);
    drop(mount);
}

#[test]
fn saving_into_a_read_only_folder_shows_the_error_and_loses_nothing() {
    save_fails_cleanly("1m", "Read-only file system", |mount, _| {
        mount.remount_read_only()
    });
}

#[test]
fn saving_on_a_full_disk_shows_the_error_and_loses_nothing() {
    save_fails_cleanly("64k", "No space left on device", |_, folder| {
        use std::io::Write;
        let mut filler = std::fs::File::create(folder.join("filler")).expect("filler");
        while filler.write_all(&[0; 4096]).is_ok() {}
    });
}
