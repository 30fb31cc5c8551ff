package io.github.camellivedesk.simulator;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of {@link MessageRules}, one row each: the body, and the field the typed violation names (none = accepted). */
class MessageRulesTest {

    private static final String TEMPLATE = "\"message_type\":\"outgoing\",\"template_params\":{\"name\":\"order\",\"language\":\"en\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none",
            textBlock = """
                    text accepted                 | {"content":"hi"}                                                       | none
                    content missing               | {}                                                                     | content
                    content blank                 | {"content":"  "}                                                       | content
                    content not a string          | {"content":5}                                                          | content
                    private not a boolean         | {"content":"hi","private":"yes"}                                       | private
                    attributes not an object      | {"content":"hi","content_attributes":[]}                               | content_attributes
                    in_reply_to not an id         | {"content":"hi","content_attributes":{"in_reply_to":"29"}}             | content_attributes.in_reply_to
                    in_reply_to an id             | {"content":"hi","content_attributes":{"in_reply_to":29}}               | none
                    """)
    void textMessages(String rule, String body, String field) {
        assertThat(field(MessageRules.textMessage(parse(body)))).as(rule).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none",
            textBlock = """
                    template accepted             | {TEMPLATE}}                                                            | none
                    message_type missing          | {"template_params":{"name":"order","language":"en"}}                   | message_type
                    content not a string          | {"content":1,TEMPLATE}}                                                | content
                    template_params not an object | {"message_type":"outgoing","template_params":[]}                       | template_params
                    name missing                  | {"message_type":"outgoing","template_params":{"language":"en"}}        | template_params.name
                    language blank                | {"message_type":"outgoing","template_params":{"name":"o","language":""}} | template_params.language
                    processed_params not an object| {TEMPLATE,"processed_params":[1]}}                                     | template_params.processed_params
                    header not an object          | {TEMPLATE,"header_params":"x"}}                                        | template_params.header_params
                    header type unknown           | {TEMPLATE,"header_params":{"type":"gif"}}}                             | template_params.header_params.type
                    image without media_url       | {TEMPLATE,"header_params":{"type":"image"}}}                           | template_params.header_params.media_url
                    media_url not http            | {TEMPLATE,"header_params":{"type":"video","media_url":"ftp://x"}}}     | template_params.header_params.media_url
                    document accepted             | {TEMPLATE,"header_params":{"type":"document","media_url":"https://x/a.pdf"}}} | none
                    location missing              | {TEMPLATE,"header_params":{"type":"location"}}}                        | template_params.header_params.location
                    latitude out of range         | {TEMPLATE,"header_params":{"type":"location","location":{"latitude":91,"longitude":0}}}} | template_params.header_params.location.latitude
                    longitude missing             | {TEMPLATE,"header_params":{"type":"location","location":{"latitude":1}}}} | template_params.header_params.location.longitude
                    text_variables not an object  | {TEMPLATE,"header_params":{"type":"text","text_variables":[1]}}}       | template_params.header_params.text_variables
                    buttons not an array          | {TEMPLATE,"button_params":{}}}                                         | template_params.button_params
                    button not an object          | {TEMPLATE,"button_params":[1]}}                                        | template_params.button_params[0]
                    button index negative         | {TEMPLATE,"button_params":[{"index":-1,"sub_type":"url","text":"t"}]}} | template_params.button_params[0].index
                    button index twice            | {TEMPLATE,"button_params":[{"index":0,"sub_type":"url","text":"t"},{"index":0,"sub_type":"url","text":"u"}]}} | template_params.button_params[1].index
                    url button without text       | {TEMPLATE,"button_params":[{"index":0,"sub_type":"url"}]}}             | template_params.button_params[0].text
                    quick reply without payload   | {TEMPLATE,"button_params":[{"index":0,"sub_type":"quick_reply"}]}}     | template_params.button_params[0].payload
                    sub_type unknown              | {TEMPLATE,"button_params":[{"index":0,"sub_type":"call"}]}}            | template_params.button_params[0].sub_type
                    """)
    void templateMessages(String rule, String body, String field) {
        assertThat(field(MessageRules.templateMessage(parse(body.replace("TEMPLATE", TEMPLATE))))).as(rule)
                .isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            text only                     | hi   | 0 | none
            attachment only               | none | 1 | none
            neither                       | none | 0 | content
            blank text, no attachment     | ' '  | 0 | content
            """)
    void multipartMessages(String rule, String content, int attachments, String field) {
        assertThat(field(MessageRules.multipartMessage(content, attachments))).as(rule).isEqualTo(field);
    }

    @org.junit.jupiter.api.Test
    void contentLongerThan150000CharactersIsRefusedInEveryForm() {
        String tooLong = "x".repeat(MessageRules.MAX_CONTENT + 1);
        assertThat(field(MessageRules.textMessage(Map.of("content", tooLong)))).isEqualTo("content");
        assertThat(field(MessageRules.multipartMessage(tooLong, 1))).isEqualTo("content");
        assertThat(field(MessageRules.textMessage(Map.of("content", "x".repeat(MessageRules.MAX_CONTENT))))).isNull();
        assertThat(MessageRules.textMessage(Map.of()).orElseThrow().response().status()).isEqualTo(422);
    }

    private static String field(Optional<MessageRules.Violation> violation) {
        return violation.map(MessageRules.Violation::field).orElse(null);
    }

    private static Map<String, Object> parse(String json) {
        return Api.parse(json, new TypeReference<>() {});
    }
}
