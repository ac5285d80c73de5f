//! Dataset formats: golden files and round trips, one module per format.

mod conll;
