package wire

import (
	"fmt"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/telemetry"
	"github.com/plume-sp/plume/triage"
)

// Config is plume's configuration, read once from the environment (and the
// flags of plume serve). Settings describes every field: its variable, type,
// default and meaning.
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
	// (PLUME_EMBED_SEND_DIMENSIONS=on), for models that can shorten
	// their vectors; servers that reject the field need it off (default).
	EmbedSendDimensions bool
	// ChatModel is the model that writes drafts (PLUME_CHAT_MODEL); empty
	// means extractive drafts only.
	ChatModel string
	// PromptsDir overrides the embedded prompt templates (PLUME_PROMPTS_DIR).
	PromptsDir string
	// ModelTimeout bounds each call to a model (PLUME_MODEL_TIMEOUT).
	ModelTimeout time.Duration
	// EmbedBreaker is how long searches skip a remote embedding endpoint
	// that failed, searching full text meanwhile (PLUME_EMBED_BREAKER; 0
	// tries it every time).
	EmbedBreaker time.Duration
	// QueryRewrite turns messages into search queries with the chat model
	// before searching (PLUME_QUERY_REWRITE=on|off; needs
	// PLUME_CHAT_MODEL); QueryRewriteTimeout bounds that call
	// (PLUME_QUERY_REWRITE_TIMEOUT).
	QueryRewrite        bool
	QueryRewriteTimeout time.Duration
	// AnswerCheck asks the chat model, before a validated answer is shown
	// with a draft, whether it answers the redacted message
	// (PLUME_ANSWER_CHECK=on|off; needs PLUME_CHAT_MODEL);
	// AnswerCheckTimeout bounds each call (PLUME_ANSWER_CHECK_TIMEOUT).
	AnswerCheck        bool
	AnswerCheckTimeout time.Duration
	// Retention is how long drafts and feedback are kept
	// (PLUME_RETENTION: "365d" or a Go duration; a year is what a
	// data-protection officer accepts for working records of the replies
	// sent to the public).
	Retention time.Duration
	// AuditRetention is how long the audit log's entries are kept
	// (PLUME_AUDIT_RETENTION, same form; 400 days by default: a year of
	// administrators' actions to review, plus the time to notice and
	// investigate).
	AuditRetention time.Duration
	// Server is the configuration of plume serve's HTTP API: its address
	// (PLUME_ADDR or --addr), its limits (the flags of plume serve,
	// PLUME_UPLOAD_*), /metrics (PLUME_METRICS_*), the sessions and access
	// rules of the page (PLUME_SESSION_*, PLUME_ACCESS_*) and the trusted
	// proxies (PLUME_TRUSTED_PROXIES). A zero limit is api's default.
	Server api.Config
	// OIDC, when set, signs the page's agents in through an OpenID Connect
	// provider (PLUME_OIDC_*).
	OIDC *auth.Config
	// Tracing sends OpenTelemetry traces from "plume serve" when the
	// standard OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set (and not
	// OTEL_SDK_DISABLED=true); the exporter reads the other OTEL_* itself.
	Tracing bool
	// EmergencyContacts are the numbers an urgent message's draft starts
	// with, for the reasons each answers (PLUME_EMERGENCY_CONTACTS).
	EmergencyContacts []triage.Contact
	// FeedbackTags are the labels agents tag feedback with
	// (PLUME_FEEDBACK_TAGS): any other tag is refused.
	FeedbackTags []string
	// TriageSecondOpinion asks the chat model for the triage level of each
	// message, on its redacted text; it can raise the level, never lower
	// it (PLUME_TRIAGE_SECOND_OPINION); TriageSecondOpinionTimeout bounds
	// that call (PLUME_TRIAGE_SECOND_OPINION_TIMEOUT).
	TriageSecondOpinion        bool
	TriageSecondOpinionTimeout time.Duration
	// MaxQuestionBytes bounds the user text a draft, a search or a triage
	// is asked for (PLUME_MAX_QUESTION_BYTES): the one limit of user text.
	MaxQuestionBytes int
	// ReplicaURL is a streaming replica of the database taking searches,
	// statistics and listings (DATABASE_REPLICA_URL, optional); reads go
	// back to the primary while it is down or more than ReplicaMaxLag
	// behind (PLUME_REPLICA_MAX_LAG).
	ReplicaURL    string
	ReplicaMaxLag time.Duration
}

// LoadConfig reads the configuration from getenv: every variable of
// Settings, its default when unset.
func LoadConfig(getenv func(string) string) (Config, error) {
	var cfg Config
	for _, s := range Settings() {
		if s.Name == "" || s.set == nil {
			continue
		}
		v := getenv(s.Name)
		if v == "" {
			if s.zeroIsDefault {
				continue
			}
			v = s.Default
		}
		if v == "" {
			continue
		}
		if err := s.set(&cfg, v); err != nil {
			return Config{}, s.error(v, err)
		}
	}
	if err := cfg.derive(getenv); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// derive fills in what depends on several settings, and checks that the
// settings that go together are given together.
func (c *Config) derive(getenv func(string) string) error {
	if c.EmbedBaseURL == "" {
		c.EmbedBaseURL = c.OpenAIBaseURL
	}
	if c.EmbedAPIKey == "" {
		c.EmbedAPIKey = c.OpenAIAPIKey
	}
	if c.EmbedModel != "" && c.EmbedDim == 0 {
		return fmt.Errorf("PLUME_EMBED_MODEL is set: PLUME_EMBED_DIM must give its vector size")
	}
	c.Tracing = telemetry.Enabled(getenv)
	return c.deriveOIDC()
}

// deriveOIDC keeps the provider only when its issuer, client id and
// redirect URL are all set.
func (c *Config) deriveOIDC() error {
	o := c.OIDC
	if o == nil {
		return nil
	}
	set := 0
	for _, v := range []string{o.Issuer, o.ClientID, o.RedirectURL} {
		if v != "" {
			set++
		}
	}
	switch set {
	case 3:
		return nil
	case 0:
		c.OIDC = nil
		return nil
	}
	return fmt.Errorf("PLUME_OIDC_ISSUER, PLUME_OIDC_CLIENT_ID and PLUME_OIDC_REDIRECT_URL go together: set all three or none")
}

// oidc returns the provider's configuration, created on first use.
func (c *Config) oidc() *auth.Config {
	if c.OIDC == nil {
		c.OIDC = &auth.Config{}
	}
	return c.OIDC
}
