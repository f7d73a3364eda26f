-- Stats hours sealed before the rules changed (latency counted guardrail-blocked requests; revenue and
-- total_requests counted failed and canceled traces) are rebuilt: removing a project's rollups and watermark makes
-- the next stats.rollup run reseal it from its creation, from the steps and traces it still has.
-- Only where none were ever removed: retention deletes traces and their steps only under settings.retention
-- .trace_days, so a project is rebuilt only if its settings do not hold trace_days and no audit event shows its
-- retention settings ever changed (project_updated names the settings keys a PATCH touched; audit events are never
-- purged). Any other project keeps its sealed hours, whose purged steps could not be counted again.
DELETE FROM stats_hourly_rollups WHERE project_id IN (
    SELECT p.id FROM projects p
    WHERE p.settings NOT LIKE '%"trace_days"%'
      AND NOT EXISTS (SELECT 1 FROM audit_events a
                      WHERE a.project_id = p.id AND a.event = 'project_updated'
                        AND a.metadata LIKE '%"retention"%'));

-- Then every watermark left with no sealed hour: those just cleared, and those of projects whose sealed hours saw
-- no activity, which lost nothing to retention either (a purge seals first, so purged hours all have rollups).
DELETE FROM stats_watermarks
WHERE NOT EXISTS (SELECT 1 FROM stats_hourly_rollups r WHERE r.project_id = stats_watermarks.project_id);
