package io.olyx.application.rag;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the writes to one search index with the database checks they depend on: an indexing job re-reads
 * its documents' revisions and writes their chunks under the lock, and deleting or resetting takes the same lock,
 * so a job that embedded an old text can never write it over a newer one or revive a deleted document. Striped,
 * so memory stays fixed however many collections there are. (One node: indexes are node-local files.)
 */
public final class IndexLocks {
    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public IndexLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public <T> T locked(String indexKey, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(indexKey.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(String indexKey, Runnable work) {
        locked(indexKey, () -> {
            work.run();
            return null;
        });
    }
}
