package wire

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/triage"
)

// Setting is one knob of plume's configuration: an environment variable, a
// flag of plume serve, or both. LoadConfig reads the variables, ServeFlags
// defines the flags, and plume help config and README print them, all from
// Settings.
type Setting struct {
	// Name is the environment variable ("" for a flag alone).
	Name string
	// Flag is the flag of plume serve that sets it ("rate" for --rate), if
	// any.
	Flag string
	// Type says what the value is: string, URL, secret, int, bytes,
	// duration, bool…
	Type string
	// Default is the value that applies when the setting is not given,
	// written as it would be given ("" when unset means nothing).
	Default string
	// Shown, when set, is how the default is described instead of Default
	// (a derived value, or what unset means).
	Shown string
	// Doc says what the setting does.
	Doc string

	// set parses a value into the configuration; nil for a variable that
	// another package reads (the OTEL_* ones, the tests' database).
	set func(c *Config, v string) error
	// zeroIsDefault leaves the field zero when the setting is not given:
	// the package that uses the field applies Default itself, so that the
	// default is written in one place.
	zeroIsDefault bool
	// quiet leaves the value out of its error (the parser quotes the part
	// it could not read).
	quiet bool
}

// error describes v, given for s, that set refused.
func (s Setting) error(v string, err error) error {
	if s.quiet {
		return fmt.Errorf("%s: %w", s.Name, err)
	}
	return fmt.Errorf("%s=%q: %w", s.Name, v, err)
}

// Settings lists every setting of plume, in the order of the documentation.
func Settings() []Setting {
	return append(append(modelSettings(), serverSettings()...), signInSettings()...)
}

