package relate_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
)

// The tests of this file check each family of trigger words (lexicon/data/triggers) on short sentences
// written for them. Every article is published on Wednesday 2025-05-21, so that "اليوم الأربعاء" is the
// publication day and "on Tuesday", "أمس" and "yesterday" are 2025-05-20.

// wednesday is the publication date of the articles of this file.
var wednesday = diplograph.Date{Year: 2025, Month: 5, Day: 21}

// extractWednesday extracts one article published on wednesday.
func extractWednesday(t *testing.T, lang, body string) *diplograph.Extraction {
	t.Helper()
	lexOnce.Do(func() { lex, lexErr = lexicon.Default() })
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	a := &diplograph.Article{Body: body, Language: lang, Published: wednesday}
	return extract.New(lex).Extract(a)
}

// eventFacts returns every event as "TYPE DATE MODALITY [@PLACE] entity/ROLE …", participants sorted by
// entity id, "-" for an unknown date; the list is sorted.
func eventFacts(x *diplograph.Extraction) []string {
	out := []string{}
	for _, e := range x.Events {
		date := e.Date.String()
		if date == "" {
			date = "-"
		}
		fields := []string{string(e.Type), date, string(e.Modality)}
		if e.Location != nil {
			fields = append(fields, "@"+e.Location.Name)
		}
		var ps []string
		for _, p := range e.Participants {
			ps = append(ps, p.Entity+"/"+string(p.Role))
		}
		sort.Strings(ps)
		out = append(out, strings.Join(append(fields, ps...), " "))
	}
	sort.Strings(out)
	return out
}

// positionFacts returns every position as "HOLDER STANCE KIND TOPIC TARGET" (entity ids, "-" for no
// target), sorted.
func positionFacts(x *diplograph.Extraction) []string {
	out := []string{}
	for _, p := range x.Positions {
		target := string(p.Target)
		if target == "" {
			target = "-"
		}
		out = append(out, strings.Join([]string{p.Holder, string(p.Stance), string(p.StanceKind), string(p.Topic), target}, " "))
	}
	sort.Strings(out)
	return out
}

// triggerCase is one sentence and everything the extractor must find in it.
type triggerCase struct {
	name, lang, body string
	events           []string // every event (eventFacts), when not nil
	positions        []string // every position (positionFacts), when not nil; empty: none
}

// runTriggerCases extracts every case and compares the events and positions it lists.
func runTriggerCases(t *testing.T, cases []triggerCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := extractWednesday(t, tc.lang, tc.body)
			if tc.events != nil {
				want := slices.Sorted(slices.Values(tc.events))
				if got := eventFacts(x); !slices.Equal(got, want) {
					t.Errorf("events\n got  %q\n want %q", got, want)
				}
			}
			if tc.positions != nil {
				want := slices.Sorted(slices.Values(tc.positions))
				if got := positionFacts(x); !slices.Equal(got, want) {
					t.Errorf("positions\n got  %q\n want %q", got, want)
				}
			}
		})
	}
}

