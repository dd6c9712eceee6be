package popdocs

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"sio"
	"sio/synth"
)

// File is what СДН holds on one person: Форма № 1.
type File struct {
	Person    *sio.Person
	Documents []sio.IdentityDocument // by issue date
	Surnames  []sio.SurnameChange
	Addresses []sio.AddressRegistration // oldest first
}

// ValidAt returns the document of kind in force on day, if any.
func (f *File) ValidAt(kind sio.IdentityDocumentKind, day sio.Date) *sio.IdentityDocument {
	for i := range f.Documents {
		if d := &f.Documents[i]; d.Kind == kind && d.ValidOn(day) {
			return d
		}
	}
	return nil
}

// Chronicle derives the document files of the persons of each batch. Other
// connectors whose records show a person's documents (border crossings,
// customs declarations) run their own Chronicle over the same batches and
// see the same documents: its output depends only on the seed and the
// population, and its counters advance in population order.
type Chronicle struct {
	k  *synth.Keyed
	st ChronicleState
}

// ChronicleState is what the files of the next batch depend on besides the
// batch (comparable, see synth.BatchMemo): the seed and the counters of the persons stream (document IDs and
// the series of numbers not taken from ГБД ФЛ).
type ChronicleState struct {
	seed                          int64
	nDoc, nCard, nPassport, nUSSR uint64
}

// filesMemo derives each batch's files once for all the chronicles of a
// seed (СДН, border crossings, customs declarations and contacts each run
// one).
var filesMemo synth.BatchMemo[ChronicleState, []File]

// NewChronicle returns the chronicle of seed.
func NewChronicle(seed int64) *Chronicle {
	return &Chronicle{k: synth.NewKeyed(seed, Name), st: ChronicleState{seed: seed}}
}

// State is the chronicle's position in the population (for derivations
// built on it, see synth.BatchMemo).
func (c *Chronicle) State() ChronicleState { return c.st }

// SetState moves the chronicle to a state returned by State.
func (c *Chronicle) SetState(s ChronicleState) { c.st = s }

// Filler returns the generator of СДН: every person of ГБД ФЛ with a
// document (aged 16 or more) gets Форма № 1.
func (s *Store) Filler(seed int64) synth.Filler {
	c := NewChronicle(seed)
	return func(ctx context.Context, b *synth.Batch) error {
		return s.Insert(ctx, c.Files(b))
	}
}

// Documenting history, interpreted from the documenting rules: identity
// cards of the Republic replaced USSR passports from 1995 (exchange until
// 2001); documents were issued by the internal-affairs bodies, by the
// justice bodies from 2001 to 2011, and by the police again since 2012.
var (
	kzCardsFrom     = sio.MustDate("1995-07-01")
	exchangeFrom    = sio.MustDate("1996-01-01")
	exchangeUntil   = sio.MustDate("2001-12-31")
	ussrModelFrom   = sio.MustDate("1976-01-01")
	independence    = sio.MustDate("1991-12-16")
	justiceFrom     = sio.MustDate("2001-01-01")
	policeAgainFrom = sio.MustDate("2012-01-01")
	passportsFrom   = sio.MustDate("2000-01-01")
)

