//! Files: the `.qalam.json` format (version 1), validation with file/line/column diagnostics,
//! atomic saving, and plain-text import.
