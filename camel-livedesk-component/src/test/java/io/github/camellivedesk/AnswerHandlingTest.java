package io.github.camellivedesk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** How answers the simulator does not give reach the exchange: other 2xx codes, failures without ids, late answers. */
class AnswerHandlingTest {

    private CamelContext context;

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    private LiveDeskComponent start(StubLiveDesk stub, String uri) throws Exception {
        context = new DefaultCamelContext();
        LiveDeskComponent component = new LiveDeskComponent();
        component.getConfiguration().setApiKey("key");
        component.getConfiguration().setApiSecret("secret");
        component.getConfiguration().setBaseUrl(stub.baseUrl());
        context.addComponent("livedesk", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
            }
        });
        return component;
    }

    @Test
    void theStatusLiveDeskAnsweredIsInTheResponseCodeHeader() throws Exception {
        try (StubLiveDesk stub = StubLiveDesk.answering(201, StubLiveDesk.DOCUMENTED_ANSWER)) {
            start(stub, "livedesk:send?conversationId=141");
            context.start();

            Exchange exchange = context.createProducerTemplate().request("direct:send",
                    e -> e.getMessage().setBody("hi"));

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(201);
        }
    }

    @Test
    void failedMessageWithoutConversationIdNamesTheConversationOfTheRequest() throws Exception {
        // the failure example of LiveDesk's documentation: only id, status and content_attributes
        String failed = "{\"id\":3031,\"status\":\"failed\",\"content_attributes\":"
                + "{\"external_error\":\"131047: Re-engagement message is not allowed\"}}";
        try (StubLiveDesk stub = StubLiveDesk.answering(200, failed)) {
            start(stub, "livedesk:send");
            context.start();

            Exchange exchange = context.createProducerTemplate().request("direct:send", e -> {
                e.getMessage().setBody("hi");
                e.getMessage().setHeader(LiveDeskConstants.CONVERSATION_ID, "141");
            });

            assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskMessageFailedException.class, e -> {
                assertThat(e.getMessage()).isEqualTo("LiveDesk message 3031 in conversation 141 failed: "
                        + "131047: Re-engagement message is not allowed");
                assertThat(e.getMessageId()).isEqualTo(3031L);
            });
        }
    }

    @Test
    void answerArrivingAfterTheWorkersStoppedStillCompletesTheExchange() throws Exception {
        // a client the user gave outlives the component, so an answer can arrive after the component stopped
        try (StubLiveDesk stub = StubLiveDesk.answering(200, StubLiveDesk.DOCUMENTED_ANSWER).holdingAnswers();
                CloseableHttpAsyncClient shared = HttpAsyncClients.createDefault()) {
            shared.start();
            LiveDeskComponent component = start(stub, "livedesk:send?conversationId=141&continueOnIoThread=false");
            component.setHttpClient(shared);
            context.start();

            // sent from this thread, so the component stops only after the producer handed the exchange over and
            // returned; a template's own thread could still be inside the producer when the component stops
            AsyncProducer direct = context.getEndpoint("direct:send").createAsyncProducer();
            ServiceHelper.startService(direct);
            Exchange hi = context.getEndpoint("direct:send").createExchange();
            hi.getMessage().setBody("hi");
            CompletableFuture<Exchange> sent = new CompletableFuture<>();
            boolean doneSync = direct.process(hi, sync -> sent.complete(hi));
            assertThat(doneSync).as("the exchange waits for the answer").isFalse();
            assertThat(stub.awaitRequest()).as("the request reached the server").isTrue();
            component.stop();
            stub.releaseAnswers();

            Exchange exchange = sent.get(30, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(LiveDeskMessage.class).id()).isEqualTo(3030L);
        }
    }
}
