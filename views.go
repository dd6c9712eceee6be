package sio

import (
	"strconv"
	"strings"
)

// Derived views of records, used by the GraphQL layer as plain methods (no
// extra lookups).

// FullName is "Фамилия Имя Отчество".
func (p *Person) FullName() string {
	return strings.Join(strings.Fields(p.LastName+" "+p.FirstName+" "+p.MiddleName), " ")
}

// FullName is "Last First Middle" without empty parts.
func (p *PersonName) FullName() string {
	return strings.Join(strings.Fields(p.LastName+" "+p.FirstName+" "+p.MiddleName), " ")
}

// Region of the person's registered address.
func (p *Person) Region() *Region { return regionOrNil(p.RegionKATO) }

// Region of the entity's registered address.
func (e *LegalEntity) Region() *Region { return regionOrNil(e.RegionKATO) }

// Region of the object.
func (r *RealEstate) Region() *Region { return regionOrNil(r.RegionKATO) }

// Region of the plot.
func (l *LandPlot) Region() *Region { return regionOrNil(l.RegionKATO) }

// Region of the registry office.
func (a *CivilAct) Region() *Region { return regionOrNil(a.RegionKATO) }

func regionOrNil(kato string) *Region {
	r, _ := RegionByKATO(kato)
	return r
}

// CadastralNumber of the object the right is registered on.
func (r *PropertyRight) CadastralNumber() string { return r.ObjectNumber }

// Share as a fraction "n/d".
func (r *PropertyRight) Share() string {
	return strconv.Itoa(r.ShareNumerator) + "/" + strconv.Itoa(r.ShareDenominator)
}

// CertificateNumber is the registration certificate (СРТС) number.
func (v *Vehicle) CertificateNumber() string { return v.CertificateNo }

// TaxOffice is a state-revenue office.
type TaxOffice struct {
	Code   string
	NameRu string
}

// TaxOffice the taxpayer is registered with.
func (t *Taxpayer) TaxOffice() *TaxOffice {
	return &TaxOffice{Code: t.TaxOfficeCode, NameRu: t.TaxOfficeRu}
}

// Money is an amount in tiyn (1/100 tenge).
type Money int64

// String formats the amount in tenge with two decimals, e.g. "15230.50".
func (m Money) String() string {
	neg := m < 0
	if neg {
		m = -m
	}
	s := strconv.FormatInt(int64(m/100), 10) + "." + strconv.FormatInt(int64(m%100)/10, 10) + strconv.FormatInt(int64(m%10), 10)
	if neg {
		return "-" + s
	}
	return s
}

// Principal is the tax arrears.
func (d *TaxDebt) Principal() Money { return Money(d.PrincipalTiyn) }

// Penalty is the accrued penalty (пеня).
func (d *TaxDebt) Penalty() Money { return Money(d.PenaltyTiyn) }

// Fine is the fine (штраф).
func (d *TaxDebt) Fine() Money { return Money(d.FineTiyn) }

// Total is principal + penalty + fine.
func (d *TaxDebt) Total() Money { return Money(d.PrincipalTiyn + d.PenaltyTiyn + d.FineTiyn) }

// Tenge is the amount in whole tenge (tiyn dropped).
func (m Money) Tenge() int64 { return int64(m) / 100 }
