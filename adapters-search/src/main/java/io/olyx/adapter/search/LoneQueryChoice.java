package io.olyx.adapter.search;

import java.util.Arrays;

/**
 * Chooses how a query that finds the machine idle is embedded: on one intra-op thread or on every core. Which is
 * faster depends on the machine. On two AVX2 cores, two threads halved a SciFact query's inference (p50 17 to 8.5
 * ms). On two AVX-512 VNNI cores one thread was faster (p50 4.2-4.9 against 5.9-6.2 ms): each operator is so
 * short there that waking the second thread for it costs more than the thread computes. So both ways are timed as
 * queries run. The one with the lower median time per token over its last {@value #WINDOW} queries serves, and
 * every {@value #EXPLORE_EVERY}th lone query goes the other way, so a change in the machine's load is noticed.
 */
final class LoneQueryChoice {
    static final int ONE_THREAD = 0;
    static final int EVERY_CORE = 1;
    static final int WINDOW = 15;
    static final int EXPLORE_EVERY = 16;
    /** Each way is tried this often before medians are compared. */
    private static final int FIRST_TRIES = 3;

    private final double[][] nanosPerToken = new double[2][WINDOW];
    /** Lone queries timed each way; a long, so a server answering for years never wraps it. */
    private final long[] timed = new long[2];
    private long chosen;

    synchronized int choose() {
        chosen++;
        for (int way = ONE_THREAD; way <= EVERY_CORE; way++) {
            if (timed[way] < FIRST_TRIES) {
                return way;
            }
        }
        int faster = median(EVERY_CORE) < median(ONE_THREAD) ? EVERY_CORE : ONE_THREAD;
        return chosen % EXPLORE_EVERY == 0 ? 1 - faster : faster;
    }

    synchronized void timed(int way, long nanos, int tokens) {
        nanosPerToken[way][(int) (timed[way]++ % WINDOW)] = nanos / (double) Math.max(1, tokens);
    }

    private double median(int way) {
        double[] window = Arrays.copyOf(nanosPerToken[way], (int) Math.min(timed[way], WINDOW));
        Arrays.sort(window);
        return window[window.length / 2];
    }
}
