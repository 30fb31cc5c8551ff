package io.github.camellivedesk.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
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
 * Everything a component's requests share: the Apache HttpClient 5 async client and its connection pool (or a client
 * the user gave, which is left open), the scheduler for request deadlines, pacing and 429 waits, the worker threads
 * routes continue on with {@code continueOnIoThread=false}, and the threads that read {@code InputStream}
 * attachments. A Camel service of the component: it reads the component's options and takes its threads from Camel's
 * {@link ExecutorServiceManager} when it starts (so thread pool profiles, JMX and Camel's shutdown know them, and a
 * thread dump names them {@code LiveDesk...}), and gives them back when it stops.
 */
public final class LiveDeskTransport extends ServiceSupport {

    /**
     * The component's transport options, read when the transport starts; their defaults are the component's.
     *
     * @param maxConnections connections in the pool (LiveDesk is one host, so also per route)
     * @param connectTimeout time to establish a connection (TCP and TLS)
     * @param sslContext     TLS context; null for the JVM default (host names are verified with either)
     * @param proxy          HTTP proxy, or null
     * @param proxyUsername  proxy user, or null
     * @param proxyPassword  proxy password, or null
     * @param userClient     a started client the user owns, used instead of building one (the other options then do
     *                       not apply), or null
     */
    public record Options(int maxConnections, Duration connectTimeout, SSLContext sslContext, HttpHost proxy,
            String proxyUsername, String proxyPassword, CloseableHttpAsyncClient userClient) {

        @Override
        public String toString() {
            return "Options[maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeout + ", proxy="
                    + (proxy == null ? "none" : proxy) + (userClient == null ? "" : ", user's client") + "]";
        }
    }

    /** The longest status or header line accepted in an answer. */
    static final int MAX_RESPONSE_LINE_LENGTH = 16 * 1024;
    /** The most header lines accepted in an answer. */
    static final int MAX_RESPONSE_HEADER_COUNT = 200;

    /** The name of the worker pool and of the thread pool profile a user may register to size it. */
    public static final String WORKERS = "LiveDeskWorker";

    private final Supplier<Options> options;
    private final Supplier<ExecutorServiceManager> threads;
    private final Object owner;
    // set while started
    private volatile CloseableHttpAsyncClient http;
    private volatile PoolingAsyncClientConnectionManager pool;
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workers;
    private volatile ExecutorService blockingReads;
    private final Executor continuation = this::continueOnWorker;
    // requests handed to HttpClient and not answered yet: a graceful close does not always end them (seen under
    // load: an exchange on a silent connection never heard back), so stopping cancels what is left
    private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param options read each time the transport starts
     * @param threads Camel's thread pools, asked for when the transport starts
     * @param owner   what Camel names the thread pools after (the component)
     */
    public LiveDeskTransport(Supplier<Options> options, Supplier<ExecutorServiceManager> threads, Object owner) {
        this.options = options;
        this.threads = threads;
        this.owner = owner;
    }

    @Override
    protected void doStart() {
        Options settings = options.get();
        ExecutorServiceManager manager = threads.get();
        ScheduledExecutorService timer = manager.newSingleThreadScheduledExecutor(owner, "LiveDeskScheduler");
        if (timer instanceof ScheduledThreadPoolExecutor pool) {
            // every request schedules a deadline and cancels it on completion: drop cancelled ones at once
            pool.setRemoveOnCancelPolicy(true);
        }
        scheduler = timer;
        int cores = Runtime.getRuntime().availableProcessors();
        // a thread pool profile the user registered under this name wins over ours
        ThreadPoolProfile own = manager.getThreadPoolProfile(WORKERS);
        workers = manager.newThreadPool(owner, WORKERS, own != null ? own : workerProfile(cores));
        // InputStream attachments may block for any time: they are read here, never on an I/O thread
        blockingReads = manager.newCachedThreadPool(owner, "LiveDeskAttachmentReader");
        if (settings.userClient() != null) {
            http = settings.userClient();
            pool = null;
        } else {
            pool = newPool(settings);
            http = newClient(settings, pool, runnable -> manager.newThread("LiveDeskIO", runnable));
            http.start();
        }
    }

