package redact

import "testing"

// TestRedactMorphology covers the special categories read from the form of
// words and from how people state them, with sentences written for the
// purpose (none taken from a labelled set): diseases the lexicon does not
// list, found by their ending; orientations by "-sexuel" and "-phobie"; a
// partner of the writer's own gender; a condition stated with a part of
// the body. The common words with the same endings stay.
func TestRedactMorphology(t *testing.T) {
	tests := []redactCase{
		{"-ite root", "je suis en arrêt à cause d'une épicondylite, c'est long", "je suis en arrêt à cause d'une [SANTE_1], c'est long"},
		{"-ite compound", "mon fils a une pyélonéphrite", "mon fils a une [SANTE_1]"},
		{"-ose", "elle a une sarcoïdose depuis 2020", "elle a une [SANTE_1] depuis 2020"},
		{"-ose with its complement", "gonarthrose bilatérale sévère", "[SANTE_1]"},
		{"-émie", "ma fille a une anémie", "ma fille a une [SANTE_1]"},
		{"-pathie", "il souffre depuis longtemps, une neuropathie", "il souffre depuis longtemps, une [SANTE_1]"},
		{"-algie", "des cervicalgies chroniques", "des [SANTE_1]"},
		{"-ectomie", "après ma thyroïdectomie", "après ma [SANTE_1]"},
		{"-ome", "on m'a trouvé un mélanome", "on m'a trouvé un [SANTE_1]"},
		{"Spanish -itis", "tengo artritis reumatoide", "tengo [SANTE_1]"},
		{"English -osis", "my wife has tuberculosis", "my wife has [SANTE_1]"},
		{"Spanish -osis", "mi madre tiene cirrosis hepática", "mi madre tiene [SANTE_1]"},
		{"Romanian -ită", "am hepatită", "am [SANTE_1]"},
		{"English -emia", "my son has leukaemia", "my son has [SANTE_1]"},
		{"Spanish -oma", "le encontraron un linfoma", "le encontraron un [SANTE_1]"},
		{"English -plegia is a disability", "he has quadriplegia", "he has [HANDICAP_1]"},
		{"Spanish idioma and dosis stay", "no hablo el idioma, la dosis", "no hablo el idioma, la dosis"},
		{"academia, sympathy, simpatia, famosi stay", "academia, sympathy, simpatia, sono famosi", "academia, sympathy, simpatia, sono famosi"},
		{"-plégie is a disability", "mon frère est paraplégique", "mon frère est [HANDICAP_1]"},
		{"-sexuel", "nous sommes pansexuelles", "nous sommes [ORIENTATION_1]"},
		{"-phobie", "victime d'homophobie au travail", "victime d'[ORIENTATION_1] au travail"},
		{"Italian -sessuale", "sono omosessuale", "sono [ORIENTATION_1]"},
		{"Portuguese homossexual", "sou homossexual", "sou [ORIENTATION_1]"},
		{"Polish biseksualny", "jestem biseksualny", "jestem [ORIENTATION_1]"},
		{"German homosexuell", "ich bin homosexuell", "ich bin [ORIENTATION_1]"},
		{"transsexuelle", "elle est transsexuelle", "elle est [ORIENTATION_1]"},
		{"Spanish homofobia", "sufrí homofobia en el trabajo", "sufrí [ORIENTATION_1] en el trabajo"},
		{"common -ale and -sexuel words stay", "la caisse sociale, le harcèlement sexuel, mon assistante sociale", "la caisse sociale, le harcèlement sexuel, mon assistante sociale"},
		{"lgbt", "une association LGBTQIA+ m'aide", "une association [ORIENTATION_1]+ m'aide"},
		{"female writer, her wife", "je suis mariée depuis 2019, ma femme est au chômage", "je suis mariée depuis 2019, [ORIENTATION_1] est au chômage"},
		{"male writer, his husband", "je suis pacsé et mon compagnon cherche un emploi", "je suis pacsé et [ORIENTATION_1] cherche un emploi"},
		{"a mother, her partner", "ma compagne et moi attendons un bébé, je suis la mère non biologique", "[ORIENTATION_1] et moi attendons un bébé, je suis la mère non biologique"},
		{"Spanish woman, her wife", "soy casada y mi esposa está en paro", "soy casada y [ORIENTATION_1] está en paro"},
		{"Portuguese man, his husband", "sou casado, meu marido trabalha em Lyon", "sou casado, [ORIENTATION_1] trabalha em Lyon"},
		{"Spanish woman, her husband stays", "estoy casada, mi esposo trabaja", "estoy casada, mi esposo trabaja"},
		{"English woman, her wife", "I am a woman and my wife is French", "I am a woman and [ORIENTATION_1] is French"},
		{"female writer, her husband stays", "je suis née en 1980 et mon mari est au chômage", "je suis née en 1980 et mon mari est au chômage"},
		{"female agreement wins", "je suis marié, enfin je suis mariée, mon mari travaille", "je suis marié, enfin je suis mariée, mon mari travaille"},
		{"two women, her partner", "ma compagne et moi (on est pacsées depuis juin)", "[ORIENTATION_1] et moi (on est pacsées depuis juin)"},
		{"a couple, her husband stays", "mon mari et moi, nous sommes mariés depuis juin", "mon mari et moi, nous sommes mariés depuis juin"},
		{"a man, sums of money, his wife stays", "je suis marié, les sommes réclamées sont dues par ma femme", "je suis marié, les sommes réclamées sont dues par ma femme"},
		{"a man with a man", "je suis en couple avec un homme, je suis un homme", "je suis en [ORIENTATION_1], je suis un homme"},
		{"a woman living with a woman", "je suis une femme et je vis avec une femme depuis 2015", "je suis une femme et je [ORIENTATION_1] depuis 2015"},
		{"English man married to a man", "I am a man, I'm married to a man", "I am a man, I'm [ORIENTATION_1]"},
		{"a woman with a man stays", "je suis née en 1980, je suis en couple avec un homme", "je suis née en 1980, je suis en couple avec un homme"},
		{"a daughter with a man stays", "je suis veuf et ma fille est en couple avec un homme", "je suis veuf et ma fille est en couple avec un homme"},
		{"a mother living with her daughter stays", "je suis une mère seule, je vis avec une fille de 12 ans", "je suis une mère seule, je vis avec une fille de 12 ans"},
		{"unknown writer with a man stays", "je suis en couple avec un homme", "je suis en couple avec un homme"},
		{"unknown writer, her husband stays", "mon mari est au chômage", "mon mari est au chômage"},
		{"back pain", "j'ai très mal au dos depuis l'accident", "j'ai très [SANTE_1] depuis l'accident"},
		{"knee problems", "des problèmes de genoux", "des [SANTE_1]"},
		{"wrist fracture", "fracture du poignet le mois dernier", "[SANTE_1] le mois dernier"},
		{"a problem with a payment stays", "un problème de paiement et du mal à la banque", "un problème de paiement et du mal à la banque"},
		{"common -ite words stay", "suite à ma visite, je sollicite une aide, ma retraite est limite, sécurité", "suite à ma visite, je sollicite une aide, ma retraite est limite, sécurité"},
		{"unaccented -ité nouns stay", "mon activite et ma securite, la qualite", "mon activite et ma securite, la qualite"},
		{"common -ose and -ome words stay", "je vous propose quelque chose, mon diplôme, une dose, l'hypnose", "je vous propose quelque chose, mon diplôme, une dose, l'hypnose"},
		{"common -ie words stay", "l'académie, une épidémie, merci de votre sympathie, la nostalgie", "l'académie, une épidémie, merci de votre sympathie, la nostalgie"},
		{"treatment for", "je suis sous traitement pour mon hépatite", "je suis [SANTE_1]"},
		{"follow-up for", "suivie pour une cardiomyopathie", "[SANTE_1]"},
		{"treatment for a relative stays apart", "hospitalisé pour mon fils", "[SANTE_1] pour mon fils"},
		{"prison visit", "je vais au parloir samedi", "je vais [JUSTICE_1] samedi"},
		{"arrested for", "il a été interpellé pour recel", "il a [JUSTICE_1]"},
		{"was arrested", "en 2019 j'ai été arrêté à Ankara", "en 2019 j'ai [JUSTICE_1]"},
		{"a decree stays", "l'arrêté préfectoral du 3 mai", "l'arrêté préfectoral du 3 mai"},
		{"disabled worker, feminine, a status", "reconnue travailleuse handicapée en 2022", "reconnue [HANDICAP_1] en 2022"},
		{"hospital document stays", "je joins le bulletin d'hospitalisation", "je joins le bulletin d'hospitalisation"},
		{"a fit", "je fais des crises de tétanie depuis mars", "je fais des [SANTE_1] depuis mars"},
		{"a crisis of confidence stays", "c'est la crise de confiance avec mon bailleur", "c'est la crise de confiance avec mon bailleur"},
		{"plural of a special word", "j'ai des problèmes psychiatriques", "j'ai des problèmes [SANTE_1]"},
		{"complement stops at a number word", "je suis sous dialyse trois fois par semaine", "je suis [SANTE_1] trois fois par semaine"},
		{"French parole and conviction stay", "il a pris la parole avec conviction", "il a pris la parole avec conviction"},
		{"German ist stays", "Das ist gut, danke", "Das ist gut, danke"},
		{"chronic", "j'ai une urticaire chronique depuis 2021", "j'ai une [SANTE_1] depuis 2021"},
		{"chronic, English", "I have chronic migraines", "I have [SANTE_1]"},
		{"a condition unnamed", "à cause de ma pathologie lourde je ne peux pas travailler", "à cause de ma [SANTE_1] je ne peux pas travailler"},
		{"harcèlement sexuel is no orientation", "victime de harcèlement sexuel", "victime de harcèlement sexuel"},
	}
	checkRedactions(t, tests)
}

