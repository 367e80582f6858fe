package wire

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/triage"
)

// TestConfigHardening reads the retention, metrics and upload settings.
func TestConfigHardening(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(envWith(map[string]string{"PLUME_RETENTION": "90d", "PLUME_AUDIT_RETENTION": "730d", "PLUME_METRICS_TOKEN": "tok",
		"PLUME_METRICS_ADDR": "127.0.0.1:9100", "PLUME_UPLOAD_MAX_BYTES": "1048576", "PLUME_UPLOAD_MAX_FILES": "50",
		"PLUME_UPLOAD_MAX_PDF_PAGES": "30", "PLUME_UPLOAD_MAX_PDF_BYTES": "2097152", "PLUME_UPLOAD_PER_KEY": "1"}))
	if err != nil {
		t.Fatal(err)
	}
	want := api.UploadLimits{ExpandedBytes: 1 << 20, Files: 50, PDFPages: 30, PDFContentBytes: 2 << 20, PerKey: 1}
	if diff := cmp.Diff(want, cfg.Server.Upload); diff != "" || cfg.Retention != 90*24*time.Hour || cfg.AuditRetention != 730*24*time.Hour || cfg.Server.MetricsToken != "tok" || cfg.Server.MetricsAddr != "127.0.0.1:9100" {
		t.Errorf("config %+v (-want +got upload):\n%s", cfg, diff)
	}
	if cfg, _ := LoadConfig(envWith(nil)); cfg.Retention != 365*24*time.Hour || cfg.AuditRetention != 400*24*time.Hour || cfg.Server.Upload != (api.UploadLimits{}) {
		t.Errorf("defaults: retention %v, audit retention %v, upload %+v", cfg.Retention, cfg.AuditRetention, cfg.Server.Upload)
	}
	for _, kv := range [][2]string{{"PLUME_RETENTION", "1y"}, {"PLUME_RETENTION", "202163959358895d"}, {"PLUME_RETENTION", "99999999d"}, {"PLUME_RETENTION", "1000000h"}, {"PLUME_AUDIT_RETENTION", "0"}, {"PLUME_AUDIT_RETENTION", "1y"}, {"PLUME_UPLOAD_MAX_FILES", "0"}, {"PLUME_UPLOAD_MAX_BYTES", "lots"},
		{"PLUME_UPLOAD_PER_KEY", "-1"}} {
		if _, err := LoadConfig(envWith(map[string]string{kv[0]: kv[1]})); err == nil {
			t.Errorf("%s=%s accepted", kv[0], kv[1])
		}
	}
}

