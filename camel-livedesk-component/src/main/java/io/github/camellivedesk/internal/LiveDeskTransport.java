package io.github.camellivedesk.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Everything a component's requests share, created when the component starts and closed when it stops: the Apache
 * HttpClient 5 async client and its connection pool (or a client the user gave, which is left open), the scheduler
 * for request deadlines and 429 waits, and the worker threads routes continue on with {@code continueOnIoThread=false}.
 */
public final class LiveDeskTransport implements AutoCloseable {

    /**
     * The component's transport options; their defaults are the component's.
     *
     * @param maxConnections connections in the pool (LiveDesk is one host, so also per route)
     * @param connectTimeout time to establish a connection (TCP and TLS)
     * @param sslContext     TLS context; null for the JVM default, which verifies certificates and host names
     * @param proxy          HTTP proxy, or null
     * @param proxyUsername  proxy user, or null
     * @param proxyPassword  proxy password, or null
     */
    public record Options(int maxConnections, Duration connectTimeout, SSLContext sslContext, HttpHost proxy,
                          String proxyUsername, String proxyPassword) {

        @Override
        public String toString() {
            return "Options[maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeout + ", proxy="
                   + (proxy == null ? "none" : proxy) + "]";
        }
    }

    private final CloseableHttpAsyncClient http;
    private final PoolingAsyncClientConnectionManager pool;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Executor continuation;

    private LiveDeskTransport(CloseableHttpAsyncClient http, PoolingAsyncClientConnectionManager pool) {
        this.http = http;
        this.pool = pool;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("LiveDeskScheduler"));
        // every request schedules a deadline and cancels it on completion: drop cancelled ones at once
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        int cores = Runtime.getRuntime().availableProcessors();
        // unbounded: every answer in flight must find a thread; Abort, so that a rejection is seen (below)
        this.workers = new ThreadPoolExecutor(cores, cores, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("LiveDeskWorker"), new ThreadPoolExecutor.AbortPolicy());
        this.continuation = task -> {
            try {
                workers.execute(task);
            } catch (RejectedExecutionException shutDown) {
                // the pool is shut down (the component is stopping): the answer must still complete its exchange
                task.run();
            }
        };
    }

    /** A transport with its own client and pool, built from the component's options. */
    public static LiveDeskTransport create(Options options) {
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(options.maxConnections())
                .setMaxConnPerRoute(options.maxConnections())
                .setDefaultConnectionConfig(connectionConfig(options))
                .setTlsStrategy(tlsStrategy(options))
                .build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()))
                        .setTcpNoDelay(true)
                        .build())
                // POST is not idempotent: the client decides what to resend (only what LiveDesk surely did not process)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                // no LoggingIOSession: HttpClient's wire log would print the Authorization header in clear text
                .setIoSessionDecorator(session -> session);
        proxy(builder, options);
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return new LiveDeskTransport(client, pool);
    }

    /** A transport around a started client the user owns; it is never closed here and the pool options do not apply. */
    public static LiveDeskTransport wrap(CloseableHttpAsyncClient client) {
        return new LiveDeskTransport(client, null);
    }

    /** The one place connections are configured. */
    private static ConnectionConfig connectionConfig(Options options) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(options.connectTimeout()))
                // a pooled connection idle this long is checked before reuse: a POST on a connection the server
                // already closed could fail after being written, which would make it ambiguous
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
    }

    /** The one place TLS is configured; null keeps HttpClient's default (the JVM's trust store, host names verified). */
    private static TlsStrategy tlsStrategy(Options options) {
        return options.sslContext() == null ? null
                : ClientTlsStrategyBuilder.create().setSslContext(options.sslContext()).buildAsync();
    }

    private static void proxy(HttpAsyncClientBuilder builder, Options options) {
        HttpHost proxy = options.proxy();
        if (proxy == null) {
            return;
        }
        builder.setProxy(proxy);
        if (options.proxyUsername() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            char[] password = options.proxyPassword() == null ? new char[0] : options.proxyPassword().toCharArray();
            credentials.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(options.proxyUsername(), password));
            builder.setDefaultCredentialsProvider(credentials);
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    CloseableHttpAsyncClient http() {
        return http;
    }

    /** The timer thread: request deadlines, 429 waits and the component's pacing. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Runs route continuations on the worker threads; once the workers are shut down, on the calling thread, so that
     * no answer is ever dropped.
     */
    public Executor workers() {
        return continuation;
    }

    /** Leased, pending, available and maximum connections of the own pool; null with a user's client. */
    public PoolStats poolStats() {
        return pool == null ? null : pool.getTotalStats();
    }

    /** Stops taking work on the worker threads; answers still arriving continue on the I/O thread. */
    void shutdownWorkers() {
        workers.shutdown();
    }

    /**
     * Closes the own client (letting exchanges in flight finish), then the scheduler and the workers. A user's
     * client stays open.
     */
    @Override
    public void close() {
        if (pool != null) {
            http.close(CloseMode.GRACEFUL);
        }
        scheduler.shutdownNow();
        workers.shutdown();
    }

    @Override
    public String toString() {
        return "LiveDeskTransport[" + (pool == null ? "user's client" : pool.getTotalStats()) + "]";
    }
}
