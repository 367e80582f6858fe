package wire

import (
	"fmt"
	"testing"
	"time"
)

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
