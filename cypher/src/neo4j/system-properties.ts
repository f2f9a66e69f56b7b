/**
 * Properties the store keeps on every node and relationship besides the model's own. The server's model
 * declares the same names (ENTITY_SYSTEM_PROPERTIES, LINK_SYSTEM_PROPERTIES); `cypher/` cannot import it.
 */
export const ENTITY_SYSTEM_KEYS = ['id', 'caption', 'searchText', 'sources'] as const;
export const LINK_SYSTEM_KEYS = ['id', 'sources'] as const;
