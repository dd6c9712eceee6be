package gateway_test

import "testing"

// The business, procurement, subsoil and tax-authority (КГД) state databases.
// Selections reach every nested guarded field of the domain.

func init() {
	registerServices(
		serviceCase{
			service: "UNIFIED_STATISTICS_SYSTEM", args: "$bin: BIN!", path: "legalEntity.statisticalUnit",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.StatRegister.DB(),
					`SELECT bin FROM {stat_units} WHERE last_report_form IS NOT NULL ORDER BY bin LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin statisticalUnit { bin kato localityRu region { nameRu } oked okedNameRu krp krpNameRu size employees ownershipRu activity lastReportForm lastReportDate updatedAt } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "bin") != vars["bin"] || get(got, "lastReportForm") == nil || len(get(got, "kato").(string)) != 9 {
					t.Fatalf("statistical unit = %v", got)
				}
			},
		},
	)
}
