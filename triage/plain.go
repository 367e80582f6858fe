package triage

import "slices"

// plainRules are cues said in the plainest words (a suicide attempt noted
// « TS » is read « une tous »: shorthand spells « ts » out as « tous »), which the lexicon's
// longer phrasings missed (a black-box test of session 13): « je ne veux
// plus vivre », « je préfère mourir », « la vie n'a plus aucun sens »,
// « je me suis ouvert les veines », « j'ai été violée hier soir ».
// Negation, the past, topics and jokes read them as they read every cue.
var plainRules = []rule{
	{code: CodeSuicide, cue: re(` (?:pense|pensais|pensait|songe|songeais|songeait|envisage|envisageais|envisageait) (?:tous les jours |souvent |serieusement |de plus en plus )?(?:au|a un|a me|a se|le) suicid| suicide (?:est|serait|comme) (?:ma|la|une|sa) (?:seule |derniere )?(?:option|solution|issue|sortie)| (?:fait|faite|refait) une (?:ts|tous) (?:hier|avant-hier|ce matin|cette nuit|cette semaine|ce week-end|la semaine derniere|le mois dernier|il y a (?:[0-9]+|deux|trois|quatre|cinq|quelques) (?:jours|semaines))| (?:veux|veut|voulais|voudrais) (?:plus|pu|pus) exister| a quoi bon (?:continuer a )?vivre| (?:veux|veut|voulais|voudrais|ai|a) (?:plus|pas) (?:envie de )?vivre| (?:veux|veut|voulais) (?:pu|pus) vivre| en (?:peux|peut|pouvais) plus de (?:vivre|cette vie|la vie)| (?:prefere|preferais|prefererais|aimerais mieux|plutot) (?:encore )?mourir| mourir (?:c' est|ce serait|serait) (?:mieux|plus simple|la solution)| mieux vaut mourir| (?:veux|voudrais|aimerais|souhaite) (?:ne )?(?:plus|pas) me reveiller| (?:m' |me )?endormir (?:et|pour) ne (?:jamais|plus|pas) me reveiller| disparaitre (?:pour toujours|a jamais|de ce monde|de la surface de la terre)| (?:vie|existence) (?:n' a|a) (?:plus|pas|aucun) (?:aucun |de )?sens| (?:vie|existence) n' a (?:plus )?aucun sens| (?:ouvert|ouverte|ouvrir|taillade|tailladee|taillader|coupe|coupee|couper) les (?:veines|poignets)`),
		except: re(` prevention du suicide`),
		// « je ne veux plus vivre dans ce logement », « mon fils ne veut
		// plus vivre chez son père »: a place or a company to leave.
		others: re(deathFigure + `| (?:veux|veut|voulais|voudrais|ai|a) (?:plus|pas) (?:envie de )?vivre (?:dans|ici|chez|avec|comme|en|a|au|aux|aupres|sous|sur|la-bas|seule?|pres|loin|sans)`)},
	{code: CodeViolence, cue: re(` (?:me suis|me fais|me fait|m' etais|s' est|se fait|se sont|s' etait) fait(?:e|es|s)? (?:violer|frapper|tabasser|battre|agresser|etrangler|cogner|taper dessus)| victimes? de vif | violences? intrafamiliales?| (?:me|se|te) (?:fais|fait|font) (?:violer|frapper|tabasser|battre|agresser|etrangler|cogner)| (?:menac[a-z]* (?:de (?:venir|revenir|passer) )?|(?:venu|venue|revenu|revenue|debarque|debarquee|rentre|rentree) )avec (?:un|une) (?:couteau|arme|fusil|pistolet|hache|machette) | armee? d' (?:un|une) (?:couteau|arme|fusil|pistolet|hache|machette) | (?:j' ai|j' avais|ma fille a|ma soeur a|ma mere a|mon fils a|elle a|il a) ete violee?s? | (?:il|ils|on|elle) m' (?:a|ont|avait) violee? | (?:victime d' (?:un )?|subi (?:un )?|porter plainte pour )viol | (?:i was|i have been|i got|she was) raped`),
		// « Ma fille se fait frapper à la porte par les démarcheurs ».
		others: re(either(knockFigure, chokeFigure))},
}

