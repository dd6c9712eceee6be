package logging_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"sio/logging"
)

func TestMasksPersonalData(t *testing.T) {
	var buf bytes.Buffer
	log := logging.New(&buf, slog.LevelDebug)
	iin, phone := "870412300123", "+77011234567"
	log.Error("lookup of "+iin+" failed",
		"err", fmt.Errorf("persons: person %s: %w", iin, errors.New("timeout")),
		"phone", phone, "raw", []byte("bin=040340001234"), "n", int64(870412300123),
		"subject", struct{ IIN string }{iin}, "request_id", "a1b2c3d4e5f60718293a4b5c",
		"port", 5432, "persons", 1000000)
	log.With("owner", iin).WithGroup("g").Info("grouped", "who", iin)
	out := buf.String()
	for _, leak := range []string{iin, "7011234567", "040340001234"} {
		if strings.Contains(out, leak) {
			t.Fatalf("log holds %s:\n%s", leak, out)
		}
	}
	for _, kept := range []string{`"port":5432`, `"persons":1000000`, `"request_id":"a1b2c3d4e5f60718293a4b5c"`, "timeout", logging.Masked} {
		if !strings.Contains(out, kept) {
			t.Fatalf("log lost %s:\n%s", kept, out)
		}
	}
}
