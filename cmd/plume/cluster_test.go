package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgCluster is a PostgreSQL cluster the test created, in a data directory
// of its own, listening on 127.0.0.1 only.
type pgCluster struct {
	t    *testing.T
	bin  string // PostgreSQL's bin directory
	dir  string // data directory
	port int
}

// url is the connection string of database db on the cluster.
func (c *pgCluster) url(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

// pg runs one of PostgreSQL's programs as the postgres user (the server
// refuses to run as root).
func (c *pgCluster) pg(name string, args ...string) error {
	out, err := exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(c.bin, name)}, args...)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func (c *pgCluster) start() error {
	return c.pg("pg_ctl", "-D", c.dir, "-l", c.dir+".log", "-w", "-t", "60", "-o", "-p "+strconv.Itoa(c.port), "start")
}

// stop stops the cluster at once (the test removes it afterwards).
func (c *pgCluster) stop(mode string) error {
	return c.pg("pg_ctl", "-D", c.dir, "-w", "-t", "60", "-m", mode, "stop")
}

// pgBinDir finds PostgreSQL 15's programs (or the newest installed).
func pgBinDir() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Strings(dirs)
	for i := len(dirs) - 1; i >= 0; i-- {
		if strings.Contains(dirs[i], "/15/") {
			return dirs[i]
		}
	}
	if len(dirs) > 0 {
		return dirs[len(dirs)-1]
	}
	return ""
}

// freePort returns a port of 127.0.0.1 that nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// newStreamingPair creates a primary cluster with an empty database
// "plume" and a streaming replica of it made by pg_basebackup, each with
// its own port and data directory under a temporary directory; both are
// stopped and removed when the test ends. The test is skipped, saying why,
// where clusters cannot be created (not root, no PostgreSQL server
// programs, no postgres user).
func newStreamingPair(t *testing.T) (primary, replica *pgCluster) {
	t.Helper()
	bin := pgBinDir()
	switch {
	case testing.Short():
		t.Skip("-short: the deployment test starts two PostgreSQL clusters")
	case os.Geteuid() != 0:
		t.Skip("the deployment test needs root, to run its PostgreSQL clusters as the postgres user")
	case bin == "":
		t.Skip("the deployment test needs PostgreSQL's server programs (/usr/lib/postgresql/*/bin)")
	}
	pgUser, err := user.Lookup("postgres")
	if err != nil {
		t.Skipf("the deployment test needs the postgres user: %v", err)
	}
	if _, err := exec.LookPath("runuser"); err != nil {
		t.Skip("the deployment test needs runuser, to start PostgreSQL as the postgres user")
	}
	base, err := os.MkdirTemp("", "plume-deploy-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	uid, _ := strconv.Atoi(pgUser.Uid)
	gid, _ := strconv.Atoi(pgUser.Gid)
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(base, uid, gid); err != nil {
		t.Fatal(err)
	}
	primary = &pgCluster{t: t, bin: bin, dir: filepath.Join(base, "primary"), port: freePort(t)}
	if err := primary.pg("initdb", "-D", primary.dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"); err != nil {
		t.Skipf("cannot create a PostgreSQL cluster here: %v", err)
	}
	conf := fmt.Sprintf("listen_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = off\n"+
		"shared_buffers = 32MB\nmax_connections = 200\nwal_level = replica\nmax_wal_senders = 4\nwal_keep_size = 128MB\n", base)
	if err := appendFile(filepath.Join(primary.dir, "postgresql.conf"), conf); err != nil {
		t.Fatal(err)
	}
	if err := primary.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = primary.stop("immediate") })
	ctx := context.Background()
	if err := execSQL(ctx, primary.url("postgres"), "CREATE DATABASE plume"); err != nil {
		t.Fatal(err)
	}
	replica = &pgCluster{t: t, bin: bin, dir: filepath.Join(base, "replica"), port: freePort(t)}
	if err := replica.pg("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(primary.port), "-U", "postgres",
		"-D", replica.dir, "-R", "-X", "stream", "-c", "fast", "--no-sync"); err != nil {
		t.Fatal(err)
	}
	if err := replica.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = replica.stop("immediate") })
	waitUntil(t, "the replica streams", 60*time.Second, func() bool {
		var n int
		err := queryRow(ctx, primary.url("postgres"), "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", &n)
		return err == nil && n == 1
	})
	return primary, replica
}

func appendFile(path, text string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// execSQL runs one statement on a connection of its own.
func execSQL(ctx context.Context, url, sql string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// queryRow runs one query on a connection of its own.
func queryRow(ctx context.Context, url, sql string, dest ...any) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.QueryRow(ctx, sql).Scan(dest...)
}

// waitUntil polls cond until it holds, or fails the test after timeout.
func waitUntil(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %s waiting until %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