func TestTriageConfig(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(func(k string) string {
		return map[string]string{"PLUME_EMERGENCY_CONTACTS": "3919|Violences Femmes Info|violence", "PLUME_TRIAGE_SECOND_OPINION": "true"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.EmergencyContacts) != 1 || cfg.EmergencyContacts[0].Number != "3919" || !cfg.TriageSecondOpinion {
		t.Errorf("config %+v %v", cfg.EmergencyContacts, cfg.TriageSecondOpinion)
	}
	def, err := LoadConfig(func(string) string { return "" })
	if err != nil || len(def.EmergencyContacts) != len(triage.DefaultContacts()) || def.TriageSecondOpinion {
		t.Errorf("default config %+v, %v", def.EmergencyContacts, err)
	}
	for _, bad := range []map[string]string{{"PLUME_EMERGENCY_CONTACTS": "3919"}, {"PLUME_TRIAGE_SECOND_OPINION": "maybe"}} {
		if _, err := LoadConfig(func(k string) string { return bad[k] }); err == nil {
			t.Errorf("LoadConfig(%v) succeeded", bad)
		}
	}
}

// TestSwitches checks that every switch reads on and off as the others do
// (black-box round 3 of session 20: PLUME_TRIAGE_SECOND_OPINION=on was
// refused while PLUME_QUERY_REWRITE=on was read).
func TestSwitches(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"on", "ON", "true", "1", "yes"} {
		env := map[string]string{"PLUME_TRIAGE_SECOND_OPINION": v, "PLUME_QUERY_REWRITE": v, "PLUME_ANSWER_CHECK": v, "PLUME_EMBED_SEND_DIMENSIONS": v}
		cfg, err := LoadConfig(func(k string) string { return env[k] })
		if err != nil || !cfg.TriageSecondOpinion || !cfg.QueryRewrite || !cfg.AnswerCheck || !cfg.EmbedSendDimensions {
			t.Errorf("switches %q: %+v, %v", v, cfg, err)
		}
	}
	for _, v := range []string{"off", "false", "0", "no"} {
		env := map[string]string{"PLUME_TRIAGE_SECOND_OPINION": v, "PLUME_QUERY_REWRITE": v}
		cfg, err := LoadConfig(func(k string) string { return env[k] })
		if err != nil || cfg.TriageSecondOpinion || cfg.QueryRewrite {
			t.Errorf("switches %q: second opinion %v, rewrite %v, %v", v, cfg.TriageSecondOpinion, cfg.QueryRewrite, err)
		}
	}
}

func TestConfigSignIn(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(envWith(map[string]string{"PLUME_OIDC_ISSUER": "https://auth.agentconnect.gouv.fr/api/v2",
		"PLUME_OIDC_CLIENT_ID": "id", "PLUME_OIDC_CLIENT_SECRET": "secret", "PLUME_OIDC_REDIRECT_URL": "https://plume.example.gouv.fr/auth/callback",
		"PLUME_ACCESS_RULES": "domain:interieur.gouv.fr=agent/ants", "PLUME_SESSION_IDLE": "15m", "PLUME_SESSION_LIFETIME": "8h"}))
	if err != nil {
		t.Fatal(err)
	}
	want := &auth.Config{Issuer: "https://auth.agentconnect.gouv.fr/api/v2", ClientID: "id", ClientSecret: "secret",
		RedirectURL: "https://plume.example.gouv.fr/auth/callback", Scopes: auth.DefaultScopes}
	if diff := cmp.Diff(want, cfg.OIDC); diff != "" {
		t.Errorf("OIDC (-want +got):\n%s", diff)
	}
	if len(cfg.Server.SignIn.Rules) != 1 || cfg.Server.SignIn.IdleTimeout != 15*time.Minute || cfg.Server.SignIn.Lifetime != 8*time.Hour {
		t.Errorf("sign-in %+v", cfg.Server.SignIn)
	}
	if cfg, _ := LoadConfig(envWith(map[string]string{"PLUME_OIDC_ISSUER": "https://idp", "PLUME_OIDC_CLIENT_ID": "id",
		"PLUME_OIDC_REDIRECT_URL": "https://p/auth/callback", "PLUME_OIDC_SCOPES": "openid email,siret"})); cfg.OIDC == nil ||
		!cmp.Equal(cfg.OIDC.Scopes, []string{"openid", "email", "siret"}) {
		t.Errorf("scopes: %+v", cfg.OIDC)
	}
	if cfg, _ := LoadConfig(envWith(nil)); cfg.OIDC != nil {
		t.Errorf("no provider configured, got %+v", cfg.OIDC)
	}
	for _, env := range []map[string]string{
		{"PLUME_OIDC_ISSUER": "https://idp"},
		{"PLUME_OIDC_ISSUER": "https://idp", "PLUME_OIDC_CLIENT_ID": "id", "PLUME_OIDC_REDIRECT_URL": "https://p/callback"},
		{"PLUME_ACCESS_RULES": "domain:a.fr=king"},
		{"PLUME_SESSION_IDLE": "soon"},
	} {
		if _, err := LoadConfig(envWith(env)); err == nil {
			t.Errorf("%v accepted", env)
		}
	}
}

// TestConfigReplicas reads the replica's and the proxies' settings.
func TestConfigReplicas(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(envWith(map[string]string{"DATABASE_REPLICA_URL": "postgres://r@127.0.0.1:5433/plume",
		"PLUME_REPLICA_MAX_LAG": "2s", "PLUME_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.7/32"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(cfg.ReplicaURL, " ", cfg.ReplicaMaxLag, " ", cfg.Server.TrustedProxies); got != "postgres://r@127.0.0.1:5433/plume 2s [10.0.0.0/8 192.168.1.7/32]" {
		t.Errorf("config: %s", got)
	}
	if cfg, _ := LoadConfig(envWith(nil)); cfg.ReplicaURL != "" || cfg.ReplicaMaxLag != 5*time.Second || cfg.Server.TrustedProxies != nil {
		t.Errorf("defaults: %q %v %v", cfg.ReplicaURL, cfg.ReplicaMaxLag, cfg.Server.TrustedProxies)
	}
	for _, kv := range [][2]string{{"PLUME_REPLICA_MAX_LAG", "0s"}, {"PLUME_REPLICA_MAX_LAG", "soon"},
		{"PLUME_TRUSTED_PROXIES", "10.0.0.1"}, {"PLUME_TRUSTED_PROXIES", "proxy.local/8"}} {
		if _, err := LoadConfig(envWith(map[string]string{kv[0]: kv[1]})); err == nil {
			t.Errorf("%s=%s accepted", kv[0], kv[1])
		}
	}
}

func TestEmbedBreakerConfig(t *testing.T) {
	t.Parallel()
	for v, want := range map[string]time.Duration{"": 30 * time.Second, "0": 0, "2m": 2 * time.Minute} {
		cfg, err := LoadConfig(envWith(map[string]string{"PLUME_EMBED_BREAKER": v}))
		if err != nil || cfg.EmbedBreaker != want {
			t.Errorf("PLUME_EMBED_BREAKER=%q: %s, %v; want %s", v, cfg.EmbedBreaker, err, want)
		}
	}
	for _, v := range []string{"-1s", "soon"} {
		if _, err := LoadConfig(envWith(map[string]string{"PLUME_EMBED_BREAKER": v})); err == nil {
			t.Errorf("PLUME_EMBED_BREAKER=%q accepted", v)
		}
	}
}

// envWith returns a getenv that knows only vars.
func envWith(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// TestFeedbackTagsConfig: the feedback labels are read normalised (NFC,
// one space), and a vocabulary with two labels that match the same tags,
// a label no agent could send or one that reads as personal data fails
// the configuration, naming the label (black-box test: they were taken).
func TestFeedbackTagsConfig(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(envWith(map[string]string{"PLUME_FEEDBACK_TAGS": "a\u0300 reformuler, trop\u00a0 long,clair"}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"à reformuler", "trop long", "clair"}, cfg.FeedbackTags); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ tags, want string }{
		{"clair,CLAIR", `labels "clair" and "CLAIR" are one label`},
		{"trop long,Trop-long", `labels "trop long" and "Trop-long" are one label`},
		{"clair,a;b", `label "a;b": a tag is a short label`},
		{"clair,0612345678", `label "0612345678" reads as personal data`},
	} {
		_, err := LoadConfig(envWith(map[string]string{"PLUME_FEEDBACK_TAGS": tc.tags}))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("PLUME_FEEDBACK_TAGS=%s: %v, want an error holding %q", tc.tags, err, tc.want)
		}
	}
}
