//! Windows and dialogs: the dataset window (export/import), the sync window, the compare view
//! and the agreement window, the label editor, the note editor, the "Annotate all" preview, the
//! shortcut overlay, the corpus's guidelines and statistics, and the prompts (unsaved changes,
//! changed on disk, path entry, restore).

pub mod agreement_window;
pub mod annotate_all_window;
pub mod compare_view;
pub mod dataset_window;
pub mod dialogs;
pub mod guidelines_window;
pub mod label_editor;
pub mod note_editor;
pub mod shortcut_overlay;
pub mod statistics_window;
pub mod sync_window;

/// Where a tool window first opens: centred horizontally, its top `below` points under the top
/// of the window's content, so it covers neither the menu bar nor (with `below` past it) the
/// search bar, instead of egui's default corner over both.
pub fn first_position(ctx: &egui::Context, below: f32) -> egui::Pos2 {
    ctx.content_rect().center_top() + egui::vec2(0.0, below)
}
