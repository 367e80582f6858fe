package triage

// Understated dangers (session 19, read on the honest rounds' tuning
// halves, where the lexicon alone missed them and the classifier alone
// caught them): people who say the danger calmly, in passing, or as a
// chore. Each family is read as every cue is (negation, the past, topics,
// jokes), most with a second cue in the sentence.

// carerGone is the carer of a dependent person gone or stopped (« l'aide
// à domicile ne passe plus depuis dix jours », « ma mère qui s'occupe de
// lui a été hospitalisée hier », « personne ne m'a levé depuis lundi »,
// « je suis resté dans le fauteuil, j'ai dormi dedans », « je vais lui
// laisser des sandwichs et fermer à clé »): a distress of an old or
// dependent person (distressOfOld). An aid that stops on Saturdays only
// is no distress: the stop must have lasted (« depuis »).
const carerGone = ` (?:aide a domicile|aide-menagere|auxiliaire de vie|aide-soignante?|infirmiere)(?: [a-z']+){0,3} (?:ne (?:passe|vient) plus|n' est plus venue?|a arrete de (?:venir|passer)) depuis` +
	`| depuis (?:[a-z0-9']+ ){1,4}(?:le |la |l' )?(?:service d' aide a domicile|aide a domicile|auxiliaire de vie|aide-menagere) (?:a|ont) arrete de (?:venir|passer)` +
	`| personne ne (?:m' a|l' a|nous a|les a) (?:leve|levee|lave|lavee|change|changee|couche|couchee)` +
	`| (?:a|ont) cesse d' intervenir| (?:passe|passee) la nuit (?:au sol|par terre)| (?:n' arrivait|n' arrive|ne pouvait|ne peut) (?:pas|plus) (?:a )?se relever` +
	`| (?:dormi|dors|dort|suis reste|est reste|est restee|suis restee) dans (?:le|son|mon) fauteuil| dormi dedans` +
	`| qui s' ?occupe (?:de lui|d' elle|de (?:mon|ma|son|sa) (?:pere|mere|frere|soeur|fils|fille))(?: [a-z0-9/']+){0,5} (?:a ete |est )?hospitalisee?` +
	`| (?:laisser|laisse)(?: [a-z']+){0,4} et (?:fermer|ferme) a cle| sortie? (?:deux|trois|plusieurs|[2-9]) fois la nuit`

// streetFear is a fear of ending on the street (« j'ai peur de me
// retrouver à la rue avec ma fille »): the housing rules that read « à la
// rue » as now leave it to the fear's own rules, which read its time. A
// fear of being merely outside (« peur d'être dehors ») is one of the
// street only beside a home (streetFearOutside, homeWord): « peur d'être
// dehors trop tard ce soir » is a late evening.
const streetFear = `|` + streetFearHome + `|` + streetFearOutside

// streetFearOf is the fear, or the risk, that opens a streetFear.
const streetFearOf = ` (?:peur|crains|crainte|angoisse|risque|risquons|risquent) (?:de |d' )(?:me |nous |se |la |le |les )?`

// streetFearHome is a streetFear that needs no home beside it: the
// street, no roof, or ending outside.
const streetFearHome = streetFearOf + `(?:(?:retrouver|finir|terminer) (?:a la rue|dehors|sans (?:logement|toit|abri))|etre (?:a la rue|sans (?:logement|toit|abri)))`

// streetFearOutside is the fear of being outside, a fear of the street
// beside a home word (homeWord).
const streetFearOutside = streetFearOf + `etre dehors`

// homeWord is a home, its loss or its landlord.
const homeWord = ` logement| appart| maison| chez (?:moi|nous)| expuls| bail | proprio| proprietaire| bailleur| loyer| heberg| 115 | foyer| hotel| huissier| quitter| partir| toit`

