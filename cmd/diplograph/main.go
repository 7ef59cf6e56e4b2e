// Command diplograph reads news articles into a knowledge graph of diplomatic relations in Neo4j and
// serves it over GraphQL.
//
// Usage:
//
//	diplograph <command> [flags] [arguments]
//
// Run "diplograph help" for the list of commands and "diplograph <command> -h" for one command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand of the binary.
type command struct {
	name  string
	short string // one line for the command list
	usage string // the arguments after the flags, for the usage line
	long  string // paragraphs printed by -h before the flags
	// setup declares the command's flags on fs and returns the function that runs it.
	setup func(fs *flag.FlagSet, app *app) func(ctx context.Context, args []string) error
}

// app holds what every command shares: the output streams and the global flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	logFlags       logFlags
}

// exitError carries a specific exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // some inputs failed or the work could not be done
	exitUsage   = 2 // the command line is wrong
)

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile, err := startProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "diplograph:", err)
		os.Exit(exitFailure)
	}
	code := a.run(ctx, os.Args[1:])
	stopProfile()
	stop()
	os.Exit(code)
}

// run dispatches args to a command and returns the exit status.
func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fs := a.flagSet(c)
				fs.SetOutput(a.stdout)
				fs.Usage()
				return exitOK
			}
		}
		a.usage(a.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(a.stderr, "diplograph: unknown command %q\n\n", args[0])
		a.usage(a.stderr)
		return exitUsage
	}
	fs := a.flagSet(c)
	runFn := c.setup(fs, a)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	logger, err := a.logFlags.logger(a.stderr)
	if err != nil {
		fmt.Fprintf(a.stderr, "diplograph %s: %v\n", c.name, err)
		return exitUsage
	}
	setDefaultLogger(logger)
	if err := runFn(ctx, fs.Args()); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.err != nil {
				fmt.Fprintf(a.stderr, "diplograph %s: %v\n", c.name, ee.err)
			}
			return ee.code
		}
		fmt.Fprintf(a.stderr, "diplograph %s: %v\n", c.name, err)
		return exitFailure
	}
	return exitOK
}

func (a *app) flagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("diplograph "+c.name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	a.logFlags.register(fs)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: diplograph %s [flags] %s\n\n", c.name, c.usage)
		if c.long != "" {
			fmt.Fprintf(w, "%s\n\n", c.long)
		}
		fmt.Fprintln(w, "flags:")
		fs.PrintDefaults()
	}
	return fs
}

func (a *app) usage(w io.Writer) {
	fmt.Fprint(w, `Diplograph reads Arabic and English news into a knowledge graph of diplomatic relations
(Neo4j) and serves it over GraphQL.

usage: diplograph <command> [flags] [arguments]

commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].short)
	}
	fmt.Fprint(w, `
Run "diplograph <command> -h" for the flags of a command. Flags that configure Neo4j and the server
mirror environment variables (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE,
DIPLOGRAPH_ADDR, …); a flag given on the command line wins over the variable.
`)
}

// usageError returns an error that exits with the usage status.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}
