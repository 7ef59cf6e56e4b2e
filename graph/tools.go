//go:build tools

package graph

// gqlgen generates graph/generated and graph/model/models_gen.go from schema/*.graphqls (gqlgen.yml):
//
//	go run github.com/99designs/gqlgen generate
import _ "github.com/99designs/gqlgen"
