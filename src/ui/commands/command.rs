//! The user commands: every action with a menu entry or a key, as a `Copy` [`Command`], with
//! its menu text, tooltip and menu. [`Command::ALL`] lists them all (built with the enum, so a
//! new command is in the menus, the shortcut check and the F1 overlay without a second list).

use qalam_core::model::DocStatus;

use super::command_list::command_list;
use super::{Menu, SpanResize};

command_list! {
    /// Every action the user can take. Emitted by menus, panels and shortcuts during a frame and
    /// applied by the app after drawing. Data the app passes around internally (a path to open,
    /// an edit to apply, a message) is an [`AppMessage`](super::AppMessage) instead.
    #[must_use]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Command {
        // ---- File ----
        /// Open a file with the native file dialog (falls back to the path field).
        Open,
        /// Show the "Open path…" field to type a path.
        OpenPath,
        /// Open a folder as a corpus: every `.txt` and `.qalam.json` under it is a document.
        OpenFolder,
        /// Save the current document to its `.qalam.json`.
        Save,
        /// Save the current document under a new name.
        SaveAs,
        /// Export documents in a dataset format (CoNLL, spaCy, Hugging Face, doccano…).
        ExportDataset,
        /// Import a dataset format as `.qalam.json` documents.
        ImportDataset,
        /// Commit your own files in the git repository of the document's folder, pull your
        /// colleagues' work and push (saves first).
        Sync,
        /// Close the current document (asks first if it has unsaved changes).
        CloseDocument,
        /// Quit the app (asks first if a document has unsaved changes).
        Quit,

        // ---- Edit ----
        /// Undo the last edit.
        Undo,
        /// Redo the last undone edit.
        Redo,
        /// Set the document's workflow status.
        SetStatus(DocStatus) in DocStatus::ALL,
        /// Open the label-set editor.
        EditLabels,
        /// Save the document's label set as a template file.
        SaveLabelTemplate,
        /// Replace the document's label set with one from a template file.
        LoadLabelTemplate,
        /// Open the settings window (annotator name).
        Settings,
        /// Open the search bar over the document (or focus its field).
        Find,
        /// Go to the next search match.
        FindNext,
        /// Go to the previous search match.
        FindPrevious,

        // ---- Span ----
        /// Tag the selected text with the label at this index of the label set. Listed with
        /// index 0; menus expand it per label.
        TagSelection(usize) in [0],
        /// Give the selected span the label at this index of the label set. Listed with index
        /// 0; menus expand it per label.
        RelabelSpan(usize) in [0],
        /// Delete the selected span.
        DeleteSpan,
        /// Move one boundary of the selected span.
        ResizeSpan(SpanResize) in SpanResize::ALL,
        /// Select the next span in text order.
        NextSpan,
        /// Select the previous span in text order.
        PrevSpan,
        /// Edit the selected span's note.
        EditNote,
        /// Clear the text selection and the selected span.
        ClearSelection,
        /// Turn snapping of mouse selections to whole words on or off (Alt while dragging
        /// keeps letter precision).
        ToggleWordSnap,
        /// Tag every other occurrence of the selected span's (or the selection's) text, after a
        /// preview.
        AnnotateAll,

        // ---- View ----
        /// Larger document text.
        TextBigger,
        /// Smaller document text.
        TextSmaller,
        /// Switch between dark and light theme.
        ToggleTheme,
        /// Show or hide the label palette (left side panel).
        ToggleLabelPalette,
        /// Show or hide the span list (right side panel).
        ToggleSpanList,
        /// Show the open document with this index (when several are open). Listed with index
        /// 0; the menu and the shortcuts expand it per document.
        SelectDocument(usize) in [0],

        // ---- Corpus ----
        /// Show or hide the corpus's document list (left side panel).
        ToggleDocumentList,
        /// Open the next document of the document list.
        NextDocument,
        /// Open the previous document of the document list.
        PrevDocument,
        /// Open the next document of the list that is not done (wrapping around).
        NextUnfinished,
        /// Open the previous document of the list that is not done (wrapping around).
        PrevUnfinished,
        /// Show or hide the corpus guidelines.
        ShowGuidelines,
        /// Show or hide the corpus statistics (charts).
        ShowStatistics,

        // ---- Review ----
        /// Turn review mode on or off: the review bar, and the review keys A, R, F, N.
        ToggleReviewMode,
        /// Accept the selected span (review).
        AcceptSpan,
        /// Reject the selected span: asks for a reason (review).
        RejectSpan,
        /// Mark the selected span fixed, after correcting it with the span commands (review).
        MarkSpanFixed,
        /// Select the next span that still needs review (wrapping around).
        NextUndecided,
        /// Select the previous span that still needs review (wrapping around).
        PrevUndecided,
        /// Clear the selected span's review (back to undecided).
        ClearSpanReview,
        /// Mark the document reviewed (every span must be decided).
        MarkReviewed,
        /// Compare the annotators' files of the current document (or chosen files) and
        /// adjudicate them into a gold file.
        CompareAnnotators,
        /// Show or hide the corpus's inter-annotator agreement (charts).
        ShowAgreement,
        // ---- Suggestions ----
        /// Show or hide the suggestions (likely entities from the gazetteer and predictions).
        ToggleSuggestions,
        /// Go to the next suggestion after the current one (or the caret).
        NextSuggestion,
        /// Go to the previous suggestion.
        PrevSuggestion,
        /// Accept the current suggestion: it becomes a span.
        AcceptSuggestion,
        /// Reject the current suggestion: it is not offered again in this document.
        RejectSuggestion,
        /// Accept every suggestion of the current one's name (and label).
        AcceptSuggestionName,
        /// Reject every suggestion of the current one's name (and label) in this document.
        RejectSuggestionName,
        /// Load a gazetteer list (a text or CSV file of name and label per line).
        LoadGazetteerList,
        /// Load a model's predictions (any importable format) as suggestions.
        LoadPredictions,
        /// Rebuild the gazetteer from the open corpus's finished documents.
        RebuildGazetteer,

        // ---- Help ----
        /// Show every command with its keys.
        ShowShortcuts,
    }
}