// TestRedactPlacesAndFillers covers the town after a street and a comma
// written as a compound ("Saint-Denis"), the English house numbers with a
// letter ("221B Baker Street") and phones hidden with filler marks
// ("07 ** 81"), with sentences written for the purpose.
func TestRedactPlacesAndFillers(t *testing.T) {
	tests := []redactCase{
		{"compound town after a comma", "j'habite 15 rue Marcel Paul, Saint-Denis.", "j'habite [ADRESSE_1]."},
		{"compound town, clause goes on", "j'habite 15 rue Marcel Paul, Villeneuve-la-Garenne, depuis 2 ans", "j'habite [ADRESSE_1], depuis 2 ans"},
		{"a common word after a comma stays", "j'habite 15 rue Marcel Paul, Merci.", "j'habite [ADRESSE_1], Merci."},
		{"phone with stars", "mon tel c le 07 ** 81 22 ** 45 ** 90", "mon tel c le [TEL_1]"},
		{"phone with bars", "06|12|34|56|78", "[TEL_1]"},
		{"a multiplication stays", "3 * 4 = 12", "3 * 4 = 12"},
		{"e-mail letter by letter from the start of a line", "j e a n . d u p o n t @ g m a i l . c o m", "[EMAIL_1]"},
		{"English house number with a letter", "we live at 221B Baker Street, London", "we live at [ADRESSE_1]"},
	}
	checkRedactions(t, tests)
}
