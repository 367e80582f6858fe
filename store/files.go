package store

import (
	"context"
	"fmt"
)

// IngestedFile is a file ingested whole and without error.
type IngestedFile struct {
	Path      string
	SHA256    string
	Version   string
	Documents int
}

// IngestedFiles returns every remembered file by path.
func (s *Store) IngestedFiles(ctx context.Context) (map[string]IngestedFile, error) {
	rows, err := s.pool.Query(ctx, "SELECT path, sha256, version, documents FROM ingested_files")
	if err != nil {
		return nil, fmt.Errorf("list ingested files: %w", err)
	}
	defer rows.Close()
	files := map[string]IngestedFile{}
	for rows.Next() {
		var f IngestedFile
		if err := rows.Scan(&f.Path, &f.SHA256, &f.Version, &f.Documents); err != nil {
			return nil, fmt.Errorf("scan ingested file: %w", err)
		}
		files[f.Path] = f
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list ingested files: %w", err)
	}
	return files, nil
}

// RememberFiles records files as ingested, replacing what was known of them.
func (s *Store) RememberFiles(ctx context.Context, files []IngestedFile) error {
	if len(files) == 0 {
		return nil
	}
	paths := make([]string, len(files))
	sums := make([]string, len(files))
	versions := make([]string, len(files))
	docs := make([]int32, len(files))
	for i, f := range files {
		paths[i], sums[i], versions[i], docs[i] = f.Path, f.SHA256, f.Version, int32(f.Documents)
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO ingested_files (path, sha256, version, documents)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
		ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, version = excluded.version,
			documents = excluded.documents, ingested_at = now()`, paths, sums, versions, docs)
	if err != nil {
		return fmt.Errorf("remember ingested files: %w", err)
	}
	return nil
}

// ForgetFiles drops what is known of the files under the given paths (and
// of the paths themselves).
func (s *Store) ForgetFiles(ctx context.Context, prefixes []string) error {
	for _, p := range prefixes {
		if _, err := s.pool.Exec(ctx, `DELETE FROM ingested_files WHERE path = $1 OR starts_with(path, $1 || '/')`, p); err != nil {
			return fmt.Errorf("forget ingested files: %w", err)
		}
	}
	return nil
}
