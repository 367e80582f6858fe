package triage

// noteRules are urgent needs as a France services adviser notes them, in
// the third person and a telegraphic style (since session 14's black-box
// test): « usager veut en finir », « mamie seule, tombée, injoignable »,
// « M. 90a, seul, dément, errance », « Mr 84a isolé, tombé, au sol depuis
// hier soir », « ado 14 ans à la rue depuis hier ». Each pairs who is
// noted (an old or dependent person, a minor) with what is noted of
// them, in the same sentence; negation, the past, topics and jokes read
// them as they read every cue.
var noteRules = []rule{
	// Someone else's wish to end his life, told by the one who noted it
	// (« veut en finir », « parle d'en finir »); « en finir avec ce
	// dossier » is a file, not a life.
	{code: CodeSuicide, cue: re(` (?:veut |voulait |voudrait |souhaite |dit vouloir |parle d' |parlait d' |evoque l' idee d' |a envie d' )en finir`),
		others: re(endAFile)},
	// An old or dependent person who has fallen, cannot be reached or
	// wanders: « Mme X, 82 ans, seule, chutée, ne répond plus ».
	{code: CodeVulnerableAdult, cue: re(oldInNote), with: re(noteFall + noteLost), except: noteDistressElse, harm: true},
	// A fall, a night on the floor or no answer of someone old or alone.
	{code: CodeHealth, cue: re(noteFall), with: re(oldInNote + "|" + aloneInNote), except: noteDistressElse},
	// A minor on the street, alone, thrown out or run away: « ado 14 ans
	// à la rue depuis hier ».
	{code: CodeChild, cue: minorInNote, with: re(` a la rue| (?:mise?|jetee?|foutue?) dehors| dehors (?:depuis|la nuit|ce soir|cette nuit)| sans (?:abri|logement|toit|domicile)| mise? a la porte| chassee? (?:de chez|du domicile)| fugue| seule?s? (?:depuis|dehors|la nuit|a la rue|sans)| livree? a (?:lui|elle)-meme| mineure?s? (?:non accompagnee?s?|isolee?s?)| (?:dort|dormi|dormir) (?:dans la rue|dehors|a la gare|dans (?:un|le) parc|sous (?:le|un|les) ponts?)`),
		except: re(` (?:ancien|ancienne|anciens|autrefois) (?:sdf|a la rue)| reloge`), harm: true},
}

// endAFile is « en finir avec » a file, a procedure, a dispute: an end
// to a chore, not to a life.
const endAFile = ` en finir avec (?:ce|cette|ces|le|la|les|mon|ma|mes|son|sa|ses|l' |leur|leurs|votre|vos|notre|nos) (?:dossier|demarche|procedure|histoire|probleme|affaire|papiers|paperasse|litige|feuilleton|recours|impaye|dette|bail|voisin|proprio|proprietaire|caf|administration|situation administrative|contentieux|credit|pret|abonnement|contrat|banque|mutuelle|travaux|demande)`

// oldInNote names an old or dependent person as a note does: an age of
// 70 or more (« 82 ans », « 90a »), a grandparent, a dementia.
const oldInNote = ` (?:[7-9][0-9]|10[0-9]) ?(?:ans|a) | mamie| mamy| papi | papy| grand-mere| grand-pere| personne agee| vieille dame| vieux monsieur| dement| demence| alzheimer`

// aloneInNote is someone noted as living alone (« isolé », « vit
// seule », « seule, tombée »); « la seule question » is not.
const aloneInNote = ` (?:vit|vivant|est|reste|restee?|habite|habitant) seule? | isolee? | seule? (?:tombee?|chutee?|au sol|par terre|injoignable|ne repond)`

// noteFall is a fall, a night on the floor or no answer, as noted.
const noteFall = ` tombee?s? | chutee?s? | au sol | par terre | injoignables? | ne repond (?:plus|pas) | ne decroche (?:plus|pas) `

// noteLost is a mind lost, as noted: wandering, disoriented.
const noteLost = `| errance| errant | erre | desorientee?s? | perdue? dehors| fugue`

// noteDistressElse are the same words for no person's distress: a
// breakdown, a date that falls on a day, a grave, hair falling out, a
// fall already cared for (« hospitalisé après une chute »), a floor's
// heating, letters left unanswered, a service that cannot be
// reached.
var noteDistressElse = re(` (?:apres|suite a|suite|lors de|lors d') (?:une |sa |la |son )?chute | tombee?s? (?:en panne|malade|enceinte|amoureu|d' accord|a l' eau|bien|mal|pile|un |une |le |la |les |sur (?:un|une|le|la|les))| (?:la|une|sa|sur la) tombe | (?:date|echeance|ca|cela|paiement|versement|pension|jour|fete|rendez-vous|rdv) tombe| chutes? (?:de|des|du) (?:cheveux|neige|pluie|prix|tension|revenus|ventes|pierres)|` +
	` (?:chauffage|revetement|isolation|plancher|carrelage|dalle|panneaux|pose|peinture|tapis|surface|occupation) au sol| desorientee? (?:par|face|devant|avec) |` +
	` ne repond (?:plus|pas) (?:a|aux|au|a l' ) ?(?:courriers?|mails?|e-mails?|messages?|relances?|convocations?|lettres?|appels? de|questions?|criteres?|conditions?)|` +
	` (?:caf|cpam|carsat|msa|service|administration|banque|agence|conseiller|conseillere|avocat|notaire|mutuelle|plateforme|standard|ligne|numero|bailleur|proprietaire|employeur|site|page|appli|application|serveur|prefecture|mairie|impots|edf|operateur)(?: [a-z]+){0,2} (?:est |reste |toujours |completement )*(?:injoignable|ne repond (?:plus|pas)|ne decroche (?:plus|pas))`)

// minorInNote names a minor as a note does: « ado 14 ans », « mineure »,
// « fille de 15 ans ».
var minorInNote = re(` ados? | adolescente?s? | mineure?s? | mna | (?:fils|fille|enfant|garcon|gamin|gamine|jeune|petite?|ado) (?:de )?(?:[0-9]|1[0-7]) ?(?:ans|a) `)
