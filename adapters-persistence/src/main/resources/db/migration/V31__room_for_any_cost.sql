-- Room for the cost of any call Olyx can price, so that a step is never lost because its cost does not fit.
-- Prices are below 10^12 per 1,000 tokens (or per image) with at most 12 decimals, and token counts below 2^31,
-- so one call costs less than 10^19 and its exact cost (price x tokens / 1,000) has at most 15 decimals.
-- NUMERIC(24, 12) held neither: such a step failed its write after the provider had been paid.
-- Every column that holds a computed cost, or a sum of them, gets 23 whole digits and 15 decimals.
-- On PostgreSQL the change of scale rewrites these tables once, under a lock, when the migration runs.
ALTER TABLE steps ALTER COLUMN cost SET DATA TYPE NUMERIC(38, 15);
ALTER TABLE key_spend_minutes ALTER COLUMN amount SET DATA TYPE NUMERIC(38, 15);
ALTER TABLE spend_reservations ALTER COLUMN amount SET DATA TYPE NUMERIC(38, 15);
ALTER TABLE insights ALTER COLUMN estimated_savings_usd SET DATA TYPE NUMERIC(38, 2);
