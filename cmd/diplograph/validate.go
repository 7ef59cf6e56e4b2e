package main

import "github.com/diplograph/diplograph/schema"

func init() {
	// "load --extracted" checks documents made elsewhere against the contract's JSON Schema.
	validateExtraction = schema.ValidateExtraction
}
