// Package synth generates deterministic synthetic data for SIO's core state
// databases: ГБД ФЛ (persons), ГБД ЮЛ (legal entities and founders), the
// real-estate register, the land cadastre, the vehicle register, the
// taxpayer register with tax arrears, and ЗАГС (civil acts with parties);
// and SIO's officials with their cases.
//
// # Determinism
//
// Everything is drawn from one PCG stream (math/rand/v2) seeded from
// Config.Seed; nothing reads the clock and no map is iterated into the
// output. The snapshot date is fixed at 2025-01-01: nothing is dated later.
// The same Seed and Persons give byte-identical records whatever
// BatchPersons is (it only decides where batches are cut); another Seed
// gives other data.
//
// # Shape and ratios
//
// Persons are generated household-first, as family trees ("clans"): a root
// couple born 1940-1989 marries (MARRIAGE act), has children while both
// parents are 20-40 (BIRTH acts with CHILD, MOTHER, FATHER), ~14% of
// marriages end in DIVORCE (the husband moves out and may remarry), adult
// children marry spouses from outside the clan and found their own
// households, and so on down to births in 2024. Children take the father's
// surname (feminine form for daughters of groups with gendered surnames)
// and a patronymic from his first name, Kazakh style (Серікұлы / Серікқызы)
// or Russian style (Серикович / Сериковна). Deaths are decided last (after
// every act a person is party to) with a DEATH act. A clan never spans two
// batches, so every family reference stays inside its batch; a batch is
// emitted once it holds BatchPersons persons (plus the rest of its last
// family). Legal entities are created after each clan from the adults
// generated so far, so they too only reference the same or earlier batches.
//
// Approximate ratios (per person unless stated):
//
//	age structure       ~30% under 18, ~8% born before 1960, ~7% deceased
//	nationality         ~75% казах, ~16% русский, узбек, украинец, уйгур, немец,
//	                    татарин, кореец, белорус; ~0.5% foreign citizens
//	legal entities      1 per 20 persons: ТОО ~74%, ИП ~15%, КХ ~8%, АО ~3%;
//	                    ~12% of older ones LIQUIDATED, ~4% of ТОО and ~35% of АО
//	                    have an entity founder, ~5% no director;
//	                    plus one hub per 100,000 persons (at least one): an АО
//	                    whose ~50 founders are ТОО with ~50 person founders each
//	real estate         ~0.37 objects (own dwelling of ~80% of households,
//	                    garages, second apartments, company premises);
//	                    rights 1/1, 1/2+1/2 JOINT_OWNERSHIP of spouses, 1/n family
//	land plots          ~0.16 (house plots, dacha, farm land, company plots)
//	vehicles            ~0.25 per living adult, 0.6 per legal entity
//	taxpayers           every adult (alive or deceased) and every entity;
//	                    ~5% of taxpayers have 1-3 debt lines
//	civil acts          ~1.0
//
// Record IDs: property rights count from 1; land-plot rights from
// 5,000,000,001; tax-debt lines from 1; civil acts from 1. Act numbers count
// per (region, kind, year).
//
// Memory is bounded: only the current batch, a ring of the 20,000 most
// recent living adults (founders, directors, landlords), a ring of 5,000
// recent companies (entity founders) and fixed-size counters are kept. One
// million persons generate in about 5 seconds on one core.
//
// # Identifier schemes
//
// IIN: sio.MakeIIN with a counter per (birth date, gender); persons get
// serials 0001-8999 (unissuable check digits skipped, a full day moves the
// birth one day later). Serials 9000-9999 are reserved for officials, so
// GenerateOfficials' users never collide with persons of any Config.
//
// BIN: sio.MakeBIN with a counter per (registration month, type, attribute):
// ТОО/АО 4-0 (resident, head office), ИП 6-0, КХ 6-3 (peasant farm).
//
// Cadastral numbers: plots "RR:DDD:QQQ:PPP", buildings "RR:DDD:QQQ:PPP:B",
// apartments "RR:DDD:QQQ:PPP:B/A", garage boxes "RR:DDD:QQQ:PPP:N". RR is
// the region's land-cadastre code (see data_regions.go: 01 Акмолинская …
// 20 г. Алматы, 21 г. Астана, 22 г. Шымкент, 23-25 the 2022 regions), DDD
// the cadastral district (311+ city districts, 020+13k towns and rural
// districts), QQQ the quarter and PPP the plot from a per-district counter
// (150 plots per quarter; about 150,000 plots per district before DDD moves
// on by 500).
//
// VIN: 17 characters of the legal alphabet (0-9, A-Z without I, O, Q): the
// real WMI of the make, a model code and 2 free characters (VDS), the
// check digit, the model-year code (1980 = A, 30-year cycle), a plant
// character and a 6-digit serial. Positions 11-17 are a permutation of a
// global counter, so VINs are unique (up to 33 million vehicles). The check
// digit (position 9) is the ISO 3779 / North-American one: letters are
// transliterated A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9, digits are
// themselves; the values are weighted 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2,
// summed, taken mod 11, and 10 is written "X" (see VINCheckDigit).
//
// Plates: the 2012 standard, 3 digits + 3 Latin letters + the region's
// plate code for persons ("123ABC02"), 3 digits + 2 letters + region for
// legal entities ("123AB02"); letters without I, O, Q; unique per region
// from a per-region permutation. The region is always the owner's.
//
// Tax offices: 4-digit codes, the region's 2-digit revenue-department prefix
// (62 г. Астана, 60 г. Алматы, 59 г. Шымкент, …) and the number of the
// locality's office, with names like "УГД по Алмалинскому району".
//
// Case numbers of officials' cases: see GenerateOfficials.
package synth
