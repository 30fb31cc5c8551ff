package io.github.camellivedesk.simulator;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Enforces the client and conversation rate limits: a request is admitted only if both its client address and its
 * conversation have room, and only admitted requests count, so a client that paces itself to the limit is never
 * refused. Thread-safe; costs nothing when both limits are off.
 */
final class Throttle {

    private final RateLimit clientLimit;
    private final RateLimit conversationLimit;
    private final LongSupplier clock;
    private final Map<InetAddress, SlidingWindow> clients = new ConcurrentHashMap<>();
    private final Map<String, SlidingWindow> conversations = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    Throttle(RateLimit clientLimit, RateLimit conversationLimit, LongSupplier clock) {
        this.clientLimit = clientLimit;
        this.conversationLimit = conversationLimit;
        this.clock = clock;
    }

    boolean enabled() {
        return clientLimit != null || conversationLimit != null;
    }

    /**
     * Admits a request from {@code client} to {@code conversation} (null when the path names none), or returns the
     * whole seconds to wait before one would be admitted (at least 1) and counts the refusal.
     */
    long admit(InetAddress client, String conversation) {
        if (!enabled()) {
            return 0;
        }
        SlidingWindow byClient = clientLimit == null ? null
                : clients.computeIfAbsent(client, key -> window(clientLimit));
        SlidingWindow byConversation = conversationLimit == null || conversation == null ? null
                : conversations.computeIfAbsent(conversation, key -> window(conversationLimit));
        long wait;
        // always the conversation's lock first, then the client's: the same order everywhere, so no deadlock
        if (byConversation == null) {
            synchronized (byClient) {
                wait = admit(byClient, null, clock.getAsLong());
            }
        } else if (byClient == null) {
            synchronized (byConversation) {
                wait = admit(null, byConversation, clock.getAsLong());
            }
        } else {
            synchronized (byConversation) {
                synchronized (byClient) {
                    wait = admit(byClient, byConversation, clock.getAsLong());
                }
            }
        }
        if (wait == 0) {
            return 0;
        }
        refused.increment();
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    private static long admit(SlidingWindow byClient, SlidingWindow byConversation, long now) {
        long wait = Math.max(byClient == null ? 0 : byClient.waitNanos(now),
                byConversation == null ? 0 : byConversation.waitNanos(now));
        if (wait == 0) {
            if (byClient != null) {
                byClient.admit(now);
            }
            if (byConversation != null) {
                byConversation.admit(now);
            }
        }
        return wait;
    }

    private static SlidingWindow window(RateLimit limit) {
        return new SlidingWindow(limit.requests(), limit.period().toNanos());
    }

    /** Requests refused since the start or the last reset. */
    long refused() {
        return refused.sum();
    }

    RateLimit clientLimit() {
        return clientLimit;
    }

    RateLimit conversationLimit() {
        return conversationLimit;
    }

    void clear() {
        clients.clear();
        conversations.clear();
        refused.reset();
    }
}
