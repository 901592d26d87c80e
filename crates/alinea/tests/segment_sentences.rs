//! Sentence segmentation: hard cases for French, English and Arabic (abbreviations, numbers,
//! document symbols, ellipses, quotes and brackets, Arabic punctuation), and the generic rules
//! for other languages.

use alinea::text::sentences::split_str;
use alinea::Lang;

fn check(lang: Lang, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = split_str(text, &lang);
        if got != *want {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {lang} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn french() {
    let cases: &[(&str, &[&str])] = &[
        (
            "M. Dupont est arrivé. Il a parlé.",
            &["M. Dupont est arrivé.", "Il a parlé."],
        ),
        (
            "MM. Martin et Durand ont signé. Mme Leroy aussi.",
            &["MM. Martin et Durand ont signé.", "Mme Leroy aussi."],
        ),
        (
            "Voir l'art. 5 du règlement. Le texte est clair.",
            &["Voir l'art. 5 du règlement.", "Le texte est clair."],
        ),
        (
            "Conformément au par. 3, le Conseil décide. Il prie le Secrétaire général.",
            &[
                "Conformément au par. 3, le Conseil décide.",
                "Il prie le Secrétaire général.",
            ],
        ),
        (
            "Des fruits, p. ex. des pommes, sont servis. La séance est levée.",
            &[
                "Des fruits, p. ex. des pommes, sont servis.",
                "La séance est levée.",
            ],
        ),
        (
            "Pommes, poires, etc. Le reste suit.",
            &["Pommes, poires, etc.", "Le reste suit."],
        ),
        (
            "La croissance est de 3,5 %. Elle était de 2.5 % en 2018.",
            &[
                "La croissance est de 3,5 %.",
                "Elle était de 2.5 % en 2018.",
            ],
        ),
        (
            "La résolution 74/247 a été adoptée. Elle crée un comité.",
            &[
                "La résolution 74/247 a été adoptée.",
                "Elle crée un comité.",
            ],
        ),
        (
            "Voir le document A/RES/57/239. Il porte sur la cybersécurité.",
            &[
                "Voir le document A/RES/57/239.",
                "Il porte sur la cybersécurité.",
            ],
        ),
        (
            "Il hésita... Puis il reprit la parole.",
            &["Il hésita...", "Puis il reprit la parole."],
        ),
        (
            "Il hésita… puis il reprit la parole.",
            &["Il hésita… puis il reprit la parole."],
        ),
        (
            "Il a dit : « Nous sommes prêts. Nous agirons. » Puis il est parti.",
            &[
                "Il a dit : « Nous sommes prêts. Nous agirons. »",
                "Puis il est parti.",
            ],
        ),
        (
            "Le Comité (voir le rapport. Il est en annexe) a conclu. Ensuite, il a voté.",
            &[
                "Le Comité (voir le rapport. Il est en annexe) a conclu.",
                "Ensuite, il a voté.",
            ],
        ),
        (
            "Est-ce possible ? Oui, certainement !",
            &["Est-ce possible ?", "Oui, certainement !"],
        ),
        (
            "Qu'en pensez-vous ? demanda-t-il.",
            &["Qu'en pensez-vous ? demanda-t-il."],
        ),
        (
            "Voir Documents officiels, 2017, Supplément n° 10 (E/2017/30), chap. I, sect. D.",
            &["Voir Documents officiels, 2017, Supplément n° 10 (E/2017/30), chap. I, sect. D."],
        ),
        (
            "Nations Unies, Recueil des Traités, vol. 2225, n° 39574.",
            &["Nations Unies, Recueil des Traités, vol. 2225, n° 39574."],
        ),
        (
            "Le 1er janvier 2020, la loi est entrée en vigueur. Le 2 janvier, rien.",
            &[
                "Le 1er janvier 2020, la loi est entrée en vigueur.",
                "Le 2 janvier, rien.",
            ],
        ),
        (
            "Le Président, S.E. M. Dupont, a ouvert la séance. Il a remercié les participants.",
            &[
                "Le Président, S.E. M. Dupont, a ouvert la séance.",
                "Il a remercié les participants.",
            ],
        ),
        (
            "L'ONU a été créée en 1945. 193 États en sont membres.",
            &["L'ONU a été créée en 1945.", "193 États en sont membres."],
        ),
        (
            "Il est né en 52 av. J.-C. à Rome.",
            &["Il est né en 52 av. J.-C. à Rome."],
        ),
        (
            "Voir p. 12 et suiv. du rapport.",
            &["Voir p. 12 et suiv. du rapport."],
        ),
        (
            "Cf. le rapport du Secrétaire général. Voir aussi l'annexe.",
            &[
                "Cf. le rapport du Secrétaire général.",
                "Voir aussi l'annexe.",
            ],
        ),
        (
            "La cybercriminalité (art. 2 et 3) est définie. Les États doivent agir.",
            &[
                "La cybercriminalité (art. 2 et 3) est définie.",
                "Les États doivent agir.",
            ],
        ),
        (
            "« Quelle est la menace ? » La question reste posée.",
            &["« Quelle est la menace ? »", "La question reste posée."],
        ),
        (
            "Les chiffres sont de 1.000.000 d'euros. Ils augmentent.",
            &["Les chiffres sont de 1.000.000 d'euros.", "Ils augmentent."],
        ),
        (
            "Le site est www.un.org. Il est consultable.",
            &["Le site est www.un.org.", "Il est consultable."],
        ),
        (
            "La séance est levée à 13 h. La prochaine aura lieu demain.",
            &[
                "La séance est levée à 13 h.",
                "La prochaine aura lieu demain.",
            ],
        ),
        (
            "Il a déclaré : « Je ne sais pas. » Puis il s'est tu.",
            &["Il a déclaré : « Je ne sais pas. »", "Puis il s'est tu."],
        ),
        (
            "Le paragraphe 25. La délégation de l'Inde a exprimé des réserves.",
            &[
                "Le paragraphe 25.",
                "La délégation de l'Inde a exprimé des réserves.",
            ],
        ),
        (
            "Il y a trois options : a) agir ; b) attendre. Le choix est fait.",
            &[
                "Il y a trois options : a) agir ; b) attendre.",
                "Le choix est fait.",
            ],
        ),
        (
            "La 146e Assemblée s'est tenue à Manama (Bahreïn). Elle a adopté une résolution.",
            &[
                "La 146e Assemblée s'est tenue à Manama (Bahreïn).",
                "Elle a adopté une résolution.",
            ],
        ),
        ("Texte sans point final", &["Texte sans point final"]),
        (
            "Organisée², la criminalité progresse. Les États¹ réagissent.",
            &[
                "Organisée², la criminalité progresse.",
                "Les États¹ réagissent.",
            ],
        ),
        (
            "Elle a été adoptée en 2013.³ Le texte suit.",
            &["Elle a été adoptée en 2013.³", "Le texte suit."],
        ),
        (
            "1. Accueille avec satisfaction les conclusions. 2. Estime qu'il importe d'agir.",
            &[
                "1. Accueille avec satisfaction les conclusions.",
                "2. Estime qu'il importe d'agir.",
            ],
        ),
        (
            "L\u{2019}Assemblée\u{00A0}: «\u{00A0}Agissons.\u{00A0}» Elle a voté.",
            &[
                "L\u{2019}Assemblée\u{00A0}: «\u{00A0}Agissons.\u{00A0}»",
                "Elle a voté.",
            ],
        ),
    ];
    assert!(cases.len() >= 30);
    check(Lang::Fr, cases);
}

#[test]
fn english() {
    let cases: &[(&str, &[&str])] = &[
        ("Mr. Smith arrived. He spoke.", &["Mr. Smith arrived.", "He spoke."]),
        ("Mrs. Jones and Dr. Brown met at 10 a.m. on Monday. They agreed.", &["Mrs. Jones and Dr. Brown met at 10 a.m. on Monday.", "They agreed."]),
        ("See No. 5 of the list. It is short.", &["See No. 5 of the list.", "It is short."]),
        ("The U.N. General Assembly adopted it. The vote was 120 to 3.", &["The U.N. General Assembly adopted it.", "The vote was 120 to 3."]),
        ("Fruits, e.g. apples, were served. The meeting closed.", &["Fruits, e.g. apples, were served.", "The meeting closed."]),
        ("Some States, i.e. the parties, agreed. Others did not.", &["Some States, i.e. the parties, agreed.", "Others did not."]),
        ("The rate was 3.5 per cent. It rose to 4.2 per cent in 2019.", &["The rate was 3.5 per cent.", "It rose to 4.2 per cent in 2019."]),
        ("Resolution 74/247 was adopted. It set up a committee.", &["Resolution 74/247 was adopted.", "It set up a committee."]),
        ("See document A/RES/57/239. It concerns cybersecurity.", &["See document A/RES/57/239.", "It concerns cybersecurity."]),
        ("He paused... Then he continued.", &["He paused...", "Then he continued."]),
        ("He paused… and then continued.", &["He paused… and then continued."]),
        ("He said: \"We are ready. We will act.\" Then he left.", &["He said: \"We are ready. We will act.\"", "Then he left."]),
        ("The Committee (see the report. It is annexed) concluded. Then it voted.", &["The Committee (see the report. It is annexed) concluded.", "Then it voted."]),
        ("Is this possible? Yes, certainly!", &["Is this possible?", "Yes, certainly!"]),
        ("\"Is this possible?\" she asked.", &["\"Is this possible?\" she asked."]),
        ("See Official Records of the Economic and Social Council, 2017, Supplement No. 10 (E/2017/30), chap. I, sect. D.", &["See Official Records of the Economic and Social Council, 2017, Supplement No. 10 (E/2017/30), chap. I, sect. D."]),
        ("United Nations, Treaty Series, vol. 2225, No. 39574.", &["United Nations, Treaty Series, vol. 2225, No. 39574."]),
        ("On 1 January 2020 the law entered into force. On 2 January nothing happened.", &["On 1 January 2020 the law entered into force.", "On 2 January nothing happened."]),
        ("The United Nations was founded in 1945. 193 States are members.", &["The United Nations was founded in 1945.", "193 States are members."]),
        ("See pp. 12-15 of the report. The annex follows.", &["See pp. 12-15 of the report.", "The annex follows."]),
        ("Prof. Adams and Gen. Clark attended. The session began.", &["Prof. Adams and Gen. Clark attended.", "The session began."]),
        ("Cf. the report of the Secretary-General. See also the annex.", &["Cf. the report of the Secretary-General.", "See also the annex."]),
        ("Cybercrime (art. 2 and para. 3) is defined. States must act.", &["Cybercrime (art. 2 and para. 3) is defined.", "States must act."]),
        ("\u{201C}What is the threat?\u{201D} The question remains.", &["\u{201C}What is the threat?\u{201D}", "The question remains."]),
        ("The figure is 1,000,000 dollars. It is rising.", &["The figure is 1,000,000 dollars.", "It is rising."]),
        ("Visit www.un.org. It is online.", &["Visit www.un.org.", "It is online."]),
        ("The meeting rose at 1 p.m. The next meeting will be announced.", &["The meeting rose at 1 p.m.", "The next meeting will be announced."]),
        ("J. R. R. Tolkien wrote it. It sold well.", &["J. R. R. Tolkien wrote it.", "It sold well."]),
        ("The vote was as follows: 120 in favour, 3 against. The draft was adopted.", &["The vote was as follows: 120 in favour, 3 against.", "The draft was adopted."]),
        ("Paragraph 25. The delegation of India expressed reservations.", &["Paragraph 25.", "The delegation of India expressed reservations."]),
        ("Messrs. Lee and Kim spoke. St. Lucia abstained.", &["Messrs. Lee and Kim spoke.", "St. Lucia abstained."]),
        ("It was adopted (A/74/L.5). Several delegations spoke.", &["It was adopted (A/74/L.5).", "Several delegations spoke."]),
        ("The 146th IPU Assembly met in Manama (Bahrain). It adopted a resolution.", &["The 146th IPU Assembly met in Manama (Bahrain).", "It adopted a resolution."]),
        ("Text without final stop", &["Text without final stop"]),
        ("He asked why? Nobody knew.", &["He asked why?", "Nobody knew."]),
        ("The Convention (E/2013/30/Corr.1) applies. It entered into force.", &["The Convention (E/2013/30/Corr.1) applies.", "It entered into force."]),
    ];
    assert!(cases.len() >= 30);
    check(Lang::En, cases);
}

#[test]
fn arabic() {
    let cases: &[(&str, &[&str])] = &[
        ("اعتمدت الجمعية القرار. وقد أنشأ لجنة مخصصة.", &["اعتمدت الجمعية القرار.", "وقد أنشأ لجنة مخصصة."]),
        ("هل هذا ممكن؟ نعم، بالتأكيد!", &["هل هذا ممكن؟", "نعم، بالتأكيد!"]),
        ("تشجع البرلمانات على اتخاذ التدابير اللازمة؛ وتطلب إلى الحكومات التعاون.", &["تشجع البرلمانات على اتخاذ التدابير اللازمة؛ وتطلب إلى الحكومات التعاون."]),
        ("انظر القرار ٧٤/٢٤٧. وهو يتعلق بالجريمة السيبرانية.", &["انظر القرار ٧٤/٢٤٧.", "وهو يتعلق بالجريمة السيبرانية."]),
        ("انظر الوثيقة A/RES/57/239. وهي تتعلق بالأمن السيبراني.", &["انظر الوثيقة A/RES/57/239.", "وهي تتعلق بالأمن السيبراني."]),
        ("بلغ المعدل ٣٫٥ في المائة. وارتفع إلى ٤٫٢ في المائة.", &["بلغ المعدل ٣٫٥ في المائة.", "وارتفع إلى ٤٫٢ في المائة."]),
        ("بلغ المعدل 3.5 في المائة. وارتفع في عام 2019.", &["بلغ المعدل 3.5 في المائة.", "وارتفع في عام 2019."]),
        ("قال د. أحمد إن الوضع خطير. ثم غادر.", &["قال د. أحمد إن الوضع خطير.", "ثم غادر."]),
        ("وُلد عام ٥٢ ق.م. في روما.", &["وُلد عام ٥٢ ق.م. في روما."]),
        ("قال الرئيس: «نحن مستعدون. وسنتصرف.» ثم غادر.", &["قال الرئيس: «نحن مستعدون. وسنتصرف.»", "ثم غادر."]),
        ("أكدت اللجنة (انظر التقرير. وهو مرفق) استنتاجاتها. ثم صوتت.", &["أكدت اللجنة (انظر التقرير. وهو مرفق) استنتاجاتها.", "ثم صوتت."]),
        ("توقف قليلاً... ثم واصل حديثه.", &["توقف قليلاً...", "ثم واصل حديثه."]),
        ("ما هو التهديد؟ يبقى السؤال مطروحاً.", &["ما هو التهديد؟", "يبقى السؤال مطروحاً."]),
        ("انظر الوثائق الرسمية للمجلس الاقتصادي والاجتماعي، ٢٠١٧، الملحق رقم ١٠ (E/2017/30)، الفصل الأول، الفرع دال.", &["انظر الوثائق الرسمية للمجلس الاقتصادي والاجتماعي، ٢٠١٧، الملحق رقم ١٠ (E/2017/30)، الفصل الأول، الفرع دال."]),
        ("تأسست الأمم المتحدة عام ١٩٤٥. وتضم ١٩٣ دولة عضواً.", &["تأسست الأمم المتحدة عام ١٩٤٥.", "وتضم ١٩٣ دولة عضواً."]),
        ("أعرب وفد الهند عن تحفظات على الفقرة ٢٥. وأعرب وفد الاتحاد الروسي عن تحفظات على الفقرة ١.", &["أعرب وفد الهند عن تحفظات على الفقرة ٢٥.", "وأعرب وفد الاتحاد الروسي عن تحفظات على الفقرة ١."]),
        ("يقول البيان: «لا بد من التعاون الدولي». وهذا صحيح.", &["يقول البيان: «لا بد من التعاون الدولي».", "وهذا صحيح."]),
        ("هذا نص بدون نقطة نهائية", &["هذا نص بدون نقطة نهائية"]),
        ("١- تشجع البرلمانات على العمل. ٢- تطلب إلى الحكومات التعاون.", &["١- تشجع البرلمانات على العمل.", "٢- تطلب إلى الحكومات التعاون."]),
        ("تعمل منظمة الأمم المتحدة للتربية والعلم والثقافة (اليونسكو) في هذا المجال. كما تعمل منظمات أخرى.", &["تعمل منظمة الأمم المتحدة للتربية والعلم والثقافة (اليونسكو) في هذا المجال.", "كما تعمل منظمات أخرى."]),
        ("قال السيد سميث (المملكة المتحدة): إن المشروع جاهز. هل اعتُمد؟ نعم.", &["قال السيد سميث (المملكة المتحدة): إن المشروع جاهز.", "هل اعتُمد؟", "نعم."]),
        ("انعقد الاجتماع في ١١-١٥ آذار/مارس ٢٠٢٣. واعتمد قراراً.", &["انعقد الاجتماع في ١١-١٥ آذار/مارس ٢٠٢٣.", "واعتمد قراراً."]),
        ("يتضمن ذلك ما يلي: (أ) التوعية؛ (ب) التدريب. ويجب تنفيذهما.", &["يتضمن ذلك ما يلي: (أ) التوعية؛ (ب) التدريب.", "ويجب تنفيذهما."]),
        ("التفاح والبرتقال وغيرها إلخ. ثم انتقل إلى موضوع آخر.", &["التفاح والبرتقال وغيرها إلخ.", "ثم انتقل إلى موضوع آخر."]),
        ("أصبح الفضاء السيبراني بُعداً جديداً! ويجب حمايته.", &["أصبح الفضاء السيبراني بُعداً جديداً!", "ويجب حمايته."]),
        ("ما العمل؟! لا أحد يعرف.", &["ما العمل؟!", "لا أحد يعرف."]),
        ("اعتمدت الجمعية العامة القرار 74/247 في 27 كانون الأول/ديسمبر 2019. وأنشأت بموجبه لجنة.", &["اعتمدت الجمعية العامة القرار 74/247 في 27 كانون الأول/ديسمبر 2019.", "وأنشأت بموجبه لجنة."]),
        ("الموقع هو www.un.org. وهو متاح للجميع.", &["الموقع هو www.un.org.", "وهو متاح للجميع."]),
        ("قررت الجمعية ما يلي، وهو: أن تعقد دورتها المقبلة في نيويورك، وأن تدعو جميع الدول.", &["قررت الجمعية ما يلي، وهو: أن تعقد دورتها المقبلة في نيويورك، وأن تدعو جميع الدول."]),
        ("ورد ذلك في ص. ١٢ من الوثيقة. وهو مهم.", &["ورد ذلك في ص. ١٢ من الوثيقة.", "وهو مهم."]),
        ("هذه الجملة الأولى۔ وهذه الثانية۔", &["هذه الجملة الأولى۔", "وهذه الثانية۔"]),
        ("ترحب الجمعية بالتقرير.¹ وتقرر مواصلة النظر في المسألة.", &["ترحب الجمعية بالتقرير.¹", "وتقرر مواصلة النظر في المسألة."]),
        ("الجريمة السيبرانية: المخاطر الجديدة على الأمن العالمي", &["الجريمة السيبرانية: المخاطر الجديدة على الأمن العالمي"]),
    ];
    assert!(cases.len() >= 30);
    check(Lang::Ar, cases);
}

#[test]
fn other_languages_generic_rules() {
    let de = Lang::Other("de".into());
    check(
        de,
        &[
            (
                "Das Treffen fand am 1. April statt. Es war kurz.",
                &["Das Treffen fand am 1. April statt.", "Es war kurz."],
            ),
            (
                "Das gilt z. B. für Banken. Andere sind ausgenommen.",
                &["Das gilt z. B. für Banken.", "Andere sind ausgenommen."],
            ),
            (
                "Er kam am 3. Oktober 1990 an. Dann blieb er.",
                &["Er kam am 3. Oktober 1990 an.", "Dann blieb er."],
            ),
            (
                "\u{201E}Wir sind bereit. Wir handeln.\u{201C} Dann ging er.",
                &[
                    "\u{201E}Wir sind bereit. Wir handeln.\u{201C}",
                    "Dann ging er.",
                ],
            ),
            (
                "Siehe Nr. 5 und Abs. 2. Das ist alles.",
                &["Siehe Nr. 5 und Abs. 2.", "Das ist alles."],
            ),
        ],
    );
    check(
        Lang::Other("es".into()),
        &[(
            "¿Es posible? Sí. El Sr. García lo dijo.",
            &["¿Es posible?", "Sí.", "El Sr. García lo dijo."],
        )],
    );
}
