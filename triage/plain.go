package triage

import "slices"

// plainRules are cues said in the plainest words, which the lexicon's
// longer phrasings missed (a black-box test of session 13): « je ne veux
// plus vivre », « je préfère mourir », « la vie n'a plus aucun sens »,
// « je me suis ouvert les veines », « j'ai été violée hier soir ».
// Negation, the past, topics and jokes read them as they read every cue.
var plainRules = []rule{
	{code: CodeSuicide, cue: re(` (?:veux|veut|voulais|voudrais|ai|a) (?:plus|pas) (?:envie de )?vivre| en (?:peux|peut|pouvais) plus de (?:vivre|cette vie|la vie)| (?:prefere|preferais|prefererais|aimerais mieux|plutot) (?:encore )?mourir| mourir (?:c' est|ce serait|serait) (?:mieux|plus simple|la solution)| mieux vaut mourir| (?:veux|voudrais|aimerais|souhaite) (?:ne )?(?:plus|pas) me reveiller| (?:m' |me )?endormir (?:et|pour) ne (?:jamais|plus|pas) me reveiller| disparaitre (?:pour toujours|a jamais|de ce monde|de la surface de la terre)| (?:vie|existence) (?:n' a|a) (?:plus|pas|aucun) (?:aucun |de )?sens| (?:vie|existence) n' a (?:plus )?aucun sens| (?:ouvert|ouverte|ouvrir|taillade|tailladee|taillader|coupe|coupee|couper) les (?:veines|poignets)`),
		except: re(` prevention du suicide`)},
	{code: CodeViolence, cue: re(` (?:j' ai|j' avais|ma fille a|ma soeur a|ma mere a|mon fils a|elle a|il a) ete violee?s? | (?:il|ils|on|elle) m' (?:a|ont|avait) violee? | (?:victime d' (?:un )?|subi (?:un )?|porter plainte pour )viol | (?:i was|i have been|i got|she was) raped`)},
}

// allRules are every rule the lexicon reads: the French ones (rules), the
// other languages' (foreignRules) and the plain ones.
var allRules = slices.Concat(rules, foreignRules, plainRules)
