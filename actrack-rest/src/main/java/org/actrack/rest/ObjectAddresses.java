/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import org.actrack.ObjectRef;

/**
 * Names and URIs in one request's representations: objects by the application's presentation, else by actrack's
 * address of them; actions by their own address ({@code …/activity/actions/{id}}).
 */
final class ObjectAddresses {

    private final ObjectPresentation presentation;
    private final UriBuilder base;

    /** @param base actrack's application URI, {@code …/activity/}, where objects and actions are addressed */
    ObjectAddresses(ObjectPresentation presentation, UriBuilder base) {
        this.presentation = presentation;
        this.base = base;
    }

    /** The object's name; empty when the object is gone without a deleted item. */
    String name(Optional<Object> object) {
        return object.map(presentation::name).orElse("");
    }

    /** The object's URI: the application's, else actrack's. */
    String uri(ObjectRef ref, Optional<Object> object) {
        return object.flatMap(found -> presentation.uri(ref, found))
                .map(Object::toString)
                .orElseGet(() -> actrackAddress(ref));
    }

    /** actrack's address of an object, or of a whole type's stream for a reference without id. */
    String actrackAddress(ObjectRef ref) {
        return ref.isWholeType()
                ? base.clone()
                        .path("objects")
                        .path(ref.type())
                        .path("actions")
                        .build()
                        .toString()
                : base.clone()
                        .path("objects")
                        .path(ref.type())
                        .path(ref.id())
                        .build()
                        .toString();
    }

    /** The address of one action ({@code GET actions/{id}}). */
    String action(long id) {
        return base.clone().path("actions").path(Long.toString(id)).build().toString();
    }
}
