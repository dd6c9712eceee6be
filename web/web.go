// Package web serves SIO's browser pages: the link chart at /links
// (cytoscape.js, vendored by `npm run build` in this directory and embedded
// in the binary). The pages read data only through /graphql, under the
// caller's authentication and a basis, like any other client.
package web

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed static
var static embed.FS

// Routes returns the pages by ServeMux pattern.
func Routes() map[string]http.Handler {
	sub, _ := fs.Sub(static, "static")
	files := http.StripPrefix("/links/static/", http.FileServer(http.FS(sub)))
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' blob: data:")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.ServeFileFS(w, r, sub, "links.html")
	})
	return map[string]http.Handler{
		"GET /links":         page,
		"GET /links/static/": files,
	}
}
