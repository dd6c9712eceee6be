package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// Сведения о студентах и выпускниках ВУЗов.

var studiesOf = loaders.Define[sio.IIN, []sio.HigherEducationRecord]("higher_education.studiesOf")

// diplomaPattern admits a diploma series and number with or without "№"
// and spaces: ЖБ, ЖБ-Б, ЖБ-М and seven digits.
var diplomaPattern = regexp.MustCompile(`^(ЖБ(?:-[БМ])?)\s*№?\s*(\d{7})$`)

func (r *personResolver) HigherEducation(ctx context.Context, obj *sio.Person) ([]sio.HigherEducationRecord, error) {
	hs, err := studiesOf.Load(ctx, r.HigherEducationRegistry.StudiesByPerson, obj.IIN)
	return hs, r.source(ctx, "higher_education", err)
}

func (r *inquiryResolver) Diploma(ctx context.Context, _ *authz.Inquiry, number string) (*sio.HigherEducationRecord, error) {
	n, err := parseKey("number", number, 20, diplomaPattern, "a diploma series and number, e.g. ЖБ-Б № 0012345")
	if err != nil {
		return nil, err
	}
	m := diplomaPattern.FindStringSubmatch(n)
	key := m[1] + " № " + m[2]
	found, err := r.HigherEducationRegistry.StudiesByDiploma(ctx, []string{key})
	if err != nil {
		return nil, r.source(ctx, "higher_education", err)
	}
	return found[key], nil
}

type higherEducationRecordResolver struct{ *Resolver }

func (r *higherEducationRecordResolver) Person(ctx context.Context, obj *sio.HigherEducationRecord) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}
