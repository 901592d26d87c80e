use super::*;
use crate::text::sentences::split_builtin;

const OMEGAT_LIKE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes">
    <formathandle type="start" include="no"/>
  </header>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no">
          <beforebreak>\b(?:Mr|Dr)\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="no">
          <beforebreak>\b\p{Lu}\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="yes">
          <beforebreak>[\.\?!\u2026]+[\u00BB\u201D"']*</beforebreak>
          <afterbreak>\s+\P{Ll}</afterbreak>
        </rule>
        <rule>
          <beforebreak>\n</beforebreak>
          <afterbreak></afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
"#;

fn parse(text: &str) -> Result<Srx> {
    Srx::parse(text, Path::new("rules.srx"))
}

fn sentences<'a>(srx: &Srx, text: &'a str, lang: &Lang) -> Vec<&'a str> {
    srx.split(text, lang)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn splits_with_cascaded_rules() {
    let srx = parse(OMEGAT_LIKE).unwrap();
    assert!(srx.cascade);
    assert_eq!(srx.rules_for(&Lang::En).len(), 4);
    assert_eq!(srx.rules_for(&Lang::Fr).len(), 3);
    let t = "Mr. Smith came. J. Doe left… He said « non ». Then\nnew line";
    assert_eq!(
        sentences(&srx, t, &Lang::En),
        [
            "Mr. Smith came.",
            "J. Doe left…",
            "He said « non ».",
            "Then",
            "new line"
        ]
    );
    // In French the English rule does not apply: "Mr." ends a sentence.
    assert_eq!(
        sentences(&srx, "Mr. Smith came.", &Lang::Fr),
        ["Mr.", "Smith came."]
    );
    assert!(sentences(&srx, "  ", &Lang::Fr).is_empty());
}

#[test]
fn without_cascade_only_the_first_map_applies() {
    let srx = parse(&OMEGAT_LIKE.replace("cascade=\"yes\"", "cascade=\"no\"")).unwrap();
    assert_eq!(srx.rules_for(&Lang::En).len(), 1);
    // Only the English no-rule: nothing ever breaks.
    assert_eq!(sentences(&srx, "One. Two.", &Lang::En), ["One. Two."]);
    assert_eq!(sentences(&srx, "One. Two.", &Lang::Ar), ["One.", "Two."]);
}

fn error(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

#[test]
fn bad_files_name_the_place() {
    let e = error("not xml at all");
    assert!(e.starts_with("rules.srx:1:1:"), "{e}");
    let e = error("<tmx/>");
    assert!(e.contains("not an SRX file"), "{e}");
    let e = error(&OMEGAT_LIKE.replace("<srx ", "<srx><bad "));
    assert!(e.starts_with("rules.srx:"), "{e}");
    let no_rules = r#"<srx version="2.0"><header cascade="no"/><body><languagerules>
        <languagerule languagerulename="D"/></languagerules><maprules>
        <languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#;
    assert!(error(no_rules).contains("no segmentation rule"));
    // A look-ahead on line 10: the pattern starts at column 24, `(?!` at column 26.
    let e = error(&OMEGAT_LIKE.replace(r"\b(?:Mr|Dr)\.", r"\b(?!Mr)\."));
    assert!(
        e.starts_with("rules.srx:10:26: beforebreak: look-ahead"),
        "{e}"
    );
    let e = error(&OMEGAT_LIKE.replace(r"\s+\P{Ll}", r"\s+[a-"));
    assert!(
        e.starts_with("rules.srx:21:23: afterbreak: invalid regular expression"),
        "{e}"
    );
    let e = error(&OMEGAT_LIKE.replace(
        "languagerulename=\"English\"/>",
        "languagerulename=\"Eng\"/>",
    ));
    assert!(e.contains("\"Eng\", which is not defined"), "{e}");
    let e = error(&OMEGAT_LIKE.replace("break=\"no\"", "break=\"maybe\""));
    assert!(e.contains("break=\"maybe\""), "{e}");
}

#[test]
fn builtin_rules_parse_and_agree_on_hard_cases() {
    let srx = parse(&builtin()).unwrap();
    let cases = [
        (Lang::Fr, "M. Dupont est arrivé. Il a parlé."),
        (Lang::Fr, "Voir l'art. 5 du règlement. Le texte est clair."),
        (
            Lang::Fr,
            "Conformément au par. 3, le Conseil décide. Il prie le Secrétaire.",
        ),
        (
            Lang::Fr,
            "Des fruits, p. ex. des pommes, sont servis. La séance est levée.",
        ),
        (Lang::Fr, "Pommes, poires, etc. Le reste suit."),
        (Lang::Fr, "La réunion commence à 13 h. Elle finit tard."),
        (Lang::Fr, "Me Dupont plaide. Il gagne."),
        (Lang::Fr, "1. Premier. Second."),
        (Lang::Fr, "Il a dit : « Non. » Puis il est parti."),
        (
            Lang::En,
            "The U.N. met in New York. It adopted resolution A/RES/57/239. Fine.",
        ),
        (Lang::En, "See e.g. Article 5. Then go on."),
        (Lang::En, "Mr. J. Smith arrived at 10 a.m. He spoke."),
        (Lang::En, "See no. 5 of the list. Nothing else? Yes! Right…"),
        (Lang::En, "Visit www.un.org. Then read."),
        (Lang::Ar, "اجتمع المجلس. وقرر ما يلي؟ نعم."),
        (
            Lang::Other("de".into()),
            "Am 1. April beginnt es. Dann z. B. am 3. Mai.",
        ),
        (Lang::Other("de".into()), "Das ist Nr. 1. Neu."),
    ];
    for (lang, text) in cases {
        assert_eq!(
            srx.split(text, &lang),
            split_builtin(text, &lang),
            "{lang}: {text}"
        );
    }
}

#[test]
fn builtin_rules_map_languages() {
    let srx = parse(&builtin()).unwrap();
    let n = |code: &str| srx.rules_for(&code.parse::<Lang>().unwrap()).len();
    let default = n("en");
    assert_eq!(n("ar"), default);
    assert_eq!(n("fr"), default + 1);
    assert_eq!(n("de"), default + 2);
    assert_eq!(n("es"), default + 2);
}
