package io.olyx.bench.rag;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the garbage collector did between two points of a run: pauses and their total time, and the heap the
 * process allocated (every platform thread's, the benchmark client's included). A query's tail latency follows
 * the pauses it meets, so this shows whether a change moved the tail through allocation or through the work.
 */
record GcActivity(long collections, long collectionMillis, long allocatedBytes) {

    static GcActivity now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return new GcActivity(count, millis, threads.getTotalThreadAllocatedBytes());
    }

    String since(GcActivity before, int operations) {
        return String.format(Locale.ROOT, "%d collections taking %d ms, %.0f KB allocated per query",
                collections - before.collections, collectionMillis - before.collectionMillis,
                (allocatedBytes - before.allocatedBytes) / 1024.0 / operations);
    }
}
