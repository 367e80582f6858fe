package main

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/telemetry"
	"github.com/plume-sp/plume/triage"
)

// Config is plume's configuration, read once from the environment.
type Config struct {
	// DatabaseURL is the PostgreSQL connection string (DATABASE_URL).
	DatabaseURL string
	// OpenAIBaseURL and OpenAIAPIKey address the OpenAI-compatible endpoint
	// (OPENAI_BASE_URL, OPENAI_API_KEY).
	OpenAIBaseURL string
	OpenAIAPIKey  string
	// EmbedModel selects a remote embedding model (PLUME_EMBED_MODEL); empty
	// means the local embedder.
	EmbedModel   string
	EmbedBaseURL string // PLUME_EMBED_BASE_URL, default OpenAIBaseURL
	EmbedAPIKey  string // PLUME_EMBED_API_KEY, default OpenAIAPIKey
	EmbedDim     int    // PLUME_EMBED_DIM
	// EmbedSendDimensions sends the vector size with each request
	// (PLUME_EMBED_SEND_DIMENSIONS=true), for models that can shorten
	// their vectors; servers that reject the field need it off (default).
	EmbedSendDimensions bool
	// ChatModel is the model that writes drafts (PLUME_CHAT_MODEL); empty
	// means extractive drafts only.
	ChatModel string
	// PromptsDir overrides the embedded prompt templates (PLUME_PROMPTS_DIR).
	PromptsDir string
	// Addr is where "plume serve" listens (PLUME_ADDR).
	Addr string
	// ModelTimeout bounds each call to a model (PLUME_MODEL_TIMEOUT).
	ModelTimeout time.Duration
	// EmbedBreaker is how long searches skip a remote embedding endpoint
	// that failed, searching full text meanwhile (PLUME_EMBED_BREAKER,
	// default 30s; 0 tries it every time).
	EmbedBreaker time.Duration
	// QueryRewrite turns messages into search queries with the chat model
	// before searching (PLUME_QUERY_REWRITE=on|off, default off; needs
	// PLUME_CHAT_MODEL); QueryRewriteTimeout bounds that call
	// (PLUME_QUERY_REWRITE_TIMEOUT, default 3s).
	QueryRewrite        bool
	QueryRewriteTimeout time.Duration
	// Retention is how long drafts and feedback are kept
	// (PLUME_RETENTION: "365d" or a Go duration; default 365 days).
	Retention time.Duration
	// AuditRetention is how long the audit log's entries are kept
	// (PLUME_AUDIT_RETENTION, same form; default 400 days).
	AuditRetention time.Duration
	// MetricsToken protects /metrics (PLUME_METRICS_TOKEN); MetricsAddr
	// serves it on an address of its own instead (PLUME_METRICS_ADDR).
	MetricsToken string
	MetricsAddr  string
	// Upload bounds HTTP uploads once expanded (PLUME_UPLOAD_MAX_BYTES,
	// PLUME_UPLOAD_MAX_FILES, PLUME_UPLOAD_MAX_PDF_PAGES,
	// PLUME_UPLOAD_MAX_PDF_BYTES, PLUME_UPLOAD_PER_KEY); zero: defaults.
	Upload api.UploadLimits
	// OIDC, when set, signs the page's agents in through an OpenID Connect
	// provider (PLUME_OIDC_*); SignIn sets their sessions and access rules
	// (PLUME_SESSION_*, PLUME_ACCESS_*). See config_signin.go.
	OIDC   *auth.Config
	SignIn api.SignInConfig
	// Tracing sends OpenTelemetry traces from "plume serve" when the
	// standard OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (and not
	// OTEL_SDK_DISABLED=true); the exporter reads the other OTEL_* itself.
	Tracing bool
	// EmergencyContacts are the numbers an urgent message's draft starts
	// with, for the reasons each answers (PLUME_EMERGENCY_CONTACTS, as
	// "NUMBER|LABEL|CODE,CODE;…"; default triage.DefaultContacts(): 3919,
	// 3114, 115, 119, 15, 17, 112).
	EmergencyContacts []triage.Contact
	// TriageSecondOpinion asks the chat model for the triage level of each
	// message, on its redacted text; it can raise the level, never lower
	// it (PLUME_TRIAGE_SECOND_OPINION=true; default false).
	TriageSecondOpinion bool
	// ReplicaURL is a streaming replica of the database taking searches,
	// statistics and listings (DATABASE_REPLICA_URL, optional); reads go
	// back to the primary while it is down or more than ReplicaMaxLag
	// behind (PLUME_REPLICA_MAX_LAG, default 5s).
	ReplicaURL    string
	ReplicaMaxLag time.Duration
	// TrustedProxies are the reverse proxies whose X-Forwarded-For gives
	// the client's address (PLUME_TRUSTED_PROXIES: CIDRs, comma-separated).
	TrustedProxies []*net.IPNet
}

