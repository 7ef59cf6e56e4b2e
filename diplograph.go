// Package diplograph holds the domain of Diplograph: the Extraction document that the extractor produces
// and the store writes (the contract in docs/extraction.md), its controlled vocabularies, dates with
// precision, and the error codes every layer shares.
//
// The package has no dependencies beyond the standard library. Adapters live in their own packages:
// store (Neo4j), graph (GraphQL), loader (article formats and the load pipeline), localneo4j (the
// development database), and the extraction stages normalize, lexicon, recognize, dates and relate.
package diplograph

// ContractVersion is the version of the Extraction document this code reads and writes.
const ContractVersion = 1