// tapFigure is a tap that is no blow: on the shoulder, a kiss, a text
// typed (« ma fille m'a tapé la lettre à l'ordinateur »), the nerves got
// on (« m'a tapé sur les nerfs »), money borrowed (« m'a tapé 50 euros »).
const tapFigure = ` tapee? (?:sur l' epaule|sur les nerfs|sur le systeme|(?:de )?[0-9]+ ?(?:euros?|eur|balles)|dans le dos|dans la main|la bise|(?:mon|ma|mes|le|la|les|l' ?|un|une|des|ce|cette|son|sa|ses) ?(?:lettre|courrier|texte|message|mail|cv|dossier|code|numero|mot de passe|document|formulaire|attestation|demande|recours))`

// runaway is a minor gone from home, or with an adult (« elle dort chez
// un mec de 29 ans », « repartie avec un « copain » majeur », « n'est
// pas revenue », « téléphone éteint depuis hier »).
const runaway = ` fugu| (?:dort|dormi|vit|reste|partie?|repartie?|est) (?:chez|avec) (?:un|une) (?:homme|mec|gars|type|adulte|copain majeur|pote)` +
	`| (?:homme|mec|gars|type|copain|pote|garcon)s? (?:de (?:2[0-9]|[3-9][0-9]) ans|d' une (?:vingtaine|trentaine|quarantaine) d' annees|majeurs?)` +
	`| ne rentre plus (?:a la maison|chez|depuis)| n' est pas (?:rentree?|revenue?)| (?:telephone|portable) (?:est )?eteint depuis` +
	// In Spanish or Portuguese (since session 22).
	`| no (?:ha vuelto|volvio|regreso) a casa| nao (?:voltou|regressou) (?:para|a) casa| (?:hombre|homem) de (?:2[0-9]|[3-9][0-9]) anos`

// minorNamed is a child named by an age under 18 or as a young sibling.
const minorNamed = ` (?:[1-9]|1[0-7]) ?(?:ans|an|anos) | petite soeur| petit frere| mineure?s? | collegienne?| lyceenne?`

// pregnancyHurts is a pregnancy that bleeds or hurts, in Spanish,
// Portuguese or English.
const pregnancyHurts = ` sangrado| sangra | sangue| sangramento| bleeding| dolor fuerte| dores? fortes?| severe pain| mucho dolor`

// workMeals are meals skipped for work (« je saute des repas au
// travail »): no privation.
const workMeals = ` (?:saute|sauter|sautee) (?:des|les|mes|le|un) (?:repas|dejeuners?|diners?)(?: [a-z']+){0,2} (?:au|a cause du|avec le|pour le|pendant le) (?:travail|boulot|bureau)`

// farewellSilence is someone gone silent after a farewell: no answer, a
// telephone off, no news.
const farewellSilence = ` (?:ne|n' ) ?(?:repond|decroche|donne) (?:plus|pas)| injoignable| (?:telephone|portable) (?:est )?(?:eteint|coupe)| (?:aucune|pas de|plus de) nouvelles?| personne ne (?:l' |la |le )?a (?:vu|revu)| (?:a|ont) disparu`

// meansAtHand is a means of ending one's life said to be at hand: a
// gun, a rope, pills hoarded (« il a mis de côté tous ses cachets »,
// « assez de somnifères »); not drugs one cannot pay for (« je n'arrive
// plus à payer les médicaments »; session 22's review).
const meansAtHand = ` (?:fusil|carabine|arme)s? | (?:la|une) corde|` +
	` (?:mis de cote|garde|gardes|stocke|stockes|accumule|accumules|compte|comptes|rassemble|amasse|cache)(?: tous| toutes)? (?:ses|mes|les|des) (?:boites de )?` + pills +
	`| ` + pills + `(?: [a-z']+){0,3} (?:de cote|en reserve|(?:que )?(?:j' ai|il a|elle a) (?:gardes|garde|comptes|mis de cote|stockes|caches))` +
	`| assez de ` + pills + `| toutes? (?:ses|mes|les) boites de ` + pills

// pills are drugs one may hoard.
const pills = `(?:cachets|medicaments|somniferes|comprimes)`

