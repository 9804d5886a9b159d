/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.actrack.ActionQuery;
import org.actrack.ActionStream;
import org.actrack.StreamArguments;
import org.actrack.StreamName;
import org.actrack.Streams;

/** The README's custom stream: django-activity-stream's {@code mystream}. */
@ApplicationScoped
@StreamName("mystream") // def mystream(self, obj, verb='posted', time=None)
public class MyStream implements ActionStream {

    @Override
    public ActionQuery query(Streams streams, Object subject, StreamArguments arguments) {
        return streams.actor(subject) // obj.actor_actions.filter(verb=verb, timestamp__lte=time)
                .verbs(arguments.text("verb", "posted"))
                .until(arguments.instant("time", Instant.now()));
    }
}
