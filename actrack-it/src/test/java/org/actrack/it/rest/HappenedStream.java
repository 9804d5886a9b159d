/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.ActionQuery;
import org.actrack.ActionStream;
import org.actrack.StreamArguments;
import org.actrack.StreamName;
import org.actrack.Streams;

/** A custom stream of the container suites: what happened to an object, of one verb ({@code departed} unless told). */
@ApplicationScoped
@StreamName("happened")
public class HappenedStream implements ActionStream {
    @Override
    public ActionQuery query(Streams streams, Object subject, StreamArguments arguments) {
        return streams.any(subject).verbs(arguments.text("verb", "departed"));
    }
}
