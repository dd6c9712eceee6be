package foreignworkerviolations

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/connectors/foreignlabor"
	"sio/synth"
)

// offence is a part of КоАП article 517 ("Нарушение иностранцем или лицом
// без гражданства законодательства Республики Казахстан в области миграции
// населения"). Interpretation: the parts are numbered as we read the 2014
// Code: 1 — registration and stay rules, 2 — evading departure after the
// term of stay, 3 — working without a permit or not in accordance with it;
// the fines in MRP are those of the article's sanctions.
type offence struct {
	article, descriptionRu string
	fineMRP                int64
}

var (
	registration = offence{"517-1", "Несоблюдение иностранцем установленного порядка регистрации по месту временного пребывания", 10}
	overstay     = offence{"517-2", "Уклонение иностранца от выезда из Республики Казахстан по истечении срока пребывания", 30}
	mismatch     = offence{"517-3", "Осуществление трудовой деятельности не в соответствии с разрешением (по другой должности, в другой местности)", 20}
	noPermit     = offence{"517-3", "Осуществление иностранцем трудовой деятельности без разрешения местного исполнительного органа", 20}
)

// Filler returns the generator of Нарушение иностранных рабочих, over the
// workers of Иностранная рабочая сила (the same records, drawn again by
// foreignlabor.Generator): 6% of a permit's workers breach the
// registration rules during it, 3% work not as the permit says, 3% of
// those whose permit has expired overstay and are expelled by a court;
// and in raids on 1.5% of active ТОО and АО since 2019, 2-8 foreigners
// found working without a permit are fined and expelled. Protocol numbers
// count in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	g := foreignlabor.NewGenerator(seed)
	k := synth.NewKeyed(seed, Name)
	// Protocol counters, one per stream: the offences of listed workers and
	// those found in raids come in population order each, but a batch cut
	// interleaves them differently. The series digit keeps them apart.
	var listed, raids int
	return func(ctx context.Context, b *synth.Batch) error {
		today := synth.Today()
		permits, workers := g.Batch(b)
		byNumber := make(map[string]*sio.ForeignLaborPermit, len(permits))
		for i := range permits {
			byNumber[permits[i].PermitNumber] = &permits[i]
		}
		var out []sio.ForeignWorkerViolation
		add := func(r *rand.Rand, w *sio.ForeignWorker, employer sio.BIN, kato string, o offence, on sio.Date, expel bool) {
			n, series := &listed, 1
			if o == noPermit {
				n, series = &raids, 2
			}
			*n++
			out = append(out, violation(r, w, employer, kato, o, on, expel, series*1_000_000+*n))
		}
		for i := range workers {
			w := &workers[i]
			p := byNumber[w.PermitNumber]
			r := k.For(w.PermitNumber + "/" + w.PassportNumber)
			last := p.ValidUntil
			if !last.Before(today.Time) {
				last = synth.AddDays(today, -1)
			}
			switch x := r.Float64(); {
			case x < 0.06:
				add(r, w, p.EmployerBIN, p.RegionKATO, registration, synth.DateBetween(r, p.IssuedOn, last), false)
			case x < 0.09:
				add(r, w, p.EmployerBIN, synth.Pick(r, sio.Regions).KATO, mismatch, synth.DateBetween(r, p.IssuedOn, last), synth.Chance(r, 0.3))
			case x < 0.12 && p.ValidUntil.Before(synth.AddDays(today, -130).Time):
				add(r, w, p.EmployerBIN, p.RegionKATO, overstay, synth.AddDays(p.ValidUntil, 10+r.IntN(120)), true)
			}
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
				continue
			}
			r := k.For(string(e.BIN))
			from := synth.AddDays(e.RegistrationDate, 90)
			if from.Before(sio.MustDate("2019-01-01").Time) {
				from = sio.MustDate("2019-01-01")
			}
			if !synth.Chance(r, 0.015) || !from.Before(today.Time) {
				continue
			}
			on := synth.DateBetween(r, from, synth.AddDays(today, -1))
			for j := 2 + r.IntN(7); j > 0; j-- {
				w := foreignlabor.Foreigner(r, synth.Pick(r, []string{"UZ", "UZ", "TJ", "KG", "CN"}), 19, 50)
				add(r, &w, e.BIN, e.RegionKATO, noPermit, on, true)
			}
		}
		return s.Insert(ctx, out)
	}
}

// violation draws the protocol numbered n (series digit and counter) and the decision: the migration
// service of the police decides warnings and fines; expulsion is decided by
// the specialized administrative court.
func violation(r *rand.Rand, w *sio.ForeignWorker, employer sio.BIN, kato string, o offence, on sio.Date, expel bool, n int) sio.ForeignWorkerViolation {
	today := synth.Today()
	region, _ := sio.RegionByKATO(kato)
	plate, where := "00", ""
	if region != nil {
		plate, where = region.PlateCode, " "+region.GenitiveRu()
	}
	part := o.article[len("517-"):]
	v := sio.ForeignWorkerViolation{ProtocolNumber: fmt.Sprintf("%02d%s%07d", on.Year()%100, plate, n), LastName: w.LastName,
		FirstName: w.FirstName, BirthDate: w.BirthDate, Citizenship: w.Citizenship, CitizenshipRu: w.CitizenshipRu,
		PassportNumber: w.PassportNumber, EmployerBIN: &employer, Article: o.article,
		ArticleRu: "ч. " + part + " ст. 517 КоАП РК", DescriptionRu: o.descriptionRu, CommittedOn: on, RegionKATO: kato,
		Body: "Управление миграционной службы Департамента полиции" + where, Expelled: expel}
	v.DecidedOn = synth.AddDays(on, 1+r.IntN(10))
	if v.DecidedOn.After(today.Time) {
		v.DecidedOn = today
	}
	fine := o.fineMRP * int64(sio.MRP(v.DecidedOn.Year()))
	switch {
	case expel:
		v.Body = "Специализированный межрайонный административный суд" + where
		v.FineTiyn = &fine
		v.DecisionRu = fmt.Sprintf("Штраф %d МРП с административным выдворением за пределы Республики Казахстан", o.fineMRP)
	case o == registration && synth.Chance(r, 0.4):
		v.DecisionRu = "Предупреждение"
	default:
		v.FineTiyn = &fine
		v.DecisionRu = fmt.Sprintf("Штраф %d МРП", o.fineMRP)
	}
	return v
}
