package postal

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/synth"
)

// kindInfo is a class of item: its name, S10 service indicators, weight
// range (grams) and days in transit within Kazakhstan.
type kindInfo struct {
	kind       sio.PostalItemKind
	nameRu     string
	indicators []string
	minG, maxG int
	minD, maxD int
}

var (
	letter = kindInfo{sio.PostalRegisteredLetter, "Заказное письмо", []string{"RR"}, 12, 60, 3, 10}
	notice = kindInfo{sio.PostalRegisteredLetter, "Заказное письмо с уведомлением", []string{"RR"}, 15, 30, 2, 7}
	parcel = kindInfo{sio.PostalParcel, "Посылка", []string{"CC"}, 300, 9500, 3, 12}
	ems    = kindInfo{sio.PostalEMS, "EMS-отправление", []string{"EE"}, 80, 2500, 1, 4}
)

// abroad is a posting country of items sent to Kazakhstan: its S10
// indicators per class, senders (online shops and suppliers), the office of
// exchange and days in transit.
type abroad struct {
	country          string
	small, parcels   []string
	senders          [][2]string // name, address
	impc, impcNameRu string
	minD, maxD       int
}

var origins = []abroad{
	{"CN", []string{"RB", "RD", "LX"}, []string{"CP", "EA"}, [][2]string{
		{"Cainiao Network (AliExpress)", "Hangzhou, Zhejiang, China"}, {"Yiwu Jiayi Trading Co., Ltd.", "Yiwu, Zhejiang, China"},
		{"Shenzhen Topsun Electronics Co., Ltd.", "Shenzhen, Guangdong, China"}, {"Guangzhou Meixin Garment Co., Ltd.", "Guangzhou, Guangdong, China"},
		{"Temu (Whaleco)", "Guangzhou, Guangdong, China"}}, "CNSZXA", "Участок международного обмена Шэньчжэнь (Китай)", 10, 35},
	{"RU", []string{"RA"}, []string{"CA", "EA"}, [][2]string{
		{"ООО «Вайлдберриз»", "Московская обл., г. Подольск"}, {"ООО «Интернет Решения» (Ozon)", "Московская обл., г. Хоругвино"},
		{"ООО «Ламода»", "г. Москва"}}, "RUMOWA", "Московский АСЦ, участок международного обмена (Россия)", 7, 20},
	{"TR", []string{"RT"}, []string{"CP"}, [][2]string{
		{"DSM Grup Danışmanlık (Trendyol)", "İstanbul, Türkiye"}, {"Koton Mağazacılık A.Ş.", "İstanbul, Türkiye"}},
		"TRISTA", "Участок международного обмена Стамбул (Турция)", 8, 25},
}

// postcodes of the regions' centres (6-digit indices; by KATO).
var postcodes = map[string]int{
	"71": 10000, "75": 50000, "11": 20000, "15": 30000, "19": 40800, "23": 60000, "27": 90000, "31": 80000,
	"35": 100000, "39": 110000, "43": 120000, "47": 130000, "61": 161200, "55": 140000, "59": 150000,
	"63": 70000, "79": 160000, "10": 71400, "33": 40000, "62": 100600,
}

// Rates of the generator.
const (
	shoppersRate  = 0.12 // adults receiving items from abroad
	relativesRate = 0.3  // parent and adult child at different addresses who send each other items
	noticeRate    = 0.7  // debtors sent a notice by the tax office
	importersRate = 0.3  // ТОО/АО receiving items from abroad
	historyDays   = 3 * 365
)

// Tracking-number streams: persons (items from abroad), civil acts (items
// between parents and children), tax debts (notices) and companies each
// come in population order whatever the batch cuts. Each stream owns the
// serials stream·10^7 + Spread(n) of every service indicator, so numbers
// never collide.
const (
	streamRelatives = 1
	streamNotices   = 2
	streamShoppers  = 3
	streamCompanies = 4
)

type serials [5]uint64

func (s *serials) tracking(stream int, indicator, country string) string {
	n := s[stream]
	s[stream]++
	serial := fmt.Sprintf("%08d", uint64(stream)*10_000_000+synth.Spread(n, 10_000_000))
	d, _ := sio.S10CheckDigit(serial)
	return indicator + serial + string(d) + country
}

