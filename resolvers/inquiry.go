package resolvers

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"sio"
	"sio/authz"
)

type inquiryResolver struct{ *Resolver }

// MaxBatchKeys bounds list arguments such as persons(iins).
const MaxBatchKeys = 100

var (
	cadastralPattern = regexp.MustCompile(`^\d{2}:\d{3}:\d{3}:\d{3}(:\d{1,4}(/\d{1,4})?)?$`)
	vinPattern       = regexp.MustCompile(`^[A-HJ-NPR-Z0-9]{17}$`)
	platePattern     = regexp.MustCompile(`^(\d{3}[A-Z]{2,3}\d{2}|[A-Z]\d{3}[A-Z]{2,3})$`)
)

func badInput(arg, format string, args ...any) error {
	return &sio.Error{Code: sio.EBADINPUT, Argument: arg, Message: arg + ": " + fmt.Sprintf(format, args...)}
}

// parseKey normalizes a lookup key (trimmed, upper case) and checks its
// length and shape; want describes the expected form in the error.
func parseKey(arg, value string, maxLen int, pattern *regexp.Regexp, want string) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(value))
	if v == "" || len([]rune(v)) > maxLen || !pattern.MatchString(v) {
		return "", badInput(arg, "expected %s (at most %d characters)", want, maxLen)
	}
	return v, nil
}

func parseCadastral(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !cadastralPattern.MatchString(s) {
		return "", badInput("cadastralNumber", "expected RR:DDD:QQQ:PPP[:B[/A]], e.g. 20:317:012:345")
	}
	return s, nil
}

func (r *inquiryResolver) Person(ctx context.Context, _ *authz.Inquiry, iin sio.IIN) (*sio.Person, error) {
	m, err := r.PersonRegistry.PersonsByIIN(ctx, []sio.IIN{iin})
	if err != nil {
		return nil, r.source(ctx, "gbd_fl", err)
	}
	return m[iin], nil
}

func (r *inquiryResolver) Persons(ctx context.Context, _ *authz.Inquiry, iins []sio.IIN) ([]*sio.Person, error) {
	if len(iins) > MaxBatchKeys {
		return nil, badInput("iins", "at most %d identifiers per request", MaxBatchKeys)
	}
	m, err := r.PersonRegistry.PersonsByIIN(ctx, iins)
	if err != nil {
		return nil, r.source(ctx, "gbd_fl", err)
	}
	out := make([]*sio.Person, len(iins))
	for i, iin := range iins {
		out[i] = m[iin]
	}
	return out, nil
}

func (r *inquiryResolver) LegalEntity(ctx context.Context, _ *authz.Inquiry, bin sio.BIN) (*sio.LegalEntity, error) {
	m, err := r.EntityRegistry.EntitiesByBIN(ctx, []sio.BIN{bin})
	if err != nil {
		return nil, r.source(ctx, "gbd_ul", err)
	}
	return m[bin], nil
}

func (r *inquiryResolver) RealEstate(ctx context.Context, _ *authz.Inquiry, cadastralNumber string) (*sio.RealEstate, error) {
	n, err := parseCadastral(cadastralNumber)
	if err != nil {
		return nil, err
	}
	m, err := r.RealEstateRegistry.PropertiesByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "real_estate", err)
	}
	return m[n], nil
}

func (r *inquiryResolver) LandPlot(ctx context.Context, _ *authz.Inquiry, cadastralNumber string) (*sio.LandPlot, error) {
	n, err := parseCadastral(cadastralNumber)
	if err != nil {
		return nil, err
	}
	m, err := r.LandRegistry.PlotsByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "land_cadastre", err)
	}
	return m[n], nil
}

func (r *inquiryResolver) Vehicle(ctx context.Context, _ *authz.Inquiry, plate *string, vin *string) (*sio.Vehicle, error) {
	switch {
	case (plate == nil) == (vin == nil):
		return nil, badInput("plate", "give exactly one of plate or vin")
	case plate != nil:
		p := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(*plate), " ", ""))
		if !platePattern.MatchString(p) {
			return nil, badInput("plate", "expected a Kazakh registration plate such as 123ABC02")
		}
		m, err := r.VehicleRegistry.VehiclesByPlate(ctx, []string{p})
		if err != nil {
			return nil, r.source(ctx, "vehicles", err)
		}
		return m[p], nil
	default:
		v := strings.ToUpper(strings.TrimSpace(*vin))
		if !vinPattern.MatchString(v) {
			return nil, badInput("vin", "expected 17 characters of A-Z (without I, O, Q) and 0-9")
		}
		m, err := r.VehicleRegistry.VehiclesByVIN(ctx, []string{v})
		if err != nil {
			return nil, r.source(ctx, "vehicles", err)
		}
		return m[v], nil
	}
}

func (r *inquiryResolver) Taxpayer(ctx context.Context, _ *authz.Inquiry, id string) (*sio.Taxpayer, error) {
	key, err := sio.ParseIINOrBIN(id, "id")
	if err != nil {
		return nil, err
	}
	m, err := r.TaxpayerRegistry.TaxpayersByID(ctx, []string{key})
	if err != nil {
		return nil, r.source(ctx, "taxpayers", err)
	}
	return m[key], nil
}
