package railtickets

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// stop is a station of a train's route with the hours from its origin.
type stop struct {
	station string
	hours   float64
}

// train is a pair of passenger trains: the odd number runs the stops in
// order, the next even number back. depart is the origin's departure time
// of both (hours, Astana time).
type train struct {
	number int
	suffix string
	depart float64
	talgo  bool
	stops  []stop
}

// trains is a simplified timetable. Interpretation: the routes, numbers and
// running times follow the main lines of the network (Turksib, the
// Trans-Aral and the Almaty – Astana lines) but are not the company's
// current timetable.
var trains = []train{
	{1, "Т", 21.5, true, []stop{{"Алматы-2", 0}, {"Алматы-1", 0.5}, {"Балхаш", 8}, {"Караганда-Пассажирская", 12}, {"Астана Нұрлы жол", 15}}},
	{9, "Ц", 16.0, false, []stop{{"Алматы-2", 0}, {"Алматы-1", 0.5}, {"Караганда-Пассажирская", 17}, {"Астана-1", 21}, {"Кокшетау-1", 26}, {"Петропавловск", 30}}},
	{13, "Ц", 18.0, false, []stop{{"Астана Нұрлы жол", 0}, {"Караганда-Пассажирская", 3}, {"Жезказган", 12}, {"Кызылорда", 22}, {"Туркестан", 26}, {"Шымкент", 29}}},
	{21, "Ц", 10.5, false, []stop{{"Алматы-2", 0}, {"Тараз", 8}, {"Шымкент", 13}, {"Туркестан", 16}, {"Кызылорда", 21}, {"Актобе", 38}}},
	{27, "Ц", 19.0, false, []stop{{"Астана Нұрлы жол", 0}, {"Экибастуз-1", 5}, {"Павлодар", 7}}},
	{29, "Ц", 13.0, false, []stop{{"Алматы-2", 0}, {"Алматы-1", 0.5}, {"Уштобе", 6}, {"Аягоз", 12}, {"Семей", 17}, {"Усть-Каменогорск", 22}}},
	{35, "Ц", 15.0, false, []stop{{"Мангышлак", 0}, {"Бейнеу", 9}, {"Атырау", 17}}},
	{41, "Ц", 17.5, false, []stop{{"Астана-1", 0}, {"Есиль", 6}, {"Костанай", 13}}},
	{51, "Ц", 22.0, false, []stop{{"Шымкент", 0}, {"Тараз", 4}, {"Алматы-2", 12}}},
	{69, "Ц", 12.0, false, []stop{{"Уральск", 0}, {"Актобе", 10}, {"Кызылорда", 27}, {"Туркестан", 32}, {"Шымкент", 35}, {"Тараз", 40}, {"Алматы-2", 48}}},
}

// homeStation of the residents of each region (KATO).
var homeStation = map[string]string{
	"71": "Астана Нұрлы жол", "75": "Алматы-2", "11": "Кокшетау-1", "15": "Актобе", "19": "Алматы-1", "23": "Атырау",
	"27": "Уральск", "31": "Тараз", "35": "Караганда-Пассажирская", "39": "Костанай", "43": "Кызылорда", "47": "Мангышлак",
	"61": "Туркестан", "55": "Павлодар", "59": "Петропавловск", "63": "Усть-Каменогорск", "79": "Шымкент", "10": "Семей",
	"33": "Уштобе", "62": "Жезказган",
}

// servedBy lists, for each station, the trains that stop there.
var servedBy = func() map[string][]int {
	m := map[string][]int{}
	for i, t := range trains {
		for _, s := range t.stops {
			m[s.station] = append(m[s.station], i)
		}
	}
	return m
}()

// carClass is a class of car with its fare per hour of travel (tenge).
type carClass struct {
	typeRu  string
	perHour int
	seats   int
}

var (
	ordinaryCars = []carClass{{"плацкартный", 420, 54}, {"плацкартный", 420, 54}, {"купе", 760, 36}, {"купе", 760, 36}, {"СВ", 1500, 18}}
	talgoCars    = []carClass{{"купе «Турист»", 1100, 36}, {"купе «Турист»", 1100, 36}, {"купе «Бизнес»", 1900, 18}}
)

var channels = []struct {
	channel sio.TicketChannel
	weight  int
}{{sio.TicketWebsite, 35}, {sio.TicketMobileApp, 30}, {sio.TicketCashDesk, 25}, {sio.TicketAgent, 10}}

// tripsFrom is the earliest travel date of the snapshot.
var tripsFrom = sio.MustDate("2022-01-01")

