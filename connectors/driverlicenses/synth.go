package driverlicenses

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// validYears is the validity of a Kazakh driving licence.
const validYears = 10

// firstIssue is the earliest licence of the register.
var firstIssue = sio.MustDate("1985-01-01")

// centreFrom is when licences passed from the police examination units to
// the specialised public service centres (interpretation: one date for the
// whole country).
var centreFrom = sio.MustDate("2019-01-01")

// plateLetters are the Latin letters of licence series (no I, O, Q).
const plateLetters = "ABCDEFGHJKLMNPRSTUVWXYZ"

// Filler returns the generator of Водительское удостоверение. Every person
// who owns a vehicle holds a licence, and so do ~55% of the other adult men
// and ~30% of the other adult women. The first licence is issued at 18-35
// (owners at least a year before their first offence, if any); a licence
// is valid ten years and ~85% of holders exchange it when it expires (the
// old one REPLACED); one not exchanged is EXPIRED, and a holder's licence
// in force at death is ANNULLED. Categories: B for nearly all, men also C
// (30%), CE (a third of C), D (4%), A (8%), BE (15%). Owners caught
// driving drunk (transportkit.DrunkDrivers) are DEPRIVED by the
// administrative court of their region for seven years. Numbers: two
// Latin letters and six digits from a permutation of a counter.
// Interpretation: licences issued before 2019 name the examination unit
// of the regional police, later ones the specialised public service
// centre of the regional centre.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	perm := transportkit.NewPerm(k, "license", 23*23*1_000_000)
	drunk := transportkit.NewDrunkDrivers(seed)
	var n uint64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.DriverLicense
		owners := transportkit.FirstVehicles(b)
		today := synth.Today()
		for i := range b.Persons {
			p := &b.Persons[i]
			adult := synth.AddYears(p.BirthDate, 18)
			if adult.After(synth.AddDays(today, -1).Time) || p.DeathDate != nil && p.DeathDate.Before(adult.Time) {
				continue
			}
			r := k.For(string(p.IIN))
			v, owner := owners[p.IIN]
			rate := 0.30
			if p.Gender == sio.Male {
				rate = 0.55
			}
			if !synth.Chance(r, rate) && !owner {
				continue
			}
			// The first licence: at 18-35, before the first offence.
			end := synth.AddDays(today, -1)
			if p.DeathDate != nil && p.DeathDate.Before(end.Time) {
				end = *p.DeathDate
			}
			u := r.Float64()
			issued := synth.AddDays(adult, int(u*u*17*365))
			if issued.Before(firstIssue.Time) {
				issued = synth.DateBetween(r, firstIssue, synth.AddYears(firstIssue, 3))
			}
			var offence sio.Date
			drunkDriver := false
			if owner {
				offence, drunkDriver = drunk.Offence(p, v)
				if drunkDriver && issued.After(synth.AddDays(offence, -365).Time) {
					issued = synth.AddDays(offence, -365)
					if issued.Before(adult.Time) {
						issued = adult
					}
				}
			}
			if issued.After(end.Time) {
				issued = end
			}
			cats := categories(r, p.Gender)
			for {
				n++
				x := perm.At(n)
				l := sio.DriverLicense{
					Number:    fmt.Sprintf("%c%c%06d", plateLetters[x/1_000_000/23], plateLetters[x/1_000_000%23], x%1_000_000),
					HolderIIN: p.IIN, CategoryList: cats, IssuedAt: issued, ExpiresAt: synth.AddYears(issued, validYears),
					IssuedBy: issuer(issued, p.RegionKATO), RegionKATO: p.RegionKATO, Status: sio.LicenseValid,
				}
				if drunkDriver && !offence.Before(issued.Time) && offence.Before(l.ExpiresAt.Time) {
					from := drunk.CourtDecision(p, offence)
					until := synth.AddYears(from, transportkit.DeprivationYears)
					l.Status, l.DeprivedFrom, l.DeprivedUntil = sio.LicenseDeprived, &from, &until
					l.DeprivationCourt, l.DeprivationArticle = transportkit.AdminCourt(p.RegionKATO), "608 ч.1"
					out = append(out, l)
					break
				}
				if p.DeathDate != nil && p.DeathDate.Before(l.ExpiresAt.Time) {
					l.Status = sio.LicenseAnnulled
					out = append(out, l)
					break
				}
				if l.ExpiresAt.After(today.Time) {
					out = append(out, l)
					break
				}
				pending := drunkDriver && !offence.Before(l.ExpiresAt.Time)
				if !synth.Chance(r, 0.85) && !pending {
					l.Status = sio.LicenseExpired
					out = append(out, l)
					break
				}
				// Exchanged in the last month before expiry.
				l.Status = sio.LicenseReplaced
				out = append(out, l)
				issued = synth.AddDays(l.ExpiresAt, -r.IntN(30))
			}
		}
		return s.Insert(ctx, out)
	}
}

// categories draws the categories of a holder, in the printed order.
func categories(r *rand.Rand, g sio.Gender) string {
	male := g == sio.Male
	has := map[string]bool{"B": !male || synth.Chance(r, 0.97)}
	if male {
		has["A"] = synth.Chance(r, 0.08)
		has["C"] = synth.Chance(r, 0.30)
		has["CE"] = has["C"] && synth.Chance(r, 0.33)
		has["D"] = synth.Chance(r, 0.04)
		has["BE"] = has["B"] && synth.Chance(r, 0.15)
		has["B"] = has["B"] || !has["C"] && !has["D"]
	} else {
		has["A"] = synth.Chance(r, 0.01)
	}
	var out []string
	for _, c := range []string{"A", "B", "BE", "C", "CE", "D"} {
		if has[c] {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}

// issuer names the unit that issued a licence on day in the region.
func issuer(day sio.Date, kato string) string {
	if day.Before(centreFrom.Time) {
		return "Регистрационно-экзаменационное отделение Управления административной полиции ДП " + transportkit.Genitive(kato)
	}
	return "Специализированный ЦОН " + transportkit.Center(kato)
}
