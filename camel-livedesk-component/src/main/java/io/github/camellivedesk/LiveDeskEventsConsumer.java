package io.github.camellivedesk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camellivedesk.internal.events.Authenticity;
import io.github.camellivedesk.internal.events.BoundedBody;
import io.github.camellivedesk.internal.events.EventFilter;
import io.github.camellivedesk.internal.events.EventReader;
import io.github.camellivedesk.internal.events.RefusedDelivery;
import io.github.camellivedesk.internal.platformhttp.ServerRefusals;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.event.ContactEvent;
import io.github.camellivedesk.model.event.ConversationEvent;
import io.github.camellivedesk.model.event.LiveDeskEvent;
import io.github.camellivedesk.model.event.MessageEvent;

/**
 * {@code from("livedesk:events")}: receives LiveDesk's webhook deliveries on the runtime's own HTTP server, through a
 * {@code platform-http} consumer on the endpoint's path, whose engine (Vert.x, a servlet container) the runtime
 * brings. Each delivery goes, in this order: content type and size, signature or URL token, JSON into a typed event,
 * the filters, the delivery id (seen before: acknowledged, not routed), the route. It is answered 200 only once the
 * route completed, 500 when the route failed (its id is then forgotten, so a manual resend goes through), and a 4xx
 * with a short reason, without routing, when it is refused.
 * <p>
 * The filters come before the delivery id so that a shared repository only holds ids of deliveries that were routed.
 */
final class LiveDeskEventsConsumer extends DefaultConsumer {

    /** The query parameter of the webhook URL that carries the {@code webhookToken}. */
    static final String TOKEN_PARAMETER = "token";
    static final String DELIVERY_HEADER = "X-Chatwoot-Delivery";
    static final String TIMESTAMP_HEADER = "X-Chatwoot-Timestamp";
    static final String SIGNATURE_HEADER = "X-Chatwoot-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(LiveDeskEventsConsumer.class);
    // a UUID in Chatwoot; bounded so that a shared repository's key column (100 in Camel's JDBC one) always fits
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final LiveDeskConfiguration options;
    private Authenticity authenticity;
    private EventFilter filter;
    private IdempotentRepository repository;
    private boolean ownRepository;
    private Consumer http;
    private AutoCloseable serverRefusals;

