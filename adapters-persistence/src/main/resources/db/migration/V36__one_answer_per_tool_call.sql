-- The tool call a tool_call step answers for the caller (a tool_results entry of POST /api/v1/executions or /runs,
-- recorded under the run step that asked). A call takes one answer: this unique index is what makes that hold when
-- answers to the same call race, on one node or on several sharing the database, where a read of the answers so far
-- cannot. NULL for every other step, results of tools Olyx ran itself and answers recorded before this column
-- included; both H2 and PostgreSQL let any number of rows hold NULL in a unique index.
ALTER TABLE steps ADD COLUMN answers_tool_call VARCHAR;
CREATE UNIQUE INDEX steps_one_answer_per_tool_call ON steps (parent_step_id, answers_tool_call);
