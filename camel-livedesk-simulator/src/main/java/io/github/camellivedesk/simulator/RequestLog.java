package io.github.camellivedesk.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;

/**
 * The most recent API requests, with the {@code Authorization} value redacted, and a count of all of them. Bounded
 * so that a long benchmark does not grow the heap.
 */
final class RequestLog {

    private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();
    private final int capacity;
    private final boolean enabled;
    private final ChangeFeed changes;

    RequestLog(int capacity, boolean enabled, ChangeFeed changes) {
        this.capacity = capacity;
        this.enabled = enabled;
        this.changes = changes;
    }

    void add(RecordedRequest request) {
        count.incrementAndGet();
        changes.changed();
        if (!enabled) {
            return;
        }
        requests.addLast(request);
        if (size.incrementAndGet() > capacity) {
            requests.pollFirst();
            size.decrementAndGet();
        }
    }

    List<RecordedRequest> all() {
        return new ArrayList<>(requests);
    }

    int count() {
        return count.get();
    }

    void clear() {
        for (Iterator<RecordedRequest> it = requests.iterator(); it.hasNext();) {
            it.next();
            it.remove();
        }
        size.set(0);
        count.set(0);
    }

    static Map<String, List<String>> redacted(Headers headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("Cookie")) {
                copy.put(name, List.of("***"));
            } else if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
                List<String> schemes = new ArrayList<>();
                for (String value : values) {
                    int space = value.indexOf(' ');
                    schemes.add((space > 0 ? value.substring(0, space) : "") + " ***");
                }
                copy.put(name, List.copyOf(schemes));
            } else {
                copy.put(name, List.copyOf(values));
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
