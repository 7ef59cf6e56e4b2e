package localneo4j

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// logWriter sends progress lines and logs to t.Log.
type logWriter struct {
	mu sync.Mutex
	t  *testing.T
}

func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.t.Helper()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// testOptions are Options for a temporary home, logging to t.
func testOptions(t *testing.T) Options {
	w := &logWriter{t: t}
	return Options{
		Home:     t.TempDir(),
		Port:     freePort(t),
		Log:      slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Progress: w,
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// deadPID returns the pid of a process that has exited and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	return cmd.Process.Pid
}

func TestPomMatchesVersion(t *testing.T) {
	pom := string(pomXML)
	if !strings.Contains(pom, "<neo4j.version>"+Version+"</neo4j.version>") {
		t.Errorf("pom.xml does not pin neo4j.version %s", Version)
	}
	if !strings.Contains(pom, "<artifactId>maven-dependency-plugin</artifactId>\n          <version>") {
		t.Errorf("pom.xml does not pin the maven-dependency-plugin version")
	}
	if !bytes.Contains(launcherJava, []byte(`"READY bolt://"`)) {
		t.Errorf("Launcher.java does not print the READY line")
	}
}

func TestParsePidInfo(t *testing.T) {
	p, err := parsePidInfo("pid=42\nport=7690\nversion=5.26.30\n")
	if err != nil || p != (pidInfo{PID: 42, Port: 7690, Version: "5.26.30"}) {
		t.Fatalf("parsePidInfo = %+v, %v", p, err)
	}
	if q, err := parsePidInfo(p.String()); err != nil || q != p {
		t.Errorf("round trip: %+v, %v", q, err)
	}
	for _, bad := range []string{"", "42\n", "pid=x\nport=1\n", "pid=1\n", "port=7690\n", "pid=-3\nport=7690\n"} {
		if _, err := parsePidInfo(bad); !errors.Is(err, errBadPidFile) {
			t.Errorf("parsePidInfo(%q) err = %v, want errBadPidFile", bad, err)
		}
	}
}

func TestResolve(t *testing.T) {
	t.Setenv("DIPLOGRAPH_HOME", "")
	t.Setenv("DIPLOGRAPH_NEO4J_PORT", "")
	t.Setenv("DIPLOGRAPH_NEO4J_HEAP_MB", "")
	t.Setenv("DIPLOGRAPH_NEO4J_PAGECACHE_MB", "")
	c, err := resolve(Options{})
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if c.dir != filepath.Join(wd, ".diplograph", "neo4j") || c.Port != 7690 || c.HeapMB != 1024 || c.PageCacheMB != 512 {
		t.Errorf("defaults: dir %s port %d heap %d pagecache %d", c.dir, c.Port, c.HeapMB, c.PageCacheMB)
	}
	if c.uri() != "bolt://127.0.0.1:7690" {
		t.Errorf("uri = %s", c.uri())
	}

	home := t.TempDir()
	t.Setenv("DIPLOGRAPH_HOME", home)
	t.Setenv("DIPLOGRAPH_NEO4J_PORT", "7791")
	t.Setenv("DIPLOGRAPH_NEO4J_HEAP_MB", "2048")
	t.Setenv("DIPLOGRAPH_NEO4J_PAGECACHE_MB", "256")
	if c, err = resolve(Options{}); err != nil {
		t.Fatal(err)
	}
	if c.dir != filepath.Join(home, "neo4j") || c.Port != 7791 || c.HeapMB != 2048 || c.PageCacheMB != 256 {
		t.Errorf("from env: dir %s port %d heap %d pagecache %d", c.dir, c.Port, c.HeapMB, c.PageCacheMB)
	}
	if c, err = resolve(Options{Port: 7800}); err != nil || c.Port != 7800 {
		t.Errorf("option wins over env: %v, %v", c, err)
	}
	args := strings.Join(c.launcherArgs(false), " ")
	for _, want := range []string{"-Xms2048m -Xmx2048m", "-XX:+UseG1GC", "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "Launcher.java --home " + c.dir + " --port 7800 --pagecache 256m"} {
		if !strings.Contains(args, want) {
			t.Errorf("launcher args %q lack %q", args, want)
		}
	}
	if strings.Contains(args, "--watch-stdin") || !strings.HasSuffix(strings.Join(c.launcherArgs(true), " "), " --watch-stdin") {
		t.Errorf("--watch-stdin only in the foreground")
	}

	t.Setenv("DIPLOGRAPH_NEO4J_PORT", "seven")
	if _, err := resolve(Options{}); err == nil {
		t.Errorf("bad $DIPLOGRAPH_NEO4J_PORT accepted")
	}
	if _, err := resolve(Options{Port: 70000}); err == nil {
		t.Errorf("port 70000 accepted")
	}
}

func TestStalePidFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix only")
	}
	ctx := context.Background()
	o := testOptions(t)
	c, err := resolve(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pidFile := c.pidFile()

	// Nothing runs: stop is a no-op, twice.
	for i := 0; i < 2; i++ {
		if err := Stop(ctx, o); err != nil {
			t.Fatalf("Stop with no pid file: %v", err)
		}
	}

	cases := map[string]string{
		"dead process": pidInfo{PID: deadPID(t), Port: o.Port, Version: Version}.String(),
		"malformed":    "not a pid file\n",
	}
	if _, err := os.Stat("/proc/self/cmdline"); err == nil {
		// A live process that is not this home's launcher: the pid was reused.
		cases["reused pid"] = pidInfo{PID: os.Getpid(), Port: o.Port, Version: Version}.String()
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(pidFile, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := Status(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			if st.Running || st.PID != 0 {
				t.Errorf("Status = %+v, want not running", st)
			}
			if _, err := os.Stat(pidFile); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("stale pid file not removed: %v", err)
			}
			if err := os.WriteFile(pidFile, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := Stop(ctx, o); err != nil {
				t.Errorf("Stop with a stale pid file: %v", err)
			}
			if _, err := os.Stat(pidFile); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Stop left the stale pid file: %v", err)
			}
		})
	}
	if processAlive(os.Getpid()) != true {
		t.Errorf("processAlive(self) = false")
	}
	if isLauncher(os.Getpid(), c.dir) && runtime.GOOS == "linux" {
		t.Errorf("the test binary taken for a launcher")
	}
}

