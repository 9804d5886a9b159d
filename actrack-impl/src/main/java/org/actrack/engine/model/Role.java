/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

/** The part an object plays in an action. */
public enum Role {
    /** The one who acted. */
    ACTOR,
    /** What the action was done to. */
    TARGET,
    /** What the action relates to (django-activity-stream's action object). */
    RELATED
}
