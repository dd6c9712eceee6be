package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"sio"
	"sio/audit"
)

// errorPresenter maps errors to client-safe GraphQL errors: a *sio.Error
// keeps its code and message (plus reason/source/argument for denials and
// bad input); gqlgen's own parse and validation errors keep their text; any
// other error becomes INTERNAL with a generic message and is logged.
//
// Every error is noted in the request's audit trail; a FORBIDDEN one is
// recorded as a denial with its path, service and reason.
func errorPresenter(cfg Config) graphql.ErrorPresenterFunc {
	logger := cfg.Logger
	return func(ctx context.Context, err error) *gqlerror.Error {
		// Read the cause first: presenting strips it from the error.
		var e *sio.Error
		isSIO := errors.As(err, &e)
		gerr := present(ctx, logger, err)
		code, _ := gerr.Extensions["code"].(string)
		trail := audit.TrailFrom(ctx)
		trail.ErrorCode(code)
		if code == sio.EFORBIDDEN && isSIO {
			trail.Deny(gerr.Path.String(), e.Service, e.Reason)
			if cfg.Metrics != nil {
				cfg.Metrics.Denial(e.Reason)
			}
		}
		return gerr
	}
}

// present maps one error to its client-safe form.
func present(ctx context.Context, logger *slog.Logger, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var e *sio.Error
	if errors.As(err, &e) {
		gerr.Message = e.Message
		ext := map[string]any{"code": e.Code}
		if e.Reason != "" {
			ext["reason"] = e.Reason
		}
		if e.Source != "" {
			ext["source"] = e.Source
		}
		if arg := argumentName(e, gerr); arg != "" {
			ext["argument"] = arg
		}
		gerr.Extensions = ext
		gerr.Err = nil
		return gerr
	}
	var ge *gqlerror.Error
	if errors.As(err, &ge) && ge.Err == nil {
		// Produced by the GraphQL engine itself (parse, validation,
		// coercion): the text is about the query, safe to return.
		if gerr.Extensions == nil {
			gerr.Extensions = map[string]any{}
		}
		if _, ok := gerr.Extensions["code"]; !ok {
			gerr.Extensions["code"] = sio.EBADINPUT
		}
		// No "Did you mean ...?": the schema is not disclosed through errors.
		gerr.Message = suggestion.ReplaceAllString(gerr.Message, "")
		if strings.HasPrefix(gerr.Message, "json request body could not be decoded") || strings.HasPrefix(gerr.Message, "could not read request body") {
			// The transport's text names Go types and echoes the body.
			gerr.Message = "the request body is not a GraphQL request in JSON ({\"query\": \"...\", \"variables\": {...}})"
		}
		return gerr
	}
	logger.ErrorContext(ctx, "internal error", "err", err.Error(), "path", gerr.Path.String())
	return &gqlerror.Error{Message: "internal error", Path: gerr.Path, Locations: gerr.Locations,
		Extensions: map[string]any{"code": sio.EINTERNAL}}
}

// suggestion is the hint the validator appends to an unknown name.
var suggestion = regexp.MustCompile(`\s*Did you mean [^?]*\?`)

// argumentName names the argument at fault: the error's own, else the last
// path element when the error arose while reading arguments.
func argumentName(e *sio.Error, g *gqlerror.Error) string {
	if e.Code != sio.EBADINPUT {
		return ""
	}
	if e.Argument != "" && e.Argument != "IIN" && e.Argument != "BIN" {
		return e.Argument
	}
	if n := len(g.Path); n > 0 {
		if name, ok := g.Path[n-1].(ast.PathName); ok {
			return string(name)
		}
	}
	return e.Argument
}

// recoverFunc turns a panic in a resolver into INTERNAL without a stack
// trace in the response; the panic is logged.
func recoverFunc(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, v any) error {
		logger.ErrorContext(ctx, "panic in resolver", "panic", slog.AnyValue(v).String(), "stack", string(debug.Stack()))
		return &sio.Error{Code: sio.EINTERNAL, Message: "internal error"}
	}
}
