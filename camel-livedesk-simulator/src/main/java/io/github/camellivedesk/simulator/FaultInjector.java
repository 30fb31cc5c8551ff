package io.github.camellivedesk.simulator;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The active faults. Each API request (never the inspection API) is checked against them in the order they were
 * injected; the first that applies wins. Thread-safe.
 */
public final class FaultInjector {

    private final List<ActiveFault> active = new CopyOnWriteArrayList<>();
    private Random random = new Random();

    /** Starts injecting {@code fault}; choose its scope on the returned object. */
    public Scope inject(Fault fault) {
        return new Scope(fault, null);
    }

    /** Makes fraction-scoped faults repeatable. */
    public synchronized void seed(long seed) {
        random = new Random(seed);
    }

    /** Removes every fault. */
    public void clear() {
        active.clear();
    }

    /** The faults still active, described. */
    public List<String> describe() {
        return active.stream().map(ActiveFault::toString).toList();
    }

    /** The fault for a request to {@code conversationId} (null when the path has none), or null. */
    Fault next(String conversationId) {
        for (ActiveFault candidate : active) {
            if (candidate.conversationId != null && !candidate.conversationId.equals(conversationId)) {
                continue;
            }
            if (candidate.fraction < 1.0 && draw() >= candidate.fraction) {
                continue;
            }
            if (candidate.remaining != null) {
                int left = candidate.remaining.getAndDecrement();
                if (left <= 0) {
                    active.remove(candidate);
                    continue;
                }
                if (left == 1) {
                    active.remove(candidate);
                }
            }
            return candidate.fault;
        }
        return null;
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    /** Where a fault applies; call one of {@link #forNext}, {@link #forFraction} or {@link #always} to activate it. */
    public final class Scope {
        private final Fault fault;
        private final String conversationId;

        private Scope(Fault fault, String conversationId) {
            this.fault = fault;
            this.conversationId = conversationId;
        }

        /** Only requests to this conversation. */
        public Scope forConversation(String id) {
            return new Scope(fault, id);
        }

        /** The next {@code n} matching requests. */
        public void forNext(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1");
            }
            active.add(new ActiveFault(fault, conversationId, 1.0, new AtomicInteger(n)));
        }

        /** Each matching request with probability {@code p}, until cleared. */
        public void forFraction(double p) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1]: " + p);
            }
            active.add(new ActiveFault(fault, conversationId, p, null));
        }

        /** Every matching request, until cleared. */
        public void always() {
            active.add(new ActiveFault(fault, conversationId, 1.0, null));
        }
    }

    private record ActiveFault(Fault fault, String conversationId, double fraction, AtomicInteger remaining) {
        @Override
        public String toString() {
            return fault + (conversationId == null ? "" : " for conversation " + conversationId)
                    + (remaining != null ? " for the next " + remaining.get()
                            : fraction < 1 ? " for " + fraction : " always");
        }
    }
}
