package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Участники внешнеэкономической деятельности: the fields it adds to
// LegalEntity and Inquiry.

var (
	tradeParticipantOf = loaders.Define[sio.BIN, *sio.ForeignTradeParticipant]("foreign_trade.participantOf")
	declarationsOf     = loaders.Define[sio.BIN, []sio.GoodsDeclaration]("foreign_trade.declarationsOf")
)

// goodsDeclarationPattern: customs post code/DDMMYY/serial.
var goodsDeclarationPattern = regexp.MustCompile(`^\d{5,8}/\d{6}/\d{7}$`)

func (r *legalEntityResolver) ForeignTrade(ctx context.Context, obj *sio.LegalEntity) (*sio.ForeignTradeParticipant, error) {
	return load(ctx, r.Resolver, "foreign_trade", tradeParticipantOf, r.ForeignTradeRegistry.ParticipantsByBIN, obj.BIN)
}

func (r *inquiryResolver) GoodsDeclaration(ctx context.Context, _ *authz.Inquiry, number string) (*sio.GoodsDeclaration, error) {
	n, err := parseKey("number", number, 24, goodsDeclarationPattern, "a declaration number such as 23201/150321/0000001")
	return byKey(ctx, r.Resolver, "foreign_trade", n, err, r.ForeignTradeRegistry.DeclarationsByNumber)
}

type foreignTradeParticipantResolver struct{ *Resolver }

func (r *foreignTradeParticipantResolver) Declarations(ctx context.Context, obj *sio.ForeignTradeParticipant, first *int, after *string) (*model.GoodsDeclarationConnection, error) {
	return loadPage[model.GoodsDeclarationConnection](ctx, r.Resolver, "foreign_trade", declarationsOf, r.ForeignTradeRegistry.DeclarationsByDeclarant, obj.BIN, first, after)
}

type goodsDeclarationResolver struct{ *Resolver }

func (r *goodsDeclarationResolver) Declarant(ctx context.Context, obj *sio.GoodsDeclaration) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.DeclarantBIN)
}
