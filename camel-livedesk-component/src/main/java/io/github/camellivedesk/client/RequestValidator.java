package io.github.camellivedesk.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.TemplateButton;
import io.github.camellivedesk.model.TemplateHeader;
import io.github.camellivedesk.model.TemplateHeaderType;
import io.github.camellivedesk.model.TemplateLocation;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

/**
 * The rules a request must meet before it is sent: the documented required fields and value sets, and the limits.
 * Each rule throws a {@link LiveDeskValidationException} naming the JSON field, the bad value and the fix.
 */
final class RequestValidator {

    private final LiveDeskLimits limits;

    RequestValidator(LiveDeskLimits limits) {
        this.limits = limits;
    }

    void conversationId(String conversationId) {
        if (conversationId == null || conversationId.isBlank()) {
            throw new LiveDeskValidationException("conversation id", "is " + (conversationId == null ? "missing" : "blank"),
                    "Set the conversationId option or the CamelLiveDeskConversationId header, e.g. livedesk:send?conversationId=141");
        }
        if (conversationId.equals(".") || conversationId.equals("..")
            || conversationId.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new LiveDeskValidationException("conversation id", "'" + printable(conversationId)
                                                                    + "' contains whitespace, control characters or is a dot segment",
                    "Use the numeric conversation id shown in LiveDesk, e.g. 141");
        }
    }

    void messageId(long messageId) {
        if (messageId < 1) {
            throw new LiveDeskValidationException("message id", "'" + messageId + "' is not a positive number",
                    "Use the id LiveDesk returned for the failed message (header CamelLiveDeskMessageId)");
        }
    }

    void sendMessage(SendMessageRequest request) {
        if (request == null) {
            throw new LiveDeskValidationException("message", "is null", "Pass a SendMessageRequest");
        }
        String content = request.content();
        if ((content == null || content.isBlank()) && !request.hasAttachments()) {
            throw new LiveDeskValidationException("content", content == null ? "is missing" : "is blank",
                    "Send a non-empty text (message body, CamelLiveDeskContent header or SendMessageRequest.content), "
                                                             + "or attach a file");
        }
        content(content);
        attachments(request.attachments());
    }

    void template(TemplateMessage message) {
        if (message == null || message.templateParams() == null) {
            throw new LiveDeskValidationException("template_params", "is missing",
                    "Build the message with TemplateMessage.builder(name, language)");
        }
        content(message.content());
        TemplateParams params = message.templateParams();
        required(params.name(), "template_params.name",
                "Set the templateName option, the CamelLiveDeskTemplateName header or TemplateMessage.builder(name, language)");
        required(params.language(), "template_params.language",
                "Set the templateLanguage option (e.g. en_US), the CamelLiveDeskTemplateLanguage header or "
                                                                + "TemplateMessage.builder(name, language)");
        if (params.headerParams() != null) {
            header(params.headerParams());
        }
        if (params.buttonParams() != null) {
            buttons(params.buttonParams());
        }
    }

    private void content(String content) {
        if (content != null && content.length() > limits.maxContentLength()) {
            throw new LiveDeskValidationException("content", "has " + content.length() + " characters, more than the "
                                                             + limits.maxContentLength() + " LiveDesk accepts",
                    "Shorten the text or split it into several messages");
        }
        if (content != null && hasLoneSurrogate(content)) {
            throw new LiveDeskValidationException("content", "contains invalid Unicode (an unpaired surrogate)",
                    "Fix the text's encoding before sending it");
        }
    }

    private static void required(String value, String field, String fix) {
        if (value == null || value.isBlank()) {
            throw new LiveDeskValidationException(field, value == null ? "is missing" : "is blank", fix);
        }
    }

