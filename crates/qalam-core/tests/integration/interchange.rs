//! Dataset formats: golden files and round trips, one module per format.

mod conll;
mod hugging_face;
mod spacy;
mod trainer_support;
