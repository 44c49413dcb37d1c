// Entity extraction on sentences written for these tests, not taken from the bundled corpus:
// the extractor must generalise from its data and rules.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/json_api.hpp"
#include "test_support.hpp"
#include "text/bidi_controls.hpp"

using namespace mirsad;
using namespace mirsad::test;
using nlohmann::json;

namespace {

struct Found {
  std::string type, text, canonical, label_en, value;
  uint32_t start = 0, end = 0;
};

class EntitiesTest : public ::testing::Test {
 protected:
  static JsonApi& api() {
    static JsonApi instance;
    return instance;
  }
  static std::vector<Found> extract(std::string_view sentence) {
    const std::u16string text = u16(sentence);
    const json out = json::parse(api().entities_of_text(text));
    std::vector<Found> found;
    for (const auto& e : out["documents"][0]["entities"]) {
      // Spans must cut the text exactly where the mention is.
      EXPECT_EQ(slice(text, e["start"], e["end"]), e["text"].get<std::string>());
      found.push_back({e["type"], e["text"], e["canonical"], e["label_en"], e.value("value", ""), e["start"], e["end"]});
    }
    return found;
  }
  static const Found* find(const std::vector<Found>& all, const std::string& type, const std::string& text) {
    for (const auto& f : all) {
      if (f.type == type && f.text == text) return &f;
    }
    return nullptr;
  }
};

}  // namespace

TEST_F(EntitiesTest, CountriesFromCldrWithCliticsOutsideTheSpan) {
  const auto e = extract("وقّع المغرب وموريتانيا اتفاقا لتأمين الحدود مع مالي، وأرسلت بالسنغال وفدا.");
  ASSERT_TRUE(find(e, "LOCATION", "المغرب"));
  const Found* mauritania = find(e, "LOCATION", "موريتانيا");
  ASSERT_TRUE(mauritania) << "و is outside the span";
  EXPECT_EQ(mauritania->label_en, "Mauritania");
  EXPECT_TRUE(find(e, "LOCATION", "السنغال")) << "ب is outside the span";
}

TEST_F(EntitiesTest, GentilicsLinkToTheirCountry) {
  const auto e = extract("قال مسؤول سوداني إن خبراء أردنيين وصلوا مع وفد من المسؤولين العراقيين.");
  const Found* sudanese = find(e, "NATIONALITY", "سوداني");
  ASSERT_TRUE(sudanese);
  EXPECT_EQ(sudanese->canonical, "السودان");
  EXPECT_TRUE(find(e, "NATIONALITY", "أردنيين"));
  EXPECT_TRUE(find(e, "NATIONALITY", "العراقيين"));
}

TEST_F(EntitiesTest, PersonsAfterTitlesWithoutAnyList) {
  const auto e = extract("استقبل وزير الداخلية الموريتاني محمد ولد أحمد سالم نظيره في نواكشوط.");
  EXPECT_TRUE(find(e, "PERSON", "محمد ولد أحمد سالم") || find(e, "PERSON", "محمد ولد أحمد"));
  EXPECT_TRUE(find(e, "NATIONALITY", "الموريتاني"));
  const auto f = extract("وأكد العقيد سليم بن عيسى أن الدوريات مستمرة.");
  EXPECT_TRUE(find(f, "PERSON", "سليم بن عيسى"));
}

TEST_F(EntitiesTest, AdjectiveUseOfATitleIsNotAPerson) {
  for (const auto& f : extract("وكان هذا هو السبب الرئيس فيما آلت إليه الأوضاع.")) {
    EXPECT_NE(f.type, "PERSON") << f.text;
  }
}

TEST_F(EntitiesTest, OrganizationsFromHeadNouns) {
  const auto e = extract("أعلنت وزارة الدفاع الأردنية ومحكمة الاستئناف العليا قرارات جديدة.");
  EXPECT_TRUE(find(e, "ORGANIZATION", "وزارة الدفاع الأردنية"));
  EXPECT_TRUE(find(e, "ORGANIZATION", "محكمة الاستئناف العليا")) << "و outside the span";
  // A gentilic after a government head makes an organization, not a nationality.
  EXPECT_TRUE(find(extract("قالت الحكومة السودانية إن"), "ORGANIZATION", "الحكومة السودانية"));
}

