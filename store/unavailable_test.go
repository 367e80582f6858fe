package store_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestIsUnavailable tells a database out of reach from a statement it
// refused.
func TestIsUnavailable(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { // a server that hangs up on every connection
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	defer ln.Close()
	_, connErr := store.Open(context.Background(), fmt.Sprintf("postgres://postgres@%s/plume?sslmode=disable&connect_timeout=2", ln.Addr()))

	st := storetest.NewStore(t)
	_, sqlErr := st.Pool().Exec(t.Context(), "SELECT * FROM no_such_table")
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"connection refused by the server", connErr, true},
		{"admin shutdown", fmt.Errorf("save: %w", &pgconn.PgError{Code: "57P01"}), true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"unknown table", sqlErr, false},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"not found", store.ErrNotFound, false},
		{"canceled", context.Canceled, false},
		{"nil", nil, false},
		{"other", errors.New("boom"), false},
	} {
		if got := store.IsUnavailable(tc.err); got != tc.want {
			t.Errorf("%s (%v): %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}
