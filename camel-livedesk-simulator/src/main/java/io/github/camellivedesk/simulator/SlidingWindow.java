package io.github.camellivedesk.simulator;

/**
 * The times of the requests admitted within the last period, oldest first: a request is admitted while fewer than
 * the limit fall inside the period, so no window of that length ever holds more. Not thread-safe: {@link Throttle}
 * locks it.
 */
final class SlidingWindow {

    private final int limit;
    private final long periodNanos;
    // a ring buffer that grows to the limit only when the traffic needs it: many idle conversations stay small
    private long[] times = new long[4];
    private int head;
    private int size;

    SlidingWindow(int limit, long periodNanos) {
        this.limit = limit;
        this.periodNanos = periodNanos;
    }

    /** Nanoseconds until a request would be admitted at {@code now}; 0 when one would be now. */
    long waitNanos(long now) {
        while (size > 0 && now - times[head] >= periodNanos) {
            head = (head + 1) % times.length;
            size--;
        }
        return size < limit ? 0 : times[head] + periodNanos - now;
    }

    /** Counts a request admitted at {@code now}; call only after {@link #waitNanos} answered 0. */
    void admit(long now) {
        if (size == times.length) {
            grow();
        }
        times[(head + size) % times.length] = now;
        size++;
    }

    private void grow() {
        long[] larger = new long[Math.min(limit, times.length * 2)];
        for (int i = 0; i < size; i++) {
            larger[i] = times[(head + i) % times.length];
        }
        times = larger;
        head = 0;
    }
}