impl Command {
    /// Menu and overlay text.
    pub fn name(self) -> String {
        match self {
            Command::Open => "Open…".into(),
            Command::OpenPath => "Open path…".into(),
            Command::OpenFolder => "Open folder…".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::ExportDataset => "Export dataset…".into(),
            Command::ImportDataset => "Import dataset…".into(),
            Command::Sync => "Sync…".into(),
            Command::CloseDocument => "Close document".into(),
            Command::Quit => "Quit".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::SetStatus(status) => format!("Status: {}", status.title()),
            Command::EditLabels => "Edit labels…".into(),
            Command::SaveLabelTemplate => "Save label template…".into(),
            Command::LoadLabelTemplate => "Load label template…".into(),
            Command::Settings => "Settings…".into(),
            Command::Find => "Find…".into(),
            Command::FindNext => "Find next".into(),
            Command::FindPrevious => "Find previous".into(),
            Command::TagSelection(_) => "Tag selection with label".into(),
            Command::RelabelSpan(_) => "Relabel span".into(),
            Command::DeleteSpan => "Delete span".into(),
            Command::ResizeSpan(resize) => resize.name().into(),
            Command::NextSpan => "Next span".into(),
            Command::PrevSpan => "Previous span".into(),
            Command::EditNote => "Edit note…".into(),
            Command::ClearSelection => "Clear selection".into(),
            Command::ToggleWordSnap => "Snap selection to words".into(),
            Command::ToggleReviewMode => "Review mode".into(),
            Command::AcceptSpan => "Accept span".into(),
            Command::RejectSpan => "Reject span…".into(),
            Command::MarkSpanFixed => "Mark span fixed".into(),
            Command::NextUndecided => "Next undecided span".into(),
            Command::PrevUndecided => "Previous undecided span".into(),
            Command::ClearSpanReview => "Clear span's review".into(),
            Command::MarkReviewed => "Mark document reviewed".into(),
            Command::AnnotateAll => "Annotate all…".into(),
            Command::TextBigger => "Bigger text".into(),
            Command::TextSmaller => "Smaller text".into(),
            Command::ToggleTheme => "Toggle dark/light theme".into(),
            Command::ToggleLabelPalette => "Show label palette".into(),
            Command::ToggleSpanList => "Show span list".into(),
            Command::SelectDocument(_) => "Switch to document".into(),
            Command::ToggleDocumentList => "Show document list".into(),
            Command::NextDocument => "Next document".into(),
            Command::PrevDocument => "Previous document".into(),
            Command::NextUnfinished => "Next unfinished document".into(),
            Command::PrevUnfinished => "Previous unfinished document".into(),
            Command::ShowGuidelines => "Guidelines".into(),
            Command::ShowStatistics => "Statistics".into(),
            Command::CompareAnnotators => "Compare annotators…".into(),
            Command::ShowAgreement => "Agreement…".into(),
            Command::ToggleSuggestions => "Show suggestions".into(),
            Command::NextSuggestion => "Next suggestion".into(),
            Command::PrevSuggestion => "Previous suggestion".into(),
            Command::AcceptSuggestion => "Accept suggestion".into(),
            Command::RejectSuggestion => "Reject suggestion".into(),
            Command::AcceptSuggestionName => "Accept all of this name".into(),
            Command::RejectSuggestionName => "Reject all of this name".into(),
            Command::LoadGazetteerList => "Load gazetteer list…".into(),
            Command::LoadPredictions => "Load predictions…".into(),
            Command::RebuildGazetteer => "Rebuild from corpus".into(),
            Command::ShowShortcuts => "Keyboard shortcuts".into(),
        }
    }