const (
	termYears = 10 // identity cards, passports and residence permits

	reasonFirst      = "Получение впервые"
	reasonFirst16    = "Получение впервые по достижении 16 лет"
	reasonModel1974  = "Замена паспорта образца 1953 года"
	reasonExchange   = "Обмен паспорта гражданина СССР"
	reasonExpiry     = "Замена в связи с истечением срока действия"
	reasonSurname    = "Замена в связи с переменой фамилии"
	reasonLost       = "Выдача взамен утраченного"
	reasonMarriage   = "Регистрация брака"
	deregMoved       = "Убытие на новое место жительства"
	deregDeath       = "Снятие с регистрационного учёта в связи со смертью"
	kindRuIDCard     = "Удостоверение личности гражданина Республики Казахстан"
	kindRuPassport   = "Паспорт гражданина Республики Казахстан"
	kindRuResidence  = "Вид на жительство иностранца в Республике Казахстан"
	kindRuUSSR       = "Паспорт гражданина СССР"
	issuerMVD        = "МВД РК"
	issuerMJ         = "МЮ РК"
	issuerMVDUSSR    = "МВД СССР"
	numberSpace      = 100_000_000
	ussrNumberSpace  = 1_000_000
	cardMultiplier   = 48_271
	passMultiplier   = 7_919
	ussrMultiplier   = 7_331
	cardOffset       = 20_417_311
	passportOffset   = 55_001_009
	ussrNumberOffset = 104_729
)

// issuer of a Kazakh document issued on day.
func issuer(day sio.Date) string {
	if !day.Before(justiceFrom.Time) && day.Before(policeAgainFrom.Time) {
		return issuerMJ
	}
	return issuerMVD
}

// Files derives the files of the batch's persons who hold a document (those
// with a document number in ГБД ФЛ), in population order. The files are
// shared with the other chronicles of the seed: read-only.
func (c *Chronicle) Files(b *synth.Batch) []File {
	files, st := filesMemo.Do(b, c.st, func() ([]File, ChronicleState) { return c.files(b), c.st })
	c.st = st
	return files
}

func (c *Chronicle) files(b *synth.Batch) []File {
	kin := synth.KinOf(b)
	var out []File
	for i := range b.Persons {
		p := &b.Persons[i]
		if p.DocumentNumber == "" {
			continue
		}
		out = append(out, c.file(kin, p))
	}
	return out
}

// builder accumulates one person's file.
type builder struct {
	c   *Chronicle
	r   *rand.Rand
	p   *sio.Person
	f   File
	end sio.Date
	// maiden is the surname before changed (zero when never changed).
	maiden  string
	changed sio.Date
}

func (c *Chronicle) file(kin *synth.Kin, p *sio.Person) File {
	b := &builder{c: c, r: c.k.For(string(p.IIN)), p: p, f: File{Person: p}, end: synth.End(p)}
	b.surname(kin)
	b.addresses(kin)
	if p.Citizenship == "KZ" {
		b.identityCards()
		b.passports()
	} else {
		b.residencePermits()
	}
	return b.f
}

// nameOn is the surname the person bore on day.
func (b *builder) nameOn(day sio.Date) string {
	if b.maiden != "" && day.Before(b.changed.Time) {
		return b.maiden
	}
	return b.p.LastName
}

// surname finds a surname change: a wife who took her husband's surname at
// the marriage. Her maiden name is her father's surname (feminine form for
// groups with gendered surnames) or, for a wife whose parents are not in
// the register, a common surname of her group.
func (b *builder) surname(kin *synth.Kin) {
	p := b.p
	if p.Gender != sio.Female {
		return
	}
	for _, m := range kin.Marriages[p.IIN] {
		h := kin.ByIIN[m.Spouse]
		if h == nil || m.Date.After(b.end.Time) || (p.LastName != h.LastName && p.LastName != feminine(h.LastName)) {
			continue
		}
		maiden := ""
		if f := kin.ByIIN[kin.Father[p.IIN]]; f != nil {
			maiden = f.LastName
			if gendered[p.Nationality] {
				maiden = feminine(maiden)
			}
		} else {
			maiden = synth.Pick(b.r, maidenNames(p.Nationality))
		}
		if maiden == p.LastName {
			return
		}
		b.maiden, b.changed = maiden, m.Date
		b.f.Surnames = append(b.f.Surnames, sio.SurnameChange{IIN: p.IIN, PreviousLastName: maiden, NewLastName: p.LastName,
			ChangedOn: m.Date, ReasonRu: reasonMarriage})
		return
	}
}