// Filler returns the generator of Почтовые отправления over the last three
// years: small packets and parcels from online shops abroad to an eighth of
// the adults and to a third of the companies, parcels, letters and EMS
// between parents and their grown-up children living apart, and the tax
// offices' registered notices to debtors (a quarter of them returned
// unclaimed).
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var sn serials
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.PostalItem
		today := synth.Today()
		since := synth.AddDays(today, -historyDays)
		persons := make(map[string]*sio.Person, len(b.Persons))
		for i := range b.Persons {
			p := &b.Persons[i]
			persons[string(p.IIN)] = p
			if !synth.Alive(p) || synth.AgeAt(p, today) < 16 {
				continue
			}
			r := k.For(string(p.IIN))
			if !synth.Chance(r, shoppersRate) {
				continue
			}
			for range 1 + r.IntN(3) {
				out = append(out, fromAbroad(r, &sn, streamShoppers, party{string(p.IIN), sio.SubjectPerson, p.FullName(), p.Address, p.RegionKATO}, false, since))
			}
		}
		for _, a := range b.Acts {
			if a.Kind != sio.ActBirth {
				continue
			}
			var child *sio.Person
			for _, x := range a.Parties {
				if x.Role == sio.RoleChild {
					child = persons[string(x.IIN)]
				}
			}
			if child == nil || !synth.Alive(child) || synth.AgeAt(child, today) < 18 {
				continue
			}
			for _, x := range a.Parties {
				parent := persons[string(x.IIN)]
				if x.Role == sio.RoleChild || parent == nil || !synth.Alive(parent) || parent.Address == child.Address {
					continue
				}
				r := k.For(string(parent.IIN) + "/" + string(child.IIN))
				if !synth.Chance(r, relativesRate) {
					continue
				}
				for range 1 + r.IntN(3) {
					from, to := personParty(parent), personParty(child)
					if synth.Chance(r, 0.4) {
						from, to = to, from
					}
					ki := synth.Pick(r, []kindInfo{parcel, parcel, parcel, letter, ems})
					out = append(out, domestic(r, &sn, streamRelatives, ki, from, to, synth.Later(since, synth.AddYears(child.BirthDate, 18))))
				}
			}
		}
		out = append(out, notices(k, &sn, b, persons)...)
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
				continue
			}
			r := k.For(string(e.BIN))
			if !synth.Chance(r, importersRate) {
				continue
			}
			for range 1 + r.IntN(4) {
				out = append(out, fromAbroad(r, &sn, streamCompanies, party{string(e.BIN), sio.SubjectLegalEntity, e.NameRu, e.Address, e.RegionKATO},
					true, synth.Later(since, e.RegistrationDate)))
			}
		}
		return s.Insert(ctx, out)
	}
}

// party is a sender or recipient.
type party struct {
	id      string // "" when not in the registers
	kind    sio.SubjectKind
	name    string
	address string
	kato    string
}

func personParty(p *sio.Person) party {
	return party{string(p.IIN), sio.SubjectPerson, p.FullName(), p.Address, p.RegionKATO}
}

func (p party) idKind() (*string, *sio.SubjectKind) {
	if p.id == "" {
		return nil, nil
	}
	id, kind := p.id, p.kind
	return &id, &kind
}

// notices are the tax offices' registered letters to the debtors of the
// batch (persons and companies): a notice of the arrears sent within the
// year before the debt's statement date.
func notices(k *synth.Keyed, sn *serials, b *synth.Batch, persons map[string]*sio.Person) []sio.PostalItem {
	offices := make(map[string]string, len(b.Taxpayers))
	for _, t := range b.Taxpayers {
		offices[t.ID] = t.TaxOfficeRu
	}
	entities := make(map[string]*sio.LegalEntity, len(b.Entities))
	for i := range b.Entities {
		entities[string(b.Entities[i].BIN)] = &b.Entities[i]
	}
	var out []sio.PostalItem
	for i, d := range b.Debts {
		if i > 0 && b.Debts[i-1].TaxpayerID == d.TaxpayerID {
			continue // one notice per debtor
		}
		var to party
		if p, ok := persons[d.TaxpayerID]; ok && synth.Alive(p) {
			to = personParty(p)
		} else if e, ok := entities[d.TaxpayerID]; ok {
			to = party{string(e.BIN), sio.SubjectLegalEntity, e.NameRu, e.Address, e.RegionKATO}
		} else {
			continue
		}
		r := k.For(d.TaxpayerID + "/notice")
		if !synth.Chance(r, noticeRate) {
			continue
		}
		office := offices[d.TaxpayerID]
		from := party{name: "РГУ «" + office + "»", address: locality(to.address), kato: to.kato}
		sent := synth.DateBetween(r, synth.AddDays(d.AsOf, -365), d.AsOf)
		it := domestic(r, sn, streamNotices, notice, from, to, synth.Earlier(sent, synth.AddDays(synth.Today(), -1)))
		if it.Status == sio.PostalDelivered && synth.Chance(r, 0.3) {
			// unclaimed: kept for 30 days at the office, then returned
			back := synth.AddDays(*it.DeliveredOn, 30)
			it.DeliveredOn = nil
			it.Status = sio.PostalAwaitingPickup
			if back.Before(synth.Today().Time) {
				it.Status = sio.PostalReturned
			}
		}
		out = append(out, it)
	}
	return out
}

