package io.github.camellivedesk.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.ConversationStatus;
import io.github.camellivedesk.model.TemplateButton;
import io.github.camellivedesk.model.TemplateHeader;
import io.github.camellivedesk.model.TemplateHeaderType;
import io.github.camellivedesk.model.TemplateLocation;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

import static io.github.camellivedesk.internal.LogSafe.escape;
import static io.github.camellivedesk.internal.LogSafe.quote;

/**
 * Every rule a request must meet before it is sent, in one place, applied once per request; the endpoint's options
 * are checked once, when it starts, by the Camel layer. Each rule throws a {@link LiveDeskValidationException} naming
 * the source (header, option, body or JSON field), the problem with the value, quoted with {@link LogSafe}, and the
 * fix.
 */
public final class RequestRules {

    /** The longest conversation id accepted; real ids are numbers of a few digits. */
    public static final int MAX_CONVERSATION_ID_LENGTH = 64;
    static final int MAX_FILE_NAME_LENGTH = 1000;
    private static final String CONVERSATION_ID_FIX = "Use the conversation id LiveDesk shows, e.g. 141: 1 to "
            + MAX_CONVERSATION_ID_LENGTH + " letters, digits, '_' or '-', "
            + "starting with a letter or digit";

    private final int maxContentLength;
    private final int maxAttachments;
    private final long maxAttachmentSize;

