package io.github.camellivedesk.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.github.camellivedesk.LiveDeskConfiguration;
import io.github.camellivedesk.internal.LiveDeskBinding;
import io.github.camellivedesk.internal.LiveDeskJson;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.RequestRules;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.SendMessageRequest;

/**
 * The per-message work of {@code livedesk:send} for a text message, without the network: binding the exchange to a
 * request and validating it, writing its JSON, and reading the documented answer. Target: at most 5 microseconds in all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageMappingBenchmark {

    static final byte[] DOCUMENTED_ANSWER = Workload.DOCUMENTED_ANSWER.getBytes(StandardCharsets.UTF_8);

    private CamelContext context;
    private LiveDeskBinding binding;
    private RequestRules validator;
    private Exchange exchange;
    private SendMessageRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        context = new DefaultCamelContext();
        context.start();
        // the options an endpoint livedesk:send?conversationId=141 gives its binding and rules
        LiveDeskConfiguration defaults = new LiveDeskConfiguration();
        binding = new LiveDeskBinding(new LiveDeskBinding.Defaults(
                new Resolved<>("141", "endpoint option conversationId"),
                new Resolved<>(false, "endpoint option privateMessage"),
                new Resolved<>(null, "endpoint option inReplyTo"),
                new Resolved<>(null, "endpoint option messageId"), new Resolved<>(null, "endpoint option templateName"),
                new Resolved<>(null, "endpoint option templateLanguage"), null, null,
                new Resolved<>(null, "endpoint option inboxId"), new Resolved<>(null, "endpoint option status")));
        validator = new RequestRules(defaults.getMaxContentLength(), defaults.getMaxAttachments(),
                defaults.getMaxAttachmentSize());
        exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("Agent sending message, is it normal?");
        request = SendMessageRequest.builder().content("Agent sending message, is it normal?").privateMessage(false)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public LiveDeskRequest mapExchange() {
        return validator.validate(binding.send(exchange));
    }

    /** What Camel's exchange machinery costs before the producer runs: a new exchange and its message with the body. */
    @Benchmark
    public Exchange newExchange() {
        Exchange fresh = new DefaultExchange(context);
        fresh.getMessage().setBody("Agent sending message, is it normal?");
        return fresh;
    }

    @Benchmark
    public byte[] writeRequestJson() throws Exception {
        return LiveDeskJson.writer().writeValueAsBytes(request);
    }

    @Benchmark
    public LiveDeskMessage readAnswer() throws Exception {
        return LiveDeskJson.messageReader().readValue(DOCUMENTED_ANSWER);
    }

    /** All three, as one message costs. */
    @Benchmark
    public Object perMessage() throws Exception {
        validator.validate(binding.send(exchange));
        LiveDeskJson.writer().writeValueAsBytes(request);
        return LiveDeskJson.messageReader().readValue(DOCUMENTED_ANSWER);
    }
}
