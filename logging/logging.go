// Package logging builds SIO's structured logs: JSON lines on log/slog
// that never carry personal data. Log lines are for operators, who are not
// entitled to what officials read: an identifier, a phone number or a
// document number that slips into an error message is masked before the
// line is written. What an official read belongs in the audit log only.
package logging

import (
	"context"
	"io"
	"log/slog"
	"regexp"
)

// Masked replaces a masked run of digits.
const Masked = "[masked]"

// digits matches runs long enough to be an IIN/BIN (12), a phone number
// (10-11), an account or a document number; dates, counts, durations and
// ports are shorter.
var digits = regexp.MustCompile(`[0-9]{9,}`)

// unmasked keys hold no personal data by construction (random request
// identifiers, hex trace ids) and are kept as they are.
var unmasked = map[string]bool{"request_id": true, "trace_id": true, "span_id": true}

// New returns a JSON logger writing to w at level whose string values,
// errors and messages are masked.
func New(w io.Writer, level slog.Leveler) *slog.Logger {
	return slog.New(&maskingHandler{slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level, ReplaceAttr: mask})})
}

// Mask masks personal data in s.
func Mask(s string) string { return digits.ReplaceAllString(s, Masked) }

func mask(groups []string, a slog.Attr) slog.Attr {
	if unmasked[a.Key] {
		return a
	}
	switch a.Value.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(Mask(a.Value.String()))
	case slog.KindAny:
		switch v := a.Value.Any().(type) {
		case error:
			a.Value = slog.StringValue(Mask(v.Error()))
		case []byte:
			a.Value = slog.StringValue(Mask(string(v)))
		default:
			// Anything else is rendered as text and masked: a struct
			// could hold an identifier.
			a.Value = slog.StringValue(Mask(a.Value.String()))
		}
	case slog.KindInt64, slog.KindUint64:
		// A number as long as an identifier is masked too.
		if s := a.Value.String(); digits.MatchString(s) {
			a.Value = slog.StringValue(Masked)
		}
	}
	return a
}

// maskingHandler masks the message too (ReplaceAttr sees only attributes).
type maskingHandler struct{ slog.Handler }

func (h *maskingHandler) Handle(ctx context.Context, r slog.Record) error {
	if digits.MatchString(r.Message) {
		nr := slog.NewRecord(r.Time, r.Level, Mask(r.Message), r.PC)
		r.Attrs(func(a slog.Attr) bool { nr.AddAttrs(a); return true })
		r = nr
	}
	return h.Handler.Handle(ctx, r)
}

func (h *maskingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &maskingHandler{h.Handler.WithAttrs(as)}
}

func (h *maskingHandler) WithGroup(name string) slog.Handler {
	return &maskingHandler{h.Handler.WithGroup(name)}
}
