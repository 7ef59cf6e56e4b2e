module github.com/diplograph/diplograph

go 1.26.8

require (
	github.com/neo4j/neo4j-go-driver/v5 v5.28.4
	golang.org/x/term v0.48.0
	golang.org/x/text v0.44.0
)

require (
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2 // indirect
	golang.org/x/sys v0.50.0 // indirect
)
