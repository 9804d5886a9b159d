/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.actrack.Actionable;

@ApplicationScoped
public class Trains {

    @Transactional
    @Actionable("departed")                                 // logged when the method returns normally
    public void depart(@Actionable.Actor Member driver, @Actionable.Target Train train,
                       @Actionable.Related Station from, @Actionable.Data("platform") int platform) {
        // the business work; an exception rolls it back together with the action
    }
}
// spotless:on
