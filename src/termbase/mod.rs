//! The termbase: a concept-oriented model (as in TBX), its formats and lookup.
