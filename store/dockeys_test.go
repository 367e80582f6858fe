package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestDocumentKeysPerService: each service has its own namespace of
// document ids. Two services (and the shared documents) save the same
// source and id as three documents; a save, a lookup and a guard of one
// never reach another's; an update by id (SaveGuard.ID) moves a document
// to a service unless that service holds its key already.
func TestDocumentKeysPerService(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	save := func(service, title string, g store.SaveGuard) (store.Document, error) {
		d := store.Document{Source: "api", ExternalID: "same", Title: title, ContentHash: title, Service: service}
		err := st.SaveDocumentGuarded(ctx, &d, []store.Chunk{{Text: title}}, g)
		return d, err
	}
	byService := map[string]int64{}
	for _, svc := range []string{"caf", "ants", ""} {
		d, err := save(svc, "Fiche "+svc, store.SaveGuard{New: true})
		if err != nil {
			t.Fatalf("new document of %q: %v", svc, err)
		}
		byService[svc] = d.ID
	}
	if _, err := save("caf", "Encore", store.SaveGuard{New: true}); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("a new document on a key its service holds: %v, want ErrDuplicate", err)
	}
	updated, err := save("caf", "Fiche caf mise à jour", store.SaveGuard{Service: "caf"})
	if err != nil || updated.ID != byService["caf"] {
		t.Fatalf("caf's update: id %d, %v; want %d", updated.ID, err, byService["caf"])
	}
	got := map[string]string{}
	for svc := range byService {
		d, err := st.DocumentByKey(ctx, store.DocKey{Service: svc, Source: "api", ExternalID: "same"})
		if err != nil {
			t.Fatal(err)
		}
		got[svc] = d.Title
	}
	want := map[string]string{"caf": "Fiche caf mise à jour", "ants": "Fiche ants", "": "Fiche "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("titles by service (-want +got):\n%s", diff)
	}
	if _, err := st.DocumentByKey(ctx, store.DocKey{Service: "dgfip", Source: "api", ExternalID: "same"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the key in a service holding none: %v, want ErrNotFound", err)
	}
	states, err := st.DocumentStates(ctx)
	if err != nil || len(states) != 3 || states[store.DocKey{Service: "ants", Source: "api", ExternalID: "same"}].ID != byService["ants"] {
		t.Errorf("states %v, %v: want the 3 documents by service", states, err)
	}
	// An update by id to a service holding the key is refused, changing
	// nothing; to a service without it, it moves the document.
	if _, err := save("ants", "Vers l'ANTS", store.SaveGuard{ID: byService["caf"]}); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("moving caf's document to ants, which holds its key: %v, want ErrDuplicate", err)
	}
	if _, err := save("dgfip", "Vers la DGFiP", store.SaveGuard{ID: byService["caf"], Service: "ants"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an ants guard on caf's document: %v, want ErrNotFound", err)
	}
	moved, err := save("dgfip", "Vers la DGFiP", store.SaveGuard{ID: byService["caf"]})
	if err != nil || moved.ID != byService["caf"] || moved.Service != "dgfip" {
		t.Errorf("moving caf's document to dgfip: %+v, %v", moved, err)
	}
	if _, err := st.DocumentByKey(ctx, store.DocKey{Service: "caf", Source: "api", ExternalID: "same"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("caf's key after the move: %v, want ErrNotFound", err)
	}
	if n, err := st.DeleteDocuments(ctx, []int64{byService["ants"]}); err != nil || n != 1 {
		t.Fatalf("delete ants's document: %d, %v", n, err)
	}
	if d, err := st.DocumentByKey(ctx, store.DocKey{Source: "api", ExternalID: "same"}); err != nil || d.ID != byService[""] {
		t.Errorf("the shared document after ants's was deleted: %d, %v", d.ID, err)
	}
}
