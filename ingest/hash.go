package ingest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"time"
)

// hashVersion names the serialisation below; changing it changes every
// hash.
const hashVersion = "plume-document-v1"

// ContentHash returns the SHA-256 (hex) of a canonical serialisation of
// everything stored about the document: title, description, URL, audience,
// service, tags, breadcrumb, update date and blocks (heading paths and
// texts). Source and ExternalID, which identify the document, are not
// part of it. Every string is length-prefixed, so no two different
// documents serialise alike.
func (d Document) ContentHash() string {
	h := sha256.New()
	w := hashWriter{h: h}
	w.str(hashVersion)
	w.str(d.Title)
	w.str(d.Description)
	w.str(d.URL)
	w.list(d.Audience)
	w.str(d.Service)
	w.list(d.Tags)
	w.list(d.Breadcrumb)
	if d.UpdatedAt.IsZero() {
		w.str("")
	} else {
		w.str(d.UpdatedAt.UTC().Format(time.RFC3339Nano))
	}
	w.num(len(d.Blocks))
	for _, b := range d.Blocks {
		w.list(b.Heading)
		w.str(b.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type hashWriter struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64]byte
}

func (w *hashWriter) num(n int) {
	k := binary.PutUvarint(w.buf[:], uint64(n))
	w.h.Write(w.buf[:k])
}

func (w *hashWriter) str(s string) {
	w.num(len(s))
	w.h.Write([]byte(s))
}

func (w *hashWriter) list(l []string) {
	w.num(len(l))
	for _, s := range l {
		w.str(s)
	}
}
