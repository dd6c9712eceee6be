// Package tracing gives operators OpenTelemetry traces of SIO: one span per
// request (named by its GraphQL operation), one child span per SQL statement sent to a state
// database, so a slow answer shows which source held it up. Tracing is off
// unless an OTLP endpoint is configured.
//
// Spans carry no personal data: operation kind and (client-given, bounded)
// name, the store, the statement's outcome; never query text, variables,
// SQL arguments or identifiers.
package tracing

import (
	"context"
	"errors"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"
)

// InstrumentationName names SIO's tracer.
const InstrumentationName = "sio"

// Config selects where traces go.
type Config struct {
	// Endpoint is the OTLP/HTTP collector ("host:4318"); empty = tracing
	// off.
	Endpoint string
	// Insecure sends to the collector over plain HTTP (inside the
	// operator's network).
	Insecure bool
	// SampleRatio is the share of operations traced (0 = 1: all).
	SampleRatio float64
}

// Open returns the tracer provider of cfg and its shutdown (flushing
// buffered spans). With no endpoint it is a no-op provider.
func Open(ctx context.Context, cfg Config) (trace.TracerProvider, func(context.Context) error, error) {
	if cfg.Endpoint == "" {
		return noop.NewTracerProvider(), func(context.Context) error { return nil }, nil
	}
	opts := []otlptracehttp.Option{otlptracehttp.WithEndpoint(cfg.Endpoint)}
	if cfg.Insecure {
		opts = append(opts, otlptracehttp.WithInsecure())
	}
	exp, err := otlptracehttp.New(ctx, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("tracing: exporter: %w", err)
	}
	ratio := cfg.SampleRatio
	if ratio <= 0 || ratio > 1 {
		ratio = 1
	}
	tp := NewProvider(sdktrace.NewBatchSpanProcessor(exp), sdktrace.ParentBased(sdktrace.TraceIDRatioBased(ratio)))
	return tp, tp.Shutdown, nil
}

// NewProvider builds an SDK provider over a span processor (tests pass a
// synchronous processor over an in-memory exporter).
func NewProvider(sp sdktrace.SpanProcessor, sampler sdktrace.Sampler) *sdktrace.TracerProvider {
	res := resource.NewSchemaless(attribute.String("service.name", "sio"))
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sp), sdktrace.WithSampler(sampler), sdktrace.WithResource(res))
}

// Observer starts a client span per SQL statement of a store; it
// implements sqldb.Observer.
type Observer struct{ tracer trace.Tracer }

// NewObserver returns the statement observer of tp.
func NewObserver(tp trace.TracerProvider) *Observer {
	return &Observer{tracer: tp.Tracer(InstrumentationName)}
}

// Statement implements sqldb.Observer.
func (o *Observer) Statement(ctx context.Context, store string) (context.Context, func(error)) {
	if !trace.SpanFromContext(ctx).IsRecording() {
		// Statements outside a traced operation (seeding, health checks,
		// unsampled requests) are not traced: no root span per statement.
		return ctx, func(error) {}
	}
	ctx, span := o.tracer.Start(ctx, "sql "+store, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("db.namespace", store), attribute.String("sio.store", store)))
	return ctx, func(err error) {
		if err != nil {
			span.SetStatus(codes.Error, errorClass(err))
			span.SetAttributes(attribute.String("error.type", errorClass(err)))
		}
		span.End()
	}
}

// errorClass names an error without its message (which may quote data).
func errorClass(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	default:
		return fmt.Sprintf("%T", unwrapAll(err))
	}
}

func unwrapAll(err error) error {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err
		}
		err = u
	}
}
