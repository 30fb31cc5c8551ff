package io.github.camellivedesk.examples.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.activation.DataHandler;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.attachment.AttachmentMessage;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.model.Attachment;

/**
 * Turns a mail into what {@code livedesk:send} takes: the subject and the text as the content, each attachment of the
 * mail as an {@link Attachment} read from its {@code DataHandler}'s stream while the request is written, so a large
 * attachment is never held in memory whole.
 */
final class MailToLiveDesk implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String subject = in.getHeader("Subject", "", String.class);
        String text = in.getBody(String.class);
        String content = text == null || text.isBlank() ? subject : subject + "\n\n" + text.strip();

        List<Attachment> attachments = new ArrayList<>();
        AttachmentMessage mail = exchange.getMessage(AttachmentMessage.class);
        if (mail.hasAttachments()) {
            for (Map.Entry<String, DataHandler> entry : mail.getAttachments().entrySet()) {
                DataHandler data = entry.getValue();
                attachments.add(Attachment.of(entry.getKey(), data.getInputStream()).withContentType(mimeType(data)));
            }
        }
        if (attachments.isEmpty()) {
            in.setBody(content);
        } else {
            in.setHeader(LiveDeskConstants.CONTENT, content);
            in.setBody(attachments);
        }
    }

    /** {@code application/pdf; name=report.pdf} gives {@code application/pdf}. */
    private static String mimeType(DataHandler data) {
        String type = data.getContentType();
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
