package rag

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/triage"
)

// TestUrgentTemplateNeverForRoutine runs every routine message of the
// triage evaluation set, and every urgent one, through the template: a
// routine message never gets an emergency template, an urgent one always
// does, with only configured numbers or those of the passages.
func TestUrgentTemplateNeverForRoutine(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("..", "triage", "testdata", "messages_*.jsonl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no triage evaluation set: %v", err)
	}
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	passages := []Result{{Title: "Violences conjugales", Text: "Le 3919 est un numéro d'écoute gratuit et anonyme. Appelez le 3919 ou le 3939."}}
	n := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var m struct {
				ID    string       `json:"id"`
				Level triage.Level `json:"level"`
				Text  string       `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatal(err)
			}
			a := triage.AssessAt(context.Background(), m.Text, now)
			for _, ch := range []string{"spp", "email", "conseiller", "telephone"} {
				tmpl, numbers := urgentTemplate(ch, a, triage.DefaultContacts(), passages)
				if (a.Level == triage.Urgent) != (tmpl != "") || a.Level != triage.Urgent && numbers != nil {
					t.Errorf("%s (%s, assessed %s) on %s: template %q", m.ID, m.Level, a.Level, ch, tmpl)
				}
				if tmpl != "" && !strings.HasSuffix(tmpl, ").\n\n") {
					t.Errorf("%s on %s: the contacts' list does not end with a full stop: %q", m.ID, ch, tmpl)
				}
				if m.Level == triage.Routine && (tmpl != "" || strings.Contains(tmpl, "3919")) {
					t.Errorf("routine message %s got an emergency template on %s", m.ID, ch)
				}
			}
			n++
		}
		f.Close()
	}
	if n < 150 {
		t.Errorf("%d messages, want the whole set", n)
	}
}

func TestKBContacts(t *testing.T) {
	t.Parallel()
	passages := []Result{{Title: "Violences conjugales", Text: "Appelez le 3919, numéro d'écoute gratuit. Le service coûte 3939 euros."},
		{Title: "Allô Service Public", Text: "Pour une aide, appelez le 39 39 ou le 01 23 45 67 89."}}
	got := kbContacts(passages, []triage.Contact{{Number: "3919"}})
	if len(got) != 2 || got[0].number != "39 39" || got[1].number != "01 23 45 67 89" || got[0].title != "Allô Service Public" {
		t.Errorf("kbContacts = %+v", got)
	}
}
