package io.github.camellivedesk.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one variant in this JVM (the harness starts one JVM per variant): a warm-up, then a measured window, then
 * prints a {@link Measurement} line.
 */
public final class VariantRunner {

    private VariantRunner() {
    }

    public static void main(String[] args) throws Exception {
        Variant variant = Variant.valueOf(args[0]);
        Workload workload = Workload.fromArgs(args);
        try (VariantSender sender = VariantSender.create(variant, workload)) {
            run(sender, workload, workload.warmupSeconds(), Long.MAX_VALUE, null);
            Measurement.Window window = Measurement.start();
            long[] counts = run(sender, workload, workload.measureSeconds(), workload.maxMessages(), window);
            System.out.println(window.finish(variant, counts[0], counts[1]).line());
        }
        System.exit(0);
    }

    /** Sends until the time or the count is up; returns {completed, failed}. */
    static long[] run(VariantSender sender, Workload workload, double seconds, long maxMessages,
            Measurement.Window window)
            throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        if (seconds <= 0) {
            return new long[]{ 0, 0 };
        }
        if (sender.isBlocking()) {
            int threads = workload.scenario().threads();
            AtomicLong started = new AtomicLong();
            Thread[] workers = new Thread[threads];
            for (int i = 0; i < threads; i++) {
                workers[i] = new Thread(() -> {
                    while (System.nanoTime() < deadline && started.incrementAndGet() <= maxMessages) {
                        try {
                            sender.sendBlocking();
                            completed.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                }, "bench-caller-" + i);
                workers[i].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } else {
            Semaphore inFlight = new Semaphore(workload.scenario().inFlight());
            AtomicBoolean stop = new AtomicBoolean();
            long sent = 0;
            while (sent < maxMessages && System.nanoTime() < deadline) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                sent++;
                CompletableFuture<Boolean> future;
                try {
                    future = sender.send();
                } catch (Exception e) {
                    failed.incrementAndGet();
                    inFlight.release();
                    continue;
                }
                future.whenComplete((ok, error) -> {
                    if (error == null && Boolean.TRUE.equals(ok)) {
                        completed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            stop.set(true);
            inFlight.acquire(workload.scenario().inFlight());
            inFlight.release(workload.scenario().inFlight());
        }
        return new long[]{ completed.get(), failed.get() };
    }
}
