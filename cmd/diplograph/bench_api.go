package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// apiBenchFlags configure "diplograph bench api".
type apiBenchFlags struct {
	url      string
	clients  int
	duration time.Duration
	pid      int
	token    string
	external bool   // --url was given: measure that server rather than one bench starts
	title    string // what the run measures, in the report's heading
}

func (f *apiBenchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.url, "url", "http://"+envOr("DIPLOGRAPH_ADDR", "127.0.0.1:8080")+"/graphql", "GraphQL endpoint (bench api)")
	fs.IntVar(&f.clients, "clients", 32, "concurrent clients (bench api)")
	fs.DurationVar(&f.duration, "duration", 30*time.Second, "how long to run (bench api)")
	fs.IntVar(&f.pid, "pid", 0, "the server's process id, to report its peak memory (bench api)")
	fs.StringVar(&f.token, "token", envOr("DIPLOGRAPH_READ_TOKEN", ""), "bearer token for reads, if the server requires one (bench api) [$DIPLOGRAPH_READ_TOKEN]")
}

// apiMix is the fixed mix of analyst queries the API benchmark sends, in turn.
var apiMix = []struct{ name, query string }{
	{"search", `{ search(query: "لافروف", first: 5) { id name type } }`},
	{"country", `{ country(code: "SY") { id name nameAr } }`},
	{"events by participant", `{ events(filter: {participants: ["country:RU"], from: "2024-01-01"}, first: 20) { totalCount edges { node { type date participants { entity { id name } role } sources { quote article { title url published } } } } } }`},
	{"positions about a state", `{ positions(filter: {target: "country:SY", from: "2024-01-01"}, first: 20) { totalCount edges { node { stance topic date holder { id name } target { id name } sources { quote article { title } } } } } }`},
	{"relation by month", `{ relation(a: "country:RU", b: "country:SY", from: "2024-01-01", to: "2026-12-31", interval: MONTH) { buckets { start end meetings visits calls agreements supportive opposing score } } }`},
	{"officials on a date", `{ officials(country: "SY", at: "2025-06-01") { title person { id name } } }`},
	{"neighborhood", `{ neighborhood(id: "person:sergei-lavrov", depth: 2, limit: 50) { nodes { id label type } edges { source target type } } }`},
	{"events of a type", `{ events(filter: {types: [AGREEMENT]}, first: 10) { totalCount edges { node { type date participants { entity { name } } } } } }`},
}

