package wire

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/triage"
)

// The parsers of Settings: each reads one value into its field of Config,
// or says what it wants instead.

// errNotPositive is the complaint about a number that must be positive.
var errNotPositive = errors.New("want a positive integer")

func setString(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error {
		*field(c) = v
		return nil
	}
}

// setSwitch reads a switch: on or off, as every switch of the
// configuration is written (true, false, 1, 0, yes and no too, in any
// case; until session 20 two switches took only true or false and the
// others only on or off).
func setSwitch(field func(*Config) *bool) func(*Config, string) error {
	return func(c *Config, v string) error {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "on", "true", "1", "yes":
			*field(c) = true
		case "off", "false", "0", "no":
			*field(c) = false
		default:
			return errors.New("want on or off")
		}
		return nil
	}
}

// setDuration reads a positive duration.
func setDuration(example string, field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("want a positive duration such as %s", example)
		}
		*field(c) = d
		return nil
	}
}

// setInt reads a positive count, up to 2³⁰.
func setInt(field func(*Config) *int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 || n > 1<<30 {
			return errNotPositive
		}
		*field(c) = int(n)
		return nil
	}
}

// setInt64 reads a positive number of bytes.
func setInt64(field func(*Config) *int64) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return errNotPositive
		}
		*field(c) = n
		return nil
	}
}

func setEmbedDim(c *Config, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 || n > 16000 {
		return errors.New("want a positive vector size up to 16000")
	}
	c.EmbedDim = n
	return nil
}

func setBreaker(c *Config, v string) error {
	d, err := time.ParseDuration(v)
	if v == "0" {
		d, err = 0, nil
	}
	if err != nil || d < 0 {
		return errors.New("want a duration such as 30s, or 0 to try the endpoint every time")
	}
	c.EmbedBreaker = d
	return nil
}

func setRate(c *Config, v string) error {
	r, err := strconv.ParseFloat(v, 64)
	if err != nil || r == 0 {
		return errors.New("want requests per second, or a negative rate for no limit (a zero rate would refuse everything)")
	}
	c.Server.RatePerSecond = r
	return nil
}

func setRetention(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := parseRetention(v)
		if err != nil {
			return err
		}
		*field(c) = d
		return nil
	}
}

// maxRetentionDays bounds PLUME_RETENTION (a hundred years), far below
// what a time.Duration can hold: a larger number would wrap round to a
// short retention and purge everything.
const maxRetentionDays = 36500

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

func setContacts(c *Config, v string) error {
	contacts, err := triage.ParseContacts(v)
	if err != nil {
		return err
	}
	c.EmergencyContacts = contacts
	return nil
}

// contactsSpec writes contacts as PLUME_EMERGENCY_CONTACTS holds them.
func contactsSpec(cs []triage.Contact) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Number + "|" + c.Label + "|" + strings.Join(c.Codes, ",")
	}
	return strings.Join(parts, ";")
}

// contactsSummary lists contacts' numbers with their reasons, for the
// documentation.
func contactsSummary(cs []triage.Contact) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Number + " (" + strings.Join(c.Codes, ", ") + ")"
	}
	return strings.Join(parts, ", ")
}

func setProxies(c *Config, v string) error {
	proxies, err := parseCIDRs(v)
	if err != nil {
		return err
	}
	c.Server.TrustedProxies = proxies
	return nil
}

func setRedirectURL(c *Config, v string) error {
	if !strings.HasSuffix(v, "/auth/callback") {
		return errors.New("want plume's callback, https://…/auth/callback")
	}
	c.oidc().RedirectURL = v
	return nil
}

// setFeedbackTags reads the labels of feedback, separated by commas, in
// the form tags are compared in (rag.NormalizeTag: NFC, one space), and
// refuses a vocabulary that rag.CheckFeedbackTags refuses: two labels
// matching the same tags, a label no agent could send, or one the redactor
// reads as personal data.
func setFeedbackTags(c *Config, v string) error {
	var tags []string
	for _, t := range strings.Split(v, ",") {
		if t = rag.NormalizeTag(t); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return fmt.Errorf("no label in %q", v)
	}
	if err := rag.CheckFeedbackTags(context.Background(), tags); err != nil {
		return err
	}
	c.FeedbackTags = tags
	return nil
}

func setScopes(c *Config, v string) error {
	c.oidc().Scopes = strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' })
	return nil
}

func setRules(c *Config, v string) error {
	rules, err := auth.ParseRules(v)
	if err != nil {
		return err
	}
	c.Server.SignIn.Rules = rules
	return nil
}

// parseCIDRs reads address ranges separated by commas.
func parseCIDRs(v string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		_, r, err := net.ParseCIDR(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not an address range such as 10.0.0.0/8", s)
		}
		out = append(out, r)
	}
	return out, nil
}
