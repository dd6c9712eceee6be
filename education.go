package sio

import "context"

// StudyLevel is the level of a higher-education programme.
type StudyLevel string

const (
	// LevelSpecialist: the five-year programmes of the former system.
	LevelSpecialist StudyLevel = "SPECIALIST"
	LevelBachelor   StudyLevel = "BACHELOR"
	LevelMaster     StudyLevel = "MASTER"
)

// StudyForm is the form of study.
type StudyForm string

const (
	FullTime StudyForm = "FULL_TIME"
	// PartTime is заочная форма обучения.
	PartTime StudyForm = "PART_TIME"
	Distance StudyForm = "DISTANCE"
)

// StudyFunding tells who pays for the studies.
type StudyFunding string

const (
	// StateGrant is государственный образовательный грант.
	StateGrant StudyFunding = "STATE_GRANT"
	Paid       StudyFunding = "PAID"
)

// StudentStatus is where a student stands.
type StudentStatus string

const (
	Studying      StudentStatus = "STUDYING"
	AcademicLeave StudentStatus = "ACADEMIC_LEAVE"
	Graduated     StudentStatus = "GRADUATED"
	Expelled      StudentStatus = "EXPELLED"
)

// HigherEducationRecord is a record of Сведения о студентах и выпускниках
// ВУЗов: a person's studies in a programme of a university, from enrolment
// to graduation (with the diploma) or expulsion.
type HigherEducationRecord struct {
	ID           int64      `db:"id"`
	IIN          IIN        `db:"iin"`
	UniversityRu string     `db:"university_ru"`
	RegionKATO   string     `db:"region_kato"`
	Level        StudyLevel `db:"level"`
	// SpecialtyCode is the code of the classifier in force at enrolment
	// (e.g. 050506, 5B050600, 6B04101).
	SpecialtyCode string        `db:"specialty_code"`
	SpecialtyRu   string        `db:"specialty_ru"`
	StudyForm     StudyForm     `db:"study_form"`
	Funding       StudyFunding  `db:"funding"`
	EnrolledYear  int           `db:"enrolled_year"`
	Status        StudentStatus `db:"status"`
	// GraduationYear and DiplomaNumber are set for graduates; LeftYear for
	// the expelled.
	GraduationYear *int    `db:"graduation_year"`
	LeftYear       *int    `db:"left_year"`
	DiplomaNumber  *string `db:"diploma_number"`
	WithHonors     bool    `db:"with_honors"`
}

// Region of the university.
func (h *HigherEducationRecord) Region() *Region { return regionOrNil(h.RegionKATO) }

// HigherEducationRegistry is Сведения о студентах и выпускниках ВУЗов.
type HigherEducationRegistry interface {
	// StudiesByPerson returns each person's studies, oldest first.
	StudiesByPerson(ctx context.Context, iins []IIN) (map[IIN][]HigherEducationRecord, error)
	// StudiesByDiploma returns the studies found among diploma numbers.
	StudiesByDiploma(ctx context.Context, numbers []string) (map[string]*HigherEducationRecord, error)
}
