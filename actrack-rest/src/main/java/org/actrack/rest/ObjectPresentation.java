/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.net.URI;
import java.util.Optional;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;

/**
 * How an object appears in actrack-rest's representations: its name (plain JSON {@code name}, Activity Streams
 * {@code name}, Atom {@code author/name}) and its URI (Activity Streams {@code id}, Atom {@code uri} and links).
 * The default names an object by its {@code toString()} (a deleted item by its description) and addresses it at
 * actrack's own {@code …/activity/objects/{entity}/{id}}. An application replaces it with an
 * {@code @Alternative @Priority(…)} bean of this type:
 *
 * <pre>{@code
 * @Alternative @Priority(APPLICATION) @ApplicationScoped
 * class TrainPages implements ObjectPresentation {
 *     public String name(Object object) {
 *         return object instanceof Train train ? "Train " + train.getNumber() : ObjectPresentation.super.name(object);
 *     }
 *     public Optional<URI> uri(ObjectRef ref, Object object) {
 *         return object instanceof Train ? Optional.of(URI.create("https://trains.example/" + ref.id())) : Optional.empty();
 *     }
 * }
 * }</pre>
 */
public interface ObjectPresentation {

    /**
     * The name shown for an object.
     *
     * @param object an entity, or a {@link DeletedItem} for an entity removed since
     * @return the name; the default is {@code toString()}, or the deleted item's description
     */
    default String name(Object object) {
        return object instanceof DeletedItem item ? item.description() : String.valueOf(object);
    }

    /**
     * The object's URI, when the application has one of its own (its page, its API).
     *
     * @param ref the object's entity name and id
     * @param object the entity, or a {@link DeletedItem}
     * @return the URI; empty (the default) for actrack's address {@code …/activity/objects/{entity}/{id}}
     */
    default Optional<URI> uri(ObjectRef ref, Object object) {
        return Optional.empty();
    }
}