    /**
     * The rules of one endpoint, whose options have been checked when it started.
     *
     * @param maxContentLength  the longest text accepted
     * @param maxAttachments    the most files in one message
     * @param maxAttachmentSize the largest file accepted, in bytes
     */
    public RequestRules(int maxContentLength, int maxAttachments, long maxAttachmentSize) {
        this.maxContentLength = maxContentLength;
        this.maxAttachments = maxAttachments;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    /** Checks a request; returns it for chaining. */
    public LiveDeskRequest validate(LiveDeskRequest request) {
        if (request instanceof LiveDeskRequest.Send send) {
            recipient(send);
            send(send);
        } else if (request instanceof LiveDeskRequest.Template template) {
            recipient(template);
            template(template);
        } else if (request instanceof LiveDeskRequest.Retry retry) {
            conversationId(retry.conversationId());
            messageId(retry.messageId());
        } else if (request instanceof LiveDeskRequest.CreateContact contact) {
            contact(contact);
        } else if (request instanceof LiveDeskRequest.CreateConversation conversation) {
            conversation(conversation);
        } else if (request instanceof LiveDeskRequest.ToggleStatus toggle) {
            conversationId(toggle.conversationId());
            status(toggle);
        }
        return request;
    }

    // ---- contacts and conversations

    /** A message goes to a conversation by its id, or to a customer described as a contact is. */
    private void recipient(LiveDeskRequest.ToConversation message) {
        if (message.customer() != null) {
            contact(message.customer());
            return;
        }
        Resolved<String> id = message.conversationId();
        if (id.value() == null) {
            throw new LiveDeskValidationException(id.source(), "is not set, and neither the "
                    + HeaderNames.CONVERSATION_ID + " header nor a customer header is",
                    "Name the conversation (livedesk:send?conversationId=141, or the header per message), or the "
                            + "customer: the " + HeaderNames.CUSTOMER_PHONE_NUMBER + ", "
                            + HeaderNames.CUSTOMER_EMAIL + " or " + HeaderNames.CUSTOMER_IDENTIFIER
                            + " header with the inboxId option (or the " + HeaderNames.INBOX_ID + " header)");
        }
        conversationId(id);
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    // what a mail server accepts is wider; this refuses what is surely no address (no @, no dot in the domain, spaces)
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_CONTACT_FIELD_LENGTH = 255;

    private static void contact(LiveDeskRequest.CreateContact contact) {
        inboxId(contact.inboxId());
        Resolved<String> email = contact.email();
        Resolved<String> phone = contact.phoneNumber();
        Resolved<String> identifier = contact.identifier();
        if (blank(email.value()) && blank(phone.value()) && blank(identifier.value())) {
            throw new LiveDeskValidationException("contact", "has no identifier, phone number or email",
                    "Give the customer at least one of them (CamelLiveDeskCustomerIdentifier, "
                            + "CamelLiveDeskCustomerPhoneNumber, CamelLiveDeskCustomerEmail or the NewContact "
                            + "fields), so that the contact can be found again");
        }
        if (!blank(phone.value()) && !E164.matcher(phone.value()).matches()) {
            throw new LiveDeskValidationException(phone.source(), quote(phone.value()) + " is not a phone number in "
                    + "E.164 form", "Write it as + and the country code and number, digits only, e.g. +4915112345678");
        }
        if (!blank(email.value()) && !EMAIL.matcher(email.value()).matches()) {
            throw new LiveDeskValidationException(email.source(), quote(email.value()) + " is not an email address",
                    "Use an address such as ana@example.com");
        }
        Resolved<String> avatar = contact.avatarUrl();
        if (!blank(avatar.value()) && !avatar.value().regionMatches(true, 0, "https://", 0, 8)
                && !avatar.value().regionMatches(true, 0, "http://", 0, 7)) {
            throw new LiveDeskValidationException(avatar.source(), quote(avatar.value()) + " is not an http(s) URL",
                    "Give a public https link to the picture");
        }
        for (Resolved<String> field : List.of(contact.name(), email, phone, identifier, avatar)) {
            if (field.value() != null && field.value().length() > MAX_CONTACT_FIELD_LENGTH) {
                throw new LiveDeskValidationException(field.source(), "has " + field.value().length()
                        + " characters, more than " + MAX_CONTACT_FIELD_LENGTH, "Shorten it");
            }
        }
        if (identifier.value() != null && identifier.value().isBlank()) {
            throw new LiveDeskValidationException(identifier.source(), "is blank",
                    "Leave the identifier out or give your key for the customer");
        }
    }

    private static void conversation(LiveDeskRequest.CreateConversation conversation) {
        inboxId(conversation.inboxId());
        Resolved<Long> contactId = conversation.contactId();
        Resolved<String> sourceId = conversation.sourceId();
        if (contactId.value() == null && blank(sourceId.value())) {
            throw new LiveDeskValidationException("conversation", "names no contact: neither a contact id nor a "
                    + "source id is set",
                    "Set the CamelLiveDeskContactId header (the id livedesk:contact answered) "
                            + "or CamelLiveDeskSourceId, or give a NewConversation body");
        }
        if (contactId.value() != null && contactId.value() < 1) {
            throw new LiveDeskValidationException(contactId.source(), quote(contactId.value())
                    + " is not a contact id", "Use the positive id LiveDesk gave the contact");
        }
    }

    private static void inboxId(Resolved<Long> inboxId) {
        if (inboxId.value() == null) {
            throw new LiveDeskValidationException(inboxId.source(), "is not set and there is no "
                    + HeaderNames.INBOX_ID + " header",
                    "Set the inboxId option to the API channel's Channel ID "
                            + "(e.g. livedesk:template?inboxId=407) or the header per message");
        }
        if (inboxId.value() < 1) {
            throw new LiveDeskValidationException(inboxId.source(), quote(inboxId.value()) + " is not an inbox id",
                    "Use the positive Channel ID of the API channel");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // ---- status

    private static void status(LiveDeskRequest.ToggleStatus toggle) {
        Resolved<String> status = toggle.status();
        if (status.value() == null) {
            throw new LiveDeskValidationException(status.source(), "is not set and there is no "
                    + HeaderNames.NEW_STATUS + " header",
                    "Set the status option (livedesk:status?status="
                            + "resolved), the header or a String body to open, resolved, pending or snoozed");
        }
        ConversationStatus wanted = ConversationStatus.fromWire(status.value());
        if (wanted == null) {
            throw new LiveDeskValidationException(status.source(), quote(status.value()) + " is not a conversation "
                    + "status", "Use open, resolved, pending or snoozed");
        }
        Resolved<Long> until = toggle.snoozedUntil();
        if (until.value() != null) {
            if (wanted != ConversationStatus.SNOOZED) {
                throw new LiveDeskValidationException(until.source(), "is set for status " + quote(status.value()),
                        "Snooze until a time only with status snoozed; remove the header otherwise");
            }
            long now = System.currentTimeMillis() / 1000;
            if (until.value() <= now) {
                throw new LiveDeskValidationException(until.source(), Instant.ofEpochSecond(until.value())
                        + " is not in the future",
                        "Give a time after now, or none to snooze until the customer's "
                                + "next message");
            }
        }
    }

    // ---- ids

    /**
     * The conversation id is a path segment, a string in the API: 1 to 64 of {@code A-Z a-z 0-9 _ -}, starting with
     * a letter or digit, and not zero when it is a number. No value can change the path or need encoding.
     */
    void conversationId(Resolved<String> id) {
        String value = id.value();
        String source = id.source();
        if (value == null) {
            throw new LiveDeskValidationException(source, "is not set and there is no "
                    + HeaderNames.CONVERSATION_ID + " header",
                    "Set it on the endpoint (livedesk:send?conversationId=141), on the component, or per message "
                            + "with the header");
        }
        if (value.isBlank()) {
            throw new LiveDeskValidationException(source, "is blank", CONVERSATION_ID_FIX);
        }
        if (value.length() > MAX_CONVERSATION_ID_LENGTH) {
            throw new LiveDeskValidationException(source, quote(value) + " has " + value.length()
                    + " characters, more than the " + MAX_CONVERSATION_ID_LENGTH
                    + " a conversation id may have",
                    CONVERSATION_ID_FIX);
        }
        boolean digitsOnly = true;
        boolean zero = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_' && c != '-') {
                String what = Character.isWhitespace(c) ? "whitespace"
                        : Character.isISOControl(c) ? "a control character"
                                : quote(c);
                throw new LiveDeskValidationException(source, quote(value) + " contains " + what + " at position "
                        + (i + 1), CONVERSATION_ID_FIX);
            }
            digitsOnly &= digit;
            zero &= c == '0';
        }
        if (value.charAt(0) == '-' || value.charAt(0) == '_') {
            throw new LiveDeskValidationException(source, quote(value) + " is not a positive number and does not start "
                    + "with a letter or digit", CONVERSATION_ID_FIX);
        }
        if (digitsOnly && zero) {
            throw new LiveDeskValidationException(source, quote(value) + " is not a positive number",
                    CONVERSATION_ID_FIX);
        }
    }

    private static void messageId(Resolved<Long> id) {
        if (id.value() == null) {
            throw new LiveDeskValidationException(id.source(), "is not set and there is no "
                    + HeaderNames.MESSAGE_ID + " header",
                    "Set the header to the id of the failed message (LiveDeskMessageFailedException.getMessageId()) "
                            + "or use livedesk:retry?messageId=...");
        }
        if (id.value() < 1) {
            throw new LiveDeskValidationException(id.source(), quote(id.value()) + " is not a positive message id",
                    "Use the numeric id LiveDesk returned for the message");
        }
    }

    // ---- send

    private void send(LiveDeskRequest.Send send) {
        Resolved<String> content = send.content();
        String text = content.value();
        if ((text == null || text.isBlank()) && !send.hasAttachments()) {
            throw new LiveDeskValidationException(content.source(),
                    "content " + (text == null ? "is missing" : "is blank"),
                    "Send a non-empty text (message body, CamelLiveDeskContent header or SendMessageRequest.content), "
                            + "or attach a file");
        }
        content(text, content.source());
        Long inReplyTo = send.inReplyTo().value();
        if (inReplyTo != null && inReplyTo < 1) {
            throw new LiveDeskValidationException(send.inReplyTo().source(), quote(inReplyTo) + " is not a message id",
                    "Use the positive id of the message to reply to");
        }
        attachments(send.attachments());
    }

    private void content(String content, String source) {
        if (content == null) {
            return;
        }
        if (content.length() > maxContentLength) {
            throw new LiveDeskValidationException(source,
                    "content has " + content.length() + " characters, more than the "
                            + maxContentLength + " LiveDesk accepts",
                    "Shorten the text, split it into several messages, or raise the maxContentLength option");
        }
        if (hasLoneSurrogate(content)) {
            throw new LiveDeskValidationException(source, "content contains invalid Unicode (an unpaired surrogate)",
                    "Fix the text's encoding before sending it");
        }
    }

    private void attachments(Resolved<List<Attachment>> attachments) {
        List<Attachment> files = attachments.value();
        if (files.size() > maxAttachments) {
            throw new LiveDeskValidationException(attachments.source(), files.size() + " files, more than the "
                    + maxAttachments + " allowed per message",
                    "Send them in several messages or raise the maxAttachments option if your account allows more");
        }
        for (Attachment attachment : files) {
            attachment(attachment, attachments.source());
        }
    }

    private void attachment(Attachment attachment, String source) {
        String name = attachment.fileName();
        if (name == null || name.isBlank()) {
            throw new LiveDeskValidationException("attachment file name (" + source + ")", "is missing",
                    "Set the CamelFileName header or use Attachment.of(name, ...)");
        }
        if (name.length() > MAX_FILE_NAME_LENGTH) {
            throw new LiveDeskValidationException("attachment file name (" + source + ")", "is " + name.length()
                    + " characters long",
                    "Use a file name of at most " + MAX_FILE_NAME_LENGTH + " characters");
        }
        String where = "attachment " + escape(name);
        String contentType = attachment.contentType();
        if (contentType != null && contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new LiveDeskValidationException(where, "content type " + quote(contentType)
                    + " contains control or non-ASCII characters",
                    "Use a MIME type such as application/pdf");
        }
        AttachmentSource content = AttachmentSource.of(attachment);
        if (content instanceof AttachmentSource.FileSource file) {
            Path path = file.path();
            if (!Files.exists(path)) {
                throw new LiveDeskValidationException(where, "file " + escape(path.toString()) + " does not exist",
                        "Check the path; the file may have been moved by another consumer");
            }
            if (Files.isDirectory(path)) {
                throw new LiveDeskValidationException(where, escape(path.toString()) + " is a directory",
                        "Send the files inside it one by one or as a collection");
            }
            if (!Files.isReadable(path)) {
                throw new LiveDeskValidationException(where, "file " + escape(path.toString()) + " is not readable",
                        "Fix the file's permissions for the user running Camel");
            }
        }
        long size;
        try {
            size = content.length();
        } catch (IOException e) {
            throw new LiveDeskValidationException(where, "its size cannot be read: " + quote(e.getMessage()),
                    "Check that the file is readable", e);
        }
        if (size > maxAttachmentSize) {
            throw new LiveDeskValidationException(where, size + " bytes, more than the " + maxAttachmentSize
                    + " allowed per file",
                    "Compress or split the file, or raise the maxAttachmentSize option if your account allows more");
        }
    }

    // ---- template

    private void template(LiveDeskRequest.Template template) {
        TemplateMessage message = template.message();
        TemplateParams params = message.templateParams();
        if (params == null) {
            throw new LiveDeskValidationException("template_params", "is missing",
                    "Build the message with TemplateMessage.builder(name, language)");
        }
        content(message.content(), template.contentSource());
        required(params.name(), "template_params.name", template.nameSource(),
                "Set the templateName option, the CamelLiveDeskTemplateName header or TemplateMessage.builder(name, language)");
        required(params.language(), "template_params.language", template.languageSource(),
                "Set the templateLanguage option (e.g. en_US), the CamelLiveDeskTemplateLanguage header or "
                        + "TemplateMessage.builder(name, language)");
        if (params.processedParams() != null) {
            bodyVariableNames(params.processedParams().keySet());
        }
        if (params.headerParams() != null) {
            header(params.headerParams());
        }
        if (params.buttonParams() != null) {
            buttons(params.buttonParams());
        }
    }

    private static void bodyVariableNames(Set<String> names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new LiveDeskValidationException("template_params.processed_params", "has a blank variable name",
                        "Key body variables by position (\"1\", \"2\") or name");
            }
        }
    }