func (f *apiBenchFlags) run(ctx context.Context, a *app) error {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: f.clients * 2}}
	post := func(q string) (time.Duration, error) {
		body, _ := json.Marshal(map[string]string{"query": q})
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.url, bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Content-Type", "application/json")
		if f.token != "" {
			req.Header.Set("Authorization", "Bearer "+f.token)
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		if resp.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`)) {
			return d, fmt.Errorf("status %d: %s", resp.StatusCode, truncate(string(b), 200))
		}
		return d, nil
	}
	// Check every query once, so that a broken mix fails loudly instead of timing errors.
	for _, q := range apiMix {
		if _, err := post(q.query); err != nil {
			return fmt.Errorf("query %q: %w", q.name, err)
		}
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		perQuery  = make([][]time.Duration, len(apiMix))
		errors    int
		firstErr  error
	)
	deadline := time.Now().Add(f.duration)
	var wg sync.WaitGroup
	for c := 0; c < f.clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var local []time.Duration
			localPer := make([][]time.Duration, len(apiMix))
			for i := c; time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				d, err := post(apiMix[i%len(apiMix)].query)
				if err != nil {
					mu.Lock()
					errors++
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					continue
				}
				local = append(local, d)
				localPer[i%len(apiMix)] = append(localPer[i%len(apiMix)], d)
			}
			mu.Lock()
			latencies = append(latencies, local...)
			for q := range localPer {
				perQuery[q] = append(perQuery[q], localPer[q]...)
			}
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	if len(latencies) == 0 {
		return fmt.Errorf("no successful request: %v", firstErr)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration { return percentile(latencies, p) }
	rss := "—"
	if f.pid > 0 {
		if kb := peakRSS(f.pid); kb > 0 {
			rss = fmt.Sprintf("%.0f MB", float64(kb)/1024)
		}
	}
	heading := "## API benchmark"
	if f.title != "" {
		heading += ": " + f.title
	}
	fmt.Fprintf(a.stdout, `%s

- machine: %d CPUs, %s/%s; server %s
- %d concurrent clients for %s, queries in turn: %s

| requests | errors | throughput | p50 | p95 | p99 | max | server peak memory |
|---|---|---|---|---|---|---|---|
| %d | %d | %.0f req/s | %s | %s | %s | %s | %s |
`, heading, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, f.url, f.clients, f.duration, mixNames(),
		len(latencies), errors, float64(len(latencies))/f.duration.Seconds(),
		pct(0.50).Round(100*time.Microsecond), pct(0.95).Round(100*time.Microsecond), pct(0.99).Round(100*time.Microsecond),
		latencies[len(latencies)-1].Round(100*time.Microsecond), rss)
	fmt.Fprintf(a.stdout, "\n| query | requests | p50 | p95 | p99 |\n|---|---|---|---|---|\n")
	for q, ls := range perQuery {
		sort.Slice(ls, func(i, j int) bool { return ls[i] < ls[j] })
		fmt.Fprintf(a.stdout, "| %s | %d | %s | %s | %s |\n", apiMix[q].name, len(ls), percentile(ls, 0.50).Round(100*time.Microsecond),
			percentile(ls, 0.95).Round(100*time.Microsecond), percentile(ls, 0.99).Round(100*time.Microsecond))
	}
	if errors > 0 {
		fmt.Fprintf(a.stdout, "\nfirst error: %v\n", firstErr)
	}
	return nil
}

// percentile returns the p-th quantile of sorted latencies (0 when there are none).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// benchAPI builds the benchmark graph from a generated corpus, serves it with "diplograph serve" in a
// child process on a free loopback port, runs the query mix against it and empties the database.
func benchAPI(ctx context.Context, a *app, d *dbFlags, f *apiBenchFlags, c *corpusFlags) error {
	g, err := loadBenchGraph(ctx, a, d, c)
	if err != nil {
		return err
	}
	defer g.close()
	s, uri := g.store, g.uri
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	// Twice: every query reaching Neo4j, then as deployed (repeated queries answered from the cache).
	for _, run := range []struct {
		name string
		args []string
	}{
		{"response cache off: every query reaches Neo4j", []string{"--response-cache", "0"}},
		{"default settings: repeated queries answered from the response cache", nil},
	} {
		addr, err := freeLoopbackAddr()
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "serving the graph on %s (%s)…\n", addr, run.name)
		srv := exec.Command(exe, append([]string{"serve", "--addr", addr, "--log-level", "warn"}, run.args...)...)
		srv.Env = d.childEnv(uri)
		srv.Stdout, srv.Stderr = io.Discard, a.stderr
		if err := srv.Start(); err != nil {
			return fmt.Errorf("diplograph serve: %w", err)
		}
		stop := func() {
			srv.Process.Signal(syscall.SIGTERM)
			srv.Wait()
		}
		if err := waitReady(ctx, "http://"+addr+"/readyz", 60*time.Second); err != nil {
			stop()
			return fmt.Errorf("diplograph serve: %w", err)
		}
		f.url, f.pid, f.title = "http://"+addr+"/graphql", srv.Process.Pid, run.name
		fmt.Fprintf(a.stderr, "running %d clients for %s…\n", f.clients, f.duration)
		err = f.run(ctx, a)
		stop()
		if err != nil {
			return err
		}
		fmt.Fprintln(a.stdout)
	}
	nodes, _ := s.Count(ctx, "MATCH (n) RETURN count(n)", nil)
	articles, _ := s.Count(ctx, "MATCH (a:Article) RETURN count(a)", nil)
	fmt.Fprintf(a.stdout, "- graph: %d articles generated with seed %d, %d nodes\n\nReproduce: `make bench-api` (or `diplograph bench api --articles %d --wipe` on an empty database).\n",
		articles, c.seed, nodes, c.articles)
	return s.Wipe(ctx)
}

// freeLoopbackAddr returns a loopback address with a port free at the time of the call.
func freeLoopbackAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// waitReady polls url until it answers 200 or the timeout passes.
func waitReady(ctx context.Context, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %s (last error: %v)", url, timeout, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func mixNames() string {
	var names []string
	for _, q := range apiMix {
		names = append(names, q.name)
	}
	return strings.Join(names, ", ")
}

// peakRSS returns a process's peak resident memory in kB (VmHWM), or 0.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "VmHWM:"), "kB")), &kb)
			return kb
		}
	}
	return 0
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