// defaultRetention is a year: what a data-protection officer accepts for
// working records of the replies sent to the public.
const defaultRetention = 365 * 24 * time.Hour

// defaultAuditRetention is 400 days: a year of administrators' actions to
// review, plus the time to notice and investigate.
const defaultAuditRetention = 400 * 24 * time.Hour

// LoadConfig reads the configuration from getenv, applying defaults.
func LoadConfig(getenv func(string) string) (Config, error) {
	cfg := Config{
		DatabaseURL:         getenv("DATABASE_URL"),
		OpenAIBaseURL:       getenv("OPENAI_BASE_URL"),
		OpenAIAPIKey:        getenv("OPENAI_API_KEY"),
		EmbedModel:          getenv("PLUME_EMBED_MODEL"),
		EmbedBaseURL:        getenv("PLUME_EMBED_BASE_URL"),
		EmbedAPIKey:         getenv("PLUME_EMBED_API_KEY"),
		ChatModel:           getenv("PLUME_CHAT_MODEL"),
		PromptsDir:          getenv("PLUME_PROMPTS_DIR"),
		Addr:                getenv("PLUME_ADDR"),
		ModelTimeout:        60 * time.Second,
		EmbedBreaker:        30 * time.Second,
		Retention:           defaultRetention,
		AuditRetention:      defaultAuditRetention,
		QueryRewriteTimeout: 3 * time.Second,
		MetricsToken:        getenv("PLUME_METRICS_TOKEN"),
		MetricsAddr:         getenv("PLUME_METRICS_ADDR"),

		EmergencyContacts: triage.DefaultContacts(),
	}
	if cfg.DatabaseURL == "" {
		cfg.DatabaseURL = "postgres://postgres@127.0.0.1:5432/plume?sslmode=disable"
	}
	if cfg.OpenAIBaseURL == "" {
		cfg.OpenAIBaseURL = "https://api.openai.com/v1"
	}
	if cfg.EmbedBaseURL == "" {
		cfg.EmbedBaseURL = cfg.OpenAIBaseURL
	}
	if cfg.EmbedAPIKey == "" {
		cfg.EmbedAPIKey = cfg.OpenAIAPIKey
	}
	if cfg.Addr == "" {
		cfg.Addr = ":8080"
	}
	if v := getenv("PLUME_EMBED_DIM"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 || n > 16000 {
			return Config{}, fmt.Errorf("PLUME_EMBED_DIM=%q: want a positive vector size up to 16000", v)
		}
		cfg.EmbedDim = n
	}
	if cfg.EmbedModel != "" && cfg.EmbedDim == 0 {
		return Config{}, fmt.Errorf("PLUME_EMBED_MODEL is set: PLUME_EMBED_DIM must give its vector size")
	}
	if v := getenv("PLUME_EMBED_SEND_DIMENSIONS"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return Config{}, fmt.Errorf("PLUME_EMBED_SEND_DIMENSIONS=%q: want true or false", v)
		}
		cfg.EmbedSendDimensions = b
	}
	if v := getenv("PLUME_MODEL_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("PLUME_MODEL_TIMEOUT=%q: want a positive duration such as 30s", v)
		}
		cfg.ModelTimeout = d
	}
	if v := getenv("PLUME_EMBED_BREAKER"); v != "" {
		d, err := time.ParseDuration(v)
		if v == "0" {
			d, err = 0, nil
		}
		if err != nil || d < 0 {
			return Config{}, fmt.Errorf("PLUME_EMBED_BREAKER=%q: want a duration such as 30s, or 0 to try the endpoint every time", v)
		}
		cfg.EmbedBreaker = d
	}
	if v := getenv("PLUME_QUERY_REWRITE"); v != "" {
		switch strings.ToLower(v) {
		case "on", "true", "1":
			cfg.QueryRewrite = true
		case "off", "false", "0":
			cfg.QueryRewrite = false
		default:
			return Config{}, fmt.Errorf("PLUME_QUERY_REWRITE=%q: want on or off", v)
		}
	}
	if v := getenv("PLUME_QUERY_REWRITE_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("PLUME_QUERY_REWRITE_TIMEOUT=%q: want a positive duration such as 3s", v)
		}
		cfg.QueryRewriteTimeout = d
	}
	for _, r := range []struct {
		name string
		dst  *time.Duration
	}{{"PLUME_RETENTION", &cfg.Retention}, {"PLUME_AUDIT_RETENTION", &cfg.AuditRetention}} {
		if v := getenv(r.name); v != "" {
			d, err := parseRetention(v)
			if err != nil {
				return Config{}, fmt.Errorf("%s=%q: %w", r.name, v, err)
			}
			*r.dst = d
		}
	}
	if err := loadUploadLimits(getenv, &cfg.Upload); err != nil {
		return Config{}, err
	}
	if err := loadSignIn(getenv, &cfg); err != nil {
		return Config{}, err
	}
	cfg.Tracing = telemetry.Enabled(getenv)
	if err := loadReplica(getenv, &cfg); err != nil {
		return Config{}, err
	}
	if err := loadTriageConfig(&cfg, getenv); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// parseRetention reads a number of days ("365d") or a Go duration
