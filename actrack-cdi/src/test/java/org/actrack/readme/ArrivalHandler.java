/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalInt;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ReadGrouping;
import org.actrack.RenderContext;
import org.actrack.Verb;

@ApplicationScoped
@Verb("arrived")
public class ArrivalHandler implements ActionHandler {

    @Override
    public OptionalInt level() {
        return OptionalInt.of(40);                          // WARNING, unless the call gives a level
    }

    @Override
    public String text(Action action, RenderContext context) {
        String driver = action.actor(Member.class).map(Member::getName).orElse("A driver");
        String train = action.targets(Train.class).stream().map(Train::getName).findFirst().orElse("a train");
        return driver + " brought " + train + " in";
    }

    @Override
    public ReadGrouping readGrouping() {
        return ReadGrouping.byTarget().within(Duration.ofHours(1)); // a train's arrivals of one hour, one group
    }
}
// spotless:on
