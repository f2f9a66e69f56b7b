// name: most-central
// title: The most central entities (PageRank)
// description: PageRank over the whole investigation graph with Kuzu's built-in algo extension
// description: (damping 0.85), highest first. Neo4j has no built-in PageRank: with the GDS plugin,
// description: use gds.pageRank.stream (not run here).
// engines: embedded
// returns: both
// param limit: int (1..500) = 20 -- entities listed
// project: all

CALL page_rank('ringtrace_projection')
RETURN node.id AS id, label(node) AS kind, node.caption AS caption, rank
ORDER BY rank DESC, id
LIMIT $limit