    private static void required(String value, String field, String source, String fix) {
        if (value == null) {
            throw new LiveDeskValidationException(field, "is missing", fix);
        }
        if (value.isBlank()) {
            throw new LiveDeskValidationException(field + " (" + source + ")", "is blank", fix);
        }
    }

    private static void header(TemplateHeader header) {
        String type = header.type();
        TemplateHeaderType headerType = null;
        for (TemplateHeaderType candidate : TemplateHeaderType.values()) {
            if (candidate.wireValue().equals(type)) {
                headerType = candidate;
            }
        }
        if (headerType == null) {
            throw new LiveDeskValidationException("template_params.header_params.type",
                    type == null ? "is missing" : quote(type) + " is not a header type",
                    "Use one of text, image, video, document, location (the TemplateHeader factories)");
        }
        if (headerType.isMedia()) {
            String url = header.mediaUrl();
            required(url, "template_params.header_params.media_url", "body",
                    "A " + type + " header needs the media URL: TemplateHeader." + type + "(url"
                            + (headerType == TemplateHeaderType.DOCUMENT ? ", filename)" : ")"));
            if (!url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7)) {
                throw new LiveDeskValidationException("template_params.header_params.media_url",
                        quote(url) + " is not an http(s) URL", "WhatsApp fetches the media: give a public https URL");
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
            throw new LiveDeskValidationException(field, quote(value) + " is outside -" + bound + " to " + bound,
                    "Give the " + name + " in decimal degrees between -" + bound + " and " + bound);
        }
    }