// Filler returns the generator of Қазақстан теміржолы: ~10% of living
// adults (18-80) made 1-4 trips since 2022 from the station of their
// region to another station of a train calling there, ~85% of them with a
// return ticket 2-14 days later; the first candidate always qualifies.
// Tickets are bought 1-30 days before departure on the website (35%), the
// mobile application (30%), at the station's cash desk (25%) or through an
// agent; ~5% are returned. Fares follow the class and the hours travelled.
// Ticket numbers are 14 digits from a permutation of a counter.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	perm := transportkit.NewPerm(k, "ticket", 10_000_000_000)
	travellers := &transportkit.Rare{Min: 1}
	var n uint64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.RailwayTicket
		today := synth.Today()
		last := synth.AddDays(today, -3)
		for p := range transportkit.Living(b, 18, 80) {
			home := homeStation[p.RegionKATO]
			if len(servedBy[home]) == 0 {
				continue
			}
			r := k.For(string(p.IIN))
			if !travellers.Draw(r, 0.10) {
				continue
			}
			issue := func(t *train, forward bool, from, to int, day sio.Date) {
				n++
				out = append(out, ticket(r, p, t, forward, from, to, day, fmt.Sprintf("7%013d", perm.At(n))))
			}
			for range 1 + r.IntN(4) {
				t := &trains[synth.Pick(r, servedBy[home])]
				from := stopIndex(t, home)
				to := r.IntN(len(t.stops) - 1)
				if to >= from {
					to++
				}
				day := synth.DateBetween(r, tripsFrom, last)
				issue(t, to > from, from, to, day)
				if back := synth.AddDays(day, 2+r.IntN(13)); synth.Chance(r, 0.85) && !back.After(last.Time) {
					issue(t, from > to, to, from, back)
				}
			}
		}
		return s.Insert(ctx, out)
	}
}

func stopIndex(t *train, station string) int {
	for i, s := range t.stops {
		if s.station == station {
			return i
		}
	}
	return 0
}

// ticket issues a ticket from stop from to stop to of train t (the odd
// train when forward, the even one back) departing its origin on day.
func ticket(r *rand.Rand, p *sio.Person, t *train, forward bool, from, to int, day sio.Date, number string) sio.RailwayTicket {
	total := t.stops[len(t.stops)-1].hours
	offset := func(i int) float64 {
		if forward {
			return t.stops[i].hours
		}
		return total - t.stops[i].hours
	}
	num := t.number
	if !forward {
		num++
	}
	origin := synth.Clock(day, 0, 0).Add(time.Duration(t.depart * float64(time.Hour)))
	dep := origin.Add(time.Duration(offset(from) * float64(time.Hour)))
	arr := origin.Add(time.Duration(offset(to) * float64(time.Hour)))
	cars := ordinaryCars
	if t.talgo {
		cars = talgoCars
	}
	ci := r.IntN(len(cars))
	c := cars[ci]
	hours := arr.Sub(dep).Hours()
	price := int64(hours*float64(c.perHour)*(0.9+0.3*r.Float64())) * 100
	ch := channels[transportkit.Weighted(r, channels[0].weight, channels[1].weight, channels[2].weight, channels[3].weight)]
	bought := dep.Add(-time.Duration(1+r.IntN(30)) * 24 * time.Hour).Add(-time.Duration(r.IntN(600)) * time.Minute)
	doc := "удостоверение личности гражданина РК"
	if p.Citizenship != "KZ" {
		doc = "национальный паспорт"
	}
	st := sio.TicketUsed
	if synth.Chance(r, 0.05) {
		st = sio.TicketReturned
	}
	return sio.RailwayTicket{
		TicketNumber: number, PassengerIIN: p.IIN, PassengerName: p.FullName(), DocumentTypeRu: doc, DocumentNumber: p.DocumentNumber,
		TrainNumber:      fmt.Sprintf("%03d%s", num, t.suffix),
		DepartureStation: t.stops[from].station, ArrivalStation: t.stops[to].station, DepartureAt: dep, ArrivalAt: arr,
		CarNumber: 1 + ci*3 + r.IntN(3), CarTypeRu: c.typeRu, Seat: 1 + r.IntN(c.seats), PriceTiyn: price,
		PurchasedAt: bought, Channel: ch.channel, SoldBy: soldBy(r, ch.channel, t.stops[from].station), Status: st,
	}
}

// soldBy names the seller of a ticket sold through channel.
func soldBy(r *rand.Rand, ch sio.TicketChannel, station string) string {
	switch ch {
	case sio.TicketCashDesk:
		return "билетная касса вокзала " + station
	case sio.TicketWebsite:
		return "bilet.railways.kz"
	case sio.TicketMobileApp:
		return "мобильное приложение АО «Пассажирские перевозки»"
	}
	return synth.Pick(r, []string{"Kaspi Travel", "Aviata.kz", "Chocotravel"})
}
