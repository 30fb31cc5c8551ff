package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A contact to create with {@code POST /api/v2/accounts/contacts}: the customer an API channel's conversations are
 * with. LiveDesk's API channel creates no contact by itself, so a conversation with a new customer starts here.
 *
 * @param inboxId     {@code inbox_id}: the API channel (inbox) the contact writes through; required
 * @param name        the contact's name
 * @param email       an email address
 * @param phoneNumber {@code phone_number}, in E.164 form ({@code +} and 2 to 15 digits)
 * @param avatarUrl   {@code avatar_url}: an http(s) link to a picture
 * @param identifier  your own key for the customer (a customer number); unique per account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "inbox_id", "name", "email", "phone_number", "avatar_url", "identifier" })
public record NewContact(
        @JsonProperty("inbox_id") Long inboxId,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("avatar_url") String avatarUrl,
        @JsonProperty("identifier") String identifier) {

    /** A builder with no field set; the endpoint's inboxId option and the customer headers fill what is left out. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this contact's values. */
    public Builder toBuilder() {
        return new Builder().inboxId(inboxId).name(name).email(email).phoneNumber(phoneNumber).avatarUrl(avatarUrl)
                .identifier(identifier);
    }

    /** Builds a {@link NewContact}. */
    public static final class Builder {
        private Long inboxId;
        private String name;
        private String email;
        private String phoneNumber;
        private String avatarUrl;
        private String identifier;

        private Builder() {
        }

        public Builder inboxId(Long inboxId) {
            this.inboxId = inboxId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phoneNumber(String phoneNumber) {
            this.phoneNumber = phoneNumber;
            return this;
        }

        public Builder avatarUrl(String avatarUrl) {
            this.avatarUrl = avatarUrl;
            return this;
        }

        public Builder identifier(String identifier) {
            this.identifier = identifier;
            return this;
        }

        public NewContact build() {
            return new NewContact(inboxId, name, email, phoneNumber, avatarUrl, identifier);
        }
    }
}