// ("720h"), positive.
func parseRetention(v string) (time.Duration, error) {
	var d time.Duration
	if days, ok := strings.CutSuffix(v, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, errors.New("want days such as 365d, or a duration such as 720h")
		}
		if n > maxRetentionDays {
			return 0, fmt.Errorf("at most %dd", maxRetentionDays)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			return 0, errors.New("want days such as 365d, or a duration such as 720h")
		}
	}
	if d <= 0 {
		return 0, errors.New("the retention must be positive")
	}
	if d > maxRetentionDays*24*time.Hour {
		return 0, fmt.Errorf("at most %dd", maxRetentionDays)
	}
	return d, nil
}

// maxRetentionDays bounds PLUME_RETENTION (a hundred years), far below
// what a time.Duration can hold: a larger number would wrap round to a
// short retention and purge everything.
const maxRetentionDays = 36500

// loadUploadLimits reads the upload limits that are set.
func loadUploadLimits(getenv func(string) string, l *api.UploadLimits) error {
	for _, v := range []struct {
		name  string
		bytes *int64
		n     *int
	}{
		{"PLUME_UPLOAD_MAX_BYTES", &l.ExpandedBytes, nil},
		{"PLUME_UPLOAD_MAX_FILES", nil, &l.Files},
		{"PLUME_UPLOAD_MAX_PDF_PAGES", nil, &l.PDFPages},
		{"PLUME_UPLOAD_MAX_PDF_BYTES", &l.PDFContentBytes, nil},
		{"PLUME_UPLOAD_PER_KEY", nil, &l.PerKey},
	} {
		s := getenv(v.name)
		if s == "" {
			continue
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 || (v.n != nil && n > 1<<30) {
			return fmt.Errorf("%s=%q: want a positive integer", v.name, s)
		}
		if v.bytes != nil {
			*v.bytes = n
		} else {
			*v.n = int(n)
		}
	}
	return nil
}

// loadTriageConfig reads the emergency contacts and the second opinion.
func loadTriageConfig(cfg *Config, getenv func(string) string) error {
	if v := getenv("PLUME_EMERGENCY_CONTACTS"); v != "" {
		contacts, err := triage.ParseContacts(v)
		if err != nil {
			return fmt.Errorf("PLUME_EMERGENCY_CONTACTS: %w", err)
		}
		cfg.EmergencyContacts = contacts
	}
	if v := getenv("PLUME_TRIAGE_SECOND_OPINION"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("PLUME_TRIAGE_SECOND_OPINION=%q: want true or false", v)
		}
		cfg.TriageSecondOpinion = b
	}
	return nil
}
