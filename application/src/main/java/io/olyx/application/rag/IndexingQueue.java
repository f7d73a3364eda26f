package io.olyx.application.rag;

import io.olyx.application.port.JobQueue;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.DocumentId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns queued documents into durable indexing jobs of {@code batchSize} documents each, so embedding is batched
 * and a restart resumes where the queue stood. Each job names the revision of every document it was queued for.
 * Enqueueing joins the caller's transaction when there is one, so documents are never queued without their job.
 */
public final class IndexingQueue {
    public static final String KIND = "rag.index";
    static final String COLLECTION = "collection_id";
    static final String DOCUMENTS = "documents";
    private static final int MAX_ATTEMPTS = 5;

    private final JobQueue jobs;
    private final Clock clock;
    private final int batchSize;
    private final Runnable wake;

    /** @param wake tells this node's job worker that work is waiting (call after the transaction commits) */
    public IndexingQueue(JobQueue jobs, Clock clock, int batchSize, Runnable wake) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.jobs = jobs;
        this.clock = clock;
        this.batchSize = batchSize;
        this.wake = wake;
    }

    /** Enqueues the documents in id order (so a job's documents were written close together); returns the jobs. */
    public int enqueue(ProjectId project, CollectionId collection, Map<DocumentId, Integer> revisions) {
        List<Map.Entry<DocumentId, Integer>> all = new ArrayList<>(revisions.entrySet());
        all.sort(Map.Entry.comparingByKey(Comparator.comparing(DocumentId::value)));
        int count = 0;
        for (int from = 0; from < all.size(); from += batchSize) {
            List<String> documents = all.subList(from, Math.min(all.size(), from + batchSize)).stream()
                    .map(e -> e.getKey() + "@" + e.getValue()).toList();
            Map<String, Object> payload = new HashMap<>();
            payload.put(COLLECTION, collection.toString());
            payload.put(DOCUMENTS, documents);
            jobs.enqueue(new NewJob(KIND, Optional.of(project.value()), payload, MAX_ATTEMPTS, clock.instant(),
                    Optional.empty()), clock.instant());
            count++;
        }
        return count;
    }

    public void wake() {
        wake.run();
    }

    /** The collection and document revisions a job payload names. */
    static CollectionId collection(Map<String, Object> payload) {
        return CollectionId.parse(String.valueOf(payload.get(COLLECTION)))
                .orElseThrow(() -> new IllegalArgumentException("job payload without a collection id"));
    }

    static Map<DocumentId, Integer> revisions(Map<String, Object> payload) {
        Map<DocumentId, Integer> revisions = new HashMap<>();
        if (payload.get(DOCUMENTS) instanceof List<?> list) {
            for (Object item : list) {
                String text = String.valueOf(item);
                int at = text.lastIndexOf('@');
                DocumentId id = DocumentId.parse(at < 0 ? text : text.substring(0, at))
                        .orElseThrow(() -> new IllegalArgumentException("bad document in job payload: " + text));
                revisions.put(id, Integer.parseInt(text.substring(at + 1)));
            }
        }
        return revisions;
    }
}
