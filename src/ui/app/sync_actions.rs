//! File → Sync…: save what is unsaved, then sync the git repository of the current document's
//! folder as the annotator of the settings (the window and the background job are in
//! `windows::sync_window`).

use super::QalamApp;

impl QalamApp {
    /// Saves every document with unsaved changes that has a file, then starts the sync window
    /// on the current document's folder; says instead why it cannot start (no annotator name,
    /// an unsaved document, a document without a file).
    pub(super) fn start_sync(&mut self) {
        let Some(annotator) = self.settings.annotator_name() else {
            self.sync.refuse(
                "Set your annotator name first (Edit > Settings…): Sync commits only your own files, found by your name."
                    .to_owned(),
            );
            return;
        };
        let Some(folder) = self
            .current_document()
            .and_then(|doc| doc.save_path.as_deref())
            .and_then(|path| path.parent())
            .map(|folder| {
                if folder.as_os_str().is_empty() {
                    std::path::PathBuf::from(".")
                } else {
                    folder.to_owned()
                }
            })
        else {
            self.sync.refuse(
                "Save this document first: Sync works on the git repository of its folder."
                    .to_owned(),
            );
            return;
        };
        let mut notes = Vec::new();
        let mut saved = 0;
        let mut without_file = 0;
        for index in 0..self.documents.len() {
            let Some(doc) = self.documents.get(index) else {
                continue;
            };
            if !doc.is_dirty() {
                continue;
            }
            match doc.save_path.clone() {
                Some(path) => {
                    if self.save_document(index, &path, false) {
                        saved += 1;
                    } else {
                        self.sync.refuse(format!(
                            "{} could not be saved, so nothing was synced: answer the question about it, then Sync again.",
                            path.display()
                        ));
                        return;
                    }
                }
                None => without_file += 1,
            }
        }
        if saved > 0 {
            notes.push(if saved == 1 {
                "Saved 1 document first.".to_owned()
            } else {
                format!("Saved {saved} documents first.")
            });
        }
        if without_file > 0 {
            notes.push(format!(
                "{without_file} unsaved documents have no file yet and are not synced."
            ));
        }
        self.sync.start(folder, annotator, notes);
    }
}
