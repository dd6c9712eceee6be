package authz_test

import (
	"testing"
	"time"

	"sio"
	"sio/authz"
)

func TestOversee(t *testing.T) {
	signed := time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	user := func(role, agency string) *sio.User {
		return &sio.User{IIN: "850314400109", RoleCode: role, AgencyCode: agency, AgreementSignedAt: &signed}
	}
	sup := []string{authz.DutySupervisor}
	for _, tc := range []struct {
		name    string
		u       *sio.User
		duties  []string
		offices []authz.Office
		want    authz.Office
		reason  string
	}{
		{"operator", user("SYSTEM_ADMINISTRATOR", "KPSISU"), nil, []authz.Office{authz.OfficeSupervisor, authz.OfficeOperator}, authz.OfficeOperator, ""},
		{"administrator of another agency", user("SYSTEM_ADMINISTRATOR", "MVD"), nil, []authz.Office{authz.OfficeOperator}, "", authz.ReasonOfficeRequired},
		// The first office held, in the order asked: the operator's
		// (any agency) before the supervisor's (own agency).
		{"operator before supervisor", user("SYSTEM_ADMINISTRATOR", "KPSISU"), sup, []authz.Office{authz.OfficeOperator, authz.OfficeSupervisor}, authz.OfficeOperator, ""},
		{"supervisor when asked first", user("SYSTEM_ADMINISTRATOR", "KPSISU"), sup, []authz.Office{authz.OfficeSupervisor, authz.OfficeOperator}, authz.OfficeSupervisor, ""},
		{"supervisor", user("INVESTIGATOR_INTERNAL_AFFAIRS", "MVD"), sup, []authz.Office{authz.OfficeSupervisor}, authz.OfficeSupervisor, ""},
		{"no duty", user("INVESTIGATOR_INTERNAL_AFFAIRS", "MVD"), nil, []authz.Office{authz.OfficeSupervisor, authz.OfficeOperator}, "", authz.ReasonOfficeRequired},
		{"prosecutor", user("PROSECUTOR", "PROSECUTOR_OFFICE"), nil, []authz.Office{authz.OfficeProsecutor}, authz.OfficeProsecutor, ""},
		{"blocked", &sio.User{RoleCode: "PROSECUTOR", Blocked: true, AgreementSignedAt: &signed}, nil, []authz.Office{authz.OfficeProsecutor}, "", authz.ReasonUserBlocked},
		{"unsigned", &sio.User{RoleCode: "PROSECUTOR"}, nil, []authz.Office{authz.OfficeProsecutor}, "", authz.ReasonAgreementNotSigned},
	} {
		ov, err := authz.Oversee(tc.u, tc.duties, tc.offices...)
		if tc.reason != "" {
			e, ok := err.(*sio.Error)
			if !ok || e.Code != sio.EFORBIDDEN || e.Reason != tc.reason || e.Source == "" || ov != nil {
				t.Errorf("%s: %+v %v", tc.name, ov, err)
			}
			continue
		}
		if err != nil || ov.Office != tc.want {
			t.Errorf("%s: %+v %v", tc.name, ov, err)
		}
	}
	ov, _ := authz.Oversee(user("INVESTIGATOR_INTERNAL_AFFAIRS", "MVD"), sup, authz.OfficeSupervisor)
	if a, err := ov.Agency(""); a != "MVD" || err != nil {
		t.Fatalf("own agency %q %v", a, err)
	}
	if _, err := ov.Agency("KNB"); sio.ErrorCode(err) != sio.EFORBIDDEN {
		t.Fatalf("another agency: %v", err)
	}
	op, _ := authz.Oversee(user("SYSTEM_ADMINISTRATOR", "KPSISU"), nil, authz.OfficeOperator)
	if a, err := op.Agency("KNB"); a != "KNB" || err != nil {
		t.Fatalf("operator %q %v", a, err)
	}
	if got := authz.Offices(user("PROSECUTOR", "PROSECUTOR_OFFICE"), sup); len(got) != 2 || got[0] != authz.OfficeSupervisor || got[1] != authz.OfficeProsecutor {
		t.Fatalf("offices %v", got)
	}
}
