package org.actrack.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo page in headless Chromium, on the demo WAR as built, on Payara Micro (or WildFly with {@code -Pwildfly}):
 * follow a train, make it depart, see the new action appear unread, mark it read.
 */
@EnabledIf(value = "browserInstalled",
        disabledReason = "No Chromium: install Debian's chromium and chromium-driver (.ci/run does) to run the browser test")
@DisabledIfSystemProperty(named = "actrack.test.db", matches = "postgresql|mariadb",
        disabledReason = "the demo runs on its own in-memory H2 whatever actrack.test.db says: the H2 run covers it")
@ExtendWith(ArquillianExtension.class)
class DemoPageIT {

    @Deployment(testable = false)
    static WebArchive demo() {
        File war = new File(Objects.requireNonNull(System.getProperty("demo.war"), "demo.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    static boolean browserInstalled() {
        return WebDriverClient.available();
    }

    @ArquillianResource
    URL page;

    @Test
    @RunAsClient
    void followATrainMakeItDepartAndReadTheNewAction() throws Exception {
        try (WebDriverClient browser = WebDriverClient.start()) {
            browser.open(page.toString());
            browser.waitFor("return document.querySelectorAll('#user option').length", v -> number(v) == 3, "the users");
            browser.script("const s = document.querySelector('#user'); s.value = [...s.options].find(o => o.text === 'alice').value;"
                    + " s.dispatchEvent(new Event('change')); return true;");
            browser.waitFor("return document.querySelector('[data-follow=\"train-56\"]')?.textContent", v -> text(v).equals("Follow"),
                    "train 56 not followed yet");
            // What the server says, not what the page showed last: the page refreshes on its own.
            long unreadBefore = number(browser.script("const x = new XMLHttpRequest();"
                    + " x.open('GET', 'api/users/' + document.querySelector('#user').value + '/unread', false); x.send();"
                    + " return Number(x.responseText)"));

            browser.click("[data-follow=\"train-56\"]");
            browser.waitFor("return document.querySelector('[data-follow=\"train-56\"]').textContent", v -> text(v).equals("Unfollow"),
                    "train 56 followed");
            browser.click("[data-depart=\"56\"]");

            String unreadItem = "return [...document.querySelectorAll('#feed li.unread')]"
                    + ".filter(li => li.textContent.includes('Train 56 left Marseille for'))"
                    + ".map(li => li.dataset.action)[0] || null";
            JsonValue actionId = browser.waitFor(unreadItem, v -> v instanceof JsonString, "the departure, unread, in the feed");
            assertThat(number(browser.waitFor("return Number(document.querySelector('#unread-count').textContent)",
                    v -> number(v) == unreadBefore + 1, "one more unread"))).isEqualTo(unreadBefore + 1);

            browser.click("[data-read=\"" + text(actionId) + "\"]");
            browser.waitFor("return document.querySelector('#feed li[data-action=\"" + text(actionId) + "\"]').className",
                    v -> !text(v).contains("unread"), "the departure marked read");
            browser.waitFor("return Number(document.querySelector('#unread-count').textContent)", v -> number(v) == unreadBefore,
                    "the unread count back to " + unreadBefore);
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }

    private static long number(JsonValue value) {
        return value instanceof jakarta.json.JsonNumber number ? number.longValue() : -1;
    }
}
