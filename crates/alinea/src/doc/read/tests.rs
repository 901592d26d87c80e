use super::*;

fn seg_texts(text: &str) -> Vec<String> {
    join(segments(blocks(text)), |_| false)
        .iter()
        .map(|s| {
            s.lines
                .iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn labels_and_items() {
    let t = "Intro,\n1)\nfirst text,\n2)\nsecond text,\n\n3.\n\nthird.\n";
    assert_eq!(
        seg_texts(t),
        [
            "Intro,",
            "1) | first text,",
            "2) | second text,",
            "3. | third."
        ]
    );
}

#[test]
fn wrapped_text_and_letterheads() {
    let t = "Union interparlementaire  \nPour la démocratie. Pour tous.\n\n**Titre du  \n17<sup>e</sup> Forum**\n\nA long paragraph that was wrapped by the converter at some width of about ninety and goes\non in lower case, then\nAnd goes on.\n";
    assert_eq!(
        seg_texts(t),
        [
            "Union interparlementaire",
            "Pour la démocratie. Pour tous.",
            "**Titre du | 17<sup>e</sup> Forum**",
            "A long paragraph that was wrapped by the converter at some width of about ninety and goes | on in lower case, then | And goes on."
        ]
    );
}

#[test]
fn arabic_page_break_and_labels() {
    let long = "وإذ تشير إلى قرار الجمعية العامة ٧٤/٢٤٧ بشأن مكافحة استخدام تكنولوجيات المعلومات والاتصالات للأغراض الإجرامية وإلى عمل اللجنة المخصصة";
    let t = format!(
        "{long}\n\nالمنشأة لهذا الغرض،\n\n١)\nتشجع البرلمانات؛\n(أ) نص أول؛\n(ب) نص ثان.\n"
    );
    assert_eq!(
        seg_texts(&t),
        [
            format!("{long} | المنشأة لهذا الغرض،"),
            "١) | تشجع البرلمانات؛".to_string(),
            "(أ) نص أول؛".to_string(),
            "(ب) نص ثان.".to_string(),
        ]
    );
}

#[test]
fn arabic_title_before_a_heading_stays_apart() {
    let title = "٢٠١٩/١٩ - تعزيز المساعدة التقنية وبناء القدرات من أجل تكثيف العمل الوطني والتعاون الدولي لمكافحة الجريمة السيبرانية";
    let t = format!("{title}\n\nإن المجلس الاقتصادي والاجتماعي\n\nيوصي الجمعية العامة باعتماد مشروع القرار التالي:\n");
    assert_eq!(seg_texts(&t).len(), 3, "{:?}", seg_texts(&t));
}

#[test]
fn page_break_before_a_capital() {
    let long = "Recalling its resolution 70/174 of 17 December 2015, in which it endorsed the Doha Declaration on Integrating Crime";
    let t = format!("{long}\n\nPrevention and Criminal Justice into the Wider United Nations Agenda,\n\nShort Title Here\n\nNoting with appreciation the work done by the Expert Group so far,\n");
    assert_eq!(
        seg_texts(&t),
        [
            format!(
                "{long} | Prevention and Criminal Justice into the Wider United Nations Agenda,"
            ),
            "Short Title Here".to_string(),
            "Noting with appreciation the work done by the Expert Group so far,".to_string(),
        ]
    );
}

#[test]
fn page_break_over_a_note() {
    let long = "Rappelant sa résolution 70/174, dans laquelle elle a fait sienne la Déclaration de Doha sur l'intégration de la";
    let t = format!("{long}\n\n¹ Voir le document.\n\ncriminalité et de la justice pénale,\n");
    let segs = join(segments(blocks(&t)), |s| s.head().start.note_mark);
    assert_eq!(segs.len(), 2);
    assert_eq!(segs[0].lines.len(), 2);
    assert!(segs[1].head().start.note_mark);
}

/// The reference `unclosed`: the same rules over a vector of characters.
fn unclosed_by_chars(line: &str) -> bool {
    if line.matches(['(', '[']).count() > line.matches([')', ']']).count() {
        return true;
    }
    let chars: Vec<char> = line.chars().collect();
    let (mut open, mut k) = (0usize, 0);
    while k < chars.len() {
        if chars[k] != '*' {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && chars[k] == '*' {
            k += 1;
        }
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let before = !space(start.checked_sub(1).map(|i| chars[i]));
        let after = !space(chars.get(k).copied());
        if before && open > 0 {
            open -= 1;
        } else if after && !before {
            open += 1;
        }
    }
    open > 0
}

proptest::proptest! {
    #[test]
    fn unclosed_reads_bytes_as_the_characters_say(line in "[a*( )\\[\\]é\u{a0}\u{2003}ع]{0,24}") {
        proptest::prop_assert_eq!(unclosed(&line), unclosed_by_chars(&line), "{:?}", line);
    }
}

#[test]
fn unclosed_marks() {
    assert!(unclosed("voir (paragraphe"));
    assert!(unclosed("la **Convention"));
    assert!(!unclosed("la **Convention** de"));
    assert!(!unclosed("Italie* et"));
    assert!(!unclosed("Italie\u{a0}* et"));
}

/// A large text is read in parallel into the same units as on one thread.
#[test]
fn parallel_reading_is_the_same() {
    let sample = "RÉPUBLIQUE FRANÇAISE\nLe 3 mars 2020\n\n1.\n\nLe Conseil de sécurité, rappelant \
sa résolution 2118 (2013) et les travaux du Groupe de travail sur la question, décide de\n\n\
12\n\nNotes de bas de page\n\npoursuivre l'examen de la question à sa prochaine session.\n\n\
a) premier point ;\nb) second point, qui est assez long pour passer sur une autre ligne et \
qui continue\nsur celle-ci.\n\n";
    let text = sample.repeat((PARALLEL_BYTES / sample.len()) + 2);
    assert!(text.len() >= PARALLEL_BYTES);
    let read = |one: bool| {
        ONE_THREAD.with(|c| c.set(one));
        let segs = join(segments(blocks(&text)), crate::doc::kind::skippable);
        ONE_THREAD.with(|c| c.set(false));
        segs.iter()
            .map(|s| {
                let ls: Vec<_> = s.lines.iter().map(|l| (l.no, l.bytes.clone())).collect();
                (ls, s.block, s.first_in_block, s.last_in_block)
            })
            .collect::<Vec<_>>()
    };
    let (many, one) = (read(false), read(true));
    assert!(many.len() > 1000);
    assert_eq!(many, one);
}