    private void header(TemplateHeader header) {
        String type = header.type();
        TemplateHeaderType headerType = null;
        for (TemplateHeaderType candidate : TemplateHeaderType.values()) {
            if (candidate.wireValue().equals(type)) {
                headerType = candidate;
            }
        }
        if (headerType == null) {
            throw new LiveDeskValidationException("template_params.header_params.type",
                    type == null ? "is missing" : "'" + printable(type) + "' is not a header type",
                    "Use one of text, image, video, document, location (the TemplateHeader factories)");
        }
        if (headerType.isMedia()) {
            String url = header.mediaUrl();
            required(url, "template_params.header_params.media_url",
                    "A " + type + " header needs the media URL: TemplateHeader." + type + "(url"
                                                                     + (headerType == TemplateHeaderType.DOCUMENT ? ", filename)" : ")"));
            if (!url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7)) {
                throw new LiveDeskValidationException("template_params.header_params.media_url",
                        "'" + printable(url) + "' is not an http(s) URL", "WhatsApp fetches the media: give a public https URL");
            }
        }
        if (headerType == TemplateHeaderType.LOCATION) {
            location(header.location());
        }
    }

    private static void location(TemplateLocation location) {
        if (location == null) {
            throw new LiveDeskValidationException("template_params.header_params.location", "is missing",
                    "A location header needs TemplateHeader.location(latitude, longitude, name, address)");
        }
        range(location.latitude(), 90, "latitude");
        range(location.longitude(), 180, "longitude");
    }

    private static void range(Double value, int bound, String name) {
        String field = "template_params.header_params.location." + name;
        if (value == null) {
            throw new LiveDeskValidationException(field, "is missing", "Give the " + name + " in decimal degrees");
        }
        if (value.isNaN() || value < -bound || value > bound) {
            throw new LiveDeskValidationException(field, "'" + value + "' is outside -" + bound + " to " + bound,
                    "Give the " + name + " in decimal degrees between -" + bound + " and " + bound);
        }
    }

    private static void buttons(List<TemplateButton> buttons) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            TemplateButton button = buttons.get(i);
            String field = "template_params.button_params[" + i + "]";
            if (button == null) {
                throw new LiveDeskValidationException(field, "is null", "Remove it or use TemplateButton.url/quickReply");
            }
            if (button.index() == null || button.index() < 0) {
                throw new LiveDeskValidationException(field + ".index",
                        button.index() == null ? "is missing" : "'" + button.index() + "' is negative",
                        "Use the button's position in the template, starting from 0");
            }
            if (!seen.add(button.index())) {
                throw new LiveDeskValidationException(field + ".index", "'" + button.index() + "' is used twice",
                        "Give each button its own index");
            }
            String subType = button.subType();
            if (TemplateButton.URL.equals(subType)) {
                required(button.text(), field + ".text", "A url button needs text, the URL suffix: TemplateButton.url(index, text)");
            } else if (TemplateButton.QUICK_REPLY.equals(subType)) {
                required(button.payload(), field + ".payload",
                        "A quick_reply button needs a payload: TemplateButton.quickReply(index, payload)");
            } else {
                throw new LiveDeskValidationException(field + ".sub_type",
                        subType == null ? "is missing" : "'" + printable(subType) + "' is not a button type",
                        "Use url or quick_reply");
            }
        }
    }

    private void attachments(List<Attachment> attachments) {
        if (attachments.size() > limits.maxAttachments()) {
            throw new LiveDeskValidationException("attachments", attachments.size() + " files, more than the "
                                                                 + limits.maxAttachments() + " allowed per message",
                    "Send them in several messages or raise the maxAttachments option if your account allows more");
        }
        for (Attachment attachment : attachments) {
            attachment(attachment);
        }
    }

    private void attachment(Attachment attachment) {
        if (attachment == null) {
            throw new LiveDeskValidationException("attachments", "contain a null entry", "Remove it");
        }
        String name = attachment.fileName();
        if (name == null || name.isBlank()) {
            throw new LiveDeskValidationException("attachment file name", "is missing",
                    "Set the CamelFileName header or use Attachment.of(name, ...)");
        }
        if (name.length() > 1000) {
            throw new LiveDeskValidationException("attachment file name", name.length() + " characters long",
                    "Use a file name of at most 1000 characters");
        }
        if (attachment.source() instanceof Attachment.AttachmentSource.FileSource file) {
            Path path = file.path();
            if (!Files.exists(path)) {
                throw new LiveDeskValidationException("attachment " + printable(name), "file " + path + " does not exist",
                        "Check the path; the file may have been moved by another consumer");
            }
            if (Files.isDirectory(path)) {
                throw new LiveDeskValidationException("attachment " + printable(name), path + " is a directory",
                        "Send the files inside it one by one or as a collection");
            }
            if (!Files.isReadable(path)) {
                throw new LiveDeskValidationException("attachment " + printable(name), "file " + path + " is not readable",
                        "Fix the file's permissions for the user running Camel");
            }
        }
        long size;
        try {
            size = attachment.source().length();
        } catch (IOException e) {
            throw new LiveDeskValidationException("attachment " + printable(name), "its size cannot be read: " + e.getMessage(),
                    "Check that the file is readable", e);
        }
        if (size > limits.maxAttachmentSize()) {
            throw new LiveDeskValidationException("attachment " + printable(name), size + " bytes, more than the "
                                                                                 + limits.maxAttachmentSize() + " allowed per file",
                    "Compress or split the file, or raise the maxAttachmentSize option if your account allows more");
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Quotes control characters and cuts long values, so a bad value cannot forge or flood a log line. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 100; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        return value.length() > 100 ? out + "..." : out.toString();
    }
}
