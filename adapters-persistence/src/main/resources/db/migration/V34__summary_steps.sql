-- How many steps a trace's stored summary was worked out from. Steps are only ever added to a trace, so a summary of
-- more steps is a later one: a summary worked out again for a step that landed after the trace ended (a call
-- admitted while it was pending, a log after completion) replaces the stored one only if it covers more steps.
-- NULL for summaries stored before: any revision may replace them.
ALTER TABLE traces ADD COLUMN summary_steps INTEGER;
