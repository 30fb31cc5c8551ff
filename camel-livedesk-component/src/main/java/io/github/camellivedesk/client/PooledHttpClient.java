package io.github.camellivedesk.client;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;

/** A started HTTP client with the pool it owns, so the pool can be observed (leaks, health) and closed with it. */
public final class PooledHttpClient implements AutoCloseable {

    private final CloseableHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager pool;

    PooledHttpClient(CloseableHttpAsyncClient client, PoolingAsyncClientConnectionManager pool) {
        this.client = client;
        this.pool = pool;
    }

    /** The client, to share between {@link LiveDeskClient}s. */
    public CloseableHttpAsyncClient client() {
        return client;
    }

    /** Leased, pending, available and maximum connections right now. */
    public PoolStats poolStats() {
        return pool.getTotalStats();
    }

    /** Closes the client and its pool, letting exchanges in flight finish. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "PooledHttpClient[" + pool.getTotalStats() + "]";
    }
}
