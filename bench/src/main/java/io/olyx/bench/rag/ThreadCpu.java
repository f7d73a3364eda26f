package io.olyx.bench.rag;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds used so far by the live platform threads, grouped by name with digits dropped (virtual threads count
 * on their carriers, the ForkJoinPool workers): shows where a run's CPU went, e.g. embedding versus the rest.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    static String byName() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> seconds = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                seconds.merge(info.getThreadName().replaceAll("\\d+", "N"), cpu / 1e9, Double::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        seconds.entrySet().stream().filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.1f; ", e.getKey(), e.getValue())));
        return out.toString();
    }
}