TEST_F(EntitiesTest, DatesInNewsStyle) {
  const auto e = extract("وقع الهجوم في السابع من مارس/آذار 2016، ثم عُقد اجتماع يوم الخميس 2019/07/04 وآخر في 12 كانون الثاني 2018 وعام 2011.");
  const Found* march = find(e, "DATE", "السابع من مارس/آذار 2016");
  ASSERT_TRUE(march);
  EXPECT_EQ(march->value, "2016-03-07");
  const Found* thursday = find(e, "DATE", "الخميس 2019/07/04");
  ASSERT_TRUE(thursday);
  EXPECT_EQ(thursday->value, "2019-07-04");
  const Found* levantine = find(e, "DATE", "12 كانون الثاني 2018");
  ASSERT_TRUE(levantine);
  EXPECT_EQ(levantine->value, "2018-01-12");
  const Found* year = find(e, "DATE", "عام 2011");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->value, "2011");
}

TEST_F(EntitiesTest, MaghrebMonthNamesAndNumbers) {
  const auto e = extract("انطلقت المناورات في 15 جويلية 2017 بمشاركة 300 عسكري وفق صيغة 5+5.");
  const Found* july = find(e, "DATE", "15 جويلية 2017");
  ASSERT_TRUE(july);
  EXPECT_EQ(july->value, "2017-07-15");
  // A number takes its counted noun (the fixtures' convention, as in "55 فردا").
  const Found* soldiers = find(e, "NUMBER", "300 عسكري");
  ASSERT_TRUE(soldiers);
  EXPECT_EQ(soldiers->value, "300");
  EXPECT_TRUE(find(e, "NUMBER", "5+5"));
}

TEST_F(EntitiesTest, BareNumberWordIsNotAWeekday) {
  for (const auto& f : extract("قتل اثنين من الجنود.")) EXPECT_NE(f.type, "DATE") << f.text;
  EXPECT_TRUE(find(extract("وصل الوفد يوم الاثنين."), "DATE", "الاثنين"));
}

TEST_F(EntitiesTest, LaterShortMentionLinksToTheFullName) {
  const auto e = extract("التقى الرئيس الفرنسي إيمانويل ماكرون نظيره. وقال ماكرون إن التعاون مستمر.");
  const Found* full = find(e, "PERSON", "إيمانويل ماكرون");
  ASSERT_TRUE(full);
  const Found* short_mention = find(e, "PERSON", "ماكرون");
  ASSERT_TRUE(short_mention);
  EXPECT_EQ(short_mention->canonical, full->canonical);
}

// Issue 14: a name with a bidi control inside was a canonical form of its own, and the control
// then reordered every label that showed it. The mention's text stays as written (its span).
TEST_F(EntitiesTest, CanonicalFormsHaveNoBidiControls) {
  const auto plain = extract("وأكد العقيد سليم بن عيسى أن الدوريات مستمرة.");
  const auto spoofed = extract("وأكد العقيد سليم\u202E بن عي\u2066سى\u2069 أن الدوريات مستمرة في ليبيا\u202D.");
  const Found* person = nullptr;
  for (const auto& f : spoofed) {
    for (const char32_t c : u16(f.canonical)) EXPECT_FALSE(is_bidi_control(c)) << f.type << " " << f.canonical;
    if (f.type == "PERSON") person = &f;
  }
  ASSERT_TRUE(person);
  EXPECT_NE(person->text.find("\u202E"), std::string::npos) << "the text is the document's own";
  ASSERT_FALSE(plain.empty());
  const Found* plain_person = nullptr;
  for (const auto& f : plain) if (f.type == "PERSON") plain_person = &f;
  ASSERT_TRUE(plain_person);
  EXPECT_EQ(person->canonical, plain_person->canonical);
  EXPECT_TRUE(find(spoofed, "LOCATION", "ليبيا\u202D") || find(spoofed, "LOCATION", "ليبيا"));
}

TEST_F(EntitiesTest, EmptyAndMarkOnlyTextsHaveNoEntities) {
  EXPECT_TRUE(extract("").empty());
  EXPECT_TRUE(extract("\u064E\u064F\u0650 ، ؛ ؟").empty());
}

