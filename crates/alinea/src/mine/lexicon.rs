//! The lexical knowledge term mining uses: function words per language (the words a term
//! neither starts nor ends with), the linking words a multi-word term may hold inside
//! (French `de`, `à` …; English `of`), and the general-language frequencies a corpus is
//! contrasted against ([`crate::text::freq`], re-exported here).

use std::sync::OnceLock;

use crate::Lang;

pub use crate::text::freq::{zipf, UNSEEN_ZIPF};

const STOP_EN: &str = "a about above across after afterwards again against all almost alone along already also although always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done down due during each eg e.g either else elsewhere enough etc even ever every everyone everything everywhere except few for former formerly from further had has have having he hence her here hereafter hereby herein hers herself him himself his how however i ie i.e if in indeed into is it its itself just last latter latterly least less may me meanwhile might mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please quite rather re same several she should since so some somehow someone something sometime sometimes somewhere still such than that the their theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to together too toward towards under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves 's s t don doesn didn isn aren wasn weren won wouldn shouldn couldn can't cannot also fig figure table chapter section page pp vol eq see shown show shows given gives use used using uses make made makes get got gets take taken takes like new first second third two three four five six seven eight nine ten many various different following follows further thus therefore however respectively approximately example examples case cases way ways part parts number numbers order result results mr mrs ms dr prof";

const STOP_FR: &str = "a à afin ai aie aient ainsi ait alors après as au aucun aucune auquel aura aurai auraient aurait auront aussi autre autres aux auxquelles auxquels avaient avais avait avant avec avez avoir avons ayant c c' ça car ce ceci cela celle celles celui cependant certain certaines certains ces cet cette ceux chacun chaque chez ci comme comment d d' dans de dès desquelles desquels des deux devant doit doivent donc dont du duquel elle elles en encore entre es est et étaient était étant été être eu eux fait faire fois font hors il ils j j' je jusqu jusqu' l l' la là laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu lorsqu' lorsque lui m m' ma mais me même mêmes mes moi moins mon n n' ne ni non nos notre nous on ont or ou où par parce parmi pas peu peut peuvent plus plusieurs pour pourquoi pourra pourrait puis puisqu puisqu' puisque qu qu' quand que quel quelle quelles quels qui quoi s s' sa sans se selon sera serait seront ses si sien sienne sinon soit son sont sous souvent sur t t' ta tandis te tel telle telles tels tes toi ton toujours tous tout toute toutes très trop tu un une unes uns vers voici voilà vos votre vous y été étés etc cf fig figure tableau chapitre section page p. vol voir également notamment ainsi toutefois cependant premier première deuxième troisième trois quatre cinq six sept huit neuf dix autre cas ceci afin car donc aussi bien fait faits peut pouvant doit devrait sont était étaient selon lors dont tout plupart etc. m. mme dr";

const STOP_AR: &str = "في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين اللواتي هو هي هم هن أن إن ان أو او ثم كما لا لم لن ما قد كان كانت يكون تكون كل بعض غير عند حتى إذا اذا لكن بل أي اي أيضا ايضا وفي ومن وعلى وإلى والى وعن ومع وهذا وهذه وذلك والتي والذي وأن وإن وان وأو ولا ولم ولن وما وقد وكان وكانت وكل وبعض فيها فيه منها منه عليها عليه إليها إليه بها به لها له لهم عنها عنه هناك هنا حيث قبل بعد خلال أمام دون نحو لدى منذ عدة كذلك وكذلك ولذلك لذلك التى الى وإلى يجب ينبغي وفقا بشأن حول وحول وبشأن إذ وإذ بما مما فيما جميع وجميع لجميع سيما إلا سوى بينما عندما وهو وهي";

/// French and English words a multi-word term may hold between its content words (English
/// names link `on` and `for` too: see [`super::candidates`]). The negation before an
/// adjective is one too: French `non` (`organisations non gouvernementales`, `pays non
/// alignés`), Arabic `غير` (`المنظمات غير الحكومية`, `الاتجار غير المشروع`); English writes
/// `non-governmental` as one word.
const LINK_FR: &[&str] = &[
    "de", "d'", "du", "des", "à", "au", "aux", "la", "l'", "en", "sur", "pour", "contre", "non",
];
const LINK_EN: &[&str] = &["of", "against"];
const LINK_AR: &[&str] = &["بين", "ضد", "غير"];