    LiveDeskEventsConsumer(LiveDeskEndpoint endpoint, Processor processor, LiveDeskConfiguration options) {
        super(endpoint, processor);
        this.options = options;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        authenticity = new Authenticity(options.getWebhookSecret(), options.getWebhookToken(),
                Duration.ofMillis(options.getSignatureTolerance()));
        filter = EventFilter.of(options.getEvents(), options.getMessageTypes());
        repository = options.getIdempotentRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = MemoryIdempotentRepository
                    .memoryIdempotentRepository(LiveDeskConfiguration.DEFAULT_REMEMBERED_DELIVERIES);
        }
        ServiceHelper.startService(repository);
        if (!authenticity.checksAnything()) {
            LOG.warn("livedesk:events on {} checks no signature and no token: anyone who can reach this URL can post "
                    + "events to the route. Set webhookSecret (the API channel's webhook secret) or webhookToken.",
                    options.getPath());
        }
        try {
            // inside: without camel-platform-http on the class path the endpoint itself cannot be created
            Endpoint endpoint = getEndpoint().getCamelContext()
                    .getEndpoint("platform-http:" + options.getPath() + "?httpMethodRestrict=POST&muteException=true");
            http = endpoint.createConsumer(this::receive);
            ServiceHelper.startService(http);
            // what the server refuses before receive() runs (a body over its own limit) is answered 4xx without
            // the engine logging it at ERROR: hostile input must not fill the error log
            serverRefusals = ServerRefusals.answerQuietly((PlatformHttpEndpoint) endpoint, options.getPath());
        } catch (Exception e) {
            throw new RuntimeCamelException("livedesk:events cannot listen on " + options.getPath()
                    + " through platform-http: " + e.getMessage() + ". It needs the runtime's platform-http engine: "
                    + "camel-platform-http-main (Camel Main), camel-platform-http-starter (Spring Boot) or the "
                    + "camel-livedesk-quarkus extension (Quarkus)", e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (serverRefusals != null) {
            serverRefusals.close();
            serverRefusals = null;
        }
        ServiceHelper.stopService(http);
        http = null;
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    /** Answers one HTTP request; never throws, so platform-http logs nothing and sends exactly this answer. */
    private void receive(Exchange request) {
        int status;
        String reason;
        try {
            Message in = request.getIn();
            contentType(in.getHeader(Exchange.CONTENT_TYPE, String.class));
            BoundedBody.checkDeclaredLength(in.getHeader(Exchange.CONTENT_LENGTH, String.class),
                    options.getMaxBodySize());
            byte[] body = body(request);
            authenticity.verify(in.getHeader(TIMESTAMP_HEADER, String.class),
                    in.getHeader(SIGNATURE_HEADER, String.class),
                    token(in.getHeader(Exchange.HTTP_QUERY, String.class)),
                    body, Instant.now().getEpochSecond());
            LiveDeskEvent event = EventReader.read(body);
            String deliveryId = deliveryId(in.getHeader(DELIVERY_HEADER, String.class));
            Claim claim = !filter.accepts(event) ? null : deliveryId == null ? Claim.NEW : claim(deliveryId);
            if (claim == null) {
                status = 200;
                reason = "not routed: filtered out";
            } else if (claim == Claim.SEEN) {
                status = 200;
                reason = "not routed: delivery seen before";
            } else if (claim == Claim.UNAVAILABLE) {
                status = 503;
                reason = "delivery ids unavailable";
            } else {
                boolean routed = route(event, deliveryId);
                status = routed ? 200 : 500;
                reason = routed ? "routed" : "the route failed";
            }
        } catch (RefusedDelivery refused) {
            LOG.debug("Refused a delivery on {}: {} {}", options.getPath(), refused.status(), refused.reason());
            status = refused.status();
            reason = refused.reason();
        } catch (IOException e) {
            LOG.debug("Could not read a delivery on {}: {}", options.getPath(), e.toString());
            status = 400;
            reason = "body could not be read";
        } catch (RuntimeException e) {
            // a fault of this consumer, not of the delivery: LiveDesk will not resend, so it is said loudly
            LOG.warn("A delivery on {} could not be handled: {}", options.getPath(), e.toString());
            status = 500;
            reason = "the delivery could not be handled";
        }
        Message out = request.getMessage();
        // nothing of the request (its signature, its token parameter) goes back in the answer's headers
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        out.setBody(reason);
    }

    /** What claiming a delivery id in the repository found. */
    private enum Claim {
        /** Not seen before: this consumer routes it. */
        NEW,
        /** Seen before, or claimed by another instance at the same moment. */
        SEEN,
        /** The repository failed (e.g. its database is down): answered 503, not routed. */
        UNAVAILABLE
    }

    private Claim claim(String deliveryId) {
        // added before routing, so that the same delivery posted to two instances at once is routed by one
        try {
            return repository.add(deliveryId) ? Claim.NEW : Claim.SEEN;
        } catch (RuntimeException e) {
            try {
                // a shared repository may refuse the second of two simultaneous claims with an exception of its own
                // (Camel's JDBC one: a duplicate key) instead of false: if the id is there now, another instance has it
                if (repository.contains(deliveryId)) {
                    return Claim.SEEN;
                }
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            // LiveDesk will not resend: said loudly
            LOG.warn("A delivery on {} could not be checked against the delivery ids seen: {}", options.getPath(),
                    e.toString());
            return Claim.UNAVAILABLE;
        }
    }

    /** Routes the event; true once the route completed without an exception. */
    private boolean route(LiveDeskEvent event, String deliveryId) {
        Exchange exchange = createExchange(false);
        boolean completed = false;
        try {
            bind(exchange.getIn(), event, deliveryId);
            getProcessor().process(exchange);
            completed = exchange.getException() == null;
        } catch (Exception e) {
            exchange.setException(e);
            getExceptionHandler().handleException("livedesk:events could not route a delivery", exchange, e);
        } finally {
            if (deliveryId != null) {
                settle(deliveryId, completed);
            }
            releaseExchange(exchange, false);
        }
        return completed;
    }

    /** Confirms a routed delivery's id, or forgets a failed one's; a repository fault changes no answer. */
    private void settle(String deliveryId, boolean completed) {
        try {
            if (completed) {
                repository.confirm(deliveryId);
            } else {
                // forgotten, so that the same delivery sent again (by hand: LiveDesk does not) is routed
                repository.remove(deliveryId);
            }
        } catch (RuntimeException e) {
            LOG.warn("The delivery id of a delivery on {} could not be {}: {}", options.getPath(),
                    completed ? "confirmed" : "forgotten", e.toString());
        }
    }

    private static void bind(Message in, LiveDeskEvent event, String deliveryId) {
        in.setBody(event);
        in.setHeader(LiveDeskConstants.EVENT, event.event());
        if (deliveryId != null) {
            in.setHeader(LiveDeskConstants.DELIVERY_ID, deliveryId);
        }
        if (event instanceof MessageEvent messageEvent) {
            LiveDeskMessage message = messageEvent.message();
            in.setHeader(LiveDeskConstants.MESSAGE_ID, message.id());
            in.setHeader(LiveDeskConstants.MESSAGE_DIRECTION, messageEvent.kind());
            if (message.conversationId() != null) {
                in.setHeader(LiveDeskConstants.CONVERSATION_ID, String.valueOf(message.conversationId()));
            }
            if (message.status() != null) {
                in.setHeader(LiveDeskConstants.MESSAGE_STATUS, message.status());
            }
            message.externalError().ifPresent(error -> in.setHeader(LiveDeskConstants.EXTERNAL_ERROR, error.raw()));
        }
        if (event instanceof ConversationEvent conversationEvent) {
            LiveDeskConversation conversation = conversationEvent.conversation();
            in.setHeader(LiveDeskConstants.CONVERSATION_ID, String.valueOf(conversation.id()));
            if (conversation.status() != null) {
                in.setHeader(LiveDeskConstants.CONVERSATION_STATUS, conversation.status());
            }
            conversation.contact().ifPresent(contact -> in.setHeader(LiveDeskConstants.CONTACT_ID, contact));
        }
        if (event instanceof ContactEvent contactEvent) {
            in.setHeader(LiveDeskConstants.CONTACT_ID, contactEvent.contact().id());
        }
    }

    private static void contentType(String contentType) throws RefusedDelivery {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new RefusedDelivery(415, "Content-Type must be application/json");
        }
    }

    /** The body, read no further than the limit when the server hands a stream. */
    private byte[] body(Exchange request) throws RefusedDelivery, IOException {
        Object body = request.getIn().getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return BoundedBody.check(bytes, options.getMaxBodySize());
        }
        if (body instanceof InputStream stream) {
            try (stream) {
                return BoundedBody.read(stream, options.getMaxBodySize());
            }
        }
        // a body the server already holds whole (Vert.x: a Buffer): copied once, then checked
        byte[] bytes = request.getContext().getTypeConverter().tryConvertTo(byte[].class, request, body);
        if (bytes == null) {
            throw new RefusedDelivery(400, "body could not be read");
        }
        return BoundedBody.check(bytes, options.getMaxBodySize());
    }

    /** The token query parameter of the request's URL, decoded; null when there is none. */
    static String token(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (name.equals(TOKEN_PARAMETER)) {
                try {
                    return equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String deliveryId(String header) throws RefusedDelivery {
        if (header == null || header.isEmpty()) {
            // LiveDesk documents no delivery id: such a delivery is routed, without de-duplication
            return null;
        }
        if (!DELIVERY_ID.matcher(header).matches()) {
            throw new RefusedDelivery(400, DELIVERY_HEADER + " is not an id of up to 100 letters, digits, '.', '_', "
                    + "':' or '-'");
        }
        return header;
    }
}