// Sentences written for these tests (not in the seeds nor in the unseen fixture).

TEST_F(EntitiesTest, QuantitiesTakeTheirCountedNounAndWrittenNumbersHaveValues) {
  const auto e = extract("أفرجت السلطات عن 17 صيادا وثلاثة آلاف طن من الأسماك بعد احتجاز مئتين وخمسين بحارا، "
                         "وتفقد الوزير المحافظات الأربع ووقع اتفاقين اثنين في 2014 بقيمة عشرة ملايين دولار.");
  const Found* fishermen = find(e, "NUMBER", "17 صيادا");
  ASSERT_TRUE(fishermen);
  EXPECT_EQ(fishermen->value, "17");
  const Found* tons = find(e, "NUMBER", "ثلاثة آلاف طن");
  ASSERT_TRUE(tons);
  EXPECT_EQ(tons->value, "3000");
  const Found* sailors = find(e, "NUMBER", "مئتين وخمسين بحارا");
  ASSERT_TRUE(sailors);
  EXPECT_EQ(sailors->value, "250");
  EXPECT_TRUE(find(e, "NUMBER", "المحافظات الأربع"));
  EXPECT_TRUE(find(e, "NUMBER", "اتفاقين اثنين"));
  const Found* money = find(e, "NUMBER", "عشرة ملايين دولار");
  ASSERT_TRUE(money);
  EXPECT_EQ(money->value, "10000000");
  // A year alone takes no counted noun.
  for (const auto& f : e) EXPECT_NE(f.text, "2014 بقيمة");
}

TEST_F(EntitiesTest, VagueQuantitiesAreNotNumbers) {
  for (const auto& f : extract("خرج آلاف المحتجين وعشرات الطلاب إلى الشوارع.")) EXPECT_NE(f.type, "NUMBER") << f.text;
}

TEST_F(EntitiesTest, AGivenNameAndAFamilyNameAreAPersonWithoutATitle) {
  const auto e = extract("وصرح يوسف الشاذلي للصحفيين بأن ليلى بنسعيد غادرت، مضيفا أن على الحكومة التحرك.");
  EXPECT_TRUE(find(e, "PERSON", "يوسف الشاذلي"));
  EXPECT_TRUE(find(e, "PERSON", "ليلى بنسعيد"));
  for (const auto& f : e) {
    EXPECT_NE(f.type == "PERSON" ? f.text : "", "على الحكومة") << "على is a preposition, not the name علي";
  }
}

TEST_F(EntitiesTest, AnOrganizationNeedsWhatNamesIt) {
  const auto e = extract("أعلنت القيادة السياسية دعمها لمجلس الشيوخ، وانتشرت قوات الأمن قرب مقر الهيئة الوطنية "
                         "للإعلام بينما نقلت صحيفة الوطن عن الشرطة الكينية تصريحا.");
  EXPECT_TRUE(find(e, "ORGANIZATION", "مجلس الشيوخ")) << "a strong head with its complement";
  // With its complement: an organization's span is all of its official name (the real-news rule).
  EXPECT_TRUE(find(e, "ORGANIZATION", "الهيئة الوطنية للإعلام")) << "an institutional adjective";
  EXPECT_TRUE(find(e, "ORGANIZATION", "الشرطة الكينية")) << "a gentilic";
  EXPECT_TRUE(find(e, "ORGANIZATION", "الوطن")) << "a media name, without صحيفة";
  for (const auto& f : e) {
    EXPECT_NE(f.text, "القيادة السياسية");
    EXPECT_NE(f.text, "قوات الأمن");
  }
}

TEST_F(EntitiesTest, GluedNamesAreSplitWhenBothPartsAreKnown) {
  const auto e = extract("تعاون بين الجزائروتونس ضد الإرهاب.");
  const Found* algeria = find(e, "LOCATION", "الجزائر");
  const Found* tunisia = find(e, "LOCATION", "تونس");
  ASSERT_TRUE(algeria);
  ASSERT_TRUE(tunisia);
  EXPECT_EQ(tunisia->start, algeria->end + 1) << "the و between them belongs to neither";
}

