package sio

// graph/ is regenerated from schema/*.graphqls with gqlgen.yml.
//go:generate go tool gqlgen generate
