package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * An embedded LiveDesk Send Message API on loopback, for tests, examples and benchmarks: Basic authentication,
 * the documented requests and answers, the service's validation and limits, WhatsApp's 24-hour window, the retry
 * call, streamed attachments, webhook deliveries, an inspection API and fault injection. Built on the JDK's HTTP server, so it brings
 * no dependency that could clash with an application's own.
 *
 * <pre>{@code
 * try (LiveDeskSimulator livedesk = LiveDeskSimulator.builder().conversations(141L).build().start()) {
 *     // point the client at livedesk.baseUrl() with livedesk.apiKey() / livedesk.apiSecret()
 * }
 * }</pre>
 */
public final class LiveDeskSimulator implements AutoCloseable {

    private static final String CAMEL_COMPONENT_PREFIX = "camel.component.livedesk.";
    private static final System.Logger LOG = System.getLogger(LiveDeskSimulator.class.getName());

    private final SimulatorSettings settings;
    private final MessageStore store;
    private final ContactBook contacts = new ContactBook();
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requestLog;
    private final MessageJson messageJson;
    private final ConversationJson conversationJson;
    private final Throttle throttle;
    private final ChangeFeed changes = new ChangeFeed();
    private HttpServer server;
    private ExecutorService executor;
    private ScheduledExecutorService scheduler;
    private ResponseWriter writer;
    private AttachmentStorage storage;
    private volatile WebhookSender webhooks;
    private String baseUrl;

    LiveDeskSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.store = new MessageStore(settings.messageRetention(), settings.inboxId(), changes);
        this.requestLog = new RequestLog(settings.requestLogSize(), settings.recordRequests(), changes);
        this.messageJson = new MessageJson(settings.inboxId(), settings.accountId());
        this.conversationJson = new ConversationJson(settings.accountId(), messageJson);
        this.throttle = new Throttle(settings.clientRateLimit(), settings.conversationRateLimit(), System::nanoTime);
    }

    /** A builder with the defaults: a free port on 127.0.0.1, key {@code simulator-key}, secret {@code simulator-secret}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; returns this. It changes no JVM-wide setting: for more than about 1,500 requests a second on
     * JDK 17, start the JVM with {@code -Dsun.net.httpserver.nodelay=true} (see the README, "Capacity").
     */
    public synchronized LiveDeskSimulator start() {
        if (server != null) {
            return this;
        }
        storage = AttachmentStorage.open(settings.storageDir());
        store.onEvicted(storage::delete);
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 1024);
        } catch (IOException e) {
            storage.close();
            throw new UncheckedIOException(
                    "Cannot start the LiveDesk simulator on " + settings.host() + ":" + settings.port(), e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "livedesk-simulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "livedesk-simulator-timer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        changes.answerOn(scheduler, executor);
        if (settings.webhookUrl() != null) {
            webhooks = new WebhookSender(settings.webhookUrl(), settings.webhookSecret(), settings.requestLogSize(),
                    changes);
            store.onEvents(new WebhookEvents(webhooks, messageJson, conversationJson, settings.accountId()));
        }
        String host = server.getAddress().getAddress().getHostAddress();
        baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
        AdminAccess access = new AdminAccess(settings.host(), settings.adminToken());
        access.listeningOn(server.getAddress().getPort());
        writer = new ResponseWriter(requestLog, scheduler, executor);
        MessageCreation messages = new MessageCreation(store, settings.autoCreateConversations(),
                new MessageUploads(storage, settings.maxAttachments(), settings.maxAttachmentSize()), storage,
                messageJson, baseUrl);
        server.createContext("/api/",
                new ApiHandler(faults, throttle, new Authentication(settings.apiKey(), settings.apiSecret()),
                        messages, new ContactCalls(contacts, store, settings.inboxId(), conversationJson),
                        new ConversationCalls(contacts, store, settings.inboxId(), conversationJson), writer));
        server.createContext(InspectionHandler.PREFIX, new InspectionHandler(store, contacts, requestLog, faults,
                throttle, messageJson, this::reset, this::webhookDeliveries, access, changes));
        server.createContext(DownloadHandler.PREFIX, new DownloadHandler(store, access));
        server.createContext("/",
                exchange -> ApiResponse.writeJson(exchange, 404, ErrorBodies.error("Resource could not be found")));
        seed();
        server.start();
        LOG.log(System.Logger.Level.DEBUG, "LiveDesk simulator listening on " + baseUrl);
        return this;
    }

    private void seed() {
        for (long id : settings.conversations()) {
            store.create(id);
        }
    }

    /** Stops listening and deletes the files it stored (and the storage folder, if it created it and it is empty). */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        if (webhooks != null) {
            store.onEvents(ConversationEvents.NONE);
            webhooks.close();
            webhooks = null;
        }
        executor.shutdownNow();
        scheduler.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        storage.close();
    }

    /**
     * Forgets every message, request, fault, refusal, attachment, contact and conversation; seeded conversations come
     * back empty, open, with open windows.
     */
    public void reset() {
        WebhookSender sender = webhooks;
        if (sender != null) {
            sender.clear();
        }
        faults.clear();
        if (writer != null) {
            writer.dropWaiting();
        }
        store.clear();
        contacts.clear();
        requestLog.clear();
        throttle.clear();
        if (storage != null) {
            storage.clear();
        }
        seed();
        changes.changed();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /** The port it listens on. */
    public int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /** The API key it accepts. */
    public String apiKey() {
        return settings.apiKey();
    }

    /** The API secret it accepts. */
    public String apiSecret() {
        return settings.apiSecret();
    }

    /**
     * The {@code camel.component.livedesk.*} properties that point the component at this simulator: {@code base-url},
     * {@code api-key} and {@code api-secret}, in the kebab-case that Camel Main, Spring Boot and Quarkus all bind. A
     * Camel Main test adds them with {@code main.configure().withInitialProperties(...)}, a Spring test through
     * {@code @DynamicPropertySource}, a Quarkus test resource returns them from {@code start()}.
     */
    public Map<String, String> camelComponentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CAMEL_COMPONENT_PREFIX + "base-url", baseUrl());
        properties.put(CAMEL_COMPONENT_PREFIX + "api-key", apiKey());
        properties.put(CAMEL_COMPONENT_PREFIX + "api-secret", apiSecret());
        return Collections.unmodifiableMap(properties);
    }

    /** The conversation with this id; {@link IllegalArgumentException} when there is none. */
    public SimulatedConversation conversation(long id) {
        return store.find(id)
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + id + " in the simulator; "
                        + "create it with createConversation(" + id + ") or builder().conversations(...)"));
    }

    /** Creates a conversation (or returns the existing one). */
    public SimulatedConversation createConversation(long id) {
        return store.create(id);
    }

    /** All conversations by id. */
    public List<SimulatedConversation> conversations() {
        return store.conversations();
    }

    /** The contacts created through the API, by id. */
    public List<SimulatedContact> contacts() {
        return contacts.all();
    }

    /** The contact with this id, if the API created it. */
    public Optional<SimulatedContact> contact(long id) {
        return contacts.find(id);
    }

    /** Every stored message across conversations, by id. */
    public List<StoredMessage> messages() {
        return store.messages();
    }

    /** The message with this id. */
    public Optional<StoredMessage> message(long id) {
        return store.message(id);
    }

    /** Every stored attachment. */
    public List<StoredAttachment> attachments() {
        return new ArrayList<>(store.attachments());
    }

    /** The recent API requests, oldest first (empty when built with {@code recordRequests(false)}). */
    public List<RecordedRequest> requests() {
        return requestLog.all();
    }

    /** How many API requests arrived since the start or the last reset. */
    public int requestCount() {
        return requestLog.count();
    }

    /** How many API requests the rate limits refused (429) since the start or the last reset. */
    public long throttledRequests() {
        return throttle.refused();
    }

    /**
     * The webhook deliveries since the start or the last reset, oldest first, once each has an answer or failed
     * (empty without {@code webhook(...)}): a delivery still waiting for its receiver is not listed yet.
     */
    public List<WebhookDelivery> webhookDeliveries() {
        WebhookSender sender = webhooks;
        return sender == null ? List.of() : sender.deliveries();
    }

    /**
     * The live inbox page, e.g. {@code http://127.0.0.1:41234/__simulator/ui}: open it in a browser to watch the
     * conversations and act as the customer (see the README, "The inbox page").
     */
    public String pageUrl() {
        return baseUrl() + InspectionHandler.PREFIX + InboxPage.PATH;
    }

    /** The change counter the inbox page waits on ({@code GET /__simulator/changes}). */
    long changeVersion() {
        return changes.version();
    }

    /** How many pages wait for a change right now. */
    int changesWaiting() {
        return changes.waiting();
    }

    /** The fault injection controls. */
    public FaultInjector faults() {
        return faults;
    }

    /** The folder attachments are stored in. */
    public Path storageDir() {
        requireStarted();
        return storage.folder();
    }

    SimulatorSettings settings() {
        return settings;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("The LiveDesk simulator is not started: call start()");
        }
    }

    @Override
    public String toString() {
        return "LiveDeskSimulator[" + (server == null ? "stopped" : baseUrl) + "]";
    }

    /** Settings of a {@link LiveDeskSimulator}; {@link #build()} takes a copy, so the builder can be reused. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String apiKey = "simulator-key";
        private String apiSecret = "simulator-secret";
        private long[] conversations = new long[0];
        private boolean autoCreateConversations;
        private long inboxId = 79;
        private long accountId = 14;
        private Path storageDir;
        private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private boolean recordRequests = true;
        private int requestLogSize = 10_000;
        private int messageRetention = 100_000;
        private int maxAttachments = 15;
        private long maxAttachmentSize = 40L * 1024 * 1024;
        private RateLimit clientRateLimit;
        private RateLimit conversationRateLimit;
        private String adminToken;
        private String webhookUrl;
        private String webhookSecret;

        private Builder() {
        }

        /** The address to listen on; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The API key it accepts. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The API secret it accepts. */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        /** Conversations that exist from the start and after every reset. */
        public Builder conversations(long... ids) {
            this.conversations = ids.clone();
            return this;
        }

        /** Whether a message to an unknown conversation creates it (default false: 404). */
        public Builder autoCreateConversations(boolean autoCreate) {
            this.autoCreateConversations = autoCreate;
            return this;
        }

        /** The {@code inbox_id} of answers; default 79. */
        public Builder inboxId(long inboxId) {
            this.inboxId = inboxId;
            return this;
        }

        /**
         * Where attachments are written; default a temporary folder deleted on close. A reset and close delete only
         * the files the simulator wrote there, so a folder with other files keeps them.
         */
        public Builder storageDir(Path storageDir) {
            this.storageDir = storageDir;
            return this;
        }

        /** Handler threads; default twice the cores, at least 4. Latency faults hold none of them. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** Whether to keep the request log (default true; off for long benchmarks). */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /** Messages kept per conversation, oldest dropped first; default 100,000. */
        public Builder messageRetention(int messages) {
            if (messages < 1) {
                throw new IllegalArgumentException("messageRetention must be at least 1");
            }
            this.messageRetention = messages;
            return this;
        }

        /** Attachments accepted per message; default 15, the service's limit. */
        public Builder maxAttachments(int max) {
            this.maxAttachments = max;
            return this;
        }

        /** Bytes accepted per attachment; default 40 MB, the service's limit. */
        public Builder maxAttachmentSize(long bytes) {
            this.maxAttachmentSize = bytes;
            return this;
        }

        /**
         * Refuses a client address's requests beyond {@code requests} in any sliding window of {@code period}, with
         * 429, a plain-text {@code Retry later} and {@code Retry-After} in whole seconds, storing nothing (LiveDesk:
         * about 3,000 a minute per client IP). Off by default; 0 turns it off.
         */
        public Builder clientRateLimit(int requests, Duration period) {
            this.clientRateLimit = RateLimit.of(requests, period);
            return this;
        }

        /**
         * Refuses requests to one conversation beyond {@code messages} in any sliding window of {@code period}, as
         * {@link #clientRateLimit} does (LiveDesk: about 200 messages a minute per conversation). Off by default; 0
         * turns it off.
         */
        public Builder conversationRateLimit(int messages, Duration period) {
            this.conversationRateLimit = RateLimit.of(messages, period);
            return this;
        }

        /**
         * A token the inspection and fault API ({@code /__simulator/}) then requires in the
         * {@code X-Simulator-Token} header, for a simulator reachable by others; default none (loopback checks only).
         */
        public Builder adminToken(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("adminToken must not be blank; pass null for no token");
            }
            this.adminToken = token;
            return this;
        }

        /**
         * Delivers the inbox's webhook events (as LiveDesk's API channel does) to {@code url}: a JSON POST per event,
         * with {@code X-Chatwoot-Delivery} and {@code X-Chatwoot-Timestamp}, and with a non-null {@code secret} an
         * {@code X-Chatwoot-Signature}; 5 s timeout, no retry, logged in {@link LiveDeskSimulator#webhookDeliveries()}.
         * Default none; a null {@code url} turns them off.
         */
        public Builder webhook(String url, String secret) {
            if (url != null) {
                WebhookSender.checkUrl(url);
            }
            if (secret != null && secret.isEmpty()) {
                throw new IllegalArgumentException(
                        "webhook secret must not be empty; pass null for unsigned deliveries");
            }
            this.webhookUrl = url;
            this.webhookSecret = url == null ? null : secret;
            return this;
        }

        /** A simulator with these settings, not yet started. */
        public LiveDeskSimulator build() {
            return new LiveDeskSimulator(settings());
        }

        SimulatorSettings settings() {
            List<Long> ids = new ArrayList<>();
            for (long id : conversations) {
                ids.add(id);
            }
            return new SimulatorSettings(host, port, apiKey, apiSecret, ids, autoCreateConversations, inboxId,
                    accountId,
                    storageDir, threads, recordRequests, requestLogSize, messageRetention, maxAttachments,
                    maxAttachmentSize,
                    clientRateLimit, conversationRateLimit, adminToken, webhookUrl, webhookSecret);
        }
    }
}