// domestic draws an item of class ki from one party to another, accepted
// after notBefore, with its delivery state at the snapshot date.
func domestic(r *rand.Rand, sn *serials, stream int, ki kindInfo, from, to party, notBefore sio.Date) sio.PostalItem {
	accepted := synth.DateBetween(r, notBefore, synth.AddDays(synth.Today(), -1))
	oi, on := office(from.kato, from.address)
	it := item(r, sn.tracking(stream, synth.Pick(r, ki.indicators), "KZ"), ki.kind, ki.nameRu, from, to, oi, on,
		accepted, ki.minD+r.IntN(ki.maxD-ki.minD+1), ki.minG, ki.maxG)
	return it
}

// fromAbroad draws an item from an online shop or supplier abroad to a
// person or company: small packets and parcels, for companies parcels and
// EMS only.
func fromAbroad(r *rand.Rand, sn *serials, stream int, to party, company bool, notBefore sio.Date) sio.PostalItem {
	o := origins[0]
	switch x := r.Float64(); {
	case x > 0.9:
		o = origins[2]
	case x > 0.7:
		o = origins[1]
	}
	kind, nameRu, indicator, minG, maxG := sio.PostalSmallPacket, "Мелкий пакет", synth.Pick(r, o.small), 40, 1900
	if company || synth.Chance(r, 0.25) {
		indicator = synth.Pick(r, o.parcels)
		kind, nameRu, minG, maxG = sio.PostalParcel, "Посылка", 500, 20000
		if indicator[0] == 'E' {
			kind, nameRu, minG, maxG = sio.PostalEMS, "EMS-отправление", 200, 5000
		}
	}
	s := synth.Pick(r, o.senders)
	from := party{name: s[0], address: s[1]}
	accepted := synth.DateBetween(r, notBefore, synth.AddDays(synth.Today(), -1))
	return item(r, sn.tracking(stream, indicator, o.country), kind, nameRu, from, to, o.impc, o.impcNameRu,
		accepted, o.minD+r.IntN(o.maxD-o.minD+1), minG, maxG)
}

// item assembles an item accepted on accepted at office (oi, on) that
// reaches the recipient's office after transit days: delivered then (a
// parcel some days later, when collected), or still on its way or waiting
// at the office at the snapshot date.
func item(r *rand.Rand, tracking string, kind sio.PostalItemKind, nameRu string, from, to party, oi, on string,
	accepted sio.Date, transit, minG, maxG int) sio.PostalItem {
	today := synth.Today()
	di, dn := office(to.kato, to.address)
	sid, skind := from.idKind()
	rid, rkind := to.idKind()
	it := sio.PostalItem{TrackingNumber: tracking, Kind: kind, KindRu: nameRu, SenderID: sid, SenderKind: skind,
		SenderName: from.name, SenderAddress: from.address, RecipientID: rid, RecipientKind: rkind, RecipientName: to.name,
		RecipientAddress: to.address, OriginIndex: oi, OriginOffice: on, DestinationIndex: di, DestinationOffice: dn,
		AcceptedOn: accepted, WeightGrams: minG + r.IntN(maxG-minG+1)}
	arrived := synth.AddDays(accepted, transit)
	delivered := arrived
	if kind == sio.PostalParcel || kind == sio.PostalSmallPacket {
		delivered = synth.AddDays(arrived, r.IntN(8))
	}
	switch {
	case arrived.After(today.Time):
		it.Status = sio.PostalInTransit
	case delivered.After(today.Time):
		it.Status = sio.PostalAwaitingPickup
	default:
		it.Status, it.DeliveredOn = sio.PostalDelivered, &delivered
	}
	return it
}

// locality is the settlement part of an address (before the street).
func locality(addr string) string {
	parts := strings.Split(addr, ", ")
	for i, p := range parts {
		if i > 0 && (strings.HasPrefix(p, "ул. ") || strings.HasPrefix(p, "пр. ") || strings.HasPrefix(p, "мкр. ") ||
			strings.HasPrefix(p, "СТ ") || strings.HasPrefix(p, "уч. ")) {
			return strings.Join(parts[:i], ", ")
		}
	}
	return parts[0]
}

// office is the post office serving an address: the region's centre has
// offices numbered from its postcode (050000 Алматы: 050001, 050002 ...),
// other settlements an office in the region's postcode range.
//
// Interpretation: the real postcode of every settlement is not in the
// population; each settlement gets a stable synthetic index with the
// region's real prefix.
func office(kato, addr string) (index, name string) {
	loc := locality(addr)
	h := fnv.New32a()
	h.Write([]byte(addr))
	x := int(h.Sum32())
	base, ok := postcodes[kato]
	if !ok {
		base = 50000
	}
	n := base + 1 + x%60
	if reg, ok := sio.RegionByKATO(kato); ok && !strings.Contains(loc, "г. "+reg.CenterRu) {
		lh := fnv.New32a()
		lh.Write([]byte(loc))
		n = base/1000*1000 + 100 + int(lh.Sum32()%800)
	}
	index = fmt.Sprintf("%06d", n)
	return index, "ОПС " + index + ", " + loc
}
