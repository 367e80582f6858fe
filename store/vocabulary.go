package store

import (
	"context"
	"fmt"
	"slices"
)

// KnownAudiences are the audiences of service-public.fr, always accepted.
var KnownAudiences = []string{"particuliers", "professionnels", "associations"}

// Vocabulary is the services and audiences that exist: what a request may
// name.
type Vocabulary struct {
	// Services are those of documents and of API keys, sorted.
	Services []string
	// Audiences are KnownAudiences and those of documents, sorted.
	Audiences []string
}

// Vocabulary returns the services and audiences in use. With services
// (a service's key: its own and "" for the shared documents), Audiences
// are only those of these services' documents: another service's labels
// are not its to see.
func (s *Store) Vocabulary(ctx context.Context, services []string) (Vocabulary, error) {
	var v Vocabulary
	err := s.pool.QueryRow(ctx, `SELECT
		ARRAY(SELECT service FROM documents WHERE service <> ''
			UNION SELECT service FROM api_keys WHERE service <> '' ORDER BY 1),
		ARRAY(SELECT unnest(audience) FROM documents WHERE $2::text[] IS NULL OR service = ANY($2)
			UNION SELECT unnest($1::text[]) ORDER BY 1)`,
		KnownAudiences, services).Scan(&v.Services, &v.Audiences)
	if err != nil {
		return Vocabulary{}, fmt.Errorf("load services and audiences: %w", err)
	}
	// A service stored before services were checked is no one to name.
	v.Services = slices.DeleteFunc(v.Services, func(s string) bool { return !ValidService(s) })
	return v, nil
}
