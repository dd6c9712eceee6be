// Package photos serves the images of Система документирования населения
// (service ID_DOCUMENT_PHOTO) outside the GraphQL response: the field
// IdentityPhoto.url resolves, after the @service check, to a link to this
// endpoint carrying a short-lived token bound to the photo, its person, the
// official who asked and an expiry. The endpoint serves the image only to
// that official, before the expiry; everything else is refused with a JSON
// error, so the link is no way around the access policy.
package photos

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sio"
	"sio/authz"
)

// Path is the endpoint's route prefix: GET /photos/{id}?exp=...&sig=...
const Path = "/photos/"

// DefaultTTL is how long a link works.
const DefaultTTL = 5 * time.Minute

// Links issues and verifies photo links. The HMAC key is random per
// process: links do not survive a restart, which their lifetime makes
// harmless, and no key is ever configured or stored.
type Links struct {
	key []byte
	ttl time.Duration
	now func() time.Time
}

var _ sio.PhotoLinker = (*Links)(nil)

// NewLinks returns a link issuer with a fresh random key; ttl <= 0 means
// DefaultTTL.
func NewLinks(ttl time.Duration) *Links {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		panic("photos: no randomness for the link key: " + err.Error())
	}
	return &Links{key: key, ttl: ttl, now: time.Now}
}

// WithClock returns a copy of l reading time from now (tests).
func (l *Links) WithClock(now func() time.Time) *Links {
	c := *l
	c.now = now
	return &c
}

// mac is the token of (photo, person, official, expiry).
func (l *Links) mac(id int64, person, user sio.IIN, exp int64) []byte {
	h := hmac.New(sha256.New, l.key)
	for _, part := range []string{"sio-photo-link", strconv.FormatInt(id, 10), string(person), string(user), strconv.FormatInt(exp, 10)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return h.Sum(nil)
}

// PhotoURL returns the link to the photo for user, and when it expires.
// The link names the photo by its record number, not the person's IIN, so
// no personal identifier ends up in access logs.
func (l *Links) PhotoURL(ph *sio.IdentityPhoto, user sio.IIN) (string, time.Time) {
	exp := l.now().Add(l.ttl).Truncate(time.Second)
	q := url.Values{}
	q.Set("exp", strconv.FormatInt(exp.Unix(), 10))
	q.Set("sig", base64.RawURLEncoding.EncodeToString(l.mac(ph.ID, ph.IIN, user, exp.Unix())))
	return Path + strconv.FormatInt(ph.ID, 10) + "?" + q.Encode(), exp.UTC()
}

// Archive finds photos by record number.
type Archive interface {
	PhotosByID(ctx context.Context, ids []int64) (map[int64]*sio.IdentityPhoto, error)
}

// Handler serves GET /photos/{id}; any other request under Path gets a JSON
// error too. The caller must be authenticated (by the
// API's authentication in front of it) as the official the link was issued
// to.
func Handler(l *Links, archive Archive, logger *slog.Logger) http.Handler {
	if logger == nil {
		logger = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, sio.EBADINPUT, "photos are read with GET")
			return
		}
		p := authz.PrincipalFrom(r.Context())
		if p == nil || p.User == nil {
			writeError(w, http.StatusUnauthorized, sio.EUNAUTHENTICATED, "authentication required")
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, Path)
		id, err := strconv.ParseInt(rest, 10, 64)
		if !ok || err != nil || id <= 0 {
			writeError(w, http.StatusNotFound, sio.ENOTFOUND, "no such photo")
			return
		}
		exp, err := strconv.ParseInt(r.URL.Query().Get("exp"), 10, 64)
		sig, serr := base64.RawURLEncoding.DecodeString(r.URL.Query().Get("sig"))
		if err != nil || serr != nil || len(sig) != sha256.Size {
			writeError(w, http.StatusForbidden, sio.EFORBIDDEN, "invalid photo link")
			return
		}
		if !l.now().Before(time.Unix(exp, 0)) {
			writeError(w, http.StatusForbidden, sio.EFORBIDDEN, "the photo link has expired: read the photo field again")
			return
		}
		m, err := archive.PhotosByID(r.Context(), []int64{id})
		if err != nil {
			logger.ErrorContext(r.Context(), "photo lookup failed", "err", err.Error())
			writeError(w, http.StatusServiceUnavailable, sio.ESOURCEUNAVAILABLE, "state database population_docs is unavailable")
			return
		}
		// An unknown photo and a link not issued to this caller look the
		// same: the endpoint tells nothing about records to a caller
		// without a valid link.
		ph := m[id]
		if ph == nil || !hmac.Equal(sig, l.mac(id, ph.IIN, p.User.IIN, exp)) {
			writeError(w, http.StatusForbidden, sio.EFORBIDDEN, "invalid photo link")
			return
		}
		h := w.Header()
		h.Set("Content-Type", ContentType)
		h.Set("Cache-Control", "private, no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		// The image is data, never a document that runs scripts.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
		w.WriteHeader(http.StatusOK)
		w.Write(Render(ph))
	})
}

// writeError writes a GraphQL-shaped error body, as the rest of the API.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
}
