package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// apiBenchFlags configure "diplograph bench api".
type apiBenchFlags struct {
	url      string
	clients  int
	duration time.Duration
	pid      int
	token    string
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
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	if len(latencies) == 0 {
		return fmt.Errorf("no successful request: %v", firstErr)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration { return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))] }
	rss := "—"
	if f.pid > 0 {
		if kb := peakRSS(f.pid); kb > 0 {
			rss = fmt.Sprintf("%.0f MB", float64(kb)/1024)
		}
	}
	fmt.Fprintf(a.stdout, `## API benchmark

- machine: %d CPUs, %s/%s; server %s
- %d concurrent clients for %s, queries in turn: %s

| requests | errors | throughput | p50 | p95 | p99 | max | server peak memory |
|---|---|---|---|---|---|---|---|
| %d | %d | %.0f req/s | %s | %s | %s | %s | %s |
`, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, f.url, f.clients, f.duration, mixNames(),
		len(latencies), errors, float64(len(latencies))/f.duration.Seconds(),
		pct(0.50).Round(100*time.Microsecond), pct(0.95).Round(100*time.Microsecond), pct(0.99).Round(100*time.Microsecond),
		latencies[len(latencies)-1].Round(100*time.Microsecond), rss)
	if errors > 0 {
		fmt.Fprintf(a.stdout, "\nfirst error: %v\n", firstErr)
	}
	return nil
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
