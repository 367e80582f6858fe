package ingest

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// The text layer of a PDF page is read by interpreting its content stream:
// text state and matrices are tracked to know where each string is shown
// and how large. Fonts are loaded once per page (the parser re-reads an
// object from the file on every access), and TJ offsets wider than a fifth
// of an em count as word spaces, as TeX and many generators write them.

const (
	maxPDFStateDepth = 64
	tjSpace          = 200 // thousandths of an em
)

// textRun is a string shown at one place.
type textRun struct {
	x, y, size, width float64
	text              string
	space             bool // a word space precedes it
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) matrix { return matrix{1, 0, 0, 1, tx, ty} }

// pdfFont is what text extraction needs of a font.
type pdfFont struct {
	enc     pdf.TextEncoding
	first   int
	widths  []float64 // per code from first, thousandths of an em
	twoByte bool      // composite (Type0) font: two bytes per code
}

func loadFont(p pdf.Page, name string) *pdfFont {
	f := p.Font(name)
	pf := &pdfFont{enc: f.Encoder(), twoByte: f.V.Key("Subtype").Name() == "Type0"}
	if !pf.twoByte {
		pf.first = f.FirstChar()
		if w := f.V.Key("Widths"); w.Kind() == pdf.Array && w.Len() <= 65536 {
			pf.widths = make([]float64, w.Len())
			for i := range pf.widths {
				pf.widths[i] = w.Index(i).Float64()
			}
		}
	}
	return pf
}

// advance returns the width of raw in thousandths of an em per code, and
// the number of single-byte spaces (for word spacing).
func (f *pdfFont) advance(raw string) (total float64, codes, spaces int) {
	if f.twoByte {
		n := (len(raw) + 1) / 2
		return 500 * float64(n), n, 0
	}
	for i := 0; i < len(raw); i++ {
		c := int(raw[i]) - f.first
		w := 500.0
		if c >= 0 && c < len(f.widths) && f.widths[c] > 0 {
			w = f.widths[c]
		}
		total += w
		if raw[i] == ' ' {
			spaces++
		}
	}
	return total, len(raw), spaces
}

type textState struct {
	ctm                 matrix
	tc, tw, th, tl, tfs float64
	font                *pdfFont
}

// pageRuns interprets a page's content stream and returns its text runs in
// content order. The parser panics on malformed content; readPDF recovers.
func pageRuns(p pdf.Page) []textRun {
	contents := p.V.Key("Contents")
	if contents.Kind() == pdf.Null {
		return nil
	}
	fonts := map[string]*pdfFont{}
	st := textState{ctm: identity, th: 1}
	var stack []textState
	var tm, tlm matrix
	var runs []textRun
	pendingSpace := false
	show := func(raw string) {
		if st.font == nil {
			st.font = &pdfFont{enc: nopEncoding{}}
		}
		text := strings.ToValidUTF8(st.font.enc.Decode(raw), "")
		w, codes, spaces := st.font.advance(raw)
		tx := (w/1000*st.tfs + st.tc*float64(codes) + st.tw*float64(spaces)) * st.th
		trm := tm.mul(st.ctm)
		scale := math.Hypot(trm[0], trm[1])
		if text != "" && utf8.ValidString(text) {
			runs = append(runs, textRun{
				x: trm[4], y: trm[5], size: st.tfs * math.Hypot(trm[2], trm[3]),
				width: tx * scale, text: text, space: pendingSpace,
			})
			pendingSpace = false
		}
		tm = translate(tx, 0).mul(tm)
	}
	nextLine := func(tx, ty float64) {
		tlm = translate(tx, ty).mul(tlm)
		tm = tlm
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < maxPDFStateDepth {
				stack = append(stack, st)
			}
		case "Q":
			if k := len(stack); k > 0 {
				st, stack = stack[k-1], stack[:k-1]
			}
		case "cm":
			if n == 6 {
				st.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(st.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			st.tc = num(0)
		case "Tw":
			st.tw = num(0)
		case "Tz":
			st.th = num(0) / 100
		case "TL":
			st.tl = num(0)
		case "Tf":
			if n == 2 {
				name := args[0].Name()
				if fonts[name] == nil {
					fonts[name] = loadFont(p, name)
				}
				st.font, st.tfs = fonts[name], num(1)
			}
		case "Td":
			nextLine(num(0), num(1))
		case "TD":
			st.tl = -num(1)
			nextLine(num(0), num(1))
		case "Tm":
			if n == 6 {
				tm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tlm = tm
			}
		case "T*":
			nextLine(0, -st.tl)
		case "Tj":
			if n == 1 {
				show(args[0].RawString())
			}
		case "'":
			nextLine(0, -st.tl)
			if n == 1 {
				show(args[0].RawString())
			}
		case "\"":
			if n == 3 {
				st.tw, st.tc = num(0), num(1)
				nextLine(0, -st.tl)
				show(args[2].RawString())
			}
		case "TJ":
			if n != 1 || args[0].Kind() != pdf.Array {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					show(x.RawString())
					continue
				}
				adj := x.Float64()
				if adj < -tjSpace {
					pendingSpace = true
				}
				tm = translate(-adj/1000*st.tfs*st.th, 0).mul(tm)
			}
		}
	})
	return runs
}

// nopEncoding decodes bytes as Latin-1 when a font is missing.
type nopEncoding struct{}

func (nopEncoding) Decode(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		b.WriteRune(rune(raw[i]))
	}
	return b.String()
}