fn stop_set(lang: &Lang) -> &'static rustc_hash::FxHashSet<&'static str> {
    static FR: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    static EN: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    static AR: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    static NONE: OnceLock<rustc_hash::FxHashSet<&str>> = OnceLock::new();
    let (cell, src) = match lang {
        Lang::Fr => (&FR, STOP_FR),
        Lang::En => (&EN, STOP_EN),
        Lang::Ar => (&AR, STOP_AR),
        Lang::Other(_) => (&NONE, ""),
    };
    cell.get_or_init(|| src.split_whitespace().collect())
}

/// Whether the lower-cased `word` is a function word of `lang` (never a term's edge). An
/// Arabic word is looked up without its vowel signs and tatweel (`وفقاً` is `وفقا`).
pub fn is_stop(lang: &Lang, word: &str) -> bool {
    let set = stop_set(lang);
    let marked = |c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}');
    if lang == &Lang::Ar && word.contains(marked) {
        return set.contains(word.replace(marked, "").as_str());
    }
    set.contains(word)
}

/// Whether the lower-cased `word` coordinates two words of a name in `lang` (French `et`,
/// English `and`: `Conseil économique et social`, `Economic and Social Council`); inside a
/// candidate only under the conditions [`super::candidates`] sets.
pub fn is_coordinator(lang: &Lang, word: &str) -> bool {
    match lang {
        Lang::Fr => word == "et",
        Lang::En => word == "and",
        _ => false,
    }
}

/// Adjectives and participles that call for a complement (French `relatif à`, `chargé de`,
/// `visé à`; English `relating to`, `referred to`): inside a term they may stand (`Pacte
/// international relatif aux droits civils et politiques`), at its end they cut a phrase short
/// (`Pacte international relatif`, `autorités chargées`, `infractions visées`). None ends a
/// term of ACTER's gold lists, French or English.
const OPEN_FR: &str = "relatif relative relatifs relatives chargé chargée chargés chargées visé visée visés visées concernant portant visant tendant susceptible susceptibles concerné concernée concernés concernées destiné destinée destinés destinées afférent afférente afférents afférentes conformément prévu prévue prévus prévues mentionné mentionnée mentionnés mentionnées énoncé énoncée énoncés énoncées";
const OPEN_EN: &str = "relating concerning regarding related concerned referred pursuant according due aimed intended";

/// Whether the lower-cased `word` calls for a complement, so that no multi-word term of
/// `lang` ends with it.
pub fn is_open_end(lang: &Lang, word: &str) -> bool {
    let list = match lang {
        Lang::Fr => OPEN_FR,
        Lang::En => OPEN_EN,
        _ => return false,
    };
    list.split(' ').any(|w| w == word)
}

/// Whether the lower-cased `word` may link two content words inside a term of `lang`.
pub fn is_link(lang: &Lang, word: &str) -> bool {
    match lang {
        Lang::Fr => LINK_FR.contains(&word),
        Lang::En => LINK_EN.contains(&word),
        Lang::Ar => LINK_AR.contains(&word),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_links() {
        assert!(is_stop(&Lang::En, "the"));
        assert!(!is_stop(&Lang::En, "turbine"));
        assert!(is_stop(&Lang::Fr, "les"));
        assert!(is_link(&Lang::Fr, "de"));
        assert!(!is_link(&Lang::En, "de"));
        assert!(is_stop(&Lang::Ar, "في"));
        assert!(is_stop(&Lang::Ar, "وفقاً"), "vowel signs aside");
        assert!(is_stop(&Lang::Ar, "وفقـا"), "tatweel aside");
        assert!(!is_stop(&Lang::Ar, "وفاق"));
        assert!(is_open_end(&Lang::Fr, "relatif"));
        assert!(is_open_end(&Lang::En, "relating"));
        assert!(!is_open_end(&Lang::Fr, "international"));
    }
}
