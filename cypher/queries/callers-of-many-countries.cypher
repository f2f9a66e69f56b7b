// name: callers-of-many-countries
// title: Numbers and workstations that called victims in many countries
// description: Phone numbers, and the workstations using them, that called victims living in at
// description: least minCountries countries: lines worked across markets.
// engines: neo4j, embedded
// returns: both
// param minCountries: int (1..250) = 5 -- fewest countries called

MATCH (n:PhoneNumber)-[:CALLED]->(:Victim)-[:LIVES_IN]->(c:Country)
WITH n, count(*) AS calls, count(DISTINCT c) AS countries
WHERE countries >= $minCountries
RETURN 'PhoneNumber' AS kind, n.id AS id, n.number AS caption, calls, countries
ORDER BY countries DESC, calls DESC, id
UNION ALL
MATCH (w:Workstation)-[:USES_NUMBER]->(:PhoneNumber)-[:CALLED]->(:Victim)-[:LIVES_IN]->(c:Country)
WITH w, count(*) AS calls, count(DISTINCT c) AS countries
WHERE countries >= $minCountries
RETURN 'Workstation' AS kind, w.id AS id, w.hostname AS caption, calls, countries
ORDER BY countries DESC, calls DESC, id
