package graph

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/diplograph/diplograph/store"
)

// Live feeds the subscriptions. While anyone subscribes it polls the graph every Interval for events
// and positions stored since the last poll (their ingestedAt), whoever stored them — this server's
// mutation or a separate `diplograph load` — and sends each to the subscribers whose filter it matches.
// Facts stored up to Lookback before the newest one seen are read again, so that a transaction that
// took long to commit is not missed; the ids already sent are skipped.
type Live struct {
	Store    *store.Store
	Interval time.Duration // default 1s
	Lookback time.Duration // default 10s
	Buffer   int           // messages a slow subscriber may lag behind before it misses some; default 256
	Log      *slog.Logger

	events    *feed[store.EventChange]
	positions *feed[store.PositionChange]
	active    atomic.Int64
}

// Live defaults.
const (
	DefaultPollInterval = time.Second
	DefaultLookback     = 10 * time.Second
	pollLimit           = 1000
)

// NewLive returns a Live on the store; Run starts its polling.
func NewLive(s *store.Store, interval time.Duration, log *slog.Logger) *Live {
	l := &Live{Store: s, Interval: interval, Lookback: DefaultLookback, Buffer: 256, Log: log}
	if l.Interval <= 0 {
		l.Interval = DefaultPollInterval
	}
	if l.Log == nil {
		l.Log = slog.Default()
	}
	l.events = &feed[store.EventChange]{live: l, what: "events", read: s.EventsStoredSince,
		id: func(c *store.EventChange) string { return c.ID }, at: func(c *store.EventChange) time.Time { return c.IngestedAt }}
	l.positions = &feed[store.PositionChange]{live: l, what: "positions", read: s.PositionsStoredSince,
		id: func(c *store.PositionChange) string { return c.ID }, at: func(c *store.PositionChange) time.Time { return c.IngestedAt }}
	return l
}

// Subscribers returns the number of open subscriptions.
func (l *Live) Subscribers() int64 { return l.active.Load() }

// Run polls until ctx is done.
func (l *Live) Run(ctx context.Context) {
	t := time.NewTicker(l.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			l.events.poll(ctx)
			l.positions.poll(ctx)
		}
	}
}

// Events subscribes to new events the query matches, until ctx is done.
func (l *Live) Events(ctx context.Context, q store.EventQuery) (<-chan *store.Event, error) {
	ch := make(chan *store.Event, l.Buffer)
	err := l.events.subscribe(ctx, &subscriber[store.EventChange]{
		match: q.Matches,
		send: func(c *store.EventChange) bool {
			ev := c.Event
			select {
			case ch <- &ev:
				return true
			default:
				return false
			}
		},
		close: func() { close(ch) },
	})
	return ch, err
}

// Positions subscribes to new positions the query matches, until ctx is done.
func (l *Live) Positions(ctx context.Context, q store.PositionQuery) (<-chan *store.Position, error) {
	ch := make(chan *store.Position, l.Buffer)
	err := l.positions.subscribe(ctx, &subscriber[store.PositionChange]{
		match: q.Matches,
		send: func(c *store.PositionChange) bool {
			p := c.Position
			select {
			case ch <- &p:
				return true
			default:
				return false
			}
		},
		close: func() { close(ch) },
	})
	return ch, err
}

type subscriber[C any] struct {
	match func(*C) bool
	send  func(*C) bool
	close func()
}

// feed is the change feed of one kind of fact.
type feed[C any] struct {
	live *Live
	what string
	read func(ctx context.Context, since time.Time, skip []string, limit int) ([]C, error)
	id   func(*C) string
	at   func(*C) time.Time

	mu     sync.Mutex // guards subs
	subs   map[*subscriber[C]]struct{}
	pollMu sync.Mutex // one poll or prime at a time; guards the cursor
	primed bool
	since  time.Time            // the newest ingestedAt seen
	recent map[string]time.Time // ids sent within the lookback, with their ingestedAt
}

// subscribe adds a subscriber. The first subscriber after none marks what is stored as seen, so that
// only facts stored from then on are sent.
func (f *feed[C]) subscribe(ctx context.Context, s *subscriber[C]) error {
	f.pollMu.Lock()
	if !f.primed {
		if err := f.prime(ctx); err != nil {
			f.pollMu.Unlock()
			return err
		}
	}
	f.mu.Lock()
	if f.subs == nil {
		f.subs = map[*subscriber[C]]struct{}{}
	}
	f.subs[s] = struct{}{}
	f.mu.Unlock()
	f.pollMu.Unlock()
	f.live.active.Add(1)
	go func() {
		<-ctx.Done()
		f.mu.Lock()
		delete(f.subs, s)
		s.close()
		f.mu.Unlock()
		f.live.active.Add(-1)
	}()
	return nil
}

// prime sets the cursor to the newest stored fact and marks the facts of the lookback as sent.
func (f *feed[C]) prime(ctx context.Context) error {
	latest, err := f.live.Store.LatestIngest(ctx)
	if err != nil {
		return err
	}
	f.since, f.recent = latest, map[string]time.Time{}
	if !latest.IsZero() {
		items, err := f.read(ctx, latest.Add(-f.live.Lookback), nil, pollLimit)
		if err != nil {
			return err
		}
		for i := range items {
			f.recent[f.id(&items[i])] = f.at(&items[i])
		}
	}
	f.primed = true
	return nil
}

// poll reads the facts stored since the cursor and sends them; with no subscriber it does nothing and
// forgets the cursor.
func (f *feed[C]) poll(ctx context.Context) {
	f.pollMu.Lock()
	defer f.pollMu.Unlock()
	f.mu.Lock()
	n := len(f.subs)
	f.mu.Unlock()
	if n == 0 {
		f.primed = false
		return
	}
	skip := make([]string, 0, len(f.recent))
	for id := range f.recent {
		skip = append(skip, id)
	}
	items, err := f.read(ctx, f.since.Add(-f.live.Lookback), skip, pollLimit)
	if err != nil {
		if ctx.Err() == nil {
			f.live.Log.Warn("subscriptions: cannot read new "+f.what, "err", err)
		}
		return
	}
	f.mu.Lock()
	for i := range items {
		c := &items[i]
		f.recent[f.id(c)] = f.at(c)
		if f.at(c).After(f.since) {
			f.since = f.at(c)
		}
		for s := range f.subs {
			if s.match(c) && !s.send(c) {
				f.live.Log.Warn("subscriptions: a subscriber is too slow; a message was dropped", "kind", f.what, "id", f.id(c))
			}
		}
	}
	f.mu.Unlock()
	for id, t := range f.recent {
		if t.Before(f.since.Add(-f.live.Lookback)) {
			delete(f.recent, id)
		}
	}
}
