package redact

import "testing"

// TestRedactHouseNumberAndPlaceName covers addresses written without a
// street-type word: a house number, the name of an estate, a hamlet or a
// street, then the postal code and the town.
func TestRedactHouseNumberAndPlaceName(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"an estate after a comma", "J'habite 14 Les Beaudottes, 93270 Sevran depuis 2010.", "J'habite [ADRESSE_1] depuis 2010."},
		{"a hamlet", "Adresse : 11 Le Bourg, 15100 Saint-Flour", "Adresse : [ADRESSE_1]"},
		{"bis in capitals, no comma", "au 102 Bis Stalingrad 93300 Aubervilliers, au", "au [ADRESSE_1], au"},
		{"bis after the number", "c'est au 14 bis des Tilleuls 59300 Valenciennes.", "c'est au [ADRESSE_1]."},
		{"a letter glued to the number", "15B Les Vergers Fleuris 39000 LONS LE SAUNIER", "[ADRESSE_1]"},
		{"a flat between", "10 Les Buis, appart 34, 25200 Montbéliard", "[ADRESSE_1]"},
		{"after a cue, no postal code", "Bonjour, je vis au 4 Kerlann avec mes enfants.", "Bonjour, je vis au [ADRESSE_1] avec mes enfants."},
		{"after a cue, a postal code without its town", "Mon adresse est 102 Bis Stalingrad 93300, merci.", "Mon adresse est [ADRESSE_1], merci."},
		{"after a cue, the town after the code", "J'habite au 102 Bis Stalingrad 93300 Aubervilliers.", "J'habite au [ADRESSE_1]."},
		// what does not become a house number
		{"a floor after a cue", "Bonjour, j'habite au 3 ème étage avec mes enfants.", "Bonjour, j'habite au 3 ème étage avec mes enfants."},
		{"no cue right before", "Bonjour, je vis avec 2 Enfants et mon Mari.", "Bonjour, je vis avec 2 Enfants et mon Mari."},
		{"a year before a town", "Depuis 2019 Les Ulis, 91940 Les Ulis", "Depuis 2019 Les Ulis, [ADRESSE_1]"},
	})
}
