package wire

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// ServeFlags defines on fs the flags of plume serve, which set cfg.
func ServeFlags(fs *flag.FlagSet, cfg *Config) {
	for _, s := range Settings() {
		if s.Flag != "" {
			fs.Var(settingFlag{s: s, cfg: cfg}, s.Flag, plain(s.Doc))
		}
	}
}

// settingFlag is a flag that sets its setting.
type settingFlag struct {
	s   Setting
	cfg *Config
}

func (f settingFlag) String() string     { return f.s.Default }
func (f settingFlag) Set(v string) error { return f.s.set(f.cfg, v) }

// WriteSettings prints every setting for a terminal (plume help config):
// its name, type and default, then what it does.
func WriteSettings(w io.Writer) error {
	for _, s := range Settings() {
		if _, err := fmt.Fprintf(w, "%s (%s; default %s)\n    %s\n", s.names(), s.Type, plain(s.shownDefault()), plain(s.Doc)); err != nil {
			return err
		}
	}
	return nil
}

// MarkdownTable is the settings as the Markdown table of README's
// configuration section.
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| setting | type | default | meaning |\n| --- | --- | --- | --- |\n")
	for _, s := range Settings() {
		names := make([]string, 0, 2)
		for _, n := range strings.Split(s.names(), ", ") {
			names = append(names, "`"+n+"`")
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", strings.Join(names, ", "), cell(s.Type), cell(s.shownDefault()), cell(s.Doc))
	}
	return b.String()
}

// names are the setting's variable and flag.
func (s Setting) names() string {
	var names []string
	if s.Name != "" {
		names = append(names, s.Name)
	}
	if s.Flag != "" {
		names = append(names, "--"+s.Flag)
	}
	return strings.Join(names, ", ")
}

// shownDefault is the default as the documentation gives it.
func (s Setting) shownDefault() string {
	switch {
	case s.Shown != "":
		return s.Shown
	case s.Default != "":
		return "`" + s.Default + "`"
	}
	return "unset"
}

// plain drops the Markdown code marks for a terminal.
func plain(s string) string { return strings.ReplaceAll(s, "`", "") }

// cell escapes the table separator in a Markdown cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