// TestEventTriggers checks every event type that events.tsv has triggers for (COOPERATE and PROTEST
// have none: they come only from documents made elsewhere), in Arabic and English: the type, the
// participants with the roles of the trigger, the place and the date resolved from the publication date.
func TestEventTriggers(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		// MEETING
		{
			name:   "ar التقى: participants, today named by its weekday",
			lang:   "ar",
			body:   "التقى وزير الخارجية التركي هاكان فيدان اليوم الأربعاء نظيره الروسي سيرغي لافروف في أنقرة.",
			events: []string{"MEETING 2025-05-21 ASSERTED @Ankara person:hakan-fidan/PARTICIPANT person:sergei-lavrov/PARTICIPANT"},
		},
		{
			name:   "en met: participants, on Tuesday",
			lang:   "en",
			body:   "Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergei Lavrov in Ankara on Tuesday.",
			events: []string{"MEETING 2025-05-20 ASSERTED @Ankara person:hakan-fidan/PARTICIPANT person:sergei-lavrov/PARTICIPANT"},
		},
		{
			name:   "ar استقبل: host and guest, yesterday",
			lang:   "ar",
			body:   "استقبل العاهل الأردني الملك عبدالله الثاني أمس في عمان الرئيس الفلسطيني محمود عباس.",
			events: []string{"MEETING 2025-05-20 ASSERTED @Amman person:abdullah-ii-of-jordan/HOST person:mahmoud-abbas/GUEST"},
		},
		{
			name:   "en received: host and guest",
			lang:   "en",
			body:   "Saudi Crown Prince Mohammed bin Salman received French President Emmanuel Macron in Riyadh on Tuesday.",
			events: []string{"MEETING 2025-05-20 ASSERTED @Riyadh person:emmanuel-macron/GUEST person:mohammed-bin-salman/HOST"},
		},
		{
			name:   "ar عقد مباحثات مع",
			lang:   "ar",
			body:   "عقد الرئيس الصيني شي جين بينغ أمس مباحثات مع الرئيس الروسي فلاديمير بوتين في موسكو.",
			events: []string{"MEETING 2025-05-20 ASSERTED @Moscow person:vladimir-putin/PARTICIPANT person:xi-jinping/PARTICIPANT"},
		},
		{
			name:   "en held talks with, yesterday",
			lang:   "en",
			body:   "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow yesterday.",
			events: []string{"MEETING 2025-05-20 ASSERTED @Moscow person:vladimir-putin/PARTICIPANT person:xi-jinping/PARTICIPANT"},
		},
		// VISIT
		{
			name:   "ar زار: the visitor is the guest, the state of the capital visited the host",
			lang:   "ar",
			body:   "زار وزير الخارجية السعودي الأمير فيصل بن فرحان دمشق أمس.",
			events: []string{"VISIT 2025-05-20 ASSERTED country:SY/HOST person:faisal-bin-farhan/GUEST"},
		},
		{
			name:   "en visited, yesterday",
			lang:   "en",
			body:   "Italian Prime Minister Giorgia Meloni visited Cairo yesterday.",
			events: []string{"VISIT 2025-05-20 ASSERTED country:EG/HOST person:giorgia-meloni/GUEST"},
		},
		{
			name:   "ar زارت with a woman's title, today",
			lang:   "ar",
			body:   "زارت رئيسة الوزراء الإيطالية جورجيا ميلوني القاهرة اليوم الأربعاء.",
			events: []string{"VISIT 2025-05-21 ASSERTED country:EG/HOST person:giorgia-meloni/GUEST"},
		},
		{
			name:   "ar وصل إلى: the destination is the place and its state the host",
			lang:   "ar",
			body:   "وصل وزير الخارجية السوري أسعد الشيباني إلى أنقرة اليوم الأربعاء في زيارة رسمية.",
			events: []string{"VISIT 2025-05-21 ASSERTED @Ankara country:TR/HOST person:asaad-al-shaibani/GUEST"},
		},
		{
			name:   "en arrived in",
			lang:   "en",
			body:   "Syrian Foreign Minister Asaad al-Shaibani arrived in Ankara on Tuesday on an official visit.",
			events: []string{"VISIT 2025-05-20 ASSERTED @Ankara country:TR/HOST person:asaad-al-shaibani/GUEST"},
		},
		{
			name:   "en will travel to: a planned visit to the state of the city",
			lang:   "en",
			body:   "Syrian Foreign Minister Asaad al-Shaibani will travel to Moscow next week, the ministry said.",
			events: []string{"VISIT - PLANNED @Moscow country:RU/HOST person:asaad-al-shaibani/GUEST"},
		},
		{
			name:   "en headed to … for talks with",
			lang:   "en",
			body:   "Syrian Foreign Minister Asaad al-Shaibani headed to Ankara on Tuesday for talks with his Turkish counterpart Hakan Fidan.",
			events: []string{"VISIT 2025-05-20 ASSERTED @Ankara person:asaad-al-shaibani/GUEST person:hakan-fidan/HOST"},
		},
		{
			name:   "en travel to: tourists are no party",
			lang:   "en",
			body:   "Thousands of tourists travel to Turkey every summer.",
			events: nil,
		},
		{
			name:   "en was received later in the day by: a passive in the past, its agent hosts",
			lang:   "en",
			body:   "Syrian Defence Minister Murhaf Abu Qasra was received later in the day by Russian Foreign Minister Sergei Lavrov.",
			events: []string{"MEETING - ASSERTED person:murhaf-abu-qasra/GUEST person:sergei-lavrov/HOST"},
		},
		// PHONE_CALL
		{
			name:   "ar أجرى اتصالاً هاتفياً مع",
			lang:   "ar",
			body:   "أجرى وزير الخارجية المصري بدر عبد العاطي اليوم الأربعاء اتصالاً هاتفياً مع نظيره الإيراني عباس عراقجي.",
			events: []string{"PHONE_CALL 2025-05-21 ASSERTED person:abbas-araghchi/PARTICIPANT person:badr-abdelatty/PARTICIPANT"},
		},
		{
			name:   "ar تلقى اتصالا هاتفيا من",
			lang:   "ar",
			body:   "تلقى وزير الخارجية الأردني أيمن الصفدي أمس اتصالا هاتفيا من نظيره المصري بدر عبد العاطي.",
			events: []string{"PHONE_CALL 2025-05-20 ASSERTED person:ayman-safadi/PARTICIPANT person:badr-abdelatty/PARTICIPANT"},
		},
		{
			name:   "en spoke by phone with",
			lang:   "en",
			body:   "Egyptian Foreign Minister Badr Abdelatty spoke by phone with his Iranian counterpart Abbas Araghchi on Tuesday.",
			events: []string{"PHONE_CALL 2025-05-20 ASSERTED person:abbas-araghchi/PARTICIPANT person:badr-abdelatty/PARTICIPANT"},
		},
		{
			name:   "en received a phone call … from: both take part",
			lang:   "en",
			body:   "Jordanian Foreign Minister Ayman Safadi received a phone call on Tuesday from his Egyptian counterpart Badr Abdelatty.",
			events: []string{"PHONE_CALL 2025-05-20 ASSERTED person:ayman-safadi/PARTICIPANT person:badr-abdelatty/PARTICIPANT"},
		},
		// AGREEMENT
		{
			name:   "ar وقع … مذكرة تفاهم: coordinated signatories (الجزائر is the state's name too)",
			lang:   "ar",
			body:   "وقع وزير الخارجية الجزائري أحمد عطاف ونظيره التونسي محمد علي النفطي أمس مذكرة تفاهم في الجزائر.",
			events: []string{"AGREEMENT 2025-05-20 ASSERTED @Algeria person:ahmed-attaf/SIGNATORY person:mohamed-ali-nafti/SIGNATORY"},
		},
		{
			name:   "en signed a memorandum of understanding, yesterday",
			lang:   "en",
			body:   "Algerian Foreign Minister Ahmed Attaf and his Tunisian counterpart Mohamed Ali Nafti signed a memorandum of understanding in Algiers yesterday.",
			events: []string{"AGREEMENT 2025-05-20 ASSERTED @Algiers person:ahmed-attaf/SIGNATORY person:mohamed-ali-nafti/SIGNATORY"},
		},
		{
			name:   "ar اتفق … على",
			lang:   "ar",
			body:   "اتفق وزير الخارجية الأردني أيمن الصفدي ونظيره العراقي فؤاد حسين أمس على تعزيز التعاون الاقتصادي.",
			events: []string{"AGREEMENT 2025-05-20 ASSERTED person:ayman-safadi/SIGNATORY person:fuad-hussein/SIGNATORY"},
		},
		{
			name:   "en agreed: two states as subject",
			lang:   "en",
			body:   "Jordan and Iraq agreed on Tuesday to expand trade.",
			events: []string{"AGREEMENT 2025-05-20 ASSERTED country:IQ/SIGNATORY country:JO/SIGNATORY"},
		},
		// SANCTION
		{
			name:   "ar فرضت وزارة الخزانة: the ministry's state imposes, the state after على is sanctioned",
			lang:   "ar",
			body:   "فرضت وزارة الخزانة الأمريكية أمس عقوبات على إيران.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:IR/GUEST country:US/HOST"},
		},
		{
			name:   "ar عقوبات جديدة after a named official",
			lang:   "ar",
			body:   "فرض الرئيس الأمريكي دونالد ترامب أمس عقوبات جديدة على إيران.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:IR/GUEST person:donald-trump/HOST"},
		},
		{
			name:   "ar أدرجت",
			lang:   "ar",
			body:   "أدرجت الولايات المتحدة أمس إيران على القائمة السوداء.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:IR/GUEST country:US/HOST"},
		},
		{
			name:   "en sanctioned",
			lang:   "en",
			body:   "Britain sanctioned Russia on Tuesday.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:GB/HOST country:RU/GUEST"},
		},
		{
			name:   "en blacklisted: a demonym before officials is their state",
			lang:   "en",
			body:   "Canada blacklisted three Iranian officials on Tuesday.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:CA/HOST country:IR/GUEST"},
		},
		{
			name:   "ar فرضت … عقوبات: verb and noun split by the subject and the day",
			lang:   "ar",
			body:   "فرضت الولايات المتحدة أمس عقوبات جديدة على إيران.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:IR/GUEST country:US/HOST"},
		},
		{
			name:   "en imposed sanctions on: the state after on is sanctioned, not a topic",
			lang:   "en",
			body:   "The United States imposed new sanctions on Iran on Tuesday.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:IR/GUEST country:US/HOST"},
		},
		{
			name:   "en sanctions against",
			lang:   "en",
			body:   "The European Union imposed further sanctions against Russia on Tuesday.",
			events: []string{"SANCTION 2025-05-20 ASSERTED country:RU/GUEST org:EU/HOST"},
		},
		// ACCUSE
		{
			name:   "ar اتهمت: state accuses state",
			lang:   "ar",
			body:   "اتهمت إيران أمس إسرائيل بتنفيذ الهجوم.",
			events: []string{"ACCUSE 2025-05-20 ASSERTED country:IL/GUEST country:IR/HOST"},
		},
		{
			name:   "ar اتهم after a president",
			lang:   "ar",
			body:   "اتهم الرئيس الإيراني مسعود بزشكيان الولايات المتحدة أمس بالكذب.",
			events: []string{"ACCUSE 2025-05-20 ASSERTED country:US/GUEST person:masoud-pezeshkian/HOST"},
		},
		{
			name:   "en accused … of",
			lang:   "en",
			body:   "Iranian Foreign Minister Abbas Araghchi accused Israel of carrying out the attack on Tuesday.",
			events: []string{"ACCUSE 2025-05-20 ASSERTED country:IL/GUEST person:abbas-araghchi/HOST"},
		},
		// REQUEST
		{
			name:   "ar طالب … ب",
			lang:   "ar",
			body:   "طالبت مصر أمس إثيوبيا بوقف ملء السد.",
			events: []string{"REQUEST 2025-05-20 ASSERTED country:EG/HOST country:ET/GUEST"},
		},
		{
			name:   "ar حث … على, today",
			lang:   "ar",
			body:   "حث وزير الخارجية المصري بدر عبد العاطي اليوم الأربعاء إثيوبيا على التعاون.",
			events: []string{"REQUEST 2025-05-21 ASSERTED country:ET/GUEST person:badr-abdelatty/HOST"},
		},
		{
			name:   "en urged … to",
			lang:   "en",
			body:   "Egypt urged Ethiopia yesterday to halt the filling of the dam.",
			events: []string{"REQUEST 2025-05-20 ASSERTED country:EG/HOST country:ET/GUEST"},
		},
		// AID
		{
			name:   "ar منحت: donor and recipient",
			lang:   "ar",
			body:   "منحت الإمارات مصر أمس قرضا بقيمة مليار دولار.",
			events: []string{"AID 2025-05-20 ASSERTED country:AE/HOST country:EG/GUEST"},
		},
		{
			name:   "en granted: donor and recipient",
			lang:   "en",
			body:   "The UAE granted Egypt a $1 billion loan yesterday.",
			events: []string{"AID 2025-05-20 ASSERTED country:AE/HOST country:EG/GUEST"},
		},
		{
			name:   "en sent humanitarian aid to: the recipient, not where the aid goes",
			lang:   "en",
			body:   "Saudi Arabia sent humanitarian aid to Syria on Tuesday.",
			events: []string{"AID 2025-05-20 ASSERTED country:SA/HOST country:SY/GUEST"},
		},
		{
			name:   "ar أرسلت … مساعدات إلى: verb and noun split by the subject and the day",
			lang:   "ar",
			body:   "أرسلت قطر أمس مساعدات إلى لبنان.",
			events: []string{"AID 2025-05-20 ASSERTED country:LB/GUEST country:QA/HOST"},
		},
		{
			name:   "ar أرسل … رسالة: a verb without its trigger noun is no event",
			lang:   "ar",
			body:   "أرسل الرئيس الفرنسي إيمانويل ماكرون أمس رسالة إلى نظيره اللبناني جوزاف عون.",
			events: nil,
		},
		{
			name:   "ar قدمت مساعدات إلى (subject first)",
			lang:   "ar",
			body:   "وكانت الإمارات قدمت مساعدات إلى السودان أمس.",
			events: []string{"AID 2025-05-20 ASSERTED country:AE/HOST country:SD/GUEST"},
		},
		// THREATEN
		{
			name:   "ar هدد, today",
			lang:   "ar",
			body:   "هدد وزير الدفاع الإسرائيلي يسرائيل كاتس اليوم الأربعاء لبنان بتوسيع العمليات.",
			events: []string{"THREATEN 2025-05-21 ASSERTED country:LB/GUEST person:israel-katz/HOST"},
		},
		{
			name:   "ar توعد",
			lang:   "ar",
			body:   "توعد الرئيس الإيراني مسعود بزشكيان أمس إسرائيل برد قاس.",
			events: []string{"THREATEN 2025-05-20 ASSERTED country:IL/GUEST person:masoud-pezeshkian/HOST"},
		},
		{
			name:   "en threatened",
			lang:   "en",
			body:   "Israeli Defense Minister Israel Katz threatened Lebanon on Tuesday.",
			events: []string{"THREATEN 2025-05-20 ASSERTED country:LB/GUEST person:israel-katz/HOST"},
		},
		{
			name:   "en warned it would",
			lang:   "en",
			body:   "Turkish President Recep Tayyip Erdogan warned it would retaliate against Israel on Tuesday.",
			events: []string{"THREATEN 2025-05-20 ASSERTED country:IL/GUEST person:recep-tayyip-erdogan/HOST"},
		},
	})
}

