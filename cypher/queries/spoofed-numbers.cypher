// name: spoofed-numbers
// title: Spoofed numbers and the agencies they imitate
// description: Numbers shown to victims as caller ID without being the real line, the agency or bank
// description: each imitates, and how many calls showed it.
// engines: neo4j, embedded
// returns: both

MATCH (n:PhoneNumber)
WHERE n.spoofed = true
OPTIONAL MATCH (n)-[:IMPERSONATES]->(a:Agency)
OPTIONAL MATCH (:PhoneNumber)-[c:CALLED]->(:Victim)
WHERE c.callerIdShown = n.number
WITH n, a, count(c) AS callsShowingIt
RETURN n.id AS number, n.number AS value, a.id AS agency, a.name AS agencyName, a.type AS agencyType,
       a.country AS agencyCountry, callsShowingIt
ORDER BY callsShowingIt DESC, number
