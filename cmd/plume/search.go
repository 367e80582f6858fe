package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/wire"
)

// stringList is a repeatable or comma-separated flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

func runSearch(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "search")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	k := fs.Int("k", 5, "number of results (1 to 50)")
	var audience, services, tags stringList
	fs.Var(&audience, "audience", "keep documents for this audience (repeatable)")
	fs.Var(&services, "service", "keep documents of this service and the shared ones (repeatable)")
	fs.Var(&tags, "tag", "keep documents with this tag (repeatable)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	query := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if query == "" {
		return fmt.Errorf("%w: plume search [--json] [--k N] QUERY", errUsage)
	}
	if *k < 1 || *k > 50 {
		return fmt.Errorf("%w: --k must be between 1 and 50", errUsage)
	}
	if err := checkText("the query", query); err != nil {
		return err
	}
	if len(services) > 0 {
		services = append(services, "")
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	searcher, _, err := wire.NewSearcher(ctx, a.cfg, st, a.log)
	if err != nil {
		return err
	}
	// Only redacted text may reach an embedding model: the searcher's
	// RedactQuery, as every search.
	text, _, err := searcher.RedactQuery(ctx, query)
	if err != nil {
		return err
	}
	res, err := searcher.Search(ctx, rag.Query{Text: text, K: *k, Audience: audience, Services: services, Tags: tags})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "warning: %s\n", w)
	}
	if len(res.Results) == 0 {
		fmt.Fprintln(a.stdout, "no result")
		return nil
	}
	if !res.Reliable {
		fmt.Fprintln(a.stdout, "(no reliable result: the best passages below may not answer the question)")
	}
	for i, r := range res.Results {
		fmt.Fprintf(a.stdout, "%d. [%.2f] %s — %s\n", i+1, r.Score, r.Title, r.DocID)
		if r.Heading != "" {
			fmt.Fprintf(a.stdout, "   %s\n", r.Heading)
		}
		if r.URL != "" {
			fmt.Fprintf(a.stdout, "   %s\n", r.URL)
		}
		fmt.Fprintf(a.stdout, "   %s\n\n", excerpt(r.Text, 240))
	}
	return nil
}

// excerpt shortens text to about n bytes on a word boundary, on one line.
func excerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndex(text[:n], " ")
	if cut < n/2 {
		cut = n
		for cut > 0 && !isRuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