// TestSpeechKinds checks each kind of speech act (speech.tsv) in Arabic and English: the holder, the
// stance it takes and its kind.
func TestSpeechKinds(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name:      "STATES ar أكد",
			lang:      "ar",
			body:      "أكد وزير الخارجية الأردني أيمن الصفدي اليوم دعم الأردن لوحدة سوريا.",
			positions: []string{"person:ayman-safadi SUPPORTS STATES TERRITORIAL_INTEGRITY country:SY"},
		},
		{
			name:      "STATES en stressed",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi stressed Jordan's support for Syria's unity.",
			positions: []string{"person:ayman-safadi SUPPORTS STATES TERRITORIAL_INTEGRITY country:SY"},
		},
		{
			name:      "REAFFIRMS ar جدد",
			lang:      "ar",
			body:      "جدد وزير الخارجية التركي هاكان فيدان دعم بلاده لسيادة العراق.",
			positions: []string{"person:hakan-fidan SUPPORTS REAFFIRMS SOVEREIGNTY country:IQ"},
		},
		{
			name:      "REAFFIRMS en reaffirmed",
			lang:      "en",
			body:      "Turkish Foreign Minister Hakan Fidan reaffirmed his country's support for Iraq's sovereignty.",
			positions: []string{"person:hakan-fidan SUPPORTS REAFFIRMS SOVEREIGNTY country:IQ"},
		},
		{
			name:      "WELCOMES ar رحب ب",
			lang:      "ar",
			body:      "رحب وزير الخارجية السعودي الأمير فيصل بن فرحان بوقف إطلاق النار في لبنان.",
			positions: []string{"person:faisal-bin-farhan SUPPORTS WELCOMES CEASEFIRE country:LB"},
		},
		{
			name:      "WELCOMES en welcomed",
			lang:      "en",
			body:      "Saudi Foreign Minister Prince Faisal bin Farhan welcomed the ceasefire in Lebanon.",
			positions: []string{"person:faisal-bin-farhan SUPPORTS WELCOMES CEASEFIRE country:LB"},
		},
		{
			name:      "CALLS_FOR ar دعا إلى",
			lang:      "ar",
			body:      "دعا وزير الخارجية المصري بدر عبد العاطي إلى حل سياسي في السودان.",
			positions: []string{"person:badr-abdelatty SUPPORTS CALLS_FOR POLITICAL_SETTLEMENT country:SD"},
		},
		{
			name:      "CALLS_FOR en called for",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty called for a political solution in Sudan.",
			positions: []string{"person:badr-abdelatty SUPPORTS CALLS_FOR POLITICAL_SETTLEMENT country:SD"},
		},
		{
			name:      "CONDEMNS ar أدان: the title alone names the minister in office",
			lang:      "ar",
			body:      "أدان وزير الخارجية القطري الغارات الإسرائيلية على سوريا.",
			positions: []string{"person:mohammed-bin-abdulrahman-al-thani OPPOSES CONDEMNS MILITARY_ACTION country:IL"},
		},
		{
			name:      "CONDEMNS en condemned: a ministry holds for its state",
			lang:      "en",
			body:      "Qatar's foreign ministry condemned the Israeli strikes on Syria.",
			positions: []string{"country:QA OPPOSES CONDEMNS MILITARY_ACTION country:IL"},
		},
		{
			name:      "REJECTS ar رفض",
			lang:      "ar",
			body:      "رفض وزير الخارجية الجزائري أحمد عطاف أي تدخل أجنبي في ليبيا.",
			positions: []string{"person:ahmed-attaf OPPOSES REJECTS FOREIGN_INTERFERENCE country:LY"},
		},
		{
			name:      "REJECTS en rejected",
			lang:      "en",
			body:      "Algerian Foreign Minister Ahmed Attaf rejected any partition of Libya.",
			positions: []string{"person:ahmed-attaf OPPOSES REJECTS PARTITION country:LY"},
		},
		{
			name:      "WARNS ar حذر من",
			lang:      "ar",
			body:      "حذر وزير الخارجية الإيراني عباس عراقجي من تقسيم سوريا.",
			positions: []string{"person:abbas-araghchi OPPOSES WARNS PARTITION country:SY"},
		},
		{
			name:      "WARNS en warned against",
			lang:      "en",
			body:      "Iranian Foreign Minister Abbas Araghchi warned against the partition of Syria.",
			positions: []string{"person:abbas-araghchi OPPOSES WARNS PARTITION country:SY"},
		},
		{
			name:      "WARNS ar أعرب عن قلقه",
			lang:      "ar",
			body:      "أعرب وزير الخارجية الألماني يوهان فاديفول عن قلقه إزاء البرنامج النووي الإيراني.",
			positions: []string{"person:johann-wadephul OPPOSES WARNS NUCLEAR_PROGRAM country:IR"},
		},
		{
			name:      "WARNS en expressed concern",
			lang:      "en",
			body:      "British Foreign Secretary David Lammy expressed concern over Iran's uranium enrichment.",
			positions: []string{"person:david-lammy OPPOSES WARNS NUCLEAR_PROGRAM country:IR"},
		},
		{
			name:      "COMMITS ar تعهد ب",
			lang:      "ar",
			body:      "تعهد وزير الخارجية الكويتي عبدالله اليحيا بدعم إعادة إعمار سوريا.",
			positions: []string{"person:abdullah-al-yahya SUPPORTS COMMITS RECONSTRUCTION country:SY"},
		},
		{
			name:      "COMMITS en pledged",
			lang:      "en",
			body:      "Kuwaiti Foreign Minister Abdullah Al-Yahya pledged to support the reconstruction of Syria.",
			positions: []string{"person:abdullah-al-yahya SUPPORTS COMMITS RECONSTRUCTION country:SY"},
		},
	})
}

