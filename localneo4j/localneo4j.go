// Package localneo4j runs a real local Neo4j Community for development, tests and CI, without
// Docker and without a Neo4j installation.
//
// The first start fetches Neo4j Community (Version) from Maven Central with Maven into
// <Home>/neo4j/lib; every start then runs the embedded pom.xml's jars through Launcher.java, a
// small Java program run in JDK source-launch mode that starts an embedded DBMS with its Bolt
// connector on 127.0.0.1 and authentication off. Readiness is checked through Bolt with the Go
// driver. Start and Stop manage a detached instance that outlives the calling process (for
// "diplograph neo4j start"); Run manages one that dies with it (for "diplograph serve").
//
// Files, under <Home>/neo4j:
//
//	pom.xml, Launcher.java   written from the copies embedded in this package
//	lib/                     the Neo4j jars (about 125 MB), with a version stamp
//	data/                    the databases
//	logs/                    debug.log (Neo4j) and launcher.log (the launcher's stdout and stderr)
//	neo4j.pid                the running launcher: pid, port, version
//
// See docs/neo4j-local.md.
package localneo4j

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Version is the Neo4j Community version the embedded pom.xml fetches.
const Version = "5.26.30"

// Defaults of Options.
const (
	DefaultPort        = 7690 // not 7687, so as not to clash with a Neo4j of the user's own
	DefaultHeapMB      = 1024
	DefaultPageCacheMB = 512
	DefaultHome        = ".diplograph"

	// DefaultStartTimeout bounds the wait for Bolt after the JVM is launched (not the Maven fetch).
	DefaultStartTimeout = 3 * time.Minute
	// fetchTimeout bounds the Maven download of the jars.
	fetchTimeout = 20 * time.Minute
	// stopTimeout is how long Stop waits after SIGTERM (or Run after closing stdin) before SIGKILL.
	stopTimeout = 60 * time.Second
)

// Database is the database the readiness check queries; Neo4j creates it on first start.
const Database = "neo4j"

//go:embed pom.xml
var pomXML []byte

//go:embed Launcher.java
var launcherJava []byte

// Options configure the local Neo4j. The zero value uses the defaults.
type Options struct {
	Home        string // default: $DIPLOGRAPH_HOME or ./.diplograph; the Neo4j files go under <Home>/neo4j
	Port        int    // Bolt port on 127.0.0.1; default $DIPLOGRAPH_NEO4J_PORT or 7690
	HeapMB      int    // JVM heap (-Xms and -Xmx); default $DIPLOGRAPH_NEO4J_HEAP_MB or 1024
	PageCacheMB int    // Neo4j page cache; default $DIPLOGRAPH_NEO4J_PAGECACHE_MB or 512
	Java, Maven string // default: $JAVA_HOME/bin/java if it exists, else "java" from PATH; "mvn" from PATH
	Log         *slog.Logger
	Progress    io.Writer // human progress lines, may be nil

	// StartTimeout bounds the wait for Bolt after the JVM is launched; default DefaultStartTimeout.
	// The first start's Maven download is not counted.
	StartTimeout time.Duration
}

// State describes the local Neo4j of a home directory.
type State struct {
	Running bool   // the launcher process of this home is alive
	Ready   bool   // and Bolt answers RETURN 1
	PID     int    // process id of the launcher (and its process group), 0 when not running
	URI     string // bolt://127.0.0.1:<port>: the port it runs on, or the configured port
	Version string // Neo4j version it runs, or the version it would run
	Home    string // the Neo4j home directory, <Home>/neo4j
}

// config is Options with defaults resolved and paths derived.
type config struct {
	Options
	dir string // <Home>/neo4j, absolute
}

func (c *config) uri() string { return boltURI(c.Port) }

func boltURI(port int) string { return "bolt://127.0.0.1:" + strconv.Itoa(port) }

