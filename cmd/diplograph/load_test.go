package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/neo4jtest"
)

// buildBinary builds diplograph into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "diplograph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigCorpus writes copies of the sample corpus whose bodies differ (so each is a distinct article),
// n copies in all, one JSON Lines file per copy.
func bigCorpus(t *testing.T, copies int) (string, int) {
	t.Helper()
	dir := t.TempDir()
	src, err := filepath.Glob("../../testdata/corpus/*.jsonl")
	if err != nil || len(src) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	total := 0
	for c := 0; c < copies; c++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("copy-%02d.jsonl", c)))
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		for _, p := range src {
			in, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(in)
			sc.Buffer(make([]byte, 1<<20), 4<<20)
			for sc.Scan() {
				var a map[string]any
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					t.Fatal(err)
				}
				a["body"] = fmt.Sprintf("%s\n(%d)", a["body"], c)
				a["url"] = fmt.Sprintf("%s?copy=%d", a["url"], c)
				b, _ := json.Marshal(a)
				w.Write(b)
				w.WriteByte('\n')
				total++
			}
			in.Close()
		}
		w.Flush()
		f.Close()
	}
	return dir, total
}

func TestKilledLoadResumesToTheSameGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads a few hundred articles")
	}
	s := neo4jtest.Open(t)
	ctx := context.Background()
	bin := buildBinary(t)
	dir, total := bigCorpus(t, 4)
	env := append(os.Environ(), "NEO4J_URI="+neo4jtest.URI(t), "DIPLOGRAPH_LOG_FORMAT=json")
	run := func() *exec.Cmd {
		cmd := exec.Command(bin, "load", "--batch", "10", "--workers", "2", "--progress", "log", dir)
		cmd.Env = env
		return cmd
	}
	// The graph of an uninterrupted load.
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted load: %v\n%s", err, out)
	}
	want, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	// A load killed with SIGKILL in the middle.
	cmd := run()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	var stored int64
	for time.Now().Before(deadline) {
		stored, _ = s.Count(ctx, "MATCH (a:Article) RETURN count(a)", nil)
		if stored >= 30 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	stored, _ = s.Count(ctx, "MATCH (a:Article) RETURN count(a)", nil)
	if stored == 0 || stored >= int64(total) {
		t.Fatalf("the kill came at %d of %d articles; the test needs it in the middle", stored, total)
	}
	t.Logf("killed after %d of %d articles", stored, total)
	// Started again, it ends with the same graph.
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("resumed load: %v\n%s", err, out)
	}
	got, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("a killed and resumed load gave another graph than an uninterrupted one (%d vs %d lines)",
			strings.Count(got, "\n"), strings.Count(want, "\n"))
	}
}

func TestLoadExitStatus(t *testing.T) {
	neo4jtest.Open(t) // an empty database, locked for this test
	bin := buildBinary(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.json"), []byte(`{"body": "Egyptian Foreign Minister Badr Abdelatty met his Jordanian counterpart Ayman Safadi in Amman on Monday.", "published": "2025-02-10"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"body": `), 0o644)
	cmd := exec.Command(bin, "load", dir)
	cmd.Env = append(os.Environ(), "NEO4J_URI="+neo4jtest.URI(t))
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure {
		t.Fatalf("exit: %v, want status %d\n%s", err, exitFailure, out)
	}
	if !strings.Contains(string(out), "broken.json") || !strings.Contains(string(out), "1 new") {
		t.Errorf("output does not list the failure and the stored article:\n%s", out)
	}
	// A usage error exits 2.
	cmd = exec.Command(bin, "load")
	cmd.Env = cmd.Environ()
	if err := cmd.Run(); err == nil || err.(*exec.ExitError).ExitCode() != exitUsage {
		t.Errorf("load without inputs: %v, want status %d", err, exitUsage)
	}
}
