package photos_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/authz"
	"sio/connectors/popdocs"
	"sio/httpapi/photos"
	"sio/internal/testdb"
	"sio/sqldb"
)

// asUser authenticates a test request as the official named by the
// X-Dev-User header (the API's own authentication does the same in front
// of the endpoint).
func asUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h := r.Header.Get("X-Dev-User"); h != "" {
			r = r.WithContext(authz.WithPrincipal(r.Context(), &authz.Principal{User: &sio.User{IIN: sio.IIN(h)}, Via: "test"}))
		}
		next.ServeHTTP(w, r)
	})
}

func TestPhotoEndpoint(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		store, err := popdocs.Open(ctx, cfg)
		testdb.Must(t, err)
		defer store.DB().Close()
		holder := testdb.IIN(t, "1990-01-02", sio.Female, 3)
		expiry := sio.MustDate("2030-01-01")
		testdb.Must(t, store.Insert(ctx, []popdocs.File{{Documents: []sio.IdentityDocument{{ID: 7, IIN: holder, Kind: sio.DocIDCard,
			KindRu: "Удостоверение личности", Number: "045678123", LastName: "Құрманова", FirstName: "Әсел", Gender: sio.Female,
			IssueDate: sio.MustDate("2020-01-01"), ExpiryDate: &expiry, Issuer: "МВД РК", IssueReasonRu: "x", RegionKATO: "75", Status: sio.DocValid}}}}))
		m, err := store.PhotosByID(ctx, []int64{7})
		testdb.Must(t, err)
		ph := m[7]

		now := time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
		links := photos.NewLinks(time.Minute).WithClock(func() time.Time { return now })
		srv := httptest.NewServer(asUser(photos.Handler(links, store, nil)))
		defer srv.Close()
		reader, other := testdb.IIN(t, "1980-03-04", sio.Male, 9001), testdb.IIN(t, "1981-03-04", sio.Male, 9001)
		url, exp := links.PhotoURL(ph, reader)
		if !exp.Equal(now.Add(time.Minute)) || strings.Contains(url, string(holder)) || !strings.HasPrefix(url, "/photos/7?") {
			t.Fatalf("link %s until %s", url, exp)
		}

		do := func(method, user, path string) (int, []byte, http.Header) {
			req, _ := http.NewRequest(method, srv.URL+path, nil)
			if user != "" {
				req.Header.Set("X-Dev-User", user)
			}
			resp, err := http.DefaultClient.Do(req)
			testdb.Must(t, err)
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, b, resp.Header
		}
		status, body, h := do("GET", string(reader), url)
		if status != http.StatusOK || h.Get("Content-Type") != photos.ContentType || !bytes.Equal(body, photos.Render(ph)) ||
			h.Get("Cache-Control") != "private, no-store" || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Fatalf("valid link: %d %v %s", status, h, body)
		}
		if !bytes.Contains(body, []byte("045678123")) || !bytes.Contains(body, []byte("Қ.Ә.")) {
			t.Fatalf("image lacks the document number or initials: %s", body)
		}

		tamper := func(u string) string {
			i := strings.Index(u, "sig=") + 4
			c := byte('A')
			if u[i] == 'A' {
				c = 'B'
			}
			return u[:i] + string(c) + u[i+1:]
		}
		otherExp := strings.Replace(url, "exp=", "exp=1", 1)
		refused := []struct {
			name, method, user, path string
			status                   int
			code                     string
		}{
			{"another official", "GET", string(other), url, 403, sio.EFORBIDDEN},
			{"tampered signature", "GET", string(reader), tamper(url), 403, sio.EFORBIDDEN},
			{"extended expiry", "GET", string(reader), otherExp, 403, sio.EFORBIDDEN},
			{"another photo", "GET", string(reader), strings.Replace(url, "/photos/7", "/photos/8", 1), 403, sio.EFORBIDDEN},
			{"no signature", "GET", string(reader), "/photos/7", 403, sio.EFORBIDDEN},
			{"not a photo", "GET", string(reader), "/photos/7/x", 404, sio.ENOTFOUND},
			{"write", "POST", string(reader), url, 405, sio.EBADINPUT},
			{"unauthenticated", "GET", "", url, 401, sio.EUNAUTHENTICATED},
		}
		check := func(name, method, user, path string, wantStatus int, code string) {
			t.Helper()
			status, body, _ := do(method, user, path)
			var e struct {
				Errors []struct {
					Message    string         `json:"message"`
					Extensions map[string]any `json:"extensions"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(body, &e); err != nil || status != wantStatus || len(e.Errors) != 1 || e.Errors[0].Extensions["code"] != code {
				t.Fatalf("%s: %d %s", name, status, body)
			}
		}
		for _, c := range refused {
			check(c.name, c.method, c.user, c.path, c.status, c.code)
		}
		// The same link, once its minute has passed.
		now = now.Add(time.Minute)
		check("expired", "GET", string(reader), url, 403, sio.EFORBIDDEN)
		// A fresh link works again; links of another process (key) do not.
		fresh, _ := links.PhotoURL(ph, reader)
		if status, _, _ := do("GET", string(reader), fresh); status != http.StatusOK {
			t.Fatalf("fresh link: %d", status)
		}
		foreign, _ := photos.NewLinks(time.Minute).WithClock(func() time.Time { return now }).PhotoURL(ph, reader)
		check("another key", "GET", string(reader), foreign, 403, sio.EFORBIDDEN)
	})
}

func TestRenderIsDeterministic(t *testing.T) {
	ph := &sio.IdentityPhoto{ID: 1, IIN: "900102400034", DocumentNumber: "012345678", LastName: "Иванова", FirstName: "Ольга",
		Gender: sio.Female, TakenOn: sio.MustDate("2019-05-06")}
	a, b := photos.Render(ph), photos.Render(ph)
	if !bytes.Equal(a, b) || !bytes.HasPrefix(a, []byte("<svg")) || !bytes.Contains(a, []byte("06.05.2019")) {
		t.Fatalf("render: %s", a)
	}
	male := *ph
	male.Gender, male.LastName = sio.Male, `<script>"&`
	if m := photos.Render(&male); bytes.Equal(m, a) || bytes.Contains(m, []byte("<script>")) {
		t.Fatalf("render escapes text and differs per photo: %s", m)
	}
}
