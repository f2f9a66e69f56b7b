// name: staff-at-large
// title: Staff at large
// description: People of the operation with a given legal status (at large by default): their role,
// description: where they worked, who recruited them and what they lead.
// engines: neo4j, embedded
// returns: both
// param status: string = "at large" -- legal status (at large, detained, charged, convicted, witness, unknown)

MATCH (p:Person)
WHERE p.status = $status
OPTIONAL MATCH (p)-[:WORKS_AT]->(c:CallCentre)
OPTIONAL MATCH (r:Recruiter)-[:RECRUITED]->(p)
OPTIONAL MATCH (p)-[:LEADS]->(led:CrimeGroup)
RETURN p.id AS person, p.name AS name, p.role AS role, p.nationality AS nationality, c.id AS centre,
       r.id AS recruiter, led.id AS leads
ORDER BY role, name
