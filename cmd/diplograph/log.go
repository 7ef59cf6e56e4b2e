package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"golang.org/x/term"
)

// logFlags are the logging flags every command takes.
type logFlags struct {
	format string
	level  string
}

func (l *logFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.format, "log-format", envOr("DIPLOGRAPH_LOG_FORMAT", "auto"), "log format: text, json, or auto (text on a terminal, JSON otherwise) [$DIPLOGRAPH_LOG_FORMAT]")
	fs.StringVar(&l.level, "log-level", envOr("DIPLOGRAPH_LOG_LEVEL", "info"), "log level: debug, info, warn, error [$DIPLOGRAPH_LOG_LEVEL]")
}

// logger builds the slog logger the flags ask for, writing to w.
func (l *logFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(l.level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", l.level)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch l.format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "auto", "":
		if isTerminal(w) {
			return slog.New(slog.NewTextHandler(w, opts)), nil
		}
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text, json or auto", l.format)
}

func setDefaultLogger(l *slog.Logger) { slog.SetDefault(l) }

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// envOr returns the environment variable name, or def when it is unset or empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
