package io.github.camellivedesk.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Chatwoot's contact model checks, in its order (email, identifier, phone number), for the fields LiveDesk
 * documents. Blank values count as absent ({@code allow_blank}); uniqueness is {@link ContactBook}'s part.
 */
final class ContactRules {

    /** Chatwoot's {@code /\A\+[1-9]\d{1,14}\z/}: E.164, a plus then 2 to 15 digits. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    /** Devise's {@code email_regexp}, which Chatwoot uses: something, an at sign, something, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** The contact fields of a create request, blank ones null, the email in lower case as Chatwoot stores it. */
    record Draft(String name, String email, String phoneNumber, String identifier, String avatarUrl) {
    }

    /** A draft, or the fields whose JSON type no text can be made of. */
    sealed interface Parsed permits Valid, Invalid {
    }

    record Valid(Draft draft) implements Parsed {
    }

    record Invalid(List<MessageRules.Violation> violations) implements Parsed {
    }

    private ContactRules() {
    }

    static Parsed parse(Map<String, Object> body) {
        List<MessageRules.Violation> violations = new ArrayList<>();
        String name = text(body, "name", "Name", violations);
        String email = text(body, "email", "Email", violations);
        String phone = text(body, "phone_number", "Phone number", violations);
        String identifier = text(body, "identifier", "Identifier", violations);
        String avatar = text(body, "avatar_url", "Avatar url", violations);
        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        return new Valid(new Draft(name, email == null ? null : email.toLowerCase(Locale.ROOT), phone, identifier,
                avatar));
    }

    static boolean emailLooksValid(String email) {
        return EMAIL.matcher(email).matches();
    }

    static boolean isE164(String phone) {
        return E164.matcher(phone).matches();
    }

    /** A text field: strings as sent, whole numbers as their digits (Rails casts them), blank as absent. */
    private static String text(Map<String, Object> body, String field, String label,
            List<MessageRules.Violation> violations) {
        Object value = body.get(field);
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        violations.add(new MessageRules.Violation(field, label + " is invalid"));
        return null;
    }
}
