package io.github.camellivedesk.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts over HTTP: LiveDesk's documented create, and Chatwoot's search and conversation list it is built on. */
class ContactApiTest {

    private static final String CONTACTS = "/api/v2/accounts/contacts";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** No seeded conversation: the contact calls need none. */
    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().build();

    private final Api api = new Api(LIVEDESK.simulator());

    @Test
    @SuppressWarnings("unchecked")
    void createsAContactWithTheDocumentedFieldsAndItsContactInbox() throws Exception {
        HttpResponse<String> response = api.postJson(CONTACTS, "{\"inbox_id\":79,\"name\":\"Test\","
                + "\"email\":\"Alice@Acme.inc\",\"phone_number\":\"+123456789\","
                + "\"avatar_url\":\"https://example.com/avatar.png\",\"identifier\":\"1234567890\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> contact = (Map<String, Object>) ((Map<String, Object>) Api.json(response).get("payload"))
                .get("contact");
        assertThat(contact).containsEntry("id", 1).containsEntry("name", "Test")
                .containsEntry("email", "alice@acme.inc").containsEntry("phone_number", "+123456789")
                .containsEntry("identifier", "1234567890").containsEntry("availability_status", "offline")
                .containsEntry("blocked", false).containsEntry("additional_attributes", Map.of())
                .containsEntry("custom_attributes", Map.of()).containsKeys("thumbnail", "last_activity_at");
        assertThat(((Number) contact.get("created_at")).longValue()).isPositive();
        List<Map<String, Object>> inboxes = (List<Map<String, Object>>) contact.get("contact_inboxes");
        assertThat(inboxes).hasSize(1);
        assertThat((String) inboxes.get(0).get("source_id")).matches(UUID);
        assertThat((Map<String, Object>) inboxes.get(0).get("inbox")).containsEntry("id", 79)
                .containsEntry("channel_type", "Channel::Api");

        SimulatedContact stored = LIVEDESK.simulator().contact(1L).orElseThrow();
        assertThat(stored.sourceId()).isEqualTo(inboxes.get(0).get("source_id"));
        assertThat(stored.avatarUrl()).isEqualTo("https://example.com/avatar.png");
        assertThat(LIVEDESK.simulator().contacts()).containsExactly(stored);
    }

    @Test
    void aContactNeedsOnlyTheInboxAndEachGetsItsOwnSourceId() throws Exception {
        Map<String, Object> first = contact("{\"inbox_id\":79}");
        Map<String, Object> second = contact("{\"inbox_id\":\"79\"}");

        assertThat(first).containsEntry("id", 1).containsEntry("email", null).containsEntry("phone_number", null)
                .containsEntry("identifier", null);
        assertThat(second).containsEntry("id", 2);
        assertThat(sourceId(first)).isNotEqualTo(sourceId(second));
    }

    @ParameterizedTest
    @CsvSource({
            "identifier, '\"identifier\":\"42\"', '\"identifier\":\"42\"', Identifier has already been taken",
            "email, '\"email\":\"alice@acme.inc\"', '\"email\":\"ALICE@acme.inc\"', Email has already been taken",
            "phone_number, '\"phone_number\":\"+4915112345678\"', '\"phone_number\":\"+4915112345678\"', "
                    + "Phone number has already been taken" })
    void aDuplicateIsRefusedAsChatwootRefusesIt(String field, String first, String again, String message)
            throws Exception {
        assertThat(api.postJson(CONTACTS, "{\"inbox_id\":79," + first + "}").statusCode()).isEqualTo(200);

        HttpResponse<String> duplicate = api.postJson(CONTACTS, "{\"inbox_id\":79,\"name\":\"Other\"," + again + "}");

        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(Api.json(duplicate)).isEqualTo(Map.of("message", message, "attributes", List.of(field)));
        assertThat(LIVEDESK.simulator().contacts()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({ "123456789", "+0123456", "+1", "+1234567890123456", "+49 151 1234", "'+4915112345678\n'" })
    void aPhoneNumberMustBeE164(String phone) throws Exception {
        HttpResponse<String> response = api.postJson(CONTACTS,
                "{\"inbox_id\":79,\"phone_number\":\"" + phone.replace("\n", "\\n") + "\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Api.json(response)).isEqualTo(
                Map.of("message", "Phone number should be in e164 format", "attributes", List.of("phone_number")));
        assertThat(LIVEDESK.simulator().contacts()).isEmpty();
    }

    @Test
    void theShortestAndLongestE164NumbersAreAccepted() throws Exception {
        assertThat(contact("{\"inbox_id\":79,\"phone_number\":\"+12\"}")).containsEntry("phone_number", "+12");
        assertThat(contact("{\"inbox_id\":79,\"phone_number\":\"+123456789012345\"}")).containsEntry("phone_number",
                "+123456789012345");
    }

    @Test
    void anEmailMustLookLikeOneAndEveryBadFieldIsNamed() throws Exception {
        HttpResponse<String> email = api.postJson(CONTACTS, "{\"inbox_id\":79,\"email\":\"alice at acme\"}");
        HttpResponse<String> both = api.postJson(CONTACTS,
                "{\"inbox_id\":79,\"email\":\"alice\",\"phone_number\":\"0151\"}");

        assertThat(email.statusCode()).isEqualTo(422);
        assertThat(Api.json(email)).isEqualTo(Map.of("message", "Email is invalid", "attributes", List.of("email")));
        assertThat(Api.json(both)).isEqualTo(Map.of("message",
                "Email is invalid, Phone number should be in e164 format", "attributes",
                List.of("email", "phone_number")));
        assertThat(LIVEDESK.simulator().contacts()).isEmpty();
    }

    @Test
    void theInboxIsRequiredAndMustBeTheApiChannels() throws Exception {
        HttpResponse<String> missing = api.postJson(CONTACTS, "{\"name\":\"No inbox\"}");
        HttpResponse<String> unknown = api.postJson(CONTACTS, "{\"inbox_id\":80,\"name\":\"Wrong inbox\"}");

        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(Api.json(missing)).containsEntry("attributes", List.of("inbox_id"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Api.json(unknown)).isEqualTo(Map.of("error", "Resource could not be found"));
        assertThat(LIVEDESK.simulator().contacts()).isEmpty();
    }

    @Test
    void searchFindsAContactByEachField() throws Exception {
        contact("{\"inbox_id\":79,\"name\":\"Alice Liddell\",\"email\":\"alice@acme.inc\","
                + "\"phone_number\":\"+4915112345678\",\"identifier\":\"crm-ABC\"}");
        contact("{\"inbox_id\":79,\"name\":\"Bob\",\"email\":\"bob@example.org\",\"phone_number\":\"+3312345\"}");

        assertThat(searchIds("liddell")).as("name, any case").containsExactly(1);
        assertThat(searchIds("ACME")).as("email, any case").containsExactly(1);
        assertThat(searchIds("151123")).as("phone number").containsExactly(1);
        assertThat(searchIds("crm-ABC")).as("identifier").containsExactly(1);
        assertThat(searchIds("crm-abc")).as("identifier: Chatwoot's LIKE minds the case").isEmpty();
        assertThat(searchIds("E")).as("both").containsExactly(1, 2);
        HttpResponse<String> all = api.send(get(CONTACTS + "/search?q=%2B33"));
        assertThat(Api.json(all)).containsEntry("meta", Map.of("count", 1, "current_page", "1"));
        assertThat(api.send(get(CONTACTS + "/search")).statusCode()).isEqualTo(422);
    }

    @Test
    void searchAnswersFifteenAPageAndCountsThemAll() throws Exception {
        for (int i = 1; i <= 16; i++) {
            contact("{\"inbox_id\":79,\"name\":\"Customer " + i + "\"}");
        }

        Map<String, Object> first = Api.json(api.send(get(CONTACTS + "/search?q=customer")));
        Map<String, Object> second = Api.json(api.send(get(CONTACTS + "/search?q=customer&page=2")));

        assertThat((List<?>) first.get("payload")).hasSize(15);
        assertThat(second).containsEntry("meta", Map.of("count", 16, "current_page", "2"));
        assertThat(ids(second)).containsExactly(16);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aContactsConversationsAreListedNewestFirst() throws Exception {
        long contactId = ((Number) contact("{\"inbox_id\":79,\"name\":\"Alice\"}").get("id")).longValue();
        api.postJson("/api/v2/accounts/conversations", "{\"inbox_id\":79,\"contact_id\":" + contactId + "}");
        api.postJson("/api/v2/accounts/conversations", "{\"inbox_id\":79,\"contact_id\":" + contactId + "}");

        HttpResponse<String> listed = api.send(get(CONTACTS + "/" + contactId + "/conversations"));

        assertThat(listed.statusCode()).isEqualTo(200);
        List<Map<String, Object>> payload = (List<Map<String, Object>>) Api.json(listed).get("payload");
        assertThat(payload).extracting(c -> c.get("id")).containsExactly(2, 1);
        assertThat((Map<String, Object>) ((Map<String, Object>) payload.get(0).get("meta")).get("sender"))
                .containsEntry("id", 1).containsEntry("name", "Alice");
        assertThat(api.send(get(CONTACTS + "/99/conversations")).statusCode()).isEqualTo(404);
    }

    @Test
    void everyContactCallNeedsTheApiCredentials() throws Exception {
        assertThat(api.post(CONTACTS, "application/json", "{\"inbox_id\":79}", null).statusCode()).isEqualTo(401);
        assertThat(api.send(HttpRequest.newBuilder(URI.create(LIVEDESK.baseUrl() + CONTACTS + "/search?q=a")).build())
                .statusCode()).isEqualTo(401);
        assertThat(api.post(CONTACTS, "application/json", "{\"inbox_id\":79}", "Basic d3Jvbmc6d3Jvbmc=").statusCode())
                .isEqualTo(401);
        assertThat(LIVEDESK.simulator().contacts()).isEmpty();
        assertThat(LIVEDESK.simulator().requests()).extracting(RecordedRequest::responseStatus)
                .containsExactly(401, 401, 401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInspectionApiListsTheContacts() throws Exception {
        String sourceId = sourceId(contact("{\"inbox_id\":79,\"name\":\"Alice\",\"identifier\":\"a-1\"}"));

        List<Object> contacts = Api.jsonList(api.get("/__simulator/contacts"));

        assertThat(contacts).hasSize(1);
        assertThat((Map<String, Object>) contacts.get(0)).containsEntry("id", 1).containsEntry("name", "Alice")
                .containsEntry("identifier", "a-1").containsEntry("inbox_id", 79)
                .containsEntry("source_id", sourceId);
        assertThat(LIVEDESK.simulator().requests()).extracting(RecordedRequest::path).containsExactly(CONTACTS);
        assertThat(LIVEDESK.simulator().requests().get(0).jsonBody()).contains("\"a-1\"");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> contact(String json) throws Exception {
        HttpResponse<String> response = api.postJson(CONTACTS, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Map<String, Object>) ((Map<String, Object>) Api.json(response).get("payload")).get("contact");
    }

    @SuppressWarnings("unchecked")
    private static String sourceId(Map<String, Object> contact) {
        return (String) ((List<Map<String, Object>>) contact.get("contact_inboxes")).get(0).get("source_id");
    }

    private List<Object> searchIds(String q) throws Exception {
        HttpResponse<String> response = api.send(get(CONTACTS + "/search?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(200);
        return ids(Api.json(response));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("payload")).stream().map(c -> c.get("id")).toList();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(LIVEDESK.baseUrl() + path)).header("Authorization", api.auth())
                .GET().build();
    }
}