    /// Tooltip: one sentence on what the command does.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::Open => "Open a .txt or .qalam.json file",
            Command::OpenPath => "Type the path of a file to open",
            Command::OpenFolder => {
                "Open a folder as a corpus: its articles in a list, with progress and statistics"
            }
            Command::Save => "Save the annotation to its .qalam.json file",
            Command::SaveAs => "Save the annotation to a new .qalam.json file",
            Command::ExportDataset => {
                "Write documents as CoNLL, spaCy, Hugging Face, doccano, Label Studio, brat or Prodigy"
            }
            Command::ImportDataset => "Read a dataset format into .qalam.json documents",
            Command::Sync => {
                "Save, commit your own files in this folder's git repository, pull colleagues' work and push"
            }
            Command::CloseDocument => "Close the current document",
            Command::Quit => "Close Qalam",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::SetStatus(_) => "Set the document's workflow status",
            Command::EditLabels => "Add, rename, recolour, reorder or remove labels",
            Command::SaveLabelTemplate => "Save this document's labels as a *.labels.json template",
            Command::LoadLabelTemplate => {
                "Use the labels of a *.labels.json template (one undo step)"
            }
            Command::Settings => "Annotator name and other settings",
            Command::Find => {
                "Search the document, ignoring harakat, tatweel and alef/hamza forms if you like"
            }
            Command::FindNext => "Select the next search match (Enter in the search field)",
            Command::FindPrevious => {
                "Select the previous search match (Shift+Enter in the search field)"
            }
            Command::TagSelection(_) => {
                "Label the selected text (digit 1–9 by position, or the label's letter)"
            }
            Command::RelabelSpan(_) => {
                "Change the selected span's label (digit or letter, with no text selected)"
            }
            Command::DeleteSpan => "Remove the selected span",
            Command::ResizeSpan(_) => {
                "Move a boundary of the selected span; the start is the right edge in Arabic text"
            }
            Command::NextSpan => "Select the next span in the text",
            Command::PrevSpan => "Select the previous span in the text",
            Command::EditNote => "Write a note on the selected span",
            Command::ClearSelection => "Deselect the text and the span",
            Command::ToggleWordSnap => {
                "Mouse selections grow to whole words (hold Alt while dragging for single letters)"
            }
            Command::ToggleReviewMode => {
                "Review the spans one by one: accept (A), reject with a reason (R), fix (F), next (N)"
            }
            Command::AcceptSpan => "Record that the selected span is right",
            Command::RejectSpan => {
                "Record that the selected span is wrong, with a reason; it stays, struck through"
            }
            Command::MarkSpanFixed => {
                "Record that you corrected the selected span (relabel or resize it first)"
            }
            Command::NextUndecided => "Select the next span that still needs a decision",
            Command::PrevUndecided => "Select the previous span that still needs a decision",
            Command::ClearSpanReview => "Forget the decision on the selected span",
            Command::MarkReviewed => {
                "Set the status to reviewed (done by itself with the last decision)"
            }
            Command::AnnotateAll => {
                "Tag the other occurrences of this name (also after و ب ل ال…) with its label, after a preview"
            }
            Command::TextBigger => "Make the document text larger",
            Command::TextSmaller => "Make the document text smaller",
            Command::ToggleTheme => "Switch between the dark and the light theme",
            Command::ToggleLabelPalette => {
                "Show or hide the label palette (it also gives way by itself in a narrow window)"
            }
            Command::ToggleSpanList => {
                "Show or hide the span list (it also gives way by itself in a narrow window)"
            }
            Command::SelectDocument(_) => "Show another open document",
            Command::ToggleDocumentList => {
                "Show or hide the corpus's documents (it also gives way in a narrow window)"
            }
            Command::NextDocument => "Open the next document of the list (saving this one)",
            Command::PrevDocument => "Open the previous document of the list (saving this one)",
            Command::NextUnfinished => "Open the next document of the list that is not done yet",
            Command::PrevUnfinished => {
                "Open the previous document of the list that is not done yet"
            }
            Command::ShowGuidelines => "Show the corpus's annotation guidelines",
            Command::ShowStatistics => {
                "Charts of the corpus: labels, spans per document, statuses, progress"
            }
            Command::CompareAnnotators => {
                "Show the annotators' files of this text merged, step through their disagreements and decide each into the gold file"
            }
            Command::ShowAgreement => {
                "Charts of inter-annotator agreement: F1 per label, the confusion matrix, documents by disagreement"
            }
            Command::ToggleSuggestions => {
                "Outline likely entities from the gazetteer and loaded predictions (never saved until accepted)"
            }
            Command::NextSuggestion => "Go to the next suggestion",
            Command::PrevSuggestion => "Go to the previous suggestion",
            Command::AcceptSuggestion => "Make the current suggestion a span",
            Command::RejectSuggestion => {
                "Drop the current suggestion; it stays rejected in this document"
            }
            Command::AcceptSuggestionName => {
                "Make every suggestion of this name and label a span (one undo step)"
            }
            Command::RejectSuggestionName => {
                "Drop every suggestion of this name and label in this document"
            }
            Command::LoadGazetteerList => {
                "Add a list of names: `name<TAB>label` or `name,label` per line (.txt, .csv)"
            }
            Command::LoadPredictions => {
                "Show a model's output (doccano, Label Studio, spaCy, CoNLL…) for this text as suggestions"
            }
            Command::RebuildGazetteer => {
                "Build the gazetteer from the spans of the corpus's done and reviewed files"
            }
            Command::ShowShortcuts => "List every command with its keys",
        }
    }

    /// The menu the command is in.
    pub fn menu(self) -> Menu {
        match self {
            Command::Open
            | Command::OpenPath
            | Command::OpenFolder
            | Command::Save
            | Command::SaveAs
            | Command::ExportDataset
            | Command::ImportDataset
            | Command::Sync
            | Command::CloseDocument
            | Command::Quit => Menu::File,
            Command::Undo
            | Command::Redo
            | Command::SetStatus(_)
            | Command::EditLabels
            | Command::SaveLabelTemplate
            | Command::LoadLabelTemplate
            | Command::Settings
            | Command::Find
            | Command::FindNext
            | Command::FindPrevious => Menu::Edit,
            Command::TagSelection(_)
            | Command::RelabelSpan(_)
            | Command::DeleteSpan
            | Command::ResizeSpan(_)
            | Command::NextSpan
            | Command::PrevSpan
            | Command::EditNote
            | Command::ClearSelection
            | Command::ToggleWordSnap
            | Command::AnnotateAll => Menu::Span,
            Command::ToggleReviewMode
            | Command::AcceptSpan
            | Command::RejectSpan
            | Command::MarkSpanFixed
            | Command::NextUndecided
            | Command::PrevUndecided
            | Command::ClearSpanReview
            | Command::MarkReviewed => Menu::Review,
            Command::TextBigger
            | Command::TextSmaller
            | Command::ToggleTheme
            | Command::ToggleLabelPalette
            | Command::ToggleSpanList
            | Command::SelectDocument(_) => Menu::View,
            Command::ToggleDocumentList
            | Command::NextDocument
            | Command::PrevDocument
            | Command::NextUnfinished
            | Command::PrevUnfinished
            | Command::ShowGuidelines
            | Command::ShowStatistics => Menu::Corpus,
            Command::CompareAnnotators | Command::ShowAgreement => Menu::Review,
            Command::ToggleSuggestions
            | Command::NextSuggestion
            | Command::PrevSuggestion
            | Command::AcceptSuggestion
            | Command::RejectSuggestion
            | Command::AcceptSuggestionName
            | Command::RejectSuggestionName
            | Command::LoadGazetteerList
            | Command::LoadPredictions
            | Command::RebuildGazetteer => Menu::Suggestions,
            Command::ShowShortcuts => Menu::Help,
        }
    }

    /// Whether the command's keys work only in review mode (plain letters that would otherwise
    /// be label hotkeys); its menu entry works always.
    pub fn review_mode_only(self) -> bool {
        matches!(
            self,
            Command::AcceptSpan
                | Command::RejectSpan
                | Command::MarkSpanFixed
                | Command::NextUndecided
                | Command::PrevUndecided
        )
    }

    /// The commands of `menu`, in menu order.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = Command> {
        Command::ALL.into_iter().filter(move |c| c.menu() == menu)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::mem::discriminant;

    use super::*;

    #[test]
    fn the_list_has_every_variant_and_every_status_and_resize() {
        let variants: HashSet<_> = Command::ALL.iter().map(discriminant).collect();
        assert_eq!(variants.len(), Command::VARIANT_COUNT);
        for status in DocStatus::ALL {
            assert!(Command::ALL.contains(&Command::SetStatus(status)));
        }
        for resize in SpanResize::ALL {
            assert!(Command::ALL.contains(&Command::ResizeSpan(resize)));
        }
        let distinct: HashSet<_> = Command::ALL.iter().collect();
        assert_eq!(
            distinct.len(),
            Command::ALL.len(),
            "a command is listed twice"
        );
    }

    #[test]
    fn the_list_is_grouped_by_menu_in_menu_bar_order() {
        let menus: Vec<Menu> = Command::ALL.iter().map(|c| c.menu()).collect();
        let mut order = menus.clone();
        order.dedup();
        assert_eq!(order, Menu::ALL);
        assert_eq!(Command::ALL[0], Command::Open);
        assert_eq!(Command::ALL.last(), Some(&Command::ShowShortcuts));
    }

    #[test]
    fn every_listed_command_has_a_keyboard_path_and_a_tooltip() {
        for command in Command::ALL {
            let has_keys = !command.shortcuts().is_empty()
                || matches!(command, Command::TagSelection(_) | Command::RelabelSpan(_));
            assert!(has_keys, "{command:?} has no shortcut");
            assert!(!command.tooltip().is_empty(), "{command:?} has no tooltip");
            assert!(!command.name().is_empty(), "{command:?} has no name");
        }
    }
}