    private static void buttons(List<TemplateButton> buttons) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            TemplateButton button = buttons.get(i);
            String field = "template_params.button_params[" + i + "]";
            if (button == null) {
                throw new LiveDeskValidationException(field, "is null",
                        "Remove it or use TemplateButton.url/quickReply");
            }
            if (button.index() == null || button.index() < 0) {
                throw new LiveDeskValidationException(field + ".index",
                        button.index() == null ? "is missing" : quote(button.index()) + " is negative",
                        "Use the button's position in the template, starting from 0");
            }
            if (!seen.add(button.index())) {
                throw new LiveDeskValidationException(field + ".index", quote(button.index()) + " is used twice",
                        "Give each button its own index");
            }
            String subType = button.subType();
            if (TemplateButton.URL.equals(subType)) {
                required(button.text(), field + ".text", "body",
                        "A url button needs text, the URL suffix: TemplateButton.url(index, text)");
            } else if (TemplateButton.QUICK_REPLY.equals(subType)) {
                required(button.payload(), field + ".payload", "body",
                        "A quick_reply button needs a payload: TemplateButton.quickReply(index, payload)");
            } else {
                throw new LiveDeskValidationException(field + ".sub_type",
                        subType == null ? "is missing" : quote(subType) + " is not a button type",
                        "Use url or quick_reply");
            }
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
}