// TestTopicTargets checks every topic of the vocabulary (topics.tsv) with the rule that finds its
// target, phrases that name the end of a thing (−) flipping the stance, and the topic's default stance
// when no stance word is said.
func TestTopicTargets(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name:      "SANCTIONS en lifting the sanctions (with the article) opposes them",
			lang:      "en",
			body:      "Russian Foreign Minister Sergei Lavrov called for lifting the sanctions on Syria.",
			positions: []string{"person:sergei-lavrov OPPOSES CALLS_FOR SANCTIONS country:SY"},
		},
		// state: the state named next to the phrase.
		{
			name:      "TERRITORIAL_INTEGRITY ar وحدة أراضي + pronoun of the state named before",
			lang:      "ar",
			body:      "أكد وزير الخارجية الأردني أيمن الصفدي رفض الأردن للتدخل الإيراني في سوريا ودعمه لوحدة أراضيها.",
			positions: []string{"country:JO OPPOSES REJECTS FOREIGN_INTERFERENCE country:IR", "country:JO SUPPORTS REJECTS TERRITORIAL_INTEGRITY country:SY"},
		},
		{
			name:      "SOVEREIGNTY en the state's sovereignty",
			lang:      "en",
			body:      "Turkish Foreign Minister Hakan Fidan reaffirmed his country's support for Iraq's sovereignty.",
			positions: []string{"person:hakan-fidan SUPPORTS REAFFIRMS SOVEREIGNTY country:IQ"},
		},
		{
			name:      "PARTITION en partition of",
			lang:      "en",
			body:      "Chinese Foreign Minister Wang Yi rejected any partition of Sudan.",
			positions: []string{"person:wang-yi OPPOSES REJECTS PARTITION country:SD"},
		},
		{
			name:      "RECONSTRUCTION ar إعادة إعمار + a place of the state",
			lang:      "ar",
			body:      "دعا وزير الخارجية التركي هاكان فيدان إلى إعادة إعمار غزة.",
			positions: []string{"person:hakan-fidan SUPPORTS CALLS_FOR RECONSTRUCTION country:PS"},
		},
		{
			name:      "RECONSTRUCTION en reconstruction of",
			lang:      "en",
			body:      "Turkish Foreign Minister Hakan Fidan called for the reconstruction of Gaza.",
			positions: []string{"person:hakan-fidan SUPPORTS CALLS_FOR RECONSTRUCTION country:PS"},
		},
		{
			name:      "POLITICAL_SETTLEMENT ar حل سياسي في",
			lang:      "ar",
			body:      "دعا وزير الخارجية المصري بدر عبد العاطي إلى حل سياسي في السودان.",
			positions: []string{"person:badr-abdelatty SUPPORTS CALLS_FOR POLITICAL_SETTLEMENT country:SD"},
		},
		{
			name:      "CEASEFIRE ar الهدنة في",
			lang:      "ar",
			body:      "رحب وزير الخارجية البريطاني ديفيد لامي بالهدنة في اليمن.",
			positions: []string{"person:david-lammy SUPPORTS WELCOMES CEASEFIRE country:YE"},
		},
		{
			name:      "TERRORISM ar where it happened",
			lang:      "ar",
			body:      "أدان وزير الخارجية الأردني أيمن الصفدي الهجوم الإرهابي في باكستان.",
			positions: []string{"person:ayman-safadi OPPOSES CONDEMNS TERRORISM country:PK"},
		},
		{
			name:      "TERRORISM en where it happened",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty condemned the terrorist attack in Pakistan.",
			positions: []string{"person:badr-abdelatty OPPOSES CONDEMNS TERRORISM country:PK"},
		},
		{
			name:      "TERRORISM ar مكافحة: a stance word against it (its kind is the lexicon's, REJECTS)",
			lang:      "ar",
			body:      "شدد وزير الخارجية العراقي فؤاد حسين على أهمية مكافحة الإرهاب في العراق.",
			positions: []string{"person:fuad-hussein OPPOSES REJECTS TERRORISM country:IQ"},
		},
		{
			name:      "HUMANITARIAN_AID ar the receiving place",
			lang:      "ar",
			body:      "طالب وزير الخارجية الأردني أيمن الصفدي بإدخال المساعدات الإنسانية إلى غزة.",
			positions: []string{"person:ayman-safadi SUPPORTS CALLS_FOR HUMANITARIAN_AID country:PS"},
		},
		{
			name:      "HUMANITARIAN_AID en the receiving state",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi called for the delivery of humanitarian aid to Sudan.",
			positions: []string{"person:ayman-safadi SUPPORTS CALLS_FOR HUMANITARIAN_AID country:SD"},
		},
		{
			name:      "REFUGEE_RETURN ar the refugees' state",
			lang:      "ar",
			body:      "أكد وزير الخارجية اللبناني يوسف رجي دعم لبنان للعودة الآمنة للاجئين السوريين.",
			positions: []string{"person:youssef-rajji SUPPORTS STATES REFUGEE_RETURN country:SY"},
		},
		{
			name:      "REFUGEE_RETURN en the refugees' state",
			lang:      "en",
			body:      "Lebanese Foreign Minister Youssef Rajji called for the return of Syrian refugees.",
			positions: []string{"person:youssef-rajji SUPPORTS CALLS_FOR REFUGEE_RETURN country:SY"},
		},
		{
			name:      "NUCLEAR_PROGRAM ar the program's state",
			lang:      "ar",
			body:      "أكد وزير الخارجية الروسي سيرغي لافروف دعم موسكو للبرنامج النووي الإيراني السلمي.",
			positions: []string{"person:sergei-lavrov SUPPORTS STATES NUCLEAR_PROGRAM country:IR"},
		},
		{
			name:      "NUCLEAR_PROGRAM en the program's state",
			lang:      "en",
			body:      "French Foreign Minister Jean-Noel Barrot warned against Iran's nuclear program.",
			positions: []string{"person:jean-noel-barrot OPPOSES WARNS NUCLEAR_PROGRAM country:IR"},
		},
		{
			name:      "HUMAN_RIGHTS ar حقوق الإنسان في",
			lang:      "ar",
			body:      "دعا وزير الخارجية الفرنسي جان نويل بارو إلى احترام حقوق الإنسان في سوريا.",
			positions: []string{"person:jean-noel-barrot SUPPORTS CALLS_FOR HUMAN_RIGHTS country:SY"},
		},
		{
			name:      "HUMAN_RIGHTS en violations of human rights are condemned against them",
			lang:      "en",
			body:      "German Foreign Minister Johann Wadephul condemned human rights violations in Iran.",
			positions: []string{"person:johann-wadephul OPPOSES CONDEMNS HUMAN_RIGHTS country:IR"},
		},
		{
			name:      "ELECTIONS ar الانتخابات الرئاسية في",
			lang:      "ar",
			body:      "رحب وزير الخارجية المصري بدر عبد العاطي بإجراء الانتخابات الرئاسية في لبنان.",
			positions: []string{"person:badr-abdelatty SUPPORTS WELCOMES ELECTIONS country:LB"},
		},
		{
			name:      "ELECTIONS ar الانتخابات البرلمانية في",
			lang:      "ar",
			body:      "دعا وزير الخارجية الفرنسي جان نويل بارو إلى إجراء الانتخابات البرلمانية في العراق.",
			positions: []string{"person:jean-noel-barrot SUPPORTS CALLS_FOR ELECTIONS country:IQ"},
		},
		{
			name:      "ELECTIONS en presidential elections in",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty welcomed the presidential elections in Lebanon.",
			positions: []string{"person:badr-abdelatty SUPPORTS WELCOMES ELECTIONS country:LB"},
		},
		// PS: the Palestinian state whatever is named.
		{
			name:      "PALESTINIAN_STATE ar حل الدولتين",
			lang:      "ar",
			body:      "جدد وزير الخارجية السعودي الأمير فيصل بن فرحان دعم المملكة لحل الدولتين.",
			positions: []string{"person:faisal-bin-farhan SUPPORTS REAFFIRMS PALESTINIAN_STATE country:PS"},
		},
		{
			name:      "PALESTINIAN_STATE en a Palestinian state",
			lang:      "en",
			body:      "French President Emmanuel Macron reaffirmed his support for a Palestinian state.",
			positions: []string{"person:emmanuel-macron SUPPORTS REAFFIRMS PALESTINIAN_STATE country:PS"},
		},
		// partner: the other state of the relation.
		{
			name:      "BILATERAL_RELATIONS ar العلاقات الثنائية مع",
			lang:      "ar",
			body:      "التقى وزير الخارجية الأردني أيمن الصفدي نظيره العراقي فؤاد حسين. وأكد الصفدي حرص الأردن على تعزيز العلاقات الثنائية مع العراق.",
			positions: []string{"person:ayman-safadi SUPPORTS STATES BILATERAL_RELATIONS country:IQ"},
		},
		{
			name:      "BILATERAL_RELATIONS en bilateral relations with",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi stressed the importance of strengthening bilateral relations with Iraq.",
			positions: []string{"person:ayman-safadi SUPPORTS STATES BILATERAL_RELATIONS country:IQ"},
		},
		{
			name:      "BILATERAL_RELATIONS ar دعمه ل + a state",
			lang:      "ar",
			body:      "جدد وزير الخارجية الأردني أيمن الصفدي دعمه لسوريا.",
			positions: []string{"person:ayman-safadi SUPPORTS REAFFIRMS BILATERAL_RELATIONS country:SY"},
		},
		{
			name:      "BILATERAL_RELATIONS en support for + a state",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi reaffirmed Jordan's support for Syria.",
			positions: []string{"person:ayman-safadi SUPPORTS REAFFIRMS BILATERAL_RELATIONS country:SY"},
		},
		{
			name:      "MILITARY_COOPERATION ar التعاون العسكري مع",
			lang:      "ar",
			body:      "أكد وزير الدفاع التركي يشار غولر أهمية التعاون العسكري مع ليبيا.",
			positions: []string{"person:yasar-guler SUPPORTS STATES MILITARY_COOPERATION country:LY"},
		},
		{
			name:      "MILITARY_COOPERATION en military cooperation with",
			lang:      "en",
			body:      "Turkish Foreign Minister Hakan Fidan stressed the importance of military cooperation with Libya.",
			positions: []string{"person:hakan-fidan SUPPORTS STATES MILITARY_COOPERATION country:LY"},
		},
		{
			name:      "ECONOMIC_COOPERATION ar التعاون الاقتصادي مع",
			lang:      "ar",
			body:      "أكد وزير الخارجية المصري بدر عبد العاطي أهمية تعزيز التعاون الاقتصادي مع الأردن.",
			positions: []string{"person:badr-abdelatty SUPPORTS STATES ECONOMIC_COOPERATION country:JO"},
		},
		{
			name:      "ECONOMIC_COOPERATION en economic cooperation with",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty stressed the importance of economic cooperation with Jordan.",
			positions: []string{"person:badr-abdelatty SUPPORTS STATES ECONOMIC_COOPERATION country:JO"},
		},
		// actor: the state that acts, not the one acted on.
		{
			name:      "MILITARY_ACTION ar the nisba of the strikes, not the state struck",
			lang:      "ar",
			body:      "أدان وزير الخارجية العراقي فؤاد حسين القصف التركي على إقليم كردستان أمس.",
			positions: []string{"person:fuad-hussein OPPOSES CONDEMNS MILITARY_ACTION country:TR"},
		},
		{
			name:      "MILITARY_ACTION en the demonym of the strikes",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty condemned the Israeli strikes on Lebanon yesterday.",
			positions: []string{"person:badr-abdelatty OPPOSES CONDEMNS MILITARY_ACTION country:IL"},
		},
		{
			name:      "MILITARY_ACTION en strikes by a state",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty condemned strikes by Israel on Lebanon.",
			positions: []string{"person:badr-abdelatty OPPOSES CONDEMNS MILITARY_ACTION country:IL"},
		},
		{
			name:      "MILITARY_ACTION en criticized the Russian offensive",
			lang:      "en",
			body:      "Chinese Foreign Minister Wang Yi criticized the Russian offensive in Ukraine.",
			positions: []string{"person:wang-yi OPPOSES CONDEMNS MILITARY_ACTION country:RU"},
		},
		{
			name:      "MILITARY_ACTION ar without a stance word opposes",
			lang:      "ar",
			body:      "قال وزير الخارجية الأردني أيمن الصفدي إن العدوان الإسرائيلي على غزة يجب أن يتوقف.",
			positions: []string{"person:ayman-safadi OPPOSES STATES MILITARY_ACTION country:IL"},
		},
		{
			name:      "MILITARY_ACTION en without a stance word opposes",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi said the Israeli incursion into Syria was dangerous.",
			positions: []string{"person:ayman-safadi OPPOSES STATES MILITARY_ACTION country:IL"},
		},
		{
			name:      "FOREIGN_INTERFERENCE ar the interfering state, not the one interfered in",
			lang:      "ar",
			body:      "رفض وزير الخارجية البحريني عبداللطيف الزياني التدخلات الإيرانية في الشؤون الداخلية للبحرين.",
			positions: []string{"person:abdullatif-al-zayani OPPOSES REJECTS FOREIGN_INTERFERENCE country:IR"},
		},
		{
			name:      "FOREIGN_INTERFERENCE en the interfering state",
			lang:      "en",
			body:      "Bahraini Foreign Minister Abdullatif Al-Zayani rejected Iranian interference in Bahrain's internal affairs.",
			positions: []string{"person:abdullatif-al-zayani OPPOSES REJECTS FOREIGN_INTERFERENCE country:IR"},
		},
		{
			name:      "FOREIGN_INTERFERENCE ar (−) خروج القوات الأجنبية: calling for it opposes, else the state interfered in",
			lang:      "ar",
			body:      "دعا وزير الخارجية الجزائري أحمد عطاف إلى خروج القوات الأجنبية من ليبيا.",
			positions: []string{"person:ahmed-attaf OPPOSES CALLS_FOR FOREIGN_INTERFERENCE country:LY"},
		},
		{
			name:      "OCCUPATION ar (−) إنهاء الاحتلال",
			lang:      "ar",
			body:      "طالب وزير الخارجية الأردني أيمن الصفدي بإنهاء الاحتلال الإسرائيلي.",
			positions: []string{"person:ayman-safadi OPPOSES CALLS_FOR OCCUPATION country:IL"},
		},
		{
			name:      "OCCUPATION ar (−) انسحاب القوات الإسرائيلية",
			lang:      "ar",
			body:      "دعا وزير الخارجية الصيني وانغ يي إلى انسحاب القوات الإسرائيلية من لبنان.",
			positions: []string{"person:wang-yi OPPOSES CALLS_FOR OCCUPATION country:IL"},
		},
		{
			name:      "OCCUPATION en condemned the occupation",
			lang:      "en",
			body:      "Turkish Foreign Minister Hakan Fidan condemned the Israeli occupation of the Golan.",
			positions: []string{"person:hakan-fidan OPPOSES CONDEMNS OCCUPATION country:IL"},
		},
		{
			name:      "OCCUPATION en (−) an end to the occupation",
			lang:      "en",
			body:      "Turkish Foreign Minister Hakan Fidan called for an end to the Israeli occupation.",
			positions: []string{"person:hakan-fidan OPPOSES CALLS_FOR OCCUPATION country:IL"},
		},
		{
			name:      "OCCUPATION en (−) the occupier's withdrawal",
			lang:      "en",
			body:      "Chinese Foreign Minister Wang Yi called for Israel's withdrawal from Lebanon.",
			positions: []string{"person:wang-yi OPPOSES CALLS_FOR OCCUPATION country:IL"},
		},
		// patient: the state sanctioned.
		{
			name:      "SANCTIONS ar (−) رفع العقوبات عن",
			lang:      "ar",
			body:      "دعا وزير الخارجية الإيراني عباس عراقجي إلى رفع العقوبات عن إيران.",
			positions: []string{"person:abbas-araghchi OPPOSES CALLS_FOR SANCTIONS country:IR"},
		},
		{
			name:      "SANCTIONS en (−) lifting sanctions on",
			lang:      "en",
			body:      "Russian Foreign Minister Sergei Lavrov called for lifting sanctions on Syria.",
			positions: []string{"person:sergei-lavrov OPPOSES CALLS_FOR SANCTIONS country:SY"},
		},
		{
			name:      "SANCTIONS ar rejected sanctions on",
			lang:      "ar",
			body:      "رفض وزير الخارجية الروسي سيرغي لافروف العقوبات الغربية على إيران.",
			positions: []string{"person:sergei-lavrov OPPOSES REJECTS SANCTIONS country:IR"},
		},
		{
			name:      "SANCTIONS en condemned sanctions on",
			lang:      "en",
			body:      "Russian Foreign Minister Sergei Lavrov condemned the Western sanctions on Iran.",
			positions: []string{"person:sergei-lavrov OPPOSES CONDEMNS SANCTIONS country:IR"},
		},
		{
			name:      "SANCTIONS ar named without a stance word give no position",
			lang:      "ar",
			body:      "قال وزير الخارجية الأردني أيمن الصفدي إن العقوبات الأمريكية على سوريا ستبقى.",
			positions: []string{},
		},
		{
			name:      "SANCTIONS en discussed without a stance word give no position",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi discussed the US sanctions on Syria.",
			positions: []string{},
		},
	})
}

