package gateway_test

import "testing"

// Взаимосвязи 1-го и 2-го уровня: the graph around a married parent.
func linkedPerson(t *testing.T, fx *fixture) map[string]any {
	return map[string]any{"iin": one[string](t, fx.g.Civil.DB(), `SELECT p.iin FROM {civil_act_parties} p
		JOIN {civil_act_parties} c ON c.act_id = p.act_id AND c.role = 'CHILD'
		WHERE p.role = 'FATHER' ORDER BY p.iin LIMIT 1`)}
}

func init() {
	registerServices(
		serviceCase{
			service: "LINKS_LEVEL1", args: "$iin: IIN!", path: "links", vars: linkedPerson,
			selection: `links(subject: {iin: $iin}) { root depth truncated nodes { id kind label level provenance { service record } } edges { source target kind provenance { service record } } }`,
		},
		serviceCase{
			service: "LINKS_LEVEL2", args: "$iin: IIN!", path: "links", vars: linkedPerson,
			selection: `links(subject: {iin: $iin}, depth: 2) { root depth nodes { id level } edges { kind } }`,
		},
	)
}
