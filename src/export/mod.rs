//! Alignment outputs other than TMX: beads, TSV, JSON and the HTML review page.
