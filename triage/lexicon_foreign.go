package triage

// foreignRules are urgent cues in the languages people born abroad mix
// with French (Spanish, Portuguese, English, Romanian, Russian and
// Ukrainian, Turkish), on folded text, and a few attention cues in
// English: a message in another script is a language barrier, one in
// English or Spanish only beside another reason (message.latinForeign),
// and these say when it needs attention or is an emergency.
var foreignRules = []rule{
	{code: CodeSuicide, cue: re(` quitarme la vida| matarme| suicidarme| no quiero (?:seguir )?vivir| ganas de morir| quiero morir| acabar con todo| quero morrer| me matar| tirar a minha vida| nao quero mais viver| acabar com tudo| kill myself| take my (?:own )?life| end it all| no reason to live| better off without me| vreau sa mor| sa ma sinucid| покончить с собой| не хочу (?:больше )?жить| уйти навсегда| убить себя| покінчити з собою| не хочу жити| intihar| olmek istiyorum| (?:tonight|today) i will end it| i can' t do this anymore| quiero desaparecer| que todo se acabe| cansad[oa] de luchar| guardadas las pastillas| i cannot go on| no quiero seguir| لا أريد أن أعيش| أريد أن أموت| سأقتل نفسي| أنهي حياتي| ma b[q9]itch bagh?i n3ich| ma bghitch n3ich| (?:bghit|baghi) nmout| nsali m3a (?:had )?d[eu]n[iy]?a| melhor sem mim| (?:mejor|mejores) sin mi| sumir de vez| ja pensei (?:ate )?em como` +
		// Despair said softly (since session 14): « I don't really see
		// myself carrying on here without her », « soy una carga para ».
		`| (?:don' t|do not|can' t|cannot|can not) (?:really )?see myself (?:carrying on|going on|living on)| no (?:point|reason) (?:in )?(?:carrying on|going on)| (?:tired|sick) of living| (?:rather|prefer to) (?:be dead|not wake up (?:again|anymore|any more|ever|at all|$))| (?:sleep|go to sleep|fall asleep) and (?:not|never) wake up| better off if i (?:was|were|am) (?:gone|dead|not here)| (?:cutting|hurting|harming) myself| self-?harm(?:ing)? (?:again|since|every)| no vale la pena (?:vivir|seguir viviendo)| nao vale a pena (?:viver|continuar vivendo)| dormir y no despertar| dormir e nao acordar| (?:soy|sou) (?:una|uma) (?:carga|peso) para` +
		// « my family would be better off with the insurance money », « how
		// many of my pills it would take » (since session 20).
		`| (?:family|kids|children|wife|husband|they|everyone|everybody) (?:would be|are|will be) better off (?:with the insurance(?: money)?|without me|if i (?:died|was gone|were gone))| how many (?:of )?(?:my |these |the )?(?:pills|tablets|sleeping pills) it would take`),
		// Someone else's « vai me matar » is a threat (since session 22).
		others: re(` (?:vai|ia|quer|queria|ameacou|ameaca|tentou|va a|quiere|amenazo con) me matar`)},
	{code: CodeViolence, cue: re(` me pega | me pego | me golpea| me golpeo| me pegou| me bate | me bateu| me agrede| me agrediu| me amenaza| me ameaca| me ameacou| (?:con un cuchillo|com uma faca|with a knife)| violencia (?:domestica|de genero)| maltrat(?:a|o) | beat me| beats me| hit me| abuses me| threaten(?:ed|s|ing)? to (?:kill|hurt|beat|hit|stab) (?:me|us)| (?:said|says|told me) (?:he|she) (?:will|would|is going to|was going to) (?:kill|hurt|beat) (?:me|us)| ma bate| m-a batut| (?:m|l|ne|te)-a (?:batut|lovit)| (?:m|l|ne|te)-au (?:batut|lovit)| capul spart| бьет меня| бьёт меня| избивает| бил меня| б'є мене| beni dov| bana vurdu| beni dovdu| vuruyor| pasaportumu aldi| zorla evlendir| evlendirmek istiyor| меня бьёт| меня бьет| ударил (?:меня|головой)| (?:will|going to) kill (?:me|her|us|you)| took (?:her|my) (?:passport|papers)| يضربني| ضربني| زوجي يضرب| pushed me (?:against|into|down|to the)| (?:becomes|gets|got|became) (?:very |really )?violent| (?:la|me|lo|le|nos) empujo| moretones| hematomas`)},
	// A threat to kill told in Portuguese or Spanish by the one who
	// makes it (« disse que se eu for embora ele me mata », « dijo que si
	// me voy me va a matar »; since session 22): not a heat or a job
	// that « kills » (« este calor me mata »), nor one an article names
	// (« el calor me mata », « el dolor de espalda me mata »; session 22's
	// review): « él » folds to « el », so he is read only after « dijo
	// que », as any actor after « disse » or « dijo ».
	{code: CodeViolence, cue: re(` (?:ele|ella|disse|dijo|diz|dice|ameacou|ameaca|amenazo|amenaza|marido|companheiro|namorado|esposo|novio|pareja|ex)(?: [a-z-]+){0,8} (?:me mata|me matava|me mataria|me matara|vai me matar|me vai matar|ia me matar|me va a matar|me iba a matar|va a matarme|vai matar-me|mata-me|me matar)\b`)},
	{code: CodeViolence, cue: re(` tengo miedo| tenho medo| i am scared| i' m scared| я боюсь| мені страшно| mi-e frica| korkuyorum`),
		except: re(` (?:de|of) (?:perder|ser|llegar|chegar|fail|lose|miss)`)},
	{code: CodeHousingLoss, cue: re(` (?:dormimos|dormir|durmiendo|dormindo|dormi|dormiu|durmo|dormem|duermo|duermen|duerme|dorme) (?:en la|na|en el|no|num|numa|en un|en una) (?:calle|rua|estacion|estacao|coche|carro|parque)| en la calle| na rua| no (?:tenemos|tengo) (?:a )?(?:donde|adonde) (?:ir|dormir)| nao (?:temos|tenho) (?:para )?onde (?:ir|dormir)| sin techo| sem teto| on the street| sleeping (?:in|on) (?:my|the|a) (?:car|street|station)| no place to (?:sleep|stay)| ночуем| ночую| на улице| sokakta| in strada| slept (?:two|three|[0-9]+) nights| (?:slept|sleeping|sleep) (?:in|at) (?:the|a|my) (?:train )?(?:station|car|park|street)| no place (?:for us )?tonight| nowhere to sleep| ننام في| أنام في| أنام تحت| ننام تحت| لا يوجد مكان| sin (?:lugar|sitio) (?:donde|para) dormir| ma ?3andi(?:ch|sh)? fin (?:nemchi|nmchi|nbat|n3ich|nrgod)| (?:changed|has changed|change) the locks?| (?:mudou|trocou|mudaram|trocaram) (?:a|as) fechaduras?| (?:cambio|cambiaron|ha cambiado) (?:la|las) cerraduras?| locked (?:me|us) out| (?:we are|we' re|i am|i' m|we sleep|i sleep|we live|i live|we stay|i stay) in (?:my|our|the|a) car| (?:sleep|sleeping|slept|living|live) in the streets? | (?:sleep|sleeping|slept)(?: [a-z]+){0,4} (?:in|on) the streets? `)},
	// « the locks were changed and my suitcase was outside the door », « she
	// can't keep me after tonight » (since session 20).
	{code: CodeHousingLoss, cue: re(` (?:locks?) (?:were|was|have been|has been|had been) changed| changed the locks| (?:suitcase|bags|things|stuff|belongings) (?:was |were )?(?:outside|on the street|on the pavement)| (?:can' t|cannot|can not) (?:keep|host|put up|have) (?:me|us) (?:after|past|beyond) (?:tonight|today|tomorrow)| nowhere to (?:sleep|stay)`)},
	{code: CodeHousingLoss, cue: re(` desalojo| desalojad| desahucio| despejo| despejad| evacuad| kicked (?:us |me )?out| выселя| выгоняет| tahliye| (?:sacar|echar)(?:nos|me|los|las)? (?:del|de la|de mi|de nuestro|de nuestra) (?:apartamento|piso|casa|departamento|vivienda)`),
		when: imminent, later: CodeHousingRisk},
	// A landlord's order to leave, told in English (since session 14):
	// « my landlord sent me a letter saying I must leave the studio at the
	// end of next month », « I have nowhere else to go ».
	{code: CodeHousingLoss, cue: re(` (?:landlord|landlady|owner)(?: [a-z']+){0,10} (?:i|we) (?:must|have to|need to|should) (?:leave (?:the|my|our) (?:studio|flat|apartment|room|house|home|place)|leave (?:by|before|within|at the end)|vacate|move out (?:by|before|within|at the end)|get out)| (?:landlord|landlady|owner)(?: [a-z']+){0,6} (?:wants?|told|asked|ordered|asking|ordering) (?:me|us) to (?:leave (?:the|my|our) (?:studio|flat|apartment|room|house|home|place)|leave (?:by|before|within|at the end)|vacate|move out|get out)| evict(?:ed|ing|ion|s)? | nowhere else to (?:go|sleep|stay)`),
		when: imminent, later: CodeHousingRisk},
	// A sick person with no money for care, a move out within days, in
	// Spanish, Portuguese or English (since session 14).
	{code: CodeHealth, cue: re(` (?:fiebre|febre|fever)(?: [a-z]+){0,2} (?:alta|high|de 39|de 40|39|40)| (?:high|very high) fever`),
		with: re(` no (?:tenemos|tengo) (?:dinero|plata)| nao (?:temos|tenho) dinheiro| (?:can' t|cannot|can not) afford| no money`)},
	{code: CodeSuicide, cue: re(` (?:gave|giving|given) away (?:her|his|my|all (?:her|his|my)) (?:stuff|things|belongings|possessions)| (?:won' t|will not) be around (?:much longer|for long)`),
		except: re(` moving| move (?:to|abroad|back|out)| leaving (?:for|france)| emigrat| relocat| sold| selling`)},
	{code: CodeHousingLoss, cue: re(` (?:tengo|tenemos) que (?:salir|irme|irnos) (?:del|de la|de mi|de nuestro|de nuestra) (?:piso|apartamento|departamento|casa|habitacion)| (?:tenho|temos) que sair (?:do|da) (?:apartamento|casa|quarto)`),
		except: re(` me mudo| nos mudamos| mudanza| mudarme| mudarnos| mudar| mudanca`),
		when:   imminent, later: CodeHousingRisk},
	{code: CodeFood, cue: re(` no tenemos (?:nada )?(?:que|para) comer| nao temos (?:nada |o )?(?:que|para) comer| sin comida| sem comida| nao (?:temos|tenho|ha) (?:nada de )?comida| no (?:tenemos|tengo|hay) comida| nothing to eat| no food| hambre| passando fome| fome | нечего есть| голодн| nu avem ce manca| yiyecek yok| (?:have not|haven' t|has not|hasn' t|did not|didn' t) eat(?:en)? (?:anything|since|a (?:proper |real |decent |single )?meal|properly|(?:for|in) (?:two|three|four|five|several|[0-9]+) days)| nothing left to eat| nothing (?:left )?in the (?:fridge|cupboards?)| (?:fridge|cupboards?) (?:is |are )?(?:empty|bare)| (?:i|we) (?:did not|didn' t) eat(?: anything)? (?:$|yesterday|today|tonight|since|and|so|because)| eating (?:only|nothing but|just) (?:bread|rice|pasta|noodles)| ask(?:ed|s|ing)? (?:me|us)(?: [a-z]+){0,3} for (?:something to eat|food)| ليس عندي أكل| ما عندي أكل| لا يوجد أكل| no hemos comido| nao comemos` +
		// Since session 18: a meal missed for days, told in the first
		// person (« eu não como desde sexta », « no como desde el
		// martes »), the last of the food given (« dei o último pacote
		// de massa aos miúdos »), one food only and then none (« llevo
		// tres días comiendo solo arroz, y ya se acabó »).
		`| (?:nao|no) (?:como|comi|comemos|comeu|comio|he comido|hemos comido|tenho comido|temos comido)(?: nada)? (?:desde|ha [a-z0-9]+ dias|hace [a-z0-9]+ dias|hoje|hoy|ontem|ayer)| (?:dei|demos|di|dimos) (?:o|a|el|la) ultim[oa] (?:pacote|lata|pao|pan|paquete|comida|bocado)| (?:comiendo|comendo|como|comemos) (?:solo|so|solamente|somente|apenas) (?:arroz|pan|pao|pasta|massa|agua|galletas|bolachas)`)},
	{code: CodeHealth, cue: re(` insulina\b| инсулин| інсулін| dialisis| dialise| no puede respirar| nao consegue respirar| sangrando| hemorragia| desmay| desmai| convulsion| не может дышать| без лекарств| sin medicamentos| sem remedio| sem medicamentos| no medicine| insulin\b| no (?:more )?insulin(?: left)? (?:for|since|$|and|so|because|today|anymore|any more)| (?:ran|run|running) out of (?:(?:his|her|my|their) )?(?:insulin|medicine|medication|meds|treatment|pills)| (?:o )?remedio acabou| acabou o remedio| se acabo (?:el|la) (?:medicamento|medicina)| medicine (?:ran|has run) out| (?:hasn' t|has not|haven' t|have not|didn' t|did not) (?:taken|take|had) (?:his|her|my|their|any) (?:heart |blood pressure )?(?:medication|medicine|meds|treatment|insulin|pills)(?: [a-z]+){0,2} (?:for|since|in)| (?:is|are|keeps|kept|still|was) bleeding| bleeding (?:a lot|heavily|badly|again|since|everywhere)`)},
	// A complaint, a debt, a fraud and a failure repeated, told in
	// English (a complaint in Spanish too; since session 13: a message in English is no language
	// barrier by itself).
	{code: CodeComplaint, cue: re(` (?:make|file|lodge|submit|making|filing|lodging) a (?:formal |written |official )?complaint| (?:want|would like|wish) to complain| (?:formal|official) complaint| (?:presentar|poner|hacer) una (?:queja|reclamacion)| quejarme| falta de respeto| fazer uma reclamacao`)},
	{code: CodeDebt, cue: re(` (?:saying|says|claims?|claiming) (?:that )?(?:i|we) owe| wrongly paid| overpaid| overpayment`)},
	{code: CodeFraud, cue: re(` identity theft| stole my identity| (?:used|using) (?:a copy of )?my (?:passport|identity|identity card|name|bank card)| scammed`)},
	{code: CodeRepeatedFailure, cue: re(` for the (?:second|third|fourth|fifth|[2-9](?:nd|rd|th)) time| (?:three|four|five|several|[2-9]) (?:letters|reminders|e-?mails) from| still no (?:answer|reply|response|news)| never (?:received|got|had) (?:an |any )?(?:answer|reply|response)| no (?:answer|reply|response) (?:yet|so far|since|after)`)},
	{code: CodeLegalDeadline, cue: re(` (?:24|48|72) horas para| (?:8|ocho|15|quince) dias para (?:el|hacer el|presentar el) recurso| (?:[0-9]+|fifteen|eight) days to appeal| يوم للطعن| أيام للطعن`)},
	// The last day of an appeal said in Portuguese, Spanish or English
	// (since session 15: « tenho 2 meses para contestar… o último dia é
	// sexta-feira »).
	{code: CodeLegalDeadline, cue: re(` (?:o )?ultimo dia (?:e|sera) (?:hoje|amanha|(?:na |a )?(?:segunda|terca|quarta|quinta|sexta|sabado|domingo))| (?:el )?ultimo dia (?:es|sera) (?:hoy|manana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo))| (?:the )?(?:last day|deadline) is (?:today|tomorrow|(?:on |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))`),
		with: re(` contestar| recurso| recorrer| apelar| impugnar| appeal| recours| contester| contest | tribunal| juge| prazo| plazo`)},
	// An appeal or a hearing within days, told in English (since session
	// 16: « My court hearing is tomorrow and I have no lawyer »).
	{code: CodeLegalDeadline, cue: re(` (?:appeal|hearing|court date|in court|before the judge|deadline (?:to|for) (?:appeal|contest|respond|reply))`),
		with: re(` appeal| court| hearing| judge| tribunal| deadline| contest`), except: re(` hearing (?:aid|loss|impair|problem|test)| hard of hearing`), when: deadline},
	{code: CodeEnergyCut, cue: re(` (?:electricity|power|gas|gaz|water|heating) (?:will be|is going to be|is being) (?:suspended|cut|disconnected|shut off)| (?:will|going to) (?:suspend|disconnect|cut off|cut) (?:off )?(?:my|our|the) (?:electricity|power|gas|water)| (?:van|vont) (?:a )?cortar (?:la luz|el gas|el agua)| vao cortar (?:a luz|o gas|a agua)` +
		// « podem cortar a luz », « pueden cortar el gas » (since session 22).
		`| (?:podem|pode|pueden|puede|vai|va a) cortar (?:a luz|o gas|a agua|a eletricidade|la luz|el gas|el agua|la electricidad)`),
		except: re(` works| maintenance| repairs?| planned`), when: imminent, later: CodeEnergyRisk},
	// « a companhia da água cortou a água ontem » (Portuguese; since session 20).
	{code: CodeEnergyCut, cue: re(` cort(?:ou|aram) a (?:agua|luz|eletricidade|energia|gas)| (?:nao tenho|nao temos|estamos sem|estou sem|ficamos sem|fiquei sem) (?:agua|luz|eletricidade|gas)`)},
	{code: CodeEnergyCut, cue: re(` corto (?:la luz|el gas|el agua)| sin luz| no tenemos (?:ni )?(?:calefaccion|luz|agua caliente|gas|electricidad)(?: ni [a-z]+(?: [a-z]+)?)? (?:desde|hace|y (?:mi|tengo|hace))| nao temos (?:luz|gas|agua quente|aquecimento) (?:desde|ha |e (?:o|a|meu|minha|tenho))| no (?:heating|heat|electricity|power|gas|hot water|running water)(?: (?:and|or) no [a-z]+(?: [a-z]+)?)? (?:since|for (?:two|three|four|five|several|a|[0-9]+) (?:days|weeks|months)|at all)| without (?:heating|electricity|power|gas|water) (?:since|for)| (?:heating|electricity|power|gas|water) (?:is|has been|was) (?:off|cut) (?:since|for)| nos quitaron la luz| (?:electricity|power|gas|water|heating) (?:has been|was) (?:suspended|cut|disconnected|shut off)| elektriği kesti| elektrik kesildi| doğalgazı kesti| suyu kesti| cortaron la luz| nos cortaron| cortaram a luz| cut (?:off )?(?:the|our|my) (?:electricity|power|gas|water)| отключили (?:свет|газ|электричество)| قطعوا الكهرباء`),
		except: re(` works| maintenance| repairs?| planned| obras| mantenimiento| manutencao`)},
	{code: CodeChild, cue: re(` (?:my|her|his|our|the) (?:daughter|son|child|kid|girl|boy)| (?:mi|su|nuestro|nuestra|meu|minha|seu|sua|el|la|o|a|un|una|al|del|um|uma) (?:niño|niña|hijo|hija|filho|filha|menino|menina)`),
		with: re(` left (?:the house|home)| ran away| is missing| disappeared| cara hinchada| golpea| le pega| bate nele| bate nela| desaparec| sumiu`)},
	{code: CodeVulnerableAdult, cue: re(` (?:cannot|can' t|can not|must not) be left alone| wanders (?:off|away)`)},
	// Children left alone, told in English (since session 14): « my
	// neighbour's kids are alone in the flat since yesterday ».
	{code: CodeChild, cue: re(` (?:kids?|children|child|son|daughter|baby|boy|girl|year old|years old|little ones)`),
		with: re(` alone (?:at night|all night|overnight|(?:at home |in the (?:flat|apartment|house|home) (?:(?:upstairs|downstairs|next door|above|below) )?)?(?:since (?:yesterday|last night|this morning|[a-z]+day|two|three|[0-9]+)|for (?:two|three|several|[0-9]+) (?:days|nights)))| left alone at night| (?:mother|father|mum|mom|dad|parents?) (?:has|have) not come back| (?:mother|father|mum|mom|dad|parents?) (?:went|has gone) away and (?:didn' t|did not|hasn' t|has not|never) come back| (?:mother|father|mum|mom|dad|parents?) (?:hasn' t|haven' t) come back| (?:hasn' t|has not|didn' t|did not) (?:come|came) (?:back )?home (?:for|since|last night|yesterday)`), harm: true},
	// An old person living alone, told of in English, with a strong
	// distress in her sentence or up to three after (« My father, 86,
	// lives alone… she found him walking along the main road at night in
	// his pyjamas »), as distressOfOld in French (since session 13).
	{code: CodeVulnerableAdult, cue: re(` (?:[7-9][0-9]|10[0-9]) (?:and )?(?:lives|living|years? old|yo )|(?: is| aged|' s) (?:[7-9][0-9]|10[0-9]) | (?:lives|living) (?:alone|on (?:her|his) own|by (?:herself|himself))`),
		with: distressOfOldEnglish, harm: true, reach: 3, farWith: distressOfOldEnglish},
	{code: CodeVulnerableAdult, cue: re(` alzheimer| dementia`),
		with: re(` nobody else| no one else| alone (?:at home|in the house)| forgets the (?:cooker|stove|gas)| has fallen| fell (?:down|again)`)},
	{code: CodeVulnerableAdult, cue: re(` alzheimer| dementia| demencia| demência`),
		with: re(` nao voltou| não voltou| no ha vuelto| no volvio| desaparec| sumiu| is missing| has not come back| hasn' t come back| not come home` +
			// « he wandered off this morning and we can't find him » (since
			// session 20).
			`| wandered (?:off|away) (?:this|today|tonight|again|an hour|two hours|yesterday)| (?:can' t|cannot|can not) find (?:him|her)| (?:has )?gone missing (?:this|today|tonight|since)`)},
}

