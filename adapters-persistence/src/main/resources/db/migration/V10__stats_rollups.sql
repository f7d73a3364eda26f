-- Pre-aggregated stats: one merged HourlyRollup (JSON) per project-hour, and per project the hour before which
-- every hour is sealed (stored when it saw activity, absent when it saw none). Stats read these instead of steps.
CREATE TABLE stats_hourly_rollups (
    project_id  BIGINT  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    rollup      VARCHAR NOT NULL,
    built_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, hour_start)
);

CREATE TABLE stats_watermarks (
    project_id    BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    sealed_until  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Graded traces are rolled up by the hour they ended in.
CREATE INDEX traces_project_ended ON traces (project_id, ended_at);
