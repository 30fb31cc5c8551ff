package io.github.camellivedesk.simulator;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox page in a real browser (headless Chromium): what the API stored shows as an agent would see it, live,
 * and the page's actions go through the inspection API. Messages are sent over HTTP to the simulator's API, as the
 * component sends them. Skipped when Chromium is not installed.
 */
class InboxPageBrowserTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private static final String TEMPLATE = """
            {"content":"Hi {{1}}, your order is {{2}}.","message_type":"outgoing","template_params":{
             "name":"order_update","language":"en_US","category":"UTILITY",
             "processed_params":{"1":"John","2":"shipped"},
             "header_params":{"type":"text","text_variables":{"1":"Order #456"}},
             "footer_params":{"text_variables":{"1":"Acme Corp"}},
             "button_params":[{"index":0,"sub_type":"url","text":"track/12345"},
                              {"index":1,"sub_type":"quick_reply","payload":"OPT_OUT"}]}}
            """;
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private static WebDriver browser;
    private Api api;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openThePage() {
        // here rather than in @BeforeAll: a skip then names each test and carries the install command in the report
        if (browser == null) {
            browser = HeadlessChromium.start();
        }
        api = new Api(LIVEDESK.simulator());
        browser.get(LIVEDESK.simulator().pageUrl());
        waitFor(driver -> !driver.findElements(By.cssSelector(".conv[data-conversation='141']")).isEmpty());
    }

    @Test
    void showsTheConversationAsAnAgentSeesItLive() throws Exception {
        // sent after the page loaded: it must show them without a reload
        api.postJson(Api.messagesPath(141), "{\"content\":\"Your order shipped\"}");
        api.postJson(Api.messagesPath(141), "{\"content\":\"Customer asked twice, be kind\",\"private\":true}");
        api.postJson(Api.messagesPath(141),
                "{\"content\":\"Tracking follows\",\"content_attributes\":{\"in_reply_to\":1}}");
        api.postJson(Api.messagesPath(141), TEMPLATE);
        api.postMultipart(Api.messagesPath(141), new Api.Multipart().field("content", "The parcel")
                .file("filename=\"parcel.png\"", "image/png", png()).end());

        List<WebElement> bubbles = settled().findElements(By.cssSelector("#messages .msg"));
        assertThat(bubbles).hasSize(5);

        assertThat(bubbles.get(0).getAttribute("class")).contains("outgoing");
        assertThat(text(bubbles.get(0), ".text")).isEqualTo("Your order shipped");
        assertThat(text(bubbles.get(0), ".status")).isEqualTo("sent");
        assertThat(bubbles.get(1).getAttribute("class")).contains("private");
        assertThat(text(bubbles.get(1), ".note")).isEqualToIgnoringCase("Private note");
        assertThat(text(bubbles.get(2), ".reply")).isEqualTo("↪ reply to #1: Your order shipped");
        assertThat(bubbles.get(2).findElement(By.cssSelector(".reply")).getAttribute("href")).endsWith("#m-1");
        WebElement template = bubbles.get(3);
        assertThat(text(template, ".theader")).isEqualTo("Order #456");
        assertThat(text(template, ".body")).isEqualTo("Hi John, your order is shipped.");
        assertThat(text(template, ".tfooter")).isEqualTo("Acme Corp");
        assertThat(template.findElements(By.cssSelector(".tbutton")).stream().map(WebElement::getText))
                .containsExactly("↗ track/12345", "↩ OPT_OUT");
        WebElement image = bubbles.get(4).findElement(By.tagName("img"));
        waitFor(driver -> ((Number) script("return arguments[0].naturalWidth", image)).intValue() == 64);
        assertThat(text(bubbles.get(4), ".text")).isEqualTo("The parcel");
        HeadlessChromium.screenshot(browser, "inbox-conversation");
    }

    @Test
    void templateHeadersShowInlineOnlyFromTheSimulatorsOwnStorage() throws Exception {
        api.postMultipart(Api.messagesPath(141), new Api.Multipart().field("content", "logo")
                .file("filename=\"logo.png\"", "image/png", png()).end());
        String ownImage = LIVEDESK.simulator().attachments().get(0).dataUrl();
        api.postJson(Api.messagesPath(141), template("{\"type\":\"image\",\"media_url\":\"" + ownImage + "\"}"));
        api.postJson(Api.messagesPath(141), template(
                "{\"type\":\"location\",\"location\":{\"latitude\":52.52,\"longitude\":13.405,"
                        + "\"name\":\"Depot\",\"address\":\"Main St 1\"}}"));
        api.postJson(Api.messagesPath(141),
                template("{\"type\":\"document\",\"media_url\":\"https://files.example/invoice.pdf\"}"));

        settled();
        WebElement image = bubble(browser, 2).findElement(By.cssSelector(".template img"));
        waitFor(driver -> ((Number) script("return arguments[0].naturalWidth", image)).intValue() == 64);
        assertThat(text(bubble(browser, 3), ".media")).isEqualTo("Location: Depot, Main St 1 (52.52, 13.405)");
        // nothing from elsewhere is loaded: the document is named, with its URL as text
        assertThat(text(bubble(browser, 4), ".media"))
                .isEqualTo("document header (not loaded, not from the simulator): https://files.example/invoice.pdf");
        assertThat(bubble(browser, 4).findElements(By.cssSelector("img, a, video, iframe"))).isEmpty();
        assertThat(text(bubble(browser, 4), ".body")).isEqualTo("Hi John, your order is shipped.");
    }

    private static String template(String header) {
        return "{\"content\":\"Hi {{1}}, your order is {{2}}.\",\"message_type\":\"outgoing\",\"template_params\":{"
                + "\"name\":\"order_update\",\"language\":\"en_US\",\"processed_params\":{\"1\":\"John\",\"2\":\"shipped\"},"
                + "\"header_params\":" + header + "}}";
    }

    @Test
    void aFailedMessageShowsItsErrorAndTheCustomerWritingFromThePageLetsTheRetryThrough() throws Exception {
        SimulatedConversation conversation = LIVEDESK.simulator().conversation(141L);
        api.postJson(Api.messagesPath(141), "{\"content\":\"Are you there?\"}");

        // the page's own actions: fail the message after the fact (the error field holds 131047), close the window
        bubble(settled(), 1).findElement(By.cssSelector("button.act-fail")).click();
        waitFor(driver -> "failed".equals(text(bubble(driver, 1), ".status")));
        assertThat(text(bubble(settled(), 1), ".error")).isEqualTo("⚠ 131047: Re-engagement message is not allowed");
        browser.findElement(By.id("close-window")).click();
        waitFor(driver -> !conversation.windowOpen());
        HttpResponse<String> refused = api.postJson(Api.messagesPath(141), "{\"content\":\"Still there?\"}");
        assertThat(Api.json(refused)).containsEntry("status", "failed");
        assertThat(text(bubble(settled(), 2), ".error")).isEqualTo("⚠ 131047: Re-engagement message is not allowed");
        HeadlessChromium.screenshot(browser, "inbox-failed");

        browser.findElement(By.id("customer-text")).sendKeys("Yes, I am here");
        browser.findElement(By.id("customer-send")).click();
        waitFor(driver -> bubble(driver, 3));
        WebElement incoming = bubble(settled(), 3);
        assertThat(incoming.getAttribute("class")).contains("incoming");
        assertThat(text(incoming, ".text")).isEqualTo("Yes, I am here");
        assertThat(conversation.windowOpen()).isTrue();
        assertThat(text(browser.findElement(By.cssSelector(".conv[data-conversation='141']")), ".unread"))
                .isEqualTo("1");

        HttpResponse<String> retried = api.postJson("/api/v2/accounts/conversations/141/messages/2/retry", "{}");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Api.json(retried)).containsEntry("status", "sent");
        assertThat(text(bubble(settled(), 2), ".status")).isEqualTo("sent");
        assertThat(bubble(browser, 2).findElements(By.cssSelector(".error"))).isEmpty();
        HeadlessChromium.screenshot(browser, "inbox-retried");
    }

    @Test
    void contentFromARequestStaysText() throws Exception {
        api.postJson("/api/v2/accounts/contacts", "{\"inbox_id\":79,\"name\":\"<b onmouseover=alert(2)>Eve</b>\"}");
        Map<String, Object> created = Api.json(api.postJson("/api/v2/accounts/conversations",
                "{\"inbox_id\":79,\"contact_id\":1}"));
        long id = ((Number) created.get("id")).longValue();
        api.postJson(Api.messagesPath(id), "{\"content\":\"" + HOSTILE + "\"}");

        WebElement row = settled().findElement(By.cssSelector(".conv[data-conversation='" + id + "']"));
        assertThat(text(row, ".who")).isEqualTo("#" + id + " <b onmouseover=alert(2)>Eve</b>");
        row.click();
        WebElement hostile = waitFor(driver -> bubble(driver, 1));

        assertThat(text(hostile, ".text")).isEqualTo(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#messages img, .conv b, #requests img"))).isEmpty();
        assertThat(browser.findElement(By.id("requests")).getText()).contains(HOSTILE.replace("\"", ""));
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        HeadlessChromium.screenshot(browser, "inbox-hostile");
    }

    @Test
    void withAnAdminTokenThePageTakesItOnceFromTheFragmentAndSendsItAsAHeader() throws Exception {
        try (LiveDeskSimulator guarded = SimulatorMain.run(
                new String[]{ "--port", "0", "--admin-token", "t0k3n", "--conversations", "7" },
                new java.io.PrintStream(new ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8))) {
            browser.get(guarded.pageUrl() + "#token=t0k3n");

            waitFor(driver -> !driver.findElements(By.cssSelector(".conv[data-conversation='7']")).isEmpty());
            // the token leaves the address bar (and so the history and screenshots)
            assertThat(browser.getCurrentUrl()).isEqualTo(guarded.pageUrl());

            browser.get(guarded.pageUrl().replace("127.0.0.1", "localhost"));
            waitFor(driver -> "needs the admin token".equals(driver.findElement(By.id("live")).getText()));
            assertThat(browser.findElement(By.id("token-box")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.cssSelector(".conv"))).isEmpty();
        }
    }

    /**
     * Waits until the page shows the simulator's current state (the change counter it rendered is the simulator's),
     * after which nothing re-renders until the test changes something: elements found then do not go stale.
     */
    private static WebDriver settled() {
        return waitFor(driver -> String.valueOf(LIVEDESK.simulator().changeVersion())
                .equals(driver.findElement(By.tagName("body")).getAttribute("data-version")) ? driver : null);
    }

    private static WebElement bubble(WebDriver driver, long messageId) {
        return driver.findElements(By.cssSelector("#messages .msg[data-message-id='" + messageId + "']")).stream()
                .findFirst().orElse(null);
    }

    private static String text(WebElement element, String css) {
        List<WebElement> found = element.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** Waits with a deadline for a condition that a live page meets within a second; generous for a busy CI. */
    private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x1e3a5f), 64, 48, new Color(0x16a34a)));
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
