package api

import (
	"context"
	"crypto/sha256"
	"sync"
	"time"
)

// knownCredentials is this process's copy of the hashes of the API keys and
// sessions the database holds, consulted only for an address throttled for
// wrong keys: a key or session it does not hold gets 429 without a lookup,
// so that a throttled address costs the database at most one refresh a
// second for the whole process, however many wrong keys it sends, while a
// valid key or session still gets through (see authenticate). It is read
// when first needed (a process never throttled never reads it), completed
// with what was created since, at most once a second (a key created a
// moment ago on another process is known a second later at most), and
// read whole again every hour, so that revoked keys and ended sessions
// leave it.
type knownCredentials struct {
	load func(ctx context.Context, since time.Time) ([][]byte, time.Time, error)
	// every is the least time between two refreshes; whole, between two
	// whole reads.
	every, whole time.Duration

	mu     sync.Mutex
	hashes map[[sha256.Size]byte]struct{}
	// since is the creation time from which the next refresh reads.
	since time.Time
	// refreshed and loaded are the times of the last refresh and of the
	// last whole read, by the process's clock.
	refreshed, loaded time.Time
}

// knownOverlap is how far back before the latest creation read a refresh
// reads again: a credential committed late, with an earlier creation time,
// is not missed.
const knownOverlap = time.Minute

func newKnownCredentials(load func(ctx context.Context, since time.Time) ([][]byte, time.Time, error)) *knownCredentials {
	return &knownCredentials{load: load, every: time.Second, whole: time.Hour}
}

// holds reports whether hash names a key or session the database held at
// the last refresh; when it does not, the copy is refreshed first unless
// it was less than a second ago.
func (k *knownCredentials) holds(ctx context.Context, hash []byte, now time.Time) (bool, error) {
	var h [sha256.Size]byte
	copy(h[:], hash)
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.hashes[h]; ok {
		return true, nil
	}
	if !k.refreshed.IsZero() && now.Sub(k.refreshed) < k.every {
		return false, nil
	}
	if err := k.refresh(ctx, now); err != nil {
		return false, err
	}
	_, ok := k.hashes[h]
	return ok, nil
}

// refresh reads what was created since the last refresh, or everything
// when the copy is empty or an hour old. A failure counts as a refresh:
// a database that fails is not asked again before a second. The caller
// holds mu.
func (k *knownCredentials) refresh(ctx context.Context, now time.Time) error {
	k.refreshed = now
	whole := k.hashes == nil || now.Sub(k.loaded) >= k.whole
	since := k.since
	if whole {
		since = time.Time{}
	}
	hashes, latest, err := k.load(ctx, since)
	if err != nil {
		return err
	}
	if whole {
		k.hashes, k.loaded = make(map[[sha256.Size]byte]struct{}, len(hashes)), now
	}
	for _, h := range hashes {
		var a [sha256.Size]byte
		copy(a[:], h)
		k.hashes[a] = struct{}{}
	}
	if !latest.IsZero() {
		k.since = latest.Add(-knownOverlap)
	}
	return nil
}

// mayBeKnown reports whether hash, of a key or a session id sent from an
// address throttled for wrong keys, may be valid and is worth a lookup;
// when the copy cannot be read, it is not (the lookup would fail too).
func (s *Server) mayBeKnown(ctx context.Context, hash []byte) bool {
	ok, err := s.known.holds(ctx, hash, s.deps.Now())
	if err != nil {
		s.log.Warn("read the known credentials", "err", err)
	}
	return ok
}
