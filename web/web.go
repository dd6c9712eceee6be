// Package web serves SIO's browser pages: the link chart at /links
// (cytoscape.js, vendored by `npm run build` in this directory and embedded
// in the binary) and the printable monthly report of ведомственный
// контроль at /reports. The pages read data only through /graphql, under
// the caller's authentication (and a basis, for state data), like any
// other client.
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
	page := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' blob: data:")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			http.ServeFileFS(w, r, sub, name)
		})
	}
	return map[string]http.Handler{
		"GET /links":           page("links.html"),
		"GET /links/static/":   http.StripPrefix("/links/static/", http.FileServer(http.FS(sub))),
		"GET /reports":         page("reports.html"),
		"GET /reports/static/": http.StripPrefix("/reports/static/", http.FileServer(http.FS(sub))),
	}
}
