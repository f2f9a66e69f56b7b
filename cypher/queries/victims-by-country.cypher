// name: victims-by-country
// title: Victims and losses by country
// description: Victims per country of residence, their payments, and the losses stated in their
// description: complaints (summed as floating point: exact amounts are on the PAID links).
// engines: neo4j, embedded
// returns: table
// param minVictims: int (1..) = 1 -- fewest victims for a country to be listed

// dialect: neo4j
MATCH (c:Country)<-[:LIVES_IN]-(v:Victim)
OPTIONAL MATCH (v)-[p:PAID]->(:Wallet)
WITH c, v, count(p) AS payments
WITH c, count(v) AS victims, sum(payments) AS payments, sum(toFloat(v.reportedLoss)) AS loss,
     collect(DISTINCT v.lossCurrency) AS currencies
WHERE victims >= $minVictims
RETURN c.id AS country, c.code AS code, c.name AS name, victims, payments, round(loss, 2) AS reportedLoss, currencies
ORDER BY victims DESC, code

// dialect: embedded
MATCH (c:Country)<-[:LIVES_IN]-(v:Victim)
OPTIONAL MATCH (v)-[p:PAID]->(:Wallet)
WITH c, v, count(p) AS payments
WITH c, count(v) AS victims, sum(payments) AS payments, sum(CAST(v.reportedLoss AS DOUBLE)) AS loss,
     collect(DISTINCT v.lossCurrency) AS currencies
WHERE victims >= $minVictims
RETURN c.id AS country, c.code AS code, c.name AS name, victims, payments, round(loss, 2) AS reportedLoss, currencies
ORDER BY victims DESC, code
