package io.github.camellivedesk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What one variant achieved in its own JVM, and how it is printed for the harness to read back.
 *
 * @param variant      the variant
 * @param messages     messages completed in the measured window
 * @param failures     messages that failed
 * @param seconds      length of the measured window
 * @param cpuSeconds   process CPU time in the window
 * @param peakHeapBytes highest heap use in the window
 */
record Measurement(Variant variant, long messages, long failures, double seconds, double cpuSeconds,
        long peakHeapBytes) {

    private static final String PREFIX = "MEASUREMENT ";

    double messagesPerSecond() {
        return messages / seconds;
    }

    double cpuSecondsPer10k() {
        return messages == 0 ? Double.NaN : cpuSeconds / messages * 10_000;
    }

    String line() {
        return PREFIX + variant + " " + messages + " " + failures + " " + seconds + " " + cpuSeconds + " "
                + peakHeapBytes;
    }

    static Measurement parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = line.substring(PREFIX.length()).trim().split(" ");
        return new Measurement(Variant.valueOf(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Double.parseDouble(parts[3]), Double.parseDouble(parts[4]), Long.parseLong(parts[5]));
    }

    /** Starts a window: resets peak heap and reads the CPU clock. */
    static Window start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        return new Window(System.nanoTime(), cpuNanos());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** An open measurement window. */
    record Window(long startNanos, long startCpuNanos) {
        Measurement finish(Variant variant, long messages, long failures) {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return new Measurement(variant, messages, failures, (System.nanoTime() - startNanos) / 1e9,
                    (cpuNanos() - startCpuNanos) / 1e9, peak);
        }
    }
}
