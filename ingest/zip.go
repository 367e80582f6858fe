package ingest

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// archiveBudget is what is left to read from the outermost archive,
// shared with the archives nested in it.
type archiveBudget struct {
	left    int64
	members int
}

// readZip reads every member of a zip archive whose extension a reader
// handles (nested archives included, up to maxArchiveDepth), in archive
// order. Other members (images, __MACOSX, hidden files) are skipped. A
// member larger than MaxFileBytes, or that fails to parse, is reported as a
// *RecordError and the others are still read; exceeding MaxArchiveBytes or
// MaxArchiveMembers (by the sizes announced or actually decompressed) stops
// the archive. Documents without an identifier of their own get
// name + "/" + member path as ExternalID. The documents are passed through
// MergeDuplicates, so a DILA page published for two audiences (in two
// folders) is one document.
func (rd *Reader) readZip(ctx context.Context, name string, ra io.ReaderAt, size int64, depth int, budget *archiveBudget) ([]Document, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	var docs []Document
	var errs []error
	read := 0
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		member := path.Clean(strings.ReplaceAll(f.Name, "\\", "/"))
		if leavesArchive(member) {
			// Never read, and said: the uploader should know a file is missing.
			errs = append(errs, &RecordError{Name: name, Err: fmt.Errorf("member %q leaves the archive's folder: skipped", f.Name)})
			continue
		}
		if f.FileInfo().IsDir() || skipMember(member) || !supportedExt(member) {
			continue
		}
		memberName := name + "/" + strings.TrimPrefix(member, "/")
		budget.members--
		if budget.members < 0 {
			errs = append(errs, &RecordError{Name: name, Err: fmt.Errorf("more than %d members: %w", rd.maxMembers(), ErrTooLarge)})
			break
		}
		if f.UncompressedSize64 > uint64(rd.maxFile()) {
			errs = append(errs, &RecordError{Name: memberName, Err: fmt.Errorf("%d bytes, limit %d: %w", f.UncompressedSize64, rd.maxFile(), ErrTooLarge)})
			continue
		}
		if f.UncompressedSize64 > uint64(max(budget.left, 0)) {
			errs = append(errs, &RecordError{Name: name, Err: fmt.Errorf("more than %d bytes uncompressed: %w", rd.maxArchive(), ErrTooLarge)})
			break
		}
		read++
		ds, err := rd.readMember(ctx, f, memberName, depth, budget)
		docs = append(docs, ds...)
		if err != nil {
			var p *PartialError
			if errors.As(err, &p) {
				errs = append(errs, p.Errs...)
			} else {
				errs = append(errs, &RecordError{Name: memberName, Err: err})
			}
		}
		if budget.left < 0 {
			errs = append(errs, &RecordError{Name: name, Err: fmt.Errorf("more than %d bytes uncompressed: %w", rd.maxArchive(), ErrTooLarge)})
			break
		}
	}
	docs = MergeDuplicates(docs)
	if len(docs) == 0 {
		if len(errs) > 0 {
			return nil, fmt.Errorf("zip: no readable member: %w", errors.Join(errs...))
		}
		if read == 0 {
			return nil, fmt.Errorf("zip: no member in a supported format: %w", ErrUnsupportedFormat)
		}
	}
	return docs, partial(name, errs)
}

func (rd *Reader) readMember(ctx context.Context, f *zip.File, memberName string, depth int, budget *archiveBudget) ([]Document, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	defer rc.Close()
	cr := &budgetReader{r: rc, budget: budget, limit: rd.maxArchive()}
	return rd.read(ctx, memberName, cr, int64(f.UncompressedSize64), depth, budget)
}

// leavesArchive reports a member whose cleaned path climbs out of the
// archive's folder ("../x").
func leavesArchive(member string) bool {
	return member == ".." || strings.HasPrefix(member, "../")
}

// skipMember reports members that are never content: macOS resource forks
// and hidden files.
func skipMember(member string) bool {
	return strings.HasPrefix(member, "__MACOSX/") || strings.HasPrefix(path.Base(member), ".")
}

// budgetReader charges every decompressed byte to the archive budget and
// fails with ErrTooLarge when it runs out, whatever the headers announced.
type budgetReader struct {
	r      io.Reader
	budget *archiveBudget
	limit  int64
}

func (b *budgetReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.budget.left -= int64(n)
	if b.budget.left < 0 {
		return n, fmt.Errorf("archive larger than %d bytes uncompressed: %w", b.limit, ErrTooLarge)
	}
	return n, err
}