TEST_F(EntitiesTest, AnAccusativeCountryNameAfterAnIndefiniteNounIsANationality) {
  const auto e = extract("استقبل الوزير وفدا عسكريا ليبيا ثم سافر إلى ليبيا.");
  EXPECT_TRUE(find(e, "NATIONALITY", "ليبيا"));
  EXPECT_TRUE(find(e, "LOCATION", "ليبيا"));
}

// The sequence tagger (wasm/data/entity_tagger.txt) on sentences written for this test: names
// that no list holds and that the rules alone miss or cut short.
TEST_F(EntitiesTest, TheTaggerFindsPersonsAndOrganizationsNoListHolds) {
  const auto person = extract("وصرح كوستاس باباديميتريو للصحفيين بأن المفاوضات متعثرة.");
  EXPECT_TRUE(find(person, "PERSON", "كوستاس باباديميتريو")) << "a foreign name with no title and no known given name";
  const auto company = extract("وقال نائب رئيس شركة الخليج للصناعات البتروكيماوية إن الأرباح ارتفعت.");
  EXPECT_TRUE(find(company, "ORGANIZATION", "شركة الخليج للصناعات البتروكيماوية")) << "the whole official name";
  const auto hospital = extract("وكشف مدير عام مستشفى الملك فهد التخصصي بتبوك عن افتتاح قسم جديد.");
  // A branch named by its town is one span (the fixture's rule: الإدارة العامة للتعليم بمنطقة الرياض).
  EXPECT_TRUE(find(hospital, "ORGANIZATION", "مستشفى الملك فهد التخصصي بتبوك"));
  for (const auto& f : hospital) EXPECT_NE(f.type, "PERSON") << f.text << ": a king's name inside an institution's is not a person";
}

TEST_F(EntitiesTest, APersonsNameDoesNotRunIntoTheAccusativeAfterIt) {
  const auto e = extract("وعلق المدرب رشيد بوطالبي قائلا إن الفريق سيعود أقوى.");
  EXPECT_TRUE(find(e, "PERSON", "رشيد بوطالبي"));
  for (const auto& f : e) EXPECT_EQ(f.text.find("قائلا"), std::string::npos) << f.text;
}

// Issue 16: long Arab names are one person, the title outside, and no fragment is a person.
TEST_F(EntitiesTest, AGenealogyAfterATitleIsOnePersonAndItsFamilyNameLinksBack) {
  const auto e = extract("أعلن الأمير فهد بن منصور بن خالد آل عمران افتتاح المعرض، ثم تحدث عمران عن الخطة.");
  const Found* full = find(e, "PERSON", "فهد بن منصور بن خالد آل عمران");
  ASSERT_TRUE(full) << "بن and آل links make one name, الأمير stays outside";
  const Found* later = find(e, "PERSON", "عمران");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->canonical, full->text);
  EXPECT_FALSE(find(e, "PERSON", "بن خالد"));
}

TEST_F(EntitiesTest, AFilialLinkMakesAPersonWithoutATitleOrAGivenName) {
  // مطلق is also an adjective, علي also reads as the preposition على, and بن علي is a listed
  // short form: inside a genealogy each is a part of the one name.
  const auto e = extract("وتم القبض على مطلق بن سعد بن علي الدهيمان أمس في الرياض.");
  EXPECT_TRUE(find(e, "PERSON", "مطلق بن سعد بن علي الدهيمان"));
  EXPECT_FALSE(find(e, "PERSON", "بن علي"));
}

TEST_F(EntitiesTest, AListedPersonWrittenAtGreaterLengthIsOneSpan) {
  const auto e = extract("وصل ولي العهد الأمير محمد بن سلمان بن عبدالعزيز إلى المطار.");
  EXPECT_TRUE(find(e, "PERSON", "محمد بن سلمان بن عبدالعزيز"));
  EXPECT_FALSE(find(e, "PERSON", "سلمان بن عبدالعزيز"));
}

TEST_F(EntitiesTest, AGivenNameThenADefiniteWordIsANameButADefiniteGivenNameOpensNone) {
  const auto e = extract("وفاز سلطان الدغيثر بالجائزة، وقال الممثل نور الشريف إن الشريف توفي والده.");
  EXPECT_TRUE(find(e, "PERSON", "سلطان الدغيثر"));
  EXPECT_FALSE(find(e, "PERSON", "الشريف توفي")) << "شريف is a given name, الشريف is not";
}

