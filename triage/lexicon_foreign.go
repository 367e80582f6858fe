package triage

// foreignRules are urgent cues in the languages people born abroad mix
// with French (Spanish, Portuguese, English, Romanian, Russian and
// Ukrainian, Turkish), on folded text: a message in another language is a
// language barrier, and these say when it is also an emergency.
var foreignRules = []rule{
	{code: CodeSuicide, cue: re(` quitarme la vida| matarme| suicidarme| no quiero (?:seguir )?vivir| ganas de morir| quiero morir| acabar con todo| quero morrer| me matar| tirar a minha vida| nao quero mais viver| acabar com tudo| kill myself| take my (?:own )?life| end it all| no reason to live| better off without me| vreau sa mor| sa ma sinucid| покончить с собой| не хочу (?:больше )?жить| уйти навсегда| убить себя| покінчити з собою| не хочу жити| intihar| olmek istiyorum`)},
	{code: CodeViolence, cue: re(` me pega | me pego | me golpea| me golpeo| me pegou| me bate | me bateu| me agrede| me agrediu| me amenaza| me ameaca| violencia (?:domestica|de genero)| maltrat(?:a|o) | beat me| beats me| hit me| abuses me| ma bate| m-a batut| бьет меня| бьёт меня| избивает| бил меня| б'є мене| beni dov`)},
	{code: CodeViolence, cue: re(` tengo miedo| tenho medo| i am scared| i' m scared| я боюсь| мені страшно| mi-e frica| korkuyorum`),
		except: re(` (?:de|of) (?:perder|ser|llegar|chegar|fail|lose|miss)`)},
	{code: CodeHousingLoss, cue: re(` (?:dormimos|dormir|durmiendo|dormindo|dormi|dormiu) (?:en la|na|en el|no) (?:calle|rua|estacion|estacao|coche|carro|parque)| en la calle| na rua| no tenemos (?:a )?donde (?:ir|dormir)| nao temos (?:para )?onde (?:ir|dormir)| sin techo| sem teto| on the street| sleeping (?:in|on) (?:my|the|a) (?:car|street|station)| no place to (?:sleep|stay)| ночуем| ночую| на улице| sokakta| in strada`)},
	{code: CodeHousingLoss, cue: re(` desalojo| desalojad| desahucio| despejo| despejad| evacuad| kicked (?:us |me )?out| выселя| выгоняет| tahliye`),
		when: imminent, later: CodeHousingRisk},
	{code: CodeFood, cue: re(` no tenemos (?:nada )?(?:que|para) comer| nao temos (?:nada |o )?(?:que|para) comer| sin comida| sem comida| nothing to eat| no food| hambre| passando fome| fome | нечего есть| голодн| nu avem ce manca| yiyecek yok`)},
	{code: CodeHealth, cue: re(` insulina| инсулин| інсулін| dialisis| dialise| no puede respirar| nao consegue respirar| sangrando| hemorragia| desmay| desmai| convulsion| не может дышать| без лекарств| sin medicamentos| sem remedio| sem medicamentos| no medicine| insulin`)},
}

func init() { rules = append(rules, foreignRules...) }
