package io.github.camellivedesk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * {@code isRequestMayHaveReachedLiveDesk()} drives redelivery, so it is true only when bytes of the request may have
 * left: a failure before a connection carried the request says false. (The TLS host-name mismatch is covered by
 * {@link TlsHostnameVerificationTest}.)
 */
class NothingSentTest extends LiveDeskTestSupport {

    @Test
    void aBaseUrlWithUserInfoIsRefusedWithoutShowingIt() {
        String base = LIVEDESK.baseUrl().replace("http://", "http://someone:pa55word@");

        // refused when the route starts, or at the latest by the exchange: never on the wire
        Throwable thrown = catchThrowable(() -> {
            Exchange exchange = send("livedesk:send?conversationId=141&baseUrl=" + base, "never sent");
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        });

        assertThat(liveDeskCause(thrown)).isNotNull().satisfies(e -> {
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
            assertThat(e.getMessage()).contains("baseUrl").doesNotContain("pa55word");
        });
        assertThat(simulator().requestCount()).isZero();
    }

    private static LiveDeskException liveDeskCause(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof LiveDeskException liveDesk) {
                return liveDesk;
            }
        }
        return null;
    }

    @Test
    void aRequestStillWaitingForAConnectionWhenTheComponentStopsWasNotSent() throws Exception {
        // reads the request and answers nothing until the test is over: a peer that hangs, for as long as it takes
        CountDownLatch testOver = new CountDownLatch(1);
        try (HostileServer silent = new HostileServer(out -> {
            try {
                testOver.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            LiveDeskComponent oneConnection = new LiveDeskComponent();
            configure(oneConnection);
            oneConnection.setMaxConnections(1);
            context.addComponent("livedesk-one", oneConnection);
            Endpoint endpoint = context.getEndpoint("livedesk-one:send?conversationId=141&baseUrl=" + silent.baseUrl());
            AsyncProducer producer = endpoint.createAsyncProducer();
            ServiceHelper.startService(producer);
            Exchange inFlight = endpoint.createExchange();
            inFlight.getMessage().setBody("on the only connection");
            Exchange waiting = endpoint.createExchange();
            waiting.getMessage().setBody("waiting for a connection");
            CountDownLatch done = new CountDownLatch(2);

            producer.process(inFlight, doneSync -> done.countDown());
            await().atMost(30, TimeUnit.SECONDS).until(() -> silent.requests() == 1);
            producer.process(waiting, doneSync -> done.countDown());
            oneConnection.stop();

            boolean completed = done.await(60, TimeUnit.SECONDS);
            assertThat(completed).as("both exchanges completed: in flight " + inFlight.getException() + ", waiting "
                    + waiting.getException()).isTrue();
            assertThat(inFlight.getException()).isInstanceOfSatisfying(LiveDeskException.class,
                    e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).as("the request was written").isTrue());
            assertThat(waiting.getException()).isInstanceOfSatisfying(LiveDeskException.class,
                    e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).as("no connection ever carried it").isFalse());
            assertThat(silent.requests()).isEqualTo(1);
        } finally {
            testOver.countDown();
        }
    }
}