// addresses derives the registrations: at the parents' address from birth
// until moving out (at the marriage, or as a young adult), then at the
// current address of ГБД ФЛ; ended by death.
func (b *builder) addresses(kin *synth.Kin) {
	p := b.p
	var parent *sio.Person
	if f := kin.ByIIN[kin.Father[p.IIN]]; f != nil {
		parent = f
	} else if m := kin.ByIIN[kin.Mother[p.IIN]]; m != nil {
		parent = m
	}
	from := p.BirthDate
	if parent == nil || parent.Address != p.Address {
		// Moved in at the marriage, else as a young adult.
		from = synth.DateBetween(b.r, synth.AddYears(p.BirthDate, 18), synth.AddYears(p.BirthDate, 25))
		if ms := kin.Marriages[p.IIN]; len(ms) > 0 {
			from = synth.AddDays(ms[len(ms)-1].Date, b.r.IntN(60))
		}
		if from.After(b.end.Time) {
			from = synth.DateBetween(b.r, synth.AddYears(p.BirthDate, 16), b.end)
		}
		if parent != nil && from.After(p.BirthDate.Time) {
			to := from
			b.f.Addresses = append(b.f.Addresses, sio.AddressRegistration{IIN: p.IIN, Address: parent.Address,
				RegionKATO: parent.RegionKATO, RegisteredFrom: p.BirthDate, RegisteredTo: &to, DeregistrationReasonRu: deregMoved})
		}
	}
	if parent == nil && from.After(synth.AddYears(p.BirthDate, 16).Time) {
		// Parents not in the register: registered in the locality of birth
		// until moving.
		if addr, kato, ok := birthplaceAddress(b.r, p.BirthPlace); ok {
			to := from
			b.f.Addresses = append(b.f.Addresses, sio.AddressRegistration{IIN: p.IIN, Address: addr, RegionKATO: kato,
				RegisteredFrom: p.BirthDate, RegisteredTo: &to, DeregistrationReasonRu: deregMoved})
		}
	}
	cur := sio.AddressRegistration{IIN: p.IIN, Address: p.Address, RegionKATO: p.RegionKATO, RegisteredFrom: from}
	if p.DeathDate != nil {
		d := *p.DeathDate
		cur.RegisteredTo, cur.DeregistrationReasonRu = &d, deregDeath
	}
	b.f.Addresses = append(b.f.Addresses, cur)
}

// Streets of the birthplace addresses (the names of their time).
var oldStreets = []string{"ул. Абая", "ул. Ленина", "ул. Гагарина", "ул. Пушкина", "ул. Жамбыла", "ул. Мира", "ул. Советская",
	"ул. Байтурсынова", "ул. Сейфуллина", "ул. Комсомольская", "ул. Интернациональная", "ул. Ауэзова", "ул. Амангельды"}

// citiesKATO are the cities of republican significance under their names
// of the time, as ГБД ФЛ writes places of birth.
var citiesKATO = map[string]string{"г. Астана": "71", "г. Акмола": "71", "г. Целиноград": "71", "г. Акмолинск": "71",
	"г. Алматы": "75", "г. Алма-Ата": "75", "г. Шымкент": "79", "г. Чимкент": "79"}

