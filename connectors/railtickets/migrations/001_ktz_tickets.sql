-- База данных "Қазақстан теміржолы": passenger tickets of the national
-- railway company with the passenger's identity document.
CREATE TABLE {tickets} (
    ticket_number     TEXT PRIMARY KEY,
    passenger_iin     TEXT NOT NULL,
    passenger_name    TEXT NOT NULL,
    document_type_ru  TEXT NOT NULL,
    document_number   TEXT NOT NULL,
    train_number      TEXT NOT NULL,
    departure_station TEXT NOT NULL,
    arrival_station   TEXT NOT NULL,
-- postgres:    departure_at TIMESTAMPTZ NOT NULL,
-- sqlite:    departure_at TIMESTAMP NOT NULL,
-- postgres:    arrival_at TIMESTAMPTZ NOT NULL,
-- sqlite:    arrival_at TIMESTAMP NOT NULL,
    car_number        INTEGER NOT NULL,
    car_type_ru       TEXT NOT NULL,
    seat              INTEGER NOT NULL,
    price_tiyn        BIGINT NOT NULL,
-- postgres:    purchased_at TIMESTAMPTZ NOT NULL,
-- sqlite:    purchased_at TIMESTAMP NOT NULL,
    channel           TEXT NOT NULL,
    sold_by           TEXT NOT NULL,
    status            TEXT NOT NULL
)
-- +statement
CREATE INDEX tickets_passenger_iin ON {tickets} (passenger_iin)
