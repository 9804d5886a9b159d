/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.actrack.ActionQuery;
import org.actrack.ActionStream;
import org.actrack.StreamArguments;
import org.actrack.Streams;

/** The application's {@linkplain ActionStream custom streams} by name, as the builder was given them. */
final class CustomStreams {

    private final SortedMap<String, ActionStream> byName;

    private CustomStreams(SortedMap<String, ActionStream> byName) {
        this.byName = byName;
    }

    /** Collects streams for the builder; a name is checked as it is added. */
    static final class Collector {
        private final SortedMap<String, ActionStream> byName = new TreeMap<>();

        void add(String name, ActionStream stream) {
            if (!ActionStream.isValidName(name)) {
                throw new IllegalArgumentException(
                        "The stream name '" + name + "' is not valid; a name is " + ActionStream.NAME_SYNTAX);
            }
            if (byName.putIfAbsent(name, stream) != null) {
                throw new IllegalArgumentException("Two streams are named '" + name + "': "
                        + byName.get(name).getClass().getName() + " and "
                        + stream.getClass().getName());
            }
        }

        CustomStreams build() {
            return new CustomStreams(Collections.unmodifiableSortedMap(new TreeMap<>(byName)));
        }
    }

    SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
    }

    ActionQuery query(Streams streams, String name, Object subject, Map<String, ?> arguments) {
        ActionStream stream = byName.get(name);
        if (stream == null) {
            throw Problem.UNKNOWN_STREAM.exception(
                    name, byName.isEmpty() ? "there are none" : "there are " + String.join(", ", byName.keySet()));
        }
        if (subject == null) {
            throw Problem.NULL_OBJECT.exception("subject of the stream '" + name + "'");
        }
        if (arguments == null) {
            throw Problem.NULL_OBJECT.exception("map of arguments of the stream '" + name + "'");
        }
        StreamArguments given = StreamArguments.of(arguments);
        ActionQuery query = stream.query(streams, subject, given);
        if (query == null) {
            throw Problem.STREAM_WITHOUT_QUERY.exception(name, stream.getClass().getName());
        }
        return query;
    }
}
