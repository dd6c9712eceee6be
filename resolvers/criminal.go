package resolvers

import (
	"context"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// The criminal records on objects: Криминальный автотранспорт on Vehicle
// and Криминальное оружие on Weapon, and both on Inquiry.

var (
	criminalRecordsOfVehicle = loaders.Define[string, []sio.CriminalVehicleRecord]("criminal_vehicles.ofVehicle")
	criminalRecordsOfSerial  = loaders.Define[string, []sio.CriminalWeaponRecord]("criminal_weapons.ofSerial")
	registeredWeaponBySerial = loaders.Define[string, *sio.Weapon]("weapons.bySerial")
)

func (r *vehicleResolver) CriminalRecords(ctx context.Context, obj *sio.Vehicle) ([]sio.CriminalVehicleRecord, error) {
	cs, err := criminalRecordsOfVehicle.Load(ctx, r.CriminalVehicleRegistry.CriminalRecordsByVIN, obj.VIN)
	return cs, r.source(ctx, "criminal_vehicles", err)
}

func (r *weaponResolver) CriminalRecords(ctx context.Context, obj *sio.Weapon) ([]sio.CriminalWeaponRecord, error) {
	cs, err := criminalRecordsOfSerial.Load(ctx, r.CriminalWeaponRegistry.CriminalRecordsBySerial, obj.SerialNumber)
	return cs, r.source(ctx, "criminal_weapons", err)
}

// CriminalVehicleRecords looks records up by the plate at the time of the
// event or by VIN: a stolen vehicle may since carry other plates.
func (r *inquiryResolver) CriminalVehicleRecords(ctx context.Context, _ *authz.Inquiry, plate *string, vin *string) ([]sio.CriminalVehicleRecord, error) {
	key, byVIN, err := vehicleKey(plate, vin)
	if err != nil {
		return nil, err
	}
	fetch := r.CriminalVehicleRegistry.CriminalRecordsByPlate
	if byVIN {
		fetch = r.CriminalVehicleRegistry.CriminalRecordsByVIN
	}
	return lookupKey(ctx, r.Resolver, "criminal_vehicles", fetch, key)
}

func (r *inquiryResolver) CriminalWeaponRecords(ctx context.Context, _ *authz.Inquiry, serialNumber string) ([]sio.CriminalWeaponRecord, error) {
	serial, err := parseKey("serialNumber", serialNumber, 32, serialPattern, "letters and digits as engraved, e.g. ИЖ0712345")
	if err != nil {
		return nil, err
	}
	return lookupKey(ctx, r.Resolver, "criminal_weapons", r.CriminalWeaponRegistry.CriminalRecordsBySerial, serial)
}

type criminalVehicleRecordResolver struct{ *Resolver }

func (r *criminalVehicleRecordResolver) Vehicle(ctx context.Context, obj *sio.CriminalVehicleRecord) (*sio.Vehicle, error) {
	return loadVehicle(ctx, r.Resolver, obj.VIN)
}

type criminalWeaponRecordResolver struct{ *Resolver }

// RegisteredWeapon is the weapon of Зарегистрированное оружие with the
// record's serial number, if any.
func (r *criminalWeaponRecordResolver) RegisteredWeapon(ctx context.Context, obj *sio.CriminalWeaponRecord) (*sio.Weapon, error) {
	if obj.SerialNumber == "" {
		return nil, nil
	}
	w, err := registeredWeaponBySerial.Load(ctx, r.WeaponRegistry.WeaponsBySerial, obj.SerialNumber)
	return w, r.source(ctx, "weapons", err)
}

func (r *criminalWeaponRecordResolver) Person(ctx context.Context, obj *sio.CriminalWeaponRecord) (*sio.Person, error) {
	if obj.PersonIIN == nil {
		return nil, nil
	}
	return loadPerson(ctx, r.Resolver, *obj.PersonIIN)
}
