package triage

import "testing"

// TestSession20Child checks, on the whole triage, a child left with
// nobody while the parent goes to hospital (black-box round 3 read it as
// a bereavement), beside a fight with studies that is no violence and the
// same nobody that is routine childcare.
func TestSession20Child(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"Je rentre à l'hôpital demain pour une opération, personne ne pourra s'occuper de mon fils de 8 ans pendant 5 jours.", true},
		{"Personne ne peut garder ma fille de 6 ans, je suis hospitalisée lundi et son père est parti.", true},
		{"Mon fils se bat avec Parcoursup, il n'a toujours pas d'affectation, que peut-il faire ?", false},
		{"Ma fille se bat avec les maths depuis la rentrée, a-t-elle droit à du soutien scolaire ?", false},
		{"Mon fils s'est battu avec un camarade qui le frappe tous les jours à la sortie du collège.", true},
		{"Mon assistante maternelle part à la retraite en septembre, personne ne pourra garder mon fils, quelles aides pour une crèche ?", false},
	})
}
