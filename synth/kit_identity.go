package synth

import "sio"

// Kin indexes the persons of a batch and their family links as the civil
// acts of the batch record them (a family never spans two batches, so a
// person's parents and spouses are in the same batch as the person).
type Kin struct {
	ByIIN     map[sio.IIN]*sio.Person
	Father    map[sio.IIN]sio.IIN
	Mother    map[sio.IIN]sio.IIN
	Marriages map[sio.IIN][]Marriage
	// Children of each parent, in the order of the birth acts.
	Children map[sio.IIN][]sio.IIN
}

// Marriage is a marriage of a person, from the MARRIAGE act.
type Marriage struct {
	Date   sio.Date
	Spouse sio.IIN
}

// KinOf indexes b. Marriages of each person are in act order (oldest first).
func KinOf(b *Batch) *Kin {
	k := &Kin{
		ByIIN:     make(map[sio.IIN]*sio.Person, len(b.Persons)),
		Father:    map[sio.IIN]sio.IIN{},
		Mother:    map[sio.IIN]sio.IIN{},
		Marriages: map[sio.IIN][]Marriage{},
		Children:  map[sio.IIN][]sio.IIN{},
	}
	for i := range b.Persons {
		k.ByIIN[b.Persons[i].IIN] = &b.Persons[i]
	}
	for i := range b.Acts {
		a := &b.Acts[i]
		switch a.Kind {
		case sio.ActBirth:
			var child sio.IIN
			for _, p := range a.Parties {
				if p.Role == sio.RoleChild {
					child = p.IIN
				}
			}
			for _, p := range a.Parties {
				switch p.Role {
				case sio.RoleFather:
					k.Father[child] = p.IIN
					k.Children[p.IIN] = append(k.Children[p.IIN], child)
				case sio.RoleMother:
					k.Mother[child] = p.IIN
					k.Children[p.IIN] = append(k.Children[p.IIN], child)
				}
			}
		case sio.ActMarriage:
			if len(a.Parties) == 2 {
				x, y := a.Parties[0].IIN, a.Parties[1].IIN
				k.Marriages[x] = append(k.Marriages[x], Marriage{Date: a.Date, Spouse: y})
				k.Marriages[y] = append(k.Marriages[y], Marriage{Date: a.Date, Spouse: x})
			}
		}
	}
	return k
}

// End is the last day of the person's records: the death date, or Today.
func End(p *sio.Person) sio.Date {
	if p.DeathDate != nil {
		return *p.DeathDate
	}
	return Today()
}

// Permute maps n (0 <= n < m) to a distinct number below m: a fixed
// bijection (multiplication by a unit of Z/m plus an offset) that spreads
// consecutive counters over the whole range, for document and declaration
// numbers that must be unique without remembering the ones given out. mult
// must be coprime with m.
func Permute(n, mult, offset, m uint64) uint64 {
	return (n%m*mult + offset) % m
}

// MaxDate is the later of a and b.
func MaxDate(a, b sio.Date) sio.Date {
	if a.After(b.Time) {
		return a
	}
	return b
}

// MinDate is the earlier of a and b.
func MinDate(a, b sio.Date) sio.Date {
	if a.Before(b.Time) {
		return a
	}
	return b
}
