-- Leases that say a request is still alive, so that what it claimed can be taken over once its node is dead.
-- The node running the request sets the lease when it claims and renews it while the request runs (LeaseKeeper);
-- a node that dies stops renewing, and once the lease has run out a retry may take the claim over.
--
-- answer_lease_until: on a caller's answers to tool calls (answers_tool_call set), recorded before the model call.
-- lease_until: on an in_progress Idempotency-Key claim.
-- NULL (rows written before this column, or by a node that predates it) never runs out: such a claim keeps the rule
-- it was made under (an answer stays, a key claim waits for its 24-hour expiry).
ALTER TABLE steps ADD COLUMN answer_lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE idempotency_keys ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
