// name: top-consolidation-wallets
// title: Consolidation wallets that receive from the most victims
// description: Wallets that victims' money reaches through transfers (within maxHops after the
// description: payment), ranked by how many victims' money reaches them, then by how few transfers
// description: from the deposit wallets (consolidation wallets before the exchanges they pay into).
// engines: neo4j, embedded
// returns: both
// param maxHops: int (1..4) = 2 -- most transfers after the payment
// param limit: int (1..100) = 10 -- wallets listed

// dialect: neo4j
MATCH (v:Victim)-[:PAID]->(d:Wallet)
WITH d, collect(DISTINCT v.id) AS payers
MATCH p = (d)-[:TRANSFERRED*1..4]->(x:Wallet)
WHERE length(p) <= $maxHops
WITH x, d, payers, min(length(p)) AS hops
UNWIND payers AS payer
WITH x, min(hops) AS hops, count(DISTINCT d) AS feeders, count(DISTINCT payer) AS victims
RETURN x.id AS wallet, x.label AS label, x.chain AS chain, victims, feeders, hops
ORDER BY victims DESC, hops, wallet
LIMIT $limit

// dialect: embedded
MATCH (v:Victim)-[:PAID]->(d:Wallet)
WITH d, collect(DISTINCT v.id) AS payers
MATCH p = (d)-[:TRANSFERRED* SHORTEST 1..4]->(x:Wallet)
WHERE length(p) <= $maxHops
WITH x, d, payers, length(p) AS hops
UNWIND payers AS payer
// Kuzu: a plain aggregate after count(DISTINCT) comes back NULL, so min() goes first.
WITH x, min(hops) AS hops, count(DISTINCT d) AS feeders, count(DISTINCT payer) AS victims
RETURN x.id AS wallet, x.label AS label, x.chain AS chain, victims, feeders, hops
ORDER BY victims DESC, hops, wallet
LIMIT $limit