// TestModality checks the words that make an event planned, negated or hypothetical (modality.tsv).
func TestModality(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name:   "PLANNED ar the future prefix: next week has no day",
			lang:   "ar",
			body:   "سيزور وزير الخارجية التركي هاكان فيدان بغداد الأسبوع المقبل.",
			events: []string{"VISIT - PLANNED country:IQ/HOST person:hakan-fidan/GUEST"},
		},
		{
			name:   "PLANNED ar من المقرر أن … غدا",
			lang:   "ar",
			body:   "من المقرر أن يلتقي وزير الخارجية الأردني أيمن الصفدي نظيره السوري أسعد الشيباني غدا في عمان.",
			events: []string{"MEETING 2025-05-22 PLANNED @Amman person:asaad-al-shaibani/PARTICIPANT person:ayman-safadi/PARTICIPANT"},
		},
		{
			name:   "PLANNED ar a future weekday",
			lang:   "ar",
			body:   "يزور وزير الخارجية التركي هاكان فيدان بغداد يوم الخميس المقبل.",
			events: []string{"VISIT 2025-05-22 PLANNED country:IQ/HOST person:hakan-fidan/GUEST"},
		},
		{
			name:   "PLANNED en is expected to … tomorrow",
			lang:   "en",
			body:   "Jordanian Foreign Minister Ayman Safadi is expected to meet Syrian Foreign Minister Asaad al-Shaibani in Amman tomorrow.",
			events: []string{"MEETING 2025-05-22 PLANNED @Amman person:asaad-al-shaibani/PARTICIPANT person:ayman-safadi/PARTICIPANT"},
		},
		{
			name:   "PLANNED en a bare weekday is the next one",
			lang:   "en",
			body:   "Turkish Foreign Minister Hakan Fidan is scheduled to visit Baghdad on Thursday.",
			events: []string{"VISIT 2025-05-22 PLANNED country:IQ/HOST person:hakan-fidan/GUEST"},
		},
		{
			name:   "PLANNED ar a bare weekday is the next one",
			lang:   "ar",
			body:   "من المقرر أن يلتقي وزير الخارجية الأردني أيمن الصفدي نظيره السوري أسعد الشيباني يوم الجمعة.",
			events: []string{"MEETING 2025-05-23 PLANNED person:asaad-al-shaibani/PARTICIPANT person:ayman-safadi/PARTICIPANT"},
		},
		{
			name:   "PLANNED en will visit: the visitor is the guest",
			lang:   "en",
			body:   "Turkish Foreign Minister Hakan Fidan will visit Iraq tomorrow.",
			events: []string{"VISIT 2025-05-22 PLANNED country:IQ/HOST person:hakan-fidan/GUEST"},
		},
		{
			name:   "NEGATED ar a denial governs its clause",
			lang:   "ar",
			body:   "نفت وزارة الخارجية القطرية أن يكون الأمير تميم بن حمد قد التقى الرئيس الإسرائيلي.",
			events: []string{"MEETING 2025-05-21 NEGATED person:isaac-herzog/PARTICIPANT person:tamim-bin-hamad-al-thani/PARTICIPANT"},
		},
		{
			name:   "NEGATED ar نفى … عقد أي لقاء",
			lang:   "ar",
			body:   "نفى وزير الخارجية الإيراني عباس عراقجي عقد أي لقاء مع المبعوث الأمريكي ستيف ويتكوف.",
			events: []string{"MEETING 2025-05-21 NEGATED person:abbas-araghchi/PARTICIPANT person:steve-witkoff/PARTICIPANT"},
		},
		{
			name:   "NEGATED en did not",
			lang:   "en",
			body:   "Turkish Foreign Minister Hakan Fidan did not meet Israeli Foreign Minister Gideon Saar.",
			events: []string{"MEETING 2025-05-21 NEGATED person:gideon-saar/PARTICIPANT person:hakan-fidan/PARTICIPANT"},
		},
		{
			name:   "NEGATED ar أرجأ زيارته",
			lang:   "ar",
			body:   "أرجأ الرئيس المصري عبد الفتاح السيسي زيارته إلى تركيا.",
			events: []string{"VISIT 2025-05-21 NEGATED @Turkey country:TR/HOST person:abdel-fattah-el-sisi/GUEST"},
		},
		{
			name:   "NEGATED en postponed his visit",
			lang:   "en",
			body:   "Egyptian President Abdel Fattah al-Sisi postponed his visit to Turkey.",
			events: []string{"VISIT 2025-05-21 NEGATED @Turkey country:TR/HOST person:abdel-fattah-el-sisi/GUEST"},
		},
		{
			name:   "NEGATED en postponed the visit of a guest: the state postponing hosts",
			lang:   "en",
			body:   "Egypt postponed the visit of Israeli Prime Minister Benjamin Netanyahu.",
			events: []string{"VISIT 2025-05-21 NEGATED country:EG/HOST person:benjamin-netanyahu/GUEST"},
		},
		{
			name:   "HYPOTHETICAL ar في حال … يمكن أن",
			lang:   "ar",
			body:   "في حال نجحت المفاوضات، يمكن أن يلتقي الرئيس الإيراني مسعود بزشكيان الرئيس الأمريكي دونالد ترامب.",
			events: []string{"MEETING - HYPOTHETICAL person:donald-trump/PARTICIPANT person:masoud-pezeshkian/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL ar إذا … فقد",
			lang:   "ar",
			body:   "إذا نجحت المفاوضات فقد يلتقي وزير الخارجية الإيراني عباس عراقجي المبعوث الأمريكي ستيف ويتكوف.",
			events: []string{"MEETING - HYPOTHETICAL person:abbas-araghchi/PARTICIPANT person:steve-witkoff/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL en if … could",
			lang:   "en",
			body:   "If talks succeed, Iranian Foreign Minister Abbas Araghchi could meet US envoy Steve Witkoff in Oman.",
			events: []string{"MEETING - HYPOTHETICAL @Oman person:abbas-araghchi/PARTICIPANT person:steve-witkoff/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL en would meet … if: a condition after the planned meeting",
			lang:   "en",
			body:   "Turkish President Recep Tayyip Erdogan would meet Syrian President Ahmed al-Sharaa if conditions allowed.",
			events: []string{"MEETING - HYPOTHETICAL person:ahmed-al-sharaa/PARTICIPANT person:recep-tayyip-erdogan/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL ar سيلتقي … إذا",
			lang:   "ar",
			body:   "سيلتقي الرئيس التركي رجب طيب أردوغان نظيره السوري أحمد الشرع إذا سمحت الظروف.",
			events: []string{"MEETING - HYPOTHETICAL person:ahmed-al-sharaa/PARTICIPANT person:recep-tayyip-erdogan/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL en will meet … provided that",
			lang:   "en",
			body:   "Turkish President Recep Tayyip Erdogan will meet Syrian President Ahmed al-Sharaa provided that the talks go well.",
			events: []string{"MEETING - HYPOTHETICAL person:ahmed-al-sharaa/PARTICIPANT person:recep-tayyip-erdogan/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL ar سيلتقي … في حال",
			lang:   "ar",
			body:   "سيلتقي الرئيس التركي رجب طيب أردوغان نظيره السوري أحمد الشرع في حال نجاح المحادثات.",
			events: []string{"MEETING - HYPOTHETICAL person:ahmed-al-sharaa/PARTICIPANT person:recep-tayyip-erdogan/PARTICIPANT"},
		},
		{
			name:   "PLANNED ar سيزور …، مشيرا إلى … إذا: the condition is the next clause's",
			lang:   "ar",
			body:   "أعلن وزير الخارجية التركي هاكان فيدان أن الرئيس رجب طيب أردوغان سيزور دمشق الشهر المقبل، مشيرا إلى أن الاتفاق سيصمد إذا التزمت الأطراف به.",
			events: []string{"VISIT 2025-06 PLANNED country:SY/HOST person:recep-tayyip-erdogan/GUEST"},
		},
		{
			name:   "PLANNED en will meet, undated: the story's day is not the meeting's",
			lang:   "en",
			body:   "Turkish President Recep Tayyip Erdogan will meet Syrian President Ahmed al-Sharaa, officials said.",
			events: []string{"MEETING - PLANNED person:ahmed-al-sharaa/PARTICIPANT person:recep-tayyip-erdogan/PARTICIPANT"},
		},
		{
			name:   "ASSERTED en met …, a Turkish official said: the speaker is no party",
			lang:   "en",
			body:   "Turkish President Recep Tayyip Erdogan met Syrian President Ahmed al-Sharaa in Ankara on Tuesday, a Turkish official said.",
			events: []string{"MEETING 2025-05-20 ASSERTED @Ankara person:ahmed-al-sharaa/PARTICIPANT person:recep-tayyip-erdogan/PARTICIPANT"},
		},
		{
			name:   "NEGATED ar لم يلتق (the jussive)",
			lang:   "ar",
			body:   "لم يلتق وزير الخارجية الأردني أيمن الصفدي نظيره السوري أسعد الشيباني أمس.",
			events: []string{"MEETING 2025-05-20 NEGATED person:asaad-al-shaibani/PARTICIPANT person:ayman-safadi/PARTICIPANT"},
		},
		{
			name:   "HYPOTHETICAL en might",
			lang:   "en",
			body:   "Iranian President Masoud Pezeshkian might meet US President Donald Trump in Oman.",
			events: []string{"MEETING - HYPOTHETICAL @Oman person:donald-trump/PARTICIPANT person:masoud-pezeshkian/PARTICIPANT"},
		},
	})
}

// TestInverters checks that a word of violation before a topic (inverters.tsv) reverses it: rejecting
// the violation of a thing supports the thing.
func TestInverters(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name:      "ar رفض المساس بسيادة",
			lang:      "ar",
			body:      "رفض وزير الخارجية الأردني أيمن الصفدي المساس بسيادة سوريا.",
			positions: []string{"person:ayman-safadi SUPPORTS REJECTS SOVEREIGNTY country:SY"},
		},
		{
			name:      "ar أدان انتهاك سيادة",
			lang:      "ar",
			body:      "أدان وزير الخارجية المصري بدر عبد العاطي انتهاك سيادة لبنان.",
			positions: []string{"person:badr-abdelatty SUPPORTS CONDEMNS SOVEREIGNTY country:LB"},
		},
		{
			name:      "ar حذر من تقويض وحدة",
			lang:      "ar",
			body:      "حذر وزير الخارجية السعودي الأمير فيصل بن فرحان من تقويض وحدة اليمن.",
			positions: []string{"person:faisal-bin-farhan SUPPORTS WARNS TERRITORIAL_INTEGRITY country:YE"},
		},
		{
			name:      "ar رفض الأردن المساس بسيادة inside a statement",
			lang:      "ar",
			body:      "أكد وزير الخارجية الأردني أيمن الصفدي رفض الأردن المساس بسيادة لبنان.",
			positions: []string{"country:JO SUPPORTS REJECTS SOVEREIGNTY country:LB"},
		},
		{
			name: "ar خرق وقف إطلاق النار: the breach is the breaker's military action",
			lang: "ar",
			body: "أدان وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني خرق إسرائيل لوقف إطلاق النار في غزة.",
			positions: []string{"person:mohammed-bin-abdulrahman-al-thani OPPOSES CONDEMNS MILITARY_ACTION country:IL",
				"person:mohammed-bin-abdulrahman-al-thani SUPPORTS CONDEMNS CEASEFIRE country:PS"},
		},
		{
			name:      "en violation of sovereignty",
			lang:      "en",
			body:      "Jordanian Foreign Minister Ayman Safadi condemned the violation of Syria's sovereignty.",
			positions: []string{"person:ayman-safadi SUPPORTS CONDEMNS SOVEREIGNTY country:SY"},
		},
		{
			name:      "en undermine sovereignty",
			lang:      "en",
			body:      "Egyptian Foreign Minister Badr Abdelatty rejected any attempt to undermine Lebanon's sovereignty.",
			positions: []string{"person:badr-abdelatty SUPPORTS REJECTS SOVEREIGNTY country:LB"},
		},
		{
			name:      "en threat to territorial integrity",
			lang:      "en",
			body:      "Saudi Foreign Minister Prince Faisal bin Farhan warned against any threat to Yemen's territorial integrity.",
			positions: []string{"person:faisal-bin-farhan SUPPORTS WARNS TERRITORIAL_INTEGRITY country:YE"},
		},
		{
			name: "en violation of the ceasefire",
			lang: "en",
			body: "Qatar condemned Israel's violation of the ceasefire in Gaza.",
			positions: []string{"country:QA OPPOSES CONDEMNS MILITARY_ACTION country:IL",
				"country:QA SUPPORTS CONDEMNS CEASEFIRE country:PS"},
		},
	})
}

