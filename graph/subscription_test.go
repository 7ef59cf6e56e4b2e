package graph_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/diplograph/diplograph/internal/neo4jtest"
)

// subscriptionArticle is an original test article (not news): a meeting in Amman.
const subscriptionArticle = `{"title": "Safadi receives al-Shaibani in Amman for talks on border crossings",
 "body": "AMMAN - Jordanian Foreign Minister Ayman Safadi received Syrian Foreign Minister Asaad al-Shaibani in Amman on Monday for talks on reopening border crossings and the return of refugees.\n\nSafadi reaffirmed Jordan's support for the unity and territorial integrity of Syria, the Jordanian foreign ministry said in a statement.",
 "url": "https://test-wire.example.net/2026/11/30/safadi-shaibani-amman", "source": "Test Wire", "published": "2026-11-30", "language": "en"}`

// testSubscription subscribes over a websocket (graphql-transport-ws) to events with Syria and to
// Jordan's positions, then stores an article with a separate `diplograph load` process: both arrive.
func (e *env) testSubscription(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "diplograph")
	build := exec.Command("go", "build", "-o", bin, "./cmd/diplograph")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	input := filepath.Join(dir, "amman.json")
	if err := os.WriteFile(input, []byte(subscriptionArticle), 0o644); err != nil {
		t.Fatal(err)
	}

	wsURL := "ws" + strings.TrimPrefix(e.url, "http")
	d := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
	conn, _, err := d.Dial(wsURL, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", wsURL, err)
	}
	defer conn.Close()
	send := func(v any) {
		if err := conn.WriteJSON(v); err != nil {
			t.Fatal(err)
		}
	}
	read := func() map[string]any {
		for {
			conn.SetReadDeadline(time.Now().Add(60 * time.Second))
			var m map[string]any
			if err := conn.ReadJSON(&m); err != nil {
				t.Fatalf("read: %v", err)
			}
			if m["type"] == "ping" {
				send(map[string]any{"type": "pong"})
				continue
			}
			return m
		}
	}
	send(map[string]any{"type": "connection_init", "payload": map[string]any{}})
	if m := read(); m["type"] != "connection_ack" {
		t.Fatalf("want connection_ack, got %v", m)
	}
	send(map[string]any{"id": "events", "type": "subscribe", "payload": map[string]any{"query": `subscription {
	  eventAdded(filter: {participants: ["country:SY", "country:JO"]}) {
	    type date participants { role entity { id } } sources { quote article { title url } } } }`}})
	send(map[string]any{"id": "positions", "type": "subscribe", "payload": map[string]any{"query": `subscription {
	  positionAdded(filter: {holder: "JO", topic: TERRITORIAL_INTEGRITY}) {
	    holder { id } stance topic target { id } date sources { quote } } }`}})
	// The server marks what is stored when the first subscriber comes; give it a poll to do so.
	time.Sleep(500 * time.Millisecond)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	load := exec.CommandContext(ctx, bin, "load", "--progress", "log", input)
	load.Env = append(os.Environ(), "NEO4J_URI="+neo4jtest.URI(t), "DIPLOGRAPH_LOG_LEVEL=warn")
	if out, err := load.CombinedOutput(); err != nil {
		t.Fatalf("diplograph load: %v\n%s", err, out)
	}

	got := map[string]string{}
	for len(got) < 2 {
		m := read()
		if m["type"] != "next" {
			t.Fatalf("want next, got %v", m)
		}
		b, _ := json.Marshal(m["payload"])
		got[m["id"].(string)] = string(b)
	}
	ev, pos := got["events"], got["positions"]
	for _, want := range []string{`"type":"MEETING"`, `"date":"2026-11-30"`, `"person:asaad-al-shaibani"`, `"person:ayman-safadi"`,
		`"url":"https://test-wire.example.net/2026/11/30/safadi-shaibani-amman"`} {
		if !strings.Contains(ev, want) {
			t.Errorf("eventAdded: missing %s in %s", want, ev)
		}
	}
	for _, want := range []string{`"stance":"SUPPORTS"`, `"target":{"id":"country:SY"}`, `"holder":{"id":"person:ayman-safadi"}`} {
		if !strings.Contains(pos, want) {
			t.Errorf("positionAdded: missing %s in %s", want, pos)
		}
	}
	send(map[string]any{"id": "events", "type": "complete"})
	send(map[string]any{"id": "positions", "type": "complete"})
}
