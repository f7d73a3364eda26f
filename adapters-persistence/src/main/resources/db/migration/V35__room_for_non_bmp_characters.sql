-- Length limits on what callers send are counted in characters (Unicode code points), as docs/api.md says. PostgreSQL
-- counts a VARCHAR(n) in code points too, but H2 counts UTF-16 units, and a character outside the Basic Multilingual
-- Plane (an emoji, a rarer CJK ideograph) takes two there: a name of 200 emoji meets its limit of 200 characters but
-- does not fit an H2 VARCHAR(200), and its write would fail with a 500. Every column that stores such a value
-- therefore holds twice its limit; the limit itself stays in the code.
-- Tags are kept as a JSON array of up to 100 tags of 128 characters, whose escapes (\" for a quote, \u0001 for a
-- control character) overflowed VARCHAR(20000) on PostgreSQL too, so they are unbounded like every other JSON
-- document. Widening a VARCHAR changes only the schema, on both databases: no row is rewritten.
ALTER TABLE accounts ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE accounts ALTER COLUMN email SET DATA TYPE VARCHAR(640);
ALTER TABLE projects ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE projects ALTER COLUMN description SET DATA TYPE VARCHAR(4000);
ALTER TABLE api_keys ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE models ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE models ALTER COLUMN base_url SET DATA TYPE VARCHAR(4000);
ALTER TABLE models ALTER COLUMN region_restriction SET DATA TYPE VARCHAR(128);
ALTER TABLE traces ALTER COLUMN local_ref SET DATA TYPE VARCHAR(1024);
ALTER TABLE traces ALTER COLUMN distribution_channel SET DATA TYPE VARCHAR(64);
ALTER TABLE steps ALTER COLUMN infrastructure SET DATA TYPE VARCHAR(128);
ALTER TABLE ai_gateways ALTER COLUMN name SET DATA TYPE VARCHAR(400);
-- A gateway's slug is its name in lower-case words, ':' and up to 32 id characters. Lower-casing can double a
-- character (U+0130 'İ' becomes 'i' and a combining dot, written 'i-'), so a name of 200 characters makes up to 399.
ALTER TABLE ai_gateways ALTER COLUMN slug SET DATA TYPE VARCHAR(432);
ALTER TABLE memories ALTER COLUMN external_user_id SET DATA TYPE VARCHAR(512);
ALTER TABLE memories ALTER COLUMN content SET DATA TYPE VARCHAR(4000);
ALTER TABLE rag_collections ALTER COLUMN name SET DATA TYPE VARCHAR(512);
ALTER TABLE rag_collections ALTER COLUMN context SET DATA TYPE VARCHAR(20000);
ALTER TABLE rag_collections ALTER COLUMN tags SET DATA TYPE VARCHAR;
ALTER TABLE rag_documents ALTER COLUMN name SET DATA TYPE VARCHAR(1024);
ALTER TABLE rag_documents ALTER COLUMN reference SET DATA TYPE VARCHAR(2048);
ALTER TABLE rag_documents ALTER COLUMN tags SET DATA TYPE VARCHAR;
