// name: centre-to-crime-group
// title: From a call centre to its crime group
// description: The shortest paths from a call centre to every crime group within reach, over any
// description: relationship: who controls the site, through which leaders, staff or platforms.
// engines: neo4j, embedded
// returns: both
// param centre: id<CallCentre> = callcentre:moscow-orion -- the call centre to start from
// param maxHops: int (1..6) = 4 -- longest path considered

// dialect: neo4j
MATCH p = allShortestPaths((c:CallCentre {id: $centre})-[*..6]-(g:CrimeGroup))
WHERE length(p) <= $maxHops
RETURN g.id AS crimeGroup, g.name AS name, length(p) AS hops,
       [n IN nodes(p) | n.id] AS entityIds, [r IN relationships(p) | r.id] AS linkIds
ORDER BY hops, crimeGroup
LIMIT 50

// dialect: embedded
MATCH p = (c:CallCentre {id: $centre})-[* ALL SHORTEST 1..6]-(g:CrimeGroup)
WHERE length(p) <= $maxHops
RETURN g.id AS crimeGroup, g.name AS name, length(p) AS hops,
       list_transform(nodes(p), n -> n.id) AS entityIds, list_transform(rels(p), r -> r.id) AS linkIds
ORDER BY hops, crimeGroup
LIMIT 50