// birthplaceAddress is an address in the place of birth of ГБД ФЛ
// ("Казахская ССР, Карагандинская область, г. Балхаш" gives "Карагандинская
// обл., г. Балхаш, ул. Мира, д. 12, кв. 40"), if the place is in
// Kazakhstan and names its locality.
func birthplaceAddress(r *rand.Rand, place string) (string, string, bool) {
	parts := strings.Split(place, ", ")
	if len(parts) < 2 || (parts[0] != "Казахская ССР" && parts[0] != "Казахстан") {
		return "", "", false
	}
	parts = parts[1:]
	locality := parts[len(parts)-1]
	kato, city := citiesKATO[locality]
	if !city {
		for _, reg := range sio.Regions {
			if reg.NameRu == parts[0] {
				kato = reg.KATO
			}
		}
		if kato == "" || len(parts) < 2 {
			return "", "", false
		}
		if rest, ok := strings.CutSuffix(parts[0], " область"); ok {
			parts[0] = rest + " обл."
		} else if rest, ok := strings.CutPrefix(parts[0], "область "); ok {
			parts[0] = "обл. " + rest
		}
	}
	addr := strings.Join(parts, ", ") + ", " + synth.Pick(r, oldStreets) + ", д. " + strconv.Itoa(1+r.IntN(60))
	if strings.HasPrefix(locality, "г. ") && synth.Chance(r, 0.6) {
		addr += ", кв. " + strconv.Itoa(1+r.IntN(120))
	}
	return addr, kato, true
}

// regionOn is the region of the person's registration on day (documents
// are issued where the person is registered).
func (b *builder) regionOn(day sio.Date) string {
	for _, a := range b.f.Addresses {
		if !day.Before(a.RegisteredFrom.Time) && (a.RegisteredTo == nil || day.Before(a.RegisteredTo.Time)) {
			return a.RegionKATO
		}
	}
	return b.p.RegionKATO
}

// add appends a document issued on day and returns it.
func (b *builder) add(kind sio.IdentityDocumentKind, kindRu, number string, day sio.Date, expiry *sio.Date, iss, reason string) *sio.IdentityDocument {
	b.c.st.nDoc++
	p := b.p
	b.f.Documents = append(b.f.Documents, sio.IdentityDocument{
		ID: int64(b.c.st.nDoc), IIN: p.IIN, Kind: kind, KindRu: kindRu, Number: number,
		LastName: b.nameOn(day), FirstName: p.FirstName, MiddleName: p.MiddleName, Gender: p.Gender,
		IssueDate: day, ExpiryDate: expiry, Issuer: iss, IssueReasonRu: reason, RegionKATO: b.regionOn(day), Status: sio.DocValid,
	})
	return &b.f.Documents[len(b.f.Documents)-1]
}

// close ends a document's validity with status on day.
func closeDoc(d *sio.IdentityDocument, status sio.IdentityDocumentStatus, day sio.Date) {
	d.Status, d.StatusDate = status, &day
}

// identityCards issues the citizen's identity documents: a USSR passport
// for those who came of age before 1995 (exchanged in 1996-2001), then
// identity cards renewed every ten years, replaced on a change of surname
// or a loss. The last card is the document of ГБД ФЛ.
func (b *builder) identityCards() {
	p := b.p
	age16 := synth.AddYears(p.BirthDate, 16)
	first := synth.MinDate(synth.AddDays(age16, b.r.IntN(90)), b.end)
	reason := reasonFirst16
	if age16.Before(kzCardsFrom.Time) {
		issued, ussrReason := age16, reasonFirst16
		if issued.Before(ussrModelFrom.Time) {
			issued = synth.MinDate(synth.DateBetween(b.r, ussrModelFrom, sio.MustDate("1981-12-31")), b.end)
			ussrReason = reasonModel1974
		}
		iss := issuerMVDUSSR
		if !issued.Before(independence.Time) {
			iss = issuerMVD
		}
		ussr := b.add(sio.DocUSSRPassport, kindRuUSSR, b.c.ussrNumber(b.r), issued, nil, iss, ussrReason)
		first = synth.DateBetween(b.r, synth.MaxDate(exchangeFrom, synth.AddDays(issued, 30)), exchangeUntil)
		if first.After(b.end.Time) {
			b.finish(ussr)
			return
		}
		closeDoc(ussr, sio.DocReplaced, first)
		reason = reasonExchange
	}
	b.chain(sio.DocIDCard, kindRuIDCard, first, reason, p.DocumentNumber, 0.03, b.c.cardNumber)
}