// modelSettings are the database, the models and retrieval.
func modelSettings() []Setting {
	return []Setting{
		{Name: "DATABASE_URL", Type: "URL", Default: "postgres://postgres@127.0.0.1:5432/plume?sslmode=disable",
			Doc: "PostgreSQL connection string", set: setString(func(c *Config) *string { return &c.DatabaseURL })},
		{Name: "DATABASE_REPLICA_URL", Type: "URL",
			Doc: `a streaming replica taking searches, statistics and listings (see "Past one machine")`,
			set: setString(func(c *Config) *string { return &c.ReplicaURL })},
		{Name: "PLUME_REPLICA_MAX_LAG", Type: "duration", Default: formatDuration(store.DefaultReplicaMaxLag),
			Doc: "staleness past which reads go back to the primary",
			set: setDuration("5s", func(c *Config) *time.Duration { return &c.ReplicaMaxLag })},
		{Name: "OPENAI_BASE_URL", Type: "URL", Default: "https://api.openai.com/v1", Doc: "OpenAI-compatible endpoint of the chat model",
			set: setString(func(c *Config) *string { return &c.OpenAIBaseURL })},
		{Name: "OPENAI_API_KEY", Type: "secret", Doc: "its API key",
			set: setString(func(c *Config) *string { return &c.OpenAIAPIKey })},
		{Name: "PLUME_CHAT_MODEL", Type: "string", Shown: "unset: extractive drafts", Doc: "model that writes drafts",
			set: setString(func(c *Config) *string { return &c.ChatModel })},
		{Name: "PLUME_EMBED_MODEL", Type: "string", Shown: "unset: local embedder",
			Doc: "remote embedding model (needs `PLUME_EMBED_DIM`)", set: setString(func(c *Config) *string { return &c.EmbedModel })},
		{Name: "PLUME_EMBED_DIM", Type: "int", Doc: "vector size of `PLUME_EMBED_MODEL` (up to 16000)", set: setEmbedDim},
		{Name: "PLUME_EMBED_BASE_URL", Type: "URL", Shown: "`OPENAI_BASE_URL`", Doc: "embedding endpoint, if not the chat one",
			set: setString(func(c *Config) *string { return &c.EmbedBaseURL })},
		{Name: "PLUME_EMBED_API_KEY", Type: "secret", Shown: "`OPENAI_API_KEY`", Doc: "its API key",
			set: setString(func(c *Config) *string { return &c.EmbedAPIKey })},
		{Name: "PLUME_EMBED_SEND_DIMENSIONS", Type: "on|off", Default: "off",
			Doc: "send `dimensions` (models that can shorten vectors)",
			set: setSwitch(func(c *Config) *bool { return &c.EmbedSendDimensions })},
		{Name: "PLUME_PROMPTS_DIR", Type: "path", Shown: "unset: the embedded prompts", Doc: "folder of `*.tmpl` overriding the embedded prompts",
			set: setString(func(c *Config) *string { return &c.PromptsDir })},
		{Name: "PLUME_MODEL_TIMEOUT", Type: "duration", Default: "60s", Doc: "bound on each model call",
			set: setDuration("30s", func(c *Config) *time.Duration { return &c.ModelTimeout })},
		{Name: "PLUME_QUERY_REWRITE", Type: "on|off", Default: "off",
			Doc: "`on`: rewrite each message into search queries with the chat model before searching (needs `PLUME_CHAT_MODEL`)",
			set: setSwitch(func(c *Config) *bool { return &c.QueryRewrite })},
		{Name: "PLUME_QUERY_REWRITE_TIMEOUT", Type: "duration", Default: formatDuration(rag.DefaultRewriteTimeout),
			Doc: "bound on the rewrite call; past it the message is searched alone",
			set: setDuration("3s", func(c *Config) *time.Duration { return &c.QueryRewriteTimeout })},
		{Name: "PLUME_ANSWER_CHECK", Type: "on|off", Default: "off",
			Doc: "`on`: before a validated answer is shown with a draft, ask the chat model whether it answers the message " +
				"(redacted text; the first two answers; needs `PLUME_CHAT_MODEL`)",
			set: setSwitch(func(c *Config) *bool { return &c.AnswerCheck })},
		{Name: "PLUME_ANSWER_CHECK_TIMEOUT", Type: "duration", Default: formatDuration(rag.DefaultAnswerCheckTimeout),
			Doc: "bound on each answer check; past it, or on any failure, the answer is shown as matched",
			set: setDuration("3s", func(c *Config) *time.Duration { return &c.AnswerCheckTimeout })},
		{Name: "PLUME_EMBED_BREAKER", Type: "duration", Default: "30s",
			Doc: "after a remote embedding endpoint failed, how long searches skip it and use full text only (`full_text_only` warning); " +
				"then one search probes it, for 3 s at most; `0`: try it every time",
			set: setBreaker},
		{Name: "PLUME_EMERGENCY_CONTACTS", Type: "contacts", Default: contactsSpec(triage.DefaultContacts()),
			Shown: contactsSummary(triage.DefaultContacts()),
			Doc:   "numbers an urgent draft starts with, `NUMBER|LABEL|CODE,CODE;…` (codes: the urgent reasons of `triage/`)",
			set:   setContacts, quiet: true},
		{Name: "PLUME_FEEDBACK_TAGS", Type: "list", Default: strings.Join(rag.DefaultFeedbackTags(), ", "),
			Doc: "the labels agents may tag feedback with, separated by commas; any other tag is refused (a free label may hold a surname), a tag typed decomposed or with a no-break space is its label; labels alike but for case or accents, or read as personal data, fail the start",
			set: setFeedbackTags},
		{Name: "PLUME_TRIAGE_SECOND_OPINION", Type: "on|off", Default: "off",
			Doc: "ask the chat model for the triage level too (redacted text; raises only)",
			set: setSwitch(func(c *Config) *bool { return &c.TriageSecondOpinion })},
		{Name: "PLUME_TRIAGE_SECOND_OPINION_TIMEOUT", Type: "duration", Default: formatDuration(rag.DefaultSecondOpinionTimeout),
			Doc: "bound on the second opinion's call; past it, or on any failure, the local level stands and the response says so (`second_opinion: failed`)",
			set: setDuration("5s", func(c *Config) *time.Duration { return &c.TriageSecondOpinionTimeout })},
		{Name: "PLUME_MAX_QUESTION_BYTES", Type: "bytes", Default: strconv.Itoa(rag.MaxQuestionBytes),
			Doc: "longest message a draft, a search or a triage is asked for (HTTP answers 413 past it)",
			set: setInt(func(c *Config) *int { return &c.MaxQuestionBytes })},
		{Name: "PLUME_RETENTION", Type: "days or duration", Default: "365d",
			Doc: "how long drafts and feedback are kept (`plume purge`, and `serve` daily)",
			set: setRetention(func(c *Config) *time.Duration { return &c.Retention })},
		{Name: "PLUME_AUDIT_RETENTION", Type: "days or duration", Default: "400d",
			Doc: "how long the audit log's entries are kept (`plume purge`, and `serve` daily)",
			set: setRetention(func(c *Config) *time.Duration { return &c.AuditRetention })},
	}
}

