package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// Business registers: the statistical register (ЕУСС), Е-лицензирование,
// Сведения о монополистах and Учет проверок ГО, and the fields they add to
// LegalEntity, Person and Inquiry.

var statisticalUnitOf = loaders.Define[sio.BIN, *sio.StatisticalUnit]("stat_register.unitOf")

func (r *legalEntityResolver) StatisticalUnit(ctx context.Context, obj *sio.LegalEntity) (*sio.StatisticalUnit, error) {
	u, err := statisticalUnitOf.Load(ctx, r.StatisticalRegister.StatisticalUnitsByBIN, obj.BIN)
	return u, r.source(ctx, "stat_register", err)
}

var licensesOfHolder = loaders.Define[string, []sio.BusinessLicense]("e_licensing.ofHolder")

// licenseNumberPattern is the number of Е-лицензирование: KZ, two check
// digits, three letters and eight digits.
var licenseNumberPattern = regexp.MustCompile(`^KZ\d{2}[A-Z]{3}\d{8}$`)

func (r *Resolver) licensesOf(ctx context.Context, holder string) ([]sio.BusinessLicense, error) {
	ls, err := licensesOfHolder.Load(ctx, r.LicenseRegistry.LicensesByHolder, holder)
	return ls, r.source(ctx, "e_licensing", err)
}

func (r *personResolver) Licenses(ctx context.Context, obj *sio.Person) ([]sio.BusinessLicense, error) {
	return r.licensesOf(ctx, string(obj.IIN))
}

func (r *legalEntityResolver) Licenses(ctx context.Context, obj *sio.LegalEntity) ([]sio.BusinessLicense, error) {
	return r.licensesOf(ctx, string(obj.BIN))
}

func (r *inquiryResolver) License(ctx context.Context, _ *authz.Inquiry, number string) (*sio.BusinessLicense, error) {
	n, err := parseKey("number", number, 15, licenseNumberPattern, "a licence number such as KZ47LSM00012345")
	if err != nil {
		return nil, err
	}
	m, err := r.LicenseRegistry.LicensesByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "e_licensing", err)
	}
	return m[n], nil
}

type businessLicenseResolver struct{ *Resolver }

func (r *businessLicenseResolver) HolderPerson(ctx context.Context, obj *sio.BusinessLicense) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

func (r *businessLicenseResolver) HolderLegalEntity(ctx context.Context, obj *sio.BusinessLicense) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}