// Issue 16: an official name keeps its activity after ل, unless the ل word governs an object.
TEST_F(EntitiesTest, AnOrganizationKeepsItsActivityButNotAPurpose) {
  const auto e = extract("وقّعت الشركة الوطنية للمياه عقدا مع الاتحاد العربي لكرة السلة، وأرسلت الحكومة المغربية للقيام بالمهمة فريقا.");
  EXPECT_TRUE(find(e, "ORGANIZATION", "الشركة الوطنية للمياه"));
  EXPECT_TRUE(find(e, "ORGANIZATION", "الاتحاد العربي لكرة السلة"));
  EXPECT_TRUE(find(e, "ORGANIZATION", "الحكومة المغربية")) << "للقيام بالمهمة is a purpose";
}

TEST_F(EntitiesTest, ABodyNamedAfterAPersonOfRankIsOneOrganization) {
  const auto e = extract("افتتح مركز الأمير فيصل للبحوث الطبية فرعا جديدا، وقال وزير الخارجية الأردني إن الخارجية الأردنية رحبت.");
  EXPECT_TRUE(find(e, "ORGANIZATION", "مركز الأمير فيصل للبحوث الطبية"));
  for (const auto& f : e) EXPECT_NE(f.type, "PERSON") << f.text;
  EXPECT_TRUE(find(e, "ORGANIZATION", "الخارجية الأردنية"));
  EXPECT_FALSE(find(e, "ORGANIZATION", "الخارجية الأردني")) << "وزير الخارجية is a role";
}

// Issue 16: ambiguous names at scale. مالي with the article is "financial", الأب is "the father",
// آب is August; the places stand where the text writes them as names.
TEST_F(EntitiesTest, AnArticleOrACalendarWordTurnsAPlaceNameIntoAnotherWord) {
  const auto e = extract("قدمت الحكومة دعما للمؤسسات المالية في مالي، وعاد الأب إلى محافظة إب في آب الماضي.");
  int mali = 0;
  for (const auto& f : e) {
    EXPECT_NE(f.text, "المالية") << f.type;
    EXPECT_NE(f.text, "الأب") << f.type;
    EXPECT_FALSE(f.type == "LOCATION" && f.text == "آب");
    if (f.text == "مالي") ++mali;
  }
  EXPECT_EQ(mali, 1);
  EXPECT_TRUE(find(e, "LOCATION", "إب")) << "after محافظة the city is named";
}

// Issue 16: a Hijri month is no given name before its adjective, a place completes a construct
// title, a listed family name closes a genealogy, and a father's name is no family name.
TEST_F(EntitiesTest, GenealogiesAfterPlacesAndMonthsAndTheirShortMentions) {
  const auto e = extract("وفي رمضان المبارك زار محافظ جازان حسن بن علي الفيفي المستشفى، وقال عادل بن أحمد الجبير إن الزيارة ناجحة.");
  EXPECT_TRUE(find(e, "LOCATION", "جازان"));
  EXPECT_TRUE(find(e, "PERSON", "حسن بن علي الفيفي"));
  EXPECT_TRUE(find(e, "PERSON", "عادل بن أحمد الجبير"));
  for (const auto& f : e) EXPECT_FALSE(f.type == "PERSON" && f.text.find("رمضان") != std::string::npos) << f.text;
  const auto g = extract("وصل خالد بن فهد بن سعود إلى الرياض، ثم افتتح جامعة سعود في المساء.");
  EXPECT_TRUE(find(g, "PERSON", "خالد بن فهد بن سعود"));
  // The father's name after بن is not a family name: a later «سعود» is not a short mention of
  // خالد بن فهد بن سعود. (The tagger may still read it as a person of its own, inside جامعة سعود:
  // a tagger error, not a link.)
  for (const auto& f : g) {
    if (f.type == "PERSON" && f.text == "سعود") EXPECT_NE(f.canonical, "خالد بن فهد بن سعود") << "linked to the father's name";
  }
}

