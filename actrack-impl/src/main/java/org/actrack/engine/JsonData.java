/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes and reads the JSON data of actions with JSON-B. */
public final class JsonData {

    private static final String EMPTY = "{}";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /**
     * The JSON text of {@code data}.
     *
     * @throws org.actrack.ActrackException naming the entry JSON-B cannot write
     */
    public String write(Map<String, Object> data) {
        if (data.isEmpty()) {
            return EMPTY; // most actions carry no data: JSON-B took a tenth of the time of logging to say so
        }
        String json;
        try {
            json = jsonb.toJson(data);
        } catch (RuntimeException failure) {
            throw blame(data, failure);
        }
        if (json.length() > org.actrack.engine.model.ActionEntity.JSON_LENGTH) {
            throw Problem.DATA_TOO_LONG.exception(json.length(), org.actrack.engine.model.ActionEntity.JSON_LENGTH);
        }
        return json;
    }

    /**
     * {@code data} in the shape it will have when read back from the database (maps, lists,
     * {@code BigDecimal} numbers), so that merging queued and stored data compares like with like.
     *
     * @throws org.actrack.ActrackException naming the entry JSON-B cannot write
     */
    public Map<String, Object> normalize(Map<String, Object> data) {
        if (data.isEmpty()) {
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap(read(write(data)));
    }

    /** A whole JSON document of maps, lists and values, of any length (an export, not a column). */
    public String document(Map<String, Object> document) {
        return jsonb.toJson(document);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> read(String json) {
        if (EMPTY.equals(json)) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> data = jsonb.fromJson(json, LinkedHashMap.class);
        return data == null ? Map.of() : data;
    }

    private RuntimeException blame(Map<String, Object> data, RuntimeException failure) {
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            try {
                jsonb.toJson(entry.getValue());
            } catch (RuntimeException entryFailure) {
                Object value = entry.getValue();
                return Problem.DATA_NOT_JSON.exception(
                        entryFailure,
                        entry.getKey(),
                        value == null ? "null" : value.getClass().getName(),
                        entryFailure.getMessage());
            }
        }
        return Problem.DATA_NOT_JSON.exception(failure, data.keySet(), "map", failure.getMessage());
    }
}
