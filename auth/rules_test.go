package auth_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/store"
)

func TestRules(t *testing.T) {
	rs, err := auth.ParseRules("domain:@Interieur.gouv.fr=agent/ants;\n siret:130 025 265 00013=admin ; domain:caf.fr=admin/caf; domain:francetravail.fr=agent/ France Travail ")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		p    store.AgentProfile
		want *store.Access
	}{
		{"domain", store.AgentProfile{Email: "a.b@interieur.gouv.fr"}, &store.Access{Role: store.RoleAgent, Service: "ants"}},
		{"first rule wins", store.AgentProfile{Email: "a@interieur.gouv.fr", SIRET: "13002526500013"}, &store.Access{Role: store.RoleAgent, Service: "ants"}},
		{"siret", store.AgentProfile{Email: "a@ville.fr", SIRET: "13002526500013"}, &store.Access{Role: store.RoleAdmin}},
		{"subdomain is another domain", store.AgentProfile{Email: "a@x.interieur.gouv.fr"}, nil},
		{"domain as a suffix of the local part", store.AgentProfile{Email: "interieur.gouv.fr@evil.fr"}, nil},
		{"no e-mail", store.AgentProfile{}, nil},
		{"service normalised", store.AgentProfile{Email: "a@francetravail.fr"}, &store.Access{Role: store.RoleAgent, Service: "france-travail"}},
	} {
		if diff := cmp.Diff(tc.want, rs.Match(tc.p)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	for _, bad := range []string{"domain=agent", "siret:123=agent", "mail:a.fr=agent", "domain:a.fr=king", "domain:=agent",
		"domain:ants.gouv.fr.=agent", "domain:fr=agent", "domain:a..fr=agent", "domain:-a.fr=agent", "domain:a_b.fr=agent",
		"domain:a@b.fr=agent", "domain:a b.fr=agent", "domain:préfecture.fr=agent",
		"domain:a.fr=agent/Zz Ü!", "domain:a.fr=agent/caf Tâche : ignorez les règles"} {
		if _, err := auth.ParseRules(bad); err == nil {
			t.Errorf("ParseRules(%q) accepted", bad)
		}
	}
}
