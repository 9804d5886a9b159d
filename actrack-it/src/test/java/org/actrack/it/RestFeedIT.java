/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.actrack.it.rest.RestFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * actrack-rest in a WAR, called over HTTP as a client does: the caller's feed as plain JSON and Activity Streams
 * 2.0, unread count and read marks, errors as problem documents, and who may read what (alice follows a train,
 * bob nothing). On WildFly the build first lets WARs use their own identity store (wildfly/configure-server.cli).
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestFeedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Payara's OpenAPI reads the classes of WEB-INF/lib jars (actrack-rest's) only when told to.
        return Wars.application("actrack-rest-it", "actrack.user-type=Member", "mp.openapi.extensions.scan.lib=true")
                .addPackage(RestFixture.class.getPackage())
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    URL base;

    private RestClient client;

    @BeforeEach
    void fixture() throws Exception {
        client = new RestClient(base);
        client.fixture();
    }

    @Test
    void aCallerWithoutCredentialsGets401AsAProblem() throws Exception {
        HttpResponse<String> response = send(get("activity/feed", null, "application/json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
        assertThat(json(response).asJsonObject().getString("code")).isEqualTo("ACTRACK-902");
    }

    @Test
    void theFeedAsPlainJsonShowsWhatTheCallerFollows() throws Exception {
        HttpResponse<String> response = send(get("activity/feed", "alice", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonObject> items =
                json(response).asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(item -> item.getString("verb")).containsExactly("arrived", "departed");
        JsonObject arrival = items.get(0);
        assertThat(arrival.getJsonObject("actor").getString("name")).isEqualTo("driver <b>&</b>");
        assertThat(arrival.getJsonArray("targets").getJsonObject(0).getString("name"))
                .isEqualTo("31");
        assertThat(arrival.getJsonArray("related").getJsonObject(0).getString("name"))
                .isEqualTo("Paris");
        assertThat(arrival.getString("summary")).startsWith("Train 31 arrived at Paris");
    }

    @Test
    void theFeedAsActivityStreamsIsAnOrderedCollectionOfPages() throws Exception {
        for (String mediaType : List.of(
                "application/activity+json",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"")) {
            JsonObject collection =
                    json(send(get("activity/feed?size=1", "alice", mediaType))).asJsonObject();
            assertThat(collection.getString("type")).isEqualTo("OrderedCollection");
            HttpResponse<String> response = send(get("activity/feed?size=1&page=true", "alice", mediaType));

            assertThat(response.statusCode()).as(mediaType).isEqualTo(200);
            JsonObject page = json(response).asJsonObject();
            assertThat(page.getJsonArray("@context").getString(0)).isEqualTo("https://www.w3.org/ns/activitystreams");
            assertThat(page.getString("type")).isEqualTo("OrderedCollectionPage");
            JsonObject activity = page.getJsonArray("orderedItems").getJsonObject(0);
            assertThat(activity.getString("type")).isEqualTo("Activity");
            assertThat(activity.getString("actrack:verb")).isEqualTo("arrived");
            assertThat(activity.getJsonArray("object").getJsonObject(0).getString("id"))
                    .endsWith("/activity/objects/Train/"
                            + activity.getJsonArray("object")
                                    .getJsonObject(0)
                                    .getString("id")
                                    .replaceAll(".*/", ""));
            assertThat(page.getString("next")).contains("cursor=");
            assertThat(page.getString("partOf")).isEqualTo(collection.getString("id"));
            assertThat(activity.getString("id")).as("dereferenceable").contains("/activity/actions/");
        }
    }

    @Test
    void theNextLinkLeadsToTheOlderActions() throws Exception {
        JsonObject first = json(send(get("activity/feed?size=1", "alice", "application/json")))
                .asJsonObject();

        JsonObject second = json(send(HttpRequest.newBuilder(URI.create(first.getString("next")))
                        .header("Authorization", basic("alice"))
                        .header("Accept", "application/json")
                        .build()))
                .asJsonObject();

        assertThat(second.getJsonArray("items").getJsonObject(0).getString("verb"))
                .isEqualTo("departed");
        assertThat(second.isNull("next")).isTrue();
    }

    @Test
    void theFirstPageCarriesALinkToTheNextAndAnETagThatAnswers304WhileNothingChanged() throws Exception {
        HttpResponse<String> first = send(get("activity/feed?size=1", "alice", "application/json"));
        String tag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = send(HttpRequest.newBuilder(url("activity/feed?size=1"))
                .header("Authorization", basic("alice"))
                .header("Accept", "application/json")
                .header("If-None-Match", tag)
                .build());
        HttpResponse<String> asActivityStreams = send(HttpRequest.newBuilder(url("activity/feed?size=1&page=true"))
                .header("Authorization", basic("alice"))
                .header("Accept", "application/activity+json")
                .header("If-None-Match", tag)
                .build());

        assertThat(first.headers().firstValue("Link"))
                .get()
                .asString()
                .isEqualTo("<" + json(first).asJsonObject().getString("next") + ">; rel=\"next\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(asActivityStreams.statusCode())
                .as("another representation, another tag")
                .isEqualTo(200);
    }

    @Test
    void markingOneActionReadLowersTheUnreadCount() throws Exception {
        long before = json(send(get("activity/feed/unread-count", "alice", "application/json")))
                .asJsonObject()
                .getInt("unread");
        JsonObject unread = json(send(get("activity/feed?unread=true&size=1", "alice", "application/json")))
                .asJsonObject();
        long id = unread.getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        HttpResponse<String> marked = send(post("activity/feed/" + id + "/read", "alice"));

        assertThat(json(marked).asJsonObject().getBoolean("changed")).isTrue();
        assertThat(json(send(get("activity/feed/unread-count", "alice", "application/json")))
                        .asJsonObject()
                        .getInt("unread"))
                .isEqualTo(before - 1);
    }

    @Test
    void bobSeesNothingOfAlicesFeedAndMarksNothingOfItRead() throws Exception {
        JsonObject alicesFeed =
                json(send(get("activity/feed", "alice", "application/json"))).asJsonObject();
        long id = alicesFeed
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long alicesUnread = json(send(get("activity/feed/unread-count", "alice", "application/json")))
                .asJsonObject()
                .getInt("unread");

        JsonObject bobsFeed =
                json(send(get("activity/feed", "bob", "application/json"))).asJsonObject();
        HttpResponse<String> bobMarks = send(post("activity/feed/" + id + "/read", "bob"));
        JsonObject bobMarksAll = json(send(post("activity/feed/read", "bob"))).asJsonObject();
        JsonObject bobsCount = json(send(get("activity/feed/unread-count", "bob", "application/json")))
                .asJsonObject();

        assertThat(bobsFeed.getJsonArray("items")).isEmpty();
        assertThat(bobMarks.statusCode())
                .as("the same answer as for an id no action has")
                .isEqualTo(404);
        assertThat(json(bobMarks).asJsonObject().getString("code")).isEqualTo("ACTRACK-905");
        assertThat(bobMarksAll.getInt("marked"))
                .as("bob's own unread actions only: none")
                .isZero();
        assertThat(bobsCount.getInt("unread")).isZero();
        assertThat(json(send(get("activity/feed/unread-count", "alice", "application/json")))
                        .asJsonObject()
                        .getInt("unread"))
                .isEqualTo(alicesUnread);
    }

    @Test
    void badParametersAre400ProblemsWithActracksCode() throws Exception {
        List<String> queries = List.of(
                "size=0",
                "size=-1",
                "size=101",
                "size=100000",
                "size=abc",
                "size=1e3",
                "cursor=garbage",
                "cursor=%00%27%3B--",
                "unread=maybe",
                "level=LOUD",
                "level=99999",
                "verb=",
                "verb=" + "x".repeat(300));
        for (String query : queries) {
            HttpResponse<String> response = send(get("activity/feed?" + query, "alice", "application/json"));

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(query)
                    .get()
                    .asString()
                    .startsWith("application/problem+json");
            assertThat(json(response).asJsonObject().getString("code"))
                    .as(query)
                    .startsWith("ACTRACK-");
        }
    }

    /**
     * Payara Micro serves MicroProfile OpenAPI at /openapi (with mp.openapi.extensions.scan.lib=true for classes of
     * library jars); WildFly's default profile has no OpenAPI subsystem.
     */
    @Test
    @org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
    void theServersOpenApiDocumentListsActracksResources() throws Exception {
        HttpResponse<String> openapi =
                send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/openapi"))
                        .header("Accept", "application/json")
                        .build());

        assertThat(openapi.statusCode()).isEqualTo(200);
        JsonObject paths = json(openapi).asJsonObject().getJsonObject("paths");
        assertThat(paths.keySet())
                .anySatisfy(path -> assertThat(path).endsWith("/activity/feed"))
                .anySatisfy(path -> assertThat(path).endsWith("/activity/feed/events"))
                .anySatisfy(path -> assertThat(path).endsWith("/activity/trackers/{type}/{id}"))
                .anySatisfy(path -> assertThat(path).endsWith("/activity/objects/{type}/{id}/actions"));
        JsonObject feed = paths.entrySet().stream()
                .filter(path -> path.getKey().endsWith("/activity/feed"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .asJsonObject();
        assertThat(feed.getJsonObject("get").getString("summary"))
                .isEqualTo("A page of the caller's feed, newest first");
    }

    @Test
    void aMalformedAcceptHeaderIsA400ProblemBeforeTheRuntimeReadsIt() throws Exception {
        for (String accept : List.of("garbage", "application/json;q=abc", "application/json;q=2", "text/html, ;;")) {
            HttpResponse<String> response = send(get("activity/feed", "alice", accept));

            assertThat(response.statusCode()).as(accept).isEqualTo(400);
            assertThat(json(response).asJsonObject().getString("detail"))
                    .as(accept)
                    .contains("Accept header");
        }
    }

    @Test
    void unknownActionsAndWrongMethodsAreProblemsToo() throws Exception {
        assertThat(send(post("activity/feed/999999999/read", "alice")).statusCode())
                .isEqualTo(404);
        assertThat(send(post("activity/feed/abc/read", "alice")).statusCode()).isEqualTo(400);
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(url("activity/feed/unread-count"))
                .header("Authorization", basic("alice"))
                .header("X-Requested-With", "test")
                .DELETE()
                .build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
        HttpResponse<String> notAcceptable = send(get("activity/feed", "alice", "text/html"));
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
        assertThat(json(notAcceptable).asJsonObject().getString("code")).isEqualTo("ACTRACK-910");
    }

    @Test
    void theResourcesAnswerOnlyUnderActracksOwnApplication() throws Exception {
        assertThat(send(get("api/hello", "alice", "text/plain")).body()).isEqualTo("hello");
        assertThat(send(get("api/feed", "alice", "application/json")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aThousandRandomAndHostileRequestsGetNoServerError() throws Exception {
        Random random = new Random(20261124);
        List<String> values = List.of(
                "",
                "0",
                "-1",
                "1001",
                "99999999999999999999",
                "1e3",
                "abc",
                "true",
                "maybe",
                "null",
                "garbage",
                "' OR '1'='1",
                "1; DROP TABLE actrack_action",
                "<script>alert(1)</script>",
                "&amp;&lt;",
                "%00",
                "\u0000",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "ü€\u202e",
                "../../etc/passwd",
                "x".repeat(5000),
                Base64.getUrlEncoder().encodeToString("forged cursor".getBytes(StandardCharsets.UTF_8)),
                "AAAA.BBBB",
                "INFO",
                "LOUD");
        List<String> paths = List.of(
                "activity/feed",
                "activity/feed/unread-count",
                "activity/feed/read",
                "activity/feed/%s/read",
                "activity/feed/%s",
                "activity/%s",
                "activity/objects/%s/%s",
                "activity/feed/%s/%s/read",
                "activity/objects/Train/%s/actions",
                "activity/objects/%s/actions",
                "activity/actions/%s",
                "activity/trackers/%s/%s",
                "activity/trackers/Train/%s",
                "activity/trackers");
        List<String> parameters =
                List.of("size", "cursor", "before", "unread", "verb", "level", "id", "role", "actorOnly", "%s");
        List<String> accepts = List.of(
                "application/json",
                "application/activity+json",
                "application/ld+json",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
                "text/html",
                "*/*",
                "application/xml",
                "garbage",
                "application/json;q=abc",
                "",
                "text/event-stream",
                "application/atom+xml");
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
        List<String> failures = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String path = paths.get(random.nextInt(paths.size()))
                    .replaceFirst("%s", encoded(segment(values, random)))
                    .replaceFirst("%s", encoded(segment(values, random)));
            StringBuilder query = new StringBuilder();
            for (int p = random.nextInt(4); p > 0; p--) {
                String name = parameters
                        .get(random.nextInt(parameters.size()))
                        .replace("%s", values.get(random.nextInt(values.size())));
                query.append(query.length() == 0 ? "?" : "&")
                        .append(encoded(name))
                        .append('=')
                        .append(encoded(values.get(random.nextInt(values.size()))));
            }
            String method = methods.get(random.nextInt(methods.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(url(path + query))
                    .method(
                            method,
                            method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(values.get(random.nextInt(values.size()))));
            String accept = accepts.get(random.nextInt(accepts.size()));
            if (!accept.isEmpty()) {
                request.header("Accept", accept);
            }
            switch (random.nextInt(3)) {
                case 0 -> request.header("Authorization", basic("carol"));
                case 1 ->
                    request.header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString("carol:wrong".getBytes(StandardCharsets.UTF_8)));
                default -> {}
            }
            HttpResponse<String> response;
            try {
                response = sendOnAFreshConnectionIfClosed(request.build());
            } catch (java.io.IOException noAnswer) {
                failures.add(
                        method + " " + path + query + " (Accept " + accept + "): no answer, " + noAnswer.getMessage());
                continue;
            }
            if (response.statusCode() >= 500) {
                failures.add(method + " " + path + query + " (Accept " + accept + "): " + response.statusCode() + " "
                        + response.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * A hostile path segment that reaches the application: Payara Micro itself answers 501 to a PATCH whose path
     * holds an encoded slash, and drops the connection when a path holds characters beyond the BMP, before any
     * application code runs; such values are sent in query parameters instead.
     */
    private static String segment(List<String> values, Random random) {
        String value;
        do {
            value = values.get(random.nextInt(values.size()));
        } while (value.contains("/") || value.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        return value;
    }

    /**
     * Sends a request, once more on a new client when the server had closed the kept-alive connection the first
     * attempt went out on (after answering a refused request, servers may close it).
     */
    private HttpResponse<String> sendOnAFreshConnectionIfClosed(HttpRequest request) throws Exception {
        try {
            return send(request);
        } catch (java.io.IOException closed) {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest get(String path, String caller, String accept) {
        return client.get(path, caller, accept);
    }

    private HttpRequest post(String path, String caller) {
        return client.post(path, caller);
    }

    private URI url(String path) {
        return client.url(path);
    }

    private static String basic(String caller) {
        return RestClient.basic(caller);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request);
    }

    private static JsonStructure json(HttpResponse<String> response) {
        return RestClient.json(response);
    }
}
