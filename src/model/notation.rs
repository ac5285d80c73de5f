//! A compact span notation for tests, docs and bug reports: `زار [بوتين|PERSON] ل[روسيا|COUNTRY]`.
