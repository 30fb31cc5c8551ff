package io.github.camellivedesk.simulator;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private Api api() {
        return new Api(LIVEDESK.simulator());
    }

    @Test
    void filesAreStoredWithChecksumsAndDownloadable() throws Exception {
        byte[] image = "pretend png".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = new byte[100_000];
        new java.util.Random(1).nextBytes(pdf);

        HttpResponse<String> response = api().postMultipart(Api.messagesPath(141), new Api.Multipart()
                .field("content", "Detailed image as follows")
                .file("filename=\"android-icon-48x48.png\"", "image/png", image)
                .file("filename=\"invoice.pdf\"", "application/pdf", pdf)
                .end());

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> json = Api.json(response);
        assertThat(json).containsEntry("content", "Detailed image as follows");
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) json.get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0))
                .containsKeys("id", "message_id", "file_type", "account_id", "extension", "data_url",
                        "thumb_url", "file_size", "width", "height")
                .containsEntry("file_type", "image").containsEntry("extension", "png")
                .containsEntry("message_id", json.get("id")).containsEntry("file_size", image.length);
        assertThat(attachments.get(1)).containsEntry("file_type", "file").containsEntry("thumb_url", "");

        List<StoredAttachment> stored = LIVEDESK.simulator().conversation(141L).messages().get(0).attachments();
        assertThat(stored).extracting(StoredAttachment::fileName).containsExactly("android-icon-48x48.png",
                "invoice.pdf");
        assertThat(stored.get(1).sha256()).isEqualTo(sha256(pdf));
        assertThat(stored.get(1).size()).isEqualTo(100_000);
        HttpResponse<byte[]> download = api().download((String) attachments.get(1).get("data_url"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.body()).isEqualTo(pdf);
    }

    @Test
    void extendedAndQuotedFileNamesAreDecoded() throws Exception {
        api().postMultipart(Api.messagesPath(141), new Api.Multipart()
                .file("filename=\"na_ve.pdf\"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.pdf", "application/pdf",
                        new byte[]{ 1 })
                .file("filename=\"say \\\"hi\\\".txt\"", "text/plain", new byte[]{ 2 })
                .file("filename=\"../../etc/passwd\"", "text/plain", new byte[]{ 3 })
                .end());

        List<StoredAttachment> stored = LIVEDESK.simulator().conversation(141L).messages().get(0).attachments();
        assertThat(stored).extracting(StoredAttachment::fileName)
                .containsExactly("naïve résumé.pdf", "say \"hi\".txt", "../../etc/passwd");
        assertThat(stored)
                .allSatisfy(a -> assertThat(a.path().getParent()).isEqualTo(LIVEDESK.simulator().storageDir()));
    }

    @Test
    void limitsOnCountAndSize() throws Exception {
        Api.Multipart sixteen = new Api.Multipart().field("content", "too many");
        for (int i = 0; i < 16; i++) {
            sixteen.file("filename=\"f" + i + ".txt\"", "text/plain", new byte[]{ (byte) i });
        }
        HttpResponse<String> tooMany = api().postMultipart(Api.messagesPath(141), sixteen.end());
        long overLimit = 40L * 1024 * 1024 + 1;
        HttpResponse<String> tooBig = api().postMultipart(Api.messagesPath(141), new Api.Multipart()
                .file("filename=\"big.bin\"", "application/octet-stream", () -> Api.generated(overLimit, 1)).end());
        HttpResponse<String> empty = api().postMultipart(Api.messagesPath(141),
                new Api.Multipart().field("private", "true").end());

        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(Api.json(tooMany)).containsEntry("attributes", List.of("attachments"));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(Api.json(tooBig).get("message").toString()).contains("big.bin");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Api.json(empty)).containsEntry("attributes", List.of("content"));
        assertThat(LIVEDESK.simulator().messages()).isEmpty();
        try (var files = java.nio.file.Files.list(LIVEDESK.simulator().storageDir())) {
            assertThat(files).as("rejected uploads are deleted").isEmpty();
        }
    }

    @Test
    void retentionDeletesTheFilesOfDroppedMessages() throws Exception {
        try (LiveDeskSimulator small = LiveDeskSimulator.builder().conversations(141L).messageRetention(1).build()
                .start()) {
            Api api = new Api(small);
            for (String name : List.of("first.txt", "second.txt")) {
                assertThat(api.postMultipart(Api.messagesPath(141), new Api.Multipart()
                        .file("filename=\"" + name + "\"", "text/plain", name.getBytes(StandardCharsets.UTF_8)).end())
                        .statusCode()).isEqualTo(200);
            }

            assertThat(small.messages()).singleElement().satisfies(kept -> assertThat(kept.attachments())
                    .extracting(StoredAttachment::fileName).containsExactly("second.txt"));
            try (var files = java.nio.file.Files.list(small.storageDir())) {
                assertThat(files).as("only the kept message's file is on disk").hasSize(1);
            }
        }
    }

    @Test
    void largeUploadStreamsThroughWithItsChecksum() throws Exception {
        long size = 200L * 1024 * 1024;
        try (LiveDeskSimulator big = LiveDeskSimulator.builder().conversations(141L).maxAttachmentSize(size).build()
                .start()) {
            HttpResponse<String> response = new Api(big).postMultipart(Api.messagesPath(141), new Api.Multipart()
                    .field("content", "200 MiB")
                    .file("filename=\"big.bin\"", "application/octet-stream", () -> Api.generated(size, 42)).end());

            assertThat(response.statusCode()).isEqualTo(200);
            StoredAttachment stored = big.conversation(141L).messages().get(0).attachments().get(0);
            assertThat(stored.size()).isEqualTo(size);
            assertThat(stored.sha256()).isEqualTo(sha256(Api.generated(size, 42)));
        }
    }

    @Test
    void malformedMultipartIsRejected() throws Exception {
        HttpResponse<String> noBoundary = api().post(Api.messagesPath(141), "multipart/form-data", "x", api().auth());
        HttpResponse<String> truncated = api().postMultipart(Api.messagesPath(141),
                () -> new java.io.ByteArrayInputStream(
                        ("--" + Api.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nno end")
                                .getBytes()));

        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(Api.json(truncated).get("error").toString()).contains("Malformed multipart");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream stream = new DigestInputStream(in, digest)) {
            stream.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
