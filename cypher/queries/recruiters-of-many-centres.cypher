// name: recruiters-of-many-centres
// title: Recruiters who staffed several call centres
// description: Recruiters (people and agencies) whose recruits work at more than one call centre,
// description: with how many of their recruits work there and which centres.
// engines: neo4j, embedded
// returns: both
// param minCentres: int (1..100) = 2 -- fewest call centres staffed

MATCH (r:Recruiter)-[:RECRUITED]->(p:Person)-[:WORKS_AT]->(c:CallCentre)
WITH r, count(DISTINCT p) AS staff, collect(DISTINCT c.id) AS centres
WHERE size(centres) >= $minCentres
RETURN r.id AS recruiter, r.name AS name, size(centres) AS centreCount, staff, centres
ORDER BY centreCount DESC, staff DESC, recruiter
