// name: rings
// title: Rings (weakly connected components)
// description: Groups of entities joined by operational links (countries and provenance left out),
// description: with Kuzu's built-in weakly connected components, largest first. Neo4j has no built-in
// description: WCC: with the GDS plugin, use gds.wcc.stream (not run here).
// engines: embedded
// returns: table
// param minSize: int (1..) = 2 -- fewest entities in a ring
// param sample: int (1..200) = 20 -- member ids listed per ring
// project: CrimeGroup, CallCentre, Workstation, Person, Recruiter, PhoneNumber, Agency, TradingPlatform, Wallet, Victim / CONTROLS, LEADS, MEMBER_OF, WORKS_FOR, HAS_WORKSTATION, USES_NUMBER, OPERATES, WORKS_AT, RECRUITED, CALLED, IMPERSONATES, PROMOTES, RECEIVES_TO, PAID, TRANSFERRED, OWNS

CALL weakly_connected_components('ringtrace_projection')
WITH group_id, collect(node.id) AS members, collect(DISTINCT label(node)) AS kinds
WHERE size(members) >= $minSize
RETURN group_id AS ring, size(members) AS size, kinds, list_slice(members, 1, $sample) AS sample
ORDER BY size DESC, ring
