// Command gqlgenpost rewrites gqlgen's generated executor after `gqlgen
// generate` (see generate.go): lists of objects are marshalled through
// gqlexec.MarshalSlice, which starts a goroutine per element only where the
// element's selection reads a source. It changes nothing else, and fails
// if gqlgen's output no longer has the shape it rewrites.
//
//	go run ./internal/gqlgenpost graph/generated.go
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
)

const (
	call      = "graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {"
	rewritten = "gqlexec.MarshalSlice(ctx, sel, len(v), func(ctx context.Context, i int) graphql.Marshaler {"
	anchor    = "\t\"sio/gqlscalar\"\n"
	imported  = "\t\"sio/gqlexec\"\n"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgenpost:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: gqlgenpost FILE")
	}
	path := args[0]
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := rewrite(src)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}

func rewrite(src []byte) ([]byte, error) {
	n := bytes.Count(src, []byte(call))
	if n == 0 {
		return nil, fmt.Errorf("no %q: gqlgen's output changed; update internal/gqlgenpost", call)
	}
	if bytes.Count(src, []byte("MarshalSliceConcurrently")) != n {
		return nil, fmt.Errorf("a MarshalSliceConcurrently call of another shape: update internal/gqlgenpost")
	}
	if !bytes.Contains(src, []byte(anchor)) {
		return nil, fmt.Errorf("no import %q to add gqlexec after", anchor)
	}
	src = bytes.ReplaceAll(src, []byte(call), []byte(rewritten))
	src = bytes.Replace(src, []byte(anchor), []byte(imported+anchor), 1)
	return format.Source(src)
}
