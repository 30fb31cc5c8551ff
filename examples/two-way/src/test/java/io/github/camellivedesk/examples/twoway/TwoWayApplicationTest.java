package io.github.camellivedesk.examples.twoway;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

class TwoWayApplicationTest {

    @Test
    void aTextRefusedBy131047IsResentOnceTheCustomerWrites(@TempDir Path replies) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<StoredMessage> messages = TwoWayApplication.demo(replies,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(messages).extracting(StoredMessage::content).containsExactly("Order update for Ana: delayed",
                "Your parcel is delayed: reply to choose a new delivery day.", "Tomorrow works, thanks!");
        StoredMessage resent = messages.get(1);
        assertThat(resent.status()).isEqualTo("sent");
        assertThat(resent.retryCount()).isEqualTo(1);

        try (var files = Files.list(replies)) {
            Path reply = files.findFirst().orElseThrow();
            assertThat(Files.readString(reply)).contains("Tomorrow works, thanks!").contains("\"message_created\"");
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("4. livedesk:events heard the reply");
        // every webhook delivery finished so far was acknowledged
        assertThat(output).containsPattern("Webhook deliveries: ([1-9][0-9]*), answered 2xx: \\1\\R");
    }
}
