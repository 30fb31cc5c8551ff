package io.github.camellivedesk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.NewContact;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input to livedesk:contact, livedesk:conversation and livedesk:status is refused before any request, with
 * a message naming the header, option or field, the problem and the fix.
 */
class CustomerOperationsValidationTest extends LiveDeskTestSupport {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("contact without identifier, phone or email", "livedesk:contact?inboxId=79",
                        NewContact.builder().name("Ana").build(), Map.of(),
                        List.of("contact: has no identifier, phone number or email",
                                "CamelLiveDeskCustomerIdentifier")),
                Arguments.of("phone number not E.164", "livedesk:contact?inboxId=79", null,
                        Map.of(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "0151 123"),
                        List.of("header CamelLiveDeskCustomerPhoneNumber: '0151 123' is not a phone number in E.164",
                                "+4915112345678")),
                Arguments.of("phone number with a leading zero", "livedesk:contact?inboxId=79",
                        NewContact.builder().phoneNumber("+0151123").build(), Map.of(),
                        List.of("body NewContact: '+0151123' is not a phone number")),
                Arguments.of("email without a domain", "livedesk:contact?inboxId=79", null,
                        Map.of(LiveDeskConstants.CUSTOMER_EMAIL, "ana@example"),
                        List.of("header CamelLiveDeskCustomerEmail: 'ana@example' is not an email address")),
                Arguments.of("inbox id not a number", "livedesk:contact", null,
                        Map.of(LiveDeskConstants.INBOX_ID, "inbox-7", LiveDeskConstants.CUSTOMER_IDENTIFIER, "c-1"),
                        List.of("header CamelLiveDeskInboxId: 'inbox-7' (String) is not a numeric inbox id (Long)")),
                Arguments.of("inbox id missing", "livedesk:contact", null,
                        Map.of(LiveDeskConstants.CUSTOMER_IDENTIFIER, "c-1"),
                        List.of("endpoint option inboxId: is not set and there is no CamelLiveDeskInboxId header")),
                Arguments.of("inbox id zero", "livedesk:contact?inboxId=0", null,
                        Map.of(LiveDeskConstants.CUSTOMER_IDENTIFIER, "c-1"),
                        List.of("endpoint option inboxId: '0' is not an inbox id")),
                Arguments.of("contact Map with an unknown key", "livedesk:contact?inboxId=79",
                        Map.of("phone", "+4915112345678"), Map.of(),
                        List.of("body Map: has the unknown key 'phone'", "phone_number")),
                Arguments.of("conversation without a contact", "livedesk:conversation?inboxId=79", null, Map.of(),
                        List.of("conversation: names no contact", "CamelLiveDeskContactId")),
                Arguments.of("conversation with contact id not a number", "livedesk:conversation?inboxId=79", null,
                        Map.of(LiveDeskConstants.CONTACT_ID, "ana"),
                        List.of("header CamelLiveDeskContactId: 'ana' (String) is not a contact id (Long)")),
                Arguments.of("status outside the set", "livedesk:status?conversationId=141", "closed", Map.of(),
                        List.of("body: 'closed' is not a conversation status", "open, resolved, pending or snoozed")),
                Arguments.of("status missing", "livedesk:status?conversationId=141", null, Map.of(),
                        List.of("endpoint option status: is not set", "CamelLiveDeskNewStatus")),
                Arguments.of("snoozed until the past", "livedesk:status?conversationId=141&status=snoozed", null,
                        Map.of(LiveDeskConstants.SNOOZED_UNTIL, Instant.now().minusSeconds(60)),
                        List.of("header CamelLiveDeskSnoozedUntil:", "is not in the future")),
                Arguments.of("snoozed until with another status", "livedesk:status?conversationId=141&status=open",
                        null, Map.of(LiveDeskConstants.SNOOZED_UNTIL, Instant.now().plusSeconds(3600)),
                        List.of("header CamelLiveDeskSnoozedUntil: is set for status 'open'",
                                "only with status snoozed")),
                Arguments.of("status without a conversation", "livedesk:status?status=resolved", null, Map.of(),
                        List.of("endpoint option conversationId: is not set")),
                // send and template addressed to a customer
                Arguments.of("send to neither a conversation nor a customer", "livedesk:send?inboxId=79", "hi",
                        Map.of(), List.of("endpoint option conversationId: is not set, and neither the "
                                + "CamelLiveDeskConversationId header nor a customer header is",
                                "CamelLiveDeskCustomerPhoneNumber", "inboxId option")),
                Arguments.of("send to a customer without an inbox", "livedesk:send", "hi",
                        Map.of(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "+4915112345678"),
                        List.of("endpoint option inboxId: is not set and there is no CamelLiveDeskInboxId header")),
                Arguments.of("send to a customer whose phone number is not E.164", "livedesk:send?inboxId=79", "hi",
                        Map.of(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "0049 151"),
                        List.of("header CamelLiveDeskCustomerPhoneNumber: '0049 151' is not a phone number in E.164")),
                Arguments.of("template to a customer whose email is not one",
                        "livedesk:template?inboxId=79&templateName=order_update&templateLanguage=en_US", null,
                        Map.of(LiveDeskConstants.CUSTOMER_EMAIL, "ana(at)example.com"),
                        List.of("header CamelLiveDeskCustomerEmail: 'ana(at)example.com' is not an email address")),
                Arguments.of("send to a customer with an inbox id that is not a number", "livedesk:send", "hi",
                        Map.of(LiveDeskConstants.CUSTOMER_IDENTIFIER, "c-1", LiveDeskConstants.INBOX_ID, "sales"),
                        List.of("header CamelLiveDeskInboxId: 'sales' (String) is not a numeric inbox id (Long)")),
                Arguments.of("send to a customer with only a blank identifier", "livedesk:send?inboxId=79", "hi",
                        Map.of(LiveDeskConstants.CUSTOMER_IDENTIFIER, " "),
                        List.of("contact: has no identifier, phone number or email")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedBeforeAnyRequest(String name, String uri, Object body, Map<String, Object> headers,
            List<String> fragments) throws Exception {
        int before = simulator().requestCount();

        Exchange exchange = send(uri, body, headers);

        assertThat(exchange.getException()).isInstanceOf(LiveDeskValidationException.class);
        assertThat(exchange.getException().getMessage()).contains(fragments);
        assertThat(simulator().requestCount()).as("requests sent").isEqualTo(before);
    }
}