func (c *config) path(elem ...string) string {
	return filepath.Join(append([]string{c.dir}, elem...)...)
}

func (c *config) libDir() string      { return c.path("lib") }
func (c *config) logFile() string     { return c.path("logs", "launcher.log") }
func (c *config) pidFile() string     { return c.path("neo4j.pid") }
func (c *config) stampFile() string   { return filepath.Join(c.libDir(), ".diplograph-stamp") }
func (c *config) lockFile() string    { return c.path(".lock") }
func (c *config) launcherSrc() string { return c.path("Launcher.java") }

func (c *config) progress(format string, args ...any) {
	if c.Progress != nil {
		fmt.Fprintf(c.Progress, format+"\n", args...)
	}
}

// resolve fills in the defaults of o.
func resolve(o Options) (*config, error) {
	c := &config{Options: o}
	if c.Home == "" {
		c.Home = os.Getenv("DIPLOGRAPH_HOME")
	}
	if c.Home == "" {
		c.Home = DefaultHome
	}
	home, err := filepath.Abs(c.Home)
	if err != nil {
		return nil, fmt.Errorf("home %q: %w", c.Home, err)
	}
	c.Home = home
	c.dir = filepath.Join(home, "neo4j")
	for _, f := range []struct {
		v   *int
		env string
		def int
		min int
		max int
	}{
		{&c.Port, "DIPLOGRAPH_NEO4J_PORT", DefaultPort, 1, 65535},
		{&c.HeapMB, "DIPLOGRAPH_NEO4J_HEAP_MB", DefaultHeapMB, 256, 1 << 20},
		{&c.PageCacheMB, "DIPLOGRAPH_NEO4J_PAGECACHE_MB", DefaultPageCacheMB, 8, 1 << 20},
	} {
		if *f.v == 0 {
			*f.v = f.def
			if s := os.Getenv(f.env); s != "" {
				n, err := strconv.Atoi(s)
				if err != nil {
					return nil, fmt.Errorf("$%s=%q: not a number", f.env, s)
				}
				*f.v = n
			}
		}
		if *f.v < f.min || *f.v > f.max {
			return nil, fmt.Errorf("%s %d out of range [%d, %d]", strings.ToLower(strings.TrimPrefix(f.env, "DIPLOGRAPH_NEO4J_")), *f.v, f.min, f.max)
		}
	}
	if c.Java == "" {
		c.Java = "java"
		if jh := os.Getenv("JAVA_HOME"); jh != "" {
			if p := filepath.Join(jh, "bin", "java"); isFile(p) {
				c.Java = p
			}
		}
	}
	if c.Maven == "" {
		c.Maven = "mvn"
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	if c.StartTimeout <= 0 {
		c.StartTimeout = DefaultStartTimeout
	}
	return c, nil
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// jvmArgs are the java flags before the class path. The module flags are those Neo4j's own
// neo4j.conf passes to the server (java.nio and sun.nio.ch for direct buffers and the native file
// accessors, java.io for file descriptors); without them Neo4j logs that it falls back to slower
// paths.
func (c *config) jvmArgs() []string {
	return []string{
		fmt.Sprintf("-Xms%dm", c.HeapMB),
		fmt.Sprintf("-Xmx%dm", c.HeapMB),
		"-XX:+UseG1GC",
		"-XX:+ExitOnOutOfMemoryError",
		"-XX:-OmitStackTraceInFastThrow",
		"-XX:+DisableExplicitGC",
		"--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-Djdk.nio.maxCachedBufferSize=1024",
		"-Dio.netty.tryReflectionSetAccessible=true",
		"-Dlog4j2.disable.jmx=true",
		"-Dfile.encoding=UTF-8",
	}
}

// launcherArgs is the whole java command line after the java binary.
func (c *config) launcherArgs(watchStdin bool) []string {
	args := append(c.jvmArgs(),
		"-cp", filepath.Join(c.libDir(), "*"),
		c.launcherSrc(),
		"--home", c.dir,
		"--port", strconv.Itoa(c.Port),
		"--pagecache", fmt.Sprintf("%dm", c.PageCacheMB),
	)
	if watchStdin {
		args = append(args, "--watch-stdin")
	}
	return args
}

// stamp identifies the jars a lib directory must hold: the version and the pom that fetched them.
func stamp() string {
	sum := sha256.Sum256(pomXML)
	return "neo4j " + Version + " pom " + hex.EncodeToString(sum[:8]) + "\n"
}

// writeIfChanged writes data to path unless it already holds exactly that.
func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// prepare writes the embedded files into the home and fetches the jars when they are missing or
// stale.
func (c *config) prepare(ctx context.Context) error {
	for _, d := range []string{c.dir, c.path("logs")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := writeIfChanged(c.path("pom.xml"), pomXML); err != nil {
		return err
	}
	if err := writeIfChanged(c.launcherSrc(), launcherJava); err != nil {
		return err
	}
	if got, err := os.ReadFile(c.stampFile()); err == nil && string(got) == stamp() {
		return nil
	}
	return c.fetch(ctx)
}

// fetch runs Maven to copy the Neo4j jars into lib, through a temporary directory so an
// interrupted download leaves no half-filled lib behind.
func (c *config) fetch(ctx context.Context) error {
	mvn, err := exec.LookPath(c.Maven)
	if err != nil {
		return fmt.Errorf("fetch Neo4j %s: Maven (%s) is needed once to download it into %s: %w", Version, c.Maven, c.libDir(), err)
	}
	tmp := c.libDir() + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	c.progress("fetching Neo4j %s with Maven into %s (about 125 MB, only the first time)…", Version, c.libDir())
	t0 := time.Now()
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, mvn, "-q", "-B", "-Dstyle.color=never", "-f", c.path("pom.xml"),
		"dependency:copy-dependencies", "-DoutputDirectory="+tmp, "-DincludeScope=runtime")
	cmd.Dir = c.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	c.Log.Debug("fetching neo4j", "cmd", cmd.String())
	if err := cmd.Run(); err != nil {
		os.RemoveAll(tmp)
		if ctx.Err() != nil {
			return fmt.Errorf("fetch Neo4j %s with Maven: %w", Version, ctx.Err())
		}
		return fmt.Errorf("fetch Neo4j %s with Maven: %w\n%s", Version, err, tail(out.Bytes(), 30))
	}
	jars, _ := filepath.Glob(filepath.Join(tmp, "neo4j-"+Version+".jar"))
	if len(jars) == 0 {
		os.RemoveAll(tmp)
		return fmt.Errorf("fetch Neo4j %s with Maven: no neo4j-%s.jar in %s\n%s", Version, Version, tmp, tail(out.Bytes(), 30))
	}
	if err := os.WriteFile(filepath.Join(tmp, ".diplograph-stamp"), []byte(stamp()), 0o644); err != nil {
		return err
	}
	if err := os.RemoveAll(c.libDir()); err != nil {
		return err
	}
	if err := os.Rename(tmp, c.libDir()); err != nil {
		return err
	}
	c.progress("fetched Neo4j %s in %s", Version, time.Since(t0).Round(100*time.Millisecond))
	return nil
}

var javaVersionRE = regexp.MustCompile(`version "(\d+)(?:\.(\d+))?`)

// checkJava finds java and checks it is at least 17, which Neo4j 5 needs.
func (c *config) checkJava(ctx context.Context) (string, error) {
	java, err := exec.LookPath(c.Java)
	if err != nil {
		return "", fmt.Errorf("Java 17 or newer is needed to run Neo4j (set $JAVA_HOME or put java on PATH): %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, java, "-version").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s -version: %w\n%s", java, err, tail(out, 10))
	}
	m := javaVersionRE.FindSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("%s -version: cannot read the version in %q", java, firstLine(out))
	}
	major, _ := strconv.Atoi(string(m[1]))
	if major == 1 && m[2] != nil { // 1.8 and older
		major, _ = strconv.Atoi(string(m[2]))
	}
	if major < 17 {
		return "", fmt.Errorf("%s is Java %d; Neo4j %s needs Java 17 or 21 (set $JAVA_HOME)", java, major, Version)
	}
	return java, nil
}

func firstLine(b []byte) string {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return strings.TrimSpace(string(line))
}

// tail returns the last n lines of b, indented, at most 8 KB.
func tail(b []byte, n int) string {
	b = bytes.TrimRight(b, "\n")
	if len(b) > 8<<10 {
		b = b[len(b)-8<<10:]
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// logTail is the end of launcher.log, for errors.
func (c *config) logTail() string {
	b, err := os.ReadFile(c.logFile())
	if err != nil || len(bytes.TrimSpace(b)) == 0 {
		return fmt.Sprintf("(%s is empty)", c.logFile())
	}
	return fmt.Sprintf("last lines of %s:\n%s", c.logFile(), tail(b, 25))
}

// logHasReady reports whether launcher.log holds the launcher's READY line for this port.
func (c *config) logHasReady() bool {
	f, err := os.Open(c.logFile())
	if err != nil {
		return false
	}
	defer f.Close()
	want := "READY " + c.uri()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == want {
			return true
		}
	}
	return false
}

// ping runs RETURN 1 on the database through Bolt.
func ping(ctx context.Context, uri string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(cfg *neo4j.Config) {
		cfg.SocketConnectTimeout = 2 * time.Second
		cfg.ConnectionAcquisitionTimeout = 5 * time.Second
		cfg.MaxTransactionRetryTime = time.Second
		cfg.MaxConnectionPoolSize = 1
	})
	if err != nil {
		return err
	}
	defer driver.Close(context.WithoutCancel(ctx))
	res, err := neo4j.ExecuteQuery(ctx, driver, "RETURN 1 AS n", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(Database))
	if err != nil {
		return err
	}
	if len(res.Records) != 1 {
		return fmt.Errorf("RETURN 1 gave %d records", len(res.Records))
	}
	if n, _ := res.Records[0].Get("n"); n != int64(1) {
		return fmt.Errorf("RETURN 1 gave %v", n)
	}
	return nil
}

// checkPortFree fails when something already listens on the Bolt port.
func (c *config) checkPortFree(ctx context.Context) error {
	var lc net.ListenConfig
	l, err := lc.Listen(ctx, "tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(c.Port)))
	if err != nil {
		return fmt.Errorf("port %d on 127.0.0.1 is already in use by another program (another Neo4j, or a local Neo4j of another --home?); choose another port with --port or $DIPLOGRAPH_NEO4J_PORT: %w", c.Port, err)
	}
	return l.Close()
}

// errNotReady is returned by waitReady when the deadline passes.
var errNotReady = errors.New("Neo4j did not become ready")

// waitReady waits until launcher.log has the READY line and Bolt answers, the process exits
// (exited is closed), or the deadline passes.
func (c *config) waitReady(ctx context.Context, exited <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(ctx, c.StartTimeout)
	defer cancel()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var lastErr error
	for {
		select {
		case <-exited:
			return errors.New("the launcher exited before Neo4j was ready")
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				if lastErr != nil {
					return fmt.Errorf("%w within %s: %v", errNotReady, c.StartTimeout, lastErr)
				}
				return fmt.Errorf("%w within %s", errNotReady, c.StartTimeout)
			}
			return ctx.Err()
		case <-tick.C:
		}
		if !c.logHasReady() {
			continue
		}
		if lastErr = ping(ctx, c.uri()); lastErr == nil {
			return nil
		}
		c.Log.Debug("bolt not answering yet", "uri", c.uri(), "err", lastErr)
	}
}
