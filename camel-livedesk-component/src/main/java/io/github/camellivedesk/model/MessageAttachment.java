package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a message's {@code attachments} as LiveDesk stored it.
 *
 * @param id        attachment id
 * @param messageId message it belongs to
 * @param fileType  e.g. {@code image}, {@code file}
 * @param accountId account id (can exceed 32 bits)
 * @param extension file extension, often null
 * @param dataUrl   download URL
 * @param thumbUrl  thumbnail URL (images)
 * @param fileSize  size in bytes
 * @param width     image width, when known
 * @param height    image height, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageAttachment(
        @JsonProperty("id") Long id,
        @JsonProperty("message_id") Long messageId,
        @JsonProperty("file_type") String fileType,
        @JsonProperty("account_id") Long accountId,
        @JsonProperty("extension") String extension,
        @JsonProperty("data_url") String dataUrl,
        @JsonProperty("thumb_url") String thumbUrl,
        @JsonProperty("file_size") Long fileSize,
        @JsonProperty("width") Integer width,
        @JsonProperty("height") Integer height) {
}
