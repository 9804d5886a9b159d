/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import org.actrack.StreamLimits;

/**
 * Who may see the actions about what: the application's rules for everything actrack-rest shows a caller. One rule
 * decides every route: the object and type streams ({@code GET objects/{entity}/{id}/actions},
 * {@code GET objects/{entity}/actions}) and the custom streams read through them ({@link #maySeeStream}), following ({@code PUT trackers/…}: 403 for an object the caller may not
 * see), the caller's feed, its unread count and read marks, single actions ({@code GET actions/{id}}) and the live
 * feed. An action is shown to a caller only as far as the stream of an object it came through would show it:
 * through a tracker of the feed, or through one of its objects' (or their types') streams.
 *
 * <p>Without a bean of this type there are no rules: the caller's feed shows what their trackers match, and object
 * and type streams, following over HTTP and single actions outside the feed answer 404, unless
 * {@code actrack.rest.open-streams=true} opens them to every signed-in user.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class ProjectVisibility implements ActionVisibility {
 *     public boolean maySee(Object user, Object object) {
 *         return object instanceof Project project && project.hasMember((Member) user);
 *     }
 *     public StreamLimits limits(Object user, Object object) {
 *         return ((Member) user).isGuest() ? StreamLimits.NONE.minLevel(Level.INFO.value()) : StreamLimits.NONE;
 *     }
 * }
 * }</pre>
 *
 * The rules run once per request and object, never once per action: {@link #limits} narrow the queries themselves
 * (intersected with the request's own filters), so the database applies them and pages stay full and counts true.
 * A live feed applies the rules as they were when it opened, or when the user's trackers last changed: fire
 * {@link org.actrack.TrackersChanged} for a user whose rules changed to apply the new ones to their open live feeds.
 */
public interface ActionVisibility {

    /**
     * Whether the user may read the actions about an object (its stream) or of a whole entity type (the type's
     * stream).
     *
     * @param user the caller's user entity
     * @param objectOrType a {@code @Connected} entity (or the {@link org.actrack.DeletedItem} of one that was removed),
     *        or the entity class for a type's stream
     * @return whether the stream is readable; {@code false} answers 403, and hides it from the feed
     */
    boolean maySee(Object user, Object objectOrType);

    /**
     * Narrows a readable stream to the actions the user may see: limits that actrack-rest adds to the query,
     * intersected with the request's filters (a request can narrow them further, never widen them). The default
     * keeps the stream whole.
     *
     * @param user the caller's user entity
     * @param objectOrType the entity or entity class whose stream is read
     * @return the limits
     */
    default StreamLimits limits(Object user, Object objectOrType) {
        return StreamLimits.NONE;
    }

    /**
     * Whether the user may read a {@linkplain org.actrack.ActionStream custom stream} for an object or type
     * ({@code GET objects/{entity}/{id}/actions?stream=mystream}). The stream's actions are then limited by
     * {@link #limits} of the object or type, as its own stream is. By default a user may read every custom stream of
     * what they may see; a stream that reads beyond its subject (other objects' actions) needs a rule of its own
     * here, as actrack-rest cannot tell what the stream reads.
     *
     * @param user the caller's user entity
     * @param stream the custom stream's name
     * @param objectOrType the entity or entity class it is read for
     * @return whether the stream is readable; {@code false} answers 403
     */
    default boolean maySeeStream(Object user, String stream, Object objectOrType) {
        return maySee(user, objectOrType);
    }
}
