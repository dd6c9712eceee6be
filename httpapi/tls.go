package httpapi

import "crypto/tls"

// TLSConfig is the production server's TLS: TLS 1.2 or later with the
// server certificate, and a client certificate required on every
// connection. The chain, validity, key usage, revocation and IIN of the
// client certificate are checked per request by Config.Certs, so that a
// refusal is a JSON UNAUTHENTICATED error with its reason rather than a
// bare handshake failure.
func TLSConfig(server tls.Certificate) *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{server},
		ClientAuth:   tls.RequireAnyClientCert,
	}
}
