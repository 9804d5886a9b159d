/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.rest.RestProblem.RestException;

/**
 * The body of {@code POST trackers/follow} and {@code POST trackers/unfollow}: the objects and types to follow or
 * unfollow at once, and the verbs and role the request applies to all of them:
 *
 * <pre>{@code
 * {"objects": [{"type": "Train", "id": "12"}, {"type": "Station"}], "verbs": ["arrived"], "actorOnly": false,
 *  "flag": "watching"}
 * }</pre>
 *
 * <p>Read whole before anything is looked up: at most {@value #MAX_BYTES} bytes and {@value #MAX_OBJECTS} objects, no
 * other member; anything else is a 400 problem naming the member and what it must be.
 *
 * @param objects the objects ({@code type} and {@code id}) and types ({@code type} alone), in the order given
 * @param verbs only these verbs; empty for every verb
 * @param actorOnly {@code "true"} or {@code "false"} when the body says, else {@code null}
 * @param flag the trackers' flag, {@code null} for the trackers without one
 */
record TrackerBatch(List<ObjectRef> objects, List<String> verbs, String actorOnly, String flag) {

    static final int MAX_BYTES = 65_536;
    static final int MAX_OBJECTS = 100;

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final Set<String> MEMBERS = Set.of("objects", "verbs", "actorOnly", "flag");
    private static final String EXAMPLE = "a JSON object such as {\"objects\": [{\"type\": \"Train\", \"id\": \"12\"},"
            + " {\"type\": \"Station\"}]}, with verbs, actorOnly and flag optional";

    static TrackerBatch read(InputStream body) {
        String text = text(body);
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("body", EXAMPLE, text);
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException malformed) {
            throw invalid("body", EXAMPLE, text);
        }
        for (String member : json.keySet()) {
            if (!MEMBERS.contains(member)) {
                throw invalid("body", EXAMPLE + " (no member '" + member + "')", text);
            }
        }
        return new TrackerBatch(
                objects(json.get("objects")),
                verbs(json.get("verbs")),
                actorOnly(json.get("actorOnly")),
                flag(json.get("flag")));
    }

    private static List<ObjectRef> objects(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_OBJECTS) {
            throw invalid(
                    "objects",
                    "an array of 1 to " + MAX_OBJECTS + " objects such as {\"type\": \"Train\", \"id\": \"12\"}",
                    String.valueOf(value));
        }
        List<ObjectRef> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String name = "objects[" + i + "]";
            String expected =
                    "{\"type\": \"Train\", \"id\": \"12\"}, or {\"type\": \"Station\"} for every entity of a type";
            if (!(array.get(i) instanceof JsonObject object)
                    || !object.keySet().stream().allMatch(Set.of("type", "id")::contains)
                    || !(object.get("type") instanceof JsonString type)
                    || type.getString().isBlank()) {
                throw invalid(name, expected, String.valueOf(array.get(i)));
            }
            JsonValue id = object.get("id");
            if (id == null) {
                objects.add(ObjectRef.wholeType(type.getString()));
            } else if (id instanceof JsonString text && !text.getString().isBlank()) {
                objects.add(ObjectRef.of(type.getString(), text.getString()));
            } else if (id instanceof JsonNumber number && number.isIntegral()) {
                objects.add(
                        ObjectRef.of(type.getString(), number.bigIntegerValue().toString()));
            } else {
                throw invalid(name, expected, String.valueOf(object));
            }
        }
        return List.copyOf(objects);
    }

    private static List<String> verbs(JsonValue value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(verb -> verb instanceof JsonString)) {
            throw invalid("verbs", "an array of verbs such as [\"arrived\"]", String.valueOf(value));
        }
        return array.getValuesAs(JsonString::getString);
    }

    private static String actorOnly(JsonValue value) {
        if (value == null) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        throw invalid("actorOnly", "true or false", String.valueOf(value));
    }

    private static String flag(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString flag) {
            return flag.getString();
        }
        throw invalid("flag", "a flag such as \"watching\"", String.valueOf(value));
    }

    private static String text(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw RestProblem.INVALID_PARAMETER.exception(
                        "body", "JSON of at most " + MAX_BYTES + " bytes", "longer");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RestException invalid(String name, String expected, String value) {
        return RestProblem.INVALID_PARAMETER.exception(name, expected, RequestParameters.shortened(value));
    }
}
