/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.Actionable;

/** What trains do, as actions: each method logs when it returns, in the caller's transaction. */
@ApplicationScoped
public class Movements {

    @Actionable("departed")
    public void departed(
            @Actionable.Actor Train train, @Actionable.Related Station from, @Actionable.Related Station to) {}

    @Actionable("arrived")
    public void arrived(@Actionable.Actor Train train, @Actionable.Related Station at) {}

    @Actionable("retired")
    public void retired(@Actionable.Actor Train train, @Actionable.Related Station at) {}
}
