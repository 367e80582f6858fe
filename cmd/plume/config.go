package main

import (
	"fmt"
	"strconv"
	"time"

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
	// EmergencyContacts are the numbers an urgent message's draft starts
	// with, for the reasons each answers (PLUME_EMERGENCY_CONTACTS, as
	// "NUMBER|LABEL|CODE,CODE;…"; default triage.DefaultContacts(): 3919,
	// 3114, 115, 119, 15, 17, 112).
	EmergencyContacts []triage.Contact
	// TriageSecondOpinion asks the chat model for the triage level of each
	// message, on its redacted text; it can raise the level, never lower
	// it (PLUME_TRIAGE_SECOND_OPINION=true; default false).
	TriageSecondOpinion bool
}

// LoadConfig reads the configuration from getenv, applying defaults.
func LoadConfig(getenv func(string) string) (Config, error) {
	cfg := Config{
		DatabaseURL:   getenv("DATABASE_URL"),
		OpenAIBaseURL: getenv("OPENAI_BASE_URL"),
		OpenAIAPIKey:  getenv("OPENAI_API_KEY"),
		EmbedModel:    getenv("PLUME_EMBED_MODEL"),
		EmbedBaseURL:  getenv("PLUME_EMBED_BASE_URL"),
		EmbedAPIKey:   getenv("PLUME_EMBED_API_KEY"),
		ChatModel:     getenv("PLUME_CHAT_MODEL"),
		PromptsDir:    getenv("PLUME_PROMPTS_DIR"),
		Addr:          getenv("PLUME_ADDR"),
		ModelTimeout:  60 * time.Second,
		EmbedBreaker:  30 * time.Second,

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
	if err := loadTriageConfig(&cfg, getenv); err != nil {
		return Config{}, err
	}
	return cfg, nil
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
