package civilservice

import (
	"fmt"
	"strings"
	"time"

	"sio"
)

// stateBody is a state body of the catalogue: its name, BIN, region and
// the category family of its posts.
type stateBody struct {
	nameRu string
	bin    sio.BIN
	kato   string
	// family of post categories: "B" (ministry), "C" (committee), "C-O"
	// (territorial department of a central body in a region), "C-R" (its
	// office in a city), "D" (apparatus of a regional akim), "D-O" (a
	// department of a regional akimat), "E" (apparatus of a city akim).
	family string
}

// positions by category level (1: head of the body … 6: specialist), per
// category family.
var positions = map[string][]string{
	"B":   {"Ответственный секретарь", "Директор департамента", "Заместитель директора департамента", "Руководитель управления", "Главный эксперт", "Эксперт"},
	"C":   {"Председатель комитета", "Заместитель председателя комитета", "Руководитель управления", "Заместитель руководителя управления", "Главный эксперт", "Эксперт"},
	"C-O": {"Руководитель департамента", "Заместитель руководителя департамента", "Руководитель управления", "Руководитель отдела", "Главный специалист", "Ведущий специалист"},
	"C-R": {"Руководитель управления", "Заместитель руководителя управления", "Руководитель отдела", "Главный специалист", "Ведущий специалист", "Специалист"},
	"D":   {"Руководитель аппарата акима", "Заместитель руководителя аппарата", "Руководитель отдела", "Главный специалист", "Ведущий специалист", "Специалист"},
	"D-O": {"Руководитель управления", "Заместитель руководителя управления", "Руководитель отдела", "Главный специалист", "Ведущий специалист", "Специалист"},
	"E":   {"Руководитель аппарата акима", "Заместитель руководителя аппарата", "Руководитель отдела", "Главный специалист", "Ведущий специалист", "Специалист"},
}

// category is the code of a post in the register of posts: the family and
// the level ("C-O-4"); families with five levels cap at 5.
func category(family string, level int) string {
	if family == "D" || family == "E" || family == "C-R" {
		level = min(level, 5)
	}
	return fmt.Sprintf("%s-%d", family, level)
}

var (
	ministries = []string{"Министерство финансов", "Министерство юстиции", "Министерство труда и социальной защиты населения",
		"Министерство национальной экономики", "Министерство цифрового развития, инноваций и аэрокосмической промышленности",
		"Министерство сельского хозяйства", "Министерство здравоохранения", "Министерство просвещения"}
	committees = []string{"Комитет государственных доходов Министерства финансов", "Комитет казначейства Министерства финансов",
		"Комитет регистрационной службы Министерства юстиции", "Комитет труда и социальной защиты Министерства труда и социальной защиты населения"}
	// regional bodies: name pattern (%s: the region in the genitive or
	// after "по"), whether "по" is used, and the family.
	regional = []struct {
		pattern string
		dative  bool
		family  string
	}{
		{"ГУ «Аппарат акима %s»", false, "D"},
		{"ГУ «Управление образования %s»", false, "D-O"},
		{"ГУ «Управление здравоохранения %s»", false, "D-O"},
		{"ГУ «Управление финансов %s»", false, "D-O"},
		{"ГУ «Управление земельных отношений %s»", false, "D-O"},
		{"РГУ «Департамент государственных доходов по %s»", true, "C-O"},
		{"РГУ «Департамент юстиции %s»", false, "C-O"},
		{"РГУ «Департамент казначейства по %s»", true, "C-O"},
	}
)

// bodies is the catalogue: central bodies in Astana, then for every region
// its akimat, departments and the city bodies of its centre. BINs are
// registered in 1997-2001 with serials from 90001, out of the population's
// reach (its entities are registered from mid-1992 with serials from 1 per
// month and type).
var bodies, bodiesByRegion = catalogue()

func catalogue() ([]stateBody, map[string][]int) {
	var out []stateBody
	add := func(name, kato, family string) {
		reg := time.Date(1997, time.Month(1+len(out)%12), 1, 0, 0, 0, 0, time.UTC).AddDate(len(out)/12%5, 0, 0)
		for serial := 90001 + len(out); ; serial += 1000 {
			if bin, ok := sio.MakeBIN(reg, sio.BINResident, sio.BINHeadOffice, serial); ok {
				out = append(out, stateBody{nameRu: name, bin: bin, kato: kato, family: family})
				return
			}
		}
	}
	for _, m := range ministries {
		add("ГУ «"+m+" Республики Казахстан»", "71", "B")
	}
	for _, c := range committees {
		add("РГУ «"+c+" Республики Казахстан»", "71", "C")
	}
	byRegion := map[string][]int{}
	for i := range sio.Regions {
		r := &sio.Regions[i]
		first := len(out)
		for _, b := range regional {
			where := r.GenitiveRu()
			if b.dative {
				where = r.DativeRu()
			}
			name := fmt.Sprintf(b.pattern, where)
			if b.family == "D" && strings.HasPrefix(r.NameRu, "г. ") {
				name = "ГУ «Аппарат акима города " + r.CenterRu + "»"
			}
			add(name, r.KATO, b.family)
		}
		if !strings.HasPrefix(r.NameRu, "г. ") {
			add("ГУ «Аппарат акима города "+r.CenterRu+"»", r.KATO, "E")
			add("РГУ «Управление государственных доходов по городу "+r.CenterRu+"»", r.KATO, "C-R")
		}
		for j := first; j < len(out); j++ {
			byRegion[r.KATO] = append(byRegion[r.KATO], j)
		}
	}
	return out, byRegion
}
