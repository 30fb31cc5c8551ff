package io.github.camellivedesk;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.MessageAttachment;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.StoredAttachment;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AttachmentsTest extends LiveDeskTestSupport {

    private static final String SEND = "livedesk:send?conversationId=141";

    @TempDir
    Path dir;

    @Test
    void fileBodyIsUploadedWithTheContentHeaderAsText() throws Exception {
        Path invoice = write("invoice.pdf", 200_000);

        Exchange exchange = send(SEND, invoice.toFile(), Map.of(LiveDeskConstants.CONTENT, "Your invoice"));

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("Your invoice");
        assertThat(stored.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("invoice.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.size()).isEqualTo(200_000);
            assertThat(a.sha256()).isEqualTo(sha256(invoice));
        });
        assertThat(simulator().requests().get(0).contentType()).startsWith("multipart/form-data; boundary=");

        LiveDeskMessage message = exchange.getMessage().getBody(LiveDeskMessage.class);
        StoredAttachment storedAttachment = stored.attachments().get(0);
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(storedAttachment.id());
            assertThat(a.messageId()).isEqualTo(stored.id());
            assertThat(a.fileType()).isEqualTo(storedAttachment.fileType());
            assertThat(a.accountId()).isNotNull();
            assertThat(a.dataUrl()).isEqualTo(storedAttachment.dataUrl());
            assertThat(a.thumbUrl()).isNotNull();
            assertThat(a.fileSize()).isEqualTo(200_000L);
        });
        assertThat(download(message.attachments().get(0))).isEqualTo(Files.readAllBytes(invoice));
    }

    @Test
    void pathBytesStreamAndAttachmentBodies() throws Exception {
        Path photo = write("photo.png", 10_000);
        byte[] bytes = "report,1,2\n".getBytes(StandardCharsets.UTF_8);

        send(SEND, photo, Map.of());
        send(SEND, bytes, Map.of(Exchange.FILE_NAME, "exports/report.csv"));
        send(SEND, new ByteArrayInputStream(bytes), Map.of(Exchange.FILE_NAME, "stream.txt"));
        send(SEND, Attachment.of("data.bin", bytes).withContentType("application/x-custom"), Map.of());

        List<StoredMessage> messages = simulator().conversation(141L).messages();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).attachments().get(0).contentType()).isEqualTo("image/png");
        assertThat(messages.get(0).attachments().get(0).fileType()).isEqualTo("image");
        assertThat(messages.get(1).attachments().get(0).fileName()).isEqualTo("report.csv");
        assertThat(messages.get(1).attachments().get(0).sha256()).isEqualTo(sha256(bytes));
        assertThat(messages.get(2).attachments().get(0).fileName()).isEqualTo("stream.txt");
        assertThat(messages.get(2).attachments().get(0).size()).isEqualTo(bytes.length);
        assertThat(messages.get(3).attachments().get(0).contentType()).isEqualTo("application/x-custom");
    }

    @Test
    void contentTypeComesFromTheNameElseFromTheFirstBytes() throws Exception {
        byte[] pdf = "%PDF-1.7\n%binary...".getBytes(StandardCharsets.ISO_8859_1);
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
        byte[] voiceNote = "OggS\0\2 opus voice".getBytes(StandardCharsets.ISO_8859_1);
        Path scan = Files.write(dir.resolve("SCAN0001"), pdf);

        send(SEND, scan, Map.of());
        send(SEND, jpeg, Map.of(Exchange.FILE_NAME, "camera-upload"));
        send(SEND, new ByteArrayInputStream(voiceNote), Map.of(Exchange.FILE_NAME, "voice"));
        send(SEND, pdf, Map.of(Exchange.FILE_NAME, "notes.txt"));
        send(SEND, new byte[]{ 1, 2, 3 }, Map.of(Exchange.FILE_NAME, "blob"));

        assertThat(simulator().conversation(141L).messages()).extracting(m -> m.attachments().get(0).contentType())
                .as("by content for files, byte arrays and re-readable streams; the name wins when it has a known extension")
                .containsExactly("application/pdf", "image/jpeg", "audio/ogg", "text/plain",
                        "application/octet-stream");
        assertThat(simulator().conversation(141L).messages().get(1).attachments().get(0).fileType()).isEqualTo("image");
        assertThat(simulator().conversation(141L).messages().get(2).attachments().get(0).sha256())
                .as("sniffing does not consume the stream").isEqualTo(sha256(voiceNote));
    }

    @Test
    void severalFilesInOneMessageFromACollectionAndTheHeader() throws Exception {
        List<Object> files = List.of(write("a.txt", 10), write("b.txt", 20).toFile(),
                Attachment.of("c.txt", new byte[]{ 'c' }));

        Exchange fromBody = send(SEND, files, Map.of(LiveDeskConstants.CONTENT, "three files"));
        Exchange fromHeader = send(SEND, "text body with files",
                Map.of(LiveDeskConstants.ATTACHMENTS, files.subList(0, 2)));

        assertThat(fromBody.getException()).isNull();
        assertThat(fromHeader.getException()).isNull();
        List<StoredMessage> messages = simulator().conversation(141L).messages();
        assertThat(messages.get(0).attachments()).extracting(StoredAttachment::fileName).containsExactly("a.txt",
                "b.txt", "c.txt");
        assertThat(messages.get(0).content()).isEqualTo("three files");
        assertThat(messages.get(1).attachments()).extracting(StoredAttachment::fileName).containsExactly("a.txt",
                "b.txt");
        assertThat(messages.get(1).content()).isEqualTo("text body with files");
        assertThat(fromBody.getMessage().getBody(LiveDeskMessage.class).attachments()).hasSize(3);
    }

    @Test
    void sendMessageRequestWithAttachmentsKeepsPrivateAndReply() throws Exception {
        Path file = write("note.txt", 100);

        Exchange exchange = send(SEND, SendMessageRequest.builder().content("internal").privateMessage(true)
                .attachment(Attachment.of(file)).build(), Map.of());

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.privateMessage()).isTrue();
        assertThat(stored.attachments()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "quote\"d.pdf", "naïve résumé 日本.pdf", "crlf\r\nContent-Type: text/html\r\n\r\nx.txt",
            "..\\..\\windows.ini", "semi;colon=1.txt", "percent%20.txt" })
    void awkwardFileNamesCannotBreakTheFraming(String name) throws Exception {
        byte[] bytes = ("contents of " + name).getBytes(StandardCharsets.UTF_8);
        byte[] other = "second file".getBytes(StandardCharsets.UTF_8);

        Exchange exchange = send(SEND, List.of(Attachment.of(name, bytes), Attachment.of("second.txt", other)),
                Map.of(LiveDeskConstants.CONTENT, "awkward"));

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("awkward");
        assertThat(stored.attachments()).hasSize(2);
        StoredAttachment first = stored.attachments().get(0);
        assertThat(first.sha256()).isEqualTo(sha256(bytes));
        assertThat(first.fileName()).doesNotContain("/").doesNotContain("\\");
        String expected = name.replace('/', '_').replace('\\', '_');
        assertThat(first.fileName()).isEqualTo(expected);
        assertThat(stored.attachments().get(1).fileName()).isEqualTo("second.txt");
        assertThat(stored.attachments().get(1).sha256()).isEqualTo(sha256(other));
    }

    @Test
    void streamIsClosedAfterSuccessAfterFailureAndAfterValidation() throws Exception {
        TrackingStream sent = new TrackingStream("ok");
        TrackingStream failed = new TrackingStream("fails");
        TrackingStream rejected = new TrackingStream("never sent");

        send(SEND, sent, Map.of(Exchange.FILE_NAME, "a.txt"));
        simulator().faults().inject(Fault.status(500)).forNext(1);
        Exchange failure = send(SEND, failed, Map.of(Exchange.FILE_NAME, "b.txt"));
        Exchange invalid = send(SEND + "&maxAttachments=1", List.of(Attachment.of("x.txt", rejected),
                Attachment.of("y.txt", new byte[1])), Map.of());

        assertThat(failure.getException()).isInstanceOf(LiveDeskHttpException.class);
        assertThat(invalid.getException()).isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("2 files, more than the 1 allowed");
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(sent.closed).isTrue();
            assertThat(failed.closed).isTrue();
            assertThat(rejected.closed).isTrue();
        });
    }

    @Test
    void limitsAreCheckedBeforeSending() throws Exception {
        List<Attachment> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(Attachment.of("f" + i + ".txt", new byte[]{ (byte) i }));
        }

        Exchange tooMany = send(SEND, sixteen, Map.of());
        Exchange tooBig = send(SEND + "&maxAttachmentSize=1000", write("big.bin", 1001).toFile(), Map.of());

        assertThat(tooMany.getException()).isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("16 files, more than the 15 allowed").hasMessageContaining("maxAttachments");
        assertThat(tooBig.getException()).isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("attachment big.bin").hasMessageContaining("1001 bytes")
                .hasMessageContaining("maxAttachmentSize");
        assertThat(simulator().requestCount()).isZero();
    }

    @Test
    void largeFileArrivesByteForByte() throws Exception {
        Path large = dir.resolve("large.bin");
        Random random = new Random(7);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(large)) {
            for (int i = 0; i < 32; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }

        Exchange exchange = send(SEND, large.toFile(), Map.of(LiveDeskConstants.CONTENT, "32 MiB"));

        assertThat(exchange.getException()).isNull();
        StoredAttachment stored = simulator().conversation(141L).messages().get(0).attachments().get(0);
        assertThat(stored.size()).isEqualTo(32L * 1024 * 1024);
        assertThat(stored.sha256()).isEqualTo(sha256(large));
    }

    @Test
    void fileRouteMovesEachFileToDoneOnlyAfterLiveDeskAcceptedIt() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?move=.done&moveFailed=.failed&initialDelay=0&delay=50")
                        .routeId("files")
                        .setHeader(LiveDeskConstants.CONTENT, simple("New document: ${header.CamelFileName}"))
                        .to(SEND);
            }
        });
        simulator().faults().inject(Fault.status(503)).forConversation("141").forNext(1);
        Files.write(inbox.resolve("first.pdf"), new byte[]{ 1, 2, 3 });

        await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(inbox.resolve(".failed/first.pdf")));
        assertThat(inbox.resolve(".done/first.pdf")).doesNotExist();

        Files.write(inbox.resolve("second.pdf"), new byte[]{ 4, 5, 6 });
        await().atMost(30, TimeUnit.SECONDS).until(() -> Files.exists(inbox.resolve(".done/second.pdf")));
        assertThat(simulator().conversation(141L).messages()).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo("New document: second.pdf");
            assertThat(m.attachments().get(0).fileName()).isEqualTo("second.pdf");
            assertThat(m.attachments().get(0).sha256()).isEqualTo(sha256(new byte[]{ 4, 5, 6 }));
        });
    }

    private Path write(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] download(MessageAttachment attachment) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(attachment.dataUrl())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static String sha256(Path path) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static final class TrackingStream extends FilterInputStream {
        private volatile boolean closed;

        TrackingStream(String text) {
            super(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
