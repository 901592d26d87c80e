#![no_main]

use alinea_oracles::Target;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| Target::Beads.check(data));
