package org.actrack.rest;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Who may see the actions about what: the application's rules for the object and type streams of actrack-rest
 * ({@code GET objects/{entity}/{id}/actions}, {@code GET objects/{entity}/actions}) and for single actions
 * outside the caller's own feed. Without a bean of this type those streams answer 404, unless
 * {@code actrack.rest.open-streams=true} opens them to every authenticated user.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class ProjectVisibility implements ActionVisibility {
 *     public boolean maySee(Object user, Object object) {
 *         return object instanceof Project project && project.hasMember((Member) user);
 *     }
 *     public Limits limits(Object user, Object object) {
 *         return ((Member) user).isGuest() ? Limits.NONE.minLevel(Level.INFO.value()) : Limits.NONE;
 *     }
 * }
 * }</pre>
 *
 * The rules run once per request, not once per action: {@link #limits} narrow the query itself (intersected
 * with the request's own filters), so the database applies them and pages stay full and counts true.
 */
public interface ActionVisibility {

    /**
     * Whether the user may read the actions about an object (its streams) or of a whole entity type (the type's
     * stream). A single action outside the user's feed is readable when one of its objects is.
     *
     * @param user the caller's user entity
     * @param objectOrType a {@code @Connected} entity, or the entity class for a type's stream
     * @return whether the stream is readable; {@code false} answers 403
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
    default Limits limits(Object user, Object objectOrType) {
        return Limits.NONE;
    }

    /**
     * Limits of a stream, each applied inside the query.
     *
     * @param verbs only actions of these verbs; empty for every verb
     * @param minLevel only actions at or above this level, or {@code null}
     * @param since only actions at or after this instant, or {@code null}
     */
    record Limits(Set<String> verbs, Integer minLevel, Instant since) {

        /** No limit. */
        public static final Limits NONE = new Limits(Set.of(), null, null);

        /**
         * Copies the verbs.
         *
         * @param verbs only actions of these verbs; empty for every verb
         * @param minLevel only actions at or above this level, or {@code null}
         * @param since only actions at or after this instant, or {@code null}
         */
        public Limits {
            verbs = Set.copyOf(Objects.requireNonNull(verbs, "verbs"));
        }

        /**
         * These limits, and only these verbs.
         *
         * @param only the verbs
         * @return the limits
         */
        public Limits verbs(String... only) {
            return new Limits(Set.of(only), minLevel, since);
        }

        /**
         * These limits, and only actions at or above a level.
         *
         * @param level the lowest level shown
         * @return the limits
         */
        public Limits minLevel(int level) {
            return new Limits(verbs, level, since);
        }

        /**
         * These limits, and only actions at or after an instant.
         *
         * @param instant the oldest time shown
         * @return the limits
         */
        public Limits since(Instant instant) {
            return new Limits(verbs, minLevel, instant);
        }
    }
}
