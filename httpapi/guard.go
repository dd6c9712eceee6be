package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"

	"sio"
)

// requestState carries what the GraphQL layer needs of the HTTP request
// (its method) and lets it set the response status (405 for a mutation
// over GET).
type requestState struct {
	method string
	status int
}

type stateKey struct{}

func stateFrom(ctx context.Context) *requestState {
	s, _ := ctx.Value(stateKey{}).(*requestState)
	return s
}

// guardRequests refuses, before any GraphQL processing, what the API does
// not serve, and bounds the time of the rest:
//   - a POST whose body is not application/json (text/plain, form-encoded
//     or multipart bodies are what a cross-site form or a CORS "simple
//     request" can send: refused with 415, so no cross-site request forgery
//     can run an operation);
//   - a JSON array body (batching: one request, one operation, one audit
//     record);
//   - methods other than GET, POST and OPTIONS.
//
// GET serves queries only (mutations are refused with 405, see
// queryLimits). The request's context ends after timeout.
func guardRequests(lim Limits, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" {
			writeError(w, http.StatusBadRequest, &sio.Error{Code: sio.EBADINPUT, Message: "no protocol upgrade is served here"})
			return
		}
		switch r.Method {
		case http.MethodOptions:
		case http.MethodGet:
			if msg := badQueryString(r.URL.RawQuery); msg != "" {
				writeError(w, http.StatusBadRequest, &sio.Error{Code: sio.EBADINPUT, Message: msg})
				return
			}
		case http.MethodPost:
			mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if err != nil || mt != "application/json" {
				w.Header().Set("Accept-Post", "application/json")
				writeError(w, http.StatusUnsupportedMediaType, &sio.Error{Code: sio.EBADINPUT,
					Message: "a GraphQL request is a POST with Content-Type application/json"})
				return
			}
			if body := peekBody(r); len(body) > 0 && body[0] == '[' {
				writeError(w, http.StatusBadRequest, &sio.Error{Code: sio.EBADINPUT,
					Message: "batched requests are not supported: send one operation per request"})
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			writeError(w, http.StatusMethodNotAllowed, &sio.Error{Code: EMETHODNOTALLOWED,
				Message: r.Method + " is not allowed: use POST (or GET for queries)"})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), lim.Timeout)
		defer cancel()
		st := &requestState{method: r.Method}
		ctx = context.WithValue(ctx, stateKey{}, st)
		next.ServeHTTP(&statusWriter{ResponseWriter: w, st: st}, r.WithContext(ctx))
	})
}

// badQueryString says what is wrong with the query string of a GET
// request, "" if nothing: the GET transport would answer these errors
// without a code.
func badQueryString(raw string) string {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "the query string is not URL-encoded"
	}
	for _, p := range []string{"variables", "extensions"} {
		if v := q.Get(p); v != "" {
			var m map[string]any
			if err := json.Unmarshal([]byte(v), &m); err != nil {
				return p + " must be a JSON object"
			}
		}
	}
	return ""
}

// peekBody returns the body (bounded and buffered by auditRequests) without
// leading whitespace, and leaves it to be read again.
func peekBody(r *http.Request) []byte {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return nil
	}
	r.Body = io.NopCloser(bytes.NewReader(raw))
	return bytes.TrimLeft(raw, " \t\r\n")
}

// statusWriter writes the status the GraphQL layer chose for the request,
// if it chose one. A request refused by parsing, validation or a limit is
// 200 with application/json and 400 with
// application/graphql-response+json (GraphQL over HTTP), never gqlgen's
// 422. Such a request error never began executing, so its result has no
// "data" entry (GraphQL spec §7.1.2; gqlgen writes "data": null).
type statusWriter struct {
	http.ResponseWriter
	st           *requestState
	requestError bool
}

func (s *statusWriter) WriteHeader(code int) {
	s.requestError = s.st.status != 0 || code >= 400 && code < 500
	switch {
	case s.st.status != 0:
		code = s.st.status
	case code == http.StatusUnprocessableEntity:
		code = http.StatusOK
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(p []byte) (int, error) {
	if s.requestError {
		if out, ok := withoutNullData(p); ok {
			if _, err := s.ResponseWriter.Write(out); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	return s.ResponseWriter.Write(p)
}

// withoutNullData returns the JSON object body without its "data": null
// entry; ok is false when body is not such an object (it is then written
// as it is).
func withoutNullData(body []byte) (out []byte, ok bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil || string(m["data"]) != "null" {
		return nil, false
	}
	delete(m, "data")
	out, err := json.Marshal(m)
	if err != nil {
		return nil, false
	}
	return append(out, '\n'), true
}