// TestJointPositions checks that "the two sides" and joint statements (relations.tsv, speech.tsv) give
// each party the position.
func TestJointPositions(t *testing.T) {
	runTriggerCases(t, []triggerCase{
		{
			name:   "ar الجانبان after a meeting",
			lang:   "ar",
			body:   "التقى وزير الخارجية المصري بدر عبد العاطي نظيره السعودي الأمير فيصل بن فرحان في الرياض. وأكد الجانبان دعمهما لوحدة السودان.",
			events: []string{"MEETING 2025-05-21 ASSERTED @Riyadh person:badr-abdelatty/PARTICIPANT person:faisal-bin-farhan/PARTICIPANT"},
			positions: []string{"person:badr-abdelatty SUPPORTS STATES TERRITORIAL_INTEGRITY country:SD",
				"person:faisal-bin-farhan SUPPORTS STATES TERRITORIAL_INTEGRITY country:SD"},
		},
		{
			name:   "en the two sides after a meeting",
			lang:   "en",
			body:   "Egyptian Foreign Minister Badr Abdelatty met Saudi Foreign Minister Prince Faisal bin Farhan in Riyadh. The two sides stressed their support for Sudan's territorial integrity.",
			events: []string{"MEETING 2025-05-21 ASSERTED @Riyadh person:badr-abdelatty/PARTICIPANT person:faisal-bin-farhan/PARTICIPANT"},
			positions: []string{"person:badr-abdelatty SUPPORTS STATES TERRITORIAL_INTEGRITY country:SD",
				"person:faisal-bin-farhan SUPPORTS STATES TERRITORIAL_INTEGRITY country:SD"},
		},
		{
			name: "ar الطرفان after a phone call",
			lang: "ar",
			body: "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع ولي العهد السعودي الأمير محمد بن سلمان. وشدد الطرفان على أهمية وقف إطلاق النار في غزة.",
			positions: []string{"person:emmanuel-macron SUPPORTS STATES CEASEFIRE country:PS",
				"person:mohammed-bin-salman SUPPORTS STATES CEASEFIRE country:PS"},
		},
		{
			name: "en the two leaders after a phone call",
			lang: "en",
			body: "French President Emmanuel Macron held a phone call with Saudi Crown Prince Mohammed bin Salman. The two leaders called for a ceasefire in Gaza.",
			positions: []string{"person:emmanuel-macron SUPPORTS CALLS_FOR CEASEFIRE country:PS",
				"person:mohammed-bin-salman SUPPORTS CALLS_FOR CEASEFIRE country:PS"},
		},
		{
			name: "ar الجانبان after a reception: host and guest both hold it",
			lang: "ar",
			body: "استقبل الرئيس التركي رجب طيب أردوغان رئيس الوزراء العراقي محمد شياع السوداني في أنقرة. وأدان الجانبان الإرهاب بكافة أشكاله.",
			positions: []string{"person:mohammed-shia-al-sudani OPPOSES CONDEMNS TERRORISM -",
				"person:recep-tayyip-erdogan OPPOSES CONDEMNS TERRORISM -"},
		},
		{
			name: "ar بيان مشترك of two states",
			lang: "ar",
			body: "وأكدت مصر والأردن في بيان مشترك اليوم دعمهما لحل الدولتين.",
			positions: []string{"country:EG SUPPORTS STATES PALESTINIAN_STATE country:PS",
				"country:JO SUPPORTS STATES PALESTINIAN_STATE country:PS"},
		},
		{
			name: "ar بيان مشترك عن … البلدين",
			lang: "ar",
			body: "صدر بيان مشترك عن السعودية وفرنسا اليوم أكد دعم البلدين لسيادة لبنان.",
			positions: []string{"country:FR SUPPORTS STATES SOVEREIGNTY country:LB",
				"country:SA SUPPORTS STATES SOVEREIGNTY country:LB"},
		},
		{
			name: "en in a joint statement",
			lang: "en",
			body: "In a joint statement, Egypt and Jordan reaffirmed their support for a two-state solution.",
			positions: []string{"country:EG SUPPORTS REAFFIRMS PALESTINIAN_STATE country:PS",
				"country:JO SUPPORTS REAFFIRMS PALESTINIAN_STATE country:PS"},
		},
		{
			name:   "en the two sides agreed: each commits to the other",
			lang:   "en",
			body:   "Jordanian Foreign Minister Ayman Safadi met Iraqi Foreign Minister Fuad Hussein yesterday. The two sides agreed to strengthen economic cooperation.",
			events: []string{"AGREEMENT 2025-05-20 ASSERTED person:ayman-safadi/SIGNATORY person:fuad-hussein/SIGNATORY", "MEETING 2025-05-20 ASSERTED person:ayman-safadi/PARTICIPANT person:fuad-hussein/PARTICIPANT"},
			positions: []string{"person:ayman-safadi SUPPORTS COMMITS ECONOMIC_COOPERATION country:IQ",
				"person:fuad-hussein SUPPORTS COMMITS ECONOMIC_COOPERATION country:JO"},
		},
	})
}
