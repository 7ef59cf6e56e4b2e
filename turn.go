package diplograph

import (
	"context"
	"sync"
)

// TurnWriter is a Writer that can write a batch while the batch before it commits, and still commit
// the batches in the order they came: the graph is the one Write gives batch after batch, so a load
// killed and started again ends where an uninterrupted one does. The loader uses it to keep two
// transactions in flight.
type TurnWriter interface {
	Writer
	// WriteInTurn writes docs as Write does, but commits only after prev (nil: none) has committed;
	// it marks turn sent once its queries are sent and done once it has committed or failed. If prev
	// fails, it rolls back and fails with an error that wraps ErrPreviousFailed.
	WriteInTurn(ctx context.Context, docs []*Extraction, prev, turn *Turn) (WriteStats, error)
}

// ErrPreviousFailed is the error of a batch rolled back because the batch before it failed.
var ErrPreviousFailed = Errorf(EUNAVAILABLE, "the batch before this one was not stored")

// Turn is the place of one batch in a sequence of batches committed in order.
type Turn struct {
	sent, done, restarted chan struct{}
	sentOnce, doneOnce    sync.Once
	restartOnce           sync.Once
	err                   error
}

// NewTurn returns the turn of a batch not yet written.
func NewTurn() *Turn {
	return &Turn{sent: make(chan struct{}), done: make(chan struct{}), restarted: make(chan struct{})}
}

// Sent is closed when the batch's queries have all been sent: it is committing, and the next batch
// may start.
func (t *Turn) Sent() <-chan struct{} { return t.sent }

// Done is closed when the batch has committed or failed (Err).
func (t *Turn) Done() <-chan struct{} { return t.done }

// Restarted is closed when the batch's transaction starts over after its queries were sent once: a
// batch waiting for it to commit must roll back, since it may hold locks the new attempt needs.
func (t *Turn) Restarted() <-chan struct{} { return t.restarted }

// Err is the batch's error once Done is closed; nil when it committed.
func (t *Turn) Err() error {
	<-t.done
	return t.err
}

// MarkSent records that the batch's queries are sent.
func (t *Turn) MarkSent() { t.sentOnce.Do(func() { close(t.sent) }) }

// MarkRestarted records that the batch's transaction starts over.
func (t *Turn) MarkRestarted() { t.restartOnce.Do(func() { close(t.restarted) }) }

// Finish records the batch's outcome.
func (t *Turn) Finish(err error) {
	t.doneOnce.Do(func() {
		t.err = err
		t.MarkSent()
		close(t.done)
	})
}