// residencePermits issues a foreign resident's permits, renewed every ten
// years; the last is the document of ГБД ФЛ.
func (b *builder) residencePermits() {
	p := b.p
	lo := synth.MaxDate(synth.AddYears(p.BirthDate, 16), sio.MustDate("1998-01-01"))
	first := synth.MinDate(synth.DateBetween(b.r, lo, synth.AddYears(lo, 12)), b.end)
	b.chain(sio.DocResidencePermit, kindRuResidence, first, reasonFirst, p.DocumentNumber, 0.02, b.c.cardNumber)
}

// passports issues travel passports to about a third of the adult
// citizens, half of those of the regions on the borders with Uzbekistan and
// China (cross-border trade and family ties): first between 2000 and
// today, renewed while the holder keeps travelling.
func (b *builder) passports() {
	p := b.p
	lo := synth.MaxDate(synth.AddYears(p.BirthDate, 18), passportsFrom)
	share := 0.35
	if crossBorderRegions[p.RegionKATO] {
		share = 0.5
	}
	if !lo.Before(b.end.Time) || !synth.Chance(b.r, share) {
		return
	}
	first := synth.DateBetween(b.r, lo, b.end)
	b.chain(sio.DocPassport, kindRuPassport, first, reasonFirst, "", 0.02, b.c.passportNumber)
}

// crossBorderRegions border Uzbekistan or China.
var crossBorderRegions = map[string]bool{"61": true, "79": true, "43": true, "47": true, "75": true, "19": true, "33": true, "10": true, "63": true}

// chain issues documents of one kind from first on: each valid for ten
// years, replaced on expiry (2% renew late, after it expired; passports
// are renewed by 80% of holders only), on the change of surname and after
// a loss (lossRate per document). The last document gets lastNumber when
// given, the others a number of the series next.
func (b *builder) chain(kind sio.IdentityDocumentKind, kindRu string, day sio.Date, reason, lastNumber string, lossRate float64, next func() string) {
	for {
		expiry := synth.AddYears(day, termYears)
		// The next event ending this document.
		renew := synth.AddDays(expiry, -b.r.IntN(60))
		late := synth.Chance(b.r, 0.02)
		if late {
			renew = synth.AddDays(expiry, 30+b.r.IntN(700))
		}
		stopRenewing := kind == sio.DocPassport && !synth.Chance(b.r, 0.8)
		event, status, nextReason := renew, sio.DocReplaced, reasonExpiry
		if late {
			status = sio.DocExpired
		}
		if stopRenewing {
			event = sio.Date{}
		}
		if b.maiden != "" && b.changed.After(day.Time) && b.changed.Before(expiry.Time) {
			if ch := synth.AddDays(b.changed, 5+b.r.IntN(25)); event.IsZero() || ch.Before(event.Time) {
				event, status, nextReason = ch, sio.DocReplaced, reasonSurname
			}
		}
		lostOn := sio.Date{}
		if synth.Chance(b.r, lossRate) {
			lostOn = synth.DateBetween(b.r, synth.AddDays(day, 30), synth.AddDays(expiry, -60))
			if event.IsZero() || lostOn.Before(event.Time) {
				event, status, nextReason = synth.AddDays(lostOn, 5+b.r.IntN(20)), sio.DocLost, reasonLost
			}
		}
		// The last document: nothing ends it before the end of the records.
		if event.IsZero() || event.After(b.end.Time) {
			number := lastNumber
			if number == "" {
				number = next()
			}
			b.finish(b.add(kind, kindRu, number, day, &expiry, issuer(day), reason))
			return
		}
		d := b.add(kind, kindRu, next(), day, &expiry, issuer(day), reason)
		switch status {
		case sio.DocExpired:
			closeDoc(d, status, expiry)
		case sio.DocLost:
			closeDoc(d, status, lostOn)
		default:
			closeDoc(d, status, event)
		}
		day, reason = event, nextReason
	}
}

