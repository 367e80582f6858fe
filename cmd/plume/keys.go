package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/wire"
)

const keysUsage = "plume keys create --role agent|admin [--service S] [--reviewer] --name N | plume keys list | plume keys revoke ID"

func runKeys(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, keysUsage)
	}
	switch args[0] {
	case "create":
		return runKeysCreate(ctx, a, args[1:])
	case "list":
		return runKeysList(ctx, a, args[1:])
	case "revoke":
		return runKeysRevoke(ctx, a, args[1:])
	}
	return fmt.Errorf("%w: unknown keys command %q: %s", errUsage, args[0], keysUsage)
}

// runKeysCreate prints a new key once, on stdout alone so that scripts can
// capture it; only its hash is stored.
func runKeysCreate(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "keys create")
	role := fs.String("role", "", "agent or admin")
	service := fs.String("service", "", "restrict the key to one service (e.g. caf); empty: all services")
	name := fs.String("name", "", "what the key is for: a counter or a tool (« guichet CAF Lyon »), no personal data")
	reviewer := fs.Bool("reviewer", false, "let the key validate answers (réponses types) of its service")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 || *name == "" || !store.Role(*role).Valid() {
		return fmt.Errorf("%w: plume keys create --role agent|admin [--service S] [--reviewer] --name N", errUsage)
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	k, secret, err := st.CreateAPIKey(ctx, *name, store.Role(*role), *service)
	if err != nil {
		return err
	}
	if *reviewer {
		if err := st.SetAPIKeyReviewer(ctx, k.ID, true); err != nil {
			return err
		}
	}
	scope := "all services"
	if k.Service != "" {
		scope = "service " + k.Service
	}
	if *reviewer {
		scope += ", reviewer"
	}
	auditCommand(ctx, a, st, "plume keys create", k.ID, map[string]string{"role": string(k.Role), "service": k.Service})
	fmt.Fprintf(a.stderr, "created key %d (%s, %s, %s); it is shown once, keep it now:\n", k.ID, k.Name, k.Role, scope)
	fmt.Fprintln(a.stdout, secret)
	return nil
}

func runKeysList(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "keys list")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	keys, err := st.APIKeys(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tROLE\tSERVICE\tREVIEWER\tPREFIX\tCREATED\tREVOKED")
	for _, k := range keys {
		service, revoked := k.Service, "-"
		if service == "" {
			service = "*"
		}
		if k.RevokedAt != nil {
			revoked = k.RevokedAt.UTC().Format("2006-01-02 15:04")
		}
		reviews := "no"
		if k.Reviewer || k.Role == store.RoleAdmin {
			reviews = "yes"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s…\t%s\t%s\n", k.ID, k.Name, k.Role, service, reviews, k.Prefix,
			k.CreatedAt.UTC().Format("2006-01-02 15:04"), revoked)
	}
	return w.Flush()
}

func runKeysRevoke(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "keys revoke")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: plume keys revoke ID", errUsage)
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: plume keys revoke ID: %q is not a key id", errUsage, fs.Arg(0))
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.RevokeAPIKey(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no key %d", id)
		}
		return err
	}
	auditCommand(ctx, a, st, "plume keys revoke", id, nil)
	fmt.Fprintf(a.stdout, "revoked key %d\n", id)
	return nil
}

// auditCommand writes an administrator's command to the audit log, with
// key id 0 (the command line); a failure is logged, the command is done.
func auditCommand(ctx context.Context, a *app, st *store.Store, action string, target int64, details map[string]string) {
	e := store.AuditEntry{Action: action, Target: strconv.FormatInt(target, 10)}
	if details != nil {
		e.Details, _ = json.Marshal(details)
	}
	if err := st.Audit(ctx, e); err != nil {
		a.log.Error("audit log not written", "action", action, "err", err)
	}
}
