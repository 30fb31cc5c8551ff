package io.github.camellivedesk;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskStatusRefusedException;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.NewContact;
import io.github.camellivedesk.model.NewConversation;
import io.github.camellivedesk.model.StatusChange;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.SimulatedConversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * livedesk:contact, livedesk:conversation and livedesk:status through routes against the simulator: typed answers,
 * the ids in the answer's headers, and LiveDesk's refusals as typed errors.
 */
class CustomerOperationsTest extends LiveDeskTestSupport {

    private static final long INBOX = 79;

    @Test
    void aContactFromTheCustomerHeadersAnswersItsIdAndSourceId() throws Exception {
        Exchange exchange = send("livedesk:contact?inboxId=" + INBOX, null,
                Map.of(LiveDeskConstants.CUSTOMER_NAME, "Ana", LiveDeskConstants.CUSTOMER_PHONE_NUMBER,
                        "+4915112345678",
                        LiveDeskConstants.CUSTOMER_IDENTIFIER, "customer-1"));

        assertThat(exchange.getException()).isNull();
        LiveDeskContact contact = exchange.getMessage().getBody(LiveDeskContact.class);
        assertThat(contact.name()).isEqualTo("Ana");
        assertThat(contact.phoneNumber()).isEqualTo("+4915112345678");
        SimulatedContact stored = simulator().contact(contact.id()).orElseThrow();
        assertThat(stored.identifier()).isEqualTo("customer-1");
        assertThat(contact.sourceId(INBOX)).contains(stored.sourceId());
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.CONTACT_ID)).isEqualTo(contact.id());
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.SOURCE_ID)).isEqualTo(stored.sourceId());
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.HTTP_RESPONSE_CODE)).isEqualTo(200);
    }

    @Test
    void aContactFromABuilderAMapOrJsonWithTheInboxOfTheBodyOrHeader() throws Exception {
        Exchange fromBuilder = send("livedesk:contact",
                NewContact.builder().inboxId(INBOX).email("b@example.com").build());
        Exchange fromMap = send("livedesk:contact?inboxId=" + INBOX,
                Map.of("identifier", "customer-2", "name", "Carl"));
        Exchange fromJson = send("livedesk:contact", "{\"phone_number\":\"+4915199999999\"}",
                Map.of(LiveDeskConstants.INBOX_ID, String.valueOf(INBOX)));

        for (Exchange exchange : new Exchange[]{ fromBuilder, fromMap, fromJson }) {
            assertThat(exchange.getException()).isNull();
        }
        assertThat(simulator().contacts()).extracting(SimulatedContact::email, SimulatedContact::identifier,
                SimulatedContact::phoneNumber).contains(
                        tuple("b@example.com", null, null),
                        tuple(null, "customer-2", null),
                        tuple(null, null, "+4915199999999"));
    }

    @Test
    void aDuplicateIsA422ThatSaysWhatIsTakenAndIsNotRetryable() throws Exception {
        Map<String, Object> customer = Map.of(LiveDeskConstants.CUSTOMER_EMAIL, "dup@example.com");
        assertThat(send("livedesk:contact?inboxId=" + INBOX, null, customer).getException()).isNull();

        Exchange again = send("livedesk:contact?inboxId=" + INBOX, null, customer);

        assertThat(again.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, refused -> {
            assertThat(refused.getStatusCode()).isEqualTo(422);
            assertThat(refused.getMessage()).contains("already been taken");
            assertThat(refused.isRetryable()).isFalse();
        });
    }

    @Test
    void contactThenConversationThenMessageInOneRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:welcome")
                        .to("livedesk:contact?inboxId=" + INBOX)
                        .to("livedesk:conversation?inboxId=" + INBOX)
                        .setBody(constant("Welcome!"))
                        .to("livedesk:send")
                        // the conversation's answer said "open": that must not override this endpoint's status
                        .to("livedesk:status?status=resolved");
            }
        });

        Exchange exchange = template.request("direct:welcome", e -> e.getMessage()
                .setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "+4915100000001"));

        assertThat(exchange.getException()).isNull();
        long conversationId = Long
                .parseLong(exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID, String.class));
        SimulatedConversation conversation = simulator().conversation(conversationId);
        assertThat(conversation.contact()).hasValueSatisfying(
                contact -> assertThat(contact.phoneNumber()).isEqualTo("+4915100000001"));
        assertThat(conversation.messages()).extracting(message -> message.content()).containsExactly("Welcome!");
        assertThat(conversation.status().wireName()).isEqualTo("resolved");
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_STATUS)).isEqualTo("resolved");
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.CONTACT_ID))
                .isEqualTo(conversation.contact().orElseThrow().id());
    }

    @Test
    void aConversationBySourceIdAnswersItTyped() throws Exception {
        Exchange contact = send("livedesk:contact?inboxId=" + INBOX,
                NewContact.builder().identifier("customer-3").build());
        String sourceId = contact.getMessage().getHeader(LiveDeskConstants.SOURCE_ID, String.class);

        Exchange exchange = send("livedesk:conversation", NewConversation.withSource(INBOX, sourceId));

        assertThat(exchange.getException()).isNull();
        LiveDeskConversation conversation = exchange.getMessage().getBody(LiveDeskConversation.class);
        assertThat(conversation.inboxId()).isEqualTo(INBOX);
        assertThat(conversation.status()).isEqualTo("open");
        assertThat(conversation.sourceId()).contains(sourceId);
        assertThat(conversation.contact())
                .contains(contact.getMessage().getHeader(LiveDeskConstants.CONTACT_ID, Long.class));
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_STATUS)).isEqualTo("open");
    }

    @Test
    void aConversationWithAContactLiveDeskDoesNotKnowIsA404NamingIt() throws Exception {
        Exchange exchange = send("livedesk:conversation?inboxId=" + INBOX, null,
                Map.of(LiveDeskConstants.CONTACT_ID, 987654L));

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, missing -> {
            assertThat(missing.getStatusCode()).isEqualTo(404);
            assertThat(missing.getMessage()).contains("inbox 79 or contact 987654 does not exist");
        });
    }

    @Test
    void statusChangesAndARefusedTransitionNamesBothStates() throws Exception {
        Exchange resolved = send("livedesk:status?conversationId=141&status=resolved", null);
        assertThat(resolved.getException()).isNull();
        assertThat(resolved.getMessage().getBody(StatusChange.class).currentStatus()).isEqualTo("resolved");
        assertThat(resolved.getMessage().getHeader(LiveDeskConstants.CONVERSATION_STATUS)).isEqualTo("resolved");
        assertThat(simulator().conversation(141L).status().wireName()).isEqualTo("resolved");

        Exchange snoozed = send("livedesk:status?conversationId=141", "snoozed",
                Map.of(LiveDeskConstants.SNOOZED_UNTIL, Instant.now().plusSeconds(3600)));

        assertThat(snoozed.getException()).isInstanceOfSatisfying(LiveDeskStatusRefusedException.class, refused -> {
            assertThat(refused.getRequestedStatus()).isEqualTo("snoozed");
            assertThat(refused.getConversationId()).isEqualTo("141");
            assertThat(refused.getMessage()).contains("conversation 141 to snoozed", "resolved");
            assertThat(refused.isRetryable()).isFalse();
        });
        assertThat(simulator().conversation(141L).status().wireName()).isEqualTo("resolved");

        Exchange reopened = send("livedesk:status?conversationId=141", null,
                Map.of(LiveDeskConstants.NEW_STATUS, "open"));
        assertThat(reopened.getMessage().getHeader(LiveDeskConstants.CONVERSATION_STATUS)).isEqualTo("open");
    }

    @Test
    void snoozedUntilATimeGoesAsEpochSeconds() throws Exception {
        Instant until = Instant.now().plusSeconds(7200);
        Exchange exchange = send("livedesk:status?conversationId=142&status=snoozed", null,
                Map.of(LiveDeskConstants.SNOOZED_UNTIL, until.toString()));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().conversation(142L).snoozedUntil())
                .contains(Instant.ofEpochSecond(until.getEpochSecond()));
    }
}
