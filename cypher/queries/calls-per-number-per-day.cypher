// name: calls-per-number-per-day
// title: Calls per number per day
// description: How many calls each number placed per day (UTC) and their total duration, busiest
// description: first; give a number to see only its days.
// engines: neo4j, embedded
// returns: table
// param number: id<PhoneNumber>? -- only this number (all numbers when absent)
// param from: date = 2024-01-01 -- first day (inclusive)
// param to: date = 2025-12-31 -- last day (inclusive)
// param minCalls: int (1..) = 1 -- fewest calls in a day to list it

// dialect: neo4j
MATCH (n:PhoneNumber)-[c:CALLED]->(:Victim)
WHERE ($number IS NULL OR n.id = $number) AND c.at >= datetime($from) AND c.at < datetime($to) + duration('P1D')
WITH n, date(c.at) AS day, count(*) AS calls, sum(c.durationSeconds) AS seconds
WHERE calls >= $minCalls
RETURN n.id AS number, n.number AS value, toString(day) AS day, calls, seconds
ORDER BY calls DESC, day, number
LIMIT 1000

// dialect: embedded
MATCH (n:PhoneNumber)-[c:CALLED]->(:Victim)
WHERE ($number IS NULL OR n.id = $number) AND c.at >= timestamp($from) AND c.at < timestamp($to) + interval('1 day')
WITH n, CAST(CAST(c.at AS DATE) AS STRING) AS day, count(*) AS calls, sum(c.durationSeconds) AS seconds
WHERE calls >= $minCalls
RETURN n.id AS number, n.number AS value, day, calls, seconds
ORDER BY calls DESC, day, number
LIMIT 1000