// familyMember is one of the writer's family or close ones, after
// « ma », « mon » or « mes » (« j'ai écrit à ma mère »).
const familyMember = `(?:mere|pere|parents|maman|papa|enfants?|fille|fils|filles|soeur|soeurs|frere|freres|femme|mari|epouse|epoux|compagne?|conjointe?|famille|proches|petits?-enfants|petite?-fille|petit-fils|grand-mere|grand-pere|grands-parents|tante|oncle|cousine?|meilleure? ami(?:e)?|amis|copine|copain|niece|neveu|bebe)`

// countdown is a writer counting the days left (« si je compte bien, ça
// se termine vendredi », « il ne reste que deux jours », since session 22
// with a word between: « il reste donc 3 jours »).
const countdown = ` il (?:ne )?(?:me|nous|lui) reste (?:donc )?(?:plus que |que )?moins d' une semaine| si je compte bien| si j' ai bien compte| d' apres mes calculs| il (?:ne )?(?:me|nous|lui) reste (?:plus que )?jusqu' (?:a|au) | (?:il )?(?:ne )?(?:me |nous |lui )?(?:reste|restent) (?:plus )?(?:que |qu' )(?:[1-9]|un|une|deux|trois|quatre|cinq) jours?| il (?:me|nous|lui) reste (?:[1-9]|deux|trois|quatre|cinq) jours| il (?:ne )?(?:me |nous |lui )?reste (?:donc|alors|encore) (?:plus )?(?:que |qu' )?(?:[1-9]|un|une|deux|trois|quatre|cinq|six|sept) jours?| (?:ca|cela|le delai|il|le recours|la date limite) (?:se termine|finit|se finit|expire|prend fin|tombe) `

