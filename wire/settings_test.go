package wire

import (
	"flag"
	"io"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store/storetest"
)

// TestSettingsAreWhatLoadConfigReads records the variables LoadConfig asks
// for: they are the table's, every one of them but the tests' database.
func TestSettingsAreWhatLoadConfigReads(t *testing.T) {
	t.Parallel()
	asked := map[string]bool{}
	if _, err := LoadConfig(func(name string) string { asked[name] = true; return "" }); err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for name := range asked {
		got = append(got, name)
	}
	for _, s := range Settings() {
		if s.Name != "" && s.Name != "PLUME_TEST_DATABASE_URL" {
			want = append(want, s.Name)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("variables read (-table +LoadConfig):\n%s", diff)
	}
	if storetest.URL() == "" {
		t.Error("no test database")
	}
}

// TestSettingsDefaults: every default of the table, given, gives the
// configuration LoadConfig gives when nothing is set; the defaults that api
// applies to zero limits read back as api's.
func TestSettingsDefaults(t *testing.T) {
	t.Parallel()
	unset, err := LoadConfig(envWith(nil))
	if err != nil {
		t.Fatal(err)
	}
	given := map[string]string{}
	var owned Config
	for _, s := range Settings() {
		switch {
		case s.set == nil || s.Default == "":
		case s.zeroIsDefault:
			if err := s.set(&owned, s.Default); err != nil {
				t.Errorf("%s: default %q: %v", s.names(), s.Default, err)
			}
		case s.Name != "":
			given[s.Name] = s.Default
		}
	}
	set, err := LoadConfig(envWith(given))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(unset, set); diff != "" {
		t.Errorf("defaults given (-unset +given):\n%s", diff)
	}
	d := api.DefaultConfig()
	want := api.Config{RatePerSecond: d.RatePerSecond, Burst: d.Burst, MaxBodyBytes: d.MaxBodyBytes, MaxUploadBytes: d.MaxUploadBytes,
		RequestTimeout: d.RequestTimeout, BodyTimeout: d.BodyTimeout, ShutdownTimeout: d.ShutdownTimeout, Upload: d.Upload, SignIn: d.SignIn}
	if diff := cmp.Diff(want, owned.Server); diff != "" {
		t.Errorf("api's defaults read back (-api +table):\n%s", diff)
	}
}

// TestServeFlags sets plume serve's limits from its flags, and refuses a
// zero rate.
func TestServeFlags(t *testing.T) {
	t.Parallel()
	var cfg Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	ServeFlags(fs, &cfg)
	if err := fs.Parse([]string{"--addr", "127.0.0.1:9", "--rate", "-1", "--burst", "4", "--max-body", "10",
		"--max-upload", "20", "--request-timeout", "5s", "--shutdown-timeout", "1s"}); err != nil {
		t.Fatal(err)
	}
	want := api.Config{Addr: "127.0.0.1:9", RatePerSecond: -1, Burst: 4, MaxBodyBytes: 10, MaxUploadBytes: 20,
		RequestTimeout: 5 * time.Second, ShutdownTimeout: time.Second}
	if diff := cmp.Diff(want, cfg.Server); diff != "" {
		t.Errorf("server (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"--rate=0", "--burst=-1", "--request-timeout=soon"} {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		ServeFlags(fs, &cfg)
		if err := fs.Parse([]string{bad}); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if !slices.ContainsFunc(Settings(), func(s Setting) bool { return s.Flag == "rate" && s.Default == "5" }) {
		t.Error("--rate's default is not api's")
	}
}
