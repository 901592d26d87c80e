//! TMX 1.4b: writing translation memories from aligned documents, and reading them back.
