//! Equivalents across languages: for each candidate of the pivot language, the candidates of
//! another language that occur in the same aligned units, ranked by the Dice coefficient of
//! their unit sets, boosted by cognates (normalised Levenshtein similarity of the lookup keys,
//! Latin script only), shared numbers and the curated glossary (a pair that is a concept's
//! terms in both languages). A fragment of longer candidates gives way to them, and an Arabic
//! modifier to its noun's phrase where the pivot is no modifier.

use rustc_hash::FxHashMap;

use super::candidates::{Counter, Entry};
use super::termhood::Termhood;
use super::Equivalent;
use crate::termbase::normalize::{has_arabic, lookup_key};
use crate::termbase::Termbase;

/// How many equivalents per language a candidate keeps.
pub const PER_LANG: usize = 3;
/// The lowest association kept.
const MIN_SCORE: f64 = 0.1;
/// What an Arabic candidate loses, at most, for standing as a modifier where the pivot does
/// not (a share of its association). On the UN dev TMX (`scripts/mine-bench-unpc.py`) it
/// changes 70 of the 2,751 French candidates' Arabic top-1, about twenty for the better
/// (`PNUD` → `البرنامج الإنمائي`, not `الإنمائي`; `droit international humanitaire` →
/// `القانون الدولي الإنساني`, not `الإنساني`) against six for the worse, the rest names
/// without a good equivalent either way; 0.5 took ordinals too far (`soixante-dixième` →
/// `دورتها السبعين`).
const MODIFIER_COST: f64 = 0.3;

/// The share of `e`'s occurrences where it qualifies a word outside it.
fn modifier_share(e: &Entry) -> f64 {
    f64::from(e.modifier) / f64::from(e.freq.max(1))
}

/// The curated pairs: for a lookup key of a term, the lookup keys of the terms of the same
/// concept in `lang`.
pub fn glossary_pairs(
    tb: &Termbase,
    from: &crate::Lang,
    to: &crate::Lang,
) -> FxHashMap<String, Vec<String>> {
    let mut out: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for c in &tb.concepts {
        let targets: Vec<String> = c
            .terms
            .iter()
            .filter(|t| &t.lang == to)
            .map(|t| lookup_key(&t.text))
            .collect();
        if targets.is_empty() {
            continue;
        }
        for t in c.terms.iter().filter(|t| &t.lang == from) {
            out.entry(lookup_key(&t.text))
                .or_default()
                .extend(targets.iter().cloned());
        }
    }
    out
}

fn digits(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect()
}

/// The units of entry `i` of `counter`, with those of its acronym when it is a long form
/// ([`Counter::long_forms`]), ascending and each once.
fn mentions(counter: &Counter, acr: &FxHashMap<u32, u32>, i: u32) -> Vec<u32> {
    let mut v: Vec<u32> = counter.entries[i as usize].units.iter().collect();
    if let Some(&a) = acr.get(&i) {
        v.extend(counter.entries[a as usize].units.iter());
        v.sort_unstable();
        v.dedup();
    }
    v
}

