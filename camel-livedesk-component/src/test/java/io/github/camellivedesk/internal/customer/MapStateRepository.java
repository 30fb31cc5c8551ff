package io.github.camellivedesk.internal.customer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/** A StateRepository a user could bring (a table, a cache), here a map the tests look into. */
public class MapStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** What was stored, by key. */
    public final Map<String, String> values = new ConcurrentHashMap<>();
    /** Whether the component started it. */
    public volatile boolean started;

    @Override
    protected void doStart() {
        started = true;
    }

    @Override
    public void setState(String key, String value) {
        values.put(key, value);
    }

    @Override
    public String getState(String key) {
        return values.get(key);
    }
}
