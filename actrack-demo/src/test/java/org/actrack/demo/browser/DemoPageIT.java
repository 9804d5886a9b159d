/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.util.Objects;
import org.actrack.demo.DemoLogin;
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
 * sign in, follow a train, make it depart to a station with markup characters in its name, watch the action arrive
 * through the live feed (unread, with the new count), mark it read, see a refused move explained; then bob, signed
 * in over plain HTTP, cannot read or mark alice's action.
 */
@EnabledIf(
        value = "browserInstalled",
        disabledReason =
                "No Chromium: install Debian's chromium and chromium-driver (.ci/run does) to run the browser test")
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
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
    void aliceSignsInFollowsATrainAndWatchesItsDepartureArriveLiveWhileBobCannotReadIt() throws Exception {
        try (WebDriverClient browser = WebDriverClient.start()) {
            browser.open(page.toString());
            browser.waitFor(
                    "return location.pathname.endsWith('login.html')", JsonValue.TRUE::equals, "the sign-in page");
            browser.script("document.querySelector('#j_username').value = 'alice';"
                    + " document.querySelector('#j_password').value = '" + DemoLogin.PASSWORDS.get("alice") + "';"
                    + " document.querySelector('form').submit(); return true;");
            browser.waitFor(
                    "return document.querySelector('#me')?.textContent",
                    v -> text(v).equals("alice"),
                    "signed in as alice");
            browser.waitFor(
                    "return document.querySelector('#live').textContent",
                    v -> text(v).equals("live"),
                    "the live feed open");
            browser.waitFor(
                    "return document.querySelector('[data-follow=\"train-56\"]')?.textContent",
                    v -> text(v).equals("Follow"),
                    "train 56 not followed yet");
            long unreadBefore = number(
                    browser.script(
                            "const x = new XMLHttpRequest();"
                                    + " x.open('GET', 'activity/feed/unread-count', false); x.send(); return JSON.parse(x.responseText).unread"));

            browser.click("[data-follow=\"train-56\"]");
            browser.waitFor(
                    "return document.querySelector('[data-follow=\"train-56\"]').textContent",
                    v -> text(v).equals("Unfollow"),
                    "train 56 followed");
            browser.script("const s = document.querySelector('[data-destination=\"56\"]');"
                    + " s.value = [...s.options].find(o => o.text.startsWith('Nice')).value; return true;");
            browser.click("[data-depart=\"56\"]");

            // The page never reloads its feed after a move: the item can only come from the live feed.
            String unreadItem = "return [...document.querySelectorAll('#feed li.unread')]"
                    + ".filter(li => li.textContent.includes('Train 56 left Marseille for Nice <Ville> & Riviera'))"
                    + ".map(li => li.dataset.action)[0] || null";
            JsonValue actionId =
                    browser.waitFor(unreadItem, v -> v instanceof JsonString, "the departure, unread, arriving live");
            assertThat(browser.script("return document.querySelector('#feed ville') === null"))
                    .as("the name is text, not markup")
                    .isEqualTo(JsonValue.TRUE);
            browser.waitFor(
                    "return Number(document.querySelector('#unread-count').textContent)",
                    v -> number(v) == unreadBefore + 1,
                    "one more unread, sent by the live feed");

            browser.waitFor(
                    "return Number(document.querySelector('#unseen-count').textContent)",
                    v -> number(v) >= 1,
                    "the bell counts the departure as not seen");
            browser.click("#bell");
            browser.waitFor(
                    "return Number(document.querySelector('#unseen-count').textContent)",
                    v -> number(v) == 0,
                    "opening the notifications marks everything seen");
            String departures = "[...document.querySelectorAll('#groups li')]"
                    + ".find(li => li.textContent.includes('Train 56 left Marseille for Nice <Ville> & Riviera'))";
            JsonValue groupKey = browser.waitFor(
                    "const li = " + departures + "; return li && li.className === 'unread' ? li.dataset.group : null",
                    v -> v instanceof JsonString,
                    "the departure's group, unread, in the notifications");
            assertThat(
                            number(
                                    browser.script(
                                            "const x = new XMLHttpRequest();"
                                                    + " x.open('GET', 'activity/feed/unread-count', false); x.send(); return JSON.parse(x.responseText).unread")))
                    .as("seen is not read")
                    .isEqualTo(unreadBefore + 1);
            browser.script("[...document.querySelectorAll('#groups li')].find(li => li.dataset.group === " + groupKey
                    + ").querySelector('button').click(); return true;");
            browser.waitFor(
                    "const li = " + departures + "; return li ? li.className : null",
                    v -> v instanceof JsonString && !text(v).contains("unread"),
                    "the departure's group marked read");
            String unread =
                    "const x = new XMLHttpRequest(); x.open('GET', 'activity/feed?unread=true&size=100', false);"
                            + " x.send(); return JSON.parse(x.responseText).items.map(item => item.id)";
            assertThat(browser.script(unread).toString())
                    .as("the group's actions are read")
                    .doesNotContain(text(actionId));
            browser.waitFor(
                    "const x = new XMLHttpRequest(); x.open('GET', 'activity/feed/unread-count', false); x.send();"
                            + " return Number(document.querySelector('#unread-count').textContent)"
                            + " === JSON.parse(x.responseText).unread",
                    JsonValue.TRUE::equals,
                    "the badge showing the unread count after the group was read");

            long unreadNow = number(
                    browser.script(
                            "const x = new XMLHttpRequest();"
                                    + " x.open('GET', 'activity/feed/unread-count', false); x.send(); return JSON.parse(x.responseText).unread"));
            browser.click("[data-read=\"" + text(actionId) + "\"]");
            browser.waitFor(
                    "return document.querySelector('#feed li[data-action=\"" + text(actionId) + "\"]').className",
                    v -> !text(v).contains("unread"),
                    "the departure's line in the feed no longer unread");
            browser.waitFor(
                    "return Number(document.querySelector('#unread-count').textContent)",
                    v -> number(v) == unreadNow,
                    "the unread count unchanged at " + unreadNow + ": its group was read already");

            browser.click("[data-retire=\"56\"]");
            browser.waitFor(
                    "return document.querySelector('#error').textContent",
                    v -> text(v).contains("it can retire once it has arrived"),
                    "a travelling train cannot retire: the problem's detail, as text");

            SignedIn bob = SignedIn.as(page, "bob");
            assertThat(bob.sessionCookie())
                    .as("the session cookie stays on this site")
                    .containsIgnoringCase("SameSite=Lax");
            assertThat(bob.status("GET", "activity/actions/" + text(actionId)))
                    .as("trains are public in the demo: bob reads the" + " departure through the train's stream")
                    .isEqualTo(200);
            assertThat(bob.status("POST", "activity/feed/" + text(actionId) + "/read"))
                    .as("a form of another site could send this")
                    .isEqualTo(403);
            assertThat(bob.status("POST", "activity/feed/" + text(actionId) + "/read", "X-Requested-With", "test"))
                    .as("not in bob's feed: the same answer as for no action")
                    .isEqualTo(404);
            assertThat(bob.body("activity/feed?size=100"))
                    .as("bob's feed")
                    .doesNotContain("\"id\":" + text(actionId) + ",");
            assertThat(bob.status("GET", "activity/objects/User/1/actions"))
                    .as("a user's own stream is theirs alone")
                    .isEqualTo(403);
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }

    private static long number(JsonValue value) {
        return value instanceof jakarta.json.JsonNumber number ? number.longValue() : -1;
    }
}