// serverSettings are plume serve's address, limits, metrics and traces.
func serverSettings() []Setting {
	d := api.DefaultConfig()
	srv := func(c *Config) *api.Config { return &c.Server }
	up := func(c *Config) *api.UploadLimits { return &c.Server.Upload }
	return []Setting{
		{Name: "PLUME_ADDR", Flag: "addr", Type: "address", Default: ":8080", Doc: "address plume serve listens on",
			set: setString(func(c *Config) *string { return &srv(c).Addr })},
		{Flag: "rate", Type: "rate", Default: strconv.FormatFloat(d.RatePerSecond, 'g', -1, 64), zeroIsDefault: true,
			Doc: "requests per second allowed per API key (negative: no limit)", set: setRate},
		{Flag: "burst", Type: "int", Default: strconv.Itoa(d.Burst), zeroIsDefault: true,
			Doc: "requests an API key may send at once before the rate applies",
			set: setInt(func(c *Config) *int { return &srv(c).Burst })},
		{Flag: "max-body", Type: "bytes", Default: strconv.FormatInt(d.MaxBodyBytes, 10), zeroIsDefault: true,
			Doc: "largest JSON request body", set: setInt64(func(c *Config) *int64 { return &srv(c).MaxBodyBytes })},
		{Flag: "max-upload", Type: "bytes", Default: strconv.FormatInt(d.MaxUploadBytes, 10), zeroIsDefault: true,
			Doc: "largest document upload", set: setInt64(func(c *Config) *int64 { return &srv(c).MaxUploadBytes })},
		{Flag: "request-timeout", Type: "duration", Default: formatDuration(d.RequestTimeout), zeroIsDefault: true,
			Doc: "longest time a request may take, streams included",
			set: setDuration("2m", func(c *Config) *time.Duration { return &srv(c).RequestTimeout })},
		{Flag: "body-timeout", Type: "duration", Default: formatDuration(d.BodyTimeout), zeroIsDefault: true,
			Doc: "longest time a JSON request body may take to arrive (408 after)",
			set: setDuration("30s", func(c *Config) *time.Duration { return &srv(c).BodyTimeout })},
		{Flag: "shutdown-timeout", Type: "duration", Default: formatDuration(d.ShutdownTimeout), zeroIsDefault: true,
			Doc: "how long in-flight requests may finish after SIGTERM",
			set: setDuration("30s", func(c *Config) *time.Duration { return &srv(c).ShutdownTimeout })},
		{Name: "PLUME_UPLOAD_MAX_BYTES", Type: "bytes", Default: strconv.FormatInt(d.Upload.ExpandedBytes, 10), zeroIsDefault: true,
			Doc: "an HTTP upload, once archives are expanded", set: setInt64(func(c *Config) *int64 { return &up(c).ExpandedBytes })},
		{Name: "PLUME_UPLOAD_MAX_FILES", Type: "int", Default: strconv.Itoa(d.Upload.Files), zeroIsDefault: true,
			Doc: "documents per upload (files, archive members, JSONL records)", set: setInt(func(c *Config) *int { return &up(c).Files })},
		{Name: "PLUME_UPLOAD_MAX_PDF_PAGES", Type: "int", Default: strconv.Itoa(d.Upload.PDFPages), zeroIsDefault: true,
			Doc: "pages per uploaded PDF", set: setInt(func(c *Config) *int { return &up(c).PDFPages })},
		{Name: "PLUME_UPLOAD_MAX_PDF_BYTES", Type: "bytes", Default: strconv.FormatInt(d.Upload.PDFContentBytes, 10), zeroIsDefault: true,
			Doc: "decompressed page content per uploaded PDF", set: setInt64(func(c *Config) *int64 { return &up(c).PDFContentBytes })},
		{Name: "PLUME_UPLOAD_PER_KEY", Type: "int", Default: strconv.Itoa(d.Upload.PerKey), zeroIsDefault: true,
			Doc: "uploads in progress per key", set: setInt(func(c *Config) *int { return &up(c).PerKey })},
		{Name: "PLUME_UPLOAD_CHECK_TIME", Type: "duration", Default: formatDuration(d.Upload.CheckTime), zeroIsDefault: true,
			Doc: "longest personal-data check of an upload (413 check_too_long after)",
			set: setDuration("30s", func(c *Config) *time.Duration { return &up(c).CheckTime })},
		{Name: "PLUME_METRICS_TOKEN", Type: "secret", Shown: "unset: public", Doc: "bearer token `/metrics` asks for",
			set: setString(func(c *Config) *string { return &srv(c).MetricsToken })},
		{Name: "PLUME_METRICS_ADDR", Type: "address", Doc: "serve `/metrics` on this address only",
			set: setString(func(c *Config) *string { return &srv(c).MetricsAddr })},
		{Name: "PLUME_TRUSTED_PROXIES", Type: "CIDRs", Shown: "unset: the connection's address",
			Doc: "reverse proxies (comma-separated) whose `X-Forwarded-For` gives the client's address for failed logins",
			set: setProxies, quiet: true},
		{Name: "OTEL_EXPORTER_OTLP_ENDPOINT", Type: "URL", Shown: "unset: no traces",
			Doc: "send OpenTelemetry traces there (OTLP over HTTP/protobuf); the other standard `OTEL_*` variables " +
				"(`OTEL_SERVICE_NAME`, `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`…) apply"},
		{Name: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", Type: "URL", Doc: "the same, for traces only"},
		{Name: "OTEL_SDK_DISABLED", Type: "bool", Default: "false", Doc: "`true`: no traces, whatever the endpoint"},
		{Name: "PLUME_TEST_DATABASE_URL", Type: "URL", Shown: "local `plume_test`", Doc: "database the tests create their schemas in"},
	}
}

// signInSettings are the page's sign-in through an OpenID Connect provider,
// its sessions and its access rules.
func signInSettings() []Setting {
	d := api.DefaultConfig().SignIn
	in := func(c *Config) *api.SignInConfig { return &c.Server.SignIn }
	return []Setting{
		{Name: "PLUME_OIDC_ISSUER", Type: "URL", Shown: "unset: API keys only",
			Doc: "the OpenID Connect provider agents sign in with (ProConnect: see *Signing in*); " +
				"issuer, client id and redirect URL go together",
			set: setString(func(c *Config) *string { return &c.oidc().Issuer })},
		{Name: "PLUME_OIDC_CLIENT_ID", Type: "string", Doc: "plume's registration there",
			set: setString(func(c *Config) *string { return &c.oidc().ClientID })},
		{Name: "PLUME_OIDC_CLIENT_SECRET", Type: "secret", Doc: "its secret",
			set: setString(func(c *Config) *string { return &c.oidc().ClientSecret })},
		{Name: "PLUME_OIDC_REDIRECT_URL", Type: "URL", Doc: "plume's callback as registered, `https://<host>/auth/callback`",
			set: setRedirectURL},
		{Name: "PLUME_OIDC_SCOPES", Type: "list", Default: strings.Join(auth.DefaultScopes, " "),
			Doc: "scopes asked for (spaces or commas)", set: setScopes},
		{Name: "PLUME_OIDC_PROVIDER_NAME", Type: "string", Default: d.ProviderName, zeroIsDefault: true,
			Doc: "the provider's name on the page", set: setString(func(c *Config) *string { return &in(c).ProviderName })},
		{Name: "PLUME_ACCESS_RULES", Type: "rules", Shown: "none: admins give access",
			Doc: "who gets which access at sign-in: `domain:interieur.gouv.fr=agent/ants; siret:13002526500013=admin` " +
				"(`KIND:VALUE=ROLE[/SERVICE]`, first match wins; before the rules written on the page)",
			set: setRules, quiet: true},
		{Name: "PLUME_ACCESS_CONTACT", Type: "string", Default: d.AccessContact, zeroIsDefault: true,
			Doc: "whom an agent without access should ask, shown on the page that says so",
			set: setString(func(c *Config) *string { return &in(c).AccessContact })},
		{Name: "PLUME_SESSION_IDLE", Type: "duration", Default: formatDuration(d.IdleTimeout), zeroIsDefault: true,
			Doc: "a session ends after this long unused",
			set: setDuration("1h", func(c *Config) *time.Duration { return &in(c).IdleTimeout })},
		{Name: "PLUME_SESSION_LIFETIME", Type: "duration", Default: formatDuration(d.Lifetime), zeroIsDefault: true,
			Doc: "a session ends this long after sign-in",
			set: setDuration("1h", func(c *Config) *time.Duration { return &in(c).Lifetime })},
	}
}

// formatDuration writes d as a Go duration without zero units: 1h, 2m, 30s.
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