func TestRemovePidFileKeepsNewer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neo4j.pid")
	if err := writePidFile(path, pidInfo{PID: 200, Port: 7690}); err != nil {
		t.Fatal(err)
	}
	if err := removePidFile(path, 100); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("removePidFile removed another instance's pid file: %v", err)
	}
	if err := removePidFile(path, 200); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("pid file not removed: %v", err)
	}
}

func TestPortTaken(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix only")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	o := testOptions(t)
	o.Port = l.Addr().(*net.TCPAddr).Port
	o.Java, o.Maven = "/nonexistent/java", "/nonexistent/mvn" // must fail before needing them
	_, err = Start(context.Background(), o)
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(o.Port)) || !strings.Contains(err.Error(), "DIPLOGRAPH_NEO4J_PORT") {
		t.Fatalf("Start on a taken port: %v", err)
	}
}

// needNeo4j skips the test unless a real Neo4j can be fetched and run.
func needNeo4j(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a real Neo4j (about 10s, plus a Maven download the first time); skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the local Neo4j runs only on Unix-like systems")
	}
	c, err := resolve(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{c.Java, c.Maven} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("starts a real Neo4j, which needs %s (Java 17+ and Maven): %v", tool, err)
		}
	}
}

func TestStartStatusStop(t *testing.T) {
	needNeo4j(t)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	o := testOptions(t)
	o.HeapMB, o.PageCacheMB = 512, 64
	t.Cleanup(func() { Stop(context.Background(), o) }) // runs before the temporary home is removed

	t0 := time.Now()
	uri, err := Start(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first start: %s", time.Since(t0))
	if want := fmt.Sprintf("bolt://127.0.0.1:%d", o.Port); uri != want {
		t.Errorf("uri = %s, want %s", uri, want)
	}

	t0 = time.Now()
	uri2, err := Start(ctx, o)
	if err != nil || uri2 != uri {
		t.Fatalf("second Start = %q, %v", uri2, err)
	}
	if d := time.Since(t0); d > 10*time.Second {
		t.Errorf("second Start took %s; it should return at once", d)
	}

	st, err := Status(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Running || !st.Ready || st.PID <= 0 || st.URI != uri || st.Version != Version {
		t.Fatalf("Status = %+v", st)
	}
	pid := st.PID

	// Write and read a node through Bolt.
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("test-%d", time.Now().UnixNano())
	if _, err := neo4j.ExecuteQuery(ctx, driver, "CREATE (:Country {name: $name, nameAr: 'مصر'})",
		map[string]any{"name": name}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(Database)); err != nil {
		t.Fatalf("create: %v", err)
	}
	res, err := neo4j.ExecuteQuery(ctx, driver, "MATCH (c:Country {name: $name}) RETURN c.nameAr AS ar",
		map[string]any{"name": name}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(Database))
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("read %d records", len(res.Records))
	}
	if ar, _ := res.Records[0].Get("ar"); ar != "مصر" {
		t.Errorf("nameAr = %v", ar)
	}
	driver.Close(ctx)

	// Run on a home whose Neo4j already runs uses it and leaves it running.
	runCtx, runCancel := context.WithCancel(ctx)
	var got string
	errc := make(chan error, 1)
	go func() { errc <- Run(runCtx, o, func(u string) { got = u; runCancel() }) }()
	if err := <-errc; err != nil || got != uri {
		t.Errorf("Run on a running home = %v, ready(%q)", err, got)
	}
	if !launcherAlive(pid, filepath.Join(o.Home, "neo4j")) {
		t.Errorf("Run stopped the Neo4j it did not start")
	}

	t0 = time.Now()
	if err := Stop(ctx, o); err != nil {
		t.Fatal(err)
	}
	t.Logf("stop: %s", time.Since(t0))
	if err := Stop(ctx, o); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if processAlive(pid) {
		t.Errorf("pid %d still alive after Stop", pid)
	}
	st, err = Status(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Running || st.Ready {
		t.Errorf("Status after Stop = %+v", st)
	}
	if _, err := os.Stat(filepath.Join(o.Home, "neo4j", "neo4j.pid")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("pid file after Stop: %v", err)
	}
	if err := ping(ctx, uri); err == nil {
		t.Errorf("Bolt still answers after Stop")
	}

	// Run in the foreground: ready once Bolt answers, a clean stop when ctx is cancelled.
	runCtx, runCancel = context.WithCancel(ctx)
	defer runCancel()
	ready := make(chan string, 1)
	go func() { errc <- Run(runCtx, o, func(u string) { ready <- u }) }()
	select {
	case u := <-ready:
		if err := ping(ctx, u); err != nil {
			t.Errorf("Run ready but Bolt does not answer: %v", err)
		}
		st, err := Status(ctx, o)
		if err != nil || !st.Ready {
			t.Errorf("Status during Run = %+v, %v", st, err)
		}
		pid = st.PID
		res, err := neo4j.ExecuteQuery(ctx, mustDriver(t, u), "MATCH (c:Country {name: $name}) RETURN count(c) AS n",
			map[string]any{"name": name}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(Database))
		if err != nil {
			t.Errorf("read after restart: %v", err)
		} else if n, _ := res.Records[0].Get("n"); n != int64(1) {
			t.Errorf("node written before the restart: count %v, want 1", n)
		}
		runCancel()
		if err := <-errc; err != nil {
			t.Errorf("Run: %v", err)
		}
	case err := <-errc:
		t.Fatalf("Run returned before ready: %v", err)
	}
	if processAlive(pid) {
		t.Errorf("pid %d still alive after Run returned", pid)
	}
	if st, _ := Status(ctx, o); st.Running {
		t.Errorf("Status after Run = %+v", st)
	}
}

func mustDriver(t *testing.T, uri string) neo4j.DriverWithContext {
	t.Helper()
	d, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(context.Background()) })
	return d
}
