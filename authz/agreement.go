package authz

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"regexp"
	"strings"
)

// agreementForm is the form of the usage agreement, seed 000 Appendix 6
// ("Соглашение о правах использования СИО ПСО"), one paragraph a line.
//
//go:embed agreement_ru.txt
var agreementForm string

// AgreementSource cites the form.
const AgreementSource = "000/App6"

var (
	nameBlank   = regexp.MustCompile(`_+\(Ф\.И\.О\., должность\)`)
	agencyBlank = regexp.MustCompile(`_+\(наименование государственного органа\)`)
)

// AgreementForm returns the form as printed in the seed.
func AgreementForm() string { return agreementForm }

// AgreementText is the agreement a user signs (seed 000 §17): the form with
// the user's name and position and the name of their body filled in. The
// date of signing is recorded by the system, not written into the text, so
// that a text fetched today verifies tomorrow.
func AgreementText(fullName, position, agency string) string {
	s := nameBlank.ReplaceAllLiteralString(agreementForm, strings.TrimSpace(fullName)+", "+strings.TrimSpace(position))
	return agencyBlank.ReplaceAllLiteralString(s, strings.TrimSpace(agency))
}

// AgreementDigest is the hex SHA-256 of the text's UTF-8 bytes.
func AgreementDigest(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}
