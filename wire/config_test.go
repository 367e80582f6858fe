package wire

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/triage"
)

// TestConfigHardening reads the retention, metrics and upload settings.
func TestConfigHardening(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(envWith(map[string]string{"PLUME_RETENTION": "90d", "PLUME_METRICS_TOKEN": "tok",
		"PLUME_METRICS_ADDR": "127.0.0.1:9100", "PLUME_UPLOAD_MAX_BYTES": "1048576", "PLUME_UPLOAD_MAX_FILES": "50",
		"PLUME_UPLOAD_MAX_PDF_PAGES": "30", "PLUME_UPLOAD_MAX_PDF_BYTES": "2097152", "PLUME_UPLOAD_PER_KEY": "1"}))
	if err != nil {
		t.Fatal(err)
	}
	want := api.UploadLimits{ExpandedBytes: 1 << 20, Files: 50, PDFPages: 30, PDFContentBytes: 2 << 20, PerKey: 1}
	if diff := cmp.Diff(want, cfg.Server.Upload); diff != "" || cfg.Retention != 90*24*time.Hour || cfg.Server.MetricsToken != "tok" || cfg.Server.MetricsAddr != "127.0.0.1:9100" {
		t.Errorf("config %+v (-want +got upload):\n%s", cfg, diff)
	}
	if cfg, _ := LoadConfig(envWith(nil)); cfg.Retention != 365*24*time.Hour || cfg.Server.Upload != (api.UploadLimits{}) {
		t.Errorf("defaults: retention %v, upload %+v", cfg.Retention, cfg.Server.Upload)
	}
	for _, kv := range [][2]string{{"PLUME_RETENTION", "1y"}, {"PLUME_RETENTION", "202163959358895d"}, {"PLUME_RETENTION", "99999999d"}, {"PLUME_RETENTION", "1000000h"}, {"PLUME_UPLOAD_MAX_FILES", "0"}, {"PLUME_UPLOAD_MAX_BYTES", "lots"},
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

// envWith returns a getenv that knows only vars.
func envWith(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}