    @Override
    protected void doStop() {
        CloseableHttpAsyncClient client = http;
        if (pool != null && client != null) {
            // lets exchanges in flight finish
            client.close(CloseMode.GRACEFUL);
            for (Future<?> request : List.copyOf(inFlight)) {
                // its callback completes it as cancelled, saying whether it may have reached LiveDesk
                request.cancel(true);
            }
        }
        // a user's client stays open, and answers what it has in flight
        inFlight.clear();
        ExecutorServiceManager manager = threads.get();
        if (scheduler != null) {
            manager.shutdownNow(scheduler);
        }
        if (workers != null) {
            manager.shutdown(workers);
        }
        if (blockingReads != null) {
            // interrupts reads of InputStream attachments still under way
            manager.shutdownNow(blockingReads);
        }
    }

    /** Unbounded: every answer in flight must find a thread; Abort, so that a rejection is seen (continueOnWorker). */
    private static ThreadPoolProfile workerProfile(int cores) {
        ThreadPoolProfile profile = new ThreadPoolProfile(WORKERS);
        profile.setPoolSize(cores);
        profile.setMaxPoolSize(cores);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setMaxQueueSize(-1);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    private static PoolingAsyncClientConnectionManager newPool(Options options) {
        return PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(options.maxConnections())
                .setMaxConnPerRoute(options.maxConnections())
                .setDefaultConnectionConfig(connectionConfig(options))
                .setTlsStrategy(tlsStrategy(options))
                .build();
    }

    private static CloseableHttpAsyncClient newClient(Options options, PoolingAsyncClientConnectionManager pool,
            ThreadFactory ioThreads) {
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setThreadFactory(ioThreads)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()))
                        .setTcpNoDelay(true)
                        .build())
                // POST is not idempotent: the dispatcher decides what to resend (only what LiveDesk surely did not process)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setHttp1Config(http1Config())
                // no LoggingIOSession: HttpClient's wire log would print the Authorization header in clear text
                .setIoSessionDecorator(session -> session);
        proxy(builder, options);
        RequestProgress.install(builder);
        return builder.build();
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

    CloseableHttpAsyncClient http() {
        return http;
    }

    /** The timer thread: request deadlines, 429 waits and the component's pacing; null while stopped. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Tracks a request until it is answered, so that stopping can end it; see {@link #answered}. */
    void inFlight(Future<?> request) {
        inFlight.add(request);
        if (request.isDone()) {
            // answered before it was tracked
            inFlight.remove(request);
        }
    }

    /** A tracked request was answered (or failed, or cancelled). */
    void answered(Future<?> request) {
        inFlight.remove(request);
    }

    /** Where {@code InputStream} attachments are read. */
    Executor blockingReads() {
        return blockingReads;
    }

    /**
     * Runs route continuations on the worker threads; while they are not running (the component is stopping), on the
     * calling thread, so that no answer is ever dropped.
     */
    public Executor workers() {
        return continuation;
    }

    private void continueOnWorker(Runnable task) {
        ExecutorService pool = workers;
        if (pool == null) {
            task.run();
            return;
        }
        try {
            pool.execute(task);
        } catch (RejectedExecutionException shutDown) {
            task.run();
        }
    }

    /** Leased, pending, available and maximum connections of the own pool; null with a user's client or stopped. */
    public PoolStats poolStats() {
        PoolingAsyncClientConnectionManager own = pool;
        return own == null ? null : own.getTotalStats();
    }

    @Override
    public String toString() {
        PoolingAsyncClientConnectionManager own = pool;
        return "LiveDeskTransport[" + (own == null ? (http == null ? "stopped" : "user's client") : own.getTotalStats())
                + "]";
    }
}
