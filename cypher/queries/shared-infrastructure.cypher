// name: shared-infrastructure
// title: Numbers and wallets shared by several call centres
// description: Phone numbers used by workstations of several call centres, and deposit wallets of
// description: platforms promoted by several centres: the shared infrastructure that ties sites into one ring.
// engines: neo4j, embedded
// returns: both
// param minCentres: int (2..100) = 2 -- fewest call centres sharing it

MATCH (c:CallCentre)-[:HAS_WORKSTATION]->(:Workstation)-[:USES_NUMBER]->(x:PhoneNumber)
WITH x, collect(DISTINCT c.id) AS centres
WHERE size(centres) >= $minCentres
RETURN 'PhoneNumber' AS kind, x.id AS id, x.number AS value, size(centres) AS centreCount, centres
ORDER BY centreCount DESC, id
UNION ALL
MATCH (c:CallCentre)-[:PROMOTES]->(:TradingPlatform)-[:RECEIVES_TO]->(x:Wallet)
WITH x, collect(DISTINCT c.id) AS centres
WHERE size(centres) >= $minCentres
RETURN 'Wallet' AS kind, x.id AS id, x.address AS value, size(centres) AS centreCount, centres
ORDER BY centreCount DESC, id
