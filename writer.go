package diplograph

import "context"

// Writer stores Extraction documents in the graph. Writing the same documents again changes
// nothing; an article whose URL was stored with other content replaces it.
type Writer interface {
	Write(ctx context.Context, docs []*Extraction) (WriteStats, error)
}

// WriteStats reports what a Write did.
type WriteStats struct {
	New       int // articles written for the first time
	Unchanged int // articles already stored with the same content: skipped
	Replaced  int // stored articles whose URL now has other content: retracted
	// NewIDs lists the ids of the new articles, in input order.
	NewIDs               []string
	NodesCreated         int
	NodesDeleted         int
	RelationshipsCreated int
	RelationshipsDeleted int
	PropertiesSet        int
}

// Add adds the counts of o to st.
func (st *WriteStats) Add(o WriteStats) {
	st.New += o.New
	st.Unchanged += o.Unchanged
	st.Replaced += o.Replaced
	st.NewIDs = append(st.NewIDs, o.NewIDs...)
	st.NodesCreated += o.NodesCreated
	st.NodesDeleted += o.NodesDeleted
	st.RelationshipsCreated += o.RelationshipsCreated
	st.RelationshipsDeleted += o.RelationshipsDeleted
	st.PropertiesSet += o.PropertiesSet
}

// Checkpoints remembers which input files a loader has stored, by the hash of their content, so that
// a scheduled job touches only new or changed files. The record lives in the graph, so any machine can
// run the job.
type Checkpoints interface {
	// Loaded returns the subset of content hashes already recorded.
	Loaded(ctx context.Context, hashes []string) (map[string]bool, error)
	// Record records a file as loaded.
	Record(ctx context.Context, hash, path string, size int64, articles int) error
}
