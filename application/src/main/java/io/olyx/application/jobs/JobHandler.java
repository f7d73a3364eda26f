package io.olyx.application.jobs;

import io.olyx.domain.jobs.Job;
import java.util.Map;

/** Runs one kind of job. Throwing retries the job with backoff; {@link PermanentJobFailure} ends it at once. */
public interface JobHandler {
    String kind();

    Map<String, Object> handle(Job job) throws Exception;
}
