//! The span notation: parsing never panics, and a parsed state renders to notation that parses
//! back to the same state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qalam_core::model::notation::Case;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(case) = Case::parse(text)
        && let Ok(rendered) = case.try_render()
    {
        let again = Case::parse(&rendered).expect("rendered notation parses");
        assert_eq!(again.try_render().ok().as_deref(), Some(rendered.as_str()));
    }
});