// plainNeeds are urgent needs as an agent notes them, in two or three
// words (« bébé sans lait », « plus de nourriture », « à la rue », « SDF,
// pas d'adresse postale »), and a relative's suicide, a bereavement.
// careSince is the time since care ran out: a count, yesterday, a day.
const careSince = ` (?:[0-9]+|une|un|deux|trois|quatre|cinq|six|huit|dix|quinze|hier|avant-hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce matin|plusieurs|quelques)`

var plainNeeds = []rule{
	{code: CodeFood, others: re(workMeals), except: re(` rembours| lait infantile| prix du lait| collecte| association| benevole| faire un don| ramadan| jeune | careme| regime`), cue: re(` (?:bebe|nourrisson|enfants?|petits?) (?:sans|n' a plus de|n' ont plus de|a plus de|ont plus de) (?:lait|nourriture|couches et lait)| plus (?:de|aucune) nourriture| (?:plus|pas|rien) (?:rien )?a manger (?:depuis|ce soir|aujourd' hui|pour (?:ce soir|les enfants|demain))| ne mange(?:nt)? plus depuis` +
		// Told in passing (since session 14): « je saute le dîner, il ne
		// reste que du riz », « moi pas manger depuis 3 jour ».
		`| saute (?:le|les|un|des) (?:diner|dejeuner|souper|repas)| (?:il )?(?:ne )?reste (?:plus )?que (?:du riz|des pates|du pain|des biscottes|des cereales) | (?:pas|rien) manger depuis| (?:j' ai|on a|nous avons) (?:plus )?rien pour (?:la petite|le petit|le bebe|mon bebe)`)},
	{code: CodeHousingLoss, cue: re(` (?:suis|est|sommes|sont|se retrouve|se retrouvent|me retrouve|nous retrouvons|etre|mis|mise|mises|mis dehors) (?:a la rue|dehors avec|sans (?:abri|logement|toit))| sdf | sans domicile fixe|^ a la rue (?:depuis|avec|ce soir|cette nuit|demain|dans|et|sans|$)` +
		// « je vis dans ma voiture depuis un mois » (since session 14).
		`| (?:suis|sommes|est|sont|dormons|dors|dort) dans la rue (?:avec|depuis|ce soir|cette nuit)| (?:vis|vit|vivons|vivent|habite|habitons|habitent) (?:dans|sous) (?:ma|la|une|notre|sa|leur|mon|le|un) (?:voiture|tente|cave|squat|cage d' escalier|hall)`),
		// « ancien SDF, relogé depuis 2019 » (since session 14's notes).
		except: re(` (?:ancien|ancienne|anciens|anciennes) (?:sdf|sans domicile fixe)`), others: re(streetFear[1:] + `|` + cluelessFigure)},
	// « coupure électricité demain »: a cut named with its supply needs no
	// unpaid bill beside it.
	// Nor is a cut at a place of work or study (« Note: coupure de courant
	// au bureau, rappeler l'usager », since session 15).
	{code: CodeEnergyCut, cue: re(` coupure (?:de |d' )?(?:l' )?(?:electricite|courant|gaz|eau|chauffage) `),
		except: re(` travaux| maintenance| panne| canalisation| reseau| internet| (?:au|du) (?:bureau|guichet|travail|boulot)| (?:a|de) (?:la|l' ) ?(?:agence|permanence|mairie|ecole|fac|universite)`), others: benefitCut, when: imminent, later: CodeEnergyRisk},
	// A date to be gone by (since session 14): « le propriétaire nous a
	// donné jusqu'à samedi pour partir ».
	{code: CodeHousingLoss, cue: re(` (?:donne|laisse|accorde) (?:jusqu' (?:a|au)|[0-9]+ jours|huit jours|quinze jours|une semaine|deux semaines)(?: [a-z0-9]+){0,3} pour (?:partir|quitter|vider|sortir|deguerpir|degager)`),
		except: re(` (?:je|nous|on) (?:demenage|demenageons|pars|partons) | mon depart| notre depart| preavis| (?:j' ai|nous avons|on a) (?:donne|pose|envoye) (?:mon|notre) conge`),
		when:   imminent, later: CodeHousingRisk},
	// A landlord's order told in broken French (« proprio dit moi
	// partir lundi »).
	{code: CodeHousingLoss, cue: re(` (?:proprio|proprietaire|bailleur|logeur)(?: [a-z']+){0,4} (?:partir|sortir|degager|quitter|parte|partions|sorte|sortions) `),
		except: re(` (?:je|nous|on) (?:demenage|demenageons|pars|partons) | mon depart| notre depart| preavis| (?:j' ai|nous avons|on a) (?:donne|pose|envoye) (?:mon|notre) conge| (?:proprio|proprietaire|bailleur) (?:est|etait) (?:parti|sorti)| (?:chien|chat|animal|animaux)| (?:peut|pourrait|peuvent|pourraient|a le droit|ont le droit|droit de)`),
		when:   imminent, later: CodeHousingRisk},
	// Someone the writer fears who knows where the writer lives (« mon
	// ex est sorti de prison hier et il sait où j'habite »).
	{code: CodeViolence, cue: re(` sait ou (?:j' habite|je vis|on habite|nous habitons|je suis)| (?:connait|a trouve|a retrouve|a eu|a obtenu) (?:ma|mon|notre) (?:nouvelle |nouvel )?adresse`),
		with: re(` prison| ordonnance de protection| agresseur| (?:j' ai|on a|nous avons) (?:tres |vraiment )?peur| menace| violent`)},
	// Care that ran out (« pas médicament depuis une semaine »; since
	// session 22 a vital drug named with its owner: « il n'a plus son
	// anticoagulant depuis samedi »).
	{code: CodeHealth, cue: re(` (?:pas|plus|sans|ni) (?:de |d' )?(?:medicaments?|traitement|insuline|medocs) depuis` + careSince +
		`| (?:plus|pas|sans) (?:son|sa|ses|mon|ma|mes) (?:anticoagulants?|antiepileptiques?|insuline|ventoline|inhalateur) depuis` + careSince)},
	// Insulin or a treatment rationed (since session 15: « dit ne plus
	// s'injecter depuis 5 jours "pour faire durer" le dernier stylo »;
	// until then « insulino-dépendante » was read as « insulin »).
	{code: CodeHealth, cue: re(` (?:ne (?:plus|pas) |n' ose plus |plus |arrete de )(?:me |m' |s' |se |te |t' )injecter| pour faire durer (?:le|la|les|son|mon|ma|mes|ses|sa) (?:(?:dernier|derniere|derniers|dernieres) (?:stylos?|traitement|medicaments?|boites?|flacons?|cachets|comprimes|doses?)|stylos?|boites?|insuline|flacons?)`)},
	// A supply cut told in a few words (« l'électricité coupée hier »).
	{code: CodeEnergyCut, cue: re(` (?:electricite|gaz|courant|eau|chauffage|lumiere) coupee?s? (?:hier|depuis|ce matin|aujourd' hui|avant-hier|cette semaine)`),
		except: re(` travaux| maintenance| panne| canalisation| reseau| internet`), others: benefitCut},
	{code: CodeBereavement, cue: re(` s' est (?:suicidee?|donnee? la mort|pendue?)| (?:mort|morte|decede|decedee) par suicide| suicide de (?:mon|ma|notre|son|sa) (?:fils|fille|mari|femme|frere|soeur|pere|mere|epoux|epouse|compagnon|compagne)`)},
}

// allRules are every rule the lexicon reads: the French ones (rules), the
// other languages' (foreignRules, englishRules), the plain ones and advisers' notes
// (noteRules).
var allRules = slices.Concat(rules, foreignRules, englishRules, plainRules, plainNeeds, noteRules, understatedRules)