/// How many units two ascending lists share.
fn shared_units(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether `e` is an acronym: it defines a long form, or is written in capitals most of the
/// time.
fn is_acronym(e: &Entry) -> bool {
    e.expansion.is_some() || e.all_caps * 2 > e.freq
}

/// The best equivalents in `target` of each pivot entry in `chosen` (ids into `pivot`). A long
/// form defined by an acronym counts the acronym's units as its own, in both languages, and
/// takes no acronym for an equivalent (`United Nations Development Programme` for `Programme
/// des Nations Unies pour le développement`, not `UNDP`, which is `PNUD`'s).
pub fn find(
    pivot: &Counter,
    chosen: &[u32],
    target: &Counter,
    target_scores: &[Termhood],
    texts: &dyn Fn(&Entry) -> String,
    glossary: &FxHashMap<String, Vec<String>>,
) -> Vec<Vec<Equivalent>> {
    let pivot_acronyms = pivot.long_forms();
    // The target's long forms with their mentions (their units and their acronym's).
    let target_acronyms = target.long_forms();
    let target_long: Vec<(u32, Vec<u32>)> = target_acronyms
        .keys()
        .map(|&l| (l, mentions(target, &target_acronyms, l)))
        .collect();
    // Unit → target candidates there: those seen twice that are not mere fragments.
    let mut by_unit: Vec<Vec<u32>> = Vec::new();
    for (i, e) in target.entries.iter().enumerate() {
        if e.units.len() >= 2 && target_scores[i].cvalue > 0.0 {
            for u in e.units.iter() {
                let u = u as usize;
                if u >= by_unit.len() {
                    by_unit.resize_with(u + 1, Vec::new);
                }
                by_unit[u].push(i as u32);
            }
        }
    }
    let mut target_text: FxHashMap<u32, (String, String)> = FxHashMap::default();
    // Units shared with each target candidate, counted densely; `touched` lists the non-zero.
    let mut shared: Vec<u32> = vec![0; target.entries.len()];
    let mut touched: Vec<u32> = Vec::new();
    chosen
        .iter()
        .map(|&p| {
            let pe = &pivot.entries[p as usize];
            // A long form's units with its acronym's; any other entry's as they are (not
            // copied: a frequent candidate of a large TMX holds many).
            let long_form = pivot_acronyms.contains_key(&p);
            let pu: Vec<u32> = if long_form {
                mentions(pivot, &pivot_acronyms, p)
            } else {
                Vec::new()
            };
            let pivot_units = || {
                let own = (!long_form).then(|| pe.units.iter()).into_iter().flatten();
                pu.iter().copied().chain(own)
            };
            for u in pivot_units() {
                for &t in by_unit.get(u as usize).map_or(&[][..], Vec::as_slice) {
                    if shared[t as usize] == 0 {
                        touched.push(t);
                    }
                    shared[t as usize] += 1;
                }
            }
            let fp = if long_form { pu.len() } else { pe.units.len() } as f64;
            // A long form's target long forms are counted with their acronyms' units too.
            let mut borrowed: FxHashMap<u32, (u32, f64)> = FxHashMap::default();
            if long_form {
                for (l, m) in &target_long {
                    let c = shared_units(&pu, m);
                    if c > 0 {
                        borrowed.insert(*l, (c, m.len() as f64));
                    }
                }
            }
            let mut joint: Vec<(u32, u32)> = touched
                .drain(..)
                .map(|t| (t, std::mem::take(&mut shared[t as usize])))
                .filter(|(t, _)| !borrowed.contains_key(t))
                .chain(borrowed.iter().map(|(&t, &(c, _))| (t, c)))
                .filter(|&(_, c)| c >= 2 || fp < 2.0)
                .filter(|&(t, _)| !(long_form && is_acronym(&target.entries[t as usize])))
                .collect();
            joint.sort_unstable();
            for &(t, _) in &joint {
                target_text.entry(t).or_insert_with(|| {
                    let s = texts(&target.entries[t as usize]);
                    let k = lookup_key(&s);
                    (s, k)
                });
            }
            let ptext = texts(pe);
            let pkey = lookup_key(&ptext);
            let platin = !has_arabic(&ptext);
            let plen = pkey.chars().count();
            let pdigits = digits(&ptext);
            let curated = glossary.get(&pkey);
            // Beside a curated equivalent, another candidate is measured on the units the
            // curated ones leave unexplained: a second rendering stands where the first does
            // not, a word that merely keeps the term company stands beside it.
            let unexplained = curated.map(|ks| {
                let mut at: FxHashMap<u32, u32> = FxHashMap::default();
                let mut n = 0u32;
                for u in pivot_units() {
                    let here = by_unit.get(u as usize).map_or(&[][..], Vec::as_slice);
                    let explained = here.iter().any(|&t| {
                        let (_, k) = target_text.entry(t).or_insert_with(|| {
                            let s = texts(&target.entries[t as usize]);
                            let k = lookup_key(&s);
                            (s, k)
                        });
                        ks.contains(k)
                    });
                    if !explained {
                        n += 1;
                        for &t in here {
                            *at.entry(t).or_default() += 1;
                        }
                    }
                }
                (at, f64::from(n))
            });
            let mut scored: Vec<(f64, u32, u32)> = joint
                .into_iter()
                .map(|(t, c)| {
                    let (ttext, tkey) = &target_text[&t];
                    let (shared, fp) = match (&unexplained, curated) {
                        (Some((at, n)), Some(ks)) if !ks.contains(tkey) => {
                            let c = at.get(&t).copied().unwrap_or(0);
                            // (Twice at least, as any association.)
                            (if c >= 2 { c } else { 0 }, *n)
                        }
                        _ => (c, fp),
                    };
                    if shared == 0 {
                        return (0.0, t, c);
                    }
                    let ft = borrowed
                        .get(&t)
                        .map_or(target.entries[t as usize].units.len() as f64, |b| b.1);
                    // A fragment of a longer candidate (`الإنسان` inside `حقوق الإنسان`)
                    // gives way to it.
                    let mut whole = 0.6 + 0.4 * target_scores[t as usize].independence;
                    // An Arabic modifier stands for its noun's phrase only where the pivot is
                    // a modifier as often (`الإنمائي` is no equivalent of `PNUD`, `الإنساني`
                    // is one of `humanitaire`).
                    if target.lang == crate::Lang::Ar {
                        let te = &target.entries[t as usize];
                        whole *= 1.0
                            - MODIFIER_COST * (modifier_share(te) - modifier_share(pe)).max(0.0);
                    }
                    let mut s = 2.0 * f64::from(shared) / (fp + ft) * whole;
                    // Cognates: the distance is at least the difference in length, so keys
                    // of lengths that far apart cannot be more than half alike.
                    let tlen = tkey.chars().count();
                    let near = plen.abs_diff(tlen) * 2 < plen.max(tlen) || plen.max(tlen) == 0;
                    if platin && near && !has_arabic(ttext) {
                        let sim = strsim::normalized_levenshtein(&pkey, tkey);
                        if sim > 0.5 {
                            s += 0.2 * sim;
                        }
                    }
                    if !pdigits.is_empty() && pdigits == digits(ttext) {
                        s += 0.1;
                    }
                    if curated.is_some_and(|ks| ks.contains(tkey)) {
                        s += 1.0;
                    }
                    (s, t, c)
                })
                .filter(|&(s, _, _)| s >= MIN_SCORE)
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            scored
                .into_iter()
                .take(PER_LANG)
                .map(|(s, t, c)| {
                    let te = &target.entries[t as usize];
                    Equivalent {
                        joint: c,
                        text: target_text[&t].0.clone(),
                        score: round3(s.min(1.0)),
                        freq: te.freq,
                    }
                })
                .collect()
        })
        .collect()
}

pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