// finish sets the status of a person's last document of a kind: annulled
// at death, expired if its term ran out, else valid.
func (b *builder) finish(d *sio.IdentityDocument) {
	switch {
	case d.ExpiryDate != nil && !d.ExpiryDate.After(b.end.Time):
		closeDoc(d, sio.DocExpired, *d.ExpiryDate)
	case b.p.DeathDate != nil:
		closeDoc(d, sio.DocInvalidated, *b.p.DeathDate)
	}
}

// Number series (interpretation: the synthetic register numbers the
// documents it does not take from ГБД ФЛ so that they never collide with
// the 9-digit numbers of ГБД ФЛ, which begin with 0): earlier identity
// cards and residence permits 9 digits beginning with 1, passports N and 8
// digits, USSR passports a Roman-numeral series, two Cyrillic letters and
// 6 digits ("IV-ЖА 123456").
func (c *Chronicle) cardNumber() string {
	c.st.nCard++
	return fmt.Sprintf("1%08d", synth.Permute(c.st.nCard, cardMultiplier, cardOffset, numberSpace))
}

func (c *Chronicle) passportNumber() string {
	c.st.nPassport++
	return fmt.Sprintf("N%08d", synth.Permute(c.st.nPassport, passMultiplier, passportOffset, numberSpace))
}

var (
	romanSeries = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
	seriesABC   = []rune("АБВГДЕЖИКЛМНОПРСТУФХЧЭЮЯ")
)

func (c *Chronicle) ussrNumber(r *rand.Rand) string {
	c.st.nUSSR++
	// The counter chooses the 6 digits and, past a million, the numeral:
	// unique whatever the random letters.
	n := c.st.nUSSR
	return fmt.Sprintf("%s-%c%c %06d", romanSeries[(n/ussrNumberSpace)%uint64(len(romanSeries))],
		synth.Pick(r, seriesABC), synth.Pick(r, seriesABC), synth.Permute(n, ussrMultiplier, ussrNumberOffset, ussrNumberSpace))
}

// Surnames: gendered groups take -а in the feminine (as ГБД ФЛ spells
// them); maiden names of wives whose parents are not in the register come
// from the common surnames of their group.
var gendered = map[string]bool{"казах": true, "русский": true, "узбек": true, "уйгур": true, "татарин": true, "белорус": true}

func feminine(surname string) string {
	for _, suf := range []string{"ов", "ев", "ёв", "ин", "ын"} {
		if strings.HasSuffix(surname, suf) {
			return surname + "а"
		}
	}
	return surname
}

var maidenByGroup = map[string][]string{
	"казах":    {"Ахметова", "Жумабаева", "Касымова", "Нурланова", "Сейтказиева", "Омарова", "Абдрахманова", "Искакова", "Тулегенова", "Сулейменова", "Байжанова", "Әбенова", "Қасымова", "Оспанова"},
	"русский":  {"Иванова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Петрова", "Соколова", "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова"},
	"узбек":    {"Юсупова", "Каримова", "Рахимова", "Ахмедова", "Усманова", "Турсунова"},
	"уйгур":    {"Масимова", "Розахунова", "Турдиева", "Мамутова", "Исмаилова"},
	"украинец": {"Бондаренко", "Шевченко", "Коваленко", "Ткаченко", "Кравченко", "Мельник"},
	"немец":    {"Шмидт", "Майер", "Вебер", "Шнайдер", "Фишер", "Вагнер"},
	"кореец":   {"Ким", "Пак", "Ли", "Цой", "Тен", "Хван"},
	"татарин":  {"Хабибуллина", "Сафина", "Гарипова", "Закирова", "Валиева"},
	"белорус":  {"Ковалёва", "Новик", "Гончарова", "Макарова", "Козлова"},
}

func maidenNames(nationality string) []string {
	if ns, ok := maidenByGroup[nationality]; ok {
		return ns
	}
	return maidenByGroup["русский"]
}
