package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store"
)

// MaxIngest bounds the articles of one ingestArticles call.
const MaxIngest = 100

// Ingester extracts and stores the articles of the mutation, as `diplograph load` does with JSON
// articles: the same reader (so the same ids and checks), the same extractor, one write for the batch.
type Ingester struct {
	Writer    diplograph.Writer
	Extractor loader.Extractor
}

// jsonArticle is an ArticleInput as the JSON reader of the loader reads it.
type jsonArticle struct {
	Title     string `json:"title,omitempty"`
	Body      string `json:"body"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
}

// Ingest extracts and stores the articles. An article that cannot be read or breaks the contract fails
// alone; the others are written in one transaction, whose failure (Neo4j unavailable) fails the call.
func (in *Ingester) Ingest(ctx context.Context, inputs []model.ArticleInput) (*model.IngestResult, error) {
	if len(inputs) > MaxIngest {
		return nil, diplograph.Errorf(diplograph.EINVALID, "articles: at most %d per call, got %d", MaxIngest, len(inputs))
	}
	res := &model.IngestResult{Received: len(inputs), Articles: make([]model.IngestedArticle, len(inputs))}
	var docs []*diplograph.Extraction
	var docIndex []int
	for i, a := range inputs {
		out := &res.Articles[i]
		out.Index = i
		doc, err := in.extract(ctx, i, a)
		if err != nil {
			msg := err.Error()
			out.Status, out.Error = model.IngestStatusFailed, &msg
			res.Failed++
			continue
		}
		id := doc.Article.ID
		out.ID = &id
		out.Events, out.Positions = len(doc.Events), len(doc.Positions)
		docs = append(docs, doc)
		docIndex = append(docIndex, i)
	}
	if len(docs) == 0 {
		return res, nil
	}
	st, err := in.Writer.Write(ctx, docs)
	if err != nil {
		return nil, fmt.Errorf("store %d articles: %w", len(docs), err)
	}
	res.New, res.Unchanged, res.Replaced = st.New, st.Unchanged, st.Replaced
	for _, i := range docIndex {
		out := &res.Articles[i]
		out.Status = model.IngestStatusUnchanged
		if slices.Contains(st.NewIDs, *out.ID) {
			out.Status = model.IngestStatusNew
		}
	}
	return res, nil
}

// extract reads one input with the loader's JSON reader and extracts it.
func (in *Ingester) extract(ctx context.Context, i int, a model.ArticleInput) (*diplograph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ja := jsonArticle{Body: a.Body, Title: deref(a.Title), URL: deref(a.URL), Source: deref(a.Source), Language: deref(a.Language)}
	if a.Published != nil {
		ja.Published = a.Published.String()
	}
	data, err := json.Marshal(ja)
	if err != nil {
		return nil, err
	}
	var art *diplograph.Article
	var readErr error
	name := fmt.Sprintf("articles[%d].json", i)
	err = loader.ReadBytes(name, data, loader.ReadOptions{}, func(it loader.Item) error {
		if art == nil && readErr == nil {
			art, readErr = it.Article, it.Err
		}
		return nil
	})
	if err == nil {
		err = readErr
	}
	if err == nil && art == nil {
		err = fmt.Errorf("%s: no article read", name)
	}
	if err != nil {
		return nil, err
	}
	doc := in.Extractor.Extract(art)
	if err := store.Check(doc); err != nil {
		return nil, fmt.Errorf("%s: %s", name, diplograph.ErrorMessage(err))
	}
	return doc, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
