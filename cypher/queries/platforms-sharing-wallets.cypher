// name: platforms-sharing-wallets
// title: Platforms that share deposit wallets
// description: Pairs of trading platforms whose deposit wallets are the same wallet (maxHops 0) or
// description: feed a common wallet within maxHops transfers (a shared consolidation wallet).
// engines: neo4j, embedded
// returns: both
// param maxHops: int (0..3) = 0 -- transfers allowed between a deposit wallet and the shared one

// dialect: neo4j
MATCH (a:TradingPlatform)-[:RECEIVES_TO]->(:Wallet)-[ta:TRANSFERRED*0..3]->(w:Wallet)
WHERE size(ta) <= $maxHops
WITH DISTINCT a, w
MATCH (b:TradingPlatform)-[:RECEIVES_TO]->(:Wallet)-[tb:TRANSFERRED*0..3]->(w)
WHERE size(tb) <= $maxHops AND a.id < b.id
WITH DISTINCT a, b, w
RETURN a.id AS platform, a.name AS platformName, b.id AS otherPlatform, b.name AS otherName,
       count(w) AS sharedWallets, collect(w.id) AS wallets
ORDER BY sharedWallets DESC, platform, otherPlatform

// dialect: embedded
MATCH (a:TradingPlatform)-[:RECEIVES_TO]->(:Wallet)-[ta:TRANSFERRED*0..3]->(w:Wallet)
WHERE length(ta) <= $maxHops
WITH DISTINCT a, w
MATCH (b:TradingPlatform)-[:RECEIVES_TO]->(:Wallet)-[tb:TRANSFERRED*0..3]->(w)
WHERE length(tb) <= $maxHops AND a.id < b.id
WITH DISTINCT a, b, w
RETURN a.id AS platform, a.name AS platformName, b.id AS otherPlatform, b.name AS otherName,
       count(w) AS sharedWallets, collect(w.id) AS wallets
ORDER BY sharedWallets DESC, platform, otherPlatform
