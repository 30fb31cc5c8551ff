package io.github.camellivedesk.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
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
     * @param sslContext     TLS context; null for the JVM default (host names are verified with either)
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

    /** The longest status or header line accepted in an answer. */
    static final int MAX_RESPONSE_LINE_LENGTH = 16 * 1024;
    /** The most header lines accepted in an answer. */
    static final int MAX_RESPONSE_HEADER_COUNT = 200;

    private final CloseableHttpAsyncClient http;
    private final PoolingAsyncClientConnectionManager pool;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Executor continuation;
    private final ExecutorService blockingReads;
    // requests waiting out a 429: closing the transport ends their wait, which no scheduler would end any more
    private final Set<RateLimitWait> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

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
        // InputStream attachments may block for any time: they are read here, never on an I/O thread
        this.blockingReads = Executors.newCachedThreadPool(threads("LiveDeskAttachmentReader"));
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
                .setHttp1Config(http1Config())
                // no LoggingIOSession: HttpClient's wire log would print the Authorization header in clear text
                .setIoSessionDecorator(session -> session);
        proxy(builder, options);
        RequestProgress.install(builder);
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

    /**
     * The one place HTTP/1.1 message limits are configured: a hostile or broken answer fails its own request instead
     * of filling the heap (and killing the I/O reactor, and with it every later request); HttpCore's defaults have no
     * bound.
     */
    private static Http1Config http1Config() {
        return Http1Config.custom()
                .setMaxLineLength(MAX_RESPONSE_LINE_LENGTH)
                .setMaxHeaderCount(MAX_RESPONSE_HEADER_COUNT)
                .build();
    }

    /**
     * The one place TLS is configured: the given context or the JVM's default (its trust store), and host names
     * verified by HttpClient's verifier as well as by the JDK's endpoint identification. The JDK check alone is skipped
     * with trust managers that are not {@code X509ExtendedTrustManager}s, which custom trust stores
     * ({@code sslContextParameters}) may give: a trusted certificate must never be accepted for another host.
     */
    private static TlsStrategy tlsStrategy(Options options) {
        return ClientTlsStrategyBuilder.create()
                .setSslContext(options.sslContext() != null ? options.sslContext() : SSLContexts.createDefault())
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                .buildAsync();
    }

    private static void proxy(HttpAsyncClientBuilder builder, Options options) {
        HttpHost proxy = options.proxy();
        if (proxy == null) {
            return;
        }
        builder.setProxy(proxy);
        if (options.proxyUsername() != null) {
            ProxyAuthorization.install(builder, options.proxyUsername(), options.proxyPassword());
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

    /** Where {@code InputStream} attachments are read. */
    Executor blockingReads() {
        return blockingReads;
    }

    /**
     * Runs {@code retry} after {@code delay}, or {@code giveUp} if the transport is closed first.
     *
     * @return false when the transport is closing and cannot wait
     */
    boolean afterRateLimitWait(Duration delay, Runnable retry, Runnable giveUp) {
        RateLimitWait wait = new RateLimitWait(giveUp);
        waiting.add(wait);
        try {
            scheduler.schedule(() -> {
                if (waiting.remove(wait)) {
                    retry.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            waiting.remove(wait);
            return false;
        }
        if (closed && waiting.remove(wait)) {
            // closed while the wait was being scheduled
            giveUp.run();
        }
        return true;
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
        closed = true;
        for (RateLimitWait wait : List.copyOf(waiting)) {
            if (waiting.remove(wait)) {
                wait.giveUp.run();
            }
        }
        if (pool != null) {
            http.close(CloseMode.GRACEFUL);
        }
        scheduler.shutdownNow();
        workers.shutdown();
        // interrupts reads of InputStream attachments still under way
        blockingReads.shutdownNow();
    }

    /** A request waiting out a 429; identity matters, so not a record. */
    private static final class RateLimitWait {
        private final Runnable giveUp;

        RateLimitWait(Runnable giveUp) {
            this.giveUp = giveUp;
        }
    }

    @Override
    public String toString() {
        return "LiveDeskTransport[" + (pool == null ? "user's client" : pool.getTotalStats()) + "]";
    }
}
