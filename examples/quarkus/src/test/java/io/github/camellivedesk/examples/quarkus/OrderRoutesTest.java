package io.github.camellivedesk.examples.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The example against the LiveDesk simulator that Dev Services start (nothing is configured in the test). The test
 * reaches the simulator through the base URL Dev Services gave the application and the simulator's HTTP inspection
 * and fault API under /__simulator/.
 */
@QuarkusTest
class OrderRoutesTest {

    @ConfigProperty(name = "camel.component.livedesk.base-url")
    String simulatorUrl;

    @ConfigProperty(name = "invoices.folder")
    Path invoices;

    @BeforeEach
    void resetSimulatorAndInvoices() throws IOException {
        simulator().post("/__simulator/reset").then().statusCode(200);
        // conversations are created on first use: create 141 now, so its (empty) message list can be read
        simulator().post("/__simulator/conversations/141").then().statusCode(200);
        if (Files.exists(invoices)) {
            try (Stream<Path> files = Files.walk(invoices)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void anOrderUpdateIsSentAsTheOrderUpdateTemplate() {
        long messageId = given().contentType(ContentType.JSON)
                .body(Map.of("orderId", "A-1001", "customer", "Ana", "status", "shipped"))
                .post("/orders")
                .then().statusCode(200).body("status", equalTo("sent"))
                .extract().jsonPath().getLong("messageId");

        List<Map<String, Object>> stored = simulator().get("/__simulator/conversations/141/messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.id == " + messageId + " }");
        assertThat(stored).singleElement().satisfies(message -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) message
                    .get("additional_attributes")).get("template_params");
            assertThat(template).containsEntry("name", "order_update").containsEntry("language", "en_US")
                    .containsEntry("processed_params", Map.of("1", "Ana", "2", "A-1001", "3", "shipped"));
        });
    }

    @Test
    void anOrderForAnotherConversationGoesThere() {
        given().contentType(ContentType.JSON)
                .body(Map.of("orderId", "B-7", "customer", "Bo", "status", "packed", "conversationId", 142))
                .post("/orders")
                .then().statusCode(200);

        simulator().get("/__simulator/conversations/142/messages")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aLiveDeskOutageFailsTheRequestAndStoresNothing() {
        simulator().body("{\"type\":\"status\",\"status\":503,\"next\":1}").post("/__simulator/faults")
                .then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Map.of("orderId", "C-3", "customer", "Cy", "status", "delayed"))
                .post("/orders")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body(containsString("LiveDesk did not take the order update"));

        simulator().get("/__simulator/conversations/141/messages").then().body("size()", equalTo(0));
        simulator().get("/__simulator/requests").then().body("response_status", contains(503));
    }

    @Test
    void anInvoiceDroppedIntoTheFolderIsSentAsAnAttachment() throws Exception {
        Files.createDirectories(invoices);
        byte[] pdf = "%PDF-1.4 invoice 2026-0042".getBytes();
        Files.write(invoices.resolve("invoice-2026-0042.pdf"), pdf);

        // the file route polls the folder: wait for it, generously, as a loaded build machine may be slow
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> simulator()
                .get("/__simulator/conversations/141/messages")
                .then().body("size()", equalTo(1))
                .body("[0].content", equalTo("Invoice invoice-2026-0042.pdf"))
                .body("[0].attachments[0].file_size", equalTo(pdf.length))
                .body("[0].attachments[0].extension", equalTo("pdf")));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> Files.exists(invoices.resolve(".done/invoice-2026-0042.pdf")));
    }

    private RequestSpecification simulator() {
        // the simulator's inspection API takes POSTs as application/json only (what a web page cannot send cross-site)
        return given().baseUri(simulatorUrl).contentType(ContentType.JSON);
    }
}
