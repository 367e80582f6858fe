package triage

// foreignRules are urgent cues in the languages people born abroad mix
// with French (Spanish, Portuguese, English, Romanian, Russian and
// Ukrainian, Turkish), on folded text: a message in another language is a
// language barrier, and these say when it is also an emergency.
var foreignRules = []rule{
	{code: CodeSuicide, cue: re(` quitarme la vida| matarme| suicidarme| no quiero (?:seguir )?vivir| ganas de morir| quiero morir| acabar con todo| quero morrer| me matar| tirar a minha vida| nao quero mais viver| acabar com tudo| kill myself| take my (?:own )?life| end it all| no reason to live| better off without me| vreau sa mor| sa ma sinucid| покончить с собой| не хочу (?:больше )?жить| уйти навсегда| убить себя| покінчити з собою| не хочу жити| intihar| olmek istiyorum| (?:tonight|today) i will end it| i can' t do this anymore| quiero desaparecer| que todo se acabe| cansad[oa] de luchar| guardadas las pastillas| i cannot go on| no quiero seguir| لا أريد أن أعيش| أريد أن أموت| سأقتل نفسي| أنهي حياتي`)},
	{code: CodeViolence, cue: re(` me pega | me pego | me golpea| me golpeo| me pegou| me bate | me bateu| me agrede| me agrediu| me amenaza| me ameaca| violencia (?:domestica|de genero)| maltrat(?:a|o) | beat me| beats me| hit me| abuses me| ma bate| m-a batut| (?:m|l|ne|te)-a (?:batut|lovit)| (?:m|l|ne|te)-au (?:batut|lovit)| capul spart| бьет меня| бьёт меня| избивает| бил меня| б'є мене| beni dov| bana vurdu| beni dovdu| vuruyor| pasaportumu aldi| zorla evlendir| evlendirmek istiyor| меня бьёт| меня бьет| ударил (?:меня|головой)| (?:will|going to) kill (?:me|her|us|you)| took (?:her|my) (?:passport|papers)| يضربني| ضربني| زوجي يضرب`)},
	{code: CodeViolence, cue: re(` tengo miedo| tenho medo| i am scared| i' m scared| я боюсь| мені страшно| mi-e frica| korkuyorum`),
		except: re(` (?:de|of) (?:perder|ser|llegar|chegar|fail|lose|miss)`)},
	{code: CodeHousingLoss, cue: re(` (?:dormimos|dormir|durmiendo|dormindo|dormi|dormiu) (?:en la|na|en el|no) (?:calle|rua|estacion|estacao|coche|carro|parque)| en la calle| na rua| no tenemos (?:a )?donde (?:ir|dormir)| nao temos (?:para )?onde (?:ir|dormir)| sin techo| sem teto| on the street| sleeping (?:in|on) (?:my|the|a) (?:car|street|station)| no place to (?:sleep|stay)| ночуем| ночую| на улице| sokakta| in strada| slept (?:two|three|[0-9]+) nights| (?:slept|sleeping|sleep) (?:in|at) (?:the|a|my) (?:train )?(?:station|car|park|street)| no place (?:for us )?tonight| nowhere to sleep| ننام في| أنام في| أنام تحت| ننام تحت| لا يوجد مكان| sin (?:lugar|sitio) (?:donde|para) dormir`)},
	{code: CodeHousingLoss, cue: re(` desalojo| desalojad| desahucio| despejo| despejad| evacuad| kicked (?:us |me )?out| выселя| выгоняет| tahliye`),
		when: imminent, later: CodeHousingRisk},
	{code: CodeFood, cue: re(` no tenemos (?:nada )?(?:que|para) comer| nao temos (?:nada |o )?(?:que|para) comer| sin comida| sem comida| nothing to eat| no food| hambre| passando fome| fome | нечего есть| голодн| nu avem ce manca| yiyecek yok| (?:have not|haven' t|has not|hasn' t|did not|didn' t) eat(?:en)? (?:anything|since|a (?:proper |real |decent |single )?meal|properly|for (?:two|three|[0-9]+) days)| nothing left to eat| ليس عندي أكل| ما عندي أكل| لا يوجد أكل| no hemos comido| nao comemos`)},
	{code: CodeHealth, cue: re(` insulina| инсулин| інсулін| dialisis| dialise| no puede respirar| nao consegue respirar| sangrando| hemorragia| desmay| desmai| convulsion| не может дышать| без лекарств| sin medicamentos| sem remedio| sem medicamentos| no medicine| insulin| (?:o )?remedio acabou| acabou o remedio| se acabo (?:el|la) (?:medicamento|medicina)| medicine (?:ran|has run) out`)},
	{code: CodeLegalDeadline, cue: re(` (?:24|48|72) horas para| (?:8|ocho|15|quince) dias para (?:el|hacer el|presentar el) recurso| (?:[0-9]+|fifteen|eight) days to appeal| يوم للطعن| أيام للطعن`)},
	{code: CodeEnergyCut, cue: re(` (?:electricity|power|gas|water|heating) (?:will be|is going to be|is being) (?:suspended|cut|disconnected|shut off)| (?:will|going to) (?:suspend|disconnect|cut off) (?:my|our|the) (?:electricity|power|gas|water)| (?:van|vont) (?:a )?cortar (?:la luz|el gas|el agua)| vao cortar (?:a luz|o gas|a agua)`),
		when: imminent, later: CodeEnergyRisk},
	{code: CodeEnergyCut, cue: re(` corto (?:la luz|el gas|el agua)| sin luz| nos quitaron la luz| (?:electricity|power|gas|water|heating) (?:has been|was) (?:suspended|cut|disconnected|shut off)| elektriği kesti| elektrik kesildi| doğalgazı kesti| suyu kesti| cortaron la luz| nos cortaron| cortaram a luz| cut (?:off )?(?:the|our|my) (?:electricity|power|gas|water)| отключили (?:свет|газ|электричество)| قطعوا الكهرباء`)},
	{code: CodeChild, cue: re(` (?:my|her|his|our|the) (?:daughter|son|child|kid|girl|boy)| (?:mi|su|nuestro|nuestra|meu|minha|seu|sua|el|la|o|a|un|una|al|del|um|uma) (?:niño|niña|hijo|hija|filho|filha|menino|menina)`),
		with: re(` left (?:the house|home)| ran away| is missing| disappeared| cara hinchada| golpea| le pega| bate nele| bate nela| desaparec| sumiu`)},
	{code: CodeVulnerableAdult, cue: re(` (?:cannot|can' t|can not|must not) be left alone| wanders (?:off|away)`)},
	{code: CodeVulnerableAdult, cue: re(` alzheimer| dementia`),
		with: re(` nobody else| no one else| alone (?:at home|in the house)| forgets the (?:cooker|stove|gas)| has fallen| fell (?:down|again)`)},
	{code: CodeVulnerableAdult, cue: re(` alzheimer| dementia| demencia| demência`),
		with: re(` nao voltou| não voltou| no ha vuelto| no volvio| desaparec| sumiu| is missing| has not come back| hasn' t come back| not come home`)},
}

func init() { rules = append(rules, foreignRules...) }
