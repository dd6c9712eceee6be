package sio

// graph/ is regenerated from schema/*.graphqls with gqlgen.yml, then
// internal/gqlgenpost routes the generated list marshalling through
// gqlexec.MarshalSlice (a goroutine per element only where the element's
// selection reads a source). Both steps are code generation: graph/ is
// never edited by hand, and CI fails if `go generate ./...` changes it.
//go:generate go tool gqlgen generate
//go:generate go run ./internal/gqlgenpost graph/generated.go
