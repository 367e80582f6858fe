package redact

import "testing"

func TestChecksums(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) bool
		in   string
		want bool
	}{
		{"luhn card", luhn[string], "4970101234567893", true},
		{"luhn card typo", luhn[string], "4970101234567894", false},
		{"luhn siret", luhn[string], "73282932000074", true},
		{"luhn siren", luhn[string], "732829320", true},
		{"iban fr", ibanValid, "FR7630006000011234567890189", true},
		{"iban de", ibanValid, "DE89370400440532013000", true},
		{"iban gb", ibanValid, "GB82WEST12345698765432", true},
		{"iban typo", ibanValid, "FR7630006000011234567890188", false},
		{"iban short", ibanValid, "FR76", false},
		{"nir", nirKeyValid[string], "184127645108946", true},
		{"nir bad key", nirKeyValid[string], "184127645108947", false},
		{"nir corsica 2A", nirKeyValid[string], "18412" + "2A" + "45108946", nirCorsicaKey("18412", "2A", "451089")},
		{"nir corsica 2B", nirKeyValid[string], "18412" + "2B" + "45108946", nirCorsicaKey("18412", "2B", "451089")},
		{"nir shape", nirShape[string], "184127645108946", true},
		{"nir shape month", nirShape[string], "184137645108946", false},
		{"nir shape corsica", nirShape[string], "184122A45108946", true},
		{"fiscal", fiscalKeyValid[string], "3021234567" + fiscalKey("3021234567"), true},
		{"fiscal bad key", fiscalKeyValid[string], "3021234567000", fiscalKey("3021234567") == "000"},
		{"fiscal first digit", fiscalKeyValid[string], "5021234567" + fiscalKey("5021234567"), false},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%s(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

// nirCorsicaKey reports whether the key "46" is right for the Corsican
// NIR, computed here the long way: 2A counts as 19, 2B as 18.
func nirCorsicaKey(head, dep, tail string) bool {
	sub := map[string]string{"2A": "19", "2B": "18"}[dep]
	n := 0
	for _, c := range head + sub + tail {
		n = (n*10 + int(c-'0')) % 97
	}
	return 97-n == 46
}

func fiscalKey(first10 string) string {
	var n int64
	for _, c := range first10 {
		n = n*10 + int64(c-'0')
	}
	k := n % 511
	return string([]byte{byte('0' + k/100), byte('0' + k/10%10), byte('0' + k%10)})
}
