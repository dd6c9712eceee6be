package resolvers

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/links"
)

// Взаимосвязи (services 78-79): Inquiry.links and the LinkGraph exports.

// LinksOmittedExtension is the response extension counting the edges left
// out because the inquiry may not read their source.
const LinksOmittedExtension = "linksOmitted"

func (r *inquiryResolver) Links(ctx context.Context, inq *authz.Inquiry, subject model.SubjectInput, depth int, kinds []links.EdgeKind, maxNodes *int, perNode *int) (*links.Graph, error) {
	q := links.Query{Depth: depth, MaxNodes: links.DefaultMaxNodes, PerNode: links.DefaultPerNode}
	switch {
	case (subject.Iin == nil) == (subject.Bin == nil):
		return nil, badInput("subject", "give exactly one of iin or bin")
	case subject.Iin != nil:
		q.Root = links.Ref{Kind: links.NodePerson, Key: string(*subject.Iin)}
	default:
		q.Root = links.Ref{Kind: links.NodeLegalEntity, Key: string(*subject.Bin)}
	}
	if depth < 1 || depth > 2 {
		return nil, badInput("depth", "must be 1 or 2")
	}
	if maxNodes != nil {
		if *maxNodes < 1 || *maxNodes > links.MaxMaxNodes {
			return nil, badInput("maxNodes", "must be between 1 and %d", links.MaxMaxNodes)
		}
		q.MaxNodes = *maxNodes
	}
	if perNode != nil {
		if *perNode < 1 || *perNode > links.MaxPerNode {
			return nil, badInput("perNode", "must be between 1 and %d", links.MaxPerNode)
		}
		q.PerNode = *perNode
	}
	if kinds != nil {
		q.Kinds = make(map[links.EdgeKind]bool, len(kinds))
		for _, k := range kinds {
			q.Kinds[k] = true
		}
	}
	// The directive admitted the level(s); each source's edges are then
	// checked against the matrix in the engine.
	allowed := func(service string) bool {
		_, err := r.Enforcer.Check(inq, service)
		return err == nil
	}
	g, err := r.LinkEngine.Build(ctx, q, allowed)
	if err != nil {
		return nil, r.source(ctx, "links", err)
	}
	omitted := g.Omitted
	if prev, ok := graphql.GetExtension(ctx, LinksOmittedExtension).(int); ok {
		omitted += prev
	}
	graphql.RegisterExtension(ctx, LinksOmittedExtension, omitted)
	return g, nil
}

type linkGraphResolver struct{ *Resolver }

func (r *linkGraphResolver) Export(ctx context.Context, g *links.Graph, format links.Format) ([]links.File, error) {
	base := "links-" + strings.ToLower(string(g.Root.Kind)) + "-" + g.Root.Key + "-level" + string(rune('0'+g.Depth))
	files, err := links.Export(g, format, base)
	if err != nil {
		return nil, sio.Errorf(sio.EINTERNAL, "export failed")
	}
	return files, nil
}
