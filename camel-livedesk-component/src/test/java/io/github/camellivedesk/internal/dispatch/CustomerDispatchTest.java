package io.github.camellivedesk.internal.dispatch;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.internal.CustomerConversation;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.internal.RateLimitPolicy;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.ContactInbox;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message addressed to a customer through the dispatcher: sent to the customer's conversation, found or created
 * first; a remembered conversation answered 404 healed once; the answer naming the conversation it went to.
 */
class CustomerDispatchTest {

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    private final Dispatcher dispatcher = new Dispatcher(
            () -> new Dispatcher.Settings(RateLimit.NONE, RateLimit.NONE, 100, 100, null), () -> scheduler,
            scheduler::nanoTime);
    /** What each request reached, in order. */
    private final List<String> sent = new ArrayList<>();
    /** The next conversation ids LiveDesk creates. */
    private final Deque<Long> newConversations = new ArrayDeque<>(List.of(141L, 160L, 170L));
    /** The conversations that answer 404. */
    private final List<String> gone = new ArrayList<>();
    private final Dispatcher.Sender sender = new Dispatcher.Sender((request, attempt) -> {
        if (request instanceof LiveDeskRequest.CreateContact) {
            sent.add("contact");
            return answer(new LiveDeskContact(7, null, null, "+4915100000001", null, null, List.<ContactInbox>of()));
        }
        if (request instanceof LiveDeskRequest.CreateConversation) {
            long id = newConversations.removeFirst();
            sent.add("conversation " + id);
            return answer(new LiveDeskConversation(id, 79L, "open", 7L, null, null, null));
        }
        String conversation = ((LiveDeskRequest.Send) request).conversationId().value();
        sent.add("message to " + conversation);
        if (gone.contains(conversation)) {
            return CompletableFuture.failedFuture(
                    new LiveDeskHttpException(404, "Not Found", "Resource could not be found", "", null));
        }
        return answer(new LiveDeskMessage(1L, "hi", null, null, null, null, null, null, null, null, null, null, null,
                null, null));
    }, new RateLimitPolicy(2, Duration.ofMinutes(1), Duration.ofSeconds(1)), true, "http://livedesk.test");

    @AfterEach
    void stop() {
        dispatcher.stop();
    }

    @Test
    void aMessageToANewCustomerGoesToTheConversationCreatedForItAndSaysWhichOne() {
        dispatcher.start();

        LiveDeskResponse response = dispatcher.submit(toCustomer("hi"), sender).join();

        assertThat(sent).containsExactly("contact", "conversation 141", "message to 141");
        assertThat(response.customer()).isEqualTo(new CustomerConversation("141", 7));
    }

    @Test
    void aRememberedConversationAnswered404IsLookedUpAgainOnceAndTheMessageSentThere() {
        dispatcher.start();
        dispatcher.submit(toCustomer("first"), sender).join();
        gone.add("141");

        LiveDeskResponse response = dispatcher.submit(toCustomer("second"), sender).join();

        assertThat(sent).containsExactly("contact", "conversation 141", "message to 141", "message to 141",
                "contact", "conversation 160", "message to 160");
        assertThat(response.customer()).isEqualTo(new CustomerConversation("160", 7));
    }

    @Test
    void aConversationStillGoneAfterTheLookUpFailsTheMessage() {
        dispatcher.start();
        dispatcher.submit(toCustomer("first"), sender).join();
        gone.addAll(List.of("141", "160"));

        CompletableFuture<LiveDeskResponse> response = dispatcher.submit(toCustomer("second"), sender);

        assertThat(response).isCompletedExceptionally();
        assertThat(sent).containsExactly("contact", "conversation 141", "message to 141", "message to 141",
                "contact", "conversation 160", "message to 160");
    }

    @Test
    void aConversationJustCreatedThatAnswers404IsNotLookedUpAgain() {
        dispatcher.start();
        gone.add("141");

        CompletableFuture<LiveDeskResponse> response = dispatcher.submit(toCustomer("hi"), sender);

        assertThat(response).isCompletedExceptionally();
        assertThat(sent).containsExactly("contact", "conversation 141", "message to 141");
    }

    @Test
    void aStreamThatWasReadIsNotSentAgainAfterA404() {
        dispatcher.start();
        dispatcher.submit(toCustomer("first"), sender).join();
        gone.add("141");
        LiveDeskRequest.Send withStream = new LiveDeskRequest.Send(new Resolved<>(null, "customer headers"),
                customer(), new Resolved<>(null, "body"), new Resolved<>(false, "option"),
                new Resolved<>(null, "option"), new Resolved<>(List.of(Attachment.of("a.txt",
                        new ByteArrayInputStream(new byte[]{ 1 }), 1)), "body"));

        CompletableFuture<LiveDeskResponse> response = dispatcher.submit(withStream, sender);

        assertThat(response).isCompletedExceptionally();
        assertThat(sent).containsExactly("contact", "conversation 141", "message to 141", "message to 141");
    }

    private static CompletableFuture<LiveDeskResponse> answer(Object answer) {
        return CompletableFuture.completedFuture(new LiveDeskResponse(200, answer));
    }

    private static LiveDeskRequest.Send toCustomer(String text) {
        return new LiveDeskRequest.Send(new Resolved<>(null, "customer headers"), customer(),
                new Resolved<>(text, "body"), new Resolved<>(false, "option"), new Resolved<>(null, "option"),
                new Resolved<>(List.of(), "body"));
    }

    private static LiveDeskRequest.CreateContact customer() {
        return new LiveDeskRequest.CreateContact(new Resolved<>(79L, "option"), new Resolved<>(null, "header"),
                new Resolved<>(null, "header"), new Resolved<>("+4915100000001", "header"),
                new Resolved<>(null, "header"), new Resolved<>(null, "header"));
    }
}
