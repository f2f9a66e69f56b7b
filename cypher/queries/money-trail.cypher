// name: money-trail
// title: Money trail from a victim
// description: Follows a victim's payments into wallets and on through wallet-to-wallet transfers, up
// description: to maxHops transfers, each hop later than the one before, every payment and transfer at
// description: least minAmount (in its own asset) and inside the date window. One row per trail.
// engines: neo4j, embedded
// returns: both
// param victim: id<Victim> = victim:v-0002 -- the victim whose payments are followed
// param maxHops: int (1..6) = 3 -- most transfers after the payment
// param minAmount: float (0..) = 0 -- smallest payment or transfer followed
// param from: date = 2024-01-01 -- earliest payment (inclusive)
// param to: date = 2025-12-31 -- latest payment or transfer (inclusive)

// dialect: neo4j
MATCH (v:Victim {id: $victim})-[pay:PAID]->(w:Wallet)
WHERE pay.at >= datetime($from) AND pay.at < datetime($to) + duration('P1D') AND toFloat(pay.amount) >= $minAmount
MATCH p = (w)-[:TRANSFERRED*1..6]->(x:Wallet)
WHERE length(p) <= $maxHops
  AND all(t IN relationships(p) WHERE toFloat(t.amount) >= $minAmount AND t.at < datetime($to) + duration('P1D'))
  AND reduce(s = {ok: true, last: pay.at}, t IN relationships(p) | {ok: s.ok AND t.at > s.last, last: t.at}).ok
RETURN pay.id AS payment, pay.amount AS paid, pay.asset AS asset, pay.at AS paidAt, length(p) AS hops,
       x.id AS reached, x.label AS reachedLabel, [n IN nodes(p) | n.id] AS wallets,
       [t IN relationships(p) | t.id] AS transfers, last(relationships(p)).at AS lastAt
ORDER BY paidAt, hops, lastAt
LIMIT 500

// dialect: embedded
MATCH (v:Victim {id: $victim})-[pay:PAID]->(w:Wallet)
WHERE pay.at >= timestamp($from) AND pay.at < timestamp($to) + interval('1 day')
  AND CAST(pay.amount AS DOUBLE) >= $minAmount
// Kuzu cannot filter a path's properties after WITH ("Cannot evaluate expression with type PROPERTY"),
// so the time order is checked in the MATCH's WHERE: the transfer times sorted, distinct, after the payment.
MATCH p = (w)-[tr:TRANSFERRED*1..6 (r, n | WHERE CAST(r.amount AS DOUBLE) >= $minAmount AND r.at < timestamp($to) + interval('1 day'))]->(x:Wallet)
WHERE length(p) <= $maxHops AND properties(rels(tr), 'at')[1] > pay.at
  AND list_sort(properties(rels(tr), 'at')) = properties(rels(tr), 'at')
  AND size(list_distinct(properties(rels(tr), 'at'))) = length(p)
RETURN pay.id AS payment, pay.amount AS paid, pay.asset AS asset, pay.at AS paidAt, length(p) AS hops,
       x.id AS reached, x.label AS reachedLabel, list_transform(nodes(p), n -> n.id) AS wallets,
       list_transform(rels(p), t -> t.id) AS transfers, properties(rels(tr), 'at')[length(p)] AS lastAt
ORDER BY paidAt, hops, lastAt
LIMIT 500