// understatedRules are the understated dangers' rules.
var understatedRules = []rule{
	// Farewells said calmly: the others better off, belongings given,
	// no interest left, the means at home (« tout le monde serait plus
	// tranquille si je disparaissais », « j'ai commencé à donner mes
	// affaires », « d'ici la semaine prochaine ça me concernera plus »).
	{code: CodeSuicide, cue: re(` (?:serai(?:t|ent)?|irai(?:t|ent)?) (?:tous )?(?:plus |bien plus |beaucoup plus )?(?:tranquilles?|soulagee?s?|heureu(?:x|se|ses)|libres?|mieux|en paix)(?: [a-z']+){0,3} si je (?:disparaissais|n' etais plus la|mourais|n' existais plus)` +
		`| (?:commence|commencee) a donner (?:toutes )?mes affaires| (?:ca )?me concernera (?:plus|pu) (?:trop|du tout|vraiment|beaucoup|$)`),
		except: re(` demenag| emmaus| vide-grenier| retraite| l' an prochain| l' annee prochaine| majeure?| diplome`)},
	{code: CodeSuicide, cue: re(` n' en vois plus (?:trop |vraiment |bien |du tout )?l' interet| (?:sais pas|sais plus|demande) si je (?:vais )?(?:tiendrai|tenir) (?:encore )?(?:longtemps|le coup)`),
		with:   re(` tiendrai| tenir| a quoi bon| plus la force| envie de rien| vivre`),
		except: re(` (?:poste|travail|boulot|job|emploi|contrat|formation|etudes|abonnement|compte|mutuelle|assurance|voiture|chaudiere) `)},
	{code: CodeSuicide, cue: re(` (?:tout )?ce qu' il faut (?:a la maison|chez moi|chez lui|chez elle|sous la main) pour (?:regler (?:le|mon|son) probleme|en finir|que tout s' arrete)`),
		with:   re(` si (?:ca|cela|c' est) (?:ne )?(?:passe|marche)| medicaments| cachets| plus la force| cette fois| definitivement| une bonne fois`),
		except: re(` probleme (?:de|du|des|d' )`)},
	// A dependent's carer gone (carerGone) told before the dependent is
	// named: the relative rules read it after.
	// A farewell told to others, then silence (« un message "vous allez
	// me manquer", il a rendu ses clés et il ne répond plus »; since
	// session 22): the silence in the farewell's sentence or up to two
	// after, not a retirement's or a move's goodbye.
	{code: CodeSuicide, cue: re(` (?:vous allez|tu vas|vous allez tous|vous allez toutes) me manquer| comme si c' etait la derniere fois`),
		with: re(farewellSilence), reach: 2, farWith: re(farewellSilence),
		except: re(` retraite| pot de depart| demenag| mutation| mutee?| demission| fin de (?:son |mon |sa |ma )?contrat| nouveau poste| erasmus| expatri| part (?:vivre|travailler|etudier)| vacances| voyage`)},
	// Blows told with a verb of giving (« il m'a mis un coup de tête »,
	// « m'a collé une droite ») and bones broken by someone (« il m'a
	// cassé le poignet »; since session 22): not a hand lent, nor a fall.
	{code: CodeViolence, cue: re(` m' (?:a|ont|avait) (?:mis|donne|colle|file|envoye|assene|porte)(?: [a-z]+){0,1} (?:un|une|des|deux|plusieurs) (?:droites?|coups? (?:de (?:poing|pied|pieds|tete|boule|coude|genou|ceinture|couteau|batte|baton|casque)|au visage|dans le ventre|a la tete|dans la figure))` +
		`| (?:il|elle|ils|mon mari|mon ex|mon conjoint|mon compagnon|mon pere|mon fils|mon patron|son cousin|le gars|le voisin) (?:m' |lui |nous )(?:a|ont|avait) casse (?:le|la|les|mon|ma|mes|son|sa|ses) (?:poignets?|bras|nez|cotes?|doigts?|machoire|dents?|jambes?|epaule|pommette|clavicule)`),
		except: re(` (?:chute|accident|tombee?|glisse|verglas|velo|ski|match|foot|rugby|entrainement|boxe)`)},
	// « Patates » and « beignes » are blows only with a blow's context
	// (« il m'a mis une patate dans la figure, j'ai le nez en sang »):
	// « l'association m'a donné des patates et du riz » is food (session
	// 22's review).
	{code: CodeViolence, cue: re(` m' (?:a|ont|avait) (?:mis|donne|colle|file|envoye|assene|porte)(?: [a-z]+){0,1} (?:une|des|deux|plusieurs) (?:patates?|beignes?)`),
		with:   re(` (?:dans|en pleine|sur) (?:la |le |l' )?(?:figure|gueule|tronche|face|tete|visage|nez|bouche|machoire|ventre|oeil)| au visage| en sang| saign| bleus?| hematome| frapp| cogn| violent| dispute| enerve| colere| bourre| ivre| saoul| peur| plainte| police| urgences| (?:suis|etais|je suis) tombee?`),
		except: re(` (?:chute|accident|glisse|verglas|velo|ski|match|foot|rugby|entrainement|boxe)| association| restos? du coeur| banque alimentaire| colis| epicerie| riz| soupe| legumes| kilos?| sac de`)},
	// A farewell told as chores ended (« j'ai déjà rendu les clés de ma
	// chambre et donné mon ordi à mon coloc, j'ai plus besoin de grand
	// chose »; since session 22): belongings given away, nothing left to
	// need; not a move nor a departure abroad.
	{code: CodeSuicide, cue: re(` (?:donne|distribue|legue|offert)(?: [a-z']+){0,2} (?:mon|ma|mes) (?:ordi|ordinateur|affaires|vetements|livres|console|velo|guitare|telephone|bijoux|chat|chien|meubles|plantes)`),
		with: re(` plus besoin de (?:grand chose|rien|tout ca|ca|mes affaires)| (?:pas|plus) laisser de dettes| tout soit (?:propre|en ordre|regle|range)| pour apres | apres moi`),
		// « Pour après » a word, not « pour après-demain »; nor a thing
		// given to be mended (session 22's review).
		except: re(` demenag| erasmus| expatri| (?:pars|part|partons) (?:en|au|aux|a|vivre|travailler|etudier)| retour (?:au pays|chez)| nouveau logement| stage| vide-grenier| emmaus| leboncoin| vinted| a reparer| en reparation| reparateur| sav `)},
	// A decision taken and the keys given back (« j'ai pris ma décision,
	// j'ai écrit à ma mère hier soir et j'ai rendu les clés de ma
	// chambre »), a file the agents will not handle long (« vous n'aurez
	// plus à gérer mon dossier très longtemps »; since session 22); not a
	// move. The decision needs a second cue (it was its own until
	// session 22's review: « j'ai pris ma décision, je vais faire un
	// recours »), a letter one to the family, not to an adviser.
	{code: CodeSuicide, cue: re(` (?:j' ai|ai) (?:deja )?rendu (?:les|mes) cles| (?:j' ai|ai) pris ma decision`),
		with:   re(` (?:ecrit|laisse)(?: une lettre| un mot)? a (?:ma|mon|mes) ` + familyMember + `| plus besoin de (?:grand chose|rien)| tout soit (?:propre|en ordre|regle)| plus (?:a )?(?:gerer|traiter) mon dossier`),
		except: re(` demenag| erasmus| etat des lieux| nouveau logement| nouvel appartement| preavis| caution| depot de garantie| (?:pars|part|partons) (?:en|au|aux|vivre|travailler|etudier)`)},
	{code: CodeSuicide, cue: re(` (?:n' aurez|n' aurai|aurez) plus (?:a )?(?:gerer|traiter|vous occuper de|suivre) mon dossier (?:tres |bien )?longtemps`)},
	// A parent afraid of what she might do (« je suis sortie sur le
	// balcon et j'ai eu peur de ce que j'allais faire »; since session
	// 22), beside a place, a baby or exhaustion.
	{code: CodeSuicide, cue: re(` peur de ce que (?:j' allais|je pourrais|je vais|je risque de|j' aurais pu) faire`),
		with: re(` balcon| fenetre| pont| bebe| (?:lui|le|la|me) faire| ne dors plus| plus la force| pleur| (?:pas|plus) (?:faite?|capable)`)},
	// A debt settled by one's death (« d'ici la fin du mois le problème
	// sera réglé, l'assurance-vie couvrira tout »), the means named up to
	// two sentences after (« il a toujours le fusil de son père à la
	// grange »; since session 22).
	{code: CodeSuicide, cue: re(` (?:l' )?assurance[- ]vie (?:couvrira|paiera|payera|remboursera|reglera|soldera)| (?:n' aura|n' auront|n' aurez|n' aurait) plus (?:de|aucune) dettes?`),
		with: re(meansAtHand), reach: 2, farWith: re(meansAtHand)},
	// A countdown to a legal time limit named up to two sentences
	// before (« faire un recours dans les deux mois. Si je compte bien,
	// ça se termine vendredi »).
	{code: CodeLegalDeadline, cue: re(` delai| recours| faire appel| interjeter appel| contester| contestation| opposition| observations| commission| tribunal| saisir| refus`),
		with: re(countdown), reach: 2, farWith: re(countdown), when: deadline,
		except: re(` conges| vacances| rtt| de stage| d' essai| de formation| soldes| inscriptions| promo`)},
	// Told to leave a shelter or a host's home, the keys to give back, the
	// police to come (« le monsieur de l'hôtel a dit que demain à midi on
	// doit partir », « hébergée chez une cousine qui lui a dit de partir ce
	// soir »): imminent, or weeks away. Not a move chosen, nor a
	// hypothetical (« je dois partir si je prends un chien, c'est légal ? »).
	{code: CodeHousingLoss, cue: re(` (?:m' a|lui a|nous a|leur a|m' ont|nous ont|lui ont|leur ont) (?:dit|demande|ordonne) de (?:partir|quitter|degager|sortir)| (?:doit|dois|devons|doivent|on doit|faut) (?:partir|quitter les lieux|avoir rendu les cles|rendre les cles|liberer (?:la chambre|le logement|l' appartement))| (?:viennent|viendront|vient|viendra|revient|reviennent|reviendront|repasse|repassera)(?: [a-z']+){0,3} avec la police| concours de la force publique`),
		with:   re(` hotel| 115| hebergee?s?| chez (?:une|un|ma|mon|sa|son) (?:cousine?|amie?|tante|oncle|soeur|frere|copine?|copain)| prise en charge| huissier| commissaire de justice| prefet| expuls| bailleur| proprio| proprietaire| logeur`),
		except: re(` (?:partir|quitter|sortir|cles) si (?:je|j' |on|nous|tu|vous|il|elle)| (?:chien|chat|animal|animaux)| (?:est-ce|c' est) legal| a-t-(?:il|elle) le droit| etat des lieux| demenag| preavis| mutation| nouveau logement| nouvel appartement| (?:mon|notre) conge| vacances| voyage| stage| caution| depot de garantie| check-out`),
		when:   imminent, later: CodeHousingRisk},
	// The fear of ending on the street (streetFear): imminent, or weeks
	// away (« j'ai 2 mois pour régler… j'ai peur de me retrouver à la
	// rue »).
	{code: CodeHousingLoss, cue: re(streetFearHome), when: imminent, later: CodeHousingRisk},
	{code: CodeHousingLoss, cue: re(streetFearOutside), with: re(homeWord), when: imminent, later: CodeHousingRisk},
	// A supplier who cuts, told without an article (« ils coupe
	// electricite jeudi »).
	{code: CodeEnergyCut, cue: re(` (?:ils?|on|edf|engie|enedis|fournisseur) (?:va |vont )?coupe(?:nt|r)? (?:l' |le |la )?(?:electricite|courant|gaz|eau|lumiere) `),
		except: re(` travaux| maintenance| panne| canalisation| reseau`), when: imminent, later: CodeEnergyRisk},
	// A blow told with a word between (« mon beau-père m'a encore tapé
	// hier soir »), not a tap on the shoulder nor a text typed.
	{code: CodeViolence, cue: re(` m(?:' | )(?:a|ont|avait) (?:encore |deja |de nouveau |encore une fois |une nouvelle fois |aussi |souvent )?tapee? `),
		others: re(tapFigure)},
	// A mother's partner who touches her daughter at night, told of a
	// child named in another sentence.
	{code: CodeChild, cue: re(` (?:compagnon|copain|conjoint|mari|ami) de (?:sa|ma|leur) mere| (?:compagne|copine|conjointe|femme) de (?:son|mon|leur) pere| beau-pere| beau pere`),
		with: re(` (?:la|le|les) touche | vient dans (?:sa|leur) chambre la nuit| attouchements?| (?:la|le) force a`), harm: true},
	// Spanish: someone who hits a third person, the marks seen.
	{code: CodeViolence, cue: re(` le pega a | le pegan a | le golpea| marcas moradas| moretones`)},
	// A minor gone from home or with an adult (runaway), the minor
	// named up to three sentences before.
	{code: CodeChild, cue: re(minorNamed), with: re(runaway), harm: true, reach: 3, farWith: re(runaway),
		except: re(` (?:a partir de|quel) age| peut-(?:il|elle) (?:rester|dormir|partir)| a-t-(?:il|elle) le droit` +
			// A stay planned, or a telephone broken (since session 19's review).
			`| vacances| colonie| stage| sejour| voyage| casse| batterie| revient le | rentre le [0-9]`)},
	// Belongings or a pet given away, with a farewell (« j'ai donné mes
	// affaires à mon coloc, je n'en aurai plus besoin », « il a confié son
	// chat à la voisine… bientôt vous aurez plus à gérer mon dossier »),
	// not a move nor a gift to a charity.
	{code: CodeSuicide, cue: re(` (?:donne|donner|confie|confier|rendu|laisse) (?:toutes )?(?:mes|ses|son|sa|mon|ma) (?:affaires|moto|voiture|chien|chat|animaux|bijoux|vetements)`),
		with:   re(` (?:n' en |en )?aurai (?:plus|pu) besoin| au revoir| adieu| fermer mon dossier| plus a gerer| ne (?:me |le )?(?:reverr|reverra)| bientot (?:vous|tu|on|ou) `),
		except: re(` demenag| retraite| emmaus| association| vend| vacances| voyage| hopital pour`)},
	// A bridge or the tracks with a doubt of going home, or the file
	// settled by them (« le pont de la Mulatière c'est pas loin, ça
	// réglera le dossier »).
	{code: CodeSuicide, cue: re(` pont | canal | voie ferree| rails | quai `),
		with:   re(` (?:sais pas|sais plus|sait pas) si (?:je )?vais rentrer(?: chez moi)?(?: |$)(?:[^a]|$)| ca reglera (?:le|mon|tous|tout)| on ne (?:me|le) reverra`),
		except: re(` rentrer (?:a temps|a l' heure|avant|pour|ce soir en)| embouteill| bouchon| travaux| greve`)},
	// Touched where one must not, forced (« la touche « là où il ne faut
	// pas » », « mon tuteur m'a forcée, je n'arrive pas à écrire le
	// mot »), not forced to sign.
	{code: CodeViolence, cue: re(` (?:me|la|le|les|lui) touch(?:e|ait|ent) la ou il (?:ne )?faut pas| m' (?:a|ont|avait) forcee? (?:je |j' |et |$)`)},
	// Meals skipped at home (« l'enfant aurait dit « on mange pas le
	// soir » »), not a fast nor a custom.
	{code: CodeFood, cue: re(` (?:on|nous) (?:ne )?(?:mange|mangeons) (?:pas|plus|rien) (?:le soir|le midi|depuis|tous les jours|a (?:notre|sa) faim)`),
		except: re(` ramadan| jeune | careme| regime| avant [0-9]| a table| devant la tele`)},
	// Nothing to give the children to eat, the writer's meals skipped
	// (« ce soir j'ai rien à donner à manger à mon fils », « j'ai sauté
	// mes repas depuis lundi »).
	{code: CodeFood, cue: re(` rien a (?:leur |lui )?donner a manger| (?:saute|sautee|sauter) (?:mes|ses|nos|les|des) repas`),
		except: re(` ramadan| jeune | careme| regime`), others: re(workMeals)},
	// Spanish, Portuguese, English: a pregnancy that bleeds or hurts.
	{code: CodeHealth, cue: re(` embarazada| gravida| pregnant`), with: re(pregnancyHurts), reach: 2, farWith: re(pregnancyHurts)},
	// Care that ran out with no right to more (« les medicament fini
	// depuis samedi parce que la AME elle est plus valable »), or that
	// lasts only tonight (« insuline plus que pour ce soir »).
	{code: CodeHealth, cue: re(` (?:medicaments?|traitement|insuline|medocs|cachets)(?: [a-z]+){0,2} (?:fini|finis|finie|termine|terminee?s?|epuisee?s?) depuis`),
		with: re(` pas de (?:droits|argent|ordonnance|ame|css|secu|mutuelle)| plus valable| (?:veut|veulent) (?:etre )?paye| refuse| crise| convuls| epilep| diabet| insuline| pharmacie`)},
	{code: CodeHealth, cue: re(` (?:medicaments?|traitement|insuline|comprimes|cachets|stylos?)(?: [a-z']+){0,5} (?:finissent|finit|se terminent|se termine|s' arretent) (?:ce soir|demain|aujourd' hui|cette nuit)`),
		except: re(` toux| rhume| antibio| vitamines| gouttes| cure `)},
	{code: CodeHealth, cue: re(` (?:plus|reste|restent) que pour (?:ce soir|aujourd' hui|demain|cette nuit)`),
		with: re(` insuline| traitement| medicaments?| stylos?| oxygene| dialyse`)},
}
