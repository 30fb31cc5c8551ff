package io.github.camellivedesk.examples.email;

import java.util.Map;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** What a customer does: writes to the support mailbox over SMTP, with attachments or without. */
final class MailSender {

    private final Session session;

    MailSender(String host, int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        session = Session.getInstance(properties);
    }

    /** Sends a mail; {@code attachments} maps file names to their content type and bytes. */
    void send(String from, String to, String subject, String text, Map<String, Map.Entry<String, byte[]>> attachments)
            throws MessagingException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        if (attachments.isEmpty()) {
            mail.setText(text, "UTF-8");
        } else {
            MimeMultipart multipart = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            multipart.addBodyPart(body);
            for (Map.Entry<String, Map.Entry<String, byte[]>> attachment : attachments.entrySet()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(
                        new ByteArrayDataSource(attachment.getValue().getValue(), attachment.getValue().getKey())));
                part.setFileName(attachment.getKey());
                multipart.addBodyPart(part);
            }
            mail.setContent(multipart);
        }
        Transport.send(mail);
    }
}