// Issue 16: a foreign name no list holds, after a verb of saying; a plural subject is no name.
TEST_F(EntitiesTest, UnknownWordsAfterAVerbOfSayingAreTheSpeaker) {
  EXPECT_TRUE(find(extract("وصرح زيغمونت كراسوفسكي للصحفيين بأن المفاوضات مستمرة."), "PERSON", "زيغمونت كراسوفسكي"));
  for (const auto& f : extract("وأكد مختصون واقتصاديون أن الأسعار سترتفع.")) EXPECT_NE(f.type, "PERSON") << f.text;
}

// Issue 16: a ministry's portfolio is a noun and its adjective, and و joins a second adjective;
// a noun after و is a second body.
TEST_F(EntitiesTest, AMinistryKeepsItsPortfoliosButNotASecondBody) {
  const auto e = extract("أعلنت وزارة الشؤون البلدية والقروية ووزارة الداخلية والجيش خطة، وقالت وزارة التعليم العالي إن وزارة الصحة والشئون الصحية بوزارة الحرس الوطني تعاونتا.");
  EXPECT_TRUE(find(e, "ORGANIZATION", "وزارة الشؤون البلدية والقروية"));
  EXPECT_TRUE(find(e, "ORGANIZATION", "وزارة الداخلية"));
  EXPECT_TRUE(find(e, "ORGANIZATION", "وزارة التعليم العالي"));
  // «وزارة الصحة والشئون الصحية بوزارة الحرس الوطني» is read as one body: a noun after و is a
  // portfolio as often as a second body (وزارة الشؤون الإسلامية والأوقاف), and a branch named by
  // its parent is one span (the fixture's rule). The verb after it is never part of it.
  for (const auto& f : e) EXPECT_EQ(f.text.find("تعاونتا"), std::string::npos) << f.text;
}

// Issue 16: after a media head, a verb or an adjective is no outlet's name.
TEST_F(EntitiesTest, AMediaHeadNamesNoVerbAndNoAdjective) {
  const auto e = extract("وذكرت قناة سكاي نيوز أن القناة الجديدة تنعكس على الاقتصاد وأن صحيفة تغطي الحدث.");
  EXPECT_TRUE(find(e, "ORGANIZATION", "سكاي نيوز"));
  for (const auto& f : e) {
    EXPECT_NE(f.text, "تنعكس") << f.type;
    EXPECT_NE(f.text, "الجديدة") << f.type;
    EXPECT_NE(f.text, "تغطي") << f.type;
  }
}

// Issue 16: the reporters in a byline that opens an article are persons; a time phrase is not.
TEST_F(EntitiesTest, NamesInAnOpeningBylineArePersons) {
  const auto e = extract(" رنا الفاضل، ماجد العنزي – الرياض\nأعلنت الهيئة نتائج المسابقة.");
  EXPECT_TRUE(find(e, "PERSON", "رنا الفاضل"));
  EXPECT_TRUE(find(e, "PERSON", "ماجد العنزي"));
  for (const auto& f : extract(" الأسبوع الماضي – الرياض\nأعلنت الهيئة نتائج المسابقة.")) EXPECT_NE(f.type, "PERSON") << f.text;
}

// Issue 16: الله in a formula is no person; a country name that agrees with the definite noun
// before it (الأسر السعودية، سوق الأسهم السعودية) is that noun's adjective, no place; the country
// acting on its own (أعلنت السعودية) still is one.
TEST_F(EntitiesTest, TheNameOfGodAndACountryAsAnAdjectiveAreNoEntities) {
  const auto e = extract("وذلك فضل الله، والحمد لله. وأغلق مؤشر سوق الأسهم السعودية اليوم، وأعلنت السعودية أن الأسر السعودية تنفق أكثر.");
  for (const auto& f : e) {
    EXPECT_FALSE(f.type == "PERSON" && (f.text == "الله" || f.text == "لله")) << f.text;
  }
  int saudi = 0;
  for (const auto& f : e) saudi += f.type == "LOCATION" && f.text == "السعودية";
  EXPECT_EQ(saudi, 1) << "only أعلنت السعودية";
}