// distressOfOldEnglish is what puts an old person living alone in danger,
// told in English: out at night in pyjamas, the gas left on, unable to
// get up, sleeping in her armchair, a fall.
var distressOfOldEnglish = re(` (?:hasn' t|has not|hadn' t|had not) (?:answered|picked up) (?:her|his|the) (?:phone|door|calls)| (?:hasn' t|has not) been seen since| curtains (?:are |were )?(?:still )?(?:closed|drawn)| no news (?:from|of) (?:her|him)| in (?:his|her) (?:pyjamas|pajamas|nightgown|nightdress|nightie|slippers)| (?:gas|hob|cooker|stove)(?: [a-z]+){0,2} (?:was |is )?(?:lit|on) with nothing| left (?:the )?(?:gas|hob|cooker|stove) on| (?:barely|hardly) (?:been )?able to (?:get|stand|walk|move)| can(?:' t|not) get (?:up|out of)| sleeps in (?:her|his|the|an) (?:armchair|chair)| had a fall| has fallen| (?:he|she) fell (?:down|again|over|and|in the (?:kitchen|bathroom|garden|street|shower|stairs)|on the (?:floor|stairs))| nobody to (?:help|lift|get) (?:her|him)| not eating| stopped eating| (?:does not|doesn' t) recogni[sz]e|` +
	// A door not opened, a broken heating in the cold (since session 16:
	// « Today she didn't open the door when I knocked… no answer »).
	` (?:didn' t|did not|doesn' t|does not|won' t|will not) (?:open|answer) (?:the|her|his) (?:door|phone)| (?:knocked|rang|called)(?: [a-z']+){0,8} no answer| heating (?:broke|has broken|is broken|is not working|isn' t working|stopped working)| (?:sounded|sounds|seems|seemed|is|was|got) (?:very |so |really |a bit |quite )?(?:confused|disoriented|disorientated)`)