// Issue 16: an agency's dateline opens the text with the place, a day and a month.
TEST_F(EntitiesTest, ADatelineOpensWithThePlace) {
  const auto e = extract("صبيا 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس نظم فرع الوزارة ندوة.");
  EXPECT_TRUE(find(e, "LOCATION", "صبيا"));
  const auto f = extract("وادي الدواسر 3 يوليو 2015 أعلنت البلدية خطة.");
  EXPECT_TRUE(find(f, "LOCATION", "وادي الدواسر"));
  // Without a year it is a sentence, not a dateline.
  for (const auto& x : extract("قال المتحدث 25 شوال إن الخطة جاهزة.")) EXPECT_NE(x.type, "LOCATION") << x.text;
}

// Issue 16: a title alone is no person and never part of one's span; a nisba agreeing with the
// definite noun before it is an adjective; an adjective with the article does not open a name.
TEST_F(EntitiesTest, TitlesAndAdjectivesStayOutsidePersons) {
  const auto e = extract("ورحب أمير دولة الكويت بالأمير نواف بن فيصل، وأكد دعم العمل العربي المشترك، وقال رئيس البنك السابق بن برنانكي إن النمو تباطأ.");
  for (const auto& f : e) {
    if (f.type != "PERSON") continue;
    EXPECT_EQ(f.text.find("أمير"), std::string::npos) << f.text;
    EXPECT_NE(f.text, "العربي");
    EXPECT_EQ(f.text.find("السابق"), std::string::npos) << f.text;
  }
  EXPECT_TRUE(find(e, "PERSON", "نواف بن فيصل"));
}

// Issue 16: منطقة، قرية، محافظة in construct stay outside the place's name; مطار stays inside.
TEST_F(EntitiesTest, AGenericHeadStaysOutsideThePlaceAFacilityKeepsIt) {
  const auto e = extract("وقصفت الطائرات مواقع في قرية النصر غربي قضاء مخمور، وهبطت الطائرة في مطار الملك خالد الدولي.");
  for (const auto& f : e) EXPECT_EQ(f.text.find("قرية"), std::string::npos) << f.text;
  EXPECT_TRUE(find(e, "LOCATION", "النصر"));
}

// Found on real news (issue 16): a gazetteer name that writes a country with a preposition
// (أنصار الشريعة بتونس، المحكمة الخاصة بلبنان) made بتونس and بلبنان known words of the engine's
// lexicon, kept whole in every text: a search for تونس missed بتونس and the country was not found.
TEST_F(EntitiesTest, APrepositionBeforeACountryIsCutEvenWhenAGazetteerNameWritesIt) {
  const auto normalized = nlohmann::json::parse(api().normalize(u"بدأ بتونس ثم بلبنان، وزار بندر الرياض"));
  std::vector<std::string> bases;
  for (const auto& t : normalized["tokens"]) bases.push_back(t["base"].get<std::string>());
  EXPECT_EQ(bases.at(1), "تونس");
  EXPECT_EQ(bases.at(3), "لبنان");
  EXPECT_EQ(bases.at(5), "بندر") << "a name that begins with ب keeps it";
  EXPECT_TRUE(find(extract("الذي بدأ بتونس مرورا بمصر."), "LOCATION", "تونس"));
}

// Found on real news (issue 16): the clitic stripper keeps a و whose word it cannot confirm, so a
// name in a list («… وعبدالرزاق الشهراني») began with the conjunction, and the tagger never
// learnt such names (the training gold starts after the و: 234 mentions were off the tokens).
TEST_F(EntitiesTest, AConjunctionBeforeAnUnknownNameIsLeftOutButANameThatStartsWithWawKeepsIt) {
  const auto list = extract("وحضر الاجتماع كل من مشعل الزهراني ووضاح الحميدي وعبدالرزاق الشهراني.");
  EXPECT_TRUE(find(list, "PERSON", "وضاح الحميدي"));
  EXPECT_TRUE(find(list, "PERSON", "عبدالرزاق الشهراني"));
  const auto known = extract("والتقى وليد الحمدان بالوفد في وهران، ثم قال ويليام هيغ إن وزارته لن تتراجع.");
  EXPECT_TRUE(find(known, "PERSON", "وليد الحمدان"));
  EXPECT_TRUE(find(known, "LOCATION", "وهران"));
  EXPECT_TRUE(find(known, "PERSON", "ويليام هيغ"));
}
